import RegioCore

/// The values of one stored row, read in `Soort.kolommen` order: text, whole number, or nothing (NULL).
protocol Velden {
    /// The next value as text; nil when it is not text.
    mutating func so() -> String?
    /// The next value as a whole number; nil when it is not one.
    mutating func io() -> Int64?
}

extension Velden {
    mutating func s() -> String { so() ?? "" }
    mutating func i() -> Int64 { io() ?? 0 }
    mutating func e() -> Euro { Euro(centen: i()) }
    mutating func eo() -> Euro? { io().map { Euro(centen: $0) } }
    mutating func d() -> Dag { Dag(opgeslagen: i()) }
    mutating func dn() -> Dag? { io().map { Dag(opgeslagen: $0) } }
    mutating func g() -> Double? { so().flatMap(Double.init) }
}

/// Domain values to rows and back; shared by every backend so they store exactly the same thing.
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
                                               e(x.macrobudgetJeugd), g(x.ses), g(x.wijkteamFte)])
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
        var n = 0
        init(_ w: [Waarde]) { self.w = w }
        mutating func volgende() -> Waarde { defer { n += 1 }; return w[n] }
        mutating func so() -> String? { volgende().tekst }
        mutating func io() -> Int64? { volgende().geheel }
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

    /// Appends a row read back from any backend (values in `Soort.kolommen` order) to `g`.
    public static func voegToe(_ soort: Soort, _ w: [Waarde], aan g: inout Gegevens) {
        var r = Lezer(w)
        voegToe(soort, &r, aan: &g)
    }

    /// The same from a source that yields the values one by one (SQLite reads them from the statement: no array of
    /// values per row).
    static func voegToe<V: Velden>(_ soort: Soort, _ r: inout V, aan g: inout Gegevens) {
        switch soort {
        case .gemeenten: g.gemeenten.append(Gemeente(code: r.s(), naam: r.s()))
        case .gemeentecijfers:
            g.gemeentecijfers.append(Gemeentecijfers(gemeentecode: r.s(), jaar: Int(r.i()), inwoners: r.i(), jeugdigen: r.i(),
                                                     macrobudgetJeugd: r.e(), ses: r.g(), wijkteamFte: r.g()))
        case .percelen:
            g.percelen.append(Perceel(code: r.s(), naam: r.s(), segment: r.s(), verevend: r.i() == 1,
                                      bekostiging: r.so().flatMap(Bekostigingsvorm.init(rawValue:))))
        case .producten:
            let cat = r.s(), code = r.s(), jaar = r.i()
            g.producten.append(Product(productcode: code, productcategorie: cat, perceel: r.s(), omschrijving: r.so(),
                                       eenheid: r.so(), tarief: r.eo(), jaar: jaar == 0 ? nil : Int(jaar)))
        case .aanbieders: g.aanbieders.append(Aanbieder(agb: r.s(), naam: r.s()))
        case .budgetten:
            let jaar = Int(r.i()), gemeente = r.s(), perceel = r.s(), versie = r.s()
            g.budgetten.append(Budget(jaar: jaar, gemeentecode: gemeente, perceel: perceel, bedrag: r.e(), versie: versie, vastgesteldOp: r.dn()))
        case .normbudgetten:
            let agb = r.s(), jaar = Int(r.i()), perceel = r.s()
            g.normbudgetten.append(Normbudgetafspraak(agb: agb, jaar: jaar, perceel: perceel.isEmpty ? nil : perceel, bedrag: r.e()))
        case .verzoeken:
            g.verzoeken.append(Verzoek(verzoeknummer: r.s(), client: r.s(), gemeentecode: r.s(), agb: r.s(),
                                       productcategorie: r.s(), productcode: r.so(), ingangsdatum: r.d(), einddatum: r.dn(),
                                       volume: r.io(), eenheid: r.so(), frequentie: r.so().flatMap(Frequentie.init(rawValue:)),
                                       verwijzer: r.so().flatMap(Verwijzer.init(rawValue:)), verwijzerNaam: r.so(),
                                       geboortedatum: r.dn(), ontvangenOp: r.d()))
        case .toewijzingen:
            g.toewijzingen.append(Toewijzing(toewijzingnummer: r.s(), client: r.s(), gemeentecode: r.s(), agb: r.s(),
                                             productcategorie: r.s(), productcode: r.so(), ingangsdatum: r.d(),
                                             einddatum: r.dn(), volume: r.io(), eenheid: r.so(),
                                             frequentie: r.so().flatMap(Frequentie.init(rawValue:)), budget: r.eo(),
                                             verwijzer: r.so().flatMap(Verwijzer.init(rawValue:)), verwijzerNaam: r.so(),
                                             verzoeknummer: r.so(), geboortedatum: r.dn(), redenWijziging: r.so(),
                                             toewijzingsdatum: r.d()))
        case .declaraties:
            g.declaraties.append(Declaratieregel(declaratienummer: r.s(), referentienummer: r.s(), toewijzingnummer: r.s(),
                                                 client: r.s(), gemeentecode: r.s(), agb: r.s(), productcategorie: r.s(),
                                                 productcode: r.so(), begindatum: r.d(), einddatum: r.d(), volume: r.io(),
                                                 eenheid: r.so(), tarief: r.eo(), bedrag: r.e(),
                                                 debetCredit: DebetCredit(rawValue: r.s()) ?? .debet,
                                                 status: DeclaratieStatus(rawValue: r.s()) ?? .ingediend, ingediendOp: r.d(),
                                                 geboektOp: r.dn()))
        }
    }
}
