import RegioCore

/// The part of XML Schema the iJw 3.2 XSDs use: sequences of elements with occurrence bounds, and simple types
/// restricted by length, pattern, code list and inclusive bounds. The tables themselves are generated from the XSDs
/// (IJWSchema+Berichten.swift, scripts/ijw-schema.py).
enum IJWSchema {
    static let basisNamespace = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"

    /// Code lists behind the enumerated types, so a user sees the list's iJw name (codelijsten/*).
    static let codelijst: [String: String] = [
        "LDT_ProductCategorie": "JZ020", "LDT_Eenheid": "WJ756", "LDT_Frequentie": "WMO757", "LDT_RedenWijziging": "JZ002",
        "LDT_StatusAanlevering": "COD467", "LDT_DebetCredit": "COD043", "LDT_TypeVerwijzer": "COD327",
        "LDT_RedenBeeindiging": "JZ588", "LDT_Geslacht": "COD046", "LDT_RetourCode": "WJ001", "LDT_JaNee": "COD260",
        "LDT_JuridischeStatus": "WJ232", "LDT_WettelijkeVertegenwoordiging": "WJ003", "LDT_SoortRelatie": "COD472",
        "LDT_NaamGebruik": "COD700", "LDT_Communicatievorm": "COD747", "LDT_AdresSoort": "COD757",
        "LDT_AanduidingWoonadres": "NUM061", "LDT_DatumGebruik": "COD170", "LDT_LandCode": "COD032",
        "LDT_RedenVerzoek": "WJ758", "LDT_RedenAfwijzingVerzoek": "WJ759", "LDT_VerzoekAntwoord": "WJ760",
    ]

    /// Personal data: an error about these never repeats the value (a BSN or a name must not end up in a log).
    static let persoonsgegevens: Set<String> = [
        "LDT_BurgerServicenummer", "LDT_Naam", "LDT_Voorletters", "LDT_Voorvoegsel", "LDT_Straatnaam", "LDT_Postcode",
        "LDT_Telefoonnummer", "LDT_Landnummer", "LDT_Emailadres", "LDT_Plaatsnaam", "LDT_Commentaar", "LDT_Huisnummer",
        "LDT_Huisletter", "LDT_HuisnummerToevoeging", "LDT_Taal", "LDT_Persoonsid", "LDT_NaamVerwijzer",
        "LDT_Organisatienaam",
    ]

    /// Amounts in eurocents: a decimal point is the most likely mistake, so it gets its own message.
    static let bedragen: Set<String> = ["LDT_Bedrag", "LDT_TotaalBedrag", "LDT_Budget"]
}

/// How a text must look, for the handful of patterns the XSDs use (an XSD pattern matches the whole value).
enum Patroon: Sendable {
    /// Exactly this text (BerichtCode 436, BerichtVersie 3).
    case exact(String)
    /// `[0-9]{n}`
    case cijfers(Int)
    /// `[0-9]*`
    case alleenCijfers
    /// `.*[^\s].*`: one line with at least one visible character.
    case eenRegelNietLeeg
    /// `([.\s]*\S+[.\s]*)+`: at least one visible character, line breaks allowed.
    case nietLeeg
    /// `([a-zA-Z0-9])+`
    case alfanumeriek
    /// `([a-zA-ZÀ-ỳ])+`
    case letters
    /// `(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)`
    case versie
    /// `[^...]*`: none of these characters (dates and times without a time zone).
    case zonder(String)

    func past(_ s: String) -> Bool {
        switch self {
        case .exact(let t): return s == t
        case .cijfers(let n): return s.unicodeScalars.count == n && s.unicodeScalars.allSatisfy(Patroon.isCijfer)
        case .alleenCijfers: return s.unicodeScalars.allSatisfy(Patroon.isCijfer)
        case .eenRegelNietLeeg:
            return !s.unicodeScalars.contains { $0 == "\n" || $0 == "\r" } && s.unicodeScalars.contains { !Patroon.isWit($0) }
        case .nietLeeg: return s.unicodeScalars.contains { !Patroon.isWit($0) }
        case .alfanumeriek:
            return !s.isEmpty && s.unicodeScalars.allSatisfy { Patroon.isCijfer($0) || Patroon.isAsciiLetter($0) }
        case .letters:
            return !s.isEmpty && s.unicodeScalars.allSatisfy { Patroon.isAsciiLetter($0) || ($0.value >= 0xC0 && $0.value <= 0x1EF3) }
        case .versie:
            let delen = s.split(separator: ".", omittingEmptySubsequences: false)
            return delen.count == 3 && delen.allSatisfy { d in
                !d.isEmpty && d.unicodeScalars.allSatisfy(Patroon.isCijfer) && (d == "0" || d.first != "0")
            }
        case .zonder(let tekens): return !s.contains { tekens.contains($0) }
        }
    }

    var uitleg: String {
        switch self {
        case .exact(let t): "precies '\(t)'"
        case .cijfers(let n): "\(n) cijfers"
        case .alleenCijfers: "alleen cijfers"
        case .eenRegelNietLeeg, .nietLeeg: "niet leeg"
        case .alfanumeriek: "alleen letters en cijfers"
        case .letters: "alleen letters"
        case .versie: "een versie als 1.0.0"
        case .zonder(let t): "zonder tijdzone (geen \(t.map { "'\($0)'" }.joined(separator: ", ")))"
        }
    }

