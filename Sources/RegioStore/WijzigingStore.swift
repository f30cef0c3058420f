/// Counters that every write of registered data, and every write of signals, raises in its own transaction, so a
/// long-running process (the dashboard) notices what another process (a command-line import) changed and drops the
/// figures it computed from the old data (issue 26). Users, sessions and the audit trail do not count: the dashboard
/// writes those itself, at every login.
public protocol WijzigingStore: Sendable {
    /// The counters as committed now; one cheap read.
    func wijzigingsstand() throws -> Wijzigingsstand
}

public struct Wijzigingsstand: Sendable, Equatable {
    /// Imports (CSV and iJw), the monthly sums, anything `transactie` writes.
    public var gegevens: Int64
    /// Signal runs and status changes.
    public var signalen: Int64
    public init(gegevens: Int64, signalen: Int64) { self.gegevens = gegevens; self.signalen = signalen }
}

/// Which counter a write raises.
public enum Wijzigingssoort: String, Sendable {
    case gegevens, signalen
}

extension Schemadefinitie {
    /// One row per counter (`WijzigingStore`).
    public static let v10Wijzigingen: [String] = [
        "CREATE TABLE wijziging (soort TEXT NOT NULL PRIMARY KEY, teller BIGINT NOT NULL)",
        "INSERT INTO wijziging (soort, teller) VALUES ('gegevens', 0), ('signalen', 0)",
    ]

    /// Raises a counter; the placeholder is rendered per backend.
    public static func verhoog(_ plaats: String) -> String { "UPDATE wijziging SET teller = teller + 1 WHERE soort = \(plaats)" }
}
