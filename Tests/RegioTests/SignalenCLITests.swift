import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore

/// The `signalen` commands through the built executable (next to the test binary in .build/<config>/).
@Suite struct SignalenCLITests {
    static var programma: String? {
        let map = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for kandidaat in [map, map.deletingLastPathComponent(), map.deletingLastPathComponent().deletingLastPathComponent()] {
            let pad = kandidaat.appendingPathComponent("regiomonitor").path
            if FileManager.default.isExecutableFile(atPath: pad) { return pad }
        }
        return nil
    }

    /// Runs the program; returns exit code, stdout and stderr.
    static func draai(_ argumenten: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(programma))
        p.arguments = argumenten
        let uit = Pipe(), fout = Pipe()
        p.standardOutput = uit; p.standardError = fout
        try p.run()
        let o = uit.fileHandleForReading.readDataToEndOfFile(), e = fout.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test(.enabled(if: programma != nil, "regiomonitor is niet gebouwd")) func lijstMarkerenEnRegels() throws {
        let r = try Proefregio(bestand: true)
        defer { try? FileManager.default.removeItem(atPath: r.pad!) }
        try r.laad("verzoeken.csv", SignaalStoreTests.verzoekKop + "\nV1,C1,0307,75000001,45,45A04,2020-01-01,2,04,2,2020-02-15\n")
        let db = ["--db", r.pad!]

        let (code, csv, melding) = try Self.draai(["signalen", "--format", "csv"] + db)
        #expect(code == 0)
        let regels = csv.split(separator: "\n")
        #expect(regels.first == "regel,gemeentecode,clientnummer,aanbieder,perceel,bedrag,van,tot,status,toelichting")
        // late by 45 days, and on the valuation date (its own receipt day) the answer is not yet due
        #expect(regels.dropFirst().map { $0.split(separator: ",")[0] } == ["VOT-LAAT"])
        #expect(regels.dropFirst().first?.hasPrefix("VOT-LAAT,0307,C1,75000001,AMB,1092.86,2020-01-01,2020-02-15,nieuw,") == true)
        #expect(melding.contains("Peildatum 15-02-2020: 1 nieuw"))

        // again: nothing new, the same signal
        #expect(try Self.draai(["signalen", "--format", "csv"] + db).2.contains("0 nieuw"))
        #expect(try Self.draai(["signalen", "markeer", "1", "--status", "gezien", "--door", "Anna"] + db).0 == 0)
        #expect(try Self.draai(["signalen", "markeer", "2", "--status", "gezien", "--door", "Anna"] + db).0 != 0)
        let gezien = try Self.draai(["signalen", "--status", "gezien", "--format", "csv"] + db).1
        #expect(gezien.split(separator: "\n").count == 2 && gezien.contains(",gezien,"))
        #expect(try Self.draai(["signalen", "toon", "1"] + db).1.contains("gezien  Anna"))

        // the rule list as JSON is a settings file the program reads back
        let json = try Self.draai(["signalen", "--regels", "--format", "json"]).1
        let terug = try Regelbestand.lees(data: Data(json.utf8), bestand: "regels.json")
        for regel in Signaalregels.alle {
            #expect(terug.isActief(regel.code))
            for p in regel.parameters { #expect(terug.waarde(regel, p.naam) == p.standaard) }
        }
        let aanbieders = try Self.draai(["signalen", "aanbieders", "--format", "csv"] + db).1
        #expect(aanbieders.hasPrefix("agb,naam,verzoeken,terugwerkend,aandeel_terugwerkend,boven_30_dagen,boven_182_dagen,mediaan_dagen,p90_dagen,max_dagen\n75000001,Zorg BV,1,1,"))
    }
}
