import Testing
@testable import RegioCore

private func centen(_ euro: Int64, _ c: Int64 = 0) -> Euro { Euro(centen: euro * 100 + c) }
private func dag(_ s: String) -> Dag { Dag.parse(s)! }

/// The realisation of contracts that are not p x q in the monitoring figures and the equalization (issue 23, point 1),
/// on `ContractenTests.gegevens` plus two BSA lines: one of 75000001 (under its task-based contract: replaced by the
/// payments) and one of 75000002 (no contract: counted). Key 0,6 / 0,4; a schedule counts up to the latest allocation,
/// request or payment: 15-04-2020.
/// - BSA: paid by the region 100.000 in January, February and April (0,6/0,4: 60.000/40.000 each), 50.000 by 0308 in
///   March: 0307 180.000, 0308 170.000; plus 75000002's line of 0308: 700.
/// - SAVE (subsidy, quarterly, nothing paid): the schedule up to June, January 25.000,01 (0307 15.000,01, 0308
///   10.000,00) and April 25.000,00 (15.000/10.000): 0307 30.000,01, 0308 20.000.
/// - AMB of 0307 (lump sum, yearly): 60.000 in January. VBJ p x q: the lines, 0307 1.000, 0308 2.000.
/// Per municipality: 0307 271.000,01 (of which 270.000,01 from contracts), 0308 192.700 (190.000). January 185.000,01.
/// Per provider: 75000001 350.000 + 60.000 + 3.000 = 413.000; 75000002 50.000,01 + 700 = 50.700,01.
@Suite("Contracten in de monitoringcijfers en de verevening")
struct ContractrealisatieTests {
    static let gegevens: Gegevens = {
        var g = ContractenTests.gegevens
        g.producten.append(Product(productcode: "45A04", productcategorie: "45", perceel: "BSA"))
        g.aanbieders.append(Aanbieder(agb: "75000003", naam: "Ander BV"))
        func regel(_ nr: String, _ gemeente: String, _ agb: String, _ van: String, _ tot: String, _ euro: Int64) -> Declaratieregel {
            Declaratieregel(declaratienummer: nr, referentienummer: "R", toewijzingnummer: "T" + nr, client: "C" + nr, gemeentecode: gemeente,
                            agb: agb, productcategorie: "45", productcode: "45A04", begindatum: dag(van), einddatum: dag(tot),
                            bedrag: centen(euro), ingediendOp: dag(tot) + 10)
        }
        g.declaraties += [regel("3", "0307", "75000001", "2020-02-01", "2020-02-29", 500), regel("4", "0308", "75000002", "2020-03-01", "2020-03-31", 700)]
        return g
    }()

    static func figuren(_ per: Groepering, sommen: Bool) throws -> (rijen: [String: Kengetallen], totaal: Kengetallen) {
        var g = gegevens
        let a = sommen ? try Declaratieaggregaten.van(g) : nil
        if sommen { g.declaraties = [] }
        let (rijen, totaal) = Monitoring.kengetallen(g, van: Dag.eersteVan(jaar: 2020), tot: Dag.laatsteVan(jaar: 2020), per: per, aggregaten: a)
        return (Dictionary(uniqueKeysWithValues: rijen.map { ($0.groep, $0) }), totaal)
    }

    @Test("per gemeente, maand en aanbieder, uit de regels en uit de sommen", arguments: [false, true])
    func monitoring(_ sommen: Bool) throws {
        let (g, totaal) = try Self.figuren(.gemeente, sommen: sommen)
        #expect(g["0307"]?.gedeclareerd == centen(271_000, 1) && g["0307"]?.uitContracten == centen(270_000, 1))
        #expect(g["0308"]?.gedeclareerd == centen(192_700) && g["0308"]?.uitContracten == centen(190_000))
        #expect(totaal.gedeclareerd == centen(463_700, 1) && totaal.clienten >= 0)
        let (m, mtot) = try Self.figuren(.maand, sommen: sommen)
        #expect(m["2020-01"]?.gedeclareerd == centen(185_000, 1))
        #expect(m.values.map(\.gedeclareerd).som() == mtot.gedeclareerd)
        let (a, _) = try Self.figuren(.aanbieder, sommen: sommen)
        #expect(a["75000001"]?.gedeclareerd == centen(413_000) && a["75000002"]?.gedeclareerd == centen(50_700, 1))
    }

    @Test("de verevening: SAVE uit het schema, VBJ uit de regels")
    func verevening() throws {
        let k = VerevendeKosten(Self.gegevens, jaren: 2020...2020)
        #expect(k.eigenKosten(jaar: 2020) == ["0307": centen(31_000, 1), "0308": centen(22_000)])
        #expect(k.metJaartotalen(jaar: 2020) == ["0307", "0308"])
        let a = try Declaratieaggregaten.van(Self.gegevens)
        var zonder = Self.gegevens
        zonder.declaraties = []
        #expect(VerevendeKosten(zonder, sommen: a, jaren: 2020...2020).eigenKosten(jaar: 2020) == k.eigenKosten(jaar: 2020))
    }
}
