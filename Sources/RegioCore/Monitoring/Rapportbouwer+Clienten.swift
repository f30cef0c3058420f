/// One client's cost within a period, with what the report shows about it.
public struct Clientkosten: Sendable, Equatable {
    public var client: ClientID
    public var kosten: Euro
    public var percelen: [String]
    public var aanbieders: Int
    public var verwijzers: [Verwijzer?]
    /// Start of the care spell running at the end of the period (or the last one before it).
    public var inZorgSinds: Dag?
    public var lopendeToewijzingen: Int
}

extension Monitoring {
    /// Declared cost per client within [van, tot] for a selection, by the same rules as `kengetallen` (non-rejected lines,
    /// debit minus credit, by service period), most expensive first; the amounts add up to the selection's total.
    public static func kostenPerClient(_ g: Gegevens, van: Dag, tot: Dag, selectie: Selectie) -> [Clientkosten] {
        let ref = Referentiekaart(g)
        let kaart = Productkaart(ref, jaar: van.jaar)
        let toewijzingPerNummer = Dictionary(g.toewijzingen.map { ($0.toewijzingnummer, $0) }, uniquingKeysWith: { a, _ in a })
        struct Opbouw { var kosten = Euro.nul; var percelen = Set<String>(); var aanbieders = Set<String>(); var verwijzers = Set<String>() }
        var per: [ClientID: Opbouw] = [:]
        func gekozen(_ gemeente: String, _ perceel: String) -> Bool {
            (selectie.gemeente == nil || selectie.gemeente == gemeente) && (selectie.perceel == nil || selectie.perceel == perceel)
        }
        for d in g.declaraties where d.status != .afgewezen && d.einddatum >= van && d.begindatum <= tot {
            let perceel = kaart.perceel(d.productcategorie, d.productcode)?.code ?? ""
            guard gekozen(d.gemeentecode, perceel) else { continue }
            per[d.client, default: Opbouw()].kosten += d.kosten(van: van, tot: tot)
            per[d.client, default: Opbouw()].percelen.insert(perceel.isEmpty ? "?" : perceel)
            per[d.client, default: Opbouw()].aanbieders.insert(d.agb)
            per[d.client, default: Opbouw()].verwijzers.insert(toewijzingPerNummer[d.toewijzingnummer]?.verwijzer?.rawValue ?? "")
        }
        var periodes: [ClientID: [Periode]] = [:]
        var lopend: [ClientID: Int] = [:]
        for t in g.toewijzingen where !t.isVerwijderd && per[t.client] != nil {
            let perceel = kaart.perceel(t.productcategorie, t.productcode)?.code ?? ""
            guard gekozen(t.gemeentecode, perceel) else { continue }
            periodes[t.client, default: []].append(t.periode)
            if t.periode.bevat(tot) { lopend[t.client, default: 0] += 1 }
        }
        let spells = Zorgperiodes(periodes)
        return per.map { client, o in
            let sinds = spells.perClient[client]?.last { $0.van <= tot }?.van
            return Clientkosten(client: client, kosten: o.kosten, percelen: o.percelen.sorted(), aanbieders: o.aanbieders.count,
                                verwijzers: o.verwijzers.sorted().map { Verwijzer(rawValue: $0) }, inZorgSinds: sinds,
                                lopendeToewijzingen: lopend[client] ?? 0)
        }.sorted { $0.kosten != $1.kosten ? $0.kosten > $1.kosten : $0.client < $1.client }
    }
}

extension Rapportbouwer {
    /// The ten most expensive clients by pseudonym: internal version only, never built for the council.
    func duursteClienten() -> Maandrapport.Onderdeel {
        precondition(!raad, "client rows are never part of the council version")
        let alle = Monitoring.kostenPerClient(g.bekendOp(p), van: van, tot: tot, selectie: selectie)
        let top = Array(alle.prefix(10))
        var t = Tabel(kolommen: [
            .init("rang", "#"), .init("pseudoniem", "Pseudoniem", .links), .init("gedeclareerd", "Gedeclareerd"),
            .init("percelen", "Percelen", .links), .init("aanbieders", "Aanbieders"), .init("verwijzer_type", "Verwijzer", .links),
            .init("in_zorg_sinds", "In zorg sinds"), .init("lopende_toewijzingen", "Lopende toew."),
        ])
        for (i, c) in top.enumerated() {
            let verwijzers = c.verwijzers.map { $0?.omschrijving ?? "onbekend" }
            t.rijen.append([.aantal(i + 1), Tabel.Cel(c.client), .euro(c.kosten), Tabel.Cel(c.percelen.joined(separator: ", ")),
                            .aantal(c.aanbieders), Tabel.Cel(verwijzers.joined(separator: ", "), machine: c.verwijzers.map { $0?.rawValue ?? "" }.joined(separator: " ")),
                            Tabel.Cel(c.inZorgSinds?.nederlands ?? "", machine: c.inZorgSinds?.description ?? ""),
                            .aantal(c.lopendeToewijzingen)])
        }
        let som = top.map(\.kosten).som()
        let aandeel = Rapportbouwer.procentVan(som, nu.gedeclareerd)
        t.voet = [[Tabel.Cel(""), Tabel.Cel("Top \(top.count) samen", machine: "top"), .euro(som),
                   Tabel.Cel(aandeel.map { Opmaak.procent($0) + " van het totaal" } ?? "", machine: aandeel.map { Tabel.decimaal($0, 4) } ?? ""),
                   Tabel.Cel(""), Tabel.Cel(""), Tabel.Cel(""), Tabel.Cel("")]]
        return .init(naam: "duurste_clienten", titel: "De tien duurste cliënten (intern)", inleiding: [
            "Gedeclareerd \(periodeTekst) \(maand.jaar), per cliënt (pseudoniem; de zorgadministratie kan het herleiden). "
                + "Alleen in de interne versie; de raadsversie bevat geen cliëntgegevens.",
        ], grafieken: [], grafiekSoort: [], tabel: t, noten: [])
    }

