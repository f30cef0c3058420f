import ArgumentParser
import Foundation
import RegioCore
import RegioUitvoer

/// How a command hands over its table: on the screen, as CSV (plain or for Dutch Excel), JSON, or an Excel workbook.
struct Uitvoeropties: ParsableArguments {
    @Option(name: .long, help: """
        tabel (scherm), csv (komma, punt: voor programma's), csv-nl (voor Nederlandse Excel: puntkomma, decimale komma), \
        json of xlsx (Excel-werkboek; met --uit).
        """)
    var format: Uitvoerformaat = .tabel
    @Option(name: .long, help: "Schrijf naar dit bestand in plaats van naar het scherm (verplicht bij --format xlsx).")
    var uit: String?

    func validate() throws {
        if format == .xlsx && uit == nil { throw ValidationError("--format xlsx maakt een Excel-werkbestand: geef ook --uit BESTAND.xlsx") }
    }
}

/// A command with the output options: its format is the one they name.
protocol MetUitvoer {
    var uitvoer: Uitvoeropties { get }
}

extension MetUitvoer {
    var format: Uitvoerformaat { uitvoer.format }
}

/// What a workbook's first sheet says about its figures, beside the command that made them.
struct Werkboektoelichting {
    var titel: String
    var regels: [(String, String)] = []

    /// The command as typed, without the database address (it may hold a password) or the output file.
    static var opdracht: String {
        var delen: [String] = [], sla = false
        for a in Scherm.huidig.argumenten.dropFirst() {
            if sla { sla = false; continue }
            if a == "--db" || a == "--uit" { sla = true; continue }
            if a.hasPrefix("--db=") || a.hasPrefix("--uit=") { continue }
            delen.append(a.contains(" ") ? "'\(a)'" : a)
        }
        return (["regiomonitor"] + delen).joined(separator: " ")
    }

    /// Today on this machine's calendar.
    static var vandaag: String {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Dag(jaar: c.year ?? 1970, maand: c.month ?? 1, dag: c.day ?? 1)?.nederlands ?? ""
    }

    /// The lines every workbook has: the command, when it was made, where the definitions are.
    func alle() -> [(String, String)] {
        var eigen = regels
        // the period and valuation date as the command was given them, where the command does not say more
        let a = Array(Scherm.huidig.argumenten.dropFirst())
        func waarde(_ optie: String) -> String? {
            if let i = a.firstIndex(of: optie), i + 1 < a.count { return a[i + 1] }
            return a.first { $0.hasPrefix(optie + "=") }.map { String($0.dropFirst(optie.count + 1)) }
        }
        if !eigen.contains(where: { $0.0 == "Periode" }), let j = waarde("--jaar").flatMap(Int.init) {
            let t = waarde("--tot").flatMap(Int.init) ?? j
            eigen.append(("Periode", "\(Dag.eersteVan(jaar: j).nederlands) t/m \(Dag.laatsteVan(jaar: t).nederlands)"))
        }
        if !eigen.contains(where: { $0.0 == "Peildatum" }), let p = waarde("--peildatum").flatMap(Dag.parse) {
            eigen.append(("Peildatum", p.nederlands))
        }
        return eigen + [("Opdracht", Werkboektoelichting.opdracht),
                  ("Gemaakt op", Werkboektoelichting.vandaag),
                  Werkboek.definities]
    }
}

extension Tabel {
    func afdrukken(_ f: Uitvoerformaat) {
        switch f {
        case .tabel: print(tekst(), terminator: "")
        case .csv: print(csv(), terminator: "")
        case .csvNL: print(csvNL(), terminator: "")
        case .json, .xlsx: print(json(), terminator: "")
        }
    }

    /// The table in the asked format, on the screen or in the file `--uit`.
    func afdrukken(_ u: Uitvoeropties, _ toelichting: @autoclosure () -> Werkboektoelichting = Werkboektoelichting(titel: "")) throws {
        try Werkboek.uitvoer([Werkboek.Blad("Tabel", self)], u, toelichting())
    }
}

extension Werkboek {
    /// Sheets in the asked format: a workbook for xlsx; otherwise each table after the other (CSV and JSON take the
    /// first, as a file holds one table).
    static func uitvoer(_ bladen: [Werkboek.Blad], _ u: Uitvoeropties, _ toelichting: Werkboektoelichting) throws {
        if u.format == .xlsx, let pad = u.uit {
            let titel = toelichting.titel.isEmpty ? Werkboektoelichting.opdracht : toelichting.titel
            try Werkboek(titel: titel, toelichting: toelichting.alle(), bladen: bladen).schrijf(naar: pad)
            stderr("Excel-werkboek geschreven naar \(pad) (\(bladen.count) \(bladen.count == 1 ? "blad" : "bladen") en een toelichting).")
            return
        }
        guard let eerste = bladen.first?.tabel else { return }
        if u.uit == nil && (u.format == .csv || u.format == .csvNL) {
            // on the screen in pieces: a national signal list is 100 MB of CSV, not to be held twice over
            let schrijf: (String) -> Void = { print($0, terminator: "") }
            if u.format == .csv { eerste.csv(schrijf) } else { eerste.csvNL(schrijf) }
            return
        }
        let tekst: String
        switch u.format {
        case .tabel: tekst = bladen.map { $0.tabel.tekst() }.joined(separator: "\n")
        case .csv: tekst = eerste.csv()
        case .csvNL: tekst = eerste.csvNL()
        case .json, .xlsx: tekst = eerste.json()
        }
        if let pad = u.uit {
            try tekst.write(toFile: pad, atomically: true, encoding: .utf8)
        } else {
            print(tekst, terminator: "")
        }
    }
}
