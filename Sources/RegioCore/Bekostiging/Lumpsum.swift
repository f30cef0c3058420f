extension Bekostiging {
    /// A lump sum for a year, paid in twelve monthly instalments of 1/12, followed against the production the provider
    /// declares or delivers per month (the Amsterdam-region system from 1 January 2022, memo tekort jeugdhulp 2020, Ouder-Amstel).
    ///
    /// Formulas, amounts exact in cents:
    /// - betaling_m = jaarbedrag / 12, split by largest remainder: every month gets ⌊jaarbedrag / 12⌋ cents and the
    ///   leftover cents (at most 11) go one each to the earliest months, so the twelve payments add up exactly;
    /// - cumulatief betaald_m = Σ betaling_1..m; cumulatief productie_m = Σ productie_1..m;
    /// - saldo_m = cumulatief betaald_m − cumulatief productie_m (positive: paid ahead of production;
    ///   negative: the provider has produced more than it has been paid, at its own risk under a lump sum);
    /// - jaarverschil = jaarbedrag − Σ productie over the year, known once all twelve months of production are.
    public struct Lumpsum: Sendable, Hashable {
        /// One month: its payment and, when known, its production.
        public struct Maandregel: Sendable, Hashable {
            public let maand: Maand
            public let betaling: Euro
            public let cumulatiefBetaald: Euro
            /// nil for a month whose production is not known yet.
            public let productie: Euro?
            public let cumulatiefProductie: Euro?
            /// cumulatiefBetaald − cumulatiefProductie; nil when the production is not known yet.
            public var saldo: Euro? { cumulatiefProductie.map { cumulatiefBetaald - $0 } }
        }

        public let jaarbedrag: Euro
        public let maanden: [Maandregel]

        /// - Parameters:
        ///   - productie: production of January, February, ... in order; 0 to 12 months (fewer during the year).
        public init(jaarbedrag: Euro, jaar: Int, productie: [Euro]) throws(BekostigingFout) {
            guard productie.count <= 12 else {
                throw BekostigingFout("productie voor \(productie.count) maanden opgegeven; een jaar heeft er 12")
            }
            guard (1...9999).contains(jaar) else { throw BekostigingFout("jaar \(jaar) bestaat niet") }
            self.jaarbedrag = jaarbedrag
            let betalingen = jaarbedrag.verdeel(naar: Array(repeating: 1, count: 12))
            var betaald = Euro.nul, geproduceerd = Euro.nul
            var regels: [Maandregel] = []
            for m in 0..<12 {
                betaald += betalingen[m]
                let p: Euro? = m < productie.count ? productie[m] : nil
                if let p { geproduceerd += p }
                regels.append(Maandregel(maand: Maand(jaar: jaar, maand: m + 1), betaling: betalingen[m],
                                         cumulatiefBetaald: betaald, productie: p,
                                         cumulatiefProductie: p == nil ? nil : geproduceerd))
            }
            maanden = regels
        }

        /// The twelve monthly payments; they add up to `jaarbedrag` exactly.
        public var betalingen: [Euro] { maanden.map(\.betaling) }

        /// The last month whose production is known, nil before any.
        public var laatsteBekendeMaand: Maandregel? { maanden.last { $0.productie != nil } }

        /// jaarbedrag − the year's production; nil until all twelve months of production are known.
        public var jaarverschil: Euro? { maanden[11].saldo }
    }
}
