import RegioCore

/// Materialised sums of the declaration lines (`Declaratieaggregaten`), so whole-year figures at national scale do
/// not read twelve million lines. Kept up to date by the import; read only when they match the stored data.
public protocol AggregaatStore: Sendable {
    /// Rebuilds the sums from the stored lines, in one transaction.
    func ververstAggregaten() throws
    /// True when the stored sums match the stored data (also: no lines and no sums).
    func aggregatenActueel() throws -> Bool
    /// Adds the sums of lines that were just added (nothing else changed since the sums were last up to date).
    func voegToeAanAggregaten(_ nieuw: Declaratieaggregaten) throws
    /// Nothing in the stored data changed since the sums and the BI tables were last built (an import of files whose
    /// rows were all stored already): both are stamped with the data as now stored, without rebuilding. False when
    /// there are no stamped sums to keep.
    func stempelSommen() throws -> Bool
    /// Allocation number -> referrer (`Verwijzer.rawValue`, "" when none), to sum lines by their allocation's referrer.
    func verwijzers() throws -> [String: String]
    /// The sums for these years, with the cost by provider or summed over providers; nil when they were not built
    /// from the data as it is now stored, or add up beyond `Grenzen.totaal` (then the lines are read, and checked).
    func aggregaten(jaren: ClosedRange<Int>, perAanbieder: Bool) throws -> Declaratieaggregaten?
    /// The forecast's triangle of the sums (all months); nil when the sums were not built from the data as now stored.
    func driehoek() throws -> [Declaratieaggregaten.Driehoeksleutel: Euro]?
    /// Everything the figures need besides the declaration lines: references and allocations, and the requests when
    /// asked for (the figures do not need them); without the allocations when they are read one by one instead.
    func gegevensZonderDeclaraties(verzoeken: Bool, toewijzingen: Bool) throws -> Gegevens
    /// The lines of one client, in stored order (a client's page when the lines are not held in memory). Like every
    /// read of records, throws `Gegevensfout` for a record outside `Grenzen`.
    func declaraties(client: ClientID) throws -> [Declaratieregel]
    /// The records of these kinds whose client is in a range, in stored order, not yet checked against `Grenzen`
    /// (`declaraties(clienten:)` and `toewijzingenEnVerzoeken(clienten:)` check them).
    func gegevensZonderControle(_ soorten: [Soort], clienten: Clientbereik) throws -> Gegevens
    /// Part `deel` of `delen` of the declaration lines, only the fields of `Declaratiekost`, in no particular order and
    /// not checked against `Grenzen`: the parts are disjoint and together hold every line, so they can be read at once,
    /// each on a connection of its own (the signal run's first pass, every client's cost per month).
    func elkeDeclaratiekost(deel: Int, van delen: Int, _ perRegel: (Declaratiekost) throws -> Void) throws
}

extension AggregaatStore {
    public func aggregaten(jaren: ClosedRange<Int>) throws -> Declaratieaggregaten? { try aggregaten(jaren: jaren, perAanbieder: false) }

    public func gegevensZonderDeclaraties() throws -> Gegevens { try gegevensZonderDeclaraties(verzoeken: false) }

    public func gegevensZonderDeclaraties(verzoeken: Bool) throws -> Gegevens {
        try gegevensZonderDeclaraties(verzoeken: verzoeken, toewijzingen: true)
    }

    /// The lines of the clients in a range, in stored order (the signal run in parts).
    public func declaraties(clienten b: Clientbereik) throws -> [Declaratieregel] {
        let g = try gegevensZonderControle([.declaraties], clienten: b)
        try Gegevens.controleerGrenzen(g.declaraties)
        return g.declaraties
    }

    /// The allocations and requests of the clients in a range, in stored order, checked like every read of records
    /// (the signal run in parts, so a national run does not hold 930.000 allocations and 694.000 requests at once).
    public func toewijzingenEnVerzoeken(clienten b: Clientbereik) throws -> Gegevens {
        let g = try gegevensZonderControle([.verzoeken, .toewijzingen], clienten: b)
        try g.controleerGrenzen()
        return g
    }
}

extension Soort {
    /// The kinds `gegevensZonderDeclaraties(verzoeken:toewijzingen:)` reads, in reading order (both backends).
    public static func zonderDeclaraties(verzoeken: Bool, toewijzingen: Bool) -> [Soort] {
        allCases.filter { $0 != .declaraties && (verzoeken || $0 != .verzoeken) && (toewijzingen || $0 != .toewijzingen) }
    }
}

/// Splits the row numbers `laag...hoog` of a table into `delen` ranges of about equal length: part `i` is
/// [`van`, `tot`), a nil bound open, so together they hold every row whatever its number (no arithmetic that can
/// overflow, whatever numbers a table holds).
public func rijbereik(_ i: Int, van delen: Int, laag: Int64, hoog: Int64) -> (van: Int64?, tot: Int64?) {
    func grens(_ k: Int) -> Int64 {
        let d = Int64(delen), k = Int64(k)
        return laag / d * (d - k) + hoog / d * k
    }
    return (i == 0 ? nil : grens(i), i + 1 >= delen ? nil : grens(i + 1))
}
