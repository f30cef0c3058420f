import Foundation
import Testing
import RegioCore
import RegioDemo
import RegioImport
import RegioStore
import RegioWeergave

/// The monitoring figures and the report on a generated region, through the real import and store: the figures agree
/// with a naive recount by their definitions, every grouping has the same total, and the council reports are clean.
@Suite(.serialized) struct MonitoringDemoTests {
    static let store: SQLiteStore = {
        let store = try! SQLiteStore(pad: ":memory:")
        let importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 7, count: 32)))
        for b in Demoregio(seed: 11, jaren: 2019...2020).bestanden() {
            _ = importeur.importeer(bestand: b.naam, bytes: Array(b.inhoud.utf8), nu: "")
        }
        return store
    }()
    static let van = Dag.eersteVan(jaar: 2020), tot = Dag.laatsteVan(jaar: 2020)

    /// Splitting the sums by municipality, provider or lot (a table per code, or per combination) puts every row in
    /// the part its own codes say, as a plain loop over the rows does.
    @Test func sommenVerdelenAlsPerRij() throws {
        let g = try Self.store.gegevens()
        let a = try Declaratieaggregaten.van(g), ref = Referentiekaart(g)
        #expect(a.perAanbieder && !a.kosten.isEmpty && !a.clienten.isEmpty)
        let perceel = { (c: String, p: String?) in ref.perceel(categorie: c, code: p, jaar: 2020)?.code }
        let gevallen: [(Declaratieaggregaten.Velden, (String, String, String, String?) -> String?)] = [
            (.gemeente, { g, _, _, _ in g }),
            (.aanbieder, { _, agb, _, _ in agb.hasSuffix("1") ? nil : agb }),
            (.product, { _, _, c, p in perceel(c, p) }),
            ([.gemeente, .product], { g, _, c, p in perceel(c, p) == "AMB" ? g : nil }),
        ]
        for (i, (velden, deel)) in gevallen.enumerated() {
            let delen = a.verdeel(op: velden, deel)
            var kosten: [String: [Declaratieaggregaten.Kostensleutel: Euro]] = [:]
            var clienten: [String: [Declaratieaggregaten.Clientjaar: Declaratieaggregaten.Clientsom]] = [:]
            for (k, e) in a.kosten { if let p = deel(k.gemeentecode, k.agb, k.productcategorie, k.productcode) { kosten[p, default: [:]][k] = e } }
            for (c, e) in a.clienten { if let p = deel(c.gemeentecode, c.agb, c.productcategorie, c.productcode) { clienten[p, default: [:]][c] = e } }
            #expect(delen.count > 1, "\(i)")
            #expect(Set(delen.keys) == Set(kosten.keys).union(clienten.keys), "\(i)")
            for (p, d) in delen {
                #expect(d.kosten == kosten[p] ?? [:] && d.clienten == clienten[p] ?? [:] && d.perAanbieder, "\(i) \(p)")
            }
        }
    }

    @Test func periodeLadenGeeftDezelfdeCijfers() throws {
        let alles = try Self.store.gegevens()
        let periode = try Self.store.gegevens(declaratiesVan: Self.van, tot: Self.tot)
        #expect(periode.declaraties.count < alles.declaraties.count)
        #expect(periode.toewijzingen.count == alles.toewijzingen.count)
        for per in Groepering.allCases {
            let a = Monitoring.kengetallen(alles, van: Self.van, tot: Self.tot, per: per, selectie: Selectie())
            let b = Monitoring.kengetallen(periode, van: Self.van, tot: Self.tot, per: per, selectie: Selectie())
            #expect(a.groepen == b.groepen && a.totaal == b.totaal, "\(per)")
        }
    }

    @Test func elkeGroeperingHeeftHetzelfdeTotaalEnGeldTeltOp() throws {
        let g = try Self.store.gegevens(declaratiesVan: Self.van, tot: Self.tot)
        let basis = Monitoring.kengetallen(g, van: Self.van, tot: Self.tot, per: .gemeente, selectie: Selectie()).totaal
        for per in Groepering.allCases {
            let r = Monitoring.kengetallen(g, van: Self.van, tot: Self.tot, per: per, selectie: Selectie())
            var t = r.totaal
            t.groep = basis.groep; t.naam = basis.naam
            #expect(t == basis, "\(per)")
            #expect(r.groepen.map(\.gedeclareerd).som() == t.gedeclareerd, "\(per)")
            #expect(r.groepen.map(\.verplichting).som() == t.verplichting, "\(per)")
            #expect(r.groepen.allSatisfy { $0.kostenPerVerwijzer.values.som() == $0.gedeclareerd }, "\(per)")
            if per != .maand { #expect(r.groepen.map(\.toewijzingen).reduce(0, +) == t.toewijzingen, "\(per)") }
            #expect(r.groepen.allSatisfy { $0.clienten <= t.clienten })
            #expect(r.groepen.map(\.clienten).reduce(0, +) >= t.clienten)
        }
        // the stock at the end of 2019 is the stock at the start of 2020
        let vorig = Monitoring.kengetallen(g, van: Dag.eersteVan(jaar: 2019), tot: Dag.laatsteVan(jaar: 2019), per: .gemeente, selectie: Selectie())
        #expect(vorig.totaal.inZorgEinde == basis.inZorgBegin)
    }

    @Test func cijfersKloppenMetEenEenvoudigeHertelling() throws {
        let g = try Self.store.gegevens()
        let r = Monitoring.kengetallen(g, van: Self.van, tot: Self.tot, per: .gemeente, selectie: Selectie())
        var kosten: [String: Euro] = [:]
        var clienten: [String: Set<String>] = [:]
        var regio = Set<String>()
        // the broad-spectrum lot is paid by contract: its payments count as realised, its provider's lines (none in the
        // demo) would not; so the lines here, and the payments of the year beside them
        for d in g.declaraties where d.status != .afgewezen && d.einddatum >= Self.van && d.begindatum <= Self.tot {
            kosten[d.gemeentecode, default: .nul] += d.kosten(van: Self.van, tot: Self.tot)
            clienten[d.gemeentecode, default: []].insert(d.client); regio.insert(d.client)
        }
        for t in g.toewijzingen where t.redenWijziging != "13" && t.ingangsdatum <= Self.tot && (t.einddatum ?? Self.tot) >= Self.van {
            clienten[t.gemeentecode, default: []].insert(t.client); regio.insert(t.client)
        }
        for rij in r.groepen {
            #expect(rij.gedeclareerd - rij.uitContracten == kosten[rij.groep] ?? .nul, "\(rij.groep)")
            #expect(rij.clienten == clienten[rij.groep]?.count ?? 0, "\(rij.groep)")
        }
        #expect(r.totaal.clienten == regio.count)
        let betaald = g.betalingen.filter { $0.datum.jaar == 2020 }.map(\.bedrag).som()
        #expect(r.totaal.uitContracten == betaald && betaald > Euro(euro: 10_000_000))
        #expect(r.groepen.map(\.uitContracten).som() == betaald)
        let perClient = Monitoring.kostenPerClient(g, van: Self.van, tot: Self.tot, selectie: Selectie())
        #expect(perClient.map(\.kosten).som() == r.totaal.gedeclareerd - r.totaal.uitContracten)
    }

    @Test func raadsrapportenLekkenNietsEnTotalenKloppen() throws {
        let g = try Self.store.gegevens(declaratiesVan: Dag.eersteVan(jaar: 2019), tot: Self.tot)
        let pseudoniem = try Regex("P[0-9a-f]{20}")
        for gemeente in g.gemeenten {
            for versie in Rapportversie.allCases {
                let r = try Maandrapport.maak(g, gemeente: gemeente.code, maand: Maand(jaar: 2020, maand: 9), versie: versie)
                for o in r.onderdelen {
                    guard let t = o.tabel else { continue }
                    for (i, k) in t.kolommen.enumerated() {
                        if versie == .raad && ["unieke_clienten", "instroom", "uitstroom", "in_zorg_einde"].contains(k.naam) {
                            let uniek = t.kolommen.firstIndex { $0.naam == "unieke_clienten" }
                            for rij in t.rijen + t.voet {
                                // a row paid wholly under contracts (Veilig Thuis) is about no child: its counts are
                                // what everyone knows ("zonder declaraties", no inflow)
                                if let uniek, rij[uniek].tekst == "zonder declaraties" { #expect(rij[i].machine.isEmpty || rij[i].machine == "0"); continue }
                                // hidden, or at least five
                                let m = rij[i].machine
                                #expect(m == "<5" || m == "×" || (Int(m) ?? 0) >= 5, "\(o.naam) \(rij[0].tekst) \(k.naam)")
                            }
                        }
                        // money columns add up to their total wherever nothing is hidden
                        if ["budget", "verplichting", "gedeclareerd"].contains(k.naam), o.naam != "duurste_clienten", o.naam != "kerncijfers" {
                            let cellen = t.rijen.map { $0[i].machine }
                            if cellen.allSatisfy({ Euro.parse($0) != nil }), let totaal = Euro.parse(t.voet[0][i].machine) {
                                #expect(cellen.compactMap(Euro.parse).som() == totaal, "\(gemeente.naam) \(o.naam).\(k.naam)")
                            }
                        }
                    }
                }
                let html = Rapport.html(r)
                #expect(html.contains(pseudoniem) == (versie == .intern), "\(gemeente.naam) \(versie)")
            }
        }
    }
}
