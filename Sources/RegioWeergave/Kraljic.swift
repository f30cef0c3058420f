import Foundation
import RegioCore

extension SVGGrafiek {
    /// Kraljic placement of segments: number of active providers (x, log scale: supply risk grows to the left) against
    /// the share of spend (y, impact); the dashed lines are the thresholds that decide the quadrant.
    public static func kraljic(_ m: Marktanalyse, instellingen: Contractinstellingen = .standaard,
                               breedte: Double = 680, hoogte: Double = 420) -> String {
        let links = 60.0, rechts = 20.0, boven = 34.0, onder = 44.0
        let bw = breedte - links - rechts, bh = hoogte - boven - onder
        let punten = m.segmenten.filter { $0.kostenaandeel != nil && $0.aanbieders > 0 }
        let maxAanbieders = Double(max(punten.map(\.aanbieders).max() ?? 1, instellingen.kraljicMaxAanbieders * 4))
        let (topY, stapY) = schaal(max(punten.compactMap(\.kostenaandeel).max() ?? 0.1, 0.1) * 100)
        func x(_ n: Double) -> Double { links + bw * log(max(n, 1)) / log(maxAanbieders * 1.15) }
        func y(_ aandeel: Double) -> Double { boven + bh - bh * aandeel * 100 / topY }
        let titel = "Kraljic-plaatsing segmenten \(m.jaar)"
        var s = SVG.kop(titel, breedte: breedte, hoogte: hoogte)
        s += "<text x=\"\(f(links))\" y=\"16\" font-size=\"13\" font-weight=\"bold\" \(letter)>\(HTML.tekst(titel))</text>"
        // quadrant thresholds: impact = an equal share of spend; risk = few providers
        let segmenten = m.segmenten.filter { ($0.kostenaandeel ?? 0) > 0 }.count
        let drempelY = segmenten > 0 ? 1 / Double(segmenten) : 0
        let drempelX = Double(instellingen.kraljicMaxAanbieders) + 0.5
        s += "<rect x=\"\(f(links))\" y=\"\(f(boven))\" width=\"\(f(bw))\" height=\"\(f(bh))\" fill=\"none\" stroke=\"#666\"/>"
        s += SVG.lijn(x(drempelX), boven, x(drempelX), boven + bh, kleur: "#999", extra: " stroke-dasharray=\"5 3\"")
        s += SVG.lijn(links, y(drempelY), links + bw, y(drempelY), kleur: "#999", extra: " stroke-dasharray=\"5 3\"")
        let hoeken: [(String, Double, Double, String)] = [
            ("Strategisch", links + 6, boven + 14, "start"), ("Hefboom", links + bw - 6, boven + 14, "end"),
            ("Knelpunt", links + 6, boven + bh - 6, "start"), ("Routine", links + bw - 6, boven + bh - 6, "end"),
        ]
        for (naam, hx, hy, anker) in hoeken {
            s += SVG.tekst(naam, x: hx, y: hy, grootte: 11, anker: anker, kleur: "#888")
        }
        for v in Asschaal.streepjes(0, topY, stapY) {
            s += SVG.tekst(Tabel.decimaal(v, 0) + "%", x: links - 6, y: y(v / 100) + 3.5, grootte: 10, anker: "end", extra: " font-family=\"inherit\"")
        }
        for n in [1, 2, 5, 10, 20, 50, 100, 200, 500] where Double(n) <= maxAanbieders * 1.15 {
            s += "<text x=\"\(f(x(Double(n))))\" y=\"\(f(boven + bh + 14))\" font-size=\"10\" text-anchor=\"middle\" \(letter)>\(n)</text>"
        }
        s += "<text x=\"\(f(links + bw / 2))\" y=\"\(f(hoogte - 8))\" font-size=\"11\" text-anchor=\"middle\" \(letter)>Aantal actieve aanbieders (logaritmisch; links: weinig aanbieders, hoog leveringsrisico)</text>"
        s += "<text x=\"14\" y=\"\(f(boven + bh / 2))\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(f(boven + bh / 2)))\" \(letter)>Aandeel in de kosten (impact)</text>"
        let kleuren: [Kraljic: String] = [.strategisch: "#c0392b", .hefboom: "#1f6f9f", .knelpunt: "#e08e0b", .routine: "#5b8c3a"]
        // labels that would overlap another move down or up a line, nearest free place first
        var geplaatst: [(x0: Double, x1: Double, y: Double)] = []
        for p in punten {
            let px = x(Double(p.aanbieders)), py = y(p.kostenaandeel ?? 0)
            let straal = 4 + 10 * (p.clientaandeel ?? 0).squareRoot()
            s += "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"\(f(straal))\" fill=\"\(kleuren[p.kraljic ?? .routine] ?? "#666")\" opacity=\"0.75\"><title>\(HTML.tekst("\(p.segment): \(Tabel.procentTekst(p.kostenaandeel ?? 0)) van de kosten, \(p.aanbieders) aanbieders, \(p.clienten) cliënten"))</title></circle>"
            // near the right edge the label goes to the left of the point, so it stays inside the chart
            let naarLinks = px > links + bw * 0.8
            let tx = naarLinks ? px - straal - 3 : px + straal + 3, lengte = 6.3 * Double(p.segment.count)
            let x0 = naarLinks ? tx - lengte : tx, x1 = naarLinks ? tx : tx + lengte
            var ty = py + 4
            for stap in [0.0, 13, -13, 26, -26, 39, -39, 52, -52] {
                let kandidaat = py + 4 + stap
                guard kandidaat > boven + 10, kandidaat < boven + bh - 2 else { continue }
                if !geplaatst.contains(where: { $0.x0 < x1 && x0 < $0.x1 && abs($0.y - kandidaat) < 12 }) { ty = kandidaat; break }
            }
            geplaatst.append((x0, x1, ty))
            s += "<text x=\"\(f(tx))\" y=\"\(f(ty))\" font-size=\"11\" text-anchor=\"\(naarLinks ? "end" : "start")\" \(letter)>\(HTML.tekst(p.segment))</text>"
        }
        return s + "</svg>"
    }
}
