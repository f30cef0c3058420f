import Testing
@testable import RegioCore

@Suite struct ToewijzingsregelTests {
    typealias F = Fx

    /// 45A04 at 100 an hour, 2 hours a week, Jan-Jun 2020, valued on 2020-06-30: with two months' delay the compared
    /// period is 2020-01-01..04-30 (121 days), commitment 200 x 121 / 7 = 3,457.14.
    @Test(arguments: [
        (4_000, true),    // 115.7% > 110%
        (1_500, true),    // 43.4% < 50%
        (3_000, false),   // 86.8%
        (3_800, false),   // 109.9%
    ])
    func uitnutting(gedeclareerd: Int64, signaal: Bool) {
        var g = F.basis()
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-01-01", "2020-06-30", volume: 2, .perWeek)]
        g.declaraties = [F.decl("r1", "T1", "K", "2020-01-01", "2020-04-30", euro: gedeclareerd),
                         // care in May lies after the compared period: it does not count
                         F.decl("r2", "T1", "K", "2020-05-01", "2020-05-31", euro: 5_000, op: "2020-06-05")]
        let s = F.signalen(g, Uitnutting(), peil: "2020-06-30")
        #expect(s.count == (signaal ? 1 : 0))
        if signaal {
            #expect(s[0].sleutel == "UITNUTTING|0001|K|T1")
            #expect(s[0].bedrag == Euro(euro: gedeclareerd))
            #expect(s[0].tot == F.d("2020-04-30"))
            #expect(s[0].toelichting.contains("€ 3.457"))
        }
    }

