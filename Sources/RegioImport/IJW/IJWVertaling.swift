import RegioCore

/// Translates a validated message tree into domain values, with the checks that need only the message itself:
/// BSN elfproef, date order, totals against lines, unique ReferentieNummer, ProductPeriode within DeclaratiePeriode,
/// amount = volume x tariff, StatusAanlevering, Dagtekening not in the future. BSNs become pseudonyms here.
struct IJWVertaling {
    let bestand: String
    let pseudonimiseerder: Pseudonimiseerder
    var fouten: [IJWFout] = []

    static func vertaal(_ wortel: IJWKnoop, soort: IJWBerichtsoort, bestand: String, pseudonimiseerder: Pseudonimiseerder,
                        vandaag: Dag?) -> IJWBericht? {
        var v = IJWVertaling(bestand: bestand, pseudonimiseerder: pseudonimiseerder)
        guard let h = wortel["Header"], let afzender = h.tekst("Afzender"), let ontvanger = h.tekst("Ontvanger"),
              let id = h.tekst("BerichtIdentificatie", "Identificatie"),
              let dagtekening = dag(h.tekst("BerichtIdentificatie", "Dagtekening")) else { return nil }
        let kop = IJWKop(soort: soort, afzender: afzender, ontvanger: ontvanger, identificatie: id, dagtekening: dagtekening)
        if let vandaag, dagtekening > vandaag {
            v.fout(plaats(h, "BerichtIdentificatie/Dagtekening"), .dagtekeningToekomst,
                   "Dagtekening \(dagtekening) ligt na vandaag (\(vandaag))")
        }
        let inhoud: IJWBericht.Inhoud
        switch soort {
        case .jw315: inhoud = .verzoeken(v.verzoeken(wortel, kop))
        case .jw301: inhoud = .toewijzingen(v.toewijzingen(wortel, kop))
        case .jw305: inhoud = .starts(v.starts(wortel))
        case .jw307: inhoud = .stops(v.stops(wortel))
        case .jw323:
            guard let d = v.declaratie(wortel, kop) else { return nil }
            inhoud = .declaratie(d)
        case .jw325:
            guard let a = v.antwoord(wortel, kop) else { return nil }
            inhoud = .antwoord(a)
        default: return nil
        }
        var kopregels: [String: Int] = [:]
        func regels(_ k: IJWKnoop) {
            kopregels[String(k.pad.dropFirst("Header/".count))] = k.regel
            k.kinderen.forEach(regels)
        }
        h.kinderen.forEach(regels)
        return IJWBericht(bestand: bestand, kop: kop, inhoudHash: hash(wortel), inhoud: inhoud, fouten: v.fouten, kopregels: kopregels)
    }

    // MARK: helpers

    mutating func fout(_ p: Plaats, _ regel: IJWRegel, _ reden: String) {
        fouten.append(IJWFout(bestand: bestand, regelnummer: p.regel, pad: p.pad, regel: regel, reden: reden))
    }

    static func plaats(_ k: IJWKnoop) -> Plaats { Plaats(pad: k.pad, regel: k.regel) }
    static func plaats(_ k: IJWKnoop, _ deel: String) -> Plaats { plaats(k).en(deel) }

    static func dag(_ s: String?) -> Dag? {
        guard let s, case .geldig(let d) = Simpeltype.datum(s) else { return nil }
        return d
    }

    /// xs:integer values ("0010072") in their canonical form ("10072"), so one number has one key.
    static func nummer(_ s: String?) -> String? { s.flatMap(Simpeltype.geheelGetal).map { String($0) } }
    static func getal(_ s: String?) -> Int64? { s.flatMap(Simpeltype.geheelGetal) }

    /// Cents with sign from a CDT_BedragMetDC / CDT_TotaalBedragMetDC: debit positive, credit negative.
    static func bedragMetDC(_ k: IJWKnoop?, _ veld: String) -> Int64? {
        guard let k, let b = getal(k.tekst(veld)), let dc = k.tekst("DebetCredit") else { return nil }
        return dc == "C" ? -b : b
    }

