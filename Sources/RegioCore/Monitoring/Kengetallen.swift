/// Monitoring figures of one group (a municipality, a lot, ...) over a period.
public struct Kengetallen: Sendable, Equatable {
    public var groep: String
    public var naam: String
    /// Unique clients: a child with three products or two municipalities is one client in a total.
    public var clienten: Int
    public var toewijzingen: Int
    public var verplichting: Euro
    /// Allocations whose commitment is unknown (no budget, volume or tariff); not in `verplichting`.
    public var verplichtingOnbekend: Int
    public var gedeclareerd: Euro
    public var inwoners: Int64?
    public var jeugdigen: Int64?
    public var budget: Euro?

    /// declared / commitment; nil when nothing is committed.
    public var uitnutting: Double? { verplichting.centen > 0 ? Double(gedeclareerd.centen) / Double(verplichting.centen) : nil }
    public var kostenPerClient: Euro? { clienten > 0 ? gedeclareerd.maal(1, gedeeldDoor: Int64(clienten)) : nil }
    public var kostenPerJeugdige: Euro? { jeugdigen.flatMap { $0 > 0 ? gedeclareerd.maal(1, gedeeldDoor: $0) : nil } }
    public var kostenPerInwoner: Euro? { inwoners.flatMap { $0 > 0 ? gedeclareerd.maal(1, gedeeldDoor: $0) : nil } }
    public var realisatie: Double? { budget.flatMap { $0.centen > 0 ? Double(gedeclareerd.centen) / Double($0.centen) : nil } }
}

public enum Groepering: String, Sendable, CaseIterable {
    case gemeente, perceel, segment, aanbieder, verwijzer, product
}

