import RegioCore
import RegioWeergave

/// The regional overview: cost and clients per month, per municipality and per lot, against budget.
enum Overzicht {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let regio = try v.bron.kengetallen(jaar: jaar, per: .gemeente)
        let percelen = try v.bron.kengetallen(jaar: jaar, per: .perceel)
        let gemeenten = try Raadsrijen.voor(v, regio, jaar: jaar, codes: \.gemeenten, status: { $0.status(gemeente: $1) },
                                            totaal: { $0.status() })
        let perPerceel = try Raadsrijen.voor(v, percelen, jaar: jaar, codes: \.percelen, status: { $0.status(perceel: $1) },
                                             totaal: { $0.status() })
        // the data date first: every figure below is as known then
        let stand = try v.bron.laatsteDag()
        var p = Pagina(titel: "Regio-overzicht \(jaar)", ondertitel: (stand.map { "Stand \($0.nederlands) (laatste ingediende declaratie). " } ?? "")
                       + "Kosten en cliënten van de regio per maand, gemeente en perceel, tegen het budget.")
        p.voeg(.html(Keuze.formulier("/", [try Keuze.jaar(v, jaar)])))

        let t = regio.totaal
        // "boven budget" is judged on the expected year outcome, not on what is declared so far (seed 001: a deficit
        // seen in October); without a forecast, on what is declared, and the tile says so
        let verwachting = try v.bron.verwachting(jaar: jaar, per: .gemeente)
        let peil = verwachting?.peildatum
        let perGemeente = Dictionary((verwachting?.groepen ?? []).map { ($0.groep, $0) }, uniquingKeysWith: { a, _ in a })
        let versie = try v.bron.gegevens().budgetversieTekst(jaar: jaar, op: peil)
        let boven: [(rij: Kengetallen, uitkomst: Euro, erboven: Euro)] = gemeenten.zichtbareRijen.compactMap { r in
            guard let b = r.budget, b > .nul else { return nil }
            let uitkomst = verwachting == nil ? r.gedeclareerd : (perGemeente[r.groep]?.verwacht ?? r.gedeclareerd)
            return uitkomst > b ? (r, uitkomst, uitkomst - b) : nil
        }.sorted { $0.erboven > $1.erboven }
        let regioVerwachting = verwachting.map { w in var x = w.totaal; x.budget = t.budget; return x }
        p.voeg(.tegels(Tegels.metVerwachting(t, status: gemeenten.totaal, verwachting: regioVerwachting, peil: peil, versie: versie) + [
            Tegel(label: verwachting == nil ? "Gemeenten boven budget" : "Gemeenten verwacht boven budget", waarde: "\(boven.count) van \(regio.groepen.count)",
                  toelichting: verwachting == nil ? "gedeclareerd tot nu" + (boven.isEmpty ? "" : ": " + boven.map(\.rij.naam).joined(separator: ", "))
                      : "volgens de prognose" + (boven.isEmpty ? "" : ": " + boven.map(\.rij.naam).joined(separator: ", ")),
                  soort: boven.isEmpty ? .goed : .fout),
        ]))
        if !boven.isEmpty {
            var h = "<p class=\"melding fout\"><strong>" + (verwachting == nil ? "Boven budget in \(jaar):" : "Verwacht boven budget in \(jaar)"
                + (peil.map { " (prognose op \($0.nederlands))" } ?? "") + ":") + "</strong> "
            h += boven.map { x in
                Webhtml.a(Webhtml.link("/gemeente/\(x.rij.groep)", [("jaar", String(jaar))]), x.rij.naam)
                    + " (" + (verwachting == nil ? "gedeclareerd " : "verwacht ") + "\(x.uitkomst.heleEuros), \(x.erboven.heleEuros) erboven)"
            }.joined(separator: ", ")
            h += ". Open een gemeente om te zien in welke percelen het geld zit en welke signalen openstaan.</p>"
            p.voeg(.html(h))
        }

        if let verwachting {
            p.voeg(.tabel(Verwachtingstabel.maak(gemeenten, verwachting: verwachting, totaal: regioVerwachting, jaar: jaar)))
        }

