import RegioCore

/// Where figures come from, decided in one place for every edge: the commands, the dashboard and its API, the export.
///
/// The database keeps the monthly sums of the declaration lines up to date. Figures over whole years without a
/// valuation date come from those sums and the records without lines, so a national year fits in memory. What needs
/// single lines (a valuation date, a part of a year, a grouping the sums do not have, one client) reads the lines. An
/// import between two reads can make the sums stale; then the figures come from the lines, never from a mix.
public struct Cijferdienst: Sendable {
    public let opslag: any Opslag

    public init(_ opslag: any Opslag) { self.opslag = opslag }

    /// The data figures are computed from: every record, and either the declaration lines or their sums.
    public struct Basis: @unchecked Sendable {
        public var gegevens: Gegevens
        /// The sums of the lines; nil when `gegevens` holds the lines themselves.
        public var sommen: Declaratieaggregaten?

        public init(gegevens: Gegevens, sommen: Declaratieaggregaten?) { self.gegevens = gegevens; self.sommen = sommen }
    }

    /// Which lines are read when the sums cannot be used.
    public enum Lijnen: Sendable {
        /// Lines with service in the period (what figures over the period count).
        case periode
        /// Every line (figures that look back further than the period, such as usage keys).
        case alle
    }

    /// The data for figures over [van, tot]: from the sums when they are up to date, cover the period (whole years) and
    /// the lines are not needed (`lijnenNodig`: a valuation date, a grouping the sums lack); else with the lines.
    /// `verzoeken`: with the requests (the signal rules and the dashboard need them; the figures do not).
    public func basis(van: Dag, tot: Dag, perAanbieder: Bool = false, verzoeken: Bool = false, lijnenNodig: Bool = false,
                      zonderSommen lijnen: Lijnen = .periode) throws -> Basis {
        if !lijnenNodig, Declaratieaggregaten.dekt(van: van, tot: tot), try opslag.aggregatenActueel() {
            // the records are read while the sums are; a contract that replaces one provider's lines needs the sums
            // with their provider
            let opslag = self.opslag
            let rest = Toekomst { Result { try opslag.gegevensZonderDeclaraties(verzoeken: verzoeken) } }
            let metAanbieder = try perAanbieder || opslag.heeftContractZonderDeclaraties()
            let sommen = Result { try opslag.aggregaten(jaren: van.jaar...tot.jaar, perAanbieder: metAanbieder) }
            let g = try rest.waarde.get()
            if let s = try sommen.get() { return Basis(gegevens: g, sommen: s) }
        }
        return Basis(gegevens: try regels(van: van, tot: tot, lijnen), sommen: nil)
    }

    /// Everything the dashboard keeps in memory: the sums of all years per provider with the records and requests, or,
    /// when the sums are not up to date, every record with its lines.
    public func alles() throws -> Basis {
        // the sums and the other records at once, each in a read transaction of its own (as `kengetallen`)
        let opslag = self.opslag
        let sommen = Toekomst { Result { try opslag.aggregaten(jaren: 0...9999, perAanbieder: true) } }
        let g = try opslag.gegevensZonderDeclaraties(verzoeken: true)
        if let s = try sommen.waarde.get() { return Basis(gegevens: g, sommen: s) }
        return Basis(gegevens: try opslag.gegevens(), sommen: nil)
    }

    /// The monitoring figures over [van, tot] (`regiomonitor cijfers`, the API): from the sums where they can be, the
    /// allocations counted while the sums are still being read; with the data they came from.
    public func kengetallen(van: Dag, tot: Dag, per: Groepering, selectie: Selectie, peildatum: Dag?) throws
        -> (groepen: [Kengetallen], totaal: Kengetallen, basis: Basis) {
        if peildatum == nil, Declaratieaggregaten.dekt(van: van, tot: tot), Declaratieaggregaten.groeperingen.contains(per),
           try opslag.aggregatenActueel() {
            let opslag = self.opslag
            // a contract that replaces one provider's lines needs the sums with their provider
            let metAanbieder = try per == .aanbieder || opslag.heeftContractZonderDeclaraties()
            let sommen = Toekomst { Result { try opslag.aggregaten(jaren: van.jaar...tot.jaar, perAanbieder: metAanbieder) } }
            let g = try opslag.gegevensZonderDeclaraties()
            let (groepen, totaal) = Monitoring.kengetallen(g, van: van, tot: tot, per: per, selectie: selectie,
                                                            sommen: { (try? sommen.waarde.get()).flatMap { $0 } ?? Declaratieaggregaten() })
            if let s = try sommen.waarde.get() { return (groepen, totaal, Basis(gegevens: g, sommen: s)) }
            // an import in between made the sums stale: the figures from the lines, as without sums
        }
        let g = try regels(van: van, tot: tot, .periode)
        let (groepen, totaal) = Monitoring.kengetallen(g, van: van, tot: tot, per: per, selectie: selectie, peildatum: peildatum)
        return (groepen, totaal, Basis(gegevens: g, sommen: nil))
    }

    /// The forecast's prepared amounts and the data it was made from: from the run-off triangle kept with the sums
    /// when it is up to date, else from the lines.
    public func prognose(per: Jaarprognose.Groepering) throws -> (basis: Jaarprognose.Basis, gegevens: Gegevens) {
        if let d = try opslag.driehoek() {
            let g = try opslag.gegevensZonderDeclaraties()
            // the triangle has no providers: a contract that replaces one provider's lines needs the lines
            if !g.vervangtPerAanbieder { return (Jaarprognose.Basis(g, driehoek: d, per: per), g) }
        }
        let g = try opslag.gegevens()
        return (Jaarprognose.Basis(g, per: per), g)
    }

    /// The forecast's prepared amounts for data already in memory.
    public func prognose(_ b: Basis, per: Jaarprognose.Groepering) throws -> Jaarprognose.Basis {
        guard b.sommen != nil else { return Jaarprognose.Basis(b.gegevens, per: per) }
        if !b.gegevens.vervangtPerAanbieder, let d = try opslag.driehoek() { return Jaarprognose.Basis(b.gegevens, driehoek: d, per: per) }
        return Jaarprognose.Basis(try opslag.gegevens(), per: per)   // stale since `b` was read: from the lines
    }

    /// `b`'s data with every declaration line (what a valuation date or a single report needs).
    public func metRegels(_ b: Basis) throws -> Gegevens { b.sommen == nil ? b.gegevens : try opslag.gegevens() }

    /// One client's declaration lines.
    public func declaraties(client: ClientID, _ b: Basis) throws -> [Declaratieregel] {
        if b.sommen != nil { return try opslag.declaraties(client: client) }
        return b.gegevens.declaraties.filter { $0.client == client }
    }

    private func regels(van: Dag, tot: Dag, _ lijnen: Lijnen) throws -> Gegevens {
        switch lijnen {
        case .periode: try opslag.gegevens(declaratiesVan: van, tot: tot)
        case .alle: try opslag.gegevens()
        }
    }
}
