import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore
import RegioOpdrachten

/// The CSV kinds contracten, betalingen and productie (issue 23, point 1) through the import and the store on both
/// backends, and `regiomonitor contracten` on them.
@Suite struct ContractenOpslagTests {
    static let contracten = "jaar,perceel,agb,bekostiging,contractsom,gemeentecode,betaalritme\n"
        + "2020,AMB,75000001,taakgericht,1200000,,maand\n2020,VBJ,75000002,Subsidie,\"100.000,01\",GM0308,kwartaal\n"
    static let betalingen = "datum,agb,perceel,bedrag,gemeentecode,kenmerk\n"
        + "2020-01-15,75000001,AMB,100000,,B1\n15-02-2020,75000001,amb,100000,,B2\n2020-03-15,75000001,AMB,50000,0308,B3\n"
    static let productie = "periode,agb,perceel,gemeentecode,clienten,trajecten,uren\n"
        + "2020-01,75000001,AMB,0307,40,10,\n2020-02,75000001,AMB,0307,42,12,300\n2020-02,75000001,AMB,0308,21,,\n"

    @Test(arguments: Backend.alle)
    func importEnOpslag(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        #expect(try r.laad("contracten.csv", Self.contracten).telling.toegevoegd == 2)
        #expect(try r.laad("betalingen.csv", Self.betalingen).telling.toegevoegd == 3)
        #expect(try r.laad("productie.csv", Self.productie).telling.toegevoegd == 3)
        let g = try r.store.gegevens()
        #expect(Set(g.contracten) == [
            Contract(jaar: 2020, perceel: "AMB", agb: "75000001", vorm: .taakgericht, contractsom: Euro(euro: 1_200_000)),
            Contract(jaar: 2020, perceel: "VBJ", agb: "75000002", gemeentecode: "0308", vorm: .subsidie,
                     contractsom: Euro(centen: 10_000_001), ritme: .kwartaal)])
        #expect(Set(g.betalingen.map(\.kenmerk)) == ["B1", "B2", "B3"] && g.betalingen.map(\.bedrag).som() == Euro(euro: 250_000))
        #expect(g.betalingen.first { $0.kenmerk == "B2" }?.datum == Dag.parse("2020-02-15"))
        #expect(g.betalingen.first { $0.kenmerk == "B3" }?.gemeentecode == "0308")
        #expect(Set(g.productie) == [
            Productieopgave(maand: Maand(jaar: 2020, maand: 1), agb: "75000001", perceel: "AMB", gemeentecode: "0307", clienten: 40, trajecten: 10),
            Productieopgave(maand: Maand(jaar: 2020, maand: 2), agb: "75000001", perceel: "AMB", gemeentecode: "0307", clienten: 42, trajecten: 12, uren: 300),
            Productieopgave(maand: Maand(jaar: 2020, maand: 2), agb: "75000001", perceel: "AMB", gemeentecode: "0308", clienten: 21)])
        // unchanged on a second import
        #expect(try r.laad("betalingen.csv", Self.betalingen).telling.ongewijzigd == 3)
    }

    @Test(arguments: Backend.alle)
    func fouten(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let c = r.verslag("c.csv", "jaar,perceel,agb,bekostiging,contractsom\n2020,AMB,75000001,pxq,10\n2020,AMB,75000009,pxq,10\n"
                          + "2020,AMB,75000001,per stuk,10\n2020,XYZ,75000002,pxq,10\n")
        let ct = c.fouten.map(\.description)
        #expect(ct.count == 3 && ct.contains { $0.contains("c.csv:3") && $0.contains("onbekende aanbieder '75000009'") }
                && ct.contains { $0.contains("c.csv:4") && $0.contains("pxq, taakgericht, subsidie of lumpsum") }
                && ct.contains { $0.contains("c.csv:5") && $0.contains("onbekend perceel") }, "\(ct)")
        // two payments on one day without a reference are one key twice
        let b = r.verslag("b.csv", "datum,agb,perceel,bedrag\n2020-01-15,75000001,AMB,10\n2020-01-15,75000001,AMB,10\n")
        #expect(b.fouten.contains { $0.description.contains("b.csv:3") && $0.description.contains("dubbele sleutel") }, "\(b.fouten)")
        let p = r.verslag("p.csv", "periode,agb,perceel,gemeentecode,clienten\n2020-13,75000001,AMB,0307,4\n2020-01,75000001,AMB,0307,-1\n")
        #expect(p.fouten.count == 2 && p.fouten.contains { $0.description.contains("p.csv:2") && $0.description.contains("periode") }, "\(p.fouten)")
        let g = try r.store.gegevens()
        #expect(g.contracten.isEmpty && g.betalingen.isEmpty && g.productie.isEmpty)
    }

    /// The command on the files above, 31-03-2020, key: inhabitants (Proefregio has no figures: add 3 and 1 inhabitants).
    /// AMB task-based: due 300.000, paid 250.000 (B3 of 0308 itself: 0308 50.000 + 1/4 x 200.000 = 100.000; 0307
    /// 150.000). VBJ of 0308, quarterly: 10.000.001 cents / 4, the leftover cent to the first quarter: 25.000,01.
    @Test func opdracht() async throws {
        let r = try Proefregio(bestand: true)
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: r.pad! + s) } }
        try r.laad("cijfers.csv", "gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd\n0307,2020,3,1,1\n0308,2020,1,1,1\n")
        try r.laad("contracten.csv", Self.contracten)
        try r.laad("betalingen.csv", Self.betalingen)
        try r.laad("productie.csv", Self.productie)
        let csv = await Opdrachtregel.draai(["contracten", "--db", r.pad!, "--jaar", "2020", "--peildatum", "2020-03-31",
                                             "--sleutel", "inwoners", "--format", "csv"])
        #expect(csv.code == 0, "\(csv.fout)")
        let regels = csv.uit.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let kop = try #require(regels.first)
        func waarde(_ perceel: String, _ kolom: String) throws -> String {
            let i = try #require(kop.firstIndex(of: kolom)), rij = try #require(regels.first { $0.first == perceel })
            return rij[i]
        }
        #expect(try waarde("AMB", "volgens_schema") == "300000.00" && waarde("AMB", "betaald") == "250000.00")
        #expect(try waarde("AMB", "bron") == "betalingen" && waarde("AMB", "clienten_laatste_maand") == "63")
        #expect(try waarde("VBJ", "realisatie") == "25000.01" && waarde("VBJ", "bron") == "schema" && waarde("VBJ", "gemeentecode") == "0308")
        let tabel = await Opdrachtregel.draai(["contracten", "--db", r.pad!, "--jaar", "2020", "--peildatum", "2020-03-31", "--sleutel", "inwoners"])
        #expect(tabel.code == 0 && tabel.uit.contains("150.000,00") && tabel.uit.contains("125.000,01"), "\(tabel.uit)")
        let leeg = await Opdrachtregel.draai(["contracten", "--db", r.pad!, "--jaar", "2019"])
        #expect(leeg.code != 0 && leeg.fout.contains("geen contracten voor 2019"))
    }
}
