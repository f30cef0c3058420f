import Foundation

extension Monitoring {
    /// One computation of the monitoring figures in named steps: the allocations (`toewijzingdeel`), the declarations
    /// from the sums (`somdeel`) or the lines (`regeldeel`), then the rows with budgets and inhabitants (`rijen`).
    struct Berekening {
        let g: Gegevens
        let ref: Referentiekaart
        let van: Dag, tot: Dag
        /// The end of the period, or the valuation date when that is earlier: durations end by then.
        let t: Dag
        let groepering: Groepering
        let peildatum: Dag?
        let filtertOpAanbieder: Bool
        let filter: @Sendable (String, String, String) -> Bool
        let perMaand: Bool
        let maanden: [Maand]
        /// Every calendar year the period touches.
        var jaren: ClosedRange<Int> { van.jaar...tot.jaar }
        /// Dates of birth, only for the grouping by age.
        let geboren: [ClientID: Dag]
        /// Cost without lines (`Boekpost`) and the cells whose lines it replaces: yearly totals for a period of whole
        /// calendar years (a shorter period has no share of one: lines only), contracts that are not p x q always.
        let boek: (posten: [Boekpost], vervanging: Vervanging)
        // the sums hold their clients as `Codeboek` numbers already
        let codeboek = Codeboek.gedeeld

        init(_ alles: Gegevens, van: Dag, tot: Dag, per groepering: Groepering, peildatum: Dag?, filtertOpAanbieder: Bool,
             filter: @escaping @Sendable (String, String, String) -> Bool) {
            let g = peildatum.map { alles.bekendOp($0) } ?? alles
            self.g = g
            ref = Referentiekaart(g)
            self.van = van; self.tot = tot
            t = peildatum.map { min(tot, $0) } ?? tot
            self.groepering = groepering; self.peildatum = peildatum
            self.filtertOpAanbieder = filtertOpAanbieder; self.filter = filter
            perMaand = groepering == .maand
            maanden = perMaand ? Array(sequence(first: van.maand) { $0 < tot.maand ? $0 + 1 : nil }) : []
            var geboren: [ClientID: Dag] = [:]
            if groepering == .leeftijd {
                for t in g.toewijzingen { if let d = t.geboortedatum, geboren[t.client] == nil { geboren[t.client] = d } }
                for v in g.verzoeken { if let d = v.geboortedatum, geboren[v.client] == nil { geboren[v.client] = d } }
            }
            self.geboren = geboren
            let heleJaren = van == Dag.eersteVan(jaar: van.jaar) && tot == Dag.laatsteVan(jaar: tot.jaar)
            boek = g.jaarkosten.isEmpty && g.contracten.isEmpty ? ([], Vervanging())
                : g.boekposten(jaren: van.jaar...tot.jaar, jaartotalen: heleJaren, bekendTot: peildatum ?? g.standMetBetalingen ?? tot)
        }

        /// Whether a post without lines replaces this provider's lines in this cell.
        func isVervangen(_ jaar: Int, _ gemeente: String, _ perceel: String, _ agb: String) -> Bool {
            boek.vervanging.vervangt(jaar, gemeente, perceel, agb)
        }

        /// The posts without lines in the period that pass the filter (a yearly total has no provider: a filter on one
        /// leaves it out), as realised cost without clients of their own: in their municipality, lot, segment, provider
        /// or month; under a grouping they have no value for, in a row of their own (yearly totals, contracts).
        func boekdeel() -> Deel {
            var d = Deel()
            for p in boek.posten where filter(p.gemeentecode, p.perceel, p.agb ?? "") {
                if let m = p.maand, m < van.maand || m > tot.maand { continue }
                d.zie(p.gemeentecode)
                let eigenRegel = p.bron == .jaartotaal ? Monitoring.jaartotalenSleutel : Monitoring.contractenSleutel
                let i: Int
                switch groepering {
                case .gemeente: i = d.groepen.groep(p.gemeentecode.isEmpty ? Monitoring.onverdeeldSleutel : p.gemeentecode)
                case .perceel: i = d.groepen.groep(p.perceel)
                case .segment: i = d.groepen.groep(ref.percelen[p.perceel]?.segment ?? "onbekend")
                case .aanbieder: i = d.groepen.groep(p.agb ?? eigenRegel)
                case .maand: i = p.maand.map { d.groep($0) } ?? d.groepen.groep(eigenRegel)
                // no referrer: with the referrer unknown, as in every row's shares
                case .verwijzer: i = d.groepen.groep(Verwijzer.onbekendeSleutel)
                default: i = d.groepen.groep(eigenRegel)
                }
                d.groepen.opbouw[i].boek(p)
                d.totaal.boek(p)
            }
            return d
        }

