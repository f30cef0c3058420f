import Foundation
import Testing
import RegioCore
import RegioDemo
import RegioImport
import RegioStore

@Suite struct DemoTests {
    @Test func zelfdeSeedZelfdeRegio() {
        let a = Demoregio(seed: 5, jaren: 2020...2020).bestanden(), b = Demoregio(seed: 5, jaren: 2020...2020).bestanden()
        #expect(a.map(\.inhoud) == b.map(\.inhoud))
        let c = Demoregio(seed: 6, jaren: 2020...2020).bestanden()
        #expect(a.first { $0.naam == "declaraties.csv" }?.inhoud != c.first { $0.naam == "declaraties.csv" }?.inhoud)
    }

    /// The generated files go through the real import without a single rejected row, and the region looks like
    /// Regio Amersfoort (Tests/Fixtures/reference: ~9,000 clients and EUR 55-70 mln a year; unique counts not additive).
    @Test func demoregioImporteertEnLijktOpDeRegio() throws {
        let store = try SQLiteStore(pad: ":memory:")
        let importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 3, count: 32)))
        for b in Demoregio(seed: 1).bestanden() {
            let v = importeur.importeer(bestand: b.naam, bytes: Array(b.inhoud.utf8), nu: "")
            #expect(v.fouten.isEmpty, "\(b.naam): \(v.fouten.prefix(3))")
        }
        let g = try store.gegevens()
        #expect(g.gemeenten.count == 7)
        #expect(Set(g.percelen.filter(\.verevend).map(\.code)).count == 7)
        #expect((80...140).contains(g.aanbieders.count))
        let r = Monitoring.kengetallen(g, van: Dag.eersteVan(jaar: 2019), tot: Dag.laatsteVan(jaar: 2019), per: .gemeente)
        #expect((8_000...11_000).contains(r.totaal.clienten))
        #expect((Euro(euro: 55_000_000)...Euro(euro: 70_000_000)).contains(r.totaal.gedeclareerd))
        #expect(r.groepen.map(\.clienten).reduce(0, +) >= r.totaal.clienten)  // a mover would count once in the total
        #expect(r.groepen.map(\.gedeclareerd).som() == r.totaal.gedeclareerd)  // money does add up
        // no BSN reaches the store: every client is a pseudonym
        #expect(g.toewijzingen.allSatisfy { $0.client.hasPrefix("P") && $0.client.count == 21 })
        // planted: a client of Soest above EUR 350,000 in 2019
        var perClient: [String: Euro] = [:]
        for d in g.declaraties where d.gemeentecode == "0342" && d.begindatum.jaar == 2019 { perClient[d.client, default: .nul] += d.kosten }
        #expect(perClient.values.contains { $0 > Euro(euro: 350_000) })
        // some requests arrive more than six months after the start of care (memo tekort jeugdhulp 2020, Ouder-Amstel)
        #expect(g.verzoeken.filter { $0.dagenTeLaat > 182 }.count > 100)
    }
}
