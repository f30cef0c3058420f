import RegioCore

/// The dashboard's inline SVG charts: server-rendered, no scripts, colours as attributes (the content security policy forbids inline
/// styles). Every chart has a <title> and its numbers are also in a table on the same page.
public enum Paginagrafiek {
    public static let kleuren = ["#1f4e79", "#e07b00", "#2e7d32", "#8e24aa", "#00838f", "#c62828", "#6d4c41", "#546e7a", "#f9a825"]

    public typealias Eenheid = Grafiek.Eenheid

    public struct Reeks: Sendable {
        public var naam: String
        public var waarden: [Double?]
        public var kleur: String
        public init(naam: String, waarden: [Double?], kleur: String) { self.naam = naam; self.waarden = waarden; self.kleur = kleur }
    }

    /// Vertical bars (the first series) with optional lines over them (the other series), one group per label: the
    /// report's column chart (`SVGGrafiek.kolommen`), at the dashboard's width and with thinned labels.
    /// `lichter`: bar positions drawn lighter (months not yet complete), named in the legend.
    public static func kolommen(titel: String, labels: [String], staven: [Reeks], lijnen: [Reeks] = [], eenheid: Eenheid,
                                breedte: Double = 900, hoogte: Double = 300, lichter: Set<Int> = []) -> String {
        let reeksen = staven.map { Grafiek.Reeks(naam: $0.naam, kleur: $0.kleur, waarden: $0.waarden, voorlopig: lichter) }
            + lijnen.map { Grafiek.Reeks(naam: $0.naam, kleur: $0.kleur, vorm: .lijn, waarden: $0.waarden) }
        let g = Grafiek(titel: titel, labels: labels, reeksen: reeksen, eenheid: eenheid)
        return SVGGrafiek.kolommen(g, breedte: breedte, hoogte: hoogte, labelruimte: 55)
    }

    /// A label that fits `ruimte` pixels at about 6,6 pixels a character: cut with "…" (the whole label in the title).
    public static func past(_ label: String, ruimte: Double) -> String {
        let n = max(4, Int(ruimte / 6.6))
        return label.count <= n ? label : String(label.prefix(n - 1)) + "…"
    }

    /// Horizontal bars, one per label, with an optional reference per bar (e.g. the budget) drawn as a tick;
    /// bars more than `marge` over their reference are red (the page's one colour rule, stated in its caption).
    /// A value nil is a hidden one (council): no bar, its mark instead. Long labels are cut, whole in the title.
    public static func balken(titel: String, items: [(label: String, waarde: Double?, referentie: Double?)], eenheid: Eenheid,
                       breedte: Double = 900, merk: String = Onderdrukking.kleinTekst, marge: Double = 0) -> String {
        let rij = 26.0, links = 170.0, rechts = 110.0, boven = 8.0
        let hoogte = boven + rij * Double(items.count) + 24
        let maxWaarde = items.map { max($0.waarde ?? 0, $0.referentie ?? 0) }.max() ?? 1
        let (_, hoog, stap) = schaal(0, max(maxWaarde, 1e-9))
        let w = breedte - links - rechts
        func x(_ v: Double) -> Double { links + w * v / hoog }
        var s = SVG.kop(titel, breedte: breedte, hoogte: hoogte)
        for t in Asschaal.streepjes(0, hoog, stap) {
            s += SVG.lijn(x(t), boven, x(t), hoogte - 20, kleur: "#e3e8ee")
            s += SVG.tekst(kort(t, eenheid), x: x(t), y: hoogte - 6, grootte: 10, anker: "middle", kleur: "#5f6b76")
        }
        for (i, item) in items.enumerated() {
            let y = boven + Double(i) * rij
            s += rijLabel(item.label, x: links - 8, y: y + rij * 0.62, ruimte: links - 14)
            guard let waarde = item.waarde else {
                s += "<text x=\"\(f(links + 6))\" y=\"\(f(y + rij * 0.62))\" font-size=\"11\" fill=\"#5f6b76\">\(HTML.tekst(merk)) (niet getoond)</text>"
                continue
            }
            let over = item.referentie.map { waarde > $0 * (1 + marge) } ?? false
            s += "<rect x=\"\(f(links))\" y=\"\(f(y + 4))\" width=\"\(f(max(0, x(waarde) - links)))\" height=\"\(f(rij - 8))\" fill=\"\(over ? "#b3261e" : "#1f4e79")\">"
            s += "<title>\(HTML.tekst(item.label)): \(HTML.tekst(tekst(waarde, eenheid)))\(item.referentie.map { " (referentie \(tekst($0, eenheid)))" } ?? "")</title></rect>"
            if let r = item.referentie {
                s += "<line x1=\"\(f(x(r)))\" y1=\"\(f(y + 1))\" x2=\"\(f(x(r)))\" y2=\"\(f(y + rij - 1))\" stroke=\"#1b1f23\" stroke-width=\"2.5\"/>"
            }
            // a white halo keeps the amount readable where the reference tick crosses it
            s += "<text x=\"\(f(x(waarde) + 6))\" y=\"\(f(y + rij * 0.62))\" font-size=\"11\" fill=\"\(over ? "#b3261e" : "#333")\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(HTML.tekst(tekst(waarde, eenheid)))</text>"
        }
        return s + "</svg>"
    }

