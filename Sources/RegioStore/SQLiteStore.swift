import Foundation
import GRDB
import GRDBSQLite
import RegioCore

/// The embedded default: one SQLite file, WAL mode so the dashboard can read while an import writes.
public final class SQLiteStore: Opslag, @unchecked Sendable {
    let db: any DatabaseWriter

    /// How long a write waits for another process's write (a command-line import next to the dashboard) before it
    /// fails: an import holds the file for the whole of a file's transaction, and a login or an audit line must wait
    /// for it rather than answer "database is locked" (issue 26). A national file takes minutes; ten is ample.
    public static let wachttijd: TimeInterval = 600

    /// Opens (and creates or migrates) the database file; `":memory:"` gives an in-memory database for tests.
    public init(pad: String) throws {
        if pad == ":memory:" {
            db = try DatabaseQueue()
        } else {
            var config = Configuration()
            config.busyMode = .timeout(SQLiteStore.wachttijd)
            config.prepareDatabase { db in
                // bigger pages: fewer B-tree levels and splits on bulk loads (only takes effect in a new file)
                try db.execute(sql: "PRAGMA page_size = 16384")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            // a new file opened by two processes at once: one of them may find it locked while the other switches it
            // to WAL; the busy timeout does not cover that step, so it is tried again
            var poging = 1
            while true {
                do { db = try DatabasePool(path: pad, configuration: config); break } catch let f as DatabaseError where f.resultCode == .SQLITE_BUSY && poging < 6 {
                    Thread.sleep(forTimeInterval: 0.05 * Double(poging))
                    poging += 1
                }
            }
        }
        try SQLiteStore.migreer(db)
    }

    public func sluit() throws {
        if let pool = db as? DatabasePool { try pool.close() } else if let queue = db as? DatabaseQueue { try queue.close() }
    }

    /// Migrates, and survives another process migrating the same file at the same moment (an import and a dashboard
    /// opening a new database together): each migration is its own transaction, so the loser's fails on a table the
    /// winner just made; once the winner has committed, the migrations are complete or the next try skips them.
    static func migreer(_ db: any DatabaseWriter) throws {
        for poging in 1...6 {
            do {
                try SQLiteSchema.migrator.migrate(db)
                return
            } catch {
                if try db.read({ try SQLiteSchema.migrator.hasCompletedMigrations($0) }) { return }
                if poging == 6 { throw error }
                Thread.sleep(forTimeInterval: 0.05 * Double(poging))
            }
        }
    }

    public func gegevens() throws -> Gegevens {
        try db.read { db in
            var g = Gegevens()
            for soort in Soort.allCases { try SQLiteStore.lees(soort, db, in: &g) }
            try g.controleerGrenzen()
            return g
        }
    }

    /// The records of one kind (those matching `waar`, when given) in stored order, added to `g`. Steps the C API
    /// (`elkeRij`) and decodes from the statement (`Kolommen`): this reads the allocations and lines of a national year.
    /// `tellen`: count the matching rows first, to size the arrays once (for a `waar` that an index answers).
    static func lees(_ soort: Soort, _ db: Database, waar: String = "", argumenten: StatementArguments = [],
                     tellen: Bool = false, in g: inout Gegevens) throws {
        let kolommen = soort.kolommen.joined(separator: ", ")
        if waar.isEmpty, let n = try Int.fetchOne(db, sql: "SELECT MAX(rowid) - MIN(rowid) + 1 FROM \(soort.tabel)") {
            Codering.reserveer(soort, n, in: &g)   // rowids are dense unless rows were deleted: at most a little too much
        } else if tellen, let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(soort.tabel) \(waar)", arguments: argumenten) {
            Codering.reserveer(soort, n, in: &g)
        }
        var velden = Kolommen(soort)
        // a selection found by an index comes in the index's order: SQLite put it in stored order through a temporary
        // B-tree of whole rows (a part's 2,5 million lines 0,46 -> 2,8 s), so that is done here on the row numbers
        let zelf = !waar.isEmpty && Codering.kanHerordenen(soort)
        var rowids: [Int64] = []
        let n = Int32(soort.kolommen.count)
        try elkeRij(db, "SELECT \(kolommen)\(zelf ? ", rowid" : "") FROM \(soort.tabel) \(waar)\(zelf ? "" : " ORDER BY rowid")",
                    argumenten: argumenten) { s in
            velden.begin(s)
            Codering.voegToe(soort, &velden, aan: &g)
            if zelf { rowids.append(sqlite3_column_int64(s, n)) }
        }
        if zelf && zip(rowids, rowids.dropFirst()).contains(where: { $0 > $1 }) {
            Codering.herorden(soort, volgens: rowids.indices.sorted { rowids[$0] < rowids[$1] }, in: &g)
        }
    }

