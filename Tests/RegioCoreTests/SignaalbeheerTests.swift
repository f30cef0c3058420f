import Testing
@testable import RegioCore

@Suite struct SignaalbeheerTests {
    typealias F = Fx

    /// The lines per client and per allocation are the non-rejected lines in file order, read by position.
    @Test func regelsPerClientEnToewijzing() {
        var g = F.basis()
        g.declaraties = [F.decl("R1", "T1", "K", "2020-01-01", "2020-01-31", euro: 100),
                         F.decl("R2", "T2", "M", "2020-01-01", "2020-01-31", euro: 200),
                         F.decl("R3", "T1", "K", "2020-02-01", "2020-02-29", euro: 300, .debet, .afgewezen),
                         F.decl("R4", "T1", "K", "2020-03-01", "2020-03-31", euro: 400),
                         F.decl("R5", "T3", "K", "2020-03-01", "2020-03-31", euro: 500)]
        let c = Signaalcontext(g, peildatum: F.d("2020-12-31"))
        #expect(c.declaratiesPerClient["K"]?.map(\.referentienummer) == ["R1", "R4", "R5"])
        #expect(c.declaratiesPerClient["M"]?.map(\.referentienummer) == ["R2"])
        #expect(c.declaratiesPerToewijzing["T1"]?.map(\.referentienummer) == ["R1", "R4"])
        #expect(c.declaratiesPerToewijzing["T3"]?.first?.kosten == Euro(euro: 500))
        #expect(c.declaratiesPerClient.values.map(\.count).reduce(0, +) == 4)
        let leeg: Regelselectie = []
        #expect(leeg.isEmpty)
    }

    /// Cost per municipality, client and month: lines not rejected, split by days (R2: 15 days in January, 15 in
    /// February), only those submitted by the valuation date when one is given.
    @Test func kostenPerMaandBekendOp() {
        let regels = [F.decl("R1", "T1", "K", "2020-01-01", "2020-01-31", euro: 100, op: "2020-02-05"),
                      F.decl("R2", "T1", "K", "2020-01-17", "2020-02-15", euro: 300, op: "2020-03-01"),
                      F.decl("R3", "T1", "K", "2020-02-01", "2020-02-29", euro: 400, .debet, .afgewezen, op: "2020-03-01"),
                      F.decl("R4", "T2", "M", "2020-02-01", "2020-02-29", euro: 50, gemeente: "0002", op: "2020-03-10")]
        let jan = Maand(jaar: 2020, maand: 1).index, feb = Maand(jaar: 2020, maand: 2).index
        let k = GemeenteClient("0001", "K"), m = GemeenteClient("0002", "M")
        let alle = Signaalcontext.kosten(regels)
        #expect(alle == [k: [jan: Euro(euro: 250), feb: Euro(euro: 150)], m: [feb: Euro(euro: 50)]])
        #expect(Signaalcontext.kosten(regels, bekendOp: F.d("2020-03-01")) == [k: alle[k]!])
        #expect(Signaalcontext.kosten(regels, bekendOp: F.d("2020-02-29")) == [k: [jan: Euro(euro: 100)]])
    }

    /// What a rule derives for whole municipalities is made once per key and shared by every part of a run.
    @Test func gemeentekostenEenmaal() {
        let g = Gemeentekosten([:])
        var keer = 0
        let a: [Int] = g.eenmaal("KOSTEN-HOOG|1") { keer += 1; return [1] }
        let b: [Int] = g.eenmaal("KOSTEN-HOOG|1") { keer += 1; return [2] }
        let c: [Int] = g.eenmaal("KOSTEN-HOOG|2") { keer += 1; return [3] }
        #expect(a == [1] && b == [1] && c == [3])
        #expect(keer == 2)
        // an optional value is made too, and once: a missing entry is not a stored nil
        let leeg1: Int? = g.eenmaal("VERSNELLING|1") { keer += 1; return nil }
        let leeg2: Int? = g.eenmaal("VERSNELLING|1") { keer += 1; return 5 }
        #expect(leeg1 == nil && leeg2 == nil)
        #expect(keer == 3)
    }

    /// K 45 days late and M 196 days late; both rules' windows start 2020-01-01 on 2020-12-31.
    static func gegevens() -> Gegevens {
        var g = F.basis()
        g.verzoeken = [F.vz("V1", "K", "2020-01-01", ontvangen: "2020-02-15"), F.vz("V3", "M", "2020-01-01", ontvangen: "2020-07-15")]
        return g
    }

    static func run(_ g: Gegevens, _ peil: String, _ i: Signaalinstellingen = .standaard) -> Signaalrun {
        Signaalmotor.voerUit(g, peildatum: F.d(peil), instellingen: i, regels: [VotLaat(), VotAlarm()])
    }

