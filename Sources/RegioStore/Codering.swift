import RegioCore

/// The values of one stored row, read in `Soort.kolommen` order: text, whole number, or nothing (NULL). Each accessor
/// names the column it reads, and a debug build checks that name against the column at that place (the tests run every
/// kind through it), so a reader that reads one column too many or too few fails at once instead of shifting values.
protocol Velden {
    /// The columns of the row, in order.
    var kolomnamen: [String] { get }
    /// The place of the next value.
    var positie: Int { get }
    /// The next value as text; nil when it is not text.
    mutating func so() -> String?
    /// The next value as a whole number; nil when it is not one.
    mutating func io() -> Int64?
}

extension Velden {
    func controleer(_ kolom: String) {
        assert(positie < kolomnamen.count && kolomnamen[positie] == kolom,
               "kolom \(kolom) gelezen op plaats \(positie) (\(positie < kolomnamen.count ? kolomnamen[positie] : "voorbij het eind"))")
    }
    mutating func tekst(_ kolom: String) -> String { controleer(kolom); return so() ?? "" }
    mutating func tekstOfNiets(_ kolom: String) -> String? { controleer(kolom); return so() }
    mutating func geheel(_ kolom: String) -> Int64 { controleer(kolom); return io() ?? 0 }
    mutating func geheelOfNiets(_ kolom: String) -> Int64? { controleer(kolom); return io() }
    mutating func bedrag(_ kolom: String) -> Euro { Euro(centen: geheel(kolom)) }
    mutating func bedragOfNiets(_ kolom: String) -> Euro? { geheelOfNiets(kolom).map { Euro(centen: $0) } }
    mutating func dag(_ kolom: String) -> Dag { Dag(opgeslagen: geheel(kolom)) }
    mutating func dagOfNiets(_ kolom: String) -> Dag? { geheelOfNiets(kolom).map { Dag(opgeslagen: $0) } }
    mutating func decimaal(_ kolom: String) -> Double? { tekstOfNiets(kolom).flatMap(Double.init) }
}

public enum Codering {
    static func t(_ s: String) -> Waarde { .tekst(s) }
    static func t(_ s: String?) -> Waarde { s.map { .tekst($0) } ?? .leeg }
    static func i(_ n: Int64?) -> Waarde { n.map { .geheel($0) } ?? .leeg }
    static func i(_ n: Int) -> Waarde { .geheel(Int64(n)) }
    static func e(_ e: Euro?) -> Waarde { i(e?.centen) }
    static func d(_ d: Dag?) -> Waarde { i(d.map { Int64($0.dagnummer) }) }
    static func g(_ x: Double?) -> Waarde { t(x.map { String($0) }) }

