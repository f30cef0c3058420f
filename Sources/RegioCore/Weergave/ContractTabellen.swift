/// The contract-management views as tables (CLI and, later, the dashboard): one builder per view.
extension Tabel.Cel {
    static func decimaal(_ x: Double?, _ n: Int = 1) -> Tabel.Cel {
        x.map { Tabel.Cel(Tabel.decimaal($0, n).replacing(".", with: ","), machine: Tabel.decimaal($0, 4), getal: true) }
            ?? Tabel.Cel("", machine: "")
    }
    /// A figure with its mark: "↑" far above, "↓" far below the peers' median.
    static func gemarkeerd(_ c: Tabel.Cel, _ richting: Int?) -> Tabel.Cel {
        guard let richting else { return c }
        return Tabel.Cel(c.tekst + (richting > 0 ? " ↑" : " ↓"), machine: c.machine, getal: c.isGetal)
    }
}

extension Tabel {
    /// Provider benchmark. `kort`: the columns for people (value, peers' median next to it where it matters).
    public static func benchmark(_ rijen: [Benchmarkrij], _ totaal: Benchmarkrij, niveau: Benchmarkniveau, kort: Bool) -> Tabel {
        let groepKop = niveau == .product ? "Product" : "Perceel"
        if kort {
            var t = Tabel(kolommen: [
                .init("agb", "AGB", .links), .init("aanbieder", "Aanbieder", .links),
                .init("groep", niveau == .aanbieder ? "Hoofdperceel" : groepKop, .links),
                .init("clienten", "Cliënten"), .init("kosten", "Kosten"), .init("kosten_per_client", "Kosten/cl."),
                .init("mediaan_kosten_per_client", "Mediaan"), .init("eenheden_per_client", "Eenh./cl."),
                .init("duur_mediaan", "Duur med."), .init("duur_p90", "Duur p90"), .init("mediaan_duur", "Mediaan"),
                .init("terugkeer", "Terugkeer"), .init("uitnutting", "Uitnutting"), .init("rang", "Rang"),
                .init("afwijkend", "Afwijkend", .links),
            ])
            for r in rijen {
                let a = r.afwijkingen
                t.rijen.append([Cel(r.agb), Cel(String(r.naam.prefix(34))), Cel(niveau == .aanbieder ? r.vergelijkingsgroep : r.groep),
                                .aantal(r.clienten), .euro(r.kosten), .gemarkeerd(.euro(r.kostenPerClient), a[.kostenPerClient]),
                                .euro(r.mediaan.kostenPerClient),
                                .gemarkeerd(.decimaal(r.eenhedenPerClient), a[.eenhedenPerClient]),
                                .gemarkeerd(.aantal(r.duurMediaan), a[.duurMediaan]), .gemarkeerd(.aantal(r.duurP90), a[.duurP90]),
                                .aantal(r.mediaan.duurMediaan), .gemarkeerd(.procent(r.terugkeer), a[.terugkeer]),
                                .gemarkeerd(.procent(r.uitnutting), a[.uitnutting]),
                                r.gerangschikt ? .aantal(r.rang) : Cel("klein", machine: ""), Cel(afwijkingTekst(r))])
            }
            t.voet.append([Cel(""), Cel("Totaal"), Cel(""), .aantal(totaal.clienten), .euro(totaal.kosten), .euro(totaal.kostenPerClient),
                           Cel(""), .decimaal(totaal.eenhedenPerClient), .aantal(totaal.duurMediaan), .aantal(totaal.duurP90), Cel(""),
                           .procent(totaal.terugkeer), .procent(totaal.uitnutting), Cel(""), Cel("")])
            return t
        }
        var t = Tabel(kolommen: [
            .init("agb", "AGB", .links), .init("aanbieder", "Aanbieder", .links), .init("groep", groepKop, .links),
            .init("groep_naam", "Omschrijving", .links), .init("vergelijkingsgroep", "Vergelijkingsgroep", .links),
            .init("clienten", "Cliënten"), .init("kosten", "Kosten"), .init("verplichting", "Verplichting"),
            .init("kosten_per_client", "Kosten/cl."), .init("mediaan_kosten_per_client", "Mediaan kosten/cl."),
            .init("eenheden_per_client", "Eenh./cl."), .init("mediaan_eenheden_per_client", "Mediaan eenh./cl."),
            .init("beeindigde_trajecten", "Beëindigd"), .init("duur_mediaan", "Duur med."), .init("mediaan_duur_mediaan", "Mediaan duur"),
            .init("duur_p90", "Duur p90"), .init("mediaan_duur_p90", "Mediaan p90"),
            .init("terugkeer_basis", "Terugkeer basis"), .init("terugkeer", "Terugkeer"), .init("mediaan_terugkeer", "Mediaan terugkeer"),
            .init("uitnutting", "Uitnutting"), .init("mediaan_uitnutting", "Mediaan uitnutting"),
            .init("vergelijkers", "Vergelijkers"), .init("gerangschikt", "Gerangschikt", .links), .init("rang", "Rang"),
            .init("afwijkend", "Afwijkend", .links),
        ])
        func rij(_ r: Benchmarkrij, totaal: Bool) -> [Cel] {
            let m = r.mediaan
            return [Cel(r.agb), Cel(r.naam), Cel(r.groep), Cel(r.groepNaam), Cel(r.vergelijkingsgroep), .aantal(r.clienten),
                    .euro(r.kosten), .euro(r.verplichting), .euro(r.kostenPerClient), .euro(totaal ? nil : m.kostenPerClient),
                    .decimaal(r.eenhedenPerClient, 2), .decimaal(totaal ? nil : m.eenhedenPerClient, 2),
                    .aantal(r.beeindigdeTrajecten), .aantal(r.duurMediaan), .aantal(totaal ? nil : m.duurMediaan),
                    .aantal(r.duurP90), .aantal(totaal ? nil : m.duurP90), .aantal(r.terugkeerBasis), .procent(r.terugkeer),
                    .procent(totaal ? nil : m.terugkeer), .procent(r.uitnutting), .procent(totaal ? nil : m.uitnutting),
                    .aantal(totaal ? nil : m.vergelijkers), Cel(totaal ? "" : (r.gerangschikt ? "ja" : "nee")), .aantal(r.rang),
                    Cel(afwijkingTekst(r))]
        }
        t.rijen = rijen.map { rij($0, totaal: false) }
        t.voet = [rij(totaal, totaal: true)]
        return t
    }

