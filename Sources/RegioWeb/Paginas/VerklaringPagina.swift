import RegioCore
import RegioWeergave

/// Explained and unexplained cost differences between the municipalities (issue 23, point 4): the page of
/// `regiomonitor verklaring`.
enum VerklaringPagina {
    typealias Criterium = Kostenverklaring.Criterium
    static let keuzes: [[Criterium]] = [[.ses, .wijkteam], [.ses], [.wijkteam], [.eenoudergezinnen, .lageInkomens],
                                        [.ses, .wijkteam, .eenoudergezinnen], [.ses, .wijkteam, .lageInkomens], [.jeugdaandeel]]

    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let tot = try v["tot"].map { _ in try v.jaar("tot") } ?? jaar
        guard tot >= jaar, tot - jaar < 50 else { throw Paginafout.ongeldig("t/m jaar moet tussen \(jaar) en \(jaar + 49) liggen") }
        let criteriatekst = v["criteria"] ?? Criterium.standaard.map(\.rawValue).joined(separator: ",")
        var criteria: [Criterium] = []
        for deel in criteriatekst.split(separator: ",") {
            guard let c = Criterium(rawValue: String(deel)) else {
                throw Paginafout.ongeldig("onbekend criterium '\(deel)': kies ses, wijkteam, jeugdaandeel, eenoudergezinnen of lage-inkomens")
            }
            if !criteria.contains(c) { criteria.append(c) }
        }
        guard !criteria.isEmpty else { throw Paginafout.ongeldig("kies ten minste één criterium") }
        // the criteria as one canonical text: the cache key and the form's value (not what the address happened to say)
        let gekozen = criteria.map(\.rawValue).joined(separator: ",")
        let periode = jaar == tot ? "\(jaar)" : "\(jaar)–\(tot)"
        var p = Pagina(titel: "Verklaring kostenverschillen \(periode)",
                       ondertitel: "Kosten per jeugdige per gemeente: wat objectieve criteria verklaren en wat niet.")
        let opties = keuzes.map { k in (k.map(\.rawValue).joined(separator: ","), k.map(\.omschrijving).joined(separator: " + ")) }
            + (keuzes.contains(criteria) ? [] : [(gekozen, criteria.map(\.omschrijving).joined(separator: " + "))])
        p.voeg(.html(Keuze.formulier("/verklaring", [
            try Keuze.jaar(v, jaar), try Keuze.jaar(v, tot, naam: "tot", label: "t/m jaar"),
            Keuze.lijst("criteria", "Criteria", opties, gekozen: gekozen),
        ])))

        // the council: the fit depends on every municipality's cost of every year in it, so one hidden cost hides it all
        let ref = try v.bron.referentie()
        if v.rol.onderdruktKleineAantallen {
            for j in jaar...tot {
                let plan = try v.bron.raadsplan(jaar: j)
                if ref.gemeenten.keys.contains(where: { plan.status(gemeente: $0).isVerborgen }) {
                    p.voeg(.melding("Niet in de raadsversie: in \(j) zijn de kosten van een gemeente verborgen (minder dan "
                                    + "\(Onderdrukking.drempel) cliënten), en de schatting hangt af van de kosten van alle gemeenten.",
                                    soort: .info))
                    return p
                }
            }
        }

        let (waarnemingen, zonder) = try v.bron.figuur("verklaring-invoer|\(jaar)|\(tot)|\(gekozen)") { g in
            var kosten: [Int: [String: Euro]] = [:]
            for j in jaar...tot {
                kosten[j] = Dictionary(try v.bron.kengetallen(jaar: j, per: .gemeente).groepen.map { ($0.groep, $0.gedeclareerd) },
                                       uniquingKeysWith: { a, _ in a })
            }
            let w = Kostenverklaring.waarnemingen(kostenPerJaar: kosten, gemeentecijfers: g.gemeentecijfers, criteria: criteria)
            return Invoer(waarnemingen: w.waarnemingen, zonder: w.zonder)
        }.delen
        let verklaring: Kostenverklaring
        do { verklaring = try Kostenverklaring(criteria: criteria.map(\.rawValue), waarnemingen: waarnemingen) } catch {
            p.voeg(.melding("Het model kan niet worden geschat: \(error)"
                            + (zonder.isEmpty ? "." : "; niet meegenomen: " + zonder.joined(separator: "; ") + "."), soort: .fout))
            return p
        }
        let m = verklaring.model
        p.voeg(.tegels([
            Tegel(label: "Verklaarde variantie (R²)", waarde: Tabel.procentTekst(m.rKwadraat),
                  toelichting: "\(m.waarnemingen) gemeente-jaren, \(criteria.count) criteria"),
            Tegel(label: "Standaardfout residuen", waarde: Kostenverklaring.bedrag(m.residuStandaardfout)?.heleEuros ?? "-", toelichting: "per jeugdige"),
            Tegel(label: "Leave-one-out-fout", waarde: Kostenverklaring.bedrag(m.leaveOneOutFout)?.heleEuros ?? "-",
                  toelichting: "per jeugdige, voor een gemeente-jaar dat het model niet zag"),
        ]))
        if !zonder.isEmpty {
            p.voeg(.melding("Niet meegenomen: " + zonder.joined(separator: "; ") + ".", soort: .info))
        }

        let laatste = verklaring.regels.filter { $0.jaar == tot }
        if !laatste.isEmpty {
            p.voeg(.grafiek(titel: "Kosten per jeugdige in \(tot); de zwarte streep is wat de criteria voorspellen, rood is meer dan 10% erboven",
                            svg: Paginagrafiek.balken(titel: "Kosten per jeugdige", items: laatste.map { r in
                                (ref.gemeenten[r.gemeentecode]?.naam ?? r.gemeentecode, r.werkelijk, r.verwacht)
                            }, eenheid: .euro, marge: 0.10)))
        }

        let model = verklaring.modeltabel(termen: criteria.map(\.omschrijving))
        var mw = WebTabel(id: "model", titel: "Het model: kosten per jeugdige = constante + criteria", tabel: model)
        mw.toelichting = "Kleinste kwadraten over alle gemeente-jaren van \(periode); elk gemeente-jaar telt één keer. "
            + "Een |t| boven 2 betekent dat het criterium de kosten duidelijk meebepaalt."
        p.voeg(.tabel(mw))

        let t = verklaring.regeltabel(namen: ref.gemeenten.mapValues(\.naam))
        var w = WebTabel(id: "per_gemeente", titel: "Per gemeente en jaar, per jeugdige", tabel: t)
        w.toelichting = "Verklaard = verwacht − regiogemiddelde (wat de criteria voorspellen); onverklaard = werkelijk − verwacht "
            + "(werkwijze, beleid, toeval). Samen het verschil met het regiogemiddelde: alle kosten van de regio gedeeld door al haar jeugdigen."
        p.voeg(.tabel(w))
        return p
    }

    /// What the fit is made of, kept with the figures.
    struct Invoer: Sendable {
        var waarnemingen: [Kostenverklaring.Waarneming]
        var zonder: [String]
        var delen: ([Kostenverklaring.Waarneming], [String]) { (waarnemingen, zonder) }
    }
}
