import PostgresNIO
import RegioCore
import RegioStore

/// Reads whole tables fast: per block of rows the server sends each column as one array (`array_agg`), which this
/// decodes from its binary form in one pass. Row by row, postgres-nio slices every cell out of its message; for the
/// few hundred thousand declaration lines of a region that costs seconds in release and minutes in debug builds.
enum Kolomlezer {
    static let blok = 50_000

    /// Every row of `tabel` (with `gelijk`: those whose column equals the text, by its index) as values in `kolommen`
    /// order, in insertion order (`rijnr`).
    /// With `periode`: only the rows whose [begindatum, einddatum] overlaps it (declaration lines). With `rijnrs`: only
    /// the rows numbered in [van, tot).
    static func lees(_ v: Verbinding, tabel: String, kolommen: [String], gelijk: (kolom: String, tekst: String)? = nil,
                     periode: (van: Dag, tot: Dag)? = nil, lopend: (van: Dag, tot: Dag)? = nil,
                     rijnrs: (van: Int64?, tot: Int64?) = (nil, nil), perRij: ([Waarde]) throws -> Void) throws {
        let volg = PostgresSchema.volgorde
        // one aggregate node feeds every array_agg the same rows in the same order; the row numbers say which order
        // that is (the ordered subquery's, in practice), so no aggregate needs a sort of its own
        let aggregaten = ([volg] + kolommen).map { "array_agg(\($0))" }.joined(separator: ", ")
        var voorwaarden: [String] = []
        var argumenten: [String] = []
        if let gelijk { argumenten.append(gelijk.tekst); voorwaarden.append("\(gelijk.kolom) = $\(argumenten.count + 1)") }
        if let periode {
            argumenten += [String(periode.van.dagnummer), String(periode.tot.dagnummer)]
            voorwaarden.append("einddatum >= $\(argumenten.count)::bigint AND begindatum <= $\(argumenten.count + 1)::bigint")
        }
        if let lopend {
            // allocations (their end may be open) running on some day of the range
            argumenten += [String(lopend.tot.dagnummer), String(lopend.van.dagnummer)]
            let n = argumenten.count + 1   // $1 is the row number to start after
            voorwaarden.append(Soort.lopendIn(tot: "$\(n - 1)::bigint", van: "$\(n)::bigint"))
        }
        if let tot = rijnrs.tot {
            argumenten.append(String(tot))
            voorwaarden.append("\(volg) < $\(argumenten.count + 1)::bigint")
        }
        let extra = voorwaarden.map { " AND " + $0 }.joined()
        // row numbers start at 1; a range from `van` starts after the one before it
        var vanaf: Int64 = max(1, rijnrs.van ?? 1) - 1
        while true {
            let rijen = try v.rijen("""
                SELECT \(aggregaten) FROM
                  (SELECT \(volg), \(kolommen.joined(separator: ", ")) FROM \(tabel) WHERE \(volg) > $1::bigint\(extra)
                   ORDER BY \(volg) LIMIT \(blok)) s
                """, [String(vanaf)] + argumenten)
            guard let laatste = try geefDoor(rijen, tabel, perRij), laatste.aantal >= blok else { return }
            vanaf = laatste.rijnr
        }
    }

    /// The rows of `tabel` whose client is in `b` (byte order, whatever the database's collation, as
    /// `Clientbereik.bevat` and SQLite), in `rijnr` order: their row numbers first, in one pass of the server over the
    /// table (a comparison in byte order cannot use the index on client, which has the database's collation), then the
    /// rows by those numbers in blocks through the `rijnr` index. Paged by `rijnr` with the range as a condition, the
    /// server scanned the whole table for every block; streamed whole and filtered here, every row came over.
    static func lees(_ v: Verbinding, tabel: String, kolommen: [String], clienten b: Clientbereik,
                     perRij: ([Waarde]) throws -> Void) throws {
        let volg = PostgresSchema.volgorde
        var voorwaarden: [String] = [], argumenten: [String] = []
        for (grens, teken) in [(b.van, ">="), (b.tot, "<")] {
            guard let grens else { continue }
            argumenten.append(grens)
            voorwaarden.append("client COLLATE \"C\" \(teken) $\(argumenten.count)")
        }
        let waar = voorwaarden.isEmpty ? "" : " WHERE " + voorwaarden.joined(separator: " AND ")
        guard let cel = try v.rijen("SELECT array_agg(\(volg) ORDER BY \(volg)) FROM \(tabel)\(waar)", argumenten).first?
            .makeRandomAccess()[0] else { return }
        let nummers = try reeks(cel).map { w -> Int64 in
            guard case .geheel(let i) = w else { throw StoreFout.databasefout("\(tabel): rij zonder \(volg)") }
            return i
        }
        let aggregaten = ([volg] + kolommen).map { "array_agg(\($0))" }.joined(separator: ", ")
        var van = 0
        while van < nummers.count {
            let deel = nummers[van..<min(van + blok, nummers.count)]
            let rijen = try v.rijen("""
                SELECT \(aggregaten) FROM
                  (SELECT \(volg), \(kolommen.joined(separator: ", ")) FROM \(tabel) WHERE \(volg) = ANY($1::bigint[]) ORDER BY \(volg)) s
                """, ["{" + deel.map(String.init).joined(separator: ",") + "}"])
            _ = try geefDoor(rijen, tabel, perRij)
            van += blok
        }
    }

