import Foundation
import RegioCore

/// A synthetic national year: all 342 municipalities at realistic sizes, ~450,000 clients and ~12 million
/// declaration lines at `fractie` 1. Written straight to CSV files client by client, so memory stays small
/// whatever the size; the same seed gives the same files.
public struct Landelijk: Sendable {
    public let seed: UInt64
    public let jaar: Int
    /// Share of the country's youths to generate (1 = the whole country); smaller for tests and quick runs.
    public let fractie: Double
    public let stand: Dag

    public init(seed: UInt64 = 1, jaar: Int = 2025, fractie: Double = 1) {
        self.seed = seed; self.jaar = jaar; self.fractie = fractie
        stand = Dag(jaar: jaar + 1, maand: 3, dag: 31)!
    }

    public struct Telling: Sendable, Equatable {
        public var gemeenten = 0, clienten = 0, verzoeken = 0, toewijzingen = 0, declaraties = 0
        /// Debit minus credit of the non-rejected lines, per service year: to check an import against.
        public var gedeclareerdCent: [Int: Int64] = [:]
    }

    struct GemeenteSpec { let code: String; let naam: String; let inwoners: Int; let jeugdigen: Int; let ses: Double; let rate: Double }

    /// Inhabitants 1 January 2024 (CBS, rounded) of the largest municipalities; the rest are drawn log-normal.
    static let groot: [String: Int] = ["0363": 931_000, "0599": 670_000, "0518": 566_000, "0344": 374_000, "0772": 246_000,
                                       "0014": 241_000, "0855": 226_000, "0034": 226_000, "0758": 187_000, "0268": 186_000]

    func gemeenten(_ k: inout Kansen) -> [GemeenteSpec] {
        let lijst = Gemeentelijst.cbs2026.split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
        // draw sizes log-normal around 28,000, then scale the rest so the country has ~18.0 million inhabitants
        var ruw: [Double] = lijst.map { r in
            if let n = Landelijk.groot[r[0]] { return Double(n) }
            let z = (0..<12).reduce(0.0) { a, _ in a + k.uniform() } - 6   // ~N(0,1)
            return 28_000 * (0.75 * z).expNatural
        }
        let vast = lijst.indices.filter { Landelijk.groot[lijst[$0][0]] != nil }.map { ruw[$0] }.reduce(0, +)
        let rest = ruw.indices.filter { Landelijk.groot[lijst[$0][0]] == nil }.map { ruw[$0] }.reduce(0, +)
        let factor = (18_000_000 - vast) / rest
        for i in ruw.indices where Landelijk.groot[lijst[i][0]] == nil { ruw[i] = max(950, ruw[i] * factor) }
        return lijst.indices.map { i in
            let inwoners = Int(ruw[i].rounded())
            let pct = 0.18 + 0.05 * k.uniform()
            // ~1 in 8 youths gets youth care; more in cities and low-SES places
            let ses = ((k.uniform() - 0.5) * 2 * 100).rounded() / 100
            let rate = 0.125 * (1 - 0.25 * ses) * (0.85 + 0.3 * k.uniform())
            return GemeenteSpec(code: lijst[i][0], naam: lijst[i][1], inwoners: inwoners,
                                jeugdigen: Int((Double(inwoners) * pct).rounded()), ses: ses, rate: rate)
        }
    }

