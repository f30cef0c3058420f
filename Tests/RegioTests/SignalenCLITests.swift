import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore
import RegioOpdrachten

/// The `signalen` commands as a user runs them (`Opdrachtregel.draai`: the program's own command line, in-process).
@Suite struct SignalenCLITests {
    /// Runs the command line in this process, as the program would; returns exit code, stdout and stderr.
    static func draai(_ argumenten: [String]) async -> (Int32, String, String) {
        let r = await Opdrachtregel.draai(argumenten)
        return (r.code, r.uit, r.fout)
    }

    @Test func lijstMarkerenEnRegels() async throws {
        let r = try Proefregio(bestand: true)
        defer { try? FileManager.default.removeItem(atPath: r.pad!) }
        try r.laad("verzoeken.csv", SignaalStoreTests.verzoekKop + "\nV1,C1,0307,75000001,45,45A04,2020-01-01,2,04,2,2020-02-15\n")
        let db = ["--db", r.pad!]

        let (code, csv, melding) = await Self.draai(["signalen", "--format", "csv"] + db)
        #expect(code == 0)
        let regels = csv.split(separator: "\n")
        #expect(regels.first == "regel,gemeentecode,clientnummer,aanbieder,perceel,bedrag,van,tot,status,toelichting")
        // late by 45 days, and on the valuation date (its own receipt day) the answer is not yet due
        #expect(regels.dropFirst().map { $0.split(separator: ",")[0] } == ["VOT-LAAT"])
        #expect(regels.dropFirst().first?.hasPrefix("VOT-LAAT,0307,C1,75000001,AMB,1092.86,2020-01-01,2020-02-15,nieuw,") == true)
        #expect(melding.contains("Peildatum 15-02-2020: 1 nieuw"))

        // again: nothing new, the same signal
        #expect(await Self.draai(["signalen", "--format", "csv"] + db).2.contains("0 nieuw"))
        #expect(await Self.draai(["signalen", "markeer", "1", "--status", "gezien", "--door", "Anna"] + db).0 == 0)
        #expect(await Self.draai(["signalen", "markeer", "2", "--status", "gezien", "--door", "Anna"] + db).0 != 0)
        let gezien = await Self.draai(["signalen", "--status", "gezien", "--format", "csv"] + db).1
        #expect(gezien.split(separator: "\n").count == 2 && gezien.contains(",gezien,"))
        #expect(await Self.draai(["signalen", "toon", "1"] + db).1.contains("gezien  Anna"))

        // the rule list as JSON is a settings file the program reads back
        let json = await Self.draai(["signalen", "--regels", "--format", "json"]).1
        let terug = try Regelbestand.lees(data: Data(json.utf8), bestand: "regels.json")
        for regel in Signaalregels.alle {
            #expect(terug.isActief(regel.code))
            for p in regel.parameters { #expect(terug.waarde(regel, p.naam) == p.standaard) }
        }
        let aanbieders = await Self.draai(["signalen", "aanbieders", "--format", "csv"] + db).1
        #expect(aanbieders.hasPrefix("agb,naam,verzoeken,terugwerkend,aandeel_terugwerkend,boven_30_dagen,boven_182_dagen,mediaan_dagen,p90_dagen,max_dagen\n75000001,Zorg BV,1,1,"))
    }
}
