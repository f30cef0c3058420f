/// How the pooled lots' costs are shared; the formulas are in docs/verevening.md. Every scenario pays out exactly
/// the sum of the municipalities' own costs.
public enum VereveningScenario: Hashable, Sendable, CustomStringConvertible {
    /// P = s x T: everyone pays its key share of the total (today's rule).
    case solidariteit
    /// P = A: everyone pays its own cost.
    case profijt
    /// P = s x T + R x (A - s x T).
    case eigenRisico(VereveningBreuk)
    /// Per client, `fractie` (Q) of the year's cost above `grens` (H) is pooled by key; the rest is own cost.
    case drempel(grens: Euro, fractie: VereveningBreuk)
    /// Own risk in euros per municipality: of its own cost above `grens` (E) in the year, `fractie` (Q) is pooled by
    /// key; up to E, and the rest above it, it bears itself.
    case plafond(grens: Euro, fractie: VereveningBreuk)
    /// Own deviation from s x T borne up to `breedte` (B) x s x T; `verevend` (C) of the excess is pooled by key.
    case bandbreedte(breedte: VereveningBreuk, verevend: VereveningBreuk)
    /// Own risk `overschrijding` (RPLUS) on cost above s x T and `onderschrijding` (RMIN) below; residue by key.
    case bonusMalus(overschrijding: VereveningBreuk, onderschrijding: VereveningBreuk)

    /// Reads the `--scenario` forms: solidariteit, profijt, eigen-risico:R, drempel:H[:Q], plafond:E[:Q], bandbreedte:B:C,
    /// bonus-malus:RPLUS:RMIN; fractions as 0.25, 0,25, 25% or 1/4, H in euros.
    public static func parse(_ tekst: String) throws(VereveningFout) -> VereveningScenario {
        let delen = tekst.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let naam = delen[0].lowercased()
        let parameters = Array(delen.dropFirst())
        func aantal(_ namen: [String], optioneel: Int = 0) throws(VereveningFout) {
            guard (namen.count - optioneel...namen.count).contains(parameters.count) else {
                let vorm = ([naam] + namen).joined(separator: ":")
                throw .ongeldigeParameter(scenario: naam, parameter: namen.joined(separator: ", "), waarde: tekst,
                                          reden: "verwacht \(vorm)")
            }
        }
        func breuk(_ i: Int, _ p: String) throws(VereveningFout) -> VereveningBreuk {
            guard let b = VereveningBreuk.parse(parameters[i]) else {
                throw .ongeldigeParameter(scenario: naam, parameter: p, waarde: parameters[i],
                                          reden: "geen getal of breuk (schrijf 0.25, 0,25, 25% of 1/4)")
            }
            return b
        }
        let scenario: VereveningScenario
        switch naam {
        case "solidariteit": try aantal([]); scenario = .solidariteit
        case "profijt": try aantal([]); scenario = .profijt
        case "eigen-risico": try aantal(["R"]); scenario = .eigenRisico(try breuk(0, "R"))
        case "drempel", "plafond":
            // a euro amount per client (H) or per municipality (E), and the part above it that is pooled
            try aantal([naam == "drempel" ? "H" : "E", "Q"], optioneel: 1)
            guard let grens = Euro.parse(parameters[0]) else {
                throw .ongeldigeParameter(scenario: naam, parameter: naam == "drempel" ? "H" : "E", waarde: parameters[0],
                                          reden: "geen bedrag in euro's (schrijf bijvoorbeeld 100000 of 100000,50)")
            }
            let fractie = parameters.count > 1 ? try breuk(1, "Q") : .een
            scenario = naam == "drempel" ? .drempel(grens: grens, fractie: fractie) : .plafond(grens: grens, fractie: fractie)
        case "bandbreedte":
            try aantal(["B", "C"]); scenario = .bandbreedte(breedte: try breuk(0, "B"), verevend: try breuk(1, "C"))
        case "bonus-malus":
            try aantal(["RPLUS", "RMIN"])
            scenario = .bonusMalus(overschrijding: try breuk(0, "RPLUS"), onderschrijding: try breuk(1, "RMIN"))
        default: throw .onbekendScenario(tekst)
        }
        do { try scenario.controleer() } catch {
            // report the value as the user wrote it ("150%", not "1.5")
            guard case .ongeldigeParameter(let s, let p, _, let reden) = error,
                  let i = ["R", "H", "Q", "B", "C", "RPLUS", "RMIN", "E"].firstIndex(of: p) else { throw error }
            let positie = [0, 0, 1, 0, 1, 0, 1, 0][i]
            throw .ongeldigeParameter(scenario: s, parameter: p, waarde: parameters[positie], reden: reden)
        }
        return scenario
    }

