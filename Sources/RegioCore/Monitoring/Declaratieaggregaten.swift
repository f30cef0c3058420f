/// Declaration lines summed to what the figures over whole months and the forecast need: cost per month by
/// municipality, product, provider and referrer, which clients had a line in which months of a year (and their cost
/// in that year), and cost by service month and month of submission. A national
/// year (12 million lines) becomes about a million rows, so the figures, the forecast and the equalisation can run
/// without holding the lines. Built with the same rules as the figures themselves (non-rejected lines, debit minus
/// credit, a line spanning months split exactly by days).
public struct Declaratieaggregaten: Sendable, Equatable {
    /// Stored as numbers from `Codeboek` (see there); read as the codes they stand for.
    public struct Kostensleutel: Hashable, Sendable {
        let dimensies: Dimensies
        private let maandnummer: Int32
        public init(gemeentecode: String, productcategorie: String, productcode: String?, agb: String, verwijzer: String,
                    maand: Maand) {
            dimensies = Dimensies(gemeentecode: gemeentecode, productcategorie: productcategorie, productcode: productcode,
                                  agb: agb, verwijzer: verwijzer)
            maandnummer = Int32(maand.index)
        }
        /// From `Tekstcodes` (a database reader); `code` is `.geen` for a line without productcode.
        public init(gemeente: Tekstcode, categorie: Tekstcode, code: Tekstcode, agb: Tekstcode, verwijzer: Tekstcode, maand: Maand) {
            dimensies = Dimensies(gemeente: gemeente.nummer, categorie: categorie.nummer, code: code.nummer, aanbieder: agb.nummer,
                                  verwijzing: verwijzer.nummer)
            maandnummer = Int32(maand.index)
        }
        /// The same key with other dimensions (numbers, no texts looked up).
        init(_ dimensies: Dimensies, maandnummer: Int32) {
            self.dimensies = dimensies
            self.maandnummer = maandnummer
        }
        /// The same key summed over providers: agb "", as the stores keep it (`zonderAanbieders`).
        var overAanbieders: Kostensleutel {
            let d = dimensies
            return Kostensleutel(Dimensies(gemeente: d.gemeente, categorie: d.categorie, code: d.code, aanbieder: Codeboek.leeg,
                                           verwijzing: d.verwijzing), maandnummer: maandnummer)
        }
        public var maand: Maand { Maand(index: Int(maandnummer)) }
        /// The order the stores write the sums in: by municipality, product, provider and referrer.
        public var schrijfvolgorde: Schrijfvolgorde { Schrijfvolgorde(dimensies.volgorde, maandnummer) }
        public var gemeentecode: String { dimensies.gemeentecode }
        public var productcategorie: String { dimensies.productcategorie }
        public var productcode: String? { dimensies.productcode }
        public var agb: String { dimensies.agb }
        /// `Verwijzer.rawValue` of the line's allocation, or `Verwijzer.onbekendeSleutel`.
        public var verwijzer: String { dimensies.verwijzer }
    }

    /// What a figure groups and selects by, as `Codeboek` numbers: the hot loops look these up once per combination.
    struct Dimensies: Hashable {
        let gemeente, categorie, code, aanbieder, verwijzing: UInt32
        init(gemeente: UInt32, categorie: UInt32, code: UInt32, aanbieder: UInt32, verwijzing: UInt32) {
            self.gemeente = gemeente; self.categorie = categorie; self.code = code; self.aanbieder = aanbieder
            self.verwijzing = verwijzing
        }
        init(gemeentecode: String, productcategorie: String, productcode: String?, agb: String, verwijzer: String) {
            let c = Codeboek.gedeeld
            self.init(gemeente: c.nummer(gemeentecode), categorie: c.nummer(productcategorie), code: c.nummer(productcode),
                      aanbieder: c.nummer(agb), verwijzing: c.nummer(verwijzer))
        }
        var gemeentecode: String { Codeboek.gedeeld.tekst(gemeente) }
        var productcategorie: String { Codeboek.gedeeld.tekst(categorie) }
        var productcode: String? { Codeboek.gedeeld.tekst(ofGeen: code) }
        var agb: String { Codeboek.gedeeld.tekst(aanbieder) }
        var verwijzer: String { Codeboek.gedeeld.tekst(verwijzing) }
        var productcel: Productcel { Productcel(gemeente: gemeente, categorie: categorie, code: code) }
        /// Rows written in this order repeat the row above in most columns, which readers skip (`Tekstcodes`).
        var volgorde: (UInt32, UInt32, UInt32, UInt32, UInt32) { (gemeente, categorie, code, aanbieder, verwijzing) }
        var zonderAanbieder: Dimensies { Dimensies(gemeente: gemeente, categorie: categorie, code: code, aanbieder: Codeboek.geen, verwijzing: verwijzing) }
        var zonderVerwijzer: Dimensies { Dimensies(gemeente: gemeente, categorie: categorie, code: code, aanbieder: aanbieder, verwijzing: Codeboek.geen) }
    }

