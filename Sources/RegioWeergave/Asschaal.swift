import RegioCore

/// The one rule for a chart's axis, used by every chart (the dashboard's, the report's, the equalisation chart):
/// steps of 1, 2, 2,5 or 5 times a power of ten, the axis running over whole steps.
public enum Asschaal {
    /// The smallest round step of at least `ruw`; 1 for what is no positive number.
    public static func stap(_ ruw: Double) -> Double {
        guard ruw.isFinite, ruw > 0 else { return 1 }
        var macht = 1.0
        while macht * 10 <= ruw { macht *= 10 }
        while macht > ruw { macht /= 10 }
        return [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * macht }.first { $0 >= ruw } ?? 10 * macht
    }

    /// An axis from below `laag` to above `hoog` in about `stappen` round steps (never empty).
    public static func bereik(_ laag: Double, _ hoog: Double, stappen: Int) -> (laag: Double, hoog: Double, stap: Double) {
        let stap = stap(max(hoog - laag, 1e-9) / Double(stappen))
        let onder = (laag / stap).rounded(.down) * stap, boven = (hoog / stap).rounded(.up) * stap
        return (onder, boven == onder ? onder + stap : boven, stap)
    }

    /// The ticks of an axis: `laag`, `laag + stap`, ... up to and including `hoog`.
    static func streepjes(_ laag: Double, _ hoog: Double, _ stap: Double) -> [Double] {
        stap > 0 ? Array(stride(from: laag, through: hoog + stap / 2, by: stap)) : [laag]
    }
}
