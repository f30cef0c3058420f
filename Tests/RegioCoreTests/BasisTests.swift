import Testing
@testable import RegioCore

@Suite struct EuroTests {
    @Test(arguments: [
        ("1234.56", 123_456), ("1234,56", 123_456), ("1.234,56", 123_456), ("1,234.56", 123_456), ("-12", -1_200),
        ("12,5", 1_250), ("0.07", 7), ("1.234.567", 123_456_700), (" 42 ", 4_200), ("+3,10", 310), (",5", 50),
    ] as [(String, Int64)])
    func parseert(_ tekst: String, _ centen: Int64) {
        #expect(Euro.parse(tekst) == Euro(centen: centen))
    }

    // three decimals would need rounding; "1.234" could be 1234 or 1.234: both refused, never guessed
    @Test(arguments: ["0,005", "1.234", "12.345", "1.2.3", "abc", "", "1,2,3", "12-3", "1.234.56", "1e5"])
    func weigert(_ tekst: String) {
        #expect(Euro.parse(tekst) == nil)
    }

    @Test func maalRondtHalfVanNulAf() {
        #expect(Euro(centen: 1).maal(1, gedeeldDoor: 2) == Euro(centen: 1))
        #expect(Euro(centen: -1).maal(1, gedeeldDoor: 2) == Euro(centen: -1))
        #expect(Euro(centen: 100).maal(1, gedeeldDoor: 3) == Euro(centen: 33))
        #expect(Euro(centen: 200).maal(1, gedeeldDoor: 3) == Euro(centen: 67))
        // 8500 cents x 3 hours x 10 days / 7 = 36428.57.. -> 36429
        #expect((Euro(centen: 8_500) * 3).maal(10, gedeeldDoor: 7) == Euro(centen: 36_429))
    }

    @Test func verdeelTeltExactOp() {
        #expect(Euro(centen: 100).verdeel(naar: [1, 1, 1]) == [Euro(centen: 34), Euro(centen: 33), Euro(centen: 33)])
        #expect(Euro(centen: -100).verdeel(naar: [1, 1, 1]) == [Euro(centen: -34), Euro(centen: -33), Euro(centen: -33)])
        // 31000 over 17 and 15 days: 16468.75 and 14531.25 -> the .75 gets the cent
        #expect(Euro(centen: 31_000).verdeel(naar: [17, 15]) == [Euro(centen: 16_469), Euro(centen: 14_531)])
        var x: UInt64 = 12345
        for _ in 0..<500 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let bedrag = Int64(bitPattern: x) % 10_000_000_000
            let gewichten = (0..<Int(x % 7 + 1)).map { i in Int64((x >> UInt64(i * 5)) % 1000) + 1 }
            #expect(Euro(centen: bedrag).verdeel(naar: gewichten).som() == Euro(centen: bedrag))
        }
    }

    @Test func tekstvormen() {
        #expect(Euro(centen: 123_456_789).description == "€ 1.234.567,89")
        #expect(Euro(centen: -5).description == "€ -0,05")
        #expect(Euro(centen: 123_456_789).heleEuros == "€ 1.234.568")
        #expect(Euro(centen: -123_450).machineTekst == "-1234.50")
    }
}

@Suite struct DagTests {
    @Test(arguments: ["2027-06-31", "2023-02-29", "2100-02-29", "2020-13-01", "2020-00-10", "31-04-2021", "2020-1-1", "gisteren"])
    func bestaatNiet(_ s: String) {
        #expect(Dag.parse(s) == nil)
    }

    @Test func parseertBeideVormen() {
        #expect(Dag.parse("2024-02-29") == Dag(jaar: 2024, maand: 2, dag: 29))
        #expect(Dag.parse("2000-02-29") != nil)
        #expect(Dag.parse("31-12-2020") == Dag(jaar: 2020, maand: 12, dag: 31))
        #expect(Dag.parse("2020-12-31T10:00:00") == Dag(jaar: 2020, maand: 12, dag: 31))
    }

    @Test func rekenen() {
        let a = Dag(jaar: 2019, maand: 12, dag: 31)!, b = Dag(jaar: 2020, maand: 3, dag: 1)!
        #expect(b - a == 61)  // 31 Jan + 29 Feb + 1
        #expect(Dag(dagnummer: 0).description == "1970-01-01")
        #expect(Dag(jaar: 2026, maand: 11, dag: 22)!.weekdag == 7)  // a Sunday
        #expect(Dag(jaar: 2021, maand: 3, dag: 31)!.weekdag == 3)
        // every day from 1900 to 2100 survives the round trip through its text
        var d = Dag(jaar: 1900, maand: 1, dag: 1)!
        let eind = Dag(jaar: 2100, maand: 12, dag: 31)!
        while d <= eind {
            let o = d.onderdelen
            #expect(Dag(jaar: o.jaar, maand: o.maand, dag: o.dag) == d)
            d = d + 1
        }
        #expect(Periode(van: a, tot: b).overlapDagen(Dag.eersteVan(jaar: 2020), Dag.laatsteVan(jaar: 2020)) == 61)  // 31 + 29 + 1
    }
}

@Suite struct BSNTests {
    // 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66 = 6*11
    @Test(arguments: ["111222333", "123456782", "999999990"]) func geldig(_ s: String) { #expect(BSN.isGeldig(s)) }
    // 123456789: 147 is not a multiple of 11; 000000000 sums to 0
    @Test(arguments: ["123456789", "000000000", "12345678a", "1234567890", "11122233"]) func ongeldig(_ s: String) { #expect(!BSN.isGeldig(s)) }
}

/// `Euro.kort`: the one short form of an amount, on every chart and label (cases worked by hand).
struct EuroKortTests {
    @Test func kortAlsDeTabellen() {
        #expect(Euro.kort(0) == "€ 0")
        #expect(Euro.kort(0.4) == "€ 0")          // shows as zero: no sign
        #expect(Euro.kort(-0.4) == "€ 0")
        #expect(Euro.kort(249_999.5) == "€ 250.000")
        #expect(Euro.kort(-500_000) == "€ -500.000")  // the minus after "€ ", as `heleEuros` writes it
        #expect(Euro.kort(999_999.4) == "€ 999.999")
        #expect(Euro.kort(999_999.5) == "€ 1 mln")    // rounds to a million: shown in millions
        #expect(Euro.kort(1_234_567) == "€ 1,23 mln")  // two decimals below 10 mln
        #expect(Euro.kort(1_500_000) == "€ 1,5 mln")   // trailing zero dropped
        #expect(Euro.kort(12_345_678) == "€ 12,3 mln") // one decimal from 10 mln
        #expect(Euro.kort(-12_000_000) == "€ -12 mln")
        #expect(Euro.kort(40_280, plus: true) == "€ +40.280")
        #expect(Euro.kort(-314_280, plus: true) == "€ -314.280")
        #expect(Euro.kort(0.2, plus: true) == "€ 0")
        #expect(Euro.kort(.nan) == "-" && Euro.kort(.infinity) == "-")
    }
}
