/// Builds the sections of a `Maandrapport`: computes each figure once and applies small-number suppression to every
/// cell, chart value and sentence of the council version before anything becomes text.
final class Rapportbouwer {
    let g: Gegevens
    let gemeente: Gemeente
    let maand: Maand
    let p: Dag, pVorigJaar: Dag
    let raad: Bool
    let van: Dag, tot: Dag, jaareinde: Dag
    let vjVan: Dag, vjTot: Dag
    let selectie: Selectie
    /// The municipality over January..month this year (at p) and last year (at p one year earlier).
    let nu: Kengetallen
    let vorigJaar: Kengetallen
    /// Every municipality of the region this year, for the benchmark.
    let regio: (groepen: [Kengetallen], totaal: Kengetallen)
    let perceelNu: (groepen: [Kengetallen], totaal: Kengetallen)
    let perceelJaar: (groepen: [Kengetallen], totaal: Kengetallen)
    /// The council version's plans: this year's (over the report's months) and last year's (whole year, as now known).
    let plan: Raadsplan?
    let planVorig: Raadsplan?
    /// The municipality's expected year outcome on the valuation date (Bornhuetter-Ferguson, 80% interval); nil when
    /// the history is too short for a forecast.
    var verwachting: Groepsprognose?

    init(g: Gegevens, rapport r: Maandrapport, plan: (nu: Raadsplan, vorig: Raadsplan?)?) {
        self.plan = plan?.nu; planVorig = plan?.vorig
        self.g = g
        gemeente = r.gemeente; maand = r.maand; p = r.peildatum; pVorigJaar = r.peildatumVorigJaar
        raad = r.versie == .raad
        van = r.van; tot = r.tot; jaareinde = Dag.laatsteVan(jaar: r.maand.jaar)
        vjVan = Dag.eersteVan(jaar: r.maand.jaar - 1); vjTot = (r.maand + -12).laatsteDag
        selectie = Selectie(gemeente: r.gemeente.code)
        nu = Monitoring.kengetallen(g, van: van, tot: tot, per: .gemeente, selectie: selectie, peildatum: p).totaal
        // the council version compares with last year as known now (pVorigJaar is then p)
        vorigJaar = Monitoring.kengetallen(g, van: vjVan, tot: vjTot, per: .gemeente, selectie: selectie, peildatum: pVorigJaar).totaal
        var regio = Monitoring.kengetallen(g, van: van, tot: tot, per: .gemeente, selectie: Selectie(), peildatum: p)
        if raad, let nu = plan?.nu {
            // every municipality of the plan, an empty one like a small one
            let per = Dictionary(regio.groepen.map { ($0.groep, $0) }, uniquingKeysWith: { a, _ in a })
            let namen = Dictionary(g.gemeenten.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
            regio.groepen = nu.gemeenten.map { per[$0] ?? Kengetallen(groep: $0, naam: namen[$0] ?? $0) }
        }
        self.regio = regio
        perceelNu = Monitoring.kengetallen(g, van: van, tot: tot, per: .perceel, selectie: selectie, peildatum: p)
        perceelJaar = Monitoring.kengetallen(g, van: van, tot: jaareinde, per: .perceel, selectie: selectie, peildatum: p)
    }

    // MARK: suppression, only in the council version

    /// A cell of this year's council plan (the report's own municipality unless another is named).
    func cel(gemeente g: String? = nil, perceel: String? = nil, maand: Maand? = nil, verwijzer: String? = nil,
             regio: Bool = false) -> Onderdrukking.Status {
        guard raad else { return .zichtbaar }
        return plan?.status(gemeente: regio ? nil : g ?? gemeente.code, perceel: perceel, maand: maand, verwijzer: verwijzer) ?? .klein
    }

    /// A cell of last year's plan; without a plan last year has no data at all, which is no secret.
    func vorigeCel(maand: Maand? = nil) -> Onderdrukking.Status {
        guard raad, let planVorig else { return .zichtbaar }
        return planVorig.status(gemeente: gemeente.code, maand: maand)
    }

    /// Last year January..month: the whole year's cell, or the sum of its months, hidden when any of them is.
    var vorigePeriode: Onderdrukking.Status {
        guard raad else { return .zichtbaar }
        if maand.maand == 12 { return vorigeCel() }
        let maanden = (1...maand.maand).map { vorigeCel(maand: Maand(jaar: maand.jaar - 1, maand: $0)) }
        return maanden.first(where: \.isVerborgen) ?? .zichtbaar
    }

    /// A column of this report only (the months' commitments): its own small cells, those the plan hides, and never a
    /// single hidden cell beside a visible total.
    func eigenKolom(_ basis: [Int], plan: [Onderdrukking.Status]) -> [Onderdrukking.Status] {
        guard raad else { return basis.map { _ in .zichtbaar } }
        var s = basis.indices.map { i in i < plan.count && plan[i].isVerborgen ? plan[i] : Onderdrukking.status(basis: basis[i]) }
        if s.filter(\.isVerborgen).count == 1, let i = s.indices.filter({ !s[$0].isVerborgen }).min(by: { basis[$0] < basis[$1] }) {
            s[i] = .aanvullend
        }
        return s
    }

    func status(_ basis: Int?) -> Onderdrukking.Status {
        guard raad, let basis else { return .zichtbaar }
        return Onderdrukking.status(basis: basis)
    }

    func kolom(_ basis: [Int], optelbaar: Bool = true) -> [Onderdrukking.Status] {
        raad ? Onderdrukking.kolom(basis: basis, optelbaar: optelbaar) : basis.map { _ in .zichtbaar }
    }

    /// A column adding up to a visible total (see `Onderdrukking.kolom(basis:totaal:gepubliceerd:)`).
    func kolom(_ basis: [Int], totaal: Int, gepubliceerd: Set<Int> = []) -> (rijen: [Onderdrukking.Status], totaal: Onderdrukking.Status) {
        guard raad else { return (basis.map { _ in .zichtbaar }, .zichtbaar) }
        return Onderdrukking.kolom(basis: basis, totaal: totaal, gepubliceerd: gepubliceerd)
    }

    /// The benchmark's money column: every municipality's cell and the region's, by the plan.
    var regioStatus: (rijen: [Onderdrukking.Status], totaal: Onderdrukking.Status) {
        (regio.groepen.map { cel(gemeente: $0.groep) }, cel(regio: true))
    }

    static func cel(_ c: Tabel.Cel, _ s: Onderdrukking.Status) -> Tabel.Cel { Onderdrukking.cel(c, s) }

    /// The worst of two statuses: a cell derived from two hidden-or-not values.
    static func samen(_ a: Onderdrukking.Status, _ b: Onderdrukking.Status) -> Onderdrukking.Status {
        a == .klein || b == .klein ? .klein : (a == .aanvullend || b == .aanvullend ? .aanvullend : .zichtbaar)
    }

    // MARK: text helpers

    var periodeTekst: String { "januari t/m \(Maand.namen[maand.maand - 1])" }

    static func procentVan(_ a: Euro, _ b: Euro?) -> Double? {
        guard let b, b.centen != 0 else { return nil }
        return Double(a.centen) / Double(b.centen)
    }

    static func euroMetTeken(_ e: Euro) -> String {
        (e.centen > 0 ? "+" : e.centen < 0 ? "-" : "") + Euro(centen: abs(e.centen)).heleEuros
    }

    static func procentMetTeken(_ x: Double) -> String {
        (x > 0.0005 ? "+" : "") + Opmaak.procent(x)
    }

    // MARK: kerncijfers

    enum Waarde { case aantal(Int?), euro(Euro?), ratio(Double?), dagen(Int?) }

    func kerncijfers() -> Maandrapport.Onderdeel {
        var t = Tabel(kolommen: [
            .init("kengetal", "Kengetal", .links), .init("dit_jaar", "\(maand.jaar) t/m \(maand.afkorting)"),
            .init("vorig_jaar", "\(maand.jaar - 1) t/m \(maand.afkorting)"), .init("verschil", "Verschil"),
            .init("verschil_procent", "Verschil %"),
        ])
        let n = nu, v = vorigJaar
        let regels: [(String, String, Waarde, Waarde, Int?, Int?)] = [
            ("unieke_clienten", "Unieke cliënten", .aantal(n.clienten < 0 ? nil : n.clienten), .aantal(v.clienten < 0 ? nil : v.clienten),
             n.clienten, v.clienten),
            ("instroom", "Nieuwe cliënten (instroom)", .aantal(n.instroom), .aantal(v.instroom), n.instroom, v.instroom),
            ("uitstroom", "Zorg beëindigd (uitstroom)", .aantal(n.uitstroom), .aantal(v.uitstroom), n.uitstroom, v.uitstroom),
            ("in_zorg_einde", "In zorg aan het eind van de periode", .aantal(n.inZorgEinde), .aantal(v.inZorgEinde), n.inZorgEinde, v.inZorgEinde),
            ("toewijzingen", "Toewijzingen", .aantal(n.toewijzingen), .aantal(v.toewijzingen), n.clienten, v.clienten),
            ("verplichting", "Verplichting (toegewezen zorg)", .euro(n.verplichting), .euro(v.verplichting), n.clienten, v.clienten),
            ("gedeclareerd", "Gedeclareerd", .euro(n.gedeclareerd), .euro(v.gedeclareerd), n.clienten, v.clienten),
            ("uitnutting", "Uitnutting (gedeclareerd / verplichting)", .ratio(n.uitnutting), .ratio(v.uitnutting), n.clienten, v.clienten),
            ("kosten_per_client", "Kosten per cliënt", .euro(n.kostenPerClient), .euro(v.kostenPerClient), n.clienten, v.clienten),
            ("kosten_per_jeugdige", "Kosten per jeugdige (0-17 jaar)", .euro(n.kostenPerJeugdige), .euro(v.kostenPerJeugdige), n.clienten, v.clienten),
            ("kosten_per_inwoner", "Kosten per inwoner", .euro(n.kostenPerInwoner), .euro(v.kostenPerInwoner), n.clienten, v.clienten),
            ("budget", "Budget (heel jaar)", .euro(n.budget), .euro(v.budget), nil, nil),
            ("realisatie", "Gedeclareerd als % van het jaarbudget", .ratio(n.realisatie), .ratio(v.realisatie), n.clienten, v.clienten),
            ("duur_mediaan_dagen", "Mediane duur beëindigde toewijzingen (dagen)", .dagen(n.duurMediaan), .dagen(v.duurMediaan),
             n.beeindigdeToewijzingen, v.beeindigdeToewijzingen),
        ]
        // money and the counts behind it follow the plan; inflow, outflow and durations are counts of their own
        let eigenTelling: Set<String> = ["instroom", "uitstroom", "in_zorg_einde", "duur_mediaan_dagen"]
        for (sleutel, label, a, b, basisA, basisB) in regels {
            let opPlan = !eigenTelling.contains(sleutel) && basisA != nil
            let sa = opPlan ? cel() : status(basisA), sb = opPlan ? vorigePeriode : status(basisB)
            let (verschil, procent) = Rapportbouwer.verschil(a, b)
            let sv = Rapportbouwer.samen(sa, sb)
            t.rijen.append([Tabel.Cel(label, machine: sleutel), Rapportbouwer.cel(Rapportbouwer.cel(a), sa),
                            Rapportbouwer.cel(Rapportbouwer.cel(b), sb), Rapportbouwer.cel(verschil, sv), Rapportbouwer.cel(procent, sv)])
        }
        return .init(naam: "kerncijfers", titel: "Kerncijfers \(periodeTekst) \(maand.jaar)",
                     inleiding: [raad && pVorigJaar >= p
                        ? "Dezelfde maanden vorig jaar, zoals ze nu (\(pVorigJaar.nederlands)) bekend zijn. Van dit jaar zijn de laatste maanden nog niet compleet: declaraties komen tot \(Maand.compleetNaDagen) dagen na de maand binnen, dus de verschillen in geld zijn voor die maanden te laag. (De raadsversie toont vorig jaar niet op een eerdere stand: twee standen van hetzelfde jaar zouden samen kleine aantallen kunnen verraden.)"
                        : "Dezelfde maanden vorig jaar, zoals ze bekend waren op \(pVorigJaar.nederlands): zo vergelijken we gelijke stand met gelijke stand."],
                     grafieken: [], grafiekSoort: [], tabel: t, noten: [])
    }

    static func cel(_ w: Waarde) -> Tabel.Cel {
        switch w {
        case .aantal(let n), .dagen(let n): .aantal(n)
        case .euro(let e): .euro(e)
        case .ratio(let x): .procent(x)
        }
    }

    static func verschil(_ a: Waarde, _ b: Waarde) -> (Tabel.Cel, Tabel.Cel) {
        let leeg = Tabel.Cel("", machine: "")
        func pct(_ d: Double, _ basis: Double) -> Tabel.Cel {
            guard basis != 0 else { return leeg }
            let x = d / basis
            return Tabel.Cel(procentMetTeken(x), machine: Tabel.decimaal(x, 4), getal: true)
        }
        switch (a, b) {
        case (.aantal(let x?), .aantal(let y?)), (.dagen(let x?), .dagen(let y?)):
            let d = x - y
            let c = Tabel.Cel((d > 0 ? "+" : "") + Tabel.groepeer(d), machine: String(d), getal: true)
            if case .dagen = a { return (c, leeg) }
            return (c, pct(Double(d), Double(y)))
        case (.euro(let x?), .euro(let y?)):
            let d = x - y
            return (Tabel.Cel(euroMetTeken(d), machine: d.machineTekst, getal: true), pct(Double(d.centen), Double(y.centen)))
        case (.ratio(let x?), .ratio(let y?)):
            let d = x - y
            return (Tabel.Cel((d > 0.00005 ? "+" : "") + Opmaak.getal(d * 100, decimalen: 1) + " %-punt", machine: Tabel.decimaal(d, 4), getal: true), leeg)
        default:
            return (leeg, leeg)
        }
    }

    // MARK: budget per lot

    /// Lots in the region's order (as registered), unknown codes last.
    func perceelVolgorde(_ sleutels: Set<String>) -> [String] {
        let volgorde = Dictionary(g.percelen.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        return sleutels.sorted { (volgorde[$0] ?? Int.max, $0) < (volgorde[$1] ?? Int.max, $1) }
    }

    func budget() -> Maandrapport.Onderdeel {
        let ytd = Dictionary(perceelNu.groepen.map { ($0.groep, $0) }, uniquingKeysWith: { a, _ in a })
        let jaar = Dictionary(perceelJaar.groepen.map { ($0.groep, $0) }, uniquingKeysWith: { a, _ in a })
        // the council sees every lot of its plan, an empty one like a small one
        let sleutels = raad ? plan?.percelen ?? [] : perceelVolgorde(Set(ytd.keys).union(jaar.keys))
        let leeg = Kengetallen(groep: "", naam: "")
        let a = sleutels.map { ytd[$0] ?? leeg }, j = sleutels.map { jaar[$0] ?? leeg }
        let rijen = sleutels.map { cel(perceel: $0) }
        let gedeclareerd = (rijen: rijen, totaal: cel()), verplicht = gedeclareerd, clienten = rijen
        var t = Tabel(kolommen: [
            .init("perceel", "Perceel", .links), .init("budget", "Budget \(maand.jaar)"),
            .init("verplichting", "Verplichting \(maand.jaar)"), .init("gedeclareerd", "Gedeclareerd t/m \(maand.afkorting)"),
            .init("realisatie", "Gedecl. / budget"), .init("verplichting_budget", "Verpl. / budget"),
            .init("unieke_clienten", "Cliënten"),
        ])
        func rij(_ code: String, _ naam: String, _ budget: Euro?, _ verpl: Euro, _ decl: Euro, _ cl: Kengetallen,
                 _ sv: Onderdrukking.Status, _ sd: Onderdrukking.Status, _ sc: Onderdrukking.Status) -> [Tabel.Cel] {
            [Tabel.Cel(naam, machine: code), .euro(budget), Rapportbouwer.cel(.euro(verpl), sv), Rapportbouwer.cel(.euro(decl), sd),
             Rapportbouwer.cel(.procent(Rapportbouwer.procentVan(decl, budget)), sd),
             Rapportbouwer.cel(.procent(Rapportbouwer.procentVan(verpl, budget)), sv), Rapportbouwer.cel(.clienten(cl), sc)]
        }
        for (i, k) in sleutels.enumerated() {
            let naam = g.percelen.first { $0.code == k }?.naam ?? (k == "onbekend" ? "Product zonder perceel" : k)
            t.rijen.append(rij(k, naam, j[i].budget ?? a[i].budget, j[i].verplichting, a[i].gedeclareerd, a[i],
                               verplicht.rijen[i], gedeclareerd.rijen[i], clienten[i]))
        }
        let budgetTotaal = perceelJaar.totaal.budget
        t.voet = [rij("totaal", "Totaal", budgetTotaal, perceelJaar.totaal.verplichting, perceelNu.totaal.gedeclareerd,
                      perceelNu.totaal, verplicht.totaal, gedeclareerd.totaal, cel())]
        var inleiding = ["Na \(maand.maand) van de 12 maanden (\(Opmaak.procent(Double(maand.maand) / 12, decimalen: 0)) van het jaar). "
            + "De verplichting is de zorg die voor heel \(maand.jaar) is toegewezen, zoals bekend op \(p.nederlands)."]
        if budgetTotaal == nil { inleiding.append("Voor \(maand.jaar) is geen budget geregistreerd.") }
        return .init(naam: "budget_per_perceel", titel: "Budget en realisatie per perceel", inleiding: inleiding,
                     grafieken: [], grafiekSoort: [], tabel: t,
                     noten: ["Cliënten tellen niet op: een cliënt met zorg in meer percelen telt in het totaal één keer."])
    }
}
