import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioStore
import Testing
@testable import RegioWeb

/// Issue 22, part 1: "boven budget" is judged on the expected year outcome, not on what is declared so far.
///
/// Aadorp: ten clients at EUR 1.000 a month since 2017, each month declared on the 10th of the next; 2020 known up to
/// June (declared on 10-07-2020): EUR 60.000 declared against a budget of EUR 80.000, so year-to-date it is under
/// budget, while the year will come to about EUR 120.000. Beestad: six clients at EUR 500, budget EUR 50.000 (a year
/// of about EUR 36.000): under budget either way. No cell is small, so the council version shows the same.
@Suite struct VerwachtingTests {
    static func bestanden() -> [(naam: String, inhoud: String)] {
        var toew = ["toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,budget,toewijzingsdatum"]
        var decl = ["declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op"]
        var nr = 0
        for (gemeente, clienten, bedrag) in [("0001", 10, 1000), ("0002", 6, 500)] {
            for c in 0..<clienten {
                for jaar in 2017...2020 {
                    let t = "T\(gemeente)\(c)\(jaar)"
                    toew.append("\(t),C\(gemeente)\(c),\(gemeente),75000001,45,45A04,\(jaar)-01-01,\(jaar)-12-31,\(bedrag * 12),\(jaar)-01-01")
                    for m in 1...(jaar == 2020 ? 6 : 12) {
                        nr += 1
                        let maand = Maand(jaar: jaar, maand: m), volgende = maand + 1
                        decl.append("D\(nr),R\(nr),\(t),C\(gemeente)\(c),\(gemeente),75000001,45,45A04,\(maand.eersteDag),\(maand.laatsteDag),\(bedrag).00,\(volgende.eersteDag + 9)")
                    }
                }
            }
        }
        return [
            ("gemeenten.csv", "gemeentecode,naam\n0001,Aadorp\n0002,Beestad\n"),
            ("percelen.csv", "perceel,naam,segment,verevend\nAMB,Ambulant,Ambulant,nee\n"),
            ("producten.csv", "productcode,productcategorie,perceel,tarief\n45A04,45,AMB,100\n"),
            ("aanbieders.csv", "agb,naam\n75000001,Zorg BV\n"),
            ("budgetten.csv", "jaar,gemeentecode,perceel,budget\n2020,0001,AMB,80000\n2020,0002,AMB,50000\n"),
            ("toewijzingen.csv", toew.joined(separator: "\n") + "\n"),
            ("declaraties.csv", decl.joined(separator: "\n") + "\n"),
        ]
    }

