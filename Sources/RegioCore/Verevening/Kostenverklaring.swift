/// Explained and unexplained cost differences (issue 23, point 4; seed 002's recommendation 3a-i): the cost per young
/// person of each municipality-year is fitted on objective criteria over the region's municipality-years
/// (`Kleinstekwadraten`, unweighted: every municipality-year counts once, so a large municipality does not decide the
/// fit alone). Per municipality and year the difference from the region's average cost per young person then splits
/// exactly into an explained part (expected - average: what the criteria predict) and an unexplained part
/// (actual - expected: what the criteria do not account for, such as policy, the wijkteam's way of working, chance).
///
/// Amounts per young person are display ratios (Double euros); the costs they come from are exact cents.
public struct Kostenverklaring: Sendable {
    /// The objective criteria a municipality-year has in `gemeentecijfers`.
    public enum Criterium: String, Sendable, CaseIterable {
        case ses, wijkteam, jeugdaandeel, eenoudergezinnen
        case lageInkomens = "lage-inkomens"
        /// What the `sleutel objectief` and `verklaring` use without a choice: the two that seed 002 names.
        public static let standaard: [Criterium] = [.ses, .wijkteam]
        public var omschrijving: String {
            switch self {
            case .ses: "SES-score"
            case .wijkteam: "wijkteam-fte per 1.000 jeugdigen"
            case .jeugdaandeel: "jeugdigen per 100 inwoners"
            case .eenoudergezinnen: "% eenoudergezinnen"
            case .lageInkomens: "% huishoudens met laag inkomen"
            }
        }
        /// nil when the municipality-year lacks the figure (or has no young people or inhabitants to divide by).
        public func waarde(_ c: Gemeentecijfers) -> Double? {
            guard c.jeugdigen > 0, c.inwoners > 0 else { return nil }
            switch self {
            case .ses: return c.ses
            case .wijkteam: return c.wijkteamFte.map { $0 * 1000 / Double(c.jeugdigen) }
            case .jeugdaandeel: return Double(c.jeugdigen) * 100 / Double(c.inwoners)
            case .eenoudergezinnen: return c.eenoudergezinnen
            case .lageInkomens: return c.lageInkomens
            }
        }
    }

    public struct Waarneming: Sendable, Equatable {
        public var gemeentecode: String
        public var jaar: Int
        public var jeugdigen: Int64
        public var kosten: Euro
        /// One value per criterion, in the order of the model's criteria.
        public var criteria: [Double]
        public init(gemeentecode: String, jaar: Int, jeugdigen: Int64, kosten: Euro, criteria: [Double]) {
            self.gemeentecode = gemeentecode; self.jaar = jaar; self.jeugdigen = jeugdigen
            self.kosten = kosten; self.criteria = criteria
        }
        public var kostenPerJeugdige: Double { Double(kosten.centen) / 100 / Double(jeugdigen) }
    }

    /// One municipality in one year; per young person, in euros.
    public struct Regel: Sendable, Equatable {
        public var gemeentecode: String
        public var jaar: Int
        public var jeugdigen: Int64
        public var werkelijk: Double
        public var verwacht: Double
        /// The region's cost per young person that year (all its costs over all its young people).
        public var regiogemiddelde: Double
        /// verwacht - regiogemiddelde
        public var verklaard: Double { verwacht - regiogemiddelde }
        /// werkelijk - verwacht
        public var onverklaard: Double { werkelijk - verwacht }
    }

    public let model: Kleinstekwadraten
    public let regels: [Regel]

