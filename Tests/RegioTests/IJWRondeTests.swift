import Foundation
import RegioCore
import RegioImport
import RegioStore
import Testing

/// One client's round JW315 -> JW301 -> JW305 -> JW323 -> JW325 -> JW307 gives the same data and figures as the
/// equivalent CSV rows.
@Suite struct IJWRondeTests {
    typealias S = IJWSjabloon

    /// The round as files whose names are in reverse order: the import must order them by Dagtekening itself.
    static let ronde: [(String, String)] = [
        ("6.xml", S.jw315()),
        ("5.xml", S.jw301()),
        ("4.xml", S.jw305()),
        ("3.xml", S.jw323(clienten: [("999900006", [
            S.Prestatie(referentie: "R1", van: "2026-01-16", tot: "2026-01-31", volume: 9, bedrag: 56_250),
            S.Prestatie(referentie: "R2", van: "2026-02-01", tot: "2026-02-28", volume: 16, bedrag: 100_000),
        ])])),
        ("2.xml", S.jw325(ingediend: 156_250, afgewezen: [("999900006", [
            S.Prestatie(referentie: "R1", van: "2026-01-16", tot: "2026-01-31", volume: 9, bedrag: 56_250, retourcodes: ["0611"]),
        ])])),
        ("1.xml", S.jw307()),
    ]

    static let csv: [(String, String)] = [
        ("verzoeken.csv", """
            verzoeknummer,bsn,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,verwijzer_type,verwijzer_naam,geboortedatum,ontvangen_op
            12345678-REF-1,999900006,0307,12345678,45,45A03,2026-01-15,2026-06-30,4,04,2,02,Dr. Pieters,2012-05-01,2026-01-05

            """),
        ("toewijzingen.csv", """
            toewijzingnummer,bsn,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,verwijzer_type,verwijzer_naam,verzoeknummer,geboortedatum,toewijzingsdatum
            5001,999900006,0307,12345678,45,45A03,2026-01-15,2026-06-30,4,04,2,02,Dr. Pieters,12345678-REF-1,2012-05-01,2026-01-10

            """),
        ("declaraties.csv", """
            declaratienummer,referentienummer,toewijzingnummer,bsn,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,debet_credit,status,ingediend_op
            12345678-DEC1,R1,5001,999900006,0307,12345678,45,45A03,2026-01-16,2026-01-31,9,04,62.50,562.50,D,afgewezen,2026-03-05
            12345678-DEC1,R2,5001,999900006,0307,12345678,45,45A03,2026-02-01,2026-02-28,16,04,62.50,1000.00,D,toegekend,2026-03-05

            """),
    ]

