import Foundation
import Testing
import RegioCore
@testable import RegioDemo
@testable import RegioImport
import RegioStore

/// `--format xlsx` through the built executable on a sample of the national year: every cell of the workbook, read by
/// openpyxl, equals the CSV of the same command (the council's workbooks are tested in RegioWebTests, on a small region:
/// the council's suppression plan for 342 municipalities takes too long for a test).
@Suite(.serialized) struct WerkboekCLITests {
    /// Fields of CSV lines (quotes as RFC 4180).
    static func csv(_ tekst: String) -> [[String]] {
        var rijen: [[String]] = [], veld = "", rij: [String] = [], inAanhaling = false
        var i = tekst.startIndex
        while i < tekst.endIndex {
            let c = tekst[i]
            if inAanhaling {
                if c == "\"" {
                    let volgende = tekst.index(after: i)
                    if volgende < tekst.endIndex && tekst[volgende] == "\"" { veld.append("\""); i = volgende } else { inAanhaling = false }
                } else { veld.append(c) }
            } else if c == "\"" { inAanhaling = true
            } else if c == "," { rij.append(veld); veld = ""
            } else if c == "\n" { rij.append(veld); rijen.append(rij); rij = []; veld = ""
            } else { veld.append(c) }
            i = tekst.index(after: i)
        }
        if !veld.isEmpty || !rij.isEmpty { rij.append(veld); rijen.append(rij) }
        return rijen
    }

    /// Differences between a sheet and a CSV of the same table, cell by cell under the header: numbers as numbers
    /// (amounts to the cent), texts as texts, days as days.
    static func verschillen(_ blad: Xlsx.Blad, _ csv: [[String]]) -> [String] {
        var uit: [String] = []
        let rijen = Array(blad.cellen.dropFirst()), verwacht = Array(csv.dropFirst())
        if rijen.count != verwacht.count { uit.append("\(blad.naam): \(rijen.count) rijen, CSV \(verwacht.count)") }
        for (r, (x, c)) in zip(rijen, verwacht).enumerated() {
            for (k, v) in c.enumerated() {
                let cel = k < x.count ? x[k] : nil
                let plaats = "\(blad.naam) rij \(r + 2) kolom \(csv[0][k])"
                if v.isEmpty { if let cel, !(cel.waarde is NSNull) { uit.append("\(plaats): leeg in CSV, \(cel.waarde) in Excel") }; continue }
                guard let cel else { uit.append("\(plaats): \(v) in CSV, leeg in Excel"); continue }
                if let s = cel.waarde as? String {
                    if s != v { uit.append("\(plaats): '\(v)' in CSV, '\(s)' in Excel") }
                } else if let n = cel.waarde as? NSNumber, let d = Double(v) {
                    if abs(n.doubleValue - d) > 1e-9 * max(1, abs(d)) { uit.append("\(plaats): \(v) in CSV, \(n) in Excel") }
                    if cel.type != "n" && cel.type != "f" { uit.append("\(plaats): getal als \(cel.type)") }
                } else {
                    uit.append("\(plaats): '\(v)' in CSV, \(cel.waarde) in Excel")
                }
            }
        }
        return uit
    }

    @Test func werkboekGelijkAanCSV() async throws {
        let (map, pad, _) = try CijfersCLITests.landsteekproef(seed: 11, fractie: 0.002)
        defer { try? FileManager.default.removeItem(atPath: map) }
        for per in ["gemeente", "perceel", "maand"] {
            let xlsx = map + "/cijfers-\(per).xlsx"
            let (code, _, fout) = await SignalenCLITests.draai(["cijfers", "--db", pad, "--jaar", "2025", "--per", per, "--format", "xlsx", "--uit", xlsx])
            #expect(code == 0, "\(fout)")
            let (_, csv, _) = await SignalenCLITests.draai(["cijfers", "--db", pad, "--jaar", "2025", "--per", per, "--format", "csv"])
            let bladen = try Xlsx.lees(xlsx)
            #expect(bladen.map(\.naam) == ["Toelichting", "Tabel"])
            let rijen = Self.csv(csv)
            #expect(rijen.count > 3)
            let verschil = Self.verschillen(bladen[1], rijen)
            #expect(verschil.isEmpty, "\(per): \(verschil.prefix(5))")
            // the explanation names the period
            #expect(bladen[0].cellen.contains { $0.first??.waarde as? String == "Periode" && $0.last??.waarde as? String == "01-01-2025 t/m 31-12-2025" })
        }
    }
}