    /// The municipality-years of `kostenPerJaar` (cost per municipality per year) that have young people and every
    /// criterion in `gemeentecijfers`, by year and code; what the fit leaves out is summed up in `zonder`, one line per
    /// missing figure ("geen SES-score: 0307, 0308 in 2017-2019"), so a reader knows what is missing. A year without any
    /// cost is left out whole ("geen kosten in 2021").
    public static func waarnemingen(kostenPerJaar: [Int: [String: Euro]], gemeentecijfers: [Gemeentecijfers],
                                    criteria: [Criterium]) -> (waarnemingen: [Waarneming], zonder: [String]) {
        var cijfers: [Int: [String: Gemeentecijfers]] = [:]
        for c in gemeentecijfers where cijfers[c.jaar]?[c.gemeentecode] == nil { cijfers[c.jaar, default: [:]][c.gemeentecode] = c }
        var uit: [Waarneming] = []
        var ontbreekt: [String: [String: [Int]]] = [:]   // what is missing -> municipality -> years
        var zonderKosten: [Int] = []
        for (jaar, kosten) in kostenPerJaar.sorted(by: { $0.key < $1.key }) {
            // a year without any cost (not yet, or no longer, in the data) says nothing about the criteria
            guard kosten.values.contains(where: { $0 != .nul }) else { zonderKosten.append(jaar); continue }
            for (code, bedrag) in kosten.sorted(by: { $0.key < $1.key }) {
                guard let c = cijfers[jaar]?[code], c.jeugdigen > 0, c.inwoners > 0 else {
                    ontbreekt["jeugdigen", default: [:]][code, default: []].append(jaar); continue
                }
                let waarden = criteria.map { $0.waarde(c) }
                guard waarden.allSatisfy({ $0 != nil }) else {
                    let mist = zip(criteria, waarden).filter { $0.1 == nil }.map(\.0.omschrijving).joined(separator: ", ")
                    ontbreekt[mist, default: [:]][code, default: []].append(jaar); continue
                }
                uit.append(Waarneming(gemeentecode: code, jaar: jaar, jeugdigen: c.jeugdigen, kosten: bedrag, criteria: waarden.map { $0! }))
            }
        }
        let zonder = (zonderKosten.isEmpty ? [] : ["geen kosten in \(jaartekst(zonderKosten))"]) + ontbreekt.keys.sorted().map { wat -> String in
            var perJaren: [[Int]: [String]] = [:]
            for (code, jaren) in ontbreekt[wat]! { perJaren[jaren, default: []].append(code) }
            return "geen \(wat): " + perJaren.sorted { $0.key.lexicographicallyPrecedes($1.key) }
                .map { jaren, codes in codes.sorted().joined(separator: ", ") + " in " + jaartekst(jaren) }.joined(separator: "; ")
        }
        return (uit, zonder)
    }

    /// "2017-2019" for consecutive years, else "2016, 2018".
    static func jaartekst(_ jaren: [Int]) -> String {
        guard let eerste = jaren.first, let laatste = jaren.last else { return "" }
        if jaren.count > 1 && laatste - eerste == jaren.count - 1 { return "\(eerste)-\(laatste)" }
        return jaren.map(String.init).joined(separator: ", ")
    }

    /// Refused (with the model's reason) when there are too few observations for the criteria, a criterion adds
    /// nothing to the others, or a municipality-year has no young people.
    public init(criteria: [String], waarnemingen: [Waarneming], perCriterium: Int = 5) throws {
        if let leeg = waarnemingen.first(where: { $0.jeugdigen <= 0 }) {
            throw Kleinstekwadraten.Fout(description: "gemeente \(leeg.gemeentecode) heeft in \(leeg.jaar) geen jeugdigen; "
                + "de kosten per jeugdige zijn niet te bepalen")
        }
        let model = try Kleinstekwadraten(criteria: criteria, x: waarnemingen.map(\.criteria),
                                          y: waarnemingen.map(\.kostenPerJeugdige), perCriterium: perCriterium)
        var perJaar: [Int: (kosten: Int64, jeugdigen: Int64)] = [:]
        for w in waarnemingen {
            let (k, j) = perJaar[w.jaar, default: (0, 0)]
            perJaar[w.jaar] = (k + w.kosten.centen, j + w.jeugdigen)
        }
        self.model = model
        self.regels = zip(waarnemingen, model.voorspeld).map { w, verwacht in
            let jaar = perJaar[w.jaar]!
            return Regel(gemeentecode: w.gemeentecode, jaar: w.jaar, jeugdigen: w.jeugdigen, werkelijk: w.kostenPerJeugdige,
                         verwacht: verwacht, regiogemiddelde: Double(jaar.kosten) / 100 / Double(jaar.jeugdigen))
        }
    }
}
