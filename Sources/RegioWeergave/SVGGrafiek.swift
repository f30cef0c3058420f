import RegioCore

/// Inline SVG for `Grafiek`: vertical columns with lines over time, or horizontal bars for comparisons. The one column
/// chart of the house: the printed report's and the dashboard's (`Paginagrafiek.kolommen` hands its series here).
public enum SVGGrafiek {
    static let letter = "font-family=\"inherit\" fill=\"#333\""

    /// A round axis maximum and step (`Asschaal`), about `stappen` steps.
    public static func schaal(_ maximum: Double, stappen: Int = 4) -> (max: Double, stap: Double) {
        guard maximum > 0 else { return (1, 0.25) }
        let stap = Asschaal.stap(maximum / Double(stappen))
        var top = stap
        while top < maximum - 1e-9 { top += stap }
        return (top, stap)
    }

    static func legenda(_ g: Grafiek, breedte: Double) -> String {
        var x = 0.0
        var s = ""
        for r in g.reeksen {
            let symbool = r.vorm == .staaf
                ? "<rect x=\"\(f(x))\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(r.kleur)\"/>"
                : "<line x1=\"\(f(x))\" y1=\"9\" x2=\"\(f(x + 12))\" y2=\"9\" stroke=\"\(r.kleur)\" stroke-width=\"2.5\"/>"
            s += symbool + "<text x=\"\(f(x + 16))\" y=\"13\" font-size=\"11\" \(letter)>\(HTML.tekst(r.naam))</text>"
            x += 16 + Double(r.naam.count) * 6.2 + 18
        }
        if g.reeksen.contains(where: { !$0.voorlopig.isEmpty }) {
            s += "<rect x=\"\(f(x))\" y=\"4\" width=\"10\" height=\"10\" fill=\"#999\" opacity=\"0.35\"/>"
                + "<text x=\"\(f(x + 16))\" y=\"13\" font-size=\"11\" \(letter)>nog niet compleet</text>"
        }
        return "<g class=\"legenda\">\(s)</g>"
    }

