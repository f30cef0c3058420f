import Testing
@testable import RegioCore

@Suite struct VerzoekregelTests {
    typealias F = Fx

    static func verzoeken() -> Gegevens {
        var g = F.basis()
        // start 2020-01-01; received after 45 days, 30 days, 196 days, before the start, and 45 days late but long ago
        g.verzoeken = [F.vz("V1", "K", "2020-01-01", ontvangen: "2020-02-15"),
                       F.vz("V2", "L", "2020-01-01", ontvangen: "2020-01-31"),
                       F.vz("V3", "M", "2020-01-01", ontvangen: "2020-07-15"),
                       F.vz("V4", "N", "2020-01-01", ontvangen: "2019-12-20"),
                       F.vz("V5", "O", "2018-01-01", ontvangen: "2018-02-15")]
        return g
    }

    @Test func votLaat() {
        let g = Self.verzoeken()
        let s = F.signalen(g, VotLaat(), peil: "2020-12-31")
        // V1 only: V2 is exactly 30 days (not more), V3 is for the alarm, V4 came in time, V5 is outside the window
        #expect(s.map(\.sleutel) == ["VOT-LAAT|0001|K|V1"])
        // retroactive part 2020-01-01..02-14 = 45 days of 2 hours a week at 100: 200 x 45 / 7 = 1,285.71
        #expect(s.first?.bedrag == Euro(centen: 128_571))
        #expect(s.first?.van == F.d("2020-01-01") && s.first?.tot == F.d("2020-02-15"))
        #expect(s.first?.toelichting.contains("45 dagen na de ingangsdatum") == true)
        // with the alarm rule switched off, VOT-LAAT also reports the 196 days
        let zonderAlarm = F.signalen(g, VotLaat(), peil: "2020-12-31", extra: ["VOT-ALARM": Regelinstelling(actief: false)])
        #expect(zonderAlarm.map(\.client) == ["K", "M"])
    }

    @Test func votAlarm() {
        let s = F.signalen(Self.verzoeken(), VotAlarm(), peil: "2020-12-31")
        #expect(s.map(\.client) == ["M"])
        #expect(s.first?.toelichting.contains("196 dagen") == true)
        #expect(s.first?.toelichting.contains("grens 182") == true)
    }

    @Test func votBedragUitToewijzing() {
        var g = Self.verzoeken()
        // the answering allocation says 3 hours a week: 300 x 45 / 7 = 1,928.57
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-01-01", nil, volume: 3, .perWeek, op: "2020-02-18", verzoek: "V1")]
        #expect(F.signalen(g, VotLaat(), peil: "2020-12-31").first?.bedrag == Euro(centen: 192_857))
    }

    /// Request received Friday 2020-08-07: the fifth working day after is Friday 2020-08-14.
    @Test(arguments: [
        ("2020-08-14", false),
        ("2020-08-17", true),
        ("2020-08-07", false),
    ])
    func antwoordLaat(toegewezen: String, signaal: Bool) {
        var g = F.basis()
        g.verzoeken = [F.vz("V1", "K", "2020-08-01", ontvangen: "2020-08-07")]
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-08-01", nil, op: toegewezen, verzoek: "V1")]
        let s = F.signalen(g, AntwoordLaat(), peil: "2020-12-31")
        #expect(s.count == (signaal ? 1 : 0))
        if signaal { #expect(s[0].toelichting.contains("6 werkdagen na ontvangst")) }
    }

    @Test func antwoordZonderVerzoeknummer() {
        var g = F.basis()
        // exports without request numbers: the allocation for the same client, provider and product made after
        // receipt is the answer. V1 answered on 2020-08-12 (in time), V2 on 2020-08-20 (late); an older allocation
        // of V3's client (made before receipt) is no answer: unanswered
        g.verzoeken = [F.vz("V1", "K", "2020-08-01", ontvangen: "2020-08-07"), F.vz("V2", "L", "2020-08-01", ontvangen: "2020-08-07"),
                       F.vz("V3", "M", "2020-08-01", ontvangen: "2020-08-07")]
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-08-01", nil, op: "2020-08-12"), F.tw("T2", "L", "45A04", "2020-08-03", nil, op: "2020-08-20"),
                          F.tw("T3", "M", "45A04", "2020-01-01", nil, op: "2020-01-02")]
        let s = F.signalen(g, AntwoordLaat(), peil: "2020-12-31")
        #expect(s.map(\.client) == ["L", "M"])
        #expect(s[0].toelichting.hasPrefix("Toewijzing T2 op 20-08-2020"))
        #expect(s[1].toelichting.contains("nog niet toegewezen"))
    }

