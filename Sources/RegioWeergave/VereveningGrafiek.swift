import RegioCore

/// The saldo per municipality per scenario as a horizontal bar chart for the board: bars to the right are
/// voordeelgemeenten (they pay less than their own cost), to the left nadeelgemeenten. Pure string building: inline SVG
/// with inline attributes only (no stylesheet, no scripts, no external requests), Dutch labels, sized to print on A4.
public enum VereveningGrafiek {
    /// One scenario's saldo per gemeentecode.
    public struct Reeks: Sendable {
        public var naam: String
        public var omschrijving: String
        public var saldo: [String: Euro]
        public init(naam: String, omschrijving: String, saldo: [String: Euro]) {
            self.naam = naam; self.omschrijving = omschrijving; self.saldo = saldo
        }
    }

    /// Colour-blind safe (Okabe-Ito), distinguishable in greyscale print by order and label.
    static let kleuren = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999", "#000000"]

    static let breedte = 1000.0
    static let naamkolom = 170.0
    static let labelruimte = 110.0
    static let balk = 20.0

    /// The chart as an `<svg>` element, 1000 px wide; the height follows from the number of municipalities and scenarios.
    public static func svg(titel: String, ondertitel: String, gemeenten: [(code: String, naam: String)],
                           reeksen: [Reeks]) -> String {
        let waarden = reeksen.flatMap { r in gemeenten.map { (r.saldo[$0.code] ?? .nul).alsDouble } }
        let schaal = Schaal(min: waarden.min() ?? 0, max: waarden.max() ?? 0,
                            van: naamkolom + labelruimte, tot: breedte - labelruimte)
        let groep = Double(reeksen.count) * (balk + 4) + 16
        var y = 0.0
        var s: [String] = []
        func tekst(_ x: Double, _ y: Double, _ inhoud: String, grootte: Int = 14, anker: String = "start",
                   kleur: String = "#222222", vet: Bool = false) {
            s.append(SVG.tekst(inhoud, x: x, y: y, grootte: grootte, anker: anker, kleur: kleur, vet: vet))
        }

        y += 30; tekst(20, y, titel, grootte: 22, vet: true)
        y += 24; tekst(20, y, ondertitel, grootte: 14, kleur: "#555555")
        for (i, r) in reeksen.enumerated() {
            y += 24
            s.append("<rect x=\"20\" y=\"\(f(y - 13))\" width=\"16\" height=\"16\" fill=\"\(kleur(i))\"/>")
            tekst(44, y, r.naam + (r.omschrijving.isEmpty ? "" : " — " + r.omschrijving), grootte: 14)
        }
        y += 34
        let nul = schaal.x(0)
        tekst(nul - 8, y, "← nadeel: betaalt meer dan eigen kosten", grootte: 13, anker: "end", kleur: "#555555")
        tekst(nul + 8, y, "voordeel: betaalt minder dan eigen kosten →", grootte: 13, kleur: "#555555")
        y += 12
        let boven = y
        let onder = boven + Double(gemeenten.count) * groep
        for (gi, g) in gemeenten.enumerated() {
            let y0 = boven + Double(gi) * groep
            if gi % 2 == 0 {
                s.append("<rect x=\"10\" y=\"\(f(y0))\" width=\"\(f(breedte - 20))\" height=\"\(f(groep))\" fill=\"#f3f3f3\"/>")
            }
            tekst(naamkolom - 10, y0 + groep / 2 + 5, g.naam, grootte: 15, anker: "end", vet: true)
        }
        for t in schaal.streepjes {
            let x = schaal.x(t)
            s.append(SVG.lijn(x, boven, x, onder, kleur: "#bbbbbb", dikte: 1, extra: " stroke-dasharray=\"4 4\""))
            tekst(x, onder + 20, Euro.kort(t), grootte: 12, anker: "middle", kleur: "#444444")
        }
        for (gi, g) in gemeenten.enumerated() {
            let y0 = boven + Double(gi) * groep + 8
            for (ri, r) in reeksen.enumerated() {
                let v = (r.saldo[g.code] ?? .nul).alsDouble
                let x = schaal.x(v)
                let yb = y0 + Double(ri) * (balk + 4)
                s.append("<rect x=\"\(f(min(x, nul)))\" y=\"\(f(yb))\" width=\"\(f(max(abs(x - nul), 1)))\" "
                         + "height=\"\(f(balk))\" fill=\"\(kleur(ri))\"><title>\(HTML.tekst(g.naam + ", " + r.naam + ": " + Euro.kort(v, plus: true)))</title></rect>")
                tekst(v < 0 ? x - 5 : x + 5, yb + balk - 5, Euro.kort(v, plus: true), grootte: 13, anker: v < 0 ? "end" : "start")
            }
        }
        s.append(SVG.lijn(nul, boven - 4, nul, onder + 4, kleur: "#222222", dikte: 2))
        y = onder + 48
        tekst(20, y, "Saldo = eigen kosten − te betalen. Positief: voordeelgemeente; negatief: nadeelgemeente. "
              + "De saldo's van alle gemeenten tellen per scenario op tot nul.", grootte: 12, kleur: "#555555")
        y += 14
        let hoogte = y
        return SVG.kop(titel, breedte: breedte, hoogte: hoogte, vast: true, extra: " font-family=\"Helvetica, Arial, sans-serif\"") + "\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(f(breedte))\" height=\"\(f(hoogte))\" fill=\"#ffffff\"/>\n"
            + s.joined(separator: "\n") + "\n</svg>\n"
    }

