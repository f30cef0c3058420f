import Foundation
import RegioCore
import RegioImport
import RegioStore
import Testing

/// Every example message in Tests/Fixtures/ijw/voorbeeldberichten imports or is rejected for the right reason.
@Suite struct IJWVoorbeeldTests {
    struct Geval: Sendable, CustomTestStringConvertible {
        let bestand: String
        let uitkomst: IJWBerichtverslag.Uitkomst
        let codes: Set<String>
        /// Examples imported first (a start needs its allocation).
        var eerst: [String] = []
        var testDescription: String { "\(bestand) -> \(uitkomst.rawValue) \(codes.sorted())" }
    }

    static let gevallen: [Geval] = [
        // ToewijzingEinddatum 2027-06-31 in both products: a day that does not exist is an XSD error (xs:date)
        Geval(bestand: "JW315.xml", uitkomst: .geweigerd, codes: ["BRS13"]),
        Geval(bestand: "JW301.xml", uitkomst: .geimporteerd, codes: []),
        // sent by 65656055 to 0363, while allocations 300201/300202 are from 0384 to 42420001 (TR019)
        Geval(bestand: "JW305.xml", uitkomst: .geweigerd, codes: ["9019"], eerst: ["JW301.xml"]),
        Geval(bestand: "JW307.xml", uitkomst: .geweigerd, codes: ["9019"], eerst: ["JW301.xml"]),
        // RN004 twice (8021), the second RN004 is for March in an April declaration (9319), allocations 10072-10074
        // unknown (9338), and RN002/RN004 declare allocation 10073 for April twice (9389)
        Geval(bestand: "JW323.xml", uitkomst: .geweigerd, codes: ["8021", "9319", "9338", "9389"]),
        // the declaration it answers (765432198 of 65656055) was rejected, so it is unknown
        Geval(bestand: "JW325.xml", uitkomst: .geweigerd, codes: ["9366"], eerst: ["JW323.xml"]),
    ] + ["JW302", "JW306", "JW308", "JW316", "JW317", "JW318", "JW319", "JW320"].map {
        Geval(bestand: $0 + ".xml", uitkomst: .nietGeimporteerd, codes: [])
    }

    static func pad(_ bestand: String) -> String { IJWTestregio.ijwMap + "/voorbeeldberichten/" + bestand }

    @Test(arguments: gevallen)
    func voorbeeld(_ g: Geval) throws {
        let regio = try IJWTestregio()
        _ = try regio.importeer(paden: g.eerst.map(IJWVoorbeeldTests.pad))
        let v = try #require(try regio.importeer(paden: [IJWVoorbeeldTests.pad(g.bestand)]).first)
        #expect(v.uitkomst == g.uitkomst, "\(v.tekst)")
        #expect(v.codes == g.codes, "\(v.tekst)")
        if g.uitkomst == .geweigerd {
            #expect(v.fouten.allSatisfy { $0.bericht == v.bericht && v.bericht != nil }, "every error names the message")
        }
    }

