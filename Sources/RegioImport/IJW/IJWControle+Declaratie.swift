import RegioCore

extension IJWControle {
    // MARK: JW323

    /// Each prestatie must belong to a known allocation of this municipality and provider, for this client, within its
    /// period and product (9338, 8187, 9307/9308, 9339-9341, 9384); a debit may not repeat an open debit for the same
    /// service (9389); a credit must cancel a known, still open debit of the provider (8017, 9390).
    mutating func declaratie(_ d: IJWBericht.Declaratie) -> IJWWijziging {
        if stand.perDeclaratie[d.declaratienummer]?.isEmpty == false {
            fout(d.plaats.en("DeclaratieNummer"), .declaratienummerUniek,
                 "declaratie \(d.declaratienummer.split(separator: "-", maxSplits: 1).last ?? "") van aanbieder \(bericht.kop.afzender) is al ingediend")
        }
        var extra: [String: [Int64: Int]] = [:]  // this message's debits and credits
        var lokaal: [String: Declaratieregel] = [:]  // this message's lines by "agb|referentienummer"
        var uit = IJWWijziging(verwijzing: d.declaratienummer)
        for p in d.prestaties {
            let r = p.regel
            product(r.productcategorie, r.productcode, p.plaats.en("ProductCode"))
            if stand.perReferentie[r.agb + "|" + r.referentienummer] != nil {
                fout(p.plaats.en("ProductReferentie/ReferentieNummer"), .referentienummerUniek,
                     "ReferentieNummer '\(r.referentienummer)' is al eerder aangeleverd door aanbieder \(r.agb)")
            }
            toewijzing(bij: r, p.plaats)
            let dienst = IJWStand.dienst(r)
            if r.debetCredit == .debet {
                if stand.open(dienst, extra: extra) > 0 {
                    fout(p.plaats, .debetNietGecrediteerd,
                         "er is al een debetprestatie voor toewijzing \(r.toewijzingnummer) over \(r.begindatum) t/m \(r.einddatum) die niet is gecrediteerd")
                }
                extra[dienst, default: [:]][r.bedrag.centen, default: 0] += 1
            } else {
                credit(r, vorig: p.vorigReferentienummer, lokaal: lokaal, extra: extra, p.plaats)
                extra[dienst, default: [:]][r.bedrag.centen, default: 0] -= 1
            }
            lokaal[r.agb + "|" + r.referentienummer] = r
            uit.declaraties.append(r)
        }
        return uit
    }

    /// The allocation a line is declared on. Credits skip the period and deletion rules: a provider must be able
    /// to credit lines after an allocation was shortened or deleted.
    mutating func toewijzing(bij r: Declaratieregel, _ p: Plaats) {
        let veld = p.en("ToewijzingNummer")
        guard let t = stand.toewijzingen[r.toewijzingnummer] else {
            return fout(veld, .toewijzingOnbekend, "toewijzing \(r.toewijzingnummer) is niet bekend")
        }
        guard t.gemeentecode == r.gemeentecode, t.agb == r.agb else {
            return fout(veld, .toewijzingOnbekend,
                        "toewijzing \(r.toewijzingnummer) is van gemeente \(t.gemeentecode) aan aanbieder \(t.agb), niet van \(r.gemeentecode) aan \(r.agb)")
        }
        if !r.client.isEmpty && t.client != r.client {
            fout(veld, .andereClient, "toewijzing \(r.toewijzingnummer) is van een andere cliënt")
        }
        if !t.productcategorie.isEmpty && t.productcategorie != r.productcategorie {
            fout(p.en("ProductCategorie"), .categorieWijktAf, "toegewezen categorie \(t.productcategorie), gedeclareerd \(r.productcategorie)")
        }
        if let code = t.productcode, code != r.productcode {
            fout(p.en("ProductCode"), .codeWijktAf, "toegewezen product \(code), gedeclareerd \(r.productcode ?? "")")
        }
        if let e = t.eenheid, let re = r.eenheid, e != re {
            fout(p.en("Eenheid"), .eenheidWijktAf, "toegewezen eenheid \(e), gedeclareerd \(re)")
        }
        guard r.debetCredit == .debet else { return }
        if t.isVerwijderd {
            fout(veld, .toewijzingVerwijderd, "toewijzing \(r.toewijzingnummer) is verwijderd (reden wijziging 13)")
            return
        }
        let periode = t.periode
        if !periode.bevat(r.begindatum) {
            fout(p.en("ProductPeriode/Begindatum"), .begindatumBuitenToewijzing,
                 "begindatum \(r.begindatum) ligt buiten de toewijzing (\(periode.van) t/m \(periode.tot.map { "\($0)" } ?? "open"))")
        }
        if !periode.bevat(r.einddatum) {
            fout(p.en("ProductPeriode/Einddatum"), .einddatumBuitenToewijzing,
                 "einddatum \(r.einddatum) ligt buiten de toewijzing (\(periode.van) t/m \(periode.tot.map { "\($0)" } ?? "open"))")
        }
    }

