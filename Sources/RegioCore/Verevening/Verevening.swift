/// One municipality's figures for a year's verevening of the pooled lots.
public struct VereveningInvoer: Hashable, Sendable {
    public var gemeentecode: String
    /// A: the declared cost of its own clients in the pooled lots.
    public var eigenKosten: Euro
    /// w: its weight in the key (macrobudget in cents, youths, inhabitants, usage); s = w / sum of w.
    public var sleutelgewicht: Int64
    /// Cost per client in the year, adding up to A; only the scenario `drempel` uses them.
    public var clientkosten: [Euro]

    public init(gemeentecode: String, eigenKosten: Euro, sleutelgewicht: Int64, clientkosten: [Euro] = []) {
        self.gemeentecode = gemeentecode; self.eigenKosten = eigenKosten
        self.sleutelgewicht = sleutelgewicht; self.clientkosten = clientkosten
    }
}

/// voordeel: pays less than its own cost (saldo > 0); nadeel: pays more (saldo < 0).
public enum VereveningPositie: String, Sendable, Hashable {
    case voordeel, nadeel, neutraal
}

/// One municipality's result: P = K + G + Δ and saldo = A - P, every term in exact cents.
public struct VereveningRegel: Hashable, Sendable {
    public let gemeentecode: String
    /// A
    public let eigenKosten: Euro
    /// w
    public let sleutelgewicht: Int64
    /// s = w / W, for display only.
    public let aandeel: Double
    /// K = s x T in cents: what the municipality pays under full solidarity.
    public let solidariteitsbijdrage: Euro
    /// D = A - K: positive when its own cost is above its key share.
    public let afwijking: Euro
    /// G: the part of D the municipality bears itself under the scenario.
    public let gedragenAfwijking: Euro
    /// Δ: its key share of the rest pot (-sum of G: the deviations no municipality bears itself).
    public let aandeelRestpot: Euro
    /// P = K + G + Δ: what it pays.
    public let bijdrage: Euro
    /// A - P; positive: voordeelgemeente.
    public let saldo: Euro
    /// Cents (+1, -1 or 0) it received in the largest-remainder step when K was split over the key.
    public let restcentenSolidariteit: Int64
    /// Same for the split of the rest pot.
    public let restcentenRestpot: Int64

    public var positie: VereveningPositie { saldo > .nul ? .voordeel : saldo < .nul ? .nadeel : .neutraal }
}

/// The outcome for one year (or any set of pooled costs): sum of P equals sum of A exactly.
public struct VereveningUitkomst: Hashable, Sendable {
    public let scenario: VereveningScenario
    /// T = sum of A = sum of P.
    public let totaal: Euro
    /// W = sum of the key weights.
    public let totaalSleutelgewicht: Int64
    /// -sum of G: the deviation nobody bears, shared by key.
    public let restpot: Euro
    /// Sorted by gemeentecode.
    public let regels: [VereveningRegel]

    public func regel(_ gemeentecode: String) -> VereveningRegel? { regels.first { $0.gemeentecode == gemeentecode } }

    /// Dutch lines stating where every rounding cent went.
    public var afrondingstoelichting: [String] {
        func centen(_ r: [(String, Int64)]) -> String {
            let n = r.reduce(Int64(0)) { $0 + $1.1 }
            guard n != 0 else { return "geen restcenten" }
            let wie = r.filter { $0.1 != 0 }.map { "\($0.0) (\($0.1 > 0 ? "+" : "")\($0.1) cent)" }.joined(separator: ", ")
            return "\(n.magnitude) restcent(en) naar de grootste resten: \(wie)"
        }
        var regelsUit = ["Solidariteitsbijdrage: \(totaal) naar sleutel verdeeld, per gemeente afgekapt op hele centen; "
            + centen(regels.map { ($0.gemeentecode, $0.restcentenSolidariteit) }) + "."]
        switch scenario {
        case .solidariteit, .profijt: break
        default: regelsUit.append("Gedragen afwijking per gemeente afgerond op hele centen (half van nul af); "
                                  + "het afrondingsverschil zit in de restpot.")
        }
        regelsUit.append("Restpot: \(restpot) naar sleutel verdeeld; "
            + centen(regels.map { ($0.gemeentecode, $0.restcentenRestpot) }) + ".")
        return regelsUit
    }
}

