/// The Burap (bestuursrapportage) of one municipality on a valuation date (docs/burap.md): per lot the budget in force
/// and the primitive one, what is declared so far, the expected year outcome with its 80% interval, the expected
/// difference and its p x q explanation against the budget, the cost of earlier care years booked this year, and the
/// open signals with the most money; with a short summary a controller can paste into the Burap.
///
/// The forecast is Bornhuetter-Ferguson per lot within the municipality, on the region's development pattern (the
/// same method as the dashboard's expected outcome); the municipality's total is the sum of its lots.
public struct Burap: Sendable {
    public struct Perceelregel: Sendable, Equatable {
        public var perceel: String
        public var naam: String
        /// The first version adopted for the year (nil: no budget), and the version in force on the valuation date.
        public var primitief: Euro?
        public var budget: Euro?
        public var gedeclareerd: Euro
        public var verwacht: Euro
        public var ondergrens: Euro
        public var bovengrens: Euro
        /// Booked this year (submitted from 1 January up to the valuation date): for this care year and for earlier ones.
        public var geboektDitJaar: Euro
        public var geboektVoorgaandeJaren: Euro
        /// Expected outcome minus budget in force: positive is an expected shortfall (tekort).
        public var verschil: Euro? { budget.map { verwacht - $0 } }
    }

    public let gemeente: Gemeente
    public let jaar: Int
    public let peildatum: Dag
    /// The budget version in force on the valuation date ("1e burap (vastgesteld 25-06-2020)"), nil without versions.
    public let budgetversie: String?
    public let primitieveVersie: String?
    public let regels: [Perceelregel]
    public let totaal: Perceelregel
    /// Budget (in force) against the expected outcome per lot, split into volume, intensity and price; nil without a
    /// budget for the year.
    public let verklaring: Verschilanalyse?
    /// The open signals of the municipality with an amount, the largest first (at most `Burap.signalen`).
    /// Names of the lots and providers the tables mention, from the data the Burap was made of.
    public let perceelnamen: [String: String]
    public let aanbiedernamen: [String: String]
    public private(set) var signalen: [BeheerdSignaal] = []
    public private(set) var samenvatting: [String] = []

    public static let maxSignalen = 10

    public struct Fout: Error, Equatable, CustomStringConvertible {
        public let description: String
        /// The year of the valuation date has no declarations and no budget for the municipality (yet).
        public var zonderGegevens = false
    }

    /// The Burap at the last day with data (`laatste`); when that day's year has no declarations and no budget yet (the
    /// first months of a year bring only the late submissions for the year before), at the last day of the year before,
    /// the stand at which that year closed.
    public static func opLaatsteStand(_ g: Gegevens, gemeente code: String, laatste: Dag, signalen: [BeheerdSignaal] = []) throws(Fout) -> Burap {
        do {
            return try Burap(g, gemeente: code, peildatum: laatste, signalen: signalen)
        } catch where error.zonderGegevens {
            return try Burap(g, gemeente: code, peildatum: Dag.laatsteVan(jaar: laatste.jaar - 1), signalen: signalen)
        }
    }

