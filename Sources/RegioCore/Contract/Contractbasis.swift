/// Settings of the contract-management views (issue 11): every threshold that decides a mark or a placement.
/// One value so a region can tune them and the docs (docs/contractbeheer.md) can name them.
public struct Contractinstellingen: Sendable {
    /// A provider with fewer clients in a comparison group is shown but not ranked, and not in the peers' median.
    public var minimumClienten = 10
    /// A figure is "far off" at this factor above or below the peers' median (1.5: +50% or -33%).
    public var afwijkingsfactor = 1.5
    /// Shares (return within a year, utilisation) are far off at this many percentage points from the median: a
    /// factor would mark 0% against a median of 2%.
    public var afwijkingAandeel = 0.10
    /// Marks need at least this many ranked providers in the group: a median of two says little.
    public var minimumVergelijkers = 3
    /// Return within a year: a new allocation in the same lot within this many days after a trajectory ended.
    public var terugkeerDagen = 365
    /// Months ending at least this many days before the valuation date count as complete (declaration lag).
    public var compleetNaDagen = 90
    /// Kraljic: a segment with at most this many active providers, or a Herfindahl index of at least
    /// `kraljicHerfindahl`, has a high supply risk (few providers, much power on their side).
    public var kraljicMaxAanbieders = 5
    public var kraljicHerfindahl = 0.25
    public init() {}
    public static let standaard = Contractinstellingen()
}

/// Nearest-rank percentile (the ceil(p*n)-th smallest value, so a value that really occurred), like `[Int].percentiel`.
func rangpercentiel<T: Comparable>(_ waarden: [T], _ p: Int) -> T? {
    guard !waarden.isEmpty else { return nil }
    let s = waarden.sorted()
    return s[max(1, (p * s.count + 99) / 100) - 1]
}

/// Residential vs ambulant: the transformation goal is care moving from the first to the second.
public enum Zorgvorm: String, Sendable, CaseIterable {
    case residentieel, ambulant, jeugdbescherming

    public var omschrijving: String {
        switch self {
        case .residentieel: "Residentieel (met verblijf)"
        case .ambulant: "Ambulant (zonder verblijf)"
        case .jeugdbescherming: "Jeugdbescherming en -reclassering"
        }
    }

    /// JZ020 categories "met verblijf" (2015 list 35-38, 43, 44) or a unit of etmaal (WJ756 14, e.g. crisis stays);
    /// 47/48 are protection measures, neither residential nor ambulant care.
    public static func bij(categorie: String, eenheid: String?) -> Zorgvorm {
        if categorie == "47" || categorie == "48" { return .jeugdbescherming }
        if ["35", "36", "37", "38", "43", "44"].contains(categorie) || eenheid == "14" { return .residentieel }
        return .ambulant
    }
}

extension Gegevens {
    /// The last day anything was registered: the default valuation date ("stand") of the data.
    public var stand: Dag? {
        let dagen = toewijzingen.map(\.toewijzingsdatum) + declaraties.map(\.ingediendOp) + verzoeken.map(\.ontvangenOp)
        return dagen.max()
    }
}

extension Euro {
    /// This amount divided by a count, rounded half away from zero to the cent; nil for zero.
    func gedeeld(door n: Int) -> Euro? { n > 0 ? maal(1, gedeeldDoor: Int64(n)) : nil }

    /// Ratio for display only; nil when the denominator is not positive.
    func verhouding(tot noemer: Euro) -> Double? { noemer.centen > 0 ? Double(centen) / Double(noemer.centen) : nil }
}
