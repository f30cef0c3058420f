/// Client flow: for every allocation the way from request to allocation, to the start of care and to its end; waiting
/// times and who is waiting now; inflow, outflow and stock of care actually delivered per month; and the shift from
/// residential to ambulant care over the years. Definitions: docs/contractbeheer.md.
public enum Bron: String, Sendable {
    /// Start or stop message (JW305/JW307).
    case ijw
    /// First or last declaration line: the fallback without iJw messages.
    case declaratie
    /// The allocation's own end date (ended allocation without stop message or declarations after the start).
    case toewijzing
}

/// One allocation on its way.
public struct Traject: Sendable {
    public var toewijzingnummer: String
    public var client: ClientID
    public var gemeentecode: String
    public var agb: String
    public var product: String
    public var perceel: String
    public var output: Bool
    public var verzoeknummer: String?
    public var verzoekOntvangen: Dag?
    public var toewijzingsdatum: Dag
    public var ingangsdatum: Dag
    public var toewijzingEinde: Dag?
    public var start: Dag?
    public var startBron: Bron?
    public var einde: Dag?
    public var eindBron: Bron?

    /// Waiting for care counts from the allocation, or from its later start date (a planned start is no wait).
    public var wachtVanaf: Dag { max(toewijzingsdatum, ingangsdatum) }
    /// Days from the request's arrival to the allocation (0 when allocated before the request arrived).
    public var verzoekTotToewijzing: Int? { verzoekOntvangen.map { max(0, toewijzingsdatum - $0) } }
    /// Days from the allocation (or its later start date) to the start of care; 0 when care started earlier.
    public var toewijzingTotStart: Int? { start.map { max(0, $0 - wachtVanaf) } }
    /// Days of care, first to last day inclusive.
    public var duur: Int? { guard let s = start, let e = einde else { return nil }; return (e - s) + 1 }

    /// Waiting on `dag`: allocated, start date reached, no care started by then, allocation not ended.
    /// Output-funded products are declared once, at the end: without a start message their start is unknown.
    public func wachtOp(_ dag: Dag) -> Int? {
        guard wachtVanaf <= dag, toewijzingEinde.map({ $0 >= dag }) ?? true else { return nil }
        if let s = start { return s > dag ? dag - wachtVanaf : nil }
        return output ? nil : dag - wachtVanaf
    }
    public func startOnbekendOp(_ dag: Dag) -> Bool {
        start == nil && output && wachtVanaf <= dag && (toewijzingEinde.map { $0 >= dag } ?? true)
    }
}

public enum Wachtgroepering: String, Sendable, CaseIterable { case aanbieder, product, gemeente, perceel }

public struct Wachttijdrij: Sendable {
    public var groep: String
    public var naam: String
    /// Allocations with their allocation date in the period.
    public var toewijzingen = 0
    public var verzoekTotToewijzing: [Int] = []
    public var toewijzingTotStart: [Int] = []
    /// Durations of care that ended in the period.
    public var duur: [Int] = []
    /// Waiting on the valuation date: days each has waited so far.
    public var wachtendNu: [Int] = []
    /// Requests received by the valuation date without an allocation yet, and their days so far.
    public var verzoekenOpen: [Int] = []
    public var startOnbekend = 0
}

public struct Maandstroom: Sendable {
    public var maand: Maand
    public var begin = 0, instroom = 0, uitstroom = 0, einde = 0
}

public struct Zorgvormjaar: Sendable {
    public var jaar: Int
    public var clienten: [Zorgvorm: Int] = [:]
    public var kosten: [Zorgvorm: Euro] = [:]
    /// Residential share of residential plus ambulant (protection measures aside).
    public var residentieelClienten: Double? {
        let r = clienten[.residentieel] ?? 0, a = clienten[.ambulant] ?? 0
        return r + a > 0 ? Double(r) / Double(r + a) : nil
    }
    public var residentieelKosten: Double? {
        let r = kosten[.residentieel] ?? .nul, a = kosten[.ambulant] ?? .nul
        return r.verhouding(tot: r + a)
    }
}

