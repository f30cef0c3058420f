import Foundation
import Testing
import RegioCore
import RegioStore

/// Issue 26, part 6: `regiomonitor import` interrupted with Ctrl-C says which files are in (each commits on its own)
/// and which one was rolled back; the database agrees.
@Suite struct ImportOnderbrekingTests {
    /// The built program (next to the test binary in .build/<config>/): Ctrl-C needs a process of its own.
    static var programma: String? {
        let map = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for kandidaat in [map, map.deletingLastPathComponent(), map.deletingLastPathComponent().deletingLastPathComponent()] {
            let pad = kandidaat.appendingPathComponent("regiomonitor").path
            if FileManager.default.isExecutableFile(atPath: pad) { return pad }
        }
        return nil
    }

    @Test(.enabled(if: Self.programma != nil, "regiomonitor is niet gebouwd"))
    func onderbrokenImportZegtWatErIn() throws {
        let map = NSTemporaryDirectory() + "onderbreking-\(UUID().uuidString)"
        let bron = map + "/bron", db = map + "/r.sqlite"
        try FileManager.default.createDirectory(atPath: bron, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: map) }
        let bestanden = [
            "a-gemeenten.csv": "gemeentecode,naam\n0307,Amersfoort\n",
            "b-aanbieders.csv": "agb,naam\n75000001,Zorg BV\n",
            "c-toewijzingen.csv": toewijzingKop + "\nT1,C1,0307,75000001,45,,2019-01-01,,3,04,2,2019-01-01\n",
        ]
        for (naam, tekst) in bestanden { try tekst.write(toFile: bron + "/" + naam, atomically: true, encoding: .utf8) }
        // far more lines than are read before the interruption arrives
        var declaraties = "declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,begindatum,einddatum,bedrag,ingediend_op\n"
        for i in 0..<300_000 { declaraties += "D\(i),R1,T1,C1,0307,75000001,45,2019-01-01,2019-01-31,10,2019-02-10\n" }
        try declaraties.write(toFile: bron + "/d-declaraties.csv", atomically: true, encoding: .utf8)

        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(Self.programma))
        p.arguments = ["import", "--db", db, "--sleutel", map + "/sleutel", bron]
        let fout = Pipe()
        p.standardError = fout
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // once the allocations are committed the declarations are under way: interrupt then
        var toewijzingen = 0
        while p.isRunning && toewijzingen == 0 {
            Thread.sleep(forTimeInterval: 0.02)
            if FileManager.default.fileExists(atPath: db) { toewijzingen = (try? SQLiteStore(pad: db).aantal(.toewijzingen)) ?? 0 }
        }
        p.interrupt()
        let melding = String(decoding: fout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 130, "\(p.terminationStatus): \(melding)")
        #expect(melding.contains("Onderbroken. Al geïmporteerd (elk bestand apart vastgelegd): \(bron)/a-gemeenten.csv, "
                                 + "\(bron)/b-aanbieders.csv, \(bron)/c-toewijzingen.csv. Niet geïmporteerd (teruggedraaid): "
                                 + "\(bron)/d-declaraties.csv."), "\(melding)")
        let store = try SQLiteStore(pad: db)
        #expect(try store.aantal(.gemeenten) == 1 && store.aantal(.aanbieders) == 1 && store.aantal(.toewijzingen) == 1)
        #expect(try store.aantal(.declaraties) == 0)
    }
}
