import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import RegioCore
import RegioStore
import Testing
@testable import RegioWeb

@Suite struct RouteTests {
    /// Every route for every role. Client-level pages: the region, and a municipality for its own clients only;
    /// the council never. Import and the audit log: the region only.
    static let routes: [(pad: String, regio: Int, gemeente: Int, raad: Int)] = [
        ("/", 200, 200, 200),
        ("/?jaar=2019", 200, 200, 200),
        ("/gemeente/0307", 200, 200, 200),
        ("/gemeente/0308?jaar=2019", 200, 200, 200),
        ("/gemeente/0307/clienten?jaar=2019", 200, 200, 403),
        ("/gemeente/0308/clienten?jaar=2019", 200, 403, 403),
        ("/client/C1", 200, 200, 403),
        ("/client/C2", 200, 403, 403),
        // the council version is the stand of now (data up to 09-2019 here): an earlier month is sent there
        ("/gemeente/0307/rapport?maand=2019-06", 200, 200, 303),
        ("/gemeente/0308/rapport?maand=2019-06", 200, 303, 303),
        ("/gemeente/0307/rapport?maand=2019-09", 200, 200, 200),
        ("/gemeente/0308/rapport?maand=2019-12", 200, 200, 200),
        ("/gemeente/0307/rapport?maand=2019-13", 400, 400, 400),
        ("/percelen", 200, 200, 200),
        ("/percelen/VBJ", 200, 200, 200),
        ("/aanbieders", 200, 200, 200),
        ("/aanbieders/75000002", 200, 200, 200),
        ("/verevening?jaar=2019", 200, 200, 200),
        ("/benchmark", 200, 200, 200),
        ("/signalen", 200, 200, 200),
        ("/prognose", 200, 200, 200),
        ("/import", 200, 403, 403),
        ("/import/verslag", 200, 403, 403),
        ("/inzagelog", 200, 403, 403),
        ("/api", 200, 200, 200),
        ("/api/v1/overzicht?jaar=2019", 200, 200, 200),
        ("/api/v1/gemeente/0307/clienten?jaar=2019", 200, 200, 403),
        ("/api/v1/gemeente/0308/clienten?jaar=2019", 200, 403, 403),
        ("/api/v1/client/C2", 200, 403, 403),
        ("/gemeente/9999", 404, 404, 404),
        ("/?jaar=1850", 400, 400, 400),
    ]

    @Test func elkeRouteVoorElkeRol() async throws {
        let regio = try Webregio()
        try await regio.app().test(.router) { c in
            let sessies = [try await Web.sessie(c, "regio"), try await Web.sessie(c, "amersfoort"), try await Web.sessie(c, "raad")]
            for r in Self.routes {
                for (i, verwacht) in [r.regio, r.gemeente, r.raad].enumerated() {
                    let a = try await Web.get(c, r.pad, sessies[i])
                    #expect(a.status.code == verwacht, "\(r.pad) als \(["regio", "amersfoort", "raad"][i]): \(a.status.code)")
                }
            }
        }
    }

    /// The internal report names clients and is logged; a municipality gets the council version of another one.
    @Test func maandrapportVersies() async throws {
        let regio = try Webregio()
        try await regio.app().test(.router) { c in
            let a = try await Web.sessie(c, "amersfoort")
            let eigen = Web.tekst(try await Web.get(c, "/gemeente/0307/rapport?maand=2019-06", a))
            let ander = Web.tekst(try await Web.get(c, "/gemeente/0308/rapport?maand=2019-09", a))
            #expect(eigen.contains("C3") && !ander.contains("C2"))
            #expect(try regio.store.inzagelog(limiet: 10).map(\.gemeentecode) == ["0307"])
            // the report is kept between requests, but every view of the internal version is still logged
            #expect(Web.tekst(try await Web.get(c, "/gemeente/0307/rapport?maand=2019-06", a)) == eigen)
            #expect(try regio.store.inzagelog(limiet: 10).map(\.gemeentecode) == ["0307", "0307"])
        }
    }

