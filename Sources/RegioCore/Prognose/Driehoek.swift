/// A cumulative run-off triangle (driehoek): one row per origin (herkomst, e.g. the month of care),
/// one column per development period (ontwikkelperiode, e.g. months after the origin month).
///
/// `cellen[i][k]` is the cumulative amount of origin `i` known at the end of development period `k`;
/// nil is the future. Each row is a prefix: once a cell is nil, every later cell of that row is nil.
/// Every row has a value in the first period and every period has a value in at least one row.
public struct Driehoek: Sendable, Equatable {
    /// Origin labels, top to bottom (oldest first), unique.
    public let herkomsten: [String]
    /// Development period labels, left to right, unique.
    public let ontwikkelperioden: [String]
    /// Cumulative amounts, `herkomsten.count` rows of `ontwikkelperioden.count` cells.
    public let cellen: [[Double?]]

    /// Builds a triangle from cumulative cells; a row shorter than the number of periods is padded with nil.
    /// Without period labels the periods are called "1", "2", ... after the longest row.
    public init(herkomsten: [String], ontwikkelperioden: [String]? = nil, cellen: [[Double?]]) throws(DriehoekFout) {
        let perioden = ontwikkelperioden ?? (0..<(cellen.map(\.count).max() ?? 0)).map { String($0 + 1) }
        if let (rij, kolom, reden) = Driehoek.controleer(herkomsten: herkomsten, ontwikkelperioden: perioden, cellen: cellen) {
            var waar = rij.map { "herkomst '\(herkomsten[$0])'" } ?? ""
            if rij != nil, let kolom { waar += ", ontwikkelperiode '\(perioden[kolom])'" }
            throw DriehoekFout(bestand: "", regel: nil, kolom: nil, reden: waar.isEmpty ? reden : waar + ": " + reden)
        }
        self.init(ongecontroleerd: herkomsten, perioden, cellen)
    }

    /// Only for input that passed `controleer`.
    init(ongecontroleerd herkomsten: [String], _ perioden: [String], _ cellen: [[Double?]]) {
        self.herkomsten = herkomsten
        self.ontwikkelperioden = perioden
        self.cellen = cellen.map { $0 + Array(repeating: nil, count: perioden.count - $0.count) }
    }

    /// Builds a cumulative triangle from incremental amounts (e.g. declared cost per origin month and
    /// declaration month). Amounts for the same cell are added up; a cell without amounts counts as 0.
    /// `bekendePerioden[i]` is how many development periods of origin `i` are known at the valuation date;
    /// an amount in a later period is an error, never silently dropped.
    public static func uitIncrementeel(
        herkomsten: [String], ontwikkelperioden: [String], bekendePerioden: [Int],
        bedragen: [(herkomst: Int, ontwikkeling: Int, bedrag: Double)]
    ) throws(DriehoekFout) -> Driehoek {
        guard bekendePerioden.count == herkomsten.count else {
            throw DriehoekFout(bestand: "", regel: nil, kolom: nil,
                               reden: "\(bekendePerioden.count) aantallen bekende perioden voor \(herkomsten.count) herkomsten")
        }
        var incrementeel: [[Double]] = []
        for (i, bekend) in bekendePerioden.enumerated() {
            guard (1...max(1, ontwikkelperioden.count)).contains(bekend) else {
                throw DriehoekFout(bestand: "", regel: nil, kolom: nil,
                                   reden: "herkomst '\(herkomsten[i])': \(bekend) bekende perioden, "
                                       + "moet tussen 1 en \(ontwikkelperioden.count) liggen")
            }
            incrementeel.append(Array(repeating: 0, count: bekend))
        }
        for cel in bedragen {
            guard incrementeel.indices.contains(cel.herkomst) else {
                throw DriehoekFout(bestand: "", regel: nil, kolom: nil, reden: "onbekende herkomst nummer \(cel.herkomst)")
            }
            guard cel.ontwikkeling >= 0, cel.ontwikkeling < ontwikkelperioden.count else {
                throw DriehoekFout(bestand: "", regel: nil, kolom: nil,
                                   reden: "herkomst '\(herkomsten[cel.herkomst])': onbekende ontwikkelperiode nummer \(cel.ontwikkeling)")
            }
            guard cel.ontwikkeling < incrementeel[cel.herkomst].count else {
                throw DriehoekFout(bestand: "", regel: nil, kolom: nil,
                                   reden: "herkomst '\(herkomsten[cel.herkomst])': bedrag in ontwikkelperiode "
                                       + "'\(ontwikkelperioden[cel.ontwikkeling])', na de waarderingsdatum")
            }
            guard cel.bedrag.isFinite else {
                throw DriehoekFout(bestand: "", regel: nil, kolom: nil,
                                   reden: "herkomst '\(herkomsten[cel.herkomst])': geen eindig bedrag")
            }
            incrementeel[cel.herkomst][cel.ontwikkeling] += cel.bedrag
        }
        let cumulatief: [[Double?]] = incrementeel.map { rij in
            var som = 0.0
            return rij.map { bedrag -> Double? in som += bedrag; return som }
        }
        return try Driehoek(herkomsten: herkomsten, ontwikkelperioden: ontwikkelperioden, cellen: cumulatief)
    }

