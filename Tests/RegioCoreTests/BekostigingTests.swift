import Foundation
import Testing
import RegioCore

// Amounts in these tests are written in whole euros or cents by hand; the expected answers are worked out in comments.
private func eur(_ e: Int64) -> Euro { Euro(euro: e) }
private func ct(_ c: Int64) -> Euro { Euro(centen: c) }

/// Tests/Fixtures/reference/bsa-businesscase.csv, found from this file (two folders up is Tests);
/// symlinks are resolved so the test also runs from a package that links this file.
private func bsaBestand() throws -> (tekst: String, pad: String) {
    let hier = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    let pad = hier.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reference/bsa-businesscase.csv").path
    return (try String(contentsOfFile: pad, encoding: .utf8), pad)
}

private func bsaBusinessCase(_ tolerantie: BusinessCase.Tolerantie = .bsaTabel) throws -> BusinessCase {
    let bestand = try bsaBestand()
    return BusinessCase(jaren: try BusinessCase.lees(csv: bestand.tekst, bestand: "bsa-businesscase.csv"),
                        tolerantie: tolerantie)
}

// MARK: - Business case on the BSA table (raadsbijeenkomst regio Amersfoort, 3 juni 2020, 3 June 2020)

@Suite("Business case BSA")
struct BusinessCaseBSATests {
    @Test func leestHetBestand() throws {
        let jaren = try BusinessCase.lees(csv: try bsaBestand().tekst, bestand: "bsa-businesscase.csv")
        #expect(jaren.map(\.jaar) == [2019, 2020, 2021, 2022, 2023, 2024])
        // second data line of the file: 2020,31866000,30037000,483000,512000,-1830000,-2825000,2224,14326
        #expect(jaren[1] == BusinessCase.Jaar(
            jaar: 2020, zorglevering: eur(31_866_000), budget: eur(30_037_000), eenmaligeInvesteringen: eur(483_000),
            extraFinanciering: eur(512_000), uniekeClienten: 2224, gedruktVerschilSubtotaal: eur(-1_830_000),
            gedruktVerschilTotaal: eur(-2_825_000), gedruktePrijsPerClient: eur(14_326)))
    }

    // subtotal = budget − care; total = subtotal − one-off investments − extra funding (amounts in thousands):
    // 2019: 28,426 − 30,670 = −2,244; no one-off items
    // 2020: 30,037 − 31,866 = −1,829 (printed −1,830); −1,829 − 483 − 512 = −2,824
    // 2021: 30,037 − 31,108 = −1,071; −1,071 − 771 − 512 = −2,354 (printed −2,355)
    // 2022: 30,037 − 30,598 = −561; 2023: 30,037 − 30,154 = −117; 2024: 30,037 − 29,299 = +738
    @Test(arguments: [
        (2019, Int64(-2_244_000), Int64(-2_244_000)), (2020, -1_829_000, -2_824_000), (2021, -1_071_000, -2_354_000),
        (2022, -561_000, -561_000), (2023, -117_000, -117_000), (2024, 738_000, 738_000),
    ])
    func verschillen(jaar: Int, subtotaal: Int64, totaal: Int64) throws {
        let u = try #require(try bsaBusinessCase().uitkomst(jaar: jaar))
        #expect(u.verschilSubtotaal == eur(subtotaal))
        #expect(u.verschilTotaal == eur(totaal))
    }

    // The source: "Tekort 2019-2022: € 8,0 mln". Computed: 2,244 + 2,824 + 2,354 + 561 = 7,983 thousand.
    // Through 2024: −7,983 − 117 + 738 = −7,362 thousand.
    @Test func cumulatiefTekort() throws {
        let bc = try bsaBusinessCase()
        let t2022 = try #require(bc.uitkomst(jaar: 2022))
        #expect(t2022.cumulatiefVerschil == eur(-7_983_000))
        #expect(t2022.cumulatiefTekort == eur(7_983_000))
        let t2024 = try #require(bc.uitkomst(jaar: 2024))
        #expect(t2024.cumulatiefVerschil == eur(-7_362_000))
        #expect(t2024.cumulatiefTekort == eur(7_362_000))
        // the EUR 8.0 mln of the source = 2.2 (2019) + 1.25 one-off + 1.0 complex care + 3.5 care (subtotals 2020-2022):
        // 1,829 + 1,071 + 561 = 3,461 thousand
        let zorg = bc.uitkomsten.filter { (2020...2022).contains($0.jaar) }.map(\.verschilSubtotaal).som()
        #expect(zorg == eur(-3_461_000))
    }

    // price = care / clients to the cent, half away from zero:
    // 30,670,000 / 2,221 = 13,809.095002 -> 1,380,909.5002 cents -> 13,809.10
    // 31,866,000 / 2,224 = 14,328.2374 -> 14,328.24; 31,108,000 / 2,181 = 14,263.1820 -> 14,263.18
    // 30,598,000 / 2,162 = 14,152.6364 -> 14,152.64; 30,154,000 / 2,177 = 13,851.1713 -> 13,851.17
    // 29,299,000 / 2,179 = 13,446.0762 -> 13,446.08
    @Test(arguments: [(2019, Int64(1_380_910)), (2020, 1_432_824), (2021, 1_426_318), (2022, 1_415_264),
                      (2023, 1_385_117), (2024, 1_344_608)])
    func prijsPerClient(jaar: Int, centen: Int64) throws {
        #expect(try bsaBusinessCase().uitkomst(jaar: jaar)?.prijsPerClient == ct(centen))
    }

    // Only 2019's price is off: printed 14,313 against 13,809.10, EUR 503.90 more than the EUR 5 tolerance.
    // 14,313 would need 30,670,000 / 14,313 = 2,142.8 -> 2,143 clients, or 14,313 x 2,221 = 31,789,173 of care.
    @Test func alleen2019WijktAf() throws {
        let bc = try bsaBusinessCase()
        #expect(bc.controles.count == 18)
        let a = try #require(bc.afwijkingen.first)
        #expect(bc.afwijkingen.count == 1)
        #expect(a.jaar == 2019 && a.veld == .prijsPerClient)
        #expect(a.gedrukt == eur(14_313) && a.berekend == ct(1_380_910))
        #expect(a.afwijking == ct(50_390))
        #expect(a.uitleg.hasPrefix("2019 prijs per cliënt: gedrukt € 14.313,00, "
                                   + "berekend: zorglevering € 30.670.000,00 / 2.221 cliënten = € 13.809,10;"))
        #expect(a.uitleg.contains("afwijking € 503,90 is groter dan de tolerantie van € 5,00"))
        #expect(a.uitleg.contains("2.143 cliënten"))
        #expect(a.uitleg.contains("€ 31.789.173,00"))
    }

    // 2020's printed subtotal −1,830,000 lies 1,000 from −1,829,000: rounding, within tolerance.
    @Test func afrondingBinnenTolerantie() throws {
        let c = try #require(try bsaBusinessCase().controles.first { $0.jaar == 2020 && $0.veld == .verschilSubtotaal })
        #expect(c.klopt)
        #expect(c.afwijking == eur(-1_000))
        #expect(c.uitleg.contains("valt binnen de tolerantie van € 1.000,00"))
    }

    // With no tolerance: 2020 subtotal, 2021 total (−1,071 − 771 − 512 = −2,354, printed −2,355), 2022 and 2023 subtotal,
    // and all six prices (none is an exact cent amount of care / clients) = 10.
    @Test func zonderTolerantie() throws {
        let bc = try bsaBusinessCase(.init(bedragen: .nul, prijsPerClient: .nul))
        let bedragen = bc.afwijkingen.filter { $0.veld != .prijsPerClient }.map { "\($0.jaar) \($0.veld.rawValue)" }
        #expect(bedragen == ["2020 verschil_subtotaal_eur", "2021 verschil_totaal_eur", "2022 verschil_subtotaal_eur",
                             "2023 verschil_subtotaal_eur"])
        #expect(bc.afwijkingen.count == 10)
    }
}

