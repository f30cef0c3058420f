import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore

/// Issue 26, part 3: property tests with random input (seeded, bounded: a few seconds) for the CSV line parser and
/// the sums. A trap anywhere ends the test run, so these fail on any input that crashes. More rounds or another seed
/// locally: REGIOMONITOR_EIGENSCHAP_RONDES=20 REGIOMONITOR_EIGENSCHAP_ZAAD=7 scripts/test --filter ImportEigenschapTests
@Suite struct ImportEigenschapTests {
    static let omgeving = ProcessInfo.processInfo.environment
    static let rondes = omgeving["REGIOMONITOR_EIGENSCHAP_RONDES"].flatMap(Int.init) ?? 1
    static let zaad = omgeving["REGIOMONITOR_EIGENSCHAP_ZAAD"].flatMap(UInt64.init) ?? 26

    /// Fields of any text (delimiters, quotes, CR, LF, spaces, multi-byte letters) written as CSV are read back as
    /// they were, with the line each record starts on.
    @Test func schrijvenEnTerugLezen() throws {
        var k = Toeval(zaad: Self.zaad)
        let tekens: [String] = [",", ";", "\"", "\r", "\n", " ", "\t", "a", "Z", "0", "9", "é", "€", "ß", "-", "=", "'"]
        for _ in 0..<(1_000 * Self.rondes) {
            let aantal = Int.random(in: 1...6, using: &k)
            var records: [[String]] = []
            for _ in 0..<Int.random(in: 1...8, using: &k) {
                records.append((0..<aantal).map { _ in
                    String((0..<Int.random(in: 0...12, using: &k)).map { _ in Character(tekens.randomElement(using: &k)!) })
                })
            }
            // a record of one empty field is a blank line, which the reader skips (as it should)
            records = records.filter { $0 != [""] }
            guard !records.isEmpty else { continue }
            var tekst = "", regels: [Int] = [], regel = 1
            for r in records {
                regels.append(regel)
                // quoted when it holds a delimiter (either: the reader sniffs it), a quote, a line break, or starts with a space
                let velden = r.map { v in
                    v.unicodeScalars.contains { ",;\"\r\n".unicodeScalars.contains($0) } || v.first == " "
                        ? "\"" + v.replacing("\"", with: "\"\"") + "\"" : v
                }
                let lijn = velden.joined(separator: ",")
                tekst += lijn + "\n"
                regel += lijn.utf8.filter { $0 == 10 }.count + 1   // the reader counts physical lines by their LF
            }
            var lezer = CSVLezer(bytes: Array(tekst.utf8))
            var gelezen: [CSVRecord] = []
            while let r = try lezer.volgende() { gelezen.append(r) }
            #expect(gelezen.map(\.velden) == records, "\(tekst.debugDescription)")
            #expect(gelezen.map(\.regel) == regels, "\(tekst.debugDescription)")
            #expect(gelezen.allSatisfy { $0.problemen.isEmpty }, "\(tekst.debugDescription)")
        }
    }

    /// Random bytes: the reader ends in a record list or the one error of an open quote, never a trap; no field is
    /// longer than the limit, no record has more fields; every problem names a field of its record.
    @Test func willekeurigeBytes() throws {
        var k = Toeval(zaad: Self.zaad &+ 1)
        let bytes: [UInt8] = [44, 59, 34, 13, 10, 32, 9, 0, 1, 0x1B, 0x7F, 0x80, 0x81, 0x9D, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xEB, 0xFF,
                              48, 57, 65, 97]
        for _ in 0..<(5_000 * Self.rondes) {
            var invoer = (0..<Int.random(in: 0...300, using: &k)).map { _ in bytes.randomElement(using: &k)! }
            if Bool.random(using: &k) { invoer += [UInt8](repeating: 65, count: Int.random(in: 4_000...5_000, using: &k)) }
            var lezer = CSVLezer(bytes: invoer)
            var vorige = 0
            do {
                while let r = try lezer.volgende() {
                    #expect(r.regel > vorige)
                    vorige = r.regel
                    #expect(r.velden.count <= CSVLezer.maxVelden)
                    #expect(r.velden.allSatisfy { $0.unicodeScalars.count <= CSVLezer.maxVeld })
                    #expect(r.problemen.allSatisfy { $0.veld <= r.velden.count })
                }
            } catch {
                #expect(error.reden == "aanhalingsteken niet afgesloten")
            }
        }
    }

