/// Plausible bounds on every value a region's data can hold (docs/importformaten.md, "Grenzen"). The import refuses a
/// value outside them with its place; the stores refuse to hand out stored data outside them (written by an older
/// version or by hand), so no sum or conversion downstream can overflow: lines of at most EUR 10 mln and a total of
/// at most EUR 10^15 keep every sum of any selection below a thousandth of what 64-bit cents hold.
public enum Grenzen {
    /// One declaration line.
    public static let declaratiebedrag = Euro(euro: 10_000_000)
    /// A tariff per unit (a product's, a declaration line's).
    public static let tarief = Euro(euro: 1_000_000)
    /// An allocation's budget.
    public static let toewijzingsbudget = Euro(euro: 10_000_000)
    /// A budget per municipality, lot and year; a provider's norm budget; a municipality's macro budget.
    public static let begroting = Euro(euro: 10_000_000_000)
    /// A volume (request, allocation, declaration line): the iJw's eight digits.
    public static let volume: Int64 = 99_999_999
    /// Inhabitants (and youths) of one municipality.
    public static let inwoners: Int64 = 20_000_000
    /// Every date of care, submission and decision.
    public static let eersteDag = Dag(jaar: 2000, maand: 1, dag: 1)!
    public static let laatsteDag = Dag(jaar: 2100, maand: 12, dag: 31)!
    /// A birth date: a youth of 23 (extended youth care) in 2000 was born in 1977.
    public static let eersteGeboortedag = Dag(jaar: 1975, maand: 1, dag: 1)!
    /// Days one declaration line may span: each month it touches becomes a row of the monthly sums.
    public static let declaratieperiode = 731
    /// Socio-economic score and FTE of a municipality's social team.
    public static let ses: ClosedRange<Double> = -100...100
    public static let wijkteamFte: ClosedRange<Double> = 0...100_000
    /// A percentage of households.
    public static let percentage: ClosedRange<Double> = 0...100
    /// The sum of the absolute amounts of a data set (lines, budgets, or one table of monthly sums), in cents: EUR 10^15.
    public static let totaal: Int64 = 100_000_000_000_000_000

    /// A value outside its bounds: the field (the CSV column name) and the reason, in Dutch.
    public struct Fout: Error, Sendable, Equatable, CustomStringConvertible {
        public let veld: String
        public let reden: String
        public init(_ veld: String, _ reden: String) { self.veld = veld; self.reden = reden }
        public var description: String { "\(veld): \(reden)" }
    }

    /// nil when `e` lies in 0...`max` (or -max...max when `negatiefMag`).
    public static func bedrag(_ e: Euro, max: Euro, negatiefMag: Bool = false) -> String? {
        guard e.centen > max.centen || (negatiefMag ? e.centen < -max.centen : e.centen < 0) else { return nil }
        return "\(e) valt buiten \((negatiefMag ? -max : .nul).heleEuros) tot en met \(max.heleEuros)"
    }

    public static func aantal(_ n: Int64, max: Int64) -> String? {
        (0...max).contains(n) ? nil : "\(n) valt buiten 0 tot en met \(Euro.groepeer(UInt64(max), negatief: false))"
    }

    public static func dag(_ d: Dag, vanaf eerste: Dag = eersteDag) -> String? {
        (eerste...laatsteDag).contains(d) ? nil
            : "datum \(d.nederlands) valt buiten \(eerste.nederlands) tot en met \(laatsteDag.nederlands)"
    }

    public static func getal(_ x: Double, _ bereik: ClosedRange<Double>) -> String? {
        x.isFinite && bereik.contains(x) ? nil : "\(x) valt buiten \(bereik.lowerBound) tot en met \(bereik.upperBound)"
    }
}

/// Each kind's bounds, one place for the CSV import, the iJw import and the stores' read check. `meld` gets every
/// field outside its bounds, named as the CSV column.
extension Grenzen {
    public static func controleer(_ c: Gemeentecijfers, _ meld: (Fout) -> Void) {
        if let r = aantal(c.inwoners, max: inwoners) { meld(Fout("inwoners", r)) }
        if let r = aantal(c.jeugdigen, max: inwoners) { meld(Fout("jeugdigen", r)) }
        if let r = bedrag(c.macrobudgetJeugd, max: begroting) { meld(Fout("macrobudget_jeugd", r)) }
        if let x = c.ses, let r = getal(x, ses) { meld(Fout("ses", r)) }
        if let x = c.wijkteamFte, let r = getal(x, wijkteamFte) { meld(Fout("wijkteam_fte", r)) }
        if let x = c.eenoudergezinnen, let r = getal(x, percentage) { meld(Fout("eenoudergezinnen", r)) }
        if let x = c.lageInkomens, let r = getal(x, percentage) { meld(Fout("lage_inkomens", r)) }
    }

    public static func controleer(_ p: Product, _ meld: (Fout) -> Void) {
        if let t = p.tarief, let r = bedrag(t, max: tarief) { meld(Fout("tarief", r)) }
    }