// MARK: - Business case on small literal data

@Suite("Business case")
struct BusinessCaseTests {
    // Years out of order: cumulative runs by year. 2001: 100 − 150 = −50; 2000: 100 − 80 = +20.
    // Sorted: 2000 +20 (cum +20), 2001 −50 (cum −30, shortfall 30).
    @Test func cumulatiefOpJaarvolgorde() {
        let bc = BusinessCase(jaren: [
            .init(jaar: 2001, zorglevering: eur(150), budget: eur(100)),
            .init(jaar: 2000, zorglevering: eur(80), budget: eur(100)),
        ], tolerantie: .bsaTabel)
        #expect(bc.uitkomsten.map(\.jaar) == [2000, 2001])
        #expect(bc.uitkomsten.map(\.cumulatiefVerschil) == [eur(20), eur(-30)])
        #expect(bc.uitkomsten.map(\.cumulatiefTekort) == [.nul, eur(30)])
        #expect(bc.controles.isEmpty)
    }

    // Printed subtotal wrong by 100,000 (budget 1,000,000 − care 1,200,000 = −200,000, printed −300,000); the printed
    // total −350,000 = printed subtotal −300,000 − 50,000 one-off: only the subtotal is flagged.
    @Test func foutInSubtotaalTeltEenKeer() {
        let bc = BusinessCase(jaren: [
            .init(jaar: 2020, zorglevering: eur(1_200_000), budget: eur(1_000_000), eenmaligeInvesteringen: eur(50_000),
                  gedruktVerschilSubtotaal: eur(-300_000), gedruktVerschilTotaal: eur(-350_000)),
        ], tolerantie: .bsaTabel)
        #expect(bc.afwijkingen.map(\.veld) == [.verschilSubtotaal])
        #expect(bc.afwijkingen.first?.berekend == eur(-200_000))
        #expect(bc.uitkomsten.first?.verschilTotaal == eur(-250_000))
    }

    // Without a printed subtotal the total is checked against the computed one: −200,000 − 50,000 = −250,000.
    @Test func totaalZonderGedruktSubtotaal() {
        let bc = BusinessCase(jaren: [
            .init(jaar: 2020, zorglevering: eur(1_200_000), budget: eur(1_000_000), eenmaligeInvesteringen: eur(50_000),
                  gedruktVerschilTotaal: eur(-252_000)),
        ], tolerantie: .bsaTabel)
        let c = bc.afwijkingen.first
        #expect(c?.berekend == eur(-250_000) && c?.afwijking == eur(-2_000))
        #expect(c?.uitleg.contains("verschil (subtotaal, berekend)") == true)
    }

