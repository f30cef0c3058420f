import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioStore
import Testing
@testable import RegioWeb

/// A real browser: headless Chromium logs in through the form and screenshots the overview
/// (scripts/browsertest.py drives it over the DevTools protocol). In CI a missing Chromium is a failure.
@Suite struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/browsertest.py").path

    @Test(.enabled(if: chromium != nil || inCI, "chromium ontbreekt (scripts/test installeert het)"))
    func inloggenEnOverzichtBekijken() async throws {
        let regio = try Webregio()
        var instellingen = Instellingen(port: 0, veiligeCookies: true, wachtwoord: Wachtwoord(kosten: 4), pseudoniemsleutel: regio.sleutelpad)
        instellingen.voorverwarmen = true
        let app = bouwToepassing(store: regio.store, instellingen: instellingen)
        let png = NSTemporaryDirectory() + "regiomonitor-overzicht-\(UUID().uuidString).png"
        try await app.test(.live) { c in
            let poort = try #require(c.port)
            let uit = try await Task.detached {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                p.arguments = ["python3", BrowserTests.script, "http://127.0.0.1:\(poort)", "regio", Webregio.wachtwoord, "/?jaar=2019", png]
                let pijp = Pipe()
                p.standardOutput = pijp
                try p.run()
                let data = pijp.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                return (p.terminationStatus, data)
            }.value
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
}
