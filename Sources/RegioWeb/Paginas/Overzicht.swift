import RegioCore

/// The regional overview: cost and clients per month, per municipality and per lot, against budget.
enum Overzicht {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let regio = try v.bron.kengetallen(jaar: jaar, per: .gemeente)
        let percelen = try v.bron.kengetallen(jaar: jaar, per: .perceel)
        var p = Pagina(titel: "Regio-overzicht \(jaar)", ondertitel: "Kosten en cliënten van de regio per maand, gemeente en perceel, tegen het budget.")
        p.voeg(.html(Keuze.formulier("/", [try Keuze.jaar(v, jaar)])))

        let t = regio.totaal
        let boven = regio.groepen.filter { r in r.budget.map { r.gedeclareerd > $0 && $0 > .nul } ?? false }
        p.voeg(.tegels(Tegels.standaard(t, rol: v.rol) + [
            Tegel(label: "Gemeenten boven budget", waarde: "\(boven.count) van \(regio.groepen.count)",
                  toelichting: boven.map(\.naam).joined(separator: ", "), soort: boven.isEmpty ? .goed : .fout),
        ]))
        if !boven.isEmpty {
            var h = "<p class=\"melding fout\"><strong>Boven budget in \(jaar):</strong> "
            h += boven.sorted { ($0.realisatie ?? 0) > ($1.realisatie ?? 0) }.map { r in
                Html.a(Html.link("/gemeente/\(r.groep)", [("jaar", String(jaar))]), r.naam)
                    + " (\(Tabel.procentTekst(r.realisatie ?? 0)), \((r.gedeclareerd - (r.budget ?? .nul)).heleEuros) erboven)"
            }.joined(separator: ", ")
            h += ". Open een gemeente om te zien in welke percelen het geld zit en welke signalen openstaan.</p>"
            p.voeg(.html(h))
        }

        p.voeg(.kop("Per maand"))
        let maanden = try v.bron.maandreeks(jaar: jaar)
        p.voeg(.grafiek(titel: "Gedeclareerde kosten per maand (staven) en het maandbudget (1/12 van het jaarbudget, lijn), \(jaar)",
                        svg: Maandgrafiek.svg(maanden, budget: t.budget, jaar: jaar, rol: v.rol)))
        p.voeg(.tabel(Maandtabel.maak(maanden, budget: t.budget, rol: v.rol)))

        p.voeg(.kop("Per gemeente"))
        p.voeg(.grafiek(titel: "Gedeclareerd per gemeente; de zwarte streep is het budget, rood is erboven",
                        svg: Grafiek.balken(titel: "Gedeclareerd tegen budget per gemeente",
                                            items: regio.groepen.map { ($0.naam, $0.gedeclareerd.alsDouble, $0.budget?.alsDouble) },
                                            eenheid: .euro)))
        var o = Kengetaltabel.Opties(); o.perInwoner = true
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_gemeente", titel: "Per gemeente", rijen: regio.groepen, totaal: regio.totaal,
                                         sleutel: ("gemeentecode", "Code"), rol: v.rol, opties: o,
                                         link: { Html.link("/gemeente/\($0.groep)", [("jaar", String(jaar))]) })))

        p.voeg(.kop("Per perceel"))
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_perceel", titel: "Per perceel", rijen: percelen.groepen, totaal: percelen.totaal,
                                         sleutel: ("perceel", "Perceel"), rol: v.rol,
                                         link: { Html.link("/percelen/\($0.groep)", [("jaar", String(jaar))]) })))
        return p
    }
}

/// The key figures as tiles.
enum Tegels {
    static func standaard(_ t: Kengetallen, rol: Rol) -> [Tegel] {
        let klein = rol.onderdruktKleineAantallen && Onderdrukking.moet(t.clienten)
        var tegels = [Tegel(label: "Gedeclareerd", waarde: klein ? "—" : t.gedeclareerd.heleEuros,
                            toelichting: "verplichting \(klein ? "—" : t.verplichting.heleEuros)")]
        if let b = t.budget {
            let over = t.gedeclareerd > b
            tegels.append(Tegel(label: "Budget", waarde: b.heleEuros,
                                toelichting: over ? "\((t.gedeclareerd - b).heleEuros) overschreden" : "\((b - t.gedeclareerd).heleEuros) over",
                                soort: over ? .fout : .goed))
            tegels.append(Tegel(label: "Realisatie", waarde: klein ? "—" : t.realisatie.map(Tabel.procentTekst) ?? "—",
                                toelichting: "gedeclareerd / budget", soort: over ? .fout : nil))
        }
        tegels.append(Tegel(label: "Unieke cliënten", waarde: klein ? "<\(Onderdrukking.grens)" : Tabel.groepeer(t.clienten),
                            toelichting: "\(Tabel.groepeer(t.toewijzingen)) toewijzingen"))
        tegels.append(Tegel(label: "Kosten per cliënt", waarde: klein ? "—" : t.kostenPerClient?.heleEuros ?? "—",
                            toelichting: t.uitnutting.map { "uitnutting \(Tabel.procentTekst($0))" } ?? ""))
        return tegels
    }
}

