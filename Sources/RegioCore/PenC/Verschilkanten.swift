/// The sides a difference can be taken between (docs/verschilanalyse.md): a care year's realisation, the budget of a
/// year, or the forecast of a year. A budget and a forecast are amounts; to split a difference with them into volume,
/// intensity and price they get clients and a product mix by a stated rule:
///
/// - **begroting J**: last year's care (its clients and product mix, as known on the valuation date) at the tariffs of
///   J, scaled to the budget. The budget is made when J's tariffs are known, so a budget above last year's care at
///   this year's prices is read as planned extra clients: budgeted clients = clients(J-1) x budget / cost(J-1 at J's
///   tariffs). Against a budget there is then no price effect, only what the budget did not foresee.
/// - **prognose J**: the expected year outcome, with the product mix of what is declared so far and the expected
///   clients of the year: clients so far x (last year's clients of the whole year / last year's clients as known a
///   year before the valuation date), per group, or of the whole for a group without last year's clients then (1
///   without any history). Its tariffs are J's.
///
/// The amounts are split over products by largest remainder, so each group's cost is exactly its budget or forecast.
extension Verschilanalyse {
    public enum Kant: Sendable, Equatable, CustomStringConvertible {
        case jaar(Int), begroting(Int), prognose(Int)

        public var jaar: Int { switch self { case .jaar(let j), .begroting(let j), .prognose(let j): j } }
        public var description: String {
            switch self {
            case .jaar(let j): String(j)
            case .begroting(let j): "begroting \(j)"
            case .prognose(let j): "prognose \(j)"
            }
        }
        /// Short column heading.
        public var kop: String {
            switch self {
            case .jaar(let j): String(j)
            case .begroting: "begroot"
            case .prognose: "verwacht"
            }
        }
    }

    public struct Kantfout: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// What a side holds per group: clients and cost per product.
    /// `prognose`: the forecast of the year (grouped as `per`, within `gemeente`), needed for a `.prognose` side.
    /// `peildatum`: the data as known then and the budget in force then (nil: everything, the latest budget).
    public static func invoer(_ g: Gegevens, kant: Kant, per: Groepering, gemeente: String? = nil, peildatum: Dag? = nil,
                              prognose: Jaarprognose? = nil) throws(Kantfout) -> (groepen: [String: Invoer], clienten: Int) {
        let kennis = peildatum.map { g.bekendOp($0) } ?? g
        switch kant {
        case .jaar(let j):
            return invoer(kennis, jaar: j, per: per, gemeente: gemeente)
        case .begroting(let j):
            guard per == .perceel || per == .gemeente else {
                throw Kantfout(description: "een begroting is er per gemeente en perceel, niet per \(per.rawValue)")
            }
            let budgetten = g.geldendeBudgetten(op: peildatum).filter { $0.jaar == j && (gemeente == nil || $0.gemeentecode == gemeente) }
            guard !budgetten.isEmpty else {
                throw Kantfout(description: "geen budget voor \(j)\(gemeente.map { " voor gemeente \($0)" } ?? "")")
            }
            var bedrag: [String: Euro] = [:]
            for b in budgetten { bedrag[per == .perceel ? b.perceel : b.gemeentecode, default: .nul] += b.bedrag }
            let vorig = invoer(kennis, jaar: j - 1, per: per, gemeente: gemeente)
            let basis = vorig.groepen
            let ref = Referentiekaart(g)
            var uit: [String: Invoer] = [:]
            var constantTotaal = Euro.nul
            for (groep, b) in bedrag {
                // last year's care at this year's tariffs
                var constant: [(String, Euro)] = []
                for (product, kosten) in (basis[groep]?.kostenPerProduct ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let ta = tarief(ref, product, jaar: j - 1), tb = tarief(ref, product, jaar: j)
                    constant.append((product, ta != nil && tb != nil && ta!.centen > 0 ? kosten.maal(tb!.centen, gedeeldDoor: ta!.centen) : kosten))
                }
                let som = constant.map(\.1).som(), n = basis[groep]?.clienten ?? 0
                constantTotaal += som
                // a lot without lines (a contract, a yearly total) last year: its budget is cost without lines too
                if som > .nul && (n > 0 || basis[groep]?.boek ?? .nul > .nul) {
                    let delen = b.verdeel(naar: constant.map { max(0, $0.1.centen) })
                    let clienten = n > 0 ? Int((Double(n) * Double(b.centen) / Double(som.centen)).rounded()) : 0
                    uit[groep] = Invoer(clienten: clienten, kostenPerProduct: Dictionary(uniqueKeysWithValues: zip(constant.map(\.0), delen)))
                } else {
                    uit[groep] = Invoer(clienten: 0, kostenPerProduct: ["": b])
                }
            }
            // the unique clients of the whole (a client in two groups once), scaled like the groups
            let budgetTotaal = bedrag.values.som()
            let totaal = constantTotaal > .nul ? Int((Double(vorig.clienten) * Double(budgetTotaal.centen) / Double(constantTotaal.centen)).rounded()) : 0
            return (uit, totaal)
        case .prognose(let j):
            guard let prognose, prognose.jaar == j else {
                throw Kantfout(description: "geen prognose voor \(j): de historie is te kort of er zijn geen gegevens")
            }
            guard per == .perceel || per == .gemeente else {
                throw Kantfout(description: "een prognose is er per gemeente en perceel, niet per \(per.rawValue)")
            }
            let peil = prognose.peildatum
            let totNu = invoer(g.bekendOp(peil), jaar: j, per: per, gemeente: gemeente)
            let tot = totNu.groepen
            // last year's whole-year clients against those known a year before the valuation date
            let vorigJaarPeil = peil.jaarEerder
            let vorigHeel = clienten(g.bekendOp(peil), jaar: j - 1, totMaand: 12, per: per, gemeente: gemeente)
            let vorigToen = clienten(g.bekendOp(vorigJaarPeil), jaar: j - 1, totMaand: vorigJaarPeil.maand.maand, per: per, gemeente: gemeente)
            // a group without last year's clients at this point grows like the whole; without any history the clients
            // so far are the year's (a client in care stays in care: clients do not grow with the days as costs do)
            let toenAlle = vorigToen[Verschilanalyse.alle] ?? 0, heelAlle = vorigHeel[Verschilanalyse.alle] ?? 0
            let geheel = toenAlle > 0 && heelAlle >= toenAlle ? Double(heelAlle) / Double(toenAlle) : 1
            func factor(_ heel: Int, _ toen: Int) -> Double { toen > 0 && heel >= toen ? Double(heel) / Double(toen) : geheel }
            var uit: [String: Invoer] = [:]
            for p in prognose.groepen {
                let verwacht = p.prognose[prognose.methode] ?? p.gedeclareerd
                let bekend = tot[p.groep]
                let producten = (bekend?.kostenPerProduct ?? [:]).sorted { $0.key < $1.key }
                let gewichten = producten.map { max(0, $0.value.centen) }
                let kosten: [String: Euro]
                if gewichten.contains(where: { $0 > 0 }) {
                    kosten = Dictionary(uniqueKeysWithValues: zip(producten.map(\.key), verwacht.verdeel(naar: gewichten)))
                } else {
                    kosten = ["": verwacht]
                }
                let f = factor(vorigHeel[p.groep] ?? 0, vorigToen[p.groep] ?? 0)
                uit[p.groep] = Invoer(clienten: Int((Double(bekend?.clienten ?? 0) * f).rounded()), kostenPerProduct: kosten)
            }
            let f = factor(vorigHeel[Verschilanalyse.alle] ?? 0, vorigToen[Verschilanalyse.alle] ?? 0)
            return (uit, Int((Double(totNu.clienten) * f).rounded()))
        }
    }

