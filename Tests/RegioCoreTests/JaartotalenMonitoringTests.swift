import Testing
@testable import RegioCore

private func centen(_ euro: Int64, _ c: Int64 = 0) -> Euro { Euro(centen: euro * 100 + c) }

/// Yearly totals (CSV kind `kosten`) in the monitoring figures, worked by hand on `vereveningFixture` (2019):
/// - lines per cell: 0101 VBJ 100.000 + 20.000 − 5.000 = 115.000 (C1, C2), 0101 OOV 50.000 (C1), 0101 AMB 30.000 (C3),
///   0102 OOV 25.000 (C4; the rejected 40.000 does not count), 0102 VBJ 3.100 (C5: half of a line over Dec-Jan);
/// - totals: 0101 VBJ 200.000 (replaces its 115.000), 0103 AMB 7.000,50 (no lines), and 0102 OOV 999 in 2018 (another
///   year: not in 2019's figures).
/// Per municipality: 0101 = 200.000 + 50.000 + 30.000 = 280.000, clients not known; 0102 = 25.000 + 3.100 = 28.100,
/// 2 clients; 0103 = 7.000,50, clients not known. Total 315.100,50. Per lot: VBJ 203.100, OOV 75.000 (2 clients),
/// AMB 37.000,50.
@Suite("Jaartotalen in de monitoringcijfers")
struct JaartotalenMonitoringTests {
    static let gegevens: Gegevens = {
        var g = vereveningFixture
        g.jaarkosten = [Jaarkosten(jaar: 2019, gemeentecode: "0101", perceel: "VBJ", bedrag: centen(200_000)),
                        Jaarkosten(jaar: 2019, gemeentecode: "0103", perceel: "AMB", bedrag: centen(7_000, 50), clienten: 3),
                        Jaarkosten(jaar: 2018, gemeentecode: "0102", perceel: "OOV", bedrag: centen(999))]
        return g
    }()
    static let van = Dag.eersteVan(jaar: 2019), tot = Dag.laatsteVan(jaar: 2019)

    static func perGroep(_ per: Groepering, sommen: Bool) throws -> (rijen: [String: Kengetallen], totaal: Kengetallen) {
        let a = sommen ? try Declaratieaggregaten.van(gegevens) : nil
        var g = gegevens
        if sommen { g.declaraties = [] }
        let (rijen, totaal) = Monitoring.kengetallen(g, van: van, tot: tot, per: per, aggregaten: a)
        return (Dictionary(uniqueKeysWithValues: rijen.map { ($0.groep, $0) }), totaal)
    }

    @Test("per gemeente: het jaartotaal vervangt de regels van zijn cel; cliënten niet beschikbaar", arguments: [false, true])
    func perGemeente(_ sommen: Bool) throws {
        let (r, totaal) = try Self.perGroep(.gemeente, sommen: sommen)
        #expect(r["0101"]?.gedeclareerd == centen(280_000))
        #expect(r["0101"]?.jaartotalen == centen(200_000))
        #expect(r["0101"]?.clienten == -1 && r["0101"]?.clientenTekst == "niet beschikbaar" && r["0101"]?.kostenPerClient == nil)
        #expect(r["0102"]?.gedeclareerd == centen(28_100) && r["0102"]?.clienten == 2 && r["0102"]?.clientenTekst == nil)
        #expect(r["0103"]?.gedeclareerd == centen(7_000, 50) && r["0103"]?.clienten == -1)
        #expect(totaal.gedeclareerd == centen(315_100, 50) && totaal.clienten == -1)
        #expect(r.values.map(\.gedeclareerd).som() == totaal.gedeclareerd)
        // referrer shares still add up: the totals count as referrer unknown
        #expect(totaal.kostenPerVerwijzer.values.som() == totaal.gedeclareerd)
    }

    @Test("per perceel, en per maand met een eigen regel voor de jaartotalen", arguments: [false, true])
    func perPerceelEnMaand(_ sommen: Bool) throws {
        let (p, ptot) = try Self.perGroep(.perceel, sommen: sommen)
        #expect(p["VBJ"]?.gedeclareerd == centen(203_100) && p["VBJ"]?.clienten == -1)
        #expect(p["OOV"]?.gedeclareerd == centen(75_000) && p["OOV"]?.clienten == 2)
        #expect(p["AMB"]?.gedeclareerd == centen(37_000, 50))
        #expect(ptot.gedeclareerd == centen(315_100, 50))
        let (m, mtot) = try Self.perGroep(.maand, sommen: sommen)
        #expect(m[Monitoring.jaartotalenSleutel]?.gedeclareerd == centen(207_000, 50))
        #expect(m[Monitoring.jaartotalenSleutel]?.naam == "Jaartotalen (grootboek)")
        // January: C1's VBJ 100.000 is replaced; C5's 3.100 (0102) stays
        #expect(m["2019-01"]?.gedeclareerd == centen(3_100))
        #expect(m.values.map(\.gedeclareerd).som() == mtot.gedeclareerd && mtot.gedeclareerd == centen(315_100, 50))
    }

    @Test("een periode korter dan een jaar en een filter op een aanbieder: alleen de regels")
    func geenHeelJaar() throws {
        let (rijen, totaal) = Monitoring.kengetallen(Self.gegevens, van: Self.van, tot: Dag.parse("2019-06-30")!, per: .gemeente)
        #expect(rijen.first { $0.groep == "0101" }?.gedeclareerd == centen(195_000))
        #expect(totaal.jaartotalen == .nul && totaal.clienten >= 0)
        let (_, aanbieder) = Monitoring.kengetallen(Self.gegevens, van: Self.van, tot: Self.tot, per: .gemeente,
                                                    filter: { _, _, agb in agb == "75000001" })
        // 75000001 in 2019: C1 VBJ and C2 VBJ of 0101 (replaced by the ledger), C3 AMB 30.000, C4 OOV 25.000, C5 VBJ
        // 3.100 (C1's OOV line is 75000002's); the ledger's totals have no provider
        #expect(aanbieder.gedeclareerd == centen(58_100) && aanbieder.jaartotalen == .nul)
    }
}
