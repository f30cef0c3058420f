/// Why a declaration line has no allocation to stand on; nil when it has one.
enum Toewijzingscontrole {
    static func gebrek(_ d: Declaratieregel, _ c: Signaalcontext) -> String? {
        guard let t = c.toewijzingPerNummer[d.toewijzingnummer] else { return "geen toewijzing \(d.toewijzingnummer) bekend" }
        if t.isVerwijderd { return "toewijzing \(d.toewijzingnummer) is ingetrokken (reden wijziging 13)" }
        if t.client != d.client { return "toewijzing \(d.toewijzingnummer) hoort bij een andere cliënt" }
        if t.agb != d.agb { return "toewijzing \(d.toewijzingnummer) is aan een andere aanbieder (\(t.agb)) gegeven" }
        if t.productcategorie != d.productcategorie || (t.productcode != nil && d.productcode != nil && t.productcode != d.productcode) {
            return "toewijzing \(d.toewijzingnummer) is voor een ander product (\(Tekst.product(t.productcategorie, t.productcode)))"
        }
        return nil
    }
}

/// DECL-ZONDER: declared care without a (matching) allocation.
public struct DeclaratieZonderToewijzing: Signaalregel {
    public init() {}
    public let code = "DECL-ZONDER"
    public let omschrijving = "Declaratie zonder (passende) toewijzing: onbekend nummer, ingetrokken, andere cliënt, aanbieder of product"
    public let parameters = [
        Regelparameter("terugkijken_dagen", .dagen, .getal(365), "declaratieregels ingediend binnen zoveel dagen vóór de peildatum"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let vanaf = c.peildatum - w.dagen("terugkijken_dagen")
        var uit: [Signaal] = []
        for (_, regels) in c.declaratiesPerClient {
            // all lines of one allocation number at one provider are one finding; credits count against it
            var zonder: [Declaratieregel] = []
            regels.elk { d in if Toewijzingscontrole.gebrek(d, c) != nil { zonder.append(d) } }
            guard !zonder.isEmpty else { continue }
            let groepen = Dictionary(grouping: zonder,
                                     by: { $0.gemeentecode + "|" + $0.toewijzingnummer + "|" + $0.agb })
            for (_, lijst) in groepen {
                guard lijst.contains(where: { $0.ingediendOp >= vanaf }) else { continue }
                let netto = lijst.map(\.kosten).som()
                guard netto.centen > 0 else { continue }
                let d = lijst.min { ($0.begindatum, $0.referentienummer) < ($1.begindatum, $1.referentienummer) }!
                let van = lijst.map(\.begindatum).min()!, tot = lijst.map(\.einddatum).max()!
                uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, d.gemeentecode, d.client, d.toewijzingnummer, d.agb),
                                   gemeentecode: d.gemeentecode, client: d.client, agb: d.agb,
                                   perceel: c.perceel(d.productcategorie, d.productcode, jaar: d.begindatum.jaar)?.code,
                                   bedrag: netto, van: van, tot: tot, peildag: lijst.map(\.ingediendOp).max()!,
                                   toelichting: "\(Tekst.meervoud(lijst.count, "declaratieregel", "declaratieregels")) van "
                                    + "\(c.aanbiederNaam(d.agb)) (\(Tekst.product(d.productcategorie, d.productcode))) over "
                                    + "\(Tekst.dag(van)) t/m \(Tekst.dag(tot)), netto \(Tekst.euro(netto)): \(Toewijzingscontrole.gebrek(d, c)!)."))
            }
        }
        return (uit, vanaf)
    }
}

