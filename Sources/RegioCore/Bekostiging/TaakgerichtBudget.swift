extension Bekostiging {
    /// One municipality's ex-ante key and ex-post realisation under a task-based budget.
    public struct Taakdeel: Sendable, Hashable {
        public var gemeentecode: String
        /// Weight in the ex-ante key (e.g. expected use in euros, or a share in basis points); not negative.
        public var sleutel: Int64
        /// The use attributed to the municipality afterwards.
        public var realisatie: Euro
        public init(gemeentecode: String, sleutel: Int64, realisatie: Euro) {
            self.gemeentecode = gemeentecode; self.sleutel = sleutel; self.realisatie = realisatie
        }
    }

    /// How the municipalities settle after the year.
    public enum Verrekening: String, Sendable, Hashable, CaseIterable {
        /// No settlement: each keeps its ex-ante contribution.
        case geen
        /// The region's total difference Σ realisatie − budget is shared by the ex-ante key (an overrun is paid,
        /// an underspend returned, by the same key as the budget).
        case verschilNaarSleutel
        /// The budget stays as it was, but is shared afterwards by realised use: eindbijdrage = budget × realisatie_i /
        /// Σ realisatie; the settlements add up to 0.
        case budgetNaarRealisatie
    }

    /// A task-based budget (taakgerichte bekostiging, regiovisie jeugdhulp par. 6.2): the municipalities agree a key beforehand
    /// and put their contributions in their budgets; afterwards each one's realisation is established and settled.
    ///
    /// Formulas, amounts exact in cents, every split by largest remainder so the parts add up exactly:
    /// - bijdrage vooraf_i = budget × sleutel_i / Σ sleutel;
    /// - verschil_i = realisatie_i − bijdrage vooraf_i (positive: used more than it contributed);
    /// - verrekening_i by `Verrekening`: geen: 0; verschilNaarSleutel: (Σ realisatie − budget) × sleutel_i / Σ sleutel;
    ///   budgetNaarRealisatie: budget × realisatie_i / Σ realisatie − bijdrage vooraf_i;
    /// - eindbijdrage_i = bijdrage vooraf_i + verrekening_i.
    public struct TaakgerichtBudget: Sendable, Hashable {
        public struct Gemeenteregel: Sendable, Hashable {
            public let gemeentecode: String
            public let sleutel: Int64
            public let bijdrageVooraf: Euro
            public let realisatie: Euro
            /// Positive: the municipality pays more afterwards; negative: it gets money back.
            public let verrekening: Euro
            /// realisatie − bijdrageVooraf.
            public var verschil: Euro { realisatie - bijdrageVooraf }
            /// bijdrageVooraf + verrekening.
            public var eindbijdrage: Euro { bijdrageVooraf + verrekening }
        }

        public let budget: Euro
        public let verrekening: Verrekening
        public let gemeenten: [Gemeenteregel]

        public init(budget: Euro, delen: [Taakdeel], verrekening: Verrekening) throws(BekostigingFout) {
            guard budget >= .nul else { throw BekostigingFout("een taakgericht budget kan niet negatief zijn") }
            guard !delen.isEmpty else { throw BekostigingFout("geen gemeenten om het budget over te verdelen") }
            var gezien = Set<String>()
            var somSleutel: Int64 = 0
            for d in delen {
                guard gezien.insert(d.gemeentecode).inserted else {
                    throw BekostigingFout("gemeente \(d.gemeentecode) staat twee keer in de verdeelsleutel")
                }
                guard d.sleutel >= 0 else { throw BekostigingFout("gemeente \(d.gemeentecode): negatieve sleutel \(d.sleutel)") }
                let (s, over) = somSleutel.addingReportingOverflow(d.sleutel)
                guard !over else { throw BekostigingFout("de verdeelsleutel is samen te groot") }
                somSleutel = s
            }
            guard somSleutel > 0 else { throw BekostigingFout("de verdeelsleutel telt op tot 0; er valt niets te verdelen") }
            let sleutels = delen.map(\.sleutel)
            let vooraf = budget.verdeel(naar: sleutels)
            let totaalRealisatie = delen.map(\.realisatie).som()

            let verrekend: [Euro]
            switch verrekening {
            case .geen:
                verrekend = Array(repeating: .nul, count: delen.count)
            case .verschilNaarSleutel:
                verrekend = (totaalRealisatie - budget).verdeel(naar: sleutels)
            case .budgetNaarRealisatie:
                guard delen.allSatisfy({ $0.realisatie >= .nul }) else {
                    throw BekostigingFout("verdelen naar realisatie kan niet met een negatieve realisatie")
                }
                guard totaalRealisatie > .nul else {
                    throw BekostigingFout("verdelen naar realisatie kan niet: de realisatie is samen 0")
                }
                let achteraf = budget.verdeel(naar: delen.map(\.realisatie.centen))
                verrekend = zip(achteraf, vooraf).map { $0 - $1 }
            }
            self.budget = budget
            self.verrekening = verrekening
            gemeenten = delen.indices.map { i in
                Gemeenteregel(gemeentecode: delen[i].gemeentecode, sleutel: delen[i].sleutel, bijdrageVooraf: vooraf[i],
                              realisatie: delen[i].realisatie, verrekening: verrekend[i])
            }
        }

        public var totaalRealisatie: Euro { gemeenten.map(\.realisatie).som() }
        /// Σ realisatie − budget: the region's overrun (positive) or underspend (negative).
        public var totaalVerschil: Euro { totaalRealisatie - budget }
        public var totaalVerrekening: Euro { gemeenten.map(\.verrekening).som() }
    }
}
