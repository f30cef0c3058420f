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
        var perMaand: [Maand: [Cel: Maandfeit]] = [:]
        var perCel: [Cel: Jaarfeit] = [:]
        var clientenPerCel: [Cel: Set<Int32>] = [:], clientenPerGemeente: [String: Set<Int32>] = [:], regio = Set<Int32>()
        func cel(_ gemeente: String, _ categorie: String, _ code: String?, _ agb: String) -> Cel {
            Cel(gemeentecode: gemeente, perceel: kaart.perceel(categorie, code)?.code ?? "", agb: agb)
        }
        func client(_ c: Cel, _ nummer: Int32) {
            clientenPerCel[c, default: []].insert(nummer); clientenPerGemeente[c.gemeentecode, default: []].insert(nummer)
            regio.insert(nummer)
        }
        for (k, bedrag) in kosten {
            let c = cel(k.gemeentecode, k.productcategorie, k.productcode, k.agb)
            perMaand[k.maand, default: [:]][c, default: Maandfeit(maand: k.maand, cel: c)].kosten += bedrag
            perCel[c, default: Jaarfeit(jaar: jaar, cel: c)].kosten += bedrag
        }
        for (c, som) in clientjaren where som.actief(van: 1, tot: 12) {
            let x = cel(c.gemeentecode, c.productcategorie, c.productcode, c.agb)
            if perCel[x] == nil { perCel[x] = Jaarfeit(jaar: jaar, cel: x) }
            client(x, c.clientnummer)
        }
        for tw in toewijzingen where tw.periode.overlapDagen(van, tot) > 0 {
            let c = cel(tw.gemeentecode, tw.productcategorie, tw.productcode, tw.agb)
            let tarief: (Int) -> Euro? = { j in kaart.tarief(tw.productcategorie, tw.productcode, jaar: j) }
            let v = Verplichting.binnen(tw, van: van, tot: tot, tarief: tarief)
            client(c, Int32(bitPattern: Codeboek.gedeeld.nummer(tw.client)))
            perCel[c, default: Jaarfeit(jaar: jaar, cel: c)].toewijzingen += 1
            guard let v else { perCel[c]!.verplichtingOnbekend += 1; continue }
            perCel[c]!.verplichting += v
            // the year's commitment over its months, as the monthly figures split it
            let actief = maandenVanJaar.filter { tw.periode.overlapDagen(max(van, $0.eersteDag), min(tot, $0.laatsteDag)) > 0 }
            let gewichten = actief.map { m in
                Int64(Verplichting.binnen(tw, van: max(van, m.eersteDag), tot: min(tot, m.laatsteDag), tarief: tarief)?.centen.magnitude ?? 0)
            }
            let delen = gewichten.reduce(0, +) > 0 ? v.verdeel(naar: gewichten) : actief.indices.map { $0 == 0 ? v : .nul }
            for (i, m) in actief.enumerated() where delen[i] != .nul {
                perMaand[m, default: [:]][c, default: Maandfeit(maand: m, cel: c)].verplichting += delen[i]
            }
        }
        for (c, set) in clientenPerCel { perCel[c]!.clienten = set.count }
        for m in maandenVanJaar { maanden += (perMaand[m] ?? [:]).values.sorted { $0.cel < $1.cel } }
        jaren += perCel.values.sorted { $0.cel < $1.cel }
        self.clientenPerGemeente += clientenPerGemeente.keys.sorted().map { (jaar, $0, clientenPerGemeente[$0]!.count) }
        if !regio.isEmpty || !perCel.isEmpty { clientenRegio.append((jaar, regio.count)) }
    }
}
