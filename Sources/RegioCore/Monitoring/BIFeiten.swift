/// The facts a BI tool reads (the reporting views, `regiomonitor export`): cost and commitment per month x municipality
/// x lot x provider, and per year the same with allocations and unique clients, by the definitions of the monitoring
/// figures, so a year of them adds up to `cijfers` exactly. Built from the monthly sums and the allocations, as the
/// figures of a whole year are.
///
/// - Cost: debit minus credit of lines that are not rejected, by month of service (the sums' months); the lot of the
///   product in that year.
/// - Commitment: each allocation's commitment within the year (`Verplichting.binnen`), split over its months of the year
///   in proportion to each month's own commitment, so the months add up to the year to the cent (as `cijfers --per maand`).
/// - Allocations and unique clients per year and cell (clients with an allocation in force or a line with service in the
///   year); unique clients do not add up over cells, so they are given per municipality and for the region as well.
public struct BIFeiten: Sendable {
    public struct Cel: Hashable, Sendable, Comparable {
        public let gemeentecode: String
        public let perceel: String
        public let agb: String
        public static func < (a: Cel, b: Cel) -> Bool { (a.gemeentecode, a.perceel, a.agb) < (b.gemeentecode, b.perceel, b.agb) }
    }
    public struct Maandfeit: Sendable, Equatable {
        public let maand: Maand
        public let cel: Cel
        public var kosten = Euro.nul
        public var verplichting = Euro.nul
    }
    public struct Jaarfeit: Sendable, Equatable {
        public let jaar: Int
        public let cel: Cel
        public var kosten = Euro.nul
        public var verplichting = Euro.nul
        /// allocations whose commitment is unknown (no budget, volume or tariff)
        public var verplichtingOnbekend = 0
        public var toewijzingen = 0
        public var clienten = 0
    }

    public private(set) var maanden = Maandfeiten()
    public private(set) var jaren: [Jaarfeit] = []
    /// unique clients per year and municipality
    public private(set) var clientenPerGemeente: [(jaar: Int, gemeentecode: String, clienten: Int)] = []
    /// unique clients per year in the region
    public private(set) var clientenRegio: [(jaar: Int, clienten: Int)] = []
    /// The years from the first with a line or an allocation to the last day known: every year the facts cover.
    public private(set) var bereik: ClosedRange<Int>?
    /// The years built when only some were asked for (`Deelbouw`); nil when every year of `bereik` was built.
    public private(set) var deel: [Int]?

    /// After an import that only added lines and allocations: the years whose facts it can have changed (those of the new
    /// lines' sums and of the new allocations' periods) and the years the facts covered before. The years the range
    /// has grown by are built too (allocations run on into them); every other year's facts stand as they were.
    public struct Deelbouw: Sendable, Equatable {
        public var jaren: Set<Int>
        public var eerder: ClosedRange<Int>
        public init(jaren: Set<Int>, eerder: ClosedRange<Int>) { self.jaren = jaren; self.eerder = eerder }
    }

    /// "2016-2026", as the stores keep `bereik` beside the facts.
    public static func tekst(_ bereik: ClosedRange<Int>) -> String { "\(bereik.lowerBound)-\(bereik.upperBound)" }
    public static func bereik(_ tekst: String) -> ClosedRange<Int>? {
        let d = tekst.split(separator: "-").compactMap { Int($0) }
        return d.count == 2 && d[0] <= d[1] ? d[0]...d[1] : nil
    }

    /// `g` without declaration lines (its allocations and reference data); `sommen` the monthly sums with providers.
    public init(_ g: Gegevens, sommen: Declaratieaggregaten) {
        let eersteIngang = g.toewijzingen.lazy.filter { !$0.isVerwijderd }.map(\.ingangsdatum).min()
        self.init(g, sommen: sommen, eersteIngang: eersteIngang, laatsteToewijzing: nil) { _, _, per in
            for tw in g.toewijzingen { per(tw) }
        }
    }

