import Foundation
import Hummingbird

/// A posted form; `csrf` is the anti-forgery token every form of a session sends back.
protocol Formulierinhoud: Decodable, Sendable {
    var csrf: String? { get }
}

/// A form with nothing but its token (log out, run the signal rules).
struct Tokenformulier: Formulierinhoud {
    var csrf: String?
}

struct Inlogformulier: Formulierinhoud {
    var naam: String?
    var wachtwoord: String?
    var csrf: String?
    var terug: String?
}

struct Signaalformulier: Formulierinhoud {
    var csrf: String?
    var status: String?
    var notitie: String?
}

/// Reads a posted form and checks it: same origin, at most `WebContext.maxFormulier` bytes (else 413), decoded by
/// Hummingbird's URL-encoded form decoder, and (with a session) its anti-forgery token.
enum Formulieren {
    static func lees<F: Formulierinhoud>(_ soort: F.Type, _ request: Request, context: WebContext, csrf: Bool = false) async throws -> F {
        try eisZelfdeHerkomst(request)
        let type = request.headers[.contentType]?.lowercased() ?? "application/x-www-form-urlencoded"
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw HTTPError(.unsupportedMediaType, message: "Verwacht een formulier (application/x-www-form-urlencoded).")
        }
        let body = try await request.body.collect(upTo: WebContext.maxFormulier)
        let f: F
        do {
            f = try URLEncodedFormDecoder().decode(F.self, from: String(buffer: body))
        } catch {
            throw HTTPError(.badRequest, message: "Onleesbaar formulier.")
        }
        if csrf { try eisToken(f.csrf, context: context) }
        return f
    }

    /// A browser names the page a form came from; one of another site is refused (with the session token, twice safe).
    static func eisZelfdeHerkomst(_ request: Request) throws {
        guard let origin = request.headers[.origin], origin != "null" else { return }
        let host = request.head.authority ?? ""
        guard let h = URLComponents(string: origin)?.host, hostZonderPoort(host) == h else {
            throw HTTPError(.forbidden, message: "Verzoek van een andere website geweigerd.")
        }
    }

    static func eisToken(_ veld: String?, context: WebContext) throws {
        guard let s = context.sessie, let veld, Token.gelijk(s.csrf, veld) else {
            throw HTTPError(.forbidden, message: "Het formulier is verlopen of niet van deze website; laad de pagina opnieuw.")
        }
    }

    static func hostZonderPoort(_ host: String) -> String {
        if host.hasPrefix("["), let e = host.firstIndex(of: "]") { return String(host[host.index(after: host.startIndex)..<e]) }
        return host.split(separator: ":").first.map(String.init) ?? host
    }
}
