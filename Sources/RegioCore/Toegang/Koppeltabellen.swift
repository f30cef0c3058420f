/// Secondary (complementary) cell suppression over linked tables, as statistical offices do it (docs/onderdrukking.md).
///
/// Every published cell is a sum of declaration amounts (or a count); a `relatie` says that one cell (a total) is the sum
/// of others (its parts), on one page or across pages: a row and its total, a municipality's total on the overview and on
/// its own page. A reader who has every page can solve that linear system for the hidden cells. Primary cells (fewer
/// than `drempel` clients, including none, so an empty cell looks like a small one) are hidden; then the fewest extra
/// cells are hidden (secondary) until no primary cell is determined by the visible ones: exactly, by elimination.
public struct Koppeltabellen: Sendable {
    /// What is known of a cell: how many clients (or signals) it is about, and its value (cents or a count).
    public struct Cel: Sendable {
        public var basis: Int
        public var waarde: Int64
        public var niveau: Niveau
        /// False for a sum that is never shown but holds between shown ones (a municipality's cost outside the pooled
        /// lots): hidden from the start, never primary, never chosen.
        public var gepubliceerd = true
    }

    /// How dear a cell is to hide as a secondary: an inner cell before a subtotal, a subtotal before a grand total.
    public enum Niveau: Int, Sendable, Comparable {
        case cel = 0, marge = 1, totaal = 2
        public static func < (a: Niveau, b: Niveau) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Relatie: Sendable {
        public let totaal: Int
        public let delen: [Int]
    }

    public private(set) var sleutels: [Celsleutel] = []
    public private(set) var cellen: [Cel] = []
    public private(set) var relaties: [Relatie] = []
    private var index: [Celsleutel: Int] = [:]
    private var relatiesleutels: Set<[Int]> = []

    public init() {}

    public var count: Int { cellen.count }

    public func plek(_ s: Celsleutel) -> Int? { index[s] }

    /// Adds a cell (or returns the one with this key: a cell published on two pages is one cell). The smallest basis
    /// and the highest level seen win, so a cell is never treated as safer than on any page it appears.
    @discardableResult
    public mutating func cel(_ s: Celsleutel, basis: Int, waarde: Int64, niveau: Niveau = .cel, gepubliceerd: Bool = true) -> Int {
        if let i = index[s] {
            cellen[i].basis = min(cellen[i].basis, basis)
            cellen[i].niveau = max(cellen[i].niveau, niveau)
            cellen[i].gepubliceerd = cellen[i].gepubliceerd || gepubliceerd
            return i
        }
        index[s] = cellen.count
        sleutels.append(s)
        cellen.append(Cel(basis: basis, waarde: waarde, niveau: niveau, gepubliceerd: gepubliceerd))
        return cellen.count - 1
    }

    /// States that cell `totaal` is the sum of `delen` (no duplicates). The same relation twice is kept once.
    public mutating func relatie(totaal: Int, delen: [Int]) {
        let d = Array(Set(delen)).sorted()
        guard !d.isEmpty, !(d.count == 1 && d[0] == totaal), relatiesleutels.insert([totaal] + d).inserted else { return }
        relaties.append(Relatie(totaal: totaal, delen: d))
    }

    /// A two-way table with its margins: `cellen[r][k]` is the cell of row r and column k (nil: not published, e.g. an
    /// empty combination that is not a row), `rijtotalen[r]` and `kolomtotalen[k]` its margins, `totaal` the corner.
    public mutating func tabel(cellen: [[Int?]], rijtotalen: [Int], kolomtotalen: [Int], totaal: Int) {
        for (r, rij) in cellen.enumerated() { relatie(totaal: rijtotalen[r], delen: rij.compactMap { $0 }) }
        for k in kolomtotalen.indices { relatie(totaal: kolomtotalen[k], delen: cellen.compactMap { $0[k] }) }
        relatie(totaal: totaal, delen: rijtotalen)
        relatie(totaal: totaal, delen: kolomtotalen)
    }

    // MARK: suppression

    public struct Uitkomst: Sendable {
        public let status: [Onderdrukking.Status]
        /// Primary cells that stay determined after every possible secondary: structural (a sum of nothing); empty.
        public let onbeschermd: [Int]
        let gepubliceerd: [Bool]
        public var aanvullend: Int { status.indices.filter { status[$0] == .aanvullend && gepubliceerd[$0] }.count }
        public var klein: Int { status.filter { $0 == .klein }.count }
    }

