/// UITNUTTING: near the end of an allocation, declared cost far above or below its commitment.
public struct Uitnutting: Signaalregel {
    public init() {}
    public let code = "UITNUTTING"
    public let omschrijving = "Uitnutting (gedeclareerd / verplichting) boven 110% of onder 50% rond het einde van een toewijzing"
        + " (trajecten pas na hun einde)"
    public let parameters = [
        Regelparameter("boven", .procent, .getal(110), "signaal bij een uitnutting boven dit percentage"),
        Regelparameter("onder", .procent, .getal(50), "signaal bij een uitnutting onder dit percentage"),
        Regelparameter("dagen_voor_einde", .dagen, .getal(90), "toewijzingen die binnen zoveel dagen na de peildatum eindigen"),
        Regelparameter("dagen_na_einde", .dagen, .getal(90), "en toewijzingen die ten hoogste zoveel dagen geleden eindigden"),
        Regelparameter("vertraging_maanden", .maanden, .getal(2), "zorg in de laatste zoveel maanden vóór de peildatum niet meetellen (declaraties komen laat)"),
        Regelparameter("minimum_verplichting", .euro, .euro(Euro(euro: 2_000)), "alleen toewijzingen met minstens deze verplichting over de vergeleken periode"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let boven = w.getal("boven"), onder = w.getal("onder"), minimum = w.euro("minimum_verplichting")
        let vanaf = c.peildatum - w.dagen("dagen_na_einde"), totEnMet = c.peildatum + w.dagen("dagen_voor_einde")
        // care after this day is not judged: its declarations may still come
        let grens = (c.peildatum.maand + (-w.dagen("vertraging_maanden"))).laatsteDag
        var uit: [Signaal] = []
        for (_, toewijzingen) in c.toewijzingenPerClient {
            for t in toewijzingen {
                guard let einde = t.einddatum, einde >= vanaf, einde <= totEnMet, t.ingangsdatum <= grens else { continue }
                // a trajectory (one volume for the whole allocation) is declared once, at its end: judge it only then
                if (t.frequentie ?? .totaal) == .totaal && t.budget == nil && einde > grens { continue }
                let tot = min(einde, grens)
                // paid by contract (task-based, subsidy): nothing is declared against the allocation
                if tot >= t.ingangsdatum, (t.ingangsdatum.jaar...tot.jaar).contains(where: { c.onderContract(t, jaar: $0) }) { continue }
                guard let v = c.verplichting(t, van: t.ingangsdatum, tot: tot), v >= minimum, v.centen > 0 else { continue }
                let gedeclareerd = (c.declaratiesPerToewijzing[t.toewijzingnummer] ?? [])
                    .flatMap(\.kostenPerMaand).filter { $0.0 <= tot.maand }.map(\.1).som()
                let hoog = gedeclareerd.centen * 100 > boven * v.centen, laag = gedeclareerd.centen * 100 < onder * v.centen
                guard hoog || laag else { continue }
                let perceel = c.perceel(t.productcategorie, t.productcode, jaar: t.ingangsdatum.jaar)?.code
                let duiding = hoog ? "boven \(boven)%" : "onder \(onder)%: ruim toegewezen of declaraties achter"
                let eindTekst = einde <= c.peildatum ? "eindigde \(Tekst.dag(einde))" : "eindigt \(Tekst.dag(einde))"
                uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, t.gemeentecode, t.client, t.toewijzingnummer),
                                   gemeentecode: t.gemeentecode, client: t.client, agb: t.agb, perceel: perceel, bedrag: gedeclareerd,
                                   van: t.ingangsdatum, tot: tot, peildag: einde,
                                   toelichting: "Uitnutting \(Tekst.procent(gedeclareerd, v)) (\(duiding)): gedeclareerd \(Tekst.euro(gedeclareerd)) "
                                    + "tegen verplichting \(Tekst.euro(v)) over \(Tekst.dag(t.ingangsdatum)) t/m \(Tekst.dag(tot)); "
                                    + "toewijzing \(t.toewijzingnummer) (\(Tekst.product(t.productcategorie, t.productcode))) \(eindTekst)."))
            }
        }
        return (uit, vanaf)
    }
}