    @Test func geenClienten() {
        let bc = BusinessCase(jaren: [
            .init(jaar: 2020, zorglevering: eur(100), budget: eur(100), uniekeClienten: 0, gedruktePrijsPerClient: eur(5)),
        ], tolerantie: .bsaTabel)
        #expect(bc.uitkomsten.first?.prijsPerClient == nil)
        #expect(bc.afwijkingen.count == 1)
        #expect(bc.afwijkingen.first?.uitleg.contains("geen aantal cliënten") == true)
    }

    // 100.00 / 3 = 33.333 -> 33.33; 200.00 / 3 = 66.667 -> 66.67 (half away from zero).
    @Test(arguments: [(Int64(10_000), Int64(3), Int64(3_333)), (20_000, 3, 6_667), (1, 2, 1), (5, 4, 1)])
    func prijsAfronding(zorgCenten: Int64, clienten: Int64, verwacht: Int64) {
        let bc = BusinessCase(jaren: [.init(jaar: 2020, zorglevering: ct(zorgCenten), budget: .nul, uniekeClienten: clienten)],
                              tolerantie: .bsaTabel)
        #expect(bc.uitkomsten.first?.prijsPerClient == ct(verwacht))
    }
}

// MARK: - Reading the CSV

@Suite("Business case CSV")
struct BusinessCaseCSVTests {
    // ';' separated, CRLF, BOM, quotes, columns reordered, optional columns absent.
    @Test func puntkommaEnAanhalingstekens() throws {
        let tekst = "\u{FEFF}budget_eur;jaar;zorglevering_eur;unieke_clienten\r\n\"1.000,50\";2021;\"900\";3\r\n\r\n"
        let jaren = try BusinessCase.lees(csv: tekst, bestand: "x.csv")
        #expect(jaren == [BusinessCase.Jaar(jaar: 2021, zorglevering: eur(900), budget: ct(100_050), uniekeClienten: 3)])
    }

    @Test func legeOptioneleCellen() throws {
        let tekst = "jaar,zorglevering_eur,budget_eur,eenmalige_investeringen_eur,verschil_totaal_eur,unieke_clienten\n2020,10,20,,,\n"
        let j = try #require(try BusinessCase.lees(csv: tekst, bestand: "x.csv").first)
        #expect(j.eenmaligeInvesteringen == .nul && j.gedruktVerschilTotaal == nil && j.uniekeClienten == nil)
    }

    private static let kop = "jaar,zorglevering_eur,budget_eur"

    // (file, message)
    static let foutgevallen: [(String, String)] = [
        ("", "bc.csv:1: het bestand is leeg; de kopregel ontbreekt"),
        ("jaar,zorglevering_eur\n2020,1", "bc.csv:1: budget_eur: verplichte kolom ontbreekt in de kopregel"),
        ("jaar,zorglevering_eur,budget_eur,budget_eur", "bc.csv:1: budget_eur: kolom staat twee keer in de kopregel"),
        (kop, "bc.csv:1: het bestand bevat geen jaren, alleen een kopregel"),
        (kop + "\n2020,1,2,3", "bc.csv:2: 4 velden, maar de kopregel heeft er 3"),
        (kop + "\n20,1,2", "bc.csv:2: jaar: geen jaartal van vier cijfers: '20'"),
        (kop + "\n,1,2", "bc.csv:2: jaar: waarde ontbreekt"),
        (kop + "\n2020,,2", "bc.csv:2: zorglevering_eur: waarde ontbreekt"),
        (kop + "\n2020,1,-2", "bc.csv:2: budget_eur: bedrag mag niet negatief zijn: '-2'"),
        (kop + "\n2020,1,\"2", "bc.csv:2: aanhalingsteken niet afgesloten"),
        (kop + "\n2020,1,2\n\n2020,3,4", "bc.csv:4: jaar: jaar 2020 staat ook al op regel 2"),
        (kop + ",unieke_clienten\n2020,1,2,2.221", "bc.csv:2: unieke_clienten: geen aantal (geheel getal, niet negatief): '2.221'"),
        (kop + ",unieke_clienten\n2020,1,2,-1", "bc.csv:2: unieke_clienten: geen aantal (geheel getal, niet negatief): '-1'"),
    ]

    @Test(arguments: foutgevallen)
    func fouten(tekst: String, melding: String) {
        #expect(Self.fout(tekst)?.description == melding)
    }

    private static func fout(_ tekst: String) -> BusinessCaseFout? {
        do throws(BusinessCaseFout) {
            _ = try BusinessCase.lees(csv: tekst, bestand: "bc.csv")
            return nil
        } catch {
            return error
        }
    }

    // "1.234" could be 1234 or 1.234: refused, never guessed.
    @Test func dubbelzinnigBedrag() throws {
        let f = try #require(Self.fout(Self.kop + "\n2020,1.234,2"))
        #expect(f.regel == 2 && f.kolom == "zorglevering_eur")
        #expect(f.description.hasPrefix("bc.csv:2: zorglevering_eur: geen (eenduidig) bedrag: '1.234'"))
    }

