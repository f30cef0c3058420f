import Foundation
import GRDB
import Testing
import RegioCore
@testable import RegioImport
@testable import RegioStore

/// Budget versions through the import and the store (issue 22): kept side by side, a version re-imported replaces
/// only itself, a file without versions behaves as before, a stored budget from before the versions survives the
/// migration; on both backends.
@Suite struct BudgetversieOpslagTests {
    static let kop = "gemeentecode,naam\n0001,Aadorp\n"
    static let percelen = "perceel,naam,segment,verevend\nAMB,Ambulant,A,nee\nVBJ,Verblijf,V,ja\n"

    @Test(arguments: Backend.alle)
    func versiesNaastElkaar(_ backend: Backend) throws {
        let p = try backend.maak()
        let importeur = Importeur(store: p.store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 2, count: 32)))
        func importeer(_ naam: String, _ tekst: String) -> Bestandsverslag {
            importeur.importeer(bestand: naam, bytes: Array(tekst.utf8), nu: "2021-01-01T00:00:00Z")
        }
        #expect(importeer("gemeenten.csv", Self.kop).fouten.isEmpty && importeer("percelen.csv", Self.percelen).fouten.isEmpty)
        // as before: one budget, re-imported unchanged
        #expect(importeer("budgetten.csv", "jaar,gemeentecode,perceel,budget\n2020,0001,AMB,90000\n").telling.toegevoegd == 1)
        #expect(importeer("budgetten.csv", "jaar,gemeentecode,perceel,budget\n2020,0001,AMB,90000\n").telling.ongewijzigd == 1)
        // two versions beside it
        let versies = "jaar,gemeentecode,perceel,budget,versie,vastgesteld_op\n"
            + "2020,0001,AMB,100000,primitief,07-11-2019\n2020,0001,VBJ,50000,primitief,2019-11-07\n2020,0001,AMB,120000,1e burap,2020-06-25\n"
        #expect(importeer("budget-versies.csv", versies).telling.toegevoegd == 3)
        // the 1e burap again with another amount: only that version changes
        let v = importeer("budget-burap.csv", "jaar,gemeentecode,perceel,budget,versie,vastgesteld_op\n2020,0001,AMB,125000,1e burap,2020-06-25\n")
        #expect(v.telling.gewijzigd == 1 && v.telling.toegevoegd == 0)
        let g = try p.store.gegevens()
        #expect(g.budgetten.count == 4)
        #expect(g.budgetten.map(\.bedrag).som() == Euro(euro: 90_000 + 100_000 + 50_000 + 125_000))
        // in force: the undated one until the primitive was adopted, then the versions
        #expect(g.geldendeBudgetten(op: Dag.parse("2019-11-06")!).map(\.bedrag) == [Euro(euro: 90_000)])
        #expect(g.geldendeBudgetten(op: Dag.parse("2020-06-30")!).map(\.bedrag).som() == Euro(euro: 175_000))
        // a version needs its date, and a date its version: refused with file, line and column
        let fout = importeer("budget-fout.csv", "jaar,gemeentecode,perceel,budget,versie,vastgesteld_op\n2020,0001,AMB,1,2e burap,\n2020,0001,VBJ,1,,2020-11-05\n")
        let meldingen = fout.fouten.map(\.description)
        #expect(meldingen.count == 2 && meldingen[0].contains("budget-fout.csv:2") && meldingen[0].contains("vastgesteld_op")
                && meldingen[1].contains("budget-fout.csv:3") && meldingen[1].contains("versie"), "\(meldingen)")
        #expect(try p.store.gegevens().budgetten.count == 4)
    }

    /// A database from before the versions (up to v10) keeps its budgets: version "", no date, in force as before.
    @Test func oudeDatabaseHoudtZijnBudget() throws {
        let pad = NSTemporaryDirectory() + "budget-oud-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: pad) }
        do {
            let q = try DatabaseQueue(path: pad)
            try SQLiteSchema.migrator.migrate(q, upTo: "v10-wijzigingen")
            try q.write { db in
                try db.execute(sql: "INSERT INTO gemeente (code, naam, inhoud) VALUES ('0001', 'Aadorp', 0)")
                try db.execute(sql: "INSERT INTO budget (jaar, gemeentecode, perceel, budget_cent, inhoud) VALUES (2020, '0001', 'AMB', 9000000, 0)")
            }
        }
        let g = try SQLiteStore(pad: pad).gegevens()
        #expect(g.budgetten == [Budget(jaar: 2020, gemeentecode: "0001", perceel: "AMB", bedrag: Euro(euro: 90_000))])
        #expect(g.geldendeBudgetten(op: Dag.parse("2020-06-30")!).map(\.bedrag) == [Euro(euro: 90_000)])
    }
}
