import RegioCore

/// The standard table of monitoring figures per group, the same columns as `regiomonitor cijfers`, with the council's
/// cells hidden as the year's `Raadsplan` says (`Raadsrijen`).
enum Kengetaltabel {
    struct Opties {
        var budget = true
        var perInwoner = false
        var verplichting = true
    }

    static func maak(id: String, titel: String, rijen r: Raadsrijen, totaal: Kengetallen?, sleutel: (naam: String, kop: String),
                     opties: Opties = Opties(), link: ((Kengetallen) -> String?)? = nil) -> WebTabel {
        let rijen = r.rijen
        var kolommen: [Tabel.Kolom] = [.init(sleutel.naam, sleutel.kop, .links), .init("naam", "Naam", .links),
                                       .init("unieke_clienten", "Cliënten")]
        if opties.verplichting {
            kolommen += [.init("toewijzingen", "Toewijzingen"), .init("verplichting", "Verplichting")]
        }
        kolommen.append(.init("gedeclareerd", "Gedeclareerd"))
        if opties.verplichting { kolommen.append(.init("uitnutting", "Uitnutting")) }
        kolommen.append(.init("kosten_per_client", "Per cliënt"))
        if opties.perInwoner { kolommen += [.init("kosten_per_jeugdige", "Per jeugdige"), .init("kosten_per_inwoner", "Per inwoner")] }
        if opties.budget { kolommen += [.init("budget", "Budget"), .init("realisatie", "Realisatie"), .init("verschil", "Verschil")] }
        var t = Tabel(kolommen: kolommen)
        func cellen(_ r: Kengetallen, _ s: Onderdrukking.Status) -> [Tabel.Cel] {
            let leeg = Tabel.Cel("", machine: "")
            let verborgen = s.isVerborgen
            var c: [Tabel.Cel] = [Tabel.Cel(r.groep), Tabel.Cel(r.naam)]
            // a negative count: a row whose unique clients are not known (hidden providers together)
            c.append(verborgen ? Tabel.Cel(s.merk, machine: "") : r.clientenTekst.map { Tabel.Cel($0, machine: "") }
                     ?? (r.clienten < 0 ? leeg : .aantal(r.clienten)))
            if opties.verplichting {
                c += verborgen ? [leeg, leeg] : [.aantal(r.toewijzingen), .euro(r.verplichting)]
            }
            c.append(verborgen ? leeg : .euro(r.gedeclareerd))
            if opties.verplichting { c.append(verborgen ? leeg : .procent(r.uitnutting)) }
            c.append(verborgen ? leeg : .euro(r.kostenPerClient))
            if opties.perInwoner { c += verborgen ? [leeg, leeg] : [.euro(r.kostenPerJeugdige), .euro(r.kostenPerInwoner)] }
            if opties.budget {
                c.append(.euro(r.budget))
                c.append(verborgen ? leeg : .procent(r.realisatie))
                c.append(verborgen || r.budget == nil ? leeg : .euro(r.gedeclareerd - (r.budget ?? .nul)))
            }
            return c
        }
        t.rijen = rijen.indices.map { cellen(rijen[$0], r.status[$0]) }
        if let totaal { t.voet = [cellen(totaal, r.totaal)] }
        var w = WebTabel(id: id, titel: titel, tabel: t)
        // cost against budget answers the page's question; commitment, utilisation and per inhabitant come with "meer kolommen"
        if opties.budget {
            w.kern = [sleutel.naam, "naam", "unieke_clienten", "gedeclareerd", "kosten_per_client", "budget", "realisatie", "verschil"]
        }
        if let link { w.koppelingen[1] = rijen.map { $0.groep == "overig" ? nil : link($0) } }
        if opties.budget {
            w.rijklassen = rijen.enumerated().map { i, rij in
                guard !r.status[i].isVerborgen, let b = rij.budget, b > .nul else { return nil }
                return rij.gedeclareerd > b ? "boven" : nil
            }
        }
        var noten: [String] = []
        if r.status.contains(where: \.isVerborgen) || r.totaal.isVerborgen { noten.append(Onderdrukking.toelichting) }
        if opties.budget && w.rijklassen.contains(where: { $0 != nil }) { noten.append("Rood: gedeclareerd boven budget.") }
        w.toelichting = noten.joined(separator: " ")
        return w
    }
}
