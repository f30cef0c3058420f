extension Driehoek {
    /// Reads a cumulative triangle from CSV text as the CLI accepts it:
    /// a header row (first column the origin, then one column per development period), one row per origin with
    /// the origin label first, empty cells for the future. Delimiter `,` or `;` (taken from the header);
    /// decimal `.`, or `,` when the delimiter is `;`; no thousands separators. UTF-8 BOM, CRLF, blank lines,
    /// trailing empty columns and double-quoted fields are accepted. Errors name file, line and column.
    public static func parseCSV(_ tekst: String, bestand: String) throws(DriehoekFout) -> Driehoek {
        func fout(_ regel: Int?, _ kolom: Int?, _ reden: String) -> DriehoekFout {
            DriehoekFout(bestand: bestand, regel: regel, kolom: kolom, reden: reden)
        }
        var inhoud = Substring(tekst)
        if inhoud.first == "\u{FEFF}" { inhoud = inhoud.dropFirst() }
        let regels = inhoud.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)

        guard let kopIndex = regels.firstIndex(where: { !driehoekBijgesneden($0).isEmpty }) else {
            throw fout(nil, nil, "leeg bestand: geen kopregel")
        }
        let kopRegel = kopIndex + 1
        let scheiding: Character = regels[kopIndex].contains(";") ? ";" : ","
        guard var kop = driehoekVelden(regels[kopIndex], scheiding: scheiding) else {
            throw fout(kopRegel, nil, "aanhalingsteken niet afgesloten")
        }
        while kop.count > 1, kop.last?.isEmpty == true { kop.removeLast() }  // trailing delimiters from spreadsheets
        guard kop.count >= 3 else {
            throw fout(kopRegel, nil, "te weinig kolommen in de kopregel: \(kop.count), nodig zijn herkomst en minimaal 2 ontwikkelperioden")
        }
        let perioden = Array(kop.dropFirst())

        var herkomsten: [String] = []
        var cellen: [[Double?]] = []
        var regelVanRij: [Int] = []
        for index in regels.indices where index > kopIndex {
            let regel = index + 1
            guard let velden = driehoekVelden(regels[index], scheiding: scheiding) else {
                throw fout(regel, nil, "aanhalingsteken niet afgesloten")
            }
            if velden.allSatisfy(\.isEmpty) { continue }
            if let teVeel = velden.indices.dropFirst(kop.count).first(where: { !velden[$0].isEmpty }) {
                throw fout(regel, teVeel + 1, "meer kolommen dan de kopregel (\(kop.count))")
            }
            var rij: [Double?] = []
            for k in perioden.indices {
                let veld = k + 1 < velden.count ? velden[k + 1] : ""
                if veld.isEmpty { rij.append(nil); continue }
                guard let getal = driehoekGetal(veld, decimaalKomma: scheiding == ";") else {
                    throw fout(regel, k + 2, "geen getal: '\(veld)'")
                }
                rij.append(getal)
            }
            herkomsten.append(velden[0])
            cellen.append(rij)
            regelVanRij.append(regel)
        }

        if let (rij, kolom, reden) = controleer(herkomsten: herkomsten, ontwikkelperioden: perioden, cellen: cellen) {
            // Periods are CSV columns 2..., the origin label is column 1.
            switch (rij, kolom) {
            case let (rij?, kolom?): throw fout(regelVanRij[rij], kolom + 2, reden)
            case let (rij?, nil): throw fout(regelVanRij[rij], 1, reden)
            case let (nil, kolom?): throw fout(kopRegel, kolom + 2, reden)
            case (nil, nil): throw fout(nil, nil, reden)
            }
        }
        return Driehoek(ongecontroleerd: herkomsten, perioden, cellen)
    }
}

/// Splits one CSV line into trimmed fields; double quotes enclose a field and `""` is a quote inside it.
/// Returns nil for an unterminated quote.
private func driehoekVelden(_ regel: Substring, scheiding: Character) -> [String]? {
    var velden: [String] = []
    var huidig = ""
    var inAanhaling = false
    var i = regel.startIndex
    while i < regel.endIndex {
        let teken = regel[i]
        if inAanhaling {
            let volgende = regel.index(after: i)
            if teken != "\"" {
                huidig.append(teken)
            } else if volgende < regel.endIndex, regel[volgende] == "\"" {
                huidig.append("\"")
                i = volgende
            } else {
                inAanhaling = false
            }
        } else if teken == "\"", driehoekBijgesneden(Substring(huidig)).isEmpty {
            huidig = ""
            inAanhaling = true
        } else if teken == scheiding {
            velden.append(driehoekBijgesneden(Substring(huidig)))
            huidig = ""
        } else {
            huidig.append(teken)
        }
        i = regel.index(after: i)
    }
    guard !inAanhaling else { return nil }
    velden.append(driehoekBijgesneden(Substring(huidig)))
    return velden
}

private func driehoekBijgesneden(_ tekst: Substring) -> String {
    var s = tekst
    while let eerste = s.first, eerste == " " || eerste == "\t" { s = s.dropFirst() }
    while let laatste = s.last, laatste == " " || laatste == "\t" { s = s.dropLast() }
    return String(s)
}

/// A plain decimal number: optional sign, digits, at most one decimal separator; no exponent, no thousands.
private func driehoekGetal(_ veld: String, decimaalKomma: Bool) -> Double? {
    var cijfers = 0
    var scheidingen = 0
    for (n, teken) in veld.enumerated() {
        switch teken {
        case "0"..."9": cijfers += 1
        case "-", "+": if n != 0 { return nil }
        case ".": scheidingen += 1
        case "," where decimaalKomma: scheidingen += 1
        default: return nil
        }
    }
    guard cijfers > 0, scheidingen <= 1 else { return nil }
    let tekst = veld.hasPrefix("+") ? String(veld.dropFirst()) : veld
    guard let getal = Double(decimaalKomma ? String(tekst.map { $0 == "," ? "." : $0 }) : tekst), getal.isFinite else {
        return nil
    }
    return getal
}
