import Foundation
import RegioCore
import RegioStore
import Testing

@Suite struct SignaaldraaiingTests {
    /// The signal run in parts by client finds exactly what one run over all data finds: the same signals (none twice),
    /// in rule order, the same judged-from days, on the same default valuation date; without sums it reads everything.
    @Test(arguments: Backend.alle) func inDelenGelijkAanAllesTegelijk(_ backend: Backend) throws {
        let opslag = try backend.maak()
        let regio = opslag.store
        let store = try #require(regio as? any AggregaatStore)
        _ = importeerDemo(regio, jaren: 2018...2019)
        let g = try regio.gegevens()
        let peil = try #require(Signaalmotor.laatsteDatum(g))
        let verwacht = Signaalmotor.voerUit(g, peildatum: peil)
        #expect(verwacht.signalen.count > 20, "de demoregio heeft geplante gevallen")
        let eerder = peil - 200
        let verwachtEerder = Signaalmotor.voerUit(g, peildatum: eerder)

        func vergelijk(_ run: Signaalrun?, _ verwacht: Signaalrun, _ omschrijving: String) {
            guard let run else { Issue.record("geen run (\(omschrijving))"); return }
            #expect(run.peildatum == verwacht.peildatum, "\(omschrijving)")
            #expect(run.signalen.count == verwacht.signalen.count, "\(omschrijving)")
            let teVeel = Set(run.signalen).subtracting(verwacht.signalen), teWeinig = Set(verwacht.signalen).subtracting(run.signalen)
            #expect(teVeel.isEmpty && teWeinig.isEmpty,
                    "\(omschrijving): \(teVeel.count) te veel (\(teVeel.prefix(3).map(\.sleutel))), \(teWeinig.count) te weinig (\(teWeinig.prefix(3).map(\.sleutel)))")
            let volgorde = run.signalen.map { Signaalregels.volgorde($0.regel) }
            #expect(volgorde == volgorde.sorted(), "\(omschrijving): regels door elkaar")
            #expect(run.beoordeeldVanaf == verwacht.beoordeeldVanaf, "\(omschrijving)")
        }

        vergelijk(try Signaaldraaiing.draai(regio, peildatum: nil, delen: 5), verwacht, "zonder sommen")
        try store.ververstAggregaten()
        for delen in [1, 3, 7, 40] {
            vergelijk(try Signaaldraaiing.draai(regio, peildatum: nil, delen: delen), verwacht, "\(delen) delen")
        }
        vergelijk(try Signaaldraaiing.draai(regio, peildatum: eerder, delen: 4), verwachtEerder, "peildatum \(eerder)")

        // the store's range is the same as `bevat` (SQL comparison against bytes), and the ranges split the lines
        let bereiken = Clientbereik.verdeel(g.toewijzingen.map(\.client), in: 6)
        #expect(bereiken.count == 6)
        var samen = 0
        for b in bereiken {
            let regels = try store.declaraties(clienten: b)
            #expect(regels == g.declaraties.filter { b.bevat($0.client) })
            samen += regels.count
        }
        #expect(samen == g.declaraties.count)
    }

    /// Ranges in byte order cover every pseudonym exactly once and split the given ones about evenly.
    @Test func bereikenDekkenElkePseudoniemEenKeer() {
        let clienten = ["P10", "P2", "P1", "Z", "a", "é", "P3", "P3", "Q", ""]
        // UTF-8 byte order: "" < "P1" < "P10" < "P2" < "P3" < "Q" < "Z" < "a" < "é"
        let gesorteerd = ["", "P1", "P10", "P2", "P3", "Q", "Z", "a", "é"]
        for n in 1...10 {
            let bereiken = Clientbereik.verdeel(clienten, in: n)
            #expect(bereiken.count == min(n, gesorteerd.count))
            #expect(bereiken.first?.van == nil && bereiken.last?.tot == nil)
            for c in gesorteerd + ["P0", "P25", "zz", "ë"] {
                #expect(bereiken.filter { $0.bevat(c) }.count == 1, "\(c) bij n = \(n)")
            }
            let aantallen = bereiken.map { b in gesorteerd.filter(b.bevat).count }
            #expect(aantallen.max()! - aantallen.min()! <= 1, "\(aantallen) bij n = \(n)")
        }
        let twee = Clientbereik.verdeel(clienten, in: 2)
        #expect(twee == [Clientbereik(tot: "P3"), Clientbereik(van: "P3")])
    }
}