    @Test func bovenBudgetVolgensDeVerwachting() async throws {
        let store = try RaadsaanvalTests.opslag(Self.bestanden())
        let app = bouwToepassing(store: store, instellingen: Instellingen(veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
                                                                          pseudoniemsleutel: NSTemporaryDirectory() + "rm-verw-\(UUID())/sleutel",
                                                                          klok: { 1_579_089_600 }))
        try await app.test(.router) { c in
            let r = try await Web.sessie(c, "regio")
            let overzicht = Web.tekst(try await Web.get(c, "/?jaar=2020", r))
            // declared so far is under budget for both; the expected outcome is over for Aadorp only
            #expect(overzicht.contains("Gedeclareerd tot nu") && overzicht.contains("€ 78.000"), "\(overzicht.prefix(3000))")
            #expect(overzicht.contains("Gemeenten verwacht boven budget") && overzicht.contains("1 van 2"))
            #expect(overzicht.contains("Verwacht boven budget in 2020 (prognose op 10-07-2020)"))
            let banner = try #require(overzicht.components(separatedBy: "Verwacht boven budget in 2020").last)
            #expect(banner.contains(">Aadorp</a> (verwacht € 1") && !banner.prefix(400).contains("Beestad"))
            // the expected outcome lies near a year of cost (EUR 120.000 and EUR 12.000), well above what is declared
            let p = try #require(try Cijferbron(store: store).verwachting(jaar: 2020, per: .gemeente))
            let aadorp = try #require(p.groepen.first { $0.groep == "0001" })
            #expect(aadorp.gedeclareerd == Euro(euro: 60_000))
            #expect(aadorp.verwacht > Euro(euro: 110_000) && aadorp.verwacht < Euro(euro: 130_000), "\(aadorp.verwacht)")
            #expect(aadorp.ondergrens <= aadorp.verwacht && aadorp.verwacht <= aadorp.bovengrens)

            let gemeente = Web.tekst(try await Web.get(c, "/gemeente/0001?jaar=2020", r))
            #expect(gemeente.contains("Aadorp komt in 2020 naar verwachting") && gemeente.contains("boven budget"))
            #expect(gemeente.contains("Verwacht tekort") && gemeente.contains("Verwachte jaaruitkomst"))
            let beestad = Web.tekst(try await Web.get(c, "/gemeente/0002?jaar=2020", r))
            #expect(beestad.contains("Beestad komt in 2020 naar verwachting") && beestad.contains("onder budget") && beestad.contains("Verwacht overschot"))
            let perceel = Web.tekst(try await Web.get(c, "/percelen/AMB?jaar=2020", r))
            #expect(perceel.contains("Verwachte jaaruitkomst") && perceel.contains("Verwacht tekort"))

            // the monthly report, internal and council version, says the same in its key points
            let g = try store.gegevens()
            for versie in Rapportversie.allCases {
                let rapport = try Maandrapport.maak(g, gemeente: "0001", maand: Maand(jaar: 2020, maand: 6), peildatum: Dag.parse("2020-07-10")!, versie: versie)
                let zin = try #require(rapport.kernpunten.first { $0.hasPrefix("Verwachte uitkomst 2020: ") }, "\(rapport.kernpunten)")
                #expect(zin == "Verwachte uitkomst 2020: \(aadorp.verwacht.heleEuros) (80%: \(aadorp.ondergrens.heleEuros) – \(aadorp.bovengrens.heleEuros)) "
                        + "tegen een budget van € 80.000: verwacht tekort \((aadorp.verwacht - Euro(euro: 80_000)).heleEuros); "
                        + "ook de ondergrens ligt boven het budget.", "\(versie)")
            }
        }
    }

    /// The Burap page of Aadorp (issue 22 point 5): for the region and the municipality's own staff, not for the council
    /// or another municipality; its tables as CSV add up, the API has them, the printable page says the same.
    @Test func burapPaginaEnRollen() async throws {
        let store = try RaadsaanvalTests.opslag(Self.bestanden())
        try store.bewaar(Gebruiker(naam: "beestad", rol: .gemeente("0002"), wachtwoordHash: Wachtwoord(kosten: 4).hash(Webregio.wachtwoord)))
        try store.bewaar(Gebruiker(naam: "aadorp", rol: .gemeente("0001"), wachtwoordHash: Wachtwoord(kosten: 4).hash(Webregio.wachtwoord)))
        let app = bouwToepassing(store: store, instellingen: Instellingen(veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
                                                                          pseudoniemsleutel: NSTemporaryDirectory() + "rm-burap-\(UUID())/sleutel",
                                                                          klok: { 1_579_089_600 }))
        let g = try store.gegevens()
        let verwacht = try Burap(g, gemeente: "0001", peildatum: Dag.parse("2020-07-10")!)
        try await app.test(.router) { c in
            for naam in ["regio", "aadorp"] {
                let s = try await Web.sessie(c, naam)
                let r = try await Web.get(c, "/gemeente/0001/burap", s)
                #expect(r.status == .ok, "\(naam)")
                let html = Web.tekst(r)
                #expect(html.contains("Burap jeugdhulp 2020 — Aadorp") && html.contains("Stand 10-07-2020"))
                #expect(html.contains("Verwacht tekort") && html.contains(Webhtml.esc(verwacht.samenvatting[0])), "\(naam)")
                // the municipality page links to it
                #expect(Web.tekst(try await Web.get(c, "/gemeente/0001?jaar=2020", s)).contains("/gemeente/0001/burap?peildatum=2020-07-10"))
            }
            let s = try await Web.sessie(c, "regio")
            // the expected-outcome table as CSV: the rows add up to the footer (budget 80.000, expected as the forecast)
            let csv = Web.tekst(try await Web.get(c, "/gemeente/0001/burap?csv=uitkomst&format=csv", s)).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            #expect(csv[0].contains("verwacht") && csv[0].contains("budget"))
            let k = try #require(csv[0].firstIndex(of: "verwacht"))
            #expect(csv.count == 3 && csv[1][0] == "AMB" && csv[2][0] == "totaal" && csv[1][k] == csv[2][k])
            #expect(Euro.parse(String(csv[2][k])) == verwacht.totaal.verwacht)
            // the API twin carries the same tables
            let api = Web.tekst(try await Web.get(c, "/api/v1/gemeente/0001/burap", s))
            #expect(api.contains("\"uitkomst\"") && api.contains("\"verklaring\"") && api.contains("\"boekjaar\""), "\(api.prefix(500))")
            // the printable page
            let afdruk = Web.tekst(try await Web.get(c, "/gemeente/0001/burap/afdruk?peildatum=2020-07-10", s))
            #expect(afdruk.contains("Bestuursrapportage jeugdhulp 2020") && afdruk.contains("A4 landscape") && afdruk.contains("Aadorp"))
            // an earlier date: the figures as known then; a date after the data: a clear error
            #expect(Web.tekst(try await Web.get(c, "/gemeente/0001/burap?peildatum=2020-03-31", s)).contains("Stand 31-03-2020"))
            let later = try await Web.get(c, "/gemeente/0001/burap?peildatum=2020-12-31", s)
            #expect(later.status == .badRequest && Web.tekst(later).contains("ligt na de laatste dag met gegevens (10-07-2020)"))
            // the council and another municipality do not get it
            for naam in ["raad", "beestad"] {
                let x = try await Web.sessie(c, naam)
                for pad in ["/gemeente/0001/burap", "/gemeente/0001/burap/afdruk", "/api/v1/gemeente/0001/burap", "/gemeente/0001/burap?csv=uitkomst"] {
                    #expect(try await Web.get(c, pad, x).status == .forbidden, "\(naam) \(pad)")
                }
            }
        }
    }
}
