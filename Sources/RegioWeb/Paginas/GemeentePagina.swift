import RegioCore
import RegioStore
import RegioWeergave

/// One municipality's year: cost against budget, which lots overrun (the 'why'), referrers, providers, and the way to
/// its clients for those who may see them.
enum GemeentePagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let gemeente = try v.gemeente("code")
        let jaar = try v.jaar()
        let s = Cijferbron.Cijferselectie(gemeente: gemeente.code)
        let alle = try v.bron.kengetallen(jaar: jaar, per: .gemeente)
        guard let totaal = alle.groepen.first(where: { $0.groep == gemeente.code }) else {
            var p = Pagina(titel: "\(gemeente.naam) \(jaar)")
            p.voeg(.melding("Geen gegevens voor \(gemeente.naam) in \(jaar).", soort: .info))
            return p
        }
        let percelen = try v.bron.kengetallen(jaar: jaar, per: .perceel, s)
        let g = gemeente.code
        let perceelrijen = try Raadsrijen.voor(v, percelen, jaar: jaar, codes: \.percelen, status: { $0.status(gemeente: g, perceel: $1) },
                                               totaal: { $0.status(gemeente: g) })
        let eigen = perceelrijen.totaal
        var p = Pagina(titel: "\(gemeente.naam) \(jaar)", ondertitel: "Gemeente \(gemeente.code): kosten tegen budget, percelen, verwijzers en aanbieders.")
        p.voeg(.html(Keuze.formulier("/gemeente/\(gemeente.code)", [try Keuze.jaar(v, jaar)])))
        let verwachting = try v.bron.verwachting(jaar: jaar, per: .gemeente)
        let peil = verwachting?.peildatum
        var mijn = verwachting?.groepen.first { $0.groep == gemeente.code }
        if mijn != nil { mijn!.budget = totaal.budget }
        let versie = try v.bron.gegevens().budgetversieTekst(jaar: jaar, op: peil, gemeente: gemeente.code)
        var tegels = Tegels.metVerwachting(totaal, status: eigen, verwachting: mijn, peil: peil, versie: versie)
        if !eigen.isVerborgen, let pj = totaal.kostenPerJeugdige, let rj = alle.totaal.kostenPerJeugdige {
            tegels.append(Tegel(label: "Kosten per jeugdige", waarde: pj.heleEuros, toelichting: "regio: \(rj.heleEuros)",
                                soort: pj > rj ? .waarschuwing : nil))
        }
        p.voeg(.tegels(tegels))

        // the 'why': the lots with the largest overrun of their budget
        let overschrijdingen = perceelrijen.zichtbareRijen.compactMap { r -> (Kengetallen, Euro)? in
            guard let b = r.budget, r.gedeclareerd > b else { return nil }
            return (r, r.gedeclareerd - b)
        }.sorted { $0.1 > $1.1 }
        if let budget = totaal.budget, !eigen.isVerborgen {
            var h: String
            if let mijn, let peil {
                // judged on the expected outcome: what the Burap decides on
                let verschil = mijn.verwacht - budget
                h = "<p class=\"melding \(verschil > .nul ? "fout" : "goed")\"><strong>\(Webhtml.esc(gemeente.naam)) komt in \(jaar) naar verwachting "
                h += verschil > .nul ? "\(verschil.heleEuros) boven budget" : "\((.nul - verschil).heleEuros) onder budget"
                h += "</strong>: verwacht \(mijn.verwacht.heleEuros) (80%: \(mijn.ondergrens.heleEuros) – \(mijn.bovengrens.heleEuros)) tegen een budget van "
                h += "\(budget.heleEuros)\(versie.map { " (\($0))" } ?? ""); prognose op \(peil.nederlands), gedeclareerd tot nu \(totaal.gedeclareerd.heleEuros)."
            } else {
                let over = totaal.gedeclareerd > budget
                h = "<p class=\"melding \(over ? "fout" : "goed")\"><strong>\(Webhtml.esc(gemeente.naam)) heeft in \(jaar) tot nu "
                h += over ? "\((totaal.gedeclareerd - budget).heleEuros) meer gedeclareerd dan het budget" : "\((budget - totaal.gedeclareerd).heleEuros) minder gedeclareerd dan het budget"
                h += "</strong> (realisatie \(Tabel.procentTekst(totaal.realisatie ?? 0)); geen prognose mogelijk)."
            }
            if !overschrijdingen.isEmpty {
                h += " Nu al boven het budget van het perceel: " + overschrijdingen.prefix(4).map { r, x in
                    Webhtml.a(Webhtml.link("/percelen/\(r.groep)", [("jaar", String(jaar))]), r.naam) + " \(x.heleEuros) erboven ("
                        + (r.realisatie.map { Tabel.procentTekst($0) + " van het budget" } ?? "geen budget") + ")"
                }.joined(separator: "; ") + (overschrijdingen.count > 4 ? "; en \(overschrijdingen.count - 4) meer" : "") + "."
            }
            p.voeg(.html(h + "</p>"))
        }
        p.voeg(.html(Signaalkoppeling.html(v, gemeente: gemeente.code, jaar: jaar)))
        var links: [String] = []
        if v.rol.magClientgegevens(van: gemeente.code) {
            links.append(Webhtml.a(Webhtml.link("/gemeente/\(gemeente.code)/clienten", [("jaar", String(jaar))]), "Cliënten van \(gemeente.naam) op kosten"))
        }
        links += Rapportkoppeling.links(v, gemeente: gemeente.code, jaar: jaar)
        if !links.isEmpty { p.voeg(.html("<p>" + links.joined(separator: " · ") + "</p>")) }

        p.voeg(.kop("Per perceel"))
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_perceel", titel: "Per perceel tegen budget", rijen: perceelrijen,
                                         totaal: percelen.totaal, sleutel: ("perceel", "Perceel"),
                                         link: { Webhtml.link("/percelen/\($0.groep)", [("jaar", String(jaar))]) })))

        p.voeg(.kop("Per maand"))
        let maanden = try Raadsrijen.maanden(v, try v.bron.maandreeks(jaar: jaar, s), jaar: jaar) { $0.status(gemeente: g, maand: $1) }
        let vorig = try v.bron.jaren().contains(jaar - 1)
            ? try Raadsrijen.maanden(v, try v.bron.maandreeks(jaar: jaar - 1, s), jaar: jaar - 1) { $0.status(gemeente: g, maand: $1) } : nil
        p.voeg(.grafiek(titel: "Gedeclareerd per maand (staven), maandbudget (rood) en \(jaar - 1) (oranje)",
                        svg: Maandgrafiek.svg(maanden, budget: totaal.budget, jaar: jaar, vorigJaar: vorig, stand: try v.bron.laatsteDag())))
        p.voeg(.tabel(Maandtabel.maak(maanden, budget: totaal.budget, stand: try v.bron.laatsteDag())))

        p.voeg(.kop("Verwijzers"))
        let verwijzers = try v.bron.kengetallen(jaar: jaar, per: .verwijzer, s)
        let verwijzerrijen = try Raadsrijen.voor(v, verwijzers, jaar: jaar, codes: \.verwijzers,
                                                 status: { $0.status(gemeente: g, verwijzer: $1) }, totaal: { $0.status(gemeente: g) })
        var o = Kengetaltabel.Opties(); o.budget = false
        p.voeg(.tabel(Kengetaltabel.maak(id: "per_verwijzer", titel: "Per verwijzer", rijen: verwijzerrijen,
                                         totaal: verwijzers.totaal, sleutel: ("verwijzer_type", "Code"), opties: o)))

        p.voeg(.kop("Aanbieders"))
        guard !v.rol.onderdruktKleineAantallen else {
            p.voeg(.melding("De kosten per aanbieder binnen één gemeente staan niet in de raadsversie: daarin zitten te veel kleine "
                            + "aantallen. De aanbieders van de hele regio staan per perceel op de perceelpagina's.", soort: .info))
            return p
        }
        let aanbieders = try v.bron.kengetallen(jaar: jaar, per: .aanbieder, s)
        var t = Kengetaltabel.maak(id: "per_aanbieder", titel: "Per aanbieder (hoogste kosten eerst)",
                                   rijen: .zichtbaar(aanbieders.groepen.sorted { $0.gedeclareerd > $1.gedeclareerd }),
                                   totaal: aanbieders.totaal, sleutel: ("agb", "AGB"), opties: o,
                                   link: { Webhtml.link("/aanbieders/\($0.groep)", [("jaar", String(jaar))]) })
        t.maxRijen = 15
        p.voeg(.tabel(t))
        return p
    }
}