    /// `g` with every line (the forecast needs three years before `peildatum`'s year); `signalen` the stored work list.
    public init(_ g: Gegevens, gemeente code: String, peildatum: Dag, signalen: [BeheerdSignaal] = []) throws(Fout) {
        guard let gemeente = g.gemeenten.first(where: { $0.code == code }) else {
            throw Fout(description: "onbekende gemeente '\(code)'")
        }
        let jaar = peildatum.jaar
        self.gemeente = gemeente; self.jaar = jaar; self.peildatum = peildatum
        let prognose: Jaarprognose
        do {
            prognose = try Jaarprognose(Jaarprognose.Basis(g, per: .perceel, binnen: code), jaar: jaar, peildatum: peildatum, methode: .bf)
        } catch {
            throw Fout(description: "geen prognose voor \(jaar) op \(peildatum.nederlands): \(error.reden)")
        }
        guard prognose.totaal.gedeclareerd != .nul || prognose.groepen.contains(where: { $0.budget != nil }) else {
            throw Fout(description: "geen declaraties en geen budget voor \(gemeente.naam) in \(jaar) op \(peildatum.nederlands)",
                       zonderGegevens: true)
        }
        let eigen = g.budgetten.filter { $0.jaar == jaar && $0.gemeentecode == code }
        budgetversie = g.budgetversieTekst(jaar: jaar, op: peildatum, gemeente: code)
        let eerste = g.budgetversies(jaar: jaar, gemeente: code).first
        primitieveVersie = eerste.flatMap { v in v.vastgesteldOp.map { "\(v.versie), vastgesteld \($0.nederlands)" } }
        // the primitive budget: per lot the version adopted first
        var primitief: [String: Euro] = [:], eersteDag: [String: Dag] = [:]
        for b in eigen {
            let dag = b.vastgesteldOp ?? Budgetversies.begin
            if let oud = eersteDag[b.perceel], oud <= dag { continue }
            eersteDag[b.perceel] = dag
            primitief[b.perceel] = b.bedrag
        }
        // booked this year up to the valuation date, per lot, by care year
        let geboekt: Boekjaar.Verdeling
        do { geboekt = try Boekjaar.verdeling(g.bekendOp(peildatum), jaar: jaar, per: .perceel, gemeente: code) } catch {
            throw Fout(description: "\(error)")
        }
        var ditJaar: [String: Euro] = [:], voorgaand: [String: Euro] = [:]
        for r in geboekt.regels {
            if r.zorgjaar < jaar { voorgaand[r.groep ?? "", default: .nul] += r.bedrag } else { ditJaar[r.groep ?? "", default: .nul] += r.bedrag }
        }
        let namen = Dictionary(g.percelen.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
        perceelnamen = namen
        aanbiedernamen = Dictionary(g.aanbieders.map { ($0.agb, $0.naam) }, uniquingKeysWith: { a, _ in a })
        let percelen = Set(prognose.groepen.map(\.groep)).union(primitief.keys).union(voorgaand.keys).union(ditJaar.keys).sorted()
        var regels: [Perceelregel] = []
        for p in percelen {
            let f = prognose.groepen.first { $0.groep == p }
            let verwacht = f.map { $0.prognose[.bf] ?? $0.gedeclareerd } ?? .nul
            regels.append(Perceelregel(perceel: p, naam: namen[p] ?? (p == "onbekend" ? "product zonder perceel" : p),
                                       primitief: primitief[p], budget: f?.budget, gedeclareerd: f?.gedeclareerd ?? .nul,
                                       // what is declared is spent: a small lot's wide interval stops there
                                       verwacht: verwacht, ondergrens: max(f?.ondergrens ?? verwacht, f?.gedeclareerd ?? .nul),
                                       bovengrens: f?.bovengrens ?? verwacht,
                                       geboektDitJaar: ditJaar[p] ?? .nul, geboektVoorgaandeJaren: voorgaand[p] ?? .nul))
        }
        self.regels = regels
        func som(_ k: KeyPath<Perceelregel, Euro?>) -> Euro? {
            let w = regels.compactMap { $0[keyPath: k] }
            return w.isEmpty ? nil : w.som()
        }
        totaal = Perceelregel(perceel: "totaal", naam: gemeente.naam, primitief: som(\.primitief), budget: som(\.budget),
                              gedeclareerd: regels.map(\.gedeclareerd).som(), verwacht: regels.map(\.verwacht).som(),
                              ondergrens: max(prognose.totaal.ondergrens, regels.map(\.gedeclareerd).som()), bovengrens: prognose.totaal.bovengrens,
                              geboektDitJaar: regels.map(\.geboektDitJaar).som(), geboektVoorgaandeJaren: regels.map(\.geboektVoorgaandeJaren).som())
        verklaring = eigen.isEmpty ? nil : try? Verschilanalyse(g, van: .begroting(jaar), naar: .prognose(jaar), per: .perceel,
                                                                gemeente: code, peildatum: peildatum, prognose: prognose)
        zetSignalen(signalen)
    }

    /// The same Burap with the work list as it is now (the figures are kept; the signals change apart from the data).
    public func metSignalen(_ s: [BeheerdSignaal]) -> Burap {
        var b = self
        b.zetSignalen(s)
        return b
    }

    private mutating func zetSignalen(_ s: [BeheerdSignaal]) {
        let code = gemeente.code
        signalen = Array(s.filter { $0.isOpen && $0.signaal.gemeentecode == code && ($0.signaal.bedrag ?? .nul) > .nul }
            .sorted { ($0.signaal.bedrag!, $1.id) > ($1.signaal.bedrag!, $0.id) }
            .prefix(Burap.maxSignalen))
        samenvatting = Burap.samenvatting(gemeente: gemeente, jaar: jaar, peildatum: peildatum, regels: regels, totaal: totaal,
                                          versie: budgetversie, verklaring: verklaring, signalen: signalen)
    }

    /// The Burap text in a controller's words: the expected result against the budget, the lots behind it, the p x q
    /// explanation, earlier years' costs, and the money in open signals.
    static func samenvatting(gemeente: Gemeente, jaar: Int, peildatum: Dag, regels: [Perceelregel], totaal: Perceelregel,
                             versie: String?, verklaring: Verschilanalyse?, signalen: [BeheerdSignaal]) -> [String] {
        var zinnen: [String] = []
        let interval = "80%: \(totaal.ondergrens.heleEuros) – \(totaal.bovengrens.heleEuros)"
        if let budget = totaal.budget, let verschil = totaal.verschil {
            let tekort = verschil > .nul
            let woord = verschil == .nul ? "Verwacht resultaat: precies op budget" : tekort ? "Verwacht tekort \(verschil.heleEuros)" : "Verwacht overschot \((.nul - verschil).heleEuros)"
            var zin = "\(woord) op jeugdhulp \(jaar) (verwachte uitkomst \(totaal.verwacht.heleEuros), \(interval)) tegen een budget van \(budget.heleEuros)"
                + (versie.map { ", versie \($0)" } ?? "") + "."
            // the lots that carry the difference, in its direction
            let dragers = regels.filter { r in (r.verschil ?? .nul) != .nul && ((r.verschil ?? .nul) > .nul) == tekort }
                .sorted { ($0.verschil ?? .nul).centen.magnitude > ($1.verschil ?? .nul).centen.magnitude }.prefix(2)
            if verschil != .nul, !dragers.isEmpty {
                zin += " Vooral door " + dragers.map { "\($0.naam.prefix(1).lowercased() + $0.naam.dropFirst()) (\((($0.verschil ?? .nul) > .nul ? $0.verschil! : .nul - $0.verschil!).heleEuros) \(tekort ? "boven" : "onder") budget)" }
                    .joined(separator: " en ") + "."
            }
            zinnen.append(zin)
            if totaal.ondergrens > budget {
                zinnen.append("Ook de ondergrens van het interval ligt boven het budget: een tekort is zeer waarschijnlijk.")
            } else if totaal.bovengrens < budget {
                zinnen.append("Ook de bovengrens van het interval ligt onder het budget: een overschot is zeer waarschijnlijk.")
            } else {
                zinnen.append("Het budget ligt binnen het 80%-interval: de uitkomst kan nog beide kanten op.")
            }
            if let v = verklaring?.totaal, v.verschil != .nul {
                zinnen.append("Verklaring van het verschil met het budget, opgeteld over de percelen: \(bedragMetTeken(v.volume)) door het aantal cliënten (volume), "
                    + "\(bedragMetTeken(v.intensiteit)) door de zorg per cliënt (intensiteit en mix)"
                    + (v.boek == .nul ? " en " : ", ") + "\(bedragMetTeken(v.prijs)) door tarieven (prijs)"
                    + (v.boek == .nul ? "." : " en \(bedragMetTeken(v.boek)) in percelen zonder declaraties (contracten en grootboek)."))
            }
        } else {
            zinnen.append("Verwachte uitkomst jeugdhulp \(jaar): \(totaal.verwacht.heleEuros) (\(interval)); er is geen budget voor \(jaar) ingelezen.")
        }
        zinnen.append("Gedeclareerd voor \(jaar) tot en met \(peildatum.nederlands): \(totaal.gedeclareerd.heleEuros).")
        if totaal.geboektVoorgaandeJaren != .nul {
            zinnen.append("In \(jaar) is tot en met \(peildatum.nederlands) \(totaal.geboektVoorgaandeJaren.heleEuros) geboekt voor zorg uit eerdere jaren (kosten voorgaande jaren).")
        }
        if !signalen.isEmpty {
            let som = signalen.compactMap(\.signaal.bedrag).som()
            zinnen.append("De \(signalen.count == 1 ? "open signaal" : "\(signalen.count) open signalen") met het meeste geld \(signalen.count == 1 ? "gaat" : "gaan samen") over \(som.heleEuros).")
        }
        return zinnen
    }

    static func bedragMetTeken(_ e: Euro) -> String { e < .nul ? "−\((.nul - e).heleEuros)" : "+\(e.heleEuros)" }
}

extension Burap {
    /// Per lot: primitive and current budget, declared, expected with interval, the expected difference.
    public func uitkomstTabel() -> Tabel {
        var t = Tabel(kolommen: [.init("perceel", "Perceel", .links), .init("naam", "Naam", .links),
                                 .init("budget_primitief", "Primitief budget"), .init("budget", "Budget (geldend)"),
                                 .init("gedeclareerd", "Gedeclareerd tot nu"), .init("verwacht", "Verwachte uitkomst"),
                                 .init("ondergrens_80", "80%-ondergrens"), .init("bovengrens_80", "80%-bovengrens"),
                                 .init("verwacht_verschil", "Verwacht tekort (+) / overschot (−)")])
        func rij(_ r: Perceelregel, _ code: String) -> [Tabel.Cel] {
            [Tabel.Cel(code), Tabel.Cel(r.naam), .euro(r.primitief), .euro(r.budget), .euro(r.gedeclareerd), .euro(r.verwacht),
             .euro(r.ondergrens), .euro(r.bovengrens), .euro(r.verschil)]
        }
        t.rijen = regels.map { rij($0, $0.perceel) }
        t.voet = [rij(totaal, "totaal")]
        return t
    }

