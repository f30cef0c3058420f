import RegioCore

struct Uitvoer {
    var gemeenten: [String] = [], cijfers: [String] = [], percelen: [String] = [], producten: [String] = []
    var aanbieders: [String] = [], budgetten: [String] = [], normbudgetten: [String] = [], verzoeken: [String] = []
    var toewijzingen: [String] = []
    var declaraties: [String] = []
    var contracten: [String] = [], betalingen: [String] = [], productie: [String] = []

    /// What was known on `stand`: requests received, allocations registered, declarations submitted and budget versions
    /// adopted by then (each file's last column is that day), with a line's status as it was on the day.
    mutating func knip(op stand: Dag) {
        func bekend(_ regel: String) -> Bool {
            guard let d = regel.split(separator: ",", omittingEmptySubsequences: false).last.flatMap({ Dag.parse(String($0)) }) else { return true }
            return d <= stand
        }
        for k in [\Uitvoer.verzoeken, \Uitvoer.toewijzingen, \Uitvoer.budgetten] {
            self[keyPath: k] = [self[keyPath: k][0]] + self[keyPath: k].dropFirst().filter(bekend)
        }
        // a payment is known on its day, a month's production report once the month is over
        betalingen = [betalingen[0]] + betalingen.dropFirst().filter { Dag.parse(String($0.prefix(10))).map { $0 <= stand } ?? true }
        productie = [productie[0]] + productie.dropFirst().filter { Maand.parse(String($0.prefix(7))).map { $0.laatsteDag < stand } ?? true }
        // a line filed before its (retroactive) allocation was registered waits for it
        let toewijzingen = Set(toewijzingen.dropFirst().map { $0.prefix { $0 != "," } })
        declaraties = [declaraties[0]] + declaraties.dropFirst().compactMap { regel in
            var v = regel.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let ingediend = Dag.parse(v[v.count - 1]), ingediend <= stand, toewijzingen.contains(Substring(v[2])) else { return nil }
            if v[v.count - 3] == "D" && v[v.count - 2] != "afgewezen" {
                v[v.count - 2] = declaratiestatus(ingediend: ingediend, stand: stand, afgewezen: false)
            }
            return v.joined(separator: ",")
        }
    }

    func alsBestanden() -> [(naam: String, inhoud: String)] {
        [("gemeenten.csv", gemeenten), ("gemeentecijfers.csv", cijfers), ("percelen.csv", percelen),
         ("producten.csv", producten), ("aanbieders.csv", aanbieders), ("budgetten.csv", budgetten),
         ("normbudgetten.csv", normbudgetten),
         ("verzoeken.csv", verzoeken), ("toewijzingen.csv", toewijzingen), ("declaraties.csv", declaraties),
         ("contracten.csv", contracten), ("betalingen.csv", betalingen), ("productie.csv", productie)]
            .map { ($0.0, $0.1.joined(separator: "\n") + "\n") }
    }
}

extension Demoregio {
    struct Client { let bsn: String; let nummer: Int; var gemeente: Int; let geboren: Dag }
    struct Episode { let soort: Int; let client: Int; let start: Dag; let eind: Dag; var tariefCent: Int64? = nil; var open = false }

