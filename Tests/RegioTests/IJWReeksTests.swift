import Foundation
import RegioCore
import RegioImport
import RegioStore
import Testing

/// Message series: changes and deletions of allocations, start/stop with StatusAanlevering, credits, answers.
@Suite struct IJWReeksTests {
    typealias S = IJWSjabloon
    static let feb = S.Prestatie(referentie: "R2")  // Feb 2026, 16 h x 62.50 = 1000.00

    /// A region with request REF-1 (referrer: huisarts), allocation 5001 (15 Jan - 30 Jun 2026) and its start on 16 Jan.
    static func regio(_ backend: Backend) throws -> IJWTestregio {
        let r = try IJWTestregio(backend)
        let v = try r.importeer([("v.xml", S.jw315()), ("t.xml", S.jw301()), ("s.xml", S.jw305())])
        precondition(v.allSatisfy { $0.uitkomst == .geimporteerd }, v.map(\.tekst).joined())
        return r
    }

    static func declaratie(_ id: String, _ nummer: String, _ ps: [S.Prestatie], dag: String = "2026-03-05",
                           periode: (String, String) = ("2026-01-01", "2026-02-28"), totaal: Int? = nil) -> String {
        S.jw323(id: id, dag: dag, nummer: nummer, periode: periode, totaal: totaal, clienten: [("999900006", ps)])
    }

    static func gedeclareerd(_ r: IJWTestregio) throws -> Euro {
        Monitoring.kengetallen(try r.store.gegevens(), van: Dag.eersteVan(jaar: 2026), tot: Dag.laatsteVan(jaar: 2026), per: .gemeente)
            .totaal.gedeclareerd
    }

    // MARK: JW301

    @Test(arguments: Backend.alle) func wijzigingKortToewijzingIn(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        let v = try r.een("w.xml", S.jw301(id: "T2", dag: "2026-02-01", producten: [S.Product(referentie: nil, datum: "2026-02-01", tot: "2026-03-31", reden: "05")]))
        #expect(v.uitkomst == .geimporteerd && v.tellingen["toewijzingen"]?.gewijzigd == 1, "\(v.tekst)")
        let t = try #require(try r.store.gegevens().toewijzingen.first)
        // the change does not name the request; request and referrer are kept from the earlier version
        #expect(t.einddatum == Dag(jaar: 2026, maand: 3, dag: 31)! && t.redenWijziging == "05" && t.verwijzer == .huisarts)
        #expect(t.verzoeknummer == "12345678-REF-1")
    }

    @Test(arguments: Backend.alle) func verwijderdeToewijzingTeltNietEnWeigertDeclaraties(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        let v = try r.een("w.xml", S.jw301(id: "T2", dag: "2026-01-12", producten: [S.Product(datum: "2026-01-12", tot: "2026-01-15", reden: "13")]))
        #expect(v.uitkomst == .geimporteerd, "\(v.tekst)")
        let k = Monitoring.kengetallen(try r.store.gegevens(), van: Dag.eersteVan(jaar: 2026), tot: Dag.laatsteVan(jaar: 2026), per: .gemeente)
        #expect(k.totaal.toewijzingen == 0 && k.totaal.verplichting == .nul)
        let d = try r.een("d.xml", IJWReeksTests.declaratie("D1", "DEC1", [S.Prestatie(referentie: "R1", van: "2026-01-15", tot: "2026-01-15", volume: 1, bedrag: 6250)]))
        #expect(d.codes == ["9384"], "\(d.tekst)")
    }

    @Test(arguments: Backend.alle) func verwijderenMetGoedgekeurdeDeclaratiesGeweigerd(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        try r.importeer([("d.xml", IJWReeksTests.declaratie("D1", "DEC1", [IJWReeksTests.feb])), ("a.xml", S.jw325(ingediend: 100_000))])
        let v = try r.een("w.xml", S.jw301(id: "T2", dag: "2026-04-01", producten: [S.Product(datum: "2026-04-01", tot: "2026-01-15", reden: "13")]))
        #expect(v.codes == ["9385"], "\(v.tekst)")
    }

