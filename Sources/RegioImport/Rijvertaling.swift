import RegioCore
import RegioStore

/// What a row may refer to: the store's keys plus what earlier files of the same import added.
struct Referenties {
    var gemeenten: Set<String> = []
    var aanbieders: Set<String> = []
    var percelen: Set<String> = []
    /// "categorie|code"
    var producten: Set<String> = []
    var toewijzingen: Set<String> = []

    mutating func neemOp(_ rij: Rij) {
        let s = rij.waarden.first?.tekst ?? ""
        switch rij.soort {
        case .gemeenten: gemeenten.insert(s)
        case .aanbieders: aanbieders.insert(s)
        case .percelen: percelen.insert(s)
        case .producten: producten.insert(s + "|" + (rij.waarden[1].tekst ?? ""))
        case .toewijzingen: toewijzingen.insert(s)
        default: break
        }
    }
}

/// Turns one validated CSV record into a row of its kind.
struct Rijvertaling {
    let soort: Soort
    let pseudonimiseerder: Pseudonimiseerder
    let ref: Referenties
    let cache: Pseudoniemcache

    func vertaal(_ r: inout Rijlezer) -> Rij? {
        switch soort {
        case .gemeenten:
            let code = r.gemeente(), naam = r.verplicht("naam")
            guard let code, let naam else { return nil }
            return Codering.rij(Gemeente(code: code, naam: naam))
        case .gemeentecijfers:
            let code = bekendeGemeente(&r), jaar = r.jaar("jaar", verplicht: true)
            let inw = r.geheel("inwoners", verplicht: true), jeugd = r.geheel("jeugdigen", verplicht: true)
            let macro = r.euro("macrobudget_jeugd", verplicht: true)
            let ses = r.decimaal("ses"), fte = r.decimaal("wijkteam_fte")
            if let inw, let jeugd, jeugd > inw { r.fout("jeugdigen", "meer jeugdigen (\(jeugd)) dan inwoners (\(inw))") }
            guard let code, let jaar, let inw, let jeugd, let macro, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Gemeentecijfers(gemeentecode: code, jaar: jaar, inwoners: inw, jeugdigen: jeugd,
                                                 macrobudgetJeugd: macro, ses: ses, wijkteamFte: fte), &r, Grenzen.controleer, Codering.rij)
        case .percelen:
            let code = r.sleutel("perceel"), naam = r.verplicht("naam"), segment = r.verplicht("segment")
            let verevend = r.janee("verevend")
            var bek: Bekostigingsvorm?
            if let b = r.tekst("bekostiging") {
                bek = Bekostigingsvorm(rawValue: b.lowercased())
                if bek == nil { r.fout("bekostiging", "verwacht inspanning, output of taak, niet '\(b)'") }
            }
            guard let code, let naam, let segment, let verevend, r.fouten.isEmpty else { return nil }
            return Codering.rij(Perceel(code: code, naam: naam, segment: segment, verevend: verevend, bekostiging: bek))
        case .producten:
            let code = r.productcode(verplicht: true), cat = r.categorie(), perceel = r.sleutel("perceel")
            let eenheid = r.eenheid(), tarief = r.euro("tarief", verplicht: false), jaar = r.jaar("jaar", verplicht: false)
            if let perceel, !ref.percelen.contains(perceel) { r.fout("perceel", "onbekend perceel '\(perceel)'") }
            guard let code, let cat, let perceel, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Product(productcode: code, productcategorie: cat, perceel: perceel, omschrijving: r.tekst("omschrijving"),
                                         eenheid: eenheid, tarief: tarief, jaar: jaar), &r, Grenzen.controleer, Codering.rij)
        case .aanbieders:
            let agb = r.agb(), naam = r.verplicht("naam")
            guard let agb, let naam else { return nil }
            return Codering.rij(Aanbieder(agb: agb, naam: naam))
        case .budgetten:
            let jaar = r.jaar("jaar", verplicht: true), code = bekendeGemeente(&r), perceel = r.sleutel("perceel")
            let budget = r.euro("budget", verplicht: true)
            if let perceel, !ref.percelen.contains(perceel) { r.fout("perceel", "onbekend perceel '\(perceel)'") }
            guard let jaar, let code, let perceel, let budget, r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Budget(jaar: jaar, gemeentecode: code, perceel: perceel, bedrag: budget), &r, Grenzen.controleer, Codering.rij)
        case .normbudgetten:
            let agb = r.agb(), jaar = r.jaar("jaar", verplicht: true), perceel = r.tekst("perceel")
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
            if let perceel, !ref.percelen.contains(perceel) { r.fout("perceel", "onbekend perceel '\(perceel)'") }
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
            if let tw, !self.ref.toewijzingen.contains(tw) { r.fout("toewijzingnummer", "onbekende toewijzing '\(tw)'") }
            guard let nr, let ref, let tw, let client, let zorg, let tot = zorg.tot, let bedrag, let ingediend,
                  r.fouten.isEmpty else { return nil }
            return binnenGrenzen(Declaratieregel(declaratienummer: nr, referentienummer: ref, toewijzingnummer: tw, client: client,
                                                gemeentecode: zorg.gemeente, agb: zorg.agb, productcategorie: zorg.categorie,
                                                productcode: zorg.code, begindatum: zorg.van, einddatum: tot, volume: volume,
                                                eenheid: eenheid, tarief: tarief, bedrag: bedrag, debetCredit: dc,
                                                status: status, ingediendOp: ingediend), &r, Grenzen.controleer, Codering.rij)
        }
    }

    /// The row of a record within `Grenzen`; nil, with each field outside them reported at its column, otherwise.
    func binnenGrenzen<T>(_ x: T, _ r: inout Rijlezer, _ controleer: (T, (Grenzen.Fout) -> Void) -> Void, _ rij: (T) -> Rij) -> Rij? {
        var fouten: [Grenzen.Fout] = []
        controleer(x) { fouten.append($0) }
        for f in fouten { r.fout(f.veld, f.reden) }
        return fouten.isEmpty ? rij(x) : nil
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
