/// The difference in cost between two periods (or a budget and a forecast) split per group into a volume effect (more
/// or fewer clients), an intensity effect (cost per client at constant prices: units per client and product mix) and a
/// price effect (tariffs), adding up to the cent (docs/verschilanalyse.md).
///
/// Sequential, in this order: with N clients, K cost and K* the cost of B at the tariffs of A,
///   volume      = (N_B - N_A) x K_A / N_A
///   prijs       = K_B - K*_B
///   intensiteit = (K_B - K_A) - volume - prijs   (= K*_B - N_B x K_A / N_A)
/// A group without clients in A is all volume (K*_B) and price; a group without cost in B is all volume (-K_A).
/// Every amount is rounded once, half away from zero, and the intensity effect takes the remainder, so the three
/// effects add up exactly to the group's difference; the total row is the sum of the groups.
///
/// Cost that comes from no declaration line (a contract's payments or schedule, a yearly total from the ledger) has
/// no clients, units or tariffs: its change is a fourth effect of its own (`boek`, "contracten en grootboek"), and
/// the three effects above are taken over the declared part only. The four add up to the group's difference.
public struct Verschilanalyse: Sendable {
    /// What one group had in one period: unique clients and cost per product (key: any product identifier; the key
    /// `Verschilanalyse.boek` holds the cost without declaration lines).
    public struct Invoer: Sendable, Equatable {
        public var clienten: Int
        public var kostenPerProduct: [String: Euro]
        public init(clienten: Int, kostenPerProduct: [String: Euro]) { self.clienten = clienten; self.kostenPerProduct = kostenPerProduct }
        public var kosten: Euro { kostenPerProduct.values.som() }
        /// The cost without declaration lines (contracts, yearly totals).
        public var boek: Euro { kostenPerProduct[Verschilanalyse.boek] ?? .nul }
    }

    /// The product key of the cost that comes from no declaration line: no tariff, no clients.
    public static let boek = "\u{0}boek"

    public struct Regel: Sendable, Equatable {
        public var groep: String
        public var kostenA: Euro, kostenB: Euro
        public var clientenA: Int, clientenB: Int
        /// B's cost at A's tariffs.
        public var kostenBConstant: Euro
        public var volume: Euro, intensiteit: Euro, prijs: Euro
        /// The change of the cost without declaration lines (contracts, yearly totals).
        public var boek: Euro = .nul
        public var verschil: Euro { kostenB - kostenA }
    }

    public let regels: [Regel]
    public let totaal: Regel
    /// Whether either side has cost without declaration lines (then the tables show its effect).
    public let metBoek: Bool

    /// `tarief(product, inA)`: the product's tariff in A's and B's period; a product without both keeps its price
    /// (ratio 1), so all its change is volume and intensity.
    /// `clienten`: the unique clients of A and B over all groups (a client in two groups counts once), for the total row.
    public init(a: [String: Invoer], b: [String: Invoer], clienten: (a: Int, b: Int) = (0, 0), tarief: (String, Bool) -> Euro?) {
        var regels: [Regel] = []
        for groep in Set(a.keys).union(b.keys).sorted() {
            let ia = a[groep] ?? Invoer(clienten: 0, kostenPerProduct: [:]), ib = b[groep] ?? Invoer(clienten: 0, kostenPerProduct: [:])
            var constant = Euro.nul
            for (product, kosten) in ib.kostenPerProduct where product != Verschilanalyse.boek {
                if let ta = tarief(product, true), let tb = tarief(product, false), tb.centen > 0 {
                    constant += kosten.maal(ta.centen, gedeeldDoor: tb.centen)
                } else {
                    constant += kosten
                }
            }
            // volume, intensity and price over the declared part; the rest is the change without lines
            let ka = ia.kosten - ia.boek, kb = ib.kosten - ib.boek
            let volume: Euro
            if ia.clienten > 0 {
                volume = ka.maal(Int64(ib.clienten - ia.clienten), gedeeldDoor: Int64(ia.clienten))
            } else {
                volume = constant
            }
            let prijs = kb - constant
            let intensiteit = (kb - ka) - volume - prijs
            regels.append(Regel(groep: groep, kostenA: ia.kosten, kostenB: ib.kosten, clientenA: ia.clienten, clientenB: ib.clienten,
                                kostenBConstant: constant + ib.boek, volume: volume, intensiteit: intensiteit, prijs: prijs,
                                boek: ib.boek - ia.boek))
        }
        self.regels = regels
        metBoek = a.values.contains { $0.boek != .nul } || b.values.contains { $0.boek != .nul }
        totaal = Regel(groep: "totaal", kostenA: regels.map(\.kostenA).som(), kostenB: regels.map(\.kostenB).som(),
                       clientenA: clienten.a, clientenB: clienten.b, kostenBConstant: regels.map(\.kostenBConstant).som(),
                       volume: regels.map(\.volume).som(), intensiteit: regels.map(\.intensiteit).som(), prijs: regels.map(\.prijs).som(),
                       boek: regels.map(\.boek).som())
    }
}

extension Verschilanalyse {
    public enum Groepering: String, CaseIterable, Sendable { case perceel, segment, product, aanbieder, gemeente }