    /// Random declaration lines (amounts of every size and notation, dates of any year or none, long periods,
    /// credits, rejected lines) through the import: every refused line is named, the rest imports cleanly and within
    /// the bounds, and the sums, figures, forecast and backtest over it run (no trap) and add up to the lines.
    @Test(arguments: Backend.alle) func willekeurigeDeclaratiesEnSommen(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        try r.laad("tw.csv", toewijzingKop + "\nT1,C1,0307,75000001,45,45A04,2000-01-01,,3,04,2,2000-01-01\n")
        var k = Toeval(zaad: Self.zaad &+ 2)
        var nummer = 0
        for ronde in 0..<(8 * Self.rondes) {
            var regels: [String] = []
            for _ in 0..<250 {
                nummer += 1
                let (van, tot) = Self.periode(&k)
                regels.append("D\(nummer),R1,T1,C1,0307,75000001,45,45A04,\(van),\(tot),\(Self.bedrag(&k)),\(Self.datum(&k)),"
                              + "\(["D", "C", "d", "X"].randomElement(using: &k)!),\(["toegekend", "afgewezen", "ingediend"].randomElement(using: &k)!)")
            }
            let kop = declaratieKop + ",debet_credit,status"
            let v = r.verslag("d\(ronde).csv", kop + "\n" + regels.joined(separator: "\n") + "\n")
            // each error names a line of the file; without those lines the file goes in whole
            let fout = Set(v.fouten.compactMap(\.regel))
            #expect(v.fouten.allSatisfy { $0.regel.map { (2...(regels.count + 1)).contains($0) } ?? false }, "\(v.fouten.prefix(3))")
            let over = regels.enumerated().filter { !fout.contains($0.offset + 2) }.map(\.element)
            guard !over.isEmpty else { continue }
            let w = r.verslag("d\(ronde).csv", kop + "\n" + over.joined(separator: "\n") + "\n")
            #expect(w.fouten.isEmpty, "\(w.fouten.prefix(3))")
            #expect(w.telling.toegevoegd == over.count)
        }
        let g = try r.store.gegevens()   // throws for anything outside the bounds: nothing may be
        #expect(g.declaraties.count > 100)
        let a = r.store
        try a.ververstAggregaten()
        let jaren = Set(g.declaraties.flatMap { [$0.begindatum.jaar, $0.einddatum.jaar] })
        let bereik = try #require(jaren.min())...(try #require(jaren.max()))
        let sommen = try #require(try a.aggregaten(jaren: bereik))
        // the sums add up to the lines: debit minus credit, rejected lines not at all
        let lijnen = g.declaraties.map(\.kosten.centen).reduce(0, +)
        #expect(sommen.kosten.values.map(\.centen).reduce(0, +) == lijnen)
        #expect(try Declaratieaggregaten.van(g).driehoek.values.map(\.centen).reduce(0, +) == lijnen)
        let k2 = Monitoring.kengetallen(g, van: Dag.eersteVan(jaar: bereik.lowerBound), tot: Dag.laatsteVan(jaar: bereik.upperBound), per: .gemeente)
        #expect(k2.totaal.gedeclareerd.centen == lijnen)
        let basis = Jaarprognose.Basis(g, per: .gemeente)
        for jaar in bereik.lowerBound...min(bereik.upperBound, bereik.lowerBound + 3) {
            _ = try? Jaarprognose(basis, jaar: jaar, peildatum: Maand(jaar: jaar, maand: 6).laatsteDag)
        }
        _ = try Backtest.voerUit(basis, jaren: bereik.lowerBound...min(bereik.upperBound, bereik.lowerBound + 1))
    }

    static func bedrag(_ k: inout Toeval) -> String {
        switch Int.random(in: 0..<12, using: &k) {
        case 0...4: String(format: "%.2f", Double(Int.random(in: 0...500_000, using: &k)) / 100)
        case 5: "\(Int.random(in: 1...9, using: &k)).\(Int.random(in: 100...999, using: &k)),\(Int.random(in: 10...99, using: &k))"
        case 6: ["10000000.00", "10000000.01", "9999999.99"].randomElement(using: &k)!
        case 7: ["90000000000000000.00", "92233720368547758.99", "50000000000000000", "99999999999999999999999"].randomElement(using: &k)!
        case 8: ["-5", "-0.01", "1.234", "12,345", "1e5", "nan", "", " 12 ", "0x10", "١٢"].randomElement(using: &k)!
        case 9: String(Int64.random(in: 0...Int64.max, using: &k))
        default: "\(Int.random(in: 0...100, using: &k))"
        }
    }

    static func datum(_ k: inout Toeval) -> String {
        switch Int.random(in: 0..<8, using: &k) {
        case 0...4: Dag(dagnummer: Int32.random(in: 10_957...18_262, using: &k)).description   // 2000-2019
        case 5: Dag(dagnummer: Int32.random(in: -719_162...2_932_896, using: &k)).description  // 0001-9999
        case 6: Dag(dagnummer: Int32.random(in: 10_957...18_262, using: &k)).nederlands
        default: ["2019-02-30", "2019-13-01", "0000-01-01", "", "31-12-2019", "2019/06/01", "2019-6-1"].randomElement(using: &k)!
        }
    }

    /// Mostly a month; sometimes days, years, centuries, or the wrong way round.
    static func periode(_ k: inout Toeval) -> (String, String) {
        let begin = Dag(dagnummer: Int32.random(in: 14_610...18_262, using: &k))   // 2010-2019
        switch Int.random(in: 0..<8, using: &k) {
        case 0...4: return (begin.maand.eersteDag.description, begin.maand.laatsteDag.description)
        case 5: return (begin.description, (begin + Int.random(in: 0...800, using: &k)).description)
        case 6: return (begin.description, (begin - Int.random(in: 1...40, using: &k)).description)
        default: return (datum(&k), datum(&k))
        }
    }
}

/// SplitMix64, seeded: the same random input on every run and machine.
struct Toeval: RandomNumberGenerator {
    var toestand: UInt64
    init(zaad: UInt64) { toestand = zaad }
    mutating func next() -> UInt64 {
        toestand &+= 0x9E37_79B9_7F4A_7C15
        var z = toestand
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
