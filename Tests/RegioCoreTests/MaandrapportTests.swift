import Testing
@testable import RegioCore
import RegioWeergave

/// The monthly report: totals add up, hand-worked figures, and the council version leaks no small numbers.
@Suite struct MaandrapportTests {
    static func d(_ s: String) -> Dag { Dag.parse(s)! }

    /// Aadorp: 30 ambulant clients 2019-2020 (EUR 800 a month each, Jan-Jun), 2 in residential care Feb-May 2020
    /// (EUR 3000 a month each), 6 crisis placements 1-14 March 2020 (14 x EUR 400). Beestad: 3 ambulant clients in 2020.
    /// Cedorp: 12 ambulant clients 2019-2020 (EUR 500 a month, Jan-Jun), referred by the municipality.
    /// Declarations arrive 20 days after the month (crisis: 3 April).
    static func regio() -> Gegevens {
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0001", naam: "Aadorp"), Gemeente(code: "0002", naam: "Beestad"), Gemeente(code: "0003", naam: "Cedorp")]
        for j in [2019, 2020] {
            g.gemeentecijfers += [Gemeentecijfers(gemeentecode: "0001", jaar: j, inwoners: 10_000, jeugdigen: 2_000, macrobudgetJeugd: Euro(euro: 1)),
                                  Gemeentecijfers(gemeentecode: "0002", jaar: j, inwoners: 5_000, jeugdigen: 1_000, macrobudgetJeugd: Euro(euro: 1)),
                                  Gemeentecijfers(gemeentecode: "0003", jaar: j, inwoners: 8_000, jeugdigen: 1_500, macrobudgetJeugd: Euro(euro: 1))]
        }
        g.percelen = [Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false),
                      Perceel(code: "VBJ", naam: "Verblijf Jeugd", segment: "Verblijf", verevend: true),
                      Perceel(code: "CRI", naam: "Crisiszorg", segment: "Crisis", verevend: true)]
        g.producten = [Product(productcode: "45A04", productcategorie: "45", perceel: "AMB", tarief: Euro(euro: 100)),
                       Product(productcode: "43A01", productcategorie: "43", perceel: "VBJ", tarief: Euro(euro: 100)),
                       Product(productcode: "46A03", productcategorie: "46", perceel: "CRI", tarief: Euro(euro: 400))]
        g.budgetten = [Budget(jaar: 2020, gemeentecode: "0001", perceel: "AMB", bedrag: Euro(euro: 300_000)),
                       Budget(jaar: 2020, gemeentecode: "0001", perceel: "VBJ", bedrag: Euro(euro: 50_000)),
                       Budget(jaar: 2020, gemeentecode: "0001", perceel: "CRI", bedrag: Euro(euro: 20_000)),
                       Budget(jaar: 2020, gemeentecode: "0002", perceel: "AMB", bedrag: Euro(euro: 30_000))]
        var nr = 0
        func zorg(_ client: String, _ gem: String, _ code: String, _ van: String, _ tot: String, _ f: Frequentie, _ v: Verwijzer,
                  maanden: [Maand], bedrag: Int64, ingediend: ((Maand) -> Dag)? = nil) {
            nr += 1
            let tw = "T\(nr)"
            g.toewijzingen.append(Toewijzing(toewijzingnummer: tw, client: client, gemeentecode: gem, agb: "12345678",
                                             productcategorie: String(code.prefix(2)), productcode: code, ingangsdatum: d(van),
                                             einddatum: d(tot), volume: 1, frequentie: f, verwijzer: v, toewijzingsdatum: d(van)))
            for m in maanden {
                nr += 1
                let begin = max(m.eersteDag, d(van)), eind = min(m.laatsteDag, d(tot))
                g.declaraties.append(Declaratieregel(declaratienummer: "D", referentienummer: "R\(nr)", toewijzingnummer: tw, client: client,
                                                     gemeentecode: gem, agb: "12345678", productcategorie: String(code.prefix(2)),
                                                     productcode: code, begindatum: begin, einddatum: eind, bedrag: Euro(euro: bedrag),
                                                     ingediendOp: ingediend?(m) ?? eind + 20))
            }
        }
        let halfjaar = { (j: Int) in (1...6).map { Maand(jaar: j, maand: $0) } }
        for i in 0..<30 {
            zorg("PSEUDO-AADORP-\(i)", "0001", "45A04", "2019-01-01", "2020-12-31", .perWeek, i % 2 == 0 ? .huisarts : .gemeente,
                 maanden: halfjaar(2019) + halfjaar(2020), bedrag: 800)
        }
        for i in 0..<2 {
            zorg("PSEUDO-VERBLIJF-\(i)", "0001", "43A01", "2020-02-01", "2020-05-31", .perDag, .medischSpecialist,
                 maanden: (2...5).map { Maand(jaar: 2020, maand: $0) }, bedrag: 3_000)
        }
        for i in 0..<6 {
            zorg("PSEUDO-CRISIS-\(i)", "0001", "46A03", "2020-03-01", "2020-03-14", .perDag, .justitie,
                 maanden: [Maand(jaar: 2020, maand: 3)], bedrag: 5_600) { _ in d("2020-04-03") }
        }
        for i in 0..<3 {
            zorg("PSEUDO-BEESTAD-\(i)", "0002", "45A04", "2020-01-01", "2020-12-31", .perWeek, .huisarts,
                 maanden: halfjaar(2020), bedrag: 700)
        }
        for i in 0..<12 {
            zorg("PSEUDO-CEDORP-\(i)", "0003", "45A04", "2019-01-01", "2020-12-31", .perWeek, .gemeente,
                 maanden: halfjaar(2019) + halfjaar(2020), bedrag: 500)
        }
        return g
    }

    static func tabel(_ r: Maandrapport, _ naam: String) -> Tabel? { r.onderdelen.first { $0.naam == naam }?.tabel }

    /// Column values as machine text.
    static func kolom(_ t: Tabel, _ naam: String, voet: Bool = false) -> [String] {
        let i = t.kolommen.firstIndex { $0.naam == naam }!
        return (voet ? t.voet : t.rijen).map { $0[i].machine }
    }

    static func som(_ t: Tabel, _ naam: String) -> Euro { kolom(t, naam).compactMap(Euro.parse).som() }
    static func totaal(_ t: Tabel, _ naam: String) -> Euro? { Euro.parse(kolom(t, naam, voet: true)[0]) }

    @Test func internAlleTotalenTellenOp() throws {
        let r = try Maandrapport.maak(Self.regio(), gemeente: "0001", maand: Maand(jaar: 2020, maand: 6), versie: .intern)
        #expect(r.peildatum == Self.d("2020-06-30") && r.peildatumVorigJaar == Self.d("2019-06-30"))
        let kerntabel = Self.tabel(r, "kerncijfers")!
        func kern(_ sleutel: String, _ kolom: String) -> String {
            let rij = kerntabel.rijen.first { $0[0].machine == sleutel }!
            return rij[kerntabel.kolommen.firstIndex { $0.naam == kolom }!].machine
        }
        // 2020 Jan-Jun known on 30 June: ambulant 30 x 5 months x 800 (June arrives 20 July) = 120000; residential
        // 2 x 4 x 3000 = 24000; crisis 6 x 5600 = 33600 -> 177600. 2019 on 30 June 2019: 120000.
        #expect(kern("gedeclareerd", "dit_jaar") == "177600.00")
        #expect(kern("gedeclareerd", "vorig_jaar") == "120000.00")
        #expect(kern("gedeclareerd", "verschil") == "57600.00")
        #expect(kern("gedeclareerd", "verschil_procent") == "0.4800")
        #expect(kern("unieke_clienten", "dit_jaar") == "38" && kern("unieke_clienten", "vorig_jaar") == "30")
        // inflow 2 residential + 6 crisis; outflow the same 8; 30 in care at the end of June
        #expect(kern("instroom", "dit_jaar") == "8" && kern("uitstroom", "dit_jaar") == "8" && kern("in_zorg_einde", "dit_jaar") == "30")
        #expect(kern("budget", "dit_jaar") == "370000.00")
        // per youth: 177600 / 2000 = 88.80
        #expect(kern("kosten_per_jeugdige", "dit_jaar") == "88.80")
        // median duration of the ended allocations: six of 14 days, two of 121 days -> 14
        #expect(kern("duur_mediaan_dagen", "dit_jaar") == "14")

        let gedeclareerd = Euro(euro: 177_600)
        for (naam, kolommen) in [("budget_per_perceel", ["budget", "verplichting", "gedeclareerd"]), ("trend_per_maand", ["verplichting", "gedeclareerd"]),
                                 ("verwijzers", ["gedeclareerd"]), ("vergelijking_regio", ["gedeclareerd"])] {
            let t = Self.tabel(r, naam)!
            for k in kolommen { #expect(Self.som(t, k) == Self.totaal(t, k), "\(naam).\(k)") }
            if naam != "vergelijking_regio" { #expect(Self.totaal(t, "gedeclareerd") == gedeclareerd, "\(naam)") }
        }
        // the region: Aadorp 177600 + Beestad 3 x 5 x 700 = 10500 + Cedorp 12 x 5 x 500 = 30000
        #expect(Self.totaal(Self.tabel(r, "vergelijking_regio")!, "gedeclareerd") == Euro(euro: 218_100))
        #expect(Self.totaal(Self.tabel(r, "trend_per_maand")!, "verplichting") == Euro.parse(kern("verplichting", "dit_jaar")))
        #expect(Self.totaal(Self.tabel(r, "budget_per_perceel")!, "budget") == Euro(euro: 370_000))
        // per lot: ambulant 120000, residential 24000, crisis 33600
        #expect(Self.kolom(Self.tabel(r, "budget_per_perceel")!, "gedeclareerd") == ["120000.00", "24000.00", "33600.00"])
        // referrers: GP 15 x 5 x 800 = 60000 of 177600 = 33.8%
        let v = Self.tabel(r, "verwijzers")!
        #expect(Self.kolom(v, "verwijzer_type") == ["01", "02", "05", "08"])
        #expect(Self.kolom(v, "gedeclareerd") == ["60000.00", "60000.00", "24000.00", "33600.00"])
        #expect(Self.kolom(v, "aandeel")[1] == "0.3378")
    }

    @Test func internDuursteClientenOpPseudoniem() throws {
        let g = Self.regio()
        let r = try Maandrapport.maak(g, gemeente: "0001", maand: Maand(jaar: 2020, maand: 6), peildatum: Self.d("2020-08-31"), versie: .intern)
        let t = Self.tabel(r, "duurste_clienten")!
        #expect(t.rijen.count == 10)
        // residential 4 x 3000 = 12000 each, then crisis 5600 each, then ambulant 6 x 800 = 4800
        #expect(Self.kolom(t, "pseudoniem").prefix(2).allSatisfy { $0.hasPrefix("PSEUDO-VERBLIJF") })
        #expect(Self.kolom(t, "gedeclareerd").prefix(3) == ["12000.00", "12000.00", "5600.00"])
        #expect(Self.som(t, "gedeclareerd") == Self.totaal(t, "gedeclareerd"))
        // every client's cost adds up to the municipality's total
        let alle = Monitoring.kostenPerClient(g.bekendOp(r.peildatum), van: r.van, tot: r.tot, selectie: Selectie(gemeente: "0001"))
        #expect(alle.map(\.kosten).som() == Euro(euro: 30 * 6 * 800 + 24_000 + 33_600))
        #expect(alle.count == 38)
    }

    /// Every count cell in the council version is "<5", "×" or at least 5.
    static func geenKleineAantallen(_ r: Maandrapport) {
        let telkolommen: Set<String> = ["unieke_clienten", "instroom", "uitstroom", "in_zorg_einde"]
        for o in r.onderdelen {
            guard let t = o.tabel else { continue }
            for (i, k) in t.kolommen.enumerated() where telkolommen.contains(k.naam) {
                for rij in t.rijen + t.voet {
                    let m = rij[i].machine
                    #expect(m == "<5" || m == "×" || (Int(m) ?? 0) >= 5, "\(o.naam).\(k.naam): \(m)")
                }
            }
            if o.naam == "kerncijfers" {
                for rij in t.rijen where telkolommen.contains(rij[0].machine) {
                    // the municipality's own total may be a secondary too (a tiny region: an empty cell covers nothing)
                    for c in rij[1...2] { #expect(["<5", "×"].contains(c.machine) || (Int(c.machine) ?? 0) >= 5, "kerncijfers \(rij[0].machine): \(c.machine)") }
                }
            }
        }
    }

    /// Every hidden cell of a table in the council version is hidden by the council's plan of the year, and every cell the
    /// plan hides is hidden: the report and the dashboard hide the same cells.
    static func volgtPlan(_ r: Maandrapport, _ plan: Raadsplan) {
        let b = tabel(r, "budget_per_perceel")!
        for (i, rij) in b.rijen.enumerated() {
            let s = plan.status(gemeente: r.gemeente.code, perceel: rij[0].machine)
            #expect(kolom(b, "gedeclareerd")[i] == (s.isVerborgen ? s.merk : kolom(b, "gedeclareerd")[i]), "\(rij[0].machine)")
            #expect(s.isVerborgen == ["<5", "×"].contains(kolom(b, "gedeclareerd")[i]), "\(rij[0].machine)")
        }
        let v = tabel(r, "vergelijking_regio")!
        for (i, rij) in v.rijen.enumerated() {
            let s = plan.status(gemeente: rij[0].machine)
            #expect(s.isVerborgen == ["<5", "×"].contains(kolom(v, "gedeclareerd")[i]), "\(rij[0].machine)")
        }
    }

    @Test func raadsversieOnderdruktKleineGroepenEnTerugrekenen() throws {
        let g = Self.regio()
        let r = try Maandrapport.maak(g, gemeente: "0001", maand: Maand(jaar: 2020, maand: 6), versie: .raad)
        #expect(!r.onderdelen.contains { $0.naam == "duurste_clienten" })
        Self.geenKleineAantallen(r)
        Self.volgtPlan(r, Raadsplan.bereken(g.bekendOp(r.peildatum), jaar: 2020, tot: Self.d("2020-06-30")))
        // residential care: 2 clients -> its money "<5". Aadorp's pooled cost (residential + crisis, 8 clients) is
        // published for the equalization, so crisis (6 clients) must go too: 8-client total minus crisis gives residential.
        // Budgets are plans, never hidden.
        let b = Self.tabel(r, "budget_per_perceel")!
        #expect(Self.kolom(b, "gedeclareerd")[1...2] == ["<5", "×"])
        #expect(Self.kolom(b, "verplichting")[1...2] == ["<5", "×"])
        #expect(Self.kolom(b, "realisatie")[1...2] == ["<5", "×"])
        #expect(Self.kolom(b, "budget") == ["300000.00", "50000.00", "20000.00"])
        // referrers: the medical specialist (the 2 residential clients) is small; its complement is hidden too
        let v = Self.tabel(r, "verwijzers")!
        #expect(Self.kolom(v, "verwijzer_type").contains("05"))
        let i05 = Self.kolom(v, "verwijzer_type").firstIndex(of: "05")!
        #expect(Self.kolom(v, "gedeclareerd")[i05] == "<5")
        #expect(Self.kolom(v, "gedeclareerd").filter { $0 == "×" || $0 == "<5" }.count >= 2)
        // months: inflow in February (2) is small, so March's (6) is hidden as well
        let t = Self.tabel(r, "trend_per_maand")!
        #expect(Self.kolom(t, "instroom") == ["<5", "<5", "×", "<5", "<5", "<5"])
        #expect(Self.kolom(t, "instroom", voet: true) == ["8"])
        // the chart does not draw what the table hides
        let kosten = r.onderdelen.first { $0.naam == "verwijzers" }!.grafieken[0]
        let verborgen = Set(Self.kolom(v, "gedeclareerd").indices.filter { ["<5", "×"].contains(Self.kolom(v, "gedeclareerd")[$0]) })
        #expect(Set(kosten.reeksen[0].verborgen) == verborgen)
        // the region: Beestad (3 clients) is hidden, and its cost 3 x 5 x 700 = 10500 appears nowhere
        let regio = Self.tabel(r, "vergelijking_regio")!
        #expect(Self.kolom(regio, "gedeclareerd")[1] == "<5")
        let html = Rapport.html(r)
        #expect(!html.contains("10.500") && !html.contains("10500"))
        #expect(!html.contains("PSEUDO"))
        #expect(!html.contains("duurste"))
        #expect(html.contains("Raadsversie"))
    }

    @Test func raadsversieVanEenKleineGemeenteToontGeenCijfers() throws {
        let r = try Maandrapport.maak(Self.regio(), gemeente: "0002", maand: Maand(jaar: 2020, maand: 6), versie: .raad)
        Self.geenKleineAantallen(r)
        let kern = Self.tabel(r, "kerncijfers")!
        for rij in kern.rijen where rij[0].machine != "budget" {
            #expect(["<5", "×", ""].contains(rij[1].machine), "\(rij[0].machine)")
        }
        #expect(r.kernpunten.count == 1 && r.kernpunten[0].contains("niet in de raadsversie"))
        let b = Self.tabel(r, "budget_per_perceel")!
        #expect(Self.kolom(b, "gedeclareerd", voet: true) == ["<5"])
        #expect(Self.kolom(b, "budget").contains("30000.00"))
        let html = Rapport.html(r)
        #expect(!html.contains("10.500") && !html.contains("10500"))
    }

    @Test(arguments: Rapportversie.allCases)
    func htmlIsZelfstandigEnAfdrukbaar(versie: Rapportversie) throws {
        let r = try Maandrapport.maak(Self.regio(), gemeente: "0001", maand: Maand(jaar: 2020, maand: 6), versie: versie)
        let html = Rapport.html(r)
        for verboden in ["http://", "https://", "<script", "src=", "url(", "@import", "<link", "<iframe"] {
            #expect(!html.contains(verboden), "\(verboden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("lang=\"nl\"") && html.contains("size: A4"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
        #expect(html.contains("Aadorp") && html.contains("juni 2020"))
        // balanced tags in the generated parts
        for tag in ["section", "table", "svg", "figure", "tr"] {
            #expect(html.components(separatedBy: "<\(tag)").count == html.components(separatedBy: "</\(tag)>").count, "\(tag)")
        }
    }

    @Test func onbekendeGemeente() {
        #expect(throws: RapportFout.onbekendeGemeente("9999")) {
            try Maandrapport.maak(Self.regio(), gemeente: "9999", maand: Maand(jaar: 2020, maand: 6), versie: .raad)
        }
    }

    @Test(arguments: [
        ([12, 3, 40, 7], true, [Onderdrukking.Status.zichtbaar, .klein, .zichtbaar, .aanvullend]),
        ([12, 0, 40], true, [.zichtbaar, .klein, .zichtbaar]),          // an empty group needs no second cell
        ([3, 2], true, [.klein, .klein]),                                 // nothing left to hide: the total covers them
        ([3, 8, 9], false, [.klein, .zichtbaar, .zichtbaar]),             // unique counts do not add up
        ([3, 5, 5], true, [.klein, .aanvullend, .zichtbaar]),             // ties: the first
        ([20, 30], true, [.zichtbaar, .zichtbaar]),
    ])
    func onderdrukking(basis: [Int], optelbaar: Bool, verwacht: [Onderdrukking.Status]) {
        #expect(Onderdrukking.kolom(basis: basis, optelbaar: optelbaar) == verwacht)
    }

    @Test func grafiekSchaalEnOpmaak() {
        #expect(SVGGrafiek.schaal(177_600).max == 200_000)
        #expect(SVGGrafiek.schaal(38).max == 40 && SVGGrafiek.schaal(0.338).max == 0.4)
        #expect(Grafiek(titel: "", labels: [], reeksen: [], eenheid: .euro).opmaak(1_234_567) == "€ 1,23 mln"
                && Grafiek(titel: "", labels: [], reeksen: [], eenheid: .euro).opmaak(250_000) == "€ 250.000")
        #expect(Opmaak.procent(0.3378) == "33,8%" && Opmaak.getal(-1234.5, decimalen: 1) == "-1.234,5")
        #expect(HTML.tekst("<b>\"A&B\"</b>") == "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;")
    }
}