public enum Doorlooptijden {
    /// Every allocation (not withdrawn) with its request, start and end. Start: the first JW305 start day, else the first
    /// day of the first declaration line. End: the last JW307 stop day when every delivery has stopped, else (allocation
    /// ended by `stand`) the last day of the last declaration line, else the allocation's end date; else still running.
    public static func trajecten(_ g: Gegevens, leveringen: [Levering] = [], stand: Dag? = nil) -> [Traject] {
        let s = stand ?? g.stand ?? Dag.eersteVan(jaar: 2100)
        let ref = Referentiekaart(g)
        var perceelCache: [String: String] = [:]
        let verzoeken = Dictionary(g.verzoeken.map { ($0.verzoeknummer, $0) }, uniquingKeysWith: { a, _ in a })
        var lev: [String: [Levering]] = [:]
        for l in leveringen { lev[l.toewijzingnummer, default: []].append(l) }
        var eerste: [String: Dag] = [:], laatste: [String: Dag] = [:]
        for d in g.declaraties where d.status != .afgewezen && d.debetCredit == .debet {
            eerste[d.toewijzingnummer] = min(eerste[d.toewijzingnummer] ?? d.begindatum, d.begindatum)
            laatste[d.toewijzingnummer] = max(laatste[d.toewijzingnummer] ?? d.einddatum, d.einddatum)
        }
        return g.toewijzingen.filter { !$0.isVerwijderd }.map { tw in
            let product = tw.productcategorie + (tw.productcode.map { "/" + $0 } ?? "")
            let perceel = perceelCache[product] ?? {
                let p = ref.perceel(categorie: tw.productcategorie, code: tw.productcode, jaar: tw.ingangsdatum.jaar)?.code ?? "onbekend"
                perceelCache[product] = p
                return p
            }()
            let frequentie = tw.frequentie ?? (tw.budget == nil ? nil : .totaal)
            var t = Traject(toewijzingnummer: tw.toewijzingnummer, client: tw.client, gemeentecode: tw.gemeentecode, agb: tw.agb,
                            product: product, perceel: perceel, output: frequentie == .totaal,
                            verzoeknummer: tw.verzoeknummer, verzoekOntvangen: tw.verzoeknummer.flatMap { verzoeken[$0]?.ontvangenOp },
                            toewijzingsdatum: tw.toewijzingsdatum, ingangsdatum: tw.ingangsdatum, toewijzingEinde: tw.einddatum)
            if let l = lev[tw.toewijzingnummer], let s = l.map(\.begindatum).min() {
                t.start = s; t.startBron = .ijw
                if l.allSatisfy(\.isGestopt) { t.einde = l.compactMap(\.einddatum).max(); t.eindBron = .ijw }
            } else if let s = eerste[tw.toewijzingnummer] {
                t.start = s; t.startBron = .declaratie
            }
            if t.start != nil, t.einde == nil, let e = tw.einddatum, e <= s {
                if let l = laatste[tw.toewijzingnummer], l >= t.start! { t.einde = min(l, e); t.eindBron = .declaratie }
                else { t.einde = e; t.eindBron = .toewijzing }
            }
            return t
        }
    }

    /// Waiting times per group over [van, tot]; waiting now on `peildatum`. The total is computed over all allocations.
    public static func wachttijden(_ trajecten: [Traject], verzoeken: [Verzoek], van: Dag,
                                   tot: Dag, peildatum: Dag, per: Wachtgroepering, gemeente: String? = nil,
                                   perceelVan: (String) -> String = { _ in "onbekend" },
                                   namen: (String) -> String = { $0 })
        -> (rijen: [Wachttijdrij], totaal: Wachttijdrij) {
        func sleutel(_ gem: String, _ agb: String, _ product: String, _ perceel: String) -> String {
            switch per {
            case .aanbieder: agb
            case .product: product
            case .gemeente: gem
            case .perceel: perceel
            }
        }
        var rijen: [String: Wachttijdrij] = [:]
        var totaal = Wachttijdrij(groep: "totaal", naam: "Totaal")
        func voeg(_ k: String, _ werk: (inout Wachttijdrij) -> Void) {
            werk(&rijen[k, default: Wachttijdrij(groep: k, naam: namen(k))])
            werk(&totaal)
        }
        for t in trajecten where gemeente == nil || t.gemeentecode == gemeente {
            let k = sleutel(t.gemeentecode, t.agb, t.product, t.perceel)
            if t.toewijzingsdatum >= van && t.toewijzingsdatum <= tot {
                voeg(k) { r in
                    r.toewijzingen += 1
                    if let w = t.verzoekTotToewijzing { r.verzoekTotToewijzing.append(w) }
                    if let w = t.toewijzingTotStart { r.toewijzingTotStart.append(w) }
                }
            }
            if let e = t.einde, e >= van, e <= tot, let d = t.duur { voeg(k) { $0.duur.append(d) } }
            if let w = t.wachtOp(peildatum) { voeg(k) { $0.wachtendNu.append(w) } }
            if t.startOnbekendOp(peildatum) { voeg(k) { $0.startOnbekend += 1 } }
        }
        // a request is answered by an allocation that names it, made by the valuation date; a request whose period has
        // passed is no longer waiting (rejections, JW316, are not registered)
        let beantwoord = Set(trajecten.filter { $0.toewijzingsdatum <= peildatum }.compactMap(\.verzoeknummer))
        for v in verzoeken where v.ontvangenOp <= peildatum && (gemeente == nil || v.gemeentecode == gemeente) {
            guard !beantwoord.contains(v.verzoeknummer), v.einddatum.map({ $0 >= peildatum }) ?? true else { continue }
            let product = v.productcategorie + (v.productcode.map { "/" + $0 } ?? "")
            let k = sleutel(v.gemeentecode, v.agb, product, perceelVan(product))
            voeg(k) { $0.verzoekenOpen.append(peildatum - v.ontvangenOp) }
        }
        return (rijen.values.sorted { $0.groep < $1.groep }, totaal)
    }