    /// Hides every cell with a basis below `drempel`, then the fewest extra cells until no hidden primary cell can be
    /// computed from the visible ones.
    public func onderdruk(drempel: Int = Onderdrukking.drempel) -> Uitkomst {
        var status = cellen.map { !$0.gepubliceerd ? Onderdrukking.Status.aanvullend : $0.basis < drempel ? .klein : .zichtbaar }
        var opgegeven = Set<Int>()
        let perCel = relatiesPerCel()
        for _ in 0..<(cellen.count + 1) {
            let lek = lekken(status: status, perCel: perCel).filter { !opgegeven.contains($0) }
            guard !lek.isEmpty else { break }
            var veranderd = false
            for h in lek {
                // an earlier addition this round may already protect h
                if veranderd, !isAfleidbaar(h, status: status, perCel: perCel) { continue }
                var pad = sluitendPad(h, status: status, perCel: perCel).filter { status[$0] == .zichtbaar && !leeg($0) }
                if pad.isEmpty {
                    // already on a cycle of hidden cells but still determined (a cell in three or more relations)
                    pad = probeer(h, status: status, perCel: perCel).map { [$0] } ?? []
                }
                if pad.isEmpty { opgegeven.insert(h); continue }
                for c in pad { status[c] = .aanvullend; veranderd = true }
            }
            if !veranderd { break }
        }
        let rest = lekken(status: status, perCel: perCel)
        return Uitkomst(status: status, onbeschermd: rest, gepubliceerd: cellen.map(\.gepubliceerd))
    }

    /// The cheapest visible cell near h (in its relations or those of the hidden cells beside it) whose hiding makes
    /// h undetermined, tried in order of cost; else the cheapest of h's own relations, to be followed by another.
    func probeer(_ h: Int, status: [Onderdrukking.Status], perCel: [[Int]]) -> Int? {
        func cellenVan(_ rs: [Int]) -> Set<Int> { Set(rs.flatMap { r in [relaties[r].totaal] + relaties[r].delen }) }
        let buren = cellenVan(perCel[h])
        let verder = cellenVan(buren.filter { onbekend($0, status, voor: h) }.flatMap { perCel[$0] })
        let kandidaten = buren.union(verder).filter { status[$0] == .zichtbaar && !leeg($0) }.sorted { kosten($0) < kosten($1) }
        for c in kandidaten.prefix(60) {
            var s = status
            s[c] = .aanvullend
            if !isAfleidbaar(h, status: s, perCel: perCel) { return c }
        }
        return buren.filter { status[$0] == .zichtbaar && !leeg($0) }.min { kosten($0) < kosten($1) } ?? kandidaten.first
    }

    /// Whether one hidden cell is determined, solving only its own group.
    func isAfleidbaar(_ h: Int, status: [Onderdrukking.Status], perCel: [[Int]]) -> Bool {
        var groep: Set<Int> = [h], rij = [h]
        while let x = rij.popLast() {
            for r in perCel[x] {
                for c in [relaties[r].totaal] + relaties[r].delen where onbekend(c, status, voor: h) && groep.insert(c).inserted { rij.append(c) }
            }
        }
        return Koppeltabellen.afleidbaar(verborgen: groep, relaties: relaties, perCel: perCel).contains(h)
    }

    func relatiesPerCel() -> [[Int]] {
        var r = Array(repeating: [Int](), count: cellen.count)
        for (i, rel) in relaties.enumerated() {
            r[rel.totaal].append(i)
            for d in rel.delen { r[d].append(i) }
        }
        return r
    }