    /// The p x q explanation of the expected difference per lot.
    public func verklaringTabel() -> Tabel? {
        verklaring.map { v in
            var t = v.tabel(per: .perceel, namen: Dictionary(regels.map { ($0.perceel, $0.naam) }, uniquingKeysWith: { a, _ in a }),
                            a: "begroot", b: "verwacht")
            t.kolommen = t.kolommen.map { k in
                switch k.naam {
                case "kosten_a": .init("budget", "Budget")
                case "kosten_b": .init("verwacht", "Verwachte uitkomst")
                default: k
                }
            }
            return t
        }
    }

    /// Booked this year per lot: for this care year and for earlier ones.
    public func boekjaarTabel() -> Tabel {
        var t = Tabel(kolommen: [.init("perceel", "Perceel", .links), .init("naam", "Naam", .links),
                                 .init("zorgjaar_\(jaar)", "Voor zorg in \(jaar)"), .init("voorgaande_jaren", "Kosten voorgaande jaren"),
                                 .init("geboekt", "Geboekt in \(jaar) t/m \(peildatum.nederlands)")])
        func rij(_ r: Perceelregel, _ code: String) -> [Tabel.Cel] {
            [Tabel.Cel(code), Tabel.Cel(r.naam), .euroOpCent(r.geboektDitJaar), .euroOpCent(r.geboektVoorgaandeJaren),
             .euroOpCent(r.geboektDitJaar + r.geboektVoorgaandeJaren)]
        }
        t.rijen = regels.filter { $0.geboektDitJaar != .nul || $0.geboektVoorgaandeJaren != .nul }.map { rij($0, $0.perceel) }
        t.voet = [rij(totaal, "totaal")]
        return t
    }

