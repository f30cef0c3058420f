/// What the council may see of one year, decided once for every page, download, API answer and report
/// (docs/onderdrukking.md). The council's tables are two-way tables over one cube of declared cost:
///
/// - municipality x lot (with the municipalities' pooled subtotal, the equalization's own cost),
/// - municipality x month, lot x month, municipality x referrer type, lot x provider,
///
/// each with its margins; a margin that two tables share (a municipality's total on the overview, on its page and in
/// its report) is one cell. Cells of fewer than five clients are hidden (empty ones too), then the fewest extra cells,
/// so that no hidden cell can be computed from all the visible ones together (`Koppeltabellen`). Pages built for the
/// council ask this plan for each cell; a cell the plan does not know is never shown.
public struct Raadsplan: Sendable {
    public let jaar: Int
    public let gemeenten: [String]
    public let percelen: [String]
    public let maanden: [Maand]
    public let verwijzers: [String]
    public let aanbieders: [String]
    private let status: [Celsleutel: Onderdrukking.Status]
    public let klein: Int
    public let aanvullend: Int
    /// Primary cells no secondary can protect (a sum of nothing): none in practice; tested.
    public let onbeschermd: [Celsleutel]

    /// The subtotal of the pooled lots (verevend = ja) in the lot dimension, and of the others (never shown).
    public static let verevend = "*verevend"
    static let nietVerevend = "*overig"

    /// A part of the year's records the plan needs the figures of.
    public struct Deel: Sendable, Hashable {
        public var gemeente: String?
        public var perceel: String?
        public var alleenVerevend: Bool
        public init(gemeente: String? = nil, perceel: String? = nil, alleenVerevend: Bool = false) {
            self.gemeente = gemeente; self.perceel = perceel; self.alleenVerevend = alleenVerevend
        }
    }

    
    /// The status of a cell: by municipality, lot, month, referrer type and provider; nil is "all".
    public func status(gemeente: String? = nil, perceel: String? = nil, maand: Maand? = nil, verwijzer: String? = nil,
                       aanbieder: String? = nil) -> Onderdrukking.Status {
        var w: [Celsleutel.Dimensie: String] = [:]
        w[.gemeente] = gemeente; w[.perceel] = perceel; w[.maand] = maand?.description; w[.verwijzer] = verwijzer
        w[.aanbieder] = aanbieder
        // a month of this year after the last with data: no declarations yet, for every municipality, as everyone knows
        if let maand, maand.jaar == jaar, let laatste = maanden.last, maand > laatste { return .zichtbaar }
        return status[Celsleutel(w)] ?? .klein
    }