    public static func rij(_ x: Gemeente) -> Rij { Rij(soort: .gemeenten, waarden: [t(x.code), t(x.naam)]) }
    public static func rij(_ x: Gemeentecijfers) -> Rij {
        Rij(soort: .gemeentecijfers, waarden: [t(x.gemeentecode), i(x.jaar), i(x.inwoners), i(x.jeugdigen),
                                               e(x.macrobudgetJeugd), g(x.ses), g(x.wijkteamFte), g(x.eenoudergezinnen),
                                               g(x.lageInkomens)])
    }
    public static func rij(_ x: Perceel) -> Rij {
        Rij(soort: .percelen, waarden: [t(x.code), t(x.naam), t(x.segment), i(x.verevend ? 1 : 0), t(x.bekostiging?.rawValue)])
    }
    public static func rij(_ x: Product) -> Rij {
        Rij(soort: .producten, waarden: [t(x.productcategorie), t(x.productcode), i(x.jaar ?? 0), t(x.perceel),
                                         t(x.omschrijving), t(x.eenheid), e(x.tarief)])
    }
    public static func rij(_ x: Aanbieder) -> Rij { Rij(soort: .aanbieders, waarden: [t(x.agb), t(x.naam)]) }
    public static func rij(_ x: Budget) -> Rij {
        Rij(soort: .budgetten, waarden: [i(x.jaar), t(x.gemeentecode), t(x.perceel), t(x.versie), e(x.bedrag), d(x.vastgesteldOp)])
    }
    public static func rij(_ x: Normbudgetafspraak) -> Rij {
        Rij(soort: .normbudgetten, waarden: [t(x.agb), i(x.jaar), t(x.perceel ?? ""), e(x.bedrag)])
    }
    public static func rij(_ x: Vereveningsdeel) -> Rij {
        Rij(soort: .verevening, waarden: [i(x.jaar), t(x.perceel), t(x.productcode ?? ""), i(x.aandeel)])
    }
    public static func rij(_ x: Jaarkosten) -> Rij {
        Rij(soort: .kosten, waarden: [i(x.jaar), t(x.gemeentecode), t(x.perceel), e(x.bedrag), i(x.clienten)])
    }
    public static func rij(_ x: Contract) -> Rij {
        Rij(soort: .contracten, waarden: [i(x.jaar), t(x.perceel), t(x.agb), t(x.gemeentecode ?? ""), t(x.vorm.rawValue),
                                          e(x.contractsom), t(x.ritme.rawValue)])
    }
    public static func rij(_ x: Betaling) -> Rij {
        Rij(soort: .betalingen, waarden: [d(x.datum), t(x.agb), t(x.perceel), t(x.gemeentecode ?? ""), t(x.kenmerk), e(x.bedrag)])
    }
    public static func rij(_ x: Productieopgave) -> Rij {
        Rij(soort: .productie, waarden: [d(x.maand.eersteDag), t(x.agb), t(x.perceel), t(x.gemeentecode), i(x.clienten),
                                         i(x.trajecten), i(x.uren)])
    }
    public static func rij(_ x: Verzoek) -> Rij {
        Rij(soort: .verzoeken, waarden: [t(x.verzoeknummer), t(x.client), t(x.gemeentecode), t(x.agb), t(x.productcategorie),
                                         t(x.productcode), d(x.ingangsdatum), d(x.einddatum), i(x.volume), t(x.eenheid),
                                         t(x.frequentie?.rawValue), t(x.verwijzer?.rawValue), t(x.verwijzerNaam),
                                         d(x.geboortedatum), d(x.ontvangenOp)])
    }
    public static func rij(_ x: Toewijzing) -> Rij {
        Rij(soort: .toewijzingen, waarden: [t(x.toewijzingnummer), t(x.client), t(x.gemeentecode), t(x.agb),
                                            t(x.productcategorie), t(x.productcode), d(x.ingangsdatum), d(x.einddatum),
                                            i(x.volume), t(x.eenheid), t(x.frequentie?.rawValue), e(x.budget),
                                            t(x.verwijzer?.rawValue), t(x.verwijzerNaam), t(x.verzoeknummer),
                                            d(x.geboortedatum), t(x.redenWijziging), d(x.toewijzingsdatum)])
    }
    public static func rij(_ x: Declaratieregel) -> Rij {
        Rij(soort: .declaraties, waarden: [t(x.declaratienummer), t(x.referentienummer), t(x.toewijzingnummer), t(x.client),
                                           t(x.gemeentecode), t(x.agb), t(x.productcategorie), t(x.productcode),
                                           d(x.begindatum), d(x.einddatum), i(x.volume), t(x.eenheid), e(x.tarief),
                                           e(x.bedrag), t(x.debetCredit.rawValue), t(x.status.rawValue), d(x.ingediendOp),
                                           d(x.geboektOp)])
    }

    /// Reads a row back from values in `Soort.kolommen` order.
    struct Lezer: Velden {
        let w: [Waarde]
        let kolomnamen: [String]
        var positie = 0
        init(_ w: [Waarde], _ soort: Soort) { self.init(w, soort.kolommen) }
        init(_ w: [Waarde], _ kolomnamen: [String]) { self.w = w; self.kolomnamen = kolomnamen }
        mutating func volgende() -> Waarde { defer { positie += 1 }; return w[positie] }
        mutating func so() -> String? { volgende().tekst }
        mutating func io() -> Int64? { volgende().geheel }
    }

