import Foundation
import Hummingbird
import HummingbirdTesting
@testable import RegioWeb
import Logging
import Testing

@Suite struct StartTests {
    /// `serve` says where the dashboard runs only when it listens (saying it before gave "connection refused"), and
    /// before the first request is answered.
    @Test func meldtPasAlsHetDashboardLuistert() async throws {
        let regio = try Webregio()
        var instellingen = Instellingen(port: 0, veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4), pseudoniemsleutel: regio.sleutelpad)
        instellingen.voorverwarmen = true
        let meldingen = Teller()
        let app = bouwToepassing(store: regio.store, instellingen: instellingen) { await meldingen.tel() }
        #expect(await meldingen.aantal == 0)
        try await app.test(.live) { c in
            #expect(await meldingen.aantal == 1)
            let status = try await Geduldig.status(c, "/gezond")
            #expect(status == .ok)
        }
        #expect(await meldingen.aantal == 1)
    }

    /// The dashboard listens before it loads the data and computes the main figures (nationally that took 17 s, in
    /// which a user met a refused connection); the warm-up follows once it listens, and a request meanwhile gets the
    /// page as always.
    @Test func luistertVoordatDeCijfersZijnVoorberekend() async throws {
        let regio = try Webregio()
        var instellingen = Instellingen(port: 0, veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4), pseudoniemsleutel: regio.sleutelpad)
        instellingen.voorverwarmen = true
        let logboek = Logboek(), bijHetLuisteren = Logboek()
        let app = bouwToepassing(store: regio.store, instellingen: instellingen,
                                 logger: Logger(label: "test") { _ in LogboekHandler(boek: logboek) }) {
            for r in logboek.regels { bijHetLuisteren.voeg(r) }
        }
        try await app.test(.live) { c in
            #expect(!bijHetLuisteren.regels.contains { $0.contains("cijfers geladen") }, "\(bijHetLuisteren.regels)")
            let status = try await Geduldig.status(c, "/gezond")
            #expect(status == .ok)
            try await Logboek.wacht(op: "cijfers geladen en voorberekend", in: logboek)
            try await Logboek.wacht(op: "overzichtspagina's voorberekend", in: logboek)
        }
    }
}

/// Work for one key is done once however many ask for it at the same time: the warm-up after the start and a user's
/// request for the same figure or page wait for one computation, not two beside each other (each nationally seconds of
/// both cores and hundreds of MB).
@Suite struct EenmaalBerekendTests {
    /// Two threads ask at once; the computation takes long enough for both to arrive while it runs.
    static func tegelijk<T: Sendable>(_ vraag: @escaping @Sendable () throws -> T) throws -> [T] {
        let slot = NSLock(), groep = DispatchGroup()
        nonisolated(unsafe) var uitkomsten: [Result<T, any Error>] = []
        for _ in 0..<2 {
            groep.enter()
            Thread {
                let u = Result { try vraag() }
                slot.withLock { uitkomsten.append(u) }
                groep.leave()
            }.start()
        }
        groep.wait()
        return try slot.withLock { uitkomsten }.map { try $0.get() }
    }

    @Test func eenFiguurEenKeer() throws {
        let regio = try Webregio()
        let bron = Cijferbron(store: regio.store), teller = Logboek()
        let waarden = try Self.tegelijk {
            try bron.figuur("proef") { _ -> Int in
                teller.voeg("berekend")
                Thread.sleep(forTimeInterval: 0.5)
                return 42
            }
        }
        #expect(waarden == [42, 42])
        #expect(teller.regels.count == 1)
        // other figures are not held up by it: a second key computes on its own
        #expect(try bron.figuur("ander") { _ in 7 } == 7)
    }

    @Test func eenPaginaEenKeer() throws {
        let regio = try Webregio()
        let bron = Cijferbron(store: regio.store), teller = Logboek()
        let titels = try Self.tegelijk {
            try bron.pagina("/proef||regio") {
                teller.voeg("gebouwd")
                Thread.sleep(forTimeInterval: 0.5)
                return Pagina(titel: "Proef")
            }.titel
        }
        #expect(titels == ["Proef", "Proef"])
        #expect(teller.regels.count == 1)
    }

    /// After a reload (an import) the figure is computed again: the lock does not keep an old value alive.
    @Test func naVernieuwenOpnieuw() throws {
        let regio = try Webregio()
        let bron = Cijferbron(store: regio.store)
        #expect(try bron.figuur("proef") { _ in 1 } == 1)
        #expect(try bron.figuur("proef") { _ in 2 } == 1)
        bron.vernieuw()
        #expect(try bron.figuur("proef") { _ in 3 } == 3)
    }
}

