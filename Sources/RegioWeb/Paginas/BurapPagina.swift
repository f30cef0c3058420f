import RegioCore
import RegioStore

/// The Burap of one municipality on a valuation date (the same figures as `regiomonitor burap`): for the municipality's
/// own staff and the region, since its lots are not suppressed; the council gets the monthly report's council version.
/// Every table also as CSV and in the API; a printable version beside it.
enum BurapPagina {
    /// The valuation date asked for (default: the last day with data), or why it cannot be used.
    static func peildatum(_ v: Paginaverzoek) throws -> Dag {
        guard let laatste = try v.bron.laatsteDag() else { throw Paginafout.nietGevonden("Er zijn nog geen declaraties ingelezen.") }
        guard let t = v["peildatum"], !t.isEmpty else { return laatste }
        guard let d = Dag.parse(t) else { throw Paginafout.ongeldig("ongeldige peildatum '\(t)' (DD-MM-JJJJ)") }
        guard d <= laatste else {
            throw Paginafout.ongeldig("peildatum \(d.nederlands) ligt na de laatste dag met gegevens (\(laatste.nederlands))")
        }
        return d
    }

    /// The Burap's figures, kept until the data change; the work list as it is now. Without a valuation date asked for,
    /// the last stand of a year that has figures (`Burap.opLaatsteStand`): its `peildatum` may be before `peil`.
    static func burap(_ v: Paginaverzoek, gemeente: String, peil: Dag) throws -> Burap {
        let gevraagd = !(v["peildatum"] ?? "").isEmpty
        do {
            let b = try v.bron.figuur("burap|\(gemeente)|\(peil)|\(gevraagd)") { _ in
                let g = try v.bron.volledigeGegevens()
                return gevraagd ? try Burap(g, gemeente: gemeente, peildatum: peil) : try Burap.opLaatsteStand(g, gemeente: gemeente, laatste: peil)
            }
            return b.metSignalen(try v.bron.signalen())
        } catch let f as Burap.Fout {
            throw Paginafout.ongeldig("Geen Burap mogelijk: \(f.description)")
        }
    }

    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let gemeente = try v.gemeente("code")
        guard v.rol.magClientgegevens(van: gemeente.code) else {
            throw Paginafout.verboden(v.rol == .raad
                ? "De Burap is voor medewerkers van de gemeente en de regio; de raad vindt de cijfers in de raadsversie van de maandrapportage."
                : "U ziet alleen de Burap van uw eigen gemeente.")
        }
        let laatste = try peildatum(v)
        let b = try burap(v, gemeente: gemeente.code, peil: laatste)
        let peil = b.peildatum
        var p = Pagina(titel: "Burap jeugdhulp \(b.jaar) — \(gemeente.naam)",
                       ondertitel: "Stand \(peil.nederlands)" + (b.budgetversie.map { "; budget \($0)" } ?? "")
                        + ". Verwachte jaaruitkomst per perceel, het verschil met het budget en waar het vandaan komt.")
        p.voeg(.html(Keuze.formulier("/gemeente/\(gemeente.code)/burap", [
            Keuze.tekst("peildatum", "Peildatum", waarde: v["peildatum"] ?? peil.nederlands, breedte: 10),
        ])))
        if peil != laatste {
            p.voeg(.melding("Voor \(laatste.jaar) zijn er nog geen declaraties en geen budget van \(gemeente.naam) (laatste gegevens van "
                            + "\(laatste.nederlands)); hieronder de Burap \(b.jaar) met de stand waarop dat jaar is afgesloten.", soort: .info))
        }
        let t = b.totaal
        var tegels = [Tegel(label: "Gedeclareerd tot nu", bedrag: t.gedeclareerd, toelichting: "zorg in \(b.jaar), ingediend t/m \(peil.nederlands)"),
                      Tegel(label: "Verwachte jaaruitkomst", bedrag: t.verwacht, toelichting: "80%: \(t.ondergrens.heleEuros) – \(t.bovengrens.heleEuros)")]
        if let budget = t.budget, let verschil = t.verschil {
            tegels.append(Tegel(label: "Budget", bedrag: budget, toelichting: b.budgetversie.map { "versie \($0)" } ?? "heel jaar"))
            tegels.append(Tegel(label: verschil > .nul ? "Verwacht tekort" : "Verwacht overschot", waarde: (verschil > .nul ? verschil : .nul - verschil).heleEuros,
                                toelichting: t.ondergrens > budget ? "ook de ondergrens van het interval ligt boven het budget" : "volgens de prognose",
                                soort: verschil > .nul ? .fout : .goed, getal: verschil.machineTekst))
        }
        tegels.append(Tegel(label: "Kosten voorgaande jaren", bedrag: t.geboektVoorgaandeJaren,
                            toelichting: "geboekt in \(b.jaar) voor zorg uit eerdere jaren"))
        p.voeg(.tegels(tegels))
        p.voeg(.html("<section class=\"samenvatting\"><h2>In het kort</h2><ul>" + b.samenvatting.map { "<li>\(Webhtml.esc($0))</li>" }.joined()
                     + "</ul><p>" + Webhtml.a(Webhtml.link("/gemeente/\(gemeente.code)/burap/afdruk", [("peildatum", peil.description)]), "Afdrukbare versie (A4 liggend)")
                     + " · " + Webhtml.a(Webhtml.link("/gemeente/\(gemeente.code)/burap", [("peildatum", peil.description), ("format", "xlsx")]),
                                      "Hele Burap als Excel-werkboek (een blad per tabel)")
                     + "</p></section>"))
        for o in b.onderdelen() {
            guard let tabel = o.tabel else {
                p.voeg(.kop(o.titel))
                for regel in o.inleiding { p.voeg(.melding(regel, soort: .info)) }
                continue
            }
            var w = WebTabel(id: o.naam, titel: o.titel, tabel: tabel)
            // on screen the columns that answer the question; the CSV, the API and the printable version have them all
            switch o.naam {
            case "uitkomst": w.kern = ["perceel", "naam", "budget", "gedeclareerd", "verwacht", "ondergrens_80", "bovengrens_80", "verwacht_verschil"]
            case "verklaring": w.kern = ["perceel", "naam", "clienten_a", "clienten_b", "volume_effect", "intensiteit_effect", "prijs_effect", "boek_effect", "verschil"]
            case "signalen": w.kern = ["signaal", "regel", "perceel", "bedrag", "toelichting"]
            default: break
            }
            w.toelichting = (o.inleiding + o.noten).joined(separator: " ")
            switch o.naam {
            case "uitkomst", "verklaring", "boekjaar":
                w.koppelingen[0] = tabel.rijen.map { "/percelen/" + Webhtml.url($0[0].machine) }
                if o.naam == "uitkomst" { w.rijklassen = b.regels.map { ($0.verschil ?? .nul) > .nul ? "boven" : nil } }
                if o.naam == "verklaring" { w.rijklassen = (b.verklaring?.regels ?? []).map { $0.verschil > .nul ? "boven" : nil } }
            case "signalen":
                w.koppelingen[0] = b.signalen.map { "/signalen/\($0.id)" }
            default: break
            }
            p.voeg(.tabel(w))
        }
        return p
    }
}
