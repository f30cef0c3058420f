/// An exact amount of money in eurocents. Never a floating-point value. The operators trap on overflow: they are for
/// amounts within `Grenzen` (which the import and the stores enforce); sums over data use the checked `plus`, `keer`.
public struct Euro: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var centen: Int64

    public init(centen: Int64) { self.centen = centen }
    public init(euro: Int64) { self.centen = euro * 100 }

    public static let nul = Euro(centen: 0)

    public static func + (a: Euro, b: Euro) -> Euro { Euro(centen: a.centen + b.centen) }
    public static func - (a: Euro, b: Euro) -> Euro { Euro(centen: a.centen - b.centen) }
    public static prefix func - (a: Euro) -> Euro { Euro(centen: -a.centen) }
    public static func += (a: inout Euro, b: Euro) { a.centen += b.centen }
    public static func -= (a: inout Euro, b: Euro) { a.centen -= b.centen }
    public static func * (a: Euro, n: Int64) -> Euro { Euro(centen: a.centen * n) }
    public static func < (a: Euro, b: Euro) -> Bool { a.centen < b.centen }

    /// The amount in euros as a Double, for ratios and charts only; never for sums.
    public var alsDouble: Double { Double(centen) / 100 }

    /// Parses an amount in euros as written in Dutch or international exports: "1234.56", "1234,56", "-12", "1.234,56".
    /// Returns nil for more than two decimals and for an ambiguous "1.234": an amount is never rounded or guessed.
    public static func parse(_ tekst: String) -> Euro? {
        if let e = parseMachine(tekst.utf8) { return e }
        var s = Substring(tekst.trimmingSpaces)
        var negatief = false
        if s.first == "-" { negatief = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let punten = s.filter { $0 == "." }.count, kommas = s.filter { $0 == "," }.count
        var geheel = s, fractie: Substring = ""
        func groepenKloppen(_ deel: Substring, _ teken: Character) -> Bool {
            let groepen = deel.split(separator: teken, omittingEmptySubsequences: false)
            return groepen.first.map { (1...3).contains($0.count) } == true && groepen.dropFirst().allSatisfy { $0.count == 3 }
        }
        if punten > 0 && kommas > 0 {
            let decimaal: Character = s.lastIndex(of: ",")! > s.lastIndex(of: ".")! ? "," : "."
            let groep: Character = decimaal == "," ? "." : ","
            guard s.filter({ $0 == decimaal }).count == 1 else { return nil }
            let i = s.lastIndex(of: decimaal)!
            guard groepenKloppen(s[..<i], groep) else { return nil }
            geheel = Substring(s[..<i].filter { $0 != groep })
            fractie = s[s.index(after: i)...]
        } else if punten + kommas == 1 {
            let i = s.firstIndex(where: { $0 == "." || $0 == "," })!
            fractie = s[s.index(after: i)...]
            geheel = s[..<i]
            guard fractie.count != 3 else { return nil }  // "1.234": thousands or decimals? refuse to guess
        } else if punten + kommas > 1 {
            let teken: Character = punten > 0 ? "." : ","
            guard groepenKloppen(s, teken) else { return nil }
            geheel = Substring(s.filter { $0 != teken })
        }
        guard !(geheel.isEmpty && fractie.isEmpty), fractie.count <= 2 else { return nil }
        guard let e = geheel.isEmpty ? Int64(0) : Int64(geheel) else { return nil }
        let c = fractie.isEmpty ? Int64(0) : Int64(fractie)! * (fractie.count == 1 ? 10 : 1)
        let (m, overloop) = e.multipliedReportingOverflow(by: 100)
        let (som, overloop2) = m.addingReportingOverflow(c)
        guard !overloop, !overloop2 else { return nil }
        return Euro(centen: negatief ? -som : som)
    }

    /// "-1234.56": an optional minus, 1-15 digits, optionally a point and one or two digits; read from the bytes.
    /// Everything else (grouping, commas, spaces, three decimals) goes to the general parser, which decides.
    static func parseMachine(_ b: String.UTF8View) -> Euro? {
        var geheel: Int64 = 0, fractie: Int64 = 0, cijfers = 0, decimalen = -1, negatief = false, eerste = true
        for x in b {
            if eerste && x == UInt8(ascii: "-") { negatief = true; eerste = false; continue }
            eerste = false
            if x == UInt8(ascii: ".") {
                guard decimalen < 0, cijfers > 0 else { return nil }
                decimalen = 0
            } else if x >= 0x30 && x <= 0x39 {
                if decimalen >= 0 {
                    decimalen += 1
                    guard decimalen <= 2 else { return nil }
                    fractie = fractie * 10 + Int64(x - 0x30)
                } else {
                    cijfers += 1
                    guard cijfers <= 15 else { return nil }
                    geheel = geheel * 10 + Int64(x - 0x30)
                }
            } else {
                return nil
            }
        }
        guard cijfers > 0, decimalen != 0 else { return nil }
        let c = geheel * 100 + (decimalen == 1 ? fractie * 10 : fractie)
        return Euro(centen: negatief ? -c : c)
    }

    /// "1234.56" with a point, the machine form for csv/json.
    public var machineTekst: String {
        let a = centen.magnitude
        let f = a % 100
        return (centen < 0 ? "-" : "") + "\(a / 100)." + (f < 10 ? "0\(f)" : "\(f)")
    }

    /// "€ 1.234.567,89", the Dutch form for people.
    public var description: String { "€ " + Euro.groepeer(centen.magnitude / 100, negatief: centen < 0) + "," + twee(centen.magnitude % 100) }

    /// "€ 1.234.568", rounded to whole euros for overviews (half away from zero).
    public var heleEuros: String {
        let a = (centen.magnitude + 50) / 100
        return "€ " + Euro.groepeer(a, negatief: centen < 0 && a > 0)
    }

    /// The one short form of an amount in whole euros, for chart axes, bar labels and tiles, written as the tables
    /// write amounts: "€ 250.000", "€ 1,25 mln" (two decimals below EUR 10 mln), "€ 12,5 mln" (one from there),
    /// trailing zeros dropped ("€ 1,5 mln", "€ 2 mln"), a minus after the euro sign ("€ -500.000", as `heleEuros`);
    /// `plus` shows "+" before a gain (a change, an advantage). No sign on what shows as zero; "-" for no number.
    public static func kort(_ euros: Double, plus: Bool = false) -> String {
        guard euros.isFinite else { return "-" }
        let a = euros.magnitude
        var tekst: String
        if a.rounded() >= 1_000_000 {
            let mln = a / 1_000_000
            tekst = Tabel.decimaal(mln, mln >= 10 ? 1 : 2)
            while tekst.hasSuffix("0") && tekst.contains(".") { tekst.removeLast() }
            if tekst.hasSuffix(".") { tekst.removeLast() }
            tekst = tekst.replacing(".", with: ",") + " mln"
        } else {
            tekst = groepeer(UInt64(a.rounded()), negatief: false)
        }
        let nul = a.rounded() == 0
        return "€ " + (nul ? "" : euros < 0 ? "-" : plus ? "+" : "") + tekst
    }

    static func groepeer(_ n: UInt64, negatief: Bool) -> String {
        let s = String(n)
        var uit = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { uit.append(".") }
            uit.append(c)
        }
        return (negatief ? "-" : "") + uit
    }

    private func twee(_ n: UInt64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Sequence where Element == Euro {
    public func som() -> Euro { reduce(.nul, +) }
}

extension Euro {
    /// Multiplies by a ratio num/den, rounding half away from zero to the cent. Used where a rule prescribes a
    /// proportion (volume x tariff, pro rata); the rounding is part of each rule's documented definition.
    public func maal(_ teller: Int64, gedeeldDoor noemer: Int64) -> Euro {
        precondition(noemer != 0)
        let p = centen.multipliedFullWidth(by: teller)
        let (q, r) = noemer.dividingFullWidth(p)
        var uit = q
        // round half away from zero
        if r != 0 && 2 * r.magnitude >= noemer.magnitude {
            uit += ((r < 0) != (noemer < 0)) ? -1 : 1
        }
        return Euro(centen: uit)
    }

    /// Splits the amount over weights so that the parts add up exactly (largest remainder; ties go to the
    /// earlier weight). Weights must be non-negative with a positive sum.
    public func verdeel(naar gewichten: [Int64]) -> [Euro] {
        let totaalGewicht = gewichten.reduce(0, +)
        precondition(totaalGewicht > 0 && gewichten.allSatisfy { $0 >= 0 })
        var delen: [Int64] = []
        var resten: [(Int, Int64)] = []
        var verdeeld: Int64 = 0
        let teken: Int64 = centen < 0 ? -1 : 1
        let bedrag = centen.magnitude
        for (i, g) in gewichten.enumerated() {
            let p = UInt64(g).multipliedFullWidth(by: bedrag)
            let (q, r) = UInt64(totaalGewicht).dividingFullWidth(p)
            delen.append(Int64(q))
            resten.append((i, Int64(r)))
            verdeeld += Int64(q)
        }
        var over = Int64(bedrag) - verdeeld
        for (i, _) in resten.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }) where over > 0 {
            delen[i] += 1
            over -= 1
        }
        return delen.map { Euro(centen: $0 * teken) }
    }
}

