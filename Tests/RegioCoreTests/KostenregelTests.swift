import Testing
@testable import RegioCore

@Suite struct KostenregelTests {
    typealias F = Fx

    @Test func kostenHoogBovenDrempel() {
        var g = F.basis()
        // K: 11 x 10,000 in Apr 2020-Feb 2021 = 110,000 > 100,000: fires
        // L: 11 x 9,000 = 99,000: not
        // M: Mar 2020 50,000 falls before the window (Apr 2020-Mar 2021); 10 x 6,000 = 60,000 inside: not
        // N: 110,000 minus a credit of 10,000 = 100,000, not above the threshold: not
        // R: 10 x 10,000 plus a rejected line of 20,000 = 100,000: not
        g.declaraties = F.maandregels("K", "2020-04", "2021-02", euro: 10_000) + F.maandregels("L", "2020-04", "2021-02", euro: 9_000)
            + [F.decl("M-mrt", "T-M", "M", "2020-03-01", "2020-03-31", euro: 50_000)] + F.maandregels("M", "2020-04", "2021-01", euro: 6_000)
            + F.maandregels("N", "2020-04", "2021-02", euro: 10_000)
            + [F.decl("N-c", "T-N", "N", "2020-04-01", "2020-04-30", euro: 10_000, .credit)]
            + F.maandregels("R", "2020-04", "2021-01", euro: 10_000)
            + [F.decl("R-x", "T-R", "R", "2020-05-01", "2020-05-31", euro: 20_000, .debet, .afgewezen)]
        let s = F.signalen(g, KostenHoog(), peil: "2021-03-31", ["top_n": .getal(0)])
        #expect(s.map(\.client) == ["K"])
        #expect(s.first?.bedrag == Euro(euro: 110_000))
        #expect(s.first?.van == F.d("2020-04-01") && s.first?.tot == F.d("2021-03-31"))
        #expect(s.first?.sleutel == "KOSTEN-HOOG|0001|K")
        #expect(s.first?.toelichting.contains("€ 110.000") == true)
        #expect(s.first?.agb == F.a1 && s.first?.perceel == "AMB")
    }

    @Test func kostenHoogTopN() {
        var g = F.basis()
        // Beestad: X 30,000, Y 20,000, Z 10,000 in the window; top 2 with a threshold out of reach: X and Y
        g.declaraties = [F.decl("x", "T-X", "X", "2020-06-01", "2020-06-30", euro: 30_000, gemeente: "0002"),
                         F.decl("y", "T-Y", "Y", "2020-06-01", "2020-06-30", euro: 20_000, gemeente: "0002"),
                         F.decl("z", "T-Z", "Z", "2020-06-01", "2020-06-30", euro: 10_000, gemeente: "0002")]
        let s = F.signalen(g, KostenHoog(), peil: "2020-12-31", ["top_n": .getal(2), "drempel": .euro(Euro(euro: 1_000_000))])
        #expect(s.map(\.client) == ["X", "Y"])
        #expect(s.first { $0.client == "X" }?.toelichting.contains("nr. 1 van Beestad") == true)
        #expect(s.first { $0.client == "Y" }?.toelichting.contains("nr. 2 van Beestad") == true)
    }

    @Test func kostenPersistent() {
        var g = F.basis()
        // P: 2019 12 x 10,000 = 120,000; 2020 12 x 12,500 = 150,000 -> 2 of 2018-2020 high: fires, amount 270,000
        // Q: only 2020 150,000: 1 of 3, not
        // S: 2018 102,000, 2019 96,000, 2020 102,000: 2 of 3, fires
        g.declaraties = F.maandregels("P", "2019-01", "2019-12", euro: 10_000) + F.maandregels("P", "2020-01", "2020-12", euro: 12_500)
            + F.maandregels("Q", "2020-01", "2020-12", euro: 12_500)
            + F.maandregels("S", "2018-01", "2018-12", euro: 8_500) + F.maandregels("S", "2019-01", "2019-12", euro: 8_000)
            + F.maandregels("S", "2020-01", "2020-12", euro: 8_500)
        let s = F.signalen(g, KostenPersistent(), peil: "2021-03-31")
        #expect(s.map(\.client) == ["P", "S"])
        #expect(s.first?.bedrag == Euro(euro: 270_000))
        #expect(s.first?.van == F.d("2018-01-01") && s.first?.tot == F.d("2020-12-31"))
        #expect(s.first?.toelichting.contains("2 van de 3 jaren") == true)
        // on 2020-12-30 the year 2020 is not complete: years 2017-2019, P has one high year, S none
        #expect(F.signalen(g, KostenPersistent(), peil: "2020-12-30").isEmpty)
        // on 2020-12-31 it is (Dec 2020 lines are filed 10 days after the month, so 2020 counts 11 months: P 137,500)
        #expect(F.signalen(g, KostenPersistent(), peil: "2020-12-31").map(\.client) == ["P"])
        // k = 3: nobody is high three years running
        #expect(F.signalen(g, KostenPersistent(), peil: "2021-03-31", ["minimaal": .getal(3)]).isEmpty)
    }

