/// A rejected input with its place: `bestand:regel: kolom: reden`, in Dutch for the user.
public enum ImportFout: Error, Sendable, CustomStringConvertible, Equatable {
    case rij(bestand: String, regel: Int, kolom: String?, reden: String)
    case algemeen(String)

    /// The line of a row error; nil for a general one.
    public var regel: Int? { if case let .rij(_, regel, _, _) = self { return regel }; return nil }

    public var description: String {
        switch self {
        case let .rij(bestand, regel, kolom, reden):
            return kolom.map { "\(bestand):\(regel): \($0): \(reden)" } ?? "\(bestand):\(regel): \(reden)"
        case let .algemeen(reden): return reden
        }
    }
}