    /// The same with the allocations streamed instead of held: `g` may leave them out, `toewijzingen` hands each stored
    /// allocation whose period may overlap the days it is given (one year: more is harmless) to its argument (it is
    /// called once per year, so a national year never holds its 930,000 allocations as records; and a year long past
    /// reads only the few allocations that ran then, not all of them again). `eersteIngang` and `laatsteToewijzing`:
    /// the earliest start and the latest allocation date of the allocations it hands out (an earlier start than the first not deleted does no harm: such years stay empty).
    /// `deelbouw`: only the years it names (see there), for the tables that keep the other years' facts.
    public init(_ g: Gegevens, sommen: Declaratieaggregaten, eersteIngang: Dag?, laatsteToewijzing: Dag?, deelbouw: Deelbouw? = nil,
                toewijzingen: (_ van: Dag, _ tot: Dag, _ per: (Toewijzing) -> Void) throws -> Void) rethrows {
        let ref = Referentiekaart(g)
        // every year from the first with a line or an allocation to the last day known (allocations run on beyond it)
        let eerste = (sommen.kosten.keys.map(\.maand.jaar) + sommen.clienten.keys.map(\.jaar) + [eersteIngang?.jaar].compactMap { $0 }).min()
        let laatste = [sommen.laatsteIndiening, g.stand, laatsteToewijzing].compactMap { $0 }.max()?.jaar
        guard let eerste, let laatste, eerste <= laatste else {
            if deelbouw != nil { deel = [] }
            return
        }
        let bereik = max(eerste, laatste - 100)...laatste
        self.bereik = bereik
        var jaren = Array(bereik)
        if let d = deelbouw {
            jaren = jaren.filter { d.jaren.contains($0) || !d.eerder.contains($0) }
            deel = jaren
        }
        // each year takes its sums from the whole (grouped copies per year were another 250 MB nationally)
        for jaar in jaren {
            try voegJaarToe(jaar, ref: ref, toewijzingen: toewijzingen, sommen: sommen)
        }
    }

    private mutating func voegJaarToe(_ jaar: Int, ref: Referentiekaart,
                                      toewijzingen: (_ van: Dag, _ tot: Dag, _ per: (Toewijzing) -> Void) throws -> Void,
                                      sommen: Declaratieaggregaten) rethrows {
        let kaart = Productkaart(ref, jaar: jaar)
        let van = Dag.eersteVan(jaar: jaar), tot = Dag.laatsteVan(jaar: jaar)
        let maandenVanJaar = (1...12).map { Maand(jaar: jaar, maand: $0) }
        // cells by number: a cell's text (municipality, lot, provider) is hashed once per combination, not per sum
        var cellen = Celnummers()
        // per cell its twelve months in a row: cost, commitment, and which months have a fact (a sum of 0 is a fact)
        var kosten: [Euro] = [], verplichting: [Euro] = [], metFeit: [UInt16] = []
        var perCel: [Jaarfeit] = []
        var clientenPerCel: [Set<Int32>] = [], clientenPerGemeente: [Set<Int32>] = [], regio = Set<Int32>()
        func nummer(_ c: Cel) -> Int {
            let (i, nieuw) = cellen.nummer(c)
            if nieuw {
                perCel.append(Jaarfeit(jaar: jaar, cel: c))
                kosten.append(contentsOf: repeatElement(.nul, count: 12))
                verplichting.append(contentsOf: repeatElement(.nul, count: 12))
                metFeit.append(0)
                clientenPerCel.append([])
                if cellen.gemeenten.count > clientenPerGemeente.count { clientenPerGemeente.append([]) }
            }
            return i
        }
        var perDimensies: [Declaratieaggregaten.Dimensies: Int] = [:]
        func nummer(_ d: Declaratieaggregaten.Dimensies) -> Int {
            let zonder = d.zonderVerwijzer
            if let i = perDimensies[zonder] { return i }
            let i = nummer(Cel(gemeentecode: d.gemeentecode, perceel: kaart.perceel(d.productcategorie, d.productcode)?.code ?? "", agb: d.agb))
            perDimensies[zonder] = i
            return i
        }
        func client(_ c: Int, _ nummer: Int32) {
            clientenPerCel[c].insert(nummer); clientenPerGemeente[cellen.gemeente[c]].insert(nummer)
            regio.insert(nummer)
        }
        for (k, bedrag) in sommen.kosten where k.maand.jaar == jaar {
            let c = nummer(k.dimensies), m = k.maand.maand - 1
            kosten[c * 12 + m] += bedrag
            metFeit[c] |= 1 << m
            perCel[c].kosten += bedrag
        }
        for (c, som) in sommen.clienten where c.jaar == jaar && som.actief(van: 1, tot: 12) {
            client(nummer(c.dimensies), c.clientnummer)
        }
        try toewijzingen(van, tot) { tw in
            guard !tw.isVerwijderd, tw.periode.overlapDagen(van, tot) > 0 else { return }
            let c = nummer(Cel(gemeentecode: tw.gemeentecode, perceel: kaart.perceel(tw.productcategorie, tw.productcode)?.code ?? "", agb: tw.agb))
            let tarief: (Int) -> Euro? = { j in kaart.tarief(tw.productcategorie, tw.productcode, jaar: j) }
            let v = Verplichting.binnen(tw, van: van, tot: tot, tarief: tarief)
            client(c, Int32(bitPattern: Codeboek.gedeeld.nummer(tw.client)))
            perCel[c].toewijzingen += 1
            guard let v else { perCel[c].verplichtingOnbekend += 1; return }
            perCel[c].verplichting += v
            // the year's commitment over its months, as the monthly figures split it
            let actief = maandenVanJaar.filter { tw.periode.overlapDagen(max(van, $0.eersteDag), min(tot, $0.laatsteDag)) > 0 }
            let gewichten = actief.map { m in
                Int64(Verplichting.binnen(tw, van: max(van, m.eersteDag), tot: min(tot, m.laatsteDag), tarief: tarief)?.centen.magnitude ?? 0)
            }
            let delen = gewichten.reduce(0, +) > 0 ? v.verdeel(naar: gewichten) : actief.indices.map { $0 == 0 ? v : .nul }
            for (i, m) in actief.enumerated() where delen[i] != .nul {
                verplichting[c * 12 + m.maand - 1] += delen[i]
                metFeit[c] |= 1 << (m.maand - 1)
            }
        }
        for (c, set) in clientenPerCel.enumerated() { perCel[c].clienten = set.count }
        // the municipalities with a client (a cell may have cost and no client active in the year)
        self.clientenPerGemeente += cellen.gemeenten.indices.filter { !clientenPerGemeente[$0].isEmpty }
            .sorted { cellen.gemeenten[$0] < cellen.gemeenten[$1] }.map { (jaar, cellen.gemeenten[$0], clientenPerGemeente[$0].count) }
        if !regio.isEmpty || !perCel.isEmpty { clientenRegio.append((jaar, regio.count)) }
        // the client sets (one per cell, some 140 MB nationally) are counted: gone before the rows are made
        clientenPerCel = []; clientenPerGemeente = []; regio = []; perDimensies = [:]
        let volgorde = perCel.indices.sorted { perCel[$0].cel < perCel[$1].cel }
        maanden.voegToe(jaar: jaar, cellen: cellen.cellen, volgorde: volgorde, kosten: kosten, verplichting: verplichting, metFeit: metFeit)
        jaren += volgorde.map { perCel[$0] }
    }

