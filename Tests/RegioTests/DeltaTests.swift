import Foundation
import Testing
import RegioCore
@testable import RegioDemo
@testable import RegioImport
import RegioStore

/// A monthly delta (issue 28): the year without December's submissions, then December's lines as a file of their own,
/// then that file again. New lines are merged into the monthly sums, an unchanged file leaves them as they are; either
/// way they must be exactly what a rebuild from every stored line gives, and stay usable for the figures.
@Suite struct DeltaTests {
    typealias Sommen = (kosten: [Declaratieaggregaten.Kostensleutel: Euro], clienten: [Declaratieaggregaten.Clientjaar: Declaratieaggregaten.Clientsom],
                        driehoek: [Declaratieaggregaten.Driehoeksleutel: Euro])

    static func sommen(_ store: any Opslag) throws -> Sommen {
        let a = try #require(try store.aggregaten(jaren: 1...9999, perAanbieder: true), "de sommen zijn niet actueel")
        return (a.kosten, a.clienten, try #require(try store.driehoek()))
    }

    static func bi(_ store: any Opslag) throws -> (maand: [[String]], jaar: [[String]], clienten: [[String]]) {
        (try BITests.lees(store, "SELECT jaar, maand, gemeentecode, perceel, agb, kosten_cent, verplichting_cent FROM bi_t_maand ORDER BY 1, 2, 3, 4, 5"),
         try BITests.lees(store, "SELECT jaar, gemeentecode, perceel, agb, kosten_cent, verplichting_cent, toewijzingen, clienten FROM bi_t_jaar ORDER BY 1, 2, 3, 4"),
         try BITests.lees(store, "SELECT jaar, gemeentecode, clienten FROM bi_t_clienten ORDER BY 1, 2"))
    }

    @Test(arguments: Backend.alle) func deltaEnHerhaaldeDeltaHoudenDeSommenGelijkAanEenHerbouw(_ backend: Backend) throws {
        let map = NSTemporaryDirectory() + "regiodelta-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: map) }
        let bron = map + "/land"
        _ = try Landelijk(seed: 11, jaar: 2025, fractie: 0.002).schrijf(naar: bron)
        // declaraties.csv split by submission date: before December 2025, and from then on
        let regels = try String(contentsOfFile: bron + "/declaraties.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let kop = regels[0], k = try #require(kop.split(separator: ",", omittingEmptySubsequences: false).firstIndex(of: "ingediend_op"))
        var voor: [Substring] = [], december: [Substring] = []
        for r in regels.dropFirst() {
            let d = r.split(separator: ",", omittingEmptySubsequences: false)[k]
            if d < "2025-12-01" { voor.append(r) } else { december.append(r) }
        }
        #expect(voor.count > 1_000 && december.count > 100)
        try FileManager.default.removeItem(atPath: bron + "/declaraties.csv")
        try ([kop] + voor).joined(separator: "\n").appending("\n").write(toFile: bron + "/declaraties-voor-december.csv", atomically: true, encoding: .utf8)
        let delta = map + "/declaraties-december.csv"
        try ([kop] + december).joined(separator: "\n").appending("\n").write(toFile: delta, atomically: true, encoding: .utf8)

        let opslag = try backend.maak(bestand: true)
        let store = opslag.store
        let importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 4, count: 32)))
        for v in importeur.importeer(paden: try FileManager.default.contentsOfDirectory(atPath: bron).map { bron + "/" + $0 }, nu: "") {
            #expect(v.fouten.isEmpty, "\(v.bestand): \(v.fouten.prefix(3))")
        }
        #expect(try store.aggregatenActueel())
        let zonderDecember = try Self.sommen(store)

        // December's lines: all new, merged into the stored sums
        let eerste = try #require(importeur.importeer(paden: [delta], nu: "").first)
        #expect(eerste.fouten.isEmpty && eerste.telling.toegevoegd == december.count && eerste.telling.ongewijzigd == 0)
        #expect(try store.aggregatenActueel())
        let naDelta = try Self.sommen(store)
        let biNaDelta = try Self.bi(store)
        #expect(naDelta.driehoek != zonderDecember.driehoek)   // December's submissions are in the triangle now

        // the same file again: every line stored as it is, the sums untouched but up to date
        let tweede = try #require(importeur.importeer(paden: [delta], nu: "").first)
        #expect(tweede.fouten.isEmpty && tweede.telling.ongewijzigd == december.count && tweede.telling.toegevoegd == 0)
        #expect(try store.aggregatenActueel())
        let naHerhaling = try Self.sommen(store)
        #expect(naHerhaling.kosten == naDelta.kosten && naHerhaling.clienten == naDelta.clienten && naHerhaling.driehoek == naDelta.driehoek)

        // both equal the sums rebuilt from every stored line
        try store.ververstAggregaten()
        let herbouwd = try Self.sommen(store)
        #expect(herbouwd.kosten == naDelta.kosten)
        #expect(herbouwd.clienten == naDelta.clienten)
        #expect(herbouwd.driehoek == naDelta.driehoek)
        // the BI tables made from the merged sums are those made from the rebuilt ones
        let biHerbouwd = try Self.bi(store)
        #expect(!biHerbouwd.maand.isEmpty && biHerbouwd.maand == biNaDelta.maand)
        #expect(!biHerbouwd.jaar.isEmpty && biHerbouwd.jaar == biNaDelta.jaar)
        #expect(!biHerbouwd.clienten.isEmpty && biHerbouwd.clienten == biNaDelta.clienten)
        // and the figures from them equal those from the lines
        let g = try store.gegevens()
        let jaar = Dag.eersteVan(jaar: 2025), einde = Dag.laatsteVan(jaar: 2025)
        let uitRegels = Monitoring.kengetallen(g, van: jaar, tot: einde, per: .gemeente, selectie: Selectie())
        let uitSommen = try Cijferdienst(store).kengetallen(van: jaar, tot: einde, per: .gemeente, selectie: Selectie(), peildatum: nil)
        #expect(uitSommen.basis.sommen != nil)
        #expect(uitSommen.groepen == uitRegels.groepen && uitSommen.totaal == uitRegels.totaal)
    }
}
