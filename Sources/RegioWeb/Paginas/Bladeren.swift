import RegioCore

/// A long list shown a page at a time: `pagina` (from 1) and `aantal` (1 to 1000 rows a page); the CSV download of the
/// table (`csv=<tabel>`) has every row. Nationally a list runs to 300,000 signals or 30,000 clients of one
/// municipality: as one page (or API answer) that is tens of megabytes and seconds of work per request.
struct Bladeren {
    static let maximum = 1_000
    let nummer: Int
    let perPagina: Int
    let totaal: Int
    /// The CSV download of this table: all rows.
    let alles: Bool

    init(_ v: Paginaverzoek, totaal: Int, tabel: String, standaard: Int = Bladeren.maximum) throws {
        guard let perPagina = Int(v["aantal"] ?? "\(standaard)"), (1...Bladeren.maximum).contains(perPagina) else {
            throw Paginafout.ongeldig("aantal per pagina: 1 tot en met \(Bladeren.maximum)")
        }
        let paginas = max(1, (totaal + perPagina - 1) / perPagina)
        guard let nummer = Int(v["pagina"] ?? "1"), (1...paginas).contains(nummer) else {
            throw Paginafout.ongeldig("pagina bestaat niet; er zijn \(paginas) pagina's")
        }
        self.nummer = nummer
        self.perPagina = perPagina
        self.totaal = totaal
        alles = v["csv"] == tabel
    }

    var paginas: Int { max(1, (totaal + perPagina - 1) / perPagina) }

    /// The positions of the rows shown.
    var bereik: Range<Int> {
        alles ? 0..<totaal : min(totaal, (nummer - 1) * perPagina)..<min(totaal, nummer * perPagina)
    }

    func deel<T>(_ lijst: [T]) -> [T] { Array(lijst[bereik]) }

    /// Which rows are shown; empty when one page holds them all.
    func toelichting(verfijn: String) -> String {
        guard !alles && paginas > 1 else { return "" }
        return "Getoond: \(Tabel.groepeer(bereik.lowerBound + 1))–\(Tabel.groepeer(bereik.upperBound)) van "
            + "\(Tabel.groepeer(totaal)) (pagina \(nummer) van \(paginas)). \(verfijn)"
    }

    /// Where the table's page links go: this page and its page count, rendered with the request's own path and query.
    var blad: WebTabel.Blad? { alles || paginas <= 1 ? nil : WebTabel.Blad(nummer: nummer, paginas: paginas) }
}
