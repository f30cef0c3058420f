import RegioCore
import RegioStore

/// What an accepted message changes: rows for the shared tables (written with `schrijf`, like CSV), deliveries,
/// and the declaration it created or answered.
struct IJWWijziging {
    var verzoeken: [Verzoek] = []
    var toewijzingen: [Toewijzing] = []
    var declaraties: [Declaratieregel] = []
    var leveringen: [Levering] = []
    var verwijderdeLeveringen: [Levering] = []
    var verwijzing: String?
}

/// The checks against what the region already has (reference data, earlier messages), per message type; each
/// returns the message's changes, and `fouten` says why it cannot be taken up. Nothing here writes.
struct IJWControle {
    let stand: IJWStand
    let bericht: IJWBericht
    var fouten: [IJWFout] = []

    init(stand: IJWStand, bericht: IJWBericht) { self.stand = stand; self.bericht = bericht }

    /// Checks a message against the region. The check's copy of `stand` ends here, before the caller takes the
    /// message up: a copy still alive at that point would make every update copy the whole index.
    static func controleer(_ bericht: IJWBericht, tegen stand: IJWStand) -> (IJWWijziging, [IJWFout]) {
        var c = IJWControle(stand: stand, bericht: bericht)
        let w = c.controleer()
        return (w, c.fouten)
    }

    mutating func fout(_ p: Plaats, _ regel: IJWRegel, _ reden: String) {
        fouten.append(IJWFout(bestand: bericht.bestand, regelnummer: p.regel > 0 ? p.regel : nil, bericht: bericht.kop.id, pad: p.pad,
                              regel: regel, reden: reden))
    }

    /// The municipality and provider of the message must be part of the region (S300, RM02). The municipality sends
    /// allocations and answers to declarations; the provider sends the rest.
    mutating func partijen() {
        let k = bericht.kop
        let vanGemeente: Bool
        switch bericht.inhoud {
        case .toewijzingen, .antwoord: vanGemeente = true
        case .verzoeken, .starts, .stops, .declaratie: vanGemeente = false
        }
        let (gemeente, gemeenteVeld) = vanGemeente ? (k.afzender, "Afzender") : (k.ontvanger, "Ontvanger")
        let (agb, agbVeld) = vanGemeente ? (k.ontvanger, "Ontvanger") : (k.afzender, "Afzender")
        if !stand.gemeenten.contains(gemeente) {
            fout(bericht.kopPlaats(gemeenteVeld), .gemeenteOnbekend, "gemeente \(gemeente) is geen gemeente van de regio")
        }
        if !stand.aanbieders.contains(agb) {
            fout(bericht.kopPlaats(agbVeld), .aanbiederOnbekend, "aanbieder \(agb) is niet bekend (importeer eerst aanbieders)")
        }
    }

    mutating func product(_ categorie: String, _ code: String?, _ p: Plaats) {
        if let code, !stand.producten.contains(categorie + "|" + code) {
            fout(p, .productOnbekend, "product \(code) in categorie \(categorie) is niet bekend in de regio")
        }
    }

    mutating func controleer() -> IJWWijziging {
        partijen()
        switch bericht.inhoud {
        case .verzoeken(let items):
            for i in items { product(i.waarde.productcategorie, i.waarde.productcode, i.plaats.en("Product/Code")) }
            return IJWWijziging(verzoeken: items.map(\.waarde))
        case .toewijzingen(let items):
            return toewijzingen(items)
        case .starts(let regels):
            return starts(regels)
        case .stops(let regels):
            return stops(regels)
        case .declaratie(let d):
            return declaratie(d)
        case .antwoord(let a):
            return antwoord(a)
        }
    }

    // MARK: JW301

