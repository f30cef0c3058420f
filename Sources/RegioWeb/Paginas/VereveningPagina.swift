import RegioCore
import RegioWeergave

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
            // a scenario that needs each client's cost cannot use a year with yearly totals only: left out, said
            var zonderClienten: [VereveningScenario] = []
            for j in jaren {
                let invoer = try v.bron.vereveningsinvoer(jaar: j, sleutel: sleutel)
                for s in scenarios where !zonderClienten.contains(s) && mistClientkosten(invoer, s) { zonderClienten.append(s) }
            }
            if !zonderClienten.isEmpty {
                scenarios.removeAll { zonderClienten.contains($0) }
                p.voeg(.melding("Niet berekend: \(zonderClienten.map(\.naam).joined(separator: ", ")). Een drempel per cliënt heeft de "
                                + "kosten van elke cliënt nodig; voor een gemeente met jaartotalen (importsoort kosten) of betalingen van een "
                                + "contract zijn die niet beschikbaar.", soort: .info))
            }
            for j in jaren {
                let invoer = try v.bron.vereveningsinvoer(jaar: j, sleutel: sleutel)
                perJaar[j] = try scenarios.map { s throws(VereveningFout) in try Verevening.bereken(invoer, scenario: s) }
            }
        } catch let f as VereveningFout {
            p.voeg(.melding("De verevening kan niet worden berekend: \(f.description)", soort: .fout))
            return p
        }
        var uitkomsten = perJaar[jaar]!
        guard let eerste = uitkomsten.first else { return p }
        let codes = eerste.regels.map(\.gemeentecode)
        let namen = codes.map { ref.gemeenten[$0]?.naam ?? $0 }
        let raad = try Raadsverevening(v, jaren: jaren, sleutel: sleutel, codes: codes)
        let regels = try v.bron.vereveningsregels()
        if raad.isRaad {
            let deels = raad.deelsVerevend
            if !deels.isEmpty {
                p.voeg(.melding("In \(deels.map(String.init).joined(separator: ", ")) is een perceel voor een deel verevend "
                                + "(een aandeel onder 100% of één product). Het verevende deel is een deel van de kosten van een "
                                + "perceel dat geen tabel toont; de raadsversie laat de verevening van "
                                + (deels.count == 1 ? "dat jaar" : "die jaren") + " daarom niet zien.", soort: .info))
                // every figure of the page rests on such a year: nothing left to show
                if jaren.allSatisfy(raad.rustOpDeelsVerevend.contains) { return p }
            }
            let weg = uitkomsten.filter { !raad.magDrempel($0.scenario) }.map(\.scenario.naam)
            if !weg.isEmpty {
                p.voeg(.melding("Niet in de raadsversie: \(weg.joined(separator: ", ")). Een drempel laat zien hoeveel één cliënt boven de drempel "
                                + "kost wanneer een gemeente er minder dan \(Onderdrukking.drempel) heeft; een plafond laat zien wat een "
                                + "gemeente met verborgen kosten boven het plafond uitgeeft.", soort: .info))
            }
            uitkomsten = uitkomsten.filter { raad.magDrempel($0.scenario) }
            for j in jaren { perJaar[j] = perJaar[j]!.filter { raad.magDrempel($0.scenario) } }
        }
        p.voeg(.tegels([
            Tegel(label: "Verevende kosten \(jaar)", waarde: raad.totaal(jaar).isVerborgen ? raad.totaal(jaar).merk : eerste.totaal.heleEuros,
                  toelichting: "percelen: " + regels.gepoold(jaar: jaar, uit: Array(ref.percelen.keys)).joined(separator: ", ")
                    + (regels.omschrijving(jaar: jaar).map { "; vereveningsregels: " + $0 } ?? "")),
            Tegel(label: "Verdeelsleutel", waarde: sleutel.rawValue, toelichting: sleutel.omschrijving),
        ]))
        p.voeg(.grafiek(titel: "Saldo per gemeente per scenario (eigen kosten min bijdrage): boven nul voordeel, onder nul nadeel",
                        svg: Paginagrafiek.gegroepeerd(titel: "Saldo per scenario", labels: namen,
                                                 reeksen: uitkomsten.enumerated().map { i, u in
                                                     Paginagrafiek.Reeks(naam: u.scenario.label, waarden: u.regels.enumerated().map { r, x in
                                                         raad.status(codes[r], jaar).isVerborgen ? nil : x.saldo.alsDouble },
                                                                   kleur: Paginagrafiek.kleuren[i % Paginagrafiek.kleuren.count]) },
                                                 eenheid: .euro)))
        let status = codes.map { raad.status($0, jaar) }
        p.voeg(.tabel(tabel(id: "saldo", titel: "Saldo per scenario (+ voordeel, − nadeel)", uitkomsten, namen: namen, veld: \.saldo,
                            status: status, totaal: raad.totaal(jaar))))
        p.voeg(.tabel(tabel(id: "bijdrage", titel: "Bijdrage per scenario (wat de gemeente betaalt)", uitkomsten, namen: namen, veld: \.bijdrage,
                            status: status, totaal: raad.totaal(jaar))))
        p.voeg(.html("<ul class=\"toel\">" + uitkomsten.map { "<li><strong>\(Webhtml.esc($0.scenario.label))</strong>: \(Webhtml.esc($0.scenario.omschrijving)) (als extra scenario: <code>\(Webhtml.esc($0.scenario.naam))</code>)</li>" }.joined() + "</ul>"))

        if jaren.count > 1 {
            let getoond = uitkomsten.map(\.scenario)
            var t = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links), .init("eigen_kosten", "Eigen kosten")]
                          + getoond.map { Tabel.Kolom("saldo_" + machinenaam($0.naam), $0.naam) })
            var cum: [[VereveningCumulatief]] = []
            for i in getoond.indices {
                do { cum.append(try Verevening.cumulatief(jaren.map { perJaar[$0]![i] })) } catch { throw Paginafout.ongeldig(error.description) }
            }
            for (r, code) in codes.enumerated() {
                // a sum over years hides what any of its years hides
                let s = jaren.map { raad.status(code, $0) }.first(where: \.isVerborgen) ?? .zichtbaar
                t.rijen.append([Tabel.Cel(code), Tabel.Cel(namen[r])]
                               + ([.euro(cum[0][r].eigenKosten)] + cum.map { .euro($0[r].saldo) }).map { Onderdrukking.cel($0, s) })
            }
            p.voeg(.tabel(WebTabel(id: "saldo_cumulatief", titel: "Cumulatief saldo \(jaren.lowerBound)–\(jaren.upperBound)", tabel: t)))
        }
        return p
    }

    static func tabel(id: String, titel: String, _ uitkomsten: [VereveningUitkomst], namen: [String],
                      veld: KeyPath<VereveningRegel, Euro>, status: [Onderdrukking.Status], totaal: Onderdrukking.Status) -> WebTabel {
        let eerste = uitkomsten[0]
        var t = Tabel(kolommen: [.init("gemeentecode", "Code", .links), .init("naam", "Gemeente", .links), .init("eigen_kosten", "Eigen kosten"),
                                 .init("sleutelaandeel", "Sleutelaandeel")]
                      + uitkomsten.map { Tabel.Kolom((id == "saldo" ? "saldo_" : "bijdrage_") + machinenaam($0.scenario.naam), $0.scenario.label) })
        for (i, r) in eerste.regels.enumerated() {
            let s = status[i]
            t.rijen.append([Tabel.Cel(r.gemeentecode), Tabel.Cel(namen[i]), Onderdrukking.cel(.euro(r.eigenKosten), s), Onderdrukking.cel(.procent(r.aandeel), s)]
                           + uitkomsten.map { Onderdrukking.cel(.euro($0.regels[i][keyPath: veld]), s) })
        }
        t.voet = [[Tabel.Cel("totaal"), Tabel.Cel("Totaal"), Onderdrukking.cel(.euro(eerste.totaal), totaal), .procent(1)]
                  + uitkomsten.map { u in Onderdrukking.cel(.euro(u.regels.map { $0[keyPath: veld] }.som()), totaal) }]
        var w = WebTabel(id: id, titel: titel, tabel: t)
        // every scenario side by side fits when the code column goes to the CSV
        w.kern = t.kolommen.map(\.naam).filter { $0 != "gemeentecode" }
        if status.contains(where: \.isVerborgen) || totaal.isVerborgen { w.toelichting = Onderdrukking.toelichting }
        return w
    }

    /// Whether the scenario needs each client's cost and a municipality's clients do not add up to its A.
    static func mistClientkosten(_ invoer: [VereveningInvoer], _ s: VereveningScenario) -> Bool {
        guard case .drempel = s else { return false }
        return invoer.contains { $0.clientkosten.som() != $0.eigenKosten }
    }

    /// "eigen-risico:1/4" -> "eigen_risico_1_4" for csv/json column names.
    static func machinenaam(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}

