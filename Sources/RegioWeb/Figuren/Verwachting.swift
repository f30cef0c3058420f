import RegioCore
import RegioStore

/// The expected year outcome where decisions are made (issue 22): the forecast of a year as it stands on the last day
/// with data (Bornhuetter-Ferguson with its 80% interval, docs/prognose.md), per municipality or lot and for the region,
/// against the budget in force. The same figures as the forecast page for that date.
extension Cijferbron {
    static let verwachtingsmethode = Prognosemethode.bf

    /// The forecast's prepared amounts per grouping (from the monthly sums' triangle when the lines are not in memory).
    func prognosebasis(per: Jaarprognose.Groepering) throws -> Jaarprognose.Basis {
        try figuur("prognosebasis-\(per.rawValue)") { g in
            if try sommen() != nil, let a = store as? any AggregaatStore, let d = try a.driehoek() {
                return Jaarprognose.Basis(g, driehoek: d, per: per)
            }
            return Jaarprognose.Basis(g, per: per)
        }
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
                                + (t.realisatie.map { "; \(Tabel.procentTekst($0)) van het budget" } ?? ""))]
        if let p = verwachting {
            tegels.append(Tegel(label: "Verwachte jaaruitkomst", waarde: weg ? status.merk : p.verwacht.heleEuros,
                                toelichting: weg ? "" : "80%: \(p.ondergrens.heleEuros) – \(p.bovengrens.heleEuros)"
                                    + (peil.map { " (prognose \($0.nederlands))" } ?? "")))
        }
        if let b = t.budget {
            tegels.append(Tegel(label: "Budget", waarde: b.heleEuros, toelichting: versie.map { "versie \($0)" } ?? "heel jaar"))
            if let p = verwachting {
                let verschil = p.verwacht - b
                tegels.append(Tegel(label: verschil > .nul ? "Verwacht tekort" : "Verwacht overschot",
                                    waarde: weg ? status.merk : (verschil > .nul ? verschil : .nul - verschil).heleEuros,
                                    toelichting: weg ? "" : p.ondergrens > b ? "ook de ondergrens van het interval ligt boven het budget"
                                        : p.bovengrens > b && verschil <= .nul ? "de bovengrens van het interval ligt boven het budget" : "volgens de prognose",
                                    soort: weg ? nil : verschil > .nul ? .fout : .goed))
            } else {
                tegels.append(Tegel(label: "Realisatie", waarde: weg ? status.merk : t.realisatie.map(Tabel.procentTekst) ?? "—",
                                    toelichting: "gedeclareerd tot nu / budget (geen prognose mogelijk)"))
            }
        }
        tegels.append(Tegel(label: "Unieke cliënten", waarde: weg ? status.merk : Tabel.groepeer(t.clienten),
                            toelichting: weg ? "" : "\(Tabel.groepeer(t.toewijzingen)) toewijzingen"))
        return tegels
    }
}
