/// The finance models as tables (text for people, csv/json for machines), with Dutch snake_case column names.
extension Bekostiging.Lumpsum {
    /// Per month: payment, cumulative paid, production, cumulative production and saldo; months without known production
    /// stay empty. Footer: the year's totals and the year's difference (jaarbedrag − production) once all are known.
    /// With `stand` (the day the data are known): a month whose declarations are not yet complete on that day is marked,
    /// since its production will still grow (`Maand.isVoorlopig`).
    public func tabel(stand: Dag? = nil) -> Tabel {
        var t = Tabel(kolommen: [.init("maand", "Maand", .links), .init("betaling", "Betaling 1/12"),
                                 .init("cumulatief_betaald", "Cum. betaald"), .init("productie", "Productie"),
                                 .init("cumulatief_productie", "Cum. productie"), .init("saldo", "Saldo")]
                      + (stand == nil ? [] : [.init("compleet", "Compleet", .links)]))
        for m in maanden {
            var rij: [Tabel.Cel] = [Tabel.Cel(m.maand.naam, machine: m.maand.description), .euroOpCent(m.betaling), .euroOpCent(m.cumulatiefBetaald),
                                    .euroOpCent(m.productie), .euroOpCent(m.cumulatiefProductie), .euroOpCent(m.saldo)]
            if let stand { rij.append(Tabel.compleetCel(m.maand, stand: stand, heeftGegevens: m.productie != nil)) }
            t.rijen.append(rij)
        }
        let productie = laatsteBekendeMaand?.cumulatiefProductie
        t.voet = [[Tabel.Cel("totaal", machine: "totaal"), .euroOpCent(jaarbedrag), .euroOpCent(jaarbedrag), .euroOpCent(productie), .euroOpCent(productie),
                   .euroOpCent(jaarverschil)] + (stand == nil ? [] : [Tabel.Cel("", machine: "")])]
        return t
    }
}

extension Tabel {
    /// "ja", or "nog niet compleet" for a month whose declarations are still coming in on `stand` (machine: ja/nee);
    /// empty for a month without data.
    public static func compleetCel(_ m: Maand, stand: Dag, heeftGegevens: Bool = true) -> Cel {
        guard heeftGegevens, m.eersteDag <= stand else { return Cel("", machine: "") }
        return m.isVoorlopig(op: stand) ? Cel("nog niet compleet", machine: "nee") : Cel("ja")
    }
}

extension Bekostiging.Trajectvergelijking {
    /// Per year: trajectory payment, actual cost, difference and cumulative difference; footer the totals.
    public func tabel() -> Tabel {
        var t = Tabel(kolommen: [.init("jaar", "Jaar", .links), .init("trajectbetaling", "Trajectbetaling"),
                                 .init("werkelijke_kosten", "Werkelijke kosten"), .init("verschil", "Verschil"),
                                 .init("cumulatief_verschil", "Cumulatief verschil")])
        for j in jaren {
            t.rijen.append([Tabel.Cel(String(j.jaar), getal: true), .euroOpCent(j.trajectbetaling), .euroOpCent(j.werkelijkeKosten),
                            .euroOpCent(j.verschil), .euroOpCent(j.cumulatiefVerschil)])
        }
        t.voet = [[Tabel.Cel("totaal"), .euroOpCent(totaalTraject), .euroOpCent(totaalWerkelijk), .euroOpCent(totaalVerschil), Tabel.Cel("", machine: "")]]
        return t
    }
}

extension Bekostiging {
    /// Norm budgets with their historical use per year (`jaren` names the columns), the weighted use, the budget, the
    /// budget as a share of the weighted use and the bound that decided it. `namen`: AGB -> provider name.
    public static func normbudgettabel(_ budgetten: [Normbudget], aanvragen: [Normbudgetaanvraag], jaren: [Int],
                                       namen: [String: String]) -> Tabel {
        var kolommen: [Tabel.Kolom] = [.init("agb", "AGB", .links), .init("naam", "Naam", .links)]
        kolommen += jaren.map { .init("gebruik_\($0)", "Gebruik \($0)") }
        kolommen += [.init("gewogen_gebruik", "Gewogen gebruik"), .init("normbudget", "Normbudget"),
                     .init("normbudget_gedeeld_door_gebruik", "Budget/gebruik"), .init("begrenzing", "Begrenzing", .links)]
        var t = Tabel(kolommen: kolommen)
        let gebruik = Dictionary(aanvragen.map { ($0.aanbieder, $0.gebruik) }, uniquingKeysWith: { a, _ in a })
        for b in budgetten {
            let g = gebruik[b.aanbieder] ?? []
            var rij = [Tabel.Cel(b.aanbieder), Tabel.Cel(namen[b.aanbieder] ?? "")]
            rij += jaren.indices.map { Tabel.Cel.euroOpCent($0 < g.count ? g[$0] : nil) }
            rij += [.euroOpCent(b.gewogenGebruik), .euroOpCent(b.normbudget),
                    .procent(b.gewogenGebruik.centen > 0 ? Double(b.normbudget.centen) / Double(b.gewogenGebruik.centen) : nil),
                    Tabel.Cel(b.begrenzing?.rawValue ?? "")]
            t.rijen.append(rij)
        }
        var voet = [Tabel.Cel("totaal"), Tabel.Cel("Totaal")]
        voet += jaren.indices.map { i in Tabel.Cel.euroOpCent(aanvragen.map { i < $0.gebruik.count ? $0.gebruik[i] : .nul }.som()) }
        let gewogen = budgetten.map(\.gewogenGebruik).som(), totaal = budgetten.map(\.normbudget).som()
        voet += [.euroOpCent(gewogen), .euroOpCent(totaal), .procent(gewogen.centen > 0 ? Double(totaal.centen) / Double(gewogen.centen) : nil),
                 Tabel.Cel("")]
        t.voet = [voet]
        return t
    }
}