/// What the council may see of the equalization: a municipality's pooled cost is the plan's cell (municipality, pooled
/// lots); under the key `gebruik` its share comes from that cell over three years, so any hidden year hides the row; a
/// scenario with a high-cost threshold shows per municipality what its clients above the threshold cost, so it is shown
/// only when every municipality has at least five of them (an empty group looks like a small one).
struct Raadsverevening {
    let isRaad: Bool
    private var cellen: [String: Onderdrukking.Status] = [:]
    private var totalen: [Int: Onderdrukking.Status] = [:]
    private var bovenDrempel: [Int: (Euro) -> Bool] = [:]
    /// The years (shown or in a key) in which a lot is pooled in part, and the shown years that rest on one of them.
    private(set) var deelsVerevend: [Int] = []
    private(set) var rustOpDeelsVerevend = Set<Int>()

    init(_ v: Paginaverzoek, jaren: ClosedRange<Int>, sleutel: VereveningSleutel, codes: [String]) throws {
        isRaad = v.rol.onderdruktKleineAantallen
        guard isRaad else { return }
        let beschikbaar = Set(try v.bron.jaren())
        let regels = try v.bron.vereveningsregels(), percelen = Array(try v.bron.referentie().percelen.keys)
        for j in jaren {
            let plan = try v.bron.raadsplan(jaar: j)
            let sleuteljaren = sleutel.kijktTerug ? VereveningSleutel.gebruiksjaren(voor: j).filter(beschikbaar.contains) : [j]
            // a year pooled in part has no pooled subtotal in the plan: hidden, and not for being small
            let deels = Set(sleuteljaren + [j]).filter { !regels.deels(jaar: $0, uit: percelen).isEmpty }
            if !deels.isEmpty {
                deelsVerevend = Array(Set(deelsVerevend).union(deels)).sorted()
                rustOpDeelsVerevend.insert(j)
                totalen[j] = .aanvullend
                for c in codes { cellen["\(c)|\(j)"] = .aanvullend }
                bovenDrempel[j] = { _ in false }
                continue
            }
            totalen[j] = plan.status(perceel: Raadsplan.verevend)
            let plannen = try sleuteljaren.map { try v.bron.raadsplan(jaar: $0) }
            // the key objectief is fitted on every municipality's cost of the key years, so every weight depends on
            // every cost: one hidden cost there hides the key (and so the payment) of all municipalities
            let ookVoorAllen = sleutel == .objectief
                ? plannen.lazy.flatMap { p in codes.lazy.map { p.status(gemeente: $0, perceel: Raadsplan.verevend) } }
                    .first(where: \.isVerborgen) : nil
            for c in codes {
                cellen["\(c)|\(j)"] = ([plan] + plannen).map { $0.status(gemeente: c, perceel: Raadsplan.verevend) }
                    .first(where: \.isVerborgen) ?? ookVoorAllen ?? .zichtbaar
            }
            let invoer = try v.bron.vereveningsinvoer(jaar: j, sleutel: sleutel)
            bovenDrempel[j] = { grens in invoer.allSatisfy { i in i.clientkosten.filter { $0 > grens }.count >= Onderdrukking.drempel } }
        }
    }

    func status(_ gemeente: String, _ jaar: Int) -> Onderdrukking.Status { isRaad ? cellen["\(gemeente)|\(jaar)"] ?? .klein : .zichtbaar }
    func totaal(_ jaar: Int) -> Onderdrukking.Status { isRaad ? totalen[jaar] ?? .klein : .zichtbaar }

    /// Every year shown (a cumulative table adds them up) must have enough clients above the threshold.
    /// `plafond` pools what each municipality spends above the cap: the pool, which every share shows, would give away a
    /// hidden municipality's cost above it; so the council sees it only when no municipality is hidden.
    func magDrempel(_ s: VereveningScenario) -> Bool {
        guard isRaad else { return true }
        switch s {
        case .drempel(let grens, _): return bovenDrempel.values.allSatisfy { $0(grens) }
        case .plafond: return !cellen.values.contains(where: \.isVerborgen)
        default: return true
        }
    }
}
