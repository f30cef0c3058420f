/// The verevening as tables: one long table for machines (csv/json) and titled tables for people.
extension VereveningRapport {
    /// Columns jaar, gemeentecode, perceel, sleutel_aandeel, eigen_kosten, te_betalen, saldo, scenario, aandeel_voor,
    /// aandeel_na: one row per year, lot, scenario and municipality (in that order); with several years, then one
    /// cumulative row per lot, scenario and municipality with jaar "2016-2018" and no key share. perceel is empty for
    /// the pooled lots together. aandeel_voor and aandeel_na are the municipality's share of the pooled cost before
    /// (A / T) and after (P / T) equalization, as seed 002's table 1 prints them; empty when T is not positive.
    public func machineTabel() throws(VereveningRapportFout) -> Tabel {
        var t = Tabel(kolommen: [
            .init("jaar", "Jaar", .links), .init("gemeentecode", "Gemeente", .links), .init("perceel", "Perceel", .links),
            .init("sleutel_aandeel", "Aandeel"), .init("eigen_kosten", "Eigen kosten"), .init("te_betalen", "Te betalen"),
            .init("saldo", "Saldo"), .init("scenario", "Scenario", .links),
            .init("aandeel_voor", "Aandeel vóór"), .init("aandeel_na", "Aandeel na"),
        ])
        for o in onderdelen {
            for r in o.uitkomst.regels {
                t.rijen.append([Tabel.Cel(String(o.jaar), getal: true), Tabel.Cel(r.gemeentecode), Tabel.Cel(o.perceel ?? ""),
                                Self.aandeel(r.aandeel), .euro(r.eigenKosten), .euro(r.bijdrage), .euro(r.saldo),
                                Tabel.Cel(o.scenario.label, machine: o.scenario.naam),
                                Self.aandeel(r.eigenKosten, van: o.uitkomst.totaal), Self.aandeel(r.bijdrage, van: o.uitkomst.totaal)])
            }
        }
        if jaren.count > 1 {
            for perceel in percelen {
                for s in scenarios {
                    let cum = try cumulatief(perceel: perceel, scenario: s)
                    let totaal = cum.map(\.eigenKosten).som()
                    for c in cum {
                        t.rijen.append([Tabel.Cel(jaartekst), Tabel.Cel(c.gemeentecode), Tabel.Cel(perceel ?? ""),
                                        Tabel.Cel("", machine: ""), .euro(c.eigenKosten), .euro(c.bijdrage), .euro(c.saldo),
                                        Tabel.Cel(s.label, machine: s.naam),
                                        Self.aandeel(c.eigenKosten, van: totaal), Self.aandeel(c.bijdrage, van: totaal)])
                    }
                }
            }
        }
        return t
    }

    /// Tables for people, each with a title. One year: per lot a table with A and, per scenario side by side, P and
    /// saldo. Several years: per lot and scenario the saldo per year and the cumulative A, P and saldo; with several
    /// scenarios also the cumulative saldo side by side.
    public func tabellen() throws(VereveningRapportFout) -> [(titel: String, tabel: Tabel)] {
        var uit: [(titel: String, tabel: Tabel)] = []
        for perceel in percelen {
            let waar = perceel.map { "perceel \($0) (\(perceelnamen[$0] ?? $0))" } ?? "verevende percelen samen"
            if jaren.count == 1 {
                uit.append(("Verevening \(jaartekst), \(waar)", try jaartabel(perceel: perceel)))
                for s in scenarios {
                    uit.append(("Aandeel in de kosten vóór en na verevening \(jaartekst), \(waar), scenario \(s.label)",
                                try aandelentabel(perceel: perceel, scenario: s)))
                }
                continue
            }
            for s in scenarios {
                uit.append(("Aandeel in de kosten vóór en na verevening \(jaartekst), \(waar), scenario \(s.label)",
                            try aandelentabel(perceel: perceel, scenario: s)))
            }
            for s in scenarios {
                uit.append(("Verevening \(jaartekst), \(waar), scenario \(s.label)", try meerjarentabel(perceel: perceel, scenario: s)))
            }
            if scenarios.count > 1 {
                uit.append(("Cumulatief saldo \(jaartekst) per scenario, \(waar)", try vergelijking(perceel: perceel)))
            }
        }
        return uit
    }

