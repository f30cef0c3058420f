import Foundation
import Testing
@testable import RegioCore
@testable import RegioWeergave

@Suite("Verevening: grafiek (SVG)")
struct VereveningGrafiekTests {
    let gemeenten = [(code: "0101", naam: "Aadorp"), (code: "0102", naam: "Bee & Zee"), (code: "0103", naam: "Ceedorp")]
    let reeksen = [
        VereveningGrafiek.Reeks(naam: "solidariteit", omschrijving: "volledige solidariteit",
                                saldo: ["0101": Euro(euro: 1_250_000), "0102": Euro(euro: -1_000_000), "0103": Euro(euro: -250_000)]),
        VereveningGrafiek.Reeks(naam: "drempel:100000", omschrijving: "",
                                saldo: ["0101": Euro(euro: 300_000), "0102": Euro(euro: -300_000)]),
    ]

    @Test("zelfstandige SVG: geen stylesheet, scripts of externe verwijzingen; namen ge-escaped")
    func zelfstandig() {
        let svg = VereveningGrafiek.svg(titel: "Verevening 2019", ondertitel: "Sleutel macrobudget", gemeenten: gemeenten, reeksen: reeksen)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(!svg.contains("<style") && !svg.contains("<script") && !svg.contains("class=") && !svg.contains("href"))
        #expect(svg.components(separatedBy: "http").count == 2)  // only the namespace
        #expect(svg.contains("Bee &amp; Zee") && !svg.contains("Bee & Zee"))
        // one bar per municipality and scenario (a missing saldo is drawn as 0), each with a tooltip
        #expect(svg.components(separatedBy: "</title></rect>").count - 1 == 6)
        #expect(svg.contains("voordeel") && svg.contains("nadeel") && svg.contains("solidariteit — volledige solidariteit"))
        #expect(svg.contains("€ +1,25 mln") && svg.contains("€ -1 mln") && svg.contains("€ -250.000"))
    }

    @Test("voordeel rechts van de nullijn, nadeel links")
    func richting() {
        let s = VereveningGrafiek.Schaal(min: -1_000_000, max: 1_250_000, van: 280, tot: 890)
        #expect(s.x(0) > 280 && s.x(0) < 890)
        #expect(s.x(1_250_000) > s.x(0) && s.x(-1_000_000) < s.x(0))
        #expect(s.x(s.laag) == 280 && s.x(s.hoog) == 890)
        #expect(s.streepjes.contains(0))
        // step for a range of 2,25 mln / 6 = 375.000 rounds up to 500.000
        #expect(s.streepjes == [-1_000_000, -500_000, 0, 500_000, 1_000_000, 1_500_000])
    }

    @Test("bedragen op de as en bij de balken", arguments: [
        // as the tables write amounts (`Euro.kort`): the minus after "€ ", trailing zeros dropped
        (1_500_000.0, "€ 1,5 mln", "€ +1,5 mln"), (-500_000, "€ -500.000", "€ -500.000"), (0, "€ 0", "€ 0"),
        (314_280, "€ 314.280", "€ +314.280"), (-1_234_567, "€ -1,23 mln", "€ -1,23 mln"), (2_000_000, "€ 2 mln", "€ +2 mln"),
    ])
    func bedragen(_ v: Double, _ kort: String, _ lang: String) {
        // one municipality with this saldo, one at zero: the bar's label is the signed form, the axis the short one
        let reeks = VereveningGrafiek.Reeks(naam: "s", omschrijving: "", saldo: ["0101": Euro(euro: Int64(v)), "0102": .nul])
        let svg = VereveningGrafiek.svg(titel: "t", ondertitel: "o", gemeenten: Array(gemeenten.prefix(2)), reeksen: [reeks])
        #expect(svg.contains(">\(lang)</text>"), "\(lang)")
        let s = VereveningGrafiek.Schaal(min: min(v, 0), max: max(v, 0), van: 280, tot: 890)
        #expect(Euro.kort(v) == kort)
        for t in s.streepjes { #expect(svg.contains(">\(Euro.kort(t))</text>"), "as \(t)") }
    }

    @Test("alles nul geeft toch een as")
    func allesNul() {
        let s = VereveningGrafiek.Schaal(min: 0, max: 0, van: 0, tot: 100)
        #expect(s.hoog > s.laag)
        let svg = VereveningGrafiek.svg(titel: "t", ondertitel: "o", gemeenten: gemeenten, reeksen: [])
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test("HTML-pagina met dezelfde cijfers als tabel")
    func html() {
        let h = VereveningGrafiek.html(titel: "Verevening 2019", ondertitel: "o", gemeenten: gemeenten, reeksen: reeksen)
        #expect(h.hasPrefix("<!DOCTYPE html>") && h.contains("<html lang=\"nl\">"))
        // to the cent; per scenario the total is the sum of the rows: 1.250.000 − 1.000.000 − 250.000 = 0 and
        // 300.000 − 300.000 + 0 (no saldo for 0103) = 0
        #expect(h.contains(">€ 1.250.000,00<") && h.contains(">€ -1.000.000,00<") && h.contains(">€ -250.000,00<"))
        #expect(h.components(separatedBy: "font-weight:bold\">€ 0,00</td>").count - 1 == 2)
        #expect(!h.contains("<script") && !h.contains("<link"))
    }
}

/// `Asschaal`: the one axis rule of every chart (cases worked by hand).
struct AsschaalTests {
    @Test func rondeStappen() {
        #expect(Asschaal.stap(375_000) == 500_000)   // 1, 2, 2,5, 5 x 10^5: the first >= 375.000
        #expect(Asschaal.stap(2_200_000) == 2_500_000)
        #expect(Asschaal.stap(200) == 200)
        #expect(Asschaal.stap(0.0845) == 0.1)
        #expect(Asschaal.stap(0) == 1 && Asschaal.stap(.nan) == 1)
        // -1 mln .. 1,25 mln in six steps: 2,25 mln / 6 = 375.000 -> 500.000; the axis on whole steps
        let a = Asschaal.bereik(-1_000_000, 1_250_000, stappen: 6)
        #expect(a.laag == -1_000_000 && a.hoog == 1_500_000 && a.stap == 500_000)
        // a flat series still gets an axis of one step
        let b = Asschaal.bereik(400, 400, stappen: 5)
        #expect(b.hoog > b.laag)
    }
}
