/// Ordinary least squares with an intercept: y = b0 + b1 x1 + ... + bk xk, fitted by Householder QR on the design
/// matrix (not the normal equations, whose condition number is the square of the data's). The basis of the
/// explained/unexplained cost differences (issue 23, point 4): few observations (a region's municipality-years), a
/// few objective criteria, and every number a controller needs to judge the fit: standard errors, R², the residual
/// standard error and the leave-one-out error, which says how far off the model is for an observation it did not see.
public struct Kleinstekwadraten: Sendable, Equatable {
    /// Why a fit is refused, in Dutch.
    public struct Fout: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The criteria's names, in the order of the columns of `x`.
    public let criteria: [String]
    /// b0 (the intercept) first, then one per criterion.
    public let coefficienten: [Double]
    /// The standard error of each coefficient, same order: sqrt(s² (XᵀX)⁻¹ᵢᵢ).
    public let standaardfouten: [Double]
    /// Share of the variance around the mean that the fit explains.
    public let rKwadraat: Double
    /// s = sqrt(SSE / (n - p)), p = criteria + 1.
    public let residuStandaardfout: Double
    /// Fitted value per observation.
    public let voorspeld: [Double]
    /// Prediction per observation from the fit without that observation: y - e/(1 - h), with h the leverage.
    public let voorspeldZonder: [Double]
    /// Root mean square of the leave-one-out errors.
    public let leaveOneOutFout: Double

    public var waarnemingen: Int { voorspeld.count }
    public var vrijheidsgraden: Int { voorspeld.count - coefficienten.count }

    /// The fewest observations a fit with `criteria` criteria is made on: `perCriterium` per criterion, and always at
    /// least two more than there are coefficients (one degree of freedom for s, one so that leaving one out leaves
    /// a fit with a spread).
    public static func minimumWaarnemingen(criteria: Int, perCriterium: Int = 5) -> Int {
        max(criteria * perCriterium, criteria + 3)
    }

    /// `x[i]` holds observation i's criteria (as many as `criteria`), `y[i]` its outcome.
    public init(criteria: [String], x: [[Double]], y: [Double], perCriterium: Int = 5) throws {
        let n = y.count, k = criteria.count, p = k + 1
        guard k >= 1 else { throw Fout(description: "geen criteria gekozen") }
        guard x.count == n, x.allSatisfy({ $0.count == k }) else {
            throw Fout(description: "elke waarneming heeft een waarde nodig voor elk van de \(k) criteria")
        }
        guard (x.joined() + y).allSatisfy(\.isFinite) else { throw Fout(description: "een waarde is geen eindig getal") }
        let minimum = Self.minimumWaarnemingen(criteria: k, perCriterium: perCriterium)
        guard n >= minimum else {
            throw Fout(description: "te weinig waarnemingen: \(n) voor \(k) criteria (minimaal \(minimum)); "
                + "kies minder criteria of meer jaren")
        }
        // the design matrix, column by column: a column of ones, then the criteria
        var a = [[Double](repeating: 1, count: n)] + (0..<k).map { j in x.map { $0[j] } }
        var qty = y
        var r = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        let kolomnorm = a.map { kolom in kolom.reduce(0.0) { $0 + $1 * $1 }.squareRoot() }
        // Householder: column j is reflected onto e_j; the same reflection is applied to later columns and to y
        for j in 0..<p {
            let norm = (j..<n).reduce(0.0) { $0 + a[j][$1] * a[j][$1] }.squareRoot()
            // what is left of the column after the earlier ones are taken out: nothing (relative to its size) means
            // it is constant (the intercept's column) or a combination of the criteria before it
            guard kolomnorm[j] > 0, norm > 1e-9 * kolomnorm[j] else {
                throw Fout(description: j == 0 ? "geen waarnemingen"
                    : "criterium '\(criteria[j - 1])' is (bijna) een lineaire combinatie van de andere criteria of constant; laat het weg")
            }
            let alfa = a[j][j] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: n)
            for i in j..<n { v[i] = a[j][i] }
            v[j] -= alfa
            let vv = (j..<n).reduce(0.0) { $0 + v[$1] * v[$1] }
            for c in j..<p {
                let f = 2 * (j..<n).reduce(0.0) { $0 + v[$1] * a[c][$1] } / vv
                for i in j..<n { a[c][i] -= f * v[i] }
            }
            let f = 2 * (j..<n).reduce(0.0) { $0 + v[$1] * qty[$1] } / vv
            for i in j..<n { qty[i] -= f * v[i] }
            for c in j..<p { r[j][c] = a[c][j] }
        }
        // R b = Qᵀy by back substitution
        var b = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            b[i] = (qty[i] - ((i + 1)..<p).reduce(0.0) { $0 + r[i][$1] * b[$1] }) / r[i][i]
        }
        // R⁻¹ (upper triangular); (XᵀX)⁻¹ = R⁻¹ R⁻ᵀ
        var rInv = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for c in 0..<p {
            for i in stride(from: c, through: 0, by: -1) {
                let som = ((i + 1)..<(c + 1)).reduce(0.0) { $0 + r[i][$1] * rInv[$1][c] }
                rInv[i][c] = ((i == c ? 1 : 0) - som) / r[i][i]
            }
        }
        let rij: (Int) -> [Double] = { i in [1] + x[i] }
        let voorspeld = (0..<n).map { i in zip(rij(i), b).reduce(0.0) { $0 + $1.0 * $1.1 } }
        let residu = (0..<n).map { y[$0] - voorspeld[$0] }
        let sse = residu.reduce(0.0) { $0 + $1 * $1 }
        let gemiddelde = y.reduce(0, +) / Double(n)
        let sst = y.reduce(0.0) { $0 + ($1 - gemiddelde) * ($1 - gemiddelde) }
        let s2 = sse / Double(n - p)
        // leverage h_i = |R⁻ᵀ x_i|²: (R⁻ᵀ x)_c = sum over i <= c of rInv[i][c] x_i
        var voorspeldZonder = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let xi = rij(i)
            let h = (0..<p).reduce(0.0) { acc, c in
                let z = (0...c).reduce(0.0) { $0 + rInv[$1][c] * xi[$1] }
                return acc + z * z
            }
            guard h < 1 - 1e-9 else {
                throw Fout(description: "waarneming \(i + 1) bepaalt de fit alleen (hefboom 1): zonder haar is geen "
                    + "voorspelling te maken; kies minder criteria")
            }
            voorspeldZonder[i] = y[i] - residu[i] / (1 - h)
        }
        let loo = (0..<n).reduce(0.0) { $0 + (y[$1] - voorspeldZonder[$1]) * (y[$1] - voorspeldZonder[$1]) }
        self.criteria = criteria
        self.coefficienten = b
        self.standaardfouten = (0..<p).map { j in (s2 * (j..<p).reduce(0.0) { $0 + rInv[j][$1] * rInv[j][$1] }).squareRoot() }
        self.rKwadraat = sst > 0 ? 1 - sse / sst : 1
        self.residuStandaardfout = s2.squareRoot()
        self.voorspeld = voorspeld
        self.voorspeldZonder = voorspeldZonder
        self.leaveOneOutFout = (loo / Double(n)).squareRoot()
    }

    /// The fit's prediction for new criteria values (as many as `criteria`).
    public func voorspel(_ x: [Double]) -> Double {
        precondition(x.count == criteria.count, "one value per criterion")
        return zip([1] + x, coefficienten).reduce(0.0) { $0 + $1.0 * $1.1 }
    }
}
