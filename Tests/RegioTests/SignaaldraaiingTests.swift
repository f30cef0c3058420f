import Foundation
import RegioCore
import RegioStore
import Testing
import RegioDemo
import RegioImport

@Suite struct SignaaldraaiingTests {
    /// The signal run in parts by client finds exactly what one run over all data finds: the same signals (none twice),
    /// in rule order, the same judged-from days, on the same default valuation date; without sums it reads everything.
    @Test(arguments: Backend.alle) func inDelenGelijkAanAllesTegelijk(_ backend: Backend) throws {
        let opslag = try backend.maak()
        let regio = opslag.store
        let store = regio
        _ = importeerDemo(regio, jaren: 2018...2019)
        let g = try regio.gegevens()
        let peil = try #require(Signaalmotor.laatsteDatum(g))
        let verwacht = Signaalmotor.voerUit(g, peildatum: peil)
        #expect(verwacht.signalen.count > 20, "de demoregio heeft geplante gevallen")
        let eerder = peil - 200
        let verwachtEerder = Signaalmotor.voerUit(g, peildatum: eerder)

        func vergelijk(_ uitkomst: (run: Signaalrun, delen: Int)?, _ verwacht: Signaalrun, _ omschrijving: String, delen: Int) {
            guard let (run, n) = uitkomst else { Issue.record("geen run (\(omschrijving))"); return }
            #expect(n == delen, "\(omschrijving): \(n) delen")
            #expect(run.peildatum == verwacht.peildatum, "\(omschrijving)")
            #expect(run.signalen.count == verwacht.signalen.count, "\(omschrijving)")
            let teVeel = Set(run.signalen).subtracting(verwacht.signalen), teWeinig = Set(verwacht.signalen).subtracting(run.signalen)
            #expect(teVeel.isEmpty && teWeinig.isEmpty,
                    "\(omschrijving): \(teVeel.count) te veel (\(teVeel.prefix(3).map(\.sleutel))), \(teWeinig.count) te weinig (\(teWeinig.prefix(3).map(\.sleutel)))")
            let volgorde = run.signalen.map { Signaalregels.volgorde($0.regel) }
            #expect(volgorde == volgorde.sorted(), "\(omschrijving): regels door elkaar")
            #expect(run.beoordeeldVanaf == verwacht.beoordeeldVanaf, "\(omschrijving)")
        }

        vergelijk(try Signaaldraaiing.draai(regio, peildatum: nil, delen: 5), verwacht, "zonder sommen", delen: 1)
        try store.ververstAggregaten()
        for delen in [1, 3, 7, 40] {
            vergelijk(try Signaaldraaiing.draai(regio, peildatum: nil, delen: delen), verwacht, "\(delen) delen", delen: delen)
        }
        vergelijk(try Signaaldraaiing.draai(regio, peildatum: eerder, delen: 4), verwachtEerder, "peildatum \(eerder)", delen: 4)

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

@Suite struct SignaaldraaiingVerwevenTests {
    /// A line that points at another client's allocation ties two clients together; they may fall in different parts,
    /// so the run then reads everything at once and finds what one run finds. The import refuses such a line since
    /// issue 26 (8187), but a database of before may hold it: it is written past the import here.
    @Test func regelBijToewijzingVanAndereClient() throws {
        let opslag = try Backend.sqlite.maak()
        let regio = opslag.store
        let store = regio
        _ = importeerDemo(regio, jaren: 2019...2019)
        let csv = try #require(Demoregio(seed: 1, jaren: 2019...2019).bestanden().first { $0.naam == "toewijzingen.csv" }?.inhoud)
        let regels = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let kop = regels[0]
        func veld(_ r: [String], _ naam: String) -> String { r[kop.firstIndex(of: naam)!] }
        let pseudoniem = Pseudonimiseerder(sleutel: Proefregio.sleutel)
        let g = try regio.gegevens()
        let bereiken = Clientbereik.verdeel(g.toewijzingen.map(\.client), in: 7)
        func deel(_ bsn: String) -> Int { bereiken.firstIndex { $0.bevat(pseudoniem.pseudoniem(bsn: bsn)) }! }
        let a = regels[1]
        let b = try #require(regels.dropFirst().first { deel(veld($0, "bsn")) != deel(veld(a, "bsn")) })
        let dag = try #require(Dag.parse(veld(a, "ingangsdatum")))
        let regel = Declaratieregel(declaratienummer: "X-1", referentienummer: "XR-1", toewijzingnummer: veld(a, "toewijzingnummer"),
                                    client: pseudoniem.pseudoniem(bsn: veld(b, "bsn")), gemeentecode: veld(a, "gemeentecode"),
                                    agb: veld(a, "agb"), productcategorie: veld(a, "productcategorie"), productcode: veld(a, "productcode"),
                                    begindatum: dag, einddatum: dag, volume: 1, eenheid: veld(a, "eenheid"), tarief: Euro(euro: 100),
                                    bedrag: Euro(euro: 100), status: .toegekend, ingediendOp: dag)
        try regio.transactie { w in _ = try w.schrijf([Codering.rij(regel)]) }
        try store.ververstAggregaten()

        let alles = try regio.gegevens()
        let peil = try #require(Signaalmotor.laatsteDatum(alles))
        let verwacht = Signaalmotor.voerUit(alles, peildatum: peil)
        let (run, delen) = try #require(try Signaaldraaiing.draai(regio, peildatum: nil, delen: 7))
        #expect(delen == 1)
        #expect(Set(run.signalen) == Set(verwacht.signalen))
        #expect(run.signalen.count == verwacht.signalen.count)
    }
}
