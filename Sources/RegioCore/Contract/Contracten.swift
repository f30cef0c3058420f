/// A contract for a lot with a provider in a year (CSV kind `contracten`): how it is funded and for how much. Lots that
/// are not paid per product and quantity (p x q) produce no declaration lines: their realisation is what is paid.
public struct Contract: Hashable, Sendable, Codable {
    /// How the contract is funded (seed 004, 6.2: p x q per product; task-based for the broad-spectrum providers;
    /// subsidy or lump sum for Veilig Thuis, the certified institutions and SAVE).
    public enum Vorm: String, Sendable, Codable, CaseIterable {
        case pxq, taakgericht, subsidie, lumpsum

        public var omschrijving: String {
            switch self {
            case .pxq: "p x q (declaraties)"
            case .taakgericht: "taakgericht"
            case .subsidie: "subsidie"
            case .lumpsum: "lumpsum"
            }
        }
    }

    /// When the contract sum falls due when no payment is registered: every month, every quarter, or once (January).
    public enum Ritme: String, Sendable, Codable, CaseIterable {
        case maand, kwartaal, jaar
    }

    public var jaar: Int
    public var perceel: String
    public var agb: String
    /// nil: a contract of the region; else of one municipality (the contract's own split).
    public var gemeentecode: String?
    public var vorm: Vorm
    public var contractsom: Euro
    public var ritme: Ritme

    public init(jaar: Int, perceel: String, agb: String, gemeentecode: String? = nil, vorm: Vorm, contractsom: Euro,
                ritme: Ritme = .maand) {
        self.jaar = jaar; self.perceel = perceel; self.agb = agb; self.gemeentecode = gemeentecode; self.vorm = vorm
        self.contractsom = contractsom; self.ritme = ritme
    }

    /// The contract sum due by the end of each month of the year, exact to the cent: monthly twelve parts and quarterly
    /// four (largest remainder, the leftover cents to the earliest), yearly all in January.
    public var schema: [Euro] {
        switch ritme {
        case .maand: return contractsom.verdeel(naar: Array(repeating: 1, count: 12))
        case .kwartaal:
            let kwartalen = contractsom.verdeel(naar: [1, 1, 1, 1])
            return (0..<12).map { $0 % 3 == 0 ? kwartalen[$0 / 3] : .nul }
        case .jaar: return [contractsom] + Array(repeating: .nul, count: 11)
        }
    }

    /// What is due in this year up to and including `peildatum`'s month (all of it after the year).
    public func schema(tot peildatum: Dag) -> Euro {
        if peildatum.jaar > jaar { return contractsom }
        if peildatum.jaar < jaar { return .nul }
        return schema.prefix(peildatum.maand.maand).som()
    }
}

/// A payment to a provider for a lot (CSV kind `betalingen`), from the financial administration.
public struct Betaling: Hashable, Sendable, Codable {
    public var datum: Dag
    public var agb: String
    public var perceel: String
    public var bedrag: Euro
    /// nil: paid by the region (split over the municipalities by the agreed key).
    public var gemeentecode: String?
    /// The payment's reference ("" when none); two payments on one day need different ones.
    public var kenmerk: String

    public init(datum: Dag, agb: String, perceel: String, bedrag: Euro, gemeentecode: String? = nil, kenmerk: String = "") {
        self.datum = datum; self.agb = agb; self.perceel = perceel; self.bedrag = bedrag; self.gemeentecode = gemeentecode
        self.kenmerk = kenmerk
    }
}

/// A provider's production report for a month (CSV kind `productie`): clients served, and optionally trajectories and
/// hours, for lots whose use is not declared line by line.
public struct Productieopgave: Hashable, Sendable, Codable {
    public var maand: Maand
    public var agb: String
    public var perceel: String
    public var gemeentecode: String
    public var clienten: Int64
    public var trajecten: Int64?
    public var uren: Int64?

    public init(maand: Maand, agb: String, perceel: String, gemeentecode: String, clienten: Int64, trajecten: Int64? = nil,
                uren: Int64? = nil) {
        self.maand = maand; self.agb = agb; self.perceel = perceel; self.gemeentecode = gemeentecode; self.clienten = clienten
        self.trajecten = trajecten; self.uren = uren
    }
}

/// The contracts of a year against what was paid, declared and produced, and each municipality's share
/// (`regiomonitor contracten`). Amounts exact in cents; every split by largest remainder, so the shares add up to the
/// realisation of each contract exactly.
public struct Contractoverzicht: Sendable {
    /// Where a contract's realisation comes from.
    public enum Bron: String, Sendable {
        case declaraties, betalingen, schema

        public var omschrijving: String {
            switch self {
            case .declaraties: "declaraties"
            case .betalingen: "betalingen"
            case .schema: "betaalschema"
            }
        }
    }

    public struct Regel: Sendable {
        public let contract: Contract
        public let aanbiedernaam: String
        /// Due by the valuation date by the contract's rhythm.
        public let volgensSchema: Euro
        /// Paid in the year up to the valuation date.
        public let betaald: Euro
        /// Declared (debit minus credit, not rejected) in the lot by the provider in the year: the realisation of p x q.
        public let gedeclareerd: Euro
        public let bron: Bron
        /// declaraties for p x q, else the payments, else the schedule.
        public var realisatie: Euro {
            switch bron {
            case .declaraties: gedeclareerd
            case .betalingen: betaald
            case .schema: volgensSchema
            }
        }
        /// realisatie − contractsom (negative: room left).
        public var verschil: Euro { realisatie - contract.contractsom }
        /// From the production reports of the year up to the valuation date: months reported, clients in the last
        /// month reported (clients are not summed over months: a child served all year is one client), trajectories
        /// and hours summed.
        public let productiemaanden: Int
        public let clientenLaatsteMaand: Int64?
        public let trajecten: Int64?
        public let uren: Int64?
        /// The realisation per municipality; adds up to `realisatie` exactly.
        public let perGemeente: [String: Euro]
    }