    /// Stored as numbers from `Codeboek`, like `Kostensleutel`.
    public struct Clientjaar: Hashable, Sendable {
        private let nummer: UInt32
        let dimensies: Dimensies
        private let jaartal: Int32
        public init(client: ClientID, gemeentecode: String, productcategorie: String, productcode: String?, agb: String,
                    verwijzer: String, jaar: Int) {
            nummer = Codeboek.gedeeld.nummer(client)
            dimensies = Dimensies(gemeentecode: gemeentecode, productcategorie: productcategorie, productcode: productcode,
                                  agb: agb, verwijzer: verwijzer)
            jaartal = Int32(jaar)
        }
        /// As `Kostensleutel.init(gemeente:categorie:code:agb:verwijzer:maand:)`.
        public init(client: Tekstcode, gemeente: Tekstcode, categorie: Tekstcode, code: Tekstcode, agb: Tekstcode,
                    verwijzer: Tekstcode, jaar: Int) {
            nummer = client.nummer
            dimensies = Dimensies(gemeente: gemeente.nummer, categorie: categorie.nummer, code: code.nummer, aanbieder: agb.nummer,
                                  verwijzing: verwijzer.nummer)
            jaartal = Int32(jaar)
        }
        public var jaar: Int { Int(jaartal) }
        /// As `Kostensleutel.schrijfvolgorde`, then by year and client.
        public var schrijfvolgorde: Schrijfvolgorde { Schrijfvolgorde(dimensies.volgorde, jaartal, nummer) }
        public var client: ClientID { Codeboek.gedeeld.tekst(nummer) }
        public var gemeentecode: String { dimensies.gemeentecode }
        public var productcategorie: String { dimensies.productcategorie }
        public var productcode: String? { dimensies.productcode }
        public var agb: String { dimensies.agb }
        /// As in `Kostensleutel`.
        public var verwijzer: String { dimensies.verwijzer }
        /// The client's `Codeboek` number, as the figures count clients.
        var clientnummer: Int32 { Int32(bitPattern: nummer) }
    }

    /// Compares the numbers of a key field by field.
    public struct Schrijfvolgorde: Comparable {
        let a, b, c, d, e: UInt32
        let f: Int32
        let g: UInt32
        init(_ v: (UInt32, UInt32, UInt32, UInt32, UInt32), _ f: Int32, _ g: UInt32 = 0) {
            (a, b, c, d, e) = v; self.f = f; self.g = g
        }
        public static func < (l: Schrijfvolgorde, r: Schrijfvolgorde) -> Bool {
            (l.a, l.b, l.c, l.d, l.e, l.f) != (r.a, r.b, r.c, r.d, r.e, r.f)
                ? (l.a, l.b, l.c, l.d, l.e, l.f) < (r.a, r.b, r.c, r.d, r.e, r.f) : l.g < r.g
        }
    }

    /// The run-off triangle of the forecast: cost by service month and month of submission.
    /// Stored as numbers, like `Kostensleutel`.
    public struct Driehoeksleutel: Hashable, Sendable {
        private let gemeente, categorie, code: UInt32
        private let dienstnummer, indieningsnummer: Int32
        public init(gemeentecode: String, productcategorie: String, productcode: String?, dienst: Maand, indiening: Maand) {
            let c = Codeboek.gedeeld
            gemeente = c.nummer(gemeentecode); categorie = c.nummer(productcategorie); code = c.nummer(productcode)
            dienstnummer = Int32(dienst.index); indieningsnummer = Int32(indiening.index)
        }
        public var gemeentecode: String { Codeboek.gedeeld.tekst(gemeente) }
        public var productcategorie: String { Codeboek.gedeeld.tekst(categorie) }
        public var productcode: String? { Codeboek.gedeeld.tekst(ofGeen: code) }
        var productcel: Productcel { Productcel(gemeente: gemeente, categorie: categorie, code: code) }
        public var dienst: Maand { Maand(index: Int(dienstnummer)) }
        public var indiening: Maand { Maand(index: Int(indieningsnummer)) }
    }

