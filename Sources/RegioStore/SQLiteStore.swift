import GRDB
import RegioCore

/// The embedded default: one SQLite file, WAL mode so the dashboard can read while an import writes.
public final class SQLiteStore: RegioStore, @unchecked Sendable {
    let db: any DatabaseWriter

    /// Opens (and creates or migrates) the database file; `":memory:"` gives an in-memory database for tests.
    public init(pad: String) throws {
        if pad == ":memory:" {
            db = try DatabaseQueue()
        } else {
            var config = Configuration()
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            db = try DatabasePool(path: pad, configuration: config)
        }
        try SQLiteSchema.migrator.migrate(db)
    }

    public func gegevens() throws -> Gegevens {
        try db.read { db in
            var g = Gegevens()
            for soort in Soort.allCases {
                let kolommen = soort.kolommen.joined(separator: ", ")
                let rows = try Row.fetchCursor(db, sql: "SELECT \(kolommen) FROM \(soort.tabel) ORDER BY rowid")
                let n = soort.kolommen.count
                while let row = try rows.next() {
                    var w: [Waarde] = []
                    w.reserveCapacity(n)
                    for i in 0..<n { w.append(SQLiteStore.waarde(row[i] as DatabaseValue)) }
                    Codering.voegToe(soort, w, aan: &g)
                }
            }
            return g
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

    public func aantal(_ soort: Soort) throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(soort.tabel)") ?? 0 }
    }

    public func transactie<T>(_ werk: (any StoreSchrijver) throws -> T) throws -> T {
        try db.write { db in try werk(Schrijver(db: db)) }
    }

    public func importlog() throws -> [ImportlogRegel] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT bestand, soort, tijdstip, toegevoegd, gewijzigd, ongewijzigd FROM importlog ORDER BY id DESC")
                .map { ImportlogRegel(bestand: $0[0], soort: $0[1], tijdstip: $0[2], toegevoegd: $0[3], gewijzigd: $0[4], ongewijzigd: $0[5]) }
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

    struct Schrijver: StoreSchrijver {
        let db: GRDB.Database

        func schrijf(_ rijen: [Rij]) throws -> Telling {
            var telling = Telling()
            guard let soort = rijen.first?.soort else { return telling }
            let sleutelSQL = soort.sleutel.map { "\($0) = ?" }.joined(separator: " AND ")
            let kies = try db.cachedStatement(sql: "SELECT inhoud FROM \(soort.tabel) WHERE \(sleutelSQL)")
            let kolommen = soort.kolommen + ["inhoud"]
            let voegIn = try db.cachedStatement(sql: "INSERT INTO \(soort.tabel) (\(kolommen.joined(separator: ", "))) VALUES (\(kolommen.map { _ in "?" }.joined(separator: ", ")))")
            let werkBij = try db.cachedStatement(sql: "UPDATE \(soort.tabel) SET \((soort.inhoud + ["inhoud"]).map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(sleutelSQL)")
            for rij in rijen {
                precondition(rij.soort == soort)
                let sleutel = rij.sleutel.map(SQLiteStore.dbWaarde)
                let hash = rij.inhoudHash
                kies.setUncheckedArguments(StatementArguments(sleutel))
                if let bestaand = try Int64.fetchOne(kies) {
                    if bestaand == hash { telling.ongewijzigd += 1; continue }
                    werkBij.setUncheckedArguments(StatementArguments(rij.waarden[soort.sleutel.count...].map(SQLiteStore.dbWaarde) + [hash.databaseValue] + sleutel))
                    try werkBij.execute()
                    telling.gewijzigd += 1
                    telling.gewijzigdeSleutels.append(rij.sleutelTekst)
                } else {
                    voegIn.setUncheckedArguments(StatementArguments(rij.waarden.map(SQLiteStore.dbWaarde) + [hash.databaseValue]))
                    try voegIn.execute()
                    telling.toegevoegd += 1
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
