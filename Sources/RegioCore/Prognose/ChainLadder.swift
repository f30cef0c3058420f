/// Mack's distribution-free chain ladder (Mack 1993, ASTIN Bulletin 23(2) 213-225; recursion as in Mack 1999)
/// on a cumulative triangle: volume-weighted development factors, their variance parameters, and per origin
/// the ultimate, the IBNR and the standard error of the ultimate; in total with the covariance between origins.
/// Matches R's `ChainLadder::MackChainLadder(triangle, est.sigma = "Mack")` (no tail, alpha = 1, weights 1).
/// Formulas in Dutch, to check by hand: docs/prognose.md.
public struct MackChainLadder: Sendable, Equatable {
    public let driehoek: Driehoek
    /// f_k: development factor from period k to k+1 (`ontwikkelperioden.count - 1` of them).
    public let factoren: [Double]
    /// σ²_k: variance parameter of f_k; Mack's rule where fewer than two observations exist (the last one).
    public let sigmaKwadraten: [Double]
    /// S_k: sum of C_{i,k} over the origins that are known in period k+1 (the denominator of f_k).
    public let volumes: [Double]
    /// CDF_k = f_k · f_{k+1} ··· f_{n-2}: from period k to ultimate; the last one is 1.
    public let cdf: [Double]

    public init(_ driehoek: Driehoek) throws(ChainLadderFout) {
        try MackChainLadder.controleerBedragen(driehoek)
        let (factoren, volumes) = try MackChainLadder.schatFactoren(driehoek)
        self.driehoek = driehoek
        self.factoren = factoren
        self.volumes = volumes
        self.sigmaKwadraten = try MackChainLadder.schatSigmaKwadraten(driehoek, factoren: factoren)
        self.cdf = MackChainLadder.cdf(factoren: factoren)
    }

    /// The chain-ladder factors alone, for triangles too small for Mack's standard error (e.g. as the
    /// pattern for Bornhuetter-Ferguson).
    public static func factoren(_ driehoek: Driehoek) throws(ChainLadderFout) -> [Double] {
        try controleerBedragen(driehoek)
        return try schatFactoren(driehoek).factoren
    }

    /// Cumulative development factors to ultimate: CDF_k = f_k ··· f_{n-2}, CDF_{n-1} = 1 (no tail).
    public static func cdf(factoren: [Double]) -> [Double] {
        var uitkomst = [1.0]
        for f in factoren.reversed() { uitkomst.append(uitkomst.last! * f) }
        return uitkomst.reversed()
    }

    /// Ultimates, IBNR and Mack standard errors per origin and in total.
    public var resultaat: MackResultaat {
        let n = factoren.count + 1
        // g_k = σ²_k / (f_k² S_k), and its suffix sums G_a = Σ_{k ≥ a} g_k: the parameter risk per unit ultimate².
        let g = factoren.indices.map { k in sigmaKwadraten[k] / (factoren[k] * factoren[k] * volumes[k]) }
        var suffix = Array(repeating: 0.0, count: n)
        for k in stride(from: n - 2, through: 0, by: -1) { suffix[k] = suffix[k + 1] + g[k] }

        var rijen: [MackRij] = []
        for i in driehoek.herkomsten.indices {
            let a = driehoek.laatstePeriode(i)
            let laatste = driehoek.laatste(i)
            let ultimo = laatste * cdf[a]
            // Process variance U² Σ σ²_k/f²_k / Ĉ_{i,k}, written as U Σ σ²_k CDF_k / f²_k (Ĉ_{i,k} = U / CDF_k).
            var proces = 0.0
            for k in a..<(n - 1) { proces += ultimo * sigmaKwadraten[k] * cdf[k] / (factoren[k] * factoren[k]) }
            let parameter = ultimo * ultimo * suffix[a]
            rijen.append(MackRij(
                herkomst: driehoek.herkomsten[i], laatstePeriode: a, laatste: laatste, cdf: cdf[a],
                ultimo: ultimo, ibnr: ultimo - laatste,
                procesfout: proces.squareRoot(), parameterfout: parameter.squareRoot(),
                standaardfout: (proces + parameter).squareRoot()))
        }

        // Parameter risk of the total: Σ_i Σ_j U_i U_j G_{max(a_i, a_j)}; the i ≠ j terms are Mack's covariance.
        var totaalParameter = 0.0
        for (i, ri) in rijen.enumerated() {
            for rj in rijen[i...] {
                let gedeeld = ri.ultimo * rj.ultimo * suffix[max(ri.laatstePeriode, rj.laatstePeriode)]
                totaalParameter += ri.herkomst == rj.herkomst ? gedeeld : 2 * gedeeld
            }
        }
        let totaalProces = rijen.reduce(0) { $0 + $1.procesfout * $1.procesfout }
        return MackResultaat(
            rijen: rijen, factoren: factoren, sigmaKwadraten: sigmaKwadraten, cdf: cdf,
            totaalLaatste: rijen.reduce(0) { $0 + $1.laatste },
            totaalUltimo: rijen.reduce(0) { $0 + $1.ultimo },
            totaalIbnr: rijen.reduce(0) { $0 + $1.ibnr },
            totaalProcesfout: totaalProces.squareRoot(),
            totaalParameterfout: totaalParameter.squareRoot(),
            totaalStandaardfout: (totaalProces + totaalParameter).squareRoot())
    }

