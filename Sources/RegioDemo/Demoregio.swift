import RegioCore

/// Generates a synthetic region (calibrated to Regio Amersfoort, 2016-2020) as canonical CSV files.
/// Not a fixture: a component with its own rules, so every later figure has realistic data to run on.
public struct Demoregio {
    public let seed: UInt64
    public let jaren: ClosedRange<Int>
    /// The day the data was extracted: later requests, allocations and declarations are not known yet.
    public let stand: Dag
    /// Client numbers ("K000123") in a `clientnummer` column instead of synthetic BSNs: for files on disk, where no BSN
    /// may go (a synthetic BSN passes the elfproef, so it may be a real person's). The region is the same either way.
    public let clientnummers: Bool

    public init(seed: UInt64 = 1, jaren: ClosedRange<Int> = 2016...2020, stand: Dag? = nil, clientnummers: Bool = false) {
        self.seed = seed
        self.jaren = jaren
        self.clientnummers = clientnummers
        self.stand = stand ?? Dag(jaar: jaren.upperBound + 1, maand: 3, dag: 31)!
    }

    /// The day the region is generated up to: at least three months after its last year, so that an earlier `stand`
    /// is the same region cut off on that day (what was known then), not another draw.
    var trekking: Dag { max(stand, Dag(jaar: jaren.upperBound + 1, maand: 3, dag: 31)!) }

    /// File name -> CSV text, in import order.
    public func bestanden() -> [(naam: String, inhoud: String)] {
        var k = Kansen(seed: seed)
        var uit = Uitvoer()
        referentie(&uit)
        let aanbieders = aanbiedersKiezen(&k, &uit)
        zorg(&k, aanbieders, &uit)
        if stand < trekking { uit.knip(op: stand) }
        return uit.alsBestanden()
    }

    func referentie(_ uit: inout Uitvoer) {
        uit.gemeenten.append("gemeentecode,naam")
        uit.cijfers.append("gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd,ses,wijkteam_fte,eenoudergezinnen,lage_inkomens")
        for g in Catalogus.gemeenten {
            uit.gemeenten.append("GM\(g.code),\(g.naam)")
            for jaar in jaren {
                let groei = 1 + 0.006 * Double(jaar - 2017) * (g.code == "0307" ? 1.6 : 1.0)
                let inwoners = Int((Double(g.inwoners) * groei).rounded())
                let jeugdigen = Int((Double(inwoners) * g.pctJeugd / 100).rounded())
                // regional macro-budget ~EUR 56 mln in 2016, +3% a year, split by the key share
                let macro = Int64((56_000_000.0 * pow103(jaar - 2016) * g.sleutel).rounded())
                uit.cijfers.append("\(g.code),\(jaar),\(inwoners),\(jeugdigen),\(macro),\(g.ses),\(g.fte),\(g.eenouder),\(g.laagInkomen)")
            }
        }
        uit.percelen.append("perceel,naam,segment,verevend,bekostiging")
        for p in Catalogus.percelen + [Catalogus.veiligThuis] {
            uit.percelen.append("\(p.code),\(csv(p.naam)),\(p.segment),\(p.verevend ? "ja" : "nee"),\(p.bekostiging!.rawValue)")
        }
        uit.producten.append("productcode,productcategorie,perceel,omschrijving,eenheid,tarief,jaar")
        for z in Catalogus.zorgsoorten {
            for jaar in (jaren.lowerBound - 4)...jaren.upperBound {
                // tariffs indexed 2% a year
                let tarief = Euro(centen: z.tariefCent).maal(Int64((pow102(jaar - 2018) * 10_000).rounded()), gedeeldDoor: 10_000)
                uit.producten.append("\(z.code),\(z.categorie),\(z.perceel),\(csv(z.omschrijving)),\(z.eenheid),\(tarief.machineTekst),\(jaar)")
            }
        }
    }

