import Foundation
import Testing
import RegioCore
import RegioDemo
@testable import RegioImport
import RegioStore

/// Imports the demo files (one or two years, to keep the suite quick) into a store, failing on any rejected row.
func importeerDemo(_ store: any Opslag, jaren: ClosedRange<Int>, seed: UInt64 = 1) -> [Bestandsverslag] {
    let importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: Proefregio.sleutel))
    return Demoregio(seed: seed, jaren: jaren).bestanden().map { b in
        let v = importeur.importeer(bestand: b.naam, bytes: Array(b.inhoud.utf8), nu: "2026-01-01T00:00:00Z")
        #expect(v.fouten.isEmpty, "\(b.naam): \(v.fouten.prefix(3))")
        return v
    }
}

/// Field by field, in order: the order matters, because lookups keep the first record of a key.
func verwachtGelijk(_ a: Gegevens, _ b: Gegevens, _ bron: SourceLocation = #_sourceLocation) {
    #expect(a.gemeenten == b.gemeenten, sourceLocation: bron)
    #expect(a.gemeentecijfers == b.gemeentecijfers, sourceLocation: bron)
    #expect(a.percelen == b.percelen, sourceLocation: bron)
    #expect(a.producten == b.producten, sourceLocation: bron)
    #expect(a.aanbieders == b.aanbieders, sourceLocation: bron)
    #expect(a.budgetten == b.budgetten, sourceLocation: bron)
    #expect(a.verzoeken == b.verzoeken, sourceLocation: bron)
    #expect(a.toewijzingen == b.toewijzingen, sourceLocation: bron)
    #expect(a.declaraties == b.declaraties, sourceLocation: bron)
}

func toewijzingen(_ nummers: ClosedRange<Int>, einde: String = "") -> String {
    toewijzingKop + "\n" + nummers.map { "T\($0),C\($0 % 97),0307,75000001,45,45A04,2019-01-01,\(einde),3,04,2,2019-01-01" }
        .joined(separator: "\n") + "\n"
}

/// What every backend must do alike: the same answers, and the guarantees a shared server needs.
@Suite struct OpslagTests {
    /// The demo region on this backend gives exactly what it gives on SQLite: the same counts per file, the same
    /// records in the same order, the same history; then an unchanged re-import and a changed file count alike.
    @Test(arguments: Backend.alle) func zelfdeUitkomstAlsSQLite(_ backend: Backend) throws {
        let opslag = try backend.maak()
        let referentie = try SQLiteStore(pad: ":memory:")
        let a = importeerDemo(opslag.store, jaren: 2020...2020), b = importeerDemo(referentie, jaren: 2020...2020)
        #expect(a.map(\.telling) == b.map(\.telling))
        #expect(a.allSatisfy { $0.telling.toegevoegd == $0.rijen })
        verwachtGelijk(try opslag.store.gegevens(), try referentie.gegevens())
        #expect(try opslag.store.importlog() == referentie.importlog())
        for soort in Soort.allCases {
            #expect(try opslag.store.aantal(soort) == referentie.aantal(soort))
            #expect(try opslag.store.sleutels(soort) == referentie.sleutels(soort))
        }
        // the same files again: nothing added or changed
        let nogmaals = importeerDemo(opslag.store, jaren: 2020...2020)
        #expect(nogmaals.allSatisfy { $0.telling.toegevoegd == 0 && $0.telling.gewijzigd == 0 && $0.telling.ongewijzigd == $0.rijen })
        // another seed for the same year: keys that recur with other content are changes, reported in file order
        let c = importeerDemo(opslag.store, jaren: 2020...2020, seed: 2), d = importeerDemo(referentie, jaren: 2020...2020, seed: 2)
        #expect(c.map(\.telling) == d.map(\.telling))
        #expect(c.contains { $0.telling.gewijzigd > 0 })
        verwachtGelijk(try opslag.store.gegevens(), try referentie.gegevens())
        // one client's lines (a client's page): exactly that client's lines of all, in stored order
        let alle = try opslag.store.gegevens().declaraties
        let aggregaatstore = opslag.store
        for client in Set(alle.map(\.client)).sorted().prefix(5) {
            let eigen = try aggregaatstore.declaraties(client: client)
            #expect(!eigen.isEmpty && eigen == alle.filter { $0.client == client }, "\(client)")
        }
        #expect(try aggregaatstore.declaraties(client: "onbekend").isEmpty)
    }