    /// Inflow, outflow and stock per month of care actually delivered (start to end as in `trajecten`), per client
    /// merged into spells like the monitoring (`Zorgperiodes`); allocations without a known start do not count.
    public static func maandstromen(_ trajecten: [Traject], jaar: Int, gemeente: String? = nil, peildatum: Dag? = nil) -> [Maandstroom] {
        var periodes: [ClientID: [Periode]] = [:]
        for t in trajecten where gemeente == nil || t.gemeentecode == gemeente {
            guard let s = t.start else { continue }
            periodes[t.client, default: []].append(Periode(van: s, tot: t.einde))
        }
        let spells = Zorgperiodes(periodes)
        return (1...12).map { m in
            let maand = Maand(jaar: jaar, maand: m)
            let v = spells.verloop(van: maand.eersteDag, tot: maand.laatsteDag, peildatum: peildatum)
            return Maandstroom(maand: maand, begin: v.begin, instroom: v.instroom, uitstroom: v.uitstroom, einde: v.einde)
        }
    }

    /// Clients and spend per care form per year (monitoring definitions: allocation overlapping the year or a
    /// declaration line with service in it; a client in two forms counts in both).
    public static func verschuiving(_ g: Gegevens, jaren: ClosedRange<Int>, gemeente: String? = nil) -> [Zorgvormjaar] {
        let ref = Referentiekaart(g)
        func vorm(_ c: String, _ code: String?, _ eenheid: String?, _ jaar: Int) -> Zorgvorm {
            Zorgvorm.bij(categorie: c, eenheid: eenheid ?? ref.product(categorie: c, code: code, jaar: jaar)?.eenheid)
        }
        var clienten: [Int: [Zorgvorm: Set<ClientID>]] = [:]
        var kosten: [Int: [Zorgvorm: Euro]] = [:]
        for tw in g.toewijzingen where !tw.isVerwijderd && (gemeente == nil || tw.gemeentecode == gemeente) {
            for j in jaren where tw.periode.overlapDagen(Dag.eersteVan(jaar: j), Dag.laatsteVan(jaar: j)) > 0 {
                clienten[j, default: [:]][vorm(tw.productcategorie, tw.productcode, tw.eenheid, j), default: []].insert(tw.client)
            }
        }
        for d in g.declaraties where d.status != .afgewezen && (gemeente == nil || d.gemeentecode == gemeente) {
            guard d.einddatum.jaar >= jaren.lowerBound && d.begindatum.jaar <= jaren.upperBound else { continue }
            for (m, bedrag) in d.kostenPerMaand where jaren.contains(m.jaar) {
                let v = vorm(d.productcategorie, d.productcode, d.eenheid, m.jaar)
                kosten[m.jaar, default: [:]][v, default: .nul] += bedrag
                clienten[m.jaar, default: [:]][v, default: []].insert(d.client)
            }
        }
        return jaren.map { j in
            Zorgvormjaar(jaar: j, clienten: (clienten[j] ?? [:]).mapValues(\.count), kosten: kosten[j] ?? [:])
        }
    }
}