    static func afwijkingTekst(_ r: Benchmarkrij) -> String {
        Kenmerk.allCases.compactMap { k in r.afwijkingen[k].map { k.kort + ($0 > 0 ? "↑" : "↓") } }.joined(separator: " ")
    }

    public static func normbudgetten(_ rijen: [Normbudgetstand], _ totaal: Normbudgetstand) -> Tabel {
        var t = Tabel(kolommen: [
            .init("agb", "AGB", .links), .init("aanbieder", "Aanbieder", .links), .init("perceel", "Perceel", .links),
            .init("normbudget", "Normbudget"), .init("realisatie", "Realisatie"), .init("realisatie_aandeel", "Real. %"),
            .init("complete_maanden", "Compl. mnd"), .init("prognose", "Prognose"), .init("prognose_aandeel", "Progn. %"),
            .init("verschil", "Verschil"), .init("signaal", "Signaal", .links),
        ])
        func rij(_ r: Normbudgetstand) -> [Cel] {
            [Cel(r.agb), Cel(String(r.naam.prefix(34)), machine: r.naam), Cel(r.agb.isEmpty ? "" : (r.perceel ?? "alle")),
             .euro(r.normbudget), .euro(r.realisatie), .procent(r.realisatieAandeel), .aantal(r.completeMaanden), .euro(r.prognose),
             .procent(r.prognoseAandeel), .euro(r.verschil), Cel(r.signaal?.rawValue ?? "")]
        }
        t.rijen = rijen.map(rij)
        t.voet = [rij(totaal)]
        return t
    }

    static let verwijzergroepen: [(naam: String, kop: String, codes: Set<String>)] = [
        ("aandeel_gemeente", "Gemeente", ["01"]), ("aandeel_arts", "Arts", ["02", "03", "05"]),
        ("aandeel_gi_justitie", "GI/justitie", ["04", "08"]), ("aandeel_overig", "Overig", ["06", Verwijzer.onbekendeSleutel]),
    ]

    public static func marktSegmenten(_ m: Marktanalyse) -> Tabel {
        var t = Tabel(kolommen: [
            .init("segment", "Segment", .links), .init("kosten", "Kosten"), .init("aandeel_kosten", "% kosten"),
            .init("clienten", "Cliënten"), .init("aandeel_clienten", "% cliënten"), .init("aanbieders", "Aanbieders"),
            .init("top5_aandeel", "Top-5"), .init("herfindahl", "HHI"),
        ] + verwijzergroepen.map { Kolom($0.naam, $0.kop) } + [.init("kraljic", "Kraljic", .links)])
        func rij(_ r: Segmentrij) -> [Cel] {
            [Cel(r.segment), .euro(r.kosten), .procent(r.kostenaandeel), .aantal(r.clienten), .procent(r.clientaandeel),
             .aantal(r.aanbieders), .procent(r.top5Aandeel), .aantal(r.herfindahl.map { Int(($0 * 10_000).rounded()) })]
                + verwijzergroepen.map { .procent(r.verwijzeraandeel($0.codes)) } + [Cel(r.kraljic?.rawValue ?? "")]
        }
        t.rijen = m.segmenten.map(rij)
        t.voet = [rij(m.totaal)]
        return t
    }

