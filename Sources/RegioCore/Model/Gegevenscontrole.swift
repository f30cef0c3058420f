/// Stored data outside the import's bounds (`Grenzen`): written by an older version or by hand. The stores throw it
/// instead of handing the data out, so a figure fails with this reason instead of overflowing.
public struct Gegevensfout: Error, Sendable, Equatable, CustomStringConvertible {
    public let reden: String
    public init(_ reden: String) { self.reden = reden }
    public var description: String {
        "gegevens in de database vallen buiten de grenzen van de import: \(reden) (corrigeer de rij met een nieuwe import)"
    }
}

extension Gegevens {
    /// Throws at the first record outside `Grenzen`, or when the amounts add up beyond `Grenzen.totaal`.
    public func controleerGrenzen() throws(Gegevensfout) {
        func elk<T>(_ lijst: [T], _ wat: (T) -> String, _ controleer: (T, (Grenzen.Fout) -> Void) -> Void) throws(Gegevensfout) {
            for x in lijst { if let f = Grenzen.eerste(x, controleer) { throw Gegevensfout("\(wat(x)): \(f)") } }
        }
        try elk(gemeentecijfers, { "gemeentecijfers \($0.gemeentecode) \($0.jaar)" }, Grenzen.controleer)
        try elk(producten, { "product \($0.productcategorie) \($0.productcode)" }, Grenzen.controleer)
        try elk(budgetten, { "budget \($0.jaar) \($0.gemeentecode) \($0.perceel)" }, Grenzen.controleer)
        try elk(normbudgetten, { "normbudget \($0.agb) \($0.jaar)" }, Grenzen.controleer)
        try elk(jaarkosten, { "kosten \($0.jaar) \($0.gemeentecode) \($0.perceel)" }, Grenzen.controleer)
        try elk(contracten, { "contract \($0.jaar) \($0.perceel) \($0.agb)" }, Grenzen.controleer)
        try elk(betalingen, { "betaling \($0.datum) \($0.agb) \($0.perceel)" }, Grenzen.controleer)
        try elk(productie, { "productie \($0.maand) \($0.agb) \($0.perceel)" }, Grenzen.controleer)
        try elk(verzoeken, { "verzoek \($0.verzoeknummer)" }, Grenzen.controleer)
        try elk(toewijzingen, { "toewijzing \($0.toewijzingnummer)" }, Grenzen.controleer)
        for d in vereveningsdelen where !(0...Vereveningsdeel.geheel).contains(d.aandeel) {
            throw Gegevensfout("verevening \(d.jaar) \(d.perceel): aandeel \(d.aandeel) honderdste procent ligt niet tussen 0 en 100%")
        }
        var totaal = Grenstotaal()
        for c in gemeentecijfers { totaal.voegToe(c.macrobudgetJeugd) }
        for b in budgetten { totaal.voegToe(b.bedrag) }
        for n in normbudgetten { totaal.voegToe(n.bedrag) }
        for k in jaarkosten { totaal.voegToe(k.bedrag) }
        for c in contracten { totaal.voegToe(c.contractsom) }
        for b in betalingen { totaal.voegToe(b.bedrag) }
        for t in toewijzingen { if let b = t.budget { totaal.voegToe(b) } }
        try Gegevens.controleerGrenzen(declaraties, totaal: totaal)
    }

    /// The same for declaration lines alone (one client's, one part's), on top of the amounts counted so far.
    public static func controleerGrenzen(_ lijnen: [Declaratieregel], totaal start: Grenstotaal = Grenstotaal()) throws(Gegevensfout) {
        var totaal = start
        for d in lijnen {
            if let f = Grenzen.eerste(d, Grenzen.controleer) { throw Gegevensfout("declaratie \(d.declaratienummer) \(d.referentienummer): \(f)") }
            totaal.voegToe(d.bedrag)
        }
        try totaal.controleer()
    }
}

extension Declaratieaggregaten {
    /// Throws when a table of sums adds up (in absolute amounts) beyond `Grenzen.totaal`: written by hand, or built
    /// from lines an older version let in.
    public func controleerGrenzen() throws(Gegevensfout) {
        var k = Grenstotaal(), c = Grenstotaal(), d = Grenstotaal()
        for e in kosten.values { k.voegToe(e) }
        for s in clienten.values { c.voegToe(s.bedrag) }
        for e in driehoek.values { d.voegToe(e) }
        for (t, naam) in [(k, "kosten per maand"), (c, "kosten per cliënt"), (d, "declaratiedriehoek")] where t.teGroot {
            throw Gegevensfout("de maandsommen (\(naam)) tellen op tot meer dan \(Euro(centen: Grenzen.totaal).heleEuros)")
        }
    }

    /// The same for the forecast's triangle read on its own.
    public static func controleerGrenzen(_ driehoek: [Driehoeksleutel: Euro]) throws(Gegevensfout) {
        var a = Declaratieaggregaten()
        a.driehoek = driehoek
        try a.controleerGrenzen()
    }
}

/// Allocations read one at a time (streamed, not held in `Gegevens`) checked as `Gegevens.controleerGrenzen` checks
/// them: each against `Grenzen`, their budgets together against `Grenzen.totaal`.
public struct Toewijzingsgrenzen: Sendable {
    private var totaal = Grenstotaal()
    public init() {}
    public mutating func controleer(_ t: Toewijzing) throws(Gegevensfout) {
        if let f = Grenzen.eerste(t, Grenzen.controleer) { throw Gegevensfout("toewijzing \(t.toewijzingnummer): \(f)") }
        if let b = t.budget { totaal.voegToe(b) }
    }
    /// After the last allocation.
    public func afronden() throws(Gegevensfout) {
        if totaal.teGroot { throw Gegevensfout("de budgetten van de toewijzingen tellen op tot meer dan \(Euro(centen: Grenzen.totaal).heleEuros)") }
    }
}

/// A sum of absolute amounts that saturates instead of overflowing: it only has to say whether `Grenzen.totaal` is passed.
public struct Grenstotaal: Sendable {
    private var centen: Int64 = 0
    public init() {}
    public mutating func voegToe(_ e: Euro) {
        let m = e.centen == .min ? Int64.max : abs(e.centen)
        let (s, over) = centen.addingReportingOverflow(m)
        centen = over ? .max : s
    }
    public mutating func voegToe(_ t: Grenstotaal) { voegToe(Euro(centen: t.centen)) }
    public var teGroot: Bool { centen > Grenzen.totaal }

    /// Throws when the amounts counted add up beyond `Grenzen.totaal`.
    public func controleer() throws(Gegevensfout) {
        if teGroot { throw Gegevensfout("de bedragen tellen op tot meer dan \(Euro(centen: Grenzen.totaal).heleEuros)") }
    }
}