    /// The cheapest set of visible cells whose hiding puts cell `h` on a cycle of hidden cells: a shortest path between
    /// two of h's relations through the other relations, where a hidden cell costs nothing. Cells link the relations
    /// they appear in (a cell in three relations links each pair). Empty when no such path exists.
    func sluitendPad(_ h: Int, status: [Onderdrukking.Status], perCel: [[Int]]) -> [Int] {
        let eigen = perCel[h]
        guard eigen.count >= 2 else {
            // a cell in one relation only: another cell of that relation, the cheapest visible one
            guard let r = eigen.first else { return [] }
            let rel = relaties[r]
            let kandidaten = ([rel.totaal] + rel.delen).filter { $0 != h && status[$0] == .zichtbaar && !leeg($0) }
            return kandidaten.min { kosten($0) < kosten($1) }.map { [$0] } ?? []
        }
        // Dijkstra over relations, from h's first relation to any other of its relations, without h itself
        let doelen = Set(eigen.dropFirst())
        var afstand: [Int: Double] = [eigen[0]: 0]
        var via: [Int: (relatie: Int, cel: Int)] = [:]
        var klaar = Set<Int>()
        var rij = Minrij()
        rij.voeg(0, eigen[0])
        while let (d, r) = rij.pak() {
            guard !klaar.contains(r) else { continue }
            klaar.insert(r)
            if doelen.contains(r) {
                var pad: [Int] = []
                var x = r
                while let stap = via[x] { pad.append(stap.cel); x = stap.relatie }
                return pad
            }
            let rel = relaties[r]
            for c in [rel.totaal] + rel.delen where c != h && (leeg(h) || !leeg(c)) {
                let w = status[c].isVerborgen ? 0 : kosten(c)
                for volgende in perCel[c] where volgende != r && !klaar.contains(volgende) {
                    let nd = d + w
                    if nd < afstand[volgende] ?? .infinity {
                        afstand[volgende] = nd
                        via[volgende] = (r, c)
                        rij.voeg(nd, volgende)
                    }
                }
            }
        }
        return []
    }

    /// An empty cell (no clients, nothing declared) is shown hidden like a small one, but it protects nothing: a reader
    /// may know from elsewhere that a provider has no contract for a lot, so it counts as a known zero (as in tau-ARGUS,
    /// where empty cells are never secondaries). A hidden total over one small cell and empty ones is that cell.
    func leeg(_ c: Int) -> Bool { cellen[c].basis == 0 && cellen[c].waarde == 0 }

    /// Whether the reader lacks cell c when solving for h: a hidden cell, except an empty one when h is not empty. An
    /// empty cell itself is protected as if every hidden cell were unknown (then it looks like a small one); a small
    /// one as if the empty cells were known zeros (then they cannot be its cover).
    func onbekend(_ c: Int, _ status: [Onderdrukking.Status], voor h: Int) -> Bool {
        status[c].isVerborgen && (c == h || leeg(h) || !leeg(c))
    }

    /// The primary cells a reader can compute: the non-empty ones with the empty cells known, the empty ones without.
    func lekken(status: [Onderdrukking.Status], perCel: [[Int]]) -> [Int] {
        let verborgen = status.indices.filter { status[$0].isVerborgen }
        let zonderLege = Koppeltabellen.afleidbaar(verborgen: Set(verborgen.filter { !leeg($0) }), relaties: relaties, perCel: perCel)
        let alle = Koppeltabellen.afleidbaar(verborgen: Set(verborgen), relaties: relaties, perCel: perCel)
        return status.indices.filter { status[$0] == .klein && (leeg($0) ? alle.contains($0) : zonderLege.contains($0)) }
    }

    /// Fewest cells first; among equals, inner cells before margins, then the smallest group.
    func kosten(_ c: Int) -> Double {
        let cel = cellen[c]
        let niveau: Double = switch cel.niveau { case .cel: 1; case .marge: 40; case .totaal: 10_000 }
        return niveau + Double(min(cel.basis, 1_000_000)) * 1e-7
    }

    // MARK: what a reader can compute

    /// The hidden cells whose value the visible cells determine: e_h lies in the row space of the relations restricted
    /// to the hidden cells. Solved per group of hidden cells linked by relations, by elimination modulo two primes
    /// (a cell counts as determined when it is so modulo either: rounding never makes a leak look safe).
    public static func afleidbaar(verborgen: Set<Int>, relaties: [Relatie], perCel: [[Int]]) -> Set<Int> {
        var uit = Set<Int>()
        for groep in groepen(verborgen: verborgen, relaties: relaties, perCel: perCel) {
            if let bruggen = Netwerk.bruggen(groep, relaties: relaties, perCel: perCel, vanaf: Netwerk.vanaf) {
                uit.formUnion(bruggen)
                continue
            }
            let rijen = Set(groep.flatMap { perCel[$0] }).sorted()
            let kolom = Dictionary(uniqueKeysWithValues: groep.enumerated().map { ($1, $0) })
            let matrix: [[(Int, Int64)]] = rijen.map { r in
                let rel = relaties[r]
                var rij: [(Int, Int64)] = []
                if let k = kolom[rel.totaal] { rij.append((k, -1)) }
                for d in rel.delen { if let k = kolom[d] { rij.append((k, 1)) } }
                return rij
            }
            for p in [Modulo.p61, Modulo.p31] {
                for k in Modulo.bepaald(matrix, kolommen: groep.count, p: p) { uit.insert(groep[k]) }
            }
        }
        return uit
    }

