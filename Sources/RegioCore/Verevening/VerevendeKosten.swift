/// The pooled lots' declared cost per year, municipality, lot and client, built from the registered data: the own cost
/// A of every municipality, the cost per client for the scenario `drempel`, and the usage for the key `gebruik`.
///
/// A = the cost (`Gegevens.kostenposten`: debit minus credit, rejected lines excluded, by service month, the lot from
/// the product) of the lines of the municipality's clients in the lots with verevend = ja, in the year; where the
/// kind `verevening` has a rule for the year, the lot (or one product of it) counts at the rule's share instead. A line belongs
/// to the municipality on the line (woonplaatsbeginsel); a line whose product is unknown belongs to no lot and is not
/// pooled. A client's cost per year is summed over the pooled lots (over one lot with `perceel`), per municipality:
/// a child that moved counts as a client of each municipality for its own part.
public struct VerevendeKosten: Sendable {
    /// The codes of the lots with a pooled part in any of the years (verevend = ja, or a rule of `verevening`), sorted.
    public let percelen: [String]
    /// Every registered municipality and any other with pooled cost, sorted: all take part, with or without cost.
    public let gemeenten: [String]
    public let jaren: ClosedRange<Int>
    /// What is pooled in each year.
    public let regels: Vereveningsregels
    /// jaar -> gemeente -> perceel -> client -> cost
    private let kosten: [Int: [String: [String: [ClientID: Euro]]]]
    /// jaar -> gemeente -> perceel -> the pooled part of the cost without lines (yearly totals, contract payments),
    /// which has no clients
    private let totalen: [Int: [String: [String: Euro]]]
    /// jaar -> cost of the region's contracts that could not be split over the municipalities (no key figures): not in
    /// any A; a report says so.
    public let onverdeeld: [Int: Euro]

    public init(_ g: Gegevens, jaren: ClosedRange<Int>) {
        self.init(posten: g.kostenposten(jaren: jaren), percelen: g.percelen, gemeenten: g.gemeenten.map(\.code), jaren: jaren,
                  delen: g.vereveningsdelen, boek: VerevendeKosten.boek(g, jaren))
    }

    /// Yearly totals and the realisation of contracts that are not p x q, up to the latest day known.
    static func boek(_ g: Gegevens, _ jaren: ClosedRange<Int>) -> (posten: [Boekpost], vervanging: Vervanging) {
        g.jaarkosten.isEmpty && g.contracten.isEmpty ? ([], Vervanging())
            : g.boekposten(jaren: jaren, jaartotalen: true, bekendTot: g.standMetBetalingen ?? Dag.laatsteVan(jaar: jaren.upperBound))
    }

    /// From the client-years of the monthly sums, for `g` without its declaration lines (national scale): the same
    /// costs as from the lines, because they are sums of the same month amounts by client and year.
    public init(_ g: Gegevens, sommen: Declaratieaggregaten, jaren: ClosedRange<Int>) {
        let zoeker = Perceelzoeker(Referentiekaart(g))
        let posten = sommen.clienten.compactMap { c, som -> Kostenpost? in
            guard som.bedrag != .nul, jaren.contains(c.jaar) else { return nil }
            return Kostenpost(gemeentecode: c.gemeentecode, client: c.client, agb: c.agb,
                              perceel: zoeker.perceel(c.productcategorie, c.productcode, jaar: c.jaar),
                              maand: Maand(jaar: c.jaar, maand: 1), kosten: som.bedrag, productcode: c.productcode)
        }
        self.init(posten: posten, percelen: g.percelen, gemeenten: g.gemeenten.map(\.code), jaren: jaren, delen: g.vereveningsdelen,
                  boek: VerevendeKosten.boek(g, jaren))
    }

