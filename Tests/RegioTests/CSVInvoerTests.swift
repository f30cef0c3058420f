import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore

/// Issue 26, part 6: one encoding per file, text after a closing quote, long fields and control characters, keys that
/// differ only in case.
@Suite struct CSVInvoerTests {
    static let kop = Array("agb,naam\n".utf8)
    /// "Zoë" in UTF-8 and the same letter as the one Windows-1252 byte 0xEB.
    static let zoeUTF8 = Array("Zo\u{EB}".utf8), zoe1252: [UInt8] = Array("Zo".utf8) + [0xEB]

    /// A UTF-8 file with one Windows-1252 byte in a later row: the import succeeded and every UTF-8 name in the file
    /// became mojibake ("ZoÃ«"). Now that row is refused at its line and column; the file's encoding stays UTF-8.
    @Test(arguments: Backend.alle) func eenWindows1252ByteInEenUTF8Bestand(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let bytes = Self.kop + Array("75000003,".utf8) + Self.zoeUTF8 + Array(" BV\n75000004,Praktijk ".utf8) + Self.zoe1252
            + Array("\n75000005,".utf8) + Self.zoeUTF8 + Array(" en co\n".utf8)
        let v = r.importeur.importeer(bestand: "a.csv", bytes: bytes, nu: "")
        #expect(v.fouten.map(\.description) == ["a.csv:3: naam: geen geldige UTF-8, terwijl het bestand UTF-8 is (waarschijnlijk een "
                                                + "Windows-1252-teken): sla het bestand op in één tekenset"])
        // without that row the same file goes in, with its names as written
        let goed = Self.kop + Array("75000003,".utf8) + Self.zoeUTF8 + Array(" BV\n75000005,".utf8) + Self.zoeUTF8 + Array(" en co\n".utf8)
        #expect(r.importeur.importeer(bestand: "a.csv", bytes: goed, nu: "").fouten.isEmpty)
        #expect(try r.store.gegevens().aanbieders.first { $0.agb == "75000003" }?.naam == "Zoë BV")
    }

    /// A Windows-1252 file is read as Windows-1252 in every line; a line of UTF-8 in it, or a byte that Windows-1252 does
    /// not define, is refused.
    @Test(arguments: Backend.alle) func windows1252Bestand(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let goed = Self.kop + Array("75000003,".utf8) + Self.zoe1252 + Array("\n75000004,Caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect(r.importeur.importeer(bestand: "w.csv", bytes: goed, nu: "").fouten.isEmpty)
        #expect(try r.store.gegevens().aanbieders.first { $0.agb == "75000004" }?.naam == "Café")
        let gemengd = Self.kop + Array("75000005,".utf8) + Self.zoe1252 + Array("\n75000006,".utf8) + Self.zoeUTF8 + Array("\n".utf8)
            + Array("75000007,X".utf8) + [0x81] + Array("\n75000008,".utf8) + Self.zoe1252 + Array("\n".utf8)
        let v = r.importeur.importeer(bestand: "w.csv", bytes: gemengd, nu: "")
        #expect(v.fouten.map(\.description) == [
            "w.csv:3: naam: UTF-8-tekst in een bestand dat Windows-1252 is (gemengde tekensets): sla het bestand op in één tekenset",
            "w.csv:4: naam: byte 0x81 komt niet voor in Windows-1252, de tekenset van dit bestand",
        ])
    }

    /// The first 4 MB block is ASCII: the encoding is decided at the first field with other bytes, for the whole file.
    @Test func tekensetNaHetEersteBlok() throws {
        let map = NSTemporaryDirectory() + "tekenset-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: map) }
        var bytes = Self.kop
        var n = 0
        while bytes.count < Blokbron.blok * 4 + 1000 { bytes += Array("\(70_000_000 + n),Aanbieder \(n)\n".utf8); n += 1 }
        let pad = map + "/a.csv"
        try Data(bytes + Array("80000001,".utf8) + Self.zoe1252 + Array("\n80000002,".utf8) + Self.zoe1252 + Array("\n".utf8))
            .write(to: URL(fileURLWithPath: pad))
        var lezer = try CSVLezer(pad: pad)
        #expect(lezer.codering == nil)
        var laatste: [CSVRecord] = []
        while let rec = try lezer.volgende() { laatste = Array((laatste + [rec]).suffix(2)) }
        #expect(lezer.codering == .windows1252)
        #expect(laatste.map(\.velden) == [["80000001", "Zoë"], ["80000002", "Zoë"]])
        #expect(laatste.allSatisfy { $0.problemen.isEmpty })
    }

    struct Geval: Sendable, CustomTestStringConvertible {
        let naam: String, bytes: [UInt8], fout: String
        var testDescription: String { naam }
    }

    static let gevallen: [Geval] = [
        Geval(naam: "tekst na aanhalingsteken", bytes: kop + Array("75000003,\"BSA De Linde\"extra\n".utf8),
              fout: "x.csv:2: naam: tekst na het sluitende aanhalingsteken: zet het hele veld tussen aanhalingstekens en schrijf een "
                    + "aanhalingsteken erin dubbel (\"\")"),
        Geval(naam: "NUL", bytes: kop + Array("75000003,Zorg".utf8) + [0] + Array("BV\n".utf8),
              fout: "x.csv:2: naam: stuurteken 0x00 in het veld (NUL-byte: geen tekst)"),
        Geval(naam: "stuurteken tussen aanhalingstekens", bytes: kop + Array("75000003,\"Zorg\u{1B}BV\"\n".utf8),
              fout: "x.csv:2: naam: stuurteken 0x1B in het veld (geen tekst)"),
        Geval(naam: "naam van 201 tekens", bytes: kop + Array("75000003,\(String(repeating: "é", count: 201))\n".utf8),
              fout: "x.csv:2: naam: langer dan 200 tekens: '\(String(repeating: "é", count: 20))...'"),
        Geval(naam: "veld van 10 MB", bytes: kop + Array("75000003,".utf8) + [UInt8](repeating: 65, count: 10 << 20) + [10],
              fout: "x.csv:2: naam: langer dan 4096 tekens"),
        Geval(naam: "te veel velden", bytes: kop + Array("75000003,\(String(repeating: ",", count: 100_000))\n".utf8),
              fout: "x.csv:2: veld 501: meer dan 500 velden op één regel"),
    ]

    @Test(arguments: gevallen) func onleesbareTekstWordtGeweigerd(_ geval: Geval) throws {
        let r = try Proefregio()
        // line 3 is fine; the reading goes on after the broken line 2, and the file is refused whole
        let v = r.importeur.importeer(bestand: "x.csv", bytes: geval.bytes + Array("75000004,Goed\n".utf8), nu: "")
        #expect(v.fouten.map(\.description) == [geval.fout])
        #expect(v.rijen == 2)
        #expect(try r.store.aantal(.aanbieders) == 2)   // Proefregio's two
    }

    /// Keys that differ only in case are one key: within a file a duplicate, against the region's lots and allocations
    /// refused (a new key) or read as the known one (a reference to a lot).
    @Test(arguments: Backend.alle) func hoofdlettersMakenGeenTweeRijen(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let t = r.verslag("tw.csv", toewijzingKop + """

            T1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01
            t1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01

            """)
        #expect(t.fouten.map(\.description) == ["tw.csv:3: toewijzingnummer: dubbele sleutel 't1': verschilt alleen in hoofdletters van 'T1' op regel 2"])
        try r.laad("tw.csv", toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01\n")
        let t2 = r.verslag("tw.csv", toewijzingKop + "\nt1,C1,0307,75000001,45,45A04,2019-01-01,,3,04,2,2019-01-01\n")
        #expect(t2.fouten.map(\.description) == ["tw.csv:2: toewijzingnummer: 't1' verschilt alleen in hoofdletters van een bekende toewijzing"])
        // lots: Proefregio has AMB; "amb" as a new lot is refused, as a reference it is AMB
        let p = r.verslag("p.csv", "perceel,naam,segment,verevend\namb,Ambulant,Ambulant,nee\n")
        #expect(p.fouten.map(\.description) == ["p.csv:2: perceel: 'amb' verschilt alleen in hoofdletters van het bekende perceel 'AMB'"])
        try r.laad("b.csv", "jaar,gemeentecode,perceel,budget\n2019,0307,amb,1000\n")
        #expect(try r.store.gegevens().budgetten.map(\.perceel) == ["AMB"])
        #expect(try r.store.aantal(.toewijzingen) == 1 && r.store.aantal(.percelen) == 2)
    }

    /// Text a spreadsheet would run as a formula gets an apostrophe in every CSV the program writes (one place:
    /// `Tabel.csv`, for the command line and the dashboard's downloads); numbers, also negative ones, stay as they are.
    @Test func formulesInCSVExport() {
        var t = Tabel(kolommen: [.init("naam", "Naam", .links), .init("bedrag", "Bedrag")])
        for naam in ["=HYPERLINK(\"http://x\")", "+31 6", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "-", "-12.5", "Gewoon"] {
            t.rijen.append([Tabel.Cel(naam), .euro(Euro(centen: -1250))])
        }
        #expect(t.csv() == """
            naam,bedrag
            "'=HYPERLINK(""http://x"")",-12.50
            '+31 6,-12.50
            '-2+3,-12.50
            '@SUM(A1),-12.50
            '\tTab,-12.50
            "'\rCR",-12.50
            -,-12.50
            -12.5,-12.50
            Gewoon,-12.50

            """)
    }
}
