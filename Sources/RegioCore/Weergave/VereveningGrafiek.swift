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
            s.append("<text x=\"\(getal(x))\" y=\"\(getal(y))\" font-size=\"\(grootte)\" text-anchor=\"\(anker)\" fill=\"\(kleur)\""
                     + (vet ? " font-weight=\"bold\"" : "") + ">\(xml(inhoud))</text>")
        }

        y += 30; tekst(20, y, titel, grootte: 22, vet: true)
        y += 24; tekst(20, y, ondertitel, grootte: 14, kleur: "#555555")
        for (i, r) in reeksen.enumerated() {
            y += 24
            s.append("<rect x=\"20\" y=\"\(getal(y - 13))\" width=\"16\" height=\"16\" fill=\"\(kleur(i))\"/>")
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
                s.append("<rect x=\"10\" y=\"\(getal(y0))\" width=\"\(getal(breedte - 20))\" height=\"\(getal(groep))\" fill=\"#f3f3f3\"/>")
            }
            tekst(naamkolom - 10, y0 + groep / 2 + 5, g.naam, grootte: 15, anker: "end", vet: true)
        }
        for t in schaal.streepjes {
            let x = schaal.x(t)
            s.append("<line x1=\"\(getal(x))\" y1=\"\(getal(boven))\" x2=\"\(getal(x))\" y2=\"\(getal(onder))\" "
                     + "stroke=\"#bbbbbb\" stroke-width=\"1\" stroke-dasharray=\"4 4\"/>")
            tekst(x, onder + 20, kort(t), grootte: 12, anker: "middle", kleur: "#444444")
        }
        for (gi, g) in gemeenten.enumerated() {
            let y0 = boven + Double(gi) * groep + 8
            for (ri, r) in reeksen.enumerated() {
                let v = (r.saldo[g.code] ?? .nul).alsDouble
                let x = schaal.x(v)
                let yb = y0 + Double(ri) * (balk + 4)
                s.append("<rect x=\"\(getal(min(x, nul)))\" y=\"\(getal(yb))\" width=\"\(getal(max(abs(x - nul), 1)))\" "
                         + "height=\"\(getal(balk))\" fill=\"\(kleur(ri))\"><title>\(xml(g.naam + ", " + r.naam + ": " + lang(v)))</title></rect>")
                tekst(v < 0 ? x - 5 : x + 5, yb + balk - 5, lang(v), grootte: 13, anker: v < 0 ? "end" : "start")
            }
        }
        s.append("<line x1=\"\(getal(nul))\" y1=\"\(getal(boven - 4))\" x2=\"\(getal(nul))\" y2=\"\(getal(onder + 4))\" "
                 + "stroke=\"#222222\" stroke-width=\"2\"/>")
        y = onder + 48
        tekst(20, y, "Saldo = eigen kosten − te betalen. Positief: voordeelgemeente; negatief: nadeelgemeente. "
              + "De saldo's van alle gemeenten tellen per scenario op tot nul.", grootte: 12, kleur: "#555555")
        y += 14
        let hoogte = y
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(getal(breedte))\" height=\"\(getal(hoogte))\" "
            + "viewBox=\"0 0 \(getal(breedte)) \(getal(hoogte))\" role=\"img\" aria-label=\"\(xml(titel))\" "
            + "font-family=\"Helvetica, Arial, sans-serif\">\n<title>\(xml(titel))</title>\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(getal(breedte))\" height=\"\(getal(hoogte))\" fill=\"#ffffff\"/>\n"
            + s.joined(separator: "\n") + "\n</svg>\n"
    }

    /// A printable page with the chart and the same figures as a table, to the cent so the total line is the exact sum
    /// of the rows, for browsers and print.
    public static func html(titel: String, ondertitel: String, gemeenten: [(code: String, naam: String)],
                            reeksen: [Reeks]) -> String {
        let cel = "padding:4px 10px;border-bottom:1px solid #dddddd;"
        var rijen = "<tr><th style=\"\(cel)text-align:left\">Gemeente</th>"
            + reeksen.map { "<th style=\"\(cel)text-align:right\">Saldo \(xml($0.naam))</th>" }.joined() + "</tr>\n"
        for g in gemeenten {
            rijen += "<tr><td style=\"\(cel)\">\(xml(g.naam)) (\(xml(g.code)))</td>"
                + reeksen.map { "<td style=\"\(cel)text-align:right\">\(xml(($0.saldo[g.code] ?? .nul).description))</td>" }.joined()
                + "</tr>\n"
        }
        rijen += "<tr><td style=\"\(cel)font-weight:bold\">Totaal</td>"
            + reeksen.map { r in
                "<td style=\"\(cel)text-align:right;font-weight:bold\">\(xml(gemeenten.map { r.saldo[$0.code] ?? .nul }.som().description))</td>"
            }.joined() + "</tr>\n"
        return "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(xml(titel))</title>\n</head>\n"
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
            streepjes = stride(from: laag, through: hoog + stap / 2, by: stap).map { $0 }
        }

        func x(_ v: Double) -> Double { van + (v - laag) / (hoog - laag) * (tot - van) }

        /// A round step (`Asschaal`) of at least 1 euro.
        static func rondeStap(_ ruw: Double) -> Double { ruw > 1 ? Asschaal.stap(ruw) : 1 }
    }

    /// Axis ticks: "€ 1,5 mln", "€ -500.000", "€ 0" (`Euro.kort`).
    static func kort(_ v: Double) -> String { Euro.kort(v) }

    /// Bar labels, the sign always shown: "€ +1,23 mln", "€ -314.280" (`Euro.kort`).
    static func lang(_ v: Double) -> String { Euro.kort(v, plus: true) }

    static func getal(_ x: Double) -> String {
        var s = Tabel.decimaal(x, 1)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    static func xml(_ s: String) -> String {
        var u = ""
        for c in s {
            switch c {
            case "&": u += "&amp;"
            case "<": u += "&lt;"
            case ">": u += "&gt;"
            case "\"": u += "&quot;"
            default: u.append(c)
            }
        }
        return u
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
