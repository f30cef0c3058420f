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
    /// The pooled cost each municipality is expected to have on objective criteria (issue 23, point 4): the pooled
    /// cost per young person fitted on `Kostenverklaring.Criterium.standaard` over the municipality-years of the
    /// year and the two before, the year's fitted value times its young people.
    case objectief

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
        case .objectief: "verwachte verevende kosten naar SES-score en wijkteam-fte per 1.000 jeugdigen"
        }
    }

    /// Keys that read the pooled cost of earlier years (`gebruiksjaren`), not only the year's own figures.
    public var kijktTerug: Bool { self == .gebruik || self == .objectief }

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
        case .objectief:
            uit = try Self.objectieveGewichten(jaar: jaar, gemeentecodes: gemeentecodes, gemeentecijfers: gemeentecijfers,
                                               kostenPerJaar: kostenPerJaar)
        }
        return uit
    }

    /// The key `objectief`: each municipality's expected pooled cost in cents (rounded half away from zero), from a
    /// fit over the municipality-years of `gebruiksjaren` that have a positive pooled total and the criteria.
    static func objectieveGewichten(jaar: Int, gemeentecodes: [String], gemeentecijfers: [Gemeentecijfers],
                                    kostenPerJaar: [Int: [String: Euro]]) throws(VereveningFout) -> [String: Int64] {
        let criteria = Kostenverklaring.Criterium.standaard
        var cijfers: [Int: [String: Gemeentecijfers]] = [:]
        for c in gemeentecijfers {
            guard cijfers[c.jaar]?[c.gemeentecode] == nil else {
                throw .dubbeleGemeentecijfers(gemeentecode: c.gemeentecode, jaar: c.jaar)
            }
            cijfers[c.jaar, default: [:]][c.gemeentecode] = c
        }
        // the key's years with pooled cost, every municipality in them (one without cost counts as 0): the observations
        // are gathered as for `regiomonitor verklaring`
        var kosten: [Int: [String: Euro]] = [:]
        for j in gebruiksjaren(voor: jaar) {
            guard let k = kostenPerJaar[j], k.values.reduce(0, { $0 + $1.centen }) > 0 else { continue }
            kosten[j] = Dictionary(gemeentecodes.map { ($0, k[$0] ?? .nul) }, uniquingKeysWith: { a, _ in a })
        }
        let waarnemingen = Kostenverklaring.waarnemingen(kostenPerJaar: kosten, gemeentecijfers: gemeentecijfers,
                                                        criteria: criteria).waarnemingen
        let model: Kleinstekwadraten
        do { model = try Kostenverklaring(criteria: criteria.map(\.rawValue), waarnemingen: waarnemingen).model }
        catch { throw .objectiefNietTeSchatten(jaren: gebruiksjaren(voor: jaar), reden: "\(error)") }
        var uit: [String: Int64] = [:]
        for code in gemeentecodes {
            guard let c = cijfers[jaar]?[code], case let w = criteria.compactMap({ $0.waarde(c) }), w.count == criteria.count else {
                throw .objectiefNietTeSchatten(jaren: gebruiksjaren(voor: jaar),
                                               reden: "gemeente \(code) heeft in \(jaar) geen jeugdigen, SES-score of wijkteam-fte")
            }
            let centen = (model.voorspel(w) * Double(c.jeugdigen) * 100).rounded(.toNearestOrAwayFromZero)
            guard centen.isFinite, abs(centen) < 9e15 else { throw .bedragTeGroot("verwachte kosten van \(code) in \(jaar)") }
            guard centen >= 0 else { throw .negatiefSleutelgewicht(gemeentecode: code, gewicht: Int64(centen)) }
            uit[code] = Int64(centen)
        }
        return uit
    }
}
