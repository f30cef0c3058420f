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

    public private(set) var maanden: [Maandfeit] = []
    public private(set) var jaren: [Jaarfeit] = []
    /// unique clients per year and municipality
    public private(set) var clientenPerGemeente: [(jaar: Int, gemeentecode: String, clienten: Int)] = []
    /// unique clients per year in the region
    public private(set) var clientenRegio: [(jaar: Int, clienten: Int)] = []

    /// `g` without declaration lines (its allocations and reference data); `sommen` the monthly sums with providers.
    public init(_ g: Gegevens, sommen: Declaratieaggregaten) {
        let ref = Referentiekaart(g)
        let toewijzingen = g.toewijzingen.filter { !$0.isVerwijderd }
        // every year from the first with a line or an allocation to the last day known (allocations run on beyond it)
        let eerste = (sommen.kosten.keys.map(\.maand.jaar) + sommen.clienten.keys.map(\.jaar) + toewijzingen.map(\.ingangsdatum.jaar)).min()
        let laatste = [sommen.laatsteIndiening, g.stand].compactMap { $0 }.max()?.jaar
        guard let eerste, let laatste, eerste <= laatste else { return }
        let kostenPerJaar = Dictionary(grouping: sommen.kosten, by: { $0.key.maand.jaar })
        let clientjarenPerJaar = Dictionary(grouping: sommen.clienten, by: { $0.key.jaar })
        for jaar in max(eerste, laatste - 100)...laatste {
            voegJaarToe(jaar, ref: ref, toewijzingen: toewijzingen, kosten: kostenPerJaar[jaar] ?? [],
                        clientjaren: clientjarenPerJaar[jaar] ?? [])
        }
    }

    private mutating func voegJaarToe(_ jaar: Int, ref: Referentiekaart, toewijzingen: [Toewijzing],
                                      kosten: [(key: Declaratieaggregaten.Kostensleutel, value: Euro)],
                                      clientjaren: [(key: Declaratieaggregaten.Clientjaar, value: Declaratieaggregaten.Clientsom)]) {
        let kaart = Productkaart(ref, jaar: jaar)
        let van = Dag.eersteVan(jaar: jaar), tot = Dag.laatsteVan(jaar: jaar)
        let maandenVanJaar = (1...12).map { Maand(jaar: jaar, maand: $0) }
        // cells by number: a cell's text (municipality, lot, provider) is hashed once per combination, not per sum
        var cellen = Celnummers()
        var perMaand = [[Int: Maandfeit]](repeating: [:], count: 12)
        var perCel: [Jaarfeit] = []
        var clientenPerCel: [Set<Int32>] = [], clientenPerGemeente: [Set<Int32>] = [], regio = Set<Int32>()
        func nummer(_ c: Cel) -> Int {
            let (i, nieuw) = cellen.nummer(c)
            if nieuw {
                perCel.append(Jaarfeit(jaar: jaar, cel: c))
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
        for (k, bedrag) in kosten {
            let c = nummer(k.dimensies), m = k.maand.maand - 1
            perMaand[m][c, default: Maandfeit(maand: k.maand, cel: cellen.cellen[c])].kosten += bedrag
            perCel[c].kosten += bedrag
        }
        for (c, som) in clientjaren where som.actief(van: 1, tot: 12) {
            client(nummer(c.dimensies), c.clientnummer)
        }
        for tw in toewijzingen where tw.periode.overlapDagen(van, tot) > 0 {
            let c = nummer(Cel(gemeentecode: tw.gemeentecode, perceel: kaart.perceel(tw.productcategorie, tw.productcode)?.code ?? "", agb: tw.agb))
            let tarief: (Int) -> Euro? = { j in kaart.tarief(tw.productcategorie, tw.productcode, jaar: j) }
            let v = Verplichting.binnen(tw, van: van, tot: tot, tarief: tarief)
            client(c, Int32(bitPattern: Codeboek.gedeeld.nummer(tw.client)))
            perCel[c].toewijzingen += 1
            guard let v else { perCel[c].verplichtingOnbekend += 1; continue }
            perCel[c].verplichting += v
            // the year's commitment over its months, as the monthly figures split it
            let actief = maandenVanJaar.filter { tw.periode.overlapDagen(max(van, $0.eersteDag), min(tot, $0.laatsteDag)) > 0 }
            let gewichten = actief.map { m in
                Int64(Verplichting.binnen(tw, van: max(van, m.eersteDag), tot: min(tot, m.laatsteDag), tarief: tarief)?.centen.magnitude ?? 0)
            }
            let delen = gewichten.reduce(0, +) > 0 ? v.verdeel(naar: gewichten) : actief.indices.map { $0 == 0 ? v : .nul }
            for (i, m) in actief.enumerated() where delen[i] != .nul {
                perMaand[m.maand - 1][c, default: Maandfeit(maand: m, cel: cellen.cellen[c])].verplichting += delen[i]
            }
        }
        for (c, set) in clientenPerCel.enumerated() { perCel[c].clienten = set.count }
        for m in perMaand { maanden += m.values.sorted { $0.cel < $1.cel } }
        jaren += perCel.sorted { $0.cel < $1.cel }
        // the municipalities with a client (a cell may have cost and no client active in the year)
        self.clientenPerGemeente += cellen.gemeenten.indices.filter { !clientenPerGemeente[$0].isEmpty }
            .sorted { cellen.gemeenten[$0] < cellen.gemeenten[$1] }.map { (jaar, cellen.gemeenten[$0], clientenPerGemeente[$0].count) }
        if !regio.isEmpty || !perCel.isEmpty { clientenRegio.append((jaar, regio.count)) }
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
