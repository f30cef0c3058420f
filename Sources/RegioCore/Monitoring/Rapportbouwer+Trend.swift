extension Rapportbouwer {
    static let blauw = "#1f5f8b", grijs = "#b3b3b3", oranje = "#d9822b", lichtblauw = "#8fb3cc"

    /// Months whose declarations are probably still incomplete on the valuation date (`Maand.isVoorlopig`).
    func isVoorlopig(_ m: Maand) -> Bool { m.isVoorlopig(op: p) }

    func trend() -> Maandrapport.Onderdeel {
        let nuM = Monitoring.kengetallen(g, van: van, tot: tot, per: .maand, selectie: selectie, peildatum: p)
        let vjM = Monitoring.kengetallen(g, van: vjVan, tot: Dag.laatsteVan(jaar: maand.jaar - 1), per: .maand,
                                         selectie: selectie, peildatum: p)
        let planM = Monitoring.kengetallen(g, van: van, tot: jaareinde, per: .maand, selectie: selectie, peildatum: p)
        let n = nuM.groepen
        // money by the plan's months; clients per month (not additive) hidden with the month or when small themselves
        let geld = (rijen: n.map { cel(maand: Maand.parse($0.groep)) }, totaal: cel())
        let clienten = zip(n.map(\.clienten), geld.rijen).map { c, s in s.isVerborgen ? s : status(c) }
        let instroom = kolom(n.map(\.instroom), totaal: nuM.totaal.instroom)
        let uitstroom = kolom(n.map(\.uitstroom), totaal: nuM.totaal.uitstroom)
        let bestand = kolom(n.map(\.inZorgEinde), optelbaar: false)
        let vjGeld = (rijen: vjM.groepen.map { vorigeCel(maand: Maand.parse($0.groep)) }, totaal: vorigeCel())
        let planGeld = (rijen: eigenKolom(planM.groepen.map(\.clienten), plan: geld.rijen), totaal: cel())

        var t = Tabel(kolommen: [
            .init("maand", "Maand", .links), .init("unieke_clienten", "Cliënten"), .init("instroom", "Instroom"),
            .init("uitstroom", "Uitstroom"), .init("in_zorg_einde", "In zorg eind maand"), .init("verplichting", "Verplichting"),
            .init("gedeclareerd", "Gedeclareerd"), .init("uitnutting", "Uitnutting"),
        ])
        func rij(_ k: Kengetallen, naam: String, sc: Onderdrukking.Status, si: Onderdrukking.Status, su: Onderdrukking.Status,
                 sb: Onderdrukking.Status, sg: Onderdrukking.Status) -> [Tabel.Cel] {
            [Tabel.Cel(naam, machine: k.groep), Rapportbouwer.cel(.clienten(k), sc), Rapportbouwer.cel(.aantal(k.instroom), si),
             Rapportbouwer.cel(.aantal(k.uitstroom), su), Rapportbouwer.cel(.aantal(k.inZorgEinde), sb),
             Rapportbouwer.cel(.euro(k.verplichting), sg), Rapportbouwer.cel(.euro(k.gedeclareerd), sg),
             Rapportbouwer.cel(.procent(k.uitnutting), sg)]
        }
        for (i, k) in n.enumerated() {
            let m = Maand.parse(k.groep)!
            t.rijen.append(rij(k, naam: m.naam + (isVoorlopig(m) ? " *" : ""), sc: clienten[i], si: instroom.rijen[i],
                               su: uitstroom.rijen[i], sb: bestand[i], sg: geld.rijen[i]))
        }
        let tt = nuM.totaal
        t.voet = [rij(tt, naam: "T/m \(maand.naam)", sc: cel(), si: instroom.totaal, su: uitstroom.totaal,
                      sb: status(tt.inZorgEinde), sg: geld.totaal)]

        let labels = (1...12).map { Maand(jaar: maand.jaar, maand: $0).afkorting }
        func reeks(_ r: [Kengetallen], _ tot: Int, _ waarde: (Kengetallen) -> Double) -> [Double?] {
            (0..<12).map { $0 < r.count && $0 < tot ? waarde(r[$0]) : nil }
        }
        let voorlopig = Set((0..<maand.maand).filter { isVoorlopig(Maand(jaar: maand.jaar, maand: $0 + 1)) })
        let kosten = Grafiek(titel: "Gedeclareerde kosten per maand", labels: labels, reeksen: [
            .init(naam: "\(maand.jaar - 1)", kleur: Rapportbouwer.grijs, waarden: reeks(vjM.groepen, 12) { $0.gedeclareerd.alsDouble },
                  status: vjGeld.rijen),
            .init(naam: "\(maand.jaar)", kleur: Rapportbouwer.blauw, waarden: reeks(n, maand.maand) { $0.gedeclareerd.alsDouble },
                  voorlopig: voorlopig, status: geld.rijen),
            .init(naam: "Verplichting \(maand.jaar)", kleur: Rapportbouwer.oranje, vorm: .lijn,
                  waarden: reeks(planM.groepen, 12) { $0.verplichting.alsDouble }, status: planGeld.rijen),
        ], eenheid: .euro)
        let perMaand = Grafiek(titel: "Unieke cliënten per maand", labels: labels, reeksen: [
            .init(naam: "\(maand.jaar - 1)", kleur: Rapportbouwer.grijs, vorm: .lijn, waarden: reeks(vjM.groepen, 12) { Double($0.clienten) },
                  status: zip(vjM.groepen.map(\.clienten), vjGeld.rijen).map { c, s in s.isVerborgen ? s : status(c) }),
            .init(naam: "\(maand.jaar)", kleur: Rapportbouwer.blauw, vorm: .lijn, waarden: reeks(n, maand.maand) { Double($0.clienten) },
                  status: clienten),
        ], eenheid: .aantal)
        var noten = ["Kosten per maand van de zorg (naar zorgperiode), niet naar ontvangstdatum van de declaratie. "
            + "\(maand.jaar - 1) zoals nu bekend. Instroom en uitstroom van het totaal tellen elke cliënt één keer."]
        if !voorlopig.isEmpty {
            noten.append("* Nog niet compleet: declaraties over deze maanden komen tot maanden later binnen; lichter getekend in de grafiek.")
        }
        return .init(naam: "trend_per_maand", titel: "Kosten en cliënten per maand", inleiding: [],
                     grafieken: [kosten, perMaand], grafiekSoort: [.kolommen, .kolommen], tabel: t, noten: noten)
    }

    // MARK: referrers

    func verwijzers() -> Maandrapport.Onderdeel {
        let gem = Monitoring.kengetallen(g, van: van, tot: tot, per: .verwijzer, selectie: selectie, peildatum: p)
        let reg = Monitoring.kengetallen(g, van: van, tot: tot, per: .verwijzer, selectie: Selectie(), peildatum: p)
        let sleutels = Verwijzer.allCases.map(\.rawValue) + [Verwijzer.onbekendeSleutel]
        let gm = Dictionary(gem.groepen.map { ($0.groep, $0) }, uniquingKeysWith: { a, _ in a })
        let rm = Dictionary(reg.groepen.map { ($0.groep, $0) }, uniquingKeysWith: { a, _ in a })
        let rijen = raad ? plan?.verwijzers ?? [] : sleutels.filter { gm[$0] != nil || rm[$0] != nil }
        let leeg = Kengetallen(groep: "", naam: "")
        let a = rijen.map { gm[$0] ?? leeg }, r = rijen.map { rm[$0] ?? leeg }
        let geld = (rijen: rijen.map { cel(verwijzer: $0) }, totaal: cel())
        let regioGeld = (rijen: rijen.map { cel(verwijzer: $0, regio: true) }, totaal: cel(regio: true))
        let clienten = geld.rijen
        func naam(_ k: String) -> String { Verwijzer(rawValue: k)?.omschrijving ?? "Onbekend / geen toewijzing" }
        var t = Tabel(kolommen: [
            .init("verwijzer_type", "Verwijzer", .links), .init("unieke_clienten", "Cliënten"), .init("gedeclareerd", "Gedeclareerd"),
            .init("aandeel", "Aandeel \(gemeente.naam)"), .init("aandeel_regio", "Aandeel regio"),
        ])
        func aandeel(_ x: Euro, _ totaal: Euro) -> Double? { totaal.centen > 0 ? Double(x.centen) / Double(totaal.centen) : nil }
        for (i, k) in rijen.enumerated() {
            t.rijen.append([Tabel.Cel(naam(k), machine: k), Rapportbouwer.cel(.clienten(a[i]), clienten[i]),
                            Rapportbouwer.cel(.euro(a[i].gedeclareerd), geld.rijen[i]),
                            Rapportbouwer.cel(.procent(aandeel(a[i].gedeclareerd, gem.totaal.gedeclareerd)), geld.rijen[i]),
                            Rapportbouwer.cel(.procent(aandeel(r[i].gedeclareerd, reg.totaal.gedeclareerd)), regioGeld.rijen[i])])
        }
        let tg = gem.totaal, tr = reg.totaal
        t.voet = [[Tabel.Cel("Totaal", machine: "totaal"), Rapportbouwer.cel(.clienten(tg), cel()),
                   Rapportbouwer.cel(.euro(tg.gedeclareerd), geld.totaal),
                   Rapportbouwer.cel(.procent(tg.gedeclareerd.centen > 0 ? 1 : nil), geld.totaal),
                   Rapportbouwer.cel(.procent(tr.gedeclareerd.centen > 0 ? 1 : nil), regioGeld.totaal)]]
        let grafiek = Grafiek(titel: "Aandeel in de kosten per verwijzer", labels: rijen.map(naam), reeksen: [
            .init(naam: gemeente.naam, kleur: Rapportbouwer.blauw, waarden: a.map { aandeel($0.gedeclareerd, tg.gedeclareerd) },
                  status: geld.rijen),
            .init(naam: "Regio", kleur: Rapportbouwer.grijs, waarden: r.map { aandeel($0.gedeclareerd, tr.gedeclareerd) },
                  status: regioGeld.rijen),
        ], eenheid: .procent)
        return .init(naam: "verwijzers", titel: "Verwijzers", inleiding: [
            "Wie verwees naar de zorg waarvoor \(periodeTekst) \(maand.jaar) is gedeclareerd: het verwijzertype op de toewijzing. "
                + "De gemeente stuurt direct op de verwijzingen van het wijkteam; op die van huisartsen, jeugdartsen en GI alleen via afspraken.",
        ], grafieken: [grafiek], grafiekSoort: [.liggend], tabel: t, noten: [])
    }

    // MARK: the region

    func vergelijking() -> Maandrapport.Onderdeel {
        let rijen = regio.groepen
        let geld = regioStatus
        let clienten = geld.rijen
        let gemiddeld = geld.totaal.isVerborgen ? nil : regio.totaal.kostenPerJeugdige
        var t = Tabel(kolommen: [
            .init("gemeentecode", "Gemeente", .links), .init("unieke_clienten", "Cliënten"), .init("gedeclareerd", "Gedeclareerd"),
            .init("kosten_per_jeugdige", "Per jeugdige"), .init("kosten_per_inwoner", "Per inwoner"),
            .init("verschil_met_regio", "Per jeugdige t.o.v. regio"),
        ])
        func verschil(_ k: Kengetallen) -> Tabel.Cel {
            guard let a = k.kostenPerJeugdige, let b = gemiddeld, b.centen > 0 else { return Tabel.Cel("", machine: "") }
            let x = Double(a.centen - b.centen) / Double(b.centen)
            return Tabel.Cel(Rapportbouwer.procentMetTeken(x), machine: Tabel.decimaal(x, 4), getal: true)
        }
        func cellen(_ k: Kengetallen, _ naam: String, _ sc: Onderdrukking.Status, _ sg: Onderdrukking.Status) -> [Tabel.Cel] {
            [Tabel.Cel(naam, machine: k.groep), Rapportbouwer.cel(.clienten(k), sc), Rapportbouwer.cel(.euro(k.gedeclareerd), sg),
             Rapportbouwer.cel(.euro(k.kostenPerJeugdige), sg), Rapportbouwer.cel(.euro(k.kostenPerInwoner), sg),
             Rapportbouwer.cel(verschil(k), sg)]
        }
        for (i, k) in rijen.enumerated() {
            t.rijen.append(cellen(k, k.naam + (k.groep == gemeente.code ? " ◀" : ""), clienten[i], geld.rijen[i]))
        }
        t.voet = [cellen(regio.totaal, "Regio", geld.totaal, geld.totaal)]
        let grafiek = Grafiek(titel: "Kosten per jeugdige (0-17) \(periodeTekst) \(maand.jaar)", labels: rijen.map(\.naam), reeksen: [
            .init(naam: "Kosten per jeugdige", kleur: Rapportbouwer.lichtblauw, waarden: rijen.map { $0.kostenPerJeugdige?.alsDouble },
                  status: geld.rijen),
        ], eenheid: .euro, nadruk: rijen.firstIndex { $0.groep == gemeente.code },
           referentie: gemiddeld.map { ($0.alsDouble, "regio " + $0.heleEuros) })
        return .init(naam: "vergelijking_regio", titel: "\(gemeente.naam) in de regio", inleiding: [
            "Kosten per jeugdige van 0 tot en met 17 jaar en per inwoner, \(periodeTekst) \(maand.jaar), zoals bekend op \(p.nederlands). "
                + "Het regiogemiddelde is de regio als geheel: alle kosten gedeeld door alle jeugdigen.",
        ], grafieken: [grafiek], grafiekSoort: [.liggend], tabel: t, noten: [])
    }
}