    /// Writes the canonical CSV files into `map` and says what is in them.
    @discardableResult
    public func schrijf(naar map: String) throws -> Telling {
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        var k = Kansen(seed: seed)
        var telling = Telling()
        let specs = gemeenten(&k)
        telling.gemeenten = specs.count
        let jaarBegin = Dag.eersteVan(jaar: jaar)

        try schrijfGemeenten(specs, map: map)
        let tarieven = try schrijfPercelenEnProducten(map: map)
        let aanbieders = try schrijfAanbieders(map: map)

        // care kinds weighted by how many children are in them at any moment: starts x mean length
        let prevalentie = Catalogus.zorgsoorten.map { z -> Double in
            let a = Double(z.duur.lowerBound), b = Double(z.duur.upperBound)
            return z.startsPerJaar * (b - a) / (b / a).logNatural
        }
        let verzoeken = try CSVUit(map + "/verzoeken.csv", kop: "verzoeknummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,verwijzer_type,verwijzer_naam,geboortedatum,ontvangen_op")
        let toewijzingen = try CSVUit(map + "/toewijzingen.csv", kop: "toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,verwijzer_type,verzoeknummer,geboortedatum,toewijzingsdatum")
        let declaraties = try CSVUit(map + "/declaraties.csv", kop: "declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,debet_credit,status,ingediend_op")
        var kosten = Array(repeating: Array(repeating: Int64(0), count: Catalogus.percelen.count), count: specs.count)
        let perceelIndex = Dictionary(uniqueKeysWithValues: Catalogus.percelen.enumerated().map { ($1.code, $0) })
        var clientnummer = 0, twNummer = 0, refNummer = 0

        for (gi, g) in specs.enumerated() {
            let n = Int((Double(g.jeugdigen) * g.rate * fractie).rounded())
            for _ in 0..<n {
                clientnummer += 1
                telling.clienten += 1
                // a client number, no (synthetic) BSN: these files go to disk, where no BSN may go
                let client = "K" + pad(clientnummer, 9)
                let geboren = jaarBegin - k.geheel((2 * 365)...(17 * 365 + 300))
                // most children have one product, many two, some more (stacking)
                let aantal = 1 + (k.kans(0.6) ? 1 : 0) + (k.kans(0.35) ? 1 : 0) + (k.kans(0.12) ? 1 : 0)
                for _ in 0..<aantal {
                    let s = k.kies(prevalentie)
                    let z = Catalogus.zorgsoorten[s]
                    let duur = max(1, Int(k.logUniform(Double(z.duur.lowerBound), Double(z.duur.upperBound))))
                    let start = jaarBegin - (duur - 1) + k.geheel(0...(duur - 1 + 364))
                    let eind = start + duur - 1
                    let open = z.duur.upperBound > 700 && k.kans(0.1)
                    let lijst = aanbieders[s]
                    let x = k.uniform() * lijst.cumulatief.last!
                    let agb = lijst.agb[min(lijst.agb.count - 1, lijst.cumulatief.partitioningIndex { $0 > x })]
                    let verwijzer = z.verwijzers[k.kies(z.verwijzers.map(\.1))].0
                    let volume = k.geheel(z.volume)
                    twNummer += 1
                    let tw = "T" + pad(twNummer, 8)
                    var vz = ""
                    var toegewezen = start + (k.kans(0.85) ? -k.geheel(0...14) : k.geheel(0...60))
                    if verwijzer != .gemeente {
                        let ontvangen = start - k.geheel(1...30) + (k.kans(0.2) ? k.geheel(30...120) : 0)
                        toegewezen = ontvangen + k.geheel(1...12)
                        if ontvangen <= stand {
                            vz = "V" + pad(twNummer, 8)
                            telling.verzoeken += 1
                            verzoeken.regel("\(vz),\(client),\(g.code),\(agb),\(z.categorie),\(z.code),\(start),\(eind),\(volume),\(z.eenheid),\(z.frequentie.rawValue),\(verwijzer.rawValue),,\(geboren),\(ontvangen)")
                        }
                    }
                    guard toegewezen <= stand else { continue }
                    telling.toewijzingen += 1
                    toewijzingen.regel("\(tw),\(client),\(g.code),\(agb),\(z.categorie),\(z.code),\(start),\(open ? "" : eind.description),\(volume),\(z.eenheid),\(z.frequentie.rawValue),\(verwijzer.rawValue),\(vz),\(geboren),\(toegewezen)")

                    // declarations of the year only: per month of care; output products once, when they end in it
                    let benutting = 0.6 + 0.5 * k.uniform()
                    let regels = Landelijk.declaratieperiodes(z, start: start, eind: eind, volume: volume, jaar: jaar, benutting: benutting, &k)
                    let tarief = tarieven[jaar]![s]
                    for (van, tot, eenheden) in regels {
                        let bedrag = tarief * eenheden
                        guard case let (ingediend, afgewezen, status, decl)? = indiening(&k, tot: tot, stand: stand, agb: agb,
                                                                                        anderhalfJaar: false) else { continue }
                        refNummer += 1
                        telling.declaraties += 1
                        declaraties.regel(declaratieregel(decl, ref: "R" + pad(refNummer, 9), toewijzing: tw, client: client,
                                                          gemeente: g.code, agb: agb, z, van: van, tot: tot, eenheden: eenheden,
                                                          tarief: tarief, "D", status: status, ingediend: ingediend))
                        if afgewezen { continue }
                        var netto = bedrag.centen
                        // a correction: credited and filed again with one unit less
                        if eenheden > 1 && k.kans(0.015) {
                            let later = ingediend + k.geheel(20...90)
                            if later <= stand {
                                let decl2 = declaratienummer(agb, later)
                                refNummer += 2
                                telling.declaraties += 2
                                declaraties.regel(declaratieregel(decl2, ref: "R" + pad(refNummer - 1, 9), toewijzing: tw, client: client,
                                                                  gemeente: g.code, agb: agb, z, van: van, tot: tot, eenheden: eenheden, tarief: tarief, "C",
                                                                  status: "toegekend", ingediend: later))
                                declaraties.regel(declaratieregel(decl2, ref: "R" + pad(refNummer, 9), toewijzing: tw, client: client,
                                                                  gemeente: g.code, agb: agb, z, van: van, tot: tot, eenheden: eenheden - 1, tarief: tarief, "D",
                                                                  status: "toegekend", ingediend: later))
                                netto -= tarief.centen
                            }
                        }
                        kosten[gi][perceelIndex[z.perceel]!] += netto
                        telling.gedeclareerdCent[van.jaar, default: 0] += netto
                    }
                }
            }
        }
        try verzoeken.sluit(); try toewijzingen.sluit(); try declaraties.sluit()

        try schrijfBudgetten(specs, kosten: kosten, map: map, &k)
        return telling
    }