    /// Side A against side B. Tariffs: a year's own for a year, the budget's or forecast's year for those.
    public init(_ g: Gegevens, van a: Kant, naar b: Kant, per: Groepering, gemeente: String? = nil, peildatum: Dag? = nil,
                prognose: Jaarprognose? = nil) throws(Kantfout) {
        let ia = try Verschilanalyse.invoer(g, kant: a, per: per, gemeente: gemeente, peildatum: peildatum, prognose: prognose)
        let ib = try Verschilanalyse.invoer(g, kant: b, per: per, gemeente: gemeente, peildatum: peildatum, prognose: prognose)
        let ref = Referentiekaart(g)
        self.init(a: ia.groepen, b: ib.groepen, clienten: (ia.clienten, ib.clienten)) { product, inA in
            Verschilanalyse.tarief(ref, product, jaar: inA ? a.jaar : b.jaar)
        }
    }

    /// The tariff of a product key (category|code) in a year; nil without one (the product keeps its price).
    static func tarief(_ ref: Referentiekaart, _ product: String, jaar: Int) -> Euro? {
        guard !product.isEmpty else { return nil }
        let delen = product.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let code = delen.count > 1 && !delen[1].isEmpty ? String(delen[1]) : nil
        return ref.product(categorie: String(delen[0]), code: code, jaar: jaar)?.tarief
    }

    /// The key of the whole in `clienten`.
    static let alle = "\u{0}alle"

    /// Unique clients per group (and of the whole under `alle`) with cost in `jaar` up to and including month `totMaand`.
    static func clienten(_ g: Gegevens, jaar: Int, totMaand: Int, per: Groepering, gemeente: String?) -> [String: Int] {
        let zoeker = Perceelzoeker(Referentiekaart(g))
        // the lines a contract or a yearly total replaces have no clients in the figures (as in `invoer`)
        let vervanging = g.boekposten(jaren: jaar...jaar, jaartotalen: true, bekendTot: g.standMetBetalingen ?? Dag.laatsteVan(jaar: jaar)).vervanging
        var uit: [String: Set<ClientID>] = [:]
        for d in g.declaraties where d.status != .afgewezen && d.begindatum.jaar <= jaar && d.einddatum.jaar >= jaar {
            if let gemeente, d.gemeentecode != gemeente { continue }
            let perceel = zoeker.perceel(d.productcategorie, d.productcode, jaar: jaar)
            if vervanging.vervangt(jaar, d.gemeentecode, perceel ?? "", d.agb) { continue }
            for (m, e) in d.kostenPerMaand where m.jaar == jaar && m.maand <= totMaand && e != .nul {
                let groep = per == .perceel ? perceel ?? "onbekend" : d.gemeentecode
                uit[groep, default: []].insert(d.client)
                uit[alle, default: []].insert(d.client)
            }
        }
        return uit.mapValues(\.count)
    }
}