    static func labelTekst(_ label: String, x: Double, y: Double, grootte: Int, vet: Bool) -> String {
        let regels = label.split(separator: "\n", omittingEmptySubsequences: false)
        let tspans = regels.enumerated().map { i, r in
            "<tspan x=\"\(f(x))\" dy=\"\(i == 0 ? "0" : "1.15em")\">\(HTML.tekst(String(r)))</tspan>"
        }.joined()
        return "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(grootte)\" text-anchor=\"middle\"\(vet ? " font-weight=\"bold\"" : "") \(letter)>\(tspans)</text>"
    }

    /// The y axis from 0 (or a round step below the lowest value) to a round top, in about four steps.
    static func yAs(_ laag: Double, _ hoog: Double) -> (laag: Double, hoog: Double, stap: Double) {
        guard laag < 0 else { let s = schaal(hoog); return (0, s.max, s.stap) }
        return Asschaal.bereik(laag, hoog, stappen: 4)
    }

    /// Columns per category (bar series side by side, below the zero line for negative values), line series over them;
    /// a y axis with gridlines. `labelruimte`: pixels a category label needs; when the categories are narrower, only
    /// every so many is labelled (nil: every one).
    public static func kolommen(_ g: Grafiek, breedte: Double = 680, hoogte: Double = 240, labelruimte: Double? = nil) -> String {
        let links = 78.0, rechts = 8.0, boven = 26.0, onder = 34.0
        let bw = breedte - links - rechts, bh = hoogte - boven - onder
        let alle = g.reeksen.flatMap { $0.waarden.compactMap { $0 } } + [g.referentie?.waarde ?? 0]
        let (laag, top, stap) = yAs(min(alle.min() ?? 0, 0), max(alle.max() ?? 0, 0))
        func y(_ v: Double) -> Double { boven + bh - bh * (v - laag) / (top - laag) }
        let n = max(g.labels.count, 1)
        let band = bw / Double(n)
        let staven = g.reeksen.filter { $0.vorm == .staaf }
        let sw = band * 0.78 / Double(max(staven.count, 1))

        var s = SVG.kop(g.titel, breedte: breedte, hoogte: hoogte)
        s += legenda(g, breedte: breedte)
        for v in Asschaal.streepjes(laag, top, stap) {
            s += SVG.lijn(links, y(v), breedte - rechts, y(v), kleur: "#ddd", dikte: 1)
            s += SVG.tekst(g.opmaak(v), x: links - 6, y: y(v) + 3.5, grootte: 10, anker: "end", extra: " font-family=\"inherit\"")
        }
        let elke = labelruimte.map { max(1, Int((Double(n) * $0 / bw).rounded(.up))) } ?? 1
        for (i, label) in g.labels.enumerated() where i % elke == 0 {
            let midden = links + band * (Double(i) + 0.5)
            s += labelTekst(label, x: midden, y: hoogte - onder + 13, grootte: 9, vet: g.nadruk == i)
        }
        for (j, r) in staven.enumerated() {
            for (i, w) in r.waarden.enumerated() {
                let x0 = links + band * Double(i) + band * 0.11 + sw * Double(j)
                if r.verborgen.contains(i) {
                    s += "<text x=\"\(f(x0 + sw / 2))\" y=\"\(f(y(0) - 3))\" font-size=\"8\" text-anchor=\"middle\" \(letter)>\(HTML.tekst(r.teken(i)))</text>"
                    continue
                }
                guard let w else { continue }
                let h = max(abs(y(0) - y(w)), w != 0 ? 0.5 : 0)
                let vaag = r.voorlopig.contains(i) ? " opacity=\"0.35\"" : ""
                s += "<rect x=\"\(f(x0))\" y=\"\(f(w >= 0 ? y(0) - h : y(0)))\" width=\"\(f(sw * 0.92))\" height=\"\(f(h))\" fill=\"\(r.kleur)\"\(vaag)><title>\(HTML.tekst(g.labels[i].replacing("\n", with: " ") + ": " + g.opmaak(w)))</title></rect>"
            }
        }
        for r in g.reeksen where r.vorm == .lijn {
            var stuk: [String] = []
            var stukken: [[String]] = []
            for (i, w) in r.waarden.enumerated() {
                if let w, !r.verborgen.contains(i) {
                    stuk.append("\(f(links + band * (Double(i) + 0.5))),\(f(y(w)))")
                } else {
                    if !stuk.isEmpty { stukken.append(stuk) }
                    stuk = []
                }
            }
            if !stuk.isEmpty { stukken.append(stuk) }
            for p in stukken {
                s += "<polyline points=\"\(p.joined(separator: " "))\" fill=\"none\" stroke=\"\(r.kleur)\" stroke-width=\"2\"/>"
                for punt in p {
                    let xy = punt.split(separator: ",")
                    s += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2.2\" fill=\"\(r.kleur)\"/>"
                }
            }
            for i in r.verborgen.sorted() where i < n {
                s += "<text x=\"\(f(links + band * (Double(i) + 0.5)))\" y=\"\(f(y(0) - 3))\" font-size=\"8\" text-anchor=\"middle\" \(letter)>\(HTML.tekst(r.teken(i)))</text>"
            }
        }
        if let ref = g.referentie {
            s += "<line x1=\"\(f(links))\" y1=\"\(f(y(ref.waarde)))\" x2=\"\(f(breedte - rechts))\" y2=\"\(f(y(ref.waarde)))\" stroke=\"#c0392b\" stroke-dasharray=\"5 3\" stroke-width=\"1.5\"/>"
            s += "<text x=\"\(f(breedte - rechts))\" y=\"\(f(y(ref.waarde) - 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#c0392b\">\(HTML.tekst(ref.label))</text>"
        }
        s += "<line x1=\"\(f(links))\" y1=\"\(f(y(0)))\" x2=\"\(f(breedte - rechts))\" y2=\"\(f(y(0)))\" stroke=\"#666\" stroke-width=\"1\"/>"
        return s + "</svg>"
    }

    /// Horizontal bars, one row per category and one bar per series; the value printed after each bar.
    public static func liggend(_ g: Grafiek, breedte: Double = 680, rijhoogte: Double = 15) -> String {
        let links = 170.0, rechts = 84.0, boven = 24.0
        let perRij = rijhoogte * Double(max(g.reeksen.count, 1)) + 6
        let hoogte = boven + perRij * Double(g.labels.count) + 8
        let bw = breedte - links - rechts
        let alle = g.reeksen.flatMap { $0.waarden.compactMap { $0 } } + [g.referentie?.waarde ?? 0]
        let top = max(alle.max() ?? 0, 1e-9)
        var s = SVG.kop(g.titel, breedte: breedte, hoogte: hoogte)
        s += legenda(g, breedte: breedte)
        for (i, label) in g.labels.enumerated() {
            let y0 = boven + perRij * Double(i)
            let vet = g.nadruk == i
            s += "<text x=\"\(f(links - 8))\" y=\"\(f(y0 + perRij / 2 + 1))\" font-size=\"11\" text-anchor=\"end\"\(vet ? " font-weight=\"bold\"" : "") \(letter)>\(HTML.tekst(label))</text>"
            for (j, r) in g.reeksen.enumerated() {
                let y = y0 + 3 + rijhoogte * Double(j)
                if r.verborgen.contains(i) {
                    s += "<text x=\"\(f(links + 4))\" y=\"\(f(y + rijhoogte * 0.7))\" font-size=\"10\" \(letter)>\(HTML.tekst(r.teken(i)))</text>"
                    continue
                }
                guard i < r.waarden.count, let w = r.waarden[i] else { continue }
                let lengte = max(bw * max(w, 0) / top, w > 0 ? 0.5 : 0)
                let kleur = vet && j == 0 ? "#0b3d5c" : r.kleur
                s += "<rect x=\"\(f(links))\" y=\"\(f(y))\" width=\"\(f(lengte))\" height=\"\(f(rijhoogte * 0.8))\" fill=\"\(kleur)\"/>"
                s += "<text x=\"\(f(links + lengte + 4))\" y=\"\(f(y + rijhoogte * 0.62))\" font-size=\"9\" \(letter)>\(HTML.tekst(g.opmaak(w)))</text>"
            }
        }
        if let ref = g.referentie {
            let x = links + bw * ref.waarde / top
            s += "<line x1=\"\(f(x))\" y1=\"\(f(boven - 2))\" x2=\"\(f(x))\" y2=\"\(f(hoogte - 6))\" stroke=\"#c0392b\" stroke-dasharray=\"5 3\" stroke-width=\"1.5\"/>"
            s += "<text x=\"\(f(x + 3))\" y=\"\(f(hoogte - 1))\" font-size=\"10\" fill=\"#c0392b\">\(HTML.tekst(ref.label))</text>"
        }
        s += "<line x1=\"\(f(links))\" y1=\"\(f(boven - 2))\" x2=\"\(f(links))\" y2=\"\(f(hoogte - 6))\" stroke=\"#666\" stroke-width=\"1\"/>"
        return s + "</svg>"
    }

}