    /// A credit names the debit it cancels in VorigReferentieNummer; it must repeat that debit's service and amount.
    mutating func credit(_ r: Declaratieregel, vorig: String?, lokaal: [String: Declaratieregel], extra: [String: [Int64: Int]],
                         _ p: Plaats) {
        let veld = p.en("ProductReferentie/VorigReferentieNummer")
        guard let vorig else {
            return fout(veld, .creditZonderDebet, "een creditprestatie moet in VorigReferentieNummer de debetprestatie noemen")
        }
        let sleutel = r.agb + "|" + vorig
        guard let debet = lokaal[sleutel] ?? stand.perReferentie[sleutel].flatMap({ stand.declaraties[$0] }),
              debet.debetCredit == .debet, debet.status != .afgewezen else {
            return fout(veld, .creditZonderDebet, "er is geen (niet afgewezen) debetprestatie '\(vorig)' van aanbieder \(r.agb)")
        }
        var anders: [String] = []
        if debet.toewijzingnummer != r.toewijzingnummer { anders.append("toewijzing \(debet.toewijzingnummer)") }
        if debet.productcode != r.productcode { anders.append("product \(debet.productcode ?? "")") }
        if debet.begindatum != r.begindatum || debet.einddatum != r.einddatum {
            anders.append("periode \(debet.begindatum) t/m \(debet.einddatum)")
        }
        if debet.bedrag != r.bedrag { anders.append("bedrag \(debet.bedrag.centen)") }
        if debet.client != r.client && !r.client.isEmpty { anders.append("een andere cliënt") }
        guard anders.isEmpty else {
            return fout(p, .creditZonderDebet, "de credit past niet bij debetprestatie '\(vorig)' (die heeft \(anders.joined(separator: ", ")))")
        }
        if stand.open(IJWStand.dienst(r), bedrag: r.bedrag.centen, extra: extra) == 0 {
            fout(p, .alGecrediteerd, "debetprestatie '\(vorig)' is al gecrediteerd")
        }
    }

    // MARK: JW325