        func clientnummer(_ c: ClientID) -> Int32 { Int32(bitPattern: codeboek.nummer(c)) }

        /// The group of a record under this grouping (months are split by the callers).
        func sleutel(_ kaart: Productkaart, _ gemeente: String, _ agb: String, _ categorie: String, _ code: String?,
                     _ verwijzer: Verwijzer?, _ client: ClientID) -> String {
            switch groepering {
            case .gemeente: return gemeente
            case .aanbieder: return agb
            case .perceel: return kaart.perceel(categorie, code)?.code ?? "onbekend"
            case .segment: return kaart.perceel(categorie, code)?.segment ?? "onbekend"
            case .verwijzer: return verwijzer?.rawValue ?? Verwijzer.onbekendeSleutel
            case .product: return categorie + (code.map { "/" + $0 } ?? "")
            case .leeftijd: return Leeftijdsgroep.bij(geboortedatum: geboren[client], op: van).rawValue
            case .maand: return ""   // months are split below
            }
        }

        /// Clients, allocations, commitment and durations of the allocations in `deel`, per group and in total.
        func toewijzingdeel(_ deel: Range<Int>) -> Deel {
            let kaart = Productkaart(ref, jaar: van.jaar)
            var d = Deel()
            var vorige: (client: ClientID, nummer: Int32)?   // a client's allocations follow each other
            // the state as parameters, not captured: a captured `var` is checked for exclusive access at every use
            func tel(_ tw: Toewijzing, _ d: inout Deel, _ vorige: inout (client: ClientID, nummer: Int32)?) {
                guard !tw.isVerwijderd else { return }
                let perceel = kaart.perceel(tw.productcategorie, tw.productcode)?.code ?? ""
                guard filter(tw.gemeentecode, perceel, tw.agb) else { return }
                let client: Int32
                if let v = vorige, v.client == tw.client { client = v.nummer } else {
                    client = clientnummer(tw.client)
                    vorige = (tw.client, client)
                }
                d.totaalPeriodes.append((client, tw.periode))
                let k = perMaand ? nil
                    : d.groepen.groep(sleutel(kaart, tw.gemeentecode, tw.agb, tw.productcategorie, tw.productcode, tw.verwijzer, tw.client),
                                      telt: false)
                if let k { d.groepen.opbouw[k].spells.append((client, tw.periode)) }
                if let e = tw.einddatum, e >= van && e <= t {
                    let duur = (e - tw.ingangsdatum) + 1
                    let i = k ?? d.groep(e.maand)
                    d.groepen.opbouw[i].telt = true
                    d.groepen.opbouw[i].duren.append(duur)
                    d.totaal.duren.append(duur)
                }
                guard tw.periode.overlapDagen(van, tot) > 0 else { return }
                d.zie(tw.gemeentecode)
                // the product's codes captured, not the record (that would be copied into the closure)
                let categorie = tw.productcategorie, code = tw.productcode
                let tarief: (Int) -> Euro? = { j in kaart.tarief(categorie, code, jaar: j) }
                let v = Verplichting.binnen(tw, van: van, tot: tot, tarief: tarief)
                d.totaal.clienten.insert(client); d.totaal.toewijzingen += 1
                if let v { d.totaal.verplichting += v } else { d.totaal.onbekend += 1 }
                if let k {
                    d.groepen.opbouw[k].telt = true
                    d.groepen.opbouw[k].clienten.insert(client)
                    d.groepen.opbouw[k].toewijzingen += 1
                    if let v { d.groepen.opbouw[k].verplichting += v } else { d.groepen.opbouw[k].onbekend += 1 }
                    return
                }
                let actief = maanden.filter { tw.periode.overlapDagen(max(van, $0.eersteDag), min(tot, $0.laatsteDag)) > 0 }
                var delen: [Euro]? = nil
                if let v {
                    let gewichten = actief.map { m in
                        Verplichting.binnen(tw, van: max(van, m.eersteDag), tot: min(tot, m.laatsteDag), tarief: tarief)?.centen.magnitude ?? 0
                    }.map { Int64($0) }
                    delen = gewichten.reduce(0, +) > 0 ? v.verdeel(naar: gewichten) : actief.indices.map { $0 == 0 ? v : .nul }
                }
                for (i, m) in actief.enumerated() {
                    let mk = d.groep(m)
                    d.groepen.opbouw[mk].clienten.insert(client)
                    d.groepen.opbouw[mk].toewijzingen += 1
                    if let delen { d.groepen.opbouw[mk].verplichting += delen[i] } else { d.groepen.opbouw[mk].onbekend += 1 }
                }
            }
            // each allocation where it lies: a `for` over the array copies every record (a retain and a release per text)
            g.toewijzingen.withUnsafeBufferPointer { p in
                for i in deel { tel(p[i], &d, &vorige) }
            }
            return d
        }

