import Foundation
import RegioCore
import RegioImport
import RegioStore
import Testing

/// Variations of a valid JW301 written from the XSD: each is rejected with the right code, path and reason.
@Suite struct IJWSchemaTests {
    struct Variant: Sendable, CustomTestStringConvertible {
        let naam: String
        let code: String
        let pad: String
        let reden: String
        let xml: @Sendable () -> String
        var testDescription: String { naam }
    }

    static let product = "Client/ToegewezenProducten/ToegewezenProduct[1]/"

    static func jw301(_ x: IJWSjabloon.Product = .init(), gemeente: String = "0307", agb: String = "12345678",
                      bsn: String = "999900006", dag: String = "2026-01-10") -> String {
        IJWSjabloon.jw301(dag: dag, gemeente: gemeente, agb: agb, bsn: bsn, producten: [x])
    }

    static func vervang(_ oud: String, _ nieuw: String, in xml: String = jw301()) -> String {
        precondition(xml.contains(oud), "variant niet toepasbaar: \(oud)")
        return xml.replacingOccurrences(of: oud, with: nieuw)
    }

    static let varianten: [Variant] = [
        Variant(naam: "verplicht element ontbreekt", code: "BRS13", pad: product + "Toewijzingsdatum",
                reden: "verplicht element 'Toewijzingsdatum' ontbreekt") {
            vervang("<jw301:Toewijzingsdatum>2026-01-10</jw301:Toewijzingsdatum>", "")
        },
        Variant(naam: "code niet in de codelijst", code: "BRS13", pad: product + "Omvang/Eenheid",
                reden: "waarde '05' komt niet voor in de codelijst (WJ756)") {
            vervang("<ijw:Eenheid>04</ijw:Eenheid>", "<ijw:Eenheid>05</ijw:Eenheid>")
        },
        Variant(naam: "bedrag met decimalen", code: "BRS13", pad: product + "Budget",
                reden: "bedrag moet een geheel aantal eurocenten zijn, niet '1250.50'") {
            vervang(">125050<", ">1250.50<", in: jw301(.init(omvang: nil, budget: 125_050)))
        },
        Variant(naam: "tekst te lang", code: "BRS13", pad: product + "ReferentieAanbieder", reden: "langer dan 36 tekens") {
            jw301(.init(referentie: String(repeating: "A", count: 37)))
        },
        Variant(naam: "datum bestaat niet", code: "BRS13", pad: product + "Ingangsdatum",
                reden: "datum bestaat niet: '2026-02-29'") { jw301(.init(van: "2026-02-29")) },
        Variant(naam: "datum in verkeerde vorm", code: "BRS13", pad: product + "Ingangsdatum",
                reden: "ongeldige datum: '15-01-2026'") { jw301(.init(van: "15-01-2026")) },
        Variant(naam: "datum met tijdzone", code: "BRS13", pad: product + "Ingangsdatum", reden: "ongeldige datum") {
            jw301(.init(van: "2026-01-15+01:00"))
        },
        Variant(naam: "volgorde van elementen", code: "BRS13", pad: product + "Toewijzingsdatum", reden: "staat op de verkeerde plaats") {
            vervang("<jw301:Toewijzingsdatum>2026-01-10</jw301:Toewijzingsdatum>\n", "")
                .replacingOccurrences(of: "<jw301:Toewijzingstijd>09:30:00</jw301:Toewijzingstijd>",
                                      with: "<jw301:Toewijzingstijd>09:30:00</jw301:Toewijzingstijd><jw301:Toewijzingsdatum>2026-01-10</jw301:Toewijzingsdatum>")
        },
        Variant(naam: "onbekend element", code: "BRS13", pad: product + "Kleur", reden: "element 'Kleur' hoort niet in ToegewezenProduct") {
            vervang("<jw301:Toewijzingstijd>", "<jw301:Kleur>rood</jw301:Kleur><jw301:Toewijzingstijd>")
        },
        Variant(naam: "element in de verkeerde namespace", code: "BRS13", pad: product + "Product/Categorie",
                reden: "hoort in namespace http://www.istandaarden.nl/ijw/3_2/basisschema/schema") {
            vervang("<ijw:Categorie>45</ijw:Categorie>", "<jw301:Categorie>45</jw301:Categorie>")
        },
        Variant(naam: "berichtcode past niet bij de namespace", code: "BRS13", pad: "Header/BerichtCode",
                reden: "voldoet niet aan het patroon (precies '436')") { vervang(">436<", ">437<") },
        Variant(naam: "negatief volume", code: "BRS13", pad: product + "Omvang/Volume", reden: "kleiner dan 0") {
            vervang("<ijw:Volume>4</ijw:Volume>", "<ijw:Volume>-4</ijw:Volume>")
        },
        Variant(naam: "tijd zonder seconden", code: "BRS13", pad: product + "Toewijzingstijd", reden: "ongeldige tijd") {
            vervang(">09:30:00<", ">09:30<")
        },
        Variant(naam: "tekst tussen elementen", code: "BRS13", pad: "Client/Contactgegevens", reden: "tekst is hier niet toegestaan") {
            vervang("<jw301:Contactgegevens>", "<jw301:Contactgegevens>los")
        },
        Variant(naam: "geen well-formed XML", code: "BRS14", pad: "", reden: "geen geldige XML") {
            String(jw301().dropLast(30))
        },
        Variant(naam: "andere iJw-versie", code: "BRS13", pad: "Bericht", reden: "iJw-versie wordt niet ondersteund") {
            jw301().replacingOccurrences(of: "ijw/3_2/jw301", with: "ijw/3_1/jw301")
        },
        Variant(naam: "geen iJw-bericht", code: "BRS13", pad: "Factuur", reden: "geen iJw-bericht") { "<Factuur><Regel/></Factuur>" },
        Variant(naam: "BSN voldoet niet aan de elfproef", code: "RM01", pad: "Client/Bsn", reden: "Bsn voldoet niet aan de elfproef") {
            jw301(bsn: "123456788")
        },
        Variant(naam: "BSN te kort", code: "BRS13", pad: "Client/Bsn", reden: "voldoet niet aan het patroon (9 cijfers)") { jw301(bsn: "12345678") },
        Variant(naam: "dagtekening na vandaag", code: "8848", pad: "Header/BerichtIdentificatie/Dagtekening",
                reden: "Dagtekening 2027-01-04 ligt na vandaag (2026-11-22)") { jw301(dag: "2027-01-04") },
        Variant(naam: "einddatum voor ingangsdatum", code: "RM03", pad: product + "Einddatum",
                reden: "Einddatum 2026-01-14 ligt voor Ingangsdatum 2026-01-15") { jw301(.init(tot: "2026-01-14")) },
        Variant(naam: "gemeente buiten de regio", code: "S300", pad: "Header/Afzender", reden: "gemeente 0999 is geen gemeente van de regio") {
            jw301(gemeente: "0999")
        },
        Variant(naam: "aanbieder onbekend", code: "RM02", pad: "Header/Ontvanger", reden: "aanbieder 11111111 is niet bekend") {
            jw301(agb: "11111111")
        },
        Variant(naam: "product onbekend", code: "S329", pad: product + "Product/Code", reden: "product 45A99 in categorie 45") {
            jw301(.init(code: "45A99"))
        },
    ]

