/// Cost that comes from no declaration line: a yearly total from the ledger (CSV kind `kosten`) or the realisation of
/// a contract that is not paid per product and quantity (its payments, or its schedule while nothing is paid). Each
/// replaces the lines of its cell, so nothing counts twice.
public struct Boekpost: Sendable, Hashable {
    public enum Bron: String, Sendable {
        /// A yearly total from the ledger: no month, no provider, no clients.
        case jaartotaal
        /// A payment under a contract (its month is the payment's).
        case betaling
        /// A month of a contract's schedule, for a contract without any payment in the year.
        case schema
    }

    public let jaar: Int
    /// nil for a yearly total.
    public let maand: Maand?
    /// "" when a payment of the region cannot be split (no key figures for the year).
    public let gemeentecode: String
    public let perceel: String
    /// nil for a yearly total (every provider of the cell).
    public let agb: String?
    public let bedrag: Euro
    public let bron: Bron
}

/// The cells whose declaration lines a `Boekpost` replaces: a yearly total replaces every provider's lines of its
/// municipality, lot and year; a contract of the region the lines of its provider in its lot for every municipality;
/// a contract of one municipality those of that municipality.
public struct Vervanging: Sendable {
    private var sleutels = Set<String>()
    public private(set) var perAanbieder = false

    public init() {}

    public var isLeeg: Bool { sleutels.isEmpty }

    mutating func voeg(_ jaar: Int, _ gemeente: String?, _ perceel: String, _ agb: String?) {
        sleutels.insert(Vervanging.sleutel(jaar, gemeente ?? "*", perceel, agb ?? "*"))
        if agb != nil { perAanbieder = true }
    }

    private static func sleutel(_ jaar: Int, _ gemeente: String, _ perceel: String, _ agb: String) -> String {
        "\(jaar)|\(gemeente)|\(perceel)|\(agb)"
    }

    /// Whether the lines of this provider in this cell are replaced. `agb` "" (sums without providers) only matches a
    /// replacement of every provider.
    public func vervangt(_ jaar: Int, _ gemeente: String, _ perceel: String, _ agb: String) -> Bool {
        guard !sleutels.isEmpty else { return false }
        if sleutels.contains(Vervanging.sleutel(jaar, gemeente, perceel, "*")) { return true }
        guard perAanbieder, !agb.isEmpty else { return false }
        return sleutels.contains(Vervanging.sleutel(jaar, gemeente, perceel, agb)) || sleutels.contains(Vervanging.sleutel(jaar, "*", perceel, agb))
    }

    /// The same for a line or an allocation whose lot is still to be looked up: `perceel` is only evaluated when
    /// something is replaced at all (the lookup is the expensive part on a national year); no lot is "".
    public func vervangt(_ jaar: Int, _ gemeente: String, agb: String, perceel: @autoclosure () -> String?) -> Bool {
        guard !sleutels.isEmpty else { return false }
        return vervangt(jaar, gemeente, perceel() ?? "", agb)
    }
}

