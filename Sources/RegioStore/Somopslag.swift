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
    /// The stored cost and client-years of these years (`kosten` by provider or summed over providers, `clienten`).
    static func leesSomrijen(_ e: Eigen, van: Int, tot: Int, perAanbieder: Bool) throws -> Declaratieaggregaten
    /// The stored triangle.
    static func leesDriehoek(_ e: Eigen) throws -> [Declaratieaggregaten.Driehoeksleutel: Euro]
    /// The sums' rows into the emptied tables.
    static func voegSomrijenIn(_ a: Declaratieaggregaten, _ e: Eigen) throws
    /// Every stored allocation whose period overlaps `van...tot` as a record, one at a time, in stored order (not
    /// collected: the BI facts).
    static func leesToewijzingen(_ e: Eigen, van: Dag, tot: Dag, _ per: (Toewijzing) throws -> Void) throws
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
    func actueel(_ v: any SQLVerbinding) throws -> Bool {
        try v.rijen("SELECT waarde FROM agg_stand WHERE sleutel = 'stand'", []).first?.first?.tekst == stand(v)
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
        let geschreven = try schrijfSommen { e, v -> (sommen: Declaratieaggregaten, stand: String)? in
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
            try schrijf(a, e, v)
            a.driehoek = [:]   // the BI facts do not read the triangle (461.000 cells nationally)
            return (a, try stand(v))
        }
        // the BI facts from the sums just written (not read back), stamped with the data they belong to
        if let geschreven { try ververstBI(stand: geschreven.stand, sommen: geschreven.sommen) } else { try ververstBINaSommen() }
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

    public func aggregaten(jaren: ClosedRange<Int>, perAanbieder: Bool) throws -> Declaratieaggregaten? {
        try leesSommen { e, v in
            guard try actueel(v) else { return nil }
            let a = try opgeslagen(e, v, van: jaren.lowerBound, tot: jaren.upperBound, perAanbieder: perAanbieder, driehoek: false)
            // sums beyond the bounds (built from lines an older version let in) are as good as out of date: the figures
            // then come from the lines, whose check names the line
            return (try? a.controleerGrenzen()) == nil ? nil : a
        }
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
    public func ververstBI(stand: String, sommen gegeven: Declaratieaggregaten?) throws {
        guard let sommen = try gegeven ?? aggregaten(jaren: 1...9999, perAanbieder: true) else { return }
        try schrijfBI(try biFeiten(sommen: sommen), stand: stand)
    }

    public func biFeiten(sommen: Declaratieaggregaten) throws -> BIFeiten {
        Geheugen.geefVrijTerug()   // what reading and writing the sums freed, before the facts take theirs
        let g = try gegevensZonderDeclaraties(verzoeken: false, toewijzingen: false)
        return try leesSommen { e, v in
            let eerste = try v.geheel("SELECT MIN(ingangsdatum) FROM toewijzing").map(Dag.init(opgeslagen:))
            let laatste = try v.geheel("SELECT MAX(toewijzingsdatum) FROM toewijzing").map(Dag.init(opgeslagen:))
            return try BIFeiten(g, sommen: sommen, eersteIngang: eerste, laatsteToewijzing: laatste) { van, tot, per in
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
        if let d = a.laatsteIndiening {
            try v.voerUit("INSERT INTO agg_stand (sleutel, waarde) VALUES ('laatste_indiening', ?)", [Waarde(d.description)])
        }
        try v.voerUit("INSERT INTO agg_stand (sleutel, waarde) VALUES ('stand', ?)", [Waarde(try stand(v))])
    }

    /// The stored sums of these years, with the whole triangle when asked, and the newest submission they hold.
    func opgeslagen(_ e: Eigen, _ v: any SQLVerbinding, van: Int, tot: Int, perAanbieder: Bool, driehoek: Bool) throws -> Declaratieaggregaten {
        var a = try Self.leesSomrijen(e, van: van, tot: tot, perAanbieder: perAanbieder)
        a.perAanbieder = perAanbieder
        if driehoek { a.driehoek = try Self.leesDriehoek(e) }
        a.laatsteIndiening = try v.rijen("SELECT waarde FROM agg_stand WHERE sleutel = 'laatste_indiening'", []).first?.first?.tekst
            .flatMap(Dag.parse)
        return a
    }
}
