import RegioCore

/// A page as data: title and blocks. The same value renders as HTML, gives each table as CSV and the whole as JSON,
/// so the dashboard, the downloads and the API show the same figures.
struct Pagina: Sendable {
    var titel: String
    var ondertitel: String = ""
    var blokken: [Blok] = []
    /// Set when the page shows client-level data: what to write in the audit trail, and for which municipality.
    var inzage: (wat: String, gemeentecode: String)?

    init(titel: String, ondertitel: String = "") { self.titel = titel; self.ondertitel = ondertitel }

    mutating func voeg(_ b: Blok) { blokken.append(b) }

    /// The tiles of the page, in page order.
    var tegels: [Tegel] {
        blokken.flatMap { if case .tegels(let t) = $0 { return t }; return [] }
    }

    /// The tables of the page by id, in page order.
    var tabellen: [WebTabel] {
        blokken.compactMap { if case .tabel(let t) = $0 { return t }; return nil }
    }
}

enum Blok: Sendable {
    /// Trusted markup built by the page code (values already escaped).
    case html(String)
    case kop(String)
    case tegels([Tegel])
    case tabel(WebTabel)
    /// An inline SVG chart with a caption.
    case grafiek(titel: String, svg: String)
    case melding(String, soort: Meldingsoort)
}

enum Meldingsoort: String, Sendable { case info, waarschuwing, fout, goed }

/// A key figure shown large: "Gedeclareerd € 61.234.567", with an optional note and state.
struct Tegel: Sendable {
    var label: String
    var waarde: String
    var toelichting: String = ""
    var soort: Meldingsoort? = nil
    /// The value for machines (an amount in euros with a decimal point, a count), in the API's "kerncijfers"; nil
    /// where the tile shows no number (hidden, text).
    var getal: String? = nil

    init(label: String, waarde: String, toelichting: String = "", soort: Meldingsoort? = nil, getal: String? = nil) {
        self.label = label; self.waarde = waarde; self.toelichting = toelichting; self.soort = soort; self.getal = getal
    }

    /// A tile with an amount: whole euros for people, to the cent for machines.
    init(label: String, bedrag: Euro, toelichting: String = "", soort: Meldingsoort? = nil) {
        self.init(label: label, waarde: bedrag.heleEuros, toelichting: toelichting, soort: soort, getal: bedrag.machineTekst)
    }
}

/// A table with an id (for its CSV download and the API), a title, links on some cells and a class on some rows.
struct WebTabel: Sendable {
    var id: String
    var titel: String
    var tabel: Tabel
    /// column index -> href per row (nil: no link)
    var koppelingen: [Int: [String?]] = [:]
    /// class per row ("boven" for over budget), nil for none
    var rijklassen: [String?] = []
    var toelichting: String = ""
    /// Rows shown on the page; the CSV and the API always give all of them.
    var maxRijen: Int? = nil
    /// A table shown a page at a time: links to the first, previous, next and last page under the table.
    var blad: Blad? = nil
    /// An id per row (an anchor to link to, e.g. a rule's code), nil for none.
    var rijIds: [String?] = []
    /// The columns (by name) that answer the page's question, shown by default so the table fits a 1366-pixel screen;
    /// the others come with "meer kolommen" (`?kolommen=alle`). nil: every column. The CSV and the API have them all.
    var kern: [String]? = nil

    struct Blad: Sendable { var nummer: Int; var paginas: Int }
}
