/// Provider benchmark ("tarief- en trajectvergelijking", notitie risicodeling regio Amersfoort par. 2.3): per provider, per provider and lot or per
/// provider and product, its figures against the median of the providers delivering the same lot or product.
/// Definitions in docs/contractbeheer.md.
public enum Benchmarkniveau: String, Sendable, CaseIterable {
    /// One row per provider; peers are the providers with the same main lot (the lot of most of their spend).
    case aanbieder
    /// One row per provider and lot; peers are the providers in that lot.
    case perceel
    /// One row per provider and product (category/code); peers are the providers of that product.
    case product
}

/// A figure that can be far from the peers' median.
public enum Kenmerk: String, Sendable, CaseIterable {
    case kostenPerClient = "kosten_per_client", eenhedenPerClient = "eenheden_per_client", duurMediaan = "duur_mediaan",
         duurP90 = "duur_p90", terugkeer, uitnutting

    public var kort: String {
        switch self {
        case .kostenPerClient: "kosten/cl"
        case .eenhedenPerClient: "eenh/cl"
        case .duurMediaan: "duur"
        case .duurP90: "duur-p90"
        case .terugkeer: "terugkeer"
        case .uitnutting: "uitnutting"
        }
    }
}

/// A provider's row and its group's medians hold the same characteristics: read by `Kenmerk`.
protocol Kenmerkwaarden {
    var kostenPerClient: Euro? { get }
    var eenhedenPerClient: Double? { get }
    var duurMediaan: Int? { get }
    var duurP90: Int? { get }
    var terugkeer: Double? { get }
    var uitnutting: Double? { get }
}

extension Kenmerkwaarden {
    func waarde(_ k: Kenmerk) -> Double? {
        switch k {
        case .kostenPerClient: kostenPerClient.map { Double($0.centen) }
        case .eenhedenPerClient: eenhedenPerClient
        case .duurMediaan: duurMediaan.map(Double.init)
        case .duurP90: duurP90.map(Double.init)
        case .terugkeer: terugkeer
        case .uitnutting: uitnutting
        }
    }
}

public struct Benchmarkrij: Sendable, Kenmerkwaarden {
    public var agb: String
    public var naam: String
    /// The lot code, "categorie/code" of the product, or "" on provider level.
    public var groep: String
    public var groepNaam: String
    /// The peers: same lot or product (on provider level: same main lot).
    public var vergelijkingsgroep: String
    public var clienten = 0
    public var kosten = Euro.nul
    public var eenheden = 0.0
    public var verplichting = Euro.nul
    public var beeindigdeTrajecten = 0
    public var duurMediaan: Int?
    public var duurP90: Int?
    /// Clients with a trajectory that ended in the period and a full follow-up year known; and how many returned.
    public var terugkeerBasis = 0
    public var teruggekeerd = 0
    /// Ranked (enough clients) and its place by cost per client in its group, 1 = highest.
    public var gerangschikt = false
    public var rang: Int?
    /// The peers' medians (ranked providers of the same group).
    public var mediaan = Mediaanwaarden()
    /// Figures at least `afwijkingsfactor` above (+1) or below (-1) the median.
    public var afwijkingen: [Kenmerk: Int] = [:]

    public var kostenPerClient: Euro? { kosten.gedeeld(door: clienten) }
    public var eenhedenPerClient: Double? { clienten > 0 && eenheden != 0 ? eenheden / Double(clienten) : nil }
    public var terugkeer: Double? { terugkeerBasis > 0 ? Double(teruggekeerd) / Double(terugkeerBasis) : nil }
    public var uitnutting: Double? { kosten.verhouding(tot: verplichting) }
}

public struct Mediaanwaarden: Sendable, Equatable, Kenmerkwaarden {
    public var vergelijkers = 0
    public var kostenPerClient: Euro?
    public var eenhedenPerClient: Double?
    public var duurMediaan: Int?
    public var duurP90: Int?
    public var terugkeer: Double?
    public var uitnutting: Double?
}

