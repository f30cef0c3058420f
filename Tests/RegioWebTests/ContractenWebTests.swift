import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioStore
import Testing
@testable import RegioWeb

/// The page and API of `regiomonitor contracten`: the region sees the contracts and the shares, worked by hand; the
/// council does not (per provider payments and clients per month).
struct ContractenWebTests {
    @Test func contractenVoorRegioEnNietVoorDeRaad() async throws {
        // six municipalities with macro-budgets 1.000.000 + 10.000 i (i = 0...5): 6.150.000 together in 2019.
        // A task-based contract of 615.000 with one payment of 61.500 by the region: 0001 gets 1.000.000 / 6.150.000 of
        // it = 10.000, 0006 1.050.000 / 6.150.000 = 10.500.
        let store = try VereveningObjectiefRaadTests.regio(extra: [
            ("aanbieders2.csv", "agb,naam\n75000002,BSA De Linde\n"),
            ("percelen2.csv", "perceel,naam,segment,verevend\nBSA,Brede spectrum aanbieders,Ambulant,nee\n"),
            ("contracten.csv", "jaar,perceel,agb,bekostiging,contractsom\n2019,BSA,75000002,taakgericht,615000\n"),
            ("betalingen.csv", "datum,agb,perceel,bedrag\n2019-01-20,75000002,BSA,61500\n"),
        ])
        let app = bouwToepassing(store: store, instellingen: Instellingen(
            veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
            pseudoniemsleutel: NSTemporaryDirectory() + "rm-contracten-\(UUID())/sleutel", klok: { 1_579_089_600 }))
        try await app.test(.router) { c in
            func json(_ wie: String, _ pad: String) async throws -> [String: Any] {
                let auth = "Basic " + Data("\(wie):\(RaadsaanvalTests.wachtwoord)".utf8).base64EncodedString()
                let r = try await c.execute(uri: pad, method: .get, headers: [.authorization: auth])
                #expect(r.status == .ok, "\(wie) \(pad): \(r.status) \(String(buffer: r.body).prefix(300))")
                return (try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]) ?? [:]
            }
            let regio = try await json("regio", "/api/v1/contracten?jaar=2019")
            let tabellen = regio["tabellen"] as? [String: [[String: Any]]] ?? [:]
            let contract = try #require(tabellen["contracten"]?.first { $0["perceel"] as? String == "BSA" })
            #expect((contract["realisatie"] as? NSNumber)?.doubleValue == 61_500 && contract["bron"] as? String == "betalingen", "\(contract)")
            let aandelen = tabellen["per_gemeente"] ?? []
            func aandeel(_ g: String) -> Double? { (aandelen.first { $0["gemeentecode"] as? String == g }?["totaal"] as? NSNumber)?.doubleValue }
            #expect(aandeel("0001") == 10_000 && aandeel("0006") == 10_500, "\(aandelen)")
            let raad = try await json("raad", "/api/v1/contracten?jaar=2019")
            #expect((raad["tabellen"] as? [String: Any] ?? [:]).isEmpty, "\(raad)")
        }
    }
}
