import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioDemo
import RegioImport
import RegioStore
import Testing
@testable import RegioWeb

/// A real browser: headless Chromium logs in through the form and screenshots the overview
/// (scripts/browsertest.py drives it over the DevTools protocol). In CI a missing Chromium is a failure.
@Suite(.serialized) struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
    /// The walk through every page runs when asked (scripts/test runs it on its own, after the other tests).
    static let rondgang = ProcessInfo.processInfo.environment["REGIOMONITOR_RONDGANG"] == "1"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/browsertest.py").path

    /// Runs a python script off the test's thread; its exit status and standard output.
    static func python(_ argumenten: [String]) async throws -> (Int32, Data) {
        try await Task.detached {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3"] + argumenten
            let pijp = Pipe()
            p.standardOutput = pijp
            try p.run()
            let data = pijp.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, data)
        }.value
    }

    @Test(.enabled(if: chromium != nil || inCI, "chromium ontbreekt (scripts/test installeert het)"))
    func inloggenEnOverzichtBekijken() async throws {
        let regio = try Webregio()
        var instellingen = Instellingen(port: 0, veiligeCookies: true, wachtwoord: Wachtwoord(kosten: 4), pseudoniemsleutel: regio.sleutelpad)
        instellingen.voorverwarmen = true
        let app = bouwToepassing(store: regio.store, instellingen: instellingen)
        let png = NSTemporaryDirectory() + "regiomonitor-overzicht-\(UUID().uuidString).png"
        try await app.test(.live) { c in
            let poort = try #require(c.port)
            let uit = try await BrowserTests.python([BrowserTests.script, "http://127.0.0.1:\(poort)", "regio", Webregio.wachtwoord, "/?jaar=2019", png])
            #expect(uit.0 == 0)
            let json = try #require(try JSONSerialization.jsonObject(with: uit.1) as? [String: String])
            let tekst = try #require(json["tekst"])
            // logged in (not sent back to the form) and on the overview of 2019 with the hand-counted figures
            #expect(json["url"]?.hasSuffix("/?jaar=2019") == true)
            #expect(tekst.contains("Regio-overzicht 2019") && tekst.contains("regio (regio)"))
            #expect(tekst.contains("€ 14.570"))  // 8.130 + 6.440
            #expect(tekst.contains("Baarn"))
            let beeld = try #require(FileManager.default.contents(atPath: png))
            #expect(beeld.count > 20_000 && beeld.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        }
        print("Schermafdruk van het overzicht: \(png)")
    }

    /// Issue 27: what a person sees, on the demo region (2019-2020, as known on 30-06-2020, rules run) at 1366 and 1920
    /// pixels for every role: no table, chart or page wider than its box, no text running out of its box, every link
    /// on the pages answering 200 or 303 (a page offers no link its reader may not follow), and the signal list's
    /// paging links among them (the last page answers). scripts/rondgang.py drives Chromium; screenshots stay in a
    /// temporary folder named in the output.
    @Test(.enabled(if: rondgang && (chromium != nil || inCI), "alleen met REGIOMONITOR_RONDGANG=1 (scripts/test) en chromium"))
    func rondgangPerRolEnBreedte() async throws {
        let store = try SQLiteStore(pad: ":memory:")
        let importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 3, count: 32)))
        for b in Demoregio(seed: 1, jaren: 2019...2020, stand: Dag.parse("2020-06-30")).bestanden() {
            let v = importeur.importeer(bestand: b.naam, bytes: Array(b.inhoud.utf8), nu: "2020-07-01T00:00:00Z")
            #expect(v.fouten.isEmpty, "\(b.naam): \(v.fouten.prefix(2))")
        }
        importeur.werkAggregatenBij()
        _ = try Signaaldraaiing.werkBij(store, instellingen: .standaard, tijdstip: "2020-07-01T00:00:00Z")
        let w = Wachtwoord(kosten: 4)
        for (naam, rol) in [("regio", Rol.regio), ("amersfoort", .gemeente("0307")), ("raad", .raad)] {
            try store.bewaar(Gebruiker(naam: naam, rol: rol, wachtwoordHash: w.hash(Webregio.wachtwoord)))
        }
        let signaal = try #require(try store.signalen().first { $0.signaal.gemeentecode == "0307" })
        let client = signaal.signaal.client
        let paginas = ["/?jaar=2020", "/?jaar=2019", "/gemeente/0307?jaar=2020", "/gemeente/0307?jaar=2019&kolommen=alle",
                       "/gemeente/0307/clienten?jaar=2019", "/client/" + client, "/percelen?jaar=2019", "/percelen/SAVE?jaar=2019",
                       "/aanbieders?jaar=2019", "/verevening?jaar=2019", "/benchmark?jaar=2019", "/signalen", "/signalen/regels",
                       "/signalen/\(signaal.id)", "/prognose", "/prognose?per=perceel", "/gemeente/0307/burap", "/import", "/inzagelog", "/api",
                       "/gemeente/0307/rapport?maand=2020-06", "/bestaat-niet"]
        let map = NSTemporaryDirectory() + "regiomonitor-rondgang-\(UUID().uuidString)"
        let script = URL(fileURLWithPath: BrowserTests.script).deletingLastPathComponent().appendingPathComponent("rondgang.py").path
        var instellingen = Instellingen(port: 0, veiligeCookies: true, wachtwoord: w, pseudoniemsleutel: map + "/sleutel")
        instellingen.voorverwarmen = false
        let app = bouwToepassing(store: store, instellingen: instellingen)
        try await app.test(.live) { c in
            let poort = try #require(c.port)
            for gebruiker in ["regio", "amersfoort", "raad"] {
                for breedte in ["1366", "1920"] {
                    let uit = try await BrowserTests.python([script, "http://127.0.0.1:\(poort)", gebruiker, Webregio.wachtwoord, breedte, map] + paginas)
                    #expect(uit.0 == 0, "\(gebruiker) \(breedte)")
                    let json = try #require(try JSONSerialization.jsonObject(with: uit.1) as? [String: Any])
                    let bekeken = try #require(json["paginas"] as? [[String: Any]])
                    #expect(bekeken.count == paginas.count)
                    for p in bekeken {
                        let problemen = p["problemen"] as? [String] ?? []
                        #expect(problemen.isEmpty, "\(gebruiker) \(breedte) \(p["pad"] ?? ""): \(problemen)")
                    }
                    let links = try #require(json["links"] as? [String: Int])
                    let fout = links.filter { $0.value != 200 && $0.value != 303 }
                    #expect(fout.isEmpty, "\(gebruiker) \(breedte): links die niet werken: \(fout.prefix(10))")
                    #expect(links.count > 50, "\(gebruiker): \(links.count) links")
                    if gebruiker == "regio" {
                        // the signal list pages to its last page, and that page answers
                        #expect(links.keys.contains { $0.hasPrefix("/signalen?") && $0.contains("pagina=") }, "\(links.keys.filter { $0.hasPrefix("/signalen") })")
                    }
                }
            }
        }
        print("Schermafdrukken van de rondgang: \(map)")
    }
}