        p.voeg(.kop("Per maand"))
        let maanden = try Raadsrijen.maanden(v, try v.bron.maandreeks(jaar: jaar), jaar: jaar) { $0.status(maand: $1) }
        p.voeg(.grafiek(titel: "Gedeclareerde kosten per maand (staven) en het maandbudget (1/12 van het jaarbudget, lijn), \(jaar)",
                        svg: Maandgrafiek.svg(maanden, budget: t.budget, jaar: jaar, stand: try v.bron.laatsteDag())))
        p.voeg(.tabel(Maandtabel.maak(maanden, budget: t.budget, stand: try v.bron.laatsteDag())))

        p.voeg(.kop("Per gemeente"))
        p.voeg(.grafiek(titel: "Gedeclareerd per gemeente; de zwarte streep is het budget, rood is erboven",
                        svg: Paginagrafiek.balken(titel: "Gedeclareerd tegen budget per gemeente", items: Paginagrafiek.items(gemeenten),
                                            eenheid: .euro)))
        var o = Kengetaltabel.Opties(); o.perInwoner = true
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_gemeente", titel: "Per gemeente", rijen: gemeenten, totaal: regio.totaal,
                                         sleutel: ("gemeentecode", "Code"), opties: o,
                                         link: { Webhtml.link("/gemeente/\($0.groep)", [("jaar", String(jaar))]) })))

        p.voeg(.kop("Per perceel"))
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_perceel", titel: "Per perceel", rijen: perPerceel, totaal: percelen.totaal,
                                         sleutel: ("perceel", "Perceel"),
                                         link: { Webhtml.link("/percelen/\($0.groep)", [("jaar", String(jaar))]) })))
        return p
    }
}

/// The key figures as tiles; for a council a hidden total shows no figure.
enum Tegels {
    static func standaard(_ t: Kengetallen, status: Onderdrukking.Status) -> [Tegel] {
        let weg = status.isVerborgen
        var tegels = [Tegel(label: "Gedeclareerd", waarde: weg ? status.merk : t.gedeclareerd.heleEuros,
                            toelichting: "verplichting \(weg ? status.merk : t.verplichting.heleEuros)")]
        if let b = t.budget {
            let over = !weg && t.gedeclareerd > b
            tegels.append(Tegel(label: "Budget", waarde: b.heleEuros,
                                toelichting: weg ? "" : over ? "\((t.gedeclareerd - b).heleEuros) overschreden" : "\((b - t.gedeclareerd).heleEuros) over",
                                soort: weg ? nil : over ? .fout : .goed))
            tegels.append(Tegel(label: "Realisatie", waarde: weg ? status.merk : t.realisatie.map(Tabel.procentTekst) ?? "—",
                                toelichting: "gedeclareerd / budget", soort: over ? .fout : nil))
        }
        tegels.append(Tegel(label: "Unieke cliënten", waarde: weg ? status.merk : t.clientenTekst ?? Tabel.groepeer(t.clienten),
                            toelichting: weg ? "" : "\(Tabel.groepeer(t.toewijzingen)) toewijzingen"))
        tegels.append(Tegel(label: "Kosten per cliënt", waarde: weg ? status.merk : t.kostenPerClient?.heleEuros ?? "—",
                            toelichting: weg ? "" : t.uitnutting.map { "uitnutting \(Tabel.procentTekst($0))" } ?? ""))
        return tegels
    }
}

/// Cost per month as bars with the monthly budget as a line; a hidden month has no bar.
enum Maandgrafiek {
    typealias Reeks = (reeks: [(maand: Maand, k: Kengetallen)], status: [Onderdrukking.Status])

