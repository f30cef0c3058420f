/// A rejected business-case file with its place: `bestand:regel: kolom: reden`, in Dutch for the user.
public struct BusinessCaseFout: Error, Sendable, Hashable, CustomStringConvertible {
    public let bestand: String
    /// 1-based physical line.
    public let regel: Int
    /// The column name from the header, nil for a whole line.
    public let kolom: String?
    public let reden: String

    public init(bestand: String, regel: Int, kolom: String?, reden: String) {
        self.bestand = bestand; self.regel = regel; self.kolom = kolom; self.reden = reden
    }

    public var description: String {
        kolom.map { "\(bestand):\(regel): \($0): \(reden)" } ?? "\(bestand):\(regel): \(reden)"
    }
}

extension BusinessCase {
    /// The columns of Tests/Fixtures/reference/bsa-businesscase.csv; the first three are required, the others may be absent
    /// or empty (one-off items then count as 0, printed figures and clients as not given).
    public static let kolommen = ["jaar", "zorglevering_eur", "budget_eur", "eenmalige_investeringen_eur",
                                  "extra_financiering_urgente_casuistiek_eur", "verschil_subtotaal_eur",
                                  "verschil_totaal_eur", "unieke_clienten", "prijs_per_client_eur"]
    private static let verplicht = Set(kolommen.prefix(3))

    /// Reads a business case in the format of bsa-businesscase.csv: a header with the names of `kolommen` in any order,
    /// then one line per year. ',' or ';' separated (sniffed from the header), optional double quotes, LF or CRLF,
    /// blank lines skipped. Amounts as `Euro.parse` reads them; an amount is never rounded or guessed.
    public static func lees(csv tekst: String, bestand: String) throws(BusinessCaseFout) -> [Jaar] {
        var regels = tekst.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if let eerste = regels.first, eerste.hasPrefix("\u{FEFF}") { regels[0] = String(eerste.dropFirst()) }
        let genummerd = regels.enumerated().map { (nummer: $0.offset + 1, tekst: $0.element) }
            .filter { !$0.tekst.trimmingSpaces.isEmpty }
        func fout(_ regel: Int, _ kolom: String?, _ reden: String) -> BusinessCaseFout {
            BusinessCaseFout(bestand: bestand, regel: regel, kolom: kolom, reden: reden)
        }
        guard let kop = genummerd.first else { throw fout(1, nil, "het bestand is leeg; de kopregel ontbreekt") }
        let scheiding: Character = kop.tekst.filter { $0 == ";" }.count > kop.tekst.filter { $0 == "," }.count ? ";" : ","
        guard let namen = velden(kop.tekst, scheiding) else { throw fout(kop.nummer, nil, "aanhalingsteken niet afgesloten") }

        var positie: [String: Int] = [:]
        for (i, ruw) in namen.enumerated() {
            let naam = ruw.lowercased()
            guard kolommen.contains(naam) else {
                throw fout(kop.nummer, ruw, "onbekende kolom; verwacht zijn: " + kolommen.joined(separator: ", "))
            }
            guard positie[naam] == nil else { throw fout(kop.nummer, naam, "kolom staat twee keer in de kopregel") }
            positie[naam] = i
        }
        for naam in kolommen where verplicht.contains(naam) && positie[naam] == nil {
            throw fout(kop.nummer, naam, "verplichte kolom ontbreekt in de kopregel")
        }

        var jaren: [Jaar] = []
        var regelVanJaar: [Int: Int] = [:]
        for r in genummerd.dropFirst() {
            guard let v = velden(r.tekst, scheiding) else { throw fout(r.nummer, nil, "aanhalingsteken niet afgesloten") }
            guard v.count == namen.count else {
                throw fout(r.nummer, nil, "\(v.count) velden, maar de kopregel heeft er \(namen.count)")
            }
            func cel(_ naam: String) -> String? {
                guard let i = positie[naam], !v[i].isEmpty else { return nil }
                return v[i]
            }
            func verplichtVeld(_ naam: String) throws(BusinessCaseFout) -> String {
                guard let t = cel(naam) else { throw fout(r.nummer, naam, "waarde ontbreekt") }
                return t
            }
            func bedrag(_ naam: String, magNegatief: Bool) throws(BusinessCaseFout) -> Euro? {
                guard let t = cel(naam) else { return nil }
                guard let e = Euro.parse(t) else {
                    throw fout(r.nummer, naam, "geen (eenduidig) bedrag: '\(t)'; schrijf bijvoorbeeld 30670000 of 30670000,00")
                }
                guard magNegatief || e >= .nul else { throw fout(r.nummer, naam, "bedrag mag niet negatief zijn: '\(t)'") }
                return e
            }

            let jaartekst = try verplichtVeld("jaar")
            guard jaartekst.count == 4, jaartekst.allSatisfy({ $0.isASCII && $0.isNumber }), let jaar = Int(jaartekst) else {
                throw fout(r.nummer, "jaar", "geen jaartal van vier cijfers: '\(jaartekst)'")
            }
            if let eerder = regelVanJaar[jaar] {
                throw fout(r.nummer, "jaar", "jaar \(jaar) staat ook al op regel \(eerder)")
            }
            regelVanJaar[jaar] = r.nummer
            guard let zorg = try bedrag("zorglevering_eur", magNegatief: false) else {
                throw fout(r.nummer, "zorglevering_eur", "waarde ontbreekt")
            }
            guard let budget = try bedrag("budget_eur", magNegatief: false) else {
                throw fout(r.nummer, "budget_eur", "waarde ontbreekt")
            }
            var clienten: Int64? = nil
            if let t = cel("unieke_clienten") {
                guard t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int64(t) else {
                    throw fout(r.nummer, "unieke_clienten", "geen aantal (geheel getal, niet negatief): '\(t)'")
                }
                clienten = n
            }
            jaren.append(Jaar(
                jaar: jaar, zorglevering: zorg, budget: budget,
                eenmaligeInvesteringen: try bedrag("eenmalige_investeringen_eur", magNegatief: false) ?? .nul,
                extraFinanciering: try bedrag("extra_financiering_urgente_casuistiek_eur", magNegatief: false) ?? .nul,
                uniekeClienten: clienten,
                gedruktVerschilSubtotaal: try bedrag("verschil_subtotaal_eur", magNegatief: true),
                gedruktVerschilTotaal: try bedrag("verschil_totaal_eur", magNegatief: true),
                gedruktePrijsPerClient: try bedrag("prijs_per_client_eur", magNegatief: false)))
        }
        guard !jaren.isEmpty else { throw fout(kop.nummer, nil, "het bestand bevat geen jaren, alleen een kopregel") }
        return jaren
    }

    /// The fields of one line, trimmed; quoted fields may hold the separator and "" for a quote. nil: open quote.
    private static func velden(_ regel: String, _ scheiding: Character) -> [String]? {
        var uit: [String] = []
        var veld = ""
        var tussenQuotes = false
        var vorigeWasQuote = false
        for c in regel {
            if tussenQuotes {
                if c == "\"" { tussenQuotes = false; vorigeWasQuote = true } else { veld.append(c) }
                continue
            }
            if c == "\"" {
                if vorigeWasQuote { veld.append("\"") }  // "" inside a quoted field
                tussenQuotes = true
            } else if c == scheiding {
                uit.append(veld.trimmingSpaces)
                veld = ""
            } else {
                veld.append(c)
            }
            vorigeWasQuote = false
        }
        guard !tussenQuotes else { return nil }
        uit.append(veld.trimmingSpaces)
        return uit
    }
}
