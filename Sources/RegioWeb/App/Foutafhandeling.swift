import HTTPTypes
import Hummingbird
import RegioCore
import Logging

/// Turns every error into a Dutch page (or JSON for the API) and puts the security headers on every response.
struct Foutafhandeling: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var r: Response
        do {
            r = try await next(request, context)
        } catch {
            r = Foutafhandeling.antwoord(error, api: request.uri.path.hasPrefix("/api/"), logger: context.logger)
        }
        Foutafhandeling.beveilig(&r, pad: request.uri.path)
        return r
    }

    static func antwoord(_ error: any Error, api: Bool, logger: Logger, kader: Kader? = nil) -> Response {
        let (status, titel, uitleg): (HTTPResponse.Status, String, String)
        switch error {
        case Paginafout.ongeldig(let s): (status, titel, uitleg) = (.badRequest, "Ongeldige vraag", s)
        case Paginafout.verboden(let s): (status, titel, uitleg) = (.forbidden, "Geen toegang", s)
        case Paginafout.nietGevonden(let s): (status, titel, uitleg) = (.notFound, "Niet gevonden", s)
        case let e as HTTPError where e.status == .notFound: (status, titel, uitleg) = (.notFound, "Niet gevonden", "Deze pagina bestaat niet.")
        case let e as HTTPError: (status, titel, uitleg) = (e.status, "Fout", e.body ?? e.status.reasonPhrase)
        case let e as any HTTPResponseError where e.status == .contentTooLarge:
            (status, titel, uitleg) = (e.status, "Te groot", "Het verzoek is groter dan deze pagina aanneemt.")
        case let e as any HTTPResponseError: (status, titel, uitleg) = (e.status, "Fout", e.status.reasonPhrase)
        default:
            // a message may quote data: a number that could be a BSN does not reach the log
            logger.error("interne fout: \(BSN.verberg(in: String(describing: error)))")
            (status, titel, uitleg) = (.internalServerError, "Interne fout", "Er ging iets mis; de fout is gelogd.")
        }
        if api {
            return Antwoord.fout(status, uitleg)
        }
        var p = Pagina(titel: titel)
        p.voeg(.melding(uitleg, soort: .fout))
        // a way back: one level up (the list a detail page belongs to), and the overview
        var terug = ["<a href=\"/\">Naar het overzicht</a>"]
        if let pad = kader?.pad {
            let delen = pad.split(separator: "/")
            if delen.count > (delen.first == "gemeente" ? 2 : 1), ["gemeente", "signalen", "percelen", "aanbieders"].contains(String(delen[0])) {
                let hoger = "/" + delen.dropLast().joined(separator: "/")
                let naam = delen[0] == "gemeente" && delen.count > 2 ? "Naar de gemeente" : delen[0] == "signalen" ? "Naar de signalenlijst"
                    : delen[0] == "percelen" ? "Naar de percelen" : delen[0] == "aanbieders" ? "Naar de aanbieders" : "Een niveau hoger"
                terug.insert("<a href=\"\(Webhtml.esc(hoger))\">\(naam)</a>", at: 0)
            }
        }
        p.voeg(.html("<p>" + terug.joined(separator: " · ") + "</p>"))
        // the menu only for a known user; without one (not logged in, or an error before the session) the bare page
        var kader = kader
        kader?.query = []
        return Antwoord.html(Weergave.document(p, kader: kader), status: status)
    }

    /// No scripts, no frames, no external anything; pages are not cached (they may hold client data).
    static func beveilig(_ r: inout Response, pad: String) {
        if r.headers[.contentSecurityPolicy] == nil { r.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'" }
        r.headers[.xContentTypeOptions] = "nosniff"
        r.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        r.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        r.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        r.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        r.headers[.crossOriginResourcePolicy] = "same-origin"
        if r.headers[.cacheControl] == nil { r.headers[.cacheControl] = "no-store" }
    }
}

