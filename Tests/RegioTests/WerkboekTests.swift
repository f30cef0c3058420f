import Foundation
import Testing
import RegioCore
@testable import RegioUitvoer

/// Reads a workbook with openpyxl (scripts/xlsx-lezen.py), a reader that shares no code with ours.
enum Xlsx {
    struct Cel { let waarde: Any; let formule: String?; let formaat: String; let type: String; let vet: Bool }
    struct Blad { let naam: String; let bevroren: String?; let cellen: [[Cel?]] }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/xlsx-lezen.py").path

    static func lees(_ pad: String) throws -> [Blad] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, pad]
        let uit = Pipe(), fout = Pipe()
        p.standardOutput = uit; p.standardError = fout
        try p.run()
        let data = uit.fileHandleForReading.readDataToEndOfFile()
        let melding = String(decoding: fout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw XlsxFout(description: "openpyxl kon \(pad) niet lezen: \(melding)") }
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["bladen"] as? [[String: Any]]).map { b in
            Blad(naam: b["naam"] as? String ?? "", bevroren: b["bevroren"] as? String,
                 cellen: (b["cellen"] as? [[Any]] ?? []).map { rij in
                     rij.map { c in
                         (c as? [String: Any]).map {
                             Cel(waarde: $0["v"] ?? NSNull(), formule: $0["f"] as? String, formaat: $0["fmt"] as? String ?? "",
                                 type: $0["type"] as? String ?? "", vet: $0["vet"] as? Bool ?? false)
                         }
                     }
                 })
        }
    }
}

struct XlsxFout: Error, CustomStringConvertible { let description: String }

@Suite struct WerkboekTests {
    /// A table worked by hand: two providers, their amounts, a share, a day, a code with a leading zero, and a total
    /// row whose amount is the sum (a formula) and whose unique clients are not (3, not 2 + 2: one client at both).
    static func tabel() -> Tabel {
        var t = Tabel(kolommen: [.init("gemeentecode", "Gemeente", .links), .init("naam", "Naam", .links), .init("clienten", "Cliënten"),
                                 .init("gedeclareerd", "Gedeclareerd"), .init("uitnutting", "Uitnutting"), .init("sinds", "Sinds", .links),
                                 .init("jaar", "Jaar")])
        t.rijen = [[Tabel.Cel("0307"), Tabel.Cel("=HYPERLINK(\"x\")"), .aantal(2), .euroOpCent(Euro(centen: 123_456)), .procent(0.734),
                    Tabel.Cel(Dag(jaar: 2020, maand: 2, dag: 1)!.nederlands, machine: "2020-02-01"), Tabel.Cel("2019", getal: true)],
                   [Tabel.Cel("0308"), Tabel.Cel("Baarn & Co <b>"), .aantal(2), .euroOpCent(Euro(centen: -2_000)), .procent(0.5),
                    Tabel.Cel(""), Tabel.Cel("2019", getal: true)]]
        t.voet = [[Tabel.Cel("totaal"), Tabel.Cel("Totaal"), .aantal(3), .euroOpCent(Euro(centen: 121_456)), .procent(0.7),
                   Tabel.Cel(""), Tabel.Cel("")]]
        return t
    }

    @Test func cellenHoudenHunSoort() throws {
        let pad = NSTemporaryDirectory() + "werkboek-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: pad) }
        try Werkboek(titel: "Proef", toelichting: [("Peildatum", "30-06-2020")], bladen: [Werkboek.Blad("Per gemeente", Self.tabel())])
            .schrijf(naar: pad)
        let bladen = try Xlsx.lees(pad)
        #expect(bladen.map(\.naam) == ["Toelichting", "Per gemeente"])
        let t = bladen[0].cellen
        #expect(t[1][0]?.waarde as? String == "Proef" && t[2][0]?.waarde as? String == "Peildatum" && t[2][1]?.waarde as? String == "30-06-2020")
        let b = bladen[1]
        #expect(b.bevroren == "A2")
        #expect(b.cellen[0].compactMap { $0?.waarde as? String } == ["Gemeente", "Naam", "Cliënten", "Gedeclareerd", "Uitnutting", "Sinds", "Jaar"])
        #expect(b.cellen[0].allSatisfy { $0?.vet == true })
        let r = b.cellen[1]
        // the code is text and keeps its zero; a text that looks like a formula stays text
        #expect(r[0]?.waarde as? String == "0307" && r[0]?.type == "s")
        #expect(r[1]?.waarde as? String == "=HYPERLINK(\"x\")" && r[1]?.formule == nil && r[1]?.type == "s")
        #expect(r[2]?.waarde as? Int == 2 && r[2]?.formaat == "#,##0")
        #expect((r[3]?.waarde as? Double).map { abs($0 - 1234.56) < 1e-9 } == true && r[3]?.formaat.contains("€") == true)
        #expect((r[4]?.waarde as? Double).map { abs($0 - 0.734) < 1e-12 } == true && r[4]?.formaat == "0.0%")
        #expect(r[5]?.waarde as? String == "2020-02-01" && r[5]?.formaat == "dd-mm-yyyy")
        // a year reads without a thousands separator
        #expect(r[6]?.waarde as? Int == 2019 && r[6]?.formaat == "General")
        #expect(b.cellen[2][1]?.waarde as? String == "Baarn & Co <b>")
        #expect((b.cellen[2][3]?.waarde as? Double).map { abs($0 + 20) < 1e-9 } == true)
        #expect(b.cellen[2][5] == nil)
        // the total: the amount is the sum, so a formula with that value; unique clients (3) are not, so a number
        let v = b.cellen[3]
        #expect(v[3]?.formule == "=SUM(D2:D3)" && (v[3]?.waarde as? Double).map { abs($0 - 1214.56) < 1e-9 } == true && v[3]?.vet == true)
        #expect(v[2]?.formule == nil && v[2]?.waarde as? Int == 3)
        #expect(v[4]?.formule == nil)
    }