    public func sleutels(_ soort: Soort) throws -> Set<String> {
        try db.read { db in
            var s = Set<String>()
            let rows = try Row.fetchCursor(db, sql: "SELECT \(soort.sleutel.joined(separator: ", ")) FROM \(soort.tabel)")
            while let row = try rows.next() {
                let w = (0..<soort.sleutel.count).map { SQLiteStore.waarde(row[$0] as DatabaseValue) }
                s.insert(Rij(soort: soort, waarden: w + Array(repeating: .leeg, count: soort.inhoud.count)).sleutelTekst)
            }
            return s
        }
    }

    public func elkeToewijzing(_ perToewijzing: (Toewijzingskenmerken) -> Void) throws {
        try db.read { db in
            try SQLiteStore.elkeRij(db, "SELECT toewijzingnummer, client, gemeentecode, agb, ingangsdatum, einddatum FROM toewijzing") { s in
                perToewijzing(Toewijzingskenmerken(nummer: SQLiteStore.tekst(s, 0) ?? "", client: SQLiteStore.tekst(s, 1) ?? "",
                                                   gemeentecode: SQLiteStore.tekst(s, 2) ?? "", agb: SQLiteStore.tekst(s, 3) ?? "",
                                                   van: Dag(opgeslagen: sqlite3_column_int64(s, 4)),
                                                   tot: sqlite3_column_type(s, 5) == SQLITE_NULL ? nil : Dag(opgeslagen: sqlite3_column_int64(s, 5))))
            }
        }
    }

    public func transactie<T>(_ werk: (any StoreSchrijver) throws -> T) throws -> T {
        try schrijfGRDB(.gegevens) { db in
            // a national declarations file touches millions of index pages; the default 2 MB cache rereads them (128 MB)
            try db.execute(sql: "PRAGMA cache_size = \(Schrijver.groteCache)")
            // rebuilding indexes after a bulk load sorts on a second core
            try db.execute(sql: "PRAGMA threads = 2")
            let schrijver = Schrijver(db: db, bulk: true)
            let uitkomst = try werk(schrijver)
            try schrijver.herstelIndexen()
            // the connection keeps its cache size: back to the small one, so the sums and BI tables written next on it
            // do not fill 128 MB of pages on top of their own memory
            try db.execute(sql: "PRAGMA cache_size = -32768")
            return uitkomst
        }
    }

    static func waarde(_ v: DatabaseValue) -> Waarde {
        switch v.storage {
        case .int64(let i): .geheel(i)
        case .string(let s): .tekst(s)
        case .double(let d): .tekst(String(d))
        case .null, .blob: .leeg
        }
    }

    static func dbWaarde(_ w: Waarde) -> DatabaseValue {
        switch w {
        case .geheel(let i): i.databaseValue
        case .tekst(let s): s.databaseValue
        case .leeg: .null
        }
    }

    final class Schrijver: StoreSchrijver {
        let db: GRDB.Database
        /// Secondary indexes dropped for a bulk load into an empty table, rebuilt before the commit.
        private var uitgezet: [String] = []
        private var bekeken: Set<Soort> = []
        /// Tables loaded without their indexes (empty at their first write): no key can conflict, nor be looked up.
        private var zonderIndexen: Set<Soort> = []
        /// Only a file import drops indexes: an iJw message writes a few rows and must keep the key's uniqueness.
        private let bulk: Bool