    static func isCijfer(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    static func isAsciiLetter(_ c: Unicode.Scalar) -> Bool { (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) }
    static func isWit(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
}

/// A simple type: a base type with facets.
struct Simpeltype: Sendable {
    enum Basis: Sendable { case tekst, geheel, datum, tijd }
    let naam: String
    let basis: Basis
    var minLengte: Int? = nil
    var maxLengte: Int? = nil
    var minimum: Int64? = nil
    var maximum: Int64? = nil
    var patronen: [Patroon] = []
    var codes: Set<String> = []

    /// The value as the schema sees it: xs:string keeps its whitespace, the other base types collapse it.
    func waarde(_ ruw: String) -> String {
        basis == .tekst ? ruw : ruw.trimmingCharacters(in: " \t\n\r")
    }

    /// nil when the value is valid, else the reason in Dutch; personal data (and `verberg`) is never repeated.
    func controleer(_ ruw: String, verberg: Bool = false) -> String? {
        let s = waarde(ruw)
        let toon = verberg || IJWSchema.persoonsgegevens.contains(naam) ? "" : " '\(s.prefix(40))'"
        switch basis {
        case .tekst:
            let n = s.unicodeScalars.count
            if let minLengte, n < minLengte { return s.isEmpty ? "leeg, terwijl een waarde verplicht is" : "korter dan \(minLengte) tekens" + toon }
            if let maxLengte, n > maxLengte { return "langer dan \(maxLengte) tekens" + toon }
        case .geheel:
            guard let g = Simpeltype.geheelGetal(s) else {
                if IJWSchema.bedragen.contains(naam), s.contains(where: { $0 == "." || $0 == "," }) {
                    return "bedrag moet een geheel aantal eurocenten zijn, niet" + toon
                }
                return "geen geheel getal:" + toon
            }
            if let minimum, g < minimum { return "kleiner dan \(minimum):" + toon }
            if let maximum, g > maximum { return "groter dan \(maximum):" + toon }
        case .datum:
            switch Simpeltype.datum(s) {
            case .geldig: break
            case .bestaatNiet: return "datum bestaat niet:" + toon
            case .ongeldig: return "ongeldige datum:" + toon + " (verwacht JJJJ-MM-DD)"
            }
        case .tijd:
            guard Simpeltype.isTijd(s) else { return "ongeldige tijd:" + toon + " (verwacht UU:MM:SS)" }
        }
        if !codes.isEmpty && !codes.contains(s) {
            let lijst = IJWSchema.codelijst[naam].map { " (\($0))" } ?? ""
            let voorbeeld = codes.count <= 16 ? ": " + codes.sorted().joined(separator: ", ") : ""
            return "waarde" + toon + " komt niet voor in de codelijst\(lijst)\(voorbeeld)"
        }
        for p in patronen where !p.past(s) {
            return "waarde" + toon + " voldoet niet aan het patroon (\(p.uitleg))"
        }
        return nil
    }

    /// xs:integer: optional sign and digits; nil for anything else or out of Int64 range.
    static func geheelGetal(_ s: String) -> Int64? {
        var t = Substring(s)
        if t.first == "+" { t = t.dropFirst() }
        let cijfers = t.first == "-" ? t.dropFirst() : t
        guard !cijfers.isEmpty, cijfers.unicodeScalars.allSatisfy(Patroon.isCijfer) else { return nil }
        return Int64(t)
    }

    enum Datumuitslag { case geldig(Dag), bestaatNiet, ongeldig }

    /// xs:date without time zone (the iJw pattern forbids one): YYYY-MM-DD naming a day that exists.
    static func datum(_ s: String) -> Datumuitslag {
        let d = s.split(separator: "-", omittingEmptySubsequences: false)
        guard d.count == 3, d[0].count == 4, d[1].count == 2, d[2].count == 2,
              d.allSatisfy({ $0.unicodeScalars.allSatisfy(Patroon.isCijfer) }),
              let j = Int(d[0]), let m = Int(d[1]), let dag = Int(d[2]) else { return .ongeldig }
        guard (1...12).contains(m), (1...31).contains(dag), j >= 1 else { return .ongeldig }
        guard let geldig = Dag(jaar: j, maand: m, dag: dag) else { return .bestaatNiet }
        return .geldig(geldig)
    }

    /// xs:time without time zone: hh:mm:ss with optional fraction.
    static func isTijd(_ s: String) -> Bool {
        let delen = s.split(separator: ":", omittingEmptySubsequences: false)
        guard delen.count == 3, delen[0].count == 2, delen[1].count == 2, delen[2].count >= 2,
              let u = Int(delen[0]), let m = Int(delen[1]) else { return false }
        let sec = delen[2].split(separator: ".", omittingEmptySubsequences: false)
        guard sec[0].count == 2, let s0 = Int(sec[0]), sec.count <= 2,
              sec.count == 1 || (!sec[1].isEmpty && sec[1].unicodeScalars.allSatisfy(Patroon.isCijfer)) else { return false }
        return (u < 24 && m < 60 && s0 < 60) || (u == 24 && m == 0 && s0 == 0)
    }
}

/// A complex type: a sequence of elements, in the namespace of the schema that declares it.
final class Complextype: Sendable {
    let naam: String
    let namespace: String
    let elementen: [Element]
    init(naam: String, namespace: String, elementen: [Element]) {
        self.naam = naam; self.namespace = namespace; self.elementen = elementen
    }
}

/// One element in a sequence.
struct Element: Sendable {
    enum Inhoud: Sendable { case simpel(Simpeltype), complex(Complextype) }
    let naam: String
    let inhoud: Inhoud
    let min: Int
    let max: Int
    init(_ naam: String, _ inhoud: Inhoud, min: Int = 1, max: Int = 1) {
        self.naam = naam; self.inhoud = inhoud; self.min = min; self.max = max
    }
}
