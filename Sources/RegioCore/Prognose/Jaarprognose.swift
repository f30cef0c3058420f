import Foundation

/// How the year-end cost is forecast (docs/prognose.md has the formulas).
public enum Prognosemethode: String, CaseIterable, Sendable {
    /// Declared so far, developed to ultimate with chain-ladder factors; later months at the recent monthly level.
    case chainladder
    /// Bornhuetter-Ferguson: declared so far plus the part still to come of the prior (commitment x utilisation).
    case bf
    /// Only the prior: commitment of the year x the utilisation of the year before.
    case verplichtingen
    /// Declared so far divided by the elapsed fraction of the year: what a spreadsheet does.
    case naief

    /// The method's name in words, for people (the raw value stays the option and column name).
    public var naam: String {
        switch self {
        case .chainladder: "chain ladder"
        case .bf: "Bornhuetter-Ferguson"
        case .verplichtingen: "verplichtingen"
        case .naief: "naïef"
        }
    }
}

/// The year-end cost forecast of one group (a municipality, a lot, or the region).
public struct Groepsprognose: Sendable, Equatable {
    public var groep: String
    /// Of the forecast: the sum of the contracts that are not p x q (their outcome is the contract, docs/prognose.md).
    public var uitContracten: Euro = .nul
    /// Declared cost of the year known on the valuation date.
    public var gedeclareerd: Euro
    public var prognose: [Prognosemethode: Euro]
    /// The 80% interval around the chosen method's forecast.
    public var ondergrens: Euro
    public var bovengrens: Euro
    public var budget: Euro?
}

/// The forecast for a year from the data known on a valuation date, for every method, per group and in total.
public struct Jaarprognose: Sendable {
    public let jaar: Int
    public let peildatum: Dag
    public let methode: Prognosemethode
    public let groepen: [Groepsprognose]
    public let totaal: Groepsprognose
    /// Development factors per month of delay (0 = submitted in the service month), from the regional triangle.
    public let cdf: [Double]
    /// Utilisation (declared / commitment) of the year before, as known on the valuation date.
    public let uitnutting: Double
    /// Commitment registered late (retroactive allocations): the factor by which the year's commitment known on
    /// the valuation date grew afterwards, measured one year earlier.
    public let terugwerkendeFactor: Double

    /// z of the 80% two-sided normal interval.
    static let z80 = 1.2815515655446004
    /// Delays beyond this many months are counted in the last period.
    public static let maxVertraging = 24

    public enum Groepering: String, CaseIterable, Sendable { case regio, gemeente, perceel }

    /// One declared amount: its group, service month, month of submission and cost (debit positive, credit negative).
    struct Post { let groep: String; let dienst: Int; let indiening: Int; let centen: Int64 }

    /// The declared cost of every line split over its service months, by group; prepared once for many valuation dates.
    public struct Basis: Sendable {
        let posten: [Post]
        let gegevens: Gegevens
        let ref: Referentiekaart
        let per: Groepering
        /// Only this municipality's groups (the Burap's lots of one municipality): the others' amounts still shape the
        /// regional development pattern, under the group `Basis.overig`, but are no group of the forecast.
        let binnen: String?
        static let overig = "~overig"
        /// Set when the amounts add up beyond `Grenzen.totaal` (data the stores would refuse): no forecast then, since
        /// its sums could overflow.
        let fout: ChainLadderFout?

        public init(_ g: Gegevens, per: Groepering, binnen gemeente: String? = nil) {
            var posten: [Post] = []
            posten.reserveCapacity(g.declaraties.count * 2)
            let ref = Referentiekaart(g), groep = Basis.groepering(ref, per, binnen: gemeente)
            // the lines a contract that is not p x q replaces: its forecast is the contract, not their development
            let vervanging = g.contractvervanging, zoeker = Perceelzoeker(ref)
            for d in g.declaraties where d.status != .afgewezen {
                let indiening = d.ingediendOp.maand.index
                for (m, e) in d.kostenPerMaand where e != .nul {
                    if vervanging.vervangt(m.jaar, d.gemeentecode, agb: d.agb,
                                           perceel: zoeker.perceel(d.productcategorie, d.productcode, jaar: m.jaar)) { continue }
                    posten.append(Post(groep: groep(d.gemeentecode, d.productcategorie, d.productcode, m),
                                       dienst: m.index, indiening: indiening, centen: e.centen))
                }
            }
            self.init(g, ref: ref, per: per, binnen: gemeente, posten: posten)
        }