/// An amount that does not fit in 64-bit cents: a sum or product far beyond `Grenzen`.
public struct Bedragoverloop: Error, Sendable, Equatable, CustomStringConvertible {
    public let reden: String
    public init(_ reden: String) { self.reden = reden }
    public var description: String { "bedrag te groot om te rekenen: \(reden)" }
}

/// Checked arithmetic: an error instead of a trap, for sums and conversions over data.
extension Euro {
    public func plus(_ b: Euro) throws(Bedragoverloop) -> Euro {
        let (s, over) = centen.addingReportingOverflow(b.centen)
        guard !over else { throw Bedragoverloop("\(machineTekst) + \(b.machineTekst)") }
        return Euro(centen: s)
    }

    public func minus(_ b: Euro) throws(Bedragoverloop) -> Euro {
        let (s, over) = centen.subtractingReportingOverflow(b.centen)
        guard !over else { throw Bedragoverloop("\(machineTekst) - \(b.machineTekst)") }
        return Euro(centen: s)
    }

    public func keer(_ n: Int64) throws(Bedragoverloop) -> Euro {
        let (p, over) = centen.multipliedReportingOverflow(by: n)
        guard !over else { throw Bedragoverloop("\(machineTekst) x \(n)") }
        return Euro(centen: p)
    }

