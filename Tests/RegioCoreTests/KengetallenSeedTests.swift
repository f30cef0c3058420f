import Testing
@testable import RegioCore

/// The figures reproduce the seed documents where they apply (Tests/Fixtures/reference).
@Suite struct KengetallenSeedTests {
    static func d(_ s: String) -> Dag { Dag.parse(s)! }

    /// crisis-2018.csv: average commitment and cost per client, utilisation = average cost / average commitment.
    /// Client counts: Baarn 14 and Woudenberg 10 are in 002 (par. 3.4); the others are chosen so that the regional
    /// averages round to the REGIO row (7305, 5338, 73%) and the total is the EUR 1.1 mln of the text: 206 clients.
    static let crisis: [(String, Int, Int64, Int64, Int)] = [
        ("0307", 104, 7136, 5060, 71), ("0308", 14, 6866, 4237, 62), ("0313", 16, 6887, 4396, 64), ("0317", 4, 8168, 6204, 76),
        ("0327", 10, 7563, 4491, 59), ("0342", 48, 7315, 6199, 85), ("0351", 10, 9695, 7648, 79),
    ]

    @Test func uitnuttingCrisis2018() {
        var g = Gegevens()
        g.percelen = [Perceel(code: "CRI", naam: "Crisiszorg Jeugd", segment: "Crisis", verevend: true)]
        g.producten = [Product(productcode: "46A03", productcategorie: "46", perceel: "CRI")]
        for (gem, n, verplichting, kosten, _) in Self.crisis {
            g.gemeenten.append(Gemeente(code: gem, naam: gem))
            for i in 0..<n {
                // amounts differ per client but average exactly to the seed: +-EUR 500 in pairs
                let afwijking: Int64 = n % 2 == 1 && i == n - 1 ? 0 : (i % 2 == 0 ? 500 : -500)
                let nr = "\(gem)-\(i)"
                g.toewijzingen.append(Toewijzing(toewijzingnummer: nr, client: "C\(nr)", gemeentecode: gem, agb: "12345678",
                                                 productcategorie: "46", productcode: "46A03", ingangsdatum: Self.d("2018-01-01"),
                                                 einddatum: Self.d("2018-12-31"), budget: Euro(euro: verplichting + afwijking),
                                                 toewijzingsdatum: Self.d("2018-01-01")))
                g.declaraties.append(Declaratieregel(declaratienummer: "D", referentienummer: nr, toewijzingnummer: nr, client: "C\(nr)",
                                                     gemeentecode: gem, agb: "12345678", productcategorie: "46", productcode: "46A03",
                                                     begindatum: Self.d("2018-03-01"), einddatum: Self.d("2018-03-31"),
                                                     bedrag: Euro(euro: kosten - afwijking), ingediendOp: Self.d("2018-04-15")))
            }
        }
        let r = Monitoring.kengetallen(g, van: Self.d("2018-01-01"), tot: Self.d("2018-12-31"), per: .gemeente, selectie: Selectie(perceel: "CRI"))
        for (rij, (gem, n, verplichting, kosten, procent)) in zip(r.groepen, Self.crisis) {
            #expect(rij.groep == gem && rij.clienten == n)
            #expect(rij.verplichtingPerClient == Euro(euro: verplichting))
            #expect(rij.kostenPerClient == Euro(euro: kosten))
            #expect(Int((rij.uitnutting! * 100).rounded()) == procent, "\(gem)")
        }
        #expect(r.totaal.clienten == 206)
        #expect(Int((r.totaal.verplichtingPerClient!.alsDouble).rounded()) == 7305)
        #expect(Int((r.totaal.kostenPerClient!.alsDouble).rounded()) == 5338)
        #expect(Int((r.totaal.uitnutting! * 100).rounded()) == 73)
        #expect(r.totaal.gedeclareerd == Euro(euro: 1_099_652))
    }

    /// clienten-per-zorgvorm-2019-2020.csv: 8972 unique clients in 2019 whose care forms sum to 11026; each form's
    /// count is its own unique count and the total is not the sum.
    @Test func uniekeClientenPerZorgvorm2019() {
        let vormen: [(String, Int)] = [("AB", 1377), ("ABH", 6416), ("DYS", 665), ("LOG", 177), ("LTA", 286), ("VBL", 339),
                                       ("WGV", 373), ("ZKH", 1322), ("OVR", 71)]
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0307", naam: "Amersfoort")]
        var i = 0
        for (n, (vorm, aantal)) in vormen.enumerated() {
            g.percelen.append(Perceel(code: vorm, naam: vorm, segment: "S", verevend: false))
            g.producten.append(Product(productcode: "P\(n)", productcategorie: "45", perceel: vorm))
            // slots of one form are consecutive, so a client never gets the same form twice; 2054 clients get two forms
            for _ in 0..<aantal {
                let client = "C\(i % 8972)"
                g.toewijzingen.append(Toewijzing(toewijzingnummer: "T\(i)", client: client, gemeentecode: "0307", agb: "12345678",
                                                 productcategorie: "45", productcode: "P\(n)", ingangsdatum: Self.d("2019-02-01"),
                                                 einddatum: Self.d("2019-05-31"), toewijzingsdatum: Self.d("2019-01-20")))
                i += 1
            }
        }
        let r = Monitoring.kengetallen(g, van: Self.d("2019-01-01"), tot: Self.d("2019-12-31"), per: .perceel, selectie: Selectie())
        let perVorm = Dictionary(uniqueKeysWithValues: r.groepen.map { ($0.groep, $0.clienten) })
        for (vorm, aantal) in vormen { #expect(perVorm[vorm] == aantal) }
        #expect(r.groepen.map(\.clienten).reduce(0, +) == 11_026)
        #expect(r.totaal.clienten == 8_972)
        #expect(r.totaal.toewijzingen == 11_026)   // allocations do add up
    }
}