    /// The municipalities and their figures (inhabitants, young people, the national budget split by young people).
    func schrijfGemeenten(_ specs: [GemeenteSpec], map: String) throws {
        let gem = try CSVUit(map + "/gemeenten.csv", kop: "gemeentecode,naam")
        let cijfers = try CSVUit(map + "/gemeentecijfers.csv", kop: "gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd,ses,wijkteam_fte")
        let totaalJeugd = specs.map(\.jeugdigen).reduce(0, +)
        for g in specs {
            gem.regel("GM\(g.code),\(csv(g.naam))")
            // the national youth-care budget ~EUR 5.9 bn, split by youths
            let macro = Int64((5_900_000_000.0 * Double(g.jeugdigen) / Double(totaalJeugd)).rounded())
            cijfers.regel("\(g.code),\(jaar),\(g.inwoners),\(g.jeugdigen),\(macro),\(g.ses),\(String(format: "%.2f", Double(g.inwoners) / 1100))")
        }
        try gem.sluit(); try cijfers.sluit()
    }

    /// Lots and products with their tariffs of the year and the four before (2% a year); the tariffs per care kind.
    func schrijfPercelenEnProducten(map: String) throws -> [Int: [Euro]] {
        let perc = try CSVUit(map + "/percelen.csv", kop: "perceel,naam,segment,verevend,bekostiging")
        for p in Catalogus.percelen {
            perc.regel("\(p.code),\(csv(p.naam)),\(p.segment),\(p.verevend ? "ja" : "nee"),\(p.bekostiging!.rawValue)")
        }
        try perc.sluit()
        let prod = try CSVUit(map + "/producten.csv", kop: "productcode,productcategorie,perceel,omschrijving,eenheid,tarief,jaar")
        var tarieven: [Int: [Euro]] = [:]   // year -> tariff per care kind
        for j in (jaar - 4)...jaar {
            tarieven[j] = Catalogus.zorgsoorten.map { Euro(centen: $0.tariefCent).maal(Int64((pow102(j - 2018) * 10_000).rounded()), gedeeldDoor: 10_000) }
            for (s, z) in Catalogus.zorgsoorten.enumerated() {
                prod.regel("\(z.code),\(z.categorie),\(z.perceel),\(csv(z.omschrijving)),\(z.eenheid),\(tarieven[j]![s].machineTekst),\(j)")
            }
        }
        try prod.sluit()
        return tarieven
    }