    /// A column with a suppressed cell keeps its total as a number: a SUM over the visible cells would be a wrong figure,
    /// and a reader could subtract it from the total.
    @Test func verborgenCelGeenFormule() throws {
        var t = Tabel(kolommen: [.init("perceel", "Perceel", .links), .init("gedeclareerd", "Gedeclareerd")])
        t.rijen = [[Tabel.Cel("AMB"), .euroOpCent(Euro(centen: 100))], [Tabel.Cel("VER"), Tabel.Cel("<5")], [Tabel.Cel("JGZ"), .euroOpCent(Euro(centen: 100))]]
        t.voet = [[Tabel.Cel("Totaal"), .euroOpCent(Euro(centen: 200))]]
        #expect(Bladschrijver(tabel: t, toelichtingsblad: false).somformule(kolom: 1, totaal: t.voet[0][1]) == nil)
        t.rijen[1][1] = .euroOpCent(.nul)
        #expect(Bladschrijver(tabel: t, toelichtingsblad: false).somformule(kolom: 1, totaal: t.voet[0][1]) == "SUM(B2:B4)")
    }

    /// Many rows go through the zip stream in pieces: every row arrives, in order, the file and the bytes in memory agree.
    @Test func grootBladInStukken() throws {
        var t = Tabel(kolommen: [.init("n", "Nummer"), .init("bedrag", "Bedrag"), .init("tekst", "Tekst", .links)])
        for i in 0..<30_000 { t.rijen.append([.aantal(i), .euroOpCent(Euro(centen: Int64(i) * 7)), Tabel.Cel("regel \(i) " + String(repeating: "é", count: i % 13))]) }
        t.voet = [[Tabel.Cel("Totaal"), .euroOpCent(Euro(centen: (0..<30_000).reduce(0) { $0 + Int64($1) * 7 })), Tabel.Cel("")]]
        let pad = NSTemporaryDirectory() + "werkboek-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: pad) }
        let w = Werkboek(titel: "Groot", bladen: [Werkboek.Blad("Groot", t)])
        try w.schrijf(naar: pad)
        #expect(try Data(contentsOf: URL(fileURLWithPath: pad)) == (try w.gegevens()))
        let b = try Xlsx.lees(pad)[1].cellen
        #expect(b.count == 30_002)
        #expect(b[29_999][2]?.waarde as? String == "regel 29998 " + String(repeating: "é", count: 29_998 % 13))
        #expect(b[30_001][1]?.formule == "=SUM(B2:B30001)")
        #expect((b[30_001][1]?.waarde as? Double).map { abs($0 - 31_498_950.0) < 1e-6 } == true)
    }

    /// A large table's CSV comes in pieces of about a megabyte that together are the whole text, row by row as written by
    /// hand here (a field with the separator or a quote quoted), in both dialects.
    @Test func csvInStukken() {
        var t = Tabel(kolommen: [.init("n", "Nummer"), .init("tekst", "Tekst", .links)])
        var verwacht = "n,tekst\n", verwachtNL = "\u{FEFF}Nummer;Tekst\r\n"
        for i in 0..<40_000 {
            let tekst = i % 3 == 0 ? "regel \(i), met komma" : i % 3 == 1 ? "regel \"\(i)\"; puntkomma" : "regel \(i) é"
            t.rijen.append([.aantal(i), Tabel.Cel(tekst)])
            verwacht += "\(i)," + (i % 3 == 2 ? tekst : "\"" + tekst.replacing("\"", with: "\"\"") + "\"") + "\n"
            verwachtNL += "\(i);" + (i % 3 != 1 ? tekst : "\"" + tekst.replacing("\"", with: "\"\"") + "\"") + "\r\n"
        }
        var stukken: [String] = []
        t.csv { stukken.append($0) }
        #expect(stukken.count == (verwacht.utf8.count >> 20) + 1, "\(verwacht.utf8.count) bytes in \(stukken.count) stukken")
        #expect(stukken.dropLast().allSatisfy { $0.utf8.count >= 1 << 20 && $0.utf8.count < (1 << 20) + 100 })
        #expect(stukken.joined() == verwacht)
        #expect(t.csv() == verwacht)
        var nl: [String] = []
        t.csvNL { nl.append($0) }
        #expect(nl.count > 1 && nl.joined() == verwachtNL)
    }

    /// The Dutch spreadsheet dialect, worked out by hand.
    @Test func csvVoorNederlandseExcel() {
        let verwacht = "\u{FEFF}Gemeente;Naam;Cliënten;Gedeclareerd;Uitnutting (%);Sinds;Jaar\r\n"
            + "0307;\"'=HYPERLINK(\"\"x\"\")\";2;1234,56;73,40;01-02-2020;2019\r\n"
            + "0308;Baarn & Co <b>;2;-20,00;50,00;;2019\r\n"
            + "totaal;Totaal;3;1214,56;70,00;;\r\n"
        #expect(Self.tabel().csvNL() == verwacht)
    }

    @Test func bladnamenZoalsEenSpreadsheetZeNeemt() {
        #expect(Werkboek.bladnamen(["Toelichting", "Kosten: per [gemeente]/perceel?", "toelichting", String(repeating: "x", count: 40),
                                    String(repeating: "x", count: 40), "Geboekt in 2020: dit zorgjaar en eerdere jaren"])
                == ["Toelichting", "Kosten- per -gemeente--perceel-", "toelichting (2)", String(repeating: "x", count: 31),
                    String(repeating: "x", count: 27) + " (2)", "Geboekt in 2020- dit zorgjaar"])
    }
}