    /// New allocations, changes (RedenWijziging) and deletions (13) of earlier ones. The request link and referrer come
    /// from the request (JW315) the allocation answers (ReferentieAanbieder), else from the earlier version.
    mutating func toewijzingen(_ items: [IJWBericht.Item<Toewijzing>]) -> IJWWijziging {
        var uit = IJWWijziging()
        var gezien: Set<String> = []
        for item in items {
            var t = item.waarde
            let p = item.plaats
            product(t.productcategorie, t.productcode, p.en("Product/Code"))
            if !gezien.insert(t.toewijzingnummer).inserted {
                fout(p.en("ToewijzingNummer"), .toewijzingNummerUniek, "ToewijzingNummer \(t.toewijzingnummer) staat twee keer in dit bericht")
                continue
            }
            let eerder = stand.toewijzingen[t.toewijzingnummer]
            if let e = eerder {
                var anders: [String] = []
                if e.gemeentecode != t.gemeentecode { anders.append("gemeente \(e.gemeentecode)") }
                if e.agb != t.agb { anders.append("aanbieder \(e.agb)") }
                if e.client != t.client && !t.client.isEmpty { anders.append("een andere cliënt") }
                if !anders.isEmpty {
                    fout(p.en("ToewijzingNummer"), .toewijzingNummerUniek,
                         "ToewijzingNummer \(t.toewijzingnummer) is al gebruikt voor \(anders.joined(separator: ", "))")
                    continue
                }
            }
            if t.isVerwijderd, eerder != nil {
                let k = stand.toegekend(toewijzing: t.toewijzingnummer)
                if k != .nul {
                    fout(p.en("RedenWijziging"), .verwijderdMetDeclaraties,
                         "toewijzing \(t.toewijzingnummer) wordt verwijderd (13) maar heeft \(k) aan goedgekeurde declaraties")
                }
            }
            t.verzoeknummer = t.verzoeknummer ?? eerder?.verzoeknummer
            let verzoek = t.verzoeknummer.flatMap { stand.verzoeken[$0] }
            t.verwijzer = verzoek?.verwijzer ?? eerder?.verwijzer
            t.verwijzerNaam = verzoek?.verwijzerNaam ?? eerder?.verwijzerNaam
            uit.toewijzingen.append(t)
        }
        return uit
    }

    // MARK: JW305, JW307

    /// The allocation a start or stop is about (TR019): same number, client, municipality, provider, and product and
    /// start of the allocation when the message gives them.
    mutating func koppel(_ s: IJWBericht.Startregel) -> Toewijzing? {
        guard let nr = s.toewijzingnummer else {
            fout(s.plaats.en("ToewijzingNummer"), .koppelingToewijzing, "zonder ToewijzingNummer is de levering niet te koppelen")
            return nil
        }
        guard let t = stand.toewijzingen[nr], !t.isVerwijderd else {
            fout(s.plaats.en("ToewijzingNummer"), .koppelingToewijzing, "toewijzing \(nr) is niet bekend" +
                 (stand.toewijzingen[nr]?.isVerwijderd == true ? " (verwijderd met reden 13)" : ""))
            return nil
        }
        var anders: [String] = []
        if t.gemeentecode != bericht.kop.ontvanger { anders.append("gemeente \(t.gemeentecode), bericht aan \(bericht.kop.ontvanger)") }
        if t.agb != bericht.kop.afzender { anders.append("aanbieder \(t.agb), bericht van \(bericht.kop.afzender)") }
        if !s.client.isEmpty && t.client != s.client { anders.append("een andere cliënt") }
        if let c = s.categorie, c != t.productcategorie { anders.append("categorie \(t.productcategorie), bericht \(c)") }
        if let c = s.code, let tc = t.productcode, c != tc { anders.append("product \(tc), bericht \(c)") }
        if let d = s.toewijzingIngangsdatum, d != t.ingangsdatum { anders.append("ingangsdatum \(t.ingangsdatum), bericht \(d)") }
        guard anders.isEmpty else {
            fout(s.plaats.en("ToewijzingNummer"), .koppelingToewijzing,
                 "toewijzing \(nr) past niet: \(anders.joined(separator: "; "))")
            return nil
        }
        return t
    }