    /// Providers per care kind: the regional counts times 25, Zipf-weighted; looked up by cumulative weight.
    func schrijfAanbieders(map: String) throws -> [(agb: [String], cumulatief: [Double])] {
        let aanb = try CSVUit(map + "/aanbieders.csv", kop: "agb,naam")
        var aanbieders: [(agb: [String], cumulatief: [Double])] = []
        var volgnummer = 0
        for z in Catalogus.zorgsoorten {
            var agbs: [String] = [], cum: [Double] = [], som = 0.0
            for i in 0..<(z.aanbieders * 25) {
                volgnummer += 1
                let agb = "76" + pad(volgnummer, 6)
                aanb.regel("\(agb),\(Catalogus.aanbiedersvormen[volgnummer % Catalogus.aanbiedersvormen.count]) \(Catalogus.aanbiedersnamen[volgnummer % Catalogus.aanbiedersnamen.count]) \(volgnummer)")
                som += 1 / Double(i + 1)
                agbs.append(agb); cum.append(som)
            }
            aanbieders.append((agbs, cum))
        }
        try aanb.sluit()
        return aanbieders
    }

    /// The declared periods of one allocation in the year with their units: per month of care (a full month often in
    /// weekly or two-weekly lines); an output product once, when it ends in the year.
    static func declaratieperiodes(_ z: Catalogus.Zorgsoort, start: Dag, eind: Dag, volume: Int, jaar: Int, benutting: Double,
                                   _ k: inout Kansen) -> [(Dag, Dag, Int64)] {
        let jaarBegin = Dag.eersteVan(jaar: jaar), jaarEind = Dag.laatsteVan(jaar: jaar)
        var regels: [(Dag, Dag, Int64)] = []
        if z.frequentie == .totaal {
            if eind >= jaarBegin && eind <= jaarEind { regels.append((max(start, jaarBegin), eind, Int64(volume))) }
        } else {
            var m = max(start, jaarBegin).maand
            let laatste = min(eind, jaarEind)
            while m <= laatste.maand {
                let van = max(start, m.eersteDag), tot = min(laatste, m.laatsteDag)
                let dagen = (tot - van) + 1
                let eenheden = z.eenheden(van: van, tot: tot, maand: m, volume: volume, benutting: benutting)
                if eenheden > 0 {
                    // many providers declare per week or per two weeks: four or two lines for a full month
                    let r = k.uniform()
                    let delen = min(Int(eenheden), dagen > 20 ? (r < 0.45 ? 4 : r < 0.75 ? 2 : 1) : 1)
                    for d in 0..<delen {
                        let a = van + dagen * d / delen, b = van + dagen * (d + 1) / delen - 1
                        let e = eenheden / Int64(delen) + (d == delen - 1 ? eenheden % Int64(delen) : 0)
                        regels.append((a, b, e))
                    }
                }
                m = m + 1
            }
        }
        return regels
    }

    /// Budgets: what each municipality expected, mostly a little under what the year cost.
    func schrijfBudgetten(_ specs: [GemeenteSpec], kosten: [[Int64]], map: String, _ k: inout Kansen) throws {
        let budget = try CSVUit(map + "/budgetten.csv", kop: "jaar,gemeentecode,perceel,budget")
        for (gi, g) in specs.enumerated() {
            for (pi, p) in Catalogus.percelen.enumerated() {
                let b = Euro(centen: kosten[gi][pi]).maal(Int64(880 + k.geheel(0...170)), gedeeldDoor: 1000)
                budget.regel("\(jaar),\(g.code),\(p.code),\(Euro(euro: (b.centen + 50_000) / 100_000 * 1000).machineTekst)")
            }
        }
        try budget.sluit()
    }
}

/// One CSV file written through a 1 MB buffer.
final class CSVUit {
    let pad: String
    let bestand: UnsafeMutablePointer<FILE>
    var buffer: [UInt8] = []

    init(_ pad: String, kop: String) throws {
        guard let f = fopen(pad, "w") else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: pad]) }
        self.pad = pad; bestand = f
        buffer.reserveCapacity(1 << 20)
        regel(kop)
    }

    func regel(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { leeg() }
    }

    func leeg() {
        buffer.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, bestand) }
        buffer.removeAll(keepingCapacity: true)
    }

    func sluit() throws {
        leeg()
        let fout = ferror(bestand) != 0
        fclose(bestand)
        if fout { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: pad]) }
    }
}

extension Array where Element == Double {
    /// First index whose value satisfies `p`, for an ascending array and a monotone predicate.
    func partitioningIndex(where p: (Double) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi { let mid = (lo + hi) / 2; if p(self[mid]) { hi = mid } else { lo = mid + 1 } }
        return lo
    }
}