public enum Aanbiedersbenchmark {
    /// The benchmark over [van, tot]; `peildatum` (default: the data's stand) limits what is known and the follow-up
    /// for returns. Rows sorted by group, ranked rows by rank, then the small ones. The total counts clients once.
    public static func bereken(_ alles: Gegevens, van: Dag, tot: Dag, niveau: Benchmarkniveau, gemeente: String? = nil,
                               peildatum: Dag? = nil, instellingen: Contractinstellingen = .standaard)
        -> (rijen: [Benchmarkrij], totaal: Benchmarkrij) {
        let p = peildatum ?? alles.stand ?? tot
        let g = alles.bekendOp(p)
        let ref = Referentiekaart(g)
        let kaart = Productkaart(ref, jaar: van.jaar)
        let t = min(tot, p)

        func groep(_ categorie: String, _ code: String?) -> String {
            switch niveau {
            case .aanbieder: ""
            case .perceel: kaart.perceel(categorie, code)?.code ?? "onbekend"
            case .product: categorie + (code.map { "/" + $0 } ?? "")
            }
        }
        struct Sleutel: Hashable { let agb: String; let groep: String }
        struct Opbouw {
            var clienten = Set<ClientID>(), kosten = Euro.nul, eenheden = 0.0, verplichting = Euro.nul
            var periodes: [ClientID: [Periode]] = [:]
        }
        var opbouw: [Sleutel: Opbouw] = [:]
        var totaalClienten = Set<ClientID>()
        var kostenPerPerceel: [String: [String: Euro]] = [:]   // agb -> lot -> cost, for the main lot

        // allocations that start a new stay in a lot: the "return" events, from every municipality (a child may move)
        var starts: [ClientID: [(perceel: String, dag: Dag)]] = [:]
        for tw in g.toewijzingen where !tw.isVerwijderd {
            let perceel = kaart.perceel(tw.productcategorie, tw.productcode)?.code ?? "onbekend"
            starts[tw.client, default: []].append((perceel, tw.ingangsdatum))
            guard gemeente == nil || tw.gemeentecode == gemeente else { continue }
            let k = Sleutel(agb: tw.agb, groep: groep(tw.productcategorie, tw.productcode))
            opbouw[k, default: Opbouw()].periodes[tw.client, default: []].append(tw.periode)
            guard tw.periode.overlapDagen(van, tot) > 0 else { continue }
            opbouw[k, default: Opbouw()].clienten.insert(tw.client)
            totaalClienten.insert(tw.client)
            let tarief: (Int) -> Euro? = { j in ref.product(categorie: tw.productcategorie, code: tw.productcode, jaar: j)?.tarief }
            if let v = Verplichting.binnen(tw, van: van, tot: tot, tarief: tarief) { opbouw[k, default: Opbouw()].verplichting += v }
        }
        for d in g.declaraties where d.status != .afgewezen && d.einddatum >= van && d.begindatum <= tot {
            guard gemeente == nil || d.gemeentecode == gemeente else { continue }
            let k = Sleutel(agb: d.agb, groep: groep(d.productcategorie, d.productcode))
            let bedrag = d.kosten(van: van, tot: tot)
            opbouw[k, default: Opbouw()].clienten.insert(d.client)
            opbouw[k, default: Opbouw()].kosten += bedrag
            totaalClienten.insert(d.client)
            // units of the line by days inside the period; a credit takes them back
            if let volume = d.volume {
                let dagen = Periode(van: d.begindatum, tot: d.einddatum).overlapDagen(van, tot)
                let alle = max(1, (d.einddatum - d.begindatum) + 1)
                opbouw[k, default: Opbouw()].eenheden += Double(volume) * Double(dagen) / Double(alle) * (d.debetCredit == .debet ? 1 : -1)
            }
            let perceel = kaart.perceel(d.productcategorie, d.productcode)?.code ?? "onbekend"
            kostenPerPerceel[d.agb, default: [:]][perceel, default: .nul] += bedrag
        }
        func hoofdperceel(_ agb: String) -> String {
            (kostenPerPerceel[agb] ?? [:]).max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? "onbekend"
        }

        let volg = p - instellingen.terugkeerDagen   // trajectories ending by then have a whole follow-up year known
        var rijen: [Benchmarkrij] = []
        var alleDuren: [Int] = []
        var totaalBasis = Set<ClientID>(), totaalTerug = Set<ClientID>()
        for (k, o) in opbouw where !o.clienten.isEmpty || o.kosten != .nul {
            var r = Benchmarkrij(agb: k.agb, naam: ref.aanbieders[k.agb]?.naam ?? k.agb, groep: k.groep,
                                 groepNaam: groepNaam(k.groep, niveau, ref, kaart),
                                 vergelijkingsgroep: niveau == .aanbieder ? hoofdperceel(k.agb) : k.groep)
            r.clienten = o.clienten.count; r.kosten = o.kosten; r.eenheden = o.eenheden; r.verplichting = o.verplichting
            var duren: [Int] = []
            var basis = Set<ClientID>(), terug = Set<ClientID>()
            for (client, lijst) in o.periodes {
                for s in Zorgperiodes.voegSamen(lijst) {
                    guard let e = s.tot, e >= van, e <= t else { continue }
                    duren.append((e - s.van) + 1)
                    guard e <= volg else { continue }
                    basis.insert(client)
                    // which lots count as "the same care": the trajectory's own lot, or on provider level any lot
                    let perceel: String? = switch niveau {
                    case .aanbieder: nil
                    case .perceel: k.groep
                    case .product: lotVanProduct(k.groep, kaart) ?? "onbekend"
                    }
                    if (starts[client] ?? []).contains(where: { (perceel == nil || $0.perceel == perceel)
                        && $0.dag > e && $0.dag <= e + instellingen.terugkeerDagen }) { terug.insert(client) }
                }
            }
            r.beeindigdeTrajecten = duren.count
            let d = duren.percentielen(50, 90)
            r.duurMediaan = d[0]; r.duurP90 = d[1]
            r.terugkeerBasis = basis.count; r.teruggekeerd = terug.count
            alleDuren += duren
            for c in basis { totaalBasis.insert(c + "|" + k.agb + "|" + k.groep) }
            for c in terug { totaalTerug.insert(c + "|" + k.agb + "|" + k.groep) }
            r.gerangschikt = r.clienten >= instellingen.minimumClienten
            rijen.append(r)
        }

        vergelijk(&rijen, instellingen: instellingen)
        rijen.sort { a, b in
            if a.vergelijkingsgroep != b.vergelijkingsgroep { return a.vergelijkingsgroep < b.vergelijkingsgroep }
            if a.gerangschikt != b.gerangschikt { return a.gerangschikt }
            if let x = a.rang, let y = b.rang { return x < y }
            return a.kosten != b.kosten ? a.kosten > b.kosten : (a.agb, a.groep) < (b.agb, b.groep)
        }

        var totaal = Benchmarkrij(agb: "", naam: "Totaal", groep: "", groepNaam: "", vergelijkingsgroep: "")
        totaal.clienten = totaalClienten.count
        totaal.kosten = rijen.map(\.kosten).som()
        totaal.eenheden = rijen.map(\.eenheden).reduce(0, +)
        totaal.verplichting = rijen.map(\.verplichting).som()
        totaal.beeindigdeTrajecten = alleDuren.count
        let d = alleDuren.percentielen(50, 90)
        totaal.duurMediaan = d[0]; totaal.duurP90 = d[1]
        totaal.terugkeerBasis = totaalBasis.count; totaal.teruggekeerd = totaalTerug.count
        return (rijen, totaal)
    }

