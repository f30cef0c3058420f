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
public struct Verschilanalyse: Sendable {
    /// What one group had in one period: unique clients and cost per product (key: any product identifier).
    public struct Invoer: Sendable, Equatable {
        public var clienten: Int
        public var kostenPerProduct: [String: Euro]
        public init(clienten: Int, kostenPerProduct: [String: Euro]) { self.clienten = clienten; self.kostenPerProduct = kostenPerProduct }
        public var kosten: Euro { kostenPerProduct.values.som() }
    }

    public struct Regel: Sendable, Equatable {
        public var groep: String
        public var kostenA: Euro, kostenB: Euro
        public var clientenA: Int, clientenB: Int
        /// B's cost at A's tariffs.
        public var kostenBConstant: Euro
        public var volume: Euro, intensiteit: Euro, prijs: Euro
        public var verschil: Euro { kostenB - kostenA }
    }

    public let regels: [Regel]
    public let totaal: Regel

    /// `tarief(product, inA)`: the product's tariff in A's and B's period; a product without both keeps its price
    /// (ratio 1), so all its change is volume and intensity.
    public init(a: [String: Invoer], b: [String: Invoer], tarief: (String, Bool) -> Euro?) {
        var regels: [Regel] = []
        for groep in Set(a.keys).union(b.keys).sorted() {
            let ia = a[groep] ?? Invoer(clienten: 0, kostenPerProduct: [:]), ib = b[groep] ?? Invoer(clienten: 0, kostenPerProduct: [:])
            var constant = Euro.nul
            for (product, kosten) in ib.kostenPerProduct {
                if let ta = tarief(product, true), let tb = tarief(product, false), tb.centen > 0 {
                    constant += kosten.maal(ta.centen, gedeeldDoor: tb.centen)
                } else {
                    constant += kosten
                }
            }
            let ka = ia.kosten, kb = ib.kosten
            let volume: Euro
            if ia.clienten > 0 {
                volume = ka.maal(Int64(ib.clienten - ia.clienten), gedeeldDoor: Int64(ia.clienten))
            } else {
                volume = constant
            }
            let prijs = kb - constant
            let intensiteit = (kb - ka) - volume - prijs
            regels.append(Regel(groep: groep, kostenA: ka, kostenB: kb, clientenA: ia.clienten, clientenB: ib.clienten,
                                kostenBConstant: constant, volume: volume, intensiteit: intensiteit, prijs: prijs))
        }
        self.regels = regels
        totaal = Regel(groep: "totaal", kostenA: regels.map(\.kostenA).som(), kostenB: regels.map(\.kostenB).som(),
                       clientenA: 0, clientenB: 0, kostenBConstant: regels.map(\.kostenBConstant).som(),
                       volume: regels.map(\.volume).som(), intensiteit: regels.map(\.intensiteit).som(), prijs: regels.map(\.prijs).som())
    }
}
