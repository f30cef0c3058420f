/// Care spells of clients: the union of a client's allocation periods (within one group), where a break of at most
/// `aansluiting` days does not end the care. Inflow, outflow and stock are counted on spells, per client.
public struct Zorgperiodes: Sendable {
    /// A new allocation within this many days after the last one continues the same spell (re-allocation, renewal).
    public static let aansluiting = 31

    /// Per client its spells, sorted and disjoint.
    public private(set) var perClient: [ClientID: [Periode]] = [:]

    public init() {}

    /// Builds spells from allocation periods per client.
    public init(_ periodes: [ClientID: [Periode]]) {
        perClient.reserveCapacity(periodes.count)
        for (client, lijst) in periodes { perClient[client] = Zorgperiodes.voegSamen(lijst) }
    }

    static func voegSamen(_ lijst: [Periode]) -> [Periode] {
        var uit: [Periode] = []
        voegSamen(gesorteerd: lijst.sorted { $0.van < $1.van }, in: &uit)
        return uit
    }

    /// The spells of periods sorted by start, appended to `uit`.
    static func voegSamen<S: Sequence<Periode>>(gesorteerd: S, in uit: inout [Periode]) {
        var huidig: Periode?
        for p in gesorteerd {
            guard let h = huidig else { huidig = p; continue }
            guard let eind = h.tot else { continue }   // open-ended: covers everything after
            if p.van <= eind + (1 + aansluiting) {
                huidig!.tot = p.tot.map { max($0, eind) }
            } else {
                uit.append(h)
                huidig = p
            }
        }
        if let huidig { uit.append(huidig) }
    }

    public struct Verloop: Sendable, Equatable {
        public var begin = 0, instroom = 0, uitstroom = 0, einde = 0
    }

    /// Flows over [van, tot], with nothing after `peildatum` known: in care before (a spell started before the period
    /// and not ended before it), inflow (a spell starts in it), outflow (a spell ends in it), stock (a spell runs past
    /// its last day). A client counts once in each; for a client with one spell, begin + in - out = stock.
    public func verloop(van: Dag, tot: Dag, peildatum: Dag? = nil) -> Verloop {
        var v = Verloop()
        for spells in perClient.values { Zorgperiodes.tel(spells, van: van, tot: tot, peildatum: peildatum, in: &v) }
        return v
    }

    /// The same flows from (client, allocation period) pairs, for callers that number their clients: sorting an array
    /// of pairs is much cheaper at national scale than a dictionary of arrays keyed by pseudonym.
    public static func verloop<C: Comparable>(_ paren: [(C, Periode)], van: Dag, tot: Dag, peildatum: Dag? = nil) -> Verloop {
        let gesorteerd = paren.sorted { ($0.0, $0.1.van) < ($1.0, $1.1.van) }
        var v = Verloop()
        var spells: [Periode] = []   // one buffer for every client
        var i = gesorteerd.startIndex
        while i < gesorteerd.endIndex {
            var j = i + 1
            while j < gesorteerd.endIndex && gesorteerd[j].0 == gesorteerd[i].0 { j += 1 }
            spells.removeAll(keepingCapacity: true)
            voegSamen(gesorteerd: gesorteerd[i..<j].lazy.map(\.1), in: &spells)
            tel(spells, van: van, tot: tot, peildatum: peildatum, in: &v)
            i = j
        }
        return v
    }

    /// Adds one client's spells to the flows.
    static func tel(_ spells: [Periode], van: Dag, tot: Dag, peildatum: Dag?, in v: inout Verloop) {
        let t = peildatum.map { min(tot, $0) } ?? tot
        // a period entirely after the valuation date: no flows, stock as on the valuation date
        let b = min(van, t + 1)
        var begin = false, nieuw = false, eind = false, blijft = false
        for s in spells {
            if s.van < b && (s.tot.map { $0 >= b } ?? true) { begin = true }
            if s.van >= van && s.van <= t { nieuw = true }
            if let e = s.tot, e >= van && e <= t { eind = true }
            if s.van <= t && (s.tot.map { $0 > t } ?? true) { blijft = true }
        }
        if begin { v.begin += 1 }
        if nieuw { v.instroom += 1 }
        if eind { v.uitstroom += 1 }
        if blijft { v.einde += 1 }
    }
}

extension Array where Element == Int {
    /// Nearest-rank percentile (p in 1...100) of the values: a value that really occurs; nil when empty.
    public func percentiel(_ p: Int) -> Int? { percentielen(p)[0] }

    /// Several percentiles with one sort.
    public func percentielen(_ ps: Int...) -> [Int?] {
        guard !isEmpty else { return ps.map { _ in nil } }
        let s = sorted()
        return ps.map { p in s[Swift.max(1, (p * s.count + 99) / 100) - 1] }
    }
}