    public let jaar: Int
    public let peildatum: Dag
    public let sleutel: VereveningSleutel
    public let regels: [Regel]
    /// Every registered municipality, sorted.
    public let gemeenten: [String]

    /// `peildatum`: payments and production up to that day, the schedule up to its month.
    public init(_ g: Gegevens, jaar: Int, peildatum: Dag, sleutel: VereveningSleutel = .macrobudget) throws(VereveningFout) {
        self.jaar = jaar; self.peildatum = peildatum; self.sleutel = sleutel
        let codes = g.gemeenten.map(\.code).sorted()
        gemeenten = codes
        let namen = Dictionary(g.aanbieders.map { ($0.agb, $0.naam) }, uniquingKeysWith: { a, _ in a })
        let contracten = g.contracten.filter { $0.jaar == jaar }
            .sorted { ($0.perceel, $0.agb, $0.gemeentecode ?? "") < ($1.perceel, $1.agb, $1.gemeentecode ?? "") }
        var gewichten: [String: Int64]?
        func sleutelgewichten() throws(VereveningFout) -> [Int64] {
            if gewichten == nil {
                gewichten = try sleutel.gewichten(jaar: jaar, gemeentecodes: codes, gemeentecijfers: g.gemeentecijfers)
            }
            return codes.map { gewichten?[$0] ?? 0 }
        }
        // declared cost per (lot, provider, municipality) in the year: the realisation of p x q, and beside the others
        // what the provider declared anyway (a task-based provider may still send lines)
        var gedeclareerd: [String: [String: Euro]] = [:]
        if !contracten.isEmpty {
            let van = Dag.eersteVan(jaar: jaar), tot = min(Dag.laatsteVan(jaar: jaar), peildatum)
            for p in g.bekendOp(peildatum).kostenposten(jaren: jaar...jaar) where p.maand.eersteDag <= tot && p.maand.laatsteDag >= van {
                gedeclareerd["\(p.perceel ?? "")|\(p.agb)", default: [:]][p.gemeentecode, default: .nul] += p.kosten
            }
        }
        var uit: [Regel] = []
        for c in contracten {
            let sleutelContract = "\(c.perceel)|\(c.agb)"
            let betalingen = g.betalingen(c, tot: peildatum)
            let productie = g.productie.filter {
                $0.agb == c.agb && $0.perceel == c.perceel && $0.maand.jaar == jaar && $0.maand.eersteDag <= peildatum
                    && (c.gemeentecode == nil || $0.gemeentecode == c.gemeentecode)
            }
            let decl = gedeclareerd[sleutelContract] ?? [:]
            let declTotaal = c.gemeentecode.map { decl[$0] ?? .nul } ?? decl.values.som()
            let bron: Bron = c.vorm == .pxq ? .declaraties : betalingen.isEmpty ? .schema : .betalingen
            let schema = c.schema(tot: peildatum), betaald = betalingen.map(\.bedrag).som()
            // per municipality: a municipality's own contract is its own; declarations and payments with a municipality
            // are that municipality's; the rest (payments of the region, or the schedule) by the agreed key
            var perGemeente: [String: Euro] = [:]
            if let eigen = c.gemeentecode {
                perGemeente[eigen] = bron == .declaraties ? declTotaal : bron == .betalingen ? betaald : schema
            } else {
                var rest: Euro
                switch bron {
                case .declaraties:
                    perGemeente = decl
                    rest = .nul
                case .betalingen:
                    for b in betalingen { if let gem = b.gemeentecode { perGemeente[gem, default: .nul] += b.bedrag } }
                    rest = betalingen.filter { $0.gemeentecode == nil }.map(\.bedrag).som()
                case .schema: rest = schema
                }
                if rest != .nul {
                    let w = try sleutelgewichten()
                    guard w.reduce(0, +) > 0 else { throw .sleutelIsNul }
                    for (code, deel) in zip(codes, rest.verdeel(naar: w)) { perGemeente[code, default: .nul] += deel }
                }
            }
            let laatste = productie.map(\.maand).max()
            let trajecten = productie.compactMap(\.trajecten), uren = productie.compactMap(\.uren)
            uit.append(Regel(contract: c, aanbiedernaam: namen[c.agb] ?? c.agb, volgensSchema: schema, betaald: betaald,
                             gedeclareerd: declTotaal, bron: bron, productiemaanden: Set(productie.map(\.maand)).count,
                             clientenLaatsteMaand: laatste.map { m in productie.filter { $0.maand == m }.map(\.clienten).reduce(0, +) },
                             trajecten: trajecten.isEmpty ? nil : trajecten.reduce(0, +), uren: uren.isEmpty ? nil : uren.reduce(0, +),
                             perGemeente: perGemeente))
        }
        regels = uit
    }

    /// The realisation per municipality over all contracts (every registered municipality, 0 without any).
    public var perGemeente: [String: Euro] {
        var uit = Dictionary(gemeenten.map { ($0, Euro.nul) }, uniquingKeysWith: { a, _ in a })
        for r in regels { for (g, e) in r.perGemeente { uit[g, default: .nul] += e } }
        return uit
    }
}