        /// Declared cost and clients from the sums: the same as `regeldeel` from the pre-summed months and client-years;
        /// the lot, filter and group are worked out once per combination of municipality, product, provider and referrer.
        func somdeel(_ a: Declaratieaggregaten) -> Deel {
            precondition(groepering != .aanbieder || a.perAanbieder)
            let kaart = Productkaart(ref, jaar: van.jaar)
            var d = Deel()
            struct Plaats { let groep: Int; let gemeente: String; let perceel: String; let agb: String; let verwijzer: String; var gezien = false }
            var plaatsen: [Plaats] = []
            var indeling: [Declaratieaggregaten.Dimensies: Int] = [:]   // -> index in plaatsen, -1: filtered out
            // a contract replaces one provider's lines: the sums must keep their provider then
            let metAanbieder = groepering == .aanbieder || filtertOpAanbieder || boek.vervanging.perAanbieder
            func plaats(_ x: Declaratieaggregaten.Dimensies) -> Int {
                let soort = metAanbieder ? x : x.zonderAanbieder
                if let i = indeling[soort] { return i }
                let gem = x.gemeentecode, cat = x.productcategorie, code = x.productcode, agb = x.agb, vw = x.verwijzer
                var i = -1
                let perceel = kaart.perceel(cat, code)?.code ?? ""
                if filter(gem, perceel, agb) {
                    let k = perMaand ? -1 : d.groepen.groep(sleutel(kaart, gem, agb, cat, code, Verwijzer(rawValue: vw), ""))
                    i = plaatsen.count
                    plaatsen.append(Plaats(groep: k, gemeente: gem, perceel: perceel, agb: agb, verwijzer: vw))
                }
                indeling[soort] = i
                return i
            }
            func gebruik(_ i: Int) {
                guard !plaatsen[i].gezien else { return }
                d.gezien.insert(plaatsen[i].gemeente)
                plaatsen[i].gezien = true
            }
            for (k, bedrag) in a.kosten where k.maand >= van.maand && k.maand <= tot.maand {
                let i = plaats(k.dimensies)
                guard i >= 0, !isVervangen(k.maand.jaar, plaatsen[i].gemeente, plaatsen[i].perceel, plaatsen[i].agb) else { continue }
                gebruik(i)
                let p = plaatsen[i]
                let s = perMaand ? d.groep(k.maand) : p.groep
                d.groepen.opbouw[s].gedeclareerd += bedrag
                d.groepen.opbouw[s].perVerwijzer[p.verwijzer, default: .nul] += bedrag
                d.totaal.gedeclareerd += bedrag
                d.totaal.perVerwijzer[p.verwijzer, default: .nul] += bedrag
            }
            for (c, som) in a.clienten where c.jaar >= van.jaar && c.jaar <= tot.jaar {
                let eerste = c.jaar == van.jaar ? van.maand.maand : 1, laatste = c.jaar == tot.jaar ? tot.maand.maand : 12
                guard som.actief(van: eerste, tot: laatste) else { continue }
                let i = plaats(c.dimensies)
                guard i >= 0, !isVervangen(c.jaar, plaatsen[i].gemeente, plaatsen[i].perceel, plaatsen[i].agb) else { continue }
                gebruik(i)
                let client = c.clientnummer
                d.totaal.clienten.insert(client)
                guard perMaand else {
                    d.groepen.opbouw[plaatsen[i].groep].clienten.insert(client)
                    continue
                }
                for m in eerste...laatste where som.actief(van: m, tot: m) {
                    d.groepen.opbouw[d.groep(Maand(jaar: c.jaar, maand: m))].clienten.insert(client)
                }
            }
            return d
        }

