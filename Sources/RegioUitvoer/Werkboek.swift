import Foundation
import RegioCore
import ZIPFoundation

/// A spreadsheet workbook (Office Open XML, .xlsx) of one or more tables, for controllers who live in Excel.
///
/// Each table is a sheet with a frozen bold header row and columns as wide as their contents. A cell keeps its kind
/// (`Tabel.Cel.Soort`): amounts are numbers in a euro format with two decimals, shares are fractions in a percent format,
/// days are spreadsheet dates, codes and names are text (so gemeentecode 0307 keeps its zero). A footer cell that is the
/// exact sum of its column becomes a SUM formula whose stored value is that sum; one that is not (unique clients do not
/// add up) stays a number. The first sheet, "Toelichting", says what the figures are: period, peildatum, stand of the
/// data, where the definitions are and, for the council, the suppression rule.
public struct Werkboek: Sendable {
    public struct Blad: Sendable {
        public var naam: String
        public var tabel: Tabel
        /// a line above the table on the explanation sheet ("Per gemeente: ...")
        public var toelichting: String
        public init(_ naam: String, _ tabel: Tabel, toelichting: String = "") {
            self.naam = naam; self.tabel = tabel; self.toelichting = toelichting
        }
    }

    public var titel: String
    /// label and text, in order: shown on the sheet "Toelichting"
    public var toelichting: [(String, String)]
    public var bladen: [Blad]

    public init(titel: String, toelichting: [(String, String)] = [], bladen: [Blad]) {
        self.titel = titel; self.toelichting = toelichting; self.bladen = bladen
    }

    /// Writes the workbook to a file, sheet by sheet: a sheet's XML is produced row by row into the zip stream, never
    /// as one text, so a national table is held once (as the table), not twice.
    public func schrijf(naar pad: String) throws {
        let url = URL(fileURLWithPath: pad)
        if FileManager.default.fileExists(atPath: pad) { try FileManager.default.removeItem(at: url) }
        let archief = try Archive(url: url, accessMode: .create)
        try vul(archief)
    }

    /// The workbook as bytes, for a download.
    public func gegevens() throws -> Data {
        let archief = try Archive(accessMode: .create)
        try vul(archief)
        guard let d = archief.data else { throw CocoaError(.fileWriteUnknown) }
        return d
    }

    // MARK: - the parts of the package

    private func vul(_ archief: Archive) throws {
        let namen = Werkboek.bladnamen(["Toelichting"] + bladen.map(\.naam))
        let alle: [Blad] = [Blad(namen[0], toelichtingTabel())] + zip(bladen, namen.dropFirst()).map { Blad($1, $0.tabel) }
        try voegToe(archief, "[Content_Types].xml", Werkboek.inhoudstypen(alle.count))
        try voegToe(archief, "_rels/.rels", Werkboek.pakketrelaties)
        try voegToe(archief, "docProps/core.xml", kenmerken())
        try voegToe(archief, "xl/workbook.xml", Werkboek.werkboekXML(namen))
        try voegToe(archief, "xl/_rels/workbook.xml.rels", Werkboek.werkboekrelaties(alle.count))
        try voegToe(archief, "xl/styles.xml", Werkboekstijl.stijlen)
        for (i, blad) in alle.enumerated() {
            let stukken = Bladschrijver(tabel: blad.tabel, toelichtingsblad: i == 0)
            try voegToe(archief, "xl/worksheets/sheet\(i + 1).xml", stukken)
        }
    }

    private func voegToe(_ archief: Archive, _ pad: String, _ tekst: String) throws {
        let d = Data(tekst.utf8)
        try archief.addEntry(with: pad, type: .file, uncompressedSize: Int64(d.count), modificationDate: Werkboek.vasteDatum,
                             compressionMethod: .deflate) { positie, grootte in
            d.subdata(in: Int(positie)..<Int(positie) + grootte)
        }
    }

