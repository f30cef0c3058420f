import RegioCore

/// Reading only what figures over a period need: every reference record, request and allocation (care spells need
/// their history), and only the declaration lines with service overlapping the period. The monitoring of one year
/// then reads a fifth of the declarations instead of all of them.
public protocol PeriodeStore: Sendable {
    /// Everything, except declaration lines whose service period lies entirely outside [van, tot].
    func gegevens(declaratiesVan van: Dag, tot: Dag) throws -> Gegevens
}