    /// "2019" or "2016-2018".
    public var jaartekst: String {
        jaren.count == 1 ? String(jaren.lowerBound) : "\(jaren.lowerBound)-\(jaren.upperBound)"
    }

    private func jaartabel(perceel: String?) throws(VereveningRapportFout) -> Tabel {
        let jaar = jaren.lowerBound
        let uitkomsten = scenarios.compactMap { uitkomst(jaar: jaar, perceel: perceel, scenario: $0) }
        guard let eerste = uitkomsten.first else { return Tabel(kolommen: []) }
        var kolommen: [Tabel.Kolom] = [.init("gemeentecode", "Gemeente", .links), .init("naam", "Naam", .links),
                                       .init("sleutel_aandeel", "Aandeel s"), .init("eigen_kosten", "Eigen kosten A")]
        for s in scenarios {
            kolommen += [.init("te_betalen", "Te betalen \(s.label)"), .init("saldo", "Saldo \(s.label)")]
        }
        var t = Tabel(kolommen: kolommen)
        for (i, r) in eerste.regels.enumerated() {
            var rij = [Tabel.Cel(r.gemeentecode), Tabel.Cel(gemeentenaam(r.gemeentecode)), Self.aandeel(r.aandeel), .euroOpCent(r.eigenKosten)]
            for u in uitkomsten { rij += [.euroOpCent(u.regels[i].bijdrage), .euroOpCent(u.regels[i].saldo)] }
            t.rijen.append(rij)
        }
        var voet = [Tabel.Cel("totaal"), Tabel.Cel("Totaal"), Self.aandeel(1), .euroOpCent(eerste.totaal)]
        for u in uitkomsten { voet += [.euroOpCent(u.regels.map(\.bijdrage).som()), .euroOpCent(u.regels.map(\.saldo).som())] }
        t.voet = [voet]
        return t
    }

    private func meerjarentabel(perceel: String?, scenario: VereveningScenario) throws(VereveningRapportFout) -> Tabel {
        let cum = try cumulatief(perceel: perceel, scenario: scenario)
        var kolommen: [Tabel.Kolom] = [.init("gemeentecode", "Gemeente", .links), .init("naam", "Naam", .links)]
        for j in jaren { kolommen.append(.init("saldo_\(j)", "Saldo \(j)")) }
        kolommen += [.init("eigen_kosten", "Eigen kosten \(jaartekst)"), .init("te_betalen", "Te betalen \(jaartekst)"),
                     .init("saldo", "Saldo \(jaartekst)"), .init("positie", "Positie", .links)]
        var t = Tabel(kolommen: kolommen)
        let perJaar = jaren.map { uitkomst(jaar: $0, perceel: perceel, scenario: scenario) }
        for c in cum {
            var rij = [Tabel.Cel(c.gemeentecode), Tabel.Cel(gemeentenaam(c.gemeentecode))]
            rij += perJaar.map { Tabel.Cel.euroOpCent($0?.regel(c.gemeentecode)?.saldo) }
            rij += [.euroOpCent(c.eigenKosten), .euroOpCent(c.bijdrage), .euroOpCent(c.saldo), Tabel.Cel(Self.positie(c.positie))]
            t.rijen.append(rij)
        }
        var voet = [Tabel.Cel("totaal"), Tabel.Cel("Totaal")]
        voet += perJaar.map { Tabel.Cel.euroOpCent($0?.regels.map(\.saldo).som()) }
        voet += [.euroOpCent(cum.map(\.eigenKosten).som()), .euroOpCent(cum.map(\.bijdrage).som()), .euroOpCent(cum.map(\.saldo).som()), Tabel.Cel("")]
        t.voet = [voet]
        return t
    }

