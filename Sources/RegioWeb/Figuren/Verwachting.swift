import RegioCore
import RegioStore

/// The expected year outcome where decisions are made (issue 22): the forecast of a year as it stands on the last day
/// with data (Bornhuetter-Ferguson with its 80% interval, docs/prognose.md), per municipality or lot and for the region,
/// against the budget in force. The same figures as the forecast page for that date.
extension Cijferbron {
    static let verwachtingsmethode = Prognosemethode.bf

    /// The forecast's prepared amounts per grouping (from the monthly sums' triangle when the lines are not in memory).
    func prognosebasis(per: Jaarprognose.Groepering) throws -> Jaarprognose.Basis {
        try figuur("prognosebasis-\(per.rawValue)") { _ in try dienst.prognose(try laad(), per: per) }
    }

    /// The forecast of `jaar` on `peil` (cached per date and method), or why there is none.
    func prognose(jaar: Int, per: Jaarprognose.Groepering, peil: Dag, methode: Prognosemethode) throws -> Result<Jaarprognose, ChainLadderFout> {
        let basis = try prognosebasis(per: per)
        return try figuur("prognose|\(per.rawValue)|\(jaar)|\(peil)|\(methode.rawValue)") { _ in
            Result { () throws(ChainLadderFout) -> Jaarprognose in try Jaarprognose(basis, jaar: jaar, peildatum: peil, methode: methode) }
        }
    }

    /// The expected outcome of `jaar` as known now; nil without data, for a year after the data, or when the history is
    /// too short for a forecast.
    func verwachting(jaar: Int, per: Jaarprognose.Groepering) throws -> Jaarprognose? {
        guard let laatste = try laatsteDag(), jaar <= laatste.jaar else { return nil }
        return try? prognose(jaar: jaar, per: per, peil: laatste, methode: Cijferbron.verwachtingsmethode).get()
    }
}

extension Groepsprognose {
    var verwacht: Euro { prognose[Cijferbron.verwachtingsmethode] ?? gedeclareerd }
    /// The expected overrun (positive) or underrun (negative) of the budget; nil without budget.
    var verwachtVerschil: Euro? { budget.map { verwacht - $0 } }
}

extension Tegels {
    /// Declared to date, the expected outcome with its interval, the budget in force and the expected difference: what
    /// the Burap decides on. Without a forecast, the budget against what is declared so far, said as such.
    static func metVerwachting(_ t: Kengetallen, status: Onderdrukking.Status, verwachting: Groepsprognose?, peil: Dag?,
                               versie: String?) -> [Tegel] {
        let weg = status.isVerborgen
        var tegels = [Tegel(label: "Gedeclareerd tot nu", waarde: weg ? status.merk : t.gedeclareerd.heleEuros,
                            toelichting: weg ? "" : "verplichting \(t.verplichting.heleEuros)"
                                + (t.realisatie.map { "; \(Tabel.procentTekst($0)) van het budget" } ?? ""),
                            getal: weg ? nil : t.gedeclareerd.machineTekst)]
        if let p = verwachting {
            tegels.append(Tegel(label: "Verwachte jaaruitkomst", waarde: weg ? status.merk : p.verwacht.heleEuros,
                                toelichting: weg ? "" : "80%: \(p.ondergrens.heleEuros) – \(p.bovengrens.heleEuros)"
                                    + (peil.map { " (prognose \($0.nederlands))" } ?? ""),
                                getal: weg ? nil : p.verwacht.machineTekst))
        }
        if let b = t.budget {
            tegels.append(Tegel(label: "Budget", bedrag: b, toelichting: versie.map { "versie \($0)" } ?? "heel jaar"))
            if let p = verwachting {
                let verschil = p.verwacht - b
                tegels.append(Tegel(label: verschil > .nul ? "Verwacht tekort" : "Verwacht overschot",
                                    waarde: weg ? status.merk : (verschil > .nul ? verschil : .nul - verschil).heleEuros,
                                    toelichting: weg ? "" : p.ondergrens > b ? "ook de ondergrens van het interval ligt boven het budget"
                                        : p.bovengrens > b && verschil <= .nul ? "de bovengrens van het interval ligt boven het budget" : "volgens de prognose",
                                    soort: weg ? nil : verschil > .nul ? .fout : .goed, getal: weg ? nil : verschil.machineTekst))
            } else {
                tegels.append(Tegel(label: "Realisatie", waarde: weg ? status.merk : t.realisatie.map(Tabel.procentTekst) ?? "—",
                                    toelichting: "gedeclareerd tot nu / budget (geen prognose mogelijk)"))
            }
        }
        tegels.append(Tegel(label: "Unieke cliënten", waarde: weg ? status.merk : t.clientenTekst ?? Tabel.groepeer(t.clienten),
                            toelichting: weg ? "" : "\(Tabel.groepeer(t.toewijzingen)) toewijzingen"))
        return tegels
    }
}

