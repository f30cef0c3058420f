import RegioCore

/// Risk equalization scenarios side by side: per municipality what it pays and its balance under each scenario.
enum VereveningPagina {
    static let standaardScenarios = ["solidariteit", "profijt", "eigen-risico:25%", "drempel:100000", "bandbreedte:10%:100%", "bonus-malus:50%:25%"]

    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        let tot = try v["tot"].map { _ in try v.jaar("tot") }
        var p = Pagina(titel: "Risicoverevening \(jaar)" + (tot.map { $0 > jaar ? "–\($0)" : "" } ?? ""),
                       ondertitel: "De verevende percelen: eigen kosten per gemeente en wat zij betaalt onder elk scenario. Elk scenario verdeelt precies het totaal.")
        let sleuteltekst = v["sleutel"] ?? VereveningSleutel.macrobudget.rawValue
        let sleutel: VereveningSleutel
        do { sleutel = try VereveningSleutel.parse(sleuteltekst) } catch { throw Paginafout.ongeldig(error.description) }
        let extra = v["scenario"]
        p.voeg(.html(Keuze.formulier("/verevening", [
            try Keuze.jaar(v, jaar), try Keuze.jaar(v, tot ?? jaar, naam: "tot", label: "t/m jaar (cumulatief)"),
            Keuze.lijst("sleutel", "Verdeelsleutel", VereveningSleutel.allCases.map { ($0.rawValue, $0.omschrijving) }, gekozen: sleutel.rawValue),
            Keuze.tekst("scenario", "Extra scenario (bv. eigen-risico:0.5)", waarde: extra),
        ])))
        var scenarios: [VereveningScenario] = []
        for t in standaardScenarios + (extra.map { [$0] } ?? []) {
            do { scenarios.append(try VereveningScenario.parse(t)) } catch {
                p.voeg(.melding("Scenario '\(t)' overgeslagen: \(error.description)", soort: .fout))
            }
        }
        let ref = try v.bron.referentie()
        let jaren = jaar...max(jaar, tot ?? jaar)
        var perJaar: [Int: [VereveningUitkomst]] = [:]
        do {
            for j in jaren {
                let invoer = try v.bron.vereveningsinvoer(jaar: j, sleutel: sleutel)
                perJaar[j] = try scenarios.map { s throws(VereveningFout) in try Verevening.bereken(invoer, scenario: s) }
            }
        } catch let f as VereveningFout {
            p.voeg(.melding("De verevening kan niet worden berekend: \(f.description)", soort: .fout))
            return p
        }
        let uitkomsten = perJaar[jaar]!
        guard let eerste = uitkomsten.first else { return p }
        let codes = eerste.regels.map(\.gemeentecode)
        let namen = codes.map { ref.gemeenten[$0]?.naam ?? $0 }
        p.voeg(.tegels([
            Tegel(label: "Verevende kosten \(jaar)", waarde: eerste.totaal.heleEuros, toelichting: "percelen: " + ref.percelen.values.filter(\.verevend).map(\.code).sorted().joined(separator: ", ")),
            Tegel(label: "Verdeelsleutel", waarde: sleutel.rawValue, toelichting: sleutel.omschrijving),
        ]))
        p.voeg(.grafiek(titel: "Saldo per gemeente per scenario (eigen kosten min bijdrage): boven nul voordeel, onder nul nadeel",
                        svg: Grafiek.gegroepeerd(titel: "Saldo per scenario", labels: namen,
                                                 reeksen: uitkomsten.enumerated().map { i, u in
                                                     Grafiek.Reeks(naam: u.scenario.naam, waarden: u.regels.map { $0.saldo.alsDouble },
                                                                   kleur: Grafiek.kleuren[i % Grafiek.kleuren.count]) },
                                                 eenheid: .euro)))
        p.voeg(.tabel(tabel(id: "saldo", titel: "Saldo per scenario (+ voordeel, − nadeel)", uitkomsten, namen: namen, veld: \.saldo)))
        p.voeg(.tabel(tabel(id: "bijdrage", titel: "Bijdrage per scenario (wat de gemeente betaalt)", uitkomsten, namen: namen, veld: \.bijdrage)))
        p.voeg(.html("<ul class=\"toel\">" + uitkomsten.map { "<li><code>\(Html.esc($0.scenario.naam))</code>: \(Html.esc($0.scenario.omschrijving))</li>" }.joined() + "</ul>"))

        if jaren.count > 1 {
            var t = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links), .init("eigen_kosten", "Eigen kosten")]
                          + scenarios.map { Tabel.Kolom("saldo_" + machinenaam($0.naam), $0.naam) })
            var cum: [[VereveningCumulatief]] = []
            for i in scenarios.indices {
                do { cum.append(try Verevening.cumulatief(jaren.map { perJaar[$0]![i] })) } catch { throw Paginafout.ongeldig(error.description) }
            }
            for (r, code) in codes.enumerated() {
                t.rijen.append([Tabel.Cel(code), Tabel.Cel(namen[r]), .euro(cum[0][r].eigenKosten)] + cum.map { .euro($0[r].saldo) })
            }
            p.voeg(.tabel(WebTabel(id: "saldo_cumulatief", titel: "Cumulatief saldo \(jaren.lowerBound)–\(jaren.upperBound)", tabel: t)))
        }
        return p
    }

    static func tabel(id: String, titel: String, _ uitkomsten: [VereveningUitkomst], namen: [String],
                      veld: KeyPath<VereveningRegel, Euro>) -> WebTabel {
        let eerste = uitkomsten[0]
        var t = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links), .init("eigen_kosten", "Eigen kosten"),
                                 .init("sleutelaandeel", "Sleutelaandeel")]
                      + uitkomsten.map { Tabel.Kolom((id == "saldo" ? "saldo_" : "bijdrage_") + machinenaam($0.scenario.naam), $0.scenario.naam) })
        for (i, r) in eerste.regels.enumerated() {
            t.rijen.append([Tabel.Cel(r.gemeentecode), Tabel.Cel(namen[i]), .euro(r.eigenKosten), .procent(r.aandeel)]
                           + uitkomsten.map { .euro($0.regels[i][keyPath: veld]) })
        }
        t.voet = [[Tabel.Cel("totaal"), Tabel.Cel("Totaal"), .euro(eerste.totaal), .procent(1)]
                  + uitkomsten.map { u in .euro(u.regels.map { $0[keyPath: veld] }.som()) }]
        return WebTabel(id: id, titel: titel, tabel: t)
    }

    /// "eigen-risico:1/4" -> "eigen_risico_1_4" for csv/json column names.
    static func machinenaam(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
