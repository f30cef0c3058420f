/// One client's care in a period: what it cost, where, since when. The rows of a municipality's client list and the
/// client costs of the high-cost pool (verevening scenario `drempel`).
public struct Clientregel: Sendable, Equatable {
    public var client: ClientID
    /// The municipalities with an allocation or a declaration of this client in the period, sorted.
    public var gemeenten: [String]
    /// Declared cost in the period, by service period, as in `Monitoring.kengetallen`.
    public var gedeclareerd: Euro
    /// Allocations overlapping the period (not removed with reden wijziging 13).
    public var toewijzingen: Int
    public var percelen: [String]
    public var aanbieders: [String]
    /// Start of the client's first allocation overlapping the period.
    public var eersteIngang: Dag?
    public var verwijzers: [Verwijzer]
}

extension Monitoring {
    /// Per client over [van, tot], with the same membership and cost rules as `kengetallen` (so the client costs of a
    /// municipality add up exactly to its declared cost there). Sorted by cost, highest first, then by client.
    /// `filter` gets (gemeentecode, perceel, agb) like `kengetallen`. With `aggregaten` (whole years only) the client
    /// costs come from the client-years of the sums instead of the lines in `g`.
    public static func clientoverzicht(_ g: Gegevens, van: Dag, tot: Dag,
                                       filter: ((String, String?, String) -> Bool)? = nil,
                                       aggregaten: Declaratieaggregaten? = nil) -> [Clientregel] {
        precondition(aggregaten == nil || (van == Dag.eersteVan(jaar: van.jaar) && tot == Dag.laatsteVan(jaar: tot.jaar)))
        let ref = Referentiekaart(g)
        let jaar = van.jaar
        var regels: [ClientID: Clientregel] = [:]
        func regel(_ c: ClientID) -> Clientregel {
            regels[c] ?? Clientregel(client: c, gemeenten: [], gedeclareerd: .nul, toewijzingen: 0, percelen: [], aanbieders: [],
                                     eersteIngang: nil, verwijzers: [])
        }
        func voeg<T: Comparable>(_ x: T, aan lijst: inout [T]) {
            if !lijst.contains(x) { lijst.append(x); lijst.sort() }
        }
        for t in g.toewijzingen where !t.isVerwijderd && t.periode.overlapDagen(van, tot) > 0 {
            let perceel = ref.perceel(categorie: t.productcategorie, code: t.productcode, jaar: jaar)?.code ?? ""
            if let filter, !filter(t.gemeentecode, perceel, t.agb) { continue }
            var r = regel(t.client)
            r.toewijzingen += 1
            voeg(t.gemeentecode, aan: &r.gemeenten)
            if !perceel.isEmpty { voeg(perceel, aan: &r.percelen) }
            voeg(t.agb, aan: &r.aanbieders)
            r.eersteIngang = min(r.eersteIngang ?? t.ingangsdatum, t.ingangsdatum)
            if let v = t.verwijzer, !r.verwijzers.contains(v) { r.verwijzers.append(v); r.verwijzers.sort { $0.rawValue < $1.rawValue } }
            regels[t.client] = r
        }
        func declaratie(_ c: ClientID, _ gemeente: String, _ perceel: String, _ agb: String, _ bedrag: Euro) {
            var r = regel(c)
            r.gedeclareerd += bedrag
            voeg(gemeente, aan: &r.gemeenten)
            if !perceel.isEmpty { voeg(perceel, aan: &r.percelen) }
            voeg(agb, aan: &r.aanbieders)
            regels[c] = r
        }
        for (c, som) in aggregaten?.clienten ?? [:] where c.jaar >= van.jaar && c.jaar <= tot.jaar {
            let perceel = ref.perceel(categorie: c.productcategorie, code: c.productcode, jaar: jaar)?.code ?? ""
            if let filter, !filter(c.gemeentecode, perceel, c.agb) { continue }
            declaratie(c.client, c.gemeentecode, perceel, c.agb, som.bedrag)
        }
        for d in g.declaraties where aggregaten == nil && d.status != .afgewezen && d.einddatum >= van && d.begindatum <= tot {
            let perceel = ref.perceel(categorie: d.productcategorie, code: d.productcode, jaar: jaar)?.code ?? ""
            if let filter, !filter(d.gemeentecode, perceel, d.agb) { continue }
            declaratie(d.client, d.gemeentecode, perceel, d.agb,
                       d.kostenPerMaand.filter { $0.0.laatsteDag >= van && $0.0.eersteDag <= tot }.map(\.1).som())
        }
        return regels.values.sorted { $0.gedeclareerd != $1.gedeclareerd ? $0.gedeclareerd > $1.gedeclareerd : $0.client < $1.client }
    }
}
