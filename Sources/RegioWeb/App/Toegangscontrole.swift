import Hummingbird
import RegioStore

/// Every request but the login page and the stylesheet needs a user: from the session cookie, or (API only) from
/// HTTP Basic credentials. Without one, pages redirect to the login form and the API answers 401.
struct Toegangscontrole: RouterMiddleware {
    typealias Context = WebContext
    let sessies: Sessiebeheer

    static let openbaar: Set<String> = ["/inloggen", "/stijl.css", "/gezond", "/api/openapi.json", "/favicon.ico"]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let pad = request.uri.path
        if Toegangscontrole.openbaar.contains(pad) { return try await next(request, context) }
        var context = context
        let api = pad.hasPrefix("/api/")
        if let token = request.cookies[Sessiebeheer.cookie]?.value, let (s, g) = try sessies.sessie(token: token) {
            context.sessie = s
            context.gebruiker = g
        } else if api, let header = request.headers[.authorization] {
            switch try sessies.basis(header, adres: context.adres ?? "onbekend") {
            case .gelukt(_, let s, let g): context.sessie = s; context.gebruiker = g
            case .geblokkeerd(let sec):
                var r = Antwoord.fout(.tooManyRequests, "te veel mislukte pogingen; probeer het over \(sec) seconden opnieuw")
                r.headers[.retryAfter] = String(sec)
                return r
            case .mislukt: break
            }
        }
        guard context.gebruiker != nil else {
            if api {
                var r = Antwoord.fout(.unauthorized, "inloggen vereist (sessie of HTTP Basic)")
                r.headers[.wwwAuthenticate] = "Basic realm=\"Regiomonitor\", charset=\"UTF-8\""
                return r
            }
            let terug = request.method == .get ? request.uri.string : "/"
            return Antwoord.naar(Webhtml.link("/inloggen", [("terug", terug == "/" ? nil : terug)]))
        }
        // an error page for a logged-in user keeps the navigation bar: no dead end
        do {
            return try await next(request, context)
        } catch {
            guard !api, let g = context.gebruiker else { throw error }
            let kader = Kader(gebruiker: g.naam, rol: g.rol, csrf: context.sessie?.csrf ?? "", pad: pad, query: [])
            return Foutafhandeling.antwoord(error, api: false, logger: context.logger, kader: kader)
        }
    }
}
