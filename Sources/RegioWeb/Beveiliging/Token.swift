import Crypto

/// Random tokens for sessions and forms, and the hash under which a session is stored.
enum Token {
    /// 32 random bytes from the system's cryptographic generator, as 64 hex digits.
    static func nieuw() -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<32).map { _ in hex(UInt8.random(in: 0...255, using: &rng)) }.joined()
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map(hex).joined()
    }

    static func hex(_ b: UInt8) -> String { (b < 16 ? "0" : "") + String(b, radix: 16) }

    /// Compares in time independent of where the texts differ.
    static func gelijk(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var verschil: UInt8 = 0
        for i in x.indices { verschil |= x[i] ^ y[i] }
        return verschil == 0
    }
}
