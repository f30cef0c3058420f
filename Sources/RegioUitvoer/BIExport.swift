import RegioCore

/// The reporting views' facts and dimensions of one year as tables, with the views' column names (docs/bi.md), for
/// `regiomonitor export`.
public enum BIExport {
    public static func tabellen(_ f: BIFeiten, _ g: Gegevens, jaar: Int) -> [(naam: String, toelichting: String, tabel: Tabel)] {
        typealias K = Tabel.Kolom
        typealias C = Tabel.Cel
        var maand = Tabel(kolommen: [K("jaar", "Jaar"), K("maand", "Maand"), K("maandcode", "Maandcode", .links),
                                     K("gemeentecode", "Gemeente", .links), K("perceel", "Perceel", .links), K("agb", "Aanbieder (AGB)", .links),
                                     K("kosten_euro", "Kosten"), K("verplichting_euro", "Verplichting")])
        var somKosten = Euro.nul, somVerplichting = Euro.nul
        for m in f.maanden where m.maand.jaar == jaar {
            maand.rijen.append([C(String(jaar), getal: true), C(String(m.maand.maand), getal: true), C(m.maand.description),
                                C(m.cel.gemeentecode), C(m.cel.perceel), C(m.cel.agb), .euroOpCent(m.kosten), .euroOpCent(m.verplichting)])
            somKosten += m.kosten; somVerplichting += m.verplichting
        }
        var jaarfeit = Tabel(kolommen: [K("jaar", "Jaar"), K("gemeentecode", "Gemeente", .links), K("perceel", "Perceel", .links),
                                        K("agb", "Aanbieder (AGB)", .links), K("kosten_euro", "Kosten"), K("verplichting_euro", "Verplichting"),
                                        K("toewijzingen", "Toewijzingen"), K("verplichting_onbekend", "Verplichting onbekend"),
                                        K("clienten_uniek_in_cel", "Unieke cliënten in de cel")])
        for j in f.jaren where j.jaar == jaar {
            jaarfeit.rijen.append([C(String(jaar), getal: true), C(j.cel.gemeentecode), C(j.cel.perceel), C(j.cel.agb), .euroOpCent(j.kosten),
                                   .euroOpCent(j.verplichting), .aantal(j.toewijzingen), .aantal(j.verplichtingOnbekend), .aantal(j.clienten)])
        }
        var perGemeente = Tabel(kolommen: [K("jaar", "Jaar"), K("gemeentecode", "Gemeente", .links), K("clienten_uniek", "Unieke cliënten")])
        perGemeente.rijen = f.clientenPerGemeente.filter { $0.jaar == jaar }.map { [C(String(jaar), getal: true), C($0.gemeentecode), .aantal($0.clienten)] }
        var regio = Tabel(kolommen: [K("jaar", "Jaar"), K("clienten_uniek", "Unieke cliënten")])
        regio.rijen = f.clientenRegio.filter { $0.jaar == jaar }.map { [C(String(jaar), getal: true), .aantal($0.clienten)] }

        var gemeenten = Tabel(kolommen: [K("gemeentecode", "Gemeente", .links), K("gemeentenaam", "Naam", .links)])
        gemeenten.rijen = g.gemeenten.sorted { $0.code < $1.code }.map { [C($0.code), C($0.naam)] }
        var percelen = Tabel(kolommen: [K("perceel", "Perceel", .links), K("perceelnaam", "Naam", .links), K("segment", "Segment", .links),
                                        K("verevend", "Verevend"), K("bekostiging", "Bekostiging", .links)])
        percelen.rijen = g.percelen.sorted { $0.code < $1.code }.map {
            [C($0.code), C($0.naam), C($0.segment), C($0.verevend ? "1" : "0", getal: true), C($0.bekostiging?.rawValue ?? "")]
        }
        if f.jaren.contains(where: { $0.jaar == jaar && $0.cel.perceel.isEmpty }) {
            percelen.rijen.append([C(""), C("Onbekend product"), C(""), C("0", getal: true), C("")])
        }
        var aanbieders = Tabel(kolommen: [K("agb", "Aanbieder (AGB)", .links), K("aanbiedernaam", "Naam", .links)])
        aanbieders.rijen = g.aanbieders.sorted { $0.agb < $1.agb }.map { [C($0.agb), C($0.naam)] }
        var producten = Tabel(kolommen: [K("productcategorie", "Categorie", .links), K("productcode", "Product", .links), K("jaar", "Jaar"),
                                         K("perceel", "Perceel", .links), K("omschrijving", "Omschrijving", .links), K("eenheid", "Eenheid", .links),
                                         K("tarief_euro", "Tarief")])
        producten.rijen = g.producten.filter { $0.jaar == nil || $0.jaar == jaar }
            .sorted { ($0.productcategorie, $0.productcode) < ($1.productcategorie, $1.productcode) }
            .map { [C($0.productcategorie), C($0.productcode), $0.jaar.map { C(String($0), getal: true) } ?? C(""), C($0.perceel),
                    C($0.omschrijving ?? ""), C($0.eenheid ?? ""), .euroOpCent($0.tarief)] }
        var maanden = Tabel(kolommen: [K("jaar", "Jaar"), K("maand", "Maand"), K("maandcode", "Maandcode", .links), K("kwartaal", "Kwartaal")])
        maanden.rijen = Set(f.maanden.filter { $0.maand.jaar == jaar }.map(\.maand)).sorted().map {
            [C(String(jaar), getal: true), C(String($0.maand), getal: true), C($0.description), C(String(($0.maand + 2) / 3), getal: true)]
        }
        return [("feit_maand", "Kosten en verplichting per maand, gemeente, perceel en aanbieder; telt op tot het jaar (totaal: "
                 + "kosten \(somKosten), verplichting \(somVerplichting)).", maand),
                ("feit_jaar", "Per jaar en cel; unieke cliënten tellen niet op over cellen.", jaarfeit),
                ("clienten_gemeente", "Unieke cliënten per gemeente.", perGemeente),
                ("clienten_regio", "Unieke cliënten in de regio.", regio),
                ("dim_gemeente", "", gemeenten), ("dim_perceel", "", percelen), ("dim_aanbieder", "", aanbieders),
                ("dim_product", "", producten), ("dim_maand", "", maanden)]
    }
}
