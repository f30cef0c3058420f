/// Everything the region has registered, as plain values: the input of every calculation.
public struct Gegevens: Sendable {
    public var gemeenten: [Gemeente] = []
    public var gemeentecijfers: [Gemeentecijfers] = []
    public var percelen: [Perceel] = []
    public var producten: [Product] = []
    public var aanbieders: [Aanbieder] = []
    public var budgetten: [Budget] = []
    public var normbudgetten: [Normbudgetafspraak] = []
    public var verzoeken: [Verzoek] = []
    public var toewijzingen: [Toewijzing] = []
    public var declaraties: [Declaratieregel] = []
    /// Pooling per year and lot or product (CSV kind `verevening`); without a rule a lot's `verevend` holds.
    public var vereveningsdelen: [Vereveningsdeel] = []
    /// Yearly cost totals per municipality and lot (CSV kind `kosten`); they replace the lines' cost of the same cell.
    public var jaarkosten: [Jaarkosten] = []
    /// Contracts, payments and production reports (CSV kinds `contracten`, `betalingen`, `productie`): the lots that
    /// are not paid per declaration line.
    public var contracten: [Contract] = []
    public var betalingen: [Betaling] = []
    public var productie: [Productieopgave] = []

    public init() {}

    /// The data as it was known on a valuation date: allocations registered and declarations submitted by then.
    public func bekendOp(_ peildatum: Dag) -> Gegevens {
        var g = self
        g.verzoeken = Gegevens.bekend(verzoeken, op: peildatum, \.ontvangenOp)
        g.toewijzingen = Gegevens.bekend(toewijzingen, op: peildatum, \.toewijzingsdatum)
        g.declaraties = Gegevens.bekend(declaraties, op: peildatum, \.ingediendOp)
        g.betalingen = Gegevens.bekend(betalingen, op: peildatum, \.datum)
        return g
    }

    /// Usually everything is known by then: the array itself rather than a copy of millions of records.
    private static func bekend<T>(_ alle: [T], op peildatum: Dag, _ dag: (T) -> Dag) -> [T] {
        alle.allSatisfy { dag($0) <= peildatum } ? alle : alle.filter { dag($0) <= peildatum }
    }
}

/// Lookups derived once from the reference data.
public struct Referentiekaart: Sendable {
    public let gemeenten: [String: Gemeente]
    public let percelen: [String: Perceel]
    public let aanbieders: [String: Aanbieder]
    /// (categorie, code) -> products, one per year or one without year
    let producten: [String: [Product]]
    let cijfers: [String: Gemeentecijfers]
    /// category -> the product of its lowest (categorie, code) key: the lot of a code the list does not know
    let eerstePerCategorie: [String: Product]

    public init(_ g: Gegevens) {
        gemeenten = Dictionary(g.gemeenten.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        percelen = Dictionary(g.percelen.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        aanbieders = Dictionary(g.aanbieders.map { ($0.agb, $0) }, uniquingKeysWith: { a, _ in a })
        producten = Dictionary(grouping: g.producten, by: { Referentiekaart.sleutel($0.productcategorie, $0.productcode) })
        cijfers = Dictionary(g.gemeentecijfers.map { ("\($0.gemeentecode)|\($0.jaar)", $0) }, uniquingKeysWith: { a, _ in a })
        var eerste: [String: (sleutel: String, product: Product)] = [:]
        for (k, rijen) in producten {
            guard let p = rijen.first else { continue }
            if let e = eerste[p.productcategorie], e.sleutel <= k { continue }
            eerste[p.productcategorie] = (k, p)
        }
        eerstePerCategorie = eerste.mapValues(\.product)
    }

    static func sleutel(_ categorie: String, _ code: String?) -> String { categorie + "|" + (code ?? "") }

    /// The product valid in a year: the row for that year, else the row without year.
    public func product(categorie: String, code: String?, jaar: Int) -> Product? {
        guard let rijen = producten[Referentiekaart.sleutel(categorie, code)] else { return nil }
        return rijen.first { $0.jaar == jaar } ?? rijen.first { $0.jaar == nil }
            ?? rijen.filter { ($0.jaar ?? 0) < jaar }.max { ($0.jaar ?? 0) < ($1.jaar ?? 0) }
    }

    /// The lot of a product: the product valid in the year; else the same product in the nearest year it is listed
    /// (an allocation from before the product list began); else, for a code the list does not know (or none), the
    /// product of the category with the lowest code. Always the same answer for the same data (a dictionary's order is
    /// not: it differs between two maps of the same products).
    public func perceel(categorie: String, code: String?, jaar: Int) -> Perceel? {
        let p = product(categorie: categorie, code: code, jaar: jaar)
            ?? producten[Referentiekaart.sleutel(categorie, code)]?.min { a, b in
                (abs((a.jaar ?? jaar) - jaar), a.jaar ?? 0) < (abs((b.jaar ?? jaar) - jaar), b.jaar ?? 0)
            }
            ?? eerstePerCategorie[categorie]
        return p.flatMap { percelen[$0.perceel] }
    }

    public func cijfers(gemeente: String, jaar: Int) -> Gemeentecijfers? { cijfers["\(gemeente)|\(jaar)"] }
}