/// DECL-PERIODE: declared care on days outside the allocation's period.
public struct DeclaratieBuitenPeriode: Signaalregel {
    public init() {}
    public let code = "DECL-PERIODE"
    public let omschrijving = "Declaratie voor zorg buiten de periode van de toewijzing"
    public let parameters = [
        Regelparameter("marge_dagen", .dagen, .getal(0), "zoveel dagen vóór de ingangsdatum of na de einddatum worden nog geaccepteerd"),
        Regelparameter("terugkijken_dagen", .dagen, .getal(365), "declaratieregels ingediend binnen zoveel dagen vóór de peildatum"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let marge = w.dagen("marge_dagen"), vanaf = c.peildatum - w.dagen("terugkijken_dagen")
        var uit: [Signaal] = []
        for (nummer, regels) in c.declaratiesPerToewijzing {
            guard let t = c.toewijzingPerNummer[nummer], regels.contains(where: { $0.ingediendOp >= vanaf }) else { continue }
            let begin = t.ingangsdatum - marge, einde = t.einddatum.map { $0 + marge }
            var bedrag = Euro.nul, dagen = 0, aantal = 0
            var eerste: Dag? = nil, laatste: Dag? = nil
            regels.elk { d in
                guard Toewijzingscontrole.gebrek(d, c) == nil else { return }
                let totaal = d.einddatum - d.begindatum + 1
                guard totaal > 0 else { return }
                // days of the line before the allowed start and after the allowed end
                var buiten: [(Dag, Dag)] = []
                if d.begindatum < begin { buiten.append((d.begindatum, min(d.einddatum, begin - 1))) }
                if let einde, d.einddatum > einde { buiten.append((max(d.begindatum, einde + 1), d.einddatum)) }
                guard !buiten.isEmpty else { return }
                let n = buiten.map { $0.1 - $0.0 + 1 }.reduce(0, +)
                bedrag += d.kosten.maal(Int64(n), gedeeldDoor: Int64(totaal))
                if d.debetCredit == .debet { dagen += n; aantal += 1 }
                for (a, b) in buiten { eerste = min(eerste ?? a, a); laatste = max(laatste ?? b, b) }
            }
            guard bedrag.centen > 0, let eerste, let laatste else { continue }
            let periode = "\(Tekst.dag(t.ingangsdatum)) t/m \(t.einddatum.map(Tekst.dag) ?? "open")"
            uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, t.gemeentecode, t.client, t.toewijzingnummer),
                               gemeentecode: t.gemeentecode, client: t.client, agb: t.agb,
                               perceel: c.perceel(t.productcategorie, t.productcode, jaar: t.ingangsdatum.jaar)?.code,
                               bedrag: bedrag, van: eerste, tot: laatste, peildag: regels.map(\.ingediendOp).max()!,
                               toelichting: "\(Tekst.meervoud(aantal, "declaratieregel", "declaratieregels")) van \(c.aanbiederNaam(t.agb)) "
                                + "met \(dagen) zorgdagen buiten toewijzing \(t.toewijzingnummer) (\(periode)"
                                + (marge > 0 ? ", marge \(marge) dagen" : "") + "): \(Tekst.dag(eerste)) t/m \(Tekst.dag(laatste)), \(Tekst.euro(bedrag))."))
        }
        return (uit, vanaf)
    }
}

/// DECL-DUBBEL: the same care declared twice: same client, product and (overlapping) period at two providers, or
/// by one provider more than once without a credit.
public struct DeclaratieDubbel: Signaalregel {
    public init() {}
    public let code = "DECL-DUBBEL"
    public let omschrijving = "Dubbele declaratie: zelfde cliënt, product en periode bij twee aanbieders (of twee keer bij één, zonder creditering)"
    public let parameters = [
        Regelparameter("terugkijken_dagen", .dagen, .getal(365), "declaratieregels ingediend binnen zoveel dagen vóór de peildatum"),
    ]

    /// One declared service after credits: provider, product, period, how many times it stands, what it costs.
    struct Prestatie {
        let gemeente: String, agb: String, product: String, van: Dag, tot: Dag
        var keer = 0, kosten = Euro.nul, ingediend: Dag
        var dagen: Int { tot - van + 1 }

        mutating func voegToe(_ d: Declaratieregel) {
            keer += d.debetCredit == .debet ? 1 : -1
            kosten += d.kosten
            ingediend = max(ingediend, d.ingediendOp)
        }
    }