public enum Monitoring {
    /// Figures per group over [van, tot], plus a total row computed over all records (unique counts are not summed).
    ///
    /// A client belongs to a group when it has an allocation overlapping the period or a non-rejected declaration line
    /// with service in the period, in that group. Declared cost is debit minus credit of non-rejected lines, by service
    /// period (a line spanning months is split by days). Allocations removed with reden wijziging 13 do not count.
    public static func kengetallen(_ g: Gegevens, van: Dag, tot: Dag, per groepering: Groepering,
                                   filter: ((String, String?, String) -> Bool)? = nil) -> (groepen: [Kengetallen], totaal: Kengetallen) {
        let ref = Referentiekaart(g)
        let toewijzingPerNummer = Dictionary(g.toewijzingen.map { ($0.toewijzingnummer, $0) }, uniquingKeysWith: { a, _ in a })
        let jaar = van.jaar

        func sleutel(gemeente: String, agb: String, categorie: String, code: String?, verwijzer: Verwijzer?) -> String {
            switch groepering {
            case .gemeente: return gemeente
            case .aanbieder: return agb
            case .perceel: return ref.perceel(categorie: categorie, code: code, jaar: jaar)?.code ?? "onbekend"
            case .segment: return ref.perceel(categorie: categorie, code: code, jaar: jaar)?.segment ?? "onbekend"
            case .verwijzer: return verwijzer?.rawValue ?? "onbekend"
            case .product: return categorie + (code.map { "/" + $0 } ?? "")
            }
        }

        struct Opbouw { var clienten = Set<ClientID>(); var toewijzingen = 0; var verplichting = Euro.nul
                        var onbekend = 0; var gedeclareerd = Euro.nul }
        var groepen: [String: Opbouw] = [:]
        var totaal = Opbouw()

        for t in g.toewijzingen where !t.isVerwijderd && t.periode.overlapDagen(van, tot) > 0 {
            let perceel = ref.perceel(categorie: t.productcategorie, code: t.productcode, jaar: jaar)?.code ?? ""
            if let filter, !filter(t.gemeentecode, perceel, t.agb) { continue }
            let k = sleutel(gemeente: t.gemeentecode, agb: t.agb, categorie: t.productcategorie, code: t.productcode, verwijzer: t.verwijzer)
            let v = Verplichting.binnen(t, van: van, tot: tot) { j in
                ref.product(categorie: t.productcategorie, code: t.productcode, jaar: j)?.tarief
            }
            for i in 0..<2 {
                func werk(_ o: inout Opbouw) {
                    o.clienten.insert(t.client); o.toewijzingen += 1
                    if let v { o.verplichting += v } else { o.onbekend += 1 }
                }
                if i == 0 { werk(&groepen[k, default: Opbouw()]) } else { werk(&totaal) }
            }
        }
        for d in g.declaraties where d.status != .afgewezen && d.einddatum >= van && d.begindatum <= tot {
            let perceel = ref.perceel(categorie: d.productcategorie, code: d.productcode, jaar: jaar)?.code ?? ""
            if let filter, !filter(d.gemeentecode, perceel, d.agb) { continue }
            let bedrag = d.kostenPerMaand.filter { $0.0.laatsteDag >= van && $0.0.eersteDag <= tot }.map(\.1).som()
            let verwijzer = toewijzingPerNummer[d.toewijzingnummer]?.verwijzer
            let k = sleutel(gemeente: d.gemeentecode, agb: d.agb, categorie: d.productcategorie, code: d.productcode, verwijzer: verwijzer)
            groepen[k, default: Opbouw()].clienten.insert(d.client)
            groepen[k, default: Opbouw()].gedeclareerd += bedrag
            totaal.clienten.insert(d.client)
            totaal.gedeclareerd += bedrag
        }

        func naam(_ k: String) -> String {
            switch groepering {
            case .gemeente: return ref.gemeenten[k]?.naam ?? k
            case .aanbieder: return ref.aanbieders[k]?.naam ?? k
            case .perceel: return ref.percelen[k]?.naam ?? k
            case .verwijzer: return Verwijzer(rawValue: k)?.omschrijving ?? "Onbekend"
            case .segment, .product: return k
            }
        }
        let jaren = van.jaar == tot.jaar
        func budget(_ filterGemeente: String?, _ filterPerceel: String?) -> Euro? {
            guard jaren else { return nil }
            let b = g.budgetten.filter { $0.jaar == jaar && (filterGemeente == nil || $0.gemeentecode == filterGemeente)
                && (filterPerceel == nil || $0.perceel == filterPerceel)
                && (filter == nil || filter!($0.gemeentecode, $0.perceel, "")) }
            return b.isEmpty ? nil : b.map(\.bedrag).som()
        }
        let rijen = groepen.keys.sorted().map { k -> Kengetallen in
            let o = groepen[k]!
            var r = Kengetallen(groep: k, naam: naam(k), clienten: o.clienten.count, toewijzingen: o.toewijzingen,
                                verplichting: o.verplichting, verplichtingOnbekend: o.onbekend, gedeclareerd: o.gedeclareerd)
            if groepering == .gemeente, let c = ref.cijfers(gemeente: k, jaar: jaar) {
                r.inwoners = c.inwoners; r.jeugdigen = c.jeugdigen
            }
            if groepering == .gemeente { r.budget = budget(k, nil) }
            if groepering == .perceel { r.budget = budget(nil, k) }
            return r
        }
        var t = Kengetallen(groep: "totaal", naam: "Totaal", clienten: totaal.clienten.count, toewijzingen: totaal.toewijzingen,
                            verplichting: totaal.verplichting, verplichtingOnbekend: totaal.onbekend, gedeclareerd: totaal.gedeclareerd)
        if groepering == .gemeente {
            let cs = rijen.compactMap { r in ref.cijfers(gemeente: r.groep, jaar: jaar) }
            if cs.count == rijen.count && !cs.isEmpty {
                t.inwoners = cs.map(\.inwoners).reduce(0, +); t.jeugdigen = cs.map(\.jeugdigen).reduce(0, +)
            }
        }
        t.budget = budget(nil, nil)
        return (rijen, t)
    }
}
