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
        let noemer = selectie.gemeente.map { [$0] } ?? g.gemeenten.map(\.code)
        return bereken(g, van: van, tot: tot, per: groepering, peildatum: peildatum, gemeentenInTotaal: noemer, aggregaten: aggregaten) { gemeente, perceel, _ in
            (selectie.gemeente == nil || selectie.gemeente == gemeente) && (selectie.perceel == nil || selectie.perceel == perceel)
        }
    }

    /// Figures per group over [van, tot], plus a total row computed over all records (unique counts are not summed).
    /// `filter` gets (gemeentecode, perceel or "", agb; "" for budgets). `aggregaten` as above; a filter on the provider
    /// needs them `perAanbieder`.
    public static func kengetallen(_ g: Gegevens, van: Dag, tot: Dag, per groepering: Groepering,
                                   filter: ((String, String?, String) -> Bool)? = nil,
                                   aggregaten: Declaratieaggregaten? = nil) -> (groepen: [Kengetallen], totaal: Kengetallen) {
        bereken(g, van: van, tot: tot, per: groepering, peildatum: nil, gemeentenInTotaal: nil, aggregaten: aggregaten) { gem, perceel, agb in
            filter?(gem, perceel, agb) ?? true
        }
    }

    /// Accumulates one group. Clients by number (`Clientnummers`): sets of pseudonyms cost most of a national run.
    struct Opbouw {
        var clienten = Set<Int32>()
        var toewijzingen = 0
        var verplichting = Euro.nul
        var onbekend = 0
        var gedeclareerd = Euro.nul
        var perVerwijzer: [String: Euro] = [:]
        var duren: [Int] = []

        mutating func declaratie(_ client: Int32, _ bedrag: Euro, _ verwijzer: String) {
            clienten.insert(client)
            gedeclareerd += bedrag
            perVerwijzer[verwijzer, default: .nul] += bedrag
        }
    }

    static func bereken(_ alles: Gegevens, van: Dag, tot: Dag, per groepering: Groepering, peildatum: Dag?,
                        gemeentenInTotaal: [String]?, aggregaten: Declaratieaggregaten? = nil,
                        filter: (String, String, String) -> Bool) -> (groepen: [Kengetallen], totaal: Kengetallen) {
        precondition(aggregaten == nil || (peildatum == nil && Declaratieaggregaten.dekt(van: van, tot: tot)
                                           && Declaratieaggregaten.groeperingen.contains(groepering)
                                           && (groepering != .aanbieder || aggregaten!.perAanbieder)))
        let g = peildatum.map { alles.bekendOp($0) } ?? alles
        let ref = Referentiekaart(g)
        let kaart = Productkaart(ref, jaar: van.jaar)
        let t = peildatum.map { min(tot, $0) } ?? tot
        let perMaand = groepering == .maand
        let maanden: [Maand] = perMaand ? Array(sequence(first: van.maand) { $0 < tot.maand ? $0 + 1 : nil }) : []
        // only the line-by-line path needs each line's allocation
        let toewijzingPerNummer = aggregaten != nil ? [:]
            : Dictionary(g.toewijzingen.map { ($0.toewijzingnummer, $0) }, uniquingKeysWith: { a, _ in a })
        var nummers = Clientnummers(ruimte: g.toewijzingen.count / 2 + (aggregaten?.clienten.count ?? 0) / 2)
        var geboren: [ClientID: Dag] = [:]
        if groepering == .leeftijd {
            for t in g.toewijzingen { if let d = t.geboortedatum, geboren[t.client] == nil { geboren[t.client] = d } }
            for v in g.verzoeken { if let d = v.geboortedatum, geboren[v.client] == nil { geboren[v.client] = d } }
        }

        func sleutel(_ gemeente: String, _ agb: String, _ categorie: String, _ code: String?, _ verwijzer: Verwijzer?,
                     _ client: ClientID) -> String {
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

        var groepen: [String: Opbouw] = [:]
        var totaal = Opbouw()
        var periodes: [String: [(Int32, Periode)]] = [:]   // per group (months: "" = all), for the care spells
        var totaalPeriodes: [(Int32, Periode)] = []
        var gezien = Set<String>()

        for tw in g.toewijzingen where !tw.isVerwijderd {
            let perceel = kaart.perceel(tw.productcategorie, tw.productcode)?.code ?? ""
            guard filter(tw.gemeentecode, perceel, tw.agb) else { continue }
            let k = sleutel(tw.gemeentecode, tw.agb, tw.productcategorie, tw.productcode, tw.verwijzer, tw.client)
            let client = nummers.nummer(tw.client)
            periodes[k, default: []].append((client, tw.periode))
            if !perMaand { totaalPeriodes.append((client, tw.periode)) }
            if let e = tw.einddatum, e >= van && e <= t {
                let duur = (e - tw.ingangsdatum) + 1
                groepen[perMaand ? e.maand.description : k, default: Opbouw()].duren.append(duur)
                totaal.duren.append(duur)
            }
            guard tw.periode.overlapDagen(van, tot) > 0 else { continue }
            gezien.insert(tw.gemeentecode)
            let tarief: (Int) -> Euro? = { j in ref.product(categorie: tw.productcategorie, code: tw.productcode, jaar: j)?.tarief }
            let v = Verplichting.binnen(tw, van: van, tot: tot, tarief: tarief)
            totaal.clienten.insert(client); totaal.toewijzingen += 1
            if let v { totaal.verplichting += v } else { totaal.onbekend += 1 }
            if !perMaand {
                groepen[k, default: Opbouw()].clienten.insert(client)
                groepen[k, default: Opbouw()].toewijzingen += 1
                if let v { groepen[k, default: Opbouw()].verplichting += v } else { groepen[k, default: Opbouw()].onbekend += 1 }
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
                let mk = m.description
                groepen[mk, default: Opbouw()].clienten.insert(client)
                groepen[mk, default: Opbouw()].toewijzingen += 1
                if let delen { groepen[mk, default: Opbouw()].verplichting += delen[i] } else { groepen[mk, default: Opbouw()].onbekend += 1 }
            }
        }

        if let a = aggregaten {
            // the same sums as the loop over lines below, from the pre-summed months and client-years
            for (k, bedrag) in a.kosten where k.maand >= van.maand && k.maand <= tot.maand {
                let perceel = kaart.perceel(k.productcategorie, k.productcode)?.code ?? ""
                guard filter(k.gemeentecode, perceel, k.agb) else { continue }
                gezien.insert(k.gemeentecode)
                let s = perMaand ? k.maand.description
                    : sleutel(k.gemeentecode, k.agb, k.productcategorie, k.productcode, Verwijzer(rawValue: k.verwijzer), "")
                groepen[s, default: Opbouw()].gedeclareerd += bedrag
                groepen[s, default: Opbouw()].perVerwijzer[k.verwijzer, default: .nul] += bedrag
                totaal.gedeclareerd += bedrag
                totaal.perVerwijzer[k.verwijzer, default: .nul] += bedrag
            }
            for (c, som) in a.clienten where c.jaar >= van.jaar && c.jaar <= tot.jaar {
                let eerste = c.jaar == van.jaar ? van.maand.maand : 1, laatste = c.jaar == tot.jaar ? tot.maand.maand : 12
                guard som.actief(van: eerste, tot: laatste) else { continue }
                let perceel = kaart.perceel(c.productcategorie, c.productcode)?.code ?? ""
                guard filter(c.gemeentecode, perceel, c.agb) else { continue }
                gezien.insert(c.gemeentecode)
                let client = nummers.nummer(c.client)
                totaal.clienten.insert(client)
                guard perMaand else {
                    let s = sleutel(c.gemeentecode, c.agb, c.productcategorie, c.productcode, Verwijzer(rawValue: c.verwijzer), c.client)
                    groepen[s, default: Opbouw()].clienten.insert(client)
                    continue
                }
                for m in eerste...laatste where som.actief(van: m, tot: m) {
                    groepen[Maand(jaar: c.jaar, maand: m).description, default: Opbouw()].clienten.insert(client)
                }
            }
        }
        for d in g.declaraties where aggregaten == nil && d.status != .afgewezen && d.einddatum >= van && d.begindatum <= tot {
            let perceel = kaart.perceel(d.productcategorie, d.productcode)?.code ?? ""
            guard filter(d.gemeentecode, perceel, d.agb) else { continue }
            gezien.insert(d.gemeentecode)
            let verwijzer = toewijzingPerNummer[d.toewijzingnummer]?.verwijzer
            let vk = verwijzer?.rawValue ?? Verwijzer.onbekendeSleutel
            let client = nummers.nummer(d.client)
            if perMaand {
                var som = Euro.nul
                for (m, bedrag) in d.kostenPerMaand where m.laatsteDag >= van && m.eersteDag <= tot {
                    groepen[m.description, default: Opbouw()].declaratie(client, bedrag, vk)
                    som += bedrag
                }
                totaal.declaratie(client, som, vk)
                continue
            }
            let bedrag = d.kosten(van: van, tot: tot)
            let k = sleutel(d.gemeentecode, d.agb, d.productcategorie, d.productcode, verwijzer, d.client)
            groepen[k, default: Opbouw()].declaratie(client, bedrag, vk)
            totaal.declaratie(client, bedrag, vk)
        }

        // budgets: every calendar year the period touches
        let jaren = van.jaar...tot.jaar
        let budgetten = g.budgetten.filter { jaren.contains($0.jaar) && filter($0.gemeentecode, $0.perceel, "") }
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

        let totaalParen = perMaand ? periodes[""] ?? [] : totaalPeriodes
        func rij(_ k: String, _ o: Opbouw, naam: String, spells: [(Int32, Periode)], van a: Dag, tot b: Dag) -> Kengetallen {
            let v = Zorgperiodes.verloop(spells, van: a, tot: b, peildatum: peildatum)
            return Kengetallen(groep: k, naam: naam, clienten: o.clienten.count, toewijzingen: o.toewijzingen,
                               verplichting: o.verplichting, verplichtingOnbekend: o.onbekend, gedeclareerd: o.gedeclareerd,
                               inZorgBegin: v.begin, instroom: v.instroom, uitstroom: v.uitstroom, inZorgEinde: v.einde,
                               beeindigdeToewijzingen: o.duren.count, duurMediaan: o.duren.percentiel(50),
                               duurP90: o.duren.percentiel(90), kostenPerVerwijzer: o.perVerwijzer)
        }

        var sleutels = Set(groepen.keys).union(budgetPerGroep.keys)
        if perMaand { sleutels = Set(maanden.map(\.description)) }
        let volgorde = groepering == .leeftijd
            ? Leeftijdsgroep.allCases.map(\.rawValue).filter(sleutels.contains) : sleutels.sorted()
        let rijen = volgorde.map { k -> Kengetallen in
            let o = groepen[k] ?? Opbouw()
            var r: Kengetallen
            if perMaand, let m = Maand.parse(k) {
                r = rij(k, o, naam: m.naam, spells: totaalParen, van: max(van, m.eersteDag), tot: min(tot, m.laatsteDag))
            } else {
                r = rij(k, o, naam: naam(k, groepering, ref, kaart), spells: periodes[k] ?? [], van: van, tot: tot)
            }
            r.budget = budgetPerGroep[k]
            if groepering == .gemeente, let c = cijfers([k]) { r.inwoners = c.0; r.jeugdigen = c.1 }
            return r
        }
        var totaalRij = rij("totaal", totaal, naam: "Totaal", spells: totaalParen, van: van, tot: tot)
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

/// Clients numbered in order of appearance, so sets and sorts work on integers instead of pseudonyms.
struct Clientnummers {
    private var nummers: [ClientID: Int32]

    init(ruimte: Int = 0) { nummers = Dictionary(minimumCapacity: ruimte) }

    mutating func nummer(_ client: ClientID) -> Int32 {
        if let n = nummers[client] { return n }
        let n = Int32(nummers.count)
        nummers[client] = n
        return n
    }
}

/// Product and lot lookups cached per (category, code) for one year: the hot path of every figure.
struct Productkaart {
    struct Sleutel: Hashable { let categorie: String; let code: String? }
    private let ref: Referentiekaart
    private let jaar: Int
    private final class Cache { var percelen: [Sleutel: Perceel?] = [:] }
    private let cache = Cache()

    init(_ ref: Referentiekaart, jaar: Int) { self.ref = ref; self.jaar = jaar }

    func perceel(_ categorie: String, _ code: String?) -> Perceel? {
        let s = Sleutel(categorie: categorie, code: code)
        if let p = cache.percelen[s] { return p }
        let p = ref.perceel(categorie: categorie, code: code, jaar: jaar)
        cache.percelen[s] = .some(p)
        return p
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