    /// A printable page with the chart and the same figures as a table, to the cent so the total line is the exact sum
    /// of the rows, for browsers and print.
    public static func html(titel: String, ondertitel: String, gemeenten: [(code: String, naam: String)],
                            reeksen: [Reeks]) -> String {
        let cel = "padding:4px 10px;border-bottom:1px solid #dddddd;"
        var rijen = "<tr><th style=\"\(cel)text-align:left\">Gemeente</th>"
            + reeksen.map { "<th style=\"\(cel)text-align:right\">Saldo \(HTML.tekst($0.naam))</th>" }.joined() + "</tr>\n"
        for g in gemeenten {
            rijen += "<tr><td style=\"\(cel)\">\(HTML.tekst(g.naam)) (\(HTML.tekst(g.code)))</td>"
                + reeksen.map { "<td style=\"\(cel)text-align:right\">\(HTML.tekst(($0.saldo[g.code] ?? .nul).description))</td>" }.joined()
                + "</tr>\n"
        }
        rijen += "<tr><td style=\"\(cel)font-weight:bold\">Totaal</td>"
            + reeksen.map { r in
                "<td style=\"\(cel)text-align:right;font-weight:bold\">\(HTML.tekst(gemeenten.map { r.saldo[$0.code] ?? .nul }.som().description))</td>"
            }.joined() + "</tr>\n"
        return "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(HTML.tekst(titel))</title>\n</head>\n"
            + "<body style=\"font-family:Helvetica,Arial,sans-serif;margin:24px;max-width:1000px;color:#222222\">\n"
            + svg(titel: titel, ondertitel: ondertitel, gemeenten: gemeenten, reeksen: reeksen)
            + "<table style=\"border-collapse:collapse;margin-top:24px;font-size:14px\">\n" + rijen + "</table>\n"
            + "</body>\n</html>\n"
    }

    static func kleur(_ i: Int) -> String { kleuren[i % kleuren.count] }

    /// Maps euros to x; the axis runs over round tick values and always includes zero.
    struct Schaal {
        let laag: Double, hoog: Double, van: Double, tot: Double
        let streepjes: [Double]

        init(min: Double, max: Double, van: Double, tot: Double) {
            let a = Swift.min(min, 0), b = Swift.max(max, 0)
            let stap = Schaal.rondeStap((b - a) / 6)
            let laag = (a / stap).rounded(.down) * stap, boven = (b / stap).rounded(.up) * stap
            let hoog = boven == laag ? laag + stap : boven
            self.laag = laag; self.hoog = hoog
            self.van = van; self.tot = tot
            streepjes = Asschaal.streepjes(laag, hoog, stap)
        }

        func x(_ v: Double) -> Double { van + (v - laag) / (hoog - laag) * (tot - van) }

        /// A round step (`Asschaal`) of at least 1 euro.
        static func rondeStap(_ ruw: Double) -> Double { ruw > 1 ? Asschaal.stap(ruw) : 1 }
    }

}

extension VereveningRapport {
    /// The chart's series: per scenario the saldo per municipality, cumulative over the years (and summed over the lots).
    public var grafiekreeksen: [VereveningGrafiek.Reeks] {
        scenarios.map { VereveningGrafiek.Reeks(naam: $0.naam, omschrijving: $0.omschrijving, saldo: saldoPerGemeente(scenario: $0)) }
    }

    public var grafiektitel: String { "Verevening \(jaartekst): saldo per gemeente" }

    public var grafiekondertitel: String {
        var t = "Verdeelsleutel: \(sleutel.omschrijving)"
        if jaren.count > 1 { t += "; saldo opgeteld over \(jaartekst)" }
        if percelen != [nil] { t += "; per perceel verevend, opgeteld over de percelen" }
        return t
    }

    /// The chart as SVG (`html: false`) or as a printable HTML page with the figures as a table.
    public func grafiek(html: Bool = false) -> String {
        let g = gemeenten.map { (code: $0, naam: gemeentenaam($0)) }
        return html ? VereveningGrafiek.html(titel: grafiektitel, ondertitel: grafiekondertitel, gemeenten: g, reeksen: grafiekreeksen)
            : VereveningGrafiek.svg(titel: grafiektitel, ondertitel: grafiekondertitel, gemeenten: g, reeksen: grafiekreeksen)
    }
}
