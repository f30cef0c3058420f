import PostgresNIO
import RegioCore
import RegioStore

/// iJw deliveries and the message log on the shared server, with the same guarantees as on SQLite: one message is
/// one transaction (under the schema's write lock), a repeated message is recognised by the log.
extension PostgresStore: IJWStore {
    public func ijwTransactie<T>(_ werk: (any IJWSchrijver) throws -> T) throws -> T {
        try schrijfTransactie { v in try werk(PostgresSchrijver(v: v, geheleKolommen: geheleKolommen, bulk: false)) }
    }
}

extension PostgresSchrijver: IJWSchrijver {
    var sql: any SQLVerbinding { PostgresSQLVerbinding(v: v) }
}
