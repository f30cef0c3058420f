import RegioCore

extension Tabel {
    /// The table as Dutch Excel opens it with a double click: a byte order mark (so "Essentiële" stays), `;` between
    /// fields, a decimal comma without thousands separators (2490668,56, never 249.066.856), shares as percentages
    /// (73,4) under a header that says %, days as DD-MM-JJJJ, and the headers people read. Texts that a spreadsheet would
    /// take for a formula get a leading apostrophe, as in `csv()`.
    public func csvNL() -> String { Tabel.samen(csvNL) }

    /// The same in pieces of about a megabyte, for a caller that writes them away.
    public func csvNL(_ schrijf: (String) -> Void) {
        func veld(_ s: String) -> String { Tabel.csvVeld(s, scheiding: ";") }
        let alle = rijen + voet
        let procentkolom = kolommen.indices.map { k in alle.contains { k < $0.count && $0[k].soort == .procent } }
        let kop = kolommen.enumerated().map { k, kolom in
            veld(procentkolom[k] && !kolom.kop.contains("%") ? kolom.kop + " (%)" : kolom.kop)
        }.joined(separator: ";")
        // the header's line break is "\r\n" too: `inStukken` adds "\n" after the "\r"
        Tabel.inStukken("\u{FEFF}" + kop + "\r", rijen, voet, schrijf) { r in
            r.enumerated().map { k, c in veld(Tabel.nlWaarde(c, procent: procentkolom[k])) }.joined(separator: ";") + "\r\n"
        }
    }

    /// One cell in the Dutch dialect.
    static func nlWaarde(_ c: Cel, procent: Bool) -> String {
        switch c.soort {
        case .tekst: return Tabel.zonderFormuleNL(c.tekst)
        case .datum: return c.tekst
        case .procent:
            // the fraction as a percentage, with two fewer decimals than it had (0.7340 -> 73,40), never rounded away
            guard let x = Double(c.machine), x.isFinite else { return c.tekst }
            let decimalen = max(c.machine.split(separator: ".").dropFirst().first?.count ?? 0, 2) - 2
            return Tabel.decimaal(x * 100, decimalen).replacing(".", with: ",")
        case .euro, .geheel, .getal:
            guard !c.machine.isEmpty, c.machine.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return c.tekst }
            return c.machine.replacing(".", with: ",")
        }
    }

    /// As `zonderFormule`, for texts people read.
    static func zonderFormuleNL(_ s: String) -> String {
        guard let eerste = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(eerste), s != "-" else { return s }
        return "'" + s
    }
}
