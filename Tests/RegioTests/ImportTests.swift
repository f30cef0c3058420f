import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore

/// A store with the reference data most tests need, on the given backend.
struct Proefregio {
    let opslag: Proefopslag
    let importeur: Importeur
    var store: any Opslag { opslag.store }
    /// The SQLite file (with `bestand: true`), nil on PostgreSQL.
    var pad: String? { opslag.sqlitePad }

    static let sleutel = [UInt8](repeating: 7, count: 32)

    init(_ backend: Backend = .sqlite, bestand: Bool = false, opties: ImportOpties = ImportOpties()) throws {
        opslag = try backend.maak(bestand: bestand)
        let store = opslag.store
        importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: Proefregio.sleutel), opties: opties)
        try laad("gemeenten.csv", "gemeentecode,naam\nGM0307,Amersfoort\n0308,Baarn\n")
        try laad("percelen.csv", "perceel,naam,segment,verevend\nAMB,Ambulant,Ambulant,nee\nVBJ,Verblijf Jeugd,Verblijf,ja\n")
        try laad("producten.csv", "productcode,productcategorie,perceel,tarief\n45A04,45,AMB,85.00\n43A01,43,VBJ,230\n")
        try laad("aanbieders.csv", "agb,naam\n75000001,Zorg BV\n75000002,Hulp BV\n")
    }

    @discardableResult
    func laad(_ naam: String, _ tekst: String) throws -> Bestandsverslag {
        let v = importeur.importeer(bestand: naam, bytes: Array(tekst.utf8), nu: "2026-01-01T00:00:00Z")
        if !v.fouten.isEmpty { throw ImportFout.algemeen(v.fouten.map(\.description).joined(separator: "\n")) }
        return v
    }

    func verslag(_ naam: String, _ tekst: String) -> Bestandsverslag {
        importeur.importeer(bestand: naam, bytes: Array(tekst.utf8), nu: "2026-01-01T00:00:00Z")
    }
}

let toewijzingKop = "toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,toewijzingsdatum"
let declaratieKop = "declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op"

