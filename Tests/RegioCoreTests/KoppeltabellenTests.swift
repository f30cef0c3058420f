import Testing
@testable import RegioCore

/// Secondary suppression over linked tables: hand-worked patterns, the two ways of solving agree, and an attacker who
/// solves the published system over the underlying cube (here, independently, in floating point) recovers nothing.
@Suite struct KoppeltabellenTests {
    /// A table rows x columns with its margins and corner; returns (stelsel, cell index [r][k], row totals, col totals, corner).
    static func tabel(_ basis: [[Int]], waarde: [[Int64]]? = nil) -> (Koppeltabellen, [[Int]], [Int], [Int], Int) {
        var k = Koppeltabellen()
        let w = waarde ?? basis.map { $0.map { Int64($0) * 1000 } }
        var cellen: [[Int]] = []
        for (r, rij) in basis.enumerated() {
            cellen.append(rij.indices.map { c in
                k.cel(Celsleutel([.gemeente: "r\(r)", .perceel: "k\(c)"]), basis: rij[c], waarde: w[r][c])
            })
        }
        let rijtot = basis.indices.map { r in
            k.cel(Celsleutel([.gemeente: "r\(r)"]), basis: basis[r].reduce(0, +), waarde: w[r].reduce(0, +), niveau: .marge)
        }
        let kolomtot = basis[0].indices.map { c in
            k.cel(Celsleutel([.perceel: "k\(c)"]), basis: basis.map { $0[c] }.reduce(0, +), waarde: w.map { $0[c] }.reduce(0, +), niveau: .marge)
        }
        let hoek = k.cel(Celsleutel(), basis: basis.flatMap { $0 }.reduce(0, +), waarde: w.flatMap { $0 }.reduce(0, +), niveau: .totaal)
        k.tabel(cellen: cellen.map { $0.map(Optional.some) }, rijtotalen: rijtot, kolomtotalen: kolomtot, totaal: hoek)
        return (k, cellen, rijtot, kolomtot, hoek)
    }

    /// One small cell (A-X, 2 clients). Cycles through it and their cost (3 extra cells each; tie broken by clients):
    /// via column Y and row B: A-Y 10 + B-Y 6 + B-X 30 = 46; via Y and C: 10 + 50 + 7 = 67; via Z and B: 20 + 40 + 30 = 90;
    /// via Z and C: 20 + 60 + 7 = 87. So A-Y, B-Y and B-X are hidden as well, and nothing else.
    @Test func eenKleineCelKrijgtDeGoedkoopsteRechthoek() {
        let (k, c, rij, kol, hoek) = Self.tabel([[2, 10, 20], [30, 6, 40], [7, 50, 60]])
        let u = k.onderdruk()
        #expect(u.status[c[0][0]] == .klein)
        let aanvullend = Set(u.status.indices.filter { u.status[$0] == .aanvullend })
        #expect(aanvullend == [c[0][1], c[1][1], c[1][0]])
        #expect((rij + kol + [hoek]).allSatisfy { u.status[$0] == .zichtbaar })
        #expect(u.onbeschermd.isEmpty)
    }

    /// What a reader can compute, by hand: a hidden cell alone in its row is the row total minus the rest; two hidden
    /// cells in one row, each alone in its column, are both known from their columns; a 2 x 2 block is not known.
    @Test func afleidbaarheidMetDeHand() {
        let (k, c, _, _, _) = Self.tabel([[9, 9, 9], [9, 9, 9], [9, 9, 9]])
        let perCel = k.relatiesPerCel()
        func bepaald(_ h: Set<Int>) -> Set<Int> { Koppeltabellen.afleidbaar(verborgen: h, relaties: k.relaties, perCel: perCel) }
        #expect(bepaald([c[0][0]]) == [c[0][0]])
        #expect(bepaald([c[0][0], c[0][1]]) == [c[0][0], c[0][1]])
        #expect(bepaald([c[0][0], c[0][1], c[1][0], c[1][1]]).isEmpty)
        // an L of three: the corner's column has only it hidden, so it is known, and then the other two
        #expect(bepaald([c[0][0], c[0][1], c[1][0]]) == [c[0][0], c[0][1], c[1][0]])
    }