        /// From the triangle of the monthly sums, for `g` without its declaration lines (national scale): the same
        /// forecast, because every use of the amounts adds them up (in cents). The triangle has no providers: with a
        /// contract that replaces one provider's lines (`Gegevens.vervangtPerAanbieder`) use the lines instead.
        public init(_ g: Gegevens, driehoek: [Declaratieaggregaten.Driehoeksleutel: Euro], per: Groepering, binnen gemeente: String? = nil) {
            let ref = Referentiekaart(g), groep = Basis.groepering(ref, per, binnen: gemeente)
            let posten = driehoek.compactMap { k, e -> Post? in
                e == .nul ? nil : Post(groep: groep(k.gemeentecode, k.productcategorie, k.productcode, k.dienst),
                                       dienst: k.dienst.index, indiening: k.indiening.index, centen: e.centen)
            }
            self.init(g, ref: ref, per: per, binnen: gemeente, posten: posten)
        }

        private init(_ g: Gegevens, ref: Referentiekaart, per: Groepering, binnen: String?, posten: [Post]) {
            self.posten = posten; self.gegevens = g; self.ref = ref; self.per = per; self.binnen = binnen
            var totaal = Grenstotaal()
            for p in posten { totaal.voegToe(Euro(centen: p.centen)) }
            fout = totaal.teGroot
                ? ChainLadderFout(reden: "de gedeclareerde bedragen tellen op tot meer dan \(Euro(centen: Grenzen.totaal).heleEuros)") : nil
        }

        /// The group of an amount by municipality, product and service month; lots looked up once per product-year.
        static func groepering(_ ref: Referentiekaart, _ per: Groepering, binnen: String?) -> (String, String, String?, Maand) -> String {
            let zoeker = Perceelzoeker(ref)
            return { gemeente, categorie, code, m in
                if let binnen, gemeente != binnen { return overig }
                return switch per {
                case .regio: "regio"
                case .gemeente: gemeente
                case .perceel: zoeker.perceel(categorie, code, jaar: m.jaar) ?? "onbekend"
                }
            }
        }

        /// Declared cost of `jaar` as known at the end of the data, per group: the actual that a forecast is judged by;
        /// with the realisation of the contracts that are not p x q (all their payments of the year, else their schedule).
        public func werkelijk(jaar: Int) -> [String: Euro] {
            let van = Maand(jaar: jaar, maand: 1).index, tot = Maand(jaar: jaar, maand: 12).index
            var uit: [String: Int64] = [:]
            for p in posten where p.dienst >= van && p.dienst <= tot { uit[p.groep, default: 0] += p.centen }
            for (groep, c) in Jaarprognose.contractprognose(self, jaar: jaar, peildatum: Dag.laatsteVan(jaar: jaar + 10)) {
                uit[groep, default: 0] += c.bekend.centen
            }
            return uit.mapValues { Euro(centen: $0) }
        }
    }