    @Test func herhalingMaaktGeenDubbelen() {
        let g = Self.gegevens()
        let eerste = Signaalbeheer.verwerk(bestaand: [], run: Self.run(g, "2020-12-31"), tijdstip: "t1")
        #expect(eerste.nieuw.map(\.regel) == ["VOT-LAAT", "VOT-ALARM"])
        let lijst = Signaalbeheer.toepassen(eerste, op: [], peildatum: F.d("2020-12-31"))
        #expect(lijst.map(\.id) == [1, 2] && lijst.allSatisfy { $0.status == .nieuw })
        let tweede = Signaalbeheer.verwerk(bestaand: lijst, run: Self.run(g, "2020-12-31"), tijdstip: "t2")
        #expect(tweede.nieuw.isEmpty && tweede.gesloten.isEmpty && tweede.heropend.isEmpty && tweede.gewijzigd == 0)
        #expect(tweede.gevonden.map(\.id) == [1, 2])
    }

    @Test func vervallenVoorwaardeSluitEnHeropent() {
        var g = Self.gegevens()
        var lijst = Signaalbeheer.toepassen(Signaalbeheer.verwerk(bestaand: [], run: Self.run(g, "2020-12-31"), tijdstip: "t1"),
                                            op: [], peildatum: F.d("2020-12-31"))
        // the request's start date is corrected: 10 days late now, no rule fires
        g.verzoeken[0].ingangsdatum = F.d("2020-02-05")
        let m = Signaalbeheer.verwerk(bestaand: lijst, run: Self.run(g, "2020-12-31"), tijdstip: "t2")
        #expect(m.gesloten.map(\.id) == [1])
        let gesloten = m.gesloten[0]
        #expect(gesloten.status == .afgehandeld && gesloten.automatischGesloten && gesloten.statusDoor == Signaalbeheer.systeem)
        #expect(gesloten.statusOp == "t2")
        #expect(gesloten.notitie?.hasPrefix("Automatisch afgesloten: de voorwaarde geldt niet meer") == true)
        lijst = Signaalbeheer.toepassen(m, op: lijst, peildatum: F.d("2020-12-31"))
        // corrected back: the same signal reopens as nieuw, no new one
        g.verzoeken[0].ingangsdatum = F.d("2020-01-01")
        let terug = Signaalbeheer.verwerk(bestaand: lijst, run: Self.run(g, "2020-12-31"), tijdstip: "t3")
        #expect(terug.nieuw.isEmpty && terug.heropend.map(\.id) == [1])
        #expect(terug.heropend[0].status == .nieuw && !terug.heropend[0].automatischGesloten)
        #expect(terug.heropend[0].notitie?.hasPrefix("Opnieuw actief") == true)
    }

    @Test func doorIemandAfgehandeldBlijftAfgehandeld() {
        let g = Self.gegevens()
        var lijst = Signaalbeheer.toepassen(Signaalbeheer.verwerk(bestaand: [], run: Self.run(g, "2020-12-31"), tijdstip: "t1"),
                                            op: [], peildatum: F.d("2020-12-31"))
        lijst[0].status = .afgehandeld; lijst[0].statusDoor = "Anna"; lijst[0].statusOp = "t2"
        let m = Signaalbeheer.verwerk(bestaand: lijst, run: Self.run(g, "2021-01-31"), tijdstip: "t3")
        #expect(m.heropend.isEmpty)
        #expect(m.gevonden.first { $0.id == 1 }?.status == .afgehandeld)
        #expect(m.gevonden.first { $0.id == 1 }?.statusDoor == "Anna")
        #expect(m.gevonden.first { $0.id == 1 }?.laatstActief == F.d("2021-01-31"))
    }

    @Test func buitenHetVensterOfUitgeschakeldBlijftOpen() {
        let g = Self.gegevens()
        let lijst = Signaalbeheer.toepassen(Signaalbeheer.verwerk(bestaand: [], run: Self.run(g, "2020-12-31"), tijdstip: "t1"),
                                            op: [], peildatum: F.d("2020-12-31"))
        // a year later the requests lie before the look-back window: not judged, so not closed either
        let later = Signaalbeheer.verwerk(bestaand: lijst, run: Self.run(g, "2021-12-31"), tijdstip: "t2")
        #expect(later.gesloten.isEmpty && later.gevonden.isEmpty)
        // a rule that is switched off judges nothing
        let uit = Signaalinstellingen(regels: ["VOT-LAAT": Regelinstelling(actief: false), "VOT-ALARM": Regelinstelling(actief: false)])
        #expect(Signaalbeheer.verwerk(bestaand: lijst, run: Self.run(g, "2020-12-31", uit), tijdstip: "t2").gesloten.isEmpty)
    }