    @Test(arguments: Backend.alle) func nummerVanAndereClient(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        let v = try r.een("w.xml", S.jw301(id: "T2", bsn: S.bsn(1)))
        #expect(v.codes == ["9332"], "\(v.tekst)")
    }

    // MARK: JW305, JW307

    @Test(arguments: Backend.alle) func startVerwijderen(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        let dubbel = try r.een("s2.xml", S.jw305(id: "S2"))
        #expect(dubbel.codes == ["9074"], "\(dubbel.tekst)")
        let tweede = try r.een("s3.xml", S.jw305(id: "S3", starts: [S.Start(begin: "2026-02-01")]))
        #expect(tweede.codes == ["9326"], "\(tweede.tekst)")
        let weg = try r.een("x.xml", S.jw305(id: "X1", starts: [S.Start(status: "3")]))
        #expect(weg.uitkomst == .geimporteerd && weg.tellingen["leveringen"]?.gewijzigd == 1, "\(weg.tekst)")
        #expect(try r.store.leveringen().isEmpty)
        let nogmaals = try r.een("x2.xml", S.jw305(id: "X2", starts: [S.Start(status: "3")]))
        #expect(nogmaals.codes == ["9063"], "\(nogmaals.tekst)")
        let status2 = try r.een("x3.xml", S.jw305(id: "X3", starts: [S.Start(status: "2")]))
        #expect(status2.codes == ["CS058"], "\(status2.tekst)")
    }

    @Test(arguments: Backend.alle) func startNaStopNietTeVerwijderen(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        #expect(try r.een("e.xml", S.jw307()).uitkomst == .geimporteerd)
        let weg = try r.een("x.xml", S.jw305(id: "X1", dag: "2026-04-03", starts: [S.Start(status: "3")]))
        #expect(weg.codes == ["9071"], "\(weg.tekst)")
    }

    @Test(arguments: Backend.alle) func stopRegels(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        let zonderStart = try r.een("e0.xml", S.jw307(id: "E0", stops: [S.Start(begin: "2026-01-20", reden: "31", eind: "2026-03-31")]))
        #expect(zonderStart.codes == ["9069"], "\(zonderStart.tekst)")
        let onbekend = try r.een("e9.xml", S.jw307(id: "E9", stops: [S.Start(nummer: "9999")]))
        #expect(onbekend.codes == ["9019"], "\(onbekend.tekst)")
        // temporarily stopped (20), then definitively (31) later: accepted
        #expect(try r.een("e1.xml", S.jw307(id: "E1", stops: [S.Start(reden: "20", eind: "2026-02-10")])).uitkomst == .geimporteerd)
        #expect(try r.een("e2.xml", S.jw307(id: "E2", stops: [S.Start(reden: "20", eind: "2026-02-20")])).codes == ["9413"])
        #expect(try r.een("e3.xml", S.jw307(id: "E3", stops: [S.Start(reden: "31", eind: "2026-02-01")])).codes == ["9414"])
        #expect(try r.een("e4.xml", S.jw307(id: "E4", stops: [S.Start(reden: "31", eind: "2026-03-31")])).uitkomst == .geimporteerd)
        #expect(try r.een("e5.xml", S.jw307(id: "E5", stops: [S.Start(reden: "31", eind: "2026-04-30")])).codes == ["9415"])
        // withdrawing the stop reopens the delivery
        #expect(try r.een("e6.xml", S.jw307(id: "E6", stops: [S.Start(status: "3", reden: "31", eind: "2026-03-31")])).uitkomst == .geimporteerd)
        #expect(try r.store.leveringen().first?.einddatum == nil)
    }

    // MARK: JW323

