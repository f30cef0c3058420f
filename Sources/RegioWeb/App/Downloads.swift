import Foundation
import Hummingbird
import NIOCore
import RegioCore
import RegioUitvoer

/// A page's tables as files: `?csv=<tabel>` gives one table, `format=` says how (csv-nl for Dutch Excel, plain csv for
/// tools, xlsx for a workbook); `?format=xlsx` without a table gives every table of the page as one workbook (the Burap,
/// the monthly report). The dashboard's own links ask for csv-nl and xlsx; the API's default stays plain csv.
enum Download {
    enum Formaat: String { case csv, csvNL = "csv-nl", xlsx }

    /// The download the query asks for, or nil when it asks for the page itself.
    static func antwoord(_ p: Pagina, query: [String: String], standaard: Formaat, bestandsnaam: String, rol: Rol,
                         regels: [(String, String)] = []) throws -> Response? {
        let gevraagd = query["format"].map { $0.lowercased() }
        let formaat: Formaat
        if let gevraagd {
            guard let f = Formaat(rawValue: gevraagd) else {
                throw Paginafout.ongeldig("onbekend formaat '\(gevraagd)': csv, csv-nl of xlsx")
            }
            formaat = f
        } else {
            formaat = standaard
        }
        let naam = String(bestandsnaam.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        if let id = query["csv"] {
            guard let t = p.tabellen.first(where: { $0.id == id }) else { throw Paginafout.nietGevonden("geen tabel '\(id)' op deze pagina") }
            switch formaat {
            case .csv: return Antwoord.csv(t.tabel.csv(), bestandsnaam: naam + ".csv")
            case .csvNL: return Antwoord.csv(t.tabel.csvNL(), bestandsnaam: naam + ".csv")
            case .xlsx:
                let w = werkboek(p, bladen: [Werkboek.Blad(t.titel, t.tabel, toelichting: t.toelichting)], rol: rol, regels: regels)
                return try xlsx(w, bestandsnaam: naam + ".xlsx")
            }
        }
        guard formaat == .xlsx, gevraagd != nil else { return nil }
        guard !p.tabellen.isEmpty else { throw Paginafout.nietGevonden("deze pagina heeft geen tabellen") }
        let bladen = p.tabellen.map { Werkboek.Blad($0.titel, $0.tabel, toelichting: $0.toelichting) }
        return try xlsx(werkboek(p, bladen: bladen, rol: rol, regels: regels), bestandsnaam: naam + ".xlsx")
    }

    /// The workbook with its explanation: the page, what the query asked, the page's key figures (as the same role
    /// sees them on screen), where the definitions are and, for the council, the suppression rule.
    static func werkboek(_ p: Pagina, bladen: [Werkboek.Blad], rol: Rol, regels: [(String, String)]) -> Werkboek {
        var toelichting = regels
        if !p.ondertitel.isEmpty { toelichting.append(("Pagina", p.ondertitel)) }
        toelichting += p.tegels.filter { !$0.waarde.isEmpty }.map { ($0.label, $0.waarde + ($0.toelichting.isEmpty ? "" : " (\($0.toelichting))")) }
        toelichting.append(Werkboek.definities)
        if rol == .raad { toelichting.append(("Onderdrukking", Werkboek.onderdrukkingsregel)) }
        return Werkboek(titel: p.titel, toelichting: toelichting, bladen: bladen)
    }

    static func xlsx(_ w: Werkboek, bestandsnaam: String) throws -> Response {
        let d = try w.gegevens()
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headers[.contentDisposition] = "attachment; filename=\"\(bestandsnaam)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: d)))
    }
}
