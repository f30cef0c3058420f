import GRDB
import GRDBSQLite

extension Statement {
    /// Binds the values and the content hash straight through the C API and runs the statement: on a bulk load
    /// GRDB's `StatementArguments` (an array of `DatabaseValue` per row) was a third of the time.
    func voerUit(_ waarden: [Waarde], _ hash: Int64, _ db: Database) throws {
        let s = sqliteStatement
        sqlite3_reset(s)
        var i: Int32 = 1
        for w in waarden {
            let rc: Int32
            switch w {
            case .geheel(let n): rc = sqlite3_bind_int64(s, i, n)
            case .leeg: rc = sqlite3_bind_null(s, i)
            case .tekst(var t):
                rc = t.withUTF8 { b in sqlite3_bind_text(s, i, b.baseAddress, Int32(b.count), SQLITE_TRANSIENT_WAARDE) }
            }
            guard rc == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: db.lastErrorMessage) }
            i += 1
        }
        sqlite3_bind_int64(s, i, hash)
        let rc = sqlite3_step(s)
        sqlite3_reset(s)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: db.lastErrorMessage, sql: sql)
        }
    }
}

/// SQLite copies the bytes before the call returns (the C macro SQLITE_TRANSIENT does not import into Swift).
let SQLITE_TRANSIENT_WAARDE = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension SQLiteStore {
    /// Steps through a query's rows with the C API: for tables of millions of rows, where a GRDB `Row` per row costs
    /// more than the query.
    static func elkeRij(_ db: Database, _ sql: String, argumenten: StatementArguments = [],
                        _ rij: (OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(argumenten)
        try elkeRij(statement, db, rij)
    }

    /// The rows of a prepared statement with its arguments set.
    static func elkeRij(_ statement: Statement, _ db: Database, _ rij: (OpaquePointer) throws -> Void) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        defer { sqlite3_reset(s) }
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: db.lastErrorMessage, sql: statement.sql)
            }
            try rij(s)
        }
    }

    static func tekst(_ s: OpaquePointer, _ i: Int32) -> String? {
        guard let p = sqlite3_column_text(s, i) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i))), as: UTF8.self)
    }
}