    @Test(arguments: Backend.alle) func creditHeftDebetOp(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        try r.importeer([("d.xml", IJWReeksTests.declaratie("D1", "DEC1", [IJWReeksTests.feb])), ("a.xml", S.jw325(ingediend: 100_000))])
        #expect(try IJWReeksTests.gedeclareerd(r) == Euro(centen: 100_000))

        let dubbel = try r.een("d2.xml", IJWReeksTests.declaratie("D2", "DEC2", [S.Prestatie(referentie: "R3")], dag: "2026-04-05"))
        #expect(dubbel.codes == ["9389"], "a second debit for February without a credit: \(dubbel.tekst)")

        let credit = S.Prestatie(referentie: "C1", vorig: "R2", dc: "C")
        let c = try r.een("c.xml", IJWReeksTests.declaratie("D3", "DEC3", [credit], dag: "2026-04-06"))
        #expect(c.uitkomst == .geimporteerd, "\(c.tekst)")
        try r.importeer([("ca.xml", S.jw325(id: "A3", dag: "2026-04-10", declaratieId: "D3", declaratieDag: "2026-04-06",
                                            nummer: "DEC3", ingediend: -100_000))])
        #expect(try IJWReeksTests.gedeclareerd(r) == .nul, "debit 1000.00 - credit 1000.00")

        let nogEens = try r.een("c2.xml", IJWReeksTests.declaratie("D4", "DEC4", [S.Prestatie(referentie: "C2", vorig: "R2", dc: "C")], dag: "2026-04-07"))
        #expect(nogEens.codes == ["9390"], "\(nogEens.tekst)")
        let zonderVorig = try r.een("c3.xml", IJWReeksTests.declaratie("D5", "DEC5", [S.Prestatie(referentie: "C3", dc: "C")], dag: "2026-04-07"))
        #expect(zonderVorig.codes == ["8017"], "\(zonderVorig.tekst)")
        // after the credit the period may be declared again
        let opnieuw = try r.een("d6.xml", IJWReeksTests.declaratie("D6", "DEC6", [S.Prestatie(referentie: "R6", volume: 12, bedrag: 75_000)], dag: "2026-04-08"))
        #expect(opnieuw.uitkomst == .geimporteerd, "\(opnieuw.tekst)")
    }

    @Test(arguments: Backend.alle) func creditMetAnderBedrag(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        try r.importeer([("d.xml", IJWReeksTests.declaratie("D1", "DEC1", [IJWReeksTests.feb]))])
        let c = try r.een("c.xml", IJWReeksTests.declaratie("D2", "DEC2", [S.Prestatie(referentie: "C1", vorig: "R2", volume: 8, bedrag: 50_000, dc: "C")]))
        #expect(c.codes == ["8017"], "\(c.tekst)")
    }

    @Test(arguments: Backend.alle) func prestatieRegels(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        let buiten = S.Prestatie(referentie: "R1", van: "2026-01-01", tot: "2026-07-31", volume: 1, bedrag: 6250)
        let v = try r.een("d.xml", IJWReeksTests.declaratie("D1", "DEC1", [buiten], periode: ("2026-01-01", "2026-07-31")))
        #expect(v.codes == ["9307", "9308"], "\(v.tekst)")
        #expect(v.fouten.map(\.pad).contains("Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductPeriode/Begindatum"))

        let onbekend = try r.een("d2.xml", IJWReeksTests.declaratie("D2", "DEC2", [S.Prestatie(nummer: "7777")]))
        #expect(onbekend.codes == ["9338"], "\(onbekend.tekst)")
        let ander = try r.een("d3.xml", S.jw323(id: "D3", nummer: "DEC3", clienten: [(S.bsn(2), [IJWReeksTests.feb])]))
        #expect(ander.codes == ["8187"], "\(ander.tekst)")
        let product = try r.een("d4.xml", IJWReeksTests.declaratie("D4", "DEC4", [S.Prestatie(code: "45A04", tarief: 1500, bedrag: 24_000)]))
        #expect(product.codes == ["9340"], "\(product.tekst)")
        let totaal = try r.een("d5.xml", IJWReeksTests.declaratie("D5", "DEC5", [IJWReeksTests.feb], totaal: 99_999))
        #expect(totaal.codes == ["RM04"], "\(totaal.tekst)")
        let som = try r.een("d6.xml", IJWReeksTests.declaratie("D6", "DEC6", [S.Prestatie(bedrag: 99_000)]))
        #expect(som.codes == ["9346"], "\(som.tekst)")
        let dubbel = try r.een("d7.xml", IJWReeksTests.declaratie("D7", "DEC7", [IJWReeksTests.feb, S.Prestatie(referentie: "R2", van: "2026-01-16", tot: "2026-01-31")]))
        #expect(dubbel.codes == ["8021"], "\(dubbel.tekst)")
    }