    /// Index of the last known development period of row `i` (the latest diagonal).
    public func laatstePeriode(_ i: Int) -> Int {
        (cellen[i].lastIndex { $0 != nil }) ?? 0
    }

    /// The latest known cumulative amount of row `i`.
    public func laatste(_ i: Int) -> Double {
        cellen[i][laatstePeriode(i)] ?? 0
    }

    /// The shape rules, shared by the initialiser and the CSV parser so both refuse the same triangles.
    /// Returns the offending row and column (either may be nil) and a Dutch reason, or nil when all is well.
    static func controleer(herkomsten: [String], ontwikkelperioden: [String], cellen: [[Double?]])
        -> (rij: Int?, kolom: Int?, reden: String)? {
        guard herkomsten.count == cellen.count else {
            return (nil, nil, "\(herkomsten.count) herkomsten maar \(cellen.count) rijen")
        }
        guard herkomsten.count >= 2 else {
            return (nil, nil, "te weinig herkomsten: \(herkomsten.count), minimaal 2")
        }
        guard ontwikkelperioden.count >= 2 else {
            return (nil, nil, "te weinig ontwikkelperioden: \(ontwikkelperioden.count), minimaal 2")
        }
        var gezienePerioden: Set<String> = []
        for (k, periode) in ontwikkelperioden.enumerated() {
            if periode.isEmpty { return (nil, k, "ontwikkelperiode zonder naam") }
            if !gezienePerioden.insert(periode).inserted { return (nil, k, "ontwikkelperiode '\(periode)' komt twee keer voor") }
        }
        var gezieneHerkomsten: Set<String> = []
        for (i, rij) in cellen.enumerated() {
            if herkomsten[i].isEmpty { return (i, nil, "herkomst zonder naam") }
            if !gezieneHerkomsten.insert(herkomsten[i]).inserted { return (i, nil, "herkomst '\(herkomsten[i])' komt twee keer voor") }
            if rij.count > ontwikkelperioden.count {
                return (i, nil, "\(rij.count) waarden voor \(ontwikkelperioden.count) ontwikkelperioden")
            }
            guard rij.first.flatMap({ $0 }) != nil else { return (i, 0, "geen waarde in de eerste ontwikkelperiode") }
            var leegGezien = false
            for (k, cel) in rij.enumerated() {
                switch cel {
                case nil: leegGezien = true
                case let waarde?:
                    if leegGezien { return (i, k, "waarde na een lege cel: de driehoek is niet driehoekig") }
                    if !waarde.isFinite { return (i, k, "geen eindig getal") }
                }
            }
        }
        for k in ontwikkelperioden.indices where !cellen.contains(where: { k < $0.count && $0[k] != nil }) {
            return (nil, k, "ontwikkelperiode '\(ontwikkelperioden[k])' heeft geen enkele waarde")
        }
        return nil
    }
}

/// A triangle that cannot be read or built, with its place (file, line, column; 1-based) and a Dutch reason.
public struct DriehoekFout: Error, CustomStringConvertible, Equatable, Sendable {
    public let bestand: String
    public let regel: Int?
    public let kolom: Int?
    public let reden: String

    public init(bestand: String, regel: Int?, kolom: Int?, reden: String) {
        self.bestand = bestand
        self.regel = regel
        self.kolom = kolom
        self.reden = reden
    }

    /// "bestand.csv:4: kolom 3: geen getal: 'abc'"; parts that are unknown are left out.
    public var description: String {
        var plaats = bestand
        if let regel { plaats += plaats.isEmpty ? "regel \(regel)" : ":\(regel)" }
        var delen = plaats.isEmpty ? [] : [plaats]
        if let kolom { delen.append("kolom \(kolom)") }
        delen.append(reden)
        return delen.joined(separator: ": ")
    }
}
