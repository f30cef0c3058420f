import Testing
@testable import RegioCore

/// Issue 26, part 3: sums and conversions over data give an error where they would not fit, never a trap.
@Suite struct OverloopTests {
    static let groot = Euro(centen: 5_000_000_000_000_000_000)   // EUR 5e16

    @Test func gecontroleerdRekenen() throws {
        #expect(throws: Bedragoverloop.self) { try Self.groot.plus(Self.groot) }
        #expect(throws: Bedragoverloop.self) { try (-Self.groot).minus(Self.groot) }
        #expect(throws: Bedragoverloop.self) { try Self.groot.keer(2) }
        #expect(throws: Bedragoverloop.self) { try Self.groot.keer(3, gedeeldDoor: 1) }
        #expect(throws: Bedragoverloop.self) { try Euro(euro: 1).keer(1, gedeeldDoor: 0) }
        #expect(try Self.groot.plus(-Self.groot) == .nul)
        #expect(throws: Bedragoverloop.self) { try [Self.groot, Self.groot].somGecontroleerd() }
        // 100,00 x 1/3 = 33,333.. -> 33,33; x 2/3 = 66,67 (half away from zero); negative likewise
        #expect(try Euro(euro: 100).keer(1, gedeeldDoor: 3) == Euro(centen: 3_333))
        #expect(try Euro(euro: 100).keer(2, gedeeldDoor: 3) == Euro(centen: 6_667))
        #expect(try Euro(euro: -100).keer(2, gedeeldDoor: 3) == Euro(centen: -6_667))
        #expect(try Euro(centen: 5).keer(1, gedeeldDoor: -2) == Euro(centen: -3))
        // the largest representable, twice halved back
        #expect(try Euro(centen: .max).keer(2, gedeeldDoor: 2) == Euro(centen: .max))
    }

    @Test func doubleNaarCenten() throws {
        #expect(try Euro(afgerondeCenten: 1234.5) == Euro(centen: 1235))
        #expect(try Euro(afgerondeCenten: -1234.5) == Euro(centen: -1235))
        for x in [Double.nan, .infinity, -.infinity, 9.3e18, -9.3e18, 9_223_372_036_854_775_808.0] {
            #expect(throws: Bedragoverloop.self) { try Euro(afgerondeCenten: x) }
        }
        #expect(try Euro(afgerondeCenten: -9_223_372_036_854_775_808.0) == Euro(centen: .min))
    }

