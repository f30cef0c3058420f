import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import RegioCore
import RegioStore
import Testing
@testable import RegioWeb

/// Issue 26, part 3: a declaration of EUR 9e16 in the database (written by an older version, or by hand) killed the
/// server at the first forecast request, for everyone. Now such data gives a 500 with the reason in the log, and the
/// server keeps answering.
@Suite struct AbsurdeGegevensTests {
    static func regioMetAbsurdeRegel() throws -> Webregio {
        let regio = try Webregio()
        let regel = Declaratieregel(declaratienummer: "X1", referentienummer: "R1", toewijzingnummer: "T1", client: "C1",
                                    gemeentecode: "0307", agb: "75000001", productcategorie: "45", productcode: "45A04",
                                    begindatum: Dag.parse("2019-04-01")!, einddatum: Dag.parse("2019-04-30")!,
                                    bedrag: Euro(centen: 9_000_000_000_000_000_000), ingediendOp: Dag.parse("2019-05-10")!)
        try regio.store.transactie { w in _ = try w.schrijf([Codering.rij(regel)]) }
        return regio
    }

    static let reden = "gegevens in de database vallen buiten de grenzen van de import: declaratie X1 R1: bedrag:"

    @Test func apiAntwoordt500EnDeServerLeeft() async throws {
        let regio = try Self.regioMetAbsurdeRegel()
        let logboek = Logboek()
        let app = bouwToepassing(store: regio.store, instellingen: Instellingen(veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
                                                                                 pseudoniemsleutel: regio.sleutelpad, klok: { Webregio.nu }),
                                 logger: Logger(label: "test") { _ in LogboekHandler(boek: logboek) })
        try await app.test(.router) { c in
            let s = try await Web.sessie(c, "regio")
            for pad in ["/api/v1/prognose?jaar=2019", "/api/v1/overzicht?jaar=2019", "/prognose?jaar=2019", "/api/v1/prognose?jaar=2019"] {
                let r = try await Web.get(c, pad, s)
                #expect(r.status == .internalServerError, "\(pad): \(r.status)")
            }
            #expect(logboek.regels.contains { $0.contains(Self.reden) }, "\(logboek.regels)")
            // still alive: other routes answer as before
            let gezond = try await Web.get(c, "/gezond", nil), api = try await Web.get(c, "/api", s)
            #expect(gezond.status == .ok && api.status == .ok)
        }
    }

    /// `serve` computes the overview once it listens: that failing must not stop the dashboard.
    @Test func serverStartOokAlsVoorberekenenMislukt() async throws {
        let regio = try Self.regioMetAbsurdeRegel()
        var instellingen = Instellingen(port: 0, veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4), pseudoniemsleutel: regio.sleutelpad)
        instellingen.voorverwarmen = true
        let logboek = Logboek()
        let app = bouwToepassing(store: regio.store, instellingen: instellingen,
                                 logger: Logger(label: "test") { _ in LogboekHandler(boek: logboek) })
        try await app.test(.live) { c in
            try await Logboek.wacht(op: Self.reden, in: logboek)
            let status = try await Geduldig.status(c, "/gezond")
            #expect(status == .ok)
        }
    }
}

/// The messages a logger got, for tests.
final class Logboek: @unchecked Sendable {
    private let slot = NSLock()
    private var lijst: [String] = []
    func voeg(_ s: String) { slot.lock(); lijst.append(s); slot.unlock() }
    var regels: [String] { slot.lock(); defer { slot.unlock() }; return lijst }

    /// Waits until a message containing `tekst` is logged (the background warm-up); fails after ten minutes.
    static func wacht(op tekst: String, in boek: Logboek) async throws {
        let start = Date()
        while !boek.regels.contains(where: { $0.contains(tekst) }) {
            guard Date().timeIntervalSince(start) < 600 else {
                Issue.record("'\(tekst)' niet gelogd: \(boek.regels)")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

struct LogboekHandler: LogHandler {
    let boek: Logboek
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    subscript(metadataKey sleutel: String) -> Logger.Metadata.Value? {
        get { metadata[sleutel] }
        set { metadata[sleutel] = newValue }
    }
    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
             function: String, line: UInt) {
        boek.voeg("\(message)")
    }
}
