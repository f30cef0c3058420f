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

        mutating func voegToe(_ o: Opbouw) {
            clienten.formUnion(o.clienten)
            toewijzingen += o.toewijzingen
            verplichting += o.verplichting
            onbekend += o.onbekend
            gedeclareerd += o.gedeclareerd
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
                        filter: @Sendable (String, String, String) -> Bool) -> (groepen: [Kengetallen], totaal: Kengetallen) {
        precondition(aggregaten == nil || (peildatum == nil && Declaratieaggregaten.dekt(van: van, tot: tot)
                                           && Declaratieaggregaten.groeperingen.contains(groepering)))
        let g = peildatum.map { alles.bekendOp($0) } ?? alles
        let ref = Referentiekaart(g)
        let kaart = Productkaart(ref, jaar: van.jaar)
        let t = peildatum.map { min(tot, $0) } ?? tot
        let perMaand = groepering == .maand
        let maanden: [Maand] = perMaand ? Array(sequence(first: van.maand) { $0 < tot.maand ? $0 + 1 : nil }) : []
        // the sums hold their clients as `Codeboek` numbers already
        let codeboek = Codeboek.gedeeld
        func clientnummer(_ c: ClientID) -> Int32 { Int32(bitPattern: codeboek.nummer(c)) }
        var geboren: [ClientID: Dag] = [:]
        if groepering == .leeftijd {
            for t in g.toewijzingen { if let d = t.geboortedatum, geboren[t.client] == nil { geboren[t.client] = d } }
            for v in g.verzoeken { if let d = v.geboortedatum, geboren[v.client] == nil { geboren[v.client] = d } }
        }

        func sleutel(_ kaart: Productkaart, _ gemeente: String, _ agb: String, _ categorie: String, _ code: String?,
                     _ verwijzer: Verwijzer?, _ client: ClientID) -> String {
            switch groepering {
            case .gemeente: return gemeente
            case .aanbieder: return agb
            case .perceel: return kaart.perceel(categorie, code)?.code ?? "onbekend"
            case .segment: return kaart.perceel(categorie, code)?.segment ?? "onbekend"
            case .verwijzer: return verwijzer?.rawValue ?? Verwijzer.onbekendeSleutel
            case .product: return categorie + (code.map { "/" + $0 } ?? "")
            case .leeftijd: return Leeftijdsgroep.bij(geboortedatum: geboren[client], op: van).rawValue
            case .maand: return ""   // months are split below
            }
        }

        func toewijzingdeel(_ deel: Range<Int>) -> Deel {
            let kaart = Productkaart(ref, jaar: van.jaar)
            var d = Deel()
            var vorige: (client: ClientID, nummer: Int32)?   // a client's allocations follow each other
            for tw in g.toewijzingen[deel] where !tw.isVerwijderd {
                let perceel = kaart.perceel(tw.productcategorie, tw.productcode)?.code ?? ""
                guard filter(tw.gemeentecode, perceel, tw.agb) else { continue }
                let client: Int32
                if let v = vorige, v.client == tw.client { client = v.nummer } else {
                    client = clientnummer(tw.client)
                    vorige = (tw.client, client)
                }
                d.totaalPeriodes.append((client, tw.periode))
                let k = perMaand ? nil
                    : d.groepen.groep(sleutel(kaart, tw.gemeentecode, tw.agb, tw.productcategorie, tw.productcode, tw.verwijzer, tw.client),
                                      telt: false)
                if let k { d.groepen.opbouw[k].spells.append((client, tw.periode)) }
                if let e = tw.einddatum, e >= van && e <= t {
                    let duur = (e - tw.ingangsdatum) + 1
                    let i = k ?? d.groep(e.maand)
                    d.groepen.opbouw[i].telt = true
                    d.groepen.opbouw[i].duren.append(duur)
                    d.totaal.duren.append(duur)
                }
                guard tw.periode.overlapDagen(van, tot) > 0 else { continue }
                d.zie(tw.gemeentecode)
                let tarief: (Int) -> Euro? = { j in kaart.tarief(tw.productcategorie, tw.productcode, jaar: j) }
                let v = Verplichting.binnen(tw, van: van, tot: tot, tarief: tarief)
                d.totaal.clienten.insert(client); d.totaal.toewijzingen += 1
                if let v { d.totaal.verplichting += v } else { d.totaal.onbekend += 1 }
                if let k {
                    d.groepen.opbouw[k].telt = true
                    d.groepen.opbouw[k].clienten.insert(client)
                    d.groepen.opbouw[k].toewijzingen += 1
                    if let v { d.groepen.opbouw[k].verplichting += v } else { d.groepen.opbouw[k].onbekend += 1 }
                    continue
                }
                let actief = maanden.filter { tw.periode.overlapDagen(max(van, $0.eersteDag), min(tot, $0.laatsteDag)) > 0 }
                var delen: [Euro]? = nil
                if let v {
                    let gewichten = actief.map { m in
                        Verplichting.binnen(tw, van: max(van, m.eersteDag), tot: min(tot, m.laatsteDag), tarief: tarief)?.centen.magnitude ?? 0
                    }.map { Int64($0) }
                    delen = gewichten.reduce(0, +) > 0 ? v.verdeel(naar: gewichten) : actief.indices.map { $0 == 0 ? v : .nul }
                }
                for (i, m) in actief.enumerated() {
                    let mk = d.groep(m)
                    d.groepen.opbouw[mk].clienten.insert(client)
                    d.groepen.opbouw[mk].toewijzingen += 1
                    if let delen { d.groepen.opbouw[mk].verplichting += delen[i] } else { d.groepen.opbouw[mk].onbekend += 1 }
                }
            }
            return d
        }

        // the same sums as the loop over lines below, from the pre-summed months and client-years; the lot, filter and
        // group are worked out once per combination of municipality, product, provider and referrer
        func somdeel(_ a: Declaratieaggregaten) -> Deel {
            precondition(groepering != .aanbieder || a.perAanbieder)
            let kaart = Productkaart(ref, jaar: van.jaar)
            var d = Deel()
            struct Plaats { let groep: Int; let gemeente: String; let verwijzer: String; var gezien = false }
            var plaatsen: [Plaats] = []
            var indeling: [Declaratieaggregaten.Dimensies: Int] = [:]   // -> index in plaatsen, -1: filtered out
            let metAanbieder = groepering == .aanbieder || filtertOpAanbieder
            func plaats(_ x: Declaratieaggregaten.Dimensies) -> Int {
                let soort = metAanbieder ? x : x.zonderAanbieder
                if let i = indeling[soort] { return i }
                let gem = x.gemeentecode, cat = x.productcategorie, code = x.productcode, agb = x.agb, vw = x.verwijzer
                var i = -1
                if filter(gem, kaart.perceel(cat, code)?.code ?? "", agb) {
                    let k = perMaand ? -1 : d.groepen.groep(sleutel(kaart, gem, agb, cat, code, Verwijzer(rawValue: vw), ""))
                    i = plaatsen.count
                    plaatsen.append(Plaats(groep: k, gemeente: gem, verwijzer: vw))
                }
                indeling[soort] = i
                return i
            }
            func gebruik(_ i: Int) {
                guard !plaatsen[i].gezien else { return }
                d.gezien.insert(plaatsen[i].gemeente)
                plaatsen[i].gezien = true
            }
            for (k, bedrag) in a.kosten where k.maand >= van.maand && k.maand <= tot.maand {
                let i = plaats(k.dimensies)
                guard i >= 0 else { continue }
                gebruik(i)
                let p = plaatsen[i]
                let s = perMaand ? d.groep(k.maand) : p.groep
                d.groepen.opbouw[s].gedeclareerd += bedrag
                d.groepen.opbouw[s].perVerwijzer[p.verwijzer, default: .nul] += bedrag
                d.totaal.gedeclareerd += bedrag
                d.totaal.perVerwijzer[p.verwijzer, default: .nul] += bedrag
            }
            for (c, som) in a.clienten where c.jaar >= van.jaar && c.jaar <= tot.jaar {
                let eerste = c.jaar == van.jaar ? van.maand.maand : 1, laatste = c.jaar == tot.jaar ? tot.maand.maand : 12
                guard som.actief(van: eerste, tot: laatste) else { continue }
                let i = plaats(c.dimensies)
                guard i >= 0 else { continue }
                gebruik(i)
                let client = c.clientnummer
                d.totaal.clienten.insert(client)
                guard perMaand else {
                    d.groepen.opbouw[plaatsen[i].groep].clienten.insert(client)
                    continue
                }
                for m in eerste...laatste where som.actief(van: m, tot: m) {
                    d.groepen.opbouw[d.groep(Maand(jaar: c.jaar, maand: m))].clienten.insert(client)
                }
            }
            return d
        }

        func regeldeel() -> Deel {
            let kaart = Productkaart(ref, jaar: van.jaar)
            var d = Deel()
            let toewijzingPerNummer = Dictionary(g.toewijzingen.map { ($0.toewijzingnummer, $0.verwijzer) }, uniquingKeysWith: { a, _ in a })
            for r in g.declaraties where r.status != .afgewezen && r.einddatum >= van && r.begindatum <= tot {
                let perceel = kaart.perceel(r.productcategorie, r.productcode)?.code ?? ""
                guard filter(r.gemeentecode, perceel, r.agb) else { continue }
                d.zie(r.gemeentecode)
                let verwijzer = toewijzingPerNummer[r.toewijzingnummer] ?? nil
                let vk = verwijzer?.rawValue ?? Verwijzer.onbekendeSleutel
                let client = clientnummer(r.client)
                if perMaand {
                    var som = Euro.nul
                    for (m, bedrag) in r.kostenPerMaand where m.laatsteDag >= van && m.eersteDag <= tot {
                        d.groepen.opbouw[d.groep(m)].declaratie(client, bedrag, vk)
                        som += bedrag
                    }
                    d.totaal.declaratie(client, som, vk)
                    continue
                }
                let bedrag = r.kosten(van: van, tot: tot)
                let k = d.groepen.groep(sleutel(kaart, r.gemeentecode, r.agb, r.productcategorie, r.productcode, verwijzer, r.client))
                d.groepen.opbouw[k].declaratie(client, bedrag, vk)
                d.totaal.declaratie(client, bedrag, vk)
            }
            return d
        }

        // the sums may still be being read while the allocations are counted
        func declaratiedeel() -> Deel { aggregaten.map { somdeel($0()) } ?? regeldeel() }
        // the allocations in two halves, then the declarations: the sums may still be being read meanwhile, and the
        // allocations take longest (iterations start in order)
        let n = g.toewijzingen.count
        let deel = tegelijk(3) { i in i == 2 ? declaratiedeel() : toewijzingdeel(i == 0 ? 0..<n / 2 : n / 2..<n) }
            .reduce(into: Deel()) { $0.voegToe($1) }
        let groepen = deel.groepen, totaal = deel.totaal, gezien = deel.gezien

        // budgets: every calendar year the period touches
        let jaren = van.jaar...tot.jaar
        // the version in force on the valuation date, else the latest adopted
        let budgetten = g.geldendeBudgetten(op: peildatum).filter { jaren.contains($0.jaar) && filter($0.gemeentecode, $0.perceel, "") }
        func budgetSleutel(_ b: Budget) -> String? {
            switch groepering {
            case .gemeente: return b.gemeentecode
            case .perceel: return b.perceel
            case .segment: return ref.percelen[b.perceel]?.segment ?? "onbekend"
            default: return nil
            }
        }
        var budgetPerGroep: [String: Euro] = [:]
        for b in budgetten { if let k = budgetSleutel(b) { budgetPerGroep[k, default: .nul] += b.bedrag } }

        func cijfers(_ gemeenten: [String]) -> (Int64, Int64)? {
            var inw: Int64 = 0, jeugd: Int64 = 0
            for gem in gemeenten {
                for j in jaren {
                    guard let c = ref.cijfers(gemeente: gem, jaar: j) else { return nil }
                    inw += c.inwoners; jeugd += c.jeugdigen
                }
            }
            return gemeenten.isEmpty ? nil : (inw, jeugd)
        }

        let totaalParen = deel.totaalPeriodes
        func rij(_ k: String, _ o: Opbouw, naam: String, spells: [(Int32, Periode)], van a: Dag, tot b: Dag) -> Kengetallen {
            let v = Zorgperiodes.verloop(spells, van: a, tot: b, peildatum: peildatum)
            let duur = o.duren.percentielen(50, 90)
            return Kengetallen(groep: k, naam: naam, clienten: o.clienten.count, toewijzingen: o.toewijzingen,
                               verplichting: o.verplichting, verplichtingOnbekend: o.onbekend, gedeclareerd: o.gedeclareerd,
                               inZorgBegin: v.begin, instroom: v.instroom, uitstroom: v.uitstroom, inZorgEinde: v.einde,
                               beeindigdeToewijzingen: o.duren.count, duurMediaan: duur[0],
                               duurP90: duur[1], kostenPerVerwijzer: o.perVerwijzer)
        }

        var sleutels = Set(groepen.rijen).union(budgetPerGroep.keys)
        if perMaand { sleutels = Set(maanden.map(\.description)) }
        let volgorde = groepering == .leeftijd
            ? Leeftijdsgroep.allCases.map(\.rawValue).filter(sleutels.contains) : sleutels.sorted()
        // the total's spells (every allocation) beside the groups' (every allocation again)
        var (rijen, totaalRij) = tweeTegelijk({ volgorde.map { k -> Kengetallen in
            let o = groepen[k].flatMap { $0.telt ? $0 : nil } ?? Opbouw()
            var r: Kengetallen
            if perMaand, let m = Maand.parse(k) {
                r = rij(k, o, naam: m.naam, spells: totaalParen, van: max(van, m.eersteDag), tot: min(tot, m.laatsteDag))
            } else {
                r = rij(k, o, naam: naam(k, groepering, ref, kaart), spells: groepen[k]?.spells ?? [], van: van, tot: tot)
            }
            r.budget = budgetPerGroep[k]
            if groepering == .gemeente, let c = cijfers([k]) { r.inwoners = c.0; r.jeugdigen = c.1 }
            return r
        } }, { rij("totaal", totaal, naam: "Totaal", spells: totaalParen, van: van, tot: tot) })
        totaalRij.budget = budgetten.isEmpty ? nil : budgetten.map(\.bedrag).som()
        let gemeenten = gemeentenInTotaal ?? (groepering == .gemeente ? rijen.map(\.groep) : gezien.sorted())
        if let c = cijfers(gemeenten) { totaalRij.inwoners = c.0; totaalRij.jeugdigen = c.1 }
        return (rijen, totaalRij)
    }

    static func naam(_ k: String, _ groepering: Groepering, _ ref: Referentiekaart, _ kaart: Productkaart) -> String {
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
