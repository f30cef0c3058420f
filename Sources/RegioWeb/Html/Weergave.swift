import RegioCore
import RegioWeergave

/// What every page frame needs to know about the request: who is looking and where.
struct Kader: Sendable {
    var gebruiker: String
    var rol: Rol
    var csrf: String
    /// Path without query, e.g. "/gemeente/0307".
    var pad: String
    /// Query parameters of the request, for CSV links that keep the same selection.
    var query: [(String, String)]
    /// The municipality's name for a municipality's user ("gemeente Amersfoort" in the header).
    var gemeentenaam: String? = nil

    /// The role in words: "regio", "gemeente Amersfoort", "raad".
    var rolTekst: String {
        switch rol {
        case .regio: "regio"
        case .gemeente(let g): "gemeente " + (gemeentenaam ?? g)
        case .raad: "raad"
        }
    }
}

/// Renders a `Pagina` as one HTML document: layout, navigation, blocks. No scripts, no external resources.
enum Weergave {
    static func document(_ p: Pagina, kader: Kader?) -> String {
        var h = """
        <!doctype html>
        <html lang="nl"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Webhtml.esc(p.titel)) — Regiomonitor Jeugdhulp</title>
        <link rel="stylesheet" href="/stijl.css">
        </head><body>
        """
        h += kop(kader)
        h += "<main>"
        h += "<h1>\(Webhtml.esc(p.titel))</h1>"
        if !p.ondertitel.isEmpty { h += "<p class=\"onder\">\(Webhtml.esc(p.ondertitel))</p>" }
        for b in p.blokken { h += blok(b, kader: kader) }
        h += "</main><footer>Regiomonitor Jeugdhulp · bedragen in euro's, afgerond op hele euro's · "
        h += "cliënten zijn unieke personen (niet optelbaar over groepen)</footer></body></html>\n"
        return h
    }