/// DUUR: an episode (consecutive allocations of one client in one segment) longer than the segment's norm.
public struct Duur: Signaalregel {
    public init() {}
    public let code = "DUUR"
    public let omschrijving = "Duur van zorg langer dan de norm van het segment of perceel (bijv. crisis langer dan 4 weken)"
    public let parameters = [
        Regelparameter("normen", .dagenPerSegment, .tabel(["Crisis": 28]), "maximale duur in dagen per segment of perceelcode (perceel gaat voor)"),
        Regelparameter("terugkijken_dagen", .dagen, .getal(365), "zorg die binnen zoveel dagen vóór de peildatum eindigde of nog loopt"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let normen = w.tabel("normen")
        let vanaf = c.peildatum - w.dagen("terugkijken_dagen")
        guard !normen.isEmpty else { return ([], vanaf) }
        var uit: [Signaal] = []
        for (client, toewijzingen) in c.toewijzingenPerClient {
            // per municipality and norm: consecutive or overlapping allocations form one episode
            var groepen: [String: [(Toewijzing, String?)]] = [:]
            for t in toewijzingen where t.ingangsdatum <= c.peildatum {
                let p = c.perceel(t.productcategorie, t.productcode, jaar: t.ingangsdatum.jaar)
                guard let normnaam = p.flatMap({ normen[$0.code] != nil ? $0.code : normen[$0.segment] != nil ? $0.segment : nil }) else { continue }
                groepen[t.gemeentecode + "|" + normnaam, default: []].append((t, p?.code))
            }
            for (groep, lijst) in groepen {
                let normnaam = String(groep.split(separator: "|", maxSplits: 1)[1])
                let norm = Int(normen[normnaam]!)
                for episode in Duur.episodes(lijst.sorted { ($0.0.ingangsdatum, $0.0.toewijzingnummer) < ($1.0.ingangsdatum, $1.0.toewijzingnummer) }) {
                    let eerste = episode.first!.0, start = eerste.ingangsdatum
                    let open = episode.contains { $0.0.einddatum == nil }
                    let einde = open ? c.peildatum : episode.compactMap(\.0.einddatum).max()!
                    let dagen = einde - start + 1
                    guard einde >= vanaf, dagen > norm else { continue }
                    let v = episode.compactMap { c.verplichting($0.0, van: $0.0.ingangsdatum, tot: $0.0.einddatum ?? c.peildatum) }.som()
                    let looptijd = open ? "loopt sinds \(Tekst.dag(start)) (\(dagen) dagen op de peildatum)"
                        : einde > c.peildatum ? "\(dagen) dagen toegewezen (\(Tekst.dag(start)) t/m \(Tekst.dag(einde)))"
                        : "\(dagen) dagen (\(Tekst.dag(start)) t/m \(Tekst.dag(einde)))"
                    let aanbieders = Set(episode.map(\.0.agb)).sorted().map(c.aanbiederNaam).joined(separator: ", ")
                    uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, eerste.gemeentecode, client, eerste.toewijzingnummer),
                                       gemeentecode: eerste.gemeentecode, client: client, agb: eerste.agb, perceel: episode.first!.1,
                                       bedrag: v, van: start, tot: einde, peildag: einde,
                                       toelichting: "\(normnaam): \(looptijd), norm \(norm) dagen; "
                                        + "\(Tekst.meervoud(episode.count, "toewijzing", "toewijzingen")) bij \(aanbieders), verplichting \(Tekst.euro(v))."))
                }
            }
        }
        return (uit, vanaf)
    }

    /// Splits allocations sorted by start into episodes: the next one joins when it starts at most one day after the
    /// episode's end so far (an open end joins everything after it).
    static func episodes<T>(_ lijst: [(Toewijzing, T)]) -> [[(Toewijzing, T)]] {
        var uit: [[(Toewijzing, T)]] = []
        var huidig: [(Toewijzing, T)] = []
        var einde: Dag? = nil
        var open = false
        for x in lijst {
            if let e = einde, !huidig.isEmpty, !open, x.0.ingangsdatum > e + 1 {
                uit.append(huidig); huidig = []; einde = nil
            }
            huidig.append(x)
            if let e = x.0.einddatum { einde = max(einde ?? e, e) } else { open = true }
        }
        if !huidig.isEmpty { uit.append(huidig) }
        return uit
    }
}

