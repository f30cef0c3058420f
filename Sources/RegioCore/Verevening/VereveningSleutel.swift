/// The distribution key (verdeelsleutel) that gives each municipality its weight w; s = w / sum of w.
public enum VereveningSleutel: String, Sendable, Hashable, CaseIterable {
    /// Share of the national youth macro-budget (gemeentecijfers.macrobudget_jeugd, in cents): today's key.
    case macrobudget
    /// Youths 0-17 (gemeentecijfers.jeugdigen).
    case jeugdigen
    /// Inhabitants (gemeentecijfers.inwoners).
    case inwoners
    /// Own share of the pooled cost, averaged over the year and the two before (see `gebruiksjaren`).
    case gebruik

    /// Reads the `--sleutel` value.
    public static func parse(_ tekst: String) throws(VereveningFout) -> VereveningSleutel {
        guard let s = VereveningSleutel(rawValue: tekst.trimmingSpaces.lowercased()) else { throw .onbekendeSleutel(tekst) }
        return s
    }

    public var omschrijving: String {
        switch self {
        case .macrobudget: "aandeel in het macrobudget jeugd"
        case .jeugdigen: "aantal jeugdigen 0-17 jaar"
        case .inwoners: "aantal inwoners"
        case .gebruik: "eigen aandeel in de verevende kosten, gemiddeld over drie jaar"
        }
    }

    /// The years whose cost shares make up the key `gebruik` for a year: that year and the two before.
    public static func gebruiksjaren(voor jaar: Int) -> ClosedRange<Int> { (jaar - 2)...jaar }

    /// A year's share under `gebruik` is fixed in units of 10^-12 (rounded half away from zero) so weights are integers.
    public static let gebruiksschaal: Int64 = 1_000_000_000_000

    /// The weight of each municipality in `gemeentecodes` for `jaar`. macrobudget, jeugdigen and inwoners read the
    /// year's gemeentecijfers; gebruik reads `kostenPerJaar[jaar][gemeentecode]` (pooled cost A) for the
    /// `gebruiksjaren`, skipping years without a positive total, and sums the yearly shares (proportional to
    /// their average).
    public func gewichten(jaar: Int, gemeentecodes: [String], gemeentecijfers: [Gemeentecijfers] = [],
                          kostenPerJaar: [Int: [String: Euro]] = [:]) throws(VereveningFout) -> [String: Int64] {
        var uit: [String: Int64] = [:]
        switch self {
        case .macrobudget, .jeugdigen, .inwoners:
            var cijfers: [String: Gemeentecijfers] = [:]
            for c in gemeentecijfers where c.jaar == jaar {
                guard cijfers[c.gemeentecode] == nil else {
                    throw .dubbeleGemeentecijfers(gemeentecode: c.gemeentecode, jaar: jaar)
                }
                cijfers[c.gemeentecode] = c
            }
            for code in gemeentecodes {
                guard let c = cijfers[code] else { throw .geenGemeentecijfers(gemeentecode: code, jaar: jaar) }
                let w = self == .macrobudget ? c.macrobudgetJeugd.centen : self == .jeugdigen ? c.jeugdigen : c.inwoners
                guard w >= 0 else { throw .negatiefSleutelgewicht(gemeentecode: code, gewicht: w) }
                uit[code] = w
            }
        case .gebruik:
            let jaren = Self.gebruiksjaren(voor: jaar)
            var gebruikt = false
            for code in gemeentecodes { uit[code] = 0 }
            for j in jaren {
                guard let kosten = kostenPerJaar[j] else { continue }
                var totaal: Int64 = 0
                for code in gemeentecodes {
                    totaal = try Verevening.opgeteld(totaal, kosten[code]?.centen ?? 0, "verevende kosten \(j)")
                }
                guard totaal > 0 else { continue }
                gebruikt = true
                let schaal = VereveningBreuk(Self.gebruiksschaal, totaal)!
                for code in gemeentecodes {
                    let aandeel = try Verevening.maal(kosten[code]?.centen ?? 0, schaal, "gebruiksaandeel van \(code) in \(j)")
                    uit[code] = try Verevening.opgeteld(uit[code]!, aandeel, "gebruiksgewicht van \(code)")
                }
            }
            guard gebruikt else { throw .geenGebruik(jaren: jaren) }
            for code in gemeentecodes where uit[code]! < 0 {
                throw .negatiefSleutelgewicht(gemeentecode: code, gewicht: uit[code]!)
            }
        }
        return uit
    }
}