    /// Hidden cells grouped by the relations that link them (visible cells are known numbers and link nothing).
    static func groepen(verborgen: Set<Int>, relaties: [Relatie], perCel: [[Int]]) -> [[Int]] {
        var ouder: [Int: Int] = [:]
        func wortel(_ x: Int) -> Int {
            var x = x
            while let o = ouder[x], o != x { ouder[x] = ouder[o] ?? o; x = o }
            return x
        }
        for h in verborgen { ouder[h] = h }
        for rel in relaties {
            let h = ([rel.totaal] + rel.delen).filter { verborgen.contains($0) }
            guard let eerste = h.first else { continue }
            for x in h.dropFirst() { ouder[wortel(x)] = wortel(eerste) }
        }
        var per: [Int: [Int]] = [:]
        for h in verborgen.sorted() { per[wortel(h), default: []].append(h) }
        return per.values.sorted { $0[0] < $1[0] }
    }
}

/// A published cell by what it is a sum over: a value per dimension, none for "all". The same key on two pages is the
/// same number.
public struct Celsleutel: Hashable, Sendable, CustomStringConvertible {
    public enum Dimensie: String, Sendable, CaseIterable, Comparable {
        case gemeente, perceel, aanbieder, verwijzer, maand, regel
        public static func < (a: Dimensie, b: Dimensie) -> Bool { a.rawValue < b.rawValue }
    }
    public let waarden: [Dimensie: String]
    public init(_ waarden: [Dimensie: String] = [:]) { self.waarden = waarden }
    public subscript(_ d: Dimensie) -> String? { waarden[d] }
    public var description: String {
        waarden.isEmpty ? "totaal" : waarden.keys.sorted().map { "\($0.rawValue)=\(waarden[$0]!)" }.joined(separator: "|")
    }
}

/// The fast path for large groups: when every hidden cell is in exactly two relations and the signs allow it, the
/// relations are a graph's vertices and the hidden cells its edges, the system is a directed graph's incidence matrix,
/// and a cell is determined exactly when its edge is a bridge (it lies on no cycle). Nil when the group is not such a
/// graph; the caller then eliminates.
enum Netwerk {
    /// Smaller groups are eliminated: quick enough, and the two ways are compared in the tests.
    static let vanaf = 64

