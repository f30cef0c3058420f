/// Bornhuetter-Ferguson: the still-to-come part comes from a prior ultimate (a priori; in this project the
/// commitments, verplichtingen), the development pattern from the chain ladder:
///
///     ultimo_i = laatste_i + (1 − 1/CDF_{a_i}) · apriori_i
///
/// where a_i is the latest known period of origin i. A young origin leans on its prior, an old one on its data.
public enum BornhuetterFerguson {
    /// One origin's Bornhuetter-Ferguson estimate.
    public struct Rij: Sendable, Equatable {
        public let herkomst: String
        public let laatste: Double
        public let cdf: Double
        public let apriori: Double
        /// 1 − 1/CDF: the share of the ultimate that is expected still to come.
        public let nogTeKomen: Double
        public let ultimo: Double
        public let ibnr: Double
    }

    /// The formula for one origin.
    public static func ultimo(laatste: Double, cdf: Double, apriori: Double) -> Double {
        laatste + (1 - 1 / cdf) * apriori
    }

    /// Per origin of the triangle, with `cdf` per development period (as `MackChainLadder.cdf(factoren:)` gives)
    /// and `apriori` per origin, in the order of `driehoek.herkomsten`.
    public static func bereken(_ driehoek: Driehoek, cdf: [Double], apriori: [Double]) throws(ChainLadderFout) -> [Rij] {
        guard cdf.count == driehoek.ontwikkelperioden.count else {
            throw ChainLadderFout(reden: "\(cdf.count) ontwikkelfactoren tot ultimo voor \(driehoek.ontwikkelperioden.count) ontwikkelperioden")
        }
        guard apriori.count == driehoek.herkomsten.count else {
            throw ChainLadderFout(reden: "\(apriori.count) a-priori-schattingen voor \(driehoek.herkomsten.count) herkomsten")
        }
        if let k = cdf.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
            throw ChainLadderFout(reden: "ontwikkelperiode '\(driehoek.ontwikkelperioden[k])': ontwikkelfactor tot ultimo \(cdf[k]) is niet bruikbaar")
        }
        if let i = apriori.firstIndex(where: { !$0.isFinite }) {
            throw ChainLadderFout(reden: "herkomst '\(driehoek.herkomsten[i])': a-priori-schatting is geen eindig getal")
        }
        return driehoek.herkomsten.indices.map { i in
            let laatste = driehoek.laatste(i)
            let factor = cdf[driehoek.laatstePeriode(i)]
            let totaal = ultimo(laatste: laatste, cdf: factor, apriori: apriori[i])
            return Rij(herkomst: driehoek.herkomsten[i], laatste: laatste, cdf: factor, apriori: apriori[i],
                       nogTeKomen: 1 - 1 / factor, ultimo: totaal, ibnr: totaal - laatste)
        }
    }
}
