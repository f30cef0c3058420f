/// Why a verevening cannot be computed; `description` is the Dutch message for users.
public enum VereveningFout: Error, Sendable, Equatable, CustomStringConvertible {
    case onbekendScenario(String)
    case ongeldigeParameter(scenario: String, parameter: String, waarde: String, reden: String)
    case onbekendeSleutel(String)
    case geenGemeenten
    case dubbeleGemeente(String)
    case negatiefSleutelgewicht(gemeentecode: String, gewicht: Int64)
    case sleutelIsNul
    /// `drempel` needs every municipality's cost split over its clients.
    case clientkostenKloppenNiet(gemeentecode: String, eigenKosten: Euro, somClientkosten: Euro)
    /// An amount or key weight beyond what 64-bit cents can hold; `wat` names the quantity.
    case bedragTeGroot(String)
    case geenGemeentecijfers(gemeentecode: String, jaar: Int)
    case dubbeleGemeentecijfers(gemeentecode: String, jaar: Int)
    case geenGebruik(jaren: ClosedRange<Int>)
    /// The key `objectief`: the fit over `jaren` is refused, or a municipality lacks the year's criteria.
    case objectiefNietTeSchatten(jaren: ClosedRange<Int>, reden: String)

    public var description: String {
        switch self {
        case .onbekendScenario(let t):
            return "onbekend scenario '\(t)': kies solidariteit, profijt, eigen-risico:R, drempel:H[:Q], plafond:E[:Q], "
                + "bandbreedte:B:C of bonus-malus:RPLUS:RMIN"
        case .ongeldigeParameter(let s, let p, let w, let r):
            return "scenario \(s): parameter \(p) '\(w)' is ongeldig: \(r)"
        case .onbekendeSleutel(let t):
            return "onbekende verdeelsleutel '\(t)': kies macrobudget, jeugdigen, inwoners, gebruik of objectief"
        case .geenGemeenten:
            return "geen gemeenten om te verevenen"
        case .dubbeleGemeente(let g):
            return "gemeente \(g) komt twee keer voor in de verevening"
        case .negatiefSleutelgewicht(let g, let w):
            return "gemeente \(g) heeft een negatief sleutelgewicht (\(w))"
        case .sleutelIsNul:
            return "de verdeelsleutel telt op tot nul: er is niets om naar te verdelen"
        case .clientkostenKloppenNiet(let g, let a, let c):
            return "gemeente \(g): de kosten per cliënt (\(c)) tellen niet op tot de eigen kosten (\(a)); "
                + "het scenario drempel heeft de kosten van elke cliënt nodig (een jaartotaal uit de importsoort kosten en de betalingen van een contract hebben geen cliënten)"
        case .bedragTeGroot(let w):
            return "bedrag te groot om exact te rekenen: \(w)"
        case .geenGemeentecijfers(let g, let j):
            return "geen gemeentecijfers voor gemeente \(g) in \(j)"
        case .dubbeleGemeentecijfers(let g, let j):
            return "gemeentecijfers voor gemeente \(g) in \(j) komen meer dan eens voor"
        case .geenGebruik(let jaren):
            return "sleutel gebruik: geen verevende kosten in \(jaren.lowerBound)-\(jaren.upperBound)"
        case .objectiefNietTeSchatten(let jaren, let reden):
            return "sleutel objectief (geschat op \(jaren.lowerBound)-\(jaren.upperBound)): \(reden)"
        }
    }
}
