extension Bekostiging {
    /// A provider's historical use and optional bounds for its norm budget.
    public struct Normbudgetaanvraag: Sendable, Hashable {
        public var aanbieder: String
        /// Historical use per year, oldest first; the same years for every provider.
        public var gebruik: [Euro]
        public var ondergrens: Euro?
        public var plafond: Euro?
        public init(aanbieder: String, gebruik: [Euro], ondergrens: Euro? = nil, plafond: Euro? = nil) {
            self.aanbieder = aanbieder; self.gebruik = gebruik; self.ondergrens = ondergrens; self.plafond = plafond
        }
    }

    /// Which bound decided a norm budget.
    public enum Begrenzing: String, Sendable, Hashable { case ondergrens, plafond }

    /// A provider's norm budget (normbudget: its budget ceiling for the year).
    public struct Normbudget: Sendable, Hashable {
        public let aanbieder: String
        /// Σ w_j × gebruik_j / Σ w_j, to the cent half away from zero; for display, the split uses the exact sum.
        public let gewogenGebruik: Euro
        public let normbudget: Euro
        /// Set when the provider's floor or cap decided its budget instead of its share.
        public let begrenzing: Begrenzing?
    }

    /// Norm budgets from historical use scaled to the available means (memo tekort jeugdhulp 2020, Ouder-Amstel: "op basis van historisch verbruik en
    /// de beschikbare middelen ... met behulp van een rekenformule").
    ///
    /// Formula, amounts exact in cents:
    /// - gebruik_i = Σ_j w_j × gebruik_i,j over the years j (weights `jaargewichten`, default all 1);
    /// - without bounds: normbudget_i = beschikbaar × gebruik_i / Σ_k gebruik_k, split by largest remainder so the
    ///   budgets add up to `beschikbaar` exactly (leftover cents to the largest remainders, ties to the earlier provider);
    /// - with bounds: normbudget_i = clamp(λ × gebruik_i, ondergrens_i, plafond_i) with the one λ for which the budgets add
    ///   up to `beschikbaar`. Found by fixing providers at a bound and splitting the rest over the others by the formula
    ///   above: when the shortfalls below floors outweigh the excesses above caps, λ must be lower, so the floor
    ///   violators are fixed; otherwise the cap violators; equal: both. Repeat until no share violates a bound.
    ///   A provider without historical use gets its floor (or 0) whatever λ is.
    /// Throws when Σ ondergrens > beschikbaar, when every provider has a cap and Σ plafond < beschikbaar, or when money
    /// is left for providers without any historical use.
    public static func normbudgetten(beschikbaar: Euro, aanvragen: [Normbudgetaanvraag], jaargewichten: [Int64]? = nil)
        throws(BekostigingFout) -> [Normbudget] {
        guard beschikbaar >= .nul else { throw BekostigingFout("de beschikbare middelen kunnen niet negatief zijn") }
        guard !aanvragen.isEmpty else { throw BekostigingFout("geen aanbieders om een normbudget voor vast te stellen") }
        let aantalJaren = jaargewichten?.count ?? aanvragen[0].gebruik.count
        let w = jaargewichten ?? Array(repeating: 1, count: aantalJaren)
        guard aantalJaren > 0, w.allSatisfy({ $0 >= 0 }), w.contains(where: { $0 > 0 }) else {
            throw BekostigingFout("jaargewichten moeten niet-negatief zijn met minstens één positief gewicht")
        }
        var gezien = Set<String>()
        var gewogen: [Int64] = []
        var totaal: Int64 = 0
        for a in aanvragen {
            guard gezien.insert(a.aanbieder).inserted else { throw BekostigingFout("aanbieder \(a.aanbieder) staat twee keer in de lijst") }
            guard a.gebruik.count == aantalJaren else {
                throw BekostigingFout("aanbieder \(a.aanbieder): gebruik over \(a.gebruik.count) jaar, verwacht \(aantalJaren)")
            }
            guard a.gebruik.allSatisfy({ $0 >= .nul }) else { throw BekostigingFout("aanbieder \(a.aanbieder): negatief gebruik") }
            if let o = a.ondergrens, o < .nul { throw BekostigingFout("aanbieder \(a.aanbieder): negatieve ondergrens") }
            if let o = a.ondergrens, let p = a.plafond, p < o {
                throw BekostigingFout("aanbieder \(a.aanbieder): plafond \(p) ligt onder de ondergrens \(o)")
            }
            guard let g = gewogenSom(a.gebruik, w) else { throw BekostigingFout("aanbieder \(a.aanbieder): bedragen te groot") }
            let (t, over) = totaal.addingReportingOverflow(g)
            guard !over else { throw BekostigingFout("het historisch gebruik is samen te groot om te verdelen") }
            gewogen.append(g)
            totaal = t
        }
        let vloer = aanvragen.compactMap(\.ondergrens).som()
        guard vloer <= beschikbaar else {
            throw BekostigingFout("de ondergrenzen (samen \(vloer)) zijn hoger dan de beschikbare middelen \(beschikbaar)")
        }
        if aanvragen.allSatisfy({ $0.plafond != nil }), aanvragen.compactMap(\.plafond).som() < beschikbaar {
            throw BekostigingFout("de plafonds (samen \(aanvragen.compactMap(\.plafond).som())) zijn lager dan de "
                                  + "beschikbare middelen \(beschikbaar)")
        }

        // without use a provider's share is 0 whatever the scale: it gets its floor, if any
        var vast: [Int: (Euro, Begrenzing?)] = [:]
        for i in aanvragen.indices where gewogen[i] == 0 {
            let o = aanvragen[i].ondergrens ?? .nul
            vast[i] = (o, o > .nul ? .ondergrens : nil)
        }
        var uitkomst: [Euro] = Array(repeating: .nul, count: aanvragen.count)
        while true {
            let vrij = aanvragen.indices.filter { vast[$0] == nil }
            let rest = beschikbaar - vast.values.map(\.0).som()
            let gewichten = vrij.map { gewogen[$0] }
            if vrij.isEmpty {
                guard rest == .nul else {
                    throw BekostigingFout(totaal == 0
                        ? "er is geen historisch gebruik om \(beschikbaar) naar te verdelen"
                        : "de grenzen laten geen verdeling toe die precies op \(beschikbaar) uitkomt")
                }
                break
            }
            let delen = rest.verdeel(naar: gewichten)
            var onder: [(Int, Euro)] = [], boven: [(Int, Euro)] = []
            var tekortOnder = Euro.nul, overschotBoven = Euro.nul
            for (k, i) in vrij.enumerated() {
                uitkomst[i] = delen[k]
                if let o = aanvragen[i].ondergrens, delen[k] < o { onder.append((i, o)); tekortOnder += o - delen[k] }
                if let p = aanvragen[i].plafond, delen[k] > p { boven.append((i, p)); overschotBoven += delen[k] - p }
            }
            if onder.isEmpty && boven.isEmpty { break }
            if tekortOnder >= overschotBoven { for (i, o) in onder { vast[i] = (o, .ondergrens) } }
            if overschotBoven >= tekortOnder { for (i, p) in boven { vast[i] = (p, .plafond) } }
        }
        let somW = w.reduce(0, +)
        let budgetten = aanvragen.indices.map { i in
            Normbudget(aanbieder: aanvragen[i].aanbieder,
                       gewogenGebruik: Euro(centen: gewogen[i]).maal(1, gedeeldDoor: somW),
                       normbudget: vast[i]?.0 ?? uitkomst[i], begrenzing: vast[i].flatMap { $0.1 })
        }
        guard budgetten.allSatisfy({ $0.normbudget >= .nul }) else {
            throw BekostigingFout("de grenzen laten geen verdeling zonder negatieve normbudgetten toe")
        }
        return budgetten
    }

    private static func gewogenSom(_ gebruik: [Euro], _ w: [Int64]) -> Int64? {
        var s: Int64 = 0
        for (g, gewicht) in zip(gebruik, w) {
            let (p, o1) = g.centen.multipliedReportingOverflow(by: gewicht)
            let (t, o2) = s.addingReportingOverflow(p)
            guard !o1, !o2 else { return nil }
            s = t
        }
        return s
    }
}
