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
        let periode = jaar == tot ? "\(jaar)" : "\(jaar)–\(tot)"
        var p = Pagina(titel: "Verklaring kostenverschillen \(periode)",
                       ondertitel: "Kosten per jeugdige per gemeente: wat objectieve criteria verklaren en wat niet.")
        let opties = keuzes.map { k in (k.map(\.rawValue).joined(separator: ","), k.map(\.omschrijving).joined(separator: " + ")) }
            + (keuzes.contains(criteria) ? [] : [(criteriatekst, criteria.map(\.omschrijving).joined(separator: " + "))])
        p.voeg(.html(Keuze.formulier("/verklaring", [
            try Keuze.jaar(v, jaar), try Keuze.jaar(v, tot, naam: "tot", label: "t/m jaar"),
            Keuze.lijst("criteria", "Criteria", opties, gekozen: criteria.map(\.rawValue).joined(separator: ",")),
        ])))

        // the council: the fit depends on every municipality's cost of every year in it, so one hidden cost hides it all
        if v.rol.onderdruktKleineAantallen {
            for j in jaar...tot {
                let plan = try v.bron.raadsplan(jaar: j)
                let codes = try v.bron.referentie().gemeenten.keys
                if codes.contains(where: { plan.status(gemeente: $0).isVerborgen }) {
                    p.voeg(.melding("Niet in de raadsversie: in \(j) zijn de kosten van een gemeente verborgen (minder dan "
                                    + "\(Onderdrukking.drempel) cliënten), en de schatting hangt af van de kosten van alle gemeenten.",
                                    soort: .info))
                    return p
                }
            }
        }

        let ref = try v.bron.referentie()
        let (waarnemingen, zonder) = try v.bron.figuur("verklaring-invoer|\(jaar)|\(tot)|\(criteriatekst)") { g in
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
                            + (zonder.isEmpty ? "." : "; zonder gemeentecijfers: " + zonder.joined(separator: ", ") + "."), soort: .fout))
            return p
        }
        let m = verklaring.model
        p.voeg(.tegels([
            Tegel(label: "Verklaarde variantie (R²)", waarde: Tabel.procentTekst(m.rKwadraat),
                  toelichting: "\(m.waarnemingen) gemeente-jaren, \(criteria.count) criteria"),
            Tegel(label: "Standaardfout residuen", waarde: bedrag(m.residuStandaardfout), toelichting: "per jeugdige"),
            Tegel(label: "Leave-one-out-fout", waarde: bedrag(m.leaveOneOutFout),
                  toelichting: "per jeugdige, voor een gemeente-jaar dat het model niet zag"),
        ]))
        if !zonder.isEmpty {
            p.voeg(.melding("Niet meegenomen (geen gemeentecijfers): " + zonder.joined(separator: ", ") + ".", soort: .info))
        }

        let laatste = verklaring.regels.filter { $0.jaar == tot }
        if !laatste.isEmpty {
            p.voeg(.grafiek(titel: "Kosten per jeugdige in \(tot); de zwarte streep is wat de criteria voorspellen, rood is meer dan 10% erboven",
                            svg: Paginagrafiek.balken(titel: "Kosten per jeugdige", items: laatste.map { r in
                                (ref.gemeenten[r.gemeentecode]?.naam ?? r.gemeentecode, r.werkelijk, r.verwacht)
                            }, eenheid: .euro, marge: 0.10)))
        }

        var model = Tabel(kolommen: [.init("term", "Term", .links), .init("coefficient", "Coëfficiënt"),
                                     .init("standaardfout", "Standaardfout"), .init("t_waarde", "t")])
        for (i, term) in (["constante"] + criteria.map(\.omschrijving)).enumerated() {
            let b = m.coefficienten[i], se = m.standaardfouten[i]
            model.rijen.append([Tabel.Cel(term), getal(b), getal(se), getal(se > 0 ? b / se : .nan)])
        }
        var mw = WebTabel(id: "model", titel: "Het model: kosten per jeugdige = constante + criteria", tabel: model)
        mw.toelichting = "Kleinste kwadraten over alle gemeente-jaren van \(periode); elk gemeente-jaar telt één keer. "
            + "Een |t| boven 2 betekent dat het criterium de kosten duidelijk meebepaalt."
        p.voeg(.tabel(mw))

        var t = Tabel(kolommen: [.init("jaar", "Jaar", .links), .init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links),
                                 .init("jeugdigen", "Jeugdigen"), .init("werkelijk_per_jeugdige", "Werkelijk"),
                                 .init("verwacht_per_jeugdige", "Verwacht"), .init("regiogemiddelde", "Regiogemiddelde"),
                                 .init("verklaard", "Verklaard"), .init("onverklaard", "Onverklaard")])
        let regels = verklaring.regels.sorted { ($0.jaar, $0.gemeentecode) < ($1.jaar, $1.gemeentecode) }
        for r in regels {
            t.rijen.append([Tabel.Cel(String(r.jaar)), Tabel.Cel(r.gemeentecode), Tabel.Cel(ref.gemeenten[r.gemeentecode]?.naam ?? r.gemeentecode),
                            .aantal(Int(r.jeugdigen)), euro(r.werkelijk), euro(r.verwacht), euro(r.regiogemiddelde),
                            euro(r.verklaard), euro(r.onverklaard)])
        }
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

    static func getal(_ x: Double) -> Tabel.Cel {
        x.isFinite ? Tabel.Cel(Tabel.decimaal(x, 2).replacing(".", with: ","), machine: Tabel.decimaal(x, 2), getal: true) : Tabel.Cel("", machine: "")
    }
    /// Euros per young person: whole euros for people, cents for machines.
    static func euro(_ x: Double) -> Tabel.Cel {
        guard x.isFinite, abs(x) < 1e13 else { return Tabel.Cel("", machine: "") }
        return .euro(Euro(centen: Int64((x * 100).rounded())))
    }
    static func bedrag(_ x: Double) -> String {
        x.isFinite && abs(x) < 1e13 ? Euro(centen: Int64((x * 100).rounded())).heleEuros : "-"
    }
}
