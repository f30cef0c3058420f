import ArgumentParser
import Foundation
import RegioCore
import RegioStore
import RegioWeergave

struct VereveningCommando: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        commandName: "verevening",
        abstract: "Risicoverevening van de verevende percelen: eigen kosten, sleutelaandeel, te betalen en saldo per gemeente.",
        discussion: """
            Scenario's: solidariteit (standaard), profijt, eigen-risico:R, drempel:H[:Q], plafond:E[:Q], bandbreedte:B:C, bonus-malus:RPLUS:RMIN.
            Sleutels: macrobudget (standaard), jeugdigen, inwoners, gebruik, objectief. Formules en rekenvoorbeeld: docs/verevening.md.
            Voorbeeld: regiomonitor verevening --jaar 2019 --scenario solidariteit --scenario eigen-risico:0.25 --scenario drempel:100000
            """)

    enum Indeling: String, ExpressibleByArgument, CaseIterable { case gemeente, perceel }

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Jaar (of eerste jaar met --tot).") var jaar: Int
    @Option(name: .long, help: "Laatste jaar: per jaar berekend en het saldo cumulatief over de jaren.") var tot: Int?
    @Option(name: .long, help: "Scenario; herhaal de optie om scenario's naast elkaar te zetten.") var scenario: [String] = []
    @Option(name: .long, help: "Verdeelsleutel: macrobudget, jeugdigen, inwoners, gebruik of objectief.") var sleutel: String = "macrobudget"
    @Option(name: .long, help: "gemeente (verevende percelen samen) of perceel (elk verevend perceel apart).") var per: Indeling = .gemeente
    @Option(name: .long, help: "Cijfers zoals bekend op deze datum (JJJJ-MM-DD).") var peildatum: String?
    @OptionGroup var uitvoer: Uitvoeropties
    @Option(name: .long, help: "Schrijf een grafiek van het saldo per gemeente per scenario naar dit bestand (.svg of .html).")
    var grafiek: String?

    func run() throws {
        let laatste = tot ?? jaar
        guard laatste >= jaar else { throw ValidationError("--tot \(laatste) ligt voor --jaar \(jaar)") }
        guard laatste - jaar < 50 else { throw ValidationError("kies hooguit 50 jaren") }
        let scenarios: [VereveningScenario]
        let sleutel: VereveningSleutel
        do {
            scenarios = try scenario.map { try VereveningScenario.parse($0) }
            sleutel = try VereveningSleutel.parse(self.sleutel)
        } catch { throw ValidationError("\(error)") }
        if let grafiek, !(grafiek.lowercased().hasSuffix(".svg") || grafiek.lowercased().hasSuffix(".html")) {
            throw ValidationError("--grafiek: geef een bestandsnaam die eindigt op .svg of .html")
        }
        // without a valuation date the costs come from the monthly sums when they are up to date (national scale);
        // the usage key looks back over earlier years
        let vanaf = sleutel.kijktTerug ? VereveningSleutel.gebruiksjaren(voor: jaar).lowerBound : jaar
        let basis = try Cijferdienst(try database.open()).basis(van: Dag.eersteVan(jaar: vanaf), tot: Dag.laatsteVan(jaar: laatste),
                                                                 lijnenNodig: peildatum != nil, zonderSommen: .alle)
        var g = basis.gegevens
        let sommen = basis.sommen
        if let peildatum {
            guard let d = Dag.parse(peildatum) else { throw ValidationError("ongeldige peildatum '\(peildatum)'") }
            g = g.bekendOp(d)
        }
        let rapport: VereveningRapport
        do {
            rapport = try VereveningRapport(g, jaren: jaar...laatste, scenarios: scenarios, sleutel: sleutel,
                                            perPerceel: per == .perceel, sommen: sommen)
        } catch {
            stderr("verevening: \(error)")
            throw ExitCode(1)
        }
        switch format {
        case .csv, .csvNL, .json, .xlsx: try rapport.machineTabel().afdrukken(uitvoer)
        case .tabel: try drukTabellen(rapport, peildatum: peildatum)
        }
        if let grafiek {
            let html = grafiek.lowercased().hasSuffix(".html")
            try rapport.grafiek(html: html).write(toFile: grafiek, atomically: true, encoding: .utf8)
            if format == .tabel { print("Grafiek geschreven naar \(grafiek).") }
        }
    }

    private func drukTabellen(_ r: VereveningRapport, peildatum: String?) throws {
        print("Verdeelsleutel: \(r.sleutel.rawValue) (\(r.sleutel.omschrijving)).")
        print("Verevende percelen: " + r.verevendePercelen.map { "\($0) (\(r.perceelnamen[$0] ?? $0))" }.joined(separator: ", ") + "."
              + (peildatum.map { " Cijfers zoals bekend op \($0)." } ?? ""))
        for (jaar, regels) in r.deelregels {
            print("Vereveningsregels \(jaar) (in plaats van verevend ja/nee van het perceel): \(regels).")
        }
        for (jaar, gebruikt) in r.gebruiksjarenMetKosten.sorted(by: { $0.key < $1.key }) where gebruikt.count < 3 {
            // a shorter history makes the key close to the year's own cost share: say so
            let venster = VereveningSleutel.gebruiksjaren(voor: jaar)
            print("Let op: sleutel gebruik voor \(jaar) rust alleen op \(gebruikt.map(String.init).joined(separator: ", ")); "
                  + "in de andere jaren van \(venster.lowerBound)-\(venster.upperBound) zijn geen verevende kosten geregistreerd.")
        }
        for s in r.scenarios { print("Scenario \(s.label) (--scenario \(s.naam)): \(s.omschrijving).") }
        for (titel, tabel) in try r.tabellen() {
            print("")
            print(titel)
            tabel.afdrukken(.tabel)
        }
        print("")
        print("Saldo = eigen kosten − te betalen; positief: voordeelgemeente (betaalt minder dan haar eigen kosten), "
              + "negatief: nadeelgemeente. De gemeenten betalen samen precies het totaal van de eigen kosten.")
        guard r.jaren.count == 1 else { return }
        // one year: where every rounding cent went, so each amount can be checked by hand (docs/verevening.md)
        for o in r.onderdelen {
            let waar = o.perceel.map { ", perceel \($0)" } ?? ""
            print("")
            print("Afronding \(o.scenario.label)\(waar): totaal T = \(o.uitkomst.totaal), restpot \(o.uitkomst.restpot).")
            for regel in o.uitkomst.afrondingstoelichting { print("  " + regel) }
        }
        if r.onderdelen.allSatisfy({ $0.uitkomst.totaal == .nul }) {
            print("")
            print("Let op: er zijn geen verevende kosten in \(r.jaartekst); alle bedragen zijn 0.")
        }
    }
}