    @Test func onbekendeKolom() throws {
        let f = try #require(Self.fout("jaar,kosten,budget_eur,zorglevering_eur\n"))
        #expect(f.description.hasPrefix("bc.csv:1: kosten: onbekende kolom; verwacht zijn: jaar, zorglevering_eur,"))
    }
}

// MARK: - Lump sum

@Suite("Lumpsum")
struct LumpsumTests {
    // 100,000.00 = 10,000,000 cents; / 12 = 833,333 rest 4: January-April 8,333.34, May-December 8,333.33.
    // 4 x 833,334 + 8 x 833,333 = 3,333,336 + 6,666,664 = 10,000,000.
    @Test func twaalfdeMetRestcenten() throws {
        let l = try Bekostiging.Lumpsum(jaarbedrag: eur(100_000), jaar: 2022, productie: [])
        #expect(l.betalingen == Array(repeating: ct(833_334), count: 4) + Array(repeating: ct(833_333), count: 8))
        #expect(l.maanden.first?.maand == Maand(jaar: 2022, maand: 1) && l.maanden.last?.maand == Maand(jaar: 2022, maand: 12))
        #expect(l.maanden[3].cumulatiefBetaald == ct(3_333_336))
        #expect(l.jaarverschil == nil && l.laatsteBekendeMaand == nil)
    }

    // 120,000 a year = 10,000 a month. Production January 9,000, February 11,500, March 10,000:
    // paid 10,000 / 20,000 / 30,000; produced 9,000 / 20,500 / 30,500; balance +1,000 / −500 / −500.
    @Test func halverwegeHetJaar() throws {
        let l = try Bekostiging.Lumpsum(jaarbedrag: eur(120_000), jaar: 2022,
                                        productie: [eur(9_000), eur(11_500), eur(10_000)])
        #expect(l.maanden.prefix(3).map(\.saldo) == [eur(1_000), eur(-500), eur(-500)])
        #expect(l.maanden.prefix(3).map(\.cumulatiefProductie) == [eur(9_000), eur(20_500), eur(30_500)])
        #expect(l.maanden[3].productie == nil && l.maanden[3].saldo == nil && l.maanden[3].cumulatiefBetaald == eur(40_000))
        #expect(l.laatsteBekendeMaand?.maand == Maand(jaar: 2022, maand: 3))
        #expect(l.jaarverschil == nil)
    }

    // Eleven months of 10,000 and December 13,456.78: production 123,456.78; year-end 120,000 − 123,456.78 = −3,456.78.
    // November: 110,000 paid, 110,000 produced, balance 0.
    @Test func jaareinde() throws {
        let l = try Bekostiging.Lumpsum(jaarbedrag: eur(120_000), jaar: 2022,
                                        productie: Array(repeating: eur(10_000), count: 11) + [ct(1_345_678)])
        #expect(l.maanden[10].saldo == .nul)
        #expect(l.jaarverschil == ct(-345_678))
    }

    // The twelve payments add up to the year exactly, differ by at most a cent, and leftover cents come first.
    @Test(arguments: [Int64(0), 1, 11, 13, 1_000_001, 3_003_700_000, 99_999_999_999, -100_005])
    func behoudVanGeld(centen: Int64) throws {
        let b = try Bekostiging.Lumpsum(jaarbedrag: ct(centen), jaar: 2023, productie: []).betalingen
        #expect(b.count == 12)
        #expect(b.som() == ct(centen))
        #expect(b.max()!.centen - b.min()!.centen <= 1)
        #expect(zip(b, b.dropFirst()).allSatisfy { $0.centen.magnitude >= $1.centen.magnitude })
    }

    @Test func dertienMaanden() {
        #expect(throws: BekostigingFout.self) {
            try Bekostiging.Lumpsum(jaarbedrag: eur(1), jaar: 2022, productie: Array(repeating: .nul, count: 13))
        }
    }
}

// MARK: - Trajectory price versus actual cost

@Suite("Trajectprijs")
struct TrajectprijsTests {
    // memo tekort jeugdhulp 2020, Ouder-Amstel: a trajectory of 10,000 for two years; actual cost settles 7,500 in year 1 and 7,500 in year 2 = 15,000.
    // Price paid once in 2019: 2019 10,000 vs 7,500 (−2,500), 2020 0 vs 7,500 (+7,500); total 10,000 vs 15,000 (+5,000).
    // Cumulative actual 7,500 <= 10,000 in 2019, 15,000 > 10,000 in 2020: the turn comes in 2020.
    @Test func voorbeeldUitDeMemo() throws {
        let v = try Bekostiging.Trajectvergelijking(trajectprijs: eur(10_000), startjaar: 2019, betaalwijze: .eenmalig,
                                                    werkelijkeKosten: [eur(7_500), eur(7_500)])
        #expect(v.jaren.map(\.jaar) == [2019, 2020])
        #expect(v.jaren.map(\.trajectbetaling) == [eur(10_000), .nul])
        #expect(v.jaren.map(\.verschil) == [eur(-2_500), eur(7_500)])
        #expect(v.jaren.map(\.cumulatiefVerschil) == [eur(-2_500), eur(5_000)])
        #expect(v.totaalTraject == eur(10_000) && v.totaalWerkelijk == eur(15_000) && v.totaalVerschil == eur(5_000))
        #expect(v.omslagjaar == 2020)
    }