    public init(_ basis: Basis, jaar: Int, peildatum: Dag, methode: Prognosemethode = .bf) throws(ChainLadderFout) {
        self.jaar = jaar; self.peildatum = peildatum; self.methode = methode
        if let f = basis.fout { throw f }
        let stand = Stand(jaar: jaar, peildatum: peildatum)
        let o = try Self.ontwikkeling(basis, stand)
        cdf = o.factorNaarUltimo
        let prior = Self.prior(basis, jaar: jaar, peildatum: peildatum, stand, o)
        terugwerkendeFactor = prior.terugwerkendeFactor; uitnutting = prior.uitnutting
        let contracten = Self.contractprognose(basis, jaar: jaar, peildatum: peildatum)
        var (uit, ruw) = Self.perGroep(basis, jaar: jaar, peildatum: peildatum, stand, o, prior, extra: Set(contracten.keys))
        // whole cents per group, with the total the exact sum of the groups (largest remainder)
        var totaalPrognose: [Prognosemethode: Euro] = [:]
        for m in Prognosemethode.allCases {
            let waarden = ruw.map { ($0[m] ?? 0) }
            let afgerond = try Jaarprognose.centen(waarden)
            for i in uit.indices { uit[i].prognose[m] = afgerond[i] }
            totaalPrognose[m] = afgerond.som()
        }
        // the interval: Mack's error for the months declared so far, and the spread of the prior for the months to
        // come (the relative error of last year's utilisation applied to the rest), added in quadrature; per group by share
        let t = totaalPrognose[methode] ?? .nul
        let nogTeKomen = max(0, Double((totaalPrognose[methode] ?? .nul).centen) - Double(o.gedeclareerd.values.reduce(0, +)))
        let se = (o.seJaar * o.seJaar + (0.1 * nogTeKomen) * (0.1 * nogTeKomen)).squareRoot()
        for i in uit.indices {
            let p = Double((uit[i].prognose[methode] ?? .nul).centen)
            let aandeel = t.centen == 0 ? 0 : p / Double(t.centen)
            uit[i].ondergrens = try Jaarprognose.euro(p - Jaarprognose.z80 * se * aandeel.squareRoot())
            uit[i].bovengrens = try Jaarprognose.euro(p + Jaarprognose.z80 * se * aandeel.squareRoot())
        }
        // contracts that are not p x q: the contract sum is the outcome, without uncertainty; known is what is paid
        for i in uit.indices {
            guard let c = contracten[uit[i].groep] else { continue }
            for m in Prognosemethode.allCases { uit[i].prognose[m] = (uit[i].prognose[m] ?? .nul) + c.verwacht }
            uit[i].gedeclareerd += c.bekend
            uit[i].ondergrens += c.verwacht
            uit[i].bovengrens += c.verwacht
            uit[i].uitContracten = c.verwacht
        }
        // within one municipality the others' groups shaped the pattern and the error but are left out; the total is
        // the sum of the municipality's groups, its interval the total's error by its share (as every group's)
        let eigen = uit.filter { $0.groep != Basis.overig }
        self.groepen = eigen
        let budgetTotaal = eigen.compactMap(\.budget)
        var eigenPrognose: [Prognosemethode: Euro] = [:]
        for m in Prognosemethode.allCases { eigenPrognose[m] = eigen.map { $0.prognose[m] ?? .nul }.som() }
        let p = Double((eigenPrognose[methode] ?? .nul).centen)
        let wortel = basis.binnen == nil ? 1 : (t.centen == 0 ? 0 : (p / Double(t.centen)).squareRoot())
        totaal = Groepsprognose(groep: "totaal", gedeclareerd: eigen.map(\.gedeclareerd).som(), prognose: eigenPrognose,
                                ondergrens: try Jaarprognose.euro(p - Jaarprognose.z80 * se * wortel),
                                bovengrens: try Jaarprognose.euro(p + Jaarprognose.z80 * se * wortel),
                                budget: budgetTotaal.isEmpty ? nil : budgetTotaal.som())
    }

    /// The months that matter on a valuation date, as `Maand.index`.
    struct Stand {
        let peilMaand: Int
        let jan: Int, dec: Int
        /// A month counts as known when the valuation date is its last day or later.
        let laatsteVolleMaand: Int
        /// The regional triangle's first service month: three years before the year.
        let eerste: Int

        init(jaar: Int, peildatum: Dag) {
            peilMaand = peildatum.maand.index
            jan = Maand(jaar: jaar, maand: 1).index; dec = jan + 11
            laatsteVolleMaand = peildatum == peildatum.maand.laatsteDag ? peilMaand : peilMaand - 1
            eerste = jan - 36
        }
    }

    /// Step 1: the regional triangle (service months of the three years before and this year up to the valuation
    /// date), its development factors and Mack error, and the year's amounts known per group and month.
    struct Ontwikkeling {
        let cumulatief: [[Double]]
        let factorNaarUltimo: [Double]
        /// The service months in the triangle.
        let ontwikkeld: Set<Int>
        /// Mack's standard error of this year's months, in cents.
        let seJaar: Double
        let gedeclareerd: [String: Int64]
        let perGroepMaand: [String: [Int: Int64]]
        let recenteMaanden: [String: [Int: Int64]]
    }

