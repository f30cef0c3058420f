import Hummingbird
import RegioCore
import RegioStore
import RegioUitvoer
import RegioWeergave

/// The monthly municipality report (the same page as `regiomonitor rapport`), printable on A4. Those who may see the
/// municipality's clients get the internal version (with its ten most expensive clients, logged); everyone else the
/// council version (no client rows, small numbers suppressed).
enum Rapportroute {
    static func routes(_ router: Router<WebContext>, store: any Opslag, bron: Cijferbron, instellingen: Instellingen) {
        // the Burap as one printable page (the dashboard page /gemeente/:code/burap has the same figures and its CSV)
        router.get("/gemeente/:code/burap/afdruk") { request, context in
            guard let g = context.gebruiker else { throw HTTPError(.unauthorized) }
            let query = Formulier.urlencoded(request.uri.query ?? "")
            guard let code = context.parameters.get("code").flatMap(Codelijst.gemeentecode),
                  try bron.referentie().gemeenten[code] != nil else { throw Paginafout.nietGevonden("onbekende gemeente") }
            let v = Paginaverzoek(rol: g.rol, gebruiker: g.naam, parameters: Dictionary(query.velden.map { ($0.naam, $0.waarde) }, uniquingKeysWith: { a, _ in a }), bron: bron, vandaag: Instellingen.dag(instellingen.klok()))
            guard g.rol.magClientgegevens(van: code) else {
                throw Paginafout.verboden("De Burap is voor medewerkers van de gemeente en de regio.")
            }
            let peil = try BurapPagina.peildatum(v)
            let b = try BurapPagina.burap(v, gemeente: code, peil: peil)
            var r = Antwoord.html(Rapport.html(b))
            r.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
            return r
        }
        router.get("/gemeente/:code/rapport") { request, context in
            guard let g = context.gebruiker else { throw HTTPError(.unauthorized) }
            let query = Formulier.urlencoded(request.uri.query ?? "")
            guard let code = context.parameters.get("code").flatMap(Codelijst.gemeentecode),
                  try bron.referentie().gemeenten[code] != nil else { throw Paginafout.nietGevonden("onbekende gemeente") }
            guard let tekst = query["maand"], let maand = Maand.parse(tekst) else {
                throw Paginafout.ongeldig("geef de maand als JJJJ-MM, bijvoorbeeld ?maand=2020-06")
            }
            let intern = g.rol.magClientgegevens(van: code)
            let rapport: Maandrapport
            do {
                if intern {
                    // kept like every other figure until the data change (a report with its forecast takes seconds); the
                    // audit trail below still records every view. A report as known on a valuation date needs the lines.
                    rapport = try bron.figuur("rapport|\(code)|\(maand)|intern") { _ in
                        try Maandrapport.maak(try bron.volledigeGegevens(), gemeente: code, maand: maand, peildatum: nil, versie: .intern)
                    }
                } else {
                    // the council version is the stand of now, as every council page: up to the last month with data (the
                    // whole year once it is over), hidden by the same plan; an earlier stand would differ from the
                    // dashboard by a few clients' declarations
                    guard let laatste = try bron.laatsteDag() else { throw Paginafout.nietGevonden("geen gegevens") }
                    // a later month of the same year holds no more lines than the last one with data, so its report is
                    // the stand of now as well; an earlier month goes to the stand of now (no dead end)
                    let toegestaan = laatste.maand.jaar > maand.jaar ? Maand(jaar: maand.jaar, maand: 12) : laatste.maand
                    guard maand >= toegestaan else {
                        var r = Response(status: .seeOther)
                        r.headers[.location] = "/gemeente/\(code)/rapport?maand=\(toegestaan)"
                        return r
                    }
                    let vorig = try bron.jaren().contains(maand.jaar - 1) ? try bron.raadsplan(jaar: maand.jaar - 1) : nil
                    let plan = try bron.raadsplan(jaar: maand.jaar)
                    rapport = try bron.figuur("rapport|\(code)|\(maand)|raad|\(laatste)") { _ in
                        try Maandrapport.maak(try bron.volledigeGegevens(), gemeente: code, maand: maand, peildatum: laatste, versie: .raad,
                                              plannen: (plan, vorig))
                    }
                }
            } catch let f as Paginafout {
                throw f
            } catch {
                throw Paginafout.ongeldig("\(error)")
            }
            if intern {
                try store.logInzage(Inzageregel(tijdstip: Instellingen.tijdstip(instellingen.klok()), gebruiker: g.naam,
                                                rol: g.rol.description, gemeentecode: code,
                                                wat: "maandrapportage \(maand) (interne versie)" + (query["format"] == "xlsx" ? " (Excel)" : ""), pad: request.uri.string))
            }
            if query["format"] == "xlsx" {
                let w = Werkboek.maandrapport(rapport, extra: rapport.kernpunten.enumerated().map { ("Kernpunt \($0 + 1)", $1) }
                                                + [Werkboek.definities])
                return try Download.xlsx(w, bestandsnaam: "maandrapportage-\(code)-\(maand)\(intern ? "" : "-raad").xlsx")
            }
            var r = Antwoord.html(Rapport.html(rapport))
            // the report is one self-contained file with its own style element; still no scripts, frames or requests
            r.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
            return r
        }
    }
}