    /// A sheet streamed: its size is counted in a first pass over the rows, then the rows are written in the second.
    private func voegToe(_ archief: Archive, _ pad: String, _ blad: Bladschrijver) throws {
        var totaal: Int64 = 0
        blad.stukken { totaal += Int64($0.utf8.count) }
        var buffer = Data(), begin: Int64 = 0
        var stroom = blad.stroom()
        try archief.addEntry(with: pad, type: .file, uncompressedSize: totaal, modificationDate: Werkboek.vasteDatum,
                             compressionMethod: .deflate) { positie, grootte in
            // ZIPFoundation asks for consecutive pieces; keep what is left of the last row for the next
            while Int64(buffer.count) < positie - begin + Int64(grootte), let stuk = stroom.next() {
                buffer.append(contentsOf: stuk.utf8)
            }
            let van = Int(positie - begin), tot = min(buffer.count, van + grootte)
            let uit = buffer.subdata(in: van..<tot)
            buffer.removeSubrange(0..<tot)
            begin = positie + Int64(uit.count)
            return uit
        }
    }

    /// A fixed date in every part: the same tables give the same file.
    static let vasteDatum = Date(timeIntervalSince1970: 1_577_836_800)

    private func toelichtingTabel() -> Tabel {
        var t = Tabel(kolommen: [.init("onderwerp", "Onderwerp", .links), .init("toelichting", "Toelichting", .links)])
        t.rijen = [[Tabel.Cel(titel), Tabel.Cel("")]] + toelichting.map { [Tabel.Cel($0.0), Tabel.Cel($0.1)] }
        let bladregels = bladen.filter { !$0.toelichting.isEmpty }
        if !bladregels.isEmpty {
            t.rijen += bladregels.map { [Tabel.Cel("Blad " + $0.naam), Tabel.Cel($0.toelichting)] }
        }
        return t
    }

    private func kenmerken() -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(XML.esc(titel))</dc:title>\
        <dc:creator>Regiomonitor Jeugdhulp</dc:creator><dc:language>nl-NL</dc:language></cp:coreProperties>
        """
    }

    /// Sheet names as a spreadsheet takes them: at most 31 characters, none of : \ / ? * [ ], unique (case-insensitive).
    static func bladnamen(_ namen: [String]) -> [String] {
        var gezien = Set<String>(), uit: [String] = []
        for n in namen {
            var s = String(n.map { ":\\/?*[]".contains($0) ? "-" : $0 }).trimmingCharacters(in: .whitespaces)
            if s.isEmpty { s = "Blad" }
            if s.count > 31 {
                // cut at the last space that keeps most of the name, else at 31 characters
                let kort = String(s.prefix(31))
                if let spatie = kort.lastIndex(of: " "), kort.distance(from: kort.startIndex, to: spatie) >= 16 {
                    s = String(kort[..<spatie]).trimmingCharacters(in: CharacterSet(charactersIn: " -,"))
                } else {
                    s = kort
                }
            }
            var kandidaat = s, i = 2
            while gezien.contains(kandidaat.lowercased()) {
                let achter = " (\(i))"
                kandidaat = String(s.prefix(31 - achter.count)) + achter
                i += 1
            }
            gezien.insert(kandidaat.lowercased())
            uit.append(kandidaat)
        }
        return uit
    }

    static func inhoudstypen(_ bladen: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        \((1...bladen).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
        </Types>
        """
    }

    static let pakketrelaties = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static func werkboekXML(_ namen: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <bookViews><workbookView activeTab="\(namen.count > 1 ? 1 : 0)"/></bookViews><sheets>\
        \(namen.enumerated().map { "<sheet name=\"\(XML.esc($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())\
        </sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>
        """
    }

    static func werkboekrelaties(_ bladen: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        \((1...bladen).map { "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined())\
        <Relationship Id="rId\(bladen + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """
    }
}

/// XML text: the five escapes, and the control characters XML 1.0 does not allow left out.
enum XML {
    static func esc(_ s: String) -> String {
        var u = ""
        u.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": u += "&amp;"
            case "<": u += "&lt;"
            case ">": u += "&gt;"
            case "\"": u += "&quot;"
            case "\t", "\n", "\r": u.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF { continue }
                u.unicodeScalars.append(c)
            }
        }
        return u
    }
}

