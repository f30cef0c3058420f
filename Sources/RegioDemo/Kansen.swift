/// Deterministic pseudo-random numbers (SplitMix64): the same seed gives the same region on every machine.
public struct Kansen: Sendable {
    var staat: UInt64
    public init(seed: UInt64) { staat = seed &+ 0x9E3779B97F4A7C15 }

    public mutating func volgende() -> UInt64 {
        staat &+= 0x9E3779B97F4A7C15
        var z = staat
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func uniform() -> Double { Double(volgende() >> 11) / Double(1 << 53) }
    public mutating func geheel(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(volgende() % UInt64(r.count)) }
    public mutating func kans(_ p: Double) -> Bool { uniform() < p }

    /// Index drawn with probability proportional to the weights.
    public mutating func kies(_ gewichten: [Double]) -> Int {
        let totaal = gewichten.reduce(0, +)
        var x = uniform() * totaal
        for (i, g) in gewichten.enumerated() { x -= g; if x < 0 { return i } }
        return gewichten.count - 1
    }

    /// Log-uniform between a and b: many short, some long durations.
    public mutating func logUniform(_ a: Double, _ b: Double) -> Double {
        let la = a.logNatural, lb = b.logNatural
        return (la + (lb - la) * uniform()).expNatural
    }
}

extension Double {
    // Small series so the generator needs no Foundation math; accurate to well below what a demo needs.
    var logNatural: Double {
        precondition(self > 0)
        var x = self, k = 0.0
        while x > 2 { x /= 2.718281828459045; k += 1 }
        while x < 0.5 { x *= 2.718281828459045; k -= 1 }
        let y = (x - 1) / (x + 1), y2 = y * y
        var term = y, som = 0.0, n = 1.0
        for _ in 0..<40 { som += term / n; term *= y2; n += 2 }
        return k + 2 * som
    }
    var expNatural: Double {
        var n = 0
        var x = self
        while x > 1 { x -= 1; n += 1 }
        while x < -1 { x += 1; n -= 1 }
        var term = 1.0, som = 1.0
        for i in 1..<30 { term *= x / Double(i); som += term }
        var e = 1.0
        for _ in 0..<abs(n) { e *= 2.718281828459045 }
        return n >= 0 ? som * e : som / e
    }
}
