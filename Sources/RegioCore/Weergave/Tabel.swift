/// A table as the user sees it (aligned text) and as machines read it (csv; json in RegioUitvoer): one value, several renderings.
public struct Tabel: Sendable {
    public enum Uitlijning: Sendable { case links, rechts }
    public struct Kolom: Sendable {
        public let naam: String       // csv/json name, Dutch snake_case
        public let kop: String        // header for people
        public let uitlijning: Uitlijning
        public init(_ naam: String, _ kop: String, _ u: Uitlijning = .rechts) { self.naam = naam; self.kop = kop; uitlijning = u }
    }
    /// A cell: what people read and what machines read (plain number, no thousands separators).
    public struct Cel: Sendable {
        /// What kind of value a cell holds, for files that keep types (a workbook's number formats, the Dutch CSV's
        /// percentages): read from how the cell was made, so every table has it without naming it.
        public enum Soort: Sendable, Equatable {
            case tekst
            /// a calendar day: `machine` is JJJJ-MM-DD
            case datum
            /// a whole number; `gegroepeerd` when people read it with thousands separators (not a year)
            case geheel(gegroepeerd: Bool)
            /// a number with decimals, no unit
            case getal
            /// an amount: `machine` in euros with a point and two decimals
            case euro
            /// a share: `machine` is the fraction (0.734 for 73,4%)
            case procent
        }
        public let tekst: String
        public let machine: String
        public let isGetal: Bool
        public let soort: Soort
        public init(_ tekst: String, machine: String? = nil, getal: Bool = false) {
            self.tekst = tekst; self.machine = machine ?? tekst; isGetal = getal
            soort = Cel.soort(tekst, self.machine, getal: getal)
        }

        /// A number is a share when people read "%" (its machine form is the fraction everywhere: `Cel.procent`,
        /// differences in %-punt), an amount when they read "€", whole when its machine form has no point; a text is a
        /// day when its machine form is JJJJ-MM-DD and people read that day as DD-MM-JJJJ.
        static func soort(_ tekst: String, _ machine: String, getal: Bool) -> Soort {
            guard getal else {
                if machine.utf8.count == 10, let d = Dag.parseISO(machine.utf8), d.nederlands == tekst { return .datum }
                return .tekst
            }
            if tekst.contains("%") { return .procent }
            if tekst.contains("€") { return .euro }
            // read without separators at 1000 or more ("2019"): a year or a number, not a count
            if let n = Int64(machine) { return .geheel(gegroepeerd: tekst != machine || n.magnitude < 1000) }
            return .getal
        }
        public static func euro(_ e: Euro?) -> Cel { e.map { Cel($0.heleEuros, machine: $0.machineTekst, getal: true) } ?? Cel("", machine: "") }
        /// "€ 1.234.567,89": to the cent, for tables whose columns must add up exactly to their total line (whole euros
        /// rounded per row need not) and whose amounts a reader checks by hand.
        public static func euroOpCent(_ e: Euro?) -> Cel { e.map { Cel($0.description, machine: $0.machineTekst, getal: true) } ?? Cel("", machine: "") }
        public static func aantal(_ n: Int?) -> Cel { n.map { Cel(Tabel.groepeer($0), machine: String($0), getal: true) } ?? Cel("", machine: "") }
        /// A row's unique clients, or "niet beschikbaar" where yearly totals without clients are in it.
        public static func clienten(_ k: Kengetallen) -> Cel { k.clientenTekst.map { Cel($0, machine: "") } ?? .aantal(k.clienten) }
        public static func procent(_ x: Double?) -> Cel {
            x.map { Cel(Tabel.procentTekst($0), machine: Tabel.decimaal($0, 4), getal: true) } ?? Cel("", machine: "")
        }
    }

    public var kolommen: [Kolom]
    public var rijen: [[Cel]] = []
    public var voet: [[Cel]] = []
    public init(kolommen: [Kolom]) { self.kolommen = kolommen }

