import ArgumentParser
import Foundation
import RegioCore
import RegioStore
import RegioUitvoer
import RegioWeergave

struct RapportCommando: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "De maandrapportage van één gemeente als zelfstandig HTML-bestand (afdrukbaar op A4).",
        discussion: """
        Standaard de interne versie, met de tien duurste cliënten (pseudoniem). Met --raad de raadsversie: geen \
        cliëntgegevens, elke cel onder 5 cliënten als "<5". Met --format csv of csv-nl worden de tabellen als \
        CSV-bestanden in de map --uit geschreven; met --format xlsx als één Excel-werkboek met een blad per onderdeel.
        """)

    enum Formaat: String, ExpressibleByArgument, CaseIterable { case html, csv, csvNL = "csv-nl", xlsx }

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Gemeentecode (0307 of GM0307) of naam.") var gemeente: String
    @Option(name: .long, help: "Maand JJJJ-MM: de rapportage loopt van januari tot en met deze maand.") var maand: String
    @Option(name: .long, help: "HTML-bestand (map bij --format csv of csv-nl, .xlsx-bestand bij --format xlsx).") var uit: String
    @Flag(name: .long, help: "Raadsversie: geen cliëntrijen, kleine aantallen onderdrukt.") var raad = false
    @Option(name: .long, help: "Gegevens zoals bekend op deze datum (standaard de laatste dag van de maand).") var peildatum: String?
    @Option(name: .long, help: "html, csv, csv-nl (Nederlandse Excel) of xlsx (Excel-werkboek).") var format: Formaat = .html

    func run() throws {
        let start = Date()
        guard let m = Maand.parse(maand) else { throw ValidationError("ongeldige maand '\(maand)': gebruik JJJJ-MM") }
        let pd = try peildatum.map { s -> Dag in
            guard let d = Dag.parse(s) else { throw ValidationError("ongeldige peildatum '\(s)'") }
            return d
        }
        // last year's months (the comparison and the trend) up to the end of this year (the commitment line)
        // last year for the comparison; three years before for the forecast's run-off triangle (the expected outcome)
        let g = try database.open().gegevens(declaratiesVan: Dag.eersteVan(jaar: m.jaar - 3), tot: Dag.laatsteVan(jaar: m.jaar))
        let code = Codelijst.gemeentecode(gemeente)
            ?? g.gemeenten.first { $0.naam.lowercased() == gemeente.lowercased() }?.code
        guard let code, g.gemeenten.contains(where: { $0.code == code }) else {
            throw ValidationError("onbekende gemeente '\(gemeente)'; bekend: \(g.gemeenten.map { "\($0.code) \($0.naam)" }.joined(separator: ", "))")
        }
        let rapport: Maandrapport
        do {
            rapport = try Maandrapport.maak(g, gemeente: code, maand: m, peildatum: pd, versie: raad ? .raad : .intern)
        } catch {
            throw ValidationError(error.description)
        }
        switch format {
        case .html:
            try Rapport.html(rapport).write(toFile: uit, atomically: true, encoding: .utf8)
            print("Rapport \(rapport.gemeente.naam) \(m.naam) (\(raad ? "raadsversie" : "interne versie"), stand \(rapport.peildatum.nederlands)) geschreven naar \(uit).")
        case .csv, .csvNL:
            try FileManager.default.createDirectory(atPath: uit, withIntermediateDirectories: true)
            for o in rapport.onderdelen {
                guard let t = o.tabel else { continue }
                let pad = uit + "/" + o.naam + ".csv"
                try (format == .csv ? t.csv() : t.csvNL()).write(toFile: pad, atomically: true, encoding: .utf8)
                print(pad)
            }
        case .xlsx:
            // the command and the definitions after the report's own lines
            try Werkboek.maandrapport(rapport, extra: [("Opdracht", Werkboektoelichting.opdracht),
                                                            ("Gemaakt op", Werkboektoelichting.vandaag), Werkboek.definities]).schrijf(naar: uit)
            print("Rapport \(rapport.gemeente.naam) \(m.naam) als Excel-werkboek geschreven naar \(uit).")
        }
        stderr(String(format: "klaar in %.2f s", Date().timeIntervalSince(start)))
    }
}