    public static func controleer(_ b: Budget, _ meld: (Fout) -> Void) {
        if let r = bedrag(b.bedrag, max: begroting) { meld(Fout("budget", r)) }
        if let d = b.vastgesteldOp, let r = dag(d) { meld(Fout("vastgesteld_op", r)) }
    }

    public static func controleer(_ c: Contract, _ meld: (Fout) -> Void) {
        if let r = bedrag(c.contractsom, max: begroting) { meld(Fout("contractsom", r)) }
    }

    public static func controleer(_ b: Betaling, _ meld: (Fout) -> Void) {
        if let r = bedrag(b.bedrag, max: begroting) { meld(Fout("bedrag", r)) }
        if let r = dag(b.datum) { meld(Fout("datum", r)) }
    }

    public static func controleer(_ p: Productieopgave, _ meld: (Fout) -> Void) {
        if let r = aantal(p.clienten, max: inwoners) { meld(Fout("clienten", r)) }
        if let t = p.trajecten, let r = aantal(t, max: inwoners) { meld(Fout("trajecten", r)) }
        if let u = p.uren, let r = aantal(u, max: volume) { meld(Fout("uren", r)) }
    }

    public static func controleer(_ k: Jaarkosten, _ meld: (Fout) -> Void) {
        if let r = bedrag(k.bedrag, max: begroting) { meld(Fout("bedrag", r)) }
        if let c = k.clienten, let r = aantal(c, max: inwoners) { meld(Fout("clienten", r)) }
    }

    public static func controleer(_ n: Normbudgetafspraak, _ meld: (Fout) -> Void) {
        if let r = bedrag(n.bedrag, max: begroting) { meld(Fout("normbudget", r)) }
    }

    public static func controleer(_ v: Verzoek, _ meld: (Fout) -> Void) {
        zorg(v.ingangsdatum, v.einddatum, v.volume, v.geboortedatum, meld)
        if let r = dag(v.ontvangenOp) { meld(Fout("ontvangen_op", r)) }
    }

    public static func controleer(_ t: Toewijzing, _ meld: (Fout) -> Void) {
        zorg(t.ingangsdatum, t.einddatum, t.volume, t.geboortedatum, meld)
        if let b = t.budget, let r = bedrag(b, max: toewijzingsbudget) { meld(Fout("budget", r)) }
        if let r = dag(t.toewijzingsdatum) { meld(Fout("toewijzingsdatum", r)) }
    }

    public static func controleer(_ d: Declaratieregel, _ meld: (Fout) -> Void) {
        if let r = bedrag(d.bedrag, max: declaratiebedrag) { meld(Fout("bedrag", r)) }
        if let t = d.tarief, let r = bedrag(t, max: tarief) { meld(Fout("tarief", r)) }
        if let v = d.volume, let r = aantal(v, max: volume) { meld(Fout("volume", r)) }
        declaratieperiode(d.begindatum, d.einddatum, meld)
        if let r = dag(d.ingediendOp) { meld(Fout("ingediend_op", r)) }
        if let b = d.geboektOp, let r = dag(b) { meld(Fout("geboekt_op", r)) }
    }

    /// The fields of a line's cost that `controleer(_: Declaratieregel)` checks, in the same order.
    public static func controleer(_ d: Declaratiekost, _ meld: (Fout) -> Void) {
        if let r = bedrag(d.bedrag, max: declaratiebedrag) { meld(Fout("bedrag", r)) }
        declaratieperiode(d.begindatum, d.einddatum, meld)
        if let r = dag(d.ingediendOp) { meld(Fout("ingediend_op", r)) }
    }

    private static func declaratieperiode(_ begindatum: Dag, _ einddatum: Dag, _ meld: (Fout) -> Void) {
        let begin = dag(begindatum), eind = dag(einddatum)
        if let begin { meld(Fout("begindatum", begin)) }
        if let eind { meld(Fout("einddatum", eind)) }
        if begin == nil && eind == nil && einddatum - begindatum >= declaratieperiode {
            meld(Fout("einddatum", "de periode \(begindatum.nederlands) tot en met \(einddatum.nederlands) is langer dan "
                      + "\(declaratieperiode) dagen: splits de declaratie per maand of jaar"))
        }
    }

    /// The first field of `x` outside its bounds, by one of the `controleer` functions.
    public static func eerste<T>(_ x: T, _ controleer: (T, (Fout) -> Void) -> Void) -> Fout? {
        var eerste: Fout?
        controleer(x) { if eerste == nil { eerste = $0 } }
        return eerste
    }

    /// The fields requests and allocations share.
    static func zorg(_ van: Dag, _ tot: Dag?, _ v: Int64?, _ geboren: Dag?, _ meld: (Fout) -> Void) {
        if let r = dag(van) { meld(Fout("ingangsdatum", r)) }
        if let tot, let r = dag(tot) { meld(Fout("einddatum", r)) }
        if let v, let r = aantal(v, max: volume) { meld(Fout("volume", r)) }
        if let geboren, let r = dag(geboren, vanaf: eersteGeboortedag) { meld(Fout("geboortedatum", r)) }
    }
}
