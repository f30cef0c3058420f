import RegioCore

/// One client's allocations and declarations. A municipality sees only its own records of the client and gets 403
/// when it has none (whether or not the client exists elsewhere, so the answer reveals nothing); councils never.
enum ClientPagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        guard let client = v["id"] else { throw Paginafout.nietGevonden("geen cliënt opgegeven") }
        if v.rol == .raad { try v.eisClientgegevens(van: "") }
        let g = try v.bron.gegevens()
        let ref = try v.bron.referentie()
        let mag: (String) -> Bool = { v.rol.magClientgegevens(van: $0) }
        let toewijzingen = g.toewijzingen.filter { $0.client == client && mag($0.gemeentecode) }
        let declaraties = try v.bron.declaraties(client: client).filter { mag($0.gemeentecode) }
        // a client known only by a request (not yet allocated) is known: the signals about late answers name them
        let verzoeken = g.verzoeken.filter { $0.client == client && mag($0.gemeentecode) }
        if toewijzingen.isEmpty && declaraties.isEmpty && verzoeken.isEmpty {
            if case .gemeente = v.rol { throw Paginafout.verboden("U hebt alleen toegang tot cliëntgegevens van uw eigen gemeente.") }
            throw Paginafout.nietGevonden("cliënt '\(client)' is niet bekend")
        }
        let gemeenten = Set(toewijzingen.map(\.gemeentecode) + declaraties.map(\.gemeentecode) + verzoeken.map(\.gemeentecode)).sorted()
        var p = Pagina(titel: "Cliënt \(client)", ondertitel: "Gemeente \(gemeenten.map { ref.gemeenten[$0]?.naam ?? $0 }.joined(separator: ", ")). Inzage wordt vastgelegd.")
        p.inzage = ("cliënt \(client)", gemeenten.count == 1 ? gemeenten[0] : "")

        let kosten = declaraties.map(\.kosten).som()
        let open = toewijzingen.filter { !$0.isVerwijderd && ($0.einddatum.map { $0 >= v.vandaag } ?? true) }
        p.voeg(.tegels([
            Tegel(label: "Gedeclareerd (alle jaren)", waarde: kosten.heleEuros),
            Tegel(label: "Toewijzingen", waarde: Tabel.groepeer(toewijzingen.count), toelichting: "\(open.count) lopend"),
            Tegel(label: "Eerste ingang", waarde: toewijzingen.map(\.ingangsdatum).min()?.nederlands ?? "—"),
        ]))

        // cost per year and lot
        var perJaar: [Int: [String: Euro]] = [:]
        for d in declaraties {
            for (m, e) in d.kostenPerMaand {
                let perceel = ref.perceel(categorie: d.productcategorie, code: d.productcode, jaar: m.jaar)?.code ?? "onbekend"
                perJaar[m.jaar, default: [:]][perceel, default: .nul] += e
            }
        }
        var kj = Tabel(kolommen: [.init("jaar", "Jaar", .links), .init("perceel", "Perceel", .links), .init("gedeclareerd", "Gedeclareerd")])
        for jaar in perJaar.keys.sorted() {
            for (perceel, e) in perJaar[jaar]!.sorted(by: { $0.key < $1.key }) {
                kj.rijen.append([Tabel.Cel(String(jaar)), Tabel.Cel(ref.percelen[perceel]?.naam ?? perceel, machine: perceel), .euro(e)])
            }
        }
        p.voeg(.tabel(WebTabel(id: "kosten_per_jaar", titel: "Kosten per jaar en perceel", tabel: kj)))

        var tw = Tabel(kolommen: [.init("toewijzingnummer", "Toewijzing", .links), .init("gemeentecode", "Gemeente", .links),
                                  .init("agb", "Aanbieder", .links), .init("product", "Product", .links),
                                  .init("perceel", "Perceel", .links), .init("ingangsdatum", "Ingang", .links),
                                  .init("einddatum", "Einde", .links), .init("volume", "Volume"), .init("frequentie", "Freq.", .links),
                                  .init("verwijzer_type", "Verwijzer", .links), .init("toewijzingsdatum", "Toegewezen op", .links),
                                  .init("reden_wijziging", "Reden wijz.", .links)])
        for t in toewijzingen.sorted(by: { $0.ingangsdatum < $1.ingangsdatum }) {
            let perceel = ref.perceel(categorie: t.productcategorie, code: t.productcode, jaar: t.ingangsdatum.jaar)
            tw.rijen.append([Tabel.Cel(t.toewijzingnummer), Tabel.Cel(t.gemeentecode),
                             Tabel.Cel(ref.aanbieders[t.agb]?.naam ?? t.agb, machine: t.agb),
                             Tabel.Cel(t.productcategorie + (t.productcode.map { "/" + $0 } ?? "")),
                             Tabel.Cel(perceel?.naam ?? "", machine: perceel?.code ?? ""),
                             Tabel.Cel(t.ingangsdatum.nederlands, machine: t.ingangsdatum.description),
                             Tabel.Cel(t.einddatum?.nederlands ?? "", machine: t.einddatum?.description ?? ""),
                             .aantal(t.volume.map(Int.init)), Tabel.Cel(t.frequentie.map { "\($0.rawValue)" } ?? ""),
                             Tabel.Cel(t.verwijzer?.omschrijving ?? "", machine: t.verwijzer?.rawValue ?? ""),
                             Tabel.Cel(t.toewijzingsdatum.nederlands, machine: t.toewijzingsdatum.description),
                             Tabel.Cel(t.redenWijziging ?? "")])
        }
        var tww = WebTabel(id: "toewijzingen", titel: "Toewijzingen", tabel: tw)
        tww.kern = ["toewijzingnummer", "agb", "product", "perceel", "ingangsdatum", "einddatum", "volume", "toewijzingsdatum"]
        p.voeg(.tabel(tww))

        if !verzoeken.isEmpty {
            var vt = Tabel(kolommen: [.init("verzoeknummer", "Verzoek", .links), .init("gemeentecode", "Gemeente", .links),
                                      .init("agb", "Aanbieder", .links), .init("product", "Product", .links),
                                      .init("ingangsdatum", "Ingang", .links), .init("ontvangen_op", "Ontvangen", .links),
                                      .init("dagen_na_ingang", "Dagen na ingang")])
            for x in verzoeken.sorted(by: { $0.ontvangenOp < $1.ontvangenOp }) {
                vt.rijen.append([Tabel.Cel(x.verzoeknummer), Tabel.Cel(ref.gemeenten[x.gemeentecode]?.naam ?? x.gemeentecode, machine: x.gemeentecode),
                                 Tabel.Cel(ref.aanbieders[x.agb]?.naam ?? x.agb, machine: x.agb),
                                 Tabel.Cel(x.productcategorie + (x.productcode.map { "/" + $0 } ?? "")),
                                 Tabel.Cel(x.ingangsdatum.nederlands, machine: x.ingangsdatum.description),
                                 Tabel.Cel(x.ontvangenOp.nederlands, machine: x.ontvangenOp.description),
                                 .aantal(Int(x.ontvangenOp - x.ingangsdatum))])
            }
            p.voeg(.tabel(WebTabel(id: "verzoeken", titel: "Verzoeken om toewijzing", tabel: vt)))
        }

        var dt = Tabel(kolommen: [.init("declaratienummer", "Declaratie", .links), .init("toewijzingnummer", "Toewijzing", .links),
                                  .init("begindatum", "Van", .links), .init("einddatum", "Tot", .links),
                                  .init("bedrag", "Bedrag"), .init("debet_credit", "D/C", .links), .init("status", "Status", .links),
                                  .init("ingediend_op", "Ingediend", .links)])
        for d in declaraties.sorted(by: { ($0.begindatum, $0.declaratienummer) > ($1.begindatum, $1.declaratienummer) }) {
            dt.rijen.append([Tabel.Cel(d.declaratienummer + "/" + d.referentienummer), Tabel.Cel(d.toewijzingnummer),
                             Tabel.Cel(d.begindatum.nederlands, machine: d.begindatum.description),
                             Tabel.Cel(d.einddatum.nederlands, machine: d.einddatum.description), .euro(d.bedrag),
                             Tabel.Cel(d.debetCredit.rawValue), Tabel.Cel(d.status.rawValue),
                             Tabel.Cel(d.ingediendOp.nederlands, machine: d.ingediendOp.description)])
        }
        var w = WebTabel(id: "declaraties", titel: "Declaratieregels (nieuwste eerst)", tabel: dt)
        w.maxRijen = 60
        p.voeg(.tabel(w))
        return p
    }
}