    /// Per comparison group, over the ranked providers only: the medians, the ranks by cost per client and the marks
    /// where a provider lies a factor (or, for shares, a number of points) above or below the median.
    static func vergelijk(_ rijen: inout [Benchmarkrij], instellingen: Contractinstellingen) {
        let perGroep = Dictionary(grouping: rijen.indices, by: { rijen[$0].vergelijkingsgroep })
        for (_, idx) in perGroep {
            let gerangschikt = idx.filter { rijen[$0].gerangschikt }
            var m = Mediaanwaarden()
            m.vergelijkers = gerangschikt.count
            m.kostenPerClient = rangpercentiel(gerangschikt.compactMap { rijen[$0].kostenPerClient }, 50)
            m.eenhedenPerClient = rangpercentiel(gerangschikt.compactMap { rijen[$0].eenhedenPerClient }, 50)
            m.duurMediaan = rangpercentiel(gerangschikt.compactMap { rijen[$0].duurMediaan }, 50)
            m.duurP90 = rangpercentiel(gerangschikt.compactMap { rijen[$0].duurP90 }, 50)
            m.terugkeer = rangpercentiel(gerangschikt.compactMap { rijen[$0].terugkeer }, 50)
            m.uitnutting = rangpercentiel(gerangschikt.compactMap { rijen[$0].uitnutting }, 50)
            let volgorde = gerangschikt.sorted { a, b in
                let x = rijen[a].kostenPerClient ?? .nul, y = rijen[b].kostenPerClient ?? .nul
                return x != y ? x > y : rijen[a].agb < rijen[b].agb
            }
            for (n, i) in volgorde.enumerated() { rijen[i].rang = n + 1 }
            for i in idx {
                rijen[i].mediaan = m
                guard rijen[i].gerangschikt, gerangschikt.count >= instellingen.minimumVergelijkers else { continue }
                for kenmerk in Kenmerk.allCases {
                    guard let w = rijen[i].waarde(kenmerk), let med = m.waarde(kenmerk) else { continue }
                    if kenmerk == .terugkeer || kenmerk == .uitnutting {
                        if w - med >= instellingen.afwijkingAandeel { rijen[i].afwijkingen[kenmerk] = 1 }
                        else if med - w >= instellingen.afwijkingAandeel { rijen[i].afwijkingen[kenmerk] = -1 }
                        continue
                    }
                    guard med > 0 else { continue }
                    if w >= med * instellingen.afwijkingsfactor { rijen[i].afwijkingen[kenmerk] = 1 }
                    else if w * instellingen.afwijkingsfactor <= med { rijen[i].afwijkingen[kenmerk] = -1 }
                }
            }
    }
    }

    static func lotVanProduct(_ groep: String, _ kaart: Productkaart) -> String? {
        let d = groep.split(separator: "/", maxSplits: 1).map(String.init)
        return kaart.perceel(d[0], d.count > 1 ? d[1] : nil)?.code
    }

    static func groepNaam(_ k: String, _ niveau: Benchmarkniveau, _ ref: Referentiekaart, _ kaart: Productkaart) -> String {
        switch niveau {
        case .aanbieder: return ""
        case .perceel: return ref.percelen[k]?.naam ?? k
        case .product:
            let d = k.split(separator: "/", maxSplits: 1).map(String.init)
            return kaart.omschrijving(d[0], d.count > 1 ? d[1] : nil) ?? k
        }
    }
}
