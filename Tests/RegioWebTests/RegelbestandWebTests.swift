import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioImport
import RegioStore
import Testing
@testable import RegioWeb

/// Issue 24: "Regels nu draaien" in the dashboard uses the region's rule file, as `regiomonitor signalen` does.
/// Webregio: request V1 received 45 days after its start, V2 196 days after. By default V1 gives VOT-LAAT (over 30
/// days) and V2 VOT-ALARM (over 182); with the region's VOT-LAAT at 60 days V1 gives nothing.
@Suite struct RegelbestandWebTests {
    @Test func dashboardDraaitMetHetRegelbestandVanDeRegio() async throws {
        let regio = try Webregio()
        let regels = try Regelbestand.lees(data: Data(#"{ "regels": { "VOT-LAAT": { "dagen": 60 } } }"#.utf8), bestand: "regels.json")
        var instellingen = Instellingen(veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4), pseudoniemsleutel: regio.sleutelpad,
                                        klok: { Webregio.nu })
        instellingen.regels = regels
        try await bouwToepassing(store: regio.store, instellingen: instellingen).test(.router) { c in
            let r = try await Web.sessie(c, "regio")
            #expect(try await Web.post(c, "/signalen/bijwerken", r, [("csrf", r.csrf)]).status == .seeOther)
        }
        let opgeslagen = try regio.store.signalen().map(\.signaal)
        func soorten(_ s: [Signaal]) -> [String] { s.map { "\($0.regel) \($0.gemeentecode)" }.sorted() }
        // the same as the command line's run with the same file (Signaaldraaiing is what `signalen lijst` runs)
        let cli = try #require(try Signaaldraaiing.draai(regio.store, peildatum: nil, instellingen: regels)?.run)
        #expect(soorten(opgeslagen) == soorten(cli.signalen))
        #expect(!opgeslagen.contains { $0.regel == "VOT-LAAT" } && opgeslagen.contains { $0.regel == "VOT-ALARM" && $0.gemeentecode == "0308" })
        // and not what the defaults give
        let standaard = try #require(try Signaaldraaiing.draai(regio.store, peildatum: nil)?.run)
        #expect(standaard.signalen.contains { $0.regel == "VOT-LAAT" && $0.gemeentecode == "0307" })
    }
}