    private func vergelijking(perceel: String?) throws(VereveningRapportFout) -> Tabel {
        var kolommen: [Tabel.Kolom] = [.init("gemeentecode", "Gemeente", .links), .init("naam", "Naam", .links),
                                       .init("eigen_kosten", "Eigen kosten \(jaartekst)")]
        var cums: [[VereveningCumulatief]] = []
        for s in scenarios {
            kolommen.append(.init("saldo", "Saldo \(s.naam)"))
            cums.append(try cumulatief(perceel: perceel, scenario: s))
        }
        var t = Tabel(kolommen: kolommen)
        guard let eerste = cums.first else { return t }
        for (i, c) in eerste.enumerated() {
            t.rijen.append([Tabel.Cel(c.gemeentecode), Tabel.Cel(gemeentenaam(c.gemeentecode)), .euroOpCent(c.eigenKosten)]
                           + cums.map { Tabel.Cel.euroOpCent($0[i].saldo) })
        }
        t.voet = [[Tabel.Cel("totaal"), Tabel.Cel("Totaal"), .euroOpCent(eerste.map(\.eigenKosten).som())]
                  + cums.map { Tabel.Cel.euroOpCent($0.map(\.saldo).som()) }]
        return t
    }

    /// Seed 002's table 1: per municipality its share of the pooled cost before (A / T) and after (P / T)
    /// equalization in each year, and with several years over them together, with the advantage or disadvantage.
    private func aandelentabel(perceel: String?, scenario: VereveningScenario) throws(VereveningRapportFout) -> Tabel {
        let perJaar = jaren.map { uitkomst(jaar: $0, perceel: perceel, scenario: scenario) }
        let cum = try cumulatief(perceel: perceel, scenario: scenario)
        let totaal = cum.map(\.eigenKosten).som()
        var kolommen: [Tabel.Kolom] = [.init("gemeentecode", "Gemeente", .links), .init("naam", "Naam", .links)]
        for j in jaren { kolommen += [.init("aandeel_voor_\(j)", "Vóór \(j)"), .init("aandeel_na_\(j)", "Na \(j)")] }
        if jaren.count > 1 { kolommen += [.init("aandeel_voor", "Vóór \(jaartekst)"), .init("aandeel_na", "Na \(jaartekst)")] }
        kolommen += [.init("saldo", "Voordeel (+) / nadeel (−) \(jaartekst)"), .init("positie", "Positie", .links)]
        var t = Tabel(kolommen: kolommen)
        for c in cum {
            var rij = [Tabel.Cel(c.gemeentecode), Tabel.Cel(gemeentenaam(c.gemeentecode))]
            for u in perJaar {
                let r = u?.regel(c.gemeentecode)
                rij += [r.map { Self.aandeel($0.eigenKosten, van: u!.totaal) } ?? Tabel.Cel("", machine: ""),
                        r.map { Self.aandeel($0.bijdrage, van: u!.totaal) } ?? Tabel.Cel("", machine: "")]
            }
            if jaren.count > 1 { rij += [Self.aandeel(c.eigenKosten, van: totaal), Self.aandeel(c.bijdrage, van: totaal)] }
            rij += [.euroOpCent(c.saldo), Tabel.Cel(Self.positie(c.positie))]
            t.rijen.append(rij)
        }
        return t
    }

    /// `deel` / `totaal` as a share (empty when the total is not positive).
    static func aandeel(_ deel: Euro, van totaal: Euro) -> Tabel.Cel {
        totaal > .nul ? aandeel(Double(deel.centen) / Double(totaal.centen)) : Tabel.Cel("", machine: "")
    }

    /// s as "60,00%" for people and with ten decimals for machines (enough to recompute K = s x T to the cent).
    static func aandeel(_ s: Double) -> Tabel.Cel {
        Tabel.Cel(Tabel.decimaal(s * 100, 2).replacing(".", with: ",") + "%", machine: Tabel.decimaal(s, 10), getal: true)
    }

    static func positie(_ p: VereveningPositie) -> String {
        switch p {
        case .voordeel: "voordeel"
        case .nadeel: "nadeel"
        case .neutraal: "neutraal"
        }
    }
}
