import Foundation
import Testing
import RegioCore

// MARK: - Fixtures

private func breuk(_ t: Int64, _ n: Int64) -> VereveningBreuk { VereveningBreuk(t, n)! }

private func invoer(_ code: String, euro: Int64, gewicht: Int64, clienten: [Int64] = []) -> VereveningInvoer {
    VereveningInvoer(gemeentecode: code, eigenKosten: Euro(euro: euro), sleutelgewicht: gewicht,
                     clientkosten: clienten.map { Euro(euro: $0) })
}

/// The worked example of docs/verevening.md. T = 1.000.000; macrobudget 50, 30 and 20 mln (weights in cents),
/// so s = 0,5 / 0,3 / 0,2 and K = 500.000 / 300.000 / 200.000; D = A - K = +100.000 / -50.000 / -50.000.
private let voorbeeld = [
    invoer("0101", euro: 600_000, gewicht: 5_000_000_000, clienten: [250_000, 150_000, 200_000]),
    invoer("0102", euro: 250_000, gewicht: 3_000_000_000, clienten: [90_000, 160_000]),
    invoer("0103", euro: 150_000, gewicht: 2_000_000_000, clienten: [80_000, 70_000]),
]

private func bijdragen(_ u: VereveningUitkomst) -> [Int64] { u.regels.map(\.bijdrage.centen) }

// MARK: - Fractions and parsing

@Suite("Verevening: breuken en scenario's lezen")
struct VereveningParseTests {
    @Test("breuk lezen", arguments: [
        ("0.25", 1, 4), ("0,25", 1, 4), ("25%", 1, 4), ("25 %", 1, 4), ("1/4", 1, 4), (" 0.5 ", 1, 2), (".5", 1, 2),
        ("12,5%", 1, 8), ("100%", 1, 1), ("1", 1, 1), ("0", 0, 1), ("2/6", 1, 3), ("1,5", 3, 2), ("0.000001", 1, 1_000_000),
    ] as [(String, Int64, Int64)])
    func breukLezen(tekst: String, teller: Int64, noemer: Int64) {
        let b = VereveningBreuk.parse(tekst)
        #expect(b?.teller == teller && b?.noemer == noemer)
    }

    @Test("ongeldige breuk", arguments: ["", "-0.1", "abc", "1/0", "0.25.1", "%", "1,2,3", "1/-2", "0.5%%", "1e3", "½"])
    func ongeldigeBreuk(tekst: String) {
        #expect(VereveningBreuk.parse(tekst) == nil)
    }

    @Test("breuk tonen")
    func breukTonen() {
        #expect(breuk(1, 4).description == "0.25")
        #expect(breuk(1, 3).description == "1/3")
        #expect(breuk(5, 2).description == "2.5")
        #expect(breuk(1, 1).description == "1")
        #expect(breuk(0, 7).description == "0")
        #expect(breuk(1, 1_000_000).description == "0.000001")
        #expect(breuk(1, 8).procentTekst == "12,5%")
        #expect(breuk(1, 4).procentTekst == "25%")
        #expect(breuk(3, 2).procentTekst == "150%")
        #expect(breuk(1, 3) < breuk(1, 2) && !(breuk(2, 4) < breuk(1, 2)))
    }

    @Test("scenario lezen", arguments: [
        ("solidariteit", VereveningScenario.solidariteit),
        (" Profijt ", .profijt),
        ("eigen-risico:0.25", .eigenRisico(breuk(1, 4))),
        ("eigen-risico:25%", .eigenRisico(breuk(1, 4))),
        ("eigen-risico:0,25", .eigenRisico(breuk(1, 4))),
        ("eigen-risico:1/3", .eigenRisico(breuk(1, 3))),
        ("drempel:100000", .drempel(grens: Euro(euro: 100_000), fractie: .een)),
        ("drempel:100000:0,8", .drempel(grens: Euro(euro: 100_000), fractie: breuk(4, 5))),
        ("drempel:50000,50:50%", .drempel(grens: Euro(centen: 5_000_050), fractie: breuk(1, 2))),
        ("bandbreedte:0.1:0.5", .bandbreedte(breedte: breuk(1, 10), verevend: breuk(1, 2))),
        ("bandbreedte:1,5:1", .bandbreedte(breedte: breuk(3, 2), verevend: .een)),
        ("bonus-malus:0.5:0.2", .bonusMalus(overschrijding: breuk(1, 2), onderschrijding: breuk(1, 5))),
    ])
    func scenarioLezen(tekst: String, verwacht: VereveningScenario) throws {
        #expect(try VereveningScenario.parse(tekst) == verwacht)
    }

