import Foundation
import Hummingbird
import HummingbirdTesting
import RegioWeb
import Testing

@Suite struct StartTests {
    /// `serve` says where the dashboard runs only when it listens: after the figures are precomputed (before, the
    /// first seconds gave "connection refused"), and before the first request is answered.
    @Test func meldtPasAlsHetDashboardLuistert() async throws {
        let regio = try Webregio()
        var instellingen = Instellingen(port: 0, veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4), pseudoniemsleutel: regio.sleutelpad)
        instellingen.voorverwarmen = true
        let meldingen = Teller()
        let app = bouwToepassing(store: regio.store, instellingen: instellingen) { await meldingen.tel() }
        #expect(await meldingen.aantal == 0)
        try await app.test(.live) { c in
            #expect(await meldingen.aantal == 1)
            let r = try await c.execute(uri: "/gezond", method: .get)
            #expect(r.status == .ok)
        }
        #expect(await meldingen.aantal == 1)
    }
}

actor Teller {
    private(set) var aantal = 0
    func tel() { aantal += 1 }
}