    /// `maal(_:gedeeldDoor:)` with the same rounding, but an error where the result does not fit.
    public func keer(_ teller: Int64, gedeeldDoor noemer: Int64) throws(Bedragoverloop) -> Euro {
        guard noemer != 0 else { throw Bedragoverloop("\(machineTekst) x \(teller) / 0") }
        let negatief = ((centen < 0) != (teller < 0)) != (noemer < 0)
        let p = centen.magnitude.multipliedFullWidth(by: teller.magnitude), n = noemer.magnitude
        guard p.high < n else { throw Bedragoverloop("\(machineTekst) x \(teller) / \(noemer)") }
        let (q, r) = n.dividingFullWidth(p)
        // half away from zero: 2r >= n, without overflowing 2r
        let m = r != 0 && r >= n - r ? q &+ 1 : q
        guard m <= UInt64(Int64.max), m >= q else { throw Bedragoverloop("\(machineTekst) x \(teller) / \(noemer)") }
        return Euro(centen: negatief ? -Int64(m) : Int64(m))
    }

    /// Cents computed as a Double (a forecast, an interval) rounded to whole cents; an error for NaN, infinity or
    /// a value beyond 64-bit cents, where `Int64(_:)` would trap.
    public init(afgerondeCenten x: Double) throws(Bedragoverloop) {
        let r = x.rounded()
        // 2^63 is exactly representable; every Double below it converts
        guard r.isFinite, r >= -9_223_372_036_854_775_808.0, r < 9_223_372_036_854_775_808.0 else {
            throw Bedragoverloop("\(x) eurocent")
        }
        self.init(centen: Int64(r))
    }
}

extension Sequence where Element == Euro {
    /// `som()` with an error instead of a trap.
    public func somGecontroleerd() throws(Bedragoverloop) -> Euro {
        var s = Euro.nul
        for e in self { s = try s.plus(e) }
        return s
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\u{00A0}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{00A0}" { s = s.dropLast() }
        return String(s)
    }
}
