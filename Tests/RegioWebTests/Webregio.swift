import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioImport
import RegioStore
@testable import RegioWeb

/// A two-municipality region with hand-countable figures, three users and the web application on it.
///
/// 2019 declared cost (debit, all accepted):
///   0307 Amersfoort: C1 AMB 1.000,00 (January) + C3 VBJ 7.130,00 (March) = 8.130,00, two clients
///   0308 Baarn:      C2 VBJ 6.440,00 (February)                        = 6.440,00, one client
///   region: 14.570,00, three clients. Budgets 2019: 0307 15.000 (AMB 10.000 + VBJ 5.000), 0308 5.000 (VBJ): Baarn is
///   over budget by 1.440,00.
/// Requests: V1 (0307) received 45 days after its start, V2 (0308) 196 days after: signals VOT-LAAT for both and
/// VOT-ALARM for V2.
struct Webregio {
    static let wachtwoord = "proef-wachtwoord-42"
    static let sleutel = [UInt8](repeating: 9, count: 32)
    let store: SQLiteStore
    let pseudoniem: Pseudonimiseerder
    /// The key file the web import uses; created on first use, in a directory of this test region only.
    let sleutelpad = NSTemporaryDirectory() + "regioweb-\(UUID().uuidString)/pseudoniemsleutel"

    init() throws {
        store = try SQLiteStore(pad: ":memory:")
        pseudoniem = Pseudonimiseerder(sleutel: Webregio.sleutel)
        let importeur = Importeur(store: store, pseudonimiseerder: pseudoniem)
        for (naam, tekst) in Webregio.bestanden {
            let v = importeur.importeer(bestand: naam, bytes: Array(tekst.utf8), nu: "2020-01-01T00:00:00Z")
            guard v.fouten.isEmpty else { throw ImportFout.algemeen(v.fouten.map(\.description).joined(separator: "\n")) }
        }
        // cost 4: bcrypt stays bcrypt, but fast enough for many logins in tests
        let w = Wachtwoord(kosten: 4)
        for (naam, rol) in [("regio", Rol.regio), ("amersfoort", .gemeente("0307")), ("raad", .raad)] {
            try store.bewaar(Gebruiker(naam: naam, rol: rol, wachtwoordHash: w.hash(Webregio.wachtwoord)))
        }
    }

    /// The region's files as CSV text, by file name.
    static let bestanden: [(String, String)] = [
            ("gemeenten.csv", "gemeentecode,naam\nGM0307,Amersfoort\nGM0308,Baarn\n"),
            ("percelen.csv", "perceel,naam,segment,verevend\nAMB,Ambulant,Ambulant,nee\nVBJ,Verblijf Jeugd,Verblijf,ja\n"),
            ("producten.csv", "productcode,productcategorie,perceel,tarief\n45A04,45,AMB,100.00\n43A01,43,VBJ,230\n"),
            ("aanbieders.csv", "agb,naam\n75000001,Zorg BV\n75000002,Hulp BV\n"),
            ("budgetten.csv", "jaar,gemeentecode,perceel,budget\n2019,0307,AMB,10000\n2019,0307,VBJ,5000\n2019,0308,VBJ,5000\n"),
            ("verzoeken.csv", "verzoeknummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,volume,eenheid,frequentie,ontvangen_op\n"
                + "V1,C1,0307,75000001,45,45A04,2019-01-01,10,04,2,2019-02-15\n"
                + "V2,C2,0308,75000002,43,43A01,2019-02-01,28,14,1,2019-08-16\n"),
            ("toewijzingen.csv", "toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,toewijzingsdatum\n"
                + "T1,C1,0307,75000001,45,45A04,2019-01-01,2019-12-31,10,04,2,2019-02-20\n"
                + "T2,C2,0308,75000002,43,43A01,2019-02-01,2019-02-28,28,14,1,2019-08-20\n"
                + "T3,C3,0307,75000002,43,43A01,2019-03-01,2019-03-31,31,14,1,2019-02-25\n"),
            ("declaraties.csv", "declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op\n"
                + "D1,R1,T1,C1,0307,75000001,45,45A04,2019-01-01,2019-01-31,1000.00,2019-02-25\n"
                + "D2,R2,T2,C2,0308,75000002,43,43A01,2019-02-01,2019-02-28,6440.00,2019-09-10\n"
                + "D3,R3,T3,C3,0307,75000002,43,43A01,2019-03-01,2019-03-31,7130.00,2019-04-10\n"),
    ]

    /// 2020-01-15 12:00 UTC, fixed so sessions and throttling do not depend on the machine's clock.
    static let nu: Int64 = 1_579_089_600

    func app() -> some ApplicationProtocol {
        bouwToepassing(store: store, instellingen: Instellingen(veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
                                                                pseudoniemsleutel: sleutelpad, klok: { Webregio.nu }))
    }
}

/// A logged-in user as a browser would be: the session cookie and the form token of the session.
struct Sessie {
    var cookie: String
    var csrf: String
}

enum Web {
    static func setCookie(_ r: TestResponse, _ naam: String) -> String? {
        for v in r.headers[values: .setCookie] where v.hasPrefix(naam + "=") {
            return String(v.dropFirst(naam.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    static func tekst(_ r: TestResponse) -> String { String(buffer: r.body) }

    static func formulierToken(_ html: String) -> String? {
        guard let r = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    static func formulier(_ velden: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: velden.map { "\($0.0)=\(Webhtml.url($0.1))" }.joined(separator: "&"))
    }

    /// Logs in through the form: GET sets the login cookie with its token, POST sends both back (double submit).
    static func inloggen(_ c: some TestClientProtocol, _ naam: String, wachtwoord: String = Webregio.wachtwoord) async throws -> TestResponse {
        let formulier = try await c.execute(uri: "/inloggen", method: .get)
        let token = setCookie(formulier, "rm_inlog") ?? ""
        return try await c.execute(uri: "/inloggen", method: .post,
                                   headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "rm_inlog=\(token)"],
                                   body: Web.formulier([("naam", naam), ("wachtwoord", wachtwoord), ("csrf", token)]))
    }

    static func sessie(_ c: some TestClientProtocol, _ naam: String) async throws -> Sessie {
        let r = try await inloggen(c, naam)
        guard r.status == .seeOther, let token = setCookie(r, "rm_sessie") else {
            throw HTTPError(.internalServerError, message: "inloggen van \(naam) mislukt: \(r.status)")
        }
        let pagina = try await c.execute(uri: "/", method: .get, headers: [.cookie: "rm_sessie=\(token)"])
        return Sessie(cookie: "rm_sessie=\(token)", csrf: formulierToken(tekst(pagina)) ?? "")
    }

    static func get(_ c: some TestClientProtocol, _ uri: String, _ s: Sessie?) async throws -> TestResponse {
        try await c.execute(uri: uri, method: .get, headers: s.map { [.cookie: $0.cookie] } ?? [:])
    }

    static func post(_ c: some TestClientProtocol, _ uri: String, _ s: Sessie, _ velden: [(String, String)]) async throws -> TestResponse {
        try await c.execute(uri: uri, method: .post, headers: [.cookie: s.cookie, .contentType: "application/x-www-form-urlencoded"],
                            body: formulier(velden))
    }
}