/// The cell styles of every workbook: index = kind + (bold ? 6 : 0); 12 a header over numbers, 13 a text among numbers,
/// 14 wrapped text.
enum Werkboekstijl {
    enum Stijl: Int { case tekst = 0, euro, procent, datum, geheel, getal }

    static func index(_ s: Stijl, vet: Bool) -> Int { s.rawValue + (vet ? 6 : 0) }
    /// the header of a column of numbers: bold, right-aligned over them
    static let kopRechts = 12
    /// a text in a column of numbers ("<5", "×"): right-aligned like the numbers around it
    static let tekstRechts = 13
    /// the explanation's text: wrapped, at the top of its row
    static let omgebroken = 14

    static let stijlen: String = {
        // number formats: the codes are written with , for thousands and . for decimals; a Dutch spreadsheet shows them
        // as 1.234,56
        let formaten = [(164, "&quot;€ &quot;#,##0.00;&quot;€ -&quot;#,##0.00"), (165, "0.0%"), (166, "dd-mm-yyyy")]
        // tekst, euro, procent, datum, geheel (#,##0 = 3), getal (General = 0)
        let nummers = [0, 164, 165, 166, 3, 0]
        func xf(_ n: Int, _ vet: Bool) -> String {
            "<xf numFmtId=\"\(n)\" fontId=\"\(vet ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                + (n != 0 ? " applyNumberFormat=\"1\"" : "") + (vet ? " applyFont=\"1\"" : "") + "/>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="\(formaten.count)">\(formaten.map { "<numFmt numFmtId=\"\($0.0)\" formatCode=\"\($0.1)\"/>" }.joined())</numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="15">\(nummers.map { xf($0, false) }.joined())\(nummers.map { xf($0, true) }.joined())\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="right"/></xf>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right"/></xf>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
            </cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
    }()
}

extension Werkboek {
    /// What the council's workbook says about the figures it does not show.
    public static let onderdrukkingsregel = """
        Raadsversie: een cijfer over minder dan \(Onderdrukking.drempel) cliënten staat er als "<\(Onderdrukking.drempel)", \
        en andere cellen zijn verborgen ("×") waar een verborgen cijfer anders uit totalen of andere cellen te berekenen \
        zou zijn. Totalen van kolommen met verborgen cellen zijn vaste getallen, geen formules (docs/onderdrukking.md).
        """

    /// Where every workbook says the definitions are.
    public static let definities = ("Definities", "docs/definities.md (de begrippen en hoe elk cijfer wordt berekend)")

    /// The monthly report as a workbook, on the command line and in the dashboard alike: its municipality, period,
    /// valuation date and version first, then `extra`, and for the council version the suppression rule.
    public static func maandrapport(_ r: Maandrapport, extra: [(String, String)] = []) -> Werkboek {
        let raad = r.versie == .raad
        var regels: [(String, String)] = [("Gemeente", "\(r.gemeente.naam) (\(r.gemeente.code))"),
                                          ("Periode", "\(r.van.nederlands) t/m \(r.tot.nederlands)"),
                                          ("Peildatum", r.peildatum.nederlands),
                                          ("Versie", raad ? "raadsversie" : "interne versie")] + extra
        if raad { regels.append(("Onderdrukking", onderdrukkingsregel)) }
        return rapport(titel: "Maandrapportage \(r.gemeente.naam) \(r.maand.naam)", toelichting: regels,
                       onderdelen: r.onderdelen.map { ($0.naam, $0.titel, $0.tabel, $0.inleiding) })
    }

    /// A report (monthly report, Burap) as a workbook: one sheet per section with a table, its introduction on the
    /// explanation sheet.
    public static func rapport(titel: String, toelichting: [(String, String)],
                               onderdelen: [(naam: String, titel: String, tabel: Tabel?, inleiding: [String])]) -> Werkboek {
        let bladen = onderdelen.compactMap { o in
            o.tabel.map { Blad(o.titel, $0, toelichting: o.inleiding.joined(separator: " ")) }
        }
        return Werkboek(titel: titel, toelichting: toelichting, bladen: bladen)
    }
}
