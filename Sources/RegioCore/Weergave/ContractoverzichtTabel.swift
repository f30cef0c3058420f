/// `regiomonitor contracten` and its page as tables: the contracts with their source, and the shares per municipality.
extension Tabel {
    /// One row per contract: funding, contract sum, due by the schedule, paid, declared, the realisation and where it
    /// comes from, the difference with the contract sum and the production reported; the totals add up.
    public static func contracten(_ o: Contractoverzicht, perceelnamen: [String: String] = [:]) -> Tabel {
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
                            Cel(c.gemeentecode ?? "regio", machine: c.gemeentecode ?? ""), Cel(c.vorm.omschrijving, machine: c.vorm.rawValue),
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

    /// Municipalities as rows, contracts (lot/provider) as columns: each municipality's share of each contract's
    /// realisation; the rows add up to each municipality's total, the columns to each contract's realisation.
    public static func contractaandelen(_ o: Contractoverzicht, gemeentenamen: [String: String] = [:]) -> Tabel {
        let kop = o.regels.map { r in "\(r.contract.perceel) \(r.contract.agb)" + (r.contract.gemeentecode.map { " \($0)" } ?? "") }
        var t = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links)]
                      + kop.map { Kolom(Tabel.machinenaam($0), $0) } + [.init("totaal", "Totaal")])
        let totaal = o.perGemeente
        for g in o.gemeenten {
            t.rijen.append([Cel(g), Cel(gemeentenamen[g] ?? g)] + o.regels.map { .euroOpCent($0.perGemeente[g] ?? .nul) }
                           + [.euroOpCent(totaal[g] ?? .nul)])
        }
        t.voet = [[Cel("totaal"), Cel("Totaal")] + o.regels.map { .euroOpCent($0.perGemeente.values.som()) }
                  + [.euroOpCent(totaal.values.som())]]
        return t
    }

    static func machinenaam(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
