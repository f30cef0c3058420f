import RegioCore
import RegioWeergave

/// The providers: cost, clients, utilisation and cost per client, optionally within one lot; per provider its lots
/// and municipalities.
enum AanbiedersPagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let ref = try v.bron.referentie()
        let perceel = v["perceel"].flatMap { ref.percelen[$0] }
        let k = try v.bron.kengetallen(jaar: jaar, per: .aanbieder, Cijferbron.Cijferselectie(perceel: perceel?.code))
        var p = Pagina(titel: "Aanbieders \(jaar)" + (perceel.map { " — \($0.naam)" } ?? ""),
                       ondertitel: "Per aanbieder de gedeclareerde kosten, de uitnutting van de verplichting en de kosten per cliënt.")
        let opties = [("", "alle percelen")] + ref.percelen.values.sorted { $0.code < $1.code }.map { ($0.code, $0.naam) }
        p.voeg(.html(Keuze.formulier("/aanbieders", [try Keuze.jaar(v, jaar), Keuze.lijst("perceel", "Perceel", opties, gekozen: perceel?.code)])))
        let code = perceel?.code
        let rijen = try Raadsrijen.voor(v, k, jaar: jaar, codes: \.aanbieders, status: { $0.status(perceel: code, aanbieder: $1) },
                                        totaal: { $0.status(perceel: code) })
            .gesorteerd { $0.gedeclareerd > $1.gedeclareerd }.samengevoegd(totaal: k.totaal, naam: "Overige aanbieders")
        let top = rijen.zichtbareRijen.filter { $0.groep != "overig" }.prefix(15)
        p.voeg(.grafiek(titel: "De 15 aanbieders met de hoogste kosten",
                        svg: Paginagrafiek.balken(titel: "Gedeclareerd per aanbieder", items: top.map { ($0.naam, $0.gedeclareerd.alsDouble, nil) },
                                            eenheid: .euro)))
        var o = Kengetaltabel.Opties(); o.budget = false
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_aanbieder", titel: "Per aanbieder (hoogste kosten eerst)", rijen: rijen, totaal: k.totaal,
                                         sleutel: ("agb", "AGB"), opties: o,
                                         link: { Webhtml.link("/aanbieders/\($0.groep)", [("jaar", String(jaar))]) })))
        return p
    }

    static func detail(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let ref = try v.bron.referentie()
        guard let agb = v["agb"], let aanbieder = ref.aanbieders[agb] else { throw Paginafout.nietGevonden("onbekende aanbieder '\(v["agb"] ?? "")'") }
        let s = Cijferbron.Cijferselectie(aanbieder: agb)
        let percelen = try v.bron.kengetallen(jaar: jaar, per: .perceel, s)
        var p = Pagina(titel: "\(aanbieder.naam) \(jaar)", ondertitel: "AGB \(agb).")
        p.voeg(.html(Keuze.formulier("/aanbieders/\(agb)", [try Keuze.jaar(v, jaar)])))
        let perceelrijen = try Raadsrijen.voor(v, percelen, jaar: jaar, codes: \.percelen, status: { $0.status(perceel: $1, aanbieder: agb) },
                                               totaal: { $0.status(aanbieder: agb) })
        p.voeg(.tegels(Tegels.standaard(percelen.totaal, status: perceelrijen.totaal)))
        var o = Kengetaltabel.Opties(); o.budget = false
        guard !v.rol.onderdruktKleineAantallen else {
            p.voeg(.tabel(Kengetaltabel.maak(id: "per_perceel", titel: "Per perceel", rijen: perceelrijen, totaal: percelen.totaal,
                                             sleutel: ("perceel", "Perceel"), opties: o)))
            p.voeg(.melding("Per maand en per gemeente staat een aanbieder niet in de raadsversie: daarin zitten te veel kleine aantallen.",
                            soort: .info))
            return p
        }
        let maanden = try Raadsrijen.maanden(v, try v.bron.maandreeks(jaar: jaar, s), jaar: jaar) { _, _ in .zichtbaar }
        p.voeg(.grafiek(titel: "Gedeclareerd per maand, \(aanbieder.naam)", svg: Maandgrafiek.svg(maanden, budget: nil, jaar: jaar, stand: try v.bron.laatsteDag())))
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_perceel", titel: "Per perceel", rijen: perceelrijen, totaal: percelen.totaal,
                                         sleutel: ("perceel", "Perceel"), opties: o)))
        let gemeenten = try v.bron.kengetallen(jaar: jaar, per: .gemeente, s)
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_gemeente", titel: "Per gemeente", rijen: .zichtbaar(gemeenten.groepen), totaal: gemeenten.totaal,
                                         sleutel: ("gemeentecode", "Code"), opties: o)))
        p.voeg(.tabel(Maandtabel.maak(maanden, budget: nil, stand: try v.bron.laatsteDag())))
        return p
    }
}