/// Where the monthly report of a municipality is linked from; filled in when the report exists.
enum Rapportkoppeling {
    /// The monthly report up to the last month of `jaar` that has data (the last month of the year when it is over).
    static func links(_ v: Paginaverzoek, gemeente: String, jaar: Int) -> [String] {
        guard let laatste = try? v.bron.laatsteDag() else { return [] }
        let maand = laatste.maand.jaar > jaar ? Maand(jaar: jaar, maand: 12) : laatste.maand
        guard maand.jaar == jaar else { return [] }
        let intern = v.rol.magClientgegevens(van: gemeente)
        let versie = intern ? "" : " (raadsversie)"
        var links = [Webhtml.a(Webhtml.link("/gemeente/\(gemeente)/rapport", [("maand", maand.description)]), "Maandrapportage t/m \(maand.naam)\(versie)")
                     + " (" + Webhtml.a(Webhtml.link("/gemeente/\(gemeente)/rapport", [("maand", maand.description), ("format", "xlsx")]), "Excel") + ")"]
        // the Burap of a year under way (as known now); of a finished year on its last day
        if intern {
            let peil = min(laatste, Dag.laatsteVan(jaar: jaar))
            links.append(Webhtml.a(Webhtml.link("/gemeente/\(gemeente)/burap", [("peildatum", peil.description)]), "Burap \(jaar) (stand \(peil.nederlands))"))
        }
        return links
    }
}