/// A municipality's sums over several years.
public struct VereveningCumulatief: Hashable, Sendable {
    public let gemeentecode: String
    public let eigenKosten: Euro
    public let bijdrage: Euro
    public let saldo: Euro
    public let aantalJaren: Int
    public var positie: VereveningPositie { saldo > .nul ? .voordeel : saldo < .nul ? .nadeel : .neutraal }
}

/// Risk equalization of the pooled lots (capability 5). See docs/verevening.md for every formula.
public enum Verevening {
    /// Computes K, G, Δ, P and saldo for every municipality. Ties in a largest-remainder split go to the lower
    /// gemeentecode. Throws on an invalid scenario, a duplicate municipality, a negative or all-zero key, drempel
    /// without matching client costs, or amounts beyond 64-bit cents; never traps on input.
    public static func bereken(_ invoer: [VereveningInvoer], scenario: VereveningScenario) throws(VereveningFout)
        -> VereveningUitkomst {
        try scenario.controleer()
        guard !invoer.isEmpty else { throw .geenGemeenten }
        let rijen = invoer.sorted { $0.gemeentecode < $1.gemeentecode }
        for (a, b) in zip(rijen, rijen.dropFirst()) where a.gemeentecode == b.gemeentecode {
            throw .dubbeleGemeente(a.gemeentecode)
        }
        var totaalGewicht: Int64 = 0, totaal: Int64 = 0
        for r in rijen {
            guard r.sleutelgewicht >= 0 else {
                throw .negatiefSleutelgewicht(gemeentecode: r.gemeentecode, gewicht: r.sleutelgewicht)
            }
            totaalGewicht = try opgeteld(totaalGewicht, r.sleutelgewicht, "som van de sleutelgewichten")
            totaal = try opgeteld(totaal, r.eigenKosten.centen, "totaal van de eigen kosten")
        }
        guard totaalGewicht > 0 else { throw .sleutelIsNul }
        guard totaal != Int64.min else { throw .bedragTeGroot("totaal van de eigen kosten") }
        let gewichten = rijen.map(\.sleutelgewicht)

        let k = Euro(centen: totaal).verdeel(naar: gewichten).map(\.centen)
        var d: [Int64] = []
        for (r, ki) in zip(rijen, k) { d.append(try verschil(r.eigenKosten.centen, ki, "afwijking van \(r.gemeentecode)")) }

        var g: [Int64] = []
        for (i, r) in rijen.enumerated() { g.append(try gedragen(r, k: k[i], d: d[i], scenario: scenario)) }
        var somG: Int64 = 0
        for x in g { somG = try opgeteld(somG, x, "som van de gedragen afwijkingen") }
        let restpot = try verschil(0, somG, "restpot")
        let delta = Euro(centen: restpot).verdeel(naar: gewichten).map(\.centen)

        var regels: [VereveningRegel] = []
        for (i, r) in rijen.enumerated() {
            let wat = "bijdrage van \(r.gemeentecode)"
            let p = try opgeteld(try opgeteld(k[i], g[i], wat), delta[i], wat)
            let saldo = try verschil(r.eigenKosten.centen, p, "saldo van \(r.gemeentecode)")
            regels.append(VereveningRegel(
                gemeentecode: r.gemeentecode, eigenKosten: r.eigenKosten, sleutelgewicht: r.sleutelgewicht,
                aandeel: Double(r.sleutelgewicht) / Double(totaalGewicht),
                solidariteitsbijdrage: Euro(centen: k[i]), afwijking: Euro(centen: d[i]),
                gedragenAfwijking: Euro(centen: g[i]), aandeelRestpot: Euro(centen: delta[i]),
                bijdrage: Euro(centen: p), saldo: Euro(centen: saldo),
                restcentenSolidariteit: k[i] - afgekapt(totaal, r.sleutelgewicht, totaalGewicht),
                restcentenRestpot: delta[i] - afgekapt(restpot, r.sleutelgewicht, totaalGewicht)))
        }
        return VereveningUitkomst(scenario: scenario, totaal: Euro(centen: totaal), totaalSleutelgewicht: totaalGewicht,
                                  restpot: Euro(centen: restpot), regels: regels)
    }

