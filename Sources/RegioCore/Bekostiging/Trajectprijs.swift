extension Bekostiging {
    /// How a trajectory price is paid.
    public enum Betaalwijze: Sendable, Hashable {
        /// The whole price in the trajectory's first year.
        case eenmalig
        /// The price in equal parts over this many years from the first (largest remainder: leftover cents go to the
        /// earliest years, so the parts add up to the price exactly).
        case gespreid(jaren: Int)
    }

    /// One trajectory settled on a fixed trajectory price, compared with settling it on actual cost per year
    /// (memo tekort jeugdhulp 2020, Ouder-Amstel, "herstelcliënten": a trajectory priced EUR 10,000 that runs two years costs 2 x EUR 7,500 =
    /// EUR 15,000 when settled yearly on actual cost).
    ///
    /// Formulas per year j from the start year, amounts exact in cents:
    /// - trajectbetaling_j: the price by `Betaalwijze` (eenmalig: all in the first year; gespreid over n: prijs / n);
    /// - verschil_j = werkelijke kosten_j − trajectbetaling_j (positive: actual cost settles higher than the price);
    /// - cumulatief: the sums up to and including year j; totaalverschil = Σ werkelijke kosten − trajectprijs;
    /// - omslagjaar: the first year whose cumulative actual cost exceeds the cumulative trajectory payments, the year an
    ///   advantage of settling on actual cost has turned into a disadvantage (nil if it never does).
    /// The years run from the start year to the later of the last payment and the last year of actual cost.
    public struct Trajectvergelijking: Sendable, Hashable {
        public struct Jaarregel: Sendable, Hashable {
            public let jaar: Int
            public let trajectbetaling: Euro
            public let werkelijkeKosten: Euro
            public let cumulatiefTraject: Euro
            public let cumulatiefWerkelijk: Euro
            /// werkelijkeKosten − trajectbetaling.
            public var verschil: Euro { werkelijkeKosten - trajectbetaling }
            /// cumulatiefWerkelijk − cumulatiefTraject.
            public var cumulatiefVerschil: Euro { cumulatiefWerkelijk - cumulatiefTraject }
        }

        public let trajectprijs: Euro
        public let jaren: [Jaarregel]

        /// - Parameters:
        ///   - werkelijkeKosten: actual cost of the start year, the next year, ... in order.
        public init(trajectprijs: Euro, startjaar: Int, betaalwijze: Betaalwijze, werkelijkeKosten: [Euro])
            throws(BekostigingFout) {
            guard trajectprijs >= .nul else { throw BekostigingFout("een trajectprijs kan niet negatief zijn") }
            let betalingen: [Euro]
            switch betaalwijze {
            case .eenmalig: betalingen = [trajectprijs]
            case .gespreid(let n):
                guard (1...100).contains(n) else {
                    throw BekostigingFout("een traject wordt over 1 tot 100 jaar betaald, niet over \(n)")
                }
                betalingen = trajectprijs.verdeel(naar: Array(repeating: 1, count: n))
            }
            self.trajectprijs = trajectprijs
            var traject = Euro.nul, werkelijk = Euro.nul
            var regels: [Jaarregel] = []
            for i in 0..<max(betalingen.count, werkelijkeKosten.count) {
                let b = i < betalingen.count ? betalingen[i] : .nul
                let w = i < werkelijkeKosten.count ? werkelijkeKosten[i] : .nul
                traject += b
                werkelijk += w
                regels.append(Jaarregel(jaar: startjaar + i, trajectbetaling: b, werkelijkeKosten: w,
                                        cumulatiefTraject: traject, cumulatiefWerkelijk: werkelijk))
            }
            jaren = regels
        }

        public var totaalTraject: Euro { jaren.map(\.trajectbetaling).som() }
        public var totaalWerkelijk: Euro { jaren.map(\.werkelijkeKosten).som() }
        /// totaalWerkelijk − totaalTraject: what settling on actual cost costs more (negative: less).
        public var totaalVerschil: Euro { totaalWerkelijk - totaalTraject }
        public var omslagjaar: Int? { jaren.first { $0.cumulatiefWerkelijk > $0.cumulatiefTraject }?.jaar }
    }
}