/// STAPELING: a client with many allocations at the same time.
public struct Stapeling: Signaalregel {
    public init() {}
    public let code = "STAPELING"
    public let omschrijving = "4 of meer toewijzingen van een cliënt tegelijk (stapeling)"
    public let parameters = [
        Regelparameter("minimum", .aantal, .getal(4), "signaal bij zoveel gelijktijdige toewijzingen"),
        Regelparameter("terugkijken_dagen", .dagen, .getal(365), "beoordeelde periode vóór en tot en met de peildatum"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let minimum = max(2, w.dagen("minimum"))
        let vanaf = c.peildatum - w.dagen("terugkijken_dagen"), tot = c.peildatum
        var uit: [Signaal] = []
        for (client, alle) in c.toewijzingenPerClient where alle.count >= minimum {
            let lijst = alle.filter { $0.periode.overlapDagen(vanaf, tot) > 0 }
            guard lijst.count >= minimum else { continue }
            // sweep over start and end+1 days within the window; ends before starts on the same day
            var gebeurtenissen: [(Dag, Int)] = []
            for t in lijst {
                gebeurtenissen.append((max(t.ingangsdatum, vanaf), 1))
                if let e = t.einddatum, e < tot { gebeurtenissen.append((e + 1, -1)) }
            }
            gebeurtenissen.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            var n = 0, hoogste = 0
            var piek: Dag? = nil, eersteDag: Dag? = nil, laatsteDag: Dag? = nil
            for (i, (dag, d)) in gebeurtenissen.enumerated() {
                n += d
                // the count holds from this day until the next event's day
                if i + 1 < gebeurtenissen.count && gebeurtenissen[i + 1].0 == dag { continue }
                let volgende = i + 1 < gebeurtenissen.count ? gebeurtenissen[i + 1].0 - 1 : tot
                if n >= minimum {
                    if eersteDag == nil { eersteDag = dag }
                    laatsteDag = volgende
                    if n > hoogste { hoogste = n; piek = dag }
                }
            }
            guard let piek, let van = eersteDag, let laatste = laatsteDag else { continue }
            let opPiek = lijst.filter { $0.periode.bevat(piek) }.sorted { $0.toewijzingnummer < $1.toewijzingnummer }
            let perGemeente = Dictionary(grouping: opPiek, by: \.gemeentecode)
            let gemeente = perGemeente.max { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key > $1.key }!.key
            let verplichtingen = opPiek.map { ($0, c.verplichting($0, van: van, tot: laatste) ?? .nul) }
            let duurste = verplichtingen.max { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.toewijzingnummer > $1.0.toewijzingnummer }!.0
            let producten = opPiek.map { "\(Tekst.product($0.productcategorie, $0.productcode)) bij \(c.aanbiederNaam($0.agb))" }
            uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, gemeente, client), gemeentecode: gemeente, client: client,
                               agb: duurste.agb, perceel: c.perceel(duurste.productcategorie, duurste.productcode, jaar: piek.jaar)?.code,
                               bedrag: verplichtingen.map(\.1).som(), van: van, tot: laatste, peildag: laatste,
                               toelichting: "\(hoogste) toewijzingen tegelijk op \(Tekst.dag(piek)) (\(minimum) of meer van \(Tekst.dag(van)) "
                                + "t/m \(Tekst.dag(laatste))): \(producten.joined(separator: "; "))."))
        }
        return (uit, vanaf)
    }
}