    static func ontwikkeling(_ basis: Basis, _ stand: Stand) throws(ChainLadderFout) -> Ontwikkeling {
        let peilMaand = stand.peilMaand, jan = stand.jan, dec = stand.dec
        let laatsteVolleMaand = stand.laatsteVolleMaand, eerste = stand.eerste
        let L = Jaarprognose.maxVertraging
        let herkomsten = Array(eerste...max(eerste, laatsteVolleMaand))
        // in cents: the sum must not depend on the order of the amounts (lines or monthly sums)
        var centen = Array(repeating: Array(repeating: Int64(0), count: L + 1), count: herkomsten.count)
        var gedeclareerd: [String: Int64] = [:]
        var perGroepMaand: [String: [Int: Int64]] = [:]
        var recenteMaanden: [String: [Int: Int64]] = [:]
        let recenteVan = laatsteVolleMaand - 5, recenteTot = laatsteVolleMaand - 3
        for p in basis.posten where p.indiening <= peilMaand {
            if p.dienst >= recenteVan && p.dienst <= recenteTot { recenteMaanden[p.groep, default: [:]][p.dienst, default: 0] += p.centen }
            if p.dienst >= jan && p.dienst <= dec {
                gedeclareerd[p.groep, default: 0] += p.centen
                perGroepMaand[p.groep, default: [:]][p.dienst, default: 0] += p.centen
            }
            guard p.dienst >= eerste && p.dienst <= laatsteVolleMaand else { continue }
            let vertraging = min(L, max(0, p.indiening - p.dienst))
            centen[p.dienst - eerste][vertraging] += p.centen
        }
        let incrementeel = centen.map { $0.map { Double($0) / 100 } }
        let bekend = herkomsten.map { min(L + 1, peilMaand - $0 + 1) }
        var cumulatief: [[Double]] = []
        for (i, rij) in incrementeel.enumerated() {
            var som = 0.0
            // a credit can exceed what was declared so far; the chain ladder needs amounts of 0 or more
            cumulatief.append((0..<bekend[i]).map { k in som += rij[k]; return max(0, som) })
        }
        // providers declare after the month: the first delays hold nothing, so the triangle starts at the first
        // delay where every origin that has reached it has an amount
        // months before the data begin have nothing at all: they are no evidence of slow development
        let metGegevens = herkomsten.indices.filter { (cumulatief[$0].last ?? 0) > 0 }
        var start = 0
        while start < L && metGegevens.contains(where: { cumulatief[$0].count > start + 1 && cumulatief[$0][start] <= 0 }) { start += 1 }
        let rijen = metGegevens.filter { bekend[$0] > start }
        // with a short history the oldest month has not reached every delay: the triangle ends where it does
        let eind = (rijen.map { bekend[$0] }.max() ?? start + 1) - 1
        let driehoek: Driehoek
        do {
            driehoek = try Driehoek(herkomsten: rijen.map { Maand(index: herkomsten[$0]).description },
                                    ontwikkelperioden: (start...max(start, eind)).map(String.init),
                                    cellen: rijen.map { cumulatief[$0][start...].map { Optional($0) } })
        } catch { throw ChainLadderFout(reden: error.description) }
        let mack = try MackChainLadder(driehoek)
        let resultaat = mack.resultaat
        // cdf[k]: from delay k to ultimate; before the first delay with amounts, from that delay; after the last, 1
        let factorNaarUltimo = (0...L).map { k in k >= eind ? 1 : mack.cdf[max(0, k - start)] }
        let ontwikkeld = Set(rijen.map { herkomsten[$0] })
        // the Mack standard error of this year's months, in cents (origins share factors: the months' errors are
        // added linearly, an upper bound of the total with its covariance)
        let seJaar = zip(rijen, resultaat.rijen).filter { herkomsten[$0.0] >= jan }.map(\.1.standaardfout).reduce(0, +) * 100
        return Ontwikkeling(cumulatief: cumulatief, factorNaarUltimo: factorNaarUltimo, ontwikkeld: ontwikkeld, seJaar: seJaar,
                            gedeclareerd: gedeclareerd, perGroepMaand: perGroepMaand, recenteMaanden: recenteMaanden)
    }

    /// Step 2, the prior: commitment of this year's allocations known on the valuation date x last year's utilisation,
    /// grown by the retroactive allocations.
    struct Prior {
        let nu: [String: [Int: Int64]]
        let terugwerkendeFactor: Double
        let uitnutting: Double
    }