    /// Builds the plan from the figures of the year. `gemeenten` and `percelen` are every registered one (an empty
    /// municipality or lot is a cell like any other); the months run from January to the last with data, or to the
    /// last of `maanden` when that is later (a report up to a month without declarations yet).
    ///
    /// `delen`: the pooling rules (CSV kind `verevening`). In a year where a lot is pooled in part (a share below 100%, or
    /// one product), a municipality's pooled cost is a part of a lot cell that no table shows, so no cell of the plan
    /// can protect it: the plan then has no pooled subtotal that year, and the council sees no equalization figures for it.
    public static func bereken<E: Error>(jaar: Int, gemeenten: [String], percelen alle: [Perceel], delen: [Vereveningsdeel] = [],
                                         maanden: [Maand] = [],
                                         figuren: (Groepering, Deel) throws(E) -> (groepen: [Kengetallen], totaal: Kengetallen)) throws(E) -> Raadsplan {
        var k = Koppeltabellen()
        let regioG = try figuren(.gemeente, Deel()), regioP = try figuren(.perceel, Deel())
        let regioM = try figuren(.maand, Deel()), regioV = try figuren(.verwijzer, Deel()), regioA = try figuren(.aanbieder, Deel())
        let regels = Vereveningsregels(percelen: alle, delen: delen)
        let metPool = regels.deels(jaar: jaar, uit: alle.map(\.code)).isEmpty
        let verevendeCodes = Set(regels.gepoold(jaar: jaar, uit: alle.map(\.code)))
        let percelen = uniek(alle.map(\.code) + regioP.groepen.map(\.groep))
        let verwijzers = uniek(Verwijzer.allCases.map(\.rawValue) + [Verwijzer.onbekendeSleutel] + regioV.groepen.map(\.groep))
        let aanbieders = uniek(regioA.groepen.map(\.groep))
        let gs = uniek(gemeenten + regioG.groepen.map(\.groep))
        // January up to the last month with data: the months after it are known to be empty by everyone
        let metGegevens = regioM.groepen.filter { $0.clienten > 0 || $0.gedeclareerd != .nul }.compactMap { Maand.parse($0.groep) }
        let laatste = (metGegevens + maanden).filter { $0.jaar == jaar }.max()
        let maanden = laatste.map { l in (1...l.maand).map { Maand(jaar: jaar, maand: $0) } } ?? []
        let ms = maanden.map(\.description)

        func cel(_ w: [Celsleutel.Dimensie: String], _ kg: Kengetallen?, _ n: Koppeltabellen.Niveau = .cel) -> Int {
            k.cel(Celsleutel(w), basis: kg.map(Raadsplan.basis) ?? 0, waarde: kg?.gedeclareerd.centen ?? 0, niveau: n)
        }
        func perGroep(_ u: (groepen: [Kengetallen], totaal: Kengetallen)) -> [String: Kengetallen] {
            Dictionary(u.groepen.map { ($0.groep, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let hoek = cel([:], regioG.totaal, .totaal)
        let gTot = gs.map { g in cel([.gemeente: g], perGroep(regioG)[g], .marge) }
        let pTot = percelen.map { p in cel([.perceel: p], perGroep(regioP)[p], .marge) }
        let mTot = ms.map { m in cel([.maand: m], perGroep(regioM)[m], .marge) }
        let vTot = verwijzers.map { v in cel([.verwijzer: v], perGroep(regioV)[v], .marge) }
        let aTot = aanbieders.map { a in cel([.aanbieder: a], perGroep(regioA)[a], .marge) }

        // a two-way table: for each row value its figures per column value
        func tabel(_ rijDim: Celsleutel.Dimensie, _ rijen: [String], _ kolomDim: Celsleutel.Dimensie, _ kolommen: [String],
                   rijtotalen: [Int], kolomtotalen: [Int], per: Groepering, deel: (String) -> Deel) throws(E) {
            var cellen: [[Int?]] = []
            for r in rijen {
                let f = perGroep(try figuren(per, deel(r)))
                cellen.append(kolommen.map { c in cel([rijDim: r, kolomDim: c], f[c]) })
            }
            k.tabel(cellen: cellen, rijtotalen: rijtotalen, kolomtotalen: kolomtotalen, totaal: hoek)
        }
        // municipality x lot. Each row is split into its pooled lots, whose sum is published (the equalization's own
        // cost), and the others, whose sum is not (but follows from the two published ones); so a cell of a row is in
        // two sums, its part of the row and its column, and hiding it needs a second cell in the same part.
        if metPool {
            let pool = try figuren(.gemeente, Deel(alleenVerevend: true))
            let gepoold = percelen.filter(verevendeCodes.contains), overig = percelen.filter { !verevendeCodes.contains($0) }
            let splitsen = !gepoold.isEmpty && !overig.isEmpty
            let poolTot = cel([.perceel: verevend], pool.totaal, .marge)
            let restTot = k.cel(Celsleutel([.perceel: nietVerevend]), basis: 0, waarde: 0, niveau: .marge, gepubliceerd: false)
            var gp: [[Int]] = []
            var poolG: [Int] = [], restG: [Int] = []
            for (r, g) in gs.enumerated() {
                let f = perGroep(try figuren(.perceel, Deel(gemeente: g)))
                let rij = percelen.map { p in cel([.gemeente: g, .perceel: p], f[p]) }
                gp.append(rij)
                let deel = Dictionary(uniqueKeysWithValues: zip(percelen, rij))
                let vv = cel([.gemeente: g, .perceel: verevend], perGroep(pool)[g], .marge)
                poolG.append(vv)
                if splitsen {
                    let rest = k.cel(Celsleutel([.gemeente: g, .perceel: nietVerevend]), basis: 0, waarde: 0, niveau: .marge, gepubliceerd: false)
                    restG.append(rest)
                    k.relatie(totaal: vv, delen: gepoold.map { deel[$0]! })
                    k.relatie(totaal: rest, delen: overig.map { deel[$0]! })
                    k.relatie(totaal: gTot[r], delen: [vv, rest])
                } else {
                    k.relatie(totaal: gTot[r], delen: rij)
                    k.relatie(totaal: vv, delen: gepoold.map { deel[$0]! })
                }
            }
            for (j, p) in pTot.enumerated() { k.relatie(totaal: p, delen: gp.map { $0[j] }) }
            k.relatie(totaal: hoek, delen: gTot)
            k.relatie(totaal: poolTot, delen: poolG)
            k.relatie(totaal: poolTot, delen: zip(percelen, pTot).filter { verevendeCodes.contains($0.0) }.map(\.1))
            if splitsen {
                k.relatie(totaal: restTot, delen: restG)
                k.relatie(totaal: restTot, delen: zip(percelen, pTot).filter { !verevendeCodes.contains($0.0) }.map(\.1))
                k.relatie(totaal: hoek, delen: [poolTot, restTot])
            } else {
                k.relatie(totaal: hoek, delen: pTot)
            }
        } else {
            // no pooled subtotal this year: the rows and columns alone
            var gp: [[Int]] = []
            for (r, g) in gs.enumerated() {
                let f = perGroep(try figuren(.perceel, Deel(gemeente: g)))
                gp.append(percelen.map { p in cel([.gemeente: g, .perceel: p], f[p]) })
                k.relatie(totaal: gTot[r], delen: gp[r])
            }
            for (j, p) in pTot.enumerated() { k.relatie(totaal: p, delen: gp.map { $0[j] }) }
            k.relatie(totaal: hoek, delen: gTot)
            k.relatie(totaal: hoek, delen: pTot)
        }
        try tabel(.gemeente, gs, .maand, ms, rijtotalen: gTot, kolomtotalen: mTot, per: .maand) { Deel(gemeente: $0) }
        try tabel(.perceel, percelen, .maand, ms, rijtotalen: pTot, kolomtotalen: mTot, per: .maand) { Deel(perceel: $0) }
        try tabel(.gemeente, gs, .verwijzer, verwijzers, rijtotalen: gTot, kolomtotalen: vTot, per: .verwijzer) { Deel(gemeente: $0) }
        try tabel(.perceel, percelen, .aanbieder, aanbieders, rijtotalen: pTot, kolomtotalen: aTot, per: .aanbieder) { Deel(perceel: $0) }

        let u = k.onderdruk()
        var status: [Celsleutel: Onderdrukking.Status] = [:]
        for (i, s) in k.sleutels.enumerated() { status[s] = u.status[i] }
        return Raadsplan(jaar: jaar, gemeenten: gs, percelen: percelen, maanden: maanden, verwijzers: verwijzers,
                         aanbieders: aanbieders, status: status, klein: u.klein, aanvullend: u.aanvullend,
                         onbeschermd: u.onbeschermd.map { k.sleutels[$0] })
    }

    /// How many children a cell's amount is about. A cell whose whole amount is paid under contracts that are not
    /// p x q (a subsidy, a task-based contract: payments to an organisation, set in advance or split by a key) has no
    /// declaration line and no client: it is about no child and is never hidden for being small (`Int.max`). It still
    /// counts as known in the sums, so the cells beside it are protected as if it were published, which it is. A cell
    /// with any client, or with a yearly total (whose clients are not known), keeps its clients as its basis.
    static func basis(_ kg: Kengetallen) -> Int {
        if kg.clienten == 0 && kg.jaartotalen == .nul && kg.uitContracten != .nul && kg.uitContracten == kg.gedeclareerd { return Int.max }
        return kg.clienten
    }

    /// The plan from the records themselves (the command line's council report): figures over January 1 up to `tot`.
    public static func bereken(_ g: Gegevens, jaar: Int, tot: Dag) -> Raadsplan {
        let verevend = Set(Vereveningsregels(g).gepoold(jaar: jaar, uit: g.percelen.map(\.code)))
        let van = Dag.eersteVan(jaar: jaar)
        return bereken(jaar: jaar, gemeenten: g.gemeenten.map(\.code).sorted(), percelen: g.percelen, delen: g.vereveningsdelen) { per, d in
            Monitoring.kengetallen(g, van: van, tot: tot, per: per, filter: { gemeente, perceel, _ in
                (d.gemeente == nil || d.gemeente == gemeente) && (d.perceel == nil || d.perceel == perceel)
                    && (!d.alleenVerevend || verevend.contains(perceel ?? ""))
            }, filtertOpAanbieder: false)
        }
    }

    private static func uniek(_ x: [String]) -> [String] {
        var gezien = Set<String>()
        return x.filter { gezien.insert($0).inserted }
    }
}

/// A two-way table of counts as the council may see it (open signals per rule and municipality, with the totals per
/// rule, per municipality and in all): every count under five, none included, is hidden, then the fewest others so
/// that no hidden count follows from the totals. A count is its own basis.
public struct Raadstelling: Sendable {
    public let rijen: [String]
    public let kolommen: [String]
    private let status: [Celsleutel: Onderdrukking.Status]

    public init(rijen: [String], kolommen: [String], aantal: (String, String) -> Int) {
        var k = Koppeltabellen()
        func cel(_ w: [Celsleutel.Dimensie: String], _ n: Int, _ niveau: Koppeltabellen.Niveau) -> Int {
            k.cel(Celsleutel(w), basis: n, waarde: Int64(n), niveau: niveau)
        }
        let n = rijen.map { r in kolommen.map { c in aantal(r, c) } }
        let cellen = rijen.indices.map { i in kolommen.indices.map { j in Optional(cel([.regel: rijen[i], .gemeente: kolommen[j]], n[i][j], .cel)) } }
        let rt = rijen.indices.map { i in cel([.regel: rijen[i]], n[i].reduce(0, +), .marge) }
        let kt = kolommen.indices.map { j in cel([.gemeente: kolommen[j]], n.map { $0[j] }.reduce(0, +), .marge) }
        let hoek = cel([:], n.flatMap { $0 }.reduce(0, +), .totaal)
        k.tabel(cellen: cellen, rijtotalen: rt, kolomtotalen: kt, totaal: hoek)
        let u = k.onderdruk()
        var s: [Celsleutel: Onderdrukking.Status] = [:]
        for (i, sleutel) in k.sleutels.enumerated() { s[sleutel] = u.status[i] }
        self.rijen = rijen; self.kolommen = kolommen; status = s
    }

    /// The status of a rule's count in a municipality; nil is "all".
    public func status(regel: String? = nil, gemeente: String? = nil) -> Onderdrukking.Status {
        var w: [Celsleutel.Dimensie: String] = [:]
        w[.regel] = regel; w[.gemeente] = gemeente
        return status[Celsleutel(w)] ?? .klein
    }
}