    @Test func uitnuttingAlleenRondHetEinde() {
        var g = F.basis()
        // ends 2020-12-31, more than 90 days after the valuation date: not judged even at 43%
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-01-01", "2020-12-31", volume: 2, .perWeek),
                          // ended 2020-03-31, more than 90 days before: not judged either
                          F.tw("T2", "L", "45A04", "2019-10-01", "2020-03-31", volume: 2, .perWeek)]
        g.declaraties = [F.decl("r1", "T1", "K", "2020-01-01", "2020-04-30", euro: 1_500)]
        #expect(F.signalen(g, Uitnutting(), peil: "2020-06-30").isEmpty)
        #expect(F.signalen(g, Uitnutting(), peil: "2020-06-30", ["dagen_voor_einde": .getal(200)]).map(\.client) == ["K"])
    }

    @Test func uitnuttingTrajectPasNaHetEinde() {
        var g = F.basis()
        // a trajectory of 40 x 100 = 4,000 for Mar-Jun 2020, declared once at its end
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-03-01", "2020-06-30", volume: 40, .totaal)]
        // before the end has passed the cut-off (2020-04-30 on 2020-06-30) nothing is judged, though nothing is declared
        #expect(F.signalen(g, Uitnutting(), peil: "2020-06-30").isEmpty)
        // on 2020-08-31 (cut-off 2020-06-30) it is: 0% declared
        #expect(F.signalen(g, Uitnutting(), peil: "2020-08-31").first?.toelichting.hasPrefix("Uitnutting 0%") == true)
        // once the trajectory's line is in: 100%, no signal
        g.declaraties = [F.decl("r1", "T1", "K", "2020-03-01", "2020-06-30", euro: 4_000, op: "2020-07-15")]
        #expect(F.signalen(g, Uitnutting(), peil: "2020-08-31").isEmpty)
    }

    @Test func duurCrisis() {
        var g = F.basis()
        // K: crisis 03-02..26-04-2020 = 84 days > 28: fires
        // L: crisis 28 days exactly: not
        // M: two adjacent crisis allocations of 20 days = one episode of 40 days: fires once
        // N: two crisis allocations of 20 days with 10 days between: not
        // O: open crisis since 2020-12-01, valued 2020-12-31: 31 days running: fires
        // P: 84 days of crisis ending 2019-06-30, more than 365 days before: not judged
        // Q: 200 days ambulant: no norm
        g.toewijzingen = [F.tw("T1", "K", "46A03", "2020-02-03", "2020-04-26"),
                          F.tw("T2", "L", "46A03", "2020-02-03", "2020-03-01"),
                          F.tw("T3", "M", "46A03", "2020-05-01", "2020-05-20"), F.tw("T4", "M", "46A03", "2020-05-21", "2020-06-09"),
                          F.tw("T5", "N", "46A03", "2020-05-01", "2020-05-20"), F.tw("T6", "N", "46A03", "2020-05-31", "2020-06-19"),
                          F.tw("T7", "O", "46A03", "2020-12-01", nil),
                          F.tw("T8", "P", "46A03", "2019-04-08", "2019-06-30"),
                          F.tw("T9", "Q", "45A04", "2020-01-01", "2020-07-18")]
        let s = F.signalen(g, Duur(), peil: "2020-12-31")
        #expect(s.map(\.client) == ["K", "M", "O"])
        #expect(s[0].sleutel == "DUUR|0001|K|T1")
        #expect(s[0].toelichting.hasPrefix("Crisis: 84 dagen"))
        #expect(s[0].bedrag == Euro(euro: 84 * 400))
        #expect(s[1].van == F.d("2020-05-01") && s[1].tot == F.d("2020-06-09"))
        #expect(s[1].toelichting.contains("2 toewijzingen"))
        #expect(s[2].toelichting.contains("loopt sinds 01-12-2020 (31 dagen"))
        // a norm per lot code goes before the segment: CRI 60 days -> only K's 84 days
        #expect(F.signalen(g, Duur(), peil: "2020-12-31", ["normen": .tabel(["CRI": 60, "Crisis": 28])]).map(\.client) == ["K"])
    }

    @Test func duurToegewezenVoorDeNormVoorbij() {
        var g = F.basis()
        // allocated on 2020-03-01 for 12 weeks: the signal comes at once, not after four weeks
        g.toewijzingen = [F.tw("T1", "K", "46A03", "2020-03-01", "2020-05-23")]
        let s = F.signalen(g, Duur(), peil: "2020-03-02")
        #expect(s.count == 1)
        #expect(s.first?.toelichting.contains("84 dagen toegewezen") == true)
    }

    @Test func stapeling() {
        var g = F.basis()
        // K: four allocations at once from 2020-03-01 to 2020-03-31: fires
        // L: three at once, the fourth starts the day after the first ends: at most 3, not
        // M: as L, but the fourth starts on the last day of the first: 4 on that day, fires
        func vier(_ c: String, _ vierdeVan: String) -> [Toewijzing] {
            [F.tw("\(c)1", c, "45A04", "2020-01-01", "2020-03-31", agb: F.a1), F.tw("\(c)2", c, "43A01", "2020-02-01", "2020-06-30", agb: F.a2),
             F.tw("\(c)3", c, "46A03", "2020-02-15", "2020-05-31", agb: F.a3), F.tw("\(c)4", c, "43A13", vierdeVan, "2020-08-31", agb: F.a1)]
        }
        g.toewijzingen = vier("K", "2020-03-01") + vier("L", "2020-04-01") + vier("M", "2020-03-31")
        let s = F.signalen(g, Stapeling(), peil: "2020-12-31")
        #expect(s.map(\.client) == ["K", "M"])
        #expect(s[0].van == F.d("2020-03-01") && s[0].tot == F.d("2020-03-31"))
        #expect(s[0].toelichting.hasPrefix("4 toewijzingen tegelijk op 01-03-2020"))
        #expect(s[1].van == F.d("2020-03-31") && s[1].tot == F.d("2020-03-31"))
        // the most expensive allocation names the lot: EF at 800 a day
        #expect(s[0].perceel == "EF")
        #expect(F.signalen(g, Stapeling(), peil: "2020-12-31", ["minimum": .getal(3)]).count == 3)
    }
}