    static func prior(_ basis: Basis, jaar: Int, peildatum: Dag, _ stand: Stand, _ o: Ontwikkeling) -> Prior {
        let peilMaand = stand.peilMaand, jan = stand.jan, eerste = stand.eerste
        let cumulatief = o.cumulatief, factorNaarUltimo = o.factorNaarUltimo
        let kennis = basis.gegevens.bekendOp(peildatum)
        let vorigJaarKennis = basis.gegevens.bekendOp(Dag(dagnummer: peildatum.dagnummer - 365))
        let nu = verplichting(basis, kennis, jaar: jaar)
        let vorige = verplichting(basis, kennis, jaar: jaar - 1)
        // retroactive allocations: how much last year's commitment known a year ago grew by today
        let vorigeToen = verplichting(basis, vorigJaarKennis, jaar: jaar - 1)
        let somVorige = vorige.values.flatMap(\.values).reduce(0, +), somToen = vorigeToen.values.flatMap(\.values).reduce(0, +)
        let terugwerkendeFactor = somToen > 0 ? max(1, Double(somVorige) / Double(somToen)) : 1
        // utilisation of last year: its declared cost (developed) over its commitment
        var gedeclareerdVorig: Int64 = 0
        let janVorig = jan - 12
        for p in basis.posten where p.indiening <= peilMaand && p.dienst >= janVorig && p.dienst < jan { gedeclareerdVorig += p.centen }
        let ontwikkeldVorig = (janVorig..<jan).map { m -> Double in
            let i = m - eerste
            guard i >= 0, i < cumulatief.count, let c = cumulatief[i].last else { return 0 }
            return c * factorNaarUltimo[cumulatief[i].count - 1]
        }.reduce(0, +) * 100
        let uitnutting = somVorige > 0 ? (ontwikkeldVorig > 0 ? ontwikkeldVorig : Double(gedeclareerdVorig)) / Double(somVorige) : 1
        return Prior(nu: nu, terugwerkendeFactor: terugwerkendeFactor, uitnutting: uitnutting)
    }

    /// The commitment of `g`'s allocations in year `j`, per group and month (in cents). An allocation paid by a
    /// contract that is not p x q commits nothing that is declared: it is left out (of the prior and of last year's
    /// utilisation alike).
    static func verplichting(_ basis: Basis, _ g: Gegevens, jaar j: Int) -> [String: [Int: Int64]] {
        let vervanging = basis.gegevens.contractvervanging, zoeker = Perceelzoeker(basis.ref)
        let maanden = (1...12).map { Maand(jaar: j, maand: $0) }
        let grenzen = maanden.map { (van: $0.eersteDag, tot: $0.laatsteDag) }
        // per group its twelve months (nil: no allocation with a commitment in that month), the group worked out once
        // per allocation; the allocations read where they lie (a `for` copies each record)
        var nummer: [String: Int] = [:], namen: [String] = [], sommen: [[Int64?]] = []
        func groep(_ t: Toewijzing) -> Int {
            let naam: String
            if let binnen = basis.binnen, t.gemeentecode != binnen {
                naam = Basis.overig
            } else {
                switch basis.per {
                case .regio: naam = "regio"
                case .gemeente: naam = t.gemeentecode
                case .perceel: naam = basis.ref.perceel(categorie: t.productcategorie, code: t.productcode, jaar: j)?.code ?? "onbekend"
                }
            }
            if let i = nummer[naam] { return i }
            nummer[naam] = namen.count; namen.append(naam); sommen.append(Array(repeating: nil, count: 12))
            return namen.count - 1
        }
        func tel(_ t: Toewijzing) {
            guard !t.isVerwijderd, t.periode.overlapDagen(grenzen[0].van, grenzen[11].tot) > 0 else { return }
            if vervanging.vervangt(j, t.gemeentecode, agb: t.agb, perceel: zoeker.perceel(t.productcategorie, t.productcode, jaar: j)) { return }
            let categorie = t.productcategorie, code = t.productcode
            let tarief: (Int) -> Euro? = { basis.ref.product(categorie: categorie, code: code, jaar: $0)?.tarief }
            var i: Int?
            for m in 0..<12 {
                guard t.periode.overlapDagen(grenzen[m].van, grenzen[m].tot) > 0,
                      let v = Verplichting.binnen(t, van: grenzen[m].van, tot: grenzen[m].tot, tarief: tarief) else { continue }
                let gi = i ?? groep(t)
                i = gi
                sommen[gi][m] = (sommen[gi][m] ?? 0) + v.centen
            }
        }
        g.toewijzingen.withUnsafeBufferPointer { p in for k in p.indices { tel(p[k]) } }
        var uit: [String: [Int: Int64]] = [:]
        for (gi, naam) in namen.enumerated() {
            var perMaand: [Int: Int64] = [:]
            for (m, som) in sommen[gi].enumerated() { if let som { perMaand[maanden[m].index] = som } }
            uit[naam] = perMaand
        }
        return uit
    }

