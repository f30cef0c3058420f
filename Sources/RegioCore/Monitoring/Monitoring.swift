import Foundation

/// The monitoring figures. Every definition is written down in docs/definities.md; in short:
/// - a client belongs to a group when it has an allocation overlapping the period or a non-rejected declaration line
///   with service in the period, in that group; unique counts are not additive, a total counts a client once;
/// - declared cost is debit minus credit of non-rejected lines by service period (a line spanning months is split by
///   days, exactly); allocations removed with reden wijziging 13 do not count;
/// - commitment is `Verplichting.binnen` over the period; per month the period's commitment is split in proportion
///   to each month's own commitment, so months add up to the total to the cent;
/// - with a valuation date (peildatum) only allocations registered and declarations submitted by then count, and
///   inflow, outflow and stock are measured up to that date.
public enum Monitoring {
    /// Figures per group over [van, tot] for a selection, plus a total row computed over all records.
    /// With `aggregaten` the declaration lines in `g` are not used: their sums are (whole months, no peildatum, and a
    /// grouping in `Declaratieaggregaten.groeperingen`; the caller checks).
    public static func kengetallen(_ g: Gegevens, van: Dag, tot: Dag, per groepering: Groepering, selectie: Selectie,
                                   peildatum: Dag? = nil, aggregaten: Declaratieaggregaten? = nil) -> (groepen: [Kengetallen], totaal: Kengetallen) {
        kengetallen(g, van: van, tot: tot, per: groepering, selectie: selectie, peildatum: peildatum, sommen: aggregaten.map { a in { a } })
    }

    /// As above, with sums that may still be being read (`Toekomst.waarde`): the allocations are counted meanwhile.
    public static func kengetallen(_ g: Gegevens, van: Dag, tot: Dag, per groepering: Groepering, selectie: Selectie,
                                   peildatum: Dag? = nil, sommen: (() -> Declaratieaggregaten)?) -> (groepen: [Kengetallen], totaal: Kengetallen) {
        let noemer = selectie.gemeente.map { [$0] } ?? g.gemeenten.map(\.code)
        return bereken(g, van: van, tot: tot, per: groepering, peildatum: peildatum, gemeentenInTotaal: noemer, aggregaten: sommen,
                       filtertOpAanbieder: false) { gemeente, perceel, _ in
            (selectie.gemeente == nil || selectie.gemeente == gemeente) && (selectie.perceel == nil || selectie.perceel == perceel)
        }
    }

    /// Figures per group over [van, tot], plus a total row computed over all records (unique counts are not summed).
    /// `filter` gets (gemeentecode, perceel or "", agb; "" for budgets). `aggregaten` as above; a filter on the provider
    /// needs them `perAanbieder`. `filtertOpAanbieder: false` promises that the filter ignores the agb, which lets the
    /// sums be sorted per combination without provider (23,000 instead of 353,000 for a national year).
    public static func kengetallen(_ g: Gegevens, van: Dag, tot: Dag, per groepering: Groepering,
                                   filter: (@Sendable (String, String?, String) -> Bool)? = nil, filtertOpAanbieder: Bool = true,
                                   aggregaten: Declaratieaggregaten? = nil) -> (groepen: [Kengetallen], totaal: Kengetallen) {
        bereken(g, van: van, tot: tot, per: groepering, peildatum: nil, gemeentenInTotaal: nil, aggregaten: aggregaten.map { a in { a } },
                filtertOpAanbieder: filter != nil && filtertOpAanbieder) { gem, perceel, agb in
            filter?(gem, perceel, agb) ?? true
        }
    }

    /// Accumulates one group. Clients by their `Codeboek` number: sets of pseudonyms cost most of a national run.
    struct Opbouw {
        var clienten = Set<Int32>()
        var toewijzingen = 0
        var verplichting = Euro.nul
        var onbekend = 0
        var gedeclareerd = Euro.nul
        var perVerwijzer: [String: Euro] = [:]
        /// Of `gedeclareerd`: from yearly totals, which have no clients, and from contracts (payments or schedule).
        var jaartotalen = Euro.nul
        var uitContracten = Euro.nul
        var duren: [Int] = []
        /// (client, allocation period) of the group's allocations, for its care spells.
        var spells: [(Int32, Periode)] = []
        /// False while the group only holds spells: such a group is no row of its own.
        var telt = false

        mutating func declaratie(_ client: Int32, _ bedrag: Euro, _ verwijzer: String) {
            clienten.insert(client)
            gedeclareerd += bedrag
            perVerwijzer[verwijzer, default: .nul] += bedrag
        }

