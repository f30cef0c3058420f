import ArgumentParser
import Foundation
import RegioCore
import RegioStore
import RegioUitvoer

/// `regiomonitor export`: the facts of the reporting views as files, for tools that take files instead of a database.
struct ExportCommando: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporteer de feiten en dimensies van de rapportageviews (docs/bi.md) van een jaar naar een map.",
        discussion: """
            Dezelfde cijfers als de views bi_* in de database: kosten en verplichting per maand x gemeente x perceel x \\
            aanbieder (feit_maand), per jaar met toewijzingen en unieke cliënten (feit_jaar), unieke cliënten per gemeente \\
            en voor de regio, en de dimensies gemeente, perceel, aanbieder, product en maand. Met --format csv (standaard, \\
            komma en punt), csv-nl (Nederlandse Excel) of xlsx (één werkboek met een blad per tabel). Unieke cliënten \\
            tellen niet op over cellen: gebruik clienten_gemeente en clienten_regio voor totalen.
            """)

    enum Formaat: String, ExpressibleByArgument, CaseIterable { case csv, csvNL = "csv-nl", xlsx }

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Jaar.") var jaar: Int
    @Option(name: .long, help: "Map voor de bestanden (wordt gemaakt).") var uit: String
    @Option(name: .long, help: "csv, csv-nl of xlsx.") var format: Formaat = .csv

    func run() throws {
        let a = try database.open()
        if try !a.aggregatenActueel() { try a.ververstAggregaten() }
        guard let sommen = try a.aggregaten(jaren: 1...9999, perAanbieder: true) else {
            throw Opdrachtfout(description: "de maandsommen zijn niet bij te werken; importeer de gegevens opnieuw")
        }
        let g = try a.gegevensZonderDeclaraties(verzoeken: false, toewijzingen: false)
        let feiten = try a.biFeiten(sommen: sommen)
        guard feiten.jaren.contains(where: { $0.jaar == jaar }) else {
            throw Opdrachtfout(description: "geen gegevens voor \(jaar): geen declaraties of toewijzingen in dat jaar")
        }
        let tabellen = BIExport.tabellen(feiten, g, jaar: jaar)
        try FileManager.default.createDirectory(atPath: uit, withIntermediateDirectories: true)
        switch format {
        case .csv, .csvNL:
            for (naam, _, t) in tabellen {
                let pad = uit + "/" + naam + ".csv"
                try (format == .csv ? t.csv() : t.csvNL()).write(toFile: pad, atomically: true, encoding: .utf8)
                print(pad)
            }
        case .xlsx:
            let pad = uit + "/regiomonitor-\(jaar).xlsx"
            try Werkboek(titel: "Regiomonitor feiten \(jaar)", toelichting: [
                ("Periode", "\(Dag.eersteVan(jaar: jaar).nederlands) t/m \(Dag.laatsteVan(jaar: jaar).nederlands)"),
                ("Unieke cliënten", "tellen niet op over cellen; de bladen clienten_gemeente en clienten_regio hebben de totalen"),
                ("Definities", "docs/bi.md en docs/definities.md"),
            ], bladen: tabellen.map { Werkboek.Blad($0.naam, $0.tabel, toelichting: $0.toelichting) }).schrijf(naar: pad)
            print(pad)
        }
    }
}