actor Teller {
    private(set) var aantal = 0
    func tel() { aantal += 1 }
}

@Suite struct VoorverwarmingTests {
    /// Once the server listens, the overview pages are built in the background into the page cache, as the region role
    /// and without parameters, exactly as a request for them would find them.
    @Test func bouwtDeOverzichtspaginasOpDeAchtergrond() async throws {
        let regio = try Webregio()
        let instellingen = Instellingen(port: 0, veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4), pseudoniemsleutel: regio.sleutelpad)
        let bron = Cijferbron(store: regio.store)
        let toner = Paginatoner(bron: bron, store: regio.store, instellingen: instellingen)
        #expect(bron.paginasleutels.isEmpty)
        let klaar = Teller()
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            Voorverwarming.achtergrond(toner, logger: Logger(label: "test")) { Task { await klaar.tel(); c.resume() } }
        }
        #expect(await klaar.aantal == 1)
        let sleutels = bron.paginasleutels
        for pad in Voorverwarming.paginas {
            #expect(sleutels.contains(pad + "||regio"), "\(pad) niet voorberekend: \(sleutels.sorted())")
        }
        // then every lot's page, and the pages of the providers with at least 2% of the allocations, not the others
        let g = try bron.gegevens()
        #expect(!g.percelen.isEmpty)
        for p in g.percelen { #expect(sleutels.contains("/percelen/:code|code=\(p.code)|regio"), "\(p.code)") }
        let perAanbieder = Dictionary(grouping: g.toewijzingen, by: \.agb).mapValues(\.count)
        let groot = perAanbieder.filter { $0.value * 50 >= g.toewijzingen.count }, klein = perAanbieder.filter { $0.value * 50 < g.toewijzingen.count }
        #expect(!groot.isEmpty)
        for agb in groot.keys { #expect(sleutels.contains("/aanbieders/:agb|agb=\(agb)|regio"), "\(agb)") }
        for agb in klein.keys { #expect(!sleutels.contains("/aanbieders/:agb|agb=\(agb)|regio"), "\(agb)") }
        // and those municipalities' pages with their client lists' figures (the list page itself is paged, not cached)
        let perGemeente = Dictionary(grouping: g.toewijzingen, by: \.gemeentecode).mapValues(\.count)
        let groteGemeenten = perGemeente.filter { $0.value * 50 >= g.toewijzingen.count }.keys
        #expect(!groteGemeenten.isEmpty)
        let jaar = try bron.standaardJaar(), figuren = bron.figuursleutels
        for code in perGemeente.keys {
            let groot = groteGemeenten.contains(code)
            #expect(sleutels.contains("/gemeente/:code|code=\(code)|regio") == groot, "\(code)")
            #expect(figuren.contains("cl|\(jaar)|\(Cijferbron.Cijferselectie(gemeente: code))") == groot, "\(code)")
        }
        #expect(!sleutels.contains { $0.hasPrefix("/gemeente/:code/clienten") })
        // what a request by the region role builds is what the background built
        let def = try #require(Paginalijst.alle.first { $0.pad == "/aanbieders" })
        let gevraagd = try toner.bouw(def, rol: .regio, gebruiker: "iemand", parameters: [:], csrf: "")
        let vers = try def.bouw(Paginaverzoek(rol: .regio, gebruiker: "iemand", parameters: [:], bron: Cijferbron(store: regio.store),
                                              vandaag: Instellingen.dag(instellingen.klok())))
        #expect(Weergave.document(gevraagd, kader: Kader(gebruiker: "x", rol: .regio, csrf: "", pad: "/aanbieders", query: []))
                == Weergave.document(vers, kader: Kader(gebruiker: "x", rol: .regio, csrf: "", pad: "/aanbieders", query: [])))
    }
}

/// A GET on a live test server through a client of our own with a long read timeout: HummingbirdTesting's live client
/// gives up after 20 s without a byte, which a 2-core machine running the whole suite (and the server's own
/// background warm-up) has exceeded once for `/gezond`.
enum Geduldig {
    static func status(_ c: some TestClientProtocol, _ uri: String) async throws -> HTTPResponse.Status {
        let client = TestClient(host: "localhost", port: try #require(c.port), configuration: .init(timeout: .seconds(600)))
        client.connect()
        let antwoord: TestClient.Response
        do { antwoord = try await client.get(uri) } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return antwoord.status
    }
}
