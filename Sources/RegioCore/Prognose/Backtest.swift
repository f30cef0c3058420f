/// Forecasts made in the past, judged against what the year turned out to cost.
public enum Backtest {
    public struct Regel: Sendable, Equatable {
        public var methode: Prognosemethode
        /// The valuation date is the last day of this month of the year forecast (1...12).
        public var maand: Int
        public var mape: Double?
        public var wape: Double?
        public var bias: Double?
        public var aantal: Int
    }

    /// For every year and valuation month: each method's forecast per group against the group's final declared cost.
    /// Years need their own final figures: use only years whose declarations are complete in the data. Throws when the
    /// amounts are beyond `Grenzen` (then every month would fail for that reason, not for lack of history).
    public static func voerUit(_ basis: Jaarprognose.Basis, jaren: ClosedRange<Int>) throws(ChainLadderFout) -> [Regel] {
        if let f = basis.fout { throw f }
        var paren: [Prognosemethode: [Int: [(voorspelling: Double, werkelijk: Double)]]] = [:]
        for jaar in jaren {
            let werkelijk = basis.werkelijk(jaar: jaar)
            for maand in 1...12 {
                let peil = Maand(jaar: jaar, maand: maand).laatsteDag
                // too little history for a triangle on that day: the month is left out, not guessed
                guard let p = try? Jaarprognose(basis, jaar: jaar, peildatum: peil) else { continue }
                for g in p.groepen {
                    guard let w = werkelijk[g.groep], w > .nul else { continue }
                    for m in Prognosemethode.allCases {
                        paren[m, default: [:]][maand, default: []].append((Double(g.prognose[m]!.centen), Double(w.centen)))
                    }
                }
            }
        }
        var uit: [Regel] = []
        for m in Prognosemethode.allCases {
            for maand in 1...12 {
                let p = paren[m]?[maand] ?? []
                uit.append(Regel(methode: m, maand: maand, mape: Voorspelfout.mape(p), wape: Voorspelfout.wape(p),
                                 bias: Voorspelfout.bias(p), aantal: p.count))
            }
        }
        return uit
    }

    /// One row per valuation month, the methods' WAPE side by side (and MAPE, bias in the machine forms).
    public static func tabel(_ regels: [Regel]) -> Tabel {
        var kolommen: [Tabel.Kolom] = [.init("maand", "Peilmaand", .links)]
        for m in Prognosemethode.allCases {
            kolommen += [.init("wape_\(m.rawValue)", "WAPE \(m.naam)"), .init("mape_\(m.rawValue)", "MAPE \(m.naam)"),
                         .init("bias_\(m.rawValue)", "Bias \(m.naam)")]
        }
        var t = Tabel(kolommen: kolommen)
        for maand in 1...12 {
            var r: [Tabel.Cel] = [Tabel.Cel(Maand.namen[maand - 1], machine: String(maand))]
            for m in Prognosemethode.allCases {
                let g = regels.first { $0.methode == m && $0.maand == maand }
                r += [.procent(g?.wape), .procent(g?.mape), .procent(g?.bias)]
            }
            t.rijen.append(r)
        }
        return t
    }
}

extension Jaarprognose {
    /// Per group: declared so far, the forecast of the chosen method with its 80% interval, budget and expected over-
    /// or underrun, and the other methods; a total row that is the exact sum of the groups.
    public func tabel(namen: [String: String] = [:]) -> Tabel {
        var kolommen: [Tabel.Kolom] = [.init("groep", "Groep", .links), .init("naam", "Naam", .links),
                                       .init("gedeclareerd", "Gedeclareerd t/m peildatum"), .init("prognose", "Prognose \(methode.naam)"),
                                       .init("ondergrens_80", "80%-interval van"), .init("bovengrens_80", "tot"),
                                       .init("budget", "Budget"), .init("verwachte_overschrijding", "Verwachte over(+)/onderschrijding(−)")]
        for m in Prognosemethode.allCases where m != methode { kolommen.append(.init("prognose_\(m.rawValue)", m.naam)) }
        var t = Tabel(kolommen: kolommen)
        for g in groepen + [totaal] {
            let p = g.prognose[methode] ?? .nul
            var r: [Tabel.Cel] = [Tabel.Cel(g.groep), Tabel.Cel(g.groep == "totaal" ? "Totaal" : namen[g.groep] ?? ""),
                                  .euro(g.gedeclareerd), .euro(p), .euro(g.ondergrens), .euro(g.bovengrens), .euro(g.budget),
                                  .euro(g.budget.map { p - $0 })]
            for m in Prognosemethode.allCases where m != methode { r.append(.euro(g.prognose[m])) }
            t.rijen.append(r)
        }
        return t
    }
}