    @Test(arguments: Backend.alle) func declaratienummerEnReferentieUniek(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        #expect(try r.een("d.xml", IJWReeksTests.declaratie("D1", "DEC1", [IJWReeksTests.feb])).uitkomst == .geimporteerd)
        let v = try r.een("d2.xml", IJWReeksTests.declaratie("D2", "DEC1", [S.Prestatie(referentie: "R9", van: "2026-01-16", tot: "2026-01-31", volume: 9, bedrag: 56_250)]))
        #expect(v.codes == ["9333"], "\(v.tekst)")
        let ref = try r.een("d3.xml", IJWReeksTests.declaratie("D3", "DEC3", [S.Prestatie(referentie: "R2", van: "2026-01-16", tot: "2026-01-31", volume: 9, bedrag: 56_250)]))
        #expect(ref.codes == ["8021"], "\(ref.tekst)")
    }

    // MARK: JW325

    @Test(arguments: Backend.alle) func antwoordKeurtGoedEnAf(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        let jan = S.Prestatie(referentie: "R1", van: "2026-01-16", tot: "2026-01-31", volume: 9, bedrag: 56_250)
        try r.importeer([("d.xml", IJWReeksTests.declaratie("D1", "DEC1", [jan, IJWReeksTests.feb]))])
        var afgewezen = jan
        afgewezen.retourcodes = ["9307"]
        let a = try r.een("a.xml", S.jw325(ingediend: 156_250, afgewezen: [("999900006", [afgewezen])]))
        #expect(a.uitkomst == .geimporteerd && a.tellingen["declaraties"]?.gewijzigd == 2, "\(a.tekst)")
        let status = try r.store.gegevens().declaraties.map { "\($0.referentienummer):\($0.status.rawValue)" }
        #expect(status.sorted() == ["R1:afgewezen", "R2:toegekend"])
        let tweede = try r.een("a2.xml", S.jw325(id: "A2", ingediend: 156_250))
        #expect(tweede.codes == ["IB019"], "\(tweede.tekst)")
    }

    @Test(arguments: Backend.alle) func antwoordMoetBijDeclaratiePassen(_ backend: Backend) throws {
        let r = try IJWReeksTests.regio(backend)
        try r.importeer([("d.xml", IJWReeksTests.declaratie("D1", "DEC1", [IJWReeksTests.feb]))])
        let onbekend = try r.een("a1.xml", S.jw325(id: "A1", declaratieId: "D9", ingediend: 100_000))
        #expect(onbekend.codes == ["9366"], "\(onbekend.tekst)")
        var anders = IJWReeksTests.feb
        anders.volume = 15; anders.bedrag = 93_750; anders.retourcodes = ["0611"]
        let afwijkend = try r.een("a2.xml", S.jw325(id: "A2", ingediend: 100_000, afgewezen: [("999900006", [anders])]))
        #expect(afwijkend.codes == ["9367"], "\(afwijkend.tekst)")
        let geheel = try r.een("a3.xml", S.jw325(id: "A3", nummer: nil, ingediend: 0, kopcode: "0001"))
        #expect(geheel.uitkomst == .geimporteerd, "\(geheel.tekst)")
        #expect(try r.store.gegevens().declaraties.map(\.status) == [.afgewezen], "no DeclaratieAntwoord: the whole declaration is rejected")
    }
}
