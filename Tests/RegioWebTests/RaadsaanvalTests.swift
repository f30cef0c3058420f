import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioDemo
import RegioImport
import RegioStore
import Testing
@testable import RegioWeb

/// The council as an attacker (issue 26): it fetches every page a council user can get for a year, API and HTML, writes
/// down every published amount as a sum over municipality, lot, month, referrer type and provider, derives every sum
/// that must hold between them (a total is the sum of its parts, whichever page shows them), and solves that linear
/// system. No cell about 1-4 clients may come out, no amount hidden on one page may stand on another, and no hidden
/// amount (or its difference with the budget) may appear in any text. Independent of the code under test: the
/// relations come from what is published, the solving is floating-point elimination of its own.
@Suite(.serialized) struct RaadsaanvalTests {
    static let wachtwoord = "proef-wachtwoord-42"

    /// The demo region as `serve --demo` makes it (2016-2020), and random regions with small municipalities and lots.
    static func demoregio() throws -> SQLiteStore {
        try opslag(Demoregio(seed: 1).bestanden())
    }

    static func opslag(_ bestanden: [(naam: String, inhoud: String)]) throws -> SQLiteStore {
        let store = try SQLiteStore(pad: ":memory:")
        let importeur = Importeur(store: store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 5, count: 32)))
        for b in bestanden {
            let v = importeur.importeer(bestand: b.naam, bytes: Array(b.inhoud.utf8), nu: "2020-01-01T00:00:00Z")
            guard v.fouten.isEmpty else { throw ImportFout.algemeen(v.fouten.map(\.description).joined(separator: "\n")) }
        }
        let w = Wachtwoord(kosten: 4)
        for (naam, rol) in [("regio", Rol.regio), ("raad", .raad)] {
            try store.bewaar(Gebruiker(naam: naam, rol: rol, wachtwoordHash: w.hash(wachtwoord)))
        }
        return store
    }

    /// Six municipalities (one with two clients), five lots (two pooled), four providers, random clients, referrers
    /// and months in 2019.
    static func willekeurigeRegio(zaad: UInt64) -> [(naam: String, inhoud: String)] {
        var rng = Toeval(zaad: zaad)
        let gemeenten = ["0001", "0002", "0003", "0004", "0005", "0006"]
        let percelen = [("AMB", "45", "45A04", "nee"), ("VBJ", "43", "43A01", "ja"), ("CRI", "46", "46A03", "ja"),
                        ("GGZ", "54", "54001", "nee"), ("DYS", "47", "47A01", "nee")]
        let aanbieders = ["75000001", "75000002", "75000003", "75000004"]
        let verwijzers = ["01", "02", "03", "04"]
        var toew = ["toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,toewijzingsdatum,verwijzer_type"]
        var decl = ["declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op"]
        var nr = 0
        for (gi, g) in gemeenten.enumerated() {
            let aantal = gi == 5 ? 2 : 6 + rng.volgende(40)
            for c in 0..<aantal {
                let (_, cat, code, _) = percelen[rng.volgende(percelen.count)]
                let agb = aanbieders[rng.volgende(aanbieders.count)]
                let van = 1 + rng.volgende(12), tot = min(12, van + rng.volgende(5))
                nr += 1
                let t = "T\(nr)"
                let client = "C\(g)\(c)"
                toew.append("\(t),\(client),\(g),\(agb),\(cat),\(code),2019-\(twee(van))-01,2019-\(twee(tot))-28,1,14,1,2019-\(twee(van))-01,\(verwijzers[rng.volgende(verwijzers.count)])")
                for m in van...tot {
                    nr += 1
                    let bedrag = 100 + rng.volgende(4_900)
                    decl.append("D\(nr),R\(nr),\(t),\(client),\(g),\(agb),\(cat),\(code),2019-\(twee(m))-01,2019-\(twee(m))-28,\(bedrag).\(twee(rng.volgende(100))),2020-01-20")
                }
            }
        }
        return [
            ("gemeenten.csv", "gemeentecode,naam\n" + gemeenten.map { "\($0),Gemeente \($0)" }.joined(separator: "\n") + "\n"),
            ("percelen.csv", "perceel,naam,segment,verevend\n" + percelen.map { "\($0.0),Perceel \($0.0),S,\($0.3)" }.joined(separator: "\n") + "\n"),
            ("producten.csv", "productcode,productcategorie,perceel,tarief\n" + percelen.map { "\($0.2),\($0.1),\($0.0),100" }.joined(separator: "\n") + "\n"),
            ("aanbieders.csv", "agb,naam\n" + aanbieders.map { "\($0),Aanbieder \($0)" }.joined(separator: "\n") + "\n"),
            ("budgetten.csv", "jaar,gemeentecode,perceel,budget\n" + gemeenten.map { "2019,\($0),AMB,50000" }.joined(separator: "\n") + "\n"),
            ("toewijzingen.csv", toew.joined(separator: "\n") + "\n"),
            ("declaraties.csv", decl.joined(separator: "\n") + "\n"),
        ]
    }

    static func twee(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// 2016: the year of the issue's example (Baarn, Essentiële functies, one child, recovered by subtraction).
    @Test func demoregio2016() async throws {
        try await aanval(try Self.demoregio(), jaar: 2016, minimaalKlein: 5) { verborgen in
            #expect(verborgen.contains(["g": "0308", "p": "EF"]))
        }
    }

    @Test(arguments: [UInt64(3), 17])
    func willekeurigeRegio(zaad: UInt64) async throws {
        try await aanval(try Self.opslag(Self.willekeurigeRegio(zaad: zaad)), jaar: 2019, minimaalKlein: 5)
    }

    /// One published amount: a sum over the fixed dimensions of a box.
    typealias Doos = [String: String]

    func aanval(_ store: SQLiteStore, jaar: Int, minimaalKlein: Int, ook: @escaping @Sendable (Set<Doos>) -> Void = { _ in }) async throws {
        let app = bouwToepassing(store: store, instellingen: Instellingen(veiligeCookies: false, wachtwoord: Wachtwoord(kosten: 4),
                                                                          pseudoniemsleutel: NSTemporaryDirectory() + "rm-aanval-\(UUID())/sleutel",
                                                                          klok: { 1_579_089_600 }))
        try await app.test(.router) { c in
            func api(_ wie: String, _ pad: String) async throws -> [String: [[String: Any]]] {
                let auth = "Basic " + Data("\(wie):\(Self.wachtwoord)".utf8).base64EncodedString()
                let r = try await c.execute(uri: pad, method: .get, headers: [.authorization: auth])
                #expect(r.status == .ok, "\(wie) \(pad): \(r.status)")
                let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                return (json?["tabellen"] as? [String: [[String: Any]]]) ?? [:]
            }
            let j = "jaar=\(jaar)"
            // the lists of codes, from the region's own pages
            let regio = try await api("regio", "/api/v1/overzicht?\(j)")
            let gemeenten = (regio["per_gemeente"] ?? []).compactMap { $0["gemeentecode"] as? String }.filter { $0 != "totaal" }
            let percelenTabel = try await api("regio", "/api/v1/percelen?\(j)")["per_perceel"] ?? []
            let percelen = percelenTabel.compactMap { $0["perceel"] as? String }.filter { $0 != "totaal" }
            let verevend = Set(percelenTabel.filter { ($0["verevend"] as? String) == "ja" }.compactMap { $0["perceel"] as? String })
            let aanbieders = (try await api("regio", "/api/v1/aanbieders?\(j)")["per_aanbieder"] ?? []).compactMap { $0["agb"] as? String }
                .filter { $0 != "totaal" }
            #expect(gemeenten.count >= 5 && percelen.count >= 4 && !aanbieders.isEmpty)

            // every council page of the year, with what each table's rows are about
            var paginas: [(pad: String, vast: Doos)] = [("/api/v1/overzicht?\(j)", [:]), ("/api/v1/percelen?\(j)", [:]),
                                                       ("/api/v1/aanbieders?\(j)", [:]), ("/api/v1/benchmark?\(j)", [:]),
                                                       ("/api/v1/verevening?\(j)", [:]),
                                                       ("/api/v1/prognose?\(j)&per=gemeente", [:]), ("/api/v1/prognose?\(j)&per=perceel", [:]),
                                                       ("/api/v1/prognose?\(j)&per=regio", [:])]
            paginas += gemeenten.map { ("/api/v1/gemeente/\($0)?\(j)", ["g": $0]) }
            paginas += percelen.map { ("/api/v1/percelen/\($0)?\(j)", ["p": $0]) }
            paginas += percelen.map { ("/api/v1/aanbieders?\(j)&perceel=\($0)", ["p": $0]) }
            paginas += aanbieders.map { ("/api/v1/aanbieders/\($0)?\(j)", ["a": $0]) }

            var zichtbaar: [Doos: Int64] = [:]        // what the council can read
            var verborgen = Set<Doos>()               // shown hidden somewhere
            var waar: [Doos: Int64] = [:], basis: [Doos: Int] = [:], budget: [Doos: Int64] = [:]   // the truth (region role)
            for (pad, vast) in paginas {
                let raad = try await api("raad", pad), echt = try await api("regio", pad)
                for (id, rijen) in raad {
                    for rij in rijen {
                        guard let doos = Self.doos(id, rij, vast: vast, pad: pad) else { continue }
                        let bedrag = Self.centen(rij[Self.geldkolom(id)])
                        if let bedrag {
                            if let eerder = zichtbaar[doos] { #expect(eerder == bedrag, "\(doos): \(eerder) en \(bedrag)") }
                            zichtbaar[doos] = bedrag
                        } else {
                            verborgen.insert(doos)
                            // what is derived from a hidden amount is hidden with it
                            for k in ["kosten_per_client", "uitnutting", "realisatie", "verschil", "verplichting", "kosten_per_jeugdige",
                                      "kosten_per_inwoner", "unieke_clienten", "toewijzingen", "prognose", "ondergrens_80",
                                      "bovengrens_80", "verwachte_overschrijding"] where rij[k] != nil {
                                #expect(rij[k] is NSNull, "\(pad) \(id) \(doos): \(k) = \(rij[k]!)")
                            }
                        }
                    }
                }
                for (id, rijen) in echt {
                    for rij in rijen {
                        guard let doos = Self.doos(id, rij, vast: vast, pad: pad), let b = Self.centen(rij[Self.geldkolom(id)]) else { continue }
                        waar[doos] = b
                        if let n = rij["unieke_clienten"] as? Int { basis[doos] = n }
                        if let bu = Self.centen(rij["budget"]) { budget[doos] = bu }
                    }
                }
            }
            // a box hidden on one page and shown on another is simply known
            let beide = verborgen.filter { zichtbaar[$0] != nil }
            #expect(beide.isEmpty, "verborgen en zichtbaar: \(beide.sorted { "\($0)" < "\($1)" }.prefix(5))")
            ook(verborgen)
            let klein = verborgen.filter { (basis[$0] ?? 0) >= 1 && (basis[$0] ?? 0) < 5 }
            #expect(klein.count >= minimaalKlein, "too few small cells to test: \(klein.count)")

            // the sums that hold between published boxes: a box is the sum of the boxes that fix one more dimension
            // over all its values, and a municipality's pooled cost is the sum of its pooled lots
            let domein: [String: [String]] = ["g": gemeenten, "p": percelen, "a": aanbieders,
                                              "m": Array(Set((Array(zichtbaar.keys) + Array(verborgen)).compactMap { $0["m"] })),
                                              "v": Array(Set((Array(zichtbaar.keys) + Array(verborgen)).compactMap { $0["v"] }))]
            var alle = Set(zichtbaar.keys).union(verborgen)
            for d in alle { for k in d.keys { var o = d; o[k] = nil; alle.insert(o) } }   // unpublished sub-sums as unknowns
            var relaties: [(Doos, [Doos])] = []
            for d in alle where d["p"] != "*verevend" {
                for (k, waarden) in domein where d[k] == nil && !waarden.isEmpty {
                    let delen = waarden.map { w -> Doos in var o = d; o[k] = w; return o }
                    if delen.allSatisfy(alle.contains) { relaties.append((d, delen)) }
                }
            }
            for d in alle where d["p"] == "*verevend" {
                let delen = verevend.sorted().map { p -> Doos in var o = d; o["p"] = p; return o }
                if delen.allSatisfy(alle.contains) { relaties.append((d, delen)) }
            }
            let onbekend = alle.filter { zichtbaar[$0] == nil }
            let bepaald = Aanvaller.bepaald(onbekend: onbekend, relaties: relaties)
            let lek = klein.filter(bepaald.contains)
            #expect(lek.isEmpty, "uit te rekenen: \(lek.map { "\($0) = \(waar[$0] ?? 0)" }.sorted().prefix(8))")

            // no hidden amount of a small cell, nor its difference with the budget, in any council page's text
            let sessie = try await Web.sessie(c, "raad")
            var teksten: [(pad: String, tekst: String)] = []
            for (pad, _) in paginas {
                let html = pad.replacing("/api/v1/overzicht", with: "/").replacing("/api/v1", with: "")
                teksten.append((html, Web.tekst(try await Web.get(c, html, sessie))))
            }
            for d in klein {
                guard let w = waar[d], abs(w) >= 100_000 else { continue }
                var verraad = [Euro(centen: w).heleEuros]
                if let b = budget[d], abs(w - b) >= 100_000 { verraad.append(Euro(centen: abs(w - b)).heleEuros) }
                // the same whole euros as a published amount is a coincidence the reader cannot tell apart
                let gezien = Set(zichtbaar.values.map { Euro(centen: $0).heleEuros })
                for t in verraad where !gezien.contains(t) {
                    for (pad, tekst) in teksten where Self.bevatBedrag(tekst, t) { Issue.record("\(d): \(t) staat op \(pad)") }
                }
            }
        }
    }

    /// Whether `tekst` shows the amount `bedrag` ("€ 3.074") as a whole amount: not as the start of a larger one
    /// ("€ 3.074.755") or of one with cents ("€ 3.074,50" is another amount).
    static func bevatBedrag(_ tekst: String, _ bedrag: String) -> Bool {
        var rest = tekst[...]
        while let r = rest.range(of: bedrag) {
            let na = rest[r.upperBound...]
            let volgende = na.first, daarna = na.dropFirst().first
            let langer = volgende.map { $0.isNumber || (($0 == "." || $0 == ",") && (daarna?.isNumber ?? false)) } ?? false
            if !langer { return true }
            rest = na
        }
        return false
    }

    /// The column that holds a table's amount.
    static func geldkolom(_ id: String) -> String {
        switch id {
        case "saldo", "bijdrage", "saldo_cumulatief": "eigen_kosten"
        default: "gedeclareerd"
        }
    }

    /// What a row is a sum over, from the page, the table and the row's own code; nil for rows that are no such sum.
    static func doos(_ id: String, _ rij: [String: Any], vast: Doos, pad: String) -> Doos? {
        var d = vast
        func code(_ k: String) -> String? { (rij[k] as? String).flatMap { $0 == "totaal" || $0 == "overig" ? nil : $0 } }
        let isTotaal = ["gemeentecode", "perceel", "agb", "verwijzer_type", "maand", "groep"].contains { (rij[$0] as? String) == "totaal" }
        switch id {
        case "per_gemeente", "benchmark": if !isTotaal { guard let g = code("gemeentecode") else { return nil }; d["g"] = g }
        case "per_perceel": if !isTotaal { guard let p = code("perceel") else { return nil }; d["p"] = p }
        case "per_aanbieder": if !isTotaal { guard let a = code("agb") else { return nil }; d["a"] = a }
        case "per_verwijzer": if !isTotaal { guard let v = code("verwijzer_type") else { return nil }; d["v"] = v }
        case "per_maand": guard let m = code("maand") else { return nil }; d["m"] = m
        case "saldo", "bijdrage":
            d["p"] = "*verevend"
            if !isTotaal { guard let g = code("gemeentecode") else { return nil }; d["g"] = g }
        case "prognose":
            guard !pad.contains("per=regio") || isTotaal || code("groep") == "regio" else { return nil }
            if !isTotaal, let c = code("groep"), c != "regio" { d[pad.contains("per=gemeente") ? "g" : "p"] = c }
        default: return nil
        }
        return d
    }

    static func centen(_ x: Any?) -> Int64? {
        guard let n = x as? NSNumber, !(x is NSNull) else { return nil }
        return Int64((n.doubleValue * 100).rounded())
    }
}

/// The attacker's solver: Gaussian elimination (floating point, partial pivoting) of the relations restricted to the
/// unknown boxes, per group of unknowns linked by relations; an unknown is determined when the reduced system pins it.
enum Aanvaller {
    static func bepaald(onbekend: Set<[String: String]>, relaties: [([String: String], [[String: String]])]) -> Set<[String: String]> {
        let lijst = onbekend.sorted { "\($0)" < "\($1)" }
        let index = Dictionary(uniqueKeysWithValues: lijst.enumerated().map { ($1, $0) })
        // rows over unknowns only (known boxes are numbers on the right-hand side)
        var rijen: [[(Int, Double)]] = []
        for (totaal, delen) in relaties {
            var r: [Int: Double] = [:]
            if let i = index[totaal] { r[i, default: 0] -= 1 }
            for d in delen { if let i = index[d] { r[i, default: 0] += 1 } }
            let schoon = r.filter { $0.value != 0 }
            if !schoon.isEmpty { rijen.append(schoon.map { ($0.key, $0.value) }) }
        }
        // groups of unknowns linked by rows
        var ouder = Array(lijst.indices)
        func wortel(_ x: Int) -> Int { var x = x; while ouder[x] != x { ouder[x] = ouder[ouder[x]]; x = ouder[x] }; return x }
        for r in rijen { for (i, _) in r.dropFirst() { ouder[wortel(i)] = wortel(r[0].0) } }
        var groepRijen: [Int: [[(Int, Double)]]] = [:]
        for r in rijen { groepRijen[wortel(r[0].0), default: []].append(r) }
        var uit = Set<[String: String]>()
        for (_, gr) in groepRijen {
            let kolommen = Array(Set(gr.flatMap { $0.map(\.0) })).sorted()
            let k = Dictionary(uniqueKeysWithValues: kolommen.enumerated().map { ($1, $0) })
            var m = gr.map { r -> [Double] in var v = [Double](repeating: 0, count: kolommen.count); for (i, x) in r { v[k[i]!] += x }; return v }
            var spil: [Int] = []
            var rang = 0
            for c in kolommen.indices where rang < m.count {
                guard let p = (rang..<m.count).max(by: { abs(m[$0][c]) < abs(m[$1][c]) }), abs(m[p][c]) > 1e-9 else { continue }
                m.swapAt(rang, p)
                let deler = m[rang][c]
                for j in m[rang].indices { m[rang][j] /= deler }
                for i in m.indices where i != rang && abs(m[i][c]) > 1e-12 {
                    let f = m[i][c]
                    for j in m[i].indices { m[i][j] -= f * m[rang][j] }
                }
                spil.append(c); rang += 1
            }
            for (r, c) in spil.enumerated() where m[r].indices.allSatisfy({ $0 == c || abs(m[r][$0]) < 1e-9 }) {
                uit.insert(lijst[kolommen[c]])
            }
        }
        return uit
    }
}

/// A seeded generator (SplitMix64), so a failing region can be made again.
struct Toeval {
    var toestand: UInt64
    init(zaad: UInt64) { toestand = zaad }
    mutating func volgende(_ n: Int) -> Int {
        toestand &+= 0x9E3779B97F4A7C15
        var z = toestand
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}