    static func kop(_ kader: Kader?) -> String {
        guard let kader else {
            return "<header><div class=\"merk\">Regiomonitor Jeugdhulp</div></header>"
        }
        var items: [(String, String)] = [("/", "Overzicht"), ("/percelen", "Percelen"), ("/aanbieders", "Aanbieders"),
                                          ("/signalen", "Signalen"), ("/prognose", "Prognose"), ("/verevening", "Verevening"),
                                          ("/benchmark", "Benchmark"), ("/verklaring", "Verklaring"), ("/contracten", "Contracten")]
        if case .gemeente(let g) = kader.rol { items.insert(("/gemeente/\(g)", "Mijn gemeente"), at: 1) }
        if kader.rol.isRegio { items += [("/import", "Import"), ("/inzagelog", "Inzagelog")] }
        items.append(("/api", "API"))
        var h = "<header><div class=\"merk\"><a href=\"/\">Regiomonitor Jeugdhulp</a></div><nav>"
        for (href, naam) in items {
            let actief = href == "/" ? kader.pad == "/" : kader.pad.hasPrefix(href)
            h += "<a href=\"\(href)\"\(actief ? " class=\"actief\" aria-current=\"page\"" : "")>\(naam)</a>"
        }
        h += "</nav><form class=\"uit\" method=\"post\" action=\"/uitloggen\">"
        h += "<span>\(Webhtml.esc(kader.gebruiker)) (\(Webhtml.esc(kader.rolTekst)))</span>"
        h += "<input type=\"hidden\" name=\"csrf\" value=\"\(Webhtml.esc(kader.csrf))\"><button>Uitloggen</button></form></header>"
        return h
    }

    static func blok(_ b: Blok, kader: Kader?) -> String {
        switch b {
        case .html(let s): return s
        case .kop(let s): return "<h2>\(Webhtml.esc(s))</h2>"
        case .melding(let s, let soort): return "<p class=\"melding \(soort.rawValue)\">\(Webhtml.esc(s))</p>"
        case .tegels(let tegels):
            var h = "<div class=\"tegels\">"
            for t in tegels {
                h += "<div class=\"tegel\(t.soort.map { " " + $0.rawValue } ?? "")\"><div class=\"label\">\(Webhtml.esc(t.label))</div>"
                h += "<div class=\"waarde\">\(Webhtml.esc(t.waarde))</div>"
                if !t.toelichting.isEmpty { h += "<div class=\"toel\">\(Webhtml.esc(t.toelichting))</div>" }
                h += "</div>"
            }
            return h + "</div>"
        case .grafiek(let titel, let svg):
            return "<figure class=\"grafiek\">\(svg)<figcaption>\(Webhtml.esc(titel))</figcaption></figure>"
        case .tabel(let t): return tabel(t, kader: kader)
        }
    }

    static func tabel(_ t: WebTabel, kader: Kader?) -> String {
        // the key columns first; the rest behind "meer kolommen" (the page's own address with kolommen=alle)
        let alleKolommen = kader?.query.contains { $0.0 == "kolommen" && $0.1 == "alle" } ?? false
        var zichtbaar = Array(t.tabel.kolommen.indices)
        let aantalKolommen = zichtbaar.count
        if let kern = t.kern, !alleKolommen { zichtbaar = zichtbaar.filter { kern.contains(t.tabel.kolommen[$0].naam) } }
        var t = t
        if zichtbaar.count < t.tabel.kolommen.count {
            func kies(_ r: [Tabel.Cel]) -> [Tabel.Cel] { zichtbaar.map { r[$0] } }
            var k: [Int: [String?]] = [:]
            for (nieuw, oud) in zichtbaar.enumerated() { k[nieuw] = t.koppelingen[oud] }
            t.koppelingen = k
            t.tabel.kolommen = zichtbaar.map { t.tabel.kolommen[$0] }
            t.tabel.rijen = t.tabel.rijen.map(kies)
            t.tabel.voet = t.tabel.voet.map(kies)
        }
        // with every column asked for, the table may scroll inside its box (the first column stays): marked "breed"
        let breed = t.kern != nil && alleKolommen
        var h = "<section class=\"tabel\(breed ? " breed" : "")\" id=\"\(Webhtml.esc(t.id))\"><div class=\"tabelkop\"><h3>\(Webhtml.esc(t.titel))</h3>"
        if let kader {
            // CSV for Dutch Excel (semicolons, decimal comma) and a workbook; the API keeps plain CSV for tools
            let q = kader.query.filter { $0.0 != "csv" && $0.0 != "format" } + [("csv", t.id)]
            h += Webhtml.a(Webhtml.link(kader.pad, q.map { ($0.0, $0.1) }), "CSV", klasse: "csv")
            h += Webhtml.a(Webhtml.link(kader.pad, (q + [("format", "xlsx")]).map { ($0.0, $0.1) }), "Excel", klasse: "csv")
            if t.kern != nil && (alleKolommen || zichtbaar.count < aantalKolommen) {
                let zonder = kader.query.filter { $0.0 != "csv" && $0.0 != "kolommen" }
                h += alleKolommen
                    ? Webhtml.a(Webhtml.link(kader.pad, zonder.map { ($0.0, $0.1) }) + "#" + t.id, "minder kolommen", klasse: "csv")
                    : Webhtml.a(Webhtml.link(kader.pad, (zonder + [("kolommen", "alle")]).map { ($0.0, $0.1) }) + "#" + t.id, "meer kolommen", klasse: "csv")
            }
        }
        h += "</div>"
        if !t.toelichting.isEmpty { h += "<p class=\"toel\">\(Webhtml.esc(t.toelichting))</p>" }
        h += "<div class=\"scroll\"><table><thead><tr>"
        for k in t.tabel.kolommen {
            h += "<th scope=\"col\"\(k.uitlijning == .rechts ? " class=\"r\"" : "")>\(Webhtml.esc(k.kop))</th>"
        }
        h += "</tr></thead><tbody>"
        let rijen = t.maxRijen.map { Array(t.tabel.rijen.prefix($0)) } ?? t.tabel.rijen
        for (i, r) in rijen.enumerated() { h += rij(r, index: i, t: t, cel: "td") }
        h += "</tbody>"
        if !t.tabel.voet.isEmpty {
            h += "<tfoot>"
            for r in t.tabel.voet { h += rij(r, index: nil, t: t, cel: "td") }
            h += "</tfoot>"
        }
        h += "</table></div>"
        if let b = t.blad, let kader {
            func naar(_ n: Int, _ tekst: String) -> String {
                Webhtml.a(Webhtml.link(kader.pad, kader.query.filter { $0.0 != "pagina" && $0.0 != "csv" } + [("pagina", String(n))]), tekst)
            }
            var delen: [String] = []
            if b.nummer > 1 { delen += [naar(1, "« eerste"), naar(b.nummer - 1, "‹ vorige")] }
            delen.append("pagina \(Tabel.groepeer(b.nummer)) van \(Tabel.groepeer(b.paginas))")
            if b.nummer < b.paginas { delen += [naar(b.nummer + 1, "volgende ›"), naar(b.paginas, "laatste »")] }
            h += "<p class=\"bladeren\">" + delen.joined(separator: " · ") + "</p>"
        }
        if let m = t.maxRijen, t.tabel.rijen.count > m {
            h += "<p class=\"toel\">De eerste \(m) van \(t.tabel.rijen.count) rijen; de CSV bevat ze allemaal.</p>"
        }
        return h + "</section>"
    }

    static func rij(_ r: [Tabel.Cel], index: Int?, t: WebTabel, cel: String) -> String {
        let klasse = index.flatMap { $0 < t.rijklassen.count ? t.rijklassen[$0] : nil }
        let id = index.flatMap { $0 < t.rijIds.count ? t.rijIds[$0] : nil }
        var h = "<tr" + (klasse.map { " class=\"\($0)\"" } ?? "") + (id.map { " id=\"\(Webhtml.esc($0))\"" } ?? "") + ">"
        for (k, c) in r.enumerated() {
            let rechts = t.tabel.kolommen[k].uitlijning == .rechts
            // long text wraps in its cell instead of widening the table past the screen
            let lang = !rechts && c.tekst.count > 32
            h += "<\(cel)\(rechts ? " class=\"r\"" : lang ? " class=\"lang\"" : "")>"
            if let index, let links = t.koppelingen[k], index < links.count, let href = links[index] {
                h += Webhtml.a(href, c.tekst)
            } else {
                h += Webhtml.esc(c.tekst)
            }
            h += "</\(cel)>"
        }
        return h + "</tr>"
    }
}