extension Gegevens {
    /// The posts of `jaren` and the cells they replace. `jaartotalen`: with the yearly totals (a period of whole years).
    /// Contracts that are not p x q: their payments up to `bekendTot`, or, without any payment in the year, their
    /// schedule for the months that began by then; a contract of the region split over the municipalities by their
    /// share in the macro-budget of the year (largest remainder per amount), or left unsplit ("") without those figures.
    /// `naarProductie`: split what the region pays under a contract by the municipalities' use instead, the client-months
    /// of the contract's production reports in its year (the key where the contract has none): the realisation of a
    /// task-based budget, settled afterwards by use (`Bekostiging.taakdelen`).
    public func boekposten(jaren: ClosedRange<Int>, jaartotalen: Bool, bekendTot: Dag,
                           naarProductie: Bool = false) -> (posten: [Boekpost], vervanging: Vervanging) {
        var posten: [Boekpost] = [], v = Vervanging()
        if jaartotalen {
            for j in jaarkosten where jaren.contains(j.jaar) {
                posten.append(Boekpost(jaar: j.jaar, maand: nil, gemeentecode: j.gemeentecode, perceel: j.perceel, agb: nil,
                                       bedrag: j.bedrag, bron: .jaartotaal))
                v.voeg(j.jaar, j.gemeentecode, j.perceel, nil)
            }
        }
        let gemeenten = self.gemeenten.map(\.code).sorted()
        var gewichten: [Int: [Int64]?] = [:]
        func sleutel(_ jaar: Int) -> [Int64]? {
            if let w = gewichten[jaar] { return w }
            let lijst = macrobudgetgewichten(jaar: jaar, gemeenten: gemeenten)
            gewichten[jaar] = .some(lijst)
            return lijst
        }
        for c in contracten where c.vorm != .pxq && jaren.contains(c.jaar) {
            v.voeg(c.jaar, c.gemeentecode, c.perceel, c.agb)
            let betaald = betalingen(c, tot: bekendTot)
            var bedragen: [(Maand, String?, Euro, Boekpost.Bron)] = betaald.map { ($0.datum.maand, $0.gemeentecode, $0.bedrag, .betaling) }
            if betaald.isEmpty {
                for (i, e) in c.schema.enumerated() where e != .nul {
                    let m = Maand(jaar: c.jaar, maand: i + 1)
                    if m.eersteDag <= bekendTot { bedragen.append((m, c.gemeentecode, e, .schema)) }
                }
            }
            let gebruik = naarProductie ? productiegewichten(c, gemeenten: gemeenten) : nil
            for (m, gemeente, e, bron) in bedragen {
                if let gemeente {
                    posten.append(Boekpost(jaar: c.jaar, maand: m, gemeentecode: gemeente, perceel: c.perceel, agb: c.agb, bedrag: e, bron: bron))
                } else if let w = gebruik ?? sleutel(c.jaar) {
                    for (g, deel) in zip(gemeenten, e.verdeel(naar: w)) where deel != .nul {
                        posten.append(Boekpost(jaar: c.jaar, maand: m, gemeentecode: g, perceel: c.perceel, agb: c.agb, bedrag: deel, bron: bron))
                    }
                } else {
                    posten.append(Boekpost(jaar: c.jaar, maand: m, gemeentecode: "", perceel: c.perceel, agb: c.agb, bedrag: e, bron: bron))
                }
            }
        }
        return (posten, v)
    }

    /// The client-months per municipality (in the order of `gemeenten`) in the production reports under contract `c`
    /// in its year; nil without any.
    func productiegewichten(_ c: Contract, gemeenten: [String]) -> [Int64]? {
        var per: [String: Int64] = [:]
        for p in productie where p.agb == c.agb && p.perceel == c.perceel && p.maand.jaar == c.jaar
            && (c.gemeentecode == nil || p.gemeentecode == c.gemeentecode) {
            per[p.gemeentecode, default: 0] += Int64(p.clienten)
        }
        let w = gemeenten.map { per[$0] ?? 0 }
        return w.reduce(0, +) > 0 ? w : nil
    }

    /// The lines that contracts which are not p x q replace (for the forecast, whose outcome for them is the contract).
    public var contractvervanging: Vervanging {
        var v = Vervanging()
        for c in contracten where c.vorm != .pxq { v.voeg(c.jaar, c.gemeentecode, c.perceel, c.agb) }
        return v
    }

    /// The payments under contract `c` in its year up to and including `tot` (a contract of one municipality: that
    /// municipality's payments only).
    public func betalingen(_ c: Contract, tot: Dag) -> [Betaling] {
        betalingen.filter {
            $0.agb == c.agb && $0.perceel == c.perceel && $0.datum.jaar == c.jaar && $0.datum <= tot
                && (c.gemeentecode == nil || $0.gemeentecode == c.gemeentecode)
        }
    }

    /// The municipalities' macro-budget weights of `jaar` in the order of `gemeenten`, to split what the region pays;
    /// nil when a municipality's figures are missing or they add up to nothing.
    public func macrobudgetgewichten(jaar: Int, gemeenten: [String]) -> [Int64]? {
        let w = try? VereveningSleutel.macrobudget.gewichten(jaar: jaar, gemeentecodes: gemeenten, gemeentecijfers: gemeentecijfers)
        return w.map { w in gemeenten.map { w[$0] ?? 0 } }.flatMap { $0.reduce(0, +) > 0 ? $0 : nil }
    }

    /// Whether a contract that is not p x q replaces one provider's lines (figures from the sums then need the sums per
    /// provider).
    public var vervangtPerAanbieder: Bool { contracten.contains { $0.vorm != .pxq } }

    /// How far a contract's schedule counts without a valuation date: the latest request, allocation or payment (not
    /// the lines, so figures from the lines and from the sums agree).
    public var standMetBetalingen: Dag? {
        [toewijzingen.map(\.toewijzingsdatum).max(), verzoeken.map(\.ontvangenOp).max(), betalingen.map(\.datum).max()]
            .compactMap { $0 }.max()
    }
}