/// The open signals of a municipality on its page: counts per rule, a link to the list for those who may see it.
enum Signaalkoppeling {
    static func html(_ v: Paginaverzoek, gemeente: String, jaar: Int) -> String {
        guard let perRegel = try? v.bron.openSignalen(gemeente: gemeente) else { return "" }
        let aantal = perRegel.values.reduce(0, +)
        guard aantal > 0 || v.rol.onderdruktKleineAantallen else { return "<p>Geen open signalen.</p>" }
        // a council's counts by the linked table of all rules and municipalities, every rule listed
        let plan: Raadstelling?
        if v.rol.onderdruktKleineAantallen {
            // no counts at all rather than counts without their protection
            guard let p = try? v.bron.raadstelling() else { return "" }
            plan = p
        } else {
            plan = nil
        }
        func tekst(_ n: Int, _ s: Onderdrukking.Status?) -> String { s.map { $0.isVerborgen ? $0.merk : String(n) } ?? String(n) }
        let delen = Signaalregels.alle.compactMap { r -> String? in
            let n = perRegel[r.code] ?? 0
            guard n > 0 || plan != nil else { return nil }
            return "\(r.code) \(tekst(n, plan?.status(regel: r.code, gemeente: gemeente)))"
        }
        let totaal = tekst(aantal, plan?.status(gemeente: gemeente))
        let kop = v.rol.magClientgegevens(van: gemeente)
            ? Webhtml.a(Webhtml.link("/signalen", [("gemeente", gemeente)]), "\(totaal) open signalen")
            : "\(Webhtml.esc(totaal)) open signalen"
        return "<p class=\"melding waarschuwing\"><strong>\(kop)</strong>: " + Webhtml.esc(delen.joined(separator: ", ")) + ".</p>"
    }
}
