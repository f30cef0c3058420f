/// Who a report is for: the municipality's own staff (with the most expensive clients, by pseudonym) or the council
/// (aggregates only, small numbers suppressed: see `Onderdrukking`).
public enum Rapportversie: String, Sendable, CaseIterable {
    case intern, raad
}

public enum RapportFout: Error, Equatable, CustomStringConvertible {
    case onbekendeGemeente(String)
    public var description: String {
        switch self {
        case .onbekendeGemeente(let g): "onbekende gemeente '\(g)': geef een gemeentecode uit de gemeentelijst"
        }
    }
}

/// The monthly report of one municipality, as values: sections with text, tables and charts, already suppressed for the
/// council version. Rendered to HTML by `Rapport.html`, to csv per table by `Tabel.csv`.
public struct Maandrapport: Sendable {
    public struct Onderdeel: Sendable {
        /// File-name stem for the csv export (kerncijfers, budget_per_perceel, ...).
        public var naam: String
        public var titel: String
        public var inleiding: [String]
        public var grafieken: [Grafiek]
        public var grafiekSoort: [GrafiekSoort]
        public var tabel: Tabel?
        public var noten: [String]
    }
    public enum GrafiekSoort: Sendable { case kolommen, liggend }

    public var gemeente: Gemeente
    public var maand: Maand
    public var peildatum: Dag
    public var peildatumVorigJaar: Dag
    public var versie: Rapportversie
    public var kernpunten: [String]
    public var onderdelen: [Onderdeel]
    public var voetnoten: [String]

    /// The period the report covers: January up to and including the month.
    public var van: Dag { Dag.eersteVan(jaar: maand.jaar) }
    public var tot: Dag { maand.laatsteDag }

    /// The report for a municipality up to and including `maand`, with the data known on `peildatum` (default: the last
    /// day of the month, as it would have been made then). Last year is compared like for like: the same months, as
    /// known one year before the valuation date.
    ///
    /// The council version takes its suppression from the council's plans of this year and last year (`Raadsplan`),
    /// so that the report hides what the dashboard hides; without them they are made from `g` as known on the
    /// valuation date, over the report's months. Last year is then as known now, not as known a year earlier: two
    /// stands of one year differ by the declarations of a few clients.
    public static func maak(_ g: Gegevens, gemeente code: String, maand: Maand, peildatum: Dag? = nil,
                            versie: Rapportversie, plannen: (nu: Raadsplan, vorig: Raadsplan?)? = nil) throws(RapportFout) -> Maandrapport {
        guard let gemeente = g.gemeenten.first(where: { $0.code == code }) else { throw .onbekendeGemeente(code) }
        let p = peildatum ?? maand.laatsteDag
        var r = Maandrapport(gemeente: gemeente, maand: maand, peildatum: p, peildatumVorigJaar: versie == .raad ? p : p.jaarEerder,
                             versie: versie, kernpunten: [], onderdelen: [], voetnoten: [])
        var plan: (nu: Raadsplan, vorig: Raadsplan?)? = nil
        if versie == .raad {
            plan = plannen ?? {
                let bekend = g.bekendOp(p)
                let heeftVorig = bekend.declaraties.contains { $0.begindatum.jaar == maand.jaar - 1 || $0.einddatum.jaar == maand.jaar - 1 }
                return (Raadsplan.bereken(bekend, jaar: maand.jaar, tot: maand.laatsteDag),
                        heeftVorig ? Raadsplan.bereken(bekend, jaar: maand.jaar - 1, tot: Dag.laatsteVan(jaar: maand.jaar - 1)) : nil)
            }()
        }
        let b = Rapportbouwer(g: g, rapport: r, plan: plan)
        // the expected outcome of the year as known on the valuation date: what the Burap decides on (issue 22)
        b.verwachting = (try? Jaarprognose(Jaarprognose.Basis(g, per: .gemeente), jaar: maand.jaar, peildatum: p, methode: .bf))?
            .groepen.first { $0.groep == code }
        r.onderdelen = [b.kerncijfers(), b.budget(), b.trend(), b.verwijzers(), b.vergelijking()]
        if versie == .intern { r.onderdelen.append(b.duursteClienten()) }
        r.kernpunten = b.kernpunten()
        r.voetnoten = b.voetnoten()
        return r
    }
}

extension Dag {
    /// The same day one year earlier (29 February becomes 28 February).
    public var jaarEerder: Dag {
        let o = onderdelen
        return Dag(jaar: o.jaar - 1, maand: o.maand, dag: min(o.dag, Dag.dagenInMaand(jaar: o.jaar - 1, maand: o.maand)))!
    }
}

extension Maand {
    static let afkortingen = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    /// "jun"
    public var afkorting: String { Maand.afkortingen[maand - 1] }
}