    @Test func werklastTeltNieuwePerMaand() {
        let g = Self.gegevens()
        // run at the end of Jan..Aug 2020 with all rules: V1 appears in February, V3 in July, each once as late and
        // (never answered, the deadline passed before the month's end) once as unanswered
        let w = Signaalbeheer.werklast(g, van: Maand(jaar: 2020, maand: 1), tot: Maand(jaar: 2020, maand: 8))
        #expect(w.map { "\($0.maand) \($0.gemeente) \($0.regel) \($0.nieuw)" }
                == ["2020-02 0001 VOT-LAAT 1", "2020-02 0001 ANTWOORD-LAAT 1", "2020-07 0001 VOT-ALARM 1", "2020-07 0001 ANTWOORD-LAAT 1"])
    }

    /// New signals get their ids in one order, whatever order the rules found them in: by rule as the run gave
    /// them, then by key (two processes ran the same findings and numbered them differently).
    @Test func nieuweSignalenInVasteVolgorde() {
        func s(_ regel: String, _ sleutel: String) -> Signaal {
            Signaal(regel: regel, sleutel: sleutel, gemeentecode: "0001", client: "P1", agb: nil, perceel: nil, bedrag: nil,
                    van: nil, tot: nil, peildag: F.d("2020-12-31"), toelichting: "")
        }
        let een = [s("KOSTEN-HOOG", "k3"), s("KOSTEN-HOOG", "k1"), s("VOT-LAAT", "v2"), s("KOSTEN-HOOG", "k2"), s("VOT-LAAT", "v1")]
        let ander = [een[3], een[4], een[0], een[2], een[1]]
        func volgorde(_ l: [Signaal]) -> [String] {
            Signaalbeheer.verwerk(bestaand: [], run: Signaalrun(peildatum: F.d("2020-12-31"), signalen: l, beoordeeldVanaf: [:]),
                                  tijdstip: "t").nieuw.map(\.sleutel)
        }
        // rules in the order of the run's first finding of each, keys sorted within a rule
        #expect(volgorde(een) == ["k1", "k2", "k3", "v1", "v2"])
        #expect(volgorde(ander) == ["k1", "k2", "k3", "v1", "v2"])
        #expect(volgorde(een.reversed()) == ["v1", "v2", "k1", "k2", "k3"])
    }

    @Test func lijstInCsvHeeftDeAfgesprokenKolommen() {
        let s = Signaal(regel: "VOT-LAAT", sleutel: "k", gemeentecode: "0001", client: "P12", agb: F.a1, perceel: "AMB",
                        bedrag: Euro(centen: 128_571), van: F.d("2020-01-01"), tot: F.d("2020-02-15"), peildag: F.d("2020-02-15"),
                        toelichting: "Verzoek V1, 45 dagen")
        let b = BeheerdSignaal(id: 7, signaal: s, eersteKeer: F.d("2020-12-31"), laatstActief: F.d("2020-12-31"))
        let csv = Signaalweergave.lijst([b], csv: true).csv()
        #expect(csv == "regel,gemeentecode,clientnummer,aanbieder,perceel,bedrag,van,tot,status,toelichting\n"
                + "VOT-LAAT,0001,P12,11111111,AMB,1285.71,2020-01-01,2020-02-15,nieuw,\"Verzoek V1, 45 dagen\"\n")
    }

    @Test func instellingenWordenGecontroleerd() {
        var i = Signaalinstellingen()
        i.regels["KOSTEN-HOOG"] = Regelinstelling(waarden: ["drempel": .getal(5), "top_x": .getal(1)])
        i.regels["ONBEKEND"] = Regelinstelling()
        #expect(i.fouten() == ["KOSTEN-HOOG: drempel moet een bedrag in euro zijn (niet negatief)",
                               "KOSTEN-HOOG: onbekende parameter 'top_x'", "onbekende regel 'ONBEKEND'"])
        // a value of the wrong kind is never used: the default stands
        #expect(i.waarde(KostenHoog(), "drempel") == .euro(Euro(euro: 100_000)))
        #expect(Signaalinstellingen.standaard.fouten().isEmpty)
        // every rule has a unique code and only parameters whose default fits their kind
        #expect(Set(Signaalregels.alle.map(\.code)).count == Signaalregels.alle.count)
        for r in Signaalregels.alle { for p in r.parameters { #expect(p.standaard.past(bij: p.soort), "\(r.code).\(p.naam)") } }
    }
}
