import Foundation
import RegioCore
import RegioImport
import RegioStore
import Testing

/// A folder of thousands of messages in one import. The generator writes N clients x 5 messages (JW315, JW301, JW305,
/// JW323, JW325) with shuffled file names; set IJW_BULK_MAP to keep the folder (e.g. to time `regiomonitor import`)
/// and IJW_BULK_CLIENTEN for another N (default 400: 2,000 messages).
@Suite struct IJWBulkTests {
    typealias S = IJWSjabloon

    /// Messages for client `i`: care in month m = 1 + i % 9 of 2026, declared and approved the month after.
    static func berichten(client i: Int) -> [(String, String)] {
        let m = 1 + i % 9
        func dag(_ maand: Int, _ d: Int) -> String { String(format: "2026-%02d-%02d", maand, d) }
        let gemeente = i % 2 == 0 ? "0307" : "0327", agb = i % 3 == 0 ? "87654321" : "12345678", bsn = S.bsn(i)
        let product = S.Product(nummer: String(10_000 + i), referentie: "REF-\(i)", datum: dag(m, 4), van: dag(m, 5),
                                tot: dag(m + 2, 28))
        let prestatie = S.Prestatie(referentie: "R\(i)", nummer: String(10_000 + i), van: dag(m, 10), tot: dag(m, 20),
                                    volume: 4, bedrag: 25_000)
        return [
            ("V\(i)", S.jw315(id: "V\(i)", dag: dag(m, 2), agb: agb, gemeente: gemeente, bsn: bsn, producten: [product])),
            ("T\(i)", S.jw301(id: "T\(i)", dag: dag(m, 4), gemeente: gemeente, agb: agb, bsn: bsn, producten: [product])),
            ("S\(i)", S.jw305(id: "S\(i)", dag: dag(m, 6), agb: agb, gemeente: gemeente, bsn: bsn,
                              starts: [S.Start(nummer: String(10_000 + i), toewijzingVan: dag(m, 5), begin: dag(m, 6))])),
            ("D\(i)", S.jw323(id: "D\(i)", dag: dag(m + 1, 5), agb: agb, gemeente: gemeente, nummer: "DEC\(i)",
                              periode: (dag(m, 1), dag(m, 28)), clienten: [(bsn, [prestatie])])),
            ("A\(i)", S.jw325(id: "A\(i)", dag: dag(m + 1, 15), gemeente: gemeente, agb: agb, declaratieId: "D\(i)",
                              declaratieDag: dag(m + 1, 5), nummer: "DEC\(i)", ingediend: 25_000)),
        ]
    }

    @Test func tweeduizendBerichten() throws {
        let regio = try IJWTestregio()
        let clienten = ProcessInfo.processInfo.environment["IJW_BULK_CLIENTEN"].flatMap { Int($0) } ?? 400
        let map = ProcessInfo.processInfo.environment["IJW_BULK_MAP"] ?? (regio.map + "/bulk")
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        var paden: [String] = []
        for i in 0..<clienten {
            for (naam, xml) in IJWBulkTests.berichten(client: i) {
                // names whose order says nothing about the order of events
                let pad = map + "/" + String(format: "%08x", UInt32(truncatingIfNeeded: (paden.count + 1) &* 2_654_435_761)) + "-\(naam).xml"
                try xml.write(toFile: pad, atomically: false, encoding: .utf8)
                paden.append(pad)
            }
        }
        paden.sort()
        let klok = ContinuousClock()
        let start = klok.now
        let verslagen = try regio.importeer(paden: paden)
        let duur = klok.now - start
        print("iJw bulk: \(paden.count) berichten geïmporteerd in \(duur)")
        #expect(verslagen.count == clienten * 5)
        let geweigerd = verslagen.filter { $0.uitkomst != .geimporteerd }
        #expect(geweigerd.isEmpty, "\(geweigerd.prefix(3).map(\.tekst))")
        let g = try regio.store.gegevens()
        #expect(g.verzoeken.count == clienten && g.toewijzingen.count == clienten && g.declaraties.count == clienten)
        #expect(g.declaraties.allSatisfy { $0.status == .toegekend })
        #expect(try regio.store.leveringen().count == clienten)
        // one approved line of EUR 250.00 per client
        let k = Monitoring.kengetallen(g, van: Dag.eersteVan(jaar: 2026), tot: Dag.laatsteVan(jaar: 2026), per: .gemeente)
        #expect(k.totaal.gedeclareerd == Euro(euro: 250) * Int64(clienten) && k.totaal.clienten == clienten)
        #expect(duur < .seconds(300), "import of \(paden.count) messages took \(duur)")
    }
}
