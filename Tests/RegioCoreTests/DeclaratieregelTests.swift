import Testing
@testable import RegioCore

@Suite struct DeclaratieregelTests {
    typealias F = Fx

    @Test func zonderToewijzing() {
        var g = F.basis()
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-01-01", "2020-12-31"),
                          F.tw("T2", "L", "45A04", "2020-01-01", "2020-12-31", reden: "13"),
                          F.tw("T3", "M", "45A04", "2020-01-01", "2020-12-31")]
        g.declaraties = [
            // K on its own allocation: fine
            F.decl("k1", "T1", "K", "2020-03-01", "2020-03-31", euro: 500),
            // unknown allocation number, two lines: one finding of 700
            F.decl("x1", "T9", "X", "2020-03-01", "2020-03-31", euro: 300), F.decl("x2", "T9", "X", "2020-04-01", "2020-04-30", euro: 400),
            // allocation removed with reden 13
            F.decl("l1", "T2", "L", "2020-03-01", "2020-03-31", euro: 200),
            // another client's allocation
            F.decl("n1", "T3", "N", "2020-03-01", "2020-03-31", euro: 250),
            // another provider on M's allocation
            F.decl("m1", "T3", "M", "2020-03-01", "2020-03-31", euro: 260, agb: F.a2),
            // unknown, but credited in full: nothing stands
            F.decl("y1", "T8", "Y", "2020-03-01", "2020-03-31", euro: 100), F.decl("y2", "T8", "Y", "2020-03-01", "2020-03-31", euro: 100, .credit),
            // unknown, rejected: nothing stands
            F.decl("z1", "T7", "Z", "2020-03-01", "2020-03-31", euro: 100, .debet, .afgewezen),
        ]
        let s = F.signalen(g, DeclaratieZonderToewijzing(), peil: "2020-12-31")
        #expect(s.map(\.client) == ["L", "M", "N", "X"])
        let x = s.first { $0.client == "X" }!
        #expect(x.bedrag == Euro(euro: 700) && x.van == F.d("2020-03-01") && x.tot == F.d("2020-04-30"))
        #expect(x.sleutel == "DECL-ZONDER|0001|X|T9|\(F.a1)")
        #expect(x.toelichting.contains("geen toewijzing T9 bekend"))
        #expect(s.first { $0.client == "L" }!.toelichting.contains("ingetrokken"))
        #expect(s.first { $0.client == "N" }!.toelichting.contains("andere cliënt"))
        #expect(s.first { $0.client == "M" }!.toelichting.contains("andere aanbieder"))
        // filed more than a year before the valuation date: outside the window
        #expect(F.signalen(g, DeclaratieZonderToewijzing(), peil: "2021-06-30").isEmpty)
    }

    @Test func buitenPeriode() {
        var g = F.basis()
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-01-01", "2020-03-31"), F.tw("T2", "L", "45A04", "2020-02-01", nil)]
        g.declaraties = [
            // 61 days (Mar-Apr), 30 of them after the end: 610 x 30 / 61 = 300
            F.decl("k1", "T1", "K", "2020-03-01", "2020-04-30", euro: 610),
            F.decl("k2", "T1", "K", "2020-02-01", "2020-02-29", euro: 290),
            // L: open end, but January lies before the start: all of 310
            F.decl("l1", "T2", "L", "2020-01-01", "2020-01-31", euro: 310),
            F.decl("l2", "T2", "L", "2020-06-01", "2020-06-30", euro: 300),
        ]
        let s = F.signalen(g, DeclaratieBuitenPeriode(), peil: "2020-12-31")
        #expect(s.map(\.client) == ["K", "L"])
        #expect(s[0].bedrag == Euro(euro: 300) && s[0].van == F.d("2020-04-01") && s[0].tot == F.d("2020-04-30"))
        #expect(s[0].toelichting.contains("30 zorgdagen buiten toewijzing T1"))
        #expect(s[1].bedrag == Euro(euro: 310))
        // a margin of 31 days accepts both
        #expect(F.signalen(g, DeclaratieBuitenPeriode(), peil: "2020-12-31", ["marge_dagen": .getal(31)]).isEmpty)
    }

    @Test func dubbelBijTweeAanbieders() {
        var g = F.basis()
        g.toewijzingen = [F.tw("T1", "K", "45A04", "2020-01-01", nil, agb: F.a1), F.tw("T2", "K", "45A04", "2020-01-01", nil, agb: F.a2)]
        g.declaraties = [
            // January at both providers, a2 filed later: 31 days double, a2's 620 too much
            F.decl("a", "T1", "K", "2020-01-01", "2020-01-31", euro: 310, agb: F.a1, op: "2020-02-05"),
            F.decl("b", "T2", "K", "2020-01-01", "2020-01-31", euro: 620, agb: F.a2, op: "2020-02-10"),
            // February at a1, March at a2: no overlap
            F.decl("c", "T1", "K", "2020-02-01", "2020-02-29", euro: 290, agb: F.a1),
            F.decl("d", "T2", "K", "2020-03-01", "2020-03-31", euro: 310, agb: F.a2),
        ]
        let s = F.signalen(g, DeclaratieDubbel(), peil: "2020-12-31")
        #expect(s.count == 1)
        #expect(s.first?.sleutel == "DECL-DUBBEL|0001|K|45/45A04|\(F.a1)|\(F.a2)")
        #expect(s.first?.bedrag == Euro(euro: 620))
        #expect(s.first?.toelichting.contains("31 dagen dubbel") == true)
    }

    @Test func dubbelDeelsOverlappend() {
        var g = F.basis()
        // a1 1-31 Jan (310), a2 16 Jan - 15 Feb (310, 31 days, filed later): 16 days shared, 310 x 16 / 31 = 160
        g.declaraties = [F.decl("a", "T1", "K", "2020-01-01", "2020-01-31", euro: 310, agb: F.a1, op: "2020-02-05"),
                         F.decl("b", "T2", "K", "2020-01-16", "2020-02-15", euro: 310, agb: F.a2, op: "2020-02-20")]
        let s = F.signalen(g, DeclaratieDubbel(), peil: "2020-12-31")
        #expect(s.first?.bedrag == Euro(euro: 160))
        #expect(s.first?.van == F.d("2020-01-16") && s.first?.tot == F.d("2020-01-31"))
    }

    @Test func dubbelBijEenAanbieder() {
        var g = F.basis()
        g.declaraties = [
            // K: January filed twice by a1: once too many
            F.decl("k1", "T1", "K", "2020-01-01", "2020-01-31", euro: 310), F.decl("k2", "T1", "K", "2020-01-01", "2020-01-31", euro: 310, op: "2020-03-01"),
            // L: a correction: debit, credit of it, debit with less: stands once
            F.decl("l1", "T2", "L", "2020-01-01", "2020-01-31", euro: 310), F.decl("l2", "T2", "L", "2020-01-01", "2020-01-31", euro: 310, .credit),
            F.decl("l3", "T2", "L", "2020-01-01", "2020-01-31", euro: 300),
            // M: two products in the same month: not a duplicate
            F.decl("m1", "T3", "M", "45A04", "2020-01-01", "2020-01-31", euro: 310),
            F.decl("m2", "T4", "M", "43A01", "2020-01-01", "2020-01-31", euro: 6_200),
        ]
        let s = F.signalen(g, DeclaratieDubbel(), peil: "2020-12-31")
        #expect(s.map(\.client) == ["K"])
        #expect(s.first?.bedrag == Euro(euro: 310))
        #expect(s.first?.toelichting.contains("twee keer door Zorg Een") == true)
    }
}
