/// Norm budgets watched during the year (memo tekort jeugdhulp 2020, Ouder-Amstel): realisation and year-end forecast per provider against its
/// norm budget, and a signal for a provider heading for an overrun.
public enum Normsignaal: String, Sendable {
    /// The realisation is already above the norm budget.
    case overschreden
    /// The forecast is above the norm budget.
    case dreigt
}

public struct Normbudgetstand: Sendable {
    public var agb: String
    public var naam: String
    /// nil: the norm budget covers all the provider's lots.
    public var perceel: String?
    public var jaar: Int
    public var normbudget: Euro
    /// Declared for service in the year, as known on the valuation date.
    public var realisatie = Euro.nul
    /// Months of the year old enough to count as complete (see `Contractinstellingen.compleetNaDagen`).
    public var completeMaanden = 0
    /// Declared in the complete months.
    public var realisatieCompleet = Euro.nul
    /// Year-end forecast; nil before the first complete month.
    public var prognose: Euro?
    public var signaal: Normsignaal?

    public var realisatieAandeel: Double? { realisatie.verhouding(tot: normbudget) }
    public var prognoseAandeel: Double? { prognose.flatMap { $0.verhouding(tot: normbudget) } }
    /// Forecast minus norm budget (positive: overrun).
    public var verschil: Euro? { prognose.map { $0 - normbudget } }
}

public enum Normbudgetbewaking {
    /// Every norm budget of `jaar` with its realisation and forecast on `peildatum`, overruns first; plus the total.
    ///
    /// Forecast = declared in the complete months + their monthly average x the other months (the declarations of the
    /// recent months are not all in yet, so their partial figures are replaced by the average); never below the
    /// realisation. All twelve months complete: the forecast is the realisation.
    public static func bereken(_ alles: Gegevens, jaar: Int, peildatum: Dag, instellingen: Contractinstellingen = .standaard)
        -> (rijen: [Normbudgetstand], totaal: Normbudgetstand) {
        let g = alles.bekendOp(peildatum)
        let ref = Referentiekaart(g)
        let kaart = Productkaart(ref, jaar: jaar)
        let van = Dag.eersteVan(jaar: jaar), tot = Dag.laatsteVan(jaar: jaar)
        let grens = peildatum - instellingen.compleetNaDagen
        let compleet = (1...12).filter { Maand(jaar: jaar, maand: $0).laatsteDag <= grens }.count

        // per (agb, lot) the declared cost of the year and of its complete months
        struct Som { var jaar = Euro.nul; var compleet = Euro.nul }
        var perAanbieder: [String: [String: Som]] = [:]
        for d in g.declaraties where d.status != .afgewezen && d.einddatum >= van && d.begindatum <= tot {
            let perceel = kaart.perceel(d.productcategorie, d.productcode)?.code ?? ""
            var s = perAanbieder[d.agb, default: [:]][perceel, default: Som()]
            for (m, bedrag) in d.kostenPerMaand where m.jaar == jaar {
                s.jaar += bedrag
                if m.maand <= compleet { s.compleet += bedrag }
            }
            perAanbieder[d.agb, default: [:]][perceel] = s
        }

        var rijen: [Normbudgetstand] = []
        for n in g.normbudgetten where n.jaar == jaar {
            var r = Normbudgetstand(agb: n.agb, naam: ref.aanbieders[n.agb]?.naam ?? n.agb, perceel: n.perceel, jaar: jaar,
                                    normbudget: n.bedrag)
            for (perceel, s) in perAanbieder[n.agb] ?? [:] where n.perceel == nil || n.perceel == perceel {
                r.realisatie += s.jaar
                r.realisatieCompleet += s.compleet
            }
            r.completeMaanden = compleet
            if compleet == 12 {
                r.prognose = r.realisatie
            } else if compleet > 0 {
                r.prognose = max(r.realisatie, r.realisatieCompleet.maal(12, gedeeldDoor: Int64(compleet)))
            }
            if r.realisatie > r.normbudget { r.signaal = .overschreden }
            else if let p = r.prognose, p > r.normbudget { r.signaal = .dreigt }
            rijen.append(r)
        }
        rijen.sort { a, b in
            let x = a.prognoseAandeel ?? a.realisatieAandeel ?? 0, y = b.prognoseAandeel ?? b.realisatieAandeel ?? 0
            return x != y ? x > y : (a.agb, a.perceel ?? "") < (b.agb, b.perceel ?? "")
        }
        var totaal = Normbudgetstand(agb: "", naam: "Totaal", perceel: nil, jaar: jaar, normbudget: rijen.map(\.normbudget).som())
        totaal.realisatie = rijen.map(\.realisatie).som()
        totaal.realisatieCompleet = rijen.map(\.realisatieCompleet).som()
        totaal.completeMaanden = compleet
        totaal.prognose = rijen.allSatisfy { $0.prognose != nil } && !rijen.isEmpty ? rijen.compactMap(\.prognose).som() : nil
        return (rijen, totaal)
    }
}