    @Test func verplichtingHoog() {
        var g = F.basis()
        // window 2021-04-01 .. 2022-03-31 (365 days)
        // E: EF at 800/day, open from 2021-01-01: 365 x 800 = 292,000: fires
        // F: EF 2021-04-01..05-31 = 61 x 800 = 48,800 plus VBJ 2021 275 days x 200 = 55,000 -> 103,800: fires (two allocations)
        // G: VBJ 2021 only: 55,000: not
        // H: EF open, but allocated only after the valuation date: not known, not
        // I: EF ended on the valuation date: nothing to come, not
        g.toewijzingen = [F.tw("T1", "E", "43A13", "2021-01-01", nil),
                          F.tw("T2", "F", "43A13", "2021-04-01", "2021-05-31", op: "2021-03-15"),
                          F.tw("T3", "F", "43A01", "2021-01-01", "2021-12-31"),
                          F.tw("T4", "G", "43A01", "2021-01-01", "2021-12-31"),
                          F.tw("T5", "H", "43A13", "2021-01-01", nil, op: "2021-04-02"),
                          F.tw("T6", "I", "43A13", "2021-01-01", "2021-03-31")]
        let s = F.signalen(g, VerplichtingHoog(), peil: "2021-03-31")
        #expect(s.map(\.client) == ["E", "F"])
        #expect(s[0].bedrag == Euro(euro: 292_000) && s[0].perceel == "EF")
        #expect(s[1].bedrag == Euro(euro: 103_800))
        #expect(s[1].toelichting.contains("2 lopende toewijzingen"))
        #expect(s[1].toelichting.contains("grootste T3"))   // 55,000 > 48,800
    }

    @Test func versnellingEigenNiveau() {
        var g = F.basis()
        // V: 1,000 a month Jan-Jun 2020, then 15,000 in Jul and Aug. Jul: level 1,000, 15x and +14,000: high.
        //    Aug: level (5 x 1,000 + 15,000) / 6 = 3,333.33; 4.5x and +11,667: still high -> one signal Jul-Aug
        // W: 8,000 a month, then 17,000: 2.1x but only +9,000 (< 10,000): not
        // X: 1,000 a month, then 1,900: not
        g.declaraties = F.maandregels("V", "2020-01", "2020-06", euro: 1_000) + F.maandregels("V", "2020-07", "2020-08", euro: 15_000)
            + F.maandregels("W", "2020-01", "2020-06", euro: 8_000) + F.maandregels("W", "2020-07", "2020-07", euro: 17_000)
            + F.maandregels("X", "2020-01", "2020-06", euro: 1_000) + F.maandregels("X", "2020-07", "2020-07", euro: 1_900)
        let s = F.signalen(g, Versnelling(), peil: "2020-09-30")
        #expect(s.map(\.client) == ["V"])
        #expect(s.first?.sleutel == "VERSNELLING|0001|V|2020-07")
        #expect(s.first?.van == F.d("2020-07-01") && s.first?.tot == F.d("2020-08-31"))
        #expect(s.first?.bedrag == Euro(euro: 15_000))
        #expect(s.first?.toelichting.contains("factor 15,0") == true)
        #expect(s.first?.toelichting.contains("hoog gebleven t/m augustus 2020") == true)
    }

    @Test func versnellingTegenGemeente() {
        var g = F.basis()
        // Beestad: B has 1,000 a month Jan-Jun 2020, so the municipality's level in Jul is 1,000 per client-month.
        // Y is new with 25,000 in Jul: 25x >= 10x: fires. Z is new with 9,500: 9.5x < 10x: not (minimum lowered to 5,000)
        g.declaraties = F.maandregels("B", "2020-01", "2020-06", euro: 1_000, gemeente: "0002")
            + F.maandregels("Y", "2020-07", "2020-07", euro: 25_000, gemeente: "0002")
            + F.maandregels("Z", "2020-07", "2020-07", euro: 9_500, gemeente: "0002")
        let s = F.signalen(g, Versnelling(), peil: "2020-09-30", ["minimum_stijging": .euro(Euro(euro: 5_000))])
        #expect(s.map(\.client) == ["Y"])
        #expect(s.first?.toelichting.contains("per cliënt per maand in Beestad") == true)
        #expect(s.first?.toelichting.contains("factor 25,0") == true)
    }

    @Test func versnellingWachtOpDeclaraties() {
        var g = F.basis()
        // a jump in September, filed on the valuation date 2020-09-30: the last month is not judged by default
        g.declaraties = F.maandregels("V", "2020-03", "2020-08", euro: 1_000)
            + [F.decl("V-sep", "T-V", "V", "2020-09-01", "2020-09-30", euro: 20_000, op: "2020-09-30")]
        #expect(F.signalen(g, Versnelling(), peil: "2020-09-30").isEmpty)
        #expect(F.signalen(g, Versnelling(), peil: "2020-09-30", ["vertraging_maanden": .getal(0)]).map(\.client) == ["V"])
    }
}