    // Paid per year over two years: 5,000 + 5,000. Year 1: 7,500 − 5,000 = +2,500, already more: turn in 2019.
    @Test func gespreidOverTweeJaar() throws {
        let v = try Bekostiging.Trajectvergelijking(trajectprijs: eur(10_000), startjaar: 2019, betaalwijze: .gespreid(jaren: 2),
                                                    werkelijkeKosten: [eur(7_500), eur(7_500)])
        #expect(v.jaren.map(\.trajectbetaling) == [eur(5_000), eur(5_000)])
        #expect(v.jaren.map(\.verschil) == [eur(2_500), eur(2_500)])
        #expect(v.totaalVerschil == eur(5_000) && v.omslagjaar == 2019)
    }

    // The memo's 2018 choice: settle on actual cost, expecting the care to end soon; it ran on. Price 10,000 (2018),
    // actual 4,000 a year 2018-2020: cumulative −6,000, −2,000, +2,000: the advantage turns into a disadvantage in 2020.
    @Test func voordeelWordtNadeel() throws {
        let v = try Bekostiging.Trajectvergelijking(trajectprijs: eur(10_000), startjaar: 2018, betaalwijze: .eenmalig,
                                                    werkelijkeKosten: Array(repeating: eur(4_000), count: 3))
        #expect(v.jaren.map(\.cumulatiefVerschil) == [eur(-6_000), eur(-2_000), eur(2_000)])
        #expect(v.omslagjaar == 2020)
    }

    // Actual 3,000 + 2,000 = 5,000 stays under the price: total −5,000, no turn.
    @Test func blijftOnderDePrijs() throws {
        let v = try Bekostiging.Trajectvergelijking(trajectprijs: eur(10_000), startjaar: 2021, betaalwijze: .eenmalig,
                                                    werkelijkeKosten: [eur(3_000), eur(2_000)])
        #expect(v.totaalVerschil == eur(-5_000) && v.omslagjaar == nil)
    }

    // 100.00 over 3 years: 33.34, 33.33, 33.33; actual cost runs one year longer, paid 0 that year.
    @Test func gespreidMetRestcent() throws {
        let v = try Bekostiging.Trajectvergelijking(trajectprijs: eur(100), startjaar: 2020, betaalwijze: .gespreid(jaren: 3),
                                                    werkelijkeKosten: [eur(10), eur(10), eur(10), eur(10)])
        #expect(v.jaren.map(\.trajectbetaling) == [ct(3_334), ct(3_333), ct(3_333), .nul])
        #expect(v.jaren.map(\.jaar) == [2020, 2021, 2022, 2023])
        #expect(v.totaalTraject == eur(100) && v.jaren.last?.cumulatiefTraject == eur(100))
    }

    @Test(arguments: [0, -1, 101])
    func ongeldigAantalJaren(jaren: Int) {
        #expect(throws: BekostigingFout.self) {
            try Bekostiging.Trajectvergelijking(trajectprijs: eur(1), startjaar: 2020, betaalwijze: .gespreid(jaren: jaren),
                                                werkelijkeKosten: [])
        }
    }
}

// MARK: - Norm budgets

@Suite("Normbudget")
struct NormbudgetTests {
    typealias A = Bekostiging.Normbudgetaanvraag

    private func budgetten(_ beschikbaar: Euro, _ a: [A], gewichten: [Int64]? = nil) throws -> [Euro] {
        try Bekostiging.normbudgetten(beschikbaar: beschikbaar, aanvragen: a, jaargewichten: gewichten).map(\.normbudget)
    }

    // Use 500k / 300k / 200k (1,000k), available 900k: 90% each = 450k / 270k / 180k.
    @Test func naarVerhouding() throws {
        let a = [A(aanbieder: "A", gebruik: [eur(500_000)]), A(aanbieder: "B", gebruik: [eur(300_000)]),
                 A(aanbieder: "C", gebruik: [eur(200_000)])]
        #expect(try budgetten(eur(900_000), a) == [eur(450_000), eur(270_000), eur(180_000)])
    }

    // 100.00 over three equal users: 33.34 / 33.33 / 33.33 (the leftover cent to the first on a tie).
    @Test func restcent() throws {
        let a = ["A", "B", "C"].map { A(aanbieder: $0, gebruik: [eur(7)]) }
        #expect(try budgetten(eur(100), a) == [ct(3_334), ct(3_333), ct(3_333)])
    }

    // C has a floor of 200k: C gets 200k, the other 700k goes 5:3 to A and B = 437,500 / 262,500.
    @Test func ondergrens() throws {
        let a = [A(aanbieder: "A", gebruik: [eur(500_000)]), A(aanbieder: "B", gebruik: [eur(300_000)]),
                 A(aanbieder: "C", gebruik: [eur(200_000)], ondergrens: eur(200_000))]
        let n = try Bekostiging.normbudgetten(beschikbaar: eur(900_000), aanvragen: a)
        #expect(n.map(\.normbudget) == [eur(437_500), eur(262_500), eur(200_000)])
        #expect(n.map(\.begrenzing) == [nil, nil, .ondergrens])
    }

