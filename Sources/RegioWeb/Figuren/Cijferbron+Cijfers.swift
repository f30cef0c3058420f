import RegioCore
import RegioStore

/// The figures the pages show, computed by RegioCore and cached in the `Cijferbron` by their parameters.
extension Cijferbron {
    /// Which records a figure counts: all, or those of one municipality, lot and/or provider.
    struct Cijferselectie: Hashable, Sendable, CustomStringConvertible {
        var gemeente: String? = nil
        var perceel: String? = nil
        var aanbieder: String? = nil
        var alleenVerevend = false

        var description: String { "\(gemeente ?? "*")|\(perceel ?? "*")|\(aanbieder ?? "*")|\(alleenVerevend ? "v" : "")" }

        func filter(_ ref: @escaping @Sendable (String) -> Bool) -> (@Sendable (String, String?, String) -> Bool)? {
            if gemeente == nil && perceel == nil && aanbieder == nil && !alleenVerevend { return nil }
            return { g, p, a in
                (gemeente == nil || g == gemeente) && (perceel == nil || p == perceel) && (aanbieder == nil || a == aanbieder)
                    && (!alleenVerevend || ref(p ?? ""))
            }
        }
    }

    typealias Uitkomst = (groepen: [Kengetallen], totaal: Kengetallen)

    func kengetallen(van: Dag, tot: Dag, per: Groepering, _ s: Cijferselectie = Cijferselectie()) throws -> Uitkomst {
        try figuur("kg|\(van)|\(tot)|\(per.rawValue)|\(s)") { g in
            let verevend = try verevendePercelen(jaar: van.jaar)
            let filter = s.filter { verevend.contains($0) }
            guard try sommen() != nil else { return Monitoring.kengetallen(g, van: van, tot: tot, per: per, filter: filter) }
            guard Declaratieaggregaten.dekt(van: van, tot: tot), Declaratieaggregaten.groeperingen.contains(per) else {
                return Monitoring.kengetallen(try volledigeGegevens(), van: van, tot: tot, per: per, filter: filter)
            }
            let d = try deel(s, jaar: van.jaar)
            // the whole region's figures that neither group nor select by provider: from the cost summed over providers
            // (a tenth of the rows; nationally 2 s less for each), unless a contract replaces one provider's lines
            let overAanbieders = per != .aanbieder && s == Cijferselectie() && !d.gegevens.vervangtPerAanbieder
            return Monitoring.kengetallen(d.gegevens, van: van, tot: tot, per: per, filter: filter,
                                          filtertOpAanbieder: s.aanbieder != nil, aggregaten: overAanbieders ? try sommenOverAanbieders() : d.sommen)
        }
    }

    /// The sums with their cost summed over providers (as `cijfers` reads them), made once from those by provider.
    func sommenOverAanbieders() throws -> Declaratieaggregaten {
        try figuur("sommen over aanbieders") { _ in
            guard let alle = try sommen() else { preconditionFailure("sommen over aanbieders zonder sommen") }
            return try alle.zonderAanbieders()
        }
    }

    func kengetallen(jaar: Int, per: Groepering, _ s: Cijferselectie = Cijferselectie()) throws -> Uitkomst {
        try kengetallen(van: Dag.eersteVan(jaar: jaar), tot: Dag.laatsteVan(jaar: jaar), per: per, s)
    }

    /// The twelve months of a year: each month's figures (grouped per month, so one pass over the records).
    func maandreeks(jaar: Int, _ s: Cijferselectie = Cijferselectie()) throws -> [(maand: Maand, k: Kengetallen)] {
        let perMaand = try kengetallen(jaar: jaar, per: .maand, s).groepen
        return perMaand.compactMap { k in Maand.parse(k.groep).map { ($0, k) } }
    }

    func clientoverzicht(jaar: Int, _ s: Cijferselectie) throws -> [Clientregel] {
        try figuur("cl|\(jaar)|\(s)") { g in
            let verevend = try verevendePercelen(jaar: jaar)
            let van = Dag.eersteVan(jaar: jaar), tot = Dag.laatsteVan(jaar: jaar)
            guard try sommen() != nil else {
                return Monitoring.clientoverzicht(g, van: van, tot: tot, filter: s.filter { verevend.contains($0) })
            }
            let d = try deel(s, jaar: jaar)
            return Monitoring.clientoverzicht(d.gegevens, van: van, tot: tot, filter: s.filter { verevend.contains($0) },
                                              aggregaten: d.sommen)
        }
    }

