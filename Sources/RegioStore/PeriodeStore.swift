import RegioCore

/// Reading only what figures over a period need: every reference record, request and allocation (care spells need
/// their history), and only the declaration lines with service overlapping the period. The monitoring of one year
/// then reads a fifth of the declarations instead of all of them.
public protocol PeriodeStore: Sendable {
    /// Everything, except declaration lines whose service period lies entirely outside [van, tot].
    func gegevens(declaratiesVan van: Dag, tot: Dag) throws -> Gegevens
}

extension RegioStore {
    /// The data for figures over [van, tot]: period-limited when the backend can, else everything.
    public func gegevens(voorPeriodeVan van: Dag, tot: Dag) throws -> Gegevens {
        if let p = self as? any PeriodeStore { return try p.gegevens(declaratiesVan: van, tot: tot) }
        return try gegevens()
    }
}
