import RegioCore

/// The figures the pages show, computed by RegioCore and cached in the `Cijferbron` by their parameters.
extension Cijferbron {
    /// Which records a figure counts: all, or those of one municipality, lot and/or provider.
    struct Selectie: Hashable, Sendable, CustomStringConvertible {
        var gemeente: String? = nil
        var perceel: String? = nil
        var aanbieder: String? = nil
        var alleenVerevend = false

        var description: String { "\(gemeente ?? "*")|\(perceel ?? "*")|\(aanbieder ?? "*")|\(alleenVerevend ? "v" : "")" }

        func filter(_ ref: @escaping @Sendable (String) -> Bool) -> ((String, String?, String) -> Bool)? {
            if gemeente == nil && perceel == nil && aanbieder == nil && !alleenVerevend { return nil }
            return { g, p, a in
                (gemeente == nil || g == gemeente) && (perceel == nil || p == perceel) && (aanbieder == nil || a == aanbieder)
                    && (!alleenVerevend || ref(p ?? ""))
            }
        }
    }

    typealias Uitkomst = (groepen: [Kengetallen], totaal: Kengetallen)

    func kengetallen(van: Dag, tot: Dag, per: Groepering, _ s: Selectie = Selectie()) throws -> Uitkomst {
        try figuur("kg|\(van)|\(tot)|\(per.rawValue)|\(s)") { g in
            let verevend = Set(g.percelen.filter(\.verevend).map(\.code))
            return Monitoring.kengetallen(g, van: van, tot: tot, per: per, filter: s.filter { verevend.contains($0) })
        }
    }

    func kengetallen(jaar: Int, per: Groepering, _ s: Selectie = Selectie()) throws -> Uitkomst {
        try kengetallen(van: Dag.eersteVan(jaar: jaar), tot: Dag.laatsteVan(jaar: jaar), per: per, s)
    }

    /// The twelve months of a year: the totals of each month.
    func maandreeks(jaar: Int, _ s: Selectie = Selectie()) throws -> [(maand: Maand, k: Kengetallen)] {
        try (1...12).map { m in
            let maand = Maand(jaar: jaar, maand: m)
            return (maand, try kengetallen(van: maand.eersteDag, tot: maand.laatsteDag, per: .gemeente, s).totaal)
        }
    }

    func clientoverzicht(jaar: Int, _ s: Selectie) throws -> [Clientregel] {
        try figuur("cl|\(jaar)|\(s)") { g in
            let verevend = Set(g.percelen.filter(\.verevend).map(\.code))
            return Monitoring.clientoverzicht(g, van: Dag.eersteVan(jaar: jaar), tot: Dag.laatsteVan(jaar: jaar),
                                              filter: s.filter { verevend.contains($0) })
        }
    }

    /// Years with data: every year with a budget or a declaration, sorted.
    func jaren() throws -> [Int] {
        try figuur("jaren") { g in
            var j = Set(g.budgetten.map(\.jaar))
            for d in g.declaraties { j.insert(d.begindatum.jaar) }
            return j.sorted()
        }
    }

    /// The year a page shows without a choice: the latest year with a budget, else the latest with declarations.
    func standaardJaar() throws -> Int {
        try figuur("standaardjaar") { g in
            g.budgetten.map(\.jaar).max() ?? g.declaraties.map(\.begindatum.jaar).max() ?? Dag.laatsteVan(jaar: 2020).jaar
        }
    }

    func referentie() throws -> Referentiekaart { try figuur("ref") { Referentiekaart($0) } }
}