    @Test(arguments: varianten)
    func variant(_ v: Variant) throws {
        let regio = try IJWTestregio()
        let verslag = try regio.een("bericht.xml", v.xml())
        #expect(verslag.uitkomst == .geweigerd)
        #expect(verslag.fouten.contains { $0.code == v.code && $0.pad == v.pad && $0.reden.contains(v.reden) }, "\(verslag.tekst)")
        #expect(try regio.store.aantal(.toewijzingen) == 0)
    }

    @Test func geldigSjabloon() throws {
        let regio = try IJWTestregio()
        let v = try regio.een("bericht.xml", IJWSchemaTests.jw301())
        #expect(v.uitkomst == .geimporteerd, "\(v.tekst)")
    }

    /// A BSN or a name never ends up in an error message (the report may be shared or logged).
    @Test func geenPersoonsgegevensInFouten() throws {
        let regio = try IJWTestregio()
        let xml = IJWSchemaTests.jw301(bsn: "123456788").replacingOccurrences(of: ">Jansen<", with: ">\(String(repeating: "J", count: 201))<")
        let v = try regio.een("bericht.xml", xml)
        #expect(v.codes == ["BRS13"])
        #expect(!v.tekst.contains("JJJJ"))
        let elf = try regio.een("elf.xml", IJWSchemaTests.jw301(bsn: "123456788"))
        #expect(elf.codes == ["RM01"])
        #expect(!elf.tekst.contains("123456788"))
    }

    /// docs/ijw-import.md lists every rule with its code, so the user documentation cannot drift from the table.
    @Test func regelsGedocumenteerd() throws {
        let pad = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/ijw-import.md").path
        let doc = try String(contentsOfFile: pad, encoding: .utf8)
        for r in IJWRegel.allCases {
            #expect(doc.contains("| \(r.code) | \(r.bron) | \(r.tekst) |"), "\(r.code) ontbreekt of wijkt af in docs/ijw-import.md")
        }
    }

    /// The rule table is the single place: every code is unique, has a source and a Dutch text.
    @Test func regeltabel() {
        let codes = IJWRegel.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(IJWRegel.allCases.allSatisfy { !$0.tekst.isEmpty && !$0.bron.isEmpty })
        #expect(IJWRegel.begindatumBuitenToewijzing.code == "9307" && IJWRegel.toewijzingOnbekend.code == "9338"
                && IJWRegel.koppelingToewijzing.code == "9019" && IJWRegel.einddatumBuitenToewijzing.code == "9308")
    }
}
