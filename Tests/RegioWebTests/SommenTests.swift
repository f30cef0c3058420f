import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioDemo
import RegioImport
import RegioStore
import Testing
@testable import RegioWeb

/// With up-to-date sums the dashboard does not load the declaration lines (a national year would not fit): every
/// page must then show exactly what it shows from the lines.
@Suite struct SommenTests {
    /// The demo region 2018-2019; with `sommen` the store's sums are built, without they never are (lines are used).
    static func regio(sommen: Bool) throws -> SQLiteStore {
        let store = try SQLiteStore(pad: ":memory:")
        let importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: Webregio.sleutel))
        for b in Demoregio(seed: 1, jaren: 2018...2019).bestanden() {
            let v = importeur.importeer(bestand: b.naam, bytes: Array(b.inhoud.utf8), nu: "2026-01-01T00:00:00Z")
            guard v.fouten.isEmpty else { throw ImportFout.algemeen(v.fouten.map(\.description).joined(separator: "\n")) }
        }
        if sommen { try store.ververstAggregaten() }
        try store.bewaar(Gebruiker(naam: "regio", rol: .regio, wachtwoordHash: Wachtwoord(kosten: 4).hash(Webregio.wachtwoord)))
        return store
    }

    static func paginas(_ store: SQLiteStore, _ paden: [String]) async throws -> [String] {
        let app = bouwToepassing(store: store, instellingen: Instellingen(
            veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
            pseudoniemsleutel: NSTemporaryDirectory() + "regioweb-\(UUID().uuidString)/pseudoniemsleutel", klok: { Webregio.nu }))
        return try await app.test(.router) { c in
            var uit: [String] = []
            let s = try await Web.sessie(c, "regio")
            for pad in paden {
                let r = try await Web.get(c, pad, s)
                #expect(r.status == .ok, "\(pad): \(r.status) \(Web.tekst(r).prefix(300))")
                uit.append(Web.tekst(r))
            }
            return uit
        }
    }

    @Test func bronLaadtGeenRegelsAlsDeSommenKloppen() throws {
        let met = Cijferbron(store: try Self.regio(sommen: true))
        #expect(try met.sommen() != nil && met.gegevens().declaraties.isEmpty && !met.gegevens().verzoeken.isEmpty)
        let zonder = Cijferbron(store: try Self.regio(sommen: false))
        #expect(try zonder.sommen() == nil && !zonder.gegevens().declaraties.isEmpty)
        // the latest day in the data: a request received, an allocation registered or a line submitted
        let g = try zonder.gegevens()
        let laatste = (g.verzoeken.map(\.ontvangenOp) + g.toewijzingen.map(\.toewijzingsdatum) + g.declaraties.map(\.ingediendOp)).max()
        #expect(try zonder.laatsteDag() == laatste && laatste != nil)
        #expect(try met.laatsteDag() == zonder.laatsteDag())
        #expect(try met.standaardJaar() == zonder.standaardJaar())
        let client = try #require(try zonder.gegevens().declaraties.last?.client)
        #expect(try met.declaraties(client: client) == zonder.declaraties(client: client))
        #expect(try !met.declaraties(client: client).isEmpty)
    }

    @Test func paginasUitDeSommenGelijkAanDieUitDeRegels() async throws {
        let zonder = try Self.regio(sommen: false), met = try Self.regio(sommen: true)
        let g = try zonder.gegevens()
        let agb = try #require(Dictionary(grouping: g.declaraties, by: \.agb).max { $0.value.count < $1.value.count }?.key)
        let client = try #require(g.declaraties.last?.client)
        let paden = ["/api/v1/overzicht?jaar=2019", "/api/v1/overzicht?jaar=2018", "/api/v1/gemeente/0307?jaar=2019",
                     "/api/v1/gemeente/0307/clienten?jaar=2019", "/api/v1/percelen?jaar=2019", "/api/v1/percelen/AMB?jaar=2019",
                     "/api/v1/aanbieders?jaar=2019", "/api/v1/aanbieders/\(agb)?jaar=2019", "/api/v1/verevening?jaar=2019",
                     "/api/v1/benchmark?jaar=2019", "/api/v1/prognose?jaar=2019&peildatum=2019-06-30",
                     "/api/v1/prognose?jaar=2019&per=perceel", "/api/v1/client/\(client)", "/", "/gemeente/0307?jaar=2018"]
        // the form token differs per session, nothing else may
        func zonderToken(_ html: String) -> String {
            html.replacingOccurrences(of: #"name="csrf" value="[0-9a-f]+""#, with: "", options: .regularExpression)
        }
        let a = try await Self.paginas(zonder, paden).map(zonderToken), b = try await Self.paginas(met, paden).map(zonderToken)
        for (pad, (x, y)) in zip(paden, zip(a, b)) {
            #expect(x == y, "\(pad): verschilt vanaf teken \(zip(x, y).prefix { $0 == $1 }.count): \(x.dropFirst(max(0, zip(x, y).prefix { $0 == $1 }.count - 80)).prefix(200))")
            #expect(x.count > 500, "\(pad)")
        }
    }
}
