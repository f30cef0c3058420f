/// `regiomonitor contracten` and its page as tables: the contracts with their source, and the shares per municipality.
extension Tabel {
    /// One row per contract: funding, contract sum, due by the schedule, paid, declared, the realisation and where it
    /// comes from, the difference with the contract sum and the production reported; the totals add up.
    /// The municipality of a contract of one municipality by name (its code as the machine value), else "regio".
    public static func contracten(_ o: Contractoverzicht, perceelnamen: [String: String] = [:], gemeentenamen: [String: String] = [:]) -> Tabel {
        var t = Tabel(kolommen: [
            .init("perceel", "Perceel", .links), .init("agb", "AGB", .links), .init("aanbieder", "Aanbieder", .links),
            .init("gemeentecode", "Gemeente", .links), .init("bekostiging", "Bekostiging", .links),
            .init("contractsom", "Contractsom"), .init("volgens_schema", "Volgens schema"), .init("betaald", "Betaald"),
            .init("gedeclareerd", "Gedeclareerd"), .init("realisatie", "Realisatie"), .init("bron", "Bron", .links),
            .init("verschil", "Verschil"), .init("productiemaanden", "Productiemaanden"),
            .init("clienten_laatste_maand", "Cliënten laatste maand"), .init("trajecten", "Trajecten"), .init("uren", "Uren"),
        ])
        for r in o.regels {
            let c = r.contract
            t.rijen.append([Cel(c.perceel), Cel(c.agb), Cel(String(r.aanbiedernaam.prefix(34)), machine: r.aanbiedernaam),
                            Cel(c.gemeentecode.map { gemeentenamen[$0] ?? $0 } ?? "regio", machine: c.gemeentecode ?? ""), Cel(c.vorm.omschrijving, machine: c.vorm.rawValue),
                            .euroOpCent(c.contractsom), .euroOpCent(r.volgensSchema), .euroOpCent(r.betaald),
                            .euroOpCent(r.gedeclareerd), .euroOpCent(r.realisatie), Cel(r.bron.omschrijving, machine: r.bron.rawValue),
                            .euroOpCent(r.verschil), .aantal(r.productiemaanden), .aantal(r.clientenLaatsteMaand.map(Int.init)),
                            .aantal(r.trajecten.map(Int.init)), .aantal(r.uren.map(Int.init))])
        }
        let som: ((Contractoverzicht.Regel) -> Euro) -> Euro = { f in o.regels.map(f).som() }
        t.voet = [[Cel("totaal"), Cel(""), Cel("Totaal"), Cel(""), Cel(""), .euroOpCent(som { $0.contract.contractsom }),
                   .euroOpCent(som(\.volgensSchema)), .euroOpCent(som(\.betaald)), .euroOpCent(som(\.gedeclareerd)),
                   .euroOpCent(som(\.realisatie)), Cel(""), .euroOpCent(som(\.verschil)), Cel(""), Cel(""), Cel(""), Cel("")]]
        return t
    }

    /// Municipalities as rows, the lots with contracts as columns: each municipality's share of the realisation of the
    /// lot's contracts; the rows add up to each municipality's total, the columns to the lot's realisation.
    public static func contractaandelen(_ o: Contractoverzicht, gemeentenamen: [String: String] = [:]) -> Tabel {
        var percelen: [String] = []
        for r in o.regels where !percelen.contains(r.contract.perceel) { percelen.append(r.contract.perceel) }
        func deel(_ perceel: String, _ g: String?) -> Euro {
            o.regels.filter { $0.contract.perceel == perceel }.map { r in g.map { r.perGemeente[$0] ?? .nul } ?? r.perGemeente.values.som() }.som()
        }
        var t = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links)]
                      + percelen.map { Kolom($0.lowercased(), $0) } + [.init("totaal", "Totaal")])
        let totaal = o.perGemeente
        for g in o.gemeenten {
            t.rijen.append([Cel(g), Cel(gemeentenamen[g] ?? g)] + percelen.map { .euroOpCent(deel($0, g)) } + [.euroOpCent(totaal[g] ?? .nul)])
        }
        t.voet = [[Cel("totaal"), Cel("Totaal")] + percelen.map { .euroOpCent(deel($0, nil)) } + [.euroOpCent(totaal.values.som())]]
        return t
    }
}
