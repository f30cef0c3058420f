import RegioCore

/// Small building blocks for server- and file-rendered HTML: escaping, number formats, tables. Strings only, no I/O.
public enum HTML {
    /// Escapes text for element content and attribute values.
    public static func tekst(_ s: String) -> String {
        var uit = ""
        uit.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": uit += "&amp;"
            case "<": uit += "&lt;"
            case ">": uit += "&gt;"
            case "\"": uit += "&quot;"
            case "'": uit += "&#39;"
            default: uit.append(c)
            }
        }
        return uit
    }

    /// A table as HTML: header, body rows and footer rows; numbers right-aligned, suppressed cells marked.
    /// `eersteKolomKop` renders the first cell of each row as a row header.
    public static func tabel(_ t: Tabel, klasse: String = "", eersteKolomKop: Bool = false) -> String {
        func cel(_ c: Tabel.Cel, _ i: Int, kop: Bool) -> String {
            var klassen: [String] = []
            if t.kolommen[i].uitlijning == .rechts { klassen.append("r") }
            if c.tekst == Onderdrukking.kleinTekst || c.tekst == Onderdrukking.aanvullendTekst { klassen.append("o") }
            let k = klassen.isEmpty ? "" : " class=\"\(klassen.joined(separator: " "))\""
            let tag = kop ? "th" : "td"
            return "<\(tag)\(kop ? " scope=\"row\"" : "")\(k)>\(tekst(c.tekst))</\(tag)>"
        }
        var h = "<table\(klasse.isEmpty ? "" : " class=\"\(klasse)\"")>\n<thead><tr>"
        for k in t.kolommen {
            h += "<th scope=\"col\"\(k.uitlijning == .rechts ? " class=\"r\"" : "")>\(tekst(k.kop))</th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        for r in t.rijen {
            h += "<tr>" + r.enumerated().map { i, c in cel(c, i, kop: eersteKolomKop && i == 0) }.joined() + "</tr>\n"
        }
        h += "</tbody>\n"
        if !t.voet.isEmpty {
            h += "<tfoot>\n"
            for r in t.voet { h += "<tr>" + r.enumerated().map { i, c in cel(c, i, kop: eersteKolomKop && i == 0) }.joined() + "</tr>\n" }
            h += "</tfoot>\n"
        }
        return h + "</table>\n"
    }
}