    /// The monthly facts of all years in 24 bytes a row, the cell by its number in a table of the cells: a national year
    /// has 4,8 million of them, which as `Maandfeit` values (three texts each) took some 380 MB.
    public struct Maandfeiten: RandomAccessCollection, Sendable {
        private struct Rij: Sendable {
            let maand: Int32
            let cel: UInt32
            let kosten: Euro
            let verplichting: Euro
        }
        private var cellen: [Cel] = []
        private var rijen: [Rij] = []

        public var startIndex: Int { 0 }
        public var endIndex: Int { rijen.count }
        public subscript(i: Int) -> Maandfeit {
            let r = rijen[i]
            return Maandfeit(maand: Maand(index: Int(r.maand)), cel: cellen[Int(r.cel)], kosten: r.kosten, verplichting: r.verplichting)
        }

        /// One year's months in order, each month's cells in `volgorde`: cell `c`'s month `m` (0-11) at `c * 12 + m` of
        /// `kosten` and `verplichting`, a fact when bit `m` of `metFeit[c]` is set.
        mutating func voegToe(jaar: Int, cellen nieuw: [Cel], volgorde: [Int], kosten: [Euro], verplichting: [Euro], metFeit: [UInt16]) {
            let eerste = cellen.count
            cellen += nieuw
            rijen.reserveCapacity(rijen.count + metFeit.reduce(0) { $0 + $1.nonzeroBitCount })
            for m in 0..<12 {
                let maand = Int32(Maand(jaar: jaar, maand: m + 1).index)
                for c in volgorde where metFeit[c] & (1 << m) != 0 {
                    rijen.append(Rij(maand: maand, cel: UInt32(eerste + c), kosten: kosten[c * 12 + m], verplichting: verplichting[c * 12 + m]))
                }
            }
        }
    }

    /// The cells of one year by number, and each cell's municipality by number.
    private struct Celnummers {
        var cellen: [Cel] = []
        var gemeente: [Int] = []
        var gemeenten: [String] = []
        private var perCel: [Cel: Int] = [:]
        private var perGemeente: [String: Int] = [:]

        mutating func nummer(_ c: Cel) -> (Int, nieuw: Bool) {
            if let i = perCel[c] { return (i, false) }
            let g: Int
            if let bekend = perGemeente[c.gemeentecode] { g = bekend } else {
                g = gemeenten.count
                gemeenten.append(c.gemeentecode)
                perGemeente[c.gemeentecode] = g
            }
            perCel[c] = cellen.count
            cellen.append(c)
            gemeente.append(g)
            return (cellen.count - 1, true)
        }
    }
}