    /// nil: an unknown scenario; else the parameter the error must name.
    @Test("ongeldig scenario", arguments: [
        ("", nil), ("solidair", nil), ("eigen risico:0.2", nil),
        ("solidariteit:1", ""), ("eigen-risico", "R"), ("eigen-risico:", "R"), ("eigen-risico:1.5", "R"),
        ("eigen-risico:-0.1", "R"), ("drempel:50.000", "H"), ("drempel:-100", "H"), ("drempel:100:2", "Q"),
        ("drempel", "H, Q"), ("bandbreedte:0.1", "B, C"), ("bandbreedte:0.1:1.2", "C"), ("bonus-malus:0.5:abc", "RMIN"),
        ("bonus-malus:0.5:0.2:0.1", "RPLUS, RMIN"), ("bonus-malus:101%:0", "RPLUS"),
    ] as [(String, String?)])
    func ongeldigScenario(tekst: String, parameter: String?) {
        #expect {
            _ = try VereveningScenario.parse(tekst)
        } throws: { fout in
            switch (fout as? VereveningFout, parameter) {
            case (.onbekendScenario(let t)?, nil): return t == tekst
            case (.ongeldigeParameter(_, let p, _, _)?, let verwacht?): return p == verwacht
            default: return false
            }
        }
    }

    @Test("foutmelding in het Nederlands")
    func foutmelding() {
        // the value as the user wrote it
        #expect(throws: VereveningFout.ongeldigeParameter(scenario: "eigen-risico", parameter: "R", waarde: "150%",
                                                          reden: "moet tussen 0 en 1 liggen (0% tot 100%)")) {
            try VereveningScenario.parse("eigen-risico:150%")
        }
        #expect(throws: VereveningFout.ongeldigeParameter(scenario: "bonus-malus", parameter: "RMIN", waarde: "1,2",
                                                          reden: "moet tussen 0 en 1 liggen (0% tot 100%)")) {
            try VereveningScenario.parse("bonus-malus:0:1,2")
        }
        let tekst = VereveningFout.ongeldigeParameter(scenario: "eigen-risico", parameter: "R", waarde: "3/2",
                                                      reden: "moet tussen 0 en 1 liggen (0% tot 100%)").description
        #expect(tekst == "scenario eigen-risico: parameter R '3/2' is ongeldig: moet tussen 0 en 1 liggen (0% tot 100%)")
        #expect(VereveningFout.onbekendScenario("x").description.hasPrefix("onbekend scenario 'x': kies solidariteit"))
    }

    @Test("naam en omschrijving")
    func naam() throws {
        #expect(VereveningScenario.eigenRisico(breuk(1, 4)).naam == "eigen-risico:0.25")
        #expect(VereveningScenario.drempel(grens: Euro(euro: 100_000), fractie: .een).naam == "drempel:100000")
        #expect(VereveningScenario.drempel(grens: Euro(centen: 5_000_050), fractie: breuk(1, 2)).naam == "drempel:50000.50:0.5")
        #expect(VereveningScenario.bonusMalus(overschrijding: breuk(1, 2), onderschrijding: breuk(1, 3)).naam == "bonus-malus:0.5:1/3")
        #expect(VereveningScenario.eigenRisico(breuk(1, 4)).omschrijving == "eigen risico 25% op de afwijking van het sleutelaandeel")
        #expect(VereveningScenario.drempel(grens: Euro(euro: 100_000), fractie: .een).omschrijving
                == "100% van de kosten per cliënt boven € 100.000,00 per jaar verevend naar sleutel")
    }

    @Test("sleutel lezen")
    func sleutelLezen() throws {
        #expect(try VereveningSleutel.parse("Macrobudget") == .macrobudget)
        #expect(try VereveningSleutel.parse("gebruik") == .gebruik)
        #expect(throws: VereveningFout.onbekendeSleutel("leeftijd")) { try VereveningSleutel.parse("leeftijd") }
    }
}

// MARK: - Hand-worked scenarios

@Suite("Verevening: uitgewerkte voorbeelden")
struct VereveningVoorbeeldTests {
    @Test("solidariteit: P = K = s x T")
    func solidariteit() throws {
        // P = 0,5 / 0,3 / 0,2 x 1.000.000 = 500.000 / 300.000 / 200.000; saldo = A - P = +100.000 / -50.000 / -50.000
        let u = try Verevening.bereken(voorbeeld, scenario: .solidariteit)
        #expect(bijdragen(u) == [500_000_00, 300_000_00, 200_000_00])
        #expect(u.regels.map(\.saldo.centen) == [100_000_00, -50_000_00, -50_000_00])
        #expect(u.regels.map(\.positie) == [.voordeel, .nadeel, .nadeel])
        #expect(u.regels.map(\.aandeel) == [0.5, 0.3, 0.2])
        #expect(u.totaal == Euro(euro: 1_000_000) && u.restpot == .nul)
    }

    @Test("profijt: P = A")
    func profijt() throws {
        let u = try Verevening.bereken(voorbeeld, scenario: .profijt)
        #expect(bijdragen(u) == [600_000_00, 250_000_00, 150_000_00])
        #expect(u.regels.allSatisfy { $0.saldo == .nul && $0.positie == .neutraal })
    }

    @Test("eigen risico 25%")
    func eigenRisico() throws {
        // G = 0,25 x D = +25.000 / -12.500 / -12.500, sum 0 so no rest pot;
        // P = K + G = 525.000 / 287.500 / 187.500; saldo = 75.000 / -37.500 / -37.500
        let u = try Verevening.bereken(voorbeeld, scenario: .eigenRisico(breuk(1, 4)))
        #expect(u.regels.map(\.gedragenAfwijking.centen) == [25_000_00, -12_500_00, -12_500_00])
        #expect(bijdragen(u) == [525_000_00, 287_500_00, 187_500_00])
        #expect(u.regels.map(\.saldo.centen) == [75_000_00, -37_500_00, -37_500_00])
    }

    @Test("drempel 100.000, alles boven de drempel verevend")
    func drempel() throws {
        // above 100.000 per client: 0101: 150.000 + 50.000 + 100.000 = 300.000; 0102: 60.000; 0103: none. Pool 360.000,
        // by key 180.000 / 108.000 / 72.000. P = A - pooled + share: 600-300+180 = 480.000; 250-60+108 = 298.000;
        // 150-0+72 = 222.000 (sum 1.000.000). saldo = 120.000 / -48.000 / -72.000
        let u = try Verevening.bereken(voorbeeld, scenario: .drempel(grens: Euro(euro: 100_000), fractie: .een))
        #expect(bijdragen(u) == [480_000_00, 298_000_00, 222_000_00])
        #expect(u.restpot == Euro(euro: 360_000))
        #expect(u.regels.map(\.aandeelRestpot.centen) == [180_000_00, 108_000_00, 72_000_00])
        #expect(u.regels.map(\.saldo.centen) == [120_000_00, -48_000_00, -72_000_00])
    }

