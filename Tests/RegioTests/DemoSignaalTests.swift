import Foundation
import Testing
import RegioCore
import RegioDemo
@testable import RegioImport
import RegioStore

/// The demo region through the real import: the planted extreme cases must be among the signals.
@Suite struct DemoSignaalTests {
    static func demo() throws -> Gegevens {
        let map = NSTemporaryDirectory() + "regiotest-demo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: map) }
        var paden: [String] = []
        for b in Demoregio(seed: 1).bestanden() {
            try b.inhoud.write(toFile: map + "/" + b.naam, atomically: true, encoding: .utf8)
            paden.append(map + "/" + b.naam)
        }
        let store = try SQLiteStore(pad: ":memory:")
        let verslagen = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: Proefregio.sleutel))
            .importeer(paden: paden, nu: "2021-04-01T00:00:00Z")
        #expect(verslagen.allSatisfy { $0.fouten.isEmpty })
        return try store.gegevens()
    }

    @Test func geplanteGevallenWordenGevonden() throws {
        let g = try Self.demo()
        let peil = try #require(Signaalmotor.laatsteDatum(g))
        #expect(peil == Dag(jaar: 2021, maand: 3, dag: 31))
        let run = Signaalmotor.voerUit(g, peildatum: peil)

        // the Soest client at ~EUR 400,000 a year in 2019 and 2020 (EF, 43A13)
        let extreem = try #require(g.toewijzingen.first {
            $0.productcode == "43A13" && $0.gemeentecode == "0342" && $0.ingangsdatum == Dag(jaar: 2019, maand: 1, dag: 1)
                && $0.einddatum == Dag(jaar: 2020, maand: 12, dag: 31)
        })
        let vanClient = run.signalen.filter { $0.client == extreem.client }
        let persistent = try #require(vanClient.first { $0.regel == "KOSTEN-PERSISTENT" })
        #expect(persistent.gemeentecode == "0342" && persistent.perceel == "EF")
        #expect(persistent.bedrag! > Euro(euro: 800_000))
        let hoog = try #require(vanClient.first { $0.regel == "KOSTEN-HOOG" })
        #expect(hoog.bedrag! > Euro(euro: 250_000))   // Apr-Dec 2020 of ~EUR 1,144 a day
        // declared at EUR 1,100+ a day against a commitment at the tariff of EUR 780+: utilisation ~141% at its end
        #expect(vanClient.contains { $0.regel == "UITNUTTING" && $0.toelichting.contains("boven 110%") })

        // four crisis placements of twelve weeks in 2020
        let crisis = g.toewijzingen.filter { t in
            t.productcode == "46A03" && t.ingangsdatum.jaar == 2020 && t.einddatum.map { $0 - t.ingangsdatum } == 83
        }
        #expect(crisis.count == 4)
        for t in crisis {
            let s = run.signalen.first { $0.regel == "DUUR" && $0.sleutel == "DUUR|\(t.gemeentecode)|\(t.client)|\(t.toewijzingnummer)" }
            #expect(s?.toelichting.hasPrefix("Crisis: 84 dagen") == true, "\(t.toewijzingnummer)")
        }

        // something a team can handle: print the counts for the notes
        let perRegel = Dictionary(grouping: run.signalen, by: \.regel).mapValues(\.count)
        print("Demoregio, peildatum \(peil): \(run.signalen.count) signalen", Signaalregels.alle.map { "\($0.code)=\(perRegel[$0.code] ?? 0)" })
    }
}
