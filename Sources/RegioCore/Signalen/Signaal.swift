/// The state of a signal in the team's work list.
public enum Signaalstatus: String, Sendable, Codable, CaseIterable, Comparable {
    case nieuw, gezien, afgehandeld

    public static func < (a: Signaalstatus, b: Signaalstatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One finding of a rule: which rule, for which client of which municipality, how much, when, and why in numbers.
public struct Signaal: Sendable, Hashable, Codable {
    /// The rule's code (`KOSTEN-HOOG`, ...).
    public var regel: String
    /// Stable identity (rule + municipality + client + allocation/request/declaration/period): a re-run finds the
    /// same key, so it updates the stored signal instead of adding another.
    public var sleutel: String
    public var gemeentecode: String
    public var client: ClientID
    public var agb: String?
    public var perceel: String?
    public var bedrag: Euro?
    public var van: Dag?
    public var tot: Dag?
    /// The day the rule's look-back window is compared with (request received, line submitted, allocation end);
    /// decides whether a later run still judges this signal or lets it age out.
    public var peildag: Dag
    /// Short Dutch explanation with the numbers that triggered the rule.
    public var toelichting: String

    public init(regel: String, sleutel: String, gemeentecode: String, client: ClientID, agb: String? = nil,
                perceel: String? = nil, bedrag: Euro? = nil, van: Dag? = nil, tot: Dag? = nil, peildag: Dag,
                toelichting: String) {
        self.regel = regel; self.sleutel = sleutel; self.gemeentecode = gemeentecode; self.client = client
        self.agb = agb; self.perceel = perceel; self.bedrag = bedrag; self.van = van; self.tot = tot
        self.peildag = peildag; self.toelichting = toelichting
    }

    /// Builds the identity key from its parts, "|"-separated.
    public static func sleutel(_ regel: String, _ gemeente: String, _ client: ClientID, _ delen: String...) -> String {
        ([regel, gemeente, client] + delen).joined(separator: "|")
    }
}

/// The outcome of running the rules once, as of a valuation date.
public struct Signaalrun: Sendable {
    public var peildatum: Dag
    public var signalen: [Signaal]
    /// Per active rule: the first event day it judged (nil: it judges every signal of that rule). A stored open
    /// signal of that rule with `peildag` on or after this day that is not found again has lost its condition.
    public var beoordeeldVanaf: [String: Dag?]

    public init(peildatum: Dag, signalen: [Signaal], beoordeeldVanaf: [String: Dag?]) {
        self.peildatum = peildatum; self.signalen = signalen; self.beoordeeldVanaf = beoordeeldVanaf
    }
}