extension Bekostiging.TaakgerichtBudget {
    /// Per municipality: key weight and share, ex-ante contribution, realisation, difference, settlement, final
    /// contribution. `namen`: gemeentecode -> name.
    public func tabel(namen: [String: String] = [:]) -> Tabel {
        var t = Tabel(kolommen: [.init("gemeentecode", "Gemeente", .links), .init("naam", "Naam", .links),
                                 .init("sleutel", "Sleutel"), .init("sleutel_aandeel", "Aandeel"),
                                 .init("bijdrage_vooraf", "Bijdrage vooraf"), .init("realisatie", "Realisatie"),
                                 .init("verschil", "Verschil"), .init("verrekening", "Verrekening"),
                                 .init("eindbijdrage", "Eindbijdrage")])
        let som = gemeenten.reduce(Int64(0)) { $0 + $1.sleutel }
        for g in gemeenten {
            t.rijen.append([Tabel.Cel(g.gemeentecode), Tabel.Cel(namen[g.gemeentecode] ?? ""),
                            Tabel.Cel(Tabel.groepeer(Int(g.sleutel)), machine: String(g.sleutel), getal: true),
                            .procent(som > 0 ? Double(g.sleutel) / Double(som) : nil), .euroOpCent(g.bijdrageVooraf),
                            .euroOpCent(g.realisatie), .euroOpCent(g.verschil), .euroOpCent(g.verrekening), .euroOpCent(g.eindbijdrage)])
        }
        t.voet = [[Tabel.Cel("totaal"), Tabel.Cel("Totaal"), Tabel.Cel(Tabel.groepeer(Int(som)), machine: String(som), getal: true),
                   .procent(som > 0 ? 1 : nil), .euroOpCent(budget), .euroOpCent(totaalRealisatie), .euroOpCent(totaalVerschil),
                   .euroOpCent(totaalVerrekening), .euroOpCent(gemeenten.map(\.eindbijdrage).som())]]
        return t
    }
}

extension BusinessCase {
    /// Per year the computed figures, and per year whether its printed figures match their own arithmetic.
    public func tabel() -> Tabel {
        var t = Tabel(kolommen: [.init("jaar", "Jaar", .links), .init("zorglevering", "Zorglevering"), .init("budget", "Budget"),
                                 .init("verschil_subtotaal", "Verschil subtotaal"),
                                 .init("eenmalige_investeringen", "Eenmalig"), .init("extra_financiering", "Extra financ."),
                                 .init("verschil_totaal", "Verschil totaal"), .init("cumulatief_verschil", "Cumulatief"),
                                 .init("unieke_clienten", "Cliënten"), .init("prijs_per_client", "Prijs per cliënt"),
                                 .init("controle", "Gedrukte cijfers", .links)])
        for (j, u) in zip(jaren, uitkomsten) {
            let eigen = controles.filter { $0.jaar == j.jaar }
            let fout = eigen.filter { !$0.klopt }.map(\.veld.naam)
            let oordeel = eigen.isEmpty ? "" : fout.isEmpty ? "kloppen" : "AFWIJKING: " + fout.joined(separator: ", ")
            t.rijen.append([Tabel.Cel(String(j.jaar), getal: true), .euroOpCent(j.zorglevering), .euroOpCent(j.budget), .euroOpCent(u.verschilSubtotaal),
                            .euroOpCent(j.eenmaligeInvesteringen), .euroOpCent(j.extraFinanciering), .euroOpCent(u.verschilTotaal),
                            .euroOpCent(u.cumulatiefVerschil), .aantal(j.uniekeClienten.map { Int($0) }),
                            u.prijsPerClient.map { Tabel.Cel($0.description, machine: $0.machineTekst, getal: true) } ?? Tabel.Cel(""),
                            Tabel.Cel(oordeel)])
        }
        return t
    }
}
