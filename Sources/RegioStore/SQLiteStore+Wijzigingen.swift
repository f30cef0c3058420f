import GRDB
import GRDBSQLite

extension SQLiteStore: WijzigingStore, GebruikerStore, SignaalStore, SQLOpslag {
    public var invoegvolgorde: String { "rowid" }

    public func lees<T>(_ werk: (any SQLVerbinding) throws -> T) throws -> T {
        try db.read { db in try werk(SQLiteVerbinding(db: db)) }
    }

    public func schrijf<T>(_ wijziging: Wijzigingssoort?, _ werk: (any SQLVerbinding) throws -> T) throws -> T {
        try db.write { db in
            let uitkomst = try werk(SQLiteVerbinding(db: db))
            if let wijziging { try db.execute(sql: Schemadefinitie.verhoog("?"), arguments: [wijziging.rawValue]) }
            return uitkomst
        }
    }

    /// A write of registered data with GRDB's own statements (the bulk paths): `werk` and the raise of its counter, in
    /// one transaction.
    func schrijfGRDB<T>(_ soort: Wijzigingssoort, _ werk: (GRDB.Database) throws -> T) throws -> T {
        try db.write { db in
            let uitkomst = try werk(db)
            try db.execute(sql: Schemadefinitie.verhoog("?"), arguments: [soort.rawValue])
            return uitkomst
        }
    }
}

/// Statements written once (`SQLVerbinding`) on SQLite: each statement prepared once per connection, values bound by type.
struct SQLiteVerbinding: SQLVerbinding {
    let db: GRDB.Database

    func voerUit(_ sql: String, _ waarden: [Waarde]) throws {
        let s = try db.cachedStatement(sql: sql)
        try s.execute(arguments: StatementArguments(waarden.map(\.databaseValue)))
    }

    func rijen(_ sql: String, _ waarden: [Waarde]) throws -> [[Waarde]] {
        let s = try db.cachedStatement(sql: sql)
        try s.setArguments(StatementArguments(waarden.map(\.databaseValue)))
        var uit: [[Waarde]] = []
        let n = Int32(s.columnCount)
        try SQLiteStore.elkeRij(s, db) { p in
            uit.append((0..<n).map { i in
                switch sqlite3_column_type(p, i) {
                case SQLITE_NULL: return .leeg
                case SQLITE_INTEGER: return .geheel(sqlite3_column_int64(p, i))
                default: return .tekst(SQLiteStore.tekst(p, i) ?? "")
                }
            })
        }
        return uit
    }
}

extension Waarde {
    var databaseValue: DatabaseValue {
        switch self {
        case .geheel(let i): i.databaseValue
        case .tekst(let t): t.databaseValue
        case .leeg: .null
        }
    }
}