    /// From cost items directly; items outside `jaren` or in lots (and products) not pooled that year are ignored.
    /// A part pooled at a share below 100% is the cost of the municipality's clients in that lot at that share, times the
    /// share, rounded half away from zero to the cent once per municipality, year, lot and share, and split over the
    /// clients by largest remainder (`Vereveningsregels.deel`): the clients add up to the municipality's A exactly.
    /// Cost without lines (`boek`: a yearly total, a contract's payments or schedule) replaces the lines it covers (the
    /// ledger decides); it is pooled at the lot's share of the year (it has no products), summed per municipality, lot
    /// and year and rounded the same way, and has no clients.
    public init(posten: [Kostenpost], percelen alle: [Perceel], gemeenten: [String], jaren: ClosedRange<Int>,
                delen: [Vereveningsdeel] = [], boek: (posten: [Boekpost], vervanging: Vervanging) = ([], Vervanging())) {
        let regels = Vereveningsregels(percelen: alle, delen: delen)
        var codes = Set(gemeenten)
        var opBoek: [Int: [String: [String: Euro]]] = [:], onverdeeld: [Int: Euro] = [:]
        for b in boek.posten where jaren.contains(b.jaar) {
            guard regels.aandeel(jaar: b.jaar, perceel: b.perceel, productcode: nil) > 0 else { continue }
            if b.gemeentecode.isEmpty { onverdeeld[b.jaar, default: .nul] += b.bedrag; continue }
            opBoek[b.jaar, default: [:]][b.gemeentecode, default: [:]][b.perceel, default: .nul] += b.bedrag
            codes.insert(b.gemeentecode)
        }
        var t: [Int: [String: [String: Euro]]] = [:]
        for (jaar, perGemeente) in opBoek {
            for (gemeente, perPerceel) in perGemeente {
                for (perceel, bedrag) in perPerceel {
                    let aandeel = regels.aandeel(jaar: jaar, perceel: perceel, productcode: nil)
                    t[jaar, default: [:]][gemeente, default: [:]][perceel] = Vereveningsregels.deel([bedrag], aandeel: aandeel)[0]
                }
            }
        }
        // jaar -> gemeente -> perceel -> share -> client -> the full cost
        var ruw: [Int: [String: [String: [Int: [ClientID: Euro]]]]] = [:]
        for p in posten where jaren.contains(p.maand.jaar) {
            guard let perceel = p.perceel else { continue }
            if boek.vervanging.vervangt(p.maand.jaar, p.gemeentecode, perceel, p.agb) { continue }
            let aandeel = regels.aandeel(jaar: p.maand.jaar, perceel: perceel, productcode: p.productcode)
            guard aandeel > 0 else { continue }
            ruw[p.maand.jaar, default: [:]][p.gemeentecode, default: [:]][perceel, default: [:]][aandeel, default: [:]][p.client, default: .nul] += p.kosten
            codes.insert(p.gemeentecode)
        }
        var k: [Int: [String: [String: [ClientID: Euro]]]] = [:]
        for (jaar, perGemeente) in ruw {
            for (gemeente, perPerceel) in perGemeente {
                for (perceel, perAandeel) in perPerceel {
                    var uit: [ClientID: Euro] = [:]
                    for (aandeel, clienten) in perAandeel {
                        let ids = clienten.keys.sorted()
                        for (c, e) in zip(ids, Vereveningsregels.deel(ids.map { clienten[$0]! }, aandeel: aandeel)) {
                            uit[c, default: .nul] += e
                        }
                    }
                    k[jaar, default: [:]][gemeente, default: [:]][perceel] = uit
                }
            }
        }
        let lotcodes = alle.map(\.code)
        percelen = Set(jaren.flatMap { regels.gepoold(jaar: $0, uit: lotcodes) }).sorted()
        self.gemeenten = codes.sorted()
        self.jaren = jaren
        self.regels = regels
        kosten = k
        totalen = t
        self.onverdeeld = onverdeeld
    }

    /// The municipalities whose A in `jaar` (over all pooled lots or one) holds cost without clients (a yearly total,
    /// a contract's payments or schedule).
    public func metJaartotalen(jaar: Int, perceel: String? = nil) -> [String] {
        (totalen[jaar] ?? [:]).filter { _, p in p.keys.contains { perceel == nil || $0 == perceel } }.keys.sorted()
    }

    /// A per municipality in `jaar`, over all pooled lots or over one; 0 for a municipality without cost.
    public func eigenKosten(jaar: Int, perceel: String? = nil) -> [String: Euro] {
        var uit: [String: Euro] = [:]
        for code in gemeenten {
            let perPerceel = kosten[jaar]?[code] ?? [:]
            uit[code] = perPerceel.filter { perceel == nil || $0.key == perceel }.values.map { $0.values.som() }.som()
                + (totalen[jaar]?[code] ?? [:]).filter { perceel == nil || $0.key == perceel }.values.som()
        }
        return uit
    }

    /// The year's cost of each client of the municipality, summed over the pooled lots (or within one lot), sorted by
    /// client; adds up to `eigenKosten` of the municipality exactly, unless it has a yearly total (`metJaartotalen`).
    public func clientkosten(jaar: Int, gemeente: String, perceel: String? = nil) -> [(client: ClientID, kosten: Euro)] {
        var perClient: [ClientID: Euro] = [:]
        for (p, clienten) in kosten[jaar]?[gemeente] ?? [:] where perceel == nil || p == perceel {
            for (c, e) in clienten { perClient[c, default: .nul] += e }
        }
        return perClient.keys.sorted().map { ($0, perClient[$0]!) }
    }

    /// The verevening input for one year: A, the key weight w and the client costs of every municipality.
    /// The key `gebruik` uses the pooled cost (of the same lot, with `perceel`) of `jaar` and the two years before.
    public func invoer(jaar: Int, perceel: String? = nil, sleutel: VereveningSleutel,
                       gemeentecijfers: [Gemeentecijfers]) throws(VereveningFout) -> [VereveningInvoer] {
        var perJaar: [Int: [String: Euro]] = [:]
        if sleutel.kijktTerug {
            for j in VereveningSleutel.gebruiksjaren(voor: jaar) { perJaar[j] = eigenKosten(jaar: j, perceel: perceel) }
        }
        let w = try sleutel.gewichten(jaar: jaar, gemeentecodes: gemeenten, gemeentecijfers: gemeentecijfers,
                                      kostenPerJaar: perJaar)
        let a = eigenKosten(jaar: jaar, perceel: perceel)
        return gemeenten.map { code in
            VereveningInvoer(gemeentecode: code, eigenKosten: a[code] ?? .nul, sleutelgewicht: w[code] ?? 0,
                             clientkosten: clientkosten(jaar: jaar, gemeente: code, perceel: perceel).map(\.kosten))
        }
    }
}
