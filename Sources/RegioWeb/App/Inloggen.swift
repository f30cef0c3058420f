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
            let f = try await Formulieren.lees(Inlogformulier.self, request, context: context)
            // the login form has no session yet: its token must match the cookie set with the form (double submit)
            guard let cookie = request.cookies[Sessiebeheer.inlogcookie]?.value, let veld = f.csrf, Token.gelijk(cookie, veld) else {
                return formulier(terug: f.terug, instellingen: instellingen, fout: "Het formulier is verlopen; probeer het opnieuw.", status: .forbidden)
            }
            let naam = f.naam ?? "", wachtwoord = f.wachtwoord ?? ""
            switch try sessies.inloggen(naam: naam, wachtwoord: wachtwoord, adres: context.adres ?? "onbekend") {
            case .geblokkeerd(let sec):
                var r = formulier(terug: f.terug, instellingen: instellingen, naam: naam,
                                  fout: "Te veel mislukte pogingen. Probeer het over \(sec < 60 ? "\(sec) seconden" : "\((sec + 59) / 60) minuten") opnieuw.",
                                  status: .tooManyRequests)
                r.headers[.retryAfter] = String(sec)
                return r
            case .mislukt:
                return formulier(terug: f.terug, instellingen: instellingen, naam: naam,
                                 fout: "Onbekende gebruikersnaam of onjuist wachtwoord.", status: .unauthorized)
            case .gelukt(let token, _, _):
                var r = Antwoord.naar(Antwoord.veiligTerug(f.terug))
                r.setCookie(Cookie(name: Sessiebeheer.cookie, value: token, maxAge: Int(instellingen.sessieduur), path: "/",
                                   secure: instellingen.veiligeCookies, httpOnly: true, sameSite: .strict))
                r.setCookie(Cookie(name: Sessiebeheer.inlogcookie, value: "", maxAge: 0, path: "/inloggen",
                                   secure: instellingen.veiligeCookies, httpOnly: true, sameSite: .strict))
                return r
            }
        }

        router.post("/uitloggen") { request, context in
            _ = try await Formulieren.lees(Tokenformulier.self, request, context: context, csrf: true)
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