        /// Declared cost and clients from the declaration lines.
        func regeldeel() -> Deel {
            let kaart = Productkaart(ref, jaar: van.jaar)
            var d = Deel()
            let toewijzingPerNummer = Dictionary(g.toewijzingen.map { ($0.toewijzingnummer, $0.verwijzer) }, uniquingKeysWith: { a, _ in a })
            for r in g.declaraties where r.status != .afgewezen && r.einddatum >= van && r.begindatum <= tot {
                let perceel = kaart.perceel(r.productcategorie, r.productcode)?.code ?? ""
                guard filter(r.gemeentecode, perceel, r.agb) else { continue }
                // a line in a cell whose yearly total counts: only its months in other years
                let deels = !boek.vervanging.isLeeg
                    && (r.begindatum.jaar...r.einddatum.jaar).contains { isVervangen($0, r.gemeentecode, perceel, r.agb) }
                let maanden = deels ? r.kostenPerMaand.filter { m, _ in
                    m.laatsteDag >= van && m.eersteDag <= tot && !isVervangen(m.jaar, r.gemeentecode, perceel, r.agb) } : []
                if deels && maanden.isEmpty { continue }
                d.zie(r.gemeentecode)
                let verwijzer = toewijzingPerNummer[r.toewijzingnummer] ?? nil
                let vk = verwijzer?.rawValue ?? Verwijzer.onbekendeSleutel
                let client = clientnummer(r.client)
                if perMaand {
                    var som = Euro.nul
                    for (m, bedrag) in r.kostenPerMaand where m.laatsteDag >= van && m.eersteDag <= tot
                        && !(deels && isVervangen(m.jaar, r.gemeentecode, perceel, r.agb)) {
                        d.groepen.opbouw[d.groep(m)].declaratie(client, bedrag, vk)
                        som += bedrag
                    }
                    d.totaal.declaratie(client, som, vk)
                    continue
                }
                let bedrag = deels ? maanden.map(\.1).som() : r.kosten(van: van, tot: tot)
                let k = d.groepen.groep(sleutel(kaart, r.gemeentecode, r.agb, r.productcategorie, r.productcode, verwijzer, r.client))
                d.groepen.opbouw[k].declaratie(client, bedrag, vk)
                d.totaal.declaratie(client, bedrag, vk)
            }
            return d
        }

        /// The budgets of every calendar year the period touches (the version in force on the valuation date, else the
        /// latest adopted), and their sum per group where the grouping has budgets.
        func budgetten() -> (alle: [Budget], perGroep: [String: Euro]) {
            let budgetten = g.geldendeBudgetten(op: peildatum).filter { jaren.contains($0.jaar) && filter($0.gemeentecode, $0.perceel, "") }
            func budgetSleutel(_ b: Budget) -> String? {
                switch groepering {
                case .gemeente: return b.gemeentecode
                case .perceel: return b.perceel
                case .segment: return ref.percelen[b.perceel]?.segment ?? "onbekend"
                default: return nil
                }
            }
            var budgetPerGroep: [String: Euro] = [:]
            for b in budgetten { if let k = budgetSleutel(b) { budgetPerGroep[k, default: .nul] += b.bedrag } }
            return (budgetten, budgetPerGroep)
        }