    /// `stand`: the last day with data; months not yet complete then are drawn lighter.
    static func svg(_ maanden: Reeks, budget: Euro?, jaar: Int, vorigJaar: Reeks? = nil, stand: Dag? = nil) -> String {
        func waarden(_ r: Reeks) -> [Double?] {
            var w = [Double?](repeating: nil, count: 12)
            for (i, m) in r.reeks.enumerated() where (1...12).contains(m.maand.maand) && !r.status[i].isVerborgen {
                w[m.maand.maand - 1] = m.k.gedeclareerd.alsDouble
            }
            return w
        }
        var lijnen: [Paginagrafiek.Reeks] = []
        if let budget {
            lijnen.append(Paginagrafiek.Reeks(naam: "maandbudget", waarden: Array(repeating: budget.alsDouble / 12, count: 12), kleur: "#b3261e"))
        }
        if let vorigJaar {
            lijnen.append(Paginagrafiek.Reeks(naam: "\(jaar - 1)", waarden: waarden(vorigJaar), kleur: "#e07b00"))
        }
        let labels = (1...12).map { Maand(jaar: jaar, maand: $0).afkorting }
        let voorlopig = Set((1...12).filter { m in stand.map { Maand(jaar: jaar, maand: m).isVoorlopig(op: $0) } ?? false }.map { $0 - 1 })
        return Paginagrafiek.kolommen(titel: "Gedeclareerde kosten per maand \(jaar)", labels: labels,
                                staven: [Paginagrafiek.Reeks(naam: "gedeclareerd \(jaar)", waarden: waarden(maanden), kleur: "#1f4e79")],
                                lijnen: lijnen, eenheid: .euro, lichter: voorlopig)
    }
}

/// Month, clients, cost, cumulative cost against the cumulative budget (1/12 a month).
enum Maandtabel {
    /// `stand`: the last day with data; a month not yet complete then says so (its declarations are still coming in).
    static func maak(_ maanden: Maandgrafiek.Reeks, budget: Euro?, id: String = "per_maand", stand: Dag? = nil) -> WebTabel {
        var t = Tabel(kolommen: [.init("maand", "Maand", .links), .init("unieke_clienten", "Cliënten"),
                                 .init("toewijzingen", "Toewijzingen"), .init("gedeclareerd", "Gedeclareerd"),
                                 .init("gedeclareerd_cumulatief", "Cumulatief"), .init("budget_cumulatief", "Budget cumulatief"),
                                 .init("verschil_cumulatief", "Verschil"), .init("compleet", "Compleet", .links)])
        let delen = budget.map { $0.verdeel(naar: Array(repeating: 1, count: 12)) }
        var cum = Euro.nul, cumBudget = Euro.nul
        var klassen: [String?] = []
        var cumWeg = false
        for (i, m) in maanden.reeks.enumerated() {
            cum += m.k.gedeclareerd
            if let delen, m.maand.maand >= 1, m.maand.maand <= 12 { cumBudget += delen[m.maand.maand - 1] }
            let s = maanden.status[i]
            // a running total would give a hidden month away (difference with the month before): hidden from there on
            cumWeg = cumWeg || s.isVerborgen
            t.rijen.append([Tabel.Cel(m.maand.naam, machine: m.maand.description),
                            s.isVerborgen ? Tabel.Cel(s.merk, machine: "") : .aantal(m.k.clienten),
                            s.isVerborgen ? .aantal(nil) : .aantal(m.k.toewijzingen), s.isVerborgen ? .euro(nil) : .euro(m.k.gedeclareerd),
                            cumWeg ? .euro(nil) : .euro(cum), .euro(budget == nil ? nil : cumBudget),
                            cumWeg || budget == nil ? .euro(nil) : .euro(cum - cumBudget),
                            stand.map { Tabel.compleetCel(m.maand, stand: $0) } ?? Tabel.Cel("", machine: "")])
            let voorlopig = stand.map { m.maand.isVoorlopig(op: $0) } ?? false
            klassen.append(voorlopig ? "voorlopig" : budget != nil && !cumWeg && cum > cumBudget ? "boven" : nil)
        }
        var w = WebTabel(id: id, titel: "Per maand", tabel: t)
        w.rijklassen = klassen
        w.toelichting = "Kosten naar de maand waarin de zorg is geleverd. Cliënten per maand zijn uniek binnen de maand; opgeteld over maanden tellen ze dubbel."
            + (klassen.contains("boven") ? " Rood: cumulatief boven het tijdsevenredige budget." : "")
            + (klassen.contains("voorlopig") ? " Grijs: nog niet compleet, declaraties over die maanden komen tot \(Maand.compleetNaDagen) dagen later binnen (stand \(stand!.nederlands)); vergelijk ze niet met het budget." : "")
            + (maanden.status.contains(where: \.isVerborgen) ? " " + Onderdrukking.toelichting : "")
        return w
    }
}