    /// Hands the rows of one block (a row of arrays, one per column after `rijnr`) to `perRij` in `rijnr` order; the
    /// number of rows and the last row number, nil when the block is empty.
    private static func geefDoor(_ rijen: [PostgresRow], _ tabel: String,
                                 _ perRij: ([Waarde]) throws -> Void) throws -> (aantal: Int, rijnr: Int64)? {
        let volg = PostgresSchema.volgorde
        guard let rij = rijen.first else { return nil }
        let cellen = rij.makeRandomAccess()
        let volgnummers = try reeks(cellen[0]).map { w -> Int64 in
            guard case .geheel(let i) = w else { throw StoreFout.databasefout("\(tabel): rij zonder \(volg)") }
            return i
        }
        let n = volgnummers.count
        guard n > 0 else { return nil }  // no rows left: the aggregates are NULL
        let kolomwaarden = try (1..<cellen.count).map { try reeks(cellen[$0]) }
        guard kolomwaarden.allSatisfy({ $0.count == n }) else { throw StoreFout.databasefout("\(tabel): kolommen van ongelijke lengte") }
        var volgorde = Array(0..<n)
        if zip(volgnummers, volgnummers.dropFirst()).contains(where: { $0 >= $1 }) { volgorde.sort { volgnummers[$0] < volgnummers[$1] } }
        for i in volgorde { try perRij(kolomwaarden.map { $0[i] }) }
        return (n, volgnummers.max()!)
    }

    /// A one-dimensional int8 or text array in PostgreSQL's binary format:
    /// ndim, has-nulls, element type, (size, lower bound) per dimension, then per element its length (-1: NULL) and bytes.
    static func reeks(_ cel: PostgresCell) throws -> [Waarde] {
        guard let bytes = cel.bytes else { return [] }
        guard cel.format == .binary else { throw StoreFout.databasefout("onverwacht tekstformaat voor \(cel.columnName)") }
        return try bytes.withUnsafeReadableBytes { p -> [Waarde] in
            var plek = 0
            func int32() throws -> Int32 {
                guard plek + 4 <= p.count else { throw StoreFout.databasefout("afgebroken array in \(cel.columnName)") }
                let x = UInt32(p[plek]) << 24 | UInt32(p[plek + 1]) << 16 | UInt32(p[plek + 2]) << 8 | UInt32(p[plek + 3])
                plek += 4
                return Int32(bitPattern: x)
            }
            let dimensies = try int32()
            _ = try int32()  // has nulls
            let type = UInt32(bitPattern: try int32())
            guard dimensies == 1 else { return [] }
            let aantal = Int(try int32())
            _ = try int32()  // lower bound
            var uit: [Waarde] = []
            uit.reserveCapacity(aantal)
            for _ in 0..<aantal {
                let lengte = Int(try int32())
                if lengte < 0 { uit.append(.leeg); continue }
                guard plek + lengte <= p.count else { throw StoreFout.databasefout("afgebroken array in \(cel.columnName)") }
                switch type {
                case PostgresDataType.int8.rawValue where lengte == 8:
                    var x: UInt64 = 0
                    for j in 0..<8 { x = x << 8 | UInt64(p[plek + j]) }
                    uit.append(.geheel(Int64(bitPattern: x)))
                case PostgresDataType.text.rawValue, PostgresDataType.varchar.rawValue:
                    uit.append(.tekst(String(decoding: UnsafeRawBufferPointer(rebasing: p[plek..<(plek + lengte)]), as: UTF8.self)))
                default:
                    throw StoreFout.databasefout("onverwacht type \(type) in \(cel.columnName)")
                }
                plek += lengte
            }
            return uit
        }
    }
}
