import RegioCore

/// One worksheet's XML in pieces: the head (views, column widths), one piece per row, the tail. Produced on demand, so
/// the sheet is never one text in memory.
struct Bladschrijver {
    let tabel: Tabel
    /// the explanation sheet: wide text column, no frozen row
    let toelichtingsblad: Bool

    private var aantalStukken: Int { 1 + 1 + tabel.rijen.count + tabel.voet.count + 1 }

    func stukken(_ f: (String) -> Void) {
        for i in 0..<aantalStukken { f(stuk(i)) }
    }

    struct Stroom: IteratorProtocol {
        let blad: Bladschrijver
        var i = 0
        mutating func next() -> String? {
            guard i < blad.aantalStukken else { return nil }
            defer { i += 1 }
            return blad.stuk(i)
        }
    }

    func stroom() -> Stroom { Stroom(blad: self) }

    private func stuk(_ i: Int) -> String {
        let n = tabel.rijen.count
        switch i {
        case 0: return kop()
        case 1:
            var s = "<row r=\"1\">"
            for (k, kolom) in tabel.kolommen.enumerated() where !kolom.kop.isEmpty {
                let stijl = kolom.uitlijning == .rechts ? Werkboekstijl.kopRechts : Werkboekstijl.index(.tekst, vet: true)
                s += "<c r=\"\(Bladschrijver.kolomletters(k))1\" t=\"inlineStr\" s=\"\(stijl)\"><is><t xml:space=\"preserve\">\(XML.esc(kolom.kop))</t></is></c>"
            }
            return s + "</row>"
        case 2..<(2 + n): return rij(tabel.rijen[i - 2], nummer: i, vet: false)
        case (2 + n)..<(2 + n + tabel.voet.count): return voetrij(tabel.voet[i - 2 - n], nummer: i)
        // printed on A4 landscape, as wide as the page, as long as it takes; the header row on every page
        default:
            return "</sheetData><pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
                + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
        }
    }

