import RegioCore

/// The monthly sums (`AggregaatStore`) written once for both databases: the stamp that says which stored data the sums
/// belong to, when they may be read, how new lines are merged in and how the tables are emptied and stamped. A backend
/// gives only the bulk paths, on its own connection (`Eigen`): reading every line, reading and inserting the sums.
public protocol Somopslag: SQLOpslag, BIStore {
    associatedtype Eigen
    /// `werk` on one snapshot, with the backend's own connection and the written-once one on the same snapshot.
    func leesSommen<T>(_ werk: (Eigen, any SQLVerbinding) throws -> T) throws -> T
    /// `werk` in one write transaction that raises the counter of registered data.
    func schrijfSommen<T>(_ werk: (Eigen, any SQLVerbinding) throws -> T) throws -> T
    /// Allocation number -> referrer ("" when none): the first of a number, as the figures take it.
    static func verwijzers(_ e: Eigen) throws -> [String: String]
    /// Every stored line summed, in stored order.
    static func somVanRegels(_ e: Eigen, verwijzers: [String: String]) throws -> Declaratieaggregaten
    /// The stored cost and/or client-years of these years (`kosten` by provider or summed over providers, `clienten`).
    static func leesSomrijen(_ e: Eigen, van: Int, tot: Int, perAanbieder: Bool, delen: Somdelen) throws -> Declaratieaggregaten
    /// The stored triangle.
    static func leesDriehoek(_ e: Eigen) throws -> [Declaratieaggregaten.Driehoeksleutel: Euro]
    /// The sums' rows into the emptied tables.
    static func voegSomrijenIn(_ a: Declaratieaggregaten, _ e: Eigen) throws
    /// Every stored allocation whose period overlaps `van...tot` as a record, one at a time, in stored order (not
    /// collected: the BI facts).
    static func leesToewijzingen(_ e: Eigen, van: Dag, tot: Dag, _ per: (Toewijzing) throws -> Void) throws
}

/// The client-years of one read and the cost of another as one set of sums when both found the same stamp (the same
/// stored data); else what `opnieuw` reads in one transaction. Nil when either found the sums out of date.
func samengevoegd(clienten: (stand: String, sommen: Declaratieaggregaten)?, kosten: (stand: String, sommen: Declaratieaggregaten)?,
                  opnieuw: () throws -> Declaratieaggregaten?) rethrows -> Declaratieaggregaten? {
    guard let clienten, let kosten else { return nil }
    guard clienten.stand == kosten.stand else { return try opnieuw() }
    var a = clienten.sommen
    a.kosten = kosten.sommen.kosten
    return a
}

/// Which tables of the sums a read takes.
public struct Somdelen: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The cost per month (`agg_kosten` or `agg_kosten_aanbieder`).
    public static let kosten = Somdelen(rawValue: 1)
    /// The client-years (`agg_clienten`).
    public static let clienten = Somdelen(rawValue: 2)
}

extension Somopslag {
    /// Which data the sums belong to: the newest import and the newest rows (each import is logged; rows only grow).
    func stand(_ v: any SQLVerbinding) throws -> String {
        let log = try v.geheel("SELECT COALESCE(MAX(id), 0) FROM importlog") ?? 0
        let d = try v.geheel("SELECT COALESCE(MAX(\(invoegvolgorde)), 0) FROM declaratie") ?? 0
        let t = try v.geheel("SELECT COALESCE(MAX(\(invoegvolgorde)), 0) FROM toewijzing") ?? 0
        return "\(log)/\(d)/\(t)"
    }

    /// True when the stored sums were built from the data as it is now stored.
    func actueel(_ v: any SQLVerbinding, stand: String? = nil) throws -> Bool {
        try v.rijen("SELECT waarde FROM agg_stand WHERE sleutel = 'stand'", []).first?.first?.tekst == (stand ?? self.stand(v))
    }

    public func ververstAggregaten() throws {
        try schrijfSommen { e, v in
            try schrijf(try Self.somVanRegels(e, verwijzers: try Self.verwijzers(e)), e, v)
        }
        try ververstBINaSommen()
    }

    public func aggregatenActueel() throws -> Bool {
        try leesSommen { _, v in
            if try actueel(v) { return true }
            return try v.geheel("""
                SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM declaratie LIMIT 1) a) + (SELECT COUNT(*) FROM (SELECT 1 FROM agg_kosten LIMIT 1) b)
                  + (SELECT COUNT(*) FROM (SELECT 1 FROM agg_clienten LIMIT 1) c)
                """) == 0
        }
    }

