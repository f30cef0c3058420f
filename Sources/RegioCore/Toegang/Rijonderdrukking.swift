/// Suppression of small numbers in anything meant for councils (docs/onderdrukking.md): a cell counting fewer than
/// `grens` clients (but more than none) is not shown, nor the amounts of that row, which would reveal individual cost.
extension Onderdrukking {
    public static var grens: Int { drempel }

    /// True when a group of `clienten` clients must be suppressed.
    public static func moet(_ clienten: Int) -> Bool { clienten > 0 && clienten < grens }

    /// The rows to suppress, given each row's client count: the small ones, plus (secondary suppression) the next
    /// smallest row when exactly one row is small, so the total minus the others does not give it away.
    public static func rijen(clienten: [Int]) -> Set<Int> {
        var uit = Set(clienten.indices.filter { moet(clienten[$0]) })
        if uit.count == 1, clienten.count > 2 {
            let volgende = clienten.indices.filter { !uit.contains($0) && clienten[$0] > 0 }.min { clienten[$0] < clienten[$1] }
            if let volgende { uit.insert(volgende) }
        }
        return uit
    }
}
