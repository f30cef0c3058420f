/// A municipality by its 4-digit CBS code ("0307").
public struct Gemeente: Hashable, Sendable, Codable {
    public var code: String
    public var naam: String
    public init(code: String, naam: String) { self.code = code; self.naam = naam }
}

/// Key figures of a municipality in a year: the denominators of cost per youth and per inhabitant, and the key
/// of the equalization (share of the national youth macro-budget).
public struct Gemeentecijfers: Hashable, Sendable, Codable {
    public var gemeentecode: String
    public var jaar: Int
    public var inwoners: Int64
    public var jeugdigen: Int64
    public var macrobudgetJeugd: Euro
    public var ses: Double?
    public var wijkteamFte: Double?
    /// Single-parent families as a percentage of the households with children (CBS).
    public var eenoudergezinnen: Double?
    /// Households with a low income as a percentage of all households (CBS).
    public var lageInkomens: Double?
    public init(gemeentecode: String, jaar: Int, inwoners: Int64, jeugdigen: Int64, macrobudgetJeugd: Euro,
                ses: Double? = nil, wijkteamFte: Double? = nil, eenoudergezinnen: Double? = nil, lageInkomens: Double? = nil) {
        self.gemeentecode = gemeentecode; self.jaar = jaar; self.inwoners = inwoners; self.jeugdigen = jeugdigen
        self.macrobudgetJeugd = macrobudgetJeugd; self.ses = ses; self.wijkteamFte = wijkteamFte
        self.eenoudergezinnen = eenoudergezinnen; self.lageInkomens = lageInkomens
    }
}

public enum Bekostigingsvorm: String, Sendable, Codable, CaseIterable {
    case inspanning, output, taak
}

/// A contract lot (perceel) within a segment; pooled lots are shared by the region's key.
public struct Perceel: Hashable, Sendable, Codable {
    public var code: String
    public var naam: String
    public var segment: String
    public var verevend: Bool
    public var bekostiging: Bekostigingsvorm?
    public init(code: String, naam: String, segment: String, verevend: Bool, bekostiging: Bekostigingsvorm? = nil) {
        self.code = code; self.naam = naam; self.segment = segment; self.verevend = verevend; self.bekostiging = bekostiging
    }
}

/// A product (JZ21 product code within a JZ020 category) in a lot, with the region's tariff for a year
/// (jaar nil: valid for every year without a year-specific row).
public struct Product: Hashable, Sendable, Codable {
    public var productcode: String
    public var productcategorie: String
    public var perceel: String
    public var omschrijving: String?
    public var eenheid: String?
    public var tarief: Euro?
    public var jaar: Int?
    public init(productcode: String, productcategorie: String, perceel: String, omschrijving: String? = nil,
                eenheid: String? = nil, tarief: Euro? = nil, jaar: Int? = nil) {
        self.productcode = productcode; self.productcategorie = productcategorie; self.perceel = perceel
        self.omschrijving = omschrijving; self.eenheid = eenheid; self.tarief = tarief; self.jaar = jaar
    }
}

/// A care provider by its 8-digit AGB code.
public struct Aanbieder: Hashable, Sendable, Codable {
    public var agb: String
    public var naam: String
    public init(agb: String, naam: String) { self.agb = agb; self.naam = naam }
}

/// A provider's norm budget (its budget ceiling) for a year, for all its care or for one lot (perceel nil: all lots).
public struct Normbudgetafspraak: Hashable, Sendable, Codable {
    public var agb: String
    public var jaar: Int
    public var perceel: String?
    public var bedrag: Euro
    public init(agb: String, jaar: Int, perceel: String? = nil, bedrag: Euro) {
        self.agb = agb; self.jaar = jaar; self.perceel = perceel; self.bedrag = bedrag
    }
}

/// A municipality's cost in a lot over a whole year, from the financial administration (CSV kind `kosten`): for history
/// before declaration lines were kept, and for regions that equalize from the ledger. It has no clients, months or
/// providers: figures at those levels are not available where only totals exist.
public struct Jaarkosten: Hashable, Sendable, Codable {
    public var jaar: Int
    public var gemeentecode: String
    public var perceel: String
    public var bedrag: Euro
    /// The number of clients, when the ledger knows it.
    public var clienten: Int64?
    public init(jaar: Int, gemeentecode: String, perceel: String, bedrag: Euro, clienten: Int64? = nil) {
        self.jaar = jaar; self.gemeentecode = gemeentecode; self.perceel = perceel; self.bedrag = bedrag; self.clienten = clienten
    }
}

public struct Budget: Hashable, Sendable, Codable {
    public var jaar: Int
    public var gemeentecode: String
    public var perceel: String
    public var bedrag: Euro
    /// The budget version (primitief, 1e burap, ...): versions are kept side by side; "" for a file without versions.
    public var versie: String
    /// The day the version was adopted; nil for a budget without versions (in force from the start).
    public var vastgesteldOp: Dag?
    public init(jaar: Int, gemeentecode: String, perceel: String, bedrag: Euro, versie: String = "", vastgesteldOp: Dag? = nil) {
        self.jaar = jaar; self.gemeentecode = gemeentecode; self.perceel = perceel; self.bedrag = bedrag
        self.versie = versie; self.vastgesteldOp = vastgesteldOp
    }
}