    public func voegToeAanAggregaten(_ nieuw: Declaratieaggregaten) throws {
        var deelbouw: BIFeiten.Deelbouw?
        let geschreven = try schrijfSommen { e, v -> (sommen: Declaratieaggregaten, stand: String)? in
            deelbouw = try self.deelbouw(v, nieuw: nieuw)
            // no new lines (files of other records, or lines that were all stored already): the sums stand as they are
            // and only their stamp moves to the data as now stored; the BI tables below take the other records
            if nieuw.isLeeg, try stempel(v) { return nil }
            var a = try opgeslagen(e, v, van: 0, tot: 9999, perAanbieder: true, driehoek: true)
            // the first sums (a first import) are written as they are: merging would hold them twice
            if a.isLeeg {
                try schrijf(nieuw, e, v)
                return (nieuw, try stand(v))
            }
            try a.voegToe(nieuw)
            try schrijf(a, nieuw: nieuw, e, v)
            a.driehoek = [:]   // the BI facts do not read the triangle (461.000 cells nationally)
            return (a, try stand(v))
        }
        // the BI facts from the sums just written (not read back), stamped with the data they belong to
        if let geschreven {
            try ververstBI(stand: geschreven.stand, sommen: geschreven.sommen, deelbouw: deelbouw)
        } else {
            try ververstBI(stand: try leesSommen { _, v in try stand(v) }, sommen: nil, deelbouw: deelbouw)
        }
    }

    /// Which years of the BI facts the records added since the sums were last stamped can have changed, read before the
    /// new sums are written (their old stamp says what came since); nil when every year is built again: the facts were
    /// not up to date before, their range is not known, or something other than lines, requests or new allocations
    /// changed (a lot, a product or a tariff changes facts in every year).
    func deelbouw(_ v: any SQLVerbinding, nieuw: Declaratieaggregaten) throws -> BIFeiten.Deelbouw? {
        func waarde(_ tabel: String, _ sleutel: String) throws -> String? {
            try v.rijen("SELECT waarde FROM \(tabel) WHERE sleutel = ?", [Waarde(sleutel)]).first?.first?.tekst
        }
        guard let oud = try waarde("agg_stand", "stand"), try waarde("bi_t_stand", "stand") == oud,
              let eerder = try waarde("bi_t_stand", "jaren").flatMap(BIFeiten.bereik) else { return nil }
        let delen = oud.split(separator: "/").compactMap { Int64($0) }
        guard delen.count == 3 else { return nil }
        let anders = try v.geheel("""
            SELECT COUNT(*) FROM importlog WHERE id > ? AND (toegevoegd > 0 OR gewijzigd > 0)
              AND NOT (soort IN ('\(Soort.declaraties.rawValue)', '\(Soort.verzoeken.rawValue)')
                       OR (soort = '\(Soort.toewijzingen.rawValue)' AND gewijzigd = 0))
            """, [Waarde(delen[0])]) ?? 1
        guard anders == 0 else { return nil }
        var jaren = nieuw.jaren   // every month of cost has its client-year, so these are the cost's years too
        // a new allocation counts in every year it runs in; an open end runs on to the last year of the facts
        for r in try v.rijen("SELECT ingangsdatum, einddatum FROM toewijzing WHERE \(invoegvolgorde) > ?", [Waarde(delen[2])]) {
            guard let van = r[0].dag else { return nil }
            let tot = r[1].dag?.jaar ?? max(eerder.upperBound, van.jaar)
            // years outside the earlier range are built anyway; an end far ahead adds no loop of centuries
            let a = max(van.jaar, eerder.lowerBound), b = min(tot, eerder.upperBound)
            if a <= b { jaren.formUnion(a...b) }
        }
        return BIFeiten.Deelbouw(jaren: jaren, eerder: eerder)
    }

    public func stempelSommen() throws -> Bool {
        try schrijfSommen { _, v in
            guard try stempel(v) else { return false }
            try v.voerUit("UPDATE bi_t_stand SET waarde = ? WHERE sleutel = 'stand'", [Waarde(try stand(v))])
            return true
        }
    }

