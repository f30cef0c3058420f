import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore

@Suite struct SignaalStoreTests {
    static let verzoekKop = "verzoeknummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,volume,eenheid,frequentie,ontvangen_op"

    /// A region with two late requests (45 and 196 days) imported through the real import.
    static func regio(_ backend: Backend = .sqlite, bestand: Bool = false) throws -> Proefregio {
        let r = try Proefregio(backend, bestand: bestand)
        try r.laad("verzoeken.csv", verzoekKop + "\nV1,C1,0307,75000001,45,45A04,2020-01-01,2,04,2,2020-02-15\n"
                   + "V2,C2,0308,75000002,45,45A04,2020-01-01,2,04,2,2020-07-15\n")
        return r
    }

    /// Runs the two request rules (the requests are never answered, so ANTWOORD-LAAT would add two more) and stores.
    static func draai(_ r: Proefregio, peil: String = "2020-12-31", tijdstip: String) throws -> Signaalrunverslag {
        let run = Signaalmotor.voerUit(try r.store.gegevens(), peildatum: Dag.parse(peil)!, regels: [VotLaat(), VotAlarm()])
        let m = Signaalbeheer.verwerk(bestaand: try r.signaalStore.signalen(), run: run, tijdstip: tijdstip)
        return try r.signaalStore.slaOp(m, peildatum: Dag.parse(peil)!, tijdstip: tijdstip)
    }

    @Test func slaatOpEnLeestTerug() throws {
        let r = try Self.regio()
        #expect(try r.signaalStore.laatstePeildatum() == nil)
        let v = try Self.draai(r, tijdstip: "2021-01-05T10:00:00Z")
        #expect(v.nieuw == 2 && v.gesloten == 0)
        let lijst = try r.signaalStore.signalen()
        #expect(lijst.map(\.id) == [1, 2])
        #expect(Set(lijst.map(\.signaal.regel)) == ["VOT-LAAT", "VOT-ALARM"])
        let laat = lijst.first { $0.signaal.regel == "VOT-LAAT" }!
        #expect(laat.signaal.gemeentecode == "0307" && laat.signaal.client == "C1" && laat.signaal.agb == "75000001")
        #expect(laat.signaal.perceel == "AMB" && laat.signaal.bedrag == Euro(centen: 109_286))   // 2 x 85 x 45 / 7 = 1,092.857
        #expect(laat.signaal.van == Dag.parse("2020-01-01") && laat.signaal.tot == Dag.parse("2020-02-15"))
        #expect(laat.status == .nieuw && laat.eersteKeer == Dag.parse("2020-12-31"))
        // what went in comes out: the computed signal and the stored one are equal
        let run = Signaalmotor.voerUit(try r.store.gegevens(), peildatum: Dag.parse("2020-12-31")!, regels: [VotLaat(), VotAlarm()])
        #expect(Set(run.signalen) == Set(lijst.map(\.signaal)))
        #expect(try r.signaalStore.laatstePeildatum() == Dag.parse("2020-12-31"))
    }

