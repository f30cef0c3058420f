/// Monitoring figures of one group (a municipality, a lot, a month, ...) over a period. Definitions: docs/definities.md.
public struct Kengetallen: Sendable, Equatable {
    public var groep: String
    public var naam: String
    /// Unique clients: a child with three products or two municipalities is one client in a total.
    public var clienten: Int
    public var toewijzingen: Int
    public var verplichting: Euro
    /// Allocations whose commitment is unknown (no budget, volume or tariff); not in `verplichting`.
    public var verplichtingOnbekend: Int
    public var gedeclareerd: Euro
    /// Inhabitants and youths 0-17 summed over the years of the period (person-years), municipality rows and totals.
    public var inwoners: Int64?
    public var jeugdigen: Int64?
    /// The budgets of every calendar year the period touches.
    public var budget: Euro?
    /// Clients in care just before the period, starting care in it, ending care in it, and still in care after its
    /// last day (or the valuation date, when earlier). Counted per client on care spells: see `Zorgperiodes`.
    public var inZorgBegin: Int
    public var instroom: Int
    public var uitstroom: Int
    public var inZorgEinde: Int
    /// Allocations that ended in the period, and the median and 90th percentile of their length in days (nearest rank).
    public var beeindigdeToewijzingen: Int
    public var duurMediaan: Int?
    public var duurP90: Int?
    /// Declared cost by referrer type of the allocation (`Verwijzer.rawValue`, or "onbekend"); adds up to `gedeclareerd`.
    public var kostenPerVerwijzer: [String: Euro]
    /// The part of `gedeclareerd` from yearly totals (CSV kind `kosten`). When not zero the row's clients are not known
    /// (`clienten` is -1: the totals have none) and the figures per client are not available.
    public var jaartotalen: Euro = .nul
    /// The part of `gedeclareerd` from contracts that are not p x q (CSV kind `contracten`): their payments, or their
    /// schedule while nothing is paid, in place of their provider's lines (docs/definities.md).
    public var uitContracten: Euro = .nul

    public init(groep: String, naam: String, clienten: Int = 0, toewijzingen: Int = 0, verplichting: Euro = .nul,
                verplichtingOnbekend: Int = 0, gedeclareerd: Euro = .nul, inwoners: Int64? = nil, jeugdigen: Int64? = nil,
                budget: Euro? = nil, inZorgBegin: Int = 0, instroom: Int = 0, uitstroom: Int = 0, inZorgEinde: Int = 0,
                beeindigdeToewijzingen: Int = 0, duurMediaan: Int? = nil, duurP90: Int? = nil,
                kostenPerVerwijzer: [String: Euro] = [:]) {
        self.groep = groep; self.naam = naam; self.clienten = clienten; self.toewijzingen = toewijzingen
        self.verplichting = verplichting; self.verplichtingOnbekend = verplichtingOnbekend; self.gedeclareerd = gedeclareerd
        self.inwoners = inwoners; self.jeugdigen = jeugdigen; self.budget = budget; self.inZorgBegin = inZorgBegin
        self.instroom = instroom; self.uitstroom = uitstroom; self.inZorgEinde = inZorgEinde
        self.beeindigdeToewijzingen = beeindigdeToewijzingen; self.duurMediaan = duurMediaan; self.duurP90 = duurP90
        self.kostenPerVerwijzer = kostenPerVerwijzer
    }

    /// declared / commitment; nil when nothing is committed. Equals average cost / average commitment per client.
    public var uitnutting: Double? {
        jaartotalen == .nul && verplichting.centen > 0 ? Double(gedeclareerd.centen) / Double(verplichting.centen) : nil
    }
    public var kostenPerClient: Euro? { clienten > 0 ? gedeclareerd.maal(1, gedeeldDoor: Int64(clienten)) : nil }
    /// "niet beschikbaar" where the clients are not known (yearly totals), else the count.
    /// "zonder declaraties" where the whole amount is paid under contracts (no line, so no client is known).
    public var clientenTekst: String? {
        if clienten < 0 && jaartotalen != .nul { return "niet beschikbaar" }
        if clienten == 0 && jaartotalen == .nul && uitContracten != .nul && uitContracten == gedeclareerd { return "zonder declaraties" }
        return nil
    }
    public var verplichtingPerClient: Euro? { clienten > 0 ? verplichting.maal(1, gedeeldDoor: Int64(clienten)) : nil }
    public var kostenPerJeugdige: Euro? { jeugdigen.flatMap { $0 > 0 ? gedeclareerd.maal(1, gedeeldDoor: $0) : nil } }
    public var kostenPerInwoner: Euro? { inwoners.flatMap { $0 > 0 ? gedeclareerd.maal(1, gedeeldDoor: $0) : nil } }
    public var realisatie: Double? { budget.flatMap { $0.centen > 0 ? Double(gedeclareerd.centen) / Double($0.centen) : nil } }

    /// Share of the declared cost referred by this referrer type (nil: unknown referrer); nil when nothing was declared.
    public func aandeel(_ verwijzer: Verwijzer?) -> Double? {
        guard gedeclareerd.centen > 0 else { return nil }
        return Double((kostenPerVerwijzer[verwijzer?.rawValue ?? Verwijzer.onbekendeSleutel] ?? .nul).centen) / Double(gedeclareerd.centen)
    }
}

public enum Groepering: String, Sendable, CaseIterable {
    case gemeente, perceel, segment, product, aanbieder, verwijzer, maand, leeftijd
}

/// Which records a figure is about: one municipality and/or one lot (nil: all).
public struct Selectie: Sendable, Equatable {
    public var gemeente: String?
    public var perceel: String?
    public init(gemeente: String? = nil, perceel: String? = nil) { self.gemeente = gemeente; self.perceel = perceel }
}

/// Age group of a client at the start of the period, from the birth date on its allocations or requests.
public enum Leeftijdsgroep: String, Sendable, CaseIterable {
    case tot4 = "0-3", tot12 = "4-11", tot18 = "12-17", volwassen = "18+", onbekend

    public static func bij(geboortedatum: Dag?, op dag: Dag) -> Leeftijdsgroep {
        guard let b = geboortedatum, b <= dag else { return .onbekend }
        let g = b.onderdelen, o = dag.onderdelen
        let leeftijd = o.jaar - g.jaar - ((o.maand, o.dag) < (g.maand, g.dag) ? 1 : 0)
        switch leeftijd {
        case ..<4: return .tot4
        case ..<12: return .tot12
        case ..<18: return .tot18
        default: return .volwassen
        }
    }

    public var omschrijving: String { self == .onbekend ? "Leeftijd onbekend" : rawValue + " jaar" }
}

extension Verwijzer {
    /// The key of cost without a known referrer in `Kengetallen.kostenPerVerwijzer`.
    public static let onbekendeSleutel = "onbekend"

    /// Short label for narrow table headers.
    public var afkorting: String {
        switch self {
        case .gemeente: "gem."
        case .huisarts: "HA"
        case .jeugdarts: "JA"
        case .gecertificeerdeInstelling: "GI"
        case .medischSpecialist: "MS"
        case .zelfverwijzer: "zelf"
        case .justitie: "just."
        }
    }

    /// Dutch snake_case name for csv columns (aandeel_huisarts, ...).
    public var kolomnaam: String {
        switch self {
        case .gemeente: "gemeente"
        case .huisarts: "huisarts"
        case .jeugdarts: "jeugdarts"
        case .gecertificeerdeInstelling: "gecertificeerde_instelling"
        case .medischSpecialist: "medisch_specialist"
        case .zelfverwijzer: "zelfverwijzer"
        case .justitie: "justitie"
        }
    }
}
