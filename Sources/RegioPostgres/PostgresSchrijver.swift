import RegioStore

/// Writes an import in batches: per batch one lookup of the stored content hashes, one multi-row INSERT and one
/// multi-row UPDATE, each passing a whole column as one array (`unnest`). Counts exactly as `SQLiteStore.Schrijver`:
/// a new key is added, a key with other content is changed (and reported), equal content is left alone.
final class PostgresSchrijver: StoreSchrijver {
    let v: Verbinding
    let geheleKolommen: [String: Set<String>]
    /// A file import (not an iJw message): its keys are unique within the file, checked before they are written.
    private let bulk: Bool
    private var bekeken: Set<Soort> = []
    /// Tables empty at their first write in this bulk load: every row is new, so no key is looked up.
    private var leeg: Set<Soort> = []
    /// Secondary indexes dropped for a bulk load into an empty table (their definitions), rebuilt before the commit.
    private var uitgezet: [String] = []
    /// Rows per statement: large enough to amortise the round trips, small enough to keep each message a few MB.
    static let partij = 5_000

    init(v: Verbinding, geheleKolommen: [String: Set<String>], bulk: Bool) {
        self.v = v; self.geheleKolommen = geheleKolommen; self.bulk = bulk
    }

    /// As `SQLiteStore.Schrijver`: a table that is empty at its first write of a file import loads without its
    /// secondary indexes (built once afterwards, sorted, instead of updated per row) and without looking its keys up.
    /// The primary key and unique constraints stay: a duplicate is still refused by the server.
    private func bereidVoor(_ soort: Soort) throws {
        guard bulk, bekeken.insert(soort).inserted else { return }
        guard try v.rijen("SELECT 1 FROM \(soort.tabel) LIMIT 1").isEmpty else { return }
        leeg.insert(soort)
        for r in try v.rijen("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = $1
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.conrelid = $1::regclass)
            ORDER BY i.indexname
            """, [soort.tabel]) {
            let (naam, definitie) = try r.decode((String, String).self)
            try v.rijen("DROP INDEX \(naam)")
            uitgezet.append(definitie)
        }
    }

    func herstelIndexen() throws {
        guard !uitgezet.isEmpty else { return }
        // the server sorts each index in memory when it fits (the default 64 MB spills a national table to disk)
        try v.rijen("SET LOCAL maintenance_work_mem = '256MB'")
        for sql in uitgezet { try v.rijen(sql) }
        uitgezet.removeAll()
    }

    func schrijf(_ rijen: [Rij]) throws -> Telling {
        var telling = Telling()
        guard let soort = rijen.first?.soort else { return telling }
        try bereidVoor(soort)
        var begin = 0
        while begin < rijen.count {
            // a batch also ends before a repeated key, so a later row sees the earlier one, as row-by-row writing would
            var eind = begin
            var sleutels = Set<[Waarde]>()
            while eind < rijen.count, eind - begin < PostgresSchrijver.partij, sleutels.insert(Array(rijen[eind].sleutel)).inserted {
                precondition(rijen[eind].soort == soort)
                eind += 1
            }
            telling = telling + (try schrijfPartij(rijen[begin..<eind], soort))
            begin = eind
        }
        return telling
    }

    private func schrijfPartij(_ partij: ArraySlice<Rij>, _ soort: Soort) throws -> Telling {
        var telling = Telling()
        let rijen = Array(partij)
        let hashes = rijen.map(\.inhoudHash)
        let k = soort.sleutel.count
        let geheel = geheleKolommen[soort.tabel] ?? []
        func reeks(_ kolom: Int, _ deel: [Int]) -> String {
            PostgresReeks.tekst(deel.map { rijen[$0].waarden[kolom] })
        }
        func cast(_ kolom: String) -> String { geheel.contains(kolom) ? "bigint[]" : "text[]" }
        func unnest(_ kolommen: [String], vanaf: Int = 1) -> String {
            kolommen.enumerated().map { i, c in "$\(vanaf + i)::\(cast(c))" }.joined(separator: ", ")
        }
        let koppeling = soort.sleutel.map { "t.\($0) = u.\($0)" }.joined(separator: " AND ")

        // 1. what is stored under these keys: one primary-key probe per row (LATERAL ... LIMIT 1 keeps the planner from
        //    hashing the whole table for a batch, 8x slower on the demo region's declarations)
        let alle = Array(rijen.indices)
        var bestaand = [Int64?](repeating: nil, count: rijen.count)
        for r in leeg.contains(soort) ? [] : try v.rijen("""
            SELECT u.n, t.inhoud FROM unnest(\(unnest(soort.sleutel))) WITH ORDINALITY AS u(\(soort.sleutel.joined(separator: ", ")), n)
            CROSS JOIN LATERAL (SELECT t.inhoud FROM \(soort.tabel) t WHERE \(koppeling) LIMIT 1) t
            """, (0..<k).map { reeks($0, alle) }) {
            let (n, inhoud) = try r.decode((Int64, Int64).self)
            bestaand[Int(n) - 1] = inhoud
        }

        // 2. sort out new, changed and unchanged, in file order
        var nieuw: [Int] = [], anders: [Int] = []
        for i in rijen.indices {
            if let hash = bestaand[i] {
                if hash == hashes[i] { telling.ongewijzigd += 1; continue }
                anders.append(i)
                telling.gewijzigd += 1
                telling.gewijzigdeSleutels.append(rijen[i].sleutelTekst)
            } else {
                nieuw.append(i)
                telling.toegevoegd += 1
            }
        }
        let kolommen = soort.kolommen + ["inhoud"]
        func binds(_ deel: [Int]) -> [String?] {
            soort.kolommen.indices.map { reeks($0, deel) } + [PostgresReeks.tekst(deel.map { .geheel(hashes[$0]) })]
        }
        let lijst = kolommen.joined(separator: ", ")

        // 3. new rows in file order, so their row numbers keep that order (as SQLite's rowid does)
        if !nieuw.isEmpty {
            try v.rijen("""
                INSERT INTO \(soort.tabel) (\(lijst))
                SELECT \(lijst) FROM unnest(\(unnest(kolommen))) WITH ORDINALITY AS u(\(lijst), n) ORDER BY n
                """, binds(nieuw))
        }
        // 4. changed rows in place (they keep their row number, as in SQLite), again by key probes, not a hashed table
        if !anders.isEmpty {
            let zet = (soort.inhoud + ["inhoud"]).map { "\($0) = u.\($0)" }.joined(separator: ", ")
            try v.rijen("SET LOCAL enable_hashjoin = off")
            try v.rijen("SET LOCAL enable_mergejoin = off")
            try v.rijen("""
                UPDATE \(soort.tabel) t SET \(zet) FROM unnest(\(unnest(kolommen))) AS u(\(lijst)) WHERE \(koppeling)
                """, binds(anders))
            try v.rijen("SET LOCAL enable_hashjoin = on")
            try v.rijen("SET LOCAL enable_mergejoin = on")
        }
        return telling
    }

    func logImport(_ r: ImportlogRegel) throws {
        try v.rijen("""
            INSERT INTO importlog (bestand, soort, tijdstip, toegevoegd, gewijzigd, ongewijzigd)
            VALUES ($1, $2, $3, $4::bigint, $5::bigint, $6::bigint)
            """, [r.bestand, r.soort, r.tijdstip, String(r.toegevoegd), String(r.gewijzigd), String(r.ongewijzigd)])
    }
}

/// PostgreSQL array literals (`{"a",NULL,"b"}`): a whole column in one bind, NULLs included.
enum PostgresReeks {
    static func tekst(_ waarden: [Waarde]) -> String {
        var s = "{"
        s.reserveCapacity(waarden.count * 12)
        for (i, w) in waarden.enumerated() {
            if i > 0 { s += "," }
            switch w {
            case .leeg: s += "NULL"
            case .geheel(let n): s += String(n)
            case .tekst(let t): citeer(t, in: &s)
            }
        }
        s += "}"
        return s
    }

    /// Always quoted, so that a text `NULL`, braces, commas and spaces stay text; backslash and quote escaped.
    static func citeer(_ t: String, in s: inout String) {
        s += "\""
        for c in t.unicodeScalars {
            if c == "\"" || c == "\\" { s += "\\" }
            s.unicodeScalars.append(c)
        }
        s += "\""
    }
}