    /// Sums A, P and saldo per municipality over the given years (e.g. --jaar 2016 --tot 2018), sorted by code.
    public static func cumulatief(_ uitkomsten: [VereveningUitkomst]) throws(VereveningFout) -> [VereveningCumulatief] {
        var som: [String: (a: Int64, p: Int64, s: Int64, n: Int)] = [:]
        for u in uitkomsten {
            for r in u.regels {
                let o = som[r.gemeentecode] ?? (0, 0, 0, 0)
                let wat = "cumulatief van \(r.gemeentecode)"
                som[r.gemeentecode] = (try opgeteld(o.a, r.eigenKosten.centen, wat), try opgeteld(o.p, r.bijdrage.centen, wat),
                                       try opgeteld(o.s, r.saldo.centen, wat), o.n + 1)
            }
        }
        return som.keys.sorted().map { code in
            let o = som[code]!
            return VereveningCumulatief(gemeentecode: code, eigenKosten: Euro(centen: o.a), bijdrage: Euro(centen: o.p),
                                        saldo: Euro(centen: o.s), aantalJaren: o.n)
        }
    }

    /// G for one municipality; each product with a fraction is rounded half away from zero to the cent.
    private static func gedragen(_ r: VereveningInvoer, k: Int64, d: Int64, scenario: VereveningScenario)
        throws(VereveningFout) -> Int64 {
        let wat = "gedragen afwijking van \(r.gemeentecode)"
        switch scenario {
        case .solidariteit: return 0
        case .profijt: return d
        case .eigenRisico(let rr): return try maal(d, rr, wat)
        case .bonusMalus(let plusR, let minR): return try maal(d, d > 0 ? plusR : minR, wat)
        case .bandbreedte(let b, let c):
            // a band beyond 64 bits is wider than any deviation: the whole deviation stays inside it
            let band = (try? maal(k, b, "bandbreedte")).map { Int64($0.magnitude) } ?? Int64.max
            let binnen = Swift.min(Swift.max(d, -band), band)
            let gepoold = try maal(d - binnen, c, wat)
            return try verschil(d, gepoold, wat)
        case .drempel(let h, let q):
            var som: Int64 = 0, boven: Int64 = 0
            for c in r.clientkosten {
                som = try opgeteld(som, c.centen, "kosten per cliënt van \(r.gemeentecode)")
                if c > h { boven = try opgeteld(boven, c.centen - h.centen, "kosten boven de drempel van \(r.gemeentecode)") }
            }
            guard som == r.eigenKosten.centen else {
                throw .clientkostenKloppenNiet(gemeentecode: r.gemeentecode, eigenKosten: r.eigenKosten,
                                               somClientkosten: Euro(centen: som))
            }
            return try verschil(d, try maal(boven, q, wat), wat)
        case .plafond(let e, let q):
            let boven = r.eigenKosten > e ? try verschil(r.eigenKosten.centen, e.centen, "kosten boven het plafond van \(r.gemeentecode)") : 0
            return try verschil(d, try maal(boven, q, wat), wat)
        }
    }

    /// bedrag x teller / noemer, rounded half away from zero (the rule of Euro.maal), with overflow as an error.
    static func maal(_ bedrag: Int64, _ b: VereveningBreuk, _ wat: String) throws(VereveningFout) -> Int64 {
        let n = UInt64(b.noemer)
        let p = bedrag.magnitude.multipliedFullWidth(by: UInt64(b.teller))
        guard p.high < n else { throw .bedragTeGroot(wat) }
        let (q, rest) = n.dividingFullWidth(p)
        let afgerond = rest >= n - rest ? q &+ 1 : q  // 2 x rest >= noemer: round up the magnitude
        guard afgerond <= UInt64(Int64.max), afgerond >= q else { throw .bedragTeGroot(wat) }
        return bedrag < 0 ? -Int64(afgerond) : Int64(afgerond)
    }

    /// The split of `bedrag` by w/W before the largest-remainder cents: |bedrag| x w / W rounded down, sign restored.
    private static func afgekapt(_ bedrag: Int64, _ w: Int64, _ totaalGewicht: Int64) -> Int64 {
        let p = UInt64(w).multipliedFullWidth(by: bedrag.magnitude)
        let q = Int64(UInt64(totaalGewicht).dividingFullWidth(p).quotient)
        return bedrag < 0 ? -q : q
    }

    static func opgeteld(_ a: Int64, _ b: Int64, _ wat: String) throws(VereveningFout) -> Int64 {
        let (s, o) = a.addingReportingOverflow(b)
        if o { throw .bedragTeGroot(wat) }
        return s
    }

    private static func verschil(_ a: Int64, _ b: Int64, _ wat: String) throws(VereveningFout) -> Int64 {
        let (s, o) = a.subtractingReportingOverflow(b)
        if o { throw .bedragTeGroot(wat) }
        return s
    }
}