/// The expected year outcome per municipality beside the budget in force: the overview's answer to "who ends over
/// budget", as a table (and so in the CSV and the API). A council sees the rows its plan shows.
enum Verwachtingstabel {
    static func maak(_ rijen: Raadsrijen, verwachting: Jaarprognose, totaal: Groepsprognose?, jaar: Int) -> WebTabel {
        var t = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links),
                                 .init("gedeclareerd", "Gedeclareerd"), .init("verwacht", "Verwacht"),
                                 .init("ondergrens_80", "80% laag"), .init("bovengrens_80", "80% hoog"),
                                 .init("budget", "Budget"), .init("verwacht_verschil", "Verwacht verschil")])
        let per = Dictionary(verwachting.groepen.map { ($0.groep, $0) }, uniquingKeysWith: { a, _ in a })
        var klassen: [String?] = []
        func rij(_ code: String, _ naam: String, _ k: Kengetallen?, _ p: Groepsprognose?, _ s: Onderdrukking.Status, budget: Euro?) -> [Tabel.Cel] {
            guard !s.isVerborgen else {
                return [Tabel.Cel(code), Tabel.Cel(naam)] + (0..<4).map { _ in Tabel.Cel(s.merk, machine: "") } + [.euro(budget), Tabel.Cel(s.merk, machine: "")]
            }
            return [Tabel.Cel(code), Tabel.Cel(naam), .euro(p?.gedeclareerd ?? k?.gedeclareerd), .euro(p?.verwacht), .euro(p?.ondergrens),
                    .euro(p?.bovengrens), .euro(budget), .euro(p.flatMap { x in budget.map { x.verwacht - $0 } })]
        }
        for (i, k) in rijen.rijen.enumerated() {
            let p = per[k.groep]
            t.rijen.append(rij(k.groep, k.naam, k, p, rijen.status[i], budget: k.budget))
            let verschil = p.flatMap { x in k.budget.map { x.verwacht - $0 } }
            klassen.append(!rijen.status[i].isVerborgen && (verschil ?? .nul) > .nul ? "boven" : nil)
        }
        if let totaal { t.voet = [rij("totaal", "Regio", nil, totaal, rijen.totaal, budget: totaal.budget)] }
        var w = WebTabel(id: "verwachting_per_gemeente", titel: "Verwachte jaaruitkomst per gemeente", tabel: t)
        w.koppelingen[1] = rijen.rijen.map { Webhtml.link("/gemeente/\($0.groep)", [("jaar", String(jaar))]) }
        w.rijklassen = klassen
        w.toelichting = "Prognose op \(verwachting.peildatum.nederlands) (Bornhuetter-Ferguson, zie Prognose): wat gedeclareerd is plus wat naar verwachting nog komt, "
            + "tegen het budget dat dan geldt. Verwacht verschil: verwacht min budget (positief is een tekort). Rood: verwacht boven budget. De intervallen van de gemeenten tellen niet op tot dat van de regio."
            + (rijen.status.contains(where: \.isVerborgen) ? " " + Onderdrukking.toelichting : "")
        return w
    }
}