    // MARK: summary and notes

    func kernpunten() -> [String] {
        var uit: [String] = []
        let zichtbaar = !cel().isVerborgen
        guard zichtbaar else {
            return ["De cijfers van \(gemeente.naam) over \(periodeTekst) \(maand.jaar) staan niet in de raadsversie: ze zouden kleine aantallen verraden."]
        }
        var zin = "T/m \(maand.naam) is \(nu.gedeclareerd.heleEuros) gedeclareerd voor \(Tabel.groepeer(nu.clienten)) unieke cliënten"
        if !vorigePeriode.isVerborgen, let x = Rapportbouwer.procentVan(nu.gedeclareerd - vorigJaar.gedeclareerd, vorigJaar.gedeclareerd) {
            // the council version compares with last year as known now (a second stand of last year would differ from the
            // dashboard by a few clients): the recent months of this year are then not yet complete, and it says so
            zin += raad && pVorigJaar >= p
                ? " (\(Rapportbouwer.procentMetTeken(x)) aan kosten t.o.v. dezelfde periode in \(maand.jaar - 1) zoals nu bekend; de laatste maanden van \(maand.jaar) zijn nog niet compleet)"
                : " (\(Rapportbouwer.procentMetTeken(x)) aan kosten t.o.v. dezelfde periode in \(maand.jaar - 1), bij gelijke stand)"
        }
        uit.append(zin + ".")
        if let b = perceelJaar.totaal.budget, b.centen > 0 {
            let r = Double(nu.gedeclareerd.centen) / Double(b.centen)
            let v = Double(perceelJaar.totaal.verplichting.centen) / Double(b.centen)
            uit.append("Van het budget \(maand.jaar) (\(b.heleEuros)) is \(Opmaak.procent(r, decimalen: 0)) gedeclareerd na \(maand.maand) van de 12 maanden; "
                + "de toegewezen zorg voor heel \(maand.jaar) is \(Opmaak.procent(v, decimalen: 0)) van het budget.")
            if let w = verwachting {
                let verwacht = w.prognose[.bf] ?? w.gedeclareerd, verschil = verwacht - b
                var zin = "Verwachte uitkomst \(maand.jaar): \(verwacht.heleEuros) (80%: \(w.ondergrens.heleEuros) – \(w.bovengrens.heleEuros)) tegen een budget van \(b.heleEuros)"
                if let versie = g.budgetversieTekst(jaar: maand.jaar, op: p, gemeente: gemeente.code) { zin += ", versie \(versie)" }
                zin += verschil > .nul ? ": verwacht tekort \(verschil.heleEuros)" : ": verwacht overschot \((.nul - verschil).heleEuros)"
                if w.ondergrens > b { zin += "; ook de ondergrens ligt boven het budget" }
                uit.append(zin + ".")
            }
        }
        if let a = nu.kostenPerJeugdige, !regioStatus.totaal.isVerborgen, let r = regio.totaal.kostenPerJeugdige, r.centen > 0 {
            let x = Double(a.centen - r.centen) / Double(r.centen)
            let richting = x >= 0 ? "hoger" : "lager"
            uit.append("Kosten per jeugdige: \(a.heleEuros), \(Opmaak.procent(abs(x), decimalen: 0)) \(richting) dan het regiogemiddelde (\(r.heleEuros)).")
        }
        let instroom = status(nu.instroom).isVerborgen ? Onderdrukking.kleinTekst : Tabel.groepeer(nu.instroom)
        let uitstroom = status(nu.uitstroom).isVerborgen ? Onderdrukking.kleinTekst : Tabel.groepeer(nu.uitstroom)
        let bestand = status(nu.inZorgEinde).isVerborgen ? Onderdrukking.kleinTekst : Tabel.groepeer(nu.inZorgEinde)
        uit.append("\(instroom) nieuwe cliënten, bij \(uitstroom) cliënten eindigde de zorg; eind \(Maand.namen[maand.maand - 1]) waren \(bestand) cliënten in zorg.")
        return uit
    }

    func voetnoten() -> [String] {
        var v = [
            "Stand: toewijzingen geregistreerd en declaraties ingediend tot en met \(p.nederlands). Vorig jaar: "
                + (raad ? "zoals nu bekend." : "zoals bekend op \(pVorigJaar.nederlands)."),
            "Cliënten zijn unieke cliënten: een kind met meer producten, aanbieders of percelen telt één keer; cliënten tellen daarom niet op.",
            "Gedeclareerd: debet min credit, afgewezen regels niet, toegerekend aan de maanden van de zorgperiode. Verplichting: toegewezen volume maal tarief, of het budget van de toewijzing, naar rato van de dagen.",
            "Instroom: een zorgperiode begint (meer dan 31 dagen na de vorige zorg); uitstroom: de zorg eindigt zonder vervolg binnen 31 dagen.",
            "Definities: docs/definities.md (Regiomonitor Jeugdhulp).",
        ]
        if raad {
            v.append("Raadsversie: geen cliëntgegevens. " + Onderdrukking.toelichting + " De onderdrukking is dezelfde als in het dashboard voor de raad.")
        } else {
            v.append("Interne versie: bevat gegevens op cliëntniveau (pseudoniemen). Niet verspreiden buiten de gemeente.")
        }
        return v
    }
}
