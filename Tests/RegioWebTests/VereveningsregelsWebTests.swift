import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioStore
import Testing
@testable import RegioWeb

/// The pooling rules of the kind `verevening` in the dashboard and the API: the same own cost A as the command line's
/// report (one type computes both), worked by hand; and a year pooled in part is not shown to the council.
struct VereveningsregelsWebTests {
    @Test func halfProductGelijkAanDeOpdrachtregelEnNietVoorDeRaad() async throws {
        let store = try VereveningObjectiefRaadTests.regio(extra: [("verevening.csv", "jaar,perceel,productcode,aandeel\n2019,VBJ,43A01,50\n")])
        let g = try store.gegevens()
        let rapport = try VereveningRapport(g, jaren: 2019...2019, scenarios: [.solidariteit], sleutel: .macrobudget)
        let cli = Dictionary(uniqueKeysWithValues: rapport.onderdelen[0].uitkomst.regels.map { ($0.gemeentecode, $0.eigenKosten) })
        // by hand, 0001 in 2019: ten clients of 1.000 + 37c euros (c = 0...9) = 11.665, pooled for 50%: 5.832,50;
        // 0002: thirteen clients of 1.101 + 37c (c = 0...12) = 17.199, half: 8.599,50
        #expect(cli["0001"] == Euro(centen: 583_250) && cli["0002"] == Euro(centen: 859_950))
        let app = bouwToepassing(store: store, instellingen: Instellingen(
            veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
            pseudoniemsleutel: NSTemporaryDirectory() + "rm-vvregels-\(UUID())/sleutel", klok: { 1_579_089_600 }))
        try await app.test(.router) { c in
            func rijen(_ wie: String, _ pad: String) async throws -> [String: [String: Any]] {
                let auth = "Basic " + Data("\(wie):\(RaadsaanvalTests.wachtwoord)".utf8).base64EncodedString()
                let r = try await c.execute(uri: pad, method: .get, headers: [.authorization: auth])
                #expect(r.status == .ok, "\(wie) \(pad): \(r.status) \(String(buffer: r.body).prefix(300))")
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                let lijst = ((json?["tabellen"] as? [String: Any])?["bijdrage"] as? [[String: Any]]) ?? []
                var uit: [String: [String: Any]] = [:]
                for rij in lijst { if let code = rij["gemeentecode"] as? String, code != "totaal" { uit[code] = rij } }
                return uit
            }
            let regio = try await rijen("regio", "/api/v1/verevening?jaar=2019")
            #expect(regio.count == 6)
            for (code, a) in cli {
                let web = (regio[code]?["eigen_kosten"] as? NSNumber)?.doubleValue
                #expect(web.map { Int64(($0 * 100).rounded()) } == a.centen, "\(code): \(String(describing: web)) tegen \(a)")
            }
            // the council: 2019 pools a part of a lot, so no municipality's cost or share is shown at all; 2018 as before
            let raad2019 = try await rijen("raad", "/api/v1/verevening?jaar=2019")
            #expect(raad2019.isEmpty, "\(raad2019)")
            let raad2018 = try await rijen("raad", "/api/v1/verevening?jaar=2018")
            #expect(raad2018.count == 6 && raad2018.values.allSatisfy { $0["eigen_kosten"] as? NSNumber != nil }, "\(raad2018)")
            // 2018-2019 together: 2018 is shown, the cumulative over both is not (marked as hidden to protect another,
            // not as a small number)
            let auth = "Basic " + Data("raad:\(RaadsaanvalTests.wachtwoord)".utf8).base64EncodedString()
            let r = try await c.execute(uri: "/api/v1/verevening?jaar=2018&tot=2019", method: .get, headers: [.authorization: auth])
            let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
            let tabellen = json?["tabellen"] as? [String: [[String: Any]]] ?? [:]
            #expect(tabellen["bijdrage"]?.first { $0["gemeentecode"] as? String == "0001" }?["eigen_kosten"] is NSNumber)
            let cumulatief = tabellen["saldo_cumulatief"] ?? []
            #expect(cumulatief.count >= 6 && cumulatief.filter { $0["gemeentecode"] as? String != "totaal" }
                        .allSatisfy { $0["eigen_kosten"] as? String == Onderdrukking.aanvullendTekst }, "\(cumulatief)")
        }
    }
}

/// Yearly totals (CSV kind `kosten`) on the dashboard: the region sees the ledger's amount with its clients "niet
/// beschikbaar"; the council never sees a cell whose clients are not known (it could be one child).
struct JaartotalenWebTests {
    @Test func overzichtMetJaartotaal() async throws {
        // 0001's VBJ in 2018 from the ledger: 50.000,00 in place of its ten lines
        let store = try VereveningObjectiefRaadTests.regio(extra: [("kosten.csv", "jaar,gemeentecode,perceel,bedrag\n2018,0001,VBJ,50000\n")])
        let app = bouwToepassing(store: store, instellingen: Instellingen(
            veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
            pseudoniemsleutel: NSTemporaryDirectory() + "rm-jaartotaal-\(UUID())/sleutel", klok: { 1_579_089_600 }))
        try await app.test(.router) { c in
            func rij(_ wie: String, _ pad: String, _ code: String) async throws -> [String: Any]? {
                let auth = "Basic " + Data("\(wie):\(RaadsaanvalTests.wachtwoord)".utf8).base64EncodedString()
                let r = try await c.execute(uri: pad, method: .get, headers: [.authorization: auth])
                #expect(r.status == .ok, "\(wie) \(pad): \(r.status)")
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                let lijst = ((json?["tabellen"] as? [String: Any])?["per_gemeente"] as? [[String: Any]]) ?? []
                return lijst.first { $0["gemeentecode"] as? String == code }
            }
            let regio = try #require(try await rij("regio", "/api/v1/overzicht?jaar=2018", "0001"))
            #expect((regio["gedeclareerd"] as? NSNumber)?.doubleValue == 50_000)
            // not known: no count, no cost per client and no utilisation (the page writes "niet beschikbaar")
            #expect(regio["unieke_clienten"] is NSNull && regio["kosten_per_client"] is NSNull && regio["uitnutting"] is NSNull, "\(regio)")
            // 0002 in 2018 keeps its lines: 13 clients
            let ander = try #require(try await rij("regio", "/api/v1/overzicht?jaar=2018", "0002"))
            #expect((ander["unieke_clienten"] as? NSNumber)?.intValue == 13)
            // the council: 0001's 2018 is hidden, 2019 (lines, ten clients) is shown
            let raad = try #require(try await rij("raad", "/api/v1/overzicht?jaar=2018", "0001"))
            #expect(raad["gedeclareerd"] as? NSNumber == nil, "\(raad)")
            let raad2019 = try #require(try await rij("raad", "/api/v1/overzicht?jaar=2019", "0001"))
            #expect((raad2019["gedeclareerd"] as? NSNumber) != nil, "\(raad2019)")
        }
    }
}
