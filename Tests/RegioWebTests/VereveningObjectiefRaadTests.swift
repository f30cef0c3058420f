import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioStore
import Testing
@testable import RegioWeb

/// The key objectief is fitted on every municipality's pooled cost of the key's three years, so each municipality's
/// share (and what it pays) depends on all those costs. A council user must therefore see no share at all when one of
/// those costs is hidden: here municipality 0006 has two clients in the pooled lot in 2017 (hidden), and ten or more
/// in 2018 and 2019 (shown).
struct VereveningObjectiefRaadTests {
    static func regio(extra: [(String, String)] = []) throws -> SQLiteStore {
        let gemeenten = (1...6).map { "000\($0)" }
        var cijfers = ["gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd,ses,wijkteam_fte"]
        var toew = ["toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,toewijzingsdatum"]
        var decl = ["declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op"]
        let fte = [3, 7, 4, 9, 5, 6]
        var nr = 0
        for jaar in 2017...2019 {
            for (i, g) in gemeenten.enumerated() {
                cijfers.append("\(g),\(jaar),\(5000 + 500 * i),\(1000 + 100 * i),\(1_000_000 + 10_000 * i),\(Double(i) / 10),\(fte[i])")
                let clienten = g == "0006" && jaar == 2017 ? 2 : 10 + 3 * i
                for c in 0..<clienten {
                    nr += 1
                    toew.append("T\(nr),C\(g)-\(c),\(g),75000001,43,43A01,\(jaar)-01-01,\(jaar)-12-31,1,14,1,\(jaar)-01-01")
                    decl.append("D\(nr),R\(nr),T\(nr),C\(g)-\(c),\(g),75000001,43,43A01,\(jaar)-03-01,\(jaar)-03-31,\(1000 + 37 * c + 101 * i),\(jaar)-04-15")
                }
            }
        }
        return try RaadsaanvalTests.opslag([
            ("gemeenten.csv", "gemeentecode,naam\n" + gemeenten.map { "\($0),Gemeente \($0)" }.joined(separator: "\n") + "\n"),
            ("percelen.csv", "perceel,naam,segment,verevend\nVBJ,Verblijf Jeugd,Verblijf,ja\n"),
            ("producten.csv", "productcode,productcategorie,perceel,tarief\n43A01,43,VBJ,100\n"),
            ("aanbieders.csv", "agb,naam\n75000001,Aanbieder\n"),
            ("gemeentecijfers.csv", cijfers.joined(separator: "\n") + "\n"),
            ("toewijzingen.csv", toew.joined(separator: "\n") + "\n"),
            ("declaraties.csv", decl.joined(separator: "\n") + "\n"),
        ] + extra)
    }

    @Test func raadZietGeenObjectieveSleutelAlsEenKostenpostVanDeSleuteljarenVerborgenIs() async throws {
        let app = bouwToepassing(store: try Self.regio(), instellingen: Instellingen(
            veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
            pseudoniemsleutel: NSTemporaryDirectory() + "rm-objectief-\(UUID())/sleutel", klok: { 1_579_089_600 }))
        try await app.test(.router) { c in
            /// Per municipality in the table `bijdrage`: its share of the key, nil when hidden.
            func aandelen(_ wie: String, _ pad: String) async throws -> [String: Double?] {
                let auth = "Basic " + Data("\(wie):\(RaadsaanvalTests.wachtwoord)".utf8).base64EncodedString()
                let r = try await c.execute(uri: pad, method: .get, headers: [.authorization: auth])
                #expect(r.status == .ok, "\(wie) \(pad): \(r.status) \(String(buffer: r.body).prefix(300))")
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                let rijen = ((json?["tabellen"] as? [String: Any])?["bijdrage"] as? [[String: Any]]) ?? []
                var uit: [String: Double?] = [:]
                for rij in rijen {
                    guard let g = rij["gemeentecode"] as? String, g != "totaal" else { continue }
                    uit.updateValue((rij["sleutelaandeel"] as? NSNumber)?.doubleValue, forKey: g)
                }
                return uit
            }
            // the region sees the objective key for 2019, fitted on 18 municipality-years
            let regio = try await aandelen("regio", "/api/v1/verevening?jaar=2019&sleutel=objectief")
            #expect(regio.count == 6 && regio.values.allSatisfy { $0 != nil })
            // the council sees 2019 with the macro-budget key: every municipality has ten or more clients that year
            let macro = try await aandelen("raad", "/api/v1/verevening?jaar=2019")
            #expect(macro.count == 6 && macro.values.allSatisfy { $0 != nil })
            // 2017 itself: 0006 is hidden
            let eerder = try await aandelen("raad", "/api/v1/verevening?jaar=2017")
            #expect(eerder["0006"] == .some(nil))
            // the objective key of 2019 rests on 2017 too: no municipality's share may be shown
            let objectief = try await aandelen("raad", "/api/v1/verevening?jaar=2019&sleutel=objectief")
            #expect(objectief.count == 6 && objectief.values.allSatisfy { $0 == nil }, "\(objectief)")
        }
    }

