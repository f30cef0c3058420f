/// The commitment (verplichting) of an allocation within a period: what the region expects to pay for it.
///
/// Definition (also in docs/definities.md):
/// - with an allocation budget: the budget is for the whole allocation period and is taken pro rata by days;
///   an allocation without end date treats the budget as a yearly amount (pro rata of the days of the year);
/// - otherwise volume x tariff of the product in the year of the day counted, by frequency:
///   per day x days; per week x days/7; per month x (days in month / days of that month), per month;
///   total within the allocation period x days/allocation days (open end: as per year, like a budget);
/// - rounding half away from zero to the cent, once per allocation and year (per month for monthly volumes);
/// - no budget, volume or tariff: commitment unknown (nil), reported as such, never guessed.
/// - more than `grens` (EUR 1 bln) for one allocation in the period: unknown too (absurd volume x tariff; checked
///   arithmetic, so nothing overflows on the way).
public enum Verplichting {
    /// More than this for one allocation in one period is no real commitment (bounds of absurd volumes and tariffs
    /// multiplied): it counts as unknown, so the sums over allocations cannot overflow.
    public static let grens = Euro(euro: 1_000_000_000)

    public static func binnen(_ t: Toewijzing, van: Dag, tot: Dag, tarief: (Int) -> Euro?) -> Euro? {
        guard let v = try? berekend(t, van: van, tot: tot, tarief: tarief) else { return nil }
        return v.centen.magnitude <= grens.centen.magnitude ? v : nil
    }

    /// `binnen` in checked arithmetic: an error where an amount does not fit.
    static func berekend(_ t: Toewijzing, van: Dag, tot: Dag, tarief: (Int) -> Euro?) throws(Bedragoverloop) -> Euro? {
        guard !t.isVerwijderd else { return .nul }
        let periode = t.periode
        if let budget = t.budget {
            return try proRata(budget, periode: periode, van: van, tot: tot)
        }
        guard let volume = t.volume else { return nil }
        // a tariff per year; a period over a year boundary is split per calendar year
        var totaal = Euro.nul
        var jaar = van.jaar
        while jaar <= tot.jaar {
            let a = max(van, Dag.eersteVan(jaar: jaar)), b = min(tot, Dag.laatsteVan(jaar: jaar))
            let dagen = periode.overlapDagen(a, b)
            if dagen > 0 {
                guard let prijs = tarief(jaar) else { return nil }
                let eenheid = try prijs.keer(volume)
                switch t.frequentie ?? .totaal {
                case .perDag: totaal = try totaal.plus(eenheid.keer(Int64(dagen)))
                case .perWeek: totaal = try totaal.plus(eenheid.keer(Int64(dagen), gedeeldDoor: 7))
                case .perMaand:
                    var m = a.maand
                    while m <= b.maand {
                        let d = periode.overlapDagen(max(a, m.eersteDag), min(b, m.laatsteDag))
                        if d > 0 { totaal = try totaal.plus(eenheid.keer(Int64(d), gedeeldDoor: Int64(m.aantalDagen))) }
                        m = m + 1
                    }
                case .totaal: totaal = try totaal.plus(proRata(eenheid, periode: periode, van: a, tot: b))
                }
            }
            jaar += 1
        }
        return totaal
    }

    static func proRata(_ bedrag: Euro, periode: Periode, van: Dag, tot: Dag) throws(Bedragoverloop) -> Euro {
        if let eind = periode.tot {
            let alle = (eind - periode.van) + 1
            guard alle > 0 else { return .nul }
            return try bedrag.keer(Int64(periode.overlapDagen(van, tot)), gedeeldDoor: Int64(alle))
        }
        // open-ended: a yearly amount, per calendar year
        var totaal = Euro.nul
        for jaar in van.jaar...max(van.jaar, tot.jaar) {
            let a = max(van, Dag.eersteVan(jaar: jaar)), b = min(tot, Dag.laatsteVan(jaar: jaar))
            let dagenJaar = Dag.isSchrikkeljaar(jaar) ? 366 : 365
            totaal = try totaal.plus(bedrag.keer(Int64(periode.overlapDagen(a, b)), gedeeldDoor: Int64(dagenJaar)))
        }
        return totaal
    }
}

extension Declaratieregel {
    /// The cost of this line per calendar month of its service period, split by days so the parts add up exactly.
    public var kostenPerMaand: [(Maand, Euro)] { Declaratieregel.kostenPerMaand(kosten, van: begindatum, tot: einddatum) }

    /// `kosten` over [begindatum, einddatum] per calendar month, split by days so the parts add up exactly.
    public static func kostenPerMaand(_ k: Euro, van begindatum: Dag, tot einddatum: Dag) -> [(Maand, Euro)] {
        let eerste = begindatum.maand, laatste = max(einddatum, begindatum).maand
        if eerste == laatste { return [(eerste, k)] }
        var maanden: [Maand] = []
        var gewichten: [Int64] = []
        var m = eerste
        while m <= laatste {
            maanden.append(m)
            gewichten.append(Int64(Periode(van: begindatum, tot: einddatum).overlapDagen(m.eersteDag, m.laatsteDag)))
            m = m + 1
        }
        return Array(zip(maanden, k.verdeel(naar: gewichten)))
    }
}