        /// A post without lines: realised cost without a client or referrer of its own.
        mutating func boek(_ p: Boekpost) {
            telt = true
            gedeclareerd += p.bedrag
            if p.bron == .jaartotaal { jaartotalen += p.bedrag } else { uitContracten += p.bedrag }
            perVerwijzer[Verwijzer.onbekendeSleutel, default: .nul] += p.bedrag
        }

        mutating func voegToe(_ o: Opbouw) {
            clienten.formUnion(o.clienten)
            toewijzingen += o.toewijzingen
            verplichting += o.verplichting
            onbekend += o.onbekend
            gedeclareerd += o.gedeclareerd
            jaartotalen += o.jaartotalen
            uitContracten += o.uitContracten
            perVerwijzer.merge(o.perVerwijzer, uniquingKeysWith: +)
            duren += o.duren
            spells += o.spells
            telt = telt || o.telt
        }
    }

    /// The groups of one computation, by index: one hash of the group key per record instead of one per field.
    struct Groepen {
        private(set) var index: [String: Int] = [:]
        var opbouw: [Opbouw] = []

        private var laatste: (String, Int)?   // records come in runs of one group

        /// The group's index; `telt` makes it a row.
        mutating func groep(_ k: String, telt: Bool = true) -> Int {
            let i: Int
            if let l = laatste, l.0 == k { i = l.1 }
            else if let bestaand = index[k] { i = bestaand } else { i = opbouw.count; index[k] = i; opbouw.append(Opbouw()) }
            laatste = (k, i)
            if telt { opbouw[i].telt = true }
            return i
        }

        subscript(_ k: String) -> Opbouw? { index[k].map { opbouw[$0] } }
        var rijen: [String] { index.compactMap { opbouw[$0.value].telt ? $0.key : nil } }
    }

    /// One part of a computation (the allocations, or the declarations), computed on a thread of its own and merged:
    /// clients are `Codeboek` numbers, the same in every part, so merging unites their sets.
    struct Deel {
        var groepen = Groepen()
        var totaal = Opbouw()
        var totaalPeriodes: [(Int32, Periode)] = []
        var gezien = Set<String>()
        private var laatstGezien: String?
        private var maandgroep: [Int: Int] = [:]   // Maand.index -> group

        /// Records come in runs of one municipality.
        mutating func zie(_ gemeente: String) {
            guard gemeente != laatstGezien else { return }
            gezien.insert(gemeente)
            laatstGezien = gemeente
        }

        mutating func groep(_ m: Maand) -> Int {
            if let i = maandgroep[m.index] { return i }
            let i = groepen.groep(m.description)
            maandgroep[m.index] = i
            return i
        }

        mutating func voegToe(_ ander: Deel) {
            for (k, i) in ander.groepen.index {
                let j = groepen.groep(k, telt: ander.groepen.opbouw[i].telt)
                groepen.opbouw[j].voegToe(ander.groepen.opbouw[i])
            }
            totaal.voegToe(ander.totaal)
            totaalPeriodes += ander.totaalPeriodes
            gezien.formUnion(ander.gezien)
        }
    }

    static func bereken(_ alles: Gegevens, van: Dag, tot: Dag, per groepering: Groepering, peildatum: Dag?,
                        gemeentenInTotaal: [String]?, aggregaten: (() -> Declaratieaggregaten)? = nil, filtertOpAanbieder: Bool = true,
                        // @Sendable: the two parts call it at once
                        filter: @escaping @Sendable (String, String, String) -> Bool) -> (groepen: [Kengetallen], totaal: Kengetallen) {
        precondition(aggregaten == nil || (peildatum == nil && Declaratieaggregaten.dekt(van: van, tot: tot)
                                           && Declaratieaggregaten.groeperingen.contains(groepering)))
        let b = Berekening(alles, van: van, tot: tot, per: groepering, peildatum: peildatum, filtertOpAanbieder: filtertOpAanbieder,
                           filter: filter)
        // the allocations in two halves, then the declarations (from the sums, which may still be being read meanwhile,
        // or from the lines): the allocations take longest, and iterations start in order
        let n = b.g.toewijzingen.count
        var deel = tegelijk(3) { i in
            i == 2 ? (aggregaten.map { b.somdeel($0()) } ?? b.regeldeel()) : b.toewijzingdeel(i == 0 ? 0..<n / 2 : n / 2..<n)
        }.reduce(into: Deel()) { $0.voegToe($1) }
        if !b.boek.posten.isEmpty { deel.voegToe(b.boekdeel()) }
        return b.rijen(deel, gemeentenInTotaal: gemeentenInTotaal)
    }