    /// The page of `regiomonitor verklaring` in the API. 0002 in 2019 by hand: 13 clients of 1.000 + 37c + 101 euros
    /// (c = 0...12): 13 x 1.101 + 37 x 78 = 17.199 euros over 1.100 young people, 15,64 per young person. The council
    /// gets no fit over 2017 (0006's cost is hidden then: the fit would give it away), but does over 2018-2019.
    @Test func verklaringInDeAPIEnVoorDeRaad() async throws {
        let app = bouwToepassing(store: try Self.regio(), instellingen: Instellingen(
            veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
            pseudoniemsleutel: NSTemporaryDirectory() + "rm-verklaring-\(UUID())/sleutel", klok: { 1_579_089_600 }))
        try await app.test(.router) { c in
            func tabellen(_ wie: String, _ pad: String) async throws -> [String: [[String: Any]]] {
                let auth = "Basic " + Data("\(wie):\(RaadsaanvalTests.wachtwoord)".utf8).base64EncodedString()
                let r = try await c.execute(uri: pad, method: .get, headers: [.authorization: auth])
                #expect(r.status == .ok, "\(wie) \(pad): \(r.status)")
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                return (json?["tabellen"] as? [String: [[String: Any]]]) ?? [:]
            }
            let regio = try await tabellen("regio", "/api/v1/verklaring?jaar=2017&tot=2019")
            let rijen = regio["per_gemeente"] ?? []
            #expect(rijen.count == 18)
            let r = try #require(rijen.first { $0["gemeentecode"] as? String == "0002" && $0["jaar"] as? String == "2019" })
            #expect((r["werkelijk_per_jeugdige"] as? NSNumber)?.doubleValue == 15.64)
            for rij in rijen {
                let d = { (k: String) in (rij[k] as? NSNumber)?.doubleValue ?? .nan }
                // each amount is rounded to the cent on its own: the split adds up within two cents
                #expect(abs(d("verklaard") + d("onverklaard") - (d("werkelijk_per_jeugdige") - d("regiogemiddelde"))) <= 0.021, "\(rij)")
            }
            #expect((regio["model"] ?? []).count == 3)
            let raad = try await tabellen("raad", "/api/v1/verklaring?jaar=2017&tot=2019")
            #expect(raad["per_gemeente"] == nil && raad["model"] == nil)
            let later = try await tabellen("raad", "/api/v1/verklaring?jaar=2018&tot=2019")
            #expect((later["per_gemeente"] ?? []).count == 12)
        }
    }

    /// The scenario plafond pools each municipality's cost above the cap, and every share shows the pool: with 0006
    /// hidden in 2017 the council does not get it for 2017; in 2019, with nothing hidden, it does. The region always.
    @Test func plafondNietVoorDeRaadAlsEenGemeenteVerborgenIs() async throws {
        let app = bouwToepassing(store: try Self.regio(), instellingen: Instellingen(
            veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
            pseudoniemsleutel: NSTemporaryDirectory() + "rm-plafond-\(UUID())/sleutel", klok: { 1_579_089_600 }))
        try await app.test(.router) { c in
            func kolommen(_ wie: String, _ pad: String) async throws -> Set<String> {
                let auth = "Basic " + Data("\(wie):\(RaadsaanvalTests.wachtwoord)".utf8).base64EncodedString()
                let r = try await c.execute(uri: pad, method: .get, headers: [.authorization: auth])
                #expect(r.status == .ok, "\(wie) \(pad): \(r.status)")
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                let rijen = ((json?["tabellen"] as? [String: Any])?["bijdrage"] as? [[String: Any]]) ?? []
                return Set(rijen.flatMap(\.keys))
            }
            func heeftPlafond(_ k: Set<String>) -> Bool { k.contains { $0.hasPrefix("bijdrage_plafond") } }
            #expect(heeftPlafond(try await kolommen("regio", "/api/v1/verevening?jaar=2017&scenario=plafond:5000")))
            let raad2017 = try await kolommen("raad", "/api/v1/verevening?jaar=2017&scenario=plafond:5000")
            #expect(!raad2017.isEmpty && !heeftPlafond(raad2017))
            #expect(heeftPlafond(try await kolommen("raad", "/api/v1/verevening?jaar=2019&scenario=plafond:5000")))
        }
    }
}