    /// The checked forms give what the trapping ones give wherever those do not trap: random operands, seeded.
    @Test func gecontroleerdGelijkAanOngecontroleerd() throws {
        var k = SplitMix(zaad: 26)
        for _ in 0..<20_000 {
            let a = Euro(centen: k.bedrag()), b = Euro(centen: k.bedrag())
            let (s, o) = a.centen.addingReportingOverflow(b.centen)
            if o { #expect(throws: Bedragoverloop.self) { try a.plus(b) } } else { #expect(try a.plus(b) == Euro(centen: s)) }
            let teller = Int64.random(in: -1_000_000...1_000_000, using: &k), noemer = Int64.random(in: 1...1_000_000, using: &k)
            // below 2^40 x 2^20 the quotient fits: maal does not trap there, and both must agree
            if a.centen.magnitude < 1 << 40 {
                #expect(try a.keer(teller, gedeeldDoor: noemer) == a.maal(teller, gedeeldDoor: noemer), "\(a) \(teller) \(noemer)")
            }
            if a.centen.magnitude >= 1 << 62 {
                #expect(throws: Bedragoverloop.self) { try a.keer(4, gedeeldDoor: 1) }
                #expect(throws: Bedragoverloop.self) { try a.keer(4) }
            }
        }
    }

    /// Sums of lines beyond any bound: the monthly sums refuse the line instead of overflowing, and a forecast over
    /// such data (not from a store, which refuses it earlier) throws instead of trapping on Double -> Int64.
    @Test func sommenEnPrognoseWeigerenAbsurdeRegels() throws {
        var g = JaarprognoseTests.regio()
        let m = Maand(jaar: 2019, maand: 2)
        for nr in ["X1", "X2"] {
            g.declaraties.append(Declaratieregel(declaratienummer: nr, referentienummer: "R", toewijzingnummer: "T1", client: "K",
                                                 gemeentecode: "0001", agb: "12345678", productcategorie: "45", productcode: "45A04",
                                                 begindatum: m.eersteDag, einddatum: m.laatsteDag, bedrag: Self.groot,
                                                 ingediendOp: JaarprognoseTests.d("2019-03-10")))
        }
        #expect(throws: Gegevensfout.self) { try Declaratieaggregaten.van(g) }
        #expect(throws: Gegevensfout.self) { try g.controleerGrenzen() }
        let basis = Jaarprognose.Basis(g, per: .gemeente)
        #expect(throws: ChainLadderFout.self) { try Jaarprognose(basis, jaar: 2019, peildatum: JaarprognoseTests.d("2019-06-30")) }
        #expect(throws: ChainLadderFout.self) { try Backtest.voerUit(basis, jaren: 2019...2019) }
        // the rounding of forecasts to cents: no number, or too large for cents, is an error
        #expect(throws: ChainLadderFout.self) { try Jaarprognose.centen([1, .nan]) }
        #expect(throws: ChainLadderFout.self) { try Jaarprognose.centen([1e19]) }
        // 301 in total; the one cent left over goes to the largest remainder, the first 0,4
        #expect(try Jaarprognose.centen([100.4, 100.4, 100.2]) == [Euro(centen: 101), Euro(centen: 100), Euro(centen: 100)])
    }

    /// An absurd volume x tariff per day over a century: the commitment is unknown (counted as such), not a trap.
    @Test func absurdeVerplichtingIsOnbekend() {
        let t = Toewijzing(toewijzingnummer: "T1", client: "K", gemeentecode: "0001", agb: "12345678", productcategorie: "45",
                           ingangsdatum: JaarprognoseTests.d("2000-01-01"), einddatum: JaarprognoseTests.d("2100-12-31"),
                           volume: Grenzen.volume, frequentie: .perDag, toewijzingsdatum: JaarprognoseTests.d("2000-01-01"))
        #expect(Verplichting.binnen(t, van: t.ingangsdatum, tot: t.einddatum!, tarief: { _ in Grenzen.tarief }) == nil)
        // a plausible one is still computed: 2 a day x EUR 10 x 31 days
        var klein = t
        klein.volume = 2
        #expect(Verplichting.binnen(klein, van: JaarprognoseTests.d("2019-01-01"), tot: JaarprognoseTests.d("2019-01-31"),
                                    tarief: { _ in Euro(euro: 10) }) == Euro(euro: 620))
    }

    @Test func weergaveVanGeenGetal() {
        #expect(Tabel.decimaal(.nan, 1) == "-")
        #expect(Tabel.procentTekst(.infinity) == "∞%")
        #expect(Tabel.decimaal(1e30, 2) == "1e+30")
        #expect(Tabel.groepeer(1e30) == "1e+30")
        #expect(Tabel.groepeer(-1234.4) == "-1.234")
    }
}

/// SplitMix64, seeded: the same numbers on every run and machine.
struct SplitMix: RandomNumberGenerator {
    var toestand: UInt64
    init(zaad: UInt64) { toestand = zaad }
    mutating func next() -> UInt64 {
        toestand &+= 0x9E37_79B9_7F4A_7C15
        var z = toestand
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Amounts of every size: small, near the bounds, near 2^63.
    mutating func bedrag() -> Int64 {
        switch Int.random(in: 0..<4, using: &self) {
        case 0: Int64.random(in: -100_000...100_000, using: &self)
        case 1: Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &self)
        case 2: Int64.random(in: Int64.min...Int64.max, using: &self)
        default: Int64.random(in: (Int64.max - 1000)...Int64.max, using: &self) * (Bool.random(using: &self) ? 1 : -1)
        }
    }
}