    /// An empty cell cannot cover a small one (a reader may know it is empty). The small cell A-X (2 clients) beside the
    /// empty A-Y is covered through column Z (A-Z, B-Z, B-X), not through A-Y with B-Y and B-X, which would be cheaper;
    /// the empty cell is then still alone in its column, so B-Y is hidden too, to keep it looking like a small one.
    @Test func legeCelDektGeenKleine() {
        let (k, c, rij, kol, hoek) = Self.tabel([[2, 0, 20], [30, 16, 40]])
        let u = k.onderdruk()
        #expect(u.status[c[0][0]] == .klein && u.status[c[0][1]] == .klein)
        let aanvullend = Set(u.status.indices.filter { u.status[$0] == .aanvullend })
        #expect(aanvullend == [c[0][2], c[1][0], c[1][1], c[1][2]])
        #expect((rij + kol + [hoek]).allSatisfy { u.status[$0] == .zichtbaar })
        #expect(u.onbeschermd.isEmpty)
    }

    /// An empty cell is hidden like a small one and protected the same way.
    @Test func legeCelIsPrimair() {
        let (k, c, _, _, _) = Self.tabel([[0, 12, 20], [30, 16, 40]])
        let u = k.onderdruk()
        #expect(u.status[c[0][0]] == .klein)
        #expect(u.aanvullend == 3)
        #expect(u.onbeschermd.isEmpty)
    }

    /// The graph way (bridges) and elimination give the same determined cells on random hidden patterns of 2-way tables.
    @Test func bruggenGelijkAanEliminatie() {
        var rng = Willekeur(zaad: 42)
        for _ in 0..<200 {
            let rijen = 2 + rng.volgende(7), kolommen = 2 + rng.volgende(7)
            let (k, c, rij, kol, hoek) = Self.tabel(Array(repeating: Array(repeating: 9, count: kolommen), count: rijen))
            var verborgen = Set<Int>()
            for r in c { for x in r where rng.volgende(3) == 0 { verborgen.insert(x) } }
            for x in rij + kol + [hoek] where rng.volgende(6) == 0 { verborgen.insert(x) }
            let perCel = k.relatiesPerCel()
            var viaEliminatie = Set<Int>(), viaBruggen = Set<Int>()
            var alsGraaf = true
            for groep in Koppeltabellen.groepen(verborgen: verborgen, relaties: k.relaties, perCel: perCel) {
                let matrix: [[(Int, Int64)]] = Set(groep.flatMap { perCel[$0] }).sorted().map { r in
                    let rel = k.relaties[r]
                    return groep.enumerated().compactMap { i, x in x == rel.totaal ? (i, -1) : rel.delen.contains(x) ? (i, 1) : nil }
                }
                for i in Modulo.bepaald(matrix, kolommen: groep.count, p: Modulo.p61) { viaEliminatie.insert(groep[i]) }
                if let b = Netwerk.bruggen(groep, relaties: k.relaties, perCel: perCel, vanaf: 0) { viaBruggen.formUnion(b) } else { alsGraaf = false }
            }
            #expect(alsGraaf, "a 2-way table with margins is a graph")
            #expect(viaBruggen == viaEliminatie)
        }
    }

    /// Three tables over one cube (municipality x lot x month: g x p, g x m and p x m with their margins), random
    /// clients with many small cells. After suppression, an attacker who knows every visible cell solves for the cube
    /// itself (least squares, floating point, independent of the code under test): no hidden primary cell's value is
    /// determined, and the visible cells are all exact sums of the cube.
    @Test(arguments: [1, 2, 3, 4, 5])
    func aanvallerOpDeKubus(zaad: UInt64) {
        var rng = Willekeur(zaad: zaad)
        let G = 4, P = 5, M = 4
        var basis = [[[Int]]](repeating: [[Int]](repeating: [Int](repeating: 0, count: M), count: P), count: G)
        for g in 0..<G { for p in 0..<P { for m in 0..<M { basis[g][p][m] = rng.volgende(4) == 0 ? 0 : rng.volgende(6) } } }
        var k = Koppeltabellen()
        var functionalen: [[Double]] = []   // per cell, its indicator over the cube g*P*M + p*M + m
        func som(_ gs: [Int], _ ps: [Int], _ ms: [Int]) -> (Int, [Double]) {
            var b = 0
            var f = [Double](repeating: 0, count: G * P * M)
            for g in gs { for p in ps { for m in ms { b += basis[g][p][m]; f[g * P * M + p * M + m] = 1 } } }
            return (b, f)
        }
        func cel(_ s: [Celsleutel.Dimensie: String], _ gs: [Int], _ ps: [Int], _ ms: [Int], _ n: Koppeltabellen.Niveau) -> Int {
            let (b, f) = som(gs, ps, ms)
            let i = k.cel(Celsleutel(s), basis: b, waarde: Int64(b), niveau: n)
            if i == functionalen.count { functionalen.append(f) }
            return i
        }
        let alleG = Array(0..<G), alleP = Array(0..<P), alleM = Array(0..<M)
        let hoek = cel([:], alleG, alleP, alleM, .totaal)
        let gTot = alleG.map { cel([.gemeente: "\($0)"], [$0], alleP, alleM, .marge) }
        let pTot = alleP.map { cel([.perceel: "\($0)"], alleG, [$0], alleM, .marge) }
        let mTot = alleM.map { cel([.maand: "\($0)"], alleG, alleP, [$0], .marge) }
        let gp = alleG.map { g in alleP.map { p in Optional(cel([.gemeente: "\(g)", .perceel: "\(p)"], [g], [p], alleM, .cel)) } }
        let gm = alleG.map { g in alleM.map { m in Optional(cel([.gemeente: "\(g)", .maand: "\(m)"], [g], alleP, [m], .cel)) } }
        let pm = alleP.map { p in alleM.map { m in Optional(cel([.perceel: "\(p)", .maand: "\(m)"], alleG, [p], [m], .cel)) } }
        k.tabel(cellen: gp, rijtotalen: gTot, kolomtotalen: pTot, totaal: hoek)
        k.tabel(cellen: gm, rijtotalen: gTot, kolomtotalen: mTot, totaal: hoek)
        k.tabel(cellen: pm, rijtotalen: pTot, kolomtotalen: mTot, totaal: hoek)
        let u = k.onderdruk()
        #expect(u.klein > 0)
        #expect(u.onbeschermd.isEmpty)
        let zichtbaar = u.status.indices.filter { !u.status[$0].isVerborgen }.map { functionalen[$0] }
        let berekenbaar = u.status.indices.filter { u.status[$0] == .klein && Lineair.inOpspanning(functionalen[$0], zichtbaar) }
        #expect(berekenbaar.isEmpty, "hidden cells that can be computed: \(berekenbaar.map { k.sleutels[$0].description })")
    }
}