    /// Providers per care kind; a few large ones and a long tail (Zipf-like weights).
    func aanbiedersKiezen(_ k: inout Kansen, _ uit: inout Uitvoer) -> [[(agb: String, gewicht: Double)]] {
        uit.aanbieders.append("agb,naam")
        var perSoort: [[(String, Double)]] = []
        var volgnummer = 0
        var bestaande: [String] = []
        var bsa: [String] = []
        for z in Catalogus.zorgsoorten {
            var lijst: [(String, Double)] = []
            for i in 0..<z.aanbieders {
                let agb: String
                if z.perceel == "BSA" {
                    volgnummer += 1
                    agb = "7500" + pad(volgnummer, 4)
                    uit.aanbieders.append("\(agb),BSA \(Catalogus.aanbiedersnamen[i])")
                    bsa.append(agb)
                } else if !bestaande.isEmpty && k.kans(0.2) {
                    agb = bestaande[k.geheel(0...(bestaande.count - 1))]  // some providers deliver several products
                } else {
                    volgnummer += 1
                    agb = "7500" + pad(volgnummer, 4)
                    let naam = Catalogus.aanbiedersvormen[k.geheel(0...(Catalogus.aanbiedersvormen.count - 1))] + " "
                        + Catalogus.aanbiedersnamen[k.geheel(0...(Catalogus.aanbiedersnamen.count - 1))] + " \(volgnummer)"
                    uit.aanbieders.append("\(agb),\(naam)")
                    bestaande.append(agb)
                }
                lijst.append((agb, 1.0 / Double(i + 1)))
            }
            perSoort.append(lijst)
        }
        // the certified institution and its subcontractors (seed 004): the providers only of SAVE's kinds get names
        // that say so (after every draw, so nothing else moves)
        var alleenSave: [String] = [], anders = Set<String>()
        for (z, lijst) in zip(Catalogus.zorgsoorten, perSoort) {
            for (agb, _) in lijst {
                if Catalogus.subsidie.contains(z.perceel) { if !alleenSave.contains(agb) { alleenSave.append(agb) } } else { anders.insert(agb) }
            }
        }
        for (i, agb) in alleenSave.filter({ !anders.contains($0) }).enumerated() {
            let naam = i < Catalogus.gecertificeerd.count ? Catalogus.gecertificeerd[i] : "Gecertificeerde instelling \(i + 1)"
            if let r = uit.aanbieders.firstIndex(where: { $0.hasPrefix(agb + ",") }) { uit.aanbieders[r] = "\(agb),\(naam)" }
        }
        uit.aanbieders.append("\(Catalogus.veiligThuisAGB),Veilig Thuis regio Utrecht")
        return perSoort.map { $0.map { (agb: $0.0, gewicht: $0.1) } }
    }
}

// Text and index helpers shared by the regional and the national generator.
func pow103(_ n: Int) -> Double { (0..<abs(n)).reduce(1.0) { a, _ in n >= 0 ? a * 1.03 : a / 1.03 } }
func pow102(_ n: Int) -> Double { (0..<abs(n)).reduce(1.0) { a, _ in n >= 0 ? a * 1.02 : a / 1.02 } }
func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
/// The number a provider gives the declaration it submits on one day.
func declaratienummer(_ agb: String, _ ingediend: Dag) -> String { "D\(agb)-\(ingediend.description.replacing("-", with: ""))" }
/// A line's status on `stand`: rejected, approved once 45 days have passed since submission, else still submitted.
func declaratiestatus(ingediend: Dag, stand: Dag, afgewezen: Bool) -> String {
    afgewezen ? "afgewezen" : (stand - ingediend > 45 ? "toegekend" : "ingediend")
}
/// When a line for care ending on `tot` is submitted: 55% within a month, most of the rest within two or six months, a
/// tail up to a year and, with `anderhalfJaar`, 1% up to a year and a half; then whether it is rejected (1%), its
/// status on `stand` and its declaration number. Nil, without further draws, when it is submitted after `stand`.
func indiening(_ k: inout Kansen, tot: Dag, stand: Dag, agb: String, anderhalfJaar: Bool)
    -> (op: Dag, afgewezen: Bool, status: String, nummer: String)? {
    let r = k.uniform()
    let op = tot + (r < 0.55 ? k.geheel(5...30) : r < 0.82 ? k.geheel(31...60) : r < 0.94 ? k.geheel(61...180)
        : !anderhalfJaar || r < 0.99 ? k.geheel(181...365) : k.geheel(366...540))
    guard op <= stand else { return nil }
    let afgewezen = k.kans(0.01)
    return (op, afgewezen, declaratiestatus(ingediend: op, stand: stand, afgewezen: afgewezen), declaratienummer(agb, op))
}
/// One line of the CSV kind `declaraties`: `eenheden` of care of kind `z` at `tarief`, debit (D) or credit (C).
func declaratieregel(_ nummer: String, ref: String, toewijzing: String, client: String, gemeente: String, agb: String,
                     _ z: Catalogus.Zorgsoort, van: Dag, tot: Dag, eenheden: Int64, tarief: Euro, _ dc: String, status: String,
                     ingediend: Dag) -> String {
    "\(nummer),\(ref),\(toewijzing),\(client),\(gemeente),\(agb),\(z.categorie),\(z.code),\(van),\(tot),\(eenheden),\(z.eenheid),"
        + "\(tarief.machineTekst),\((tarief * eenheden).machineTekst),\(dc),\(status),\(ingediend)"
}
func csv(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s }