    /// Moves the stamp of stored sums to the data as now stored; false when there is none.
    private func stempel(_ v: any SQLVerbinding) throws -> Bool {
        guard try v.geheel("SELECT COUNT(*) FROM agg_stand WHERE sleutel = 'stand'") ?? 0 > 0 else { return false }
        try v.voerUit("UPDATE agg_stand SET waarde = ? WHERE sleutel = 'stand'", [Waarde(try stand(v))])
        return true
    }

    public func verwijzers() throws -> [String: String] {
        try leesSommen { e, _ in try Self.verwijzers(e) }
    }

    /// The cost and the client-years are read at once, each in a read transaction of its own (one per core); both must
    /// find the same stamp, else an import came in between and they are read again in one transaction.
    public func aggregaten(jaren: ClosedRange<Int>, perAanbieder: Bool) throws -> Declaratieaggregaten? {
        @Sendable func lees(_ delen: Somdelen) throws -> (stand: String, sommen: Declaratieaggregaten)? {
            try leesSommen { e, v in
                let stand = try stand(v)
                guard try actueel(v, stand: stand) else { return nil }
                return (stand, try opgeslagen(e, v, van: jaren.lowerBound, tot: jaren.upperBound, perAanbieder: perAanbieder, driehoek: false,
                                              delen: delen))
            }
        }
        let kosten = Toekomst { Result { try lees(.kosten) } }
        let clienten = try lees(.clienten)
        guard let a = try samengevoegd(clienten: clienten, kosten: try kosten.waarde.get(), opnieuw: { try lees([.kosten, .clienten])?.sommen })
        else { return nil }
        // sums beyond the bounds (built from lines an older version let in) are as good as out of date: the figures
        // then come from the lines, whose check names the line
        return (try? a.controleerGrenzen()) == nil ? nil : a
    }

    public func driehoek() throws -> [Declaratieaggregaten.Driehoeksleutel: Euro]? {
        try leesSommen { e, v in
            guard try actueel(v) else { return nil }
            let d = try Self.leesDriehoek(e)
            return (try? Declaratieaggregaten.controleerGrenzen(d)) == nil ? nil : d   // as in `aggregaten`
        }
    }

    /// Rebuilds the BI facts from the monthly sums and the allocations; called after the sums are written, so the views
    /// are never older than the figures. Without up-to-date sums (an import in between) it leaves them for the next.
    /// `sommen`: the sums as just written with `stand` (else they are read, and must be up to date). The allocations are
    /// read one by one for each year (each checked against `Grenzen`), not held: nationally they are some 600 MB.
    /// `deelbouw`: only the years it names are built and replaced (`BIFeiten.Deelbouw`).
    public func ververstBI(stand: String, sommen gegeven: Declaratieaggregaten?, deelbouw: BIFeiten.Deelbouw?) throws {
        guard let sommen = try gegeven ?? aggregaten(jaren: 1...9999, perAanbieder: true) else { return }
        try schrijfBI(try biFeiten(sommen: sommen, deelbouw: deelbouw), stand: stand)
    }

    public func ververstBI(stand: String, sommen: Declaratieaggregaten?) throws {
        try ververstBI(stand: stand, sommen: sommen, deelbouw: nil)
    }

    public func biFeiten(sommen: Declaratieaggregaten) throws -> BIFeiten { try biFeiten(sommen: sommen, deelbouw: nil) }

    func biFeiten(sommen: Declaratieaggregaten, deelbouw: BIFeiten.Deelbouw?) throws -> BIFeiten {
        Geheugen.geefVrijTerug()   // what reading and writing the sums freed, before the facts take theirs
        let g = try gegevensZonderDeclaraties(verzoeken: false, toewijzingen: false)
        return try leesSommen { e, v in
            let eerste = try v.geheel("SELECT MIN(ingangsdatum) FROM toewijzing").map(Dag.init(opgeslagen:))
            let laatste = try v.geheel("SELECT MAX(toewijzingsdatum) FROM toewijzing").map(Dag.init(opgeslagen:))
            return try BIFeiten(g, sommen: sommen, eersteIngang: eerste, laatsteToewijzing: laatste, deelbouw: deelbouw) { van, tot, per in
                var grenzen = Toewijzingsgrenzen()
                try Self.leesToewijzingen(e, van: van, tot: tot) { tw in
                    try grenzen.controleer(tw)
                    per(tw)
                }
                try grenzen.afronden()
            }
        }
    }

