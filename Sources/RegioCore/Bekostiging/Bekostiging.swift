/// The region's finance models (capability 6), each a pure calculation on exact amounts in cents:
/// lump sum with monthly 1/12 payments, trajectory price versus actual cost, provider norm budgets from historical
/// use, task-based budgets with an ex-ante key and ex-post realisation. The multi-year business case is `BusinessCase`.
/// Formulas and worked examples, in Dutch, are in docs/bekostiging.md.
public enum Bekostiging {}

/// A finance model's input that cannot be calculated, with the reason in Dutch for the user.
public struct BekostigingFout: Error, Sendable, Hashable, CustomStringConvertible {
    public let reden: String
    public init(_ reden: String) { self.reden = reden }
    public var description: String { reden }
}
