/// Booking year against care year (docs/boekjaar.md). A declaration is booked on the day it is submitted
/// (`ingediend_op`), or on its own booking date (`geboekt_op`) where the municipality gives one; it belongs to the care year of its service period (a line across New Year split by days, as every
/// cost figure). The cost booked in year B is then the sum over care years, and "kosten voorgaande jaren" is one line.
///
/// At year end the jaarrekening books what is still to come for the care year as "nog te betalen": the forecast's
/// expected remainder (with its 80% interval) as it stands on the balance date; its backtest sets that estimate for
/// each earlier year against what actually came in afterwards.
public enum Boekjaar {
    public enum Groepering: String, CaseIterable, Sendable { case gemeente, perceel }

    /// The cost of one care year booked in the booking year, within a group (nil: the region).
    public struct Regel: Sendable, Equatable {
        public var groep: String?
        public var zorgjaar: Int
        public var bedrag: Euro
    }

    public struct Verdeling: Sendable {
        public let boekjaar: Int
        /// Per group (in code order) the care years, oldest first; the region's rows when not grouped.
        public let regels: [Regel]
        /// Per group the booked total (the sum of its rows), and over all groups.
        public let groepstotalen: [String: Euro]
        public let totaal: Euro
        /// Booked in the booking year for earlier care years: "kosten voorgaande jaren".
        public var voorgaandeJaren: Euro { regels.filter { $0.zorgjaar < boekjaar }.map(\.bedrag).som() }
    }

    /// The cost booked in `jaar` split by care year, optionally per municipality or lot (the lot of the product in
    /// the care year), for one municipality or all.
    public static func verdeling(_ g: Gegevens, jaar: Int, per: Groepering? = nil, gemeente: String? = nil) throws(Bedragoverloop) -> Verdeling {
        let zoeker = Perceelzoeker(Referentiekaart(g))
        var som: [String: [Int: Euro]] = [:]
        // a contract that is not p x q is paid, not declared: its lines are not booked, its payments are (on their
        // day, for the contract's year; the region's split by the macro-budget as in every figure)
        let vervanging = g.contractvervanging
        for d in g.declaraties where d.boekdatum.jaar == jaar && d.status != .afgewezen {
            if let gemeente, d.gemeentecode != gemeente { continue }
            for (m, e) in d.kostenPerMaand where e != .nul {
                let perceel = zoeker.perceel(d.productcategorie, d.productcode, jaar: m.jaar)
                if vervanging.vervangt(m.jaar, d.gemeentecode, perceel ?? "", d.agb) { continue }
                let groep: String = switch per {
                case nil: ""
                case .gemeente: d.gemeentecode
                case .perceel: perceel ?? "onbekend"
                }
                som[groep, default: [:]][m.jaar] = try (som[groep]?[m.jaar] ?? .nul).plus(e)
            }
        }
        if let eerste = g.contracten.map(\.jaar).min(), let laatste = g.contracten.map(\.jaar).max() {
            for p in g.boekposten(jaren: eerste...laatste, jaartotalen: false, bekendTot: Dag.laatsteVan(jaar: jaar)).posten
            where p.bron == .betaling && p.maand?.jaar == jaar && p.bedrag != .nul {
                if let gemeente, p.gemeentecode != gemeente { continue }
                let groep: String = switch per {
                case nil: ""
                case .gemeente: p.gemeentecode.isEmpty ? "regio" : p.gemeentecode
                case .perceel: p.perceel
                }
                som[groep, default: [:]][p.jaar] = try (som[groep]?[p.jaar] ?? .nul).plus(p.bedrag)
            }
        }
        var regels: [Regel] = [], groepstotalen: [String: Euro] = [:], totaal = Euro.nul
        for groep in som.keys.sorted() {
            var t = Euro.nul
            for (zorgjaar, bedrag) in som[groep]!.sorted(by: { $0.key < $1.key }) {
                regels.append(Regel(groep: per == nil ? nil : groep, zorgjaar: zorgjaar, bedrag: bedrag))
                t = try t.plus(bedrag)
            }
            groepstotalen[groep] = t
            totaal = try totaal.plus(t)
        }
        return Verdeling(boekjaar: jaar, regels: regels, groepstotalen: groepstotalen, totaal: totaal)
    }

    /// What the jaarrekening books as still to come for a care year, as estimated on the balance date.
    public struct Overloop: Sendable, Equatable {
        /// The municipality (or lot) of the estimate; nil for the region.
        public var groep: String? = nil
        public var zorgjaar: Int
        public var balansdatum: Dag
        /// Declared for the care year and submitted by the balance date.
        public var gedeclareerd: Euro
        /// The expected remainder (forecast minus declared), and its 80% interval.
        public var verwacht: Euro
        public var ondergrens: Euro
        public var bovengrens: Euro
        /// What came in for the care year after the balance date, as far as the data go (the backtest's answer); nil
        /// while less than `Boekjaar.volledigNa` months have passed since.
        public var werkelijk: Euro?
        public var verschil: Euro? { werkelijk.map { $0 - verwacht } }
        public var binnenInterval: Bool? { werkelijk.map { $0 >= ondergrens && $0 <= bovengrens } }
    }

    /// Months after the care year's end from which its declarations count as complete for the backtest.
    public static let volledigNa = 12