    /// Whether `herorden` can put records of this kind in another order (the kinds read by client).
    static func kanHerordenen(_ soort: Soort) -> Bool { [.verzoeken, .toewijzingen, .declaraties].contains(soort) }

    /// Puts the last `volgens.count` records of a kind (the ones just read) in the order `volgens` gives (positions
    /// counted from the first of them).
    static func herorden(_ soort: Soort, volgens: [Int], in g: inout Gegevens) {
        func herorden<T>(_ a: inout [T]) {
            let vanaf = a.count - volgens.count
            a = Array(a[..<vanaf]) + volgens.map { a[vanaf + $0] }
        }
        switch soort {
        case .verzoeken: herorden(&g.verzoeken)
        case .toewijzingen: herorden(&g.toewijzingen)
        case .declaraties: herorden(&g.declaraties)
        default: preconditionFailure("\(soort) wordt niet herordend")
        }
    }

    /// Room for `n` more records of a kind: a national year's 930,000 allocations grew their array by doubling, copying
    /// and faulting in every intermediate buffer.
    public static func reserveer(_ soort: Soort, _ n: Int, in g: inout Gegevens) {
        switch soort {
        case .verzoeken: g.verzoeken.reserveCapacity(g.verzoeken.count + n)
        case .toewijzingen: g.toewijzingen.reserveCapacity(g.toewijzingen.count + n)
        case .declaraties: g.declaraties.reserveCapacity(g.declaraties.count + n)
        default: break
        }
    }

    /// One allocation from its stored values (`Soort.toewijzingen.kolommen` order): the records appended to `Gegevens`
    /// and the allocations streamed one by one (the BI facts) are read alike.
    static func toewijzing<V: Velden>(_ r: inout V) -> Toewijzing {
        Toewijzing(toewijzingnummer: r.tekst("toewijzingnummer"), client: r.tekst("client"),
                   gemeentecode: r.tekst("gemeentecode"), agb: r.tekst("agb"),
                   productcategorie: r.tekst("productcategorie"), productcode: r.tekstOfNiets("productcode"),
                   ingangsdatum: r.dag("ingangsdatum"), einddatum: r.dagOfNiets("einddatum"),
                   volume: r.geheelOfNiets("volume"), eenheid: r.tekstOfNiets("eenheid"),
                   frequentie: r.tekstOfNiets("frequentie").flatMap(Frequentie.init(rawValue:)),
                   budget: r.bedragOfNiets("budget_cent"),
                   verwijzer: r.tekstOfNiets("verwijzer_type").flatMap(Verwijzer.init(rawValue:)),
                   verwijzerNaam: r.tekstOfNiets("verwijzer_naam"), verzoeknummer: r.tekstOfNiets("verzoeknummer"),
                   geboortedatum: r.dagOfNiets("geboortedatum"), redenWijziging: r.tekstOfNiets("reden_wijziging"),
                   toewijzingsdatum: r.dag("toewijzingsdatum"))
    }

    /// The columns of the declaration table that `declaratiekost` reads, in its order.
    public static let kostkolommen = ["toewijzingnummer", "client", "gemeentecode", "begindatum", "einddatum", "bedrag_cent",
                                      "debet_credit", "status", "ingediend_op"]

    /// The cost fields of a declaration line from its stored values (`kostkolommen` order), decoded as a whole line is.
    static func declaratiekost<V: Velden>(_ r: inout V) -> Declaratiekost {
        Declaratiekost(toewijzingnummer: r.tekst("toewijzingnummer"), client: r.tekst("client"), gemeentecode: r.tekst("gemeentecode"),
                       begindatum: r.dag("begindatum"), einddatum: r.dag("einddatum"), bedrag: r.bedrag("bedrag_cent"),
                       debetCredit: DebetCredit(rawValue: r.tekst("debet_credit")) ?? .debet,
                       status: DeclaratieStatus(rawValue: r.tekst("status")) ?? .ingediend, ingediendOp: r.dag("ingediend_op"))
    }

