import RegioCore

/// What a page is built from: who asks, with which parameters (path and query), on which data, on which day.
struct Paginaverzoek: Sendable {
    var rol: Rol
    var gebruiker: String
    var parameters: [String: String]
    var bron: Cijferbron
    var vandaag: Dag
    /// The session's form token, for pages with forms (never cached: the token is per session).
    var csrf: String = ""
    /// The region's signal rule settings (its rule file), for the rules page.
    var regels: Signaalinstellingen = .standaard

    subscript(_ naam: String) -> String? {
        parameters[naam].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The `jaar` parameter, checked against the years with data; the default year without one.
    func jaar(_ naam: String = "jaar") throws -> Int {
        guard let t = self[naam] else { return try bron.standaardJaar() }
        guard let j = Int(t), try bron.jaren().contains(j) else {
            throw Paginafout.ongeldig("geen gegevens voor jaar '\(t)'; kies uit \(try bron.jaren().map(String.init).joined(separator: ", "))")
        }
        return j
    }

    /// A municipality code parameter that exists in the data.
    func gemeente(_ naam: String = "gemeente") throws -> Gemeente {
        guard let t = self[naam], let code = Codelijst.gemeentecode(t), let g = try bron.referentie().gemeenten[code] else {
            throw Paginafout.nietGevonden("onbekende gemeente '\(self[naam] ?? "")'")
        }
        return g
    }

    /// Throws 403 unless the role may see client-level data of this municipality.
    func eisClientgegevens(van gemeente: String) throws {
        guard rol.magClientgegevens(van: gemeente) else {
            throw Paginafout.verboden(rol == .raad
                ? "Raadsleden zien alleen geaggregeerde cijfers, geen gegevens van cliënten."
                : "U hebt alleen toegang tot cliëntgegevens van uw eigen gemeente.")
        }
    }

    func eisRegio() throws {
        guard rol.isRegio else { throw Paginafout.verboden("Deze pagina is alleen voor medewerkers van de regio.") }
    }
}

/// Why a page cannot be shown; becomes 400, 403 or 404 with a Dutch page (or JSON for the API).
enum Paginafout: Error {
    case ongeldig(String)
    case verboden(String)
    case nietGevonden(String)
}

/// The selection form at the top of a page: GET, so a selection is a link that can be shared and needs no token.
enum Keuze {
    static func formulier(_ pad: String, _ velden: [String], knop: String = "Toon") -> String {
        "<form class=\"keuze\" method=\"get\" action=\"\(Webhtml.esc(pad))\">" + velden.joined() + "<button>\(Webhtml.esc(knop))</button></form>"
    }

    static func jaar(_ v: Paginaverzoek, _ jaar: Int, naam: String = "jaar", label: String = "Jaar") throws -> String {
        let opties = try v.bron.jaren().map { ($0 == jaar ? "<option selected>" : "<option>") + "\($0)</option>" }.joined()
        return "<label>\(Webhtml.esc(label))<select name=\"\(naam)\">\(opties)</select></label>"
    }

    static func lijst(_ naam: String, _ label: String, _ opties: [(String, String)], gekozen: String?) -> String {
        let o = opties.map { w, t in
            "<option value=\"\(Webhtml.esc(w))\"\(w == (gekozen ?? "") ? " selected" : "")>\(Webhtml.esc(t))</option>"
        }.joined()
        return "<label>\(Webhtml.esc(label))<select name=\"\(Webhtml.esc(naam))\">\(o)</select></label>"
    }

    static func tekst(_ naam: String, _ label: String, waarde: String?, breedte: Int = 18) -> String {
        "<label>\(Webhtml.esc(label))<input name=\"\(Webhtml.esc(naam))\" value=\"\(Webhtml.esc(waarde ?? ""))\" size=\"\(breedte)\"></label>"
    }
}