    // A has a cap of 400k (its share would be 450k): A 400k, the other 500k goes 3:2 to B and C = 300k / 200k.
    @Test func plafond() throws {
        let a = [A(aanbieder: "A", gebruik: [eur(500_000)], plafond: eur(400_000)), A(aanbieder: "B", gebruik: [eur(300_000)]),
                 A(aanbieder: "C", gebruik: [eur(200_000)])]
        let n = try Bekostiging.normbudgetten(beschikbaar: eur(900_000), aanvragen: a)
        #expect(n.map(\.normbudget) == [eur(400_000), eur(300_000), eur(200_000)])
        #expect(n.map(\.begrenzing) == [.plafond, nil, nil])
    }

    // Use A 100k (floor 250k), B 100k, C 800k (cap 700k), available 1,000k. Shares at 100%: A 100k is 150k under its
    // floor, C 800k is 100k over its cap; the floor shortfall is larger, so the scale must go down: fix A at 250k.
    // The other 750k goes 1:8: B 83,333.33 (rest 1/3 cent), C 666,666.67 (rest 2/3 cent gets the leftover cent),
    // under C's cap. (Fixing C at its cap first would give B only 50k: wrong proportions.)
    @Test func ondergrensWeegtZwaarder() throws {
        let a = [A(aanbieder: "A", gebruik: [eur(100_000)], ondergrens: eur(250_000)), A(aanbieder: "B", gebruik: [eur(100_000)]),
                 A(aanbieder: "C", gebruik: [eur(800_000)], plafond: eur(700_000))]
        let n = try Bekostiging.normbudgetten(beschikbaar: eur(1_000_000), aanvragen: a)
        #expect(n.map(\.normbudget) == [eur(250_000), ct(8_333_333), ct(66_666_667)])
        #expect(n.map(\.begrenzing) == [.ondergrens, nil, nil])
    }

    // Same, floor 200k: shortfall 100k equals excess 100k, so 100% is the right scale: A 200k, B 100k, C 700k.
    @Test func gelijkeOverschrijdingen() throws {
        let a = [A(aanbieder: "A", gebruik: [eur(100_000)], ondergrens: eur(200_000)), A(aanbieder: "B", gebruik: [eur(100_000)]),
                 A(aanbieder: "C", gebruik: [eur(800_000)], plafond: eur(700_000))]
        #expect(try budgetten(eur(1_000_000), a) == [eur(200_000), eur(100_000), eur(700_000)])
    }

    // Two years, weights 1 and 3: A 400k + 3 x 600k = 2,200k; B 300k + 900k = 1,200k; C 300k + 300k = 600k; sum 4,000k.
    // Available 800k: 800 x 22/40 = 440k, 800 x 12/40 = 240k, 800 x 6/40 = 120k.
    // Weighted average use: 2,200k / 4 = 550k, 300k, 150k.
    @Test func jaargewichten() throws {
        let a = [A(aanbieder: "A", gebruik: [eur(400_000), eur(600_000)]), A(aanbieder: "B", gebruik: [eur(300_000), eur(300_000)]),
                 A(aanbieder: "C", gebruik: [eur(300_000), eur(100_000)])]
        let n = try Bekostiging.normbudgetten(beschikbaar: eur(800_000), aanvragen: a, jaargewichten: [1, 3])
        #expect(n.map(\.normbudget) == [eur(440_000), eur(240_000), eur(120_000)])
        #expect(n.map(\.gewogenGebruik) == [eur(550_000), eur(300_000), eur(150_000)])
    }

    // A new provider D without use but with a floor of 10k gets 10k; the other 900k as in naarVerhouding.
    @Test func zonderGebruikMetOndergrens() throws {
        let a = [A(aanbieder: "A", gebruik: [eur(500_000)]), A(aanbieder: "B", gebruik: [eur(300_000)]),
                 A(aanbieder: "C", gebruik: [eur(200_000)]), A(aanbieder: "D", gebruik: [.nul], ondergrens: eur(10_000))]
        #expect(try budgetten(eur(910_000), a) == [eur(450_000), eur(270_000), eur(180_000), eur(10_000)])
    }

    static let onmogelijkeGevallen: [(Int64, [A])] = [
        // floors 600k + 500k > 1,000k available
        (1_000_000, [A(aanbieder: "A", gebruik: [eur(1)], ondergrens: eur(600_000)),
                            A(aanbieder: "B", gebruik: [eur(1)], ondergrens: eur(500_000))]),
        // every provider capped, caps 400k + 500k < 1,000k
        (1_000_000, [A(aanbieder: "A", gebruik: [eur(1)], plafond: eur(400_000)), A(aanbieder: "B", gebruik: [eur(1)], plafond: eur(500_000))]),
        // nobody used anything
        (1_000, [A(aanbieder: "A", gebruik: [.nul]), A(aanbieder: "B", gebruik: [.nul])]),
        // different numbers of years
        (1_000, [A(aanbieder: "A", gebruik: [eur(1)]), A(aanbieder: "B", gebruik: [eur(1), eur(2)])]),
        // the same provider twice
        (1_000, [A(aanbieder: "A", gebruik: [eur(1)]), A(aanbieder: "A", gebruik: [eur(2)])]),
        // floor above cap
        (1_000, [A(aanbieder: "A", gebruik: [eur(1)], ondergrens: eur(10), plafond: eur(5)), A(aanbieder: "B", gebruik: [eur(1)])]),
    ]