        /// Inhabitants and young people of these municipalities over the period's years; nil when one is missing.
        func cijfers(_ gemeenten: [String]) -> (Int64, Int64)? {
            var inw: Int64 = 0, jeugd: Int64 = 0
            for gem in gemeenten {
                for j in jaren {
                    guard let c = ref.cijfers(gemeente: gem, jaar: j) else { return nil }
                    inw += c.inwoners; jeugd += c.jeugdigen
                }
            }
            return gemeenten.isEmpty ? nil : (inw, jeugd)
        }

        /// One row: the counts of a group, its care spells measured over [a, b].
        func rij(_ k: String, _ o: Opbouw, naam: String, spells: [(Int32, Periode)], van a: Dag, tot b: Dag) -> Kengetallen {
            let v = Zorgperiodes.verloop(spells, van: a, tot: b, peildatum: peildatum)
            let duur = o.duren.percentielen(50, 90)
            var r = Kengetallen(groep: k, naam: naam, clienten: o.jaartotalen == .nul ? o.clienten.count : -1,
                                toewijzingen: o.toewijzingen, verplichting: o.verplichting, verplichtingOnbekend: o.onbekend,
                                gedeclareerd: o.gedeclareerd, inZorgBegin: v.begin, instroom: v.instroom, uitstroom: v.uitstroom,
                                inZorgEinde: v.einde, beeindigdeToewijzingen: o.duren.count, duurMediaan: duur[0],
                                duurP90: duur[1], kostenPerVerwijzer: o.perVerwijzer)
            r.jaartotalen = o.jaartotalen
            r.uitContracten = o.uitContracten
            return r
        }

        /// The rows in their order and the total row, from the merged parts. `gemeentenInTotaal`: whose inhabitants and
        /// young people the total counts (nil: the rows' municipalities, or those seen).
        func rijen(_ deel: Deel, gemeentenInTotaal: [String]?) -> (groepen: [Kengetallen], totaal: Kengetallen) {
            let groepen = deel.groepen, totaal = deel.totaal, gezien = deel.gezien, totaalParen = deel.totaalPeriodes
            let (budgetten, budgetPerGroep) = budgetten()
            let kaart = Productkaart(ref, jaar: van.jaar)
            var sleutels = Set(groepen.rijen).union(budgetPerGroep.keys)
            if perMaand {
                sleutels = Set(maanden.map(\.description))
                    .union([Monitoring.jaartotalenSleutel, Monitoring.contractenSleutel].filter { groepen[$0] != nil })
            }
            let volgorde = groepering == .leeftijd
                ? (Leeftijdsgroep.allCases.map(\.rawValue) + [Monitoring.jaartotalenSleutel, Monitoring.contractenSleutel])
                    .filter(sleutels.contains) : sleutels.sorted()
            // the total's spells (every allocation) beside the groups' (every allocation again)
            var (rijen, totaalRij) = tweeTegelijk({ volgorde.map { k -> Kengetallen in
                let o = groepen[k].flatMap { $0.telt ? $0 : nil } ?? Opbouw()
                var r: Kengetallen
                if perMaand, let m = Maand.parse(k) {
                    r = rij(k, o, naam: m.naam, spells: totaalParen, van: max(van, m.eersteDag), tot: min(tot, m.laatsteDag))
                } else {
                    r = rij(k, o, naam: naam(k, groepering, ref, kaart), spells: groepen[k]?.spells ?? [], van: van, tot: tot)
                }
                r.budget = budgetPerGroep[k]
                if groepering == .gemeente, let c = cijfers([k]) { r.inwoners = c.0; r.jeugdigen = c.1 }
                return r
            } }, { rij("totaal", totaal, naam: "Totaal", spells: totaalParen, van: van, tot: tot) })
            totaalRij.budget = budgetten.isEmpty ? nil : budgetten.map(\.bedrag).som()
            let gemeenten = gemeentenInTotaal ?? (groepering == .gemeente ? rijen.map(\.groep) : gezien.sorted())
            if let c = cijfers(gemeenten) { totaalRij.inwoners = c.0; totaalRij.jeugdigen = c.1 }
            return (rijen, totaalRij)
        }
    }
}
