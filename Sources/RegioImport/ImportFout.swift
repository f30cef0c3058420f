import RegioCore

/// A rejected input with its place: `bestand:regel: kolom: reden`, in Dutch for the user.
public enum ImportFout: Error, Sendable, CustomStringConvertible, Equatable {
    case rij(bestand: String, regel: Int, kolom: String?, reden: String)
    case algemeen(String)

    /// The line of a row error; nil for a general one.
    public var regel: Int? { if case let .rij(_, regel, _, _) = self { return regel }; return nil }

    /// The text printed and logged; a number that could be a BSN is left out, whoever built the reason.
    public var description: String {
        switch self {
        case let .rij(bestand, regel, kolom, reden):
            return BSN.verberg(in: kolom.map { "\(bestand):\(regel): \($0): \(reden)" } ?? "\(bestand):\(regel): \(reden)")
        case let .algemeen(reden): return BSN.verberg(in: reden)
        }
    }
}
