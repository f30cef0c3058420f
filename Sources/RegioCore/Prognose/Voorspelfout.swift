/// Backtest measures: how far forecasts were from what later turned out (werkelijk). Fractions, not percentages
/// (0.1 is 10%). Percentage measures are undefined when an actual is 0; they then return nil rather than
/// silently dropping that pair; WAPE, which weights by volume, is the measure to use there.
public enum Voorspelfout {
    /// Mean absolute percentage error: (1/n) Σ |F − A| / |A|. Nil when empty or when any actual is 0.
    public static func mape(_ paren: [(voorspelling: Double, werkelijk: Double)]) -> Double? {
        guard !paren.isEmpty, !paren.contains(where: { $0.werkelijk == 0 }) else { return nil }
        return paren.reduce(0) { $0 + abs($1.voorspelling - $1.werkelijk) / abs($1.werkelijk) } / Double(paren.count)
    }

    /// Weighted absolute percentage error: Σ |F − A| / Σ |A|. Nil when empty or when all actuals are 0.
    public static func wape(_ paren: [(voorspelling: Double, werkelijk: Double)]) -> Double? {
        let noemer = paren.reduce(0) { $0 + abs($1.werkelijk) }
        guard noemer > 0 else { return nil }
        return paren.reduce(0) { $0 + abs($1.voorspelling - $1.werkelijk) } / noemer
    }

    /// Bias as the mean signed percentage error: (1/n) Σ (F − A) / |A|; positive means forecasts were too high.
    /// Nil when empty or when any actual is 0.
    public static func bias(_ paren: [(voorspelling: Double, werkelijk: Double)]) -> Double? {
        guard !paren.isEmpty, !paren.contains(where: { $0.werkelijk == 0 }) else { return nil }
        return paren.reduce(0) { $0 + ($1.voorspelling - $1.werkelijk) / abs($1.werkelijk) } / Double(paren.count)
    }
}