    @Test(arguments: onmogelijkeGevallen)
    func onmogelijk(beschikbaar: Int64, a: [A]) {
        #expect(throws: BekostigingFout.self) { try Bekostiging.normbudgetten(beschikbaar: eur(beschikbaar), aanvragen: a) }
    }

    // Conservation and the formula: the budgets add up to the available means, respect the bounds, the unbounded ones
    // are within a cent of rest x use / unbounded use, and a bound only decides where the scale would cross it.
    // (available, [(use, floor, cap)]) in cents
    static let behoudGevallen: [(Int64, [(Int64, Int64?, Int64?)])] = [
        (90_000_000_01, [(500_000_00, nil, nil), (300_000_00, nil, nil), (200_000_00, nil, nil)]),
        (3_003_700_000, [(1_200_000_00, nil, 1_000_000_00), (700_000_00, 500_000_00, nil), (300_000_00, 400_000_00, nil),
                         (1_00, nil, nil), (99_999_99, 50_000_00, 60_000_00)]),
        (7, [(1, nil, nil), (1, nil, nil), (1, nil, nil)]),
        (1_000_000_00, [(100_000_00, 250_000_00, nil), (100_000_00, nil, nil), (800_000_00, nil, 700_000_00),
                        (33_333_33, nil, 10_000_00)]),
    ]