    private func kop() -> String {
        let laatste = Bladschrijver.kolomletters(max(tabel.kolommen.count, 1) - 1) + String(1 + tabel.rijen.count + tabel.voet.count)
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<dimension ref=\"A1:\(laatste)\"/><sheetViews><sheetView workbookViewId=\"0\"\(toelichtingsblad ? "" : " tabSelected=\"1\"")>"
        if !toelichtingsblad {
            s += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>"
        }
        s += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (i, b) in breedtes().enumerated() {
            s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(b)\" customWidth=\"1\"/>"
        }
        return s + "</cols><sheetData>"
    }

    /// Characters of the widest text in each column, plus room for the decimals a euro format adds, within 8...60
    /// (the explanation's text column to 110).
    func breedtes() -> [Int] {
        tabel.kolommen.indices.map { k in
            var b = tabel.kolommen[k].kop.count
            for r in tabel.rijen + tabel.voet where k < r.count {
                let c = r[k]
                b = max(b, c.tekst.count + (c.soort == .euro ? 3 : 0))
            }
            return min(max(b + 2, 8), toelichtingsblad && k == 1 ? 100 : 60)
        }
    }

    private func rij(_ cellen: [Tabel.Cel], nummer: Int, vet: Bool) -> String {
        var s = "<row r=\"\(nummer)\">"
        for (k, c) in cellen.enumerated() { s += cel(c, ref: Bladschrijver.kolomletters(k) + String(nummer), vet: vet, kolom: k) }
        return s + "</row>"
    }

    /// A totals row: bold, and a SUM over the column where the total is exactly the sum of the rows above.
    private func voetrij(_ cellen: [Tabel.Cel], nummer: Int) -> String {
        var s = "<row r=\"\(nummer)\">"
        for (k, c) in cellen.enumerated() {
            let ref = Bladschrijver.kolomletters(k) + String(nummer)
            if let formule = somformule(kolom: k, totaal: c) {
                s += "<c r=\"\(ref)\" s=\"\(Werkboekstijl.index(Bladschrijver.stijl(c.soort), vet: true))\"><f>\(formule)</f><v>\(c.machine)</v></c>"
            } else {
                s += cel(c, ref: ref, vet: true, kolom: k)
            }
        }
        return s + "</row>"
    }

    /// "SUM(C2:C43)" when every row's cell in the column is empty or of the total's kind and they add up to it exactly
    /// (amounts in cents, whole numbers as integers); nil otherwise: a column with a suppressed cell ("<5", "×") or
    /// unique clients (which do not add up) keeps its total as a number.
    func somformule(kolom k: Int, totaal: Tabel.Cel) -> String? {
        guard !tabel.rijen.isEmpty else { return nil }
        switch totaal.soort {
        case .euro:
            guard let doel = Euro.parse(totaal.machine)?.centen else { return nil }
            var som: Int64 = 0
            for r in tabel.rijen where k < r.count && !(r[k].machine.isEmpty && r[k].tekst.isEmpty) {
                guard r[k].soort == .euro, let c = Euro.parse(r[k].machine)?.centen else { return nil }
                let (s, over) = som.addingReportingOverflow(c)
                guard !over else { return nil }
                som = s
            }
            guard som == doel else { return nil }
        case .geheel:
            guard let doel = Int64(totaal.machine) else { return nil }
            var som: Int64 = 0
            for r in tabel.rijen where k < r.count && !(r[k].machine.isEmpty && r[k].tekst.isEmpty) {
                guard case .geheel = r[k].soort, let c = Int64(r[k].machine) else { return nil }
                let (s, over) = som.addingReportingOverflow(c)
                guard !over else { return nil }
                som = s
            }
            guard som == doel else { return nil }
        default:
            return nil
        }
        let letter = Bladschrijver.kolomletters(k)
        return "SUM(\(letter)2:\(letter)\(tabel.rijen.count + 1))"
    }

    private func cel(_ c: Tabel.Cel, ref: String, vet: Bool, kolom k: Int) -> String {
        let rechts = k < tabel.kolommen.count && tabel.kolommen[k].uitlijning == .rechts
        let stijl = toelichtingsblad ? Werkboekstijl.omgebroken : rechts && !vet ? Werkboekstijl.tekstRechts : Werkboekstijl.index(.tekst, vet: vet)
        let tekstcel = { (t: String) -> String in
            t.isEmpty ? "" : "<c r=\"\(ref)\" t=\"inlineStr\" s=\"\(stijl)\"><is><t xml:space=\"preserve\">\(XML.esc(t))</t></is></c>"
        }
        switch c.soort {
        case .tekst:
            // a workbook is read by people: the text as the screen shows it (a month as "jan 2020", a rule by its name)
            return tekstcel(c.tekst)
        case .datum:
            guard let d = Dag.parse(c.machine) else { return tekstcel(c.tekst) }
            // spreadsheet day 25569 is 01-01-1970, day 0 of `Dag`
            return "<c r=\"\(ref)\" s=\"\(Werkboekstijl.index(.datum, vet: vet))\"><v>\(Int(d.dagnummer) + 25569)</v></c>"
        case .euro, .procent, .geheel, .getal:
            guard !c.machine.isEmpty else { return tekstcel(c.tekst) }
            // only a finite decimal number goes in as a number; "∞", "-" or a mark stay text as people read them
            guard Bladschrijver.isDecimaal(c.machine) else { return tekstcel(c.tekst) }
            return "<c r=\"\(ref)\" s=\"\(Werkboekstijl.index(Bladschrijver.stijl(c.soort), vet: vet))\"><v>\(c.machine)</v></c>"
        }
    }

    static func stijl(_ s: Tabel.Cel.Soort) -> Werkboekstijl.Stijl {
        switch s {
        case .tekst: .tekst
        case .datum: .datum
        case .euro: .euro
        case .procent: .procent
        case .geheel(let gegroepeerd): gegroepeerd ? .geheel : .getal
        case .getal: .getal
        }
    }

    /// "-12.345": an optional minus, digits, optionally a point and digits; nothing else (no exponent, no nan).
    static func isDecimaal(_ s: String) -> Bool {
        var cijfers = 0, punt = false, eerste = true
        for b in s.utf8 {
            defer { eerste = false }
            if eerste && b == UInt8(ascii: "-") { continue }
            if b == UInt8(ascii: ".") && !punt && cijfers > 0 { punt = true; continue }
            guard b >= 48 && b <= 57 else { return false }
            cijfers += 1
        }
        return cijfers > 0 && s.utf8.last != UInt8(ascii: ".")
    }

    /// 0 -> A, 25 -> Z, 26 -> AA.
    static func kolomletters(_ i: Int) -> String {
        var n = i + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}