    static func bruggen(_ groep: [Int], relaties: [Koppeltabellen.Relatie], perCel: [[Int]], vanaf: Int) -> Set<Int>? {
        guard groep.count >= vanaf, groep.allSatisfy({ perCel[$0].count == 2 }) else { return nil }
        // coefficient of cell c in relation r: -1 for the total, +1 for a part
        func a(_ c: Int, _ r: Int) -> Int { relaties[r].totaal == c ? -1 : 1 }
        var buren: [Int: [(cel: Int, naar: Int)]] = [:]
        for c in groep {
            let (u, v) = (perCel[c][0], perCel[c][1])
            guard u != v else { return nil }
            buren[u, default: []].append((c, v))
            buren[v, default: []].append((c, u))
        }
        // switching: sigma(u) * a(c, u) == -sigma(v) * a(c, v) on every edge makes it a directed incidence matrix
        var sigma: [Int: Int] = [:]
        for start in buren.keys.sorted() where sigma[start] == nil {
            sigma[start] = 1
            var stapel = [start]
            while let u = stapel.popLast() {
                for (c, v) in buren[u]! {
                    let nodig = -sigma[u]! * a(c, u) * a(c, v)
                    if let s = sigma[v] { if s != nodig { return nil } } else { sigma[v] = nodig; stapel.append(v) }
                }
            }
        }
        // bridges (Tarjan, iterative), parallel edges told apart by their cell
        var ontdekt: [Int: Int] = [:], laag: [Int: Int] = [:]
        var tijd = 0
        var uit = Set<Int>()
        for start in buren.keys.sorted() where ontdekt[start] == nil {
            ontdekt[start] = tijd; laag[start] = tijd; tijd += 1
            var stapel: [(knoop: Int, via: Int, volgende: Int)] = [(start, -1, 0)]
            while !stapel.isEmpty {
                let (u, via, i) = stapel[stapel.count - 1]
                let lijst = buren[u]!
                if i < lijst.count {
                    stapel[stapel.count - 1].volgende += 1
                    let (c, v) = lijst[i]
                    if c == via { continue }
                    if let d = ontdekt[v] { laag[u] = min(laag[u]!, d) } else {
                        ontdekt[v] = tijd; laag[v] = tijd; tijd += 1
                        stapel.append((v, c, 0))
                    }
                } else {
                    stapel.removeLast()
                    if let ouder = stapel.last {
                        laag[ouder.knoop] = min(laag[ouder.knoop]!, laag[u]!)
                        if laag[u]! > ontdekt[ouder.knoop]! { uit.insert(via) }
                    }
                }
            }
        }
        return uit
    }
}

/// A binary heap of (distance, relation), smallest first.
struct Minrij {
    private var h: [(Double, Int)] = []
    mutating func voeg(_ d: Double, _ r: Int) {
        h.append((d, r))
        var i = h.count - 1
        while i > 0 { let o = (i - 1) / 2; guard h[i].0 < h[o].0 else { break }; h.swapAt(i, o); i = o }
    }
    mutating func pak() -> (Double, Int)? {
        guard !h.isEmpty else { return nil }
        h.swapAt(0, h.count - 1)
        let top = h.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var k = i
            if l < h.count && h[l].0 < h[k].0 { k = l }
            if r < h.count && h[r].0 < h[k].0 { k = r }
            if k == i { break }
            h.swapAt(i, k); i = k
        }
        return top
    }
}

/// Row reduction modulo a prime, exact for the ±1 matrices of table relations.
enum Modulo {
    static let p61: UInt64 = (1 << 61) - 1
    static let p31: UInt64 = (1 << 31) - 1

    static func mul(_ a: UInt64, _ b: UInt64, _ p: UInt64) -> UInt64 {
        let (hi, lo) = a.multipliedFullWidth(by: b)
        return b == 0 ? 0 : p.dividingFullWidth((hi % p, lo)).remainder
    }

    static func macht(_ a: UInt64, _ e: UInt64, _ p: UInt64) -> UInt64 {
        var r: UInt64 = 1, b = a % p, e = e
        while e > 0 { if e & 1 == 1 { r = mul(r, b, p) }; b = mul(b, b, p); e >>= 1 }
        return r
    }

    /// The columns k for which the unit vector e_k lies in the row space of the matrix (sparse rows of (column, ±1)).
    static func bepaald(_ rijen: [[(Int, Int64)]], kolommen n: Int, p: UInt64) -> [Int] {
        var m: [[UInt64]] = rijen.map { r in
            var rij = [UInt64](repeating: 0, count: n)
            for (k, v) in r { rij[k] = (rij[k] + (v >= 0 ? UInt64(v) % p : p - UInt64(-v) % p)) % p }
            return rij
        }
        var spil: [Int] = []   // pivot column of row i after reduction
        var rang = 0
        for k in 0..<n where rang < m.count {
            guard let r = (rang..<m.count).first(where: { m[$0][k] != 0 }) else { continue }
            m.swapAt(rang, r)
            let inv = macht(m[rang][k], p - 2, p)
            for j in k..<n where m[rang][j] != 0 { m[rang][j] = mul(m[rang][j], inv, p) }
            for i in 0..<m.count where i != rang && m[i][k] != 0 {
                let f = m[i][k]
                for j in k..<n where m[rang][j] != 0 {
                    m[i][j] = (m[i][j] + p - mul(f, m[rang][j], p)) % p
                }
            }
            spil.append(k)
            rang += 1
        }
        // a pivot row that is zero outside its pivot column is a unit vector: that cell is determined
        return (0..<rang).compactMap { i in
            (0..<n).allSatisfy { $0 == spil[i] || m[i][$0] == 0 } ? spil[i] : nil
        }
    }
}
