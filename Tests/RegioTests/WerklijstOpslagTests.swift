import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore

/// The signal work list and the dashboard's users, sessions and audit trail on both backends, as two users of one
/// shared server see them: what one writes, the other reads at once.
@Suite struct WerklijstOpslagTests {
    @Test(arguments: Backend.alle) func signaalGemarkeerdDoorDeEenIsGezienVoorDeAnder(_ backend: Backend) throws {
        let r = try SignaalStoreTests.regio(backend, bestand: true)
        let v = try SignaalStoreTests.draai(r, tijdstip: "2021-01-05T10:00:00Z")
        #expect(v.nieuw == 2)
        let ander = try backend.nogEen(r.opslag)
        let lijst = try ander.signalen()
        // V1 (45 days late) and V2 (196 days late), as in SignaalStoreTests
        #expect(Set(lijst.map(\.signaal.regel)) == ["VOT-LAAT", "VOT-ALARM"] && lijst.count == 2)
        let eerste = try #require(lijst.first)
        _ = try r.signaalStore.markeer(id: eerste.id, status: .gezien, door: "piet", tijdstip: "2021-01-06T09:00:00Z", notitie: "gebeld")
        let gezien = try #require(try ander.signalen().first { $0.id == eerste.id })
        #expect(gezien.status == .gezien && gezien.statusDoor == "piet" && gezien.notitie == "gebeld")
        #expect(try ander.historie(id: eerste.id).map(\.status) == [.nieuw, .gezien])
        #expect(try ander.laatstePeildatum() == Dag.parse("2020-12-31"))
        // re-running finds the same signals: nothing new, the mark stays
        let opnieuw = try SignaalStoreTests.draai(r, tijdstip: "2021-01-07T10:00:00Z")
        #expect(opnieuw.nieuw == 0)
        #expect(try ander.signalen().first { $0.id == eerste.id }?.status == .gezien)
    }

    @Test(arguments: Backend.alle) func gebruikersSessiesEnInzage(_ backend: Backend) throws {
        let p = try backend.maak(bestand: true)
        let a = p.store
        let b = try backend.nogEen(p)
        try a.bewaar(Gebruiker(naam: "piet", rol: .gemeente("0307"), wachtwoordHash: "$2b$04$abc"))
        #expect(try b.gebruiker(naam: "piet")?.rol == .gemeente("0307"))
        try a.bewaar(Gebruiker(naam: "piet", rol: .regio, wachtwoordHash: "$2b$04$def"))
        #expect(try b.gebruikers().map(\.rol) == [.regio])
        try a.bewaar(Sessie(tokenHash: "h1", gebruiker: "piet", csrf: "c1", aangemaaktOp: 100, verlooptOp: 200))
        try a.bewaar(Sessie(tokenHash: "h2", gebruiker: "piet", csrf: "c2", aangemaaktOp: 100, verlooptOp: 400))
        #expect(try b.sessie(tokenHash: "h1")?.csrf == "c1")
        try b.verwijderSessies(verlopenVoor: 300, van: nil)
        #expect(try a.sessie(tokenHash: "h1") == nil && a.sessie(tokenHash: "h2") != nil)
        for i in 1...3 {
            try a.logInzage(Inzageregel(tijdstip: "2021-01-0\(i)T00:00:00Z", gebruiker: "piet", rol: "regio", gemeentecode: "0307",
                                        wat: "cliënt C\(i)", pad: "/client/C\(i)"))
        }
        // newest first, limited
        #expect(try b.inzagelog(limiet: 2).map(\.pad) == ["/client/C3", "/client/C2"])
        try b.verwijderGebruiker(naam: "piet")
        #expect(try a.gebruiker(naam: "piet") == nil && a.sessie(tokenHash: "h2") == nil)
    }
}

@Suite struct OverzettingBijlagenTests {
    /// `migreer` also moves iJw deliveries and the message log (a message imported before stays recognised), and the
    /// dashboard's users and audit trail.
    @Test(arguments: Backend.alle) func ijwEnGebruikersGaanMee(_ backend: Backend) throws {
        let bron = try IJWTestregio()
        let v = try bron.importeer([("v.xml", IJWSjabloon.jw315()), ("t.xml", IJWSjabloon.jw301()), ("s.xml", IJWSjabloon.jw305())])
        #expect(v.allSatisfy { $0.uitkomst == .geimporteerd })
        let gebruikers = bron.opslag.store
        try gebruikers.bewaar(Gebruiker(naam: "piet", rol: .raad, wachtwoordHash: "$2b$04$x"))
        try gebruikers.logInzage(Inzageregel(tijdstip: "t1", gebruiker: "piet", rol: "raad", gemeentecode: "", wat: "a", pad: "/a"))
        try gebruikers.logInzage(Inzageregel(tijdstip: "t2", gebruiker: "piet", rol: "raad", gemeentecode: "", wat: "b", pad: "/b"))

        let doel = try backend.maak()
        let verslag = try Overzetting.verplaats(van: bron.store, naar: doel.store)
        #expect(verslag.verschillen.isEmpty)
        let d = doel.store
        #expect(try d.leveringen() == bron.store.leveringen() && verslag.leveringen == 1)
        #expect(try d.ijwBerichten() == bron.store.ijwBerichten() && verslag.ijwBerichten == 3)
        let dg = doel.store
        #expect(try dg.gebruiker(naam: "piet")?.rol == .raad)
        #expect(try dg.inzagelog(limiet: 10).map(\.pad) == ["/b", "/a"])
        // a second run moves nothing twice (and leaves the signal list of the target alone)
        let opnieuw = try Overzetting.verplaats(van: bron.store, naar: doel.store)
        #expect(opnieuw.ijwBerichten == 0 && opnieuw.inzageregels == 0)
        #expect(try dg.inzagelog(limiet: 10).count == 2)
    }
}

@Suite struct OverzettingSignalenTests {
    @Test(arguments: Backend.alle) func signalenMetHunStatus(_ backend: Backend) throws {
        let r = try SignaalStoreTests.regio()
        _ = try SignaalStoreTests.draai(r, tijdstip: "2021-01-05T10:00:00Z")
        let eerste = try #require(try r.signaalStore.signalen().first)
        _ = try r.signaalStore.markeer(id: eerste.id, status: .afgehandeld, door: "piet", tijdstip: "2021-01-06T09:00:00Z", notitie: "opgelost")
        let doel = try backend.maak()
        let verslag = try Overzetting.verplaats(van: r.store, naar: doel.store)
        #expect(verslag.signalen == 2)
        let d = doel.store
        let bron = try r.signaalStore.signalen()
        let over = try d.signalen()
        #expect(over.map(\.id) == bron.map(\.id) && over.map(\.signaal) == bron.map(\.signaal))
        #expect(over.map(\.status) == bron.map(\.status) && over.first?.statusDoor == "piet" && over.first?.notitie == "opgelost")
        #expect(try d.laatstePeildatum() == r.signaalStore.laatstePeildatum())
    }
}
