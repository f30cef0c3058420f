/// One declaration line's cost in one calendar month of its service period, with the lot of its product: the unit
/// that own costs, provider production and client costs are summed from, so they all agree with the monitoring figures.
public struct Kostenpost: Sendable, Hashable {
    public let gemeentecode: String
    public let client: ClientID
    public let agb: String
    /// The lot of the line's product in the month's year; nil when the product is not in the reference data.
    public let perceel: String?
    public let maand: Maand
    /// Debit positive, credit negative; never from a rejected line.
    public let kosten: Euro
    /// The line's product code (a pooling rule may name one product of a lot).
    public let productcode: String?

    public init(gemeentecode: String, client: ClientID, agb: String, perceel: String?, maand: Maand, kosten: Euro,
                productcode: String? = nil) {
        self.gemeentecode = gemeentecode; self.client = client; self.agb = agb; self.perceel = perceel
        self.maand = maand; self.kosten = kosten; self.productcode = productcode
    }
}

/// The lot of a product in a year, looked up once per (category, code, year): summing cost by lot asks it per line.
public final class Perceelzoeker {
    private let ref: Referentiekaart
    private var gevonden: [String: String?] = [:]

    public init(_ ref: Referentiekaart) { self.ref = ref }

    public func perceel(_ categorie: String, _ code: String?, jaar: Int) -> String? {
        let k = categorie + "|" + (code ?? "") + "|" + String(jaar)
        if let p = gevonden[k] { return p }
        let p = ref.perceel(categorie: categorie, code: code, jaar: jaar)?.code
        gevonden[k] = p
        return p
    }
}

extension Gegevens {
    /// The declared cost per line and service month within `jaren`, by the definition of the monitoring figures:
    /// debit minus credit of lines that are not rejected, by service period, a line spanning months split by days
    /// (`Declaratieregel.kostenPerMaand`); the lot comes from the line's product in the month's year
    /// (`Referentiekaart.perceel`). Months outside `jaren` and months with zero cost are left out.
    public func kostenposten(jaren: ClosedRange<Int>) -> [Kostenpost] {
        let zoeker = Perceelzoeker(Referentiekaart(self))
        let van = Dag.eersteVan(jaar: jaren.lowerBound), tot = Dag.laatsteVan(jaar: jaren.upperBound)
        var uit: [Kostenpost] = []
        for d in declaraties where d.status != .afgewezen && d.einddatum >= van && d.begindatum <= tot {
            for (maand, kosten) in d.kostenPerMaand where jaren.contains(maand.jaar) && kosten != .nul {
                uit.append(Kostenpost(gemeentecode: d.gemeentecode, client: d.client, agb: d.agb,
                                      perceel: zoeker.perceel(d.productcategorie, d.productcode, jaar: maand.jaar), maand: maand,
                                      kosten: kosten, productcode: d.productcode))
            }
        }
        return uit
    }
}