    /// What a client-year adds up to: its cost, and the months with service (bit m-1 for month m), also where the
    /// amount is zero, because the client counts there.
    public struct Clientsom: Hashable, Sendable {
        public var bedrag: Euro
        public var maanden: UInt16
        public init(bedrag: Euro = .nul, maanden: UInt16 = 0) { self.bedrag = bedrag; self.maanden = maanden }

        /// True when the client had service in a month of [van, tot] (months of this client-year's year).
        public func actief(van: Int, tot: Int) -> Bool { maanden & Clientsom.masker(van: van, tot: tot) != 0 }

        static func masker(van: Int, tot: Int) -> UInt16 {
            van > tot ? 0 : UInt16(truncatingIfNeeded: (1 << tot) - (1 << (van - 1)))
        }
    }

    /// By provider when `perAanbieder`; otherwise summed over providers (agb "" in every key), a fifth of the rows,
    /// which is all that figures not about providers need.
    public var kosten: [Kostensleutel: Euro] = [:]
    public var perAanbieder = true
    /// Clients with a line in a year (by municipality, product, provider and referrer), with their cost in that year
    /// and their months: the client counts of the figures and the client costs of the equalisation.
    public var clienten: [Clientjaar: Clientsom] = [:]
    public var driehoek: [Driehoeksleutel: Euro] = [:]
    /// The latest submission date of any line, rejected ones included (the signals' and forecast's last day).
    public var laatsteIndiening: Dag?

    public init() {}

    /// The groupings whose figures these sums give exactly (age needs each client's birth date from the requests too).
    public static let groeperingen: Set<Groepering> = Set(Groepering.allCases).subtracting([.leeftijd])

    /// True when figures over [van, tot] can come from these sums: whole calendar months.
    public static func dekt(van: Dag, tot: Dag) -> Bool {
        van == van.maand.eersteDag && tot == tot.maand.laatsteDag && van <= tot
    }

    public mutating func voegToe(_ d: Declaratieregel, verwijzer: Verwijzer?) throws(Gegevensfout) {
        try voegToe(client: d.client, gemeentecode: d.gemeentecode, productcategorie: d.productcategorie, productcode: d.productcode,
                agb: d.agb, verwijzer: verwijzer?.rawValue ?? Verwijzer.onbekendeSleutel, van: d.begindatum, tot: d.einddatum,
                ingediend: d.ingediendOp, kosten: d.kosten, afgewezen: d.status == .afgewezen)
    }

    /// One line from its fields; `kosten` signed (debit minus credit). Throws for a line outside `Grenzen` (stored by an
    /// older version: it would add a row per month of a century) and where a sum would overflow.
    public mutating func voegToe(client: ClientID, gemeentecode: String, productcategorie: String, productcode: String?,
                                 agb: String, verwijzer: String, van: Dag, tot: Dag, ingediend: Dag, kosten k: Euro,
                                 afgewezen: Bool) throws(Gegevensfout) {
        if let r = Grenzen.bedrag(k, max: Grenzen.declaratiebedrag, negatiefMag: true) ?? Grenzen.dag(van) ?? Grenzen.dag(tot)
            ?? Grenzen.dag(ingediend) ?? (tot - van >= Grenzen.declaratieperiode ? "periode langer dan \(Grenzen.declaratieperiode) dagen" : nil) {
            throw Gegevensfout("declaratieregel van \(van.nederlands) tot en met \(tot.nederlands): \(r)")
        }
        laatsteIndiening = max(laatsteIndiening ?? ingediend, ingediend)
        guard !afgewezen else { return }
        let indiening = ingediend.maand
        var jaar = 0, clientjaar: Clientjaar?
        for (m, bedrag) in Declaratieregel.kostenPerMaand(k, van: van, tot: tot) {
            try Declaratieaggregaten.tel(&kosten[Kostensleutel(gemeentecode: gemeentecode, productcategorie: productcategorie,
                                                               productcode: productcode, agb: agb, verwijzer: verwijzer, maand: m),
                                                 default: .nul], bedrag)
            try Declaratieaggregaten.tel(&driehoek[Driehoeksleutel(gemeentecode: gemeentecode, productcategorie: productcategorie,
                                                                   productcode: productcode, dienst: m, indiening: indiening),
                                                   default: .nul], bedrag)
            // every year the service touches, also with a zero amount: the client counts there
            if m.jaar != jaar {
                jaar = m.jaar
                clientjaar = Clientjaar(client: client, gemeentecode: gemeentecode, productcategorie: productcategorie,
                                        productcode: productcode, agb: agb, verwijzer: verwijzer, jaar: jaar)
            }
            try clienten[clientjaar!, default: Clientsom()].voegToe(bedrag, maand: m.maand)
        }
    }