    @Test("plafond: eigen risico tot 200.000 per gemeente")
    func plafond() throws {
        // above 200.000 per municipality: 400.000 / 50.000 / 0, pool 450.000, by key 225.000 / 135.000 / 90.000.
        // P = A - pooled + share: 600-400+225 = 425.000; 250-50+135 = 335.000; 150-0+90 = 240.000 (sum 1.000.000);
        // saldo 175.000 / -85.000 / -90.000
        let u = try Verevening.bereken(voorbeeld, scenario: try VereveningScenario.parse("plafond:200000"))
        #expect(bijdragen(u) == [425_000_00, 335_000_00, 240_000_00])
        #expect(u.restpot == Euro(euro: 450_000))
        #expect(u.regels.map(\.saldo.centen) == [175_000_00, -85_000_00, -90_000_00])
    }

    @Test("plafond 100.000,01 met Q = 1/3: op de cent behouden")
    func plafondOpDeCent() throws {
        // above 100.000,01: 499.999,99 / 149.999,99 / 49.999,99; a third of each, half away from zero:
        // 16.666.666,33 -> 16.666.666 cents; 4.999.999,67 -> 5.000.000; 1.666.666,33 -> 1.666.666. Pool 233.333,32:
        // by key 11.666.666 / 6.999.999,6 / 4.666.666,4 cents, floors 23.333.331, the last cent to the largest rest
        // (0102): 116.666,66 / 70.000,00 / 46.666,66. P = 600.000 - 166.666,66 + 116.666,66 = 550.000,00;
        // 250.000 - 50.000,00 + 70.000,00 = 270.000,00; 150.000 - 16.666,66 + 46.666,66 = 180.000,00: 1.000.000,00.
        let u = try Verevening.bereken(voorbeeld, scenario: try VereveningScenario.parse("plafond:100000,01:1/3"))
        #expect(u.restpot.centen == 23_333_332)
        #expect(u.regels.map(\.aandeelRestpot.centen) == [11_666_666, 7_000_000, 4_666_666])
        #expect(bijdragen(u) == [550_000_00, 270_000_00, 180_000_00])
        #expect(bijdragen(u).reduce(0, +) == u.totaal.centen)
        #expect(try VereveningScenario.parse("plafond:100000,01:1/3").naam == "plafond:100000.01:1/3")
        #expect(throws: VereveningFout.self) { try VereveningScenario.parse("plafond:-5") }
        #expect(throws: VereveningFout.self) { try VereveningScenario.parse("plafond") }
    }

    @Test("drempel 100.000 met Q = 50%")
    func drempelHalf() throws {
        // pooled: half of 300.000 = 150.000; half of 60.000 = 30.000; 0. Pool 180.000 -> 90.000 / 54.000 / 36.000.
        // P = 600-150+90 = 540.000; 250-30+54 = 274.000; 150-0+36 = 186.000
        let u = try Verevening.bereken(voorbeeld, scenario: .drempel(grens: Euro(euro: 100_000), fractie: breuk(1, 2)))
        #expect(bijdragen(u) == [540_000_00, 274_000_00, 186_000_00])
    }

    @Test("bandbreedte 20%, helft van het meerdere verevend")
    func bandbreedte() throws {
        // band = 0,2 x K = 100.000 / 60.000 / 40.000. D = +100.000 (inside, at the edge) -> G = 100.000;
        // -50.000 inside -> G = -50.000; -50.000 vs band 40.000: excess -10.000, half pooled (-5.000) -> G = -45.000.
        // rest pot = -(100.000 - 50.000 - 45.000) = -5.000 -> -2.500 / -1.500 / -1.000.
        // P = 500+100-2,5 = 597.500; 300-50-1,5 = 248.500; 200-45-1 = 154.000. saldo = 2.500 / 1.500 / -4.000
        let u = try Verevening.bereken(voorbeeld, scenario: .bandbreedte(breedte: breuk(1, 5), verevend: breuk(1, 2)))
        #expect(u.regels.map(\.gedragenAfwijking.centen) == [100_000_00, -50_000_00, -45_000_00])
        #expect(u.restpot == Euro(euro: -5_000))
        #expect(bijdragen(u) == [597_500_00, 248_500_00, 154_000_00])
        #expect(u.regels.map(\.saldo.centen) == [2_500_00, 1_500_00, -4_000_00])
    }

    @Test("bonus-malus 50% op overschrijding, 20% op onderschrijding")
    func bonusMalus() throws {
        // G = 0,5 x 100.000 = 50.000; 0,2 x -50.000 = -10.000 (twice). Sum 30.000: rest pot -30.000 by key
        // = -15.000 / -9.000 / -6.000. P = 500+50-15 = 535.000; 300-10-9 = 281.000; 200-10-6 = 184.000
        let u = try Verevening.bereken(voorbeeld, scenario: .bonusMalus(overschrijding: breuk(1, 2), onderschrijding: breuk(1, 5)))
        #expect(u.restpot == Euro(euro: -30_000))
        #expect(bijdragen(u) == [535_000_00, 281_000_00, 184_000_00])
        #expect(u.regels.map(\.saldo.centen) == [65_000_00, -31_000_00, -34_000_00])
    }

