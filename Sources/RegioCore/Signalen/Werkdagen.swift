/// Working days: Monday to Friday, optionally without the Dutch public holidays on which offices are closed.
public struct Werkdagen: Sendable {
    public let metFeestdagen: Bool

    public init(feestdagen: Bool) { metFeestdagen = feestdagen }

    public func isWerkdag(_ d: Dag) -> Bool {
        guard d.weekdag <= 5 else { return false }
        return !metFeestdagen || !Werkdagen.isFeestdag(d)
    }

    /// The n-th working day after `d` (d itself does not count): the deadline of "within n working days".
    public func na(_ d: Dag, _ n: Int) -> Dag {
        var dag = d, over = n
        while over > 0 {
            dag = dag + 1
            if isWerkdag(dag) { over -= 1 }
        }
        return dag
    }

    /// Working days in (a, b]: 0 when b is not after a.
    public func tussen(_ a: Dag, _ b: Dag) -> Int {
        guard b > a else { return 0 }
        // whole weeks at once, then the rest day by day; holidays fall on weekdays only when counted
        let dagen = b - a
        var n = (dagen / 7) * 5
        var d = a + (dagen / 7) * 7
        while d < b { d = d + 1; if d.weekdag <= 5 { n += 1 } }
        if metFeestdagen {
            for jaar in (a + 1).jaar...b.jaar {
                n -= Werkdagen.feestdagen(jaar).filter { $0 > a && $0 <= b && $0.weekdag <= 5 }.count
            }
        }
        return n
    }

    /// Dutch public holidays that close offices: New Year, Easter Monday, King's Day (Queen's Day before 2014),
    /// Ascension Day, Whit Monday, Christmas and Boxing Day, and Liberation Day in lustrum years (2020, 2025).
    /// Good Friday is not a general day off and is not counted.
    public static func feestdagen(_ jaar: Int) -> [Dag] {
        let pasen = eerstePaasdag(jaar)
        var koning = jaar >= 2014 ? Dag(jaar: jaar, maand: 4, dag: 27)! : Dag(jaar: jaar, maand: 4, dag: 30)!
        if koning.weekdag == 7 { koning = koning - 1 }
        var uit = [Dag(jaar: jaar, maand: 1, dag: 1)!, pasen + 1, koning, pasen + 39, pasen + 50,
                   Dag(jaar: jaar, maand: 12, dag: 25)!, Dag(jaar: jaar, maand: 12, dag: 26)!]
        if jaar % 5 == 0 { uit.append(Dag(jaar: jaar, maand: 5, dag: 5)!) }
        return uit.sorted()
    }

    public static func isFeestdag(_ d: Dag) -> Bool { feestdagen(d.jaar).contains(d) }

    /// Easter Sunday (Gregorian; the anonymous algorithm in Meeus, Astronomical Algorithms).
    public static func eerstePaasdag(_ jaar: Int) -> Dag {
        let a = jaar % 19, b = jaar / 100, c = jaar % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let maand = (h + l - 7 * m + 114) / 31
        let dag = (h + l - 7 * m + 114) % 31 + 1
        return Dag(jaar: jaar, maand: maand, dag: dag)!
    }
}
