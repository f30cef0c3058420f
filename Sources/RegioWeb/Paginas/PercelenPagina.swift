import RegioCore
import RegioWeergave

/// The lots (percelen): cost against budget per lot; per lot its municipalities and providers.
enum PercelenPagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let k = try v.bron.kengetallen(jaar: jaar, per: .perceel)
        let ref = try v.bron.referentie()
        let rijen = try Raadsrijen.voor(v, k, jaar: jaar, codes: \.percelen, status: { $0.status(perceel: $1) }, totaal: { $0.status() })
        var p = Pagina(titel: "Percelen \(jaar)", ondertitel: "Kosten, cliënten en uitnutting per perceel, tegen het budget van de gemeenten samen.")
        p.voeg(.html(Keuze.formulier("/percelen", [try Keuze.jaar(v, jaar)])))
        p.voeg(.grafiek(titel: "Gedeclareerd per perceel; de zwarte streep is het budget, rood is erboven",
                        svg: Paginagrafiek.balken(titel: "Gedeclareerd per perceel", items: Paginagrafiek.items(rijen),
                                            eenheid: .euro)))
        var t = Kengetaltabel.maak(id: "per_perceel", titel: "Per perceel", rijen: rijen, totaal: k.totaal,
                                   sleutel: ("perceel", "Perceel"),
                                   link: { Webhtml.link("/percelen/\($0.groep)", [("jaar", String(jaar))]) })
        // which lots are pooled (verevend) matters for the equalization
        t.tabel.kolommen.insert(.init("verevend", "Verevend", .links), at: 2)
        t.tabel.kolommen.insert(.init("segment", "Segment", .links), at: 2)
        let regels = try v.bron.vereveningsregels()
        for i in t.tabel.rijen.indices {
            let perceel = ref.percelen[rijen.rijen[i].groep]
            t.tabel.rijen[i].insert(Tabel.Cel(perceel.map { regels.tekst(jaar: jaar, perceel: $0.code) } ?? ""), at: 2)
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
        let s = Cijferbron.Cijferselectie(perceel: perceel.code)
        let regelsTekst = try v.bron.vereveningsregels().tekst(jaar: jaar, perceel: perceel.code)
        let gemeenten = try v.bron.kengetallen(jaar: jaar, per: .gemeente, s)
        let gemeenterijen = try Raadsrijen.voor(v, gemeenten, jaar: jaar, codes: \.gemeenten, status: { $0.status(gemeente: $1, perceel: code) },
                                                totaal: { $0.status(perceel: code) })
        var p = Pagina(titel: "\(perceel.naam) \(jaar)",
                       ondertitel: "Perceel \(perceel.code), segment \(perceel.segment), "
                           + ["ja": "verevend", "nee": "niet verevend", "per product": "per product verevend"][regelsTekst, default: "voor \(regelsTekst) verevend"]
                           + (perceel.bekostiging.map { ", bekostiging \($0.rawValue)" } ?? "") + ".")
        p.voeg(.html(Keuze.formulier("/percelen/\(perceel.code)", [try Keuze.jaar(v, jaar)])))
        let verwachting = try v.bron.verwachting(jaar: jaar, per: .perceel)
        var mijn = verwachting?.groepen.first { $0.groep == perceel.code }
        if mijn != nil { mijn!.budget = gemeenten.totaal.budget }
        p.voeg(.tegels(Tegels.metVerwachting(gemeenten.totaal, status: gemeenterijen.totaal, verwachting: mijn, peil: verwachting?.peildatum,
                                             versie: try v.bron.gegevens().budgetversieTekst(jaar: jaar, op: verwachting?.peildatum))))
        let maanden = try Raadsrijen.maanden(v, try v.bron.maandreeks(jaar: jaar, s), jaar: jaar) { $0.status(perceel: code, maand: $1) }
        p.voeg(.grafiek(titel: "Gedeclareerd per maand, \(perceel.naam)", svg: Maandgrafiek.svg(maanden, budget: gemeenten.totaal.budget, jaar: jaar, stand: try v.bron.laatsteDag())))
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_gemeente", titel: "Per gemeente", rijen: gemeenterijen, totaal: gemeenten.totaal,
                                         sleutel: ("gemeentecode", "Code"),
                                         link: { Webhtml.link("/gemeente/\($0.groep)", [("jaar", String(jaar))]) })))
        let aanbieders = try v.bron.kengetallen(jaar: jaar, per: .aanbieder, s)
        let aanbiederrijen = try Raadsrijen.voor(v, aanbieders, jaar: jaar, codes: \.aanbieders,
                                                 status: { $0.status(perceel: code, aanbieder: $1) }, totaal: { $0.status(perceel: code) })
        let gesorteerd = aanbiederrijen.gesorteerd { $0.gedeclareerd > $1.gedeclareerd }.samengevoegd(totaal: aanbieders.totaal, naam: "Overige aanbieders")
        var o = Kengetaltabel.Opties(); o.budget = false
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_aanbieder", titel: "Aanbieders in dit perceel (hoogste kosten eerst)",
                                         rijen: gesorteerd, totaal: aanbieders.totaal,
                                         sleutel: ("agb", "AGB"), opties: o,
                                         link: { Webhtml.link("/aanbieders/\($0.groep)", [("jaar", String(jaar))]) })))
        p.voeg(.tabel(Maandtabel.maak(maanden, budget: gemeenten.totaal.budget, stand: try v.bron.laatsteDag())))
        return p
    }
}