    /// Texts that are special somewhere (quotes, backslashes, braces, the word NULL, empty, non-ASCII) come back unchanged.
    @Test(arguments: Backend.alle) func bijzondereTeksten(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let namen = ["Zorg \"&\" Co", #"C:\pad\naar"#, "{a,b}", "NULL", "Zoë; één, ß 😀", "  spaties  ", "'quote'"]
        try r.store.transactie { w in
            _ = try w.schrijf(namen.enumerated().map { i, n in Codering.rij(Aanbieder(agb: "7600000\(i)", naam: n)) })
        }
        let g = try r.store.gegevens()
        #expect(g.aanbieders.suffix(namen.count).map(\.naam) == namen)
        #expect(g.percelen.map(\.bekostiging) == [nil, nil])  // NULL stays NULL, not an empty text
    }

    /// Two imports at once: the second waits for the first and then finds its rows (unchanged), nothing doubles.
    /// On PostgreSQL the second import comes from another connection pool, as from another process.
    @Test(arguments: Backend.alle) func tweeImportsTegelijk(_ backend: Backend) throws {
        let r = try Proefregio(backend, bestand: true)
        let tweede = backend == .postgres ? try backend.nogEen(r.opslag) : r.store
        let tekst = toewijzingen(1...400)
        let rijen = try r.importeur.rijen(tekst), store = r.store
        let begonnen = DispatchSemaphore(value: 0), doorgaan = DispatchSemaphore(value: 0), klaar = DispatchSemaphore(value: 0)
        let uitkomst = Teller()
        // the first import stops inside its transaction, after writing, until the second has started
        let eerste = Thread {
            do {
                let t = try store.transactie { w -> Telling in
                    let t = try w.schrijf(rijen)
                    begonnen.signal()
                    doorgaan.wait()
                    return t
                }
                uitkomst.voegToe("eerste \(t.toegevoegd)/\(t.gewijzigd)/\(t.ongewijzigd)")
            } catch { uitkomst.voegToe("fout \(error)") }
            klaar.signal()
        }
        eerste.start()
        begonnen.wait()
        let tweedeKlaar = DispatchSemaphore(value: 0)
        Thread {
            let v = Importeur(store: tweede, pseudonimiseerder: Pseudonimiseerder(sleutel: Proefregio.sleutel))
                .importeer(bestand: "tw.csv", bytes: Array(tekst.utf8), nu: "2026-01-01T00:00:00Z")
            uitkomst.voegToe("tweede \(v.telling.toegevoegd)/\(v.telling.gewijzigd)/\(v.telling.ongewijzigd) \(v.fouten)")
            tweedeKlaar.signal()
        }.start()
        #expect(tweedeKlaar.wait(timeout: .now() + 0.5) == .timedOut)  // it waits for the first
        doorgaan.signal()
        klaar.wait()
        #expect(tweedeKlaar.wait(timeout: .now() + 30) == .success)
        #expect(uitkomst.lijst == ["eerste 400/0/0", "tweede 0/0/400 []"])
        #expect(try r.store.aantal(.toewijzingen) == 400)

        // two different files at the same moment: both land whole
        let fouten = Teller()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let store = i == 0 ? store : tweede
            let v = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: Proefregio.sleutel))
                .importeer(bestand: "tw\(i).csv", bytes: Array(toewijzingen((1_000 * (i + 1))...(1_000 * (i + 1) + 299)).utf8), nu: "")
            if !v.fouten.isEmpty || v.telling.toegevoegd != 300 { fouten.voegToe("\(i): \(v.telling) \(v.fouten)") }
        }
        #expect(fouten.lijst.isEmpty)
        #expect(try tweede.aantal(.toewijzingen) == 1_000)
    }

    /// The dashboard keeps answering during an import and sees it whole or not at all.
    @Test(arguments: Backend.alle) func lezenTijdensEenImport(_ backend: Backend) throws {
        let r = try Proefregio(backend, bestand: true)
        let lezer = backend == .postgres ? try backend.nogEen(r.opslag) : r.store
        try r.laad("tw.csv", toewijzingen(1...10))
        let geschreven = DispatchSemaphore(value: 0), doorgaan = DispatchSemaphore(value: 0), klaar = DispatchSemaphore(value: 0)
        let rijen = try r.importeur.rijen(toewijzingen(1...500, einde: "2019-12-31")), store = r.store
        Thread {
            _ = try? store.transactie { w in
                _ = try w.schrijf(rijen)
                geschreven.signal()
                doorgaan.wait()
            }
            klaar.signal()
        }.start()
        geschreven.wait()
        // 490 new and 10 changed rows are written but not committed: readers answer at once with the old state
        let begin = Date()
        #expect(try lezer.aantal(.toewijzingen) == 10)
        #expect(try lezer.gegevens().toewijzingen.allSatisfy { $0.einddatum == nil })
        #expect(Date().timeIntervalSince(begin) < 5)
        doorgaan.signal()
        klaar.wait()
        #expect(try lezer.aantal(.toewijzingen) == 500)
        #expect(try lezer.gegevens().toewijzingen.allSatisfy { $0.einddatum == Dag(jaar: 2019, maand: 12, dag: 31) })
    }

    /// An import that fails halfway (here: the writer throws after writing) leaves nothing behind, on every backend.
    @Test(arguments: Backend.alle) func afgebrokenTransactieLaatNietsAchter(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        struct Afgebroken: Error {}
        let rijen = try r.importeur.rijen(toewijzingen(1...50))
        #expect(throws: Afgebroken.self) {
            try r.store.transactie { w in
                _ = try w.schrijf(rijen)
                try w.logImport(ImportlogRegel(bestand: "x", soort: "toewijzingen", tijdstip: "", toegevoegd: 50, gewijzigd: 0, ongewijzigd: 0))
                throw Afgebroken()
            }
        }
        #expect(try r.store.aantal(.toewijzingen) == 0)
        #expect(try r.store.importlog().map(\.bestand) == ["aanbieders.csv", "producten.csv", "percelen.csv", "gemeenten.csv"])
        try r.laad("tw.csv", toewijzingen(1...50))  // and the store is usable afterwards
        #expect(try r.store.aantal(.toewijzingen) == 50)
    }

    /// `regiomonitor migreer`: a region moves without loss (counts, totals, every record, the order, the history),
    /// a second run changes nothing, and a target holding another region is refused.
    @Test(arguments: Backend.alle) func overzetten(naar backend: Backend) throws {
        let bron = try Backend.sqlite.maak(bestand: true)
        _ = importeerDemo(bron.store, jaren: 2019...2020)
        let doel = try backend.maak()
        let verslag = try Overzetting.verplaats(van: bron.store, naar: doel.store)
        #expect(verslag.verschillen.isEmpty)
        #expect(verslag.perSoort.allSatisfy { $0.bron == $0.doel && $0.telling.toegevoegd == $0.bron })
        verwachtGelijk(try doel.store.gegevens(), try bron.store.gegevens())
        #expect(try doel.store.importlog() == bron.store.importlog())
        let g = try doel.store.gegevens()
        #expect(g.declaraties.count > 10_000)
        #expect(g.declaraties.map(\.kosten).som() == (try bron.store.gegevens()).declaraties.map(\.kosten).som())

        let nogmaals = try Overzetting.verplaats(van: bron.store, naar: doel.store)
        #expect(nogmaals.perSoort.allSatisfy { $0.telling.ongewijzigd == $0.bron } && nogmaals.importlogRegels == 0)
        #expect(try doel.store.importlog().count == bron.store.importlog().count)

        let ander = try Proefregio(backend)
        #expect(throws: StoreFout.self) { try Overzetting.verplaats(van: bron.store, naar: ander.store) }
        #expect(try ander.store.aantal(.toewijzingen) == 0)
    }
}