    /// Step 3: per group the four methods' forecasts (unrounded, in cents) and the group's declared cost and budget.
    static func perGroep(_ basis: Basis, jaar: Int, peildatum: Dag, _ stand: Stand, _ o: Ontwikkeling, _ prior: Prior,
                         extra: Set<String> = []) -> (groepen: [Groepsprognose], ruw: [[Prognosemethode: Double]]) {
        let peilMaand = stand.peilMaand, jan = stand.jan, dec = stand.dec, laatsteVolleMaand = stand.laatsteVolleMaand
        let L = Jaarprognose.maxVertraging
        let factorNaarUltimo = o.factorNaarUltimo, ontwikkeld = o.ontwikkeld, gedeclareerd = o.gedeclareerd
        let perGroepMaand = o.perGroepMaand, recenteMaanden = o.recenteMaanden
        let nu = prior.nu, terugwerkendeFactor = prior.terugwerkendeFactor, uitnutting = prior.uitnutting
        let verstreken = Double(max(0, min(peildatum, Dag.laatsteVan(jaar: jaar)) - Dag.eersteVan(jaar: jaar) + 1))
            / Double(Dag.laatsteVan(jaar: jaar) - Dag.eersteVan(jaar: jaar) + 1)
        let groepcodes = Set(gedeclareerd.keys).union(nu.keys).union(extra).sorted()
        // the budget in force on the valuation date: a forecast made before the first Burap compares with the primitive one
        let budgetten = basis.gegevens.geldendeBudgetten(op: peildatum).filter { $0.jaar == jaar }
        var uit: [Groepsprognose] = []
        var ruw: [[Prognosemethode: Double]] = []
        for groep in groepcodes {
            let maanden = perGroepMaand[groep] ?? [:]
            var cl = 0.0, bf = 0.0, vp = 0.0
            // the recent monthly level for months not yet known: developed months 4 to 6 before the valuation date
            let recent = (laatsteVolleMaand - 5)...(laatsteVolleMaand - 3)
            let niveau = recent.map { m -> Double in
                Double(recenteMaanden[groep]?[m] ?? 0) * factorNaarUltimo[min(L, max(0, peilMaand - m))]
            }.reduce(0, +) / Double(recent.count)
            for m in jan...dec {
                let prior = Double(nu[groep]?[m] ?? 0) * terugwerkendeFactor * uitnutting
                vp += prior
                if ontwikkeld.contains(m) {
                    let k = min(L, max(0, peilMaand - m))
                    let bekendBedrag = Double(maanden[m] ?? 0)
                    cl += bekendBedrag * factorNaarUltimo[k]
                    bf += bekendBedrag + (1 - 1 / factorNaarUltimo[k]) * prior
                } else {
                    // a month under way or still to come: what is declared of it so far, plus the rest of the prior
                    let bekendBedrag = Double(maanden[m] ?? 0)
                    cl += max(niveau, bekendBedrag)
                    bf += max(prior, bekendBedrag)
                }
            }
            let naief = verstreken > 0 ? Double(gedeclareerd[groep] ?? 0) / verstreken : 0
            let budget = groep == Basis.overig ? [] : budgetten.filter { b in
                if let binnen = basis.binnen, b.gemeentecode != binnen { return false }
                switch basis.per { case .regio: return true; case .gemeente: return b.gemeentecode == groep; case .perceel: return b.perceel == groep }
            }
            ruw.append([.chainladder: cl, .bf: bf, .verplichtingen: vp, .naief: naief])
            uit.append(Groepsprognose(groep: groep, gedeclareerd: Euro(centen: gedeclareerd[groep] ?? 0), prognose: [:],
                                      ondergrens: .nul, bovengrens: .nul, budget: budget.isEmpty ? nil : budget.map(\.bedrag).som()))
        }
        return (uit, ruw)
    }