    /// Grouped vertical bars around zero, one group per label, one bar per series (e.g. saldo per scenario).
    public static func gegroepeerd(titel: String, labels: [String], reeksen: [Reeks], eenheid: Eenheid,
                            breedte: Double = 900, hoogte: Double = 320) -> String {
        kolommen(titel: titel, labels: labels, staven: reeksen, eenheid: eenheid, breedte: breedte, hoogte: hoogte)
    }

    /// Horizontal 100% stacked bars: per label the shares of each category (e.g. referrer mix per municipality).
    public static func gestapeld(titel: String, labels: [String], categorieen: [String], aandelen: [[Double]],
                          breedte: Double = 900) -> String {
        let rij = 26.0, links = 170.0, rechts = 12.0, boven = 8.0
        let legendaRegels = Double((categorieen.count + 3) / 4)
        let hoogte = boven + rij * Double(labels.count) + 10 + legendaRegels * 18
        let w = breedte - links - rechts
        var s = SVG.kop(titel, breedte: breedte, hoogte: hoogte)
        for (i, label) in labels.enumerated() {
            let y = boven + Double(i) * rij
            s += rijLabel(label, x: links - 8, y: y + rij * 0.62, ruimte: links - 14)
            var x = links
            let som = max(aandelen[i].reduce(0, +), 1e-12)
            for (k, a) in aandelen[i].enumerated() {
                let b = w * a / som
                s += "<rect x=\"\(f(x))\" y=\"\(f(y + 4))\" width=\"\(f(b))\" height=\"\(f(rij - 8))\" fill=\"\(kleuren[k % kleuren.count])\">"
                s += "<title>\(HTML.tekst(label)) — \(HTML.tekst(categorieen[k])): \(HTML.tekst(Tabel.procentTekst(a / som)))</title></rect>"
                if b > 34 {
                    s += "<text x=\"\(f(x + b / 2))\" y=\"\(f(y + rij * 0.62))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#fff\">\(HTML.tekst(Tabel.decimaal(100 * a / som, 0)))%</text>"
                }
                x += b
            }
        }
        s += legenda(categorieen.enumerated().map { Reeks(naam: $0.element, waarden: [], kleur: kleuren[$0.offset % kleuren.count]) },
                     x: links, y: boven + rij * Double(labels.count) + 18, perRegel: 4, breedte: w)
        return s + "</svg>"
    }

