/// Declaration lines summed to what whole-year figures and the forecast need: cost per month by municipality, product
/// and referrer, which clients had a line in which year, and cost by service month and month of submission. A national
/// year (12 million lines) becomes about a million rows, so the figures, the forecast and the equalisation can run
/// without holding the lines. Built with the same rules as the figures themselves (non-rejected lines, debit minus
/// credit, a line spanning months split exactly by days).
public struct Declaratieaggregaten: Sendable, Equatable {
    public struct Kostensleutel: Hashable, Sendable {
        public let gemeentecode: String
        public let productcategorie: String
        public let productcode: String?
        /// `Verwijzer.rawValue` of the line's allocation, or `Verwijzer.onbekendeSleutel`.
        public let verwijzer: String
        public let maand: Maand
        public init(gemeentecode: String, productcategorie: String, productcode: String?, verwijzer: String, maand: Maand) {
            self.gemeentecode = gemeentecode; self.productcategorie = productcategorie; self.productcode = productcode
            self.verwijzer = verwijzer; self.maand = maand
        }
    }

    public struct Clientjaar: Hashable, Sendable {
        public let client: ClientID
        public let gemeentecode: String
        public let productcategorie: String
        public let productcode: String?
        public let jaar: Int
        public init(client: ClientID, gemeentecode: String, productcategorie: String, productcode: String?, jaar: Int) {
            self.client = client; self.gemeentecode = gemeentecode; self.productcategorie = productcategorie
            self.productcode = productcode; self.jaar = jaar
        }

        /// Client and year only: hashing four strings per row was a tenth of a national `cijfers`; the few rows of one
        /// client-year (its products) are told apart by `==`.
        public func hash(into h: inout Hasher) {
            h.combine(client)
            h.combine(jaar)
        }
    }

    /// The run-off triangle of the forecast: cost by service month and month of submission.
    public struct Driehoeksleutel: Hashable, Sendable {
        public let gemeentecode: String
        public let productcategorie: String
        public let productcode: String?
        public let dienst: Maand
        public let indiening: Maand
        public init(gemeentecode: String, productcategorie: String, productcode: String?, dienst: Maand, indiening: Maand) {
            self.gemeentecode = gemeentecode; self.productcategorie = productcategorie; self.productcode = productcode
            self.dienst = dienst; self.indiening = indiening
        }
    }

    public var kosten: [Kostensleutel: Euro] = [:]
    /// Clients with a line in a year (by municipality and product), with their cost in that year: the client counts of
    /// the figures and the client costs of the equalisation.
    public var clienten: [Clientjaar: Euro] = [:]
    public var driehoek: [Driehoeksleutel: Euro] = [:]

    public init() {}

    /// The groupings whose figures these sums give exactly (the others need each line's client or month).
    public static let groeperingen: Set<Groepering> = [.gemeente, .perceel, .segment, .product]

    /// True when figures over [van, tot] can come from these sums: whole calendar years.
    public static func dekt(van: Dag, tot: Dag) -> Bool {
        van == Dag.eersteVan(jaar: van.jaar) && tot == Dag.laatsteVan(jaar: tot.jaar) && van <= tot
    }

    public mutating func voegToe(_ d: Declaratieregel, verwijzer: Verwijzer?) {
        voegToe(client: d.client, gemeentecode: d.gemeentecode, productcategorie: d.productcategorie, productcode: d.productcode,
                verwijzer: verwijzer?.rawValue ?? Verwijzer.onbekendeSleutel, van: d.begindatum, tot: d.einddatum,
                ingediend: d.ingediendOp, kosten: d.kosten, afgewezen: d.status == .afgewezen)
    }

    /// One line from its fields; `kosten` signed (debit minus credit).
    public mutating func voegToe(client: ClientID, gemeentecode: String, productcategorie: String, productcode: String?,
                                 verwijzer: String, van: Dag, tot: Dag, ingediend: Dag, kosten k: Euro, afgewezen: Bool) {
        guard !afgewezen else { return }
        let indiening = ingediend.maand
        var jaar = 0, clientjaar: Clientjaar?
        for (m, bedrag) in Declaratieregel.kostenPerMaand(k, van: van, tot: tot) {
            kosten[Kostensleutel(gemeentecode: gemeentecode, productcategorie: productcategorie, productcode: productcode,
                                 verwijzer: verwijzer, maand: m), default: .nul] += bedrag
            driehoek[Driehoeksleutel(gemeentecode: gemeentecode, productcategorie: productcategorie, productcode: productcode,
                                     dienst: m, indiening: indiening), default: .nul] += bedrag
            // every year the service touches, also with a zero amount: the client counts there
            if m.jaar != jaar {
                jaar = m.jaar
                clientjaar = Clientjaar(client: client, gemeentecode: gemeentecode, productcategorie: productcategorie,
                                        productcode: productcode, jaar: jaar)
            }
            clienten[clientjaar!, default: .nul] += bedrag
        }
    }

    public var isLeeg: Bool { kosten.isEmpty && clienten.isEmpty && driehoek.isEmpty }

    /// Adds another set of sums (lines imported since these were made).
    public mutating func voegToe(_ ander: Declaratieaggregaten) {
        for (k, e) in ander.kosten { kosten[k, default: .nul] += e }
        for (c, e) in ander.clienten { clienten[c, default: .nul] += e }
        for (k, e) in ander.driehoek { driehoek[k, default: .nul] += e }
    }

    /// The sums of the lines in `g` (with the referrer of each line's allocation), for tests and small regions.
    public static func van(_ g: Gegevens) -> Declaratieaggregaten {
        var verwijzers: [String: Verwijzer?] = [:]
        for t in g.toewijzingen where verwijzers[t.toewijzingnummer] == nil { verwijzers[t.toewijzingnummer] = .some(t.verwijzer) }
        var a = Declaratieaggregaten()
        for d in g.declaraties { a.voegToe(d, verwijzer: verwijzers[d.toewijzingnummer] ?? nil) }
        return a
    }
}
