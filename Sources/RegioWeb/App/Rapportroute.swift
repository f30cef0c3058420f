import Hummingbird
import RegioCore
import RegioStore

/// The monthly municipality report (the same page as `regiomonitor rapport`), printable on A4. Those who may see the
/// municipality's clients get the internal version (with its ten most expensive clients, logged); everyone else the
/// council version (no client rows, small numbers suppressed).
enum Rapportroute {
    static func routes(_ router: Router<WebContext>, store: any Webopslag, bron: Cijferbron, instellingen: Instellingen) {
        router.get("/gemeente/:code/rapport") { request, context in
            guard let g = context.gebruiker else { throw HTTPError(.unauthorized) }
            let query = Formulier.urlencoded(request.uri.query ?? "")
            guard let code = context.parameters.get("code").flatMap(Codelijst.gemeentecode),
                  try bron.referentie().gemeenten[code] != nil else { throw Paginafout.nietGevonden("onbekende gemeente") }
            guard let tekst = query["maand"], let maand = Maand.parse(tekst) else {
                throw Paginafout.ongeldig("geef de maand als JJJJ-MM, bijvoorbeeld ?maand=2020-06")
            }
            let intern = g.rol.magClientgegevens(van: code)
            // a report as known on a valuation date needs the lines themselves
            let gegevens = try bron.volledigeGegevens()
            let rapport: Maandrapport
            do {
                rapport = try Maandrapport.maak(gegevens, gemeente: code, maand: maand, peildatum: nil, versie: intern ? .intern : .raad)
            } catch {
                throw Paginafout.ongeldig("\(error)")
            }
            if intern {
                try store.logInzage(Inzageregel(tijdstip: Instellingen.tijdstip(instellingen.klok()), gebruiker: g.naam,
                                                rol: g.rol.description, gemeentecode: code,
                                                wat: "maandrapportage \(maand) (interne versie)", pad: request.uri.string))
            }
            var r = Antwoord.html(Rapport.html(rapport))
            // the report is one self-contained file with its own style element; still no scripts, frames or requests
            r.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
            return r
        }
    }
}
