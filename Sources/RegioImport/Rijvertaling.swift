import RegioCore
import RegioStore

/// What a row may refer to: the store's keys plus what earlier files of the same import added.
struct Referenties {
    var gemeenten: Set<String> = []
    var aanbieders: Set<String> = []
    /// Lot codes as written, by their folded form (A-Z as a-z): a code differing only in case is the same lot.
    var percelen: [String: String] = [:]
    /// "categorie|code"
    var producten: Set<String> = []
    var toewijzingen = Toewijzingskaart()

    mutating func neemOp(_ rij: Rij) {
        let s = rij.waarden.first?.tekst ?? ""
        switch rij.soort {
        case .gemeenten: gemeenten.insert(s)
        case .aanbieders: aanbieders.insert(s)
        case .percelen: percelen[Toewijzingskaart.gevouwen(s)] = s
        case .producten: producten.insert(s + "|" + (rij.waarden[1].tekst ?? ""))
        default: break
        }
    }

    /// The known lot for a code, as it was first written; nil when unknown.
    func perceel(_ code: String) -> String? { percelen[Toewijzingskaart.gevouwen(code)] }
}

/// Turns one validated CSV record into a row of its kind.
struct Rijvertaling {
    let soort: Soort
    let pseudonimiseerder: Pseudonimiseerder
    let ref: Referenties
    let cache: Pseudoniemcache