    /// Spend per year with the growth of the last year; rows are segments or providers.
    public static func groei(_ reeksen: [Groeireeks], jaren: [Int], kop: String, totaal: Bool) -> Tabel {
        var t = Tabel(kolommen: [.init("sleutel", kop, .links), .init("naam", "Naam", .links)]
                      + jaren.map { Kolom("kosten_\($0)", String($0)) } + [.init("groei", "Groei \(jaren.last ?? 0)")])
        for r in reeksen {
            t.rijen.append([Cel(r.sleutel), Cel(String(r.naam.prefix(34)), machine: r.naam)] + jaren.map { .euro(r.perJaar[$0] ?? .nul) }
                           + [.procent(jaren.last.flatMap { r.groei($0) })])
        }
        if totaal {
            var som = Groeireeks(sleutel: "", naam: "Totaal", perJaar: [:])
            for r in reeksen { for (j, e) in r.perJaar { som.perJaar[j, default: .nul] += e } }
            t.voet.append([Cel(""), Cel("Totaal")] + jaren.map { .euro(som.perJaar[$0] ?? .nul) } + [.procent(jaren.last.flatMap { som.groei($0) })])
        }
        return t
    }

    public static func wachttijden(_ rijen: [Wachttijdrij], _ totaal: Wachttijdrij, kop: String) -> Tabel {
        var t = Tabel(kolommen: [
            .init("groep", kop, .links), .init("naam", "Naam", .links), .init("toewijzingen", "Toewijzingen"),
            .init("verzoek_toewijzing_mediaan", "Verz→toew med."), .init("verzoek_toewijzing_p90", "p90"),
            .init("toewijzing_start_mediaan", "Toew→start med."), .init("toewijzing_start_p90", "p90"),
            .init("duur_mediaan", "Duur med."), .init("duur_p90", "p90"),
            .init("wachtend_nu", "Wachtend nu"), .init("wachtend_mediaan_dagen", "Wacht med."), .init("langst_wachtend_dagen", "Langst"),
            .init("verzoeken_open", "Verzoeken open"), .init("start_onbekend", "Start onbekend"),
        ])
        func rij(_ r: Wachttijdrij) -> [Cel] {
            [Cel(r.groep), Cel(String(r.naam.prefix(34)), machine: r.naam), .aantal(r.toewijzingen),
             .aantal(r.verzoekTotToewijzing.percentiel(50)), .aantal(r.verzoekTotToewijzing.percentiel(90)),
             .aantal(r.toewijzingTotStart.percentiel(50)), .aantal(r.toewijzingTotStart.percentiel(90)),
             .aantal(r.duur.percentiel(50)), .aantal(r.duur.percentiel(90)), .aantal(r.wachtendNu.count),
             .aantal(r.wachtendNu.percentiel(50)), .aantal(r.wachtendNu.max()), .aantal(r.verzoekenOpen.count), .aantal(r.startOnbekend)]
        }
        t.rijen = rijen.map(rij)
        t.voet = [rij(totaal)]
        return t
    }

    public static func maandstromen(_ m: [Maandstroom]) -> Tabel {
        var t = Tabel(kolommen: [.init("maand", "Maand", .links), .init("in_zorg_begin", "In zorg begin"), .init("instroom", "Instroom"),
                                 .init("uitstroom", "Uitstroom"), .init("in_zorg_einde", "In zorg einde")])
        t.rijen = m.map { [Cel($0.maand.description), .aantal($0.begin), .aantal($0.instroom), .aantal($0.uitstroom), .aantal($0.einde)] }
        return t
    }

    public static func verschuiving(_ jaren: [Zorgvormjaar]) -> Tabel {
        var t = Tabel(kolommen: [.init("jaar", "Jaar", .links), .init("clienten_residentieel", "Cl. resid."),
                                 .init("clienten_ambulant", "Cl. ambulant"), .init("clienten_jeugdbescherming", "Cl. JB/JR"),
                                 .init("aandeel_residentieel_clienten", "% resid. cl."), .init("kosten_residentieel", "Kosten resid."),
                                 .init("kosten_ambulant", "Kosten ambulant"), .init("kosten_jeugdbescherming", "Kosten JB/JR"),
                                 .init("aandeel_residentieel_kosten", "% resid. kosten")])
        t.rijen = jaren.map { j in
            [Cel(String(j.jaar)), .aantal(j.clienten[.residentieel] ?? 0), .aantal(j.clienten[.ambulant] ?? 0),
             .aantal(j.clienten[.jeugdbescherming] ?? 0), .procent(j.residentieelClienten), .euro(j.kosten[.residentieel] ?? .nul),
             .euro(j.kosten[.ambulant] ?? .nul), .euro(j.kosten[.jeugdbescherming] ?? .nul), .procent(j.residentieelKosten)]
        }
        return t
    }
}