    /// Throws when a parameter is out of range: fractions R, Q, C, RPLUS, RMIN at most 1, H not negative.
    public func controleer() throws(VereveningFout) {
        func hoogstEen(_ b: VereveningBreuk, _ p: String) throws(VereveningFout) {
            guard b <= .een else {
                throw .ongeldigeParameter(scenario: soort, parameter: p, waarde: b.description,
                                          reden: "moet tussen 0 en 1 liggen (0% tot 100%)")
            }
        }
        switch self {
        case .solidariteit, .profijt: break
        case .eigenRisico(let r): try hoogstEen(r, "R")
        case .drempel(let h, let q), .plafond(let h, let q):
            guard h >= .nul else {
                throw .ongeldigeParameter(scenario: soort, parameter: soort == "drempel" ? "H" : "E", waarde: h.machineTekst,
                                          reden: "mag niet negatief zijn")
            }
            try hoogstEen(q, "Q")
        case .bandbreedte(_, let c): try hoogstEen(c, "C")  // B may exceed 1: a band wider than the key share
        case .bonusMalus(let plus, let min): try hoogstEen(plus, "RPLUS"); try hoogstEen(min, "RMIN")
        }
    }

    /// The scenario's kind as written on the command line, without parameters.
    public var soort: String {
        switch self {
        case .solidariteit: "solidariteit"
        case .profijt: "profijt"
        case .eigenRisico: "eigen-risico"
        case .drempel: "drempel"
        case .plafond: "plafond"
        case .bandbreedte: "bandbreedte"
        case .bonusMalus: "bonus-malus"
        }
    }

    /// The canonical command-line form for display and csv, e.g. "eigen-risico:0.25"; `parse(naam)` gives it back.
    public var naam: String {
        switch self {
        case .solidariteit, .profijt: soort
        case .eigenRisico(let r): "\(soort):\(r)"
        case .drempel(let h, let q), .plafond(let h, let q):
            "\(soort):" + (h.centen % 100 == 0 ? String(h.centen / 100) : h.machineTekst) + (q == .een ? "" : ":\(q)")
        case .bandbreedte(let b, let c): "\(soort):\(b):\(c)"
        case .bonusMalus(let plus, let min): "\(soort):\(plus):\(min)"
        }
    }

    public var description: String { naam }

    /// A short Dutch label for column headings and legends ("eigen risico 25%", "drempel € 100.000").
    public var label: String {
        switch self {
        case .solidariteit: "solidariteit"
        case .profijt: "profijt"
        case .eigenRisico(let r): "eigen risico \(r.procentTekst)"
        case .drempel(let h, let q): "drempel \(h.heleEuros)" + (q == .een ? "" : " (\(q.procentTekst))")
        case .plafond(let e, let q): "plafond \(e.heleEuros)" + (q == .een ? "" : " (\(q.procentTekst))")
        case .bandbreedte(let b, let c): "bandbreedte \(b.procentTekst)" + (c == .een ? "" : " (\(c.procentTekst))")
        case .bonusMalus(let plus, let min): "bonus-malus \(plus.procentTekst)/\(min.procentTekst)"
        }
    }

    /// A Dutch sentence for reports.
    public var omschrijving: String {
        switch self {
        case .solidariteit: "volledige solidariteit: iedere gemeente betaalt haar sleutelaandeel van het totaal"
        case .profijt: "profijt: iedere gemeente betaalt haar eigen kosten"
        case .eigenRisico(let r): "eigen risico \(r.procentTekst) op de afwijking van het sleutelaandeel"
        case .drempel(let h, let q):
            "\(q.procentTekst) van de kosten per cliënt boven \(h) per jaar verevend naar sleutel"
        case .plafond(let e, let q):
            "eigen risico tot \(e) per gemeente per jaar; \(q.procentTekst) van de kosten daarboven verevend naar sleutel"
        case .bandbreedte(let b, let c):
            "bandbreedte \(b.procentTekst) van het sleutelaandeel eigen; \(c.procentTekst) van het meerdere verevend"
        case .bonusMalus(let plus, let min):
            "bonus-malus: eigen risico \(plus.procentTekst) op overschrijding, \(min.procentTekst) op onderschrijding"
        }
    }
}
