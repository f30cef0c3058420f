import RegioCore

/// Reads typed fields of one CSV record and collects every problem with its column, instead of stopping at the first.
struct Rijlezer {
    let bestand: String
    let record: CSVRecord
    let index: [String: Int]
    var fouten: [ImportFout] = []
    /// Findings that do not refuse the row (it is imported): shown with the report.
    var waarschuwingen: [ImportFout] = []

    init(bestand: String, record: CSVRecord, index: [String: Int]) {
        self.bestand = bestand; self.record = record; self.index = index
    }

    /// Records a problem; a quoted value that could be a BSN is left out (reports are printed and logged).
    mutating func fout(_ kolom: String?, _ reden: String) {
        fouten.append(.rij(bestand: bestand, regel: record.regel, kolom: kolom, reden: BSN.verberg(in: reden)))
    }

    /// Names and descriptions hold at most this many characters (any field at most `CSVLezer.maxVeld` bytes).
    static let maxNaam = 200
    static let naamkolommen = ["naam", "segment", "omschrijving", "verwijzer_naam"]

    mutating func controleerLengtes() {
        for k in Rijlezer.naamkolommen {
            if let i = index[k], i < record.velden.count, record.velden[i].count > Rijlezer.maxNaam {
                fout(k, "langer dan \(Rijlezer.maxNaam) tekens: '\(record.velden[i].prefix(20))...'")
            }
        }
    }

    mutating func waarschuwing(_ kolom: String?, _ reden: String) {
        waarschuwingen.append(.rij(bestand: bestand, regel: record.regel, kolom: kolom, reden: reden))
    }

    /// The trimmed text of a column, nil when the column is absent or the cell empty.
    func tekst(_ k: String) -> String? {
        guard let i = index[k], i < record.velden.count else { return nil }
        let s = record.velden[i].trimmingCharacters(in: " \t\u{00A0}")
        return s.isEmpty ? nil : s
    }

    mutating func verplicht(_ k: String) -> String? {
        guard let s = tekst(k) else { fout(k, "verplicht veld is leeg"); return nil }
        return s
    }

    mutating func sleutel(_ k: String, maxLengte: Int = 40) -> String? {
        guard let s = verplicht(k) else { return nil }
        guard s.count <= maxLengte else { fout(k, "langer dan \(maxLengte) tekens: '\(s.prefix(20))...'"); return nil }
        return s
    }

    mutating func dag(_ k: String, verplicht v: Bool) -> Dag? {
        guard let s = v ? verplicht(k) : tekst(k) else { return nil }
        guard let d = Dag.parse(s) else {
            fout(k, Rijlezer.bestaatDatumNiet(s) ? "datum bestaat niet: '\(s)'" : "ongeldige datum '\(s)' (verwacht JJJJ-MM-DD of DD-MM-JJJJ)")
            return nil
        }
        return d
    }