    @Test func zonderSessie() async throws {
        try await Webregio().app().test(.router) { c in
            for pad in ["/", "/gemeente/0307", "/signalen", "/import", "/inzagelog"] {
                let a = try await Web.get(c, pad, nil)
                #expect(a.status == .seeOther && a.headers[.location]?.hasPrefix("/inloggen") == true, "\(pad)")
            }
            let api = try await Web.get(c, "/api/v1/overzicht", nil)
            #expect(api.status == .unauthorized && api.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            for pad in ["/inloggen", "/stijl.css", "/gezond", "/api/openapi.json"] {
                #expect(try await Web.get(c, pad, nil).status == .ok, "\(pad)")
            }
            // a form posted without a session does not reach its handler
            let post = try await c.execute(uri: "/signalen/bijwerken", method: .post)
            #expect(post.status == .seeOther)
        }
    }

    @Test func beveiligingsheaders() async throws {
        try await Webregio().app().test(.router) { c in
            let s = try await Web.sessie(c, "regio")
            for pad in ["/", "/inloggen", "/gemeente/0308/clienten"] {
                let a = try await Web.get(c, pad, s)
                let csp = a.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), "\(pad)")
                #expect(a.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(a.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
            // no page asks the browser for anything outside this server
            let html = Web.tekst(try await Web.get(c, "/", s))
            #expect(!html.contains("href=\"http") && !html.contains("src=") && !html.contains("url(") && !html.contains("<script"))
        }
    }
}

@Suite struct InlogTests {
    @Test func sessiecookieIsHttpOnlyEnStrict() async throws {
        try await Webregio().app().test(.router) { c in
            let r = try await Web.inloggen(c, "regio")
            #expect(r.status == .seeOther)
            let cookie = r.headers[values: .setCookie].first { $0.hasPrefix("rm_sessie=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            // the token in the cookie is not what the store keeps (only its hash)
            let token = Web.setCookie(r, "rm_sessie") ?? ""
            #expect(token.count >= 32)
        }
    }

    @Test func foutWachtwoordEnAfremmen() async throws {
        try await Webregio().app().test(.router) { c in
            let fout = try await Web.inloggen(c, "regio", wachtwoord: "niet-het-goede")
            #expect(fout.status == .unauthorized && Web.setCookie(fout, "rm_sessie") == nil)
            for _ in 0..<4 { _ = try await Web.inloggen(c, "regio", wachtwoord: "niet-het-goede") }
            // five failures: now even the right password is refused until the window has passed
            let geblokkeerd = try await Web.inloggen(c, "regio")
            #expect(geblokkeerd.status == .tooManyRequests && geblokkeerd.headers[.retryAfter] != nil)
            // another user is not blocked by someone guessing at "regio"
            #expect(try await Web.inloggen(c, "raad").status == .seeOther)
        }
    }

    @Test func inlogformulierZonderTokenGeweigerd() async throws {
        try await Webregio().app().test(.router) { c in
            let r = try await c.execute(uri: "/inloggen", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                        body: Web.formulier([("naam", "regio"), ("wachtwoord", Webregio.wachtwoord)]))
            #expect(r.status == .forbidden && Web.setCookie(r, "rm_sessie") == nil)
        }
    }

    @Test func uitloggenBeeindigtDeSessie() async throws {
        try await Webregio().app().test(.router) { c in
            let s = try await Web.sessie(c, "regio")
            #expect(try await Web.post(c, "/uitloggen", s, [("csrf", s.csrf)]).status == .seeOther)
            #expect(try await Web.get(c, "/", s).status == .seeOther)
        }
    }

    @Test func apiMetBasic() async throws {
        try await Webregio().app().test(.router) { c in
            let goed = "Basic " + Data("raad:\(Webregio.wachtwoord)".utf8).base64EncodedString()
            let ok = try await c.execute(uri: "/api/v1/overzicht?jaar=2019", method: .get, headers: [.authorization: goed])
            #expect(ok.status == .ok)
            let fout = "Basic " + Data("raad:nee".utf8).base64EncodedString()
            let nee = try await c.execute(uri: "/api/v1/overzicht?jaar=2019", method: .get, headers: [.authorization: fout])
            #expect(nee.status == .unauthorized)
            // Basic is for the API only: a page still wants the login form
            let pagina = try await c.execute(uri: "/", method: .get, headers: [.authorization: goed])
            #expect(pagina.status == .seeOther)
        }
    }
}