    /// The same from an array of values (PostgreSQL's reader).
    public static func declaratiekost(_ w: [Waarde]) -> Declaratiekost {
        var r = Lezer(w, kostkolommen)
        return declaratiekost(&r)
    }

    /// The same from an array of values (PostgreSQL's reader).
    public static func toewijzing(_ w: [Waarde]) -> Toewijzing {
        var r = Lezer(w, .toewijzingen)
        return toewijzing(&r)
    }

    /// Appends a row read back from any backend (values in `Soort.kolommen` order) to `g`.
    public static func voegToe(_ soort: Soort, _ w: [Waarde], aan g: inout Gegevens) {
        var r = Lezer(w, soort)
        voegToe(soort, &r, aan: &g)
    }

    /// The same from a source that yields the values one by one (SQLite reads them from the statement: no array of
    /// values per row).
    static func voegToe<V: Velden>(_ soort: Soort, _ r: inout V, aan g: inout Gegevens) {
        switch soort {
        case .gemeenten: g.gemeenten.append(Gemeente(code: r.tekst("code"), naam: r.tekst("naam")))
        case .gemeentecijfers:
            g.gemeentecijfers.append(Gemeentecijfers(gemeentecode: r.tekst("gemeentecode"), jaar: Int(r.geheel("jaar")),
                                                     inwoners: r.geheel("inwoners"), jeugdigen: r.geheel("jeugdigen"),
                                                     macrobudgetJeugd: r.bedrag("macrobudget_cent"), ses: r.decimaal("ses"),
                                                     wijkteamFte: r.decimaal("wijkteam_fte"),
                                                     eenoudergezinnen: r.decimaal("eenoudergezinnen"),
                                                     lageInkomens: r.decimaal("lage_inkomens")))
        case .percelen:
            g.percelen.append(Perceel(code: r.tekst("code"), naam: r.tekst("naam"), segment: r.tekst("segment"),
                                      verevend: r.geheel("verevend") == 1,
                                      bekostiging: r.tekstOfNiets("bekostiging").flatMap(Bekostigingsvorm.init(rawValue:))))
        case .producten:
            let cat = r.tekst("productcategorie"), code = r.tekst("productcode"), jaar = r.geheel("jaar")
            g.producten.append(Product(productcode: code, productcategorie: cat, perceel: r.tekst("perceel"),
                                       omschrijving: r.tekstOfNiets("omschrijving"), eenheid: r.tekstOfNiets("eenheid"),
                                       tarief: r.bedragOfNiets("tarief_cent"), jaar: jaar == 0 ? nil : Int(jaar)))
        case .aanbieders: g.aanbieders.append(Aanbieder(agb: r.tekst("agb"), naam: r.tekst("naam")))
        case .budgetten:
            let jaar = Int(r.geheel("jaar")), gemeente = r.tekst("gemeentecode"), perceel = r.tekst("perceel"), versie = r.tekst("versie")
            g.budgetten.append(Budget(jaar: jaar, gemeentecode: gemeente, perceel: perceel, bedrag: r.bedrag("budget_cent"), versie: versie,
                                      vastgesteldOp: r.dagOfNiets("vastgesteld_op")))
        case .normbudgetten:
            let agb = r.tekst("agb"), jaar = Int(r.geheel("jaar")), perceel = r.tekst("perceel")
            g.normbudgetten.append(Normbudgetafspraak(agb: agb, jaar: jaar, perceel: perceel.isEmpty ? nil : perceel,
                                                      bedrag: r.bedrag("normbudget_cent")))
        case .verzoeken:
            g.verzoeken.append(Verzoek(verzoeknummer: r.tekst("verzoeknummer"), client: r.tekst("client"),
                                       gemeentecode: r.tekst("gemeentecode"), agb: r.tekst("agb"),
                                       productcategorie: r.tekst("productcategorie"), productcode: r.tekstOfNiets("productcode"),
                                       ingangsdatum: r.dag("ingangsdatum"), einddatum: r.dagOfNiets("einddatum"),
                                       volume: r.geheelOfNiets("volume"), eenheid: r.tekstOfNiets("eenheid"),
                                       frequentie: r.tekstOfNiets("frequentie").flatMap(Frequentie.init(rawValue:)),
                                       verwijzer: r.tekstOfNiets("verwijzer_type").flatMap(Verwijzer.init(rawValue:)),
                                       verwijzerNaam: r.tekstOfNiets("verwijzer_naam"), geboortedatum: r.dagOfNiets("geboortedatum"),
                                       ontvangenOp: r.dag("ontvangen_op")))
        case .toewijzingen: g.toewijzingen.append(toewijzing(&r))
        case .declaraties:
            g.declaraties.append(Declaratieregel(declaratienummer: r.tekst("declaratienummer"), referentienummer: r.tekst("referentienummer"),
                                                 toewijzingnummer: r.tekst("toewijzingnummer"), client: r.tekst("client"),
                                                 gemeentecode: r.tekst("gemeentecode"), agb: r.tekst("agb"),
                                                 productcategorie: r.tekst("productcategorie"), productcode: r.tekstOfNiets("productcode"),
                                                 begindatum: r.dag("begindatum"), einddatum: r.dag("einddatum"),
                                                 volume: r.geheelOfNiets("volume"), eenheid: r.tekstOfNiets("eenheid"),
                                                 tarief: r.bedragOfNiets("tarief_cent"), bedrag: r.bedrag("bedrag_cent"),
                                                 debetCredit: DebetCredit(rawValue: r.tekst("debet_credit")) ?? .debet,
                                                 status: DeclaratieStatus(rawValue: r.tekst("status")) ?? .ingediend,
                                                 ingediendOp: r.dag("ingediend_op"), geboektOp: r.dagOfNiets("geboekt_op")))
        case .verevening:
            let jaar = Int(r.geheel("jaar")), perceel = r.tekst("perceel"), code = r.tekst("productcode")
            g.vereveningsdelen.append(Vereveningsdeel(jaar: jaar, perceel: perceel, productcode: code.isEmpty ? nil : code,
                                                      aandeel: Int(r.geheel("aandeel_honderdsten"))))
        case .kosten:
            let jaar = Int(r.geheel("jaar")), gemeente = r.tekst("gemeentecode"), perceel = r.tekst("perceel")
            g.jaarkosten.append(Jaarkosten(jaar: jaar, gemeentecode: gemeente, perceel: perceel, bedrag: r.bedrag("bedrag_cent"),
                                           clienten: r.geheelOfNiets("clienten")))
        case .contracten:
            let jaar = Int(r.geheel("jaar")), perceel = r.tekst("perceel"), agb = r.tekst("agb"), gemeente = r.tekst("gemeentecode")
            let vorm = Contract.Vorm(rawValue: r.tekst("bekostiging")) ?? .pxq, som = r.bedrag("contractsom_cent")
            g.contracten.append(Contract(jaar: jaar, perceel: perceel, agb: agb, gemeentecode: gemeente.isEmpty ? nil : gemeente,
                                         vorm: vorm, contractsom: som, ritme: Contract.Ritme(rawValue: r.tekst("betaalritme")) ?? .maand))
        case .betalingen:
            let datum = r.dag("datum"), agb = r.tekst("agb"), perceel = r.tekst("perceel"), gemeente = r.tekst("gemeentecode")
            let kenmerk = r.tekst("kenmerk")
            g.betalingen.append(Betaling(datum: datum, agb: agb, perceel: perceel, bedrag: r.bedrag("bedrag_cent"),
                                         gemeentecode: gemeente.isEmpty ? nil : gemeente, kenmerk: kenmerk))
        case .productie:
            let maand = r.dag("maand").maand, agb = r.tekst("agb"), perceel = r.tekst("perceel"), gemeente = r.tekst("gemeentecode")
            g.productie.append(Productieopgave(maand: maand, agb: agb, perceel: perceel, gemeentecode: gemeente,
                                               clienten: r.geheel("clienten"), trajecten: r.geheelOfNiets("trajecten"),
                                               uren: r.geheelOfNiets("uren")))
        }
    }
}