/// Cost per month as bars with the monthly budget as a line.
enum Maandgrafiek {
    static func svg(_ maanden: [(maand: Maand, k: Kengetallen)], budget: Euro?, jaar: Int,
                    vorigJaar: [(maand: Maand, k: Kengetallen)]? = nil, rol: Rol) -> String {
        // a bar is as telling as a number: councils get no bar for a month with a handful of clients
        func waarden(_ r: [(maand: Maand, k: Kengetallen)]) -> [Double] {
            let weg = rol.onderdruktKleineAantallen ? Onderdrukking.rijen(clienten: r.map(\.k.clienten)) : []
            return r.enumerated().map { weg.contains($0.offset) ? 0 : $0.element.k.gedeclareerd.alsDouble }
        }
        var lijnen: [Grafiek.Reeks] = []
        if let budget {
            lijnen.append(Grafiek.Reeks(naam: "maandbudget", waarden: Array(repeating: budget.alsDouble / 12, count: 12), kleur: "#b3261e"))
        }
        if let vorigJaar {
            lijnen.append(Grafiek.Reeks(naam: "\(jaar - 1)", waarden: waarden(vorigJaar), kleur: "#e07b00"))
        }
        return Grafiek.kolommen(titel: "Gedeclareerde kosten per maand \(jaar)", labels: maanden.map { String(Maand.namen[$0.maand.maand - 1].prefix(3)) },
                                staven: [Grafiek.Reeks(naam: "gedeclareerd \(jaar)", waarden: waarden(maanden), kleur: "#1f4e79")],
                                lijnen: lijnen, eenheid: .euro)
    }
}

/// Month, clients, cost, cumulative cost against the cumulative budget (1/12 a month).
enum Maandtabel {
    static func maak(_ maanden: [(maand: Maand, k: Kengetallen)], budget: Euro?, rol: Rol, id: String = "per_maand") -> WebTabel {
        var t = Tabel(kolommen: [.init("maand", "Maand", .links), .init("unieke_clienten", "Cliënten"),
                                 .init("toewijzingen", "Toewijzingen"), .init("gedeclareerd", "Gedeclareerd"),
                                 .init("gedeclareerd_cumulatief", "Cumulatief"), .init("budget_cumulatief", "Budget cumulatief"),
                                 .init("verschil_cumulatief", "Verschil")])
        let onderdrukt = rol.onderdruktKleineAantallen ? Onderdrukking.rijen(clienten: maanden.map(\.k.clienten)) : []
        let delen = budget.map { $0.verdeel(naar: Array(repeating: 1, count: 12)) }
        var cum = Euro.nul, cumBudget = Euro.nul
        var klassen: [String?] = []
        for (i, m) in maanden.enumerated() {
            cum += m.k.gedeclareerd
            if let delen { cumBudget += delen[i] }
            let weg = onderdrukt.contains(i)
            // a running total would give a hidden month away (difference with the month before): hidden from there on
            let cumWeg = onderdrukt.contains { $0 <= i }
            t.rijen.append([Tabel.Cel(m.maand.naam, machine: m.maand.description),
                            weg ? Tabel.Cel("<\(Onderdrukking.grens)", machine: "") : .aantal(m.k.clienten),
                            weg ? .aantal(nil) : .aantal(m.k.toewijzingen), weg ? .euro(nil) : .euro(m.k.gedeclareerd),
                            cumWeg ? .euro(nil) : .euro(cum), .euro(budget == nil ? nil : cumBudget),
                            cumWeg || budget == nil ? .euro(nil) : .euro(cum - cumBudget)])
            klassen.append(budget != nil && !cumWeg && cum > cumBudget ? "boven" : nil)
        }
        var w = WebTabel(id: id, titel: "Per maand", tabel: t)
        w.rijklassen = klassen
        w.toelichting = "Kosten naar de maand waarin de zorg is geleverd. Cliënten per maand zijn uniek binnen de maand; opgeteld over maanden tellen ze dubbel."
            + (klassen.contains { $0 != nil } ? " Rood: cumulatief boven het tijdsevenredige budget." : "")
        return w
    }
}