    @Test func jw315NietBestaandeDatumMetPad() throws {
        let regio = try IJWTestregio()
        let v = try regio.een("JW315.xml", String(contentsOfFile: IJWVoorbeeldTests.pad("JW315.xml"), encoding: .utf8))
        #expect(v.bericht == "JW315 42420001/123456789012")
        #expect(v.fouten.map(\.pad) == ["Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum",
                                        "Client/AangevraagdeProducten/AangevraagdProduct[2]/ToewijzingEinddatum"])
        #expect(v.fouten.allSatisfy { $0.reden == "datum bestaat niet: '2027-06-31'" && $0.regelnummer != nil })
        #expect(try regio.store.aantal(.verzoeken) == 0, "a rejected message writes nothing")
    }

    /// The example request with a real end date: two requests, referrers by type and name or AGB code.
    @Test func jw315MetEchteDatum() throws {
        let regio = try IJWTestregio()
        let xml = try String(contentsOfFile: IJWVoorbeeldTests.pad("JW315.xml"), encoding: .utf8)
            .replacingOccurrences(of: "2027-06-31", with: "2027-06-30")
        let v = try regio.een("JW315.xml", xml)
        #expect(v.uitkomst == .geimporteerd, "\(v.tekst)")
        let g = try regio.store.gegevens()
        let client = IJWTestregio.sleutel.pseudoniem(bsn: "999900006")
        #expect(g.verzoeken == [
            Verzoek(verzoeknummer: "42420001-40A12341234", client: client, gemeentecode: "0384", agb: "42420001",
                    productcategorie: "55", productcode: "55A11", ingangsdatum: Dag(jaar: 2026, maand: 4, dag: 1)!,
                    einddatum: Dag(jaar: 2027, maand: 6, dag: 30)!, volume: 2, eenheid: "16", frequentie: .perMaand,
                    verwijzer: .gemeente, verwijzerNaam: "huisarts", geboortedatum: Dag(jaar: 2010, maand: 2, dag: 14)!,
                    ontvangenOp: Dag(jaar: 2026, maand: 4, dag: 1)!),
            Verzoek(verzoeknummer: "42420001-40A12341235", client: client, gemeentecode: "0384", agb: "42420001",
                    productcategorie: "55", productcode: "55A12", ingangsdatum: Dag(jaar: 2026, maand: 4, dag: 1)!,
                    einddatum: Dag(jaar: 2027, maand: 6, dag: 30)!, volume: 2, eenheid: "16", frequentie: .perMaand,
                    verwijzer: .huisarts, verwijzerNaam: "12345678", geboortedatum: Dag(jaar: 2010, maand: 2, dag: 14)!,
                    ontvangenOp: Dag(jaar: 2026, maand: 4, dag: 1)!),
        ])
        // the allocation answering the request takes its referrer from it (JW301 has no Verwijzer)
        let t = try regio.importeer(paden: [IJWVoorbeeldTests.pad("JW301.xml")])[0]
        #expect(t.uitkomst == .geimporteerd, "\(t.tekst)")
        let tw = try regio.store.gegevens().toewijzingen
        #expect(tw.map(\.verwijzer) == [.gemeente, .huisarts])
        #expect(tw.map(\.verzoeknummer) == ["42420001-40A12341234", "42420001-40A12341235"])
    }

    @Test func jw301Velden() throws {
        let regio = try IJWTestregio()
        let v = try regio.importeer(paden: [IJWVoorbeeldTests.pad("JW301.xml")])[0]
        #expect(v.tellingen["toewijzingen"]?.toegevoegd == 2)
        let t = try #require(try regio.store.gegevens().toewijzingen.first)
        #expect(t == Toewijzing(toewijzingnummer: "300201", client: IJWTestregio.sleutel.pseudoniem(bsn: "999900006"),
                                gemeentecode: "0384", agb: "42420001", productcategorie: "55", productcode: "55A11",
                                ingangsdatum: Dag(jaar: 2026, maand: 4, dag: 1)!, einddatum: Dag(jaar: 2026, maand: 7, dag: 14)!,
                                volume: 2, eenheid: "04", frequentie: .perWeek, verzoeknummer: "42420001-40A12341234",
                                geboortedatum: Dag(jaar: 2010, maand: 2, dag: 14)!, toewijzingsdatum: Dag(jaar: 2026, maand: 4, dag: 1)!))
    }

    /// The whole folder in one import: nothing crashes, the allocation is taken up, each other message has its reason.
    @Test func heleMap() throws {
        let regio = try IJWTestregio()
        let paden = try FileManager.default.contentsOfDirectory(atPath: IJWTestregio.ijwMap + "/voorbeeldberichten").sorted()
            .map(IJWVoorbeeldTests.pad)
        let verslagen = try regio.importeer(paden: paden)
        #expect(verslagen.count == 14)
        #expect(verslagen.filter { $0.uitkomst == .geimporteerd }.map(\.soort) == [.jw301])
        #expect(verslagen.filter { $0.uitkomst == .nietGeimporteerd }.count == 8)
        #expect(try regio.store.aantal(.toewijzingen) == 2)
    }
}
