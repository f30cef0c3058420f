import Hummingbird
import RegioCore
import RegioStore

/// Changing the signal work list: marking one signal (its municipality or the region) and re-running the rules (the
/// region). Both are forms with the session's CSRF token; afterwards the browser is sent back to a page (POST-redirect-GET).
enum Signaalroutes {
    static func routes(_ router: Router<WebContext>, store: any Opslag, bron: Cijferbron, instellingen: Instellingen) {
        router.post("/signalen/bijwerken") { request, context in
            guard let g = context.gebruiker else { throw HTTPError(.unauthorized) }
            _ = try await Formulieren.lees(Tokenformulier.self, request, context: context, csrf: true)
            guard g.rol.isRegio else { throw Paginafout.verboden("Alleen medewerkers van de regio draaien de regels.") }
            _ = try Signaaldraaiing.werkBij(store, instellingen: instellingen.regels, tijdstip: Instellingen.tijdstip(instellingen.klok()))
            bron.signalenGewijzigd()
            return Antwoord.naar("/signalen")
        }

        router.post("/signalen/:id") { request, context in
            guard let g = context.gebruiker else { throw HTTPError(.unauthorized) }
            let f = try await Formulieren.lees(Signaalformulier.self, request, context: context, csrf: true)
            let s = store
            guard let id = context.parameters.get("id").flatMap({ Int64($0) }),
                  let b = try s.signaal(id: id) else { throw Paginafout.nietGevonden("onbekend signaal") }
            guard g.rol.magClientgegevens(van: b.signaal.gemeentecode) else {
                throw Paginafout.verboden("U kunt alleen signalen van uw eigen gemeente markeren.")
            }
            guard let status = f.status.flatMap(Signaalstatus.init(rawValue:)) else {
                throw Paginafout.ongeldig("kies een status: \(Signaalstatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let notitie = f.notitie.flatMap { $0.isEmpty ? nil : String($0.prefix(500)) }
            _ = try s.markeer(id: id, status: status, door: g.naam, tijdstip: Instellingen.tijdstip(instellingen.klok()), notitie: notitie)
            bron.signalenGewijzigd()
            return Antwoord.naar("/signalen/\(id)")
        }
    }
}
