/// The inputs of the finance models taken from the registered declarations, by the cost definition of the monitoring
/// figures (`Gegevens.kostenposten`: debit minus credit, rejected lines excluded, by service month). A lot filter of nil
/// takes every line, including lines whose product is unknown.
extension Bekostiging {
    /// A provider's declared production in each month of `jaar`: twelve amounts, January first.
    public static func productiePerMaand(_ posten: [Kostenpost], jaar: Int, aanbieder: String,
                                         percelen: Set<String>? = nil) -> [Euro] {
        var maanden = Array(repeating: Euro.nul, count: 12)
        for p in posten where p.maand.jaar == jaar && p.agb == aanbieder && binnen(p, percelen) {
            maanden[p.maand.maand - 1] += p.kosten
        }
        return maanden
    }

    /// Each provider's declared cost per year of `jaren` (oldest first): the historical use for its norm budget.
    /// Only providers with any cost in those years, sorted by AGB code.
    public static func gebruikPerAanbieder(_ posten: [Kostenpost], jaren: ClosedRange<Int>,
                                           percelen: Set<String>? = nil) -> [Normbudgetaanvraag] {
        var gebruik: [String: [Euro]] = [:]
        for p in posten where jaren.contains(p.maand.jaar) && binnen(p, percelen) {
            gebruik[p.agb, default: Array(repeating: .nul, count: jaren.count)][p.maand.jaar - jaren.lowerBound] += p.kosten
        }
        return gebruik.keys.sorted().compactMap { agb in
            let g = gebruik[agb]!
            return g.allSatisfy { $0 == .nul } ? nil : Normbudgetaanvraag(aanbieder: agb, gebruik: g)
        }
    }

    /// A client's actual cost per year, optionally at one provider and within lots, from the first to the last year
    /// with cost (years between without cost are 0); nil when the client has no cost at all.
    public static func kostenPerJaar(_ posten: [Kostenpost], client: ClientID, aanbieder: String? = nil,
                                     percelen: Set<String>? = nil) -> (startjaar: Int, kosten: [Euro])? {
        var perJaar: [Int: Euro] = [:]
        for p in posten where p.client == client && (aanbieder == nil || p.agb == aanbieder) && binnen(p, percelen) {
            perJaar[p.maand.jaar, default: .nul] += p.kosten
        }
        guard let eerste = perJaar.keys.min(), let laatste = perJaar.keys.max() else { return nil }
        return (eerste, (eerste...laatste).map { perJaar[$0] ?? .nul })
    }

    /// Declared cost per municipality in `jaar` (0 for a municipality in `gemeenten` without cost): the realisation
    /// of a task-based budget.
    public static func realisatiePerGemeente(_ posten: [Kostenpost], jaar: Int, percelen: Set<String>? = nil,
                                             gemeenten: [String] = []) -> [String: Euro] {
        var uit = Dictionary(gemeenten.map { ($0, Euro.nul) }, uniquingKeysWith: { a, _ in a })
        for p in posten where p.maand.jaar == jaar && binnen(p, percelen) { uit[p.gemeentecode, default: .nul] += p.kosten }
        return uit
    }

    /// The municipalities' shares of a task-based budget for `jaar`: the ex-ante key from the verevening keys, the
    /// ex-post realisation from the declarations in `percelen`. The key must be known beforehand, so `gebruik` takes
    /// the usage of the three years before `jaar` (`jaar`-3 to `jaar`-1) in the same lots; the other keys take the
    /// gemeentecijfers of `jaar` (fixed in the September circular of the year before).
    ///
    /// Lots under a contract that is not p x q (task-based, subsidy, lump sum) have no lines to realise from: their
    /// realisation is what was paid (or, without payments, the schedule), a municipality's own payments its own and
    /// the region's split by use, the client-months of the provider's production reports (by the macro-budget where
    /// there are none); a yearly total from the ledger counts for its municipality. They replace the lines of their
    /// cell, as in the monitoring figures.
    public static func taakdelen(_ g: Gegevens, posten alle: [Kostenpost], jaar: Int, sleutel: VereveningSleutel,
                                 percelen: Set<String>?) throws(BekostigingFout) -> [Taakdeel] {
        var posten = alle
        if !g.contracten.isEmpty || !g.jaarkosten.isEmpty {
            let eerste = min(alle.map(\.maand.jaar).min() ?? jaar, jaar - 3)
            let boek = g.boekposten(jaren: eerste...jaar, jaartotalen: true,
                                    bekendTot: g.standMetBetalingen ?? Dag.laatsteVan(jaar: jaar), naarProductie: true)
            if !boek.vervanging.isLeeg {
                posten = alle.filter { !boek.vervanging.vervangt($0.maand.jaar, $0.gemeentecode, $0.perceel ?? "", $0.agb) }
            }
            for b in boek.posten where !b.gemeentecode.isEmpty && b.bedrag != .nul {
                // a yearly total has no month: it counts in its year (December)
                posten.append(Kostenpost(gemeentecode: b.gemeentecode, client: "", agb: b.agb ?? "", perceel: b.perceel,
                                         maand: b.maand ?? Maand(jaar: b.jaar, maand: 12), kosten: b.bedrag))
            }
        }
        let gemeenten = Set(g.gemeenten.map(\.code)).union(posten.filter { $0.maand.jaar == jaar && binnen($0, percelen) }
            .map(\.gemeentecode)).sorted()
        var perJaar: [Int: [String: Euro]] = [:]
        let sleuteljaar = sleutel.kijktTerug ? jaar - 1 : jaar
        if sleutel.kijktTerug {
            for j in VereveningSleutel.gebruiksjaren(voor: sleuteljaar) {
                perJaar[j] = realisatiePerGemeente(posten, jaar: j, percelen: percelen, gemeenten: gemeenten)
            }
        }
        let w: [String: Int64]
        do {
            w = try sleutel.gewichten(jaar: sleuteljaar, gemeentecodes: gemeenten, gemeentecijfers: g.gemeentecijfers,
                                      kostenPerJaar: perJaar)
        } catch { throw BekostigingFout("verdeelsleutel \(sleutel.rawValue): \(error)") }
        let realisatie = realisatiePerGemeente(posten, jaar: jaar, percelen: percelen, gemeenten: gemeenten)
        return gemeenten.map { Taakdeel(gemeentecode: $0, sleutel: w[$0] ?? 0, realisatie: realisatie[$0] ?? .nul) }
    }

    private static func binnen(_ p: Kostenpost, _ percelen: Set<String>?) -> Bool {
        guard let percelen else { return true }
        return p.perceel.map { percelen.contains($0) } ?? false
    }
}