    public func tekst() -> String {
        let alle = [kolommen.map { Cel($0.kop) }] + rijen + voet
        let breedtes = kolommen.indices.map { i in alle.map { $0[i].tekst.count }.max() ?? 0 }
        func regel(_ r: [Cel]) -> String {
            r.enumerated().map { i, c in
                let vul = String(repeating: " ", count: breedtes[i] - c.tekst.count)
                return kolommen[i].uitlijning == .links ? c.tekst + vul : vul + c.tekst
            }.joined(separator: "  ")
        }
        var uit = [regel(alle[0]), breedtes.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        uit += rijen.map(regel)
        if !voet.isEmpty { uit.append(breedtes.map { String(repeating: "-", count: $0) }.joined(separator: "  ")); uit += voet.map(regel) }
        return uit.joined(separator: "\n") + "\n"
    }

    /// The table as CSV, for the CLI and the dashboard's downloads alike. A text that a spreadsheet would take for a
    /// formula (starting with = + - @, tab or CR: a provider named "=HYPERLINK(...)") gets a leading apostrophe, as
    /// spreadsheets expect (OWASP, CSV injection); numbers are written as they are.
    public func csv() -> String { Tabel.samen(csv) }

    /// The pieces a writer like `csv(_:)` hands out, as one text.
    public static func samen(_ schrijver: ((String) -> Void) -> Void) -> String {
        var uit = ""
        schrijver { uit += $0 }
        return uit
    }

    /// The same in pieces of about a megabyte, for a caller that writes them away (300.000 signals are 100 MB of CSV).
    public func csv(_ schrijf: (String) -> Void) {
        func veld(_ s: String) -> String { Tabel.csvVeld(s, scheiding: ",") }
        Tabel.inStukken(kolommen.map { veld($0.naam) }.joined(separator: ","), rijen, voet, schrijf) { r in
            r.map { c in veld(c.isGetal ? c.machine : Tabel.zonderFormule(c.machine)) }.joined(separator: ",") + "\n"
        }
    }

    /// `kop`, a line break, then each row as `regel` makes it, handed to `schrijf` in pieces of about a megabyte.
    public static func inStukken(_ kop: String, _ rijen: [[Cel]], _ voet: [[Cel]], _ schrijf: (String) -> Void,
                                 regel: ([Cel]) -> String) {
        var stuk = kop + "\n"
        for r in [rijen, voet].joined() {
            stuk += regel(r)
            if stuk.utf8.count >= 1 << 20 {
                schrijf(stuk)
                stuk = ""
            }
        }
        schrijf(stuk)
    }

    /// A CSV field: quoted (its quotes doubled) when it holds the separator, a quote or a line break. One pass over the
    /// bytes (`String.contains` of a text went through Foundation's search, a second per 300.000 signals).
    public static func csvVeld(_ s: String, scheiding: Unicode.Scalar) -> String {
        let teken = UInt8(scheiding.value)
        guard s.utf8.contains(where: { $0 == teken || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacing("\"", with: "\"\"") + "\""
    }

    /// A text cell that cannot start a spreadsheet formula. A plain number ("-12.5") or a lone "-" stays as it is: a
    /// spreadsheet reads it as that value, no formula.
    static func zonderFormule(_ s: String) -> String {
        guard let eerste = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(eerste), s != "-",
              Double(s) == nil || s.contains(where: { $0.isLetter }) else { return s }
        return "'" + s
    }

    public static func groepeer(_ n: Int) -> String { Euro.groepeer(UInt64(n.magnitude), negatief: n < 0) }

    /// A Double rounded to a whole number with thousands grouped: "-" for no number, never a trap beyond 64 bits.
    public static func groepeer(_ x: Double) -> String {
        let r = x.rounded()
        guard r.isFinite, r.magnitude < 9.2e18 else { return Tabel.geenGeheel(r) }
        return groepeer(Int(r))
    }

    /// "73,4%": one decimal, Dutch comma.
    public static func procentTekst(_ x: Double) -> String { decimaal(x * 100, 1).replacing(".", with: ",") + "%" }

    /// What no 64-bit integer holds: "-" for no number, "∞", or the value as Swift writes it ("1e+30").
    static func geenGeheel(_ x: Double) -> String { x.isNaN ? "-" : x.isInfinite ? (x < 0 ? "-∞" : "∞") : "\(x)" }

    /// Fixed decimals without Foundation, rounding half away from zero.
    public static func decimaal(_ x: Double, _ n: Int) -> String {
        var schaal = 1.0
        for _ in 0..<n { schaal *= 10 }
        let v = (x * schaal).rounded(.toNearestOrAwayFromZero)
        // a ratio over a zero or tiny base: printed as what it is, never a trap converting it
        guard v.isFinite, v.magnitude < 9.2e18 else { return Tabel.geenGeheel(x) }
        let neg = v < 0
        let a = Int64(abs(v))
        let geheel = a / Int64(schaal), frac = a % Int64(schaal)
        var f = String(frac)
        while f.count < n { f = "0" + f }
        return (neg ? "-" : "") + String(geheel) + (n > 0 ? "." + f : "")
    }
}