    /// The client's pseudonym; an invalid BSN is reported (never repeated) and gives an empty client.
    mutating func client(_ clientKnoop: IJWKnoop) -> ClientID {
        guard let bsn = clientKnoop.tekst("Bsn") else { return "" }
        guard BSN.isGeldig(bsn) else {
            fout(Self.plaats(clientKnoop, "Bsn"), .bsnElfproef, "Bsn voldoet niet aan de elfproef")
            return ""
        }
        return pseudonimiseerder.pseudoniem(bsn: bsn)
    }

    /// Bounds (`Grenzen`, the same as for CSV) on a translated record; `elementen` names the element of each field,
    /// below `p` or, starting with "/", from the message's root.
    mutating func grenzen<T>(_ x: T, _ p: Plaats, _ elementen: [String: String], _ controleer: (T, (Grenzen.Fout) -> Void) -> Void) {
        var fouten: [Grenzen.Fout] = []
        controleer(x) { fouten.append($0) }
        for f in fouten {
            let e = elementen[f.veld] ?? f.veld
            fout(e.hasPrefix("/") ? Plaats(pad: String(e.dropFirst()), regel: p.regel) : p.en(e), .buitenGrenzen, f.reden)
        }
    }

    /// A date of a start or stop within `Grenzen`.
    mutating func grenzen(_ d: Dag, _ p: Plaats, _ element: String) {
        if let r = Grenzen.dag(d) { fout(p.en(element), .buitenGrenzen, r) }
    }

    mutating func volgorde(_ van: Dag?, _ tot: Dag?, _ p: Plaats, _ naamVan: String, _ naamTot: String) {
        if let van, let tot, tot < van { fout(p.en(naamTot), .datumvolgorde, "\(naamTot) \(tot) ligt voor \(naamVan) \(van)") }
    }