    @Test("afronding: restcent bij gelijke resten naar de laagste gemeentecode")
    func afrondingGelijk() throws {
        // 100,00 over 1:1:1 = 33,333..; 33,33 each leaves 1 cent; equal remainders -> 0101. Negative: same, -1 cent.
        let rijen = [VereveningInvoer(gemeentecode: "0103", eigenKosten: .nul, sleutelgewicht: 1),
                     VereveningInvoer(gemeentecode: "0101", eigenKosten: Euro(euro: 100), sleutelgewicht: 1),
                     VereveningInvoer(gemeentecode: "0102", eigenKosten: .nul, sleutelgewicht: 1)]
        let u = try Verevening.bereken(rijen, scenario: .solidariteit)
        #expect(u.regels.map(\.gemeentecode) == ["0101", "0102", "0103"])
        #expect(bijdragen(u) == [33_34, 33_33, 33_33])
        #expect(u.regels.map(\.restcentenSolidariteit) == [1, 0, 0])
        #expect(u.afrondingstoelichting.first == "Solidariteitsbijdrage: € 100,00 naar sleutel verdeeld, per gemeente "
                + "afgekapt op hele centen; 1 restcent(en) naar de grootste resten: 0101 (+1 cent).")
        let negatief = rijen.map { VereveningInvoer(gemeentecode: $0.gemeentecode, eigenKosten: -$0.eigenKosten, sleutelgewicht: 1) }
        #expect(bijdragen(try Verevening.bereken(negatief, scenario: .solidariteit)) == [-33_34, -33_33, -33_33])
    }

    @Test("afronding: restcenten naar de grootste resten")
    func afrondingResten() throws {
        // 10,00 over 1:2:4 (W = 7): 142,857.. / 285,714.. / 571,428.. cents; floors 142+285+571 = 998, 2 left.
        // remainders (x7): 1000 mod 7 = 6, 2000 mod 7 = 5, 4000 mod 7 = 3 -> the first two get a cent: 143 / 286 / 571
        let rijen = [VereveningInvoer(gemeentecode: "0101", eigenKosten: Euro(euro: 10), sleutelgewicht: 1),
                     VereveningInvoer(gemeentecode: "0102", eigenKosten: .nul, sleutelgewicht: 2),
                     VereveningInvoer(gemeentecode: "0103", eigenKosten: .nul, sleutelgewicht: 4)]
        let u = try Verevening.bereken(rijen, scenario: .solidariteit)
        #expect(bijdragen(u) == [143, 286, 571])
        #expect(u.regels.map(\.restcentenSolidariteit) == [1, 1, 0])
    }

    @Test("afronding: gedragen afwijking half van nul af, verschil via de restpot")
    func afrondingRestpot() throws {
        // A = 0 / 0 / 3 cents, key 1:1:1: K = 1/1/1, D = -1/-1/+2. R = 0,5: G = -0,5 -> -1, -1, +1 (half away from
        // zero); sum -1, so the rest pot is +1 cent, which goes to 0101 (equal remainders). P = 1-1+1, 1-1+0, 1+1+0
        let rijen = [("0101", 0), ("0102", 0), ("0103", 3)].map {
            VereveningInvoer(gemeentecode: $0.0, eigenKosten: Euro(centen: Int64($0.1)), sleutelgewicht: 1)
        }
        let u = try Verevening.bereken(rijen, scenario: .eigenRisico(breuk(1, 2)))
        #expect(u.regels.map(\.gedragenAfwijking.centen) == [-1, -1, 1])
        #expect(u.restpot == Euro(centen: 1))
        #expect(bijdragen(u) == [1, 0, 2])
        #expect(u.regels.map(\.restcentenRestpot) == [1, 0, 0])
        #expect(u.afrondingstoelichting.last == "Restpot: € 0,01 naar sleutel verdeeld; 1 restcent(en) naar de grootste resten: 0101 (+1 cent).")
        #expect(u.afrondingstoelichting.count == 3)
    }

    @Test("cumulatief: som over de jaren")
    func cumulatief() throws {
        // year 1 solidariteit: saldo +100.000 / -50.000 / -50.000 (see above). year 2: A = 100.000 / 100.000 / 0,
        // key 1:1:0 -> K = 100.000 / 100.000 / 0, saldo 0 / 0 / 0; 0103 pays nothing. Sums: +100.000 / -50.000 / -50.000
        let j1 = try Verevening.bereken(voorbeeld, scenario: .solidariteit)
        let j2 = try Verevening.bereken([invoer("0101", euro: 100_000, gewicht: 1), invoer("0102", euro: 100_000, gewicht: 1),
                                         invoer("0103", euro: 0, gewicht: 0)], scenario: .solidariteit)
        let c = try Verevening.cumulatief([j1, j2])
        #expect(c.map(\.gemeentecode) == ["0101", "0102", "0103"])
        #expect(c.map(\.saldo.centen) == [100_000_00, -50_000_00, -50_000_00])
        #expect(c.map(\.eigenKosten.centen) == [700_000_00, 350_000_00, 150_000_00])
        #expect(c.map(\.bijdrage.centen) == [600_000_00, 400_000_00, 200_000_00])
        #expect(c.map(\.aantalJaren) == [2, 2, 2])
        #expect(c.map(\.positie) == [.voordeel, .nadeel, .nadeel])
    }

    @Test("fouten")
    func fouten() {
        let a = invoer("0101", euro: 10, gewicht: 1)
        #expect(throws: VereveningFout.geenGemeenten) { try Verevening.bereken([], scenario: .solidariteit) }
        #expect(throws: VereveningFout.dubbeleGemeente("0101")) { try Verevening.bereken([a, a], scenario: .solidariteit) }
        #expect(throws: VereveningFout.negatiefSleutelgewicht(gemeentecode: "0102", gewicht: -1)) {
            try Verevening.bereken([a, invoer("0102", euro: 1, gewicht: -1)], scenario: .solidariteit)
        }
        #expect(throws: VereveningFout.sleutelIsNul) {
            try Verevening.bereken([invoer("0101", euro: 1, gewicht: 0)], scenario: .profijt)
        }
        #expect(throws: VereveningFout.clientkostenKloppenNiet(gemeentecode: "0101", eigenKosten: Euro(euro: 10),
                                                               somClientkosten: Euro(euro: 9))) {
            try Verevening.bereken([invoer("0101", euro: 10, gewicht: 1, clienten: [4, 5])],
                                   scenario: .drempel(grens: .nul, fractie: .een))
        }
        #expect(throws: VereveningFout.bedragTeGroot("totaal van de eigen kosten")) {
            try Verevening.bereken([VereveningInvoer(gemeentecode: "0101", eigenKosten: Euro(centen: .max), sleutelgewicht: 1),
                                    VereveningInvoer(gemeentecode: "0102", eigenKosten: Euro(centen: 1), sleutelgewicht: 1)],
                                   scenario: .solidariteit)
        }
        #expect(throws: VereveningFout.bedragTeGroot("som van de sleutelgewichten")) {
            try Verevening.bereken([invoer("0101", euro: 1, gewicht: .max), invoer("0102", euro: 1, gewicht: 1)],
                                   scenario: .solidariteit)
        }
        // a scenario built in code is checked as strictly as a parsed one
        #expect(throws: VereveningFout.self) { try Verevening.bereken([a], scenario: .eigenRisico(breuk(3, 2))) }
        #expect(throws: VereveningFout.self) { try Verevening.bereken([a], scenario: .drempel(grens: Euro(euro: -1), fractie: .een)) }
    }

    @Test("zeer brede band loopt niet over")
    func breedteZonderOverloop() throws {
        // B = 10^12: every deviation lies inside the band, so bandbreedte equals profijt
        let rijen = [VereveningInvoer(gemeentecode: "0101", eigenKosten: Euro(centen: 4_000_000_000_000_000_000), sleutelgewicht: 1),
                     VereveningInvoer(gemeentecode: "0102", eigenKosten: .nul, sleutelgewicht: 1)]
        let u = try Verevening.bereken(rijen, scenario: .bandbreedte(breedte: breuk(1_000_000_000_000, 1), verevend: .een))
        #expect(bijdragen(u) == [4_000_000_000_000_000_000, 0])
    }
}

