/// KOSTEN-HOOG: a client's declared cost in the last months above a threshold, or among the municipality's top N.
public struct KostenHoog: Signaalregel {
    public init() {}
    public let code = "KOSTEN-HOOG"
    public let omschrijving = "Kosten van een cliënt in de laatste 12 maanden boven de drempel of in de top N van de gemeente"
    public let parameters = [
        Regelparameter("drempel", .euro, .euro(Euro(euro: 100_000)), "signaal vanaf kosten boven dit bedrag"),
        Regelparameter("top_n", .aantal, .getal(3), "ook de N duurste cliënten per gemeente (0 = niet)"),
        Regelparameter("maanden", .maanden, .getal(12), "lengte van de periode, tot en met de maand van de peildatum"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let drempel = w.euro("drempel"), topN = Int(w.getal("top_n")), maanden = max(1, w.dagen("maanden"))
        let tot = c.peildatum.maand, van = tot + (1 - maanden)
        // ranked among every client of the municipality (once for all parts of a run), signalled for the clients of
        // this context
        let perGemeente: [String: [(ClientID, Euro)]] = c.gemeentekosten.eenmaal("\(code)|\(van.index)|\(tot.index)") {
            var perGemeente: [String: [(ClientID, Euro)]] = [:]
            for (k, perMaand) in c.gemeentekosten.perClient {
                let e = Signaalcontext.kosten(perMaand, van: van, tot: tot)
                if e.centen > 0 { perGemeente[k.gemeente, default: []].append((k.client, e)) }
            }
            return perGemeente.mapValues { $0.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 } }
        }
        var uit: [Signaal] = []
        for (gemeente, gesorteerd) in perGemeente {
            for (i, (client, e)) in gesorteerd.enumerated() {
                guard e > drempel || i < topN else { break }   // highest first: no one further down qualifies
                guard c.kostenPerMaand[GemeenteClient(gemeente, client)] != nil else { continue }
                let (agb, perceel, deel) = Kostenverdeling.grootste(c, GemeenteClient(gemeente, client), van: van, tot: tot)
                var waarom: [String] = []
                if e > drempel { waarom.append("boven de drempel van \(Tekst.euro(drempel))") }
                if i < topN { waarom.append("nr. \(i + 1) van \(c.gemeenteNaam(gemeente))") }
                let grootste = agb.map { "; grootste deel bij \(c.aanbiederNaam($0)) (\(Tekst.euro(deel))\(perceel.map { ", perceel \($0)" } ?? ""))" } ?? ""
                uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, gemeente, client), gemeentecode: gemeente,
                                   client: client, agb: agb, perceel: perceel, bedrag: e, van: van.eersteDag, tot: tot.laatsteDag,
                                   peildag: c.peildatum,
                                   toelichting: "Kosten \(van.naam) t/m \(tot.naam): \(Tekst.euro(e)), \(waarom.joined(separator: " en "))\(grootste)."))
            }
        }
        return (uit, nil)
    }
}

/// KOSTEN-PERSISTENT: high cost in at least k of the last complete calendar years.
public struct KostenPersistent: Signaalregel {
    public init() {}
    public let code = "KOSTEN-PERSISTENT"
    public let omschrijving = "Kosten van een cliënt boven de drempel in minstens k van de laatste 3 volledige kalenderjaren"
    public let parameters = [
        Regelparameter("drempel", .euro, .euro(Euro(euro: 100_000)), "jaarkosten boven dit bedrag tellen als hoog"),
        Regelparameter("jaren", .jaren, .getal(3), "aantal volledige kalenderjaren tot en met de peildatum"),
        Regelparameter("minimaal", .aantal, .getal(2), "signaal bij zoveel jaren met hoge kosten (k)"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let drempel = w.euro("drempel"), aantal = max(1, w.dagen("jaren")), k = max(1, w.dagen("minimaal"))
        // a year counts when complete on the valuation date
        let laatste = (c.peildatum + 1).jaar - 1
        let jaren = Array((laatste - aantal + 1)...laatste)
        var uit: [Signaal] = []
        for gc in c.kostenPerMaand.keys {
            let perJaar = jaren.map { j in c.kosten(gc, van: Maand(jaar: j, maand: 1), tot: Maand(jaar: j, maand: 12)) }
            let hoog = perJaar.filter { $0 > drempel }.count
            guard hoog >= k else { continue }
            let (agb, perceel, _) = Kostenverdeling.grootste(c, gc, van: Maand(jaar: jaren[0], maand: 1), tot: Maand(jaar: laatste, maand: 12))
            let reeks = zip(jaren, perJaar).map { "\($0) \(Tekst.euro($1))" }.joined(separator: ", ")
            uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, gc.gemeente, gc.client), gemeentecode: gc.gemeente,
                               client: gc.client, agb: agb, perceel: perceel, bedrag: perJaar.som(),
                               van: Dag.eersteVan(jaar: jaren[0]), tot: Dag.laatsteVan(jaar: laatste), peildag: c.peildatum,
                               toelichting: "Kosten boven \(Tekst.euro(drempel)) in \(hoog) van de \(aantal) jaren (\(reeks))."))
        }
        return (uit, nil)
    }
}

