import RegioCore

/// The pieces every chart here is drawn with, so the report's, the dashboard's, the equalisation and the Kraljic charts
/// share one element header, one coordinate format, one text element and one escaping (`HTML.tekst`); the axis rule is
/// `Asschaal` and amounts are `Euro.kort`. Inline SVG with attributes only: no stylesheet, scripts or external requests.
enum SVG {
    /// The `<svg>` element with its accessible name and `<title>`. Inside a page it scales to its container's width
    /// (and needs no namespace: the HTML parser gives it one); a chart that is a file of its own (`vast`) keeps its size
    /// in pixels and names its namespace.
    static func kop(_ titel: String, breedte: Double, hoogte: Double, vast: Bool = false, extra: String = "") -> String {
        let maat = vast ? "xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(breedte))\" height=\"\(f(hoogte))\"" : "width=\"100%\""
        return "<svg \(maat) viewBox=\"0 0 \(f(breedte)) \(f(hoogte))\" role=\"img\" "
            + "aria-label=\"\(HTML.tekst(titel))\"\(extra)><title>\(HTML.tekst(titel))</title>"
    }

    /// A text element; `inhoud` is escaped, `extra` holds further attributes as written.
    static func tekst(_ inhoud: String, x: Double, y: Double, grootte: Int, anker: String? = nil, kleur: String? = "#333",
                      vet: Bool = false, extra: String = "") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(grootte)\""
            + (anker.map { " text-anchor=\"\($0)\"" } ?? "") + (vet ? " font-weight=\"bold\"" : "")
            + (kleur.map { " fill=\"\($0)\"" } ?? "") + extra + ">\(HTML.tekst(inhoud))</text>"
    }

    /// A straight line; `extra` for dashes and the like.
    static func lijn(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, kleur: String, dikte: Double? = nil,
                     extra: String = "") -> String {
        "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(kleur)\""
            + (dikte.map { " stroke-width=\"\(f($0))\"" } ?? "") + extra + "/>"
    }
}

/// A coordinate or size in a chart: one decimal, a point as separator.
func f(_ x: Double) -> String { Tabel.decimaal(x, 1) }