    /// Per group the contracts that are not p x q in `jaar`: the contract sum expected and what is known on the
    /// valuation date (payments, else the schedule); a contract of the region split over the municipalities by the
    /// macro-budget (largest remainder; without those figures it goes to the group of no municipality, "onverdeeld").
    static func contractprognose(_ basis: Basis, jaar: Int, peildatum: Dag) -> [String: (verwacht: Euro, bekend: Euro)] {
        let g = basis.gegevens
        let contracten = g.contracten.filter { $0.jaar == jaar && $0.vorm != .pxq }
        guard !contracten.isEmpty else { return [:] }
        let gemeenten = g.gemeenten.map(\.code).sorted()
        let w = g.macrobudgetgewichten(jaar: jaar, gemeenten: gemeenten)
        var uit: [String: (verwacht: Euro, bekend: Euro)] = [:]
        func voeg(_ groep: String, _ verwacht: Euro, _ bekend: Euro) {
            let oud = uit[groep] ?? (.nul, .nul)
            uit[groep] = (oud.verwacht + verwacht, oud.bekend + bekend)
        }
        for c in contracten {
            let betaald = g.betalingen(c, tot: peildatum)
            // per municipality: the expected sum and what is known (payments of a municipality are its own)
            var perGemeente: [String: (verwacht: Euro, bekend: Euro)] = [:]
            func deel(_ bedrag: Euro, _ eigen: String?, _ veld: WritableKeyPath<(verwacht: Euro, bekend: Euro), Euro>) {
                if let eigen { perGemeente[eigen, default: (.nul, .nul)][keyPath: veld] += bedrag; return }
                guard let w else { perGemeente[Monitoring.onverdeeldSleutel, default: (.nul, .nul)][keyPath: veld] += bedrag; return }
                for (code, d) in zip(gemeenten, bedrag.verdeel(naar: w)) { perGemeente[code, default: (.nul, .nul)][keyPath: veld] += d }
            }
            deel(c.contractsom, c.gemeentecode, \.verwacht)
            if betaald.isEmpty { deel(c.schema(tot: peildatum), c.gemeentecode, \.bekend) }
            else { for b in betaald { deel(b.bedrag, c.gemeentecode ?? b.gemeentecode, \.bekend) } }
            for (gemeente, x) in perGemeente {
                if let binnen = basis.binnen, gemeente != binnen { continue }
                switch basis.per {
                case .regio: voeg("regio", x.verwacht, x.bekend)
                case .gemeente: voeg(gemeente, x.verwacht, x.bekend)
                case .perceel: voeg(c.perceel, x.verwacht, x.bekend)
                }
            }
        }
        return uit
    }

    /// An amount in cents computed as a Double: an error, not a trap, when it is no number or beyond 64-bit cents
    /// (development factors far beyond anything real, on amounts at the bounds).
    static func euro(_ x: Double) throws(ChainLadderFout) -> Euro {
        do { return try Euro(afgerondeCenten: x) } catch { throw ChainLadderFout(reden: "prognose niet te berekenen: \(error)") }
    }

    /// Amounts in cents (as Double) to whole cents whose sum is the rounded sum: largest remainder. An error when a
    /// value is no number or so large that the cents (or their sum) would not fit.
    static func centen(_ waarden: [Double]) throws(ChainLadderFout) -> [Euro] {
        let grens = Double(Int64.max) / 2 / Double(max(1, waarden.count))
        if let x = waarden.first(where: { !($0.magnitude < grens) }) {
            throw ChainLadderFout(reden: "prognose niet te berekenen: \(x) eurocent past niet in een bedrag")
        }
        let doel = Int64(waarden.reduce(0, +).rounded())
        var afgekapt = waarden.map { Int64($0.rounded(.down)) }
        var rest = doel - afgekapt.reduce(0, +)
        let volgorde = waarden.indices.sorted { (waarden[$0] - waarden[$0].rounded(.down)) > (waarden[$1] - waarden[$1].rounded(.down)) || ((waarden[$0] - waarden[$0].rounded(.down)) == (waarden[$1] - waarden[$1].rounded(.down)) && $0 < $1) }
        var i = 0
        while rest > 0 && !volgorde.isEmpty { afgekapt[volgorde[i % volgorde.count]] += 1; rest -= 1; i += 1 }
        return afgekapt.map { Euro(centen: $0) }
    }
}