    func vertaal(_ r: inout Rijlezer) -> Rij? {
        r.controleerLengtes()
        switch soort {
        case .gemeenten:
            let code = r.gemeente(), naam = r.verplicht("naam")
            guard let code, let naam, r.fouten.isEmpty else { return nil }
            return Codering.rij(Gemeente(code: code, naam: naam))
        case .gemeentecijfers:
            let code = bekendeGemeente(&r), jaar = r.jaar("jaar", verplicht: true)
            let inw = r.geheel("inwoners", verplicht: true), jeugd = r.geheel("jeugdigen", verplicht: true)
            let macro = r.euro("macrobudget_jeugd", verplicht: true)
            let ses = r.decimaal("ses"), fte = r.decimaal("wijkteam_fte")
            let eenouder = r.decimaal("eenoudergezinnen"), laag = r.decimaal("lage_inkomens")
            if let inw, let jeugd, jeugd > inw { r.fout("jeugdigen", "meer jeugdigen (\(jeugd)) dan inwoners (\(inw))") }
            guard let code, let jaar, let inw, let jeugd, let macro, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Gemeentecijfers(gemeentecode: code, jaar: jaar, inwoners: inw, jeugdigen: jeugd,
                                                 macrobudgetJeugd: macro, ses: ses, wijkteamFte: fte, eenoudergezinnen: eenouder,
                                                 lageInkomens: laag), &r, Grenzen.controleer, Codering.rij)
        case .percelen:
            let code = r.sleutel("perceel"), naam = r.verplicht("naam"), segment = r.verplicht("segment")
            if let code, let bekend = ref.perceel(code), bekend != code {
                r.fout("perceel", "'\(code)' verschilt alleen in hoofdletters van het bekende perceel '\(bekend)'")
            }
            let verevend = r.janee("verevend")
            var bek: Bekostigingsvorm?
            if let b = r.tekst("bekostiging") {
                bek = Bekostigingsvorm(rawValue: b.lowercased())
                if bek == nil { r.fout("bekostiging", "verwacht inspanning, output of taak, niet '\(b)'") }
            }
            guard let code, let naam, let segment, let verevend, r.fouten.isEmpty else { return nil }
            return Codering.rij(Perceel(code: code, naam: naam, segment: segment, verevend: verevend, bekostiging: bek))
        case .producten:
            let code = r.productcode(verplicht: true), cat = r.categorie(), perceel = bekendPerceel(&r, verplicht: true)
            let eenheid = r.eenheid(), tarief = r.euro("tarief", verplicht: false), jaar = r.jaar("jaar", verplicht: false)
            guard let code, let cat, let perceel, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Product(productcode: code, productcategorie: cat, perceel: perceel, omschrijving: r.tekst("omschrijving"),
                                         eenheid: eenheid, tarief: tarief, jaar: jaar), &r, Grenzen.controleer, Codering.rij)
        case .aanbieders:
            let agb = r.agb(), naam = r.verplicht("naam")
            guard let agb, let naam, r.fouten.isEmpty else { return nil }
            return Codering.rij(Aanbieder(agb: agb, naam: naam))
        case .budgetten:
            let jaar = r.jaar("jaar", verplicht: true), code = bekendeGemeente(&r), perceel = bekendPerceel(&r, verplicht: true)
            let budget = r.euro("budget", verplicht: true)
            // a version is named and dated, or neither (a file without versions: one budget, as before)
            let versie = r.tekst("versie") ?? "", vastgesteld = r.dag("vastgesteld_op", verplicht: false)
            if !versie.isEmpty && vastgesteld == nil && r.fouten.isEmpty {
                r.fout("vastgesteld_op", "een budgetversie ('\(versie)') heeft de datum nodig waarop ze is vastgesteld")
            }
            if versie.isEmpty && vastgesteld != nil { r.fout("versie", "vastgesteld_op zonder naam van de versie (bijvoorbeeld primitief of 1e burap)") }
            guard let jaar, let code, let perceel, let budget, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Budget(jaar: jaar, gemeentecode: code, perceel: perceel, bedrag: budget, versie: versie, vastgesteldOp: vastgesteld),
                                 &r, Grenzen.controleer, Codering.rij)
        case .normbudgetten:
            let agb = r.agb(), jaar = r.jaar("jaar", verplicht: true), perceel = bekendPerceel(&r, verplicht: false)
            // a negative ceiling has no meaning: the reader's own message for amounts speaks of credits, so say it here
            var bedrag: Euro?
            if let s = r.verplicht("normbudget") {
                if let e = Euro.parse(s) {
                    if e < .nul { r.fout("normbudget", "negatief normbudget \(s)") } else { bedrag = e }
                } else {
                    r.fout("normbudget", "ongeldig bedrag '\(s)' (hooguit twee decimalen; '1.234' is dubbelzinnig: schrijf 1234 of 1.234,00)")
                }
            }
            if let agb, !ref.aanbieders.contains(agb) { r.fout("agb", "onbekende aanbieder '\(agb)' (importeer eerst aanbieders)") }
            guard let agb, let jaar, let bedrag, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Normbudgetafspraak(agb: agb, jaar: jaar, perceel: perceel, bedrag: bedrag), &r, Grenzen.controleer,
                                 Codering.rij)
        case .verzoeken:
            let nr = r.sleutel("verzoeknummer"), client = r.client(pseudonimiseerder, cache)
            let zorg = zorgvelden(&r, van: "ingangsdatum", tot: "einddatum")
            let ontvangen = r.dag("ontvangen_op", verplicht: true)
            let volume = r.geheel("volume", verplicht: false), eenheid = r.eenheid(), freq = r.frequentie()
            let verw = r.verwijzer(), geb = r.dag("geboortedatum", verplicht: false)
            guard let nr, let client, let zorg, let ontvangen, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Verzoek(verzoeknummer: nr, client: client, gemeentecode: zorg.gemeente, agb: zorg.agb,
                                        productcategorie: zorg.categorie, productcode: zorg.code, ingangsdatum: zorg.van,
                                        einddatum: zorg.tot, volume: volume, eenheid: eenheid, frequentie: freq,
                                        verwijzer: verw, verwijzerNaam: r.tekst("verwijzer_naam"), geboortedatum: geb,
                                        ontvangenOp: ontvangen), &r, Grenzen.controleer, Codering.rij)
        case .toewijzingen:
            let nr = r.sleutel("toewijzingnummer"), client = r.client(pseudonimiseerder, cache)
            let zorg = zorgvelden(&r, van: "ingangsdatum", tot: "einddatum")
            let datum = r.dag("toewijzingsdatum", verplicht: true)
            if let nr, case .andereHoofdletters = ref.toewijzingen.zoek(nr) {
                r.fout("toewijzingnummer", "'\(nr)' verschilt alleen in hoofdletters van een bekende toewijzing")
            }
            let volume = r.geheel("volume", verplicht: false), eenheid = r.eenheid(), freq = r.frequentie()
            let budget = r.euro("budget", verplicht: false), verw = r.verwijzer(), geb = r.dag("geboortedatum", verplicht: false)
            var reden = r.tekst("reden_wijziging")
            if let s = reden {
                let c = s.count == 1 ? "0" + s : s
                if Codelijst.redenWijziging.contains(c) { reden = c } else { r.fout("reden_wijziging", "onbekende reden wijziging '\(s)' (JZ002)") }
            }
            if volume != nil && budget == nil && freq == nil { r.fout("frequentie", "volume zonder frequentie (WMO757)") }
            guard let nr, let client, let zorg, let datum, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Toewijzing(toewijzingnummer: nr, client: client, gemeentecode: zorg.gemeente, agb: zorg.agb,
                                           productcategorie: zorg.categorie, productcode: zorg.code, ingangsdatum: zorg.van,
                                           einddatum: zorg.tot, volume: volume, eenheid: eenheid, frequentie: freq,
                                           budget: budget, verwijzer: verw, verwijzerNaam: r.tekst("verwijzer_naam"),
                                           verzoeknummer: r.tekst("verzoeknummer"), geboortedatum: geb,
                                           redenWijziging: reden, toewijzingsdatum: datum), &r, Grenzen.controleer, Codering.rij)
        case .declaraties:
            let nr = r.sleutel("declaratienummer"), ref = r.sleutel("referentienummer")
            let tw = r.sleutel("toewijzingnummer"), client = r.client(pseudonimiseerder, cache)
            let zorg = zorgvelden(&r, van: "begindatum", tot: "einddatum", eindVerplicht: true)
            let bedrag = r.euro("bedrag", verplicht: true), ingediend = r.dag("ingediend_op", verplicht: true)
            let geboekt = r.dag("geboekt_op", verplicht: false)
            let volume = r.geheel("volume", verplicht: false), eenheid = r.eenheid(), tarief = r.euro("tarief", verplicht: false)
            var dc = DebetCredit.debet
            if let s = r.tekst("debet_credit") {
                if let v = DebetCredit(rawValue: s.uppercased()) { dc = v } else { r.fout("debet_credit", "verwacht D of C, niet '\(s)'") }
            }
            var status = DeclaratieStatus.ingediend
            if let s = r.tekst("status") {
                if let v = DeclaratieStatus(rawValue: s.lowercased()) { status = v }
                else { r.fout("status", "verwacht ingediend, toegekend of afgewezen, niet '\(s)'") }
            }
            var toewijzing: Toewijzingskaart.Kenmerk?
            if let tw {
                switch self.ref.toewijzingen.zoek(tw) {
                case .bekend(let k): toewijzing = k
                case .andereHoofdletters:
                    r.fout("toewijzingnummer", "onbekende toewijzing '\(tw)' (een bekende toewijzing verschilt alleen in hoofdletters)")
                case .onbekend: r.fout("toewijzingnummer", "onbekende toewijzing '\(tw)'")
                }
            }
            guard let nr, let ref, let tw, let client, let zorg, let tot = zorg.tot, let bedrag, let ingediend, let toewijzing,
                  r.fouten.isEmpty else { return nil }
            let regel = Declaratieregel(declaratienummer: nr, referentienummer: ref, toewijzingnummer: tw, client: client,
                                        gemeentecode: zorg.gemeente, agb: zorg.agb, productcategorie: zorg.categorie,
                                        productcode: zorg.code, begindatum: zorg.van, einddatum: tot, volume: volume,
                                        eenheid: eenheid, tarief: tarief, bedrag: bedrag, debetCredit: dc,
                                        status: status, ingediendOp: ingediend, geboektOp: geboekt)
            guard let rij = binnenGrenzen(regel, &r, Grenzen.controleer, Codering.rij) else { return nil }
            Rijvertaling.controleer(regel, tegen: toewijzing, &r)
            return r.fouten.isEmpty ? rij : nil
        case .verevening:
            let jaar = r.jaar("jaar", verplicht: true), perceel = bekendPerceel(&r, verplicht: true)
            let code = r.productcode(verplicht: false)
            var aandeel: Int?
            if let s = r.verplicht("aandeel") {
                aandeel = Vereveningsdeel.parseAandeel(s)
                if aandeel == nil { r.fout("aandeel", "verwacht een percentage van 0 tot en met 100 met hooguit twee decimalen, niet '\(s)'") }
            }
            if let code, !ref.producten.contains(where: { $0.hasSuffix("|" + code) }) {
                r.fout("productcode", "onbekend product '\(code)' (importeer eerst producten)")
            }
            guard let jaar, let perceel, let aandeel, r.fouten.isEmpty else { return nil }
            return Codering.rij(Vereveningsdeel(jaar: jaar, perceel: perceel, productcode: code, aandeel: aandeel))
        case .kosten:
            let jaar = r.jaar("jaar", verplicht: true), code = bekendeGemeente(&r), perceel = bekendPerceel(&r, verplicht: true)
            let bedrag = r.euro("bedrag", verplicht: true), clienten = r.geheel("clienten", verplicht: false)
            guard let jaar, let code, let perceel, let bedrag, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Jaarkosten(jaar: jaar, gemeentecode: code, perceel: perceel, bedrag: bedrag, clienten: clienten),
                                 &r, Grenzen.controleer, Codering.rij)
        case .contracten:
            let jaar = r.jaar("jaar", verplicht: true), perceel = bekendPerceel(&r, verplicht: true), agb = bekendeAanbieder(&r)
            let gemeente = r.tekst("gemeentecode") == nil ? nil : bekendeGemeente(&r)
            let som = r.euro("contractsom", verplicht: true)
            var vorm: Contract.Vorm?
            if let s = r.verplicht("bekostiging") {
                vorm = Contract.Vorm(rawValue: s.lowercased().replacingOccurrences(of: " ", with: ""))
                if vorm == nil { r.fout("bekostiging", "verwacht pxq, taakgericht, subsidie of lumpsum, niet '\(s)'") }
            }
            var ritme = Contract.Ritme.maand
            if let s = r.tekst("betaalritme") {
                if let v = Contract.Ritme(rawValue: s.lowercased()) { ritme = v } else { r.fout("betaalritme", "verwacht maand, kwartaal of jaar, niet '\(s)'") }
            }
            guard let jaar, let perceel, let agb, let som, let vorm, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Contract(jaar: jaar, perceel: perceel, agb: agb, gemeentecode: gemeente, vorm: vorm, contractsom: som,
                                          ritme: ritme), &r, Grenzen.controleer, Codering.rij)
        case .betalingen:
            let datum = r.dag("datum", verplicht: true), agb = bekendeAanbieder(&r), perceel = bekendPerceel(&r, verplicht: true)
            let gemeente = r.tekst("gemeentecode") == nil ? nil : bekendeGemeente(&r)
            let bedrag = r.euro("bedrag", verplicht: true)
            guard let datum, let agb, let perceel, let bedrag, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Betaling(datum: datum, agb: agb, perceel: perceel, bedrag: bedrag, gemeentecode: gemeente,
                                          kenmerk: r.tekst("kenmerk") ?? ""), &r, Grenzen.controleer, Codering.rij)
        case .productie:
            var maand: Maand?
            if let s = r.verplicht("periode") {
                maand = Maand.parse(s)
                if maand == nil || !(2000...2100).contains(maand!.jaar) { maand = nil; r.fout("periode", "verwacht een maand JJJJ-MM (2000-2100), niet '\(s)'") }
            }
            let agb = bekendeAanbieder(&r), perceel = bekendPerceel(&r, verplicht: true), gemeente = bekendeGemeente(&r)
            let clienten = r.geheel("clienten", verplicht: true), trajecten = r.geheel("trajecten", verplicht: false)
            let uren = r.geheel("uren", verplicht: false)
            guard let maand, let agb, let perceel, let gemeente, let clienten, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Productieopgave(maand: maand, agb: agb, perceel: perceel, gemeentecode: gemeente, clienten: clienten,
                                                 trajecten: trajecten, uren: uren), &r, Grenzen.controleer, Codering.rij)
        }
    }

    /// Days a debit line's period may lie outside its allocation's and still be imported, with a warning (and the
    /// signal DECL-PERIODE): exports that declare whole calendar months around an allocation ending mid-month.
    static let periodemarge = 31

    /// A declaration line against its allocation, as the iJw import does (docs/importformaten.md says which is an
    /// error and why): the municipality and the provider (9338) and the client (8187) must be the allocation's, and a
    /// debit's care period must lie within the allocation's (9307, 9308), up to `periodemarge` days outside as a warning.
    static func controleer(_ d: Declaratieregel, tegen t: Toewijzingskaart.Kenmerk, _ r: inout Rijlezer) {
        if UInt16(d.gemeentecode) != t.gemeente {
            r.fout("gemeentecode", "toewijzing \(d.toewijzingnummer) is van gemeente \(t.gemeentecode), niet van \(d.gemeentecode) (iJw 9338)")
        }
        if UInt32(d.agb) != t.agb {
            r.fout("agb", "toewijzing \(d.toewijzingnummer) is gegeven aan aanbieder \(t.agbcode), niet aan \(d.agb) (iJw 9338)")
        }
        if Toewijzingskaart.hash(d.client) != t.client {
            r.fout(r.index["bsn"] != nil ? "bsn" : "clientnummer", "toewijzing \(d.toewijzingnummer) is van een andere cliënt (iJw 8187)")
        }
        // a provider must be able to credit a line after its allocation was shortened
        guard d.debetCredit == .debet else { return }
        let periode = t.periode
        let tekst = "\(periode.van.nederlands) t/m \(periode.tot?.nederlands ?? "open")"
        for (kolom, dag, regel) in [("begindatum", d.begindatum, "9307"), ("einddatum", d.einddatum, "9308")] {
            let buiten = dag < periode.van ? periode.van - dag : periode.tot.map { dag > $0 ? dag - $0 : 0 } ?? 0
            guard buiten > 0 else { continue }
            let reden = "\(kolom) \(dag.nederlands) ligt \(buiten) dag\(buiten == 1 ? "" : "en") buiten toewijzing \(d.toewijzingnummer) (\(tekst))"
            if buiten > periodemarge {
                r.fout(kolom, reden + "; hooguit \(periodemarge) dagen wordt met een waarschuwing geïmporteerd (iJw \(regel))")
            } else {
                r.waarschuwing(kolom, reden + ": geïmporteerd, en gesignaleerd als DECL-PERIODE")
            }
        }
    }

    /// The row of a record within `Grenzen`; nil, with each field outside them reported at its column, otherwise.
    func binnenGrenzen<T>(_ x: T, _ r: inout Rijlezer, _ controleer: (T, (Grenzen.Fout) -> Void) -> Void, _ rij: (T) -> Rij) -> Rij? {
        var fouten: [Grenzen.Fout] = []
        controleer(x) { fouten.append($0) }
        for f in fouten { r.fout(f.veld, f.reden) }
        return fouten.isEmpty ? rij(x) : nil
    }

    /// A lot code that is known, in the spelling it was first imported in (a code differing only in case is the same lot).
    func bekendPerceel(_ r: inout Rijlezer, verplicht: Bool) -> String? {
        guard let code = verplicht ? r.sleutel("perceel") : r.tekst("perceel") else { return nil }
        guard let bekend = ref.perceel(code) else { r.fout("perceel", "onbekend perceel '\(code)'"); return nil }
        return bekend
    }

    func bekendeAanbieder(_ r: inout Rijlezer) -> String? {
        guard let agb = r.agb() else { return nil }
        guard ref.aanbieders.contains(agb) else { r.fout("agb", "onbekende aanbieder '\(agb)' (importeer eerst aanbieders)"); return nil }
        return agb
    }

    func bekendeGemeente(_ r: inout Rijlezer) -> String? {
        guard let c = r.gemeente() else { return nil }
        guard ref.gemeenten.contains(c) else { r.fout("gemeentecode", "onbekende gemeente '\(c)' (importeer eerst gemeenten)"); return nil }
        return c
    }

    struct Zorgvelden { let gemeente: String; let agb: String; let categorie: String; let code: String?; let van: Dag; let tot: Dag? }

    /// The fields requests, allocations and declarations share, with their reference checks.
    func zorgvelden(_ r: inout Rijlezer, van: String, tot: String, eindVerplicht: Bool = false) -> Zorgvelden? {
        let gemeente = bekendeGemeente(&r), agb = r.agb(), cat = r.categorie(), code = r.productcode(verplicht: false)
        let begin = r.dag(van, verplicht: true), eind = r.dag(tot, verplicht: eindVerplicht)
        if let agb, !ref.aanbieders.contains(agb) { r.fout("agb", "onbekende aanbieder '\(agb)' (importeer eerst aanbieders)") }
        if let cat, let code, !ref.producten.contains(cat + "|" + code) {
            r.fout("productcode", "onbekend product '\(code)' in categorie \(cat)")
        }
        if let begin, let eind, eind < begin { r.fout(tot, "\(tot) \(eind) ligt voor \(van) \(begin)") }
        guard let gemeente, let agb, let cat, let begin else { return nil }
        return Zorgvelden(gemeente: gemeente, agb: agb, categorie: cat, code: code, van: begin, tot: eind)
    }
}
