/// VERSNELLING: a client's monthly cost far above its own recent level, or, for a client without recent cost, far
/// above the municipality's recent cost per client per month.
public struct Versnelling: Signaalregel {
    public init() {}
    public let code = "VERSNELLING"
    public let omschrijving = "Maandkosten van een cliënt ver boven het eigen recente niveau of (nieuwe cliënt) dat van de gemeente"
    public let parameters = [
        Regelparameter("factor_client", .procent, .getal(200), "maandkosten boven dit percentage van het eigen gemiddelde"),
        Regelparameter("factor_gemeente", .procent, .getal(1000), "zonder eigen kosten: boven dit percentage van het gemeentegemiddelde per cliënt"),
        Regelparameter("historie_maanden", .maanden, .getal(6), "maanden vóór de beoordeelde maand die het recente niveau bepalen"),
        Regelparameter("minimum_stijging", .euro, .euro(Euro(euro: 10_000)), "en minstens zoveel boven dat niveau (per maand)"),
        Regelparameter("vertraging_maanden", .maanden, .getal(1), "de laatste zoveel maanden vóór de peildatum niet beoordelen (declaraties komen laat)"),
        Regelparameter("terugkijken_maanden", .maanden, .getal(12), "aantal beoordeelde maanden"),
    ]

    struct Sprong { let maand: Maand; let kosten: Euro; let niveau: Euro; let vanGemeente: Bool }

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let factorClient = w.getal("factor_client"), factorGemeente = w.getal("factor_gemeente")
        let h = max(1, w.dagen("historie_maanden")), minimum = w.euro("minimum_stijging")
        let laatste = c.peildatum.maand + (-w.dagen("vertraging_maanden"))
        let eerste = laatste + (1 - max(1, w.dagen("terugkijken_maanden")))
        // a run of high months that began before the window keeps the key of its first month
        let begin = eerste + (-12)

        // the municipality's level: mean cost per client-month with cost, per month (once for all parts of a run)
        let gemeenteSom: [String: [Int: (Euro, Int)]] = c.gemeentekosten.eenmaal("\(code)|\(begin.index)|\(h)|\(laatste.index)") {
            var gemeenteSom: [String: [Int: (Euro, Int)]] = [:]
            for (gc, perMaand) in c.gemeentekosten.perClient {
                for (m, e) in perMaand where e.centen > 0 && m >= begin.index - h && m < laatste.index {
                    let oud = gemeenteSom[gc.gemeente, default: [:]][m] ?? (.nul, 0)
                    gemeenteSom[gc.gemeente, default: [:]][m] = (oud.0 + e, oud.1 + 1)
                }
            }
            return gemeenteSom
        }
        func gemeenteNiveau(_ g: String, _ m: Maand) -> Euro? {
            var som = Euro.nul, n = 0
            for i in (m.index - h)..<m.index { if let x = gemeenteSom[g]?[i] { som += x.0; n += x.1 } }
            return n > 0 ? som.maal(1, gedeeldDoor: Int64(n)) : nil
        }

        var uit: [Signaal] = []
        for (gc, perMaand) in c.kostenPerMaand {
            guard perMaand.contains(where: { $0.key >= begin.index && $0.key <= laatste.index && $0.value >= minimum }) else { continue }
            var sprongen: [Sprong?] = []
            var m = begin
            while m <= laatste {
                let kosten = perMaand[m.index] ?? .nul
                var sprong: Sprong? = nil
                if kosten >= minimum {
                    var som = Euro.nul, n = 0
                    for i in (m.index - h)..<m.index { if let e = perMaand[i], e.centen > 0 { som += e; n += 1 } }
                    if n > 0 {
                        let niveau = som.maal(1, gedeeldDoor: Int64(n))
                        if kosten.centen * 100 > factorClient * niveau.centen && kosten - niveau >= minimum {
                            sprong = Sprong(maand: m, kosten: kosten, niveau: niveau, vanGemeente: false)
                        }
                    } else if let niveau = gemeenteNiveau(gc.gemeente, m),
                              kosten.centen * 100 > factorGemeente * niveau.centen && kosten - niveau >= minimum {
                        sprong = Sprong(maand: m, kosten: kosten, niveau: niveau, vanGemeente: true)
                    }
                }
                sprongen.append(sprong)
                m = m + 1
            }
            // consecutive high months are one signal, named after the first
            var i = 0
            while i < sprongen.count {
                guard let eersteSprong = sprongen[i] else { i += 1; continue }
                var j = i
                while j + 1 < sprongen.count, sprongen[j + 1] != nil { j += 1 }
                let reeks = sprongen[i...j].compactMap { $0 }
                let slot = reeks.last!.maand
                if slot >= eerste { uit.append(signaal(c, gc, eersteSprong, slot: slot, hoogste: reeks.map(\.kosten).max()!, h: h)) }
                i = j + 1
            }
        }
        return (uit, eerste.eersteDag)
    }

    func signaal(_ c: Signaalcontext, _ gc: GemeenteClient, _ s: Sprong, slot: Maand, hoogste: Euro, h: Int) -> Signaal {
        let (agb, perceel, _) = Kostenverdeling.grootste(c, gc, van: s.maand, tot: slot)
        let factor = Tabel.decimaal(Double(s.kosten.centen) / Double(max(1, s.niveau.centen)), 1).replacing(".", with: ",")
        let basis = s.vanGemeente
            ? "gemiddeld \(Tekst.euro(s.niveau)) per cliënt per maand in \(c.gemeenteNaam(gc.gemeente)) in de \(h) maanden ervoor (geen eigen kosten)"
            : "eigen gemiddelde \(Tekst.euro(s.niveau)) per maand met kosten in de \(h) maanden ervoor"
        let verder = slot > s.maand ? "; hoog gebleven t/m \(slot.naam)" : ""
        return Signaal(regel: code, sleutel: Signaal.sleutel(code, gc.gemeente, gc.client, s.maand.description),
                       gemeentecode: gc.gemeente, client: gc.client, agb: agb, perceel: perceel, bedrag: hoogste,
                       van: s.maand.eersteDag, tot: slot.laatsteDag, peildag: slot.laatsteDag,
                       toelichting: "Kosten \(s.maand.naam) \(Tekst.euro(s.kosten)), \(basis): factor \(factor)\(verder).")
    }
}
