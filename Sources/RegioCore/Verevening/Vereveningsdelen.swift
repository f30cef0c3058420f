/// Which part of a lot, or of one product in it, is pooled in one year (CSV kind `verevening`): seed 002's 2018
/// changes (a lot moving into the pool, a product pooled in part) as data instead of one yes/no per lot.
public struct Vereveningsdeel: Hashable, Sendable, Codable {
    public var jaar: Int
    public var perceel: String
    /// nil: the whole lot.
    public var productcode: String?
    /// The pooled share in hundredths of a percent: 10000 = 100%, 5000 = 50%, 3333 = 33,33%.
    public var aandeel: Int

    public init(jaar: Int, perceel: String, productcode: String? = nil, aandeel: Int) {
        self.jaar = jaar; self.perceel = perceel; self.productcode = productcode; self.aandeel = aandeel
    }

    public static let geheel = 10_000

    /// "50%", "33,33%" for people.
    public static func procentTekst(_ aandeel: Int) -> String {
        let rest = aandeel % 100
        return "\(aandeel / 100)" + (rest == 0 ? "" : rest % 10 == 0 ? ",\(rest / 10)" : rest < 10 ? ",0\(rest)" : ",\(rest)") + "%"
    }

    /// Reads a percentage 0-100 with at most two decimals ("50", "50%", "33,33", "12.5"); nil for anything else.
    public static func parseAandeel(_ tekst: String) -> Int? {
        var s = Substring(tekst.trimmingSpaces)
        if s.last == "%" { s = s.dropLast(); while s.last == " " { s = s.dropLast() } }
        let delen = s.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false) }
        guard delen.count <= 2, let voor = delen.first, !voor.isEmpty, voor.count <= 3, voor.allSatisfy(\.isASCIIDigit)
        else { return nil }
        let na = delen.count == 2 ? delen[1] : ""
        guard na.count <= 2, na.allSatisfy(\.isASCIIDigit), delen.count == 1 || !na.isEmpty else { return nil }
        let waarde = Int(voor)! * 100 + (na.isEmpty ? 0 : Int(na)! * (na.count == 1 ? 10 : 1))
        return waarde <= geheel ? waarde : nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// The pooling of one year: for every lot (and product) the share that is pooled. Without a rule for the year a lot is
/// pooled whole when its `verevend` says ja and not at all otherwise; a rule for the lot replaces that for the year,
/// and a rule for a product replaces the lot's share for that product.
public struct Vereveningsregels: Sendable {
    /// How a lot is pooled in a year.
    public enum Vorm: Sendable, Equatable {
        /// Nothing of the lot.
        case niet
        /// The whole lot, every product.
        case geheel
        /// Every product at the same share strictly between 0 and 100%.
        case evenredig(Int)
        /// Products at different shares: the pooled part is not a figure of the lot.
        case perProduct
    }

    private let standaard: [String: Bool]
    /// jaar -> perceel -> share of the lot
    private let perceelaandeel: [Int: [String: Int]]
    /// jaar -> perceel -> productcode -> share
    private let productaandeel: [Int: [String: [String: Int]]]
    public let delen: [Vereveningsdeel]

    public init(percelen: [Perceel], delen: [Vereveningsdeel]) {
        standaard = Dictionary(percelen.map { ($0.code, $0.verevend) }, uniquingKeysWith: { a, _ in a })
        var p: [Int: [String: Int]] = [:], q: [Int: [String: [String: Int]]] = [:]
        for d in delen {
            if let code = d.productcode { q[d.jaar, default: [:]][d.perceel, default: [:]][code] = d.aandeel }
            else { p[d.jaar, default: [:]][d.perceel] = d.aandeel }
        }
        perceelaandeel = p
        productaandeel = q
        self.delen = delen.sorted { ($0.jaar, $0.perceel, $0.productcode ?? "") < ($1.jaar, $1.perceel, $1.productcode ?? "") }
    }

    public init(_ g: Gegevens) { self.init(percelen: g.percelen, delen: g.vereveningsdelen) }

