import Testing
import RegioCore
@testable import RegioStore

/// The sums are read in two transactions at once (the cost and the client-years, one per core); they are one set of
/// sums only when both transactions saw the same stored data.
@Suite struct SomlezingTests {
    static func helft(_ stand: String, client: String, centen: Int64) -> (stand: String, sommen: Declaratieaggregaten) {
        var a = Declaratieaggregaten()
        a.kosten[.init(gemeentecode: "0307", productcategorie: "45", productcode: "45A48", agb: "12345678", verwijzer: "01",
                       maand: Maand(jaar: 2025, maand: 3))] = Euro(centen: centen)
        a.clienten[.init(client: client, gemeentecode: "0307", productcategorie: "45", productcode: "45A48", agb: "12345678",
                         verwijzer: "01", jaar: 2025)] = .init(bedrag: Euro(centen: centen), maanden: 4)
        return (stand, a)
    }

    @Test func eenStandGeeftDeKostenVanDeEneEnDeClientenVanDeAndere() throws {
        let c = Self.helft("7/100/20", client: "A", centen: 1), k = Self.helft("7/100/20", client: "B", centen: 2)
        var opnieuw = 0
        let a = try #require(samengevoegd(clienten: c, kosten: k, opnieuw: { opnieuw += 1; return nil }))
        #expect(opnieuw == 0)
        #expect(a.kosten == k.sommen.kosten && a.clienten == c.sommen.clienten)
    }

    /// An import between the two reads: their stamps differ, and the sums are read again as one.
    @Test func tweeStandenLezenOpnieuw() throws {
        let c = Self.helft("7/100/20", client: "A", centen: 1), k = Self.helft("8/140/20", client: "B", centen: 2)
        let geheel = Self.helft("8/140/20", client: "C", centen: 3).sommen
        var opnieuw = 0
        let a = try samengevoegd(clienten: c, kosten: k, opnieuw: { opnieuw += 1; return geheel })
        #expect(opnieuw == 1 && a == geheel)
    }

    /// Either read found the sums out of date: none, without reading again.
    @Test func verouderdIsGeen() throws {
        let c = Self.helft("7/100/20", client: "A", centen: 1)
        var opnieuw = 0
        #expect(samengevoegd(clienten: c, kosten: nil, opnieuw: { opnieuw += 1; return c.sommen }) == nil)
        #expect(samengevoegd(clienten: nil, kosten: c, opnieuw: { opnieuw += 1; return c.sommen }) == nil)
        #expect(opnieuw == 0)
    }
}