    /// A line with an uncertainty band (e.g. a forecast with its interval) and optional realised values.
    public static func interval(titel: String, labels: [String], midden: [Double?], laag: [Double?], hoog: [Double?],
                         gerealiseerd: [Double?] = [], eenheid: Eenheid, breedte: Double = 900, hoogte: Double = 300) -> String {
        let alle = (midden + laag + hoog + gerealiseerd).compactMap { $0 }
        let (l, hg, stap) = schaal(min(0, alle.min() ?? 0), max(alle.max() ?? 1, 0))
        let links = 78.0, rechts = 12.0, boven = 14.0, onder = 46.0
        let w = breedte - links - rechts, h = hoogte - boven - onder
        let n = max(labels.count, 1)
        let groep = w / Double(n)
        func x(_ i: Int) -> Double { links + (Double(i) + 0.5) * groep }
        func y(_ v: Double) -> Double { boven + h * (1 - (v - l) / (hg - l)) }
        var s = SVG.kop(titel, breedte: breedte, hoogte: hoogte)
        s += as_(laag: l, hoog: hg, stap: stap, y: y, x0: links, x1: breedte - rechts, eenheid: eenheid)
        let band = labels.indices.filter { laag[$0] != nil && hoog[$0] != nil }
        if !band.isEmpty {
            let heen = band.map { "\(f(x($0))),\(f(y(hoog[$0]!)))" }
            let terug = band.reversed().map { "\(f(x($0))),\(f(y(laag[$0]!)))" }
            s += "<polygon points=\"\((heen + terug).joined(separator: " "))\" fill=\"#1f4e79\" fill-opacity=\"0.18\"/>"
        }
        func lijn(_ v: [Double?], _ kleur: String, _ streep: Bool) -> String {
            let p = v.enumerated().compactMap { i, w in w.map { "\(f(x(i))),\(f(y($0)))" } }
            return "<polyline points=\"\(p.joined(separator: " "))\" fill=\"none\" stroke=\"\(kleur)\" stroke-width=\"2.5\"\(streep ? " stroke-dasharray=\"6 4\"" : "")/>"
        }
        s += lijn(midden, "#1f4e79", true)
        if !gerealiseerd.isEmpty { s += lijn(gerealiseerd, "#e07b00", false) }
        s += xLabels(labels, x: x, y: boven + h + 16, breedte: w)
        var leg = [Reeks(naam: "prognose", waarden: [], kleur: "#1f4e79"), Reeks(naam: "interval", waarden: [], kleur: "#a9bdd2")]
        if !gerealiseerd.isEmpty { leg.append(Reeks(naam: "gerealiseerd", waarden: [], kleur: "#e07b00")) }
        s += legenda(leg, x: links, y: hoogte - 12)
        return s + "</svg>"
    }

    // MARK: parts

    /// Category labels under the x axis, every so many when they would not fit (about 55 pixels each).
    static func xLabels(_ labels: [String], x: (Int) -> Double, y: Double, breedte: Double) -> String {
        let elke = max(1, Int((Double(labels.count) / (breedte / 55)).rounded(.up)))
        return labels.enumerated().filter { $0.offset % elke == 0 }
            .map { SVG.tekst($0.element, x: x($0.offset), y: y, grootte: 11, anker: "middle") }.joined()
    }

    /// A row's label left of its bar, cut to fit, whole in its title.
    static func rijLabel(_ label: String, x: Double, y: Double, ruimte: Double) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"end\" font-size=\"12\" fill=\"#1b1f23\">"
            + "<title>\(HTML.tekst(label))</title>\(HTML.tekst(past(label, ruimte: ruimte)))</text>"
    }

    static func as_(laag: Double, hoog: Double, stap: Double, y: (Double) -> Double, x0: Double, x1: Double, eenheid: Eenheid) -> String {
        Asschaal.streepjes(laag, hoog, stap).map { t in
            SVG.lijn(x0, y(t), x1, y(t), kleur: abs(t) < stap / 1000 ? "#9aa7b3" : "#e3e8ee")
                + SVG.tekst(kort(t, eenheid), x: x0 - 6, y: y(t) + 4, grootte: 10, anker: "end", kleur: "#5f6b76")
        }.joined()
    }

    static func legenda(_ reeksen: [Reeks], x: Double, y: Double, perRegel: Int = 6, breedte: Double = 800) -> String {
        var s = ""
        let vak = breedte / Double(perRegel)
        for (i, r) in reeksen.enumerated() {
            let xi = x + Double(i % perRegel) * vak, yi = y + Double(i / perRegel) * 18
            s += "<rect x=\"\(f(xi))\" y=\"\(f(yi - 9))\" width=\"12\" height=\"10\" fill=\"\(r.kleur)\"/>"
            s += SVG.tekst(r.naam, x: xi + 16, y: yi, grootte: 11)
        }
        return s
    }

    /// A round axis from lo to hi in about five steps (`Asschaal`, the rule of every chart).
    static func schaal(_ lo: Double, _ hi: Double) -> (Double, Double, Double) {
        let a = Asschaal.bereik(lo, hi, stappen: 5)
        return (a.laag, a.hoog, a.stap)
    }

    static func tekst(_ v: Double, _ e: Eenheid) -> String {
        switch e {
        case .euro: (try? Euro(afgerondeCenten: v * 100))?.heleEuros ?? "-"   // no trap on a value beyond 64-bit cents
        case .aantal: Tabel.groepeer(v)
        case .procent: Tabel.procentTekst(v)
        }
    }

    /// Short axis labels: "€ 1,5 mln", "€ 250.000" (`Euro.kort`, as every chart), "1.200", "80%".
    static func kort(_ v: Double, _ e: Eenheid) -> String {
        switch e {
        case .euro:
            return Euro.kort(v)
        case .aantal: return tekst(v, .aantal)
        case .procent: return Tabel.decimaal(v * 100, 0) + "%"
        }
    }
}