    /// The pooled share (in hundredths of a percent) of cost in `perceel` (and `productcode`) in `jaar`.
    public func aandeel(jaar: Int, perceel: String, productcode: String?) -> Int {
        if let code = productcode, let a = productaandeel[jaar]?[perceel]?[code] { return a }
        return lotaandeel(jaar: jaar, perceel: perceel)
    }

    private func lotaandeel(jaar: Int, perceel: String) -> Int {
        perceelaandeel[jaar]?[perceel] ?? (standaard[perceel] == true ? Vereveningsdeel.geheel : 0)
    }

    public func vorm(jaar: Int, perceel: String) -> Vorm {
        let lot = lotaandeel(jaar: jaar, perceel: perceel)
        let producten = productaandeel[jaar]?[perceel] ?? [:]
        if producten.values.contains(where: { $0 != lot }) { return .perProduct }
        switch lot {
        case 0: return .niet
        case Vereveningsdeel.geheel: return .geheel
        default: return .evenredig(lot)
        }
    }

    /// How a lot is pooled in `jaar`, for a table: "ja", "nee", "30%" or "per product".
    public func tekst(jaar: Int, perceel: String) -> String {
        switch vorm(jaar: jaar, perceel: perceel) {
        case .niet: "nee"
        case .geheel: "ja"
        case .evenredig(let a): Vereveningsdeel.procentTekst(a)
        case .perProduct: "per product"
        }
    }

    /// The lots with any pooled part in `jaar`, among `codes`, sorted.
    public func gepoold(jaar: Int, uit codes: [String]) -> [String] {
        codes.filter { vorm(jaar: jaar, perceel: $0) != .niet }.sorted()
    }

    /// The lots pooled in part in `jaar` (a share strictly between 0 and 100%, or per product), among `codes`, sorted.
    public func deels(jaar: Int, uit codes: [String]) -> [String] {
        codes.filter { let v = vorm(jaar: jaar, perceel: $0); return v != .niet && v != .geheel }.sorted()
    }

    /// The rules of a year in Dutch, for reports: "HGGZ 100%; SAVE product 53V01 50%".
    public func omschrijving(jaar: Int) -> String? {
        let regels = delen.filter { $0.jaar == jaar }
        guard !regels.isEmpty else { return nil }
        return regels.map { d in
            d.perceel + (d.productcode.map { " product \($0)" } ?? "") + " " + Vereveningsdeel.procentTekst(d.aandeel)
        }.joined(separator: "; ")
    }

    /// `bedragen` (the costs of the clients in one group of one municipality, all at `aandeel`) pooled at that share:
    /// the group's total times the share, rounded half away from zero to the cent, split over the clients by largest
    /// remainder so the clients add up to it exactly. The rounding is at most half a cent per municipality and group.
    public static func deel(_ bedragen: [Euro], aandeel: Int) -> [Euro] {
        if aandeel == Vereveningsdeel.geheel { return bedragen }
        if aandeel == 0 { return bedragen.map { _ in .nul } }
        let totaal = bedragen.som().maal(Int64(aandeel), gedeeldDoor: Int64(Vereveningsdeel.geheel))
        // each client's exact part, floored, with its remainder in ten-thousandths of a cent
        var delen: [Int64] = [], resten: [Int64] = []
        for b in bedragen {
            let p = b.centen.multipliedFullWidth(by: Int64(aandeel))
            var (q, r) = Int64(Vereveningsdeel.geheel).dividingFullWidth(p)
            if r < 0 { q -= 1; r += Int64(Vereveningsdeel.geheel) }
            delen.append(q); resten.append(r)
        }
        var over = totaal.centen - delen.reduce(0, +)
        for i in resten.indices.sorted(by: { resten[$0] != resten[$1] ? resten[$0] > resten[$1] : $0 < $1 }) where over > 0 {
            delen[i] += 1
            over -= 1
        }
        return delen.map { Euro(centen: $0) }
    }
}