    /// True when the text has a valid date shape but names a day that does not exist (2027-06-31).
    static func bestaatDatumNiet(_ s: String) -> Bool {
        let d = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" })
        guard d.count == 3, d.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return false }
        return (d[0].count == 4 && d[1].count == 2 && d[2].count == 2) || (d[2].count == 4 && d[0].count <= 2 && d[1].count <= 2)
    }

    mutating func euro(_ k: String, verplicht v: Bool, nietNegatief: Bool = true) -> Euro? {
        guard let s = v ? verplicht(k) : tekst(k) else { return nil }
        guard let e = Euro.parse(s) else {
            // more digits than 64-bit cents hold: far beyond any bound, say so rather than blame the notation
            if let x = Double(s.replacingOccurrencesOfComma()), x.magnitude >= 9e16 {
                fout(k, "'\(s.prefix(30))' is veel te groot voor een bedrag"); return nil
            }
            fout(k, "ongeldig bedrag '\(s)' (hooguit twee decimalen; '1.234' is dubbelzinnig: schrijf 1234 of 1.234,00)")
            return nil
        }
        if nietNegatief && e.centen < 0 { fout(k, "negatief bedrag \(s): gebruik debet_credit C voor een creditering"); return nil }
        return e
    }

    mutating func geheel(_ k: String, verplicht v: Bool, bereik: ClosedRange<Int64>? = nil) -> Int64? {
        guard let s = v ? verplicht(k) : tekst(k) else { return nil }
        let zonderPunten = s.replacingDotsInThousands()
        guard let n = Int64(zonderPunten) else {
            if let e = Euro.parse(s), e.centen % 100 != 0 { fout(k, "geen geheel getal: '\(s)'") }
            else if s.hasPrefix("-") { fout(k, "negatief: '\(s)'") }
            else { fout(k, "geen geheel getal: '\(s)'") }
            return nil
        }
        if n < 0 { fout(k, "negatief: '\(s)'"); return nil }
        if let bereik, !bereik.contains(n) { fout(k, "\(n) valt buiten \(bereik.lowerBound)...\(bereik.upperBound)"); return nil }
        return n
    }

    mutating func jaar(_ k: String, verplicht v: Bool) -> Int? {
        geheel(k, verplicht: v, bereik: 2000...2100).map(Int.init)
    }

    mutating func decimaal(_ k: String) -> Double? {
        guard let s = tekst(k) else { return nil }
        guard let d = Double(s.replacingOccurrencesOfComma()), d.isFinite else { fout(k, "geen getal: '\(s)'"); return nil }
        return d
    }

    mutating func gemeente(_ k: String = "gemeentecode") -> String? {
        guard let s = verplicht(k) else { return nil }
        guard let c = Codelijst.gemeentecode(s) else { fout(k, "ongeldige gemeentecode '\(s)' (verwacht 4 cijfers, bijv. 0307 of GM0307)"); return nil }
        return c
    }

    mutating func agb(_ k: String = "agb") -> String? {
        guard let s = verplicht(k) else { return nil }
        guard Codelijst.isCijfers(s, lengte: 8) else { fout(k, "ongeldige AGB-code '\(s)' (verwacht 8 cijfers)"); return nil }
        return s
    }

    mutating func categorie(_ k: String = "productcategorie") -> String? {
        guard let s = verplicht(k) else { return nil }
        let c = s.count == 1 ? "0" + s : s
        guard Codelijst.productcategorie[c] != nil else { fout(k, "onbekende productcategorie '\(s)' (JZ020)"); return nil }
        return c
    }

    mutating func productcode(_ k: String = "productcode", verplicht v: Bool) -> String? {
        guard let s = v ? verplicht(k) : tekst(k) else { return nil }
        guard s.count == 5, s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            fout(k, "ongeldige productcode '\(s)' (verwacht 5 tekens, bijv. 45A07)"); return nil
        }
        return s.uppercased()
    }

    mutating func eenheid(_ k: String = "eenheid") -> String? {
        guard let s = tekst(k) else { return nil }
        guard Codelijst.eenheid[s] != nil else { fout(k, "onbekende eenheid '\(s)' (WJ756: \(Codelijst.eenheid.keys.sorted().joined(separator: ", ")))"); return nil }
        return s
    }

    mutating func frequentie(_ k: String = "frequentie") -> Frequentie? {
        guard let s = tekst(k) else { return nil }
        guard let f = Frequentie(rawValue: s) else { fout(k, "onbekende frequentie '\(s)' (WMO757: 1, 2, 4 of 6)"); return nil }
        return f
    }

    mutating func verwijzer(_ k: String = "verwijzer_type") -> Verwijzer? {
        guard let s = tekst(k) else { return nil }
        let c = s.count == 1 ? "0" + s : s
        guard let v = Verwijzer(rawValue: c) else { fout(k, "onbekend verwijzertype '\(s)' (COD327: 01-06, 08)"); return nil }
        return v
    }

    mutating func janee(_ k: String) -> Bool? {
        guard let s = verplicht(k) else { return nil }
        switch s.lowercased() {
        case "ja", "j", "1", "true": return true
        case "nee", "n", "0", "false": return false
        default: fout(k, "verwacht ja of nee, niet '\(s)'"); return nil
        }
    }

    /// The client: a pseudonym of the BSN (after the 11-check) or the given client number.
    mutating func client(_ p: Pseudonimiseerder, _ cache: Pseudoniemcache) -> ClientID? {
        if let bsn = tekst("bsn") {
            if let c = cache.pseudoniemen[bsn] { return c }
            guard BSN.isGeldig(bsn) else { fout("bsn", "BSN voldoet niet aan de elfproef"); return nil }
            let c = p.pseudoniem(bsn: bsn)
            cache.pseudoniemen[bsn] = c
            return c
        }
        if let c = tekst("clientnummer") {
            guard c.count <= 40 else { fout("clientnummer", "langer dan 40 tekens"); return nil }
            return c
        }
        fout(index["bsn"] != nil ? "bsn" : "clientnummer", "verplicht veld is leeg (clientnummer of bsn)")
        return nil
    }
}

extension String {
    func replacingOccurrencesOfComma() -> String { String(map { $0 == "," ? "." : $0 }) }
    /// "1.234" -> "1234" when the dots group thousands; otherwise unchanged.
    func replacingDotsInThousands() -> String {
        let delen = split(separator: ".", omittingEmptySubsequences: false)
        guard delen.count > 1, (1...3).contains(delen[0].count), delen.dropFirst().allSatisfy({ $0.count == 3 }) else { return self }
        return delen.joined()
    }
}
