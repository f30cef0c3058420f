/// An exact non-negative fraction teller/noemer for the parameters of a verevening scenario (R, Q, B, C),
/// always in lowest terms, so that "0.25", "0,25", "25%" and "1/4" are the same value.
public struct VereveningBreuk: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let teller: Int64
    public let noemer: Int64

    /// nil for a negative numerator or a denominator that is not positive.
    public init?(_ teller: Int64, _ noemer: Int64) {
        guard teller >= 0, noemer > 0 else { return nil }
        let d = VereveningBreuk.ggd(teller, noemer)
        self.teller = teller / d
        self.noemer = noemer / d
    }

    public static let nul = VereveningBreuk(0, 1)!
    public static let een = VereveningBreuk(1, 1)!

    /// For display and charts only; every amount is computed from teller and noemer.
    public var alsDouble: Double { Double(teller) / Double(noemer) }

    public static func < (a: VereveningBreuk, b: VereveningBreuk) -> Bool {
        // a.t/a.n < b.t/b.n  <=>  a.t*b.n < b.t*a.n, compared at full width (both non-negative)
        let l = UInt64(a.teller).multipliedFullWidth(by: UInt64(b.noemer))
        let r = UInt64(b.teller).multipliedFullWidth(by: UInt64(a.noemer))
        return l.high != r.high ? l.high < r.high : l.low < r.low
    }

    /// Reads "0.25", "0,25", ".5", "25%", "12,5%", "1/3", "1". Nil for anything else, including negative values.
    public static func parse(_ tekst: String) -> VereveningBreuk? {
        var s = Substring(tekst.trimmingSpaces)
        var procent = false
        if s.last == "%" { procent = true; s = s.dropLast() }
        while s.last == " " { s = s.dropLast() }
        guard !s.isEmpty else { return nil }
        if !procent, let streep = s.firstIndex(of: "/") {
            guard let t = geheel(s[..<streep]), let n = geheel(s[s.index(after: streep)...]) else { return nil }
            return VereveningBreuk(t, n)
        }
        let delen = s.split(maxSplits: 2, omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard delen.count <= 2 else { return nil }
        let voor = delen[0], na = delen.count == 2 ? delen[1] : ""
        guard !(voor.isEmpty && na.isEmpty), na.count <= 12, voor.count <= 6 else { return nil }
        guard let v = voor.isEmpty ? 0 : geheel(voor), let f = na.isEmpty ? 0 : geheel(na) else { return nil }
        var noemer: Int64 = 1
        for _ in 0..<na.count { noemer *= 10 }
        if procent { noemer *= 100 }
        return VereveningBreuk(v * (noemer / (procent ? 100 : 1)) + f, noemer)
    }

    /// "0.25" when the fraction has a finite decimal form, else "1/3"; parse(description) gives the same value.
    public var description: String {
        guard let d = decimaleVorm else { return "\(teller)/\(noemer)" }
        return Self.metPunt(d.cijfers, d.decimalen, scheiding: ".")
    }

    /// "25%", "12,5%" with a Dutch decimal comma for people; "1/3" when there is no finite decimal form.
    public var procentTekst: String {
        guard let d = maalHonderd?.decimaleVorm else { return "\(teller)/\(noemer)" }
        return Self.metPunt(d.cijfers, d.decimalen, scheiding: ",") + "%"
    }

    private var maalHonderd: VereveningBreuk? {
        let (t, o) = teller.multipliedReportingOverflow(by: 100)
        return o ? nil : VereveningBreuk(t, noemer)
    }

    /// (digits, number of decimals) when noemer divides a power of ten that fits.
    private var decimaleVorm: (cijfers: Int64, decimalen: Int)? {
        var macht: Int64 = 1
        for decimalen in 0...18 {
            if macht % noemer == 0 {
                let (c, o) = teller.multipliedReportingOverflow(by: macht / noemer)
                return o ? nil : (c, decimalen)
            }
            let (m, o) = macht.multipliedReportingOverflow(by: 10)
            if o { return nil }
            macht = m
        }
        return nil
    }

    private static func metPunt(_ cijfers: Int64, _ decimalen: Int, scheiding: Character) -> String {
        var s = String(cijfers)
        guard decimalen > 0 else { return s }
        if s.count <= decimalen { s = String(repeating: "0", count: decimalen - s.count + 1) + s }
        s.insert(scheiding, at: s.index(s.endIndex, offsetBy: -decimalen))
        return s
    }

    private static func geheel(_ s: Substring) -> Int64? {
        guard !s.isEmpty, s.count <= 15, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(s)
    }

    private static func ggd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}
