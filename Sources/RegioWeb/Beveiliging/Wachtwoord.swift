import HummingbirdBcrypt

/// Password hashing with bcrypt; the cost is a parameter so tests can run fast while installations use 12.
public struct Wachtwoord: Sendable {
    public let kosten: UInt8
    public init(kosten: UInt8 = 12) { self.kosten = kosten }

    public func hash(_ wachtwoord: String) -> String { Bcrypt.hash(wachtwoord, cost: kosten) }

    public func klopt(_ wachtwoord: String, hash: String) -> Bool { Bcrypt.verify(wachtwoord, hash: hash) }

    /// Nil when acceptable, else the reason in Dutch.
    public static func bezwaar(_ wachtwoord: String) -> String? {
        if wachtwoord.count < 10 { return "het wachtwoord moet minstens 10 tekens hebben" }
        if wachtwoord.utf8.count > 72 { return "het wachtwoord mag hoogstens 72 bytes hebben (grens van bcrypt)" }
        return nil
    }

    /// A random password of 16 letters and digits (about 95 bits), without look-alikes (0/O, 1/l/I).
    public static func willekeurig() -> String {
        let tekens = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in tekens[Int(rng.next(upperBound: UInt64(tekens.count)))] })
    }
}
