/// What a user may see (the three roles: README, "Starten"): the region everything; a municipality client-level data of its own
/// municipality and the region's aggregates; a council aggregates only, with small numbers suppressed.
public enum Rol: Hashable, Sendable, CustomStringConvertible {
    case regio
    case gemeente(String)
    case raad

    /// Reads "regio", "gemeente:G" (G as 0307, 307 or GM0307) or "raad"; nil for anything else.
    public static func parse(_ tekst: String) -> Rol? {
        let t = tekst.trimmingSpaces.lowercased()
        if t == "regio" { return .regio }
        if t == "raad" { return .raad }
        if t.hasPrefix("gemeente:"), let code = Codelijst.gemeentecode(String(t.dropFirst("gemeente:".count))) {
            return .gemeente(code)
        }
        return nil
    }

    /// The stored and command-line form: "regio", "gemeente:0307", "raad".
    public var description: String {
        switch self {
        case .regio: "regio"
        case .gemeente(let g): "gemeente:\(g)"
        case .raad: "raad"
        }
    }

    /// Client-level data (pseudonyms, a client's allocations and declarations) of municipality `gemeentecode`.
    public func magClientgegevens(van gemeentecode: String) -> Bool {
        switch self {
        case .regio: true
        case .gemeente(let g): g == gemeentecode
        case .raad: false
        }
    }

    /// True when the role may see any client-level data at all.
    public var magClientgegevens: Bool { self != .raad }

    /// Councils see aggregates with cells under `Onderdrukking.grens` clients suppressed.
    public var onderdruktKleineAantallen: Bool { self == .raad }

    /// Only the region manages data (imports) and reads the audit trail.
    public var isRegio: Bool { self == .regio }
}