    /// One signal by id, from the store's query: the same as picked from the whole list.
    @Test(arguments: Backend.alle) func eenSignaalOpId(_ backend: Backend) throws {
        let r = try Self.regio(backend)
        _ = try Self.draai(r, tijdstip: "2021-01-05T10:00:00Z")
        _ = try r.signaalStore.markeer(id: 2, status: .gezien, door: "Anna", tijdstip: "2021-01-06T09:00:00Z", notitie: nil)
        let alle = try r.signaalStore.signalen()
        #expect(alle.count == 2)
        for b in alle { #expect(try r.signaalStore.signaal(id: b.id) == b) }
        #expect(try r.signaalStore.signaal(id: 99) == nil)
        #expect(try r.signaalStore.signaal(id: 2)?.status == .gezien)
    }

    /// A new signal's history starts at 1 without a lookup, so a new id also passes every id a history names: a history
    /// row left without its signal (a database edited by hand) does not stop the run, and no history is mixed up.
    @Test(arguments: Backend.alle) func nieuwIdVoorbijElkeHistorie(_ backend: Backend) throws {
        let r = try Self.regio(backend)
        let sql = try #require(r.store as? any SQLOpslag)
        try sql.schrijf(nil) { v in
            try v.voerUit("INSERT INTO signaalhistorie (signaal_id, volgnummer, tijdstip, status, door, notitie) VALUES (?, ?, ?, ?, ?, ?)",
                          [Waarde(Int64(7)), Waarde(Int64(1)), Waarde("t0"), Waarde("nieuw"), Waarde("iemand"), Waarde("los")])
        }
        let v = try Self.draai(r, tijdstip: "t1")
        #expect(v.nieuw == 2)
        #expect(try r.signaalStore.signalen().map(\.id) == [8, 9])
        for id: Int64 in [8, 9] { #expect(try r.signaalStore.historie(id: id).map(\.tijdstip) == ["t1"]) }
        #expect(try r.signaalStore.historie(id: 7).map(\.door) == ["iemand"])
    }

    /// New signals go in blocks of rows per statement: 1.203 of them (three blocks, the last a part) with every
    /// optional field empty in some blocks and filled in others come back as stored, in id order, each with its first
    /// history row (on PostgreSQL a column that is NULL in every row of a block still takes its type from the table).
    @Test(arguments: Backend.alle) func nieuweSignalenInBlokken(_ backend: Backend) throws {
        let r = try Self.regio(backend)
        let peil = Dag.parse("2020-12-31")!
        var m = Signaalmutaties()
        m.nieuw = (0..<1_203).map { i in
            let vol = i >= 500 && i < 1_000
            return Signaal(regel: "VOT-LAAT", sleutel: "VOT-LAAT|0307|C\(i)", gemeentecode: "0307", client: "C\(i)",
                           agb: vol ? "75000001" : nil, perceel: vol ? "AMB" : nil, bedrag: vol ? Euro(centen: Int64(i)) : nil,
                           van: vol ? peil - i : nil, tot: vol ? peil : nil, peildag: peil, toelichting: "signaal \(i), 'met' \"tekens\"?")
        }
        let v = try r.signaalStore.slaOp(m, peildatum: peil, tijdstip: "t1")
        #expect(v.nieuw == 1_203)
        let lijst = try r.signaalStore.signalen()
        #expect(lijst.map(\.id) == (1...1_203).map(Int64.init))
        #expect(lijst.map(\.signaal) == m.nieuw)
        #expect(lijst.allSatisfy { $0.status == .nieuw && $0.eersteKeer == peil })
        for id: Int64 in [1, 500, 501, 1_203] {
            #expect(try r.signaalStore.historie(id: id).map { "\($0.status.rawValue) \($0.door) \($0.tijdstip)" } == ["nieuw systeem t1"])
        }
    }

    @Test func opnieuwDraaienGeeftGeenDubbelen() throws {
        let r = try Self.regio()
        _ = try Self.draai(r, tijdstip: "t1")
        let v = try Self.draai(r, tijdstip: "t2")
        #expect(v.nieuw == 0 && v.gewijzigd == 0 && v.ongewijzigd == 2 && v.gesloten == 0)
        #expect(try r.signaalStore.signalen().count == 2)
    }

    @Test func markerenMetWieEnWanneer() throws {
        let r = try Self.regio()
        _ = try Self.draai(r, tijdstip: "t1")
        let b = try r.signaalStore.markeer(id: 1, status: .gezien, door: "Anna", tijdstip: "2021-01-06T09:00:00Z", notitie: "gebeld")
        #expect(b?.status == .gezien && b?.statusDoor == "Anna")
        _ = try r.signaalStore.markeer(id: 1, status: .afgehandeld, door: "Bert", tijdstip: "2021-01-07T09:00:00Z", notitie: nil)
        let opgeslagen = try r.signaalStore.signalen().first { $0.id == 1 }!
        #expect(opgeslagen.status == .afgehandeld && opgeslagen.statusDoor == "Bert" && opgeslagen.statusOp == "2021-01-07T09:00:00Z")
        #expect(try r.signaalStore.historie(id: 1).map { "\($0.status.rawValue) \($0.door)" } == ["nieuw systeem", "gezien Anna", "afgehandeld Bert"])
        #expect(try r.signaalStore.historie(id: 1)[1].notitie == "gebeld")
        #expect(try r.signaalStore.markeer(id: 99, status: .gezien, door: "Anna", tijdstip: "t", notitie: nil) == nil)
        // a handled signal that still fires stays handled after a re-run
        _ = try Self.draai(r, tijdstip: "t3")
        #expect(try r.signaalStore.signalen().first { $0.id == 1 }?.status == .afgehandeld)
    }

    @Test func vervallenSignaalWordtAutomatischGesloten() throws {
        let r = try Self.regio()
        _ = try Self.draai(r, tijdstip: "t1")
        // the provider corrects the request's start: 10 days late, no longer a signal
        try r.laad("verzoeken.csv", Self.verzoekKop + "\nV1,C1,0307,75000001,45,45A04,2020-02-05,2,04,2,2020-02-15\n")
        let v = try Self.draai(r, tijdstip: "t2")
        #expect(v.gesloten == 1 && v.nieuw == 0)
        let b = try r.signaalStore.signalen().first { $0.signaal.regel == "VOT-LAAT" }!
        #expect(b.status == .afgehandeld && b.automatischGesloten && b.statusDoor == "systeem" && b.statusOp == "t2")
        #expect(b.notitie?.contains("Automatisch afgesloten") == true)
        #expect(try r.signaalStore.historie(id: b.id).last?.notitie?.contains("voorwaarde geldt niet meer") == true)
        // and back: the same id reopens
        try r.laad("verzoeken.csv", Self.verzoekKop + "\nV1,C1,0307,75000001,45,45A04,2020-01-01,2,04,2,2020-02-15\n")
        let terug = try Self.draai(r, tijdstip: "t3")
        #expect(terug.heropend == 1 && terug.nieuw == 0)
        #expect(try r.signaalStore.signalen().first { $0.id == b.id }?.status == .nieuw)
    }

    @Test func bewaartInEenBestand() throws {
        let r = try Proefregio(bestand: true)
        defer { try? FileManager.default.removeItem(atPath: r.pad!) }
        try r.laad("verzoeken.csv", Self.verzoekKop + "\nV1,C1,0307,75000001,45,45A04,2020-01-01,2,04,2,2020-02-15\n")
        _ = try Self.draai(r, tijdstip: "t1")
        let opnieuw = try SQLiteStore(pad: r.pad!)
        #expect(try opnieuw.signalen().count == 1)
        #expect(try opnieuw.laatstePeildatum() == Dag.parse("2020-12-31"))
    }
}

@Suite struct RegelbestandTests {
    func lees(_ tekst: String) throws -> Signaalinstellingen { try Regelbestand.lees(data: Data(tekst.utf8), bestand: "regels.json") }

    @Test func leestWaarden() throws {
        let i = try lees("""
            { "regels": { "KOSTEN-HOOG": { "drempel": 150000.50, "top_n": 5 },
                          "VOT-ALARM": { "actief": false },
                          "DUUR": { "normen": { "Crisis": 42, "VBJ": 730 } },
                          "ANTWOORD-LAAT": { "feestdagen": false },
                          "VERPLICHTING-HOOG": { "drempel": "250000" } } }
            """)
        #expect(i.waarde(KostenHoog(), "drempel") == .euro(Euro(centen: 15_000_050)))
        #expect(i.waarde(KostenHoog(), "top_n") == .getal(5))
        #expect(i.waarde(KostenHoog(), "maanden") == .getal(12))
        #expect(!i.isActief("VOT-ALARM") && i.isActief("VOT-LAAT"))
        #expect(i.waarde(Duur(), "normen") == .tabel(["Crisis": 42, "VBJ": 730]))
        #expect(i.waarde(AntwoordLaat(), "feestdagen") == .janee(false))
        #expect(i.waarde(VerplichtingHoog(), "drempel") == .euro(Euro(euro: 250_000)))
    }

    @Test(arguments: [
        ("{ \"regels\": { \"KOSTEN-LAAG\": {} } }", "onbekende regel 'KOSTEN-LAAG'"),
        ("{ \"regels\": { \"KOSTEN-HOOG\": { \"drempels\": 1 } } }", "KOSTEN-HOOG.drempels: onbekende parameter"),
        ("{ \"regels\": { \"KOSTEN-HOOG\": { \"top_n\": 2.5 } } }", "KOSTEN-HOOG.top_n: verwacht aantal"),
        ("{ \"regels\": { \"KOSTEN-HOOG\": { \"top_n\": -1 } } }", "KOSTEN-HOOG.top_n: verwacht aantal"),
        ("{ \"regels\": { \"KOSTEN-HOOG\": { \"drempel\": 1.234 } } }", "KOSTEN-HOOG.drempel: verwacht bedrag in euro"),
        ("{ \"regels\": { \"VOT-LAAT\": { \"actief\": 1 } } }", "VOT-LAAT.actief: verwacht true of false"),
        ("{ \"regels\": { \"DUUR\": { \"normen\": { \"Crisis\": \"vier weken\" } } } }", "DUUR.normen: verwacht dagen per segment"),
        ("{ \"regel\": {} }", "onbekende sleutel 'regel'"),
        ("{ \"regels\": ", "geen geldige JSON"),
    ])
    func weigertMetPlaats(tekst: String, melding: String) {
        #expect(throws: ImportFout.self) { try lees(tekst) }
        do { _ = try lees(tekst) } catch { #expect("\(error)".contains(melding), "\(error)") }
    }

    @Test func voorbeeldbestandIsLeesbaarEnVolledig() throws {
        var i = Signaalinstellingen()
        i.regels["KOSTEN-HOOG"] = Regelinstelling(actief: false, waarden: ["drempel": .euro(Euro(centen: 12_345_678))])
        i.regels["DUUR"] = Regelinstelling(waarden: ["normen": .tabel(["Crisis": 30, "Verblijf": 365])])
        let terug = try lees(Regelbestand.json(i))
        for r in Signaalregels.alle {
            #expect(terug.isActief(r.code) == i.isActief(r.code))
            for p in r.parameters { #expect(terug.waarde(r, p.naam) == i.waarde(r, p.naam), "\(r.code).\(p.naam)") }
        }
    }
}

extension Proefregio {
    /// The signal work list of this test region's store (every backend that stores signals implements it).
    var signaalStore: any SignaalStore {
        get throws { store }
    }
}