    func zorg(_ k: inout Kansen, _ aanbieders: [[(agb: String, gewicht: Double)]], _ uit: inout Uitvoer) {
        var clienten: [Client] = []
        var episodes: [Episode] = []
        let eerste = Dag.eersteVan(jaar: jaren.lowerBound), laatste = Dag.laatsteVan(jaar: jaren.upperBound)
        var gebruikteBSN = Set<String>()

        func nieuweClient(_ k: inout Kansen, gemeente: Int, start: Dag) -> Int {
            var bsn = ""
            repeat { bsn = Demoregio.maakBSN(&k) } while gebruikteBSN.contains(bsn)
            gebruikteBSN.insert(bsn)
            clienten.append(Client(bsn: bsn, nummer: clienten.count + 1, gemeente: gemeente, geboren: start - k.geheel(0...(17 * 365))))
            return clienten.count - 1
        }
        func gemeenteKiezen(_ k: inout Kansen, zwaar: Bool) -> Int {
            k.kies(Catalogus.gemeenten.map { g in Double(g.inwoners) * g.pctJeugd * g.clientenPerJeugdige * (zwaar ? g.zwaarte : 1) })
        }

        for (s, z) in Catalogus.zorgsoorten.enumerated() {
            let zwaar = Catalogus.percelen.first { $0.code == z.perceel }!.verevend
            for jaar in (jaren.lowerBound - 4)...jaren.upperBound {
                let n = Int((z.startsPerJaar * Catalogus.kalibratie * pow103(jaar - 2018)).rounded())
                for _ in 0..<n {
                    let start = Dag.eersteVan(jaar: jaar) + k.geheel(0...364)
                    let duur = Int(k.logUniform(Double(z.duur.lowerBound), Double(z.duur.upperBound)))
                    let eind = start + max(duur, 1) - 1
                    if eind < eerste { continue }
                    // a child already in care gets another product (stacking, multi-product clients); a few have moved
                    let client: Int
                    if !clienten.isEmpty && k.kans(0.16) {
                        client = k.geheel(0...(clienten.count - 1))
                        if k.kans(0.03) { clienten[client].gemeente = gemeenteKiezen(&k, zwaar: zwaar) }
                    } else {
                        client = nieuweClient(&k, gemeente: gemeenteKiezen(&k, zwaar: zwaar), start: start)
                    }
                    episodes.append(Episode(soort: s, client: client, start: start, eind: eind, open: z.duur.upperBound > 700 && k.kans(0.1)))
                }
            }
        }
        // planted cases the signal function must find: an extreme client in Soest two years running (~EUR 400,000 a
        // year, notitie risicodeling regio Amersfoort) and crisis placements of twelve weeks
        let ef = Catalogus.zorgsoorten.firstIndex { $0.code == "43A13" }!
        let soest = Catalogus.gemeenten.firstIndex { $0.code == "0342" }!
        let extreem = nieuweClient(&k, gemeente: soest, start: Dag(jaar: jaren.upperBound - 1, maand: 1, dag: 1)!)
        episodes.append(Episode(soort: ef, client: extreem, start: Dag(jaar: jaren.upperBound - 1, maand: 1, dag: 1)!,
                                eind: Dag.laatsteVan(jaar: jaren.upperBound), tariefCent: 110_000))
        let crisis = Catalogus.zorgsoorten.firstIndex { $0.code == "46A03" }!
        for i in 0..<4 {
            let start = Dag(jaar: jaren.upperBound, maand: 2 + 2 * i, dag: 3)!
            episodes.append(Episode(soort: crisis, client: nieuweClient(&k, gemeente: gemeenteKiezen(&k, zwaar: true), start: start),
                                    start: start, eind: start + 83))
        }

        let kolom = clientnummers ? "clientnummer" : "bsn"
        // the column of the client: the synthetic BSN (pseudonymised on import) or, for files on disk, a client number
        let id: (Client) -> String = clientnummers ? { "K" + pad($0.nummer, 6) } : { $0.bsn }
        uit.verzoeken.append("verzoeknummer,\(kolom),gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,verwijzer_type,verwijzer_naam,geboortedatum,ontvangen_op")
        uit.toewijzingen.append("toewijzingnummer,\(kolom),gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,verwijzer_type,verzoeknummer,geboortedatum,toewijzingsdatum")
        uit.declaraties.append("declaratienummer,referentienummer,toewijzingnummer,\(kolom),gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,debet_credit,status,ingediend_op")
        var kosten: [String: Int64] = [:]  // "jaar|gemeente|perceel" -> cents, for the budgets
        var kostenAanbieder: [String: Int64] = [:]  // "jaar|agb|perceel" -> cents, for the norm budgets and contracts
        var kostenSubsidie: [String: Int64] = [:]  // "jaar|agb|perceel|gemeente" -> cents, for the municipalities' subsidies
        // the broad-spectrum providers are funded task-based and the certified institution by subsidy (seed 004, 6.2):
        // their care is allocated, but paid by contract, not declared; their episodes give the production reports
        var perContract: [(agb: String, perceel: String, gemeente: String, van: Dag, tot: Dag)] = []
        var ref = 0
        for (nr, e) in episodes.enumerated() {
            let z = Catalogus.zorgsoorten[e.soort]
            let c = clienten[e.client]
            let g = Catalogus.gemeenten[c.gemeente]
            let agb = aanbieders[e.soort][k.kies(aanbieders[e.soort].map(\.gewicht))].agb
            let verwijzer = z.verwijzers[k.kies(z.verwijzers.map(\.1))].0
            let volume = k.geheel(z.volume)
            let tw = "T\(pad(nr + 1, 7))"
            // requests: the municipality's own referrals need none; providers are often late, sometimes very late
            var toegewezen: Dag
            var vz = ""
            if verwijzer != .gemeente {
                let r = k.uniform()
                let vertraging = r < 0.68 ? -k.geheel(1...30) : r < 0.84 ? k.geheel(0...29) : r < 0.96 ? k.geheel(30...181) : k.geheel(182...320)
                let ontvangen = e.start + vertraging
                toegewezen = ontvangen + (k.kans(0.82) ? k.geheel(1...6) : k.geheel(8...30))
                if ontvangen <= trekking {
                    vz = "V\(pad(nr + 1, 7))"
                    uit.verzoeken.append("\(vz),\(id(c)),\(g.code),\(agb),\(z.categorie),\(z.code),\(e.start),\(e.eind),\(volume),\(z.eenheid),\(z.frequentie.rawValue),\(verwijzer.rawValue),,\(c.geboren),\(ontvangen)")
                }
            } else {
                toegewezen = e.start + (k.kans(0.85) ? -k.geheel(0...14) : k.geheel(0...90))
            }
            guard toegewezen <= trekking else { continue }
            uit.toewijzingen.append("\(tw),\(id(c)),\(g.code),\(agb),\(z.categorie),\(z.code),\(e.start),\(e.open ? "" : e.eind.description),\(volume),\(z.eenheid),\(z.frequentie.rawValue),\(verwijzer.rawValue),\(vz),\(c.geboren),\(toegewezen)")
            let subsidie = Catalogus.subsidie.contains(z.perceel)
            let onderContract = subsidie || Catalogus.taakgericht.contains(z.perceel)
            if onderContract { perContract.append((agb, z.perceel, g.code, max(e.start, eerste), min(e.eind, laatste))) }

            // declarations: per month of care, each filed with a lag; output products once at the end
            let benutting = 0.6 + 0.5 * k.uniform()
            var regels: [(Dag, Dag, Int64)] = []
            let eind = min(e.eind, laatste)
            if z.frequentie == .totaal {
                if e.eind <= laatste { regels.append((max(e.start, eerste), eind, Int64(volume))) }
            } else {
                var m = max(e.start, eerste).maand
                while m <= eind.maand {
                    let van = max(e.start, m.eersteDag), tot = min(eind, m.laatsteDag)
                    let eenheden = z.eenheden(van: van, tot: tot, maand: m, volume: volume, benutting: benutting)
                    if eenheden > 0 { regels.append((van, tot, eenheden)) }
                    m = m + 1
                }
            }
            for (van, tot, eenheden) in regels {
                let jaar = van.jaar
                let tarief = Euro(centen: e.tariefCent ?? z.tariefCent).maal(Int64((pow102(jaar - 2018) * 10_000).rounded()), gedeeldDoor: 10_000)
                let bedrag = tarief * eenheden
                kosten["\(jaar)|\(g.code)|\(z.perceel)", default: 0] += bedrag.centen
                kostenAanbieder["\(jaar)|\(agb)|\(z.perceel)", default: 0] += bedrag.centen
                if subsidie { kostenSubsidie["\(jaar)|\(agb)|\(z.perceel)|\(g.code)", default: 0] += bedrag.centen }
                guard case let (ingediend, afgewezen, status, decl)? = indiening(&k, tot: tot, stand: trekking, agb: agb,
                                                                                anderhalfJaar: true) else { continue }
                ref += 1
                // the same draws for a task-based lot (the rest of the region stays the same), but no line
                if !onderContract {
                    uit.declaraties.append(declaratieregel(decl, ref: "R" + pad(ref, 8), toewijzing: tw, client: id(c), gemeente: g.code, agb: agb,
                                                           z, van: van, tot: tot, eenheden: eenheden, tarief: tarief, "D", status: status,
                                                           ingediend: ingediend))
                }
                // a correction: the line is credited and filed again with fewer units
                if !afgewezen && eenheden > 1 && k.kans(0.015) {
                    let later = ingediend + k.geheel(20...90)
                    guard later <= trekking else { continue }
                    let decl2 = declaratienummer(agb, later)
                    ref += 1
                    if !onderContract {
                        uit.declaraties.append(declaratieregel(decl2, ref: "R" + pad(ref, 8), toewijzing: tw, client: id(c), gemeente: g.code, agb: agb,
                                                               z, van: van, tot: tot, eenheden: eenheden, tarief: tarief, "C", status: "toegekend",
                                                               ingediend: later))
                    }
                    ref += 1
                    if !onderContract {
                        uit.declaraties.append(declaratieregel(decl2, ref: "R" + pad(ref, 8), toewijzing: tw, client: id(c), gemeente: g.code, agb: agb,
                                                               z, van: van, tot: tot, eenheden: eenheden - 1, tarief: tarief, "D", status: "toegekend",
                                                               ingediend: later))
                    }
                    kosten["\(jaar)|\(g.code)|\(z.perceel)", default: 0] -= tarief.centen
                    kostenAanbieder["\(jaar)|\(agb)|\(z.perceel)", default: 0] -= tarief.centen
                    if subsidie { kostenSubsidie["\(jaar)|\(agb)|\(z.perceel)|\(g.code)", default: 0] -= tarief.centen }
                }
            }
        }
        // budgets: what the municipality expected, mostly a little under what the year really cost; the primitive
        // budget adopted in November of the year before, and in the last year a first Burap (25 June) that raises the
        // lots more than 5% short by half of the shortfall as it looked then (no random draw: the rest stays the same)
        uit.budgetten.append("jaar,gemeentecode,perceel,budget,versie,vastgesteld_op")
        var burap: [String] = []
        for jaar in jaren {
            for g in Catalogus.gemeenten {
                for p in Catalogus.percelen {
                    let echt = kosten["\(jaar)|\(g.code)|\(p.code)", default: 0]
                    let factor = Int64(880 + k.geheel(0...170))
                    let budget = Euro(centen: echt).maal(factor, gedeeldDoor: 1000)
                    // budgets are set in whole thousands of euros
                    let afgerond = Euro(euro: (budget.centen + 50_000) / 100_000 * 1000)
                    uit.budgetten.append("\(jaar),\(g.code),\(p.code),\(afgerond.machineTekst),primitief,\(jaar - 1)-11-10")
                    if jaar == jaren.upperBound, factor < 950 {
                        let herzien = Euro(centen: echt).maal(factor + (1000 - factor) / 2, gedeeldDoor: 1000)
                        let h = Euro(euro: (herzien.centen + 50_000) / 100_000 * 1000)
                        burap.append("\(jaar),\(g.code),\(p.code),\(h.machineTekst),1e burap,\(jaar)-06-25")
                    }
                }
            }
        }
        uit.budgetten += burap
        // Veilig Thuis: the region's contribution split by the key, in whole thousands (no draw)
        let somSleutel = Catalogus.gemeenten.map(\.sleutel).reduce(0, +)
        for jaar in jaren {
            for g in Catalogus.gemeenten {
                let b = Int64((Double(veiligThuis(jaar).centen) / 100 * g.sleutel / somSleutel / 1000).rounded()) * 1000
                uit.budgetten.append("\(jaar),\(g.code),\(Catalogus.veiligThuis.code),\(Euro(euro: b).machineTekst),primitief,\(jaar - 1)-11-10")
            }
        }
        contracten(kostenAanbieder, kostenSubsidie, perContract, &uit)
        normbudgetten(&k, kostenAanbieder, &uit)
    }

