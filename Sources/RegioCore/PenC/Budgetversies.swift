/// Budget versions (docs/definities.md, "Budget"): a region keeps its primitive budget and every revision (1e burap,
/// 2e burap, ...) side by side. The budget in force on a day is, per year, municipality and lot, the latest version
/// adopted on or before that day; a budget without a version (a file without these columns) is in force from the
/// start, and a dated version replaces it once adopted.
extension Gegevens {
    /// The budgets in force on `dag` (nil: every version adopted so far counts, the latest wins): one per year,
    /// municipality and lot. Every budget comparison uses these, never `budgetten` itself (which holds all versions).
    public func geldendeBudgetten(op dag: Dag? = nil) -> [Budget] {
        // usually there are no versions: the array itself
        if budgetten.allSatisfy({ $0.vastgesteldOp == nil }) { return budgetten }
        var gekozen: [String: Budget] = [:], volgorde: [String] = []
        for b in budgetten {
            if let dag, let v = b.vastgesteldOp, v > dag { continue }
            let k = "\(b.jaar)|\(b.gemeentecode)|\(b.perceel)"
            if let oud = gekozen[k] {
                // the later adoption wins; a version without date is the oldest
                if (b.vastgesteldOp ?? Budgetversies.begin) >= (oud.vastgesteldOp ?? Budgetversies.begin) { gekozen[k] = b }
            } else {
                gekozen[k] = b
                volgorde.append(k)
            }
        }
        return volgorde.map { gekozen[$0]! }
    }

    /// The versions of a year, in order of adoption (the undated one first): name and date.
    public func budgetversies(jaar: Int, gemeente: String? = nil) -> [(versie: String, vastgesteldOp: Dag?)] {
        var gezien: [String: Dag?] = [:]
        for b in budgetten where b.jaar == jaar && (gemeente == nil || b.gemeentecode == gemeente) {
            if let oud = gezien[b.versie], let o = oud, let n = b.vastgesteldOp, n <= o { continue }
            gezien[b.versie] = b.vastgesteldOp
        }
        return gezien.map { (versie: $0.key, vastgesteldOp: $0.value) }
            .sorted { ($0.vastgesteldOp ?? Budgetversies.begin, $0.versie) < ($1.vastgesteldOp ?? Budgetversies.begin, $1.versie) }
    }

    /// Which version a budget comparison of `jaar` on `dag` uses, in words: "1e burap (vastgesteld 01-07-2020)"; nil
    /// when the year has no versions.
    public func budgetversieTekst(jaar: Int, op dag: Dag? = nil, gemeente: String? = nil) -> String? {
        let versies = budgetversies(jaar: jaar, gemeente: gemeente).filter { v in dag == nil || (v.vastgesteldOp ?? Budgetversies.begin) <= dag! }
        guard let laatste = versies.last, let datum = laatste.vastgesteldOp else { return nil }
        return "\(laatste.versie) (vastgesteld \(datum.nederlands))"
    }
}

extension Budgetversies {
    /// Per lot of one year (and municipality, or all): the amount of every version side by side and the change from
    /// the first version to the last.
    public static func tabel(_ g: Gegevens, jaar: Int, gemeente: String? = nil) -> Tabel {
        let versies = g.budgetversies(jaar: jaar, gemeente: gemeente)
        var kolommen: [Tabel.Kolom] = [.init("perceel", "Perceel", .links), .init("naam", "Naam", .links)]
        for v in versies {
            kolommen.append(.init(v.versie.isEmpty ? "budget" : v.versie,
                                  (v.versie.isEmpty ? "Budget" : v.versie) + (v.vastgesteldOp.map { " (\($0.nederlands))" } ?? "")))
        }
        kolommen.append(.init("verandering", "Verandering"))
        var t = Tabel(kolommen: kolommen)
        // per municipality and lot the amount of each version it names
        var per: [String: [String: [String: Euro]]] = [:]
        for b in g.budgetten where b.jaar == jaar && (gemeente == nil || b.gemeentecode == gemeente) {
            per[b.perceel, default: [:]][b.gemeentecode, default: [:]][b.versie] = b.bedrag
        }
        let namen = Dictionary(g.percelen.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
        // a revision that leaves a lot out leaves its budget as it was: each column is the budget in force under it
        var totalen = [Euro?](repeating: nil, count: versies.count)
        func rij(_ code: String, _ naam: String, _ waarden: [Euro?]) -> [Tabel.Cel] {
            let eerste = waarden.compactMap { $0 }.first, laatste = waarden.compactMap { $0 }.last
            return [Tabel.Cel(code), Tabel.Cel(naam)] + waarden.map { .euroOpCent($0) }
                + [.euroOpCent(eerste.flatMap { e in laatste.map { $0 - e } })]
        }
        for code in per.keys.sorted() {
            // each municipality's budget in force under each version, summed over the municipalities
            var waarden = [Euro?](repeating: nil, count: versies.count)
            for (_, eigen) in per[code]! {
                var geldend: Euro? = nil
                for (i, v) in versies.enumerated() {
                    if let e = eigen[v.versie] { geldend = e }
                    if let geldend { waarden[i] = (waarden[i] ?? .nul) + geldend }
                }
            }
            t.rijen.append(rij(code, namen[code] ?? "", waarden))
            for (i, w) in waarden.enumerated() { if let w { totalen[i] = (totalen[i] ?? .nul) + w } }
        }
        t.voet = [rij("totaal", "", totalen)]
        return t
    }
}

/// The budget version table.
public enum Budgetversies {
    /// Before any adoption date: where an undated budget sorts.
    static let begin = Dag(jaar: 1900, maand: 1, dag: 1)!
}