/// A seeded generator (SplitMix64), so a failing case can be repeated.
struct Willekeur {
    var toestand: UInt64
    init(zaad: UInt64) { toestand = zaad }
    mutating func volgende(_ n: Int) -> Int {
        toestand &+= 0x9E3779B97F4A7C15
        var z = toestand
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}

/// Floating-point linear algebra for the attacker: is a vector in the span of others (Gram-Schmidt with re-orthogonalisation)?
enum Lineair {
    static func inOpspanning(_ doel: [Double], _ vectoren: [[Double]]) -> Bool {
        var basis: [[Double]] = []
        func proj(_ v: [Double]) -> [Double] {
            var r = v
            for _ in 0..<2 { for b in basis { let d = zip(r, b).map(*).reduce(0, +); r = zip(r, b).map { $0 - d * $1 } } }
            return r
        }
        for v in vectoren {
            let r = proj(v)
            let n = r.map { $0 * $0 }.reduce(0, +).squareRoot()
            if n > 1e-9 { basis.append(r.map { $0 / n }) }
        }
        let rest = proj(doel)
        return rest.map { $0 * $0 }.reduce(0, +).squareRoot() < 1e-7
    }
}

/// The council's signal counts (issue 26: "DECL-DUBBEL Baarn = 132 - 128 = 4"): a row with one small count and a
/// total always has a second hidden count, and no hidden count follows from the totals.
@Suite struct RaadstellingTests {
    @Test func eenKleinAantalInEenRijMetTotaal() {
        let regels = ["DECL-DUBBEL", "VOT-LAAT", "KOSTEN-HOOG"]
        let gemeenten = ["0307", "0308", "0310", "0312"]
        let n: [[Int]] = [[60, 4, 40, 28], [12, 9, 0, 30], [7, 6, 8, 11]]
        let t = Raadstelling(rijen: regels, kolommen: gemeenten) { r, g in n[regels.firstIndex(of: r)!][gemeenten.firstIndex(of: g)!] }
        #expect(t.status(regel: "DECL-DUBBEL", gemeente: "0308") == .klein)
        #expect(t.status(regel: "VOT-LAAT", gemeente: "0310") == .klein)   // an empty count looks like a small one
        let rij = gemeenten.map { t.status(regel: "DECL-DUBBEL", gemeente: $0) }
        #expect(rij.filter(\.isVerborgen).count >= 2 || t.status(regel: "DECL-DUBBEL").isVerborgen)
        // the attacker: every cell a unit vector over the 3 x 4 table, margins their sums
        var functionalen: [([Double], Onderdrukking.Status, Int)] = []
        for (i, r) in regels.enumerated() {
            for (j, g) in gemeenten.enumerated() {
                var f = [Double](repeating: 0, count: 12); f[i * 4 + j] = 1
                functionalen.append((f, t.status(regel: r, gemeente: g), n[i][j]))
            }
            var f = [Double](repeating: 0, count: 12); for j in 0..<4 { f[i * 4 + j] = 1 }
            functionalen.append((f, t.status(regel: r), n[i].reduce(0, +)))
        }
        for (j, g) in gemeenten.enumerated() {
            var f = [Double](repeating: 0, count: 12); for i in 0..<3 { f[i * 4 + j] = 1 }
            functionalen.append((f, t.status(gemeente: g), n.map { $0[j] }.reduce(0, +)))
        }
        functionalen.append(([Double](repeating: 1, count: 12), t.status(), n.flatMap { $0 }.reduce(0, +)))
        let zichtbaar = functionalen.filter { !$0.1.isVerborgen }.map(\.0)
        let berekenbaar = functionalen.filter { $0.1 == .klein && Lineair.inOpspanning($0.0, zichtbaar) }
        #expect(berekenbaar.isEmpty)
    }
}

/// A cell paid wholly under contracts (no line, no client) is about no child (issue 23): the council sees it, and the
/// cells beside it are protected as if it were known. Two municipalities; AMB declared (0307: 2 clients, 0308: 6);
/// BSA a task-based contract of the region, 120.000 paid in March 2020, split by the macro-budget 0,6 / 0,4.
@Suite("Raadsplan met contracten")
struct RaadsplanContractTests {
    @Test("een cel die alleen uit contractbetalingen bestaat is zichtbaar; de cliëntcellen blijven beschermd")
    func contractcelZichtbaar() throws {
        func dag(_ s: String) -> Dag { Dag.parse(s)! }
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0307", naam: "Amersfoort"), Gemeente(code: "0308", naam: "Baarn")]
        g.percelen = [Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false),
                      Perceel(code: "BSA", naam: "Brede spectrum", segment: "Ambulant", verevend: false)]
        g.producten = [Product(productcode: "45A01", productcategorie: "45", perceel: "AMB")]
        g.aanbieders = [Aanbieder(agb: "75000001", naam: "Zorg BV"), Aanbieder(agb: "75000009", naam: "BSA")]
        g.gemeentecijfers = [Gemeentecijfers(gemeentecode: "0307", jaar: 2020, inwoners: 1, jeugdigen: 1, macrobudgetJeugd: Euro(euro: 6_000_000)),
                             Gemeentecijfers(gemeentecode: "0308", jaar: 2020, inwoners: 1, jeugdigen: 1, macrobudgetJeugd: Euro(euro: 4_000_000))]
        var nr = 0
        for (gemeente, n) in [("0307", 2), ("0308", 6)] {
            for i in 0..<n {
                nr += 1
                g.declaraties.append(Declaratieregel(declaratienummer: "D\(nr)", referentienummer: "R\(nr)", toewijzingnummer: "T\(nr)",
                                                     client: "C\(gemeente)-\(i)", gemeentecode: gemeente, agb: "75000001", productcategorie: "45",
                                                     productcode: "45A01", begindatum: dag("2020-03-01"), einddatum: dag("2020-03-31"),
                                                     bedrag: Euro(euro: Int64(1_000 + 17 * nr)), ingediendOp: dag("2020-04-10")))
            }
        }
        g.contracten = [Contract(jaar: 2020, perceel: "BSA", agb: "75000009", vorm: .taakgericht, contractsom: Euro(euro: 480_000))]
        g.betalingen = [Betaling(datum: dag("2020-03-25"), agb: "75000009", perceel: "BSA", bedrag: Euro(euro: 120_000))]

        let plan = Raadsplan.bereken(g, jaar: 2020, tot: dag("2020-06-30"))
        // never hidden for being small (it may still be chosen to protect a client cell beside it)
        for gemeente in ["0307", "0308", nil] { #expect(plan.status(gemeente: gemeente, perceel: "BSA") != .klein, "\(gemeente ?? "regio")") }
        #expect(plan.status(maand: Maand(jaar: 2020, maand: 3)) == .zichtbaar)
        #expect(plan.status(gemeente: "0307", perceel: "AMB") == .klein)
        // with BSA known, 0307's total would give its AMB cell: it is hidden too, and no hidden cell is determined
        #expect(plan.status(gemeente: "0307") != .zichtbaar)
        #expect(plan.onbeschermd.isEmpty)
        // a yearly total has no known clients: its cell is not treated as safe
        g.jaarkosten = [Jaarkosten(jaar: 2020, gemeentecode: "0308", perceel: "BSA", bedrag: Euro(euro: 50_000))]
        #expect(Raadsplan.bereken(g, jaar: 2020, tot: dag("2020-12-31")).status(gemeente: "0308", perceel: "BSA") != .zichtbaar)
    }
}
