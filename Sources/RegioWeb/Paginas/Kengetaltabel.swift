import RegioCore

/// The standard table of monitoring figures per group, the same columns as `regiomonitor cijfers`, with small
/// numbers suppressed for councils.
enum Kengetaltabel {
    struct Opties {
        var budget = true
        var perInwoner = false
        var verplichting = true
    }

    static func maak(id: String, titel: String, rijen: [Kengetallen], totaal: Kengetallen?, sleutel: (naam: String, kop: String),
                     rol: Rol, opties: Opties = Opties(), link: ((Kengetallen) -> String?)? = nil) -> WebTabel {
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
        let onderdrukt = rol.onderdruktKleineAantallen ? Onderdrukking.rijen(clienten: rijen.map(\.clienten)) : []

        func cellen(_ r: Kengetallen, verborgen: Bool) -> [Tabel.Cel] {
            let leeg = Tabel.Cel("", machine: "")
            var c: [Tabel.Cel] = [Tabel.Cel(r.groep), Tabel.Cel(r.naam)]
            c.append(verborgen ? Tabel.Cel("<\(Onderdrukking.grens)", machine: "") : .aantal(r.clienten))
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
                c.append(verborgen ? leeg : .euro(r.budget.map { r.gedeclareerd - $0 }))
            }
            return c
        }
        t.rijen = rijen.enumerated().map { cellen($1, verborgen: onderdrukt.contains($0)) }
        if let totaal { t.voet = [cellen(totaal, verborgen: false)] }
        var w = WebTabel(id: id, titel: titel, tabel: t)
        if let link { w.koppelingen[1] = rijen.map(link) }
        if opties.budget {
            w.rijklassen = rijen.enumerated().map { i, r in
                guard !onderdrukt.contains(i), let b = r.budget, b > .nul else { return nil }
                return r.gedeclareerd > b ? "boven" : nil
            }
        }
        var noten: [String] = []
        if !onderdrukt.isEmpty {
            noten.append("Groepen met minder dan \(Onderdrukking.grens) cliënten zijn onderdrukt (en zo nodig één extra groep, zodat het totaal ze niet verraadt).")
        }
        if opties.budget && w.rijklassen.contains(where: { $0 != nil }) { noten.append("Rood: gedeclareerd boven budget.") }
        w.toelichting = noten.joined(separator: " ")
        return w
    }
}