    private static func controleerBedragen(_ d: Driehoek) throws(ChainLadderFout) {
        for (i, rij) in d.cellen.enumerated() {
            for (k, cel) in rij.enumerated() {
                if let cel, cel < 0 {
                    throw ChainLadderFout(reden: "herkomst '\(d.herkomsten[i])', ontwikkelperiode '\(d.ontwikkelperioden[k])': "
                        + "negatief cumulatief bedrag (\(cel)); de chain ladder vraagt bedragen van 0 of meer")
                }
            }
        }
    }

    /// f_k = Σ C_{i,k+1} / Σ C_{i,k} over the origins known in period k+1.
    private static func schatFactoren(_ d: Driehoek) throws(ChainLadderFout) -> (factoren: [Double], volumes: [Double]) {
        var factoren: [Double] = []
        var volumes: [Double] = []
        for k in 0..<(d.ontwikkelperioden.count - 1) {
            var teller = 0.0, noemer = 0.0
            for rij in d.cellen {
                if let volgende = rij[k + 1], let huidig = rij[k] {
                    teller += volgende
                    noemer += huidig
                }
            }
            guard noemer > 0 else {
                throw ChainLadderFout(reden: "ontwikkelperiode '\(d.ontwikkelperioden[k])': som 0, "
                    + "de ontwikkelfactor naar '\(d.ontwikkelperioden[k + 1])' is niet te schatten; "
                    + "laat de driehoek beginnen bij de eerste periode met bedragen")
            }
            guard teller > 0 else {
                throw ChainLadderFout(reden: "ontwikkelperiode '\(d.ontwikkelperioden[k + 1])': som 0, "
                    + "ontwikkelfactor 0 is voor de chain ladder niet bruikbaar")
            }
            factoren.append(teller / noemer)
            volumes.append(noemer)
        }
        return (factoren, volumes)
    }

    /// σ²_k = 1/(m_k − 1) Σ C_{i,k} (C_{i,k+1}/C_{i,k} − f_k)² over the m_k origins known in k+1 with C_{i,k} > 0
    /// (a zero has no ratio). With m_k < 2, Mack's rule: σ²_k = min(σ⁴_{k−1}/σ²_{k−2}, σ²_{k−2}, σ²_{k−1}).
    private static func schatSigmaKwadraten(_ d: Driehoek, factoren: [Double]) throws(ChainLadderFout) -> [Double] {
        var sigmaKwadraten: [Double] = []
        for (k, f) in factoren.enumerated() {
            var som = 0.0, aantal = 0
            for rij in d.cellen {
                if let volgende = rij[k + 1], let huidig = rij[k], huidig > 0 {
                    let afwijking = volgende - f * huidig
                    som += afwijking * afwijking / huidig
                    aantal += 1
                }
            }
            if aantal >= 2 {
                sigmaKwadraten.append(som / Double(aantal - 1))
            } else if k >= 2 {
                let eerder = sigmaKwadraten[k - 2], vorig = sigmaKwadraten[k - 1]
                let extrapolatie = eerder > 0 ? vorig * vorig / eerder : Double.infinity
                sigmaKwadraten.append(min(extrapolatie, eerder, vorig))
            } else {
                throw ChainLadderFout(reden: "ontwikkelperiode '\(d.ontwikkelperioden[k])' naar '\(d.ontwikkelperioden[k + 1])': "
                    + "minder dan 2 waarnemingen, de spreiding (sigma) is niet te schatten; de driehoek is te klein voor Mack")
            }
        }
        return sigmaKwadraten
    }
}

/// One origin in Mack's result. Amounts in the unit of the triangle.
public struct MackRij: Sendable, Equatable {
    public let herkomst: String
    /// Index of the latest known development period.
    public let laatstePeriode: Int
    /// Latest known cumulative amount (the diagonal).
    public let laatste: Double
    /// CDF from the latest period to ultimate.
    public let cdf: Double
    public let ultimo: Double
    /// Ultimate − latest: what is still to come (late declarations).
    public let ibnr: Double
    /// Process part of the standard error (randomness of future development).
    public let procesfout: Double
    /// Parameter part (uncertainty of the estimated factors).
    public let parameterfout: Double
    /// Mack's standard error of the ultimate (= of the IBNR): √(proces² + parameter²).
    public let standaardfout: Double

    /// Standard error / IBNR; nil when nothing is still to come.
    public var variatiecoefficient: Double? { ibnr == 0 ? nil : standaardfout / ibnr }
}

/// Mack's result: per origin, in total, and the estimated parameters.
public struct MackResultaat: Sendable, Equatable {
    public let rijen: [MackRij]
    public let factoren: [Double]
    public let sigmaKwadraten: [Double]
    public let cdf: [Double]
    public let totaalLaatste: Double
    public let totaalUltimo: Double
    public let totaalIbnr: Double
    public let totaalProcesfout: Double
    /// Includes the covariance between origins (they share the estimated factors).
    public let totaalParameterfout: Double
    /// Mack's standard error of the total IBNR, with the covariance term across origins.
    public let totaalStandaardfout: Double

    /// The sigmas themselves (σ_k = √σ²_k), as R's `MackChainLadder(...)$sigma` prints them.
    public var sigmas: [Double] { sigmaKwadraten.map { $0.squareRoot() } }
}

/// A forecast that cannot be made from this input, with a Dutch reason.
public struct ChainLadderFout: Error, CustomStringConvertible, Equatable, Sendable {
    public let reden: String
    public init(reden: String) { self.reden = reden }
    public var description: String { reden }
}