    @Test func rondeGelijkAanCSV() throws {
        let xml = try IJWTestregio()
        let verslagen = try xml.importeer(IJWRondeTests.ronde)
        #expect(verslagen.allSatisfy { $0.uitkomst == .geimporteerd }, "\(verslagen.map(\.tekst))")
        #expect(verslagen.compactMap(\.soort) == [.jw315, .jw301, .jw305, .jw323, .jw325, .jw307], "taken up by Dagtekening")

        // the messages rebuilt the monthly sums, which give the lines' declared total
        let sommen = xml.store
        #expect(try sommen.aggregatenActueel())
        #expect(try sommen.aggregaten(jaren: 2026...2026)?.kosten.values.reduce(Euro.nul, +) == Euro(centen: 100_000))

        let csv = try IJWTestregio()
        try csv.csv(IJWRondeTests.csv)

        let a = try xml.store.gegevens(), b = try csv.store.gegevens()
        #expect(a.verzoeken == b.verzoeken)
        #expect(a.toewijzingen == b.toewijzingen)
        #expect(a.declaraties == b.declaraties)

        let van = Dag(jaar: 2026, maand: 1, dag: 1)!, tot = Dag(jaar: 2026, maand: 12, dag: 31)!
        for per in Groepering.allCases {
            let x = Monitoring.kengetallen(a, van: van, tot: tot, per: per), c = Monitoring.kengetallen(b, van: van, tot: tot, per: per)
            #expect(x.groepen == c.groepen && x.totaal == c.totaal, "per \(per)")
        }
        // worked out by hand: 4 hours a week at EUR 62.50 over 15 Jan - 30 Jun 2026 (17+28+31+30+31+30 = 167 days)
        // = 25000 ct x 167 / 7 = 596428.57 -> EUR 5,964.29; declared R1 562.50 (rejected) + R2 1000.00 (approved) -> 1000.00
        let totaal = Monitoring.kengetallen(a, van: van, tot: tot, per: .gemeente).totaal
        #expect(totaal.clienten == 1 && totaal.toewijzingen == 1)
        #expect(totaal.verplichting == Euro(centen: 596_429))
        #expect(totaal.gedeclareerd == Euro(centen: 100_000))

        // start and stop of care are stored beside the shared tables
        let l = try xml.store.leveringen()
        #expect(l == [Levering(toewijzingnummer: "5001", begindatum: Dag(jaar: 2026, maand: 1, dag: 16)!,
                               client: IJWTestregio.sleutel.pseudoniem(bsn: "999900006"), gemeentecode: "0307", agb: "12345678",
                               productcategorie: "45", productcode: "45A03", einddatum: Dag(jaar: 2026, maand: 3, dag: 31)!,
                               redenBeeindiging: "31", gestartOp: Dag(jaar: 2026, maand: 1, dag: 20)!,
                               gestoptOp: Dag(jaar: 2026, maand: 4, dag: 2)!)])
    }

    /// Importing the same messages again changes nothing; the same identification with other content is 9056.
    @Test func idempotent() throws {
        let regio = try IJWTestregio()
        try regio.importeer(IJWRondeTests.ronde)
        let voor = try regio.store.gegevens()
        let opnieuw = try regio.importeer(IJWRondeTests.ronde)
        #expect(opnieuw.allSatisfy { $0.uitkomst == .alGeimporteerd })
        let na = try regio.store.gegevens()
        #expect(voor.toewijzingen == na.toewijzingen && voor.declaraties == na.declaraties && voor.verzoeken == na.verzoeken)
        #expect(try regio.store.leveringen().count == 1)

        // same id T1 from the same municipality, other content
        let ander = try regio.een("ander.xml", S.jw301(producten: [S.Product(nummer: "5002")]))
        #expect(ander.codes == ["9056"], "\(ander.tekst)")
    }

    /// A rejected message is reported and skipped; the others in the same import are taken up.
    @Test func weigeringRaaktAnderenNiet() throws {
        let regio = try IJWTestregio()
        let v = try regio.importeer([
            ("a.xml", S.jw301()),
            ("b.xml", S.jw301(id: "T2", bsn: "123456788", producten: [S.Product(nummer: "5002")])),
            ("c.xml", S.jw305()),
        ])
        #expect(v.map(\.uitkomst) == [.geimporteerd, .geweigerd, .geimporteerd])
        #expect(v[1].codes == ["RM01"] && v[1].bericht == "JW301 0307/T2")
        #expect(try regio.store.aantal(.toewijzingen) == 1)
    }

    /// `controleer` writes nothing but checks the series as if each accepted message had been taken up.
    @Test func controleerZonderSchrijven() throws {
        let regio = try IJWTestregio()
        let log = try regio.store.importlog().count
        let v = try regio.importeer(IJWRondeTests.ronde, controleer: true)
        #expect(v.allSatisfy { $0.uitkomst == .gecontroleerd }, "\(v.map(\.tekst))")
        #expect(try regio.store.aantal(.toewijzingen) == 0 && regio.store.leveringen().isEmpty)
        #expect(try regio.store.importlog().count == log)
    }
}
