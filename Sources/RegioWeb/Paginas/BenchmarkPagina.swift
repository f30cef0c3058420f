import RegioCore
import RegioWeergave

/// The municipalities side by side: cost per youth, per inhabitant and per client, reach, and who refers.
enum BenchmarkPagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let k = try v.bron.kengetallen(jaar: jaar, per: .gemeente)
        var p = Pagina(titel: "Benchmark gemeenten \(jaar)", ondertitel: "Kosten per jeugdige (0-17), per inwoner en per cliënt, bereik en verwijzers.")
        p.voeg(.html(Keuze.formulier("/benchmark", [try Keuze.jaar(v, jaar)])))
        let regio = k.totaal
        let rijen = try Raadsrijen.voor(v, k, jaar: jaar, codes: \.gemeenten, status: { $0.status(gemeente: $1) }, totaal: { $0.status() })
        let regioPerJeugdige = rijen.totaal.isVerborgen ? nil : regio.kostenPerJeugdige?.alsDouble
        p.voeg(.grafiek(titel: "Kosten per jeugdige per gemeente; de zwarte streep is het regiogemiddelde, rood is meer dan 10% erboven (zoals in de tabel)",
                        svg: Paginagrafiek.balken(titel: "Kosten per jeugdige", items: rijen.rijen.indices.map { i in
                            (rijen.rijen[i].naam, rijen.status[i].isVerborgen ? nil : rijen.rijen[i].kostenPerJeugdige?.alsDouble ?? 0, regioPerJeugdige)
                        }, eenheid: .euro, marge: 0.10)))

        var t = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links), .init("inwoners", "Inwoners"),
                                 .init("jeugdigen", "Jeugdigen"), .init("unieke_clienten", "Cliënten"),
                                 .init("clienten_per_1000_jeugdigen", "Per 1.000 jeugdigen"), .init("gedeclareerd", "Gedeclareerd"),
                                 .init("kosten_per_jeugdige", "Per jeugdige"), .init("index_per_jeugdige", "Index (regio = 100)"),
                                 .init("kosten_per_inwoner", "Per inwoner"), .init("kosten_per_client", "Per cliënt")])
        func rij(_ r: Kengetallen, _ s: Onderdrukking.Status) -> [Tabel.Cel] {
            let weg = s.isVerborgen
            let bereik = r.jeugdigen.flatMap { $0 > 0 ? Double(r.clienten) * 1000 / Double($0) : nil }
            let index = r.kostenPerJeugdige.flatMap { e in regioPerJeugdige.map { e.alsDouble / $0 * 100 } }
            let leeg = Tabel.Cel("", machine: "")
            return [Tabel.Cel(r.groep), Tabel.Cel(r.naam), .aantal(r.inwoners.map(Int.init)), .aantal(r.jeugdigen.map(Int.init)),
                    weg ? Tabel.Cel(s.merk, machine: "") : .aantal(r.clienten),
                    weg ? leeg : bereik.map { Tabel.Cel(Tabel.decimaal($0, 1).replacing(".", with: ","), machine: Tabel.decimaal($0, 2), getal: true) } ?? leeg,
                    weg ? leeg : .euro(r.gedeclareerd), weg ? leeg : .euro(r.kostenPerJeugdige),
                    weg ? leeg : index.map { Tabel.Cel(Tabel.decimaal($0, 0), machine: Tabel.decimaal($0, 1), getal: true) } ?? leeg,
                    weg ? leeg : .euro(r.kostenPerInwoner), weg ? leeg : .euro(r.kostenPerClient)]
        }
        t.rijen = rijen.rijen.indices.map { rij(rijen.rijen[$0], rijen.status[$0]) }
        t.voet = [rij(regio, rijen.totaal)]
        var w = WebTabel(id: "benchmark", titel: "Kosten en bereik per gemeente", tabel: t)
        w.kern = ["gemeentecode", "naam", "unieke_clienten", "clienten_per_1000_jeugdigen", "kosten_per_jeugdige", "index_per_jeugdige", "kosten_per_client"]
        w.koppelingen[1] = rijen.rijen.map { Webhtml.link("/gemeente/\($0.groep)", [("jaar", String(jaar))]) }
        w.rijklassen = rijen.rijen.indices.map { i in
            guard !rijen.status[i].isVerborgen, let a = rijen.rijen[i].kostenPerJeugdige?.alsDouble, let b = regioPerJeugdige, b > 0 else { return nil }
            return a > b * 1.1 ? "boven" : nil
        }
        w.toelichting = "Index: kosten per jeugdige ten opzichte van de regio. Rood: meer dan 10% boven het regiogemiddelde."
            + (rijen.status.contains(where: \.isVerborgen) ? " " + Onderdrukking.toelichting : "")
        p.voeg(.tabel(w))

        p.voeg(.kop("Verwijzers"))
        let typen = Verwijzer.allCases.map(\.rawValue) + ["onbekend"]
        let namen = Verwijzer.allCases.map(\.omschrijving) + ["Onbekend"]
        var mix: [[Int]] = []
        for g in rijen.rijen {
            let per = try v.bron.kengetallen(jaar: jaar, per: .verwijzer, Cijferbron.Cijferselectie(gemeente: g.groep))
            mix.append(typen.map { ty in per.groepen.first { $0.groep == ty }?.clienten ?? 0 })
        }
        let mixTotaal = try v.bron.kengetallen(jaar: jaar, per: .verwijzer)
        let regioMix = typen.map { ty in mixTotaal.groepen.first { $0.groep == ty }?.clienten ?? 0 }
        // the council's cells by the plan (the municipality x referrer table); a chart of shares with hidden ones would
        // show them as what is left, so the council gets the table only
        let plan = v.rol.onderdruktKleineAantallen ? try v.bron.raadsplan(jaar: jaar) : nil
        func status(_ g: String?, _ ty: String) -> Onderdrukking.Status {
            guard let plan else { return .zichtbaar }
            return plan.status(gemeente: g, verwijzer: ty)
        }
        if plan == nil {
            p.voeg(.grafiek(titel: "Verwijzersmix: aandeel cliënten per type verwijzer (een cliënt met verwijzingen van twee typen telt bij beide)",
                            svg: Paginagrafiek.gestapeld(titel: "Verwijzersmix per gemeente", labels: rijen.rijen.map(\.naam) + ["Regio"], categorieen: namen,
                                                   aandelen: (mix + [regioMix]).map { $0.map(Double.init) })))
        }
        var m = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links)]
                      + zip(typen, namen).map { Tabel.Kolom("aandeel_\($0.0)", $0.1) })
        var verborgen = false
        for (i, g) in (rijen.rijen + [regio]).enumerated() {
            let aantallen = i < mix.count ? mix[i] : regioMix
            let som = max(aantallen.reduce(0, +), 1)
            m.rijen.append([Tabel.Cel(g.groep), Tabel.Cel(g.naam)] + zip(typen, aantallen).map { ty, n in
                let s = status(i < mix.count ? g.groep : nil, ty)
                verborgen = verborgen || s.isVerborgen
                return s.isVerborgen ? Tabel.Cel(s.merk, machine: "") : .procent(Double(n) / Double(som))
            })
        }
        var mw = WebTabel(id: "verwijzersmix", titel: "Verwijzersmix (aandeel cliënten)", tabel: m)
        mw.toelichting = "Percentages van de som van cliënten per verwijzertype binnen de gemeente."
            + (verborgen ? " " + Onderdrukking.toelichting : "")
        p.voeg(.tabel(mw))
        return p
    }
}