    /// The row of yearly totals under a grouping they have no value for (month, provider, product, referrer, age).
    public static let jaartotalenSleutel = "jaartotalen"
    /// The row of contract realisations under a grouping they have no value for (product, referrer, age).
    public static let contractenSleutel = "contracten"
    /// The municipality row of a region's payment that could not be split (no key figures for the year).
    public static let onverdeeldSleutel = "onverdeeld"

    static func naam(_ k: String, _ groepering: Groepering, _ ref: Referentiekaart, _ kaart: Productkaart) -> String {
        if k == jaartotalenSleutel && ![.gemeente, .perceel, .segment].contains(groepering) { return "Jaartotalen (grootboek)" }
        if k == contractenSleutel && ![.gemeente, .perceel, .segment, .aanbieder].contains(groepering) { return "Contracten (betalingen en schema)" }
        if k == onverdeeldSleutel && groepering == .gemeente { return "Regio (niet naar gemeenten verdeeld)" }
        switch groepering {
        case .gemeente: return ref.gemeenten[k]?.naam ?? k
        case .aanbieder: return ref.aanbieders[k]?.naam ?? k
        case .perceel: return ref.percelen[k]?.naam ?? k
        case .verwijzer: return Verwijzer(rawValue: k)?.omschrijving ?? "Onbekend"
        case .leeftijd: return Leeftijdsgroep(rawValue: k)?.omschrijving ?? k
        case .product:
            let delen = k.split(separator: "/", maxSplits: 1).map(String.init)
            return kaart.omschrijving(delen[0], delen.count > 1 ? delen[1] : nil) ?? k
        case .segment, .maand: return k
        }
    }
}

/// Product and lot lookups cached per (category, code) for one year: the hot path of every figure. A class, so the
/// closures of the commitment capture one reference instead of copying its maps; one instance per thread.
final class Productkaart {
    struct Sleutel: Hashable { let categorie: String; let code: String? }
    private struct Tariefsleutel: Hashable { let product: Sleutel; let jaar: Int }
    private let ref: Referentiekaart
    private let jaar: Int
    private var percelen: [Sleutel: Perceel?] = [:]
    private var tarieven: [Tariefsleutel: Euro?] = [:]

    init(_ ref: Referentiekaart, jaar: Int) { self.ref = ref; self.jaar = jaar }

    // the last answer of each: records come in runs of one product (short strings compare without hashing)
    private var laatstePerceel: (Sleutel, Perceel?)?
    private var laatsteTarief: (Tariefsleutel, Euro?)?

    func perceel(_ categorie: String, _ code: String?) -> Perceel? {
        let s = Sleutel(categorie: categorie, code: code)
        if let l = laatstePerceel, l.0 == s { return l.1 }
        let p: Perceel?
        if let bekend = percelen[s] { p = bekend } else {
            p = ref.perceel(categorie: categorie, code: code, jaar: jaar)
            percelen[s] = .some(p)
        }
        laatstePerceel = (s, p)
        return p
    }

    /// The tariff of the product valid in `jaar` (the commitment's hot path: once per allocation and year).
    func tarief(_ categorie: String, _ code: String?, jaar: Int) -> Euro? {
        let s = Tariefsleutel(product: Sleutel(categorie: categorie, code: code), jaar: jaar)
        if let l = laatsteTarief, l.0 == s { return l.1 }
        let t: Euro?
        if let bekend = tarieven[s] { t = bekend } else {
            t = ref.product(categorie: categorie, code: code, jaar: jaar)?.tarief
            tarieven[s] = .some(t)
        }
        laatsteTarief = (s, t)
        return t
    }

    func omschrijving(_ categorie: String, _ code: String?) -> String? {
        ref.product(categorie: categorie, code: code, jaar: jaar)?.omschrijving.map { (code ?? categorie) + " " + $0 }
    }
}

extension Declaratieregel {
    /// The cost of this line for service within [van, tot]: the whole line, or its months inside the period.
    public func kosten(van: Dag, tot: Dag) -> Euro {
        if begindatum >= van && einddatum <= tot { return kosten }
        if einddatum < van || begindatum > tot { return .nul }
        return kostenPerMaand.filter { $0.0.laatsteDag >= van && $0.0.eersteDag <= tot }.map(\.1).som()
    }
}

extension Maand {
    /// Most declarations arrive within this many days after the month: a month younger than that on the valuation date
    /// is not yet complete (every monthly table marks it; the monthly report draws it lighter).
    public static let compleetNaDagen = 90

    /// Whether this month's declarations are probably still incomplete on `stand`: it has begun, and ended less than
    /// `compleetNaDagen` before (a month still to come is not incomplete: it has no data yet).
    public func isVoorlopig(op stand: Dag) -> Bool { eersteDag <= stand && stand - laatsteDag < Maand.compleetNaDagen }
}
