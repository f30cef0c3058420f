import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore

/// Issue 27 point 4: one bad row in the allocations rejects that file, and the declarations that name its allocations
/// fail because of it. That is said once, naming the cause, not once per line as "onbekende toewijzing".
@Suite struct VervolgfoutTests {
    @Test func eenOorzaakEenMelding() throws {
        let map = NSTemporaryDirectory() + "vervolg-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: map) }
        let bestanden: [(String, String)] = [
            ("1-gemeenten.csv", "gemeentecode,naam\n0001,Aadorp\n"),
            ("2-percelen.csv", "perceel,naam,segment,verevend\nAMB,Ambulant,A,nee\n"),
            ("3-producten.csv", "productcode,productcategorie,perceel,tarief\n45A04,45,AMB,100\n"),
            ("4-aanbieders.csv", "agb,naam\n75000001,Zorg BV\n"),
            // line 3 has an impossible date: the whole file is refused
            ("6-toewijzingen.csv", "toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,toewijzingsdatum\n"
                + "T1,C1,0001,75000001,45,45A04,2020-01-01,2020-01-01\nT2,C2,0001,75000001,45,45A04,2020-02-30,2020-01-01\n"),
            // lines 2-4 name allocations of the refused file; line 5 one that exists nowhere
            ("7-declaraties.csv", "declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op\n"
                + "D1,R1,T1,C1,0001,75000001,45,45A04,2020-01-01,2020-01-31,100.00,2020-02-10\n"
                + "D1,R2,T1,C1,0001,75000001,45,45A04,2020-02-01,2020-02-29,100.00,2020-03-10\n"
                + "D2,R3,T2,C2,0001,75000001,45,45A04,2020-03-01,2020-03-31,100.00,2020-04-10\n"
                + "D3,R4,T9,C2,0001,75000001,45,45A04,2020-03-01,2020-03-31,100.00,2020-04-10\n"),
        ]
        for (naam, tekst) in bestanden { try tekst.write(toFile: map + "/" + naam, atomically: true, encoding: .utf8) }
        let store = try SQLiteStore(pad: ":memory:")
        let verslagen = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 8, count: 32)))
            .importeer(paden: bestanden.map { map + "/" + $0.0 }, nu: "")
        let toew = try #require(verslagen.first { $0.bestand.hasSuffix("6-toewijzingen.csv") })
        #expect(toew.fouten.count == 1 && toew.fouten[0].regel == 3)
        let decl = try #require(verslagen.first { $0.bestand.hasSuffix("7-declaraties.csv") })
        let meldingen = decl.fouten.map(\.description)
        #expect(meldingen.count == 2, "\(meldingen)")
        #expect(meldingen[0].contains("7-declaraties.csv:2: toewijzingnummer: toewijzing T1 (en die van nog 2 regels) staat in "), "\(meldingen)")
        #expect(meldingen[0].contains("6-toewijzingen.csv, dat om een fout op regel 3 is geweigerd") && meldingen[0].contains("(regels 2, 3, 4)"))
        #expect(meldingen[1].contains("7-declaraties.csv:5: toewijzingnummer: onbekende toewijzing 'T9'"), "\(meldingen)")
        #expect(try store.gegevens().declaraties.isEmpty)
    }
}
