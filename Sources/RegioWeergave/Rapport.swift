import RegioCore

/// The monthly municipality report as one self-contained HTML page: inline CSS and SVG, no scripts, no external
/// requests, printable on A4. Pure string building, so the web dashboard can serve the same page.
public enum Rapport {
    public static func html(_ r: Maandrapport) -> String {
        let raad = r.versie == .raad
        return document(titel: "Maandrapportage jeugdhulp \(r.gemeente.naam) — \(r.maand.naam)", kop: "Maandrapportage jeugdhulp",
                        label: raad ? "Raadsversie — geen cliëntgegevens" : "Interne versie — bevat cliëntgegevens (pseudoniem), niet verspreiden",
                        raad: raad,
                        sub: "<strong>\(HTML.tekst(r.gemeente.naam))</strong> · januari t/m \(HTML.tekst(r.maand.naam)) · stand \(r.peildatum.nederlands)",
                        kernpunten: r.kernpunten, onderdelen: r.onderdelen, voetnoten: r.voetnoten)
    }

    /// The Burap of one municipality, printable like the monthly report.
    public static func html(_ b: Burap) -> String {
        document(titel: "Burap jeugdhulp \(b.gemeente.naam) \(b.jaar) — stand \(b.peildatum.nederlands)", kop: "Bestuursrapportage jeugdhulp \(b.jaar)",
                 label: "Interne versie — voor de Burap", raad: false,
                 sub: "<strong>\(HTML.tekst(b.gemeente.naam))</strong> · stand \(b.peildatum.nederlands)"
                    + (b.budgetversie.map { " · budget \(HTML.tekst($0))" } ?? ""),
                 kernpunten: b.samenvatting, onderdelen: b.onderdelen(),
                 voetnoten: ["Bedragen in euro's; een declaratie telt in de maanden waarin de zorg is geleverd (regels over een jaargrens naar dagen verdeeld). "
                             + "Prognose: Bornhuetter-Ferguson per perceel op het ontwikkelpatroon van de regio, zoals de verwachte uitkomst in het dashboard."],
                 liggend: true)
    }

    /// A self-contained printable page: header with label, the short version, sections with charts and tables, notes.
    static func document(titel: String, kop: String, label: String, raad: Bool, sub: String, kernpunten: [String],
                         onderdelen: [Maandrapport.Onderdeel], voetnoten: [String], liggend: Bool = false) -> String {
        var h = """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.tekst(titel))</title>
        <style>\(stijl)\(liggend ? liggendeStijl : "")</style>
        </head>
        <body>
        <header>
        <p class="label \(raad ? "raad" : "intern")">\(HTML.tekst(label))</p>
        <h1>\(HTML.tekst(kop))</h1>
        <p class="sub">\(sub)</p>
        </header>

        """
        if !kernpunten.isEmpty {
            h += "<section class=\"kern\">\n<h2>In het kort</h2>\n<ul>\n"
            h += kernpunten.map { "<li>\(HTML.tekst($0))</li>" }.joined(separator: "\n")
            h += "\n</ul>\n</section>\n"
        }
        for o in onderdelen {
            // the heading stays on the page of its first chart (or table): no orphaned titles in print
            h += "<section id=\"\(HTML.tekst(o.naam))\">\n<div class=\"blok\">\n<h2>\(HTML.tekst(o.titel))</h2>\n"
            for p in o.inleiding { h += "<p>\(HTML.tekst(p))</p>\n" }
            for (i, (grafiek, soort)) in zip(o.grafieken, o.grafiekSoort).enumerated() {
                let svg = soort == .kolommen ? SVGGrafiek.kolommen(grafiek) : SVGGrafiek.liggend(grafiek)
                h += "<figure>\(svg)<figcaption>\(HTML.tekst(grafiek.titel))</figcaption></figure>\n"
                if i == 0 { h += "</div>\n" }
            }
            if o.grafieken.isEmpty { h += "</div>\n" }
            if let t = o.tabel { h += HTML.tabel(t, eersteKolomKop: true) }
            for n in o.noten { h += "<p class=\"noot\">\(HTML.tekst(n))</p>\n" }
            h += "</section>\n"
        }
        h += "<footer>\n"
        for v in voetnoten { h += "<p>\(HTML.tekst(v))</p>\n" }
        h += "</footer>\n</body>\n</html>\n"
        return h
    }

    /// Wide tables (the Burap): A4 landscape.
    static let liggendeStijl = """

    @page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
    body { max-width: 273mm; }
    """

    static let stijl = """
    @page { size: A4; margin: 14mm 13mm 16mm 13mm; }
    * { box-sizing: border-box; }
    html { background: #f2f2f2; }
    body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #222;
           max-width: 184mm; margin: 8mm auto; padding: 10mm 12mm; background: #fff; }
    header { border-bottom: 3px solid #1f5f8b; margin-bottom: 4mm; }
    h1 { font-size: 19pt; margin: 1mm 0 1mm; color: #0b3d5c; }
    h2 { font-size: 12.5pt; margin: 5mm 0 2mm; color: #0b3d5c; break-after: avoid; }
    .sub { margin: 0 0 2mm; font-size: 11pt; }
    .label { display: inline-block; margin: 0; padding: 1mm 2.5mm; font-size: 8.5pt; font-weight: bold; border-radius: 2px; }
    .label.raad { background: #e3efe3; color: #1d5e20; }
    .label.intern { background: #fbe3d3; color: #8a3b00; }
    section { break-inside: auto; }
    .kern, .blok { break-inside: avoid; }
    h2 + p { break-before: avoid; }
    .kern { background: #eef4f8; border-left: 4px solid #1f5f8b; padding: 1mm 4mm 1mm; }
    .kern h2 { margin-top: 2mm; }
    .kern ul { margin: 1mm 0 2mm; padding-left: 5mm; }
    .kern li { margin: 0.8mm 0; }
    p { margin: 1mm 0 2mm; }
    table { border-collapse: collapse; width: 100%; font-size: 8.6pt; margin: 1mm 0 1mm; break-inside: auto; }
    thead { display: table-header-group; }
    tfoot { display: table-row-group; }
    tr { break-inside: avoid; }
    th, td { padding: 0.9mm 1.6mm; border-bottom: 1px solid #e2e2e2; text-align: left; vertical-align: top; }
    thead th { background: #e8eff5; border-bottom: 1.5px solid #9db6c9; font-weight: bold; }
    tbody th { font-weight: normal; }
    tfoot th, tfoot td { font-weight: bold; border-top: 1.5px solid #9db6c9; border-bottom: none; }
    .r { text-align: right; font-variant-numeric: tabular-nums; }
    td.r { white-space: nowrap; }
    td:not(.r) { overflow-wrap: anywhere; }
    thead th { vertical-align: bottom; }
    td.o { color: #777; font-style: italic; }
    figure { margin: 2mm 0 3mm; break-inside: avoid; }
    figure svg { display: block; width: 100%; height: auto; font-family: inherit; }
    figcaption { font-size: 8.5pt; color: #555; margin-top: 0.5mm; }
    .noot { font-size: 8.5pt; color: #555; }
    footer { margin-top: 6mm; border-top: 1px solid #ccc; font-size: 8pt; color: #555; }
    footer p { margin: 1mm 0; }
    @media print {
      html { background: #fff; }
      body { margin: 0; padding: 0; max-width: none; }
    }
    """
}