    /// After the sums: the BI facts from them, stamped with the same stand.
    func ververstBINaSommen() throws {
        try ververstBI(stand: try leesSommen { _, v in try stand(v) }, sommen: nil)
    }

    /// Replaces the stored sums by `a` and stamps them with the data they were built from.
    func schrijf(_ a: Declaratieaggregaten, _ e: Eigen, _ v: any SQLVerbinding) throws {
        precondition(a.perAanbieder)
        for tabel in ["agg_kosten", "agg_kosten_aanbieder", "agg_clienten", "agg_driehoek", "agg_stand"] {
            try v.voerUit("DELETE FROM \(tabel)", [])
        }
        try Self.voegSomrijenIn(a, e)
        try stempel(a, v)
    }

    /// The stored sums made equal to `a`, the sums after `nieuw` was added to them, by replacing only the parts that
    /// `nieuw` touched (`Declaratieaggregaten.deel`: the municipality-product cells of its lines, its clients), so that
    /// a few new lines do not rewrite a national year's millions of rows. Where those parts hold more than a quarter of
    /// the rows, or are more than 1.000 cells or 2.000 clients, every row is replaced, which is then as quick.
    func schrijf(_ a: Declaratieaggregaten, nieuw: Declaratieaggregaten, _ e: Eigen, _ v: any SQLVerbinding) throws {
        precondition(a.perAanbieder)
        guard let d = a.deel(geraaktDoor: nieuw, cellen: 1_000, clienten: 2_000),
              (d.sommen.kosten.count + d.sommen.clienten.count + d.sommen.driehoek.count) * 4 <= a.kosten.count + a.clienten.count + a.driehoek.count
        else { return try schrijf(a, e, v) }
        // each block of keys is one pass over the table (the sums have no index on them)
        for begin in stride(from: 0, to: d.cellen.count, by: 250) {
            let blok = d.cellen[begin..<min(begin + 250, d.cellen.count)]
            let waarden = blok.flatMap { [Waarde($0.gemeentecode), Waarde($0.productcategorie), Waarde($0.productcode)] }
            let lijst = Array(repeating: "(?, ?, ?)", count: blok.count).joined(separator: ", ")
            for tabel in ["agg_kosten", "agg_kosten_aanbieder", "agg_driehoek"] {
                try v.voerUit("DELETE FROM \(tabel) WHERE (gemeentecode, productcategorie, productcode) IN (VALUES \(lijst))", waarden)
            }
        }
        for begin in stride(from: 0, to: d.clienten.count, by: 500) {
            let blok = d.clienten[begin..<min(begin + 500, d.clienten.count)]
            try v.voerUit("DELETE FROM agg_clienten WHERE client IN (\(Array(repeating: "?", count: blok.count).joined(separator: ", ")))",
                          blok.map { Waarde($0) })
        }
        try v.voerUit("DELETE FROM agg_stand", [])
        try Self.voegSomrijenIn(d.sommen, e)
        try stempel(a, v)
    }

    /// The newest submission of `a` and the stand of the data the sums now belong to, into the emptied `agg_stand`.
    private func stempel(_ a: Declaratieaggregaten, _ v: any SQLVerbinding) throws {
        if let d = a.laatsteIndiening {
            try v.voerUit("INSERT INTO agg_stand (sleutel, waarde) VALUES ('laatste_indiening', ?)", [Waarde(d.description)])
        }
        try v.voerUit("INSERT INTO agg_stand (sleutel, waarde) VALUES ('stand', ?)", [Waarde(try stand(v))])
    }

    /// The stored sums of these years, with the whole triangle when asked, and the newest submission they hold.
    func opgeslagen(_ e: Eigen, _ v: any SQLVerbinding, van: Int, tot: Int, perAanbieder: Bool, driehoek: Bool,
                    delen: Somdelen = [.kosten, .clienten]) throws -> Declaratieaggregaten {
        var a = try Self.leesSomrijen(e, van: van, tot: tot, perAanbieder: perAanbieder, delen: delen)
        a.perAanbieder = perAanbieder
        if driehoek { a.driehoek = try Self.leesDriehoek(e) }
        a.laatsteIndiening = try v.rijen("SELECT waarde FROM agg_stand WHERE sleutel = 'laatste_indiening'", []).first?.first?.tekst
            .flatMap(Dag.parse)
        return a
    }
}