// MARK: - Keys

@Suite("Verevening: sleutels")
struct VereveningSleutelTests {
    private let cijfers = [
        Gemeentecijfers(gemeentecode: "0101", jaar: 2018, inwoners: 1000, jeugdigen: 200, macrobudgetJeugd: Euro(euro: 5_000_000)),
        Gemeentecijfers(gemeentecode: "0102", jaar: 2018, inwoners: 3000, jeugdigen: 700, macrobudgetJeugd: Euro(centen: 2_500_000_01)),
        Gemeentecijfers(gemeentecode: "0101", jaar: 2017, inwoners: 1, jeugdigen: 1, macrobudgetJeugd: Euro(euro: 1)),
    ]

    @Test("sleutels uit gemeentecijfers")
    func uitCijfers() throws {
        let codes = ["0101", "0102"]
        #expect(try VereveningSleutel.macrobudget.gewichten(jaar: 2018, gemeentecodes: codes, gemeentecijfers: cijfers)
                == ["0101": 500_000_000, "0102": 250_000_001])
        #expect(try VereveningSleutel.jeugdigen.gewichten(jaar: 2018, gemeentecodes: codes, gemeentecijfers: cijfers)
                == ["0101": 200, "0102": 700])
        #expect(try VereveningSleutel.inwoners.gewichten(jaar: 2018, gemeentecodes: codes, gemeentecijfers: cijfers)
                == ["0101": 1000, "0102": 3000])
        #expect(throws: VereveningFout.geenGemeentecijfers(gemeentecode: "0102", jaar: 2017)) {
            try VereveningSleutel.inwoners.gewichten(jaar: 2017, gemeentecodes: codes, gemeentecijfers: cijfers)
        }
        #expect(throws: VereveningFout.dubbeleGemeentecijfers(gemeentecode: "0101", jaar: 2018)) {
            try VereveningSleutel.inwoners.gewichten(jaar: 2018, gemeentecodes: codes, gemeentecijfers: cijfers + [cijfers[0]])
        }
    }

    @Test("gebruik: gemiddeld eigen aandeel over het jaar en de twee jaren ervoor")
    func gebruik() throws {
        // 2016: 300 / 100 -> 0,75 / 0,25; 2017: 100 / 100 -> 0,5 / 0,5; 2018: no cost, skipped; 2015 outside the window.
        // weights (x 10^12): 1,25 / 0,75 -> s = 0,625 / 0,375
        let kosten: [Int: [String: Euro]] = [
            2015: ["0102": Euro(euro: 1000)],
            2016: ["0101": Euro(euro: 300), "0102": Euro(euro: 100)],
            2017: ["0101": Euro(euro: 100), "0102": Euro(euro: 100)],
            2018: [:],
        ]
        #expect(VereveningSleutel.gebruiksjaren(voor: 2018) == 2016...2018)
        let w = try VereveningSleutel.gebruik.gewichten(jaar: 2018, gemeentecodes: ["0101", "0102"], kostenPerJaar: kosten)
        #expect(w == ["0101": 1_250_000_000_000, "0102": 750_000_000_000])
        // thirds: 1/3 and 2/3 of 10^12 rounded half away from zero
        let derden = try VereveningSleutel.gebruik.gewichten(
            jaar: 2016, gemeentecodes: ["0101", "0102"], kostenPerJaar: [2016: ["0101": Euro(centen: 1), "0102": Euro(centen: 2)]])
        #expect(derden == ["0101": 333_333_333_333, "0102": 666_666_666_667])
        #expect(throws: VereveningFout.geenGebruik(jaren: 2013...2015)) {
            try VereveningSleutel.gebruik.gewichten(jaar: 2015, gemeentecodes: ["0101"], kostenPerJaar: [2016: ["0101": Euro(euro: 1)]])
        }
    }
}

// MARK: - Property tests over random data