@Suite struct ImportTests {
    @Test(arguments: Backend.alle) func importeertEnIsIdempotent(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let tekst = toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2019-01-01,2019-12-31,3,04,2,2018-12-20\nT2,C2,0308,75000002,43,43A01,2019-02-01,,1,14,1,2019-02-03\n"
        let eerste = r.verslag("toewijzingen.csv", tekst)
        #expect(eerste.fouten.isEmpty)
        #expect(eerste.telling.toegevoegd == 2)
        let tweede = r.verslag("toewijzingen.csv", tekst)
        #expect(tweede.telling.toegevoegd == 0 && tweede.telling.gewijzigd == 0 && tweede.telling.ongewijzigd == 2)
        #expect(try r.store.aantal(.toewijzingen) == 2)
        // same key, other content: an update, reported by key
        let gewijzigd = r.verslag("toewijzingen.csv", toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2019-01-01,2019-06-30,3,04,2,2018-12-20\n")
        #expect(gewijzigd.telling.gewijzigd == 1 && gewijzigd.telling.gewijzigdeSleutels == ["T1"])
        let g = try r.store.gegevens()
        #expect(g.toewijzingen.first { $0.toewijzingnummer == "T1" }?.einddatum == Dag(jaar: 2019, maand: 6, dag: 30))
        #expect(try r.store.aantal(.toewijzingen) == 2)
    }

    /// Each broken row must be refused for its own reason, at its own line and column.
    struct Geval: Sendable, CustomTestStringConvertible {
        let rij: String, kolom: String, reden: String
        var testDescription: String { "\(kolom): \(reden)" }
    }

    @Test(arguments: Backend.alle, [
        ("T9,C1,0307,75000001,45,45A04,2027-06-31,,3,04,2,2019-01-01", "ingangsdatum", "datum bestaat niet"),
        ("T9,C1,0999,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01", "gemeentecode", "onbekende gemeente"),
        ("T9,C1,GMX307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01", "gemeentecode", "ongeldige gemeentecode"),
        ("T9,C1,0307,7500001,45,45A04,2019-01-01,,3,04,2,2019-01-01", "agb", "ongeldige AGB-code"),
        ("T9,C1,0307,75000009,45,45A04,2019-01-01,,3,04,2,2019-01-01", "agb", "onbekende aanbieder"),
        ("T9,C1,0307,75000001,45,45A99,2019-01-01,,3,04,2,2019-01-01", "productcode", "onbekend product"),
        ("T9,C1,0307,75000001,99,45A04,2019-01-01,,3,04,2,2019-01-01", "productcategorie", "onbekende productcategorie"),
        ("T9,C1,0307,75000001,45,45A04,2019-01-01,,-3,04,2,2019-01-01", "volume", "negatief"),
        ("T9,C1,0307,75000001,45,45A04,2019-01-01,,3,05,2,2019-01-01", "eenheid", "onbekende eenheid"),
        ("T9,C1,0307,75000001,45,45A04,2019-01-01,,3,04,3,2019-01-01", "frequentie", "onbekende frequentie"),
        ("T9,C1,0307,75000001,45,45A04,2019-05-01,2019-04-30,3,04,2,2019-01-01", "einddatum", "ligt voor"),
        ("T9,,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01", "clientnummer", "verplicht veld is leeg"),
        ("T1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01", "toewijzingnummer", "dubbele sleutel"),
    ].map { Geval(rij: $0.0, kolom: $0.1, reden: $0.2) })
    func weigertRij(_ backend: Backend, _ geval: Geval) throws {
        let (rij, kolom, reden) = (geval.rij, geval.kolom, geval.reden)
        let r = try Proefregio(backend)
        // line 2 is fine, line 3 is the broken one: the whole file is refused (atomic)
        let tekst = toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01\n" + rij + "\n"
        let v = r.verslag("tw.csv", tekst)
        #expect(v.fouten.count >= 1)
        let tekstFout = v.fouten.map(\.description).first { $0.contains(reden) }
        #expect(tekstFout?.hasPrefix("tw.csv:3: \(kolom): ") == true, "kreeg: \(v.fouten)")
        #expect(!v.geschreven)
        #expect(try r.store.aantal(.toewijzingen) == 0)
    }

    @Test(arguments: Backend.alle) func declaratieNaarOnbekendeToewijzingEnFouteBedragen(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        try r.laad("tw.csv", toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01\n")
        let v = r.verslag("decl.csv", declaratieKop + """

            D1,R1,T1,C1,0307,75000001,45,45A04,2019-01-01,2019-01-31,"1.020,00",2019-02-10
            D1,R2,T7,C1,0307,75000001,45,45A04,2019-01-01,2019-01-31,100,2019-02-10
            D1,R3,T1,C1,0307,75000001,45,45A04,2019-01-01,2019-01-31,"100,005",2019-02-10
            D1,R1,T1,C1,0307,75000001,45,45A04,2019-02-01,2019-02-28,5,2019-03-10

            """)
        let fouten = v.fouten.map(\.description)
        #expect(fouten.contains { $0.hasPrefix("decl.csv:3: toewijzingnummer: onbekende toewijzing 'T7'") })
        #expect(fouten.contains { $0.hasPrefix("decl.csv:4: bedrag: ongeldig bedrag") })
        #expect(fouten.contains { $0.hasPrefix("decl.csv:5: declaratienummer+referentienummer: dubbele sleutel 'D1/R1' (ook op regel 2)") })
        #expect(fouten.count == 3)
        #expect(try r.store.aantal(.declaraties) == 0)
    }

    @Test(arguments: Backend.alle) func onbekendeKolomEnOnbekendBestand(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let v = r.verslag("a.csv", "agb,naam,kleur\n75000003,Nieuw,rood\n")
        #expect(v.fouten.map(\.description) == ["a.csv:1: kleur: onbekende kolom voor aanbieders (gebruik --negeer-kolommen om over te slaan)"])
        let r2 = try Proefregio(backend, opties: ImportOpties(negeerKolommen: true))
        #expect(r2.verslag("a.csv", "agb,naam,kleur\n75000003,Nieuw,rood\n").telling.toegevoegd == 1)
        let x = r.verslag("x.csv", "foo,bar\n1,2\n")
        #expect(x.fouten.first?.description.contains("onbekend bestandstype") == true)
    }

    @Test(arguments: Backend.alle) func puntkommaDecimaleKommaWindows1252EnMeerregeligeVelden(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        // Windows-1252: 0xEB is e-diaeresis; a quoted name with the delimiter and a newline inside
        var bytes = Array("agb;naam\r\n75000003;\"Zorg; Zo".utf8) + [0xEB] + Array(" \r\nen co\"\r\n75000004;Praktijk\r\n".utf8)
        var v = r.importeur.importeer(bestand: "w.csv", bytes: bytes, nu: "")
        #expect(v.fouten.isEmpty && v.telling.toegevoegd == 2)
        let g = try r.store.gegevens()
        #expect(g.aanbieders.first { $0.agb == "75000003" }?.naam == "Zorg; Zoë \r\nen co")
        // the BOM is skipped, and a line number after an embedded newline still points at the right physical line
        bytes = [0xEF, 0xBB, 0xBF] + Array("agb;naam\n75000005;\"twee\nregels\"\n7500006;kapot\n".utf8)
        v = r.importeur.importeer(bestand: "b.csv", bytes: bytes, nu: "")
        #expect(v.fouten.map(\.description) == ["b.csv:4: agb: ongeldige AGB-code '7500006' (verwacht 8 cijfers)"])
        // decimal comma with ';'
        v = r.importeur.importeer(bestand: "p.csv", bytes: Array("productcode;productcategorie;perceel;tarief\n45A05;45;AMB;102,50\n".utf8), nu: "")
        #expect(v.fouten.isEmpty)
        #expect(try r.store.gegevens().producten.first { $0.productcode == "45A05" }?.tarief == Euro(centen: 10_250))
    }

    @Test(arguments: Backend.alle) func controleerSchrijftNiets(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let controle = Importeur(store: r.store, pseudonimiseerder: Pseudonimiseerder(sleutel: Proefregio.sleutel), opties: ImportOpties(controleer: true))
        let v = controle.importeer(bestand: "tw.csv", bytes: Array((toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01\n").utf8), nu: "")
        #expect(v.fouten.isEmpty && !v.geschreven)
        #expect(try r.store.aantal(.toewijzingen) == 0)
        // a checked file's keys count as references for the next file of the same check
        let d = controle.importeer(bestand: "d.csv", bytes: Array((declaratieKop + "\nD1,R1,T1,C1,0307,75000001,45,45A04,2019-01-01,2019-01-31,10,2019-02-10\n").utf8), nu: "")
        #expect(d.fouten.isEmpty)
    }

    @Test(arguments: Backend.alle) func eenFoutBestandLaatAndereBestandenStaan(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        try r.laad("tw.csv", toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01\n")
        let voor = try r.store.gegevens()
        _ = r.verslag("tw2.csv", toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2019-01-01,2019-02-01,3,04,2,2019-01-01\nT2,C1,0307,75000001,45,45A04,2019-31-01,,3,04,2,2019-01-01\n")
        let na = try r.store.gegevens()
        #expect(na.toewijzingen == voor.toewijzingen)  // the valid update in the rejected file was not applied either
    }
}

@Suite struct PseudonimiseringTests {
    @Test(arguments: Backend.alle) func geenBSNInDeDatabase(_ backend: Backend) throws {
        let r = try Proefregio(backend, bestand: true)
        let kop = "toewijzingnummer,bsn,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,toewijzingsdatum"
        try r.laad("tw.csv", kop + "\nT1,123456782,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01\nT2,111222333,0308,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01\nT3,123456782,0307,75000002,45,45A04,2019-02-01,,3,04,2,2019-01-01\n")
        let g = try r.store.gegevens()
        let clienten = Set(g.toewijzingen.map(\.client))
        #expect(clienten.count == 2)  // the same BSN gives the same pseudonym
        #expect(clienten.allSatisfy { $0.hasPrefix("P") && $0.count == 21 })
        // everything stored, as text: the file and its log for SQLite, every row of every table on the server
        let inhoud = try alleInhoud(r)
        #expect(!inhoud.contains("123456782"))
        #expect(!inhoud.contains("111222333"))
        #expect(inhoud.contains("T1"))  // the search does see what was stored
    }

    func alleInhoud(_ r: Proefregio) throws -> String {
        if let pad = r.pad {
            var bytes = Data()
            for s in ["", "-wal"] { bytes += FileManager.default.contents(atPath: pad + s) ?? Data() }
            return String(decoding: bytes, as: UTF8.self)
        }
        return try PostgresProef.alleTekst(r.store)
    }

    @Test(arguments: Backend.alle) func elfproefEnSleutel(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let kop = "toewijzingnummer,bsn,gemeentecode,agb,productcategorie,ingangsdatum,toewijzingsdatum"
        let v = r.verslag("tw.csv", kop + "\nT1,123456789,0307,75000001,45,2019-01-01,2019-01-01\n")
        #expect(v.fouten.map(\.description) == ["tw.csv:2: bsn: BSN voldoet niet aan de elfproef"])
        let a = Pseudonimiseerder(sleutel: [UInt8](repeating: 1, count: 32)), b = Pseudonimiseerder(sleutel: [UInt8](repeating: 2, count: 32))
        #expect(a.pseudoniem(bsn: "123456782") != b.pseudoniem(bsn: "123456782"))
        #expect(a.pseudoniem(bsn: "12345678") == a.pseudoniem(bsn: "012345678"))
    }

    @Test func sleutelbestandWordtEenmaalAangemaakt() throws {
        let pad = NSTemporaryDirectory() + "sleutel-\(UUID().uuidString)/pseudoniemsleutel"
        defer { try? FileManager.default.removeItem(atPath: (pad as NSString).deletingLastPathComponent) }
        let a = try Pseudonimiseerder.vanBestand(pad), b = try Pseudonimiseerder.vanBestand(pad)
        #expect(a.pseudoniem(bsn: "123456782") == b.pseudoniem(bsn: "123456782"))
        let rechten = try FileManager.default.attributesOfItem(atPath: pad)[.posixPermissions] as? Int
        #expect(rechten == 0o600)
    }
}
