import Foundation
import Testing
import RegioCore
@testable import RegioDemo
@testable import RegioImport
import RegioStore

/// `cijfers` as a user runs it (`Opdrachtregel.draai`) on a sample of the national year: with up-to-date sums it counts the
/// allocations while the sums are still being read, and must print exactly the figures computed from the lines.
@Suite struct CijfersCLITests {
    /// A sample of the national year 2025 imported into a new SQLite file: (its folder, the file, the store).
    static func landsteekproef(seed: UInt64, fractie: Double) throws -> (map: String, pad: String, store: SQLiteStore) {
        let map = NSTemporaryDirectory() + "regioland-\(UUID().uuidString)"
        let bron = map + "/land", pad = map + "/land.sqlite"
        _ = try Landelijk(seed: seed, jaar: 2025, fractie: fractie).schrijf(naar: bron)
        let store = try SQLiteStore(pad: pad)
        let paden = try FileManager.default.contentsOfDirectory(atPath: bron).map { bron + "/" + $0 }
        let verslagen = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 4, count: 32)))
            .importeer(paden: paden, nu: "")
        for v in verslagen { #expect(v.fouten.isEmpty, "\(v.bestand): \(v.fouten.prefix(3))") }
        return (map, pad, store)
    }

    @Test func sommenTerwijlToewijzingenTellenGelijkAanRegels() async throws {
        let (map, pad, store) = try Self.landsteekproef(seed: 5, fractie: 0.003)
        defer { try? FileManager.default.removeItem(atPath: map) }
        #expect(try store.aggregatenActueel())
        let g = try store.gegevens()
        let jaar = Dag.eersteVan(jaar: 2025), einde = Dag.laatsteVan(jaar: 2025)
        for (per, gemeente) in [(Groepering.gemeente, nil), (.aanbieder, nil), (.maand, nil), (.perceel, "0363"), (.verwijzer, nil)] {
            let (code, uit, fout) = await SignalenCLITests.draai(["cijfers", "--db", pad, "--jaar", "2025", "--per", per.rawValue,
                                                                 "--format", "csv", "--tijd"] + (gemeente.map { ["--gemeente", $0] } ?? []))
            #expect(code == 0, "\(fout)")
            #expect(fout.contains("uit de maandaggregaten"), "\(per): \(fout)")
            let (rijen, totaal) = Monitoring.kengetallen(g, van: jaar, tot: einde, per: per, selectie: Selectie(gemeente: gemeente))
            #expect(rijen.count > 1)
            // per month the months not yet complete on the last submission are marked (none of 2025 on 31-03-2026, the generator's stand)
            let stand = per == .maand ? g.declaraties.map(\.ingediendOp).max() : nil
            #expect(uit == Tabel.kengetallen(rijen, totaal, per: per, stand: stand).csv(), "\(per)")
        }
    }
}
