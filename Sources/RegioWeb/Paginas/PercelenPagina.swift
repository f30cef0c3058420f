import RegioCore

/// The lots (percelen): cost against budget per lot; per lot its municipalities and providers.
enum PercelenPagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let k = try v.bron.kengetallen(jaar: jaar, per: .perceel)
        let ref = try v.bron.referentie()
        var p = Pagina(titel: "Percelen \(jaar)", ondertitel: "Kosten, cliënten en uitnutting per perceel, tegen het budget van de gemeenten samen.")
        p.voeg(.html(Keuze.formulier("/percelen", [try Keuze.jaar(v, jaar)])))
        p.voeg(.grafiek(titel: "Gedeclareerd per perceel; de zwarte streep is het budget",
                        svg: Grafiek.balken(titel: "Gedeclareerd per perceel", items: k.groepen.map { ($0.naam, $0.gedeclareerd.alsDouble, $0.budget?.alsDouble) },
                                            eenheid: .euro)))
        var t = Kengetaltabel.maak(id: "per_perceel", titel: "Per perceel", rijen: k.groepen, totaal: k.totaal,
                                   sleutel: ("perceel", "Perceel"), rol: v.rol,
                                   link: { Html.link("/percelen/\($0.groep)", [("jaar", String(jaar))]) })
        // which lots are pooled (verevend) matters for the equalization
        t.tabel.kolommen.insert(.init("verevend", "Verevend", .links), at: 2)
        t.tabel.kolommen.insert(.init("segment", "Segment", .links), at: 2)
        for i in t.tabel.rijen.indices {
            let perceel = ref.percelen[k.groepen[i].groep]
            t.tabel.rijen[i].insert(Tabel.Cel(perceel.map { $0.verevend ? "ja" : "nee" } ?? ""), at: 2)
            t.tabel.rijen[i].insert(Tabel.Cel(perceel?.segment ?? ""), at: 2)
        }
        for i in t.tabel.voet.indices { t.tabel.voet[i].insert(contentsOf: [Tabel.Cel(""), Tabel.Cel("")], at: 2) }
        p.voeg(.tabel(t))
        return p
    }

    static func detail(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let ref = try v.bron.referentie()
        guard let code = v["code"], let perceel = ref.percelen[code] else { throw Paginafout.nietGevonden("onbekend perceel '\(v["code"] ?? "")'") }
        let s = Cijferbron.Selectie(perceel: perceel.code)
        let gemeenten = try v.bron.kengetallen(jaar: jaar, per: .gemeente, s)
        var p = Pagina(titel: "\(perceel.naam) \(jaar)",
                       ondertitel: "Perceel \(perceel.code), segment \(perceel.segment), \(perceel.verevend ? "verevend" : "niet verevend")"
                           + (perceel.bekostiging.map { ", bekostiging \($0.rawValue)" } ?? "") + ".")
        p.voeg(.html(Keuze.formulier("/percelen/\(perceel.code)", [try Keuze.jaar(v, jaar)])))
        p.voeg(.tegels(Tegels.standaard(gemeenten.totaal, rol: v.rol)))
        let maanden = try v.bron.maandreeks(jaar: jaar, s)
        p.voeg(.grafiek(titel: "Gedeclareerd per maand, \(perceel.naam)", svg: Maandgrafiek.svg(maanden, budget: gemeenten.totaal.budget, jaar: jaar, rol: v.rol)))
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_gemeente", titel: "Per gemeente", rijen: gemeenten.groepen, totaal: gemeenten.totaal,
                                         sleutel: ("gemeentecode", "Code"), rol: v.rol,
                                         link: { Html.link("/gemeente/\($0.groep)", [("jaar", String(jaar))]) })))
        let aanbieders = try v.bron.kengetallen(jaar: jaar, per: .aanbieder, s)
        var o = Kengetaltabel.Opties(); o.budget = false
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_aanbieder", titel: "Aanbieders in dit perceel (hoogste kosten eerst)",
                                         rijen: aanbieders.groepen.sorted { $0.gedeclareerd > $1.gedeclareerd }, totaal: aanbieders.totaal,
                                         sleutel: ("agb", "AGB"), rol: v.rol, opties: o,
                                         link: { Html.link("/aanbieders/\($0.groep)", [("jaar", String(jaar))]) })))
        p.voeg(.tabel(Maandtabel.maak(maanden, budget: gemeenten.totaal.budget, rol: v.rol)))
        return p
    }
}
