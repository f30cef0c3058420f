import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioStore
import Testing
@testable import RegioWeb

/// The dashboard's downloads (issue 25): the Dutch CSV by default, plain CSV for tools, and Excel workbooks read back by
/// openpyxl (scripts/xlsx-lezen.py); for the council every workbook has the suppression of the screen.
@Suite(.serialized) struct WerkboekWebTests {
    /// The cells of every sheet as openpyxl reads them: [sheet name: rows of values (NSNull for empty)].
    static func lees(_ bytes: ByteBuffer) throws -> [(naam: String, rijen: [[Any]])] {
        let pad = NSTemporaryDirectory() + "web-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: pad) }
        try Data(buffer: bytes).write(to: URL(fileURLWithPath: pad))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/xlsx-lezen.py").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, pad]
        let uit = Pipe()
        p.standardOutput = uit
        try p.run()
        let data = uit.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "openpyxl kon het werkboek niet lezen")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (json["bladen"] as? [[String: Any]] ?? []).map { b in
            (b["naam"] as? String ?? "", (b["cellen"] as? [[Any]] ?? []).map { $0.map { ($0 as? [String: Any])?["v"] ?? NSNull() } })
        }
    }

    @Test func regioDownloadsTegenDeHandtelling() async throws {
        try await Webregio().app().test(.router) { c in
            let s = try await Web.sessie(c, "regio")
            let html = Web.tekst(try await Web.get(c, "/?jaar=2019", s))
            let id = try #require(html.components(separatedBy: "csv=").dropFirst().map { String($0.prefix { $0 != "\"" && $0 != "&" }) }
                .first { $0.contains("gemeente") })
            // the default download opens in Dutch Excel: BOM, semicolons, decimal comma
            let nl = try await Web.get(c, "/?jaar=2019&csv=\(id)", s)
            let tekst = Web.tekst(nl)
            #expect(tekst.hasPrefix("\u{FEFF}Code;Naam;Cliënten;"))
            #expect(tekst.contains("\r\n0307;") && tekst.contains(";8130,00;") && tekst.contains(";14570,00;"))
            // the API keeps plain CSV for tools
            let api = Web.tekst(try await Web.get(c, "/api/v1/overzicht?jaar=2019&csv=\(id)", s))
            #expect(api.hasPrefix("gemeentecode,") && api.contains(",8130.00,"))
            // the workbook: 0307 as text, amounts as numbers, the total a formula with the hand-counted value
            let x = try await Web.get(c, "/?jaar=2019&csv=\(id)&format=xlsx", s)
            #expect(x.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(x.headers[.contentDisposition]?.contains(".xlsx") == true)
            let bladen = try Self.lees(x.body)
            #expect(bladen.first?.naam == "Toelichting")
            let blad = try #require(bladen.last).rijen
            let kop = blad[0].map { $0 as? String ?? "" }
            let k = try #require(kop.firstIndex(of: "Gedeclareerd"))
            let amersfoort = try #require(blad.first { $0.first as? String == "0307" })
            #expect((amersfoort[k] as? NSNumber)?.doubleValue == 8130.0)
            #expect((blad.last?[k] as? NSNumber)?.doubleValue == 14570.0)
            // the whole page as one workbook: a sheet per table
            let alles = try Self.lees(try await Web.get(c, "/?jaar=2019&format=xlsx", s).body)
            #expect(alles.count >= 3, "\(alles.map(\.naam))")
            // an unknown format is refused with a reason, not a crash
            #expect(try await Web.get(c, "/?jaar=2019&csv=\(id)&format=pdf", s).status == .badRequest)
        }
    }

    /// Every table of the council's pages as a workbook, and the council's monthly report: each cell equals the council's
    /// CSV of the same table, and no client count under the threshold is in any of them.
    @Test func raadswerkboekenOnderdrukt() async throws {
        let store = try RaadsaanvalTests.opslag(RaadsaanvalTests.willekeurigeRegio(zaad: 3))
        let app = bouwToepassing(store: store, instellingen: Instellingen(veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
                                                                          pseudoniemsleutel: NSTemporaryDirectory() + "rm-werkboek-\(UUID())/sleutel",
                                                                          klok: { 1_579_089_600 }))
        try await app.test(.router) { c in
            let inlog = try await Web.inloggen(c, "raad", wachtwoord: RaadsaanvalTests.wachtwoord)
            let cookie = "rm_sessie=" + (try #require(Web.setCookie(inlog, "rm_sessie")))
            func get(_ pad: String) async throws -> TestResponse {
                let r = try await c.execute(uri: pad, method: .get, headers: [.cookie: cookie])
                #expect(r.status == .ok, "\(pad): \(r.status)")
                return r
            }
            var verborgen = 0, tabellen = 0
            func controleer(_ rijen: [[Any]], kop: [String], waar: String) {
                for (k, naam) in kop.enumerated() where naam.contains("clienten") || naam == "instroom" || naam == "uitstroom" {
                    for rij in rijen.dropFirst() where k < rij.count {
                        if let n = rij[k] as? NSNumber { #expect(n.intValue >= Onderdrukking.drempel, "\(waar) \(naam): \(n)") }
                        if let t = rij[k] as? String, t.hasPrefix("<") { verborgen += 1 }
                    }
                }
            }
            for pagina in ["/?jaar=2019", "/gemeente/0006?jaar=2019", "/gemeente/0001?jaar=2019", "/percelen?jaar=2019", "/aanbieders?jaar=2019"] {
                let html = Web.tekst(try await get(pagina))
                let ids = Set(html.components(separatedBy: "csv=").dropFirst().map { String($0.prefix { $0 != "\"" && $0 != "&" }) })
                for id in ids.sorted() {
                    let csv = Web.tekst(try await get(pagina + "&csv=\(id)&format=csv")).split(separator: "\n", omittingEmptySubsequences: false)
                        .filter { !$0.isEmpty }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                    let blad = try #require(try Self.lees(try await get(pagina + "&csv=\(id)&format=xlsx").body).last).rijen
                    tabellen += 1
                    #expect(blad.count == csv.count, "\(pagina) \(id)")
                    // cell by cell: a number where the CSV has one, the same text where it has text
                    for (x, r) in zip(blad.dropFirst(), csv.dropFirst()) {
                        for (k, v) in r.enumerated() where k < x.count && !v.isEmpty && !v.contains("\"") {
                            if let n = x[k] as? NSNumber, let d = Double(v) {
                                #expect(abs(n.doubleValue - d) < 1e-6 * max(1, abs(d)), "\(pagina) \(id) \(csv[0][k]): \(v) en \(n)")
                            } else if !(x[k] is NSNumber) && Double(v) != nil && !(x[k] is String) {
                                Issue.record("\(pagina) \(id) \(csv[0][k]): \(v) en \(x[k])")
                            }
                        }
                    }
                    controleer(blad, kop: csv.first ?? [], waar: "\(pagina) \(id)")
                }
            }
            #expect(tabellen >= 8)
            // the council's monthly report as a workbook: the suppression rule on the first sheet, every sheet suppressed
            let rapport = try Self.lees(try await get("/gemeente/0006/rapport?maand=2019-12&format=xlsx").body)
            #expect(rapport.first?.rijen.contains { $0.first as? String == "Onderdrukking" } == true)
            #expect(rapport.count > 3)
            for blad in rapport.dropFirst() {
                let kop = (blad.rijen.first ?? []).map { ($0 as? String ?? "").lowercased().replacingOccurrences(of: "ë", with: "e") }
                controleer(blad.rijen, kop: kop, waar: "rapport \(blad.naam)")
            }
            #expect(verborgen > 0, "gemeente 0006 heeft twee cliënten: verborgen cellen")
        }
    }
}
