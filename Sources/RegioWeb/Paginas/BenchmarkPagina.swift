import RegioCore

/// The municipalities side by side: cost per youth, per inhabitant and per client, reach, and who refers.
enum BenchmarkPagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let k = try v.bron.kengetallen(jaar: jaar, per: .gemeente)
        var p = Pagina(titel: "Benchmark gemeenten \(jaar)", ondertitel: "Kosten per jeugdige (0-17), per inwoner en per cliënt, bereik en verwijzers.")
        p.voeg(.html(Keuze.formulier("/benchmark", [try Keuze.jaar(v, jaar)])))
        let regio = k.totaal
        let regioPerJeugdige = regio.kostenPerJeugdige?.alsDouble
        p.voeg(.grafiek(titel: "Kosten per jeugdige per gemeente; de zwarte streep is het regiogemiddelde",
                        svg: Grafiek.balken(titel: "Kosten per jeugdige", items: k.groepen.map { ($0.naam, $0.kostenPerJeugdige?.alsDouble ?? 0, regioPerJeugdige) },
                                            eenheid: .euro)))

        var t = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links), .init("inwoners", "Inwoners"),
                                 .init("jeugdigen", "Jeugdigen"), .init("unieke_clienten", "Cliënten"),
                                 .init("clienten_per_1000_jeugdigen", "Per 1.000 jeugdigen"), .init("gedeclareerd", "Gedeclareerd"),
                                 .init("kosten_per_jeugdige", "Per jeugdige"), .init("index_per_jeugdige", "Index (regio = 100)"),
                                 .init("kosten_per_inwoner", "Per inwoner"), .init("kosten_per_client", "Per cliënt")])
        let onderdrukt = v.rol.onderdruktKleineAantallen ? Onderdrukking.rijen(clienten: k.groepen.map(\.clienten)) : []
        func rij(_ r: Kengetallen, weg: Bool) -> [Tabel.Cel] {
            let bereik = r.jeugdigen.flatMap { $0 > 0 ? Double(r.clienten) * 1000 / Double($0) : nil }
            let index = r.kostenPerJeugdige.flatMap { e in regioPerJeugdige.map { e.alsDouble / $0 * 100 } }
            let leeg = Tabel.Cel("", machine: "")
            return [Tabel.Cel(r.groep), Tabel.Cel(r.naam), .aantal(r.inwoners.map(Int.init)), .aantal(r.jeugdigen.map(Int.init)),
                    weg ? Tabel.Cel("<\(Onderdrukking.grens)", machine: "") : .aantal(r.clienten),
                    weg ? leeg : bereik.map { Tabel.Cel(Tabel.decimaal($0, 1).replacing(".", with: ","), machine: Tabel.decimaal($0, 2), getal: true) } ?? leeg,
                    weg ? leeg : .euro(r.gedeclareerd), weg ? leeg : .euro(r.kostenPerJeugdige),
                    weg ? leeg : index.map { Tabel.Cel(Tabel.decimaal($0, 0), machine: Tabel.decimaal($0, 1), getal: true) } ?? leeg,
                    weg ? leeg : .euro(r.kostenPerInwoner), weg ? leeg : .euro(r.kostenPerClient)]
        }
        t.rijen = k.groepen.enumerated().map { rij($1, weg: onderdrukt.contains($0)) }
        t.voet = [rij(regio, weg: false)]
        var w = WebTabel(id: "benchmark", titel: "Kosten en bereik per gemeente", tabel: t)
        w.koppelingen[1] = k.groepen.map { Html.link("/gemeente/\($0.groep)", [("jaar", String(jaar))]) }
        w.rijklassen = k.groepen.map { r in
            guard let a = r.kostenPerJeugdige?.alsDouble, let b = regioPerJeugdige, b > 0 else { return nil }
            return a > b * 1.1 ? "boven" : nil
        }
        w.toelichting = "Index: kosten per jeugdige ten opzichte van de regio. Rood: meer dan 10% boven het regiogemiddelde."
        p.voeg(.tabel(w))

        p.voeg(.kop("Verwijzers"))
        let typen = Verwijzer.allCases.map(\.rawValue) + ["onbekend"]
        let namen = Verwijzer.allCases.map(\.omschrijving) + ["Onbekend"]
        var mix: [[Int]] = []
        for g in k.groepen {
            let per = try v.bron.kengetallen(jaar: jaar, per: .verwijzer, Cijferbron.Selectie(gemeente: g.groep))
            mix.append(typen.map { ty in per.groepen.first { $0.groep == ty }?.clienten ?? 0 })
        }
        let mixTotaal = try v.bron.kengetallen(jaar: jaar, per: .verwijzer)
        let regioMix = typen.map { ty in mixTotaal.groepen.first { $0.groep == ty }?.clienten ?? 0 }
        p.voeg(.grafiek(titel: "Verwijzersmix: aandeel cliënten per type verwijzer (een cliënt met verwijzingen van twee typen telt bij beide)",
                        svg: Grafiek.gestapeld(titel: "Verwijzersmix per gemeente", labels: k.groepen.map(\.naam) + ["Regio"], categorieen: namen,
                                               aandelen: (mix + [regioMix]).map { $0.map(Double.init) })))
        var m = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links)]
                      + zip(typen, namen).map { Tabel.Kolom("aandeel_\($0.0)", $0.1) })
        for (i, g) in (k.groepen + [regio]).enumerated() {
            let aantallen = i < mix.count ? mix[i] : regioMix
            let som = max(aantallen.reduce(0, +), 1)
            m.rijen.append([Tabel.Cel(g.groep), Tabel.Cel(g.naam)] + aantallen.map { n in
                v.rol.onderdruktKleineAantallen && Onderdrukking.moet(n) ? Tabel.Cel("<\(Onderdrukking.grens)", machine: "")
                    : .procent(Double(n) / Double(som))
            })
        }
        var mw = WebTabel(id: "verwijzersmix", titel: "Verwijzersmix (aandeel cliënten)", tabel: m)
        mw.toelichting = "Percentages van de som van cliënten per verwijzertype binnen de gemeente."
            + (v.rol.onderdruktKleineAantallen ? " Cellen met minder dan \(Onderdrukking.grens) cliënten zijn onderdrukt." : "")
        p.voeg(.tabel(mw))
        return p
    }
}