        init(db: GRDB.Database, bulk: Bool) { self.db = db; self.bulk = bulk }

        static let groteCache = -131072   // KiB

        /// A table that is empty at its first write in this transaction loads faster without its secondary indexes:
        /// building them afterwards sorts once instead of updating a B-tree per row.
        private func bereidVoor(_ soort: Soort) throws {
            guard bulk, bekeken.insert(soort).inserted else { return }
            // the page cache matters while a table's indexes are updated row by row; a load without indexes only
            // appends, so it gets the small cache (nationally 96 MB less at the import's peak)
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM \(soort.tabel) LIMIT 1") == nil else {
                try db.execute(sql: "PRAGMA cache_size = \(Schrijver.groteCache)")
                return
            }
            try db.execute(sql: "PRAGMA cache_size = -32768")
            let indexen = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                           arguments: [soort.tabel])
            for ix in indexen {
                try db.execute(sql: "DROP INDEX \(ix["name"] as String)")
                uitgezet.append(ix["sql"])
            }
            if !indexen.isEmpty { zonderIndexen.insert(soort) }
        }

        func herstelIndexen() throws {
            guard !uitgezet.isEmpty else { return }
            // the index sorter holds up to the cache size per thread: keep a national load under a gigabyte
            try db.execute(sql: "PRAGMA cache_size = -32768")
            for sql in uitgezet { try db.execute(sql: sql) }
            uitgezet.removeAll()
        }

        func schrijf(_ rijen: [Rij]) throws -> Telling {
            var telling = Telling()
            guard let soort = rijen.first?.soort else { return telling }
            try bereidVoor(soort)
            if !zonderIndexen.contains(soort) { return try schrijfOpSleutel(rijen, soort) }
            let sleutelSQL = soort.sleutel.map { "\($0) = ?" }.joined(separator: " AND ")
            let kies = try db.cachedStatement(sql: "SELECT inhoud FROM \(soort.tabel) WHERE \(sleutelSQL)")
            let kolommen = soort.kolommen + ["inhoud"]
            // a table loaded without its indexes: every key is new, one statement each; a conflict on a primary key the
            // table keeps falls through to compare
            let voegIn = try db.cachedStatement(sql: "INSERT INTO \(soort.tabel) (\(kolommen.joined(separator: ", "))) VALUES (\(kolommen.map { _ in "?" }.joined(separator: ", "))) ON CONFLICT DO NOTHING")
            let werkBij = try db.cachedStatement(sql: "UPDATE \(soort.tabel) SET \((soort.inhoud + ["inhoud"]).map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(sleutelSQL)")
            let n = soort.kolommen.count
            for rij in rijen {
                precondition(rij.soort == soort)
                let hash = rij.inhoudHash
                try voegIn.voerUit(rij.waarden, hash, db)
                if db.changesCount > 0 { telling.toegevoegd += 1; continue }
                let sleutel = rij.sleutel.map(SQLiteStore.dbWaarde)
                kies.setUncheckedArguments(StatementArguments(sleutel))
                if let bestaand = try Int64.fetchOne(kies), bestaand == hash { telling.ongewijzigd += 1; continue }
                werkBij.setUncheckedArguments(StatementArguments(rij.waarden[soort.sleutel.count..<n].map(SQLiteStore.dbWaarde) + [hash.databaseValue] + sleutel))
                try werkBij.execute()
                telling.gewijzigd += 1
                telling.gewijzigdeSleutels.append(rij.sleutelTekst)
            }
            return telling
        }

        /// Rows into a table with its key's index: one statement and one index probe a row, whether it is new, changed
        /// or the same (an upsert that changes only a row whose content differs; two probes before, as the delta sent
        /// again showed). New and changed are told apart by the connection's last inserted row number, which an update
        /// leaves as it was.
        private func schrijfOpSleutel(_ rijen: [Rij], _ soort: Soort) throws -> Telling {
            var telling = Telling()
            let kolommen = soort.kolommen + ["inhoud"]
            let zet = (soort.inhoud + ["inhoud"]).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            let schrijf = try db.cachedStatement(sql: """
                INSERT INTO \(soort.tabel) (\(kolommen.joined(separator: ", "))) VALUES (\(kolommen.map { _ in "?" }.joined(separator: ", ")))
                ON CONFLICT (\(soort.sleutel.joined(separator: ", "))) DO UPDATE SET \(zet) WHERE \(soort.tabel).inhoud <> excluded.inhoud
                """)
            for rij in rijen {
                precondition(rij.soort == soort)
                // the connection's last row number, not the table's: a row number no insert gives marks "none yet"
                sqlite3_set_last_insert_rowid(db.sqliteConnection, -1)
                try schrijf.voerUit(rij.waarden, rij.inhoudHash, db)
                if db.changesCount == 0 { telling.ongewijzigd += 1 }
                else if db.lastInsertedRowID != -1 { telling.toegevoegd += 1 }
                else {
                    telling.gewijzigd += 1
                    telling.gewijzigdeSleutels.append(rij.sleutelTekst)
                }
            }
            return telling
        }

        func logImport(_ r: ImportlogRegel) throws {
            try db.execute(sql: "INSERT INTO importlog (bestand, soort, tijdstip, toegevoegd, gewijzigd, ongewijzigd) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [r.bestand, r.soort, r.tijdstip, r.toegevoegd, r.gewijzigd, r.ongewijzigd])
        }
    }
}

