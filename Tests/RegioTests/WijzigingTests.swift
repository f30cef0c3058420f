import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore

/// The change counters another process reads to notice an import or a signal run (issue 26): raised by data and signal
/// writes, seen by a second store on the same database, and left alone by users, sessions and the audit trail.
@Suite struct WijzigingTests {
    /// Two processes opening one new SQLite file at once (the CLI import and a dashboard, or a test that watches an
    /// import) both migrate it: neither may fail on the tables the other just made.
    @Test func gelijktijdigMigrerenOpEenNieuwBestand() throws {
        let map = NSTemporaryDirectory() + "migreren-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: map) }
        let fouten = Fouten()
        for i in 0..<12 {
            let pad = map + "/r\(i).sqlite"
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try SQLiteStore(pad: pad) } catch { fouten.voeg("\(error)") }
            }
            #expect(try SQLiteStore(pad: pad).aantal(.gemeenten) == 0)
        }
        #expect(fouten.lijst.isEmpty, "\(fouten.lijst.prefix(3))")
    }

    final class Fouten: @unchecked Sendable {
        private let slot = NSLock()
        private var l: [String] = []
        func voeg(_ s: String) { slot.lock(); l.append(s); slot.unlock() }
        var lijst: [String] { slot.lock(); defer { slot.unlock() }; return l }
    }

    @Test(arguments: Backend.alle)
    func tweedeProcesZietDeWijziging(_ backend: Backend) throws {
        let p = try backend.maak(bestand: true)
        let ander = try backend.nogEen(p)
        let begin = try ander.wijzigingsstand()
        // users, sessions and the audit trail are the dashboard's own writes at every login: they do not count
        let gebruikers = p.store
        try gebruikers.bewaar(Gebruiker(naam: "anna", rol: .regio, wachtwoordHash: "x"))
        try gebruikers.bewaar(Sessie(tokenHash: "h", gebruiker: "anna", csrf: "c", aangemaaktOp: 1, verlooptOp: 2))
        try gebruikers.logInzage(Inzageregel(tijdstip: "2020-01-01T00:00:00Z", gebruiker: "anna", rol: "regio", gemeentecode: "0307", wat: "x", pad: "/"))
        #expect(try ander.wijzigingsstand() == begin)
        // one file imported: one transaction, one raise of the data counter
        let importeur = Importeur(store: p.store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 1, count: 32)))
        let v = importeur.importeer(bestand: "gemeenten.csv", bytes: Array("gemeentecode,naam\n0307,Amersfoort\n".utf8), nu: "2020-01-01T00:00:00Z")
        #expect(v.fouten.isEmpty)
        let na = try ander.wijzigingsstand()
        #expect(na.gegevens == begin.gegevens + 1 && na.signalen == begin.signalen)
        // a file refused: rolled back, nothing raised
        _ = importeur.importeer(bestand: "gemeenten.csv", bytes: Array("gemeentecode,naam\nXX,Fout\n".utf8), nu: "2020-01-01T00:00:00Z")
        #expect(try ander.wijzigingsstand() == na)
        // a signal run raises the signal counter only
        let signalen = p.store
        _ = try signalen.slaOp(Signaalmutaties(), peildatum: Dag.parse("2020-01-01")!, tijdstip: "2020-01-01T00:00:00Z")
        #expect(try ander.wijzigingsstand() == Wijzigingsstand(gegevens: na.gegevens, signalen: na.signalen + 1))
    }
}

/// An import error that quotes a field never repeats a number that could be a BSN: not in its text for the terminal
/// or a log, nor in its parts for the report (issue 26).
@Suite struct BSNInFoutenTests {
    @Test func verschovenKolomNoemtGeenBSN() throws {
        let store = try SQLiteStore(pad: ":memory:")
        let importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 1, count: 32)))
        // 123456782 passes the elfproef (9x1+8x2+7x3+6x4+5x5+4x6+3x7+2x8 - 2 = 154 = 14 x 11), and so does 012345672
        // (112 - 2 = 110), here without its leading zero as a spreadsheet writes it: 12345672
        let csv = "gemeentecode,naam\n123456782,Amersfoort\n12345672,Baarn\n"
        let v = importeur.importeer(bestand: "gemeenten.csv", bytes: Array(csv.utf8), nu: "")
        #expect(v.fouten.count == 2)
        for f in v.fouten {
            #expect(!f.description.contains("123456782") && !f.description.contains("12345672"), "\(f)")
            guard case let .rij(_, _, kolom, reden) = f else { Issue.record("geen regelfout: \(f)"); continue }
            #expect(kolom == "gemeentecode" && reden.contains(BSN.weggelaten), "\(reden)")
        }
    }

    /// Only runs of 8 or 9 digits that pass the elfproef go; dates, amounts, longer numbers and AGB codes that fail stay.
    @Test func alleenWatEenBSNKanZijn() {
        #expect(BSN.verberg(in: "ongeldig '123456782' en '12345672'") == "ongeldig '\(BSN.weggelaten)' en '\(BSN.weggelaten)'")
        #expect(BSN.verberg(in: "1234567820 123456789 75000001 2019-01-01 20190101 1234,56") == "1234567820 123456789 75000001 2019-01-01 20190101 1234,56")
    }
}