    mutating func starts(_ regels: [IJWBericht.Startregel]) -> IJWWijziging {
        var uit = IJWWijziging()
        var lokaal: [String: Levering?] = [:]  // this message's changes: nil = removed
        func huidig(_ k: String) -> Levering? { lokaal[k] ?? stand.leveringen[k] }
        for s in regels {
            guard let t = koppel(s) else { continue }
            let k = IJWStand.sleutel(toewijzing: t.toewijzingnummer, begin: s.begindatum)
            if s.status == "3" {
                guard let l = huidig(k) else {
                    fout(s.plaats.en("StatusAanlevering"), .geenEerderBericht, "er is geen start op \(s.begindatum) om te verwijderen")
                    continue
                }
                if let eind = l.einddatum {
                    fout(s.plaats.en("StatusAanlevering"), .startAlGestopt, "de levering is al gestopt op \(eind)")
                    continue
                }
                lokaal[k] = .some(nil)
                uit.verwijderdeLeveringen.append(l)
                continue
            }
            if huidig(k) != nil {
                fout(s.plaats.en("Begindatum"), .zelfdeSleutel, "er is al een start van toewijzing \(t.toewijzingnummer) op \(s.begindatum)")
                continue
            }
            let sleutels = Set(stand.leveringPerToewijzing[t.toewijzingnummer] ?? []).union(
                uit.leveringen.filter { $0.toewijzingnummer == t.toewijzingnummer }.map(IJWStand.sleutel))
            if let open = sleutels.compactMap(huidig).filter({ $0.einddatum == nil }).min(by: { $0.begindatum < $1.begindatum }) {
                fout(s.plaats.en("Begindatum"), .leveringNietGestopt, "de levering vanaf \(open.begindatum) is nog niet gestopt")
                continue
            }
            let l = Levering(toewijzingnummer: t.toewijzingnummer, begindatum: s.begindatum, client: t.client,
                             gemeentecode: t.gemeentecode, agb: t.agb, productcategorie: t.productcategorie,
                             productcode: t.productcode, gestartOp: bericht.kop.dagtekening)
            lokaal[k] = .some(l)
            uit.leveringen.append(l)
        }
        return uit
    }

    mutating func stops(_ regels: [IJWBericht.Stopregel]) -> IJWWijziging {
        var uit = IJWWijziging()
        var lokaal: [String: Levering] = [:]
        for s in regels {
            guard let t = koppel(s.start) else { continue }
            let k = IJWStand.sleutel(toewijzing: t.toewijzingnummer, begin: s.start.begindatum)
            let p = s.start.plaats
            guard var l = lokaal[k] ?? stand.leveringen[k] else {
                fout(p.en("Begindatum"), s.start.status == "3" ? .geenEerderBericht : .geenStart,
                     "er is geen start van toewijzing \(t.toewijzingnummer) op \(s.start.begindatum)")
                continue
            }
            if s.start.status == "3" {
                guard l.einddatum != nil else {
                    fout(p.en("StatusAanlevering"), .geenEerderBericht, "er is geen stop om te verwijderen")
                    continue
                }
                l.einddatum = nil; l.redenBeeindiging = nil; l.gestoptOp = nil
            } else {
                if let eind = l.einddatum, let reden = l.redenBeeindiging {
                    if reden != "20" {
                        fout(p.en("RedenBeeindiging"), .stopDubbel, "de levering is al gestopt op \(eind) (reden \(reden))")
                        continue
                    }
                    if s.redenBeeindiging == "20" {
                        fout(p.en("RedenBeeindiging"), .tijdelijkeStopDubbel, "de levering is al tijdelijk gestopt op \(eind)")
                        continue
                    }
                    if s.einddatum < eind {
                        fout(p.en("Einddatum"), .stopEinddatumEerder, "Einddatum \(s.einddatum) ligt voor de eerdere stop op \(eind)")
                        continue
                    }
                }
                l.einddatum = s.einddatum; l.redenBeeindiging = s.redenBeeindiging; l.gestoptOp = bericht.kop.dagtekening
            }
            lokaal[k] = l
            uit.leveringen.removeAll { IJWStand.sleutel($0) == k }
            uit.leveringen.append(l)
        }
        return uit
    }
}