extension SQLiteStore {
    /// The names of a table's own indexes (not the primary key's), sorted: for checks after a bulk load.
    public func indexen(van tabel: String) throws -> [String] {
        try db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name", arguments: [tabel]) }
    }
}

/// Long texts that repeat the row above (a client's allocations follow each other) share the row above's `String`
/// instead of allocating one more; short texts are stored inside the `String` anyway.
struct Herhaalde {
    private var vorige: [String]
    init(kolommen: Int) { vorige = Array(repeating: "", count: kolommen) }

    mutating func tekst(_ s: OpaquePointer, _ i: Int32) -> String {
        guard let p = sqlite3_column_text(s, i) else { return "" }
        let n = Int(sqlite3_column_bytes(s, i))
        guard n > 15 else { return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
        if vorige[Int(i)].utf8.count == n,
           vorige[Int(i)].utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, p, n) == 0 }) == true {
            return vorige[Int(i)]
        }
        let t = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        vorige[Int(i)] = t
        return t
    }
}

/// One row of a statement as `Velden`, read column by column as `waarde(_:)` would give them: INTEGER a number, TEXT
/// (long texts shared with the row above) and REAL text, NULL and BLOB nothing.
struct Kolommen: Velden {
    private var herhaald: Herhaalde
    private var s: OpaquePointer?
    private var n: Int32 = 0
    let kolomnamen: [String]
    var positie: Int { Int(n) }

    init(_ soort: Soort) { self.init(soort.kolommen) }
    init(_ kolomnamen: [String]) { self.kolomnamen = kolomnamen; herhaald = Herhaalde(kolommen: kolomnamen.count) }

    mutating func begin(_ statement: OpaquePointer) { s = statement; n = 0 }

    mutating func so() -> String? {
        defer { n += 1 }
        switch sqlite3_column_type(s, n) {
        case SQLITE_TEXT: return herhaald.tekst(s!, n)
        case SQLITE_FLOAT: return String(sqlite3_column_double(s, n))
        default: return nil
        }
    }

    mutating func io() -> Int64? {
        defer { n += 1 }
        return sqlite3_column_type(s, n) == SQLITE_INTEGER ? sqlite3_column_int64(s, n) : nil
    }
}