/// SplitMix64: a small seeded generator so every run sees the same cases.
private struct SplitMix64 {
    var toestand: UInt64
    mutating func volgende() -> UInt64 {
        toestand &+= 0x9E37_79B9_7F4A_7C15
        var z = toestand
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func getal(_ r: ClosedRange<Int64>) -> Int64 {
        let breedte = UInt64(r.upperBound - r.lowerBound) &+ 1
        return r.lowerBound + Int64(breedte == 0 ? volgende() : volgende() % breedte)
    }
    mutating func kans(_ p: Double) -> Bool { Double(volgende() % 1_000_000) < p * 1_000_000 }
    mutating func kies<T>(_ xs: [T]) -> T { xs[Int(getal(0...Int64(xs.count - 1)))] }
}

private enum Soort: String, CaseIterable { case solidariteit, profijt, eigenRisico, drempel, plafond, bandbreedte, bonusMalus }

private func willekeurigeBreuk(_ rng: inout SplitMix64, hoogstens: Int64 = 1) -> VereveningBreuk {
    if rng.kans(0.1) { return .nul }
    if rng.kans(0.1) { return .een }
    let n = rng.kies([1, 2, 3, 4, 7, 10, 100, 997, 1000, 1_000_000] as [Int64])
    return breuk(rng.getal(0...(n * hoogstens)), n)
}

/// 1 to 12 municipalities; costs zero, small, large or huge (up to 3 x 10^17 cents each), sometimes negative;
/// weights zero, small, macrobudget-like or huge, at least one positive; client costs that add up to A.
private func willekeurigeInvoer(_ rng: inout SplitMix64, negatief: Bool) -> [VereveningInvoer] {
    let n = rng.kans(0.15) ? 1 : Int(rng.getal(2...12))
    let kostenschaal = rng.kies([1_000, 100_000_000, 1_000_000_000_000, 300_000_000_000_000_000] as [Int64])
    let gewichtschaal = rng.kies([10, 100_000_000_000, 500_000_000_000_000_000] as [Int64])
    var rijen: [VereveningInvoer] = []
    for i in 0..<n {
        var a = rng.kans(0.2) ? 0 : rng.getal(0...kostenschaal)
        if negatief && rng.kans(0.1) { a = -rng.getal(0...min(kostenschaal, 1_000_000)) }
        var clienten: [Euro] = []
        var over = a
        for _ in 0..<rng.getal(0...4) where over != 0 {
            let deel = over > 0 ? rng.getal(0...over) : -rng.getal(0...(-over))
            clienten.append(Euro(centen: deel)); over -= deel
        }
        if over != 0 || rng.kans(0.3) { clienten.append(Euro(centen: over)) }
        let w = rng.kans(0.2) ? 0 : rng.getal(0...gewichtschaal)
        rijen.append(VereveningInvoer(gemeentecode: String(1000 + 7 * i), eigenKosten: Euro(centen: a), sleutelgewicht: w,
                                      clientkosten: clienten))
    }
    if rijen.allSatisfy({ $0.sleutelgewicht == 0 }) { rijen[Int(rng.getal(0...Int64(n - 1)))].sleutelgewicht = 1 }
    return rijen.shuffled(using: &rng)
}

extension SplitMix64: RandomNumberGenerator { mutating func next() -> UInt64 { volgende() } }

private func willekeurigScenario(_ soort: Soort, _ rng: inout SplitMix64, invoer: [VereveningInvoer]) -> VereveningScenario {
    switch soort {
    case .solidariteit: return .solidariteit
    case .profijt: return .profijt
    case .eigenRisico: return .eigenRisico(willekeurigeBreuk(&rng))
    case .drempel:
        // sometimes exactly a client's cost, to hit the boundary
        let clienten = invoer.flatMap(\.clientkosten).filter { $0 >= .nul }
        let h = !clienten.isEmpty && rng.kans(0.3) ? rng.kies(clienten) : Euro(centen: rng.getal(0...max(1, clienten.max()?.centen ?? 1)))
        return .drempel(grens: h, fractie: willekeurigeBreuk(&rng))
    case .plafond:
        // sometimes exactly a municipality's cost, to hit the boundary
        let a = invoer.map(\.eigenKosten).filter { $0 >= .nul }
        let e = !a.isEmpty && rng.kans(0.3) ? rng.kies(a) : Euro(centen: rng.getal(0...max(1, a.max()?.centen ?? 1)))
        return .plafond(grens: e, fractie: willekeurigeBreuk(&rng))
    case .bandbreedte: return .bandbreedte(breedte: willekeurigeBreuk(&rng, hoogstens: 3), verevend: willekeurigeBreuk(&rng))
    case .bonusMalus: return .bonusMalus(overschrijding: willekeurigeBreuk(&rng), onderschrijding: willekeurigeBreuk(&rng))
    }
}

/// |bedrag| x w / W rounded down with the sign restored, computed here independently of the core.
private func afgekapt(_ bedrag: Int64, _ w: Int64, _ totaalGewicht: Int64) -> Int64 {
    let q = Int64(UInt64(totaalGewicht).dividingFullWidth(UInt64(w).multipliedFullWidth(by: bedrag.magnitude)).quotient)
    return bedrag < 0 ? -q : q
}

/// round(bedrag x b) half away from zero, through Euro.maal: the project's reference rounding.
private func maal(_ bedrag: Int64, _ b: VereveningBreuk) -> Int64 { Euro(centen: bedrag).maal(b.teller, gedeeldDoor: b.noemer).centen }

@Suite("Verevening: eigenschappen over willekeurige gegevens")
struct VereveningEigenschappenTests {
    static let gevallen = 400