    static func hash(_ wortel: IJWKnoop) -> Int64 {
        var h: UInt64 = 0xcbf29ce484222325
        func voeg(_ s: String) { for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }; h = (h ^ 0xff) &* 0x100000001b3 }
        func loop(_ k: IJWKnoop) {
            voeg(k.pad)
            if let w = k.waarde { voeg(w) }
            k.kinderen.forEach(loop)
        }
        loop(wortel)
        return Int64(bitPattern: h)
    }

    // MARK: JW315, JW301

    mutating func verzoeken(_ w: IJWKnoop, _ kop: IJWKop) -> [IJWBericht.Item<Verzoek>] {
        guard let c = w["Client"] else { return [] }
        let client = client(c)
        let geboren = Self.dag(c.tekst("Geboortedatum", "Datum"))
        return (c["AangevraagdeProducten"]?.alle("AangevraagdProduct") ?? []).compactMap { p in
            let plaats = Self.plaats(p)
            guard let ref = p.tekst("ReferentieAanbieder"), let van = Self.dag(p.tekst("ToewijzingIngangsdatum")) else { return nil }
            let tot = Self.dag(p.tekst("ToewijzingEinddatum"))
            volgorde(van, tot, plaats, "ToewijzingIngangsdatum", "ToewijzingEinddatum")
            let verwijzer = p["Verwijzer"]
            let v = Verzoek(verzoeknummer: kop.afzender + "-" + ref, client: client, gemeentecode: kop.ontvanger,
                            agb: kop.afzender, productcategorie: p.tekst("Product", "Categorie") ?? "",
                            productcode: p.tekst("Product", "Code"), ingangsdatum: van, einddatum: tot,
                            volume: Self.getal(p.tekst("Omvang", "Volume")), eenheid: p.tekst("Omvang", "Eenheid"),
                            frequentie: p.tekst("Omvang", "Frequentie").flatMap(Frequentie.init(rawValue:)),
                            verwijzer: verwijzer?.tekst("Type").flatMap(Verwijzer.init(rawValue:)),
                            verwijzerNaam: verwijzer?.tekst("Naam") ?? verwijzer?.tekst("ZorgverlenerCode"),
                            geboortedatum: geboren, ontvangenOp: kop.dagtekening)
            grenzen(v, plaats, ["ingangsdatum": "ToewijzingIngangsdatum", "einddatum": "ToewijzingEinddatum", "volume": "Omvang/Volume",
                                "geboortedatum": "/Client/Geboortedatum/Datum", "ontvangen_op": "/Header/BerichtIdentificatie/Dagtekening"],
                    Grenzen.controleer)
            return .init(waarde: v, plaats: plaats)
        }
    }

    mutating func toewijzingen(_ w: IJWKnoop, _ kop: IJWKop) -> [IJWBericht.Item<Toewijzing>] {
        guard let c = w["Client"] else { return [] }
        let client = client(c)
        let geboren = Self.dag(c.tekst("Geboortedatum", "Datum"))
        return (c["ToegewezenProducten"]?.alle("ToegewezenProduct") ?? []).compactMap { p in
            let plaats = Self.plaats(p)
            guard let nr = Self.nummer(p.tekst("ToewijzingNummer")), let datum = Self.dag(p.tekst("Toewijzingsdatum")),
                  let van = Self.dag(p.tekst("Ingangsdatum")) else { return nil }
            let tot = Self.dag(p.tekst("Einddatum"))
            volgorde(van, tot, plaats, "Ingangsdatum", "Einddatum")
            let t = Toewijzing(toewijzingnummer: nr, client: client, gemeentecode: kop.afzender, agb: kop.ontvanger,
                               productcategorie: p.tekst("Product", "Categorie") ?? "", productcode: p.tekst("Product", "Code"),
                               ingangsdatum: van, einddatum: tot, volume: Self.getal(p.tekst("Omvang", "Volume")),
                               eenheid: p.tekst("Omvang", "Eenheid"),
                               frequentie: p.tekst("Omvang", "Frequentie").flatMap(Frequentie.init(rawValue:)),
                               budget: Self.getal(p.tekst("Budget")).map { Euro(centen: $0) },
                               verzoeknummer: p.tekst("ReferentieAanbieder").map { kop.ontvanger + "-" + $0 },
                               geboortedatum: geboren, redenWijziging: p.tekst("RedenWijziging"), toewijzingsdatum: datum)
            grenzen(t, plaats, ["ingangsdatum": "Ingangsdatum", "einddatum": "Einddatum", "volume": "Omvang/Volume", "budget": "Budget",
                                "geboortedatum": "/Client/Geboortedatum/Datum", "toewijzingsdatum": "Toewijzingsdatum"],
                    Grenzen.controleer)
            return .init(waarde: t, plaats: plaats)
        }
    }

    // MARK: JW305, JW307

    mutating func startregel(_ p: IJWKnoop, client: ClientID) -> IJWBericht.Startregel? {
        guard let begin = Self.dag(p.tekst("Begindatum")), let status = p.tekst("StatusAanlevering") else { return nil }
        grenzen(begin, Self.plaats(p), "Begindatum")
        if status == "2" || status == "9" {
            fout(Self.plaats(p, "StatusAanlevering"), .statusAanlevering,
                 "StatusAanlevering \(status) wordt niet gebruikt: 1 (eerste aanlevering) of 3 (verwijderen)")
        }
        return IJWBericht.Startregel(toewijzingnummer: Self.nummer(p.tekst("ToewijzingNummer")),
                                     categorie: p.tekst("Product", "Categorie"), code: p.tekst("Product", "Code"),
                                     toewijzingIngangsdatum: Self.dag(p.tekst("ToewijzingIngangsdatum")), begindatum: begin,
                                     status: status, client: client, plaats: Self.plaats(p))
    }

    mutating func starts(_ w: IJWKnoop) -> [IJWBericht.Startregel] {
        guard let c = w["Client"] else { return [] }
        let client = client(c)
        return (c["StartProducten"]?.alle("StartProduct") ?? []).compactMap { startregel($0, client: client) }
    }

    mutating func stops(_ w: IJWKnoop) -> [IJWBericht.Stopregel] {
        guard let c = w["Client"] else { return [] }
        let client = client(c)
        return (c["StopProducten"]?.alle("StopProduct") ?? []).compactMap { p in
            guard let start = startregel(p, client: client), let reden = p.tekst("RedenBeeindiging"),
                  let eind = Self.dag(p.tekst("Einddatum")) else { return nil }
            volgorde(start.begindatum, eind, start.plaats, "Begindatum", "Einddatum")
            grenzen(eind, start.plaats, "Einddatum")
            return IJWBericht.Stopregel(start: start, redenBeeindiging: reden, einddatum: eind)
        }
    }

    // MARK: JW323, JW325

    /// A prestatie as a declaration line (JW323 and the repeated lines of a JW325 share the layout). TR346 is a JW323
    /// rule; in a JW325 a differing amount is a difference with the declaration (9367).
    mutating func prestatie(_ p: IJWKnoop, declaratienummer: String, client: ClientID, kop: IJWKop, agb: String,
                            gemeente: String, ingediendOp: Dag) -> (Declaratieregel, String?)? {
        let plaats = Self.plaats(p)
        guard let ref = p.tekst("ProductReferentie", "ReferentieNummer"), let tw = Self.nummer(p.tekst("ToewijzingNummer")),
              let cat = p.tekst("ProductCategorie"), let code = p.tekst("ProductCode"),
              let van = Self.dag(p.tekst("ProductPeriode", "Begindatum")), let tot = Self.dag(p.tekst("ProductPeriode", "Einddatum")),
              let volume = Self.getal(p.tekst("GeleverdVolume")), let eenheid = p.tekst("Eenheid"),
              let bedrag = Self.getal(p.tekst("IngediendBedrag", "Bedrag")), let dc = p.tekst("IngediendBedrag", "DebetCredit")
        else { return nil }
        volgorde(van, tot, plaats.en("ProductPeriode"), "Begindatum", "Einddatum")
        let tarief = Self.getal(p.tekst("ProductTarief"))
        if kop.soort == .jw323, let tarief, eenheid != "83", volume * tarief != bedrag {
            fout(plaats.en("IngediendBedrag/Bedrag"), .bedragVolumeTarief,
                 "IngediendBedrag \(bedrag) is niet GeleverdVolume \(volume) x ProductTarief \(tarief) = \(volume * tarief) (eurocent)")
        }
        let regel = Declaratieregel(declaratienummer: declaratienummer, referentienummer: ref, toewijzingnummer: tw, client: client,
                                    gemeentecode: gemeente, agb: agb, productcategorie: cat, productcode: code, begindatum: van,
                                    einddatum: tot, volume: volume, eenheid: eenheid, tarief: tarief.map { Euro(centen: $0) },
                                    bedrag: Euro(centen: bedrag), debetCredit: dc == "C" ? .credit : .debet, ingediendOp: ingediendOp)
        grenzen(regel, plaats, ["begindatum": "ProductPeriode/Begindatum", "einddatum": "ProductPeriode/Einddatum", "volume": "GeleverdVolume",
                                "tarief": "ProductTarief", "bedrag": "IngediendBedrag/Bedrag",
                                "ingediend_op": kop.soort == .jw323 ? "/Declaratie/DeclaratieDagtekening" : "/Header/BerichtIdentificatie/Dagtekening"],
                Grenzen.controleer)
        return (regel, p.tekst("ProductReferentie", "VorigReferentieNummer"))
    }

    mutating func declaratie(_ w: IJWKnoop, _ kop: IJWKop) -> IJWBericht.Declaratie? {
        guard let d = w["Declaratie"], let nr = d.tekst("DeclaratieNummer"),
              let van = Self.dag(d.tekst("DeclaratiePeriode", "Begindatum")), let tot = Self.dag(d.tekst("DeclaratiePeriode", "Einddatum")),
              let dagtekening = Self.dag(d.tekst("DeclaratieDagtekening")) else { return nil }
        let plaats = Self.plaats(d)
        volgorde(van, tot, plaats.en("DeclaratiePeriode"), "Begindatum", "Einddatum")
        let declaratienummer = kop.afzender + "-" + nr
        var prestaties: [IJWBericht.Prestatie] = []
        var referenties: [String: String] = [:]
        var som: Int64 = 0
        for c in d["Clienten"]?.alle("Client") ?? [] {
            let client = client(c)
            for p in c["Prestaties"]?.alle("Prestatie") ?? [] {
                guard let (regel, vorig) = prestatie(p, declaratienummer: declaratienummer, client: client, kop: kop,
                                                     agb: kop.afzender, gemeente: kop.ontvanger, ingediendOp: dagtekening) else { continue }
                let pp = Self.plaats(p)
                som += regel.debetCredit == .credit ? -regel.bedrag.centen : regel.bedrag.centen
                if regel.begindatum < van || regel.einddatum > tot {
                    fout(pp.en("ProductPeriode"), .buitenDeclaratieperiode,
                         "ProductPeriode \(regel.begindatum) t/m \(regel.einddatum) valt niet binnen DeclaratiePeriode \(van) t/m \(tot)")
                }
                if let eerder = referenties[regel.referentienummer] {
                    fout(pp.en("ProductReferentie/ReferentieNummer"), .referentienummerUniek,
                         "ReferentieNummer '\(regel.referentienummer)' komt twee keer voor in deze declaratie (ook in \(eerder))")
                    continue
                }
                referenties[regel.referentienummer] = pp.pad
                prestaties.append(IJWBericht.Prestatie(regel: regel, vorigReferentienummer: vorig, plaats: pp))
            }
        }
        if let totaal = Self.bedragMetDC(d["TotaalIngediendBedrag"], "TotaalBedrag"), totaal != som {
            fout(plaats.en("TotaalIngediendBedrag"), .totaalbedrag,
                 "TotaalIngediendBedrag \(Self.metDC(totaal)) is niet de som van de prestaties (\(Self.metDC(som)))")
        }
        return IJWBericht.Declaratie(declaratienummer: declaratienummer, plaats: plaats, prestaties: prestaties)
    }

    static func metDC(_ centen: Int64) -> String { "\(centen.magnitude) \(centen < 0 ? "C" : "D")" }

    mutating func antwoord(_ w: IJWKnoop, _ kop: IJWKop) -> IJWBericht.Antwoord? {
        guard let h = w["Header"], let id = h.tekst("DeclaratieIdentificatie", "Identificatie"),
              let idDag = Self.dag(h.tekst("DeclaratieIdentificatie", "Dagtekening")) else { return nil }
        let kopCodes = h["RetourCodes"]?.alle("RetourCode").compactMap(\.waarde) ?? []
        guard let a = w["DeclaratieAntwoord"], let nr = a.tekst("DeclaratieNummer") else {
            return IJWBericht.Antwoord(declaratieIdentificatie: id, declaratieDagtekening: idDag, kopRetourcodes: kopCodes,
                                       declaratienummer: nil, totaalIngediend: nil, prestaties: [], plaats: Self.plaats(h))
        }
        let declaratienummer = kop.ontvanger + "-" + nr
        var prestaties: [IJWBericht.Antwoordprestatie] = []
        for c in a["Clienten"]?.alle("Client") ?? [] {
            let client = client(c)
            let clientCodes = c["RetourCodes"]?.alle("RetourCode").compactMap(\.waarde) ?? []
            for p in c["Prestaties"]?.alle("Prestatie") ?? [] {
                guard let (regel, _) = prestatie(p, declaratienummer: declaratienummer, client: client, kop: kop,
                                                 agb: kop.ontvanger, gemeente: kop.afzender, ingediendOp: kop.dagtekening) else { continue }
                let codes = p["RetourCodes"]?.alle("RetourCode").compactMap(\.waarde) ?? []
                let afgewezen = (codes + clientCodes).contains { !goedkeurendeRetourcodes.contains($0) }
                prestaties.append(IJWBericht.Antwoordprestatie(regel: regel, retourcodes: codes, afgewezen: afgewezen,
                                                               plaats: Self.plaats(p)))
            }
        }
        let ingediend = Self.bedragMetDC(a["TotaalIngediendBedrag"], "TotaalBedrag")
        if let ingediend, let toegekend = Self.bedragMetDC(a["TotaalToegekendBedrag"], "TotaalBedrag") {
            let afgewezen = prestaties.filter(\.afgewezen)
                .map { $0.regel.debetCredit == .credit ? -$0.regel.bedrag.centen : $0.regel.bedrag.centen }.reduce(0, +)
            if ingediend - afgewezen != toegekend {
                fout(Self.plaats(a, "TotaalToegekendBedrag"), .totaalbedrag,
                     "TotaalToegekendBedrag \(Self.metDC(toegekend)) is niet TotaalIngediendBedrag \(Self.metDC(ingediend)) "
                     + "min de afgewezen prestaties (\(Self.metDC(afgewezen)))")
            }
        }
        return IJWBericht.Antwoord(declaratieIdentificatie: id, declaratieDagtekening: idDag, kopRetourcodes: kopCodes,
                                   declaratienummer: declaratienummer, totaalIngediend: ingediend, prestaties: prestaties,
                                   plaats: Self.plaats(a))
    }
}