/// Many dashboard readers share a few connections: they queue for one instead of failing.
@Suite(.enabled(if: Backend.alle.contains(.postgres))) struct PoolTests {
    @Test func veleLezersWeinigVerbindingen() throws {
        let opslag = try Backend.postgres.maak(pool: 2)
        let fouten = Teller()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<20 {
                do { _ = try opslag.store.aantal(.gemeenten); _ = try opslag.store.importlog() } catch { fouten.voegToe("\(error)") }
            }
        }
        #expect(fouten.lijst.isEmpty)
    }
}

extension Importeur {
    /// The rows a CSV text would write, for tests that drive the store's transaction themselves.
    func rijen(_ tekst: String) throws -> [Rij] {
        var lezer = CSVLezer(bytes: Array(tekst.utf8))
        let kop = try lezer.volgende()!
        let kolommen = kop.velden.map(normaliseerKolom)
        let soort = Soort.herken(Set(kolommen))!
        var index: [String: Int] = [:]
        for (i, k) in kolommen.enumerated() { index[k] = i }
        let vertaling = Rijvertaling(soort: soort, pseudonimiseerder: pseudonimiseerder, ref: try referenties(), cache: Pseudoniemcache())
        var uit: [Rij] = []
        while let record = try lezer.volgende() {
            var r = Rijlezer(bestand: "", record: record, index: index)
            if let rij = vertaling.vertaal(&r) { uit.append(rij) }
        }
        return uit
    }
}