    /// The accrual for `zorgjaar` on its last day (or `balansdatum`), with the forecast `methode`, and what came in
    /// afterwards when the data reach `volledigNa` months beyond the year (`eindeGegevens`: the last day with data).
    /// `groepen`: one estimate per group of the basis (per municipality: each municipality's own "nog te betalen", on
    /// the region's development pattern); nil: the whole.
    public static func overloop(_ basis: Jaarprognose.Basis, zorgjaar: Int, balansdatum: Dag? = nil, eindeGegevens: Dag,
                                methode: Prognosemethode = .chainladder) throws(ChainLadderFout) -> Overloop {
        try overloop(basis, zorgjaar: zorgjaar, balansdatum: balansdatum, eindeGegevens: eindeGegevens, methode: methode, groepen: nil)[0]
    }

    public static func overloop(_ basis: Jaarprognose.Basis, zorgjaar: Int, balansdatum: Dag? = nil, eindeGegevens: Dag,
                                methode: Prognosemethode = .chainladder, groepen: [String]?) throws(ChainLadderFout) -> [Overloop] {
        let dag = balansdatum ?? Dag.laatsteVan(jaar: zorgjaar)
        let prognose = try Jaarprognose(basis, jaar: zorgjaar, peildatum: dag, methode: methode)
        let volledig = eindeGegevens.maand.index >= Maand(jaar: zorgjaar, maand: 12).index + volledigNa
        let werkelijk = volledig ? basis.werkelijk(jaar: zorgjaar) : nil
        func schatting(_ p: Groepsprognose, groep: String?, werkelijk totaal: Euro?) -> Overloop {
            let verwacht = (p.prognose[methode] ?? p.gedeclareerd) - p.gedeclareerd
            return Overloop(groep: groep, zorgjaar: zorgjaar, balansdatum: dag, gedeclareerd: p.gedeclareerd, verwacht: verwacht,
                            ondergrens: p.ondergrens - p.gedeclareerd, bovengrens: p.bovengrens - p.gedeclareerd,
                            werkelijk: totaal.map { $0 - p.gedeclareerd })
        }
        guard let groepen else { return [schatting(prognose.totaal, groep: nil, werkelijk: werkelijk.map { $0.values.som() })] }
        return groepen.map { g in
            let p = prognose.groepen.first { $0.groep == g }
                ?? Groepsprognose(groep: g, gedeclareerd: .nul, prognose: [:], ondergrens: .nul, bovengrens: .nul, budget: nil)
            return schatting(p, groep: g, werkelijk: werkelijk.map { $0[g] ?? .nul })
        }
    }
}

extension Boekjaar.Verdeling {
    /// Rows (group,) care year, amount to the cent; per group a subtotal, and the booked total as the footer.
    public func tabel(namen: [String: String] = [:], per: Boekjaar.Groepering?) -> Tabel {
        var kolommen: [Tabel.Kolom] = []
        if let per { kolommen += [.init(per.rawValue, per == .gemeente ? "Gemeente" : "Perceel", .links), .init("naam", "Naam", .links)] }
        kolommen += [.init("zorgjaar", "Zorgjaar", .links), .init("soort", "Soort", .links), .init("bedrag", "Bedrag")]
        var t = Tabel(kolommen: kolommen)
        func soort(_ j: Int) -> String { j < boekjaar ? "kosten voorgaande jaren" : j == boekjaar ? "lopend jaar" : "volgend jaar" }
        for r in regels {
            var rij: [Tabel.Cel] = []
            if per != nil { rij += [Tabel.Cel(r.groep ?? ""), Tabel.Cel(namen[r.groep ?? ""] ?? "")] }
            rij += [Tabel.Cel(String(r.zorgjaar)), Tabel.Cel(soort(r.zorgjaar)), .euroOpCent(r.bedrag)]
            t.rijen.append(rij)
        }
        var voet: [Tabel.Cel] = per != nil ? [Tabel.Cel("totaal"), Tabel.Cel("")] : []
        voet += [Tabel.Cel("totaal"), Tabel.Cel("geboekt in \(boekjaar)"), .euroOpCent(totaal)]
        t.voet = [voet]
        return t
    }
}

extension Boekjaar.Overloop {
    public static func tabel(_ rijen: [Boekjaar.Overloop], namen: [String: String] = [:]) -> Tabel {
        let perGroep = rijen.contains { $0.groep != nil }
        var t = Tabel(kolommen: (perGroep ? [.init("gemeente", "Gemeente", .links), .init("naam", "Naam", .links)] : [])
                      + [.init("zorgjaar", "Zorgjaar", .links), .init("balansdatum", "Balansdatum", .links),
                                 .init("gedeclareerd", "Gedeclareerd op balansdatum"), .init("nog_te_betalen", "Nog te betalen (verwacht)"),
                                 .init("ondergrens_80", "80%-ondergrens"), .init("bovengrens_80", "80%-bovengrens"),
                                 .init("werkelijk", "Werkelijk nagekomen"), .init("verschil", "Werkelijk min verwacht"),
                                 .init("binnen_interval", "Binnen interval", .links)])
        for r in rijen {
            t.rijen.append((perGroep ? [Tabel.Cel(r.groep ?? ""), Tabel.Cel(namen[r.groep ?? ""] ?? "")] : [])
                           + [Tabel.Cel(String(r.zorgjaar)), Tabel.Cel(r.balansdatum.nederlands, machine: r.balansdatum.description),
                            .euro(r.gedeclareerd), .euro(r.verwacht), .euro(r.ondergrens), .euro(r.bovengrens), .euro(r.werkelijk),
                            .euro(r.verschil), Tabel.Cel(r.binnenInterval.map { $0 ? "ja" : "nee" } ?? "nog niet compleet",
                                                         machine: r.binnenInterval.map { $0 ? "ja" : "nee" } ?? "")])
        }
        return t
    }
}