    /// The answer must match the declaration it answers (9366, 9367, 8187) and be its first answer (IB019). Listed
    /// prestaties with a rejecting retourcode become `afgewezen`, every other line of the declaration `toegekend`;
    /// an answer without DeclaratieAntwoord rejects the whole declaration.
    mutating func antwoord(_ a: IJWBericht.Antwoord) -> IJWWijziging {
        let aanbieder = bericht.kop.ontvanger
        let idPlaats = bericht.kopPlaats("DeclaratieIdentificatie/Identificatie")
        guard let log = stand.berichten["JW323|\(aanbieder)|\(a.declaratieIdentificatie)"], let nummer = log.verwijzing else {
            fout(idPlaats, .antwoordOnbekend, "er is geen declaratie \(a.declaratieIdentificatie) van aanbieder \(aanbieder) ontvangen")
            return IJWWijziging()
        }
        if log.dagtekening != a.declaratieDagtekening {
            fout(bericht.kopPlaats("DeclaratieIdentificatie/Dagtekening"), .antwoordWijktAf,
                 "de declaratie heeft dagtekening \(log.dagtekening), het antwoord noemt \(a.declaratieDagtekening)")
        }
        let regels = stand.regels(declaratie: nummer)
        if regels.contains(where: { $0.status != .ingediend }) {
            fout(idPlaats, .antwoordAlOntvangen, "declaratie \(nummer) is al beantwoord")
        }
        if let eigen = a.declaratienummer, eigen != nummer {
            fout(a.plaats.en("DeclaratieNummer"), .antwoordWijktAf, "DeclaratieNummer wijst naar \(eigen), de declaratie is \(nummer)")
        }
        let totaal = regels.map { $0.debetCredit == .credit ? -$0.bedrag.centen : $0.bedrag.centen }.reduce(0, +)
        if let ingediend = a.totaalIngediend, ingediend != totaal {
            fout(a.plaats.en("TotaalIngediendBedrag"), .antwoordWijktAf,
                 "TotaalIngediendBedrag \(IJWVertaling.metDC(ingediend)), de declaratie had \(IJWVertaling.metDC(totaal))")
        }
        var afgewezen: Set<String> = []
        for p in a.prestaties {
            let r = p.regel
            guard let d = stand.declaraties[nummer + "|" + r.referentienummer] else {
                fout(p.plaats.en("ProductReferentie/ReferentieNummer"), .antwoordOnbekend,
                     "prestatie '\(r.referentienummer)' staat niet in declaratie \(nummer)")
                continue
            }
            let verschillen = IJWControle.verschillen(d, r)
            if !verschillen.isEmpty {
                fout(p.plaats, .antwoordWijktAf, "prestatie '\(r.referentienummer)' wijkt af: \(verschillen.joined(separator: "; "))")
            }
            if !r.client.isEmpty && d.client != r.client {
                fout(p.plaats, .andereClient, "prestatie '\(r.referentienummer)' is van een andere cliënt")
            }
            if p.afgewezen { afgewezen.insert(r.referentienummer) }
        }
        var uit = IJWWijziging(verwijzing: nummer)
        for var d in regels {
            d.status = a.declaratienummer == nil || afgewezen.contains(d.referentienummer) ? .afgewezen : .toegekend
            uit.declaraties.append(d)
        }
        return uit
    }

    /// Fields of an answered prestatie that differ from the declared line.
    static func verschillen(_ d: Declaratieregel, _ r: Declaratieregel) -> [String] {
        var v: [String] = []
        func vergelijk<T: Equatable>(_ naam: String, _ a: T, _ b: T) { if a != b { v.append("\(naam) \(b), gedeclareerd \(a)") } }
        vergelijk("ToewijzingNummer", d.toewijzingnummer, r.toewijzingnummer)
        vergelijk("ProductCategorie", d.productcategorie, r.productcategorie)
        vergelijk("ProductCode", d.productcode ?? "", r.productcode ?? "")
        vergelijk("Begindatum", d.begindatum, r.begindatum)
        vergelijk("Einddatum", d.einddatum, r.einddatum)
        vergelijk("GeleverdVolume", d.volume ?? -1, r.volume ?? -1)
        vergelijk("Eenheid", d.eenheid ?? "", r.eenheid ?? "")
        vergelijk("ProductTarief", d.tarief?.centen ?? -1, r.tarief?.centen ?? -1)
        vergelijk("IngediendBedrag", d.bedrag.centen, r.bedrag.centen)
        vergelijk("DebetCredit", d.debetCredit.rawValue, r.debetCredit.rawValue)
        return v
    }
}
