import ArgumentParser
import Foundation
import RegioCore

struct BusinessCaseCommando: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        commandName: "businesscase",
        abstract: "Meerjarige business case (een CSV met per jaar cliënten, kosten en besparing, zoals de business case brede-spectrum-aanbieders) doorrekenen en de gedrukte cijfers controleren.",
        discussion: "Formules en de controle: docs/bekostiging.md, hoofdstuk 5. De standaardtolerantie past bij de BSA-tabel "
            + "(bedragen in hele duizenden, prijzen in hele euro's): € 1.000 voor bedragen, € 5 voor de prijs per cliënt.")

    @Argument(help: "CSV-bestand met een regel per jaar.") var bestand: String
    @Option(name: .customLong("tolerantie-bedragen"), help: "Toegestane afwijking van een gedrukt verschil in euro's.")
    var tolerantieBedragen: String?
    @Option(name: .customLong("tolerantie-prijs"), help: "Toegestane afwijking van een gedrukte prijs per cliënt in euro's.")
    var tolerantiePrijs: String?
    @Flag(name: .long, help: "Toon de controle van elk gedrukt cijfer, niet alleen de afwijkingen.") var alle = false
    @OptionGroup var uitvoer: Uitvoeropties

    func run() throws {
        guard let data = FileManager.default.contents(atPath: bestand) else {
            throw ValidationError("kan '\(bestand)' niet lezen")
        }
        let naam = (bestand as NSString).lastPathComponent
        let jaren: [BusinessCase.Jaar]
        do { jaren = try BusinessCase.lees(csv: String(decoding: data, as: UTF8.self), bestand: naam) } catch {
            stderr(error.description)
            throw ExitCode(1)
        }
        var t = BusinessCase.Tolerantie.bsaTabel
        if let tolerantieBedragen { t.bedragen = try Bekostigingsinvoer.bedrag(tolerantieBedragen, "--tolerantie-bedragen") }
        if let tolerantiePrijs { t.prijsPerClient = try Bekostigingsinvoer.bedrag(tolerantiePrijs, "--tolerantie-prijs") }
        let bc = BusinessCase(jaren: jaren, tolerantie: t)
        guard format == .tabel else { try bc.tabel().afdrukken(uitvoer); return }
        print("Business case \(naam): verschil = budget − zorglevering (subtotaal), min eenmalige investeringen en extra "
              + "financiering (totaal); prijs per cliënt = zorglevering / cliënten.")
        bc.tabel().afdrukken(.tabel)
        if let laatste = bc.uitkomsten.last, let eerste = bc.uitkomsten.first {
            print("Cumulatief verschil \(eerste.jaar)-\(laatste.jaar): \(laatste.cumulatiefVerschil)"
                  + (laatste.cumulatiefTekort > .nul ? " (tekort \(laatste.cumulatiefTekort))." : "."))
        }
        print("")
        print("Controle van de gedrukte cijfers (tolerantie: bedragen \(t.bedragen), prijs per cliënt \(t.prijsPerClient)): "
              + "\(bc.controles.count) cijfers vergeleken, \(bc.afwijkingen.count) afwijking\(bc.afwijkingen.count == 1 ? "" : "en").")
        for c in alle ? bc.controles : bc.afwijkingen { print((c.klopt ? "  " : "  AFWIJKING ") + c.uitleg) }
    }
}