    @Test("behoud: elk scenario betaalt precies het totaal uit", arguments: Soort.allCases)
    fileprivate func behoud(soort: Soort) throws {
        var rng = SplitMix64(toestand: 0x5EED_0000 + UInt64(Soort.allCases.firstIndex(of: soort)!))
        for _ in 0..<Self.gevallen {
            let invoer = willekeurigeInvoer(&rng, negatief: true)
            let scenario = willekeurigScenario(soort, &rng, invoer: invoer)
            let u = try Verevening.bereken(invoer, scenario: scenario)
            let a = invoer.reduce(Int64(0)) { $0 + $1.eigenKosten.centen }
            let w = invoer.reduce(Int64(0)) { $0 + $1.sleutelgewicht }
            // conservation, to the cent
            #expect(u.regels.reduce(Int64(0)) { $0 + $1.bijdrage.centen } == a)
            #expect(u.regels.reduce(Int64(0)) { $0 + $1.saldo.centen } == 0)
            #expect(u.totaal.centen == a && u.totaalSleutelgewicht == w)
            #expect(u.regels.map(\.gemeentecode) == invoer.map(\.gemeentecode).sorted())
            var somG: Int64 = 0, somDelta: Int64 = 0
            for r in u.regels {
                let i = invoer.first { $0.gemeentecode == r.gemeentecode }!
                #expect(r.eigenKosten == i.eigenKosten && r.sleutelgewicht == i.sleutelgewicht)
                #expect(r.bijdrage.centen == r.solidariteitsbijdrage.centen + r.gedragenAfwijking.centen + r.aandeelRestpot.centen)
                #expect(r.saldo.centen == r.eigenKosten.centen - r.bijdrage.centen)
                #expect(r.afwijking.centen == r.eigenKosten.centen - r.solidariteitsbijdrage.centen)
                // K and Δ: the rounded-down key share plus at most one rest cent, in the direction of the amount
                #expect(r.solidariteitsbijdrage.centen - r.restcentenSolidariteit == afgekapt(a, r.sleutelgewicht, w))
                #expect(r.aandeelRestpot.centen - r.restcentenRestpot == afgekapt(u.restpot.centen, r.sleutelgewicht, w))
                #expect([0, a.signum()].contains(r.restcentenSolidariteit))
                #expect([0, u.restpot.centen.signum()].contains(r.restcentenRestpot))
                #expect(r.gedragenAfwijking == verwachteG(r, i, scenario))
                somG += r.gedragenAfwijking.centen; somDelta += r.aandeelRestpot.centen
            }
            #expect(u.restpot.centen == -somG && somDelta == u.restpot.centen)
            switch scenario {
            case .solidariteit: #expect(u.restpot == .nul)
            case .profijt: #expect(u.regels.allSatisfy { $0.bijdrage == $0.eigenKosten })
            case .eigenRisico:  // the R x D sum to zero exactly, so only rounding (at most half a cent each) is left
                #expect(2 * u.restpot.centen.magnitude <= UInt64(invoer.count))
            default: break
            }
        }
    }

    /// G as the documented formula gives it, recomputed from the row with Euro.maal.
    private func verwachteG(_ r: VereveningRegel, _ i: VereveningInvoer, _ s: VereveningScenario) -> Euro {
        let d = r.afwijking.centen
        switch s {
        case .solidariteit: return .nul
        case .profijt: return r.afwijking
        case .eigenRisico(let rr): return Euro(centen: maal(d, rr))
        case .bonusMalus(let p, let m): return Euro(centen: maal(d, d > 0 ? p : m))
        case .bandbreedte(let b, let c):
            let k = r.solidariteitsbijdrage.centen
            let band = Double(k.magnitude) * b.alsDouble > 9e18 ? Int64.max : abs(maal(k, b))  // wider than any D here
            let binnen = min(max(d, -band), band)
            return Euro(centen: d - maal(d - binnen, c))
        case .drempel(let h, let q):
            let boven = i.clientkosten.filter { $0 > h }.reduce(Int64(0)) { $0 + $1.centen - h.centen }
            return Euro(centen: d - maal(boven, q))
        case .plafond(let e, let q):
            return Euro(centen: d - maal(max(0, i.eigenKosten.centen - e.centen), q))
        }
    }

    @Test("grensgevallen van de parameters vallen samen met solidariteit en profijt")
    func grensgevallen() throws {
        var rng = SplitMix64(toestand: 42)
        for _ in 0..<Self.gevallen {
            let invoer = willekeurigeInvoer(&rng, negatief: false)
            let solidair = bijdragen(try Verevening.bereken(invoer, scenario: .solidariteit))
            let eigen = invoer.sorted { $0.gemeentecode < $1.gemeentecode }.map(\.eigenKosten.centen)
            let r = willekeurigeBreuk(&rng), h = Euro(centen: rng.getal(0...1_000_000_000))
            func p(_ s: VereveningScenario) throws -> [Int64] { bijdragen(try Verevening.bereken(invoer, scenario: s)) }
            #expect(try p(.profijt) == eigen)
            #expect(try p(.eigenRisico(.nul)) == solidair)
            #expect(try p(.eigenRisico(.een)) == eigen)
            #expect(try p(.bonusMalus(overschrijding: r, onderschrijding: r)) == p(.eigenRisico(r)))
            #expect(try p(.bandbreedte(breedte: .nul, verevend: .een)) == solidair)
            #expect(try p(.bandbreedte(breedte: .nul, verevend: .nul)) == eigen)
            #expect(try p(.drempel(grens: .nul, fractie: .een)) == solidair)  // all client costs are >= 0 here
            #expect(try p(.drempel(grens: h, fractie: .nul)) == eigen)
        }
    }

    @Test("volgorde van de invoer maakt niet uit", arguments: Soort.allCases)
    fileprivate func volgorde(soort: Soort) throws {
        var rng = SplitMix64(toestand: 7_000 + UInt64(Soort.allCases.firstIndex(of: soort)!))
        for _ in 0..<100 {
            let invoer = willekeurigeInvoer(&rng, negatief: true)
            let scenario = willekeurigScenario(soort, &rng, invoer: invoer)
            #expect(try Verevening.bereken(invoer, scenario: scenario) == Verevening.bereken(invoer.shuffled(using: &rng), scenario: scenario))
        }
    }

    @Test("naam leest terug als hetzelfde scenario", arguments: Soort.allCases)
    fileprivate func naamTerug(soort: Soort) throws {
        var rng = SplitMix64(toestand: 99 + UInt64(Soort.allCases.firstIndex(of: soort)!))
        for _ in 0..<100 {
            let s = willekeurigScenario(soort, &rng, invoer: willekeurigeInvoer(&rng, negatief: false))
            #expect(try VereveningScenario.parse(s.naam) == s)
        }
    }

