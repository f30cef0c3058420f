/// Market analysis per segment (verslag raadsbijeenkomst Zuid-Holland Zuid, 16 september 2020): where the money goes against where the clients are, how concentrated the
/// supply is, who refers, how segments and providers grow, and a Kraljic placement. Definitions: docs/contractbeheer.md.
public enum Kraljic: String, Sendable, CaseIterable {
    case routine, hefboom, knelpunt, strategisch

    public var omschrijving: String {
        switch self {
        case .routine: "Routine (standaardiseren, eenvoudig afhandelen)"
        case .hefboom: "Hefboom (concurrentie, tarieven)"
        case .knelpunt: "Knelpunt (leveringszekerheid)"
        case .strategisch: "Strategisch (samenwerking, partnerschap)"
        }
    }

    /// High impact: a spend share of at least an equal share; high supply risk: few providers or a concentrated market.
    static func plaats(kostenaandeel: Double, aantalSegmenten: Int, aanbieders: Int, herfindahl: Double,
                       _ i: Contractinstellingen) -> Kraljic {
        let impact = aantalSegmenten > 0 && kostenaandeel >= 1 / Double(aantalSegmenten)
        let risico = aanbieders <= i.kraljicMaxAanbieders || herfindahl >= i.kraljicHerfindahl
        switch (impact, risico) {
        case (true, true): return .strategisch
        case (true, false): return .hefboom
        case (false, true): return .knelpunt
        case (false, false): return .routine
        }
    }
}

public struct Segmentrij: Sendable {
    public var segment: String
    public var kosten = Euro.nul
    public var clienten = 0
    /// Share of the region's spend; shares of the segments add up to 100%.
    public var kostenaandeel: Double?
    /// Clients in the segment / unique clients in the region: a client in two segments counts in both, so these
    /// shares add up to more than 100%.
    public var clientaandeel: Double?
    /// Providers with declared cost > 0 in the segment.
    public var aanbieders = 0
    public var top5Aandeel: Double?
    /// Sum of squared spend shares of the providers (0-1; x 10,000 gives the usual HHI points).
    public var herfindahl: Double?
    /// Spend per referrer type (COD327 code, "onbekend" without a known allocation).
    public var perVerwijzer: [String: Euro] = [:]
    public var kraljic: Kraljic?

    public func verwijzeraandeel(_ codes: Set<String>) -> Double? {
        perVerwijzer.filter { codes.contains($0.key) }.map(\.value).som().verhouding(tot: kosten)
    }
    /// "Grip": the share of spend the municipality referred itself (gemeente/wijkteam).
    public var grip: Double? { verwijzeraandeel([Verwijzer.gemeente.rawValue]) }
}

/// Spend of a segment or a provider per year, for growth.
public struct Groeireeks: Sendable {
    public var sleutel: String
    public var naam: String
    public var perJaar: [Int: Euro]
    public func groei(_ jaar: Int) -> Double? {
        guard let nu = perJaar[jaar], let vorig = perJaar[jaar - 1], vorig.centen > 0 else { return nil }
        return Double(nu.centen - vorig.centen) / Double(vorig.centen)
    }
}

public struct Marktanalyse: Sendable {
    public var jaar: Int
    public var segmenten: [Segmentrij]
    public var totaal: Segmentrij
    public var jaren: [Int]
    public var groeiSegmenten: [Groeireeks]
    /// The largest providers of `jaar` with their spend over the years.
    public var groeiAanbieders: [Groeireeks]

