import Foundation
import Hummingbird
import RegioStore

/// The login form, login and logout.
enum Inloggen {
    static func routes(_ router: Router<WebContext>, sessies: Sessiebeheer, instellingen: Instellingen) {
        router.get("/inloggen") { request, context in
            let terug = Formulier.urlencoded(request.uri.query ?? "")["terug"]
            return formulier(terug: terug, instellingen: instellingen)
        }

        router.post("/inloggen") { request, context in
            var request = request
            let f = try await Formulieren.lees(&request, context: context)
            // the login form has no session yet: its token must match the cookie set with the form (double submit)
            guard let cookie = request.cookies[Sessiebeheer.inlogcookie]?.value, let veld = f["csrf"], Token.gelijk(cookie, veld) else {
                return formulier(terug: f["terug"], instellingen: instellingen, fout: "Het formulier is verlopen; probeer het opnieuw.", status: .forbidden)
            }
            let naam = f["naam"] ?? "", wachtwoord = f["wachtwoord"] ?? ""
            switch try sessies.inloggen(naam: naam, wachtwoord: wachtwoord, adres: context.adres ?? "onbekend") {
            case .geblokkeerd(let sec):
                var r = formulier(terug: f["terug"], instellingen: instellingen, naam: naam,
                                  fout: "Te veel mislukte pogingen. Probeer het over \((sec + 59) / 60) minuten opnieuw.", status: .tooManyRequests)
                r.headers[.retryAfter] = String(sec)
                return r
            case .mislukt:
                return formulier(terug: f["terug"], instellingen: instellingen, naam: naam,
                                 fout: "Onbekende gebruikersnaam of onjuist wachtwoord.", status: .unauthorized)
            case .gelukt(let token, _, _):
                var r = Antwoord.naar(Antwoord.veiligTerug(f["terug"]))
                r.setCookie(Cookie(name: Sessiebeheer.cookie, value: token, maxAge: Int(instellingen.sessieduur), path: "/",
                                   secure: instellingen.veiligeCookies, httpOnly: true, sameSite: .strict))
                r.setCookie(Cookie(name: Sessiebeheer.inlogcookie, value: "", maxAge: 0, path: "/inloggen",
                                   secure: instellingen.veiligeCookies, httpOnly: true, sameSite: .strict))
                return r
            }
        }

        router.post("/uitloggen") { request, context in
            var request = request
            _ = try await Formulieren.lees(&request, context: context, csrf: true)
            if let token = request.cookies[Sessiebeheer.cookie]?.value { try sessies.uitloggen(token: token) }
            var r = Antwoord.naar("/inloggen")
            r.setCookie(Cookie(name: Sessiebeheer.cookie, value: "", maxAge: 0, path: "/", secure: instellingen.veiligeCookies,
                               httpOnly: true, sameSite: .strict))
            return r
        }
    }

    static func formulier(terug: String?, instellingen: Instellingen, naam: String = "", fout: String? = nil,
                          status: HTTPResponse.Status = .ok) -> Response {
        let token = Token.nieuw()
        var r = Antwoord.html(InlogPagina.html(token: token, terug: terug.map(Antwoord.veiligTerug), fout: fout, naam: naam), status: status)
        r.setCookie(Cookie(name: Sessiebeheer.inlogcookie, value: token, maxAge: 3600, path: "/inloggen",
                           secure: instellingen.veiligeCookies, httpOnly: true, sameSite: .strict))
        return r
    }
}

/// Reads a posted form (urlencoded or multipart) and checks it: same origin, and (with a session) its anti-forgery token.
enum Formulieren {
    static func lees(_ request: inout Request, context: WebContext, csrf: Bool = false) async throws -> Formulier {
        if let origin = request.headers[.origin], origin != "null" {
            let host = request.head.authority ?? ""
            guard let h = URLComponents(string: origin)?.host, hostZonderPoort(host) == h else {
                throw HTTPError(.forbidden, message: "Verzoek van een andere website geweigerd.")
            }
        }
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let bytes = Array(body.readableBytesView)
        let type = request.headers[.contentType] ?? ""
        let f: Formulier
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let m = Formulier.multipart(bytes, contentType: type) else { throw HTTPError(.badRequest, message: "Onleesbaar formulier.") }
            f = m
        } else {
            f = Formulier.urlencoded(String(decoding: bytes, as: UTF8.self))
        }
        if csrf {
            guard let s = context.sessie, let veld = f["csrf"], Token.gelijk(s.csrf, veld) else {
                throw HTTPError(.forbidden, message: "Het formulier is verlopen of niet van deze website; laad de pagina opnieuw.")
            }
        }
        return f
    }

    static func hostZonderPoort(_ host: String) -> String {
        if host.hasPrefix("["), let e = host.firstIndex(of: "]") { return String(host[host.index(after: host.startIndex)..<e]) }
        return host.split(separator: ":").first.map(String.init) ?? host
    }
}