    /// What each group had in a care year: unique clients and cost per product (category|code), by the definition
    /// of the monitoring figures (debit minus credit, by service month, lots by the product in the year); the
    /// contracts that are not p x q (payments, or the schedule) and the yearly totals in place of the lines they
    /// replace, under the key `boek` (a product's group: "zonder declaraties"; a yearly total's provider: "grootboek").
    public static func invoer(_ g: Gegevens, jaar: Int, per: Groepering, gemeente: String? = nil) -> (groepen: [String: Invoer], clienten: Int) {
        let zoeker = Perceelzoeker(Referentiekaart(g))
        let segmenten = Dictionary(g.percelen.map { ($0.code, $0.segment) }, uniquingKeysWith: { a, _ in a })
        var kosten: [String: [String: Euro]] = [:], clienten: [String: Set<ClientID>] = [:], alle = Set<ClientID>()
        let boek = g.boekposten(jaren: jaar...jaar, jaartotalen: true, bekendTot: g.standMetBetalingen ?? Dag.laatsteVan(jaar: jaar))
        for d in g.declaraties where d.status != .afgewezen && d.begindatum.jaar <= jaar && d.einddatum.jaar >= jaar {
            if let gemeente, d.gemeentecode != gemeente { continue }
            let product = d.productcategorie + "|" + (d.productcode ?? "")
            let perceel = zoeker.perceel(d.productcategorie, d.productcode, jaar: jaar)
            if boek.vervanging.vervangt(jaar, d.gemeentecode, perceel ?? "", d.agb) { continue }
            for (m, e) in d.kostenPerMaand where m.jaar == jaar && e != .nul {
                let groep: String = switch per {
                case .perceel: perceel ?? "onbekend"
                case .segment: perceel.flatMap { segmenten[$0] } ?? "onbekend"
                case .product: product
                case .aanbieder: d.agb
                case .gemeente: d.gemeentecode
                }
                kosten[groep, default: [:]][product, default: .nul] += e
                clienten[groep, default: []].insert(d.client)
                alle.insert(d.client)
            }
        }
        for p in boek.posten where p.jaar == jaar && p.bedrag != .nul {
            if let gemeente, p.gemeentecode != gemeente { continue }
            let groep: String = switch per {
            case .perceel: p.perceel
            case .segment: segmenten[p.perceel] ?? "onbekend"
            case .product: Verschilanalyse.zonderDeclaraties
            case .aanbieder: p.agb ?? Verschilanalyse.grootboek
            case .gemeente: p.gemeentecode.isEmpty ? Verschilanalyse.regio : p.gemeentecode
            }
            kosten[groep, default: [:]][Verschilanalyse.boek, default: .nul] += p.bedrag
        }
        let groepen = Dictionary(uniqueKeysWithValues: kosten.map { ($0.key, Invoer(clienten: clienten[$0.key]?.count ?? 0, kostenPerProduct: $0.value)) })
        return (groepen, alle.count)
    }

    /// The group of cost without lines when grouped per product, per provider (a yearly total) or per municipality
    /// (a payment of the region that cannot be split).
    public static let zonderDeclaraties = "zonder declaraties", grootboek = "grootboek", regio = "regio"

    /// Year A against year B, with the tariffs of the product list in each year (a product without a tariff in
    /// either year keeps its price).
    public init(_ g: Gegevens, van a: Int, naar b: Int, per: Groepering, gemeente: String? = nil) {
        let ref = Referentiekaart(g)
        let ia = Verschilanalyse.invoer(g, jaar: a, per: per, gemeente: gemeente)
        let ib = Verschilanalyse.invoer(g, jaar: b, per: per, gemeente: gemeente)
        self.init(a: ia.groepen, b: ib.groepen, clienten: (ia.clienten, ib.clienten)) { product, inA in
            Verschilanalyse.tarief(ref, product, jaar: inA ? a : b)
        }
    }
}

extension Verschilanalyse {
    /// Group, costs of A and B, the three effects and the difference, to the cent; the total as the footer.
    public func tabel(per: Groepering, namen: [String: String] = [:], a: String, b: String) -> Tabel {
        var t = Tabel(kolommen: [.init(per.rawValue, per.rawValue.prefix(1).uppercased() + per.rawValue.dropFirst(), .links),
                                 .init("naam", "Naam", .links),
                                 .init("clienten_a", "Cliënten \(a)"), .init("clienten_b", "Cliënten \(b)"),
                                 .init("kosten_a", "Kosten \(a)"), .init("kosten_b", "Kosten \(b)"),
                                 .init("volume_effect", "Volume"), .init("intensiteit_effect", "Intensiteit"),
                                 .init("prijs_effect", "Prijs"), .init("verschil", "Verschil")])
        // the column of the cost without lines only where there is any (a region without contracts keeps its layout)
        if metBoek { t.kolommen.insert(.init("boek_effect", "Contracten en grootboek"), at: 9) }
        func rij(_ r: Regel, naam: String) -> [Tabel.Cel] {
            [Tabel.Cel(r.groep), Tabel.Cel(naam), .aantal(r.clientenA), .aantal(r.clientenB), .euroOpCent(r.kostenA), .euroOpCent(r.kostenB),
             .euroOpCent(r.volume), .euroOpCent(r.intensiteit), .euroOpCent(r.prijs)]
                + (metBoek ? [.euroOpCent(r.boek)] : []) + [.euroOpCent(r.verschil)]
        }
        t.rijen = regels.map { rij($0, naam: namen[$0.groep] ?? "") }
        t.voet = [rij(totaal, naam: "")]
        return t
    }
}