    /// A stored line's signed cost: the credit of an amount no import writes (-2^63) saturates, never traps, and is
    /// then refused by `voegToe`.
    public static func kosten(centen: Int64, credit: Bool) -> Euro {
        Euro(centen: credit ? (centen == .min ? .max : -centen) : centen)
    }

    /// `som += bedrag`, checked: a sum in place (one hash lookup), an error instead of a trap.
    static func tel(_ som: inout Euro, _ bedrag: Euro) throws(Gegevensfout) {
        let (s, over) = som.centen.addingReportingOverflow(bedrag.centen)
        guard !over else { throw Gegevensfout("een maandsom loopt over (\(som.machineTekst) + \(bedrag.machineTekst))") }
        som.centen = s
    }

    /// The cost summed over providers (what the stores keep beside the cost by provider).
    public func zonderAanbieders() throws(Gegevensfout) -> Declaratieaggregaten {
        var a = self
        a.perAanbieder = false
        a.kosten = [:]
        a.kosten.reserveCapacity(kosten.count / 4)
        for (k, e) in kosten { try Declaratieaggregaten.tel(&a.kosten[k.overAanbieders, default: .nul], e) }
        return a
    }

    /// The part of these sums that adding `nieuw` can have changed, in the parts the stores replace: every row of the
    /// municipality-product cells of its lines (cost and triangle, every month) and every row of its clients (any year).
    /// With the cells (product code "" for none) and clients that name those parts; nil when `nieuw` has more cells or
    /// clients than asked (then nothing is copied).
    public func deel(geraaktDoor nieuw: Declaratieaggregaten, cellen maxCellen: Int, clienten maxClienten: Int)
        -> (sommen: Declaratieaggregaten, cellen: [(gemeentecode: String, productcategorie: String, productcode: String)], clienten: [ClientID])? {
        let cellen = Set(nieuw.kosten.keys.map(\.dimensies.productcel)).union(nieuw.driehoek.keys.map(\.productcel))
        let clienten = Set(nieuw.clienten.keys.map(\.clientnummer))
        guard cellen.count <= maxCellen, clienten.count <= maxClienten else { return nil }
        var d = Declaratieaggregaten()
        d.perAanbieder = perAanbieder
        d.laatsteIndiening = laatsteIndiening
        d.kosten = kosten.filter { cellen.contains($0.key.dimensies.productcel) }
        d.clienten = clienten.isEmpty ? [:] : self.clienten.filter { clienten.contains($0.key.clientnummer) }
        d.driehoek = driehoek.filter { cellen.contains($0.key.productcel) }
        let c = Codeboek.gedeeld
        return (d, cellen.map { (c.tekst($0.gemeente), c.tekst($0.categorie), c.tekst(ofGeen: $0.code) ?? "") }
                    .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) },
                Set(nieuw.clienten.keys.map(\.client)).sorted())
    }

    /// A municipality and a product, as `Codeboek` numbers.
    struct Productcel: Hashable {
        let gemeente, categorie, code: UInt32
    }

    /// The years with service in these sums (a line running into the next year counts in both).
    public var jaren: Set<Int> { Set(clienten.keys.map(\.jaar)) }

    public var isLeeg: Bool { kosten.isEmpty && clienten.isEmpty && driehoek.isEmpty && laatsteIndiening == nil }

    /// Adds another set of sums (lines imported since these were made).
    public mutating func voegToe(_ ander: Declaratieaggregaten) throws(Gegevensfout) {
        precondition(perAanbieder == ander.perAanbieder)
        for (k, e) in ander.kosten { try Declaratieaggregaten.tel(&kosten[k, default: .nul], e) }
        for (c, e) in ander.clienten { try clienten[c, default: Clientsom()].voegToe(e) }
        for (k, e) in ander.driehoek { try Declaratieaggregaten.tel(&driehoek[k, default: .nul], e) }
        if let d = ander.laatsteIndiening { laatsteIndiening = max(laatsteIndiening ?? d, d) }
    }

    /// The codes a split of the sums looks at.
    public struct Velden: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let gemeente = Velden(rawValue: 1), aanbieder = Velden(rawValue: 2), product = Velden(rawValue: 4)
    }

    /// These sums split by `deel(gemeentecode, agb, productcategorie, productcode)` (nil: in no part), which looks only
    /// at `velden` (the others are "" or nil): asked once per combination of those codes instead of once per row (a
    /// national year has 3.4 million rows; a table of its 350,000 combinations of all codes would not stay in cache).
    public func verdeel(op velden: Velden, _ deel: (String, String, String, String?) -> String?) -> [String: Declaratieaggregaten] {
        var leeg = Declaratieaggregaten()
        leeg.perAanbieder = perAanbieder
        // the parts by index while rows are placed (an array element, not a hash of the part's name per row)
        var namen: [String] = [], delen: [Declaratieaggregaten] = [], nummerVan: [String: Int32] = [:]
        // each part's rows, counted first so its tables are made at their size (grown row by row, each doubles as it
        // fills, the old and the new table held together at every step)
        var aantal: [(kosten: Int, clienten: Int)] = []
        var indeling: [Dimensies: Int32] = [:]   // -> index in delen, -1: in no part
        // one code: its part in a table by number, so a row costs no hash
        let enkel: ((Dimensies) -> UInt32)? = velden == .gemeente ? { $0.gemeente } : velden == .aanbieder ? { $0.aanbieder } : nil
        var perNummer = enkel == nil ? [] : [Int32](repeating: -2, count: Codeboek.gedeeld.grens)   // -2: not asked yet
        func zoek(_ volledig: Dimensies) -> Int32 {
            let d = Dimensies(gemeente: velden.contains(.gemeente) ? volledig.gemeente : Codeboek.leeg,
                              categorie: velden.contains(.product) ? volledig.categorie : Codeboek.leeg,
                              code: velden.contains(.product) ? volledig.code : Codeboek.geen,
                              aanbieder: velden.contains(.aanbieder) ? volledig.aanbieder : Codeboek.leeg, verwijzing: 0)
            if let p = indeling[d] { return p }
            var p: Int32 = -1
            if let naam = deel(d.gemeentecode, d.agb, d.productcategorie, d.productcode) {
                if let i = nummerVan[naam] { p = i } else {
                    p = Int32(namen.count)
                    nummerVan[naam] = p; namen.append(naam); delen.append(leeg); aantal.append((0, 0))
                }
            }
            indeling[d] = p
            return p
        }
        func plaats(_ volledig: Dimensies) -> Int32 {
            guard let enkel, case let n = Int(enkel(volledig)), n < perNummer.count else { return zoek(volledig) }
            if perNummer[n] == -2 { perNummer[n] = zoek(volledig) }
            return perNummer[n]
        }
        for k in kosten.keys { let p = plaats(k.dimensies); if p >= 0 { aantal[Int(p)].kosten += 1 } }
        for c in clienten.keys { let p = plaats(c.dimensies); if p >= 0 { aantal[Int(p)].clienten += 1 } }
        for (i, n) in aantal.enumerated() {
            delen[i].kosten.reserveCapacity(n.kosten)
            delen[i].clienten.reserveCapacity(n.clienten)
        }
        for (k, e) in kosten { let p = plaats(k.dimensies); if p >= 0 { delen[Int(p)].kosten[k] = e } }
        for (c, e) in clienten { let p = plaats(c.dimensies); if p >= 0 { delen[Int(p)].clienten[c] = e } }
        return Dictionary(uniqueKeysWithValues: zip(namen, delen))
    }

    /// The sums of the lines in `g` (with the referrer of each line's allocation), for tests and small regions.
    public static func van(_ g: Gegevens) throws(Gegevensfout) -> Declaratieaggregaten {
        var verwijzers: [String: Verwijzer?] = [:]
        for t in g.toewijzingen where verwijzers[t.toewijzingnummer] == nil { verwijzers[t.toewijzingnummer] = .some(t.verwijzer) }
        var a = Declaratieaggregaten()
        for d in g.declaraties { try a.voegToe(d, verwijzer: verwijzers[d.toewijzingnummer] ?? nil) }
        return a
    }
}

extension Declaratieaggregaten.Clientsom {
    mutating func voegToe(_ b: Euro, maand: Int) throws(Gegevensfout) {
        try Declaratieaggregaten.tel(&bedrag, b)
        maanden |= 1 << (maand - 1)
    }

    mutating func voegToe(_ ander: Declaratieaggregaten.Clientsom) throws(Gegevensfout) {
        try Declaratieaggregaten.tel(&bedrag, ander.bedrag)
        maanden |= ander.maanden
    }
}