    @Test func antwoordLaatMetFeestdagen() {
        var g = F.basis()
        // received Thursday 2020-12-24. Working days after: 28, 29, 30, 31 Dec, 4 Jan (25 Dec and 1 Jan are holidays):
        // deadline 2021-01-04. Without holidays: 25, 28, 29, 30, 31 Dec: deadline 2020-12-31.
        g.verzoeken = [F.vz("V1", "K", "2020-12-01", ontvangen: "2020-12-24")]
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-12-01", nil, op: "2021-01-04", verzoek: "V1")]
        #expect(F.signalen(g, AntwoordLaat(), peil: "2021-03-31").isEmpty)
        #expect(F.signalen(g, AntwoordLaat(), peil: "2021-03-31", ["feestdagen": .janee(false)]).count == 1)
    }

    @Test func antwoordOntbreekt() {
        var g = F.basis()
        g.verzoeken = [F.vz("V1", "K", "2020-08-01", ontvangen: "2020-08-07")]
        // on the deadline itself nothing is late yet; a working day later it is
        #expect(F.signalen(g, AntwoordLaat(), peil: "2020-08-14").isEmpty)
        let s = F.signalen(g, AntwoordLaat(), peil: "2020-08-17")
        #expect(s.count == 1)
        #expect(s.first?.toelichting.contains("nog niet toegewezen") == true)
        // an allocation made after the valuation date is not known on it
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-08-01", nil, op: "2020-08-20", verzoek: "V1")]
        #expect(F.signalen(g, AntwoordLaat(), peil: "2020-08-17").first?.toelichting.contains("nog niet toegewezen") == true)
    }

    @Test func terugwerkendPerAanbieder() {
        var g = F.basis()
        // a1: days late 10, 20, 30, 40, 200 and one in time; a2: one in time
        g.verzoeken = [10, 20, 30, 40, 200, -5].enumerated().map { i, laat in
            F.vz("V\(i)", "K\(i)", "2020-01-01", ontvangen: (F.d("2020-01-01") + laat).description)
        } + [F.vz("W1", "L", "2020-03-01", ontvangen: "2020-02-20", agb: F.a2)]
        let (rijen, totaal) = TerugwerkendeVerzoeken.perAanbieder(g, van: F.d("2019-12-01"), tot: F.d("2020-12-31"))
        #expect(rijen.map(\.agb) == [F.a1, F.a2])
        let a = rijen[0]
        #expect(a.verzoeken == 6 && a.terugwerkend == 5 && a.boven == 2 && a.bovenAlarm == 1)
        // median of 10, 20, 30, 40, 200 = 30; nearest rank P90: rank ceil(0.9 x 5) = 5 -> 200
        #expect(a.mediaanDagen == 30 && a.p90Dagen == 200 && a.maxDagen == 200)
        #expect(rijen[1].terugwerkend == 0 && rijen[1].mediaanDagen == nil)
        #expect(totaal.verzoeken == 7 && totaal.terugwerkend == 5)
        #expect(TerugwerkendeVerzoeken.mediaan([1, 2, 3, 10]) == 2.5)
        #expect(TerugwerkendeVerzoeken.percentiel(Array(1...10), 90) == 9)
        #expect(TerugwerkendeVerzoeken.percentiel(Array(1...20), 90) == 18)
    }

    @Test(arguments: [(2019, "2019-04-21"), (2020, "2020-04-12"), (2021, "2021-04-04"), (2024, "2024-03-31"), (2025, "2025-04-20")])
    func pasen(jaar: Int, dag: String) {
        #expect(Werkdagen.eerstePaasdag(jaar) == F.d(dag))
    }

    @Test func werkdagen() {
        let w = Werkdagen(feestdagen: true), zonder = Werkdagen(feestdagen: false)
        // 2020: New Year, Easter Monday 13-4, King's Day 27-4, Liberation Day 5-5 (lustrum), Ascension 21-5, Whit Monday 1-6, Christmas
        #expect(Werkdagen.feestdagen(2020).map(\.description) == ["2020-01-01", "2020-04-13", "2020-04-27", "2020-05-05", "2020-05-21",
                                                                  "2020-06-01", "2020-12-25", "2020-12-26"])
        // King's Day 2025 falls on a Sunday: Saturday 26 April
        #expect(Werkdagen.feestdagen(2025).contains(F.d("2025-04-26")))
        #expect(!Werkdagen.feestdagen(2021).contains(F.d("2021-05-05")))
        // Monday to next Monday: 5; over Easter Monday 2020: 4
        #expect(zonder.tussen(F.d("2020-08-03"), F.d("2020-08-10")) == 5)
        #expect(w.tussen(F.d("2020-04-06"), F.d("2020-04-13")) == 4)
        #expect(w.tussen(F.d("2020-04-13"), F.d("2020-04-06")) == 0)
        #expect(w.na(F.d("2020-04-09"), 1) == F.d("2020-04-10"))   // Good Friday is a working day
        #expect(w.na(F.d("2020-04-10"), 1) == F.d("2020-04-14"))   // over the weekend and Easter Monday
        // tussen and na agree over a long stretch with holidays
        for n in [1, 5, 23, 260] { #expect(w.tussen(F.d("2019-12-20"), w.na(F.d("2019-12-20"), n)) == n) }
    }
}