    @Test("cumulatief: saldo's over de jaren tellen op tot nul")
    func cumulatiefBehoud() throws {
        var rng = SplitMix64(toestand: 2016)
        for _ in 0..<100 {
            var jaren: [VereveningUitkomst] = []
            for _ in 0..<rng.getal(1...4) {
                let invoer = willekeurigeInvoer(&rng, negatief: false)
                jaren.append(try Verevening.bereken(invoer, scenario: willekeurigScenario(rng.kies(Soort.allCases), &rng, invoer: invoer)))
            }
            guard let c = try? Verevening.cumulatief(jaren) else { continue }  // huge years may not fit together
            #expect(c.reduce(Int64(0)) { $0 + $1.saldo.centen } == 0)
            for regel in c {
                let rijen = jaren.compactMap { $0.regel(regel.gemeentecode) }
                #expect(regel.aantalJaren == rijen.count)
                #expect(regel.bijdrage.centen == rijen.reduce(Int64(0)) { $0 + $1.bijdrage.centen })
                #expect(regel.saldo.centen == regel.eigenKosten.centen - regel.bijdrage.centen)
            }
        }
    }
}

// MARK: - Seed: Quick scan zorguitgaven Regio Amersfoort (2019), table 1

@Suite("Verevening: Regio Amersfoort 2016-2018")
struct VereveningSeedTests {
    /// Tests/Fixtures/reference: the seed documents' figures as CSV (the test file is <repo>/Tests/RegioCoreTests/).
    private static func referentie(_ naam: String) throws -> [[String]] {
        let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tekst = try String(contentsOf: repo.appendingPathComponent("Tests/Fixtures/reference/\(naam)"), encoding: .utf8)
        return tekst.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
    }

    private struct Jaar { var totaal: Int64; var voor: [String: Int64] = [:]; var na: [String: Int64] = [:] }

    private static func jaren() throws -> [Int: Jaar] {
        var jaren: [Int: Jaar] = [:]
        for r in try referentie("verevening-totalen.csv") { jaren[Int(r[0])!] = Jaar(totaal: Int64(r[1])!) }
        for r in try referentie("verevening-2016-2018.csv") {
            let code = String(r[0].dropFirst(2))  // GM0307 -> 0307
            jaren[Int(r[1])!]!.voor[code] = Int64(r[2])!
            jaren[Int(r[1])!]!.na[code] = Int64(r[3])!
        }
        return jaren
    }

    /// A = share before equalization x total, key = share after; solidariteit for 2016, 2017 and 2018.
    private static func uitkomsten(_ scenario: VereveningScenario = .solidariteit) throws -> [Int: VereveningUitkomst] {
        try jaren().mapValues { j in
            // voor% x total euros = voor x total cents
            try Verevening.bereken(j.voor.keys.map { code in
                VereveningInvoer(gemeentecode: code, eigenKosten: Euro(centen: j.totaal * j.voor[code]!), sleutelgewicht: j.na[code]!)
            }, scenario: scenario)
        }
    }

    @Test("solidariteit geeft de gedrukte aandelen na verevening")
    func aandelenNa() throws {
        let jaren = try Self.jaren(), uitkomsten = try Self.uitkomsten()
        #expect(jaren.keys.sorted() == [2016, 2017, 2018])
        for (jaar, j) in jaren {
            #expect(j.voor.count == 7)
            // the printed percents add up to 100, 99 (2017) and 100, the same before and after; so
            // K = na/W x (total x voor-sum/100) = na% x total exactly, to the cent
            #expect(j.voor.values.reduce(0, +) == j.na.values.reduce(0, +), "jaar \(jaar)")
            // P / total = na%, i.e. P in cents = total in euros x na
            for r in uitkomsten[jaar]!.regels {
                #expect(r.bijdrage.centen == j.totaal * j.na[r.gemeentecode]!, "\(r.gemeentecode) \(jaar)")
            }
        }
    }

    @Test("voordeel- en nadeelgemeenten over 2016-2018")
    func patroon() throws {
        let c = try Verevening.cumulatief(Array(try Self.uitkomsten().values))
        let saldo = Dictionary(uniqueKeysWithValues: c.map { ($0.gemeentecode, $0.saldo) })
        // as the report says: Amersfoort, Bunschoten, Eemnes nadeel; Leusden, Soest, Woudenberg voordeel
        for code in ["0307", "0313", "0317"] { #expect(saldo[code]! < .nul, "\(code) nadeel") }
        for code in ["0327", "0342", "0351"] { #expect(saldo[code]! > .nul, "\(code) voordeel") }
        // by hand, saldo = total x (voor - na)% per year, in euros:
        // 0307: 31.428.000 x 1% - 33.958.000 x 2% - 33.946.000 x 4% = 314.280 - 679.160 - 1.357.840 = -1.722.720
        // 0308 (Baarn, not named in the report): 0 + 0 - 339.460 = -339.460, so nadeel too (2018 only)
        // 0313 and 0317: -314.280 - 339.580 + 0 = -653.860
        // 0327: 314.280 + 3 x 339.580 + 339.460 = 1.672.480; 0342: -314.280 + 0 + 3 x 339.460 = 704.100
        // 0351: 314.280 + 339.580 + 339.460 = 993.320; the sum is 0
        #expect(c.map(\.gemeentecode) == ["0307", "0308", "0313", "0317", "0327", "0342", "0351"])
        #expect(c.map(\.saldo) == [-1_722_720, -339_460, -653_860, -653_860, 1_672_480, 704_100, 993_320].map { Euro(euro: $0) })
        #expect(c.allSatisfy { $0.aantalJaren == 3 })
    }

    @Test("elk scenario verdeelt de verevende kosten 2016-2018 precies", arguments: [
        "solidariteit", "profijt", "eigen-risico:25%", "drempel:0", "bandbreedte:10%:50%", "bonus-malus:50%:20%",
    ])
    func behoudOpSeed(tekst: String) throws {
        let scenario = try VereveningScenario.parse(tekst)
        // drempel needs client costs: with none given, it must refuse rather than guess
        guard scenario.soort != "drempel" else {
            #expect(throws: VereveningFout.self) { try Self.uitkomsten(scenario) }
            return
        }
        for (jaar, u) in try Self.uitkomsten(scenario) {
            let j = try Self.jaren()[jaar]!
            #expect(u.totaal.centen == j.totaal * j.voor.values.reduce(0, +))
            #expect(u.regels.reduce(Int64(0)) { $0 + $1.bijdrage.centen } == u.totaal.centen)
        }
    }
}