    struct Bevinding {
        var gemeente: String, agbs: [String], product: String, van: Dag, tot: Dag, bedrag = Euro.nul, dagen = 0,
            keer = 0, ingediend: Dag, nieuw = false
    }

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let vanaf = c.peildatum - w.dagen("terugkijken_dagen")
        var uit: [Signaal] = []
        struct Sleutel: Hashable { let agb: String, categorie: String, code: String?, van: Dag, tot: Dag }
        // one table for every client, emptied but kept at its size (a new one per client grew by doubling)
        var prestaties: [Sleutel: Prestatie] = [:]
        for (client, regels) in c.declaratiesPerClient where regels.count > 1 {
            prestaties.removeAll(keepingCapacity: true)
            regels.elk { d in
                let k = Sleutel(agb: d.agb, categorie: d.productcategorie, code: d.productcode, van: d.begindatum, tot: d.einddatum)
                // in place, one lookup; the product's text made only for a new service
                prestaties[k, default: Prestatie(gemeente: d.gemeentecode, agb: d.agb, product: d.productcategorie + "/" + (d.productcode ?? ""),
                                                 van: d.begindatum, tot: d.einddatum, ingediend: d.ingediendOp)].voegToe(d)
            }
            let staand = prestaties.values.filter { $0.keer >= 1 && $0.kosten.centen > 0 }
            var bevindingen: [String: Bevinding] = [:]
            func voegToe(_ agbs: [String], _ a: Prestatie, _ b: Prestatie?, dagen: Int, van: Dag, tot: Dag, bedrag: Euro) {
                let later = b.map { $0.ingediend > a.ingediend ? $0 : a } ?? a
                let k = agbs.joined(separator: "|") + "|" + a.product
                var f = bevindingen[k] ?? Bevinding(gemeente: later.gemeente, agbs: agbs, product: a.product, van: van, tot: tot,
                                                    ingediend: later.ingediend)
                f.van = min(f.van, van); f.tot = max(f.tot, tot); f.bedrag += bedrag; f.dagen += dagen; f.keer += 1
                if later.ingediend >= f.ingediend { f.ingediend = later.ingediend; f.gemeente = later.gemeente }
                f.nieuw = f.nieuw || a.ingediend >= vanaf || (b?.ingediend ?? a.ingediend) >= vanaf
                bevindingen[k] = f
            }
            // one provider, the same service standing more than once
            for p in staand where p.keer >= 2 {
                voegToe([p.agb, p.agb], p, nil, dagen: p.dagen * (p.keer - 1), van: p.van, tot: p.tot,
                        bedrag: p.kosten.maal(Int64(p.keer - 1), gedeeldDoor: Int64(p.keer)))
            }
            // two providers, the same product on the same days: sweep per product over services sorted by start
            for (_, lijst) in Dictionary(grouping: staand, by: \.product) where lijst.count > 1 {
                let gesorteerd = lijst.sorted { ($0.van, $0.agb, $0.tot) < ($1.van, $1.agb, $1.tot) }
                var actief: [Prestatie] = []
                for p in gesorteerd {
                    actief.removeAll { $0.tot < p.van }
                    for q in actief where q.agb != p.agb {
                        let van = max(p.van, q.van), tot = min(p.tot, q.tot)
                        let dagen = tot - van + 1
                        // the later-filed one is the duplicate; its cost for the shared days
                        let later = p.ingediend > q.ingediend || (p.ingediend == q.ingediend && p.agb > q.agb) ? p : q
                        voegToe([p.agb, q.agb].sorted(), q, p, dagen: dagen, van: van, tot: tot,
                                bedrag: later.kosten.maal(Int64(dagen), gedeeldDoor: Int64(later.dagen)))
                    }
                    actief.append(p)
                }
            }
            for f in bevindingen.values where f.nieuw {
                let delen = f.product.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                let product = Tekst.product(delen[0], delen[1].isEmpty ? nil : delen[1])
                let wie = f.agbs[0] == f.agbs[1]
                    ? "twee keer door \(c.aanbiederNaam(f.agbs[0])) zonder creditering"
                    : "door twee aanbieders: \(c.aanbiederNaam(f.agbs[0])) en \(c.aanbiederNaam(f.agbs[1]))"
                uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, f.gemeente, client, f.product, f.agbs[0], f.agbs[1]),
                                   gemeentecode: f.gemeente, client: client, agb: f.agbs[1],
                                   perceel: c.perceel(delen[0], delen[1].isEmpty ? nil : delen[1], jaar: f.van.jaar)?.code,
                                   bedrag: f.bedrag, van: f.van, tot: f.tot, peildag: f.ingediend,
                                   toelichting: "Product \(product) \(wie); \(Tekst.meervoud(f.dagen, "dag", "dagen")) dubbel tussen "
                                    + "\(Tekst.dag(f.van)) en \(Tekst.dag(f.tot)) (\(Tekst.meervoud(f.keer, "overlap", "overlappen"))), "
                                    + "\(Tekst.euro(f.bedrag)) te veel."))
            }
        }
        return (uit, vanaf)
    }
}