    /// The analysis of `jaar` (service in the year; declarations as known on `peildatum`), growth from `vanafJaar`.
    public static func bereken(_ alles: Gegevens, jaar: Int, vanafJaar: Int? = nil, gemeente: String? = nil,
                               peildatum: Dag? = nil, topAanbieders: Int = 10,
                               instellingen: Contractinstellingen = .standaard) -> Marktanalyse {
        let g = peildatum.map { alles.bekendOp($0) } ?? alles
        let ref = Referentiekaart(g)
        let kaart = Productkaart(ref, jaar: jaar)
        let van = Dag.eersteVan(jaar: jaar), tot = Dag.laatsteVan(jaar: jaar)
        let verwijzerVan = Dictionary(g.toewijzingen.map { ($0.toewijzingnummer, $0.verwijzer) }, uniquingKeysWith: { a, _ in a })
        func segment(_ c: String, _ code: String?) -> String { kaart.perceel(c, code)?.segment ?? "onbekend" }

        var kosten: [String: [String: Euro]] = [:]        // segment -> agb -> cost
        var clienten: [String: Set<ClientID>] = [:]
        var perVerwijzer: [String: [String: Euro]] = [:]
        var alleClienten = Set<ClientID>()
        for tw in g.toewijzingen where !tw.isVerwijderd && tw.periode.overlapDagen(van, tot) > 0 {
            guard gemeente == nil || tw.gemeentecode == gemeente else { continue }
            clienten[segment(tw.productcategorie, tw.productcode), default: []].insert(tw.client)
            alleClienten.insert(tw.client)
        }
        let eersteJaar = vanafJaar ?? g.declaraties.map(\.begindatum.jaar).min() ?? jaar
        let jaren = Array(min(eersteJaar, jaar)...jaar)
        var segmentPerJaar: [String: [Int: Euro]] = [:]
        var aanbiederPerJaar: [String: [Int: Euro]] = [:]
        for d in g.declaraties where d.status != .afgewezen {
            guard gemeente == nil || d.gemeentecode == gemeente else { continue }
            let s = segment(d.productcategorie, d.productcode)
            if d.einddatum >= Dag.eersteVan(jaar: jaren[0]) && d.begindatum <= tot {
                for (m, bedrag) in d.kostenPerMaand where m.jaar >= jaren[0] && m.jaar <= jaar {
                    segmentPerJaar[s, default: [:]][m.jaar, default: .nul] += bedrag
                    aanbiederPerJaar[d.agb, default: [:]][m.jaar, default: .nul] += bedrag
                }
            }
            guard d.einddatum >= van && d.begindatum <= tot else { continue }
            let bedrag = d.kosten(van: van, tot: tot)
            kosten[s, default: [:]][d.agb, default: .nul] += bedrag
            clienten[s, default: []].insert(d.client)
            alleClienten.insert(d.client)
            let v = verwijzerVan[d.toewijzingnummer].flatMap { $0?.rawValue } ?? Verwijzer.onbekendeSleutel
            perVerwijzer[s, default: [:]][v, default: .nul] += bedrag
        }

        let totaalKosten = kosten.values.flatMap(\.values).som()
        let segmentnamen = Set(kosten.keys).union(clienten.keys).sorted()
        let metKosten = segmentnamen.filter { (kosten[$0]?.values.som() ?? .nul) > .nul }.count
        var rijen: [Segmentrij] = []
        for s in segmentnamen {
            var r = Segmentrij(segment: s)
            let perAanbieder = kosten[s] ?? [:]
            r.kosten = perAanbieder.values.som()
            r.clienten = clienten[s]?.count ?? 0
            r.kostenaandeel = r.kosten.verhouding(tot: totaalKosten)
            r.clientaandeel = alleClienten.isEmpty ? nil : Double(r.clienten) / Double(alleClienten.count)
            (r.aanbieders, r.top5Aandeel, r.herfindahl) = concentratie(Array(perAanbieder.values))
            r.perVerwijzer = perVerwijzer[s] ?? [:]
            if let a = r.kostenaandeel {
                r.kraljic = Kraljic.plaats(kostenaandeel: a, aantalSegmenten: metKosten, aanbieders: r.aanbieders,
                                           herfindahl: r.herfindahl ?? 1, instellingen)
            }
            rijen.append(r)
        }
        rijen.sort { $0.kosten != $1.kosten ? $0.kosten > $1.kosten : $0.segment < $1.segment }

        var totaal = Segmentrij(segment: "Totaal")
        totaal.kosten = totaalKosten
        totaal.clienten = alleClienten.count
        totaal.kostenaandeel = totaalKosten.centen > 0 ? 1 : nil
        totaal.clientaandeel = alleClienten.isEmpty ? nil : 1
        var regio: [String: Euro] = [:]
        for perAanbieder in kosten.values { for (a, e) in perAanbieder { regio[a, default: .nul] += e } }
        (totaal.aanbieders, totaal.top5Aandeel, totaal.herfindahl) = concentratie(Array(regio.values))
        for r in rijen { for (v, e) in r.perVerwijzer { totaal.perVerwijzer[v, default: .nul] += e } }

        let groeiSegmenten = segmentPerJaar.map { Groeireeks(sleutel: $0.key, naam: $0.key, perJaar: $0.value) }
            .sorted { ($0.perJaar[jaar] ?? .nul) > ($1.perJaar[jaar] ?? .nul) }
        let groeiAanbieders = aanbiederPerJaar.map { Groeireeks(sleutel: $0.key, naam: ref.aanbieders[$0.key]?.naam ?? $0.key, perJaar: $0.value) }
            .sorted { a, b in
                let x = a.perJaar[jaar] ?? .nul, y = b.perJaar[jaar] ?? .nul
                return x != y ? x > y : a.sleutel < b.sleutel
            }.prefix(topAanbieders)
        return Marktanalyse(jaar: jaar, segmenten: rijen, totaal: totaal, jaren: jaren, groeiSegmenten: groeiSegmenten,
                            groeiAanbieders: Array(groeiAanbieders))
    }

    /// Active providers (spend > 0), the share of the five largest and the Herfindahl index, over positive spend.
    static func concentratie(_ bedragen: [Euro]) -> (Int, Double?, Double?) {
        let positief = bedragen.filter { $0 > .nul }.sorted(by: >)
        let som = positief.som()
        guard som.centen > 0 else { return (0, nil, nil) }
        let top5 = Double(positief.prefix(5).som().centen) / Double(som.centen)
        let hhi = positief.reduce(0.0) { a, e in let s = Double(e.centen) / Double(som.centen); return a + s * s }
        return (positief.count, top5, hhi)
    }
}
