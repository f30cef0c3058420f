import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore

/// `boekjaar` and `verschil` through the built executable on a small region imported from CSV, against hand-worked
/// answers (the same cases as BoekjaarTests, through the import and the command line).
@Suite struct PenCCLITests {
    static func regio() throws -> (map: String, db: String) {
        let map = NSTemporaryDirectory() + "penc-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        let db = map + "/r.sqlite"
        let store = try SQLiteStore(pad: db)
        let importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 3, count: 32)))
        let bestanden: [(String, String)] = [
            ("gemeenten.csv", "gemeentecode,naam\n0001,Aadorp\n0002,Beestad\n"),
            ("percelen.csv", "perceel,naam,segment,verevend\nAMB,Ambulant,Ambulant,nee\n"),
            ("producten.csv", "productcode,productcategorie,perceel,tarief\n45A04,45,AMB,100\n"),
            ("aanbieders.csv", "agb,naam\n75000001,Zorg BV\n"),
            ("toewijzingen.csv", "toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,toewijzingsdatum\n"
                + "T1,C1,0001,75000001,45,45A04,2019-01-01,2020-12-31,10,04,2,2019-01-01\n"
                + "T2,C2,0002,75000001,45,45A04,2019-01-01,2019-12-31,10,04,2,2019-01-01\n"),
            // booked in 2020: Beestad's December 2019 (1.000,00), 3.100,00 over New Year for 16 + 15 days (1.600,00 in
            // 2019, 1.500,00 in 2020) and March 2020 (500,00); June 2019 was booked in 2019
            ("declaraties.csv", "declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op\n"
                + "D1,R1,T2,C2,0002,75000001,45,45A04,2019-12-01,2019-12-31,1000.00,2020-01-15\n"
                + "D2,R2,T1,C1,0001,75000001,45,45A04,2019-12-16,2020-01-15,3100.00,2020-02-01\n"
                + "D3,R3,T1,C1,0001,75000001,45,45A04,2020-03-01,2020-03-31,500.00,2020-04-01\n"
                + "D4,R4,T1,C1,0001,75000001,45,45A04,2019-06-01,2019-06-30,400.00,2019-07-01\n"),
        ]
        for (naam, tekst) in bestanden {
            let v = importeur.importeer(bestand: naam, bytes: Array(tekst.utf8), nu: "2021-01-01T00:00:00Z")
            #expect(v.fouten.isEmpty, "\(naam): \(v.fouten.prefix(3))")
        }
        return (map, db)
    }

    @Test func boekjaarEnVerschil() async throws {
        let (map, db) = try Self.regio()
        defer { try? FileManager.default.removeItem(atPath: map) }
        var (code, uit, fout) = await SignalenCLITests.draai(["boekjaar", "--db", db, "--jaar", "2020", "--format", "csv"])
        #expect(code == 0, "\(fout)")
        #expect(uit == "zorgjaar,soort,bedrag\n2019,kosten voorgaande jaren,2600.00\n2020,lopend jaar,2000.00\ntotaal,geboekt in 2020,4600.00\n")
        (code, uit, fout) = await SignalenCLITests.draai(["boekjaar", "--db", db, "--jaar", "2020"])
        #expect(code == 0 && uit.contains("Kosten voorgaande jaren geboekt in 2020: € 2.600 van € 4.600."), "\(uit)\(fout)")
        // 2019 -> 2020 per municipality at an unchanged tariff: Aadorp 2.000,00 -> 2.000,00 for its one client;
        // Beestad's one client of 1.000,00 is gone: volume -1.000,00
        (code, uit, fout) = await SignalenCLITests.draai(["verschil", "--db", db, "--van", "2019", "--naar", "2020", "--per", "gemeente", "--format", "csv"])
        #expect(code == 0, "\(fout)")
        #expect(uit == "gemeente,naam,clienten_a,clienten_b,kosten_a,kosten_b,volume_effect,intensiteit_effect,prijs_effect,verschil\n"
                + "0001,Aadorp,1,1,2000.00,2000.00,0.00,0.00,0.00,0.00\n"
                + "0002,Beestad,1,0,1000.00,0.00,-1000.00,0.00,0.00,-1000.00\n"
                + "totaal,,2,1,3000.00,2000.00,-1000.00,0.00,0.00,-1000.00\n")
        // a year without data is said, not printed as zeros
        (code, _, fout) = await SignalenCLITests.draai(["verschil", "--db", db, "--van", "2019", "--naar", "2030"])
        #expect(code != 0 && fout.contains("geen gedeclareerde kosten in 2030"), "\(fout)")
        (code, _, fout) = await SignalenCLITests.draai(["boekjaar", "--db", db, "--jaar", "2030"])
        #expect(code != 0 && fout.contains("geen declaraties ingediend in 2030"), "\(fout)")
    }

    /// The budget against the year: Aadorp's AMB had one client at 2.000,00 in 2019 (tariff 100 in both years); a
    /// budget of 4.400 is read as round(1 x 4.400 / 2.000) = 2 clients at 2.200,00. 2020 as known on the last day with
    /// data (01-04-2020): one client, 1.500,00 + 500,00. Volume (1 - 2) x 2.200 = -2.200,00, no price effect,
    /// intensity -2.400 + 2.200 = -200,00. The Burap needs a forecast: two years are too short, and it says so.
    @Test func verschilMetDeBegrotingEnBurap() async throws {
        let (map, db) = try Self.regio()
        defer { try? FileManager.default.removeItem(atPath: map) }
        try "jaar,gemeentecode,perceel,budget\n2020,0001,AMB,4400\n".write(toFile: map + "/budgetten.csv", atomically: true, encoding: .utf8)
        var (code, uit, fout) = await SignalenCLITests.draai(["import", "--db", db, "--sleutel", map + "/sleutel", map + "/budgetten.csv"])
        #expect(code == 0, "\(fout)")
        (code, uit, fout) = await SignalenCLITests.draai(["verschil", "--db", db, "--van", "begroting", "--naar", "2020", "--jaar", "2020",
                                                         "--gemeente", "0001", "--format", "csv"])
        #expect(code == 0, "\(fout)")
        #expect(uit == "perceel,naam,clienten_a,clienten_b,kosten_a,kosten_b,volume_effect,intensiteit_effect,prijs_effect,verschil\n"
                + "AMB,Ambulant,2,1,4400.00,2000.00,-2200.00,-200.00,0.00,-2400.00\n"
                + "totaal,,2,1,4400.00,2000.00,-2200.00,-200.00,0.00,-2400.00\n")
        (code, _, fout) = await SignalenCLITests.draai(["verschil", "--db", db, "--van", "begroting", "--naar", "2020"])
        #expect(code != 0 && fout.contains("--van begroting heeft --jaar nodig"), "\(fout)")
        (code, _, fout) = await SignalenCLITests.draai(["verschil", "--db", db, "--van", "begroting", "--naar", "2020", "--jaar", "2020", "--per", "aanbieder"])
        #expect(code != 0 && fout.contains("een begroting is er per gemeente en perceel, niet per aanbieder"), "\(fout)")
        // the Burap on 01-04-2020: booked in 2020 so far 2.000,00 for 2020 and 1.600,00 for 2019 (the line over New
        // Year); the budget in force 4.400 (no versions: also the first); the expected difference split to the cent
        (code, uit, fout) = await SignalenCLITests.draai(["burap", "--db", db, "--gemeente", "Aadorp", "--uit", map + "/burap", "--format", "csv"])
        #expect(code == 0, "\(fout)")
        let boekjaar = try String(contentsOfFile: map + "/burap/boekjaar.csv", encoding: .utf8)
        #expect(boekjaar == "perceel,naam,zorgjaar_2020,voorgaande_jaren,geboekt\nAMB,Ambulant,2000.00,1600.00,3600.00\ntotaal,Aadorp,2000.00,1600.00,3600.00\n")
        let uitkomst = try String(contentsOfFile: map + "/burap/uitkomst.csv", encoding: .utf8).split(separator: "\n")
        #expect(uitkomst[1].hasPrefix("AMB,Ambulant,4400.00,4400.00,2000.00,"), "\(uitkomst)")
        let v = try String(contentsOfFile: map + "/burap/verklaring.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(v[1][2] == "2" && v[1][3] == "1", "\(v)")  // budgeted 2 clients, expected the one there is
        let centen = v[1][6...9].map { Euro.parse(String($0))!.centen }
        #expect(centen[0] + centen[1] + centen[2] == centen[3])
        #expect(uit.contains("In 2020 is tot en met 01-04-2020 € 1.600 geboekt voor zorg uit eerdere jaren"), "\(uit)")
        (code, _, fout) = await SignalenCLITests.draai(["burap", "--db", db, "--gemeente", "0001", "--peildatum", "2018-12-31", "--uit", map + "/b.html"])
        #expect(code != 0 && fout.contains("geen prognose voor 2018"), "\(fout)")
        #expect(!FileManager.default.fileExists(atPath: map + "/b.html"))
    }

    /// Issue 27: a command that reads refuses a SQLite file that does not exist, instead of creating it empty and
    /// printing empty tables; a command that fills one (import) still creates it.
    @Test func ontbrekendeDatabaseWordtGeweigerd() async throws {
        let map = NSTemporaryDirectory() + "geen-db-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: map) }
        let db = map + "/bestaat-niet.sqlite"
        for opdracht in [["cijfers", "--jaar", "2020"], ["boekjaar", "--jaar", "2020"], ["signalen"], ["prognose", "--jaar", "2020", "--peildatum", "2020-06-30"]] {
            let (code, _, fout) = await SignalenCLITests.draai(opdracht + ["--db", db])
            #expect(code == 1 && fout.hasPrefix("fout: database '\(db)' bestaat niet."), "\(opdracht): \(fout)")
            #expect(!FileManager.default.fileExists(atPath: db), "\(opdracht)")
        }
        try "gemeentecode,naam\n0001,Aadorp\n".write(toFile: map + "/gemeenten.csv", atomically: true, encoding: .utf8)
        let (code, _, fout) = await SignalenCLITests.draai(["import", "--db", db, "--sleutel", map + "/sleutel", map + "/gemeenten.csv"])
        #expect(code == 0 && FileManager.default.fileExists(atPath: db), "\(fout)")
        // a year without anything: said, not a table of zeros
        let (c1, u1, f1) = await SignalenCLITests.draai(["cijfers", "--db", db, "--jaar", "2030"])
        #expect(c1 == 1 && u1.isEmpty && f1.hasPrefix("fout: geen gegevens voor 2030"), "\(f1)")
        // a file that is not there is "niet gevonden", not "niet te lezen (?)"
        let (c2, _, f2) = await SignalenCLITests.draai(["import", "--db", db, "--sleutel", map + "/sleutel", map + "/weg.csv"])
        #expect(c2 != 0 && f2.contains("\(map)/weg.csv: GEWEIGERD") && f2.contains("\(map)/weg.csv: bestand niet gevonden") && !f2.contains("(?)"), "\(f2)")
    }

    /// Issue 27: the argument parser's errors in Dutch, with the usage line as "Gebruik:".
    @Test func argumentfoutenInHetNederlands() async throws {
        for (opdracht, begin) in [(["cijfers", "--jaar", "twintig"], "fout: de waarde 'twintig' is ongeldig voor '--jaar <jaar>'"),
                                  (["cijfers"], "fout: ontbrekend argument '--jaar <jaar>'"),
                                  (["cijfers", "--jaar", "2020", "--onzin"], "fout: onbekende optie '--onzin'"),
                                  (["cijfers", "--jaar", "2020", "--per", "iets"], "fout: de waarde 'iets' is ongeldig voor '--per <per>'; kies een van deze:")] {
            let (code, _, fout) = await SignalenCLITests.draai(opdracht)
            #expect(code == 64 && fout.hasPrefix(begin) && fout.contains("Gebruik: regiomonitor cijfers"), "\(opdracht): \(fout)")
            for engels in ["Error:", "Usage:", "Please provide", "Missing expected", "is invalid", "See '"] {
                #expect(!fout.contains(engels), "\(opdracht): \(engels) in \(fout)")
            }
        }
    }
}