    /// The open signals with the most money.
    public func signalenTabel() -> Tabel {
        let percelen = perceelnamen, aanbieders = aanbiedernamen
        var t = Tabel(kolommen: [.init("signaal", "Signaal", .links), .init("regel", "Regel", .links), .init("perceel", "Perceel", .links),
                                 .init("aanbieder", "Aanbieder", .links), .init("bedrag", "Bedrag"), .init("toelichting", "Toelichting", .links)])
        for s in signalen {
            let x = s.signaal
            t.rijen.append([Tabel.Cel("#\(s.id)", machine: String(s.id)),
                            Tabel.Cel(Signaaluitleg.voor(x.regel).naam, machine: x.regel),
                            Tabel.Cel(x.perceel.map { percelen[$0] ?? $0 } ?? "", machine: x.perceel ?? ""),
                            Tabel.Cel(x.agb.map { aanbieders[$0] ?? $0 } ?? "", machine: x.agb ?? ""),
                            .euro(x.bedrag), Tabel.Cel(x.toelichting)])
        }
        return t
    }

    /// The sections in order: file-name stem, title, introduction, table.
    public func onderdelen() -> [Maandrapport.Onderdeel] {
        var uit: [Maandrapport.Onderdeel] = []
        func onderdeel(_ naam: String, _ titel: String, _ inleiding: [String], _ t: Tabel?, _ noten: [String] = []) {
            uit.append(Maandrapport.Onderdeel(naam: naam, titel: titel, inleiding: inleiding, grafieken: [], grafiekSoort: [], tabel: t, noten: noten))
        }
        onderdeel("uitkomst", "Verwachte uitkomst per perceel",
                  ["Het budget dat op \(peildatum.nederlands) geldt" + (budgetversie.map { " (\($0))" } ?? "")
                   + (primitieveVersie.map { ", naast de eerste versie van het jaar (\($0))" } ?? "")
                   + ", tegen de verwachte jaaruitkomst: wat gedeclareerd is plus wat naar verwachting nog komt (Bornhuetter-Ferguson, met 80%-interval)."],
                  uitkomstTabel(),
                  ["Het interval van het totaal is dat van de gemeente als geheel; de intervallen van de percelen tellen niet op tot dat van het totaal."])
        if let v = verklaringTabel() {
            onderdeel("verklaring", "Verklaring van het verschil met het budget (p × q)",
                      ["Volume: meer of minder cliënten dan begroot, tegen de begrote kosten per cliënt. Intensiteit: meer of minder zorg per cliënt en een andere mix. "
                       + "Prijs: andere tarieven. De begroting is gelezen als de zorg van \(jaar - 1) tegen de tarieven van \(jaar), geschaald naar het budget; "
                       + "de verwachte cliënten zijn de cliënten tot nu, opgehoogd zoals vorig jaar. Per perceel tellen de drie op tot het verschil, op de cent."],
                      v)
        }
        onderdeel("boekjaar", "Geboekt in \(jaar): dit zorgjaar en voorgaande jaren",
                  ["Een declaratie is geboekt op de dag van indiening. Kosten voorgaande jaren drukken op de begroting van \(jaar) maar horen bij zorg uit eerdere jaren."],
                  boekjaarTabel())
        onderdeel("signalen", "Open signalen met het meeste geld",
                  signalen.isEmpty ? ["Geen open signalen met een bedrag voor \(gemeente.naam)."] : ["De \(signalen.count) open signalen van \(gemeente.naam) met het grootste bedrag."],
                  signalen.isEmpty ? nil : signalenTabel())
        return uit
    }
}
