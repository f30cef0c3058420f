import ArgumentParser
import Foundation
import RegioCore
import RegioStore

struct Migreer: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        abstract: "Zet een regio over naar een andere database, bijvoorbeeld van het SQLite-bestand naar een PostgreSQL-server.",
        discussion: """
            Alles gaat in één transactie: lukt het niet, dan verandert er in het doel niets. Daarna worden bron en doel \
            vergeleken (aantallen, totalen en elk record). Nog eens draaien is veilig: wat er al staat, blijft ongewijzigd.
            Voorbeeld: regiomonitor migreer --van sqlite:regiomonitor.sqlite --naar postgres://regio@dbserver/amersfoort
            """)

    @Option(name: .long, help: "De bron: sqlite:BESTAND (of een pad) of postgres://...") var van: String
    @Option(name: .long, help: "Het doel: postgres://gebruiker:wachtwoord@host:poort/db (of sqlite:BESTAND).") var naar: String
    @OptionGroup var uitvoer: Uitvoeropties

    func run() throws {
        if DatabaseOpties.sqlitePad(van) != ":memory:", !van.hasPrefix("postgres"),
           !FileManager.default.fileExists(atPath: DatabaseOpties.sqlitePad(van)) {
            throw ValidationError("bron '\(van)' bestaat niet")
        }
        let start = Date()
        let bron = try DatabaseOpties.open(van), doel = try DatabaseOpties.open(naar, maakAan: true)
        let verslag = try Overzetting.verplaats(van: bron, naar: doel)
        var t = Tabel(kolommen: [.init("soort", "Soort", .links), .init("bron", "Bron"), .init("doel", "Doel"),
                                 .init("toegevoegd", "Toegevoegd"), .init("gewijzigd", "Gewijzigd"), .init("ongewijzigd", "Ongewijzigd")])
        for r in verslag.perSoort {
            t.rijen.append([Tabel.Cel(r.soort.rawValue), .aantal(r.bron), .aantal(r.doel), .aantal(r.telling.toegevoegd),
                            .aantal(r.telling.gewijzigd), .aantal(r.telling.ongewijzigd)])
        }
        try t.afdrukken(uitvoer)
        let g = verslag.bronGegevens
        if format == .tabel { print("Van \(DatabaseOpties.omschrijving(van)) naar \(DatabaseOpties.omschrijving(naar)) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s; \(verslag.importlogRegels) regels importgeschiedenis, \(verslag.leveringen) leveringen, \(verslag.ijwBerichten) iJw-berichten, \(verslag.gebruikers) gebruikers, \(verslag.inzageregels) regels inzagelog.") }
        if !verslag.verschillen.isEmpty {
            stderr("FOUT: bron en doel verschillen na het overzetten (stond er in het doel al iets anders?):")
            for v in verslag.verschillen { stderr("  \(v)") }
            throw ExitCode(1)
        }
        guard format == .tabel else { return }
        print("Gedeclareerd \(g.declaraties.map(\.kosten).som().heleEuros), budget \(g.budgetten.map(\.bedrag).som().heleEuros): bron en doel gecontroleerd: aantallen, totalen en elk record gelijk.")
    }
}
