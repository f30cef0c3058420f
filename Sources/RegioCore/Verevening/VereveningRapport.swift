/// A verevening over the registered data: one or more years, one or more scenarios, for the pooled lots together or
/// lot by lot, all with the same key. What `regiomonitor verevening` prints and charts.
public struct VereveningRapport: Sendable {
    /// One year, one lot (nil: all pooled lots together) and one scenario.
    public struct Onderdeel: Sendable {
        public let jaar: Int
        public let perceel: String?
        public let scenario: VereveningScenario
        public let uitkomst: VereveningUitkomst
    }

    public let jaren: ClosedRange<Int>
    /// In the order asked, without repeats.
    public let scenarios: [VereveningScenario]
    public let sleutel: VereveningSleutel
    /// [nil]: the pooled lots together; else every pooled lot on its own, sorted by code.
    public let percelen: [String?]
    /// The codes of the lots with a pooled part in any year (verevend = ja, or a rule of `verevening`), sorted.
    public let verevendePercelen: [String]
    /// What is pooled in each year, when the kind `verevening` says more than verevend = ja/nee.
    public let vereveningsregels: Vereveningsregels
    /// By year, then lot, then scenario.
    public let onderdelen: [Onderdeel]
    /// gemeentecode -> name, perceel -> name, for display.
    public let gemeentenamen: [String: String]
    public let perceelnamen: [String: String]
    /// Key `gebruik` only: per year, the years of its usage window that had pooled cost and so count in the key (all
    /// pooled lots together). Fewer than three means the key rests on a shorter history, which the reader must know.
    public let gebruiksjarenMetKosten: [Int: [Int]]

    /// Per lot, each lot is equalized on its own: A is the lot's cost, `drempel` takes each client's cost within the
    /// lot and `gebruik` the lot's own usage; for `solidariteit` with a fixed key the lots add up to the total run.
    /// With `sommen` (covering the years of the key as well) the costs come from the monthly sums, not from the lines.
    public init(_ g: Gegevens, jaren: ClosedRange<Int>, scenarios: [VereveningScenario], sleutel: VereveningSleutel,
                perPerceel: Bool = false, sommen: Declaratieaggregaten? = nil) throws(VereveningRapportFout) {
        var uniek: [VereveningScenario] = []
        for s in scenarios.isEmpty ? [.solidariteit] : scenarios where !uniek.contains(s) { uniek.append(s) }
        let vanaf = sleutel.kijktTerug ? VereveningSleutel.gebruiksjaren(voor: jaren.lowerBound).lowerBound : jaren.lowerBound
        let kosten = sommen.map { VerevendeKosten(g, sommen: $0, jaren: vanaf...jaren.upperBound) }
            ?? VerevendeKosten(g, jaren: vanaf...jaren.upperBound)
        guard !kosten.percelen.isEmpty else {
            throw VereveningRapportFout(reden: "er zijn geen verevende percelen (percelen met verevend = ja of een vereveningsregel)")
        }
        let percelen: [String?] = perPerceel ? kosten.percelen : [nil]
        var delen: [Onderdeel] = []
        for jaar in jaren {
            for perceel in percelen {
                let invoer: [VereveningInvoer]
                do { invoer = try kosten.invoer(jaar: jaar, perceel: perceel, sleutel: sleutel, gemeentecijfers: g.gemeentecijfers) }
                catch { throw VereveningRapportFout(jaar: jaar, perceel: perceel, fout: error) }
                for s in uniek {
                    do { delen.append(Onderdeel(jaar: jaar, perceel: perceel, scenario: s, uitkomst: try Verevening.bereken(invoer, scenario: s))) }
                    catch { throw VereveningRapportFout(jaar: jaar, perceel: perceel, fout: error) }
                }
            }
        }
        var metKosten: [Int: [Int]] = [:]
        if sleutel == .gebruik {
            for jaar in jaren {
                metKosten[jaar] = VereveningSleutel.gebruiksjaren(voor: jaar).filter { kosten.eigenKosten(jaar: $0).values.som() > .nul }
            }
        }
        gebruiksjarenMetKosten = metKosten
        self.jaren = jaren
        self.scenarios = uniek
        self.sleutel = sleutel
        self.percelen = percelen
        verevendePercelen = kosten.percelen
        vereveningsregels = kosten.regels
        onderdelen = delen
        gemeentenamen = Dictionary(g.gemeenten.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
        perceelnamen = Dictionary(g.percelen.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
    }

    public func uitkomst(jaar: Int, perceel: String?, scenario: VereveningScenario) -> VereveningUitkomst? {
        onderdelen.first { $0.jaar == jaar && $0.perceel == perceel && $0.scenario == scenario }?.uitkomst
    }

    /// A, P and saldo per municipality summed over the years, for one lot (nil: all together) and scenario.
    public func cumulatief(perceel: String?, scenario: VereveningScenario) throws(VereveningRapportFout) -> [VereveningCumulatief] {
        let u = onderdelen.filter { $0.perceel == perceel && $0.scenario == scenario }.map(\.uitkomst)
        do { return try Verevening.cumulatief(u) } catch { throw VereveningRapportFout(perceel: perceel, fout: error) }
    }

    /// The saldo per municipality for a chart: over all years, and per lot summed over the lots.
    public func saldoPerGemeente(scenario: VereveningScenario) -> [String: Euro] {
        var uit: [String: Euro] = [:]
        for o in onderdelen where o.scenario == scenario {
            for r in o.uitkomst.regels { uit[r.gemeentecode, default: .nul] += r.saldo }
        }
        return uit
    }

    /// The participating municipalities, sorted by code.
    public var gemeenten: [String] { onderdelen.first?.uitkomst.regels.map(\.gemeentecode) ?? [] }

    public func gemeentenaam(_ code: String) -> String { gemeentenamen[code] ?? code }

    /// Per year of the report with rules of its own: what is pooled beyond verevend = ja/nee, in Dutch.
    public var deelregels: [(jaar: Int, regels: String)] {
        jaren.compactMap { j in vereveningsregels.omschrijving(jaar: j).map { (j, $0) } }
    }
}

/// A verevening over the registered data that cannot be computed: where (year, lot) and why, in Dutch.
public struct VereveningRapportFout: Error, Sendable, CustomStringConvertible {
    public let jaar: Int?
    public let perceel: String?
    public let fout: VereveningFout?
    public let reden: String

    public init(jaar: Int? = nil, perceel: String? = nil, fout: VereveningFout) {
        self.jaar = jaar; self.perceel = perceel; self.fout = fout; reden = fout.description
    }

    public init(reden: String) { jaar = nil; perceel = nil; fout = nil; self.reden = reden }

    public var description: String {
        let plaats = [jaar.map { "\($0)" }, perceel.map { "perceel \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return plaats.isEmpty ? reden : plaats + ": " + reden
    }
}