    /// The contracts of the lots that are not p x q: per provider and year the sum its care cost, in whole thousands of
    /// euros (task-based: one contract of the region, paid in twelve monthly parts on the 25th; subsidy: one per
    /// municipality, paid per quarter on the 5th of its first month), up to the day the region is generated to; Veilig
    /// Thuis's regional subsidy; and per month, provider and municipality the clients with care that month (the
    /// production report). No random draw from `k`: the rest of the region is unchanged.
    func contracten(_ kostenAanbieder: [String: Int64], _ kostenSubsidie: [String: Int64],
                    _ perContract: [(agb: String, perceel: String, gemeente: String, van: Dag, tot: Dag)], _ uit: inout Uitvoer) {
        uit.contracten.append("jaar,perceel,agb,bekostiging,contractsom,gemeentecode,betaalritme")
        uit.betalingen.append("datum,agb,perceel,bedrag,gemeentecode,kenmerk")
        uit.productie.append("periode,agb,perceel,gemeentecode,clienten")
        func contract(_ c: Contract, dag: Int) {
            let g = c.gemeentecode ?? ""
            uit.contracten.append("\(c.jaar),\(c.perceel),\(c.agb),\(c.vorm.rawValue),\(c.contractsom.machineTekst),\(g),\(c.ritme.rawValue)")
            for (i, deel) in c.schema.enumerated() where deel != .nul {
                let datum = Dag(jaar: c.jaar, maand: i + 1, dag: dag)!
                guard datum <= trekking else { break }
                let kenmerk = [c.perceel, c.agb, g, String(c.jaar), pad(i + 1, 2)].filter { !$0.isEmpty }.joined(separator: "-")
                uit.betalingen.append("\(datum),\(c.agb),\(c.perceel),\(deel.machineTekst),\(g),\(kenmerk)")
            }
        }
        func som(_ centen: Int64) -> Euro { Euro(euro: max(1, (centen + 50_000) / 100_000) * 1000) }
        for sleutel in kostenAanbieder.keys.sorted() {
            let d = sleutel.split(separator: "|").map(String.init)
            guard let jaar = Int(d[0]), jaren.contains(jaar), Catalogus.taakgericht.contains(d[2]), kostenAanbieder[sleutel]! > 0 else { continue }
            contract(Contract(jaar: jaar, perceel: d[2], agb: d[1], vorm: .taakgericht, contractsom: som(kostenAanbieder[sleutel]!)), dag: 25)
        }
        for sleutel in kostenSubsidie.keys.sorted() {
            let d = sleutel.split(separator: "|").map(String.init)
            guard let jaar = Int(d[0]), jaren.contains(jaar), kostenSubsidie[sleutel]! > 0 else { continue }
            contract(Contract(jaar: jaar, perceel: d[2], agb: d[1], gemeentecode: d[3], vorm: .subsidie,
                              contractsom: som(kostenSubsidie[sleutel]!), ritme: .kwartaal), dag: 5)
        }
        for jaar in jaren {
            contract(Contract(jaar: jaar, perceel: Catalogus.veiligThuis.code, agb: Catalogus.veiligThuisAGB, vorm: .subsidie,
                              contractsom: veiligThuis(jaar)), dag: 1)
        }
        var telling: [String: Int] = [:]   // "maand|agb|perceel|gemeente" -> clients (episodes) in care that month
        for e in perContract {
            var m = e.van.maand
            while m <= e.tot.maand && m.laatsteDag <= trekking {
                if jaren.contains(m.jaar) { telling["\(m)|\(e.agb)|\(e.perceel)|\(e.gemeente)", default: 0] += 1 }
                m = m + 1
            }
        }
        // Veilig Thuis: the children of the month's safety investigations, about 0,5 per 1.000 young people
        // (a stream of its own, so the region's draws do not move)
        var vt = Kansen(seed: seed ^ 0x5654)
        for jaar in jaren {
            for maand in 1...12 where Maand(jaar: jaar, maand: maand).laatsteDag <= trekking {
                for g in Catalogus.gemeenten {
                    let verwacht = Double(g.inwoners) * g.pctJeugd / 100 * 0.0005
                    let n = max(0, Int((verwacht * (0.6 + 0.8 * vt.uniform())).rounded()))
                    telling["\(Maand(jaar: jaar, maand: maand))|\(Catalogus.veiligThuisAGB)|\(Catalogus.veiligThuis.code)|\(g.code)"] = n
                }
            }
        }
        for sleutel in telling.keys.sorted() {
            let d = sleutel.split(separator: "|").map(String.init)
            uit.productie.append("\(d[0]),\(d[1]),\(d[2]),\(d[3]),\(telling[sleutel]!)")
        }
    }

