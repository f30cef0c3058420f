import RegioCore
import RegioStore

/// The year-end forecast per municipality or lot with its 80% interval against the budget, from the data known on a
/// valuation date (default: the last day with data). Aggregates only, so every role sees it.
enum PrognosePagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let per = Jaarprognose.Groepering(rawValue: v["per"] ?? "gemeente") ?? .gemeente
        let methode = Prognosemethode(rawValue: v["methode"] ?? "bf") ?? .bf
        let g = try v.bron.gegevens()
        let laatste = try v.bron.laatsteDag()
        let peil: Dag
        let raad = v.rol.onderdruktKleineAantallen
        if raad {
            // a council sees the figures as they stand now, like every other page: the same year as known on two dates
            // differs by the declarations of a few clients
            peil = laatste ?? Dag.laatsteVan(jaar: jaar)
        } else if let t = v["peildatum"] {
            guard let d = Dag.parse(t) else { throw Paginafout.ongeldig("ongeldige peildatum '\(t)' (DD-MM-JJJJ)") }
            peil = d
        } else {
            peil = min(laatste ?? Dag.laatsteVan(jaar: jaar), Dag.laatsteVan(jaar: jaar))
        }
        var pagina = Pagina(titel: "Prognose \(jaar)", ondertitel: "Verwachte kosten aan het eind van het jaar uit wat op \(peil.nederlands) bekend was; methode \(methode.naam), 80%-interval.")
        pagina.voeg(.html(Keuze.formulier("/prognose", [
            try Keuze.jaar(v, jaar),
        ] + (raad ? [] : [Keuze.tekst("peildatum", "Peildatum", waarde: v["peildatum"] ?? peil.nederlands, breedte: 10)]) + [
            Keuze.lijst("per", "Per", [("gemeente", "gemeente"), ("perceel", "perceel"), ("regio", "regio")], gekozen: per.rawValue),
            Keuze.lijst("methode", "Methode", Prognosemethode.allCases.map { ($0.rawValue, $0.naam) }, gekozen: methode.rawValue),
        ])))
        let p: Jaarprognose
        // a figure, not only part of the page: the page is cached per query, and `?jaar=` of the default year is the
        // same forecast as no query (which the start computes in the background)
        let uitkomst = try v.bron.prognose(jaar: jaar, per: per, peil: peil, methode: methode)
        switch uitkomst {
        case .success(let x): p = x
        case .failure(let error):
            // a chosen date gets an error; the default date (the last day with data) gets the page with the reason,
            // so another date or year can be chosen there
            guard v["peildatum"] == nil else { throw Paginafout.ongeldig("Geen prognose mogelijk: \(error.reden)") }
            pagina.voeg(.melding("Geen prognose mogelijk op \(peil.nederlands): \(error.reden). Kies een andere peildatum of een ander jaar.",
                                 soort: .waarschuwing))
            return pagina
        }
        let t = p.totaal
        let prognose = t.prognose[methode] ?? .nul
        var tegels = [Tegel(label: "Gedeclareerd tot nu", waarde: t.gedeclareerd.heleEuros),
                      Tegel(label: "Prognose", waarde: prognose.heleEuros, toelichting: "80%: \(t.ondergrens.heleEuros) – \(t.bovengrens.heleEuros)")]
        if let b = t.budget {
            let verschil = prognose - b
            tegels.append(Tegel(label: "Budget", waarde: b.heleEuros,
                                toelichting: g.budgetversieTekst(jaar: jaar, op: peil).map { "versie \($0)" } ?? ""))
            tegels.append(Tegel(label: verschil > .nul ? "Verwacht tekort" : "Verwacht overschot", waarde: (verschil > .nul ? verschil : .nul - verschil).heleEuros,
                                toelichting: t.ondergrens > b ? "ook de ondergrens ligt boven het budget" : "", soort: verschil > .nul ? .fout : .goed))
        }
        pagina.voeg(.tegels(tegels))
        var namen = Dictionary(g.gemeenten.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
        for perceel in g.percelen { namen[perceel.code] = perceel.naam }
        var tabel = p.tabel(namen: namen)
        var status = (p.groepen + [p.totaal]).map { _ in Onderdrukking.Status.zichtbaar }
        if raad {
            let plan = try v.bron.raadsplan(jaar: jaar)
            func cel(_ groep: String) -> Onderdrukking.Status {
                switch per {
                case .gemeente: plan.status(gemeente: groep)
                case .perceel: plan.status(perceel: groep)
                case .regio: plan.status()
                }
            }
            status = p.groepen.map { cel($0.groep) } + [plan.status()]
            // every municipality or lot of the plan is a row, also one without data (an empty one looks like a small one)
            let codes = per == .gemeente ? plan.gemeenten : per == .perceel ? plan.percelen : []
            let aanwezig = Set(p.groepen.map(\.groep))
            for c in codes where !aanwezig.contains(c) {
                tabel.rijen.insert([Tabel.Cel(c), Tabel.Cel(namen[c] ?? c)] + tabel.kolommen.dropFirst(2).map { _ in Tabel.Cel("", machine: "") },
                                   at: tabel.rijen.count - 1)
                status.insert(cel(c), at: status.count - 1)
            }
            let budget = tabel.kolommen.firstIndex { $0.naam == "budget" }
            for i in tabel.rijen.indices where status[i].isVerborgen {
                tabel.rijen[i] = tabel.rijen[i].enumerated().map { k, c in k < 2 || k == budget ? c : Onderdrukking.cel(c, status[i]) }
            }
        }
        var w = WebTabel(id: "prognose", titel: "Prognose per \(per.rawValue)", tabel: tabel)
        // the chosen method against the budget; the other methods with "meer kolommen"
        w.kern = ["groep", "naam", "gedeclareerd", "prognose", "ondergrens_80", "bovengrens_80", "budget", "verwachte_overschrijding"]
        let rijen = p.groepen + [p.totaal]
        w.rijklassen = tabel.rijen.indices.map { i in
            guard !status[i].isVerborgen, let gp = rijen.first(where: { $0.groep == tabel.rijen[i][0].machine }) ?? (i == tabel.rijen.count - 1 ? p.totaal : nil),
                  let b = gp.budget, let x = gp.prognose[methode] else { return nil }
            return x > b ? "boven" : nil
        }
        w.toelichting = "Rood: prognose boven budget. Uitnutting vorig jaar \(Tabel.procentTekst(p.uitnutting)); verplichting verhoogd met factor \(Tabel.decimaal(p.terugwerkendeFactor, 3).replacing(".", with: ",")) voor terugwerkende toewijzingen. Formules: docs/prognose.md."
        pagina.voeg(.tabel(w))
        return pagina
    }
}