    @Test(arguments: behoudGevallen)
    func behoudVanGeld(beschikbaar: Int64, delen: [(Int64, Int64?, Int64?)]) throws {
        let a = delen.enumerated().map { i, d in
            A(aanbieder: "P\(i)", gebruik: [ct(d.0)], ondergrens: d.1.map(ct), plafond: d.2.map(ct))
        }
        let n = try Bekostiging.normbudgetten(beschikbaar: ct(beschikbaar), aanvragen: a)
        #expect(n.map(\.normbudget).som() == ct(beschikbaar))
        for (x, d) in zip(n, delen) {
            if let o = d.1 { #expect(x.normbudget.centen >= o) }
            if let p = d.2 { #expect(x.normbudget.centen <= p) }
        }
        let vrij = zip(n, delen).filter { $0.0.begrenzing == nil }
        let rest = Double(beschikbaar - n.filter { $0.begrenzing != nil }.map(\.normbudget.centen).reduce(0, +))
        let somVrij = Double(vrij.map(\.1.0).reduce(0, +))
        let schaal = rest / somVrij
        for (x, d) in vrij { #expect(abs(Double(x.normbudget.centen) - schaal * Double(d.0)) < 1) }
        for (x, d) in zip(n, delen) {
            if x.begrenzing == .ondergrens { #expect(schaal * Double(d.0) <= Double(d.1!) + 1) }
            if x.begrenzing == .plafond { #expect(schaal * Double(d.0) >= Double(d.2!) - 1) }
        }
    }
}

// MARK: - Task-based budget

@Suite("Taakgericht budget")
struct TaakgerichtBudgetTests {
    typealias D = Bekostiging.Taakdeel

    // Budget 1,000,000, key 50 / 30 / 20: ex ante 500k / 300k / 200k.
    // Realisation 550k / 270k / 230k (1,050k): differences +50k / −30k / +30k; the region overran by 50k.
    private let delen = [D(gemeentecode: "A", sleutel: 50, realisatie: eur(550_000)),
                         D(gemeentecode: "B", sleutel: 30, realisatie: eur(270_000)),
                         D(gemeentecode: "C", sleutel: 20, realisatie: eur(230_000))]

    @Test func zonderVerrekening() throws {
        let t = try Bekostiging.TaakgerichtBudget(budget: eur(1_000_000), delen: delen, verrekening: .geen)
        #expect(t.gemeenten.map(\.bijdrageVooraf) == [eur(500_000), eur(300_000), eur(200_000)])
        #expect(t.gemeenten.map(\.verschil) == [eur(50_000), eur(-30_000), eur(30_000)])
        #expect(t.gemeenten.map(\.eindbijdrage) == [eur(500_000), eur(300_000), eur(200_000)])
        #expect(t.totaalVerschil == eur(50_000))
    }

    // The 50k overrun by the key: 25k / 15k / 10k; final 525k / 315k / 210k = 1,050k.
    @Test func verschilNaarSleutel() throws {
        let t = try Bekostiging.TaakgerichtBudget(budget: eur(1_000_000), delen: delen, verrekening: .verschilNaarSleutel)
        #expect(t.gemeenten.map(\.verrekening) == [eur(25_000), eur(15_000), eur(10_000)])
        #expect(t.gemeenten.map(\.eindbijdrage) == [eur(525_000), eur(315_000), eur(210_000)])
    }

    // Underspend: realisation 450k / 270k / 180k = 900k; the −100k back by key: −50k / −30k / −20k.
    @Test func onderbestedingNaarSleutel() throws {
        let d = [D(gemeentecode: "A", sleutel: 50, realisatie: eur(450_000)), D(gemeentecode: "B", sleutel: 30, realisatie: eur(270_000)),
                 D(gemeentecode: "C", sleutel: 20, realisatie: eur(180_000))]
        let t = try Bekostiging.TaakgerichtBudget(budget: eur(1_000_000), delen: d, verrekening: .verschilNaarSleutel)
        #expect(t.gemeenten.map(\.verrekening) == [eur(-50_000), eur(-30_000), eur(-20_000)])
    }

    // The budget by realisation, in cents: 100,000,000 x 55/105 = 52,380,952.38; x 27/105 = 25,714,285.71;
    // x 23/105 = 21,904,761.90. Floors add to 99,999,998: the 2 leftover cents go to C (.90) and B (.71):
    // A 523,809.52, B 257,142.86, C 219,047.62; settlements +23,809.52, −42,857.14, +19,047.62 (sum 0).
    @Test func budgetNaarRealisatie() throws {
        let t = try Bekostiging.TaakgerichtBudget(budget: eur(1_000_000), delen: delen, verrekening: .budgetNaarRealisatie)
        #expect(t.gemeenten.map(\.eindbijdrage) == [ct(52_380_952), ct(25_714_286), ct(21_904_762)])
        #expect(t.gemeenten.map(\.verrekening) == [ct(2_380_952), ct(-4_285_714), ct(1_904_762)])
        #expect(t.totaalVerrekening == .nul)
    }

    // 100.00 by key 1 : 1 : 1 = 33.34 / 33.33 / 33.33.
    @Test func restcentVooraf() throws {
        let d = ["A", "B", "C"].map { D(gemeentecode: $0, sleutel: 1, realisatie: .nul) }
        let t = try Bekostiging.TaakgerichtBudget(budget: eur(100), delen: d, verrekening: .geen)
        #expect(t.gemeenten.map(\.bijdrageVooraf) == [ct(3_334), ct(3_333), ct(3_333)])
    }

    // The BSA budget 2020 (30,037,000) by the unique clients 2020 of the seven municipalities, realisations made up;
    // and an odd amount over odd keys. Ex ante adds up to the budget; by key the settlements add up to Σ realisation −
    // budget; by realisation to 0.
    @Test(arguments: Bekostiging.Verrekening.allCases)
    func behoudVanGeld(verrekening: Bekostiging.Verrekening) throws {
        let clienten: [(String, Int64)] = [("GM0307", 5005), ("GM0308", 624), ("GM0313", 735), ("GM0317", 242),
                                           ("GM0327", 768), ("GM0342", 1254), ("GM0351", 398)]
        let gevallen: [(Euro, [D])] = [
            (eur(30_037_000), clienten.enumerated().map { i, c in
                D(gemeentecode: c.0, sleutel: c.1, realisatie: ct(c.1 * 1_433_317 + Int64(i) * 99_999_97)) }),
            (ct(1_000_001), [D(gemeentecode: "X", sleutel: 3, realisatie: ct(7)), D(gemeentecode: "Y", sleutel: 7, realisatie: ct(0)),
                             D(gemeentecode: "Z", sleutel: 11, realisatie: ct(1_000_003))]),
        ]
        for (budget, d) in gevallen {
            let t = try Bekostiging.TaakgerichtBudget(budget: budget, delen: d, verrekening: verrekening)
            #expect(t.gemeenten.map(\.bijdrageVooraf).som() == budget)
            let r = d.map(\.realisatie).som()
            switch verrekening {
            case .geen: #expect(t.totaalVerrekening == .nul)
            case .verschilNaarSleutel:
                #expect(t.totaalVerrekening == r - budget)
                #expect(t.gemeenten.map(\.eindbijdrage).som() == r)
            case .budgetNaarRealisatie:
                #expect(t.totaalVerrekening == .nul)
                #expect(t.gemeenten.map(\.eindbijdrage).som() == budget)
            }
        }
    }

    @Test func fouten() {
        let nul = [D(gemeentecode: "A", sleutel: 0, realisatie: eur(1))]
        #expect(throws: BekostigingFout.self) { try Bekostiging.TaakgerichtBudget(budget: eur(1), delen: nul, verrekening: .geen) }
        let dubbel = [D(gemeentecode: "A", sleutel: 1, realisatie: eur(1)), D(gemeentecode: "A", sleutel: 1, realisatie: eur(1))]
        #expect(throws: BekostigingFout.self) { try Bekostiging.TaakgerichtBudget(budget: eur(1), delen: dubbel, verrekening: .geen) }
        let geenRealisatie = [D(gemeentecode: "A", sleutel: 1, realisatie: .nul)]
        #expect(throws: BekostigingFout.self) {
            try Bekostiging.TaakgerichtBudget(budget: eur(1), delen: geenRealisatie, verrekening: .budgetNaarRealisatie)
        }
        #expect(throws: BekostigingFout.self) {
            try Bekostiging.TaakgerichtBudget(budget: eur(1), delen: [D(gemeentecode: "A", sleutel: -1, realisatie: .nul)],
                                              verrekening: .geen)
        }
    }
}
