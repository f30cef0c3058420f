/// What kind of value a rule parameter holds; decides how it is read from a settings file and shown.
public enum Parametersoort: String, Sendable, CaseIterable {
    case euro, aantal, dagen, werkdagen, maanden, jaren, procent, janee
    /// Days per segment (or lot code): {"Crisis": 28}.
    case dagenPerSegment = "dagen_per_segment"

    public var omschrijving: String {
        switch self {
        case .euro: "bedrag in euro"
        case .aantal: "aantal"
        case .dagen: "kalenderdagen"
        case .werkdagen: "werkdagen"
        case .maanden: "maanden"
        case .jaren: "jaren"
        case .procent: "procent"
        case .janee: "ja/nee"
        case .dagenPerSegment: "dagen per segment of perceel"
        }
    }
}

/// A parameter's value. Money exact in cents; everything else a whole number, a yes/no or a table of days.
public enum Parameterwaarde: Sendable, Hashable {
    case getal(Int64)
    case euro(Euro)
    case janee(Bool)
    case tabel([String: Int64])

    /// Dutch text for the rule list: "€ 100.000", "30", "ja", "Crisis: 28".
    public var tekst: String {
        switch self {
        case .getal(let n): String(n)
        case .euro(let e): e.heleEuros
        case .janee(let b): b ? "ja" : "nee"
        case .tabel(let t): t.isEmpty ? "(geen)" : t.keys.sorted().map { "\($0): \(t[$0]!)" }.joined(separator: ", ")
        }
    }

    /// Whether the value fits the kind (and is not negative).
    public func past(bij soort: Parametersoort) -> Bool {
        switch (self, soort) {
        case (.euro(let e), .euro): e.centen >= 0
        case (.janee, .janee): true
        case (.tabel(let t), .dagenPerSegment): t.values.allSatisfy { $0 > 0 }
        case (.getal(let n), .aantal), (.getal(let n), .dagen), (.getal(let n), .werkdagen), (.getal(let n), .maanden),
             (.getal(let n), .jaren), (.getal(let n), .procent): n >= 0
        default: false
        }
    }
}

/// One parameter of a rule, with its default.
public struct Regelparameter: Sendable {
    public let naam: String
    public let soort: Parametersoort
    public let standaard: Parameterwaarde
    public let omschrijving: String
    public init(_ naam: String, _ soort: Parametersoort, _ standaard: Parameterwaarde, _ omschrijving: String) {
        self.naam = naam; self.soort = soort; self.standaard = standaard; self.omschrijving = omschrijving
    }
}

/// A region's choices for one rule: on or off, and values that differ from the defaults.
public struct Regelinstelling: Sendable, Hashable {
    public var actief: Bool
    public var waarden: [String: Parameterwaarde]
    public init(actief: Bool = true, waarden: [String: Parameterwaarde] = [:]) { self.actief = actief; self.waarden = waarden }
}

/// A region's settings for all rules; a rule without an entry runs with its defaults.
public struct Signaalinstellingen: Sendable, Hashable {
    public var regels: [String: Regelinstelling]
    public init(regels: [String: Regelinstelling] = [:]) { self.regels = regels }

    public static let standaard = Signaalinstellingen()

    public func isActief(_ code: String) -> Bool { regels[code]?.actief ?? true }

    /// The value in force: the region's when it fits the parameter's kind (see `fouten`), else the rule's default.
    public func waarde(_ regel: any Signaalregel, _ naam: String) -> Parameterwaarde? {
        guard let p = regel.parameters.first(where: { $0.naam == naam }) else { return nil }
        if let w = regels[regel.code]?.waarden[naam], w.past(bij: p.soort) { return w }
        return p.standaard
    }

    /// Problems that make the settings unusable, in Dutch: unknown rules or parameters, values of the wrong kind.
    public func fouten() -> [String] {
        var uit: [String] = []
        let catalogus = Dictionary(Signaalregels.alle.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for code in regels.keys.sorted() {
            guard let regel = catalogus[code] else { uit.append("onbekende regel '\(code)'"); continue }
            for (naam, w) in regels[code]!.waarden.sorted(by: { $0.key < $1.key }) {
                guard let p = regel.parameters.first(where: { $0.naam == naam }) else {
                    uit.append("\(code): onbekende parameter '\(naam)'"); continue
                }
                if !w.past(bij: p.soort) { uit.append("\(code): \(naam) moet een \(p.soort.omschrijving) zijn (niet negatief)") }
            }
        }
        return uit
    }
}

/// The values one rule runs with, read by name. Asking for a name the rule did not declare is a programming error.
public struct Regelwaarden: Sendable {
    public init(regel: any Signaalregel, instellingen: Signaalinstellingen) { self.regel = regel; self.instellingen = instellingen }
    let regel: any Signaalregel
    let instellingen: Signaalinstellingen

    public func getal(_ naam: String) -> Int64 {
        if case .getal(let n)? = instellingen.waarde(regel, naam) { return n }
        preconditionFailure("\(regel.code): parameter \(naam) is geen getal")
    }
    public func dagen(_ naam: String) -> Int { Int(getal(naam)) }
    public func euro(_ naam: String) -> Euro {
        if case .euro(let e)? = instellingen.waarde(regel, naam) { return e }
        preconditionFailure("\(regel.code): parameter \(naam) is geen bedrag")
    }
    public func janee(_ naam: String) -> Bool {
        if case .janee(let b)? = instellingen.waarde(regel, naam) { return b }
        preconditionFailure("\(regel.code): parameter \(naam) is geen ja/nee")
    }
    public func tabel(_ naam: String) -> [String: Int64] {
        if case .tabel(let t)? = instellingen.waarde(regel, naam) { return t }
        preconditionFailure("\(regel.code): parameter \(naam) is geen tabel")
    }
}
