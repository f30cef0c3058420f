import Foundation
import PostgresNIO
import RegioCore
import RegioStore

/// The shared-server backend: one PostgreSQL database (or one schema in it) per region, opened by many processes at once.
///
/// Guarantees as `SQLiteStore`: one transaction per import file, the same idempotence (by content hash), the same order of
/// `gegevens()`. Imports into the same schema take turns (an advisory lock), readers never wait for them (MVCC) and see
/// an import whole or not at all.
public final class PostgresStore: Opslag, Sendable {
    public let adres: PostgresAdres
    let pool: Verbindingspool
    /// Per table, the columns of type bigint (the others are text): how to cast the batched arrays.
    let geheleKolommen: [String: Set<String>]

    /// Opens (creating the schema and migrating when needed) the database at `postgres://...`.
    public convenience init(url: String) throws {
        try self.init(adres: PostgresAdres(url))
    }

    public init(adres: PostgresAdres) throws {
        self.adres = adres
        pool = try Verbindingspool(adres: adres)
        geheleKolommen = try pool.metVerbinding { v in
            try PostgresSchema.migreer(v, schema: adres.schema)
            var typen: [String: Set<String>] = [:]
            for rij in try v.rijen("""
                SELECT table_name::text, column_name::text FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type IN ('bigint', 'integer', 'smallint')
                """) {
                let (tabel, kolom) = try rij.decode((String, String).self)
                typen[tabel, default: []].insert(kolom)
            }
            return typen
        }
    }

    /// Closes the connections (also done when the store is released).
    public func sluit() { pool.sluit() }

    public func gegevens() throws -> Gegevens { try gegevens(periode: nil) }

    /// Everything, except declaration lines whose service period lies entirely outside [van, tot].
    public func gegevens(declaratiesVan van: Dag, tot: Dag) throws -> Gegevens { try gegevens(periode: (van, tot)) }

    private func gegevens(periode: (van: Dag, tot: Dag)?) throws -> Gegevens {
        try leesMomentopname { v in
            var g = Gegevens()
            for soort in Soort.allCases {
                try Kolomlezer.lees(v, tabel: soort.tabel, kolommen: soort.kolommen, periode: soort == .declaraties ? periode : nil) {
                    Codering.voegToe(soort, $0, aan: &g)
                }
            }
            try g.controleerGrenzen()
            return g
        }
    }

    public func elkeToewijzing(_ perToewijzing: (Toewijzingskenmerken) -> Void) throws {
        try leesMomentopname { v in
            try Kolomlezer.lees(v, tabel: "toewijzing", kolommen: ["toewijzingnummer", "client", "gemeentecode", "agb", "ingangsdatum",
                                                                  "einddatum"]) { w in
                perToewijzing(Toewijzingskenmerken(nummer: w[0].tekst ?? "", client: w[1].tekst ?? "", gemeentecode: w[2].tekst ?? "",
                                                   agb: w[3].tekst ?? "", van: Dag(opgeslagen: w[4].geheel ?? 0),
                                                   tot: w[5].geheel.map { Dag(opgeslagen: $0) }))
            }
        }
    }

    public func sleutels(_ soort: Soort) throws -> Set<String> {
        try pool.metVerbinding { v in
            let leeg = [Waarde](repeating: .leeg, count: soort.inhoud.count)
            var s = Set<String>()
            try Kolomlezer.lees(v, tabel: soort.tabel, kolommen: soort.sleutel) { s.insert(Rij(soort: soort, waarden: $0 + leeg).sleutelTekst) }
            return s
        }
    }

    public func transactie<T>(_ werk: (any StoreSchrijver) throws -> T) throws -> T {
        try schrijfTransactie { v in
            let schrijver = PostgresSchrijver(v: v, geheleKolommen: geheleKolommen, bulk: true)
            let uitkomst = try werk(schrijver)
            try schrijver.herstelIndexen()
            return uitkomst
        }
    }

    /// One write transaction; writers to the same schema take turns, so two imports never interleave. It raises the
    /// counter of what it changed (`WijzigingStore`), so another process's dashboard notices; nil: users and sessions.
    func schrijfTransactie<T>(_ soort: Wijzigingssoort? = .gegevens, _ werk: (Verbinding) throws -> T) throws -> T {
        try pool.metVerbinding { v in
            try v.rijen("BEGIN")
            do {
                // the lock is the first statement: what the other writer committed is visible to everything after it
                try v.rijen(PostgresSchema.slot(PostgresSchema.schrijfslot))
                let uitkomst = try werk(v)
                if let soort { try v.rijen(Schemadefinitie.verhoog("$1"), [soort.rawValue]) }
                try v.rijen("COMMIT")
                return uitkomst
            } catch {
                _ = try? v.rijen("ROLLBACK")
                throw error
            }
        }
    }

    /// Several reads that must see one moment, as SQLite's `read { }` does.
    func leesMomentopname<T>(_ werk: (Verbinding) throws -> T) throws -> T {
        try pool.metVerbinding { v in
            try v.rijen("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? v.rijen("COMMIT") }
            return try werk(v)
        }
    }
}

extension PostgresStore: WijzigingStore, GebruikerStore, SignaalStore, SQLOpslag {
    public var invoegvolgorde: String { PostgresSchema.volgorde }

    public func lees<T>(_ werk: (any SQLVerbinding) throws -> T) throws -> T {
        try leesMomentopname { v in try werk(PostgresSQLVerbinding(v: v)) }
    }

    public func schrijf<T>(_ wijziging: Wijzigingssoort?, _ werk: (any SQLVerbinding) throws -> T) throws -> T {
        try schrijfTransactie(wijziging) { v in try werk(PostgresSQLVerbinding(v: v)) }
    }
}

/// Statements written once (`SQLVerbinding`) on PostgreSQL: each `?` becomes `$n`, cast to bigint for a whole number
/// (values go as text binds, as everywhere in this module).
struct PostgresSQLVerbinding: SQLVerbinding {
    let v: Verbinding

    func voerUit(_ sql: String, _ waarden: [Waarde]) throws { try v.rijen(try Self.sql(sql, waarden), Self.binds(waarden)) }

    func rijen(_ sql: String, _ waarden: [Waarde]) throws -> [[Waarde]] {
        try v.rijen(try Self.sql(sql, waarden), Self.binds(waarden)).map(Verbinding.waarden)
    }

    /// `?` by `$1`, `$2`, ... in order. The statements are ours and hold no `?` inside a literal.
    static func sql(_ sql: String, _ waarden: [Waarde]) throws -> String {
        var uit = ""
        uit.reserveCapacity(sql.utf8.count + 4 * waarden.count)
        var n = 0
        for c in sql {
            guard c == "?" else { uit.append(c); continue }
            n += 1
            uit += "$\(n)"
            if n <= waarden.count, case .geheel = waarden[n - 1] { uit += "::bigint" }
        }
        guard n == waarden.count else { throw StoreFout.databasefout("\(n) plaatsen voor \(waarden.count) waarden in: \(sql)") }
        return uit
    }

    static func binds(_ waarden: [Waarde]) -> [String?] {
        waarden.map { w in
            switch w {
            case .geheel(let i): String(i)
            case .tekst(let t): t
            case .leeg: nil
            }
        }
    }
}