    /// The records a selection can touch: those of its municipality, else its provider, else its lot (in `jaar`), so a
    /// page about one of 342 municipalities does not go through the whole country. The selection's own filter still
    /// applies; this only leaves out records it would skip.
    private func deel(_ s: Cijferselectie, jaar: Int) throws -> (gegevens: Gegevens, sommen: Declaratieaggregaten) {
        guard let alle = try sommen() else { preconditionFailure("deel zonder sommen") }
        func knip(_ sleutel: String, op velden: Declaratieaggregaten.Velden,
                  _ hoort: @escaping (String, String, String, String?) -> Bool) throws -> (gegevens: Gegevens, sommen: Declaratieaggregaten) {
            try figuur("deel|\(sleutel)") { g in
                var d = g
                d.toewijzingen = g.toewijzingen.filter { hoort($0.gemeentecode, $0.agb, $0.productcategorie, $0.productcode) }
                var leeg = Declaratieaggregaten()
                leeg.perAanbieder = alle.perAanbieder
                return (d, alle.verdeel(op: velden) { hoort($0, $1, $2, $3) ? "" : nil }[""] ?? leeg)
            }
        }
        if let gemeente = s.gemeente { return try perGemeente()[gemeente] ?? (try gegevens(), Declaratieaggregaten()) }
        if let agb = s.aanbieder { return try knip("a|\(agb)", op: .aanbieder) { _, a, _, _ in a == agb } }
        if let perceel = s.perceel {
            let zoeker = Perceelzoeker(try referentie())
            return try knip("p|\(perceel)|\(jaar)", op: .product) { _, _, c, p in zoeker.perceel(c, p, jaar: jaar) == perceel }
        }
        return (try gegevens(), alle)
    }

    /// Every municipality's records, split in one pass (a page per municipality is the most asked for).
    func perGemeente() throws -> [String: (gegevens: Gegevens, sommen: Declaratieaggregaten)] {
        try figuur("delen|gemeente") { g in
            guard let alle = try sommen() else { return [:] }
            var delen: [String: (gegevens: Gegevens, sommen: Declaratieaggregaten)] = [:]
            var leeg = g
            leeg.toewijzingen = []
            let begin = (gegevens: leeg, sommen: Declaratieaggregaten())
            for t in g.toewijzingen { delen[t.gemeentecode, default: begin].gegevens.toewijzingen.append(t) }
            for (gemeente, sommen) in alle.verdeel(op: .gemeente, { gemeente, _, _, _ in gemeente }) { delen[gemeente, default: begin].sommen = sommen }
            return delen
        }
    }

    /// Years with data: every year with a budget or a declaration, sorted. A line counts in the year of its first day
    /// of service; from the sums, in every year its service touches.
    func jaren() throws -> [Int] {
        try figuur("jaren") { g in
            var j = Set(g.budgetten.map(\.jaar)).union(g.jaarkosten.map(\.jaar))
            if let a = try sommen() { j.formUnion(a.jaren) } else { for d in g.declaraties { j.insert(d.begindatum.jaar) } }
            return j.sorted()
        }
    }

    /// The year a page shows without a choice: the latest year with a budget, else the latest with declarations.
    func standaardJaar() throws -> Int {
        try figuur("standaardjaar") { g in
            let declaraties = try sommen().map { $0.jaren.max() } ?? g.declaraties.map(\.begindatum.jaar).max()
            return g.budgetten.map(\.jaar).max() ?? declaraties ?? Dag.laatsteVan(jaar: 2020).jaar
        }
    }

    /// The latest day in the data (a request received, an allocation registered or a line submitted).
    func laatsteDag() throws -> Dag? {
        try figuur("laatsteDag") { g in
            [Signaalmotor.laatsteDatum(g), try sommen()?.laatsteIndiening].compactMap { $0 }.max()
        }
    }

    /// One client's declaration lines (from the store when the lines are not in memory).
    func declaraties(client: ClientID) throws -> [Declaratieregel] {
        try dienst.declaraties(client: client, try laad())
    }

    func referentie() throws -> Referentiekaart { try figuur("ref") { Referentiekaart($0) } }

    /// The lots with a pooled part in `jaar` (verevend = ja, or a rule of the kind `verevening`).
    func verevendePercelen(jaar: Int) throws -> Set<String> {
        let regels = try vereveningsregels()
        return Set(regels.gepoold(jaar: jaar, uit: try gegevens().percelen.map(\.code)))
    }
}