    /// Veilig Thuis's contribution of the region in `jaar`: € 2 mln in 2019 (seed 004), indexed 2% a year, in whole
    /// thousands of euros.
    func veiligThuis(_ jaar: Int) -> Euro {
        Euro(euro: Int64((Double(Catalogus.veiligThuisBijdrage2019) * pow102(jaar - 2019) / 1000).rounded()) * 1000)
    }

    /// Norm budgets (memo tekort jeugdhulp 2020, Ouder-Amstel): per lot for the providers of the pooled residential and specialist lots, one over all
    /// lots for the broad-spectrum providers; set around what the year really cost, so some providers overrun.
    /// Drawn after everything else, so the rest of the region is the same as without them.
    func normbudgetten(_ k: inout Kansen, _ kostenAanbieder: [String: Int64], _ uit: inout Uitvoer) {
        uit.normbudgetten.append("agb,jaar,perceel,normbudget")
        let perLot: Set<String> = ["VBJ", "OOV", "CRI", "EF", "HGGZ"]
        var rijen: [String: Int64] = [:]   // "agb|jaar|perceel" -> cents
        for (sleutel, centen) in kostenAanbieder {
            let d = sleutel.split(separator: "|").map(String.init)
            guard let jaar = Int(d[0]), jaren.contains(jaar) else { continue }
            // the broad-spectrum providers have a task-based contract instead of a norm budget
            if perLot.contains(d[2]) { rijen["\(d[1])|\(jaar)|\(d[2])", default: 0] += centen }
        }
        for sleutel in rijen.keys.sorted() where rijen[sleutel]! > 0 {
            let factor = Int64(900 + k.geheel(0...200))   // 90%-110% of the real cost
            let norm = Euro(centen: rijen[sleutel]!).maal(factor, gedeeldDoor: 1000)
            let afgerond = Euro(euro: max(1, (norm.centen + 50_000) / 100_000) * 1000)
            let d = sleutel.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            uit.normbudgetten.append("\(d[0]),\(d[1]),\(d[2]),\(afgerond.machineTekst)")
        }
    }

    /// A random 9-digit number that passes the elfproef (synthetic: no real person's number is meant).
    static func maakBSN(_ k: inout Kansen) -> String {
        while true {
            var d = (0..<8).map { _ in k.geheel(0...9) }
            if d[0] == 0 { d[0] = 1 }
            let som = (0..<8).reduce(0) { $0 + d[$1] * (9 - $1) }
            let laatste = som % 11
            if laatste <= 9 { return (d + [laatste]).map(String.init).joined() }
        }
    }
}