/// VERPLICHTING-HOOG: the commitment of a client's allocations in the coming months above a threshold, before any of
/// it is declared.
public struct VerplichtingHoog: Signaalregel {
    public init() {}
    public let code = "VERPLICHTING-HOOG"
    public let omschrijving = "Verwachte kosten (verplichting) van de lopende toewijzingen van een cliënt in de komende 12 maanden boven de drempel"
    public let parameters = [
        Regelparameter("drempel", .euro, .euro(Euro(euro: 100_000)), "signaal vanaf een verplichting boven dit bedrag"),
        Regelparameter("dagen_vooruit", .dagen, .getal(365), "periode na de peildatum waarover de verplichting telt"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let drempel = w.euro("drempel")
        let van = c.peildatum + 1, tot = c.peildatum + max(1, w.dagen("dagen_vooruit"))
        var uit: [Signaal] = []
        for (client, toewijzingen) in c.toewijzingenPerClient {
            var perGemeente: [String: [(Toewijzing, Euro)]] = [:]
            var onbekend: [String: Int] = [:]
            for t in toewijzingen where t.periode.overlapDagen(van, tot) > 0 {
                if let v = c.verplichting(t, van: van, tot: tot) { perGemeente[t.gemeentecode, default: []].append((t, v)) }
                else { onbekend[t.gemeentecode, default: 0] += 1 }
            }
            for (gemeente, lijst) in perGemeente {
                let som = lijst.map(\.1).som()
                guard som > drempel else { continue }
                let grootste = lijst.max { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.toewijzingnummer > $1.0.toewijzingnummer }!
                let t = grootste.0
                let perceel = c.perceel(t.productcategorie, t.productcode, jaar: van.jaar)?.code
                let zonder = onbekend[gemeente].map { "; \(Tekst.meervoud($0, "toewijzing", "toewijzingen")) zonder bekende verplichting" } ?? ""
                uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, gemeente, client), gemeentecode: gemeente,
                                   client: client, agb: t.agb, perceel: perceel, bedrag: som, van: van, tot: tot, peildag: c.peildatum,
                                   toelichting: "Verplichting \(Tekst.dag(van)) t/m \(Tekst.dag(tot)): \(Tekst.euro(som)) uit "
                                    + "\(Tekst.meervoud(lijst.count, "lopende toewijzing", "lopende toewijzingen")), drempel \(Tekst.euro(drempel)); "
                                    + "grootste \(t.toewijzingnummer) (\(Tekst.product(t.productcategorie, t.productcode))) bij "
                                    + "\(c.aanbiederNaam(t.agb)): \(Tekst.euro(grootste.1))\(zonder)."))
            }
        }
        return (uit, nil)
    }
}

/// Which provider and lot carry most of a client's cost in a period.
enum Kostenverdeling {
    static func grootste(_ c: Signaalcontext, _ gc: GemeenteClient, van: Maand, tot: Maand) -> (agb: String?, perceel: String?, bedrag: Euro) {
        var perAanbieder: [String: Euro] = [:], perPerceel: [String: Euro] = [:]
        for d in c.declaratiesPerClient[gc.client] ?? [] where d.gemeentecode == gc.gemeente {
            guard d.einddatum >= van.eersteDag && d.begindatum <= tot.laatsteDag else { continue }
            let e = d.kostenPerMaand.filter { $0.0 >= van && $0.0 <= tot }.map(\.1).som()
            perAanbieder[d.agb, default: .nul] += e
            if let p = c.perceel(d.productcategorie, d.productcode, jaar: d.begindatum.jaar) { perPerceel[p.code, default: .nul] += e }
        }
        let a = perAanbieder.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
        let p = perPerceel.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
        return (a?.key, p?.key, a?.value ?? .nul)
    }
}
