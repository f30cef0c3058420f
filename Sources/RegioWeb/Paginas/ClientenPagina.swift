import RegioCore

/// A municipality's clients by cost in a year: client-level data, for the region and the municipality itself only.
enum ClientenPagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let gemeente = try v.gemeente("code")
        try v.eisClientgegevens(van: gemeente.code)
        let jaar = try v.jaar()
        let regels = try v.bron.clientoverzicht(jaar: jaar, Cijferbron.Cijferselectie(gemeente: gemeente.code))
        var p = Pagina(titel: "Cliënten van \(gemeente.naam) \(jaar)",
                       ondertitel: "Per cliënt (pseudoniem) de gedeclareerde kosten in \(jaar), hoogste eerst. Inzage wordt vastgelegd.")
        p.inzage = ("cliëntenlijst \(gemeente.code) \(jaar)" + (v["pagina"].map { " pagina \($0)" } ?? ""), gemeente.code)
        p.voeg(.html(Keuze.formulier("/gemeente/\(gemeente.code)/clienten", [try Keuze.jaar(v, jaar)])))
        let totaal = regels.map(\.gedeclareerd).som()
        let top10 = regels.prefix(max(1, regels.count / 10)).map(\.gedeclareerd).som()
        p.voeg(.tegels([
            Tegel(label: "Cliënten", waarde: Tabel.groepeer(regels.count)),
            Tegel(label: "Gedeclareerd", waarde: totaal.heleEuros),
            Tegel(label: "Aandeel duurste 10%", waarde: totaal > .nul ? Tabel.procentTekst(Double(top10.centen) / Double(totaal.centen)) : "—",
                  toelichting: "van de kosten"),
        ]))
        let ref = try v.bron.referentie()
        var t = Tabel(kolommen: [.init("client", "Cliënt", .links), .init("gedeclareerd", "Gedeclareerd"),
                                 .init("toewijzingen", "Toewijzingen"), .init("percelen", "Percelen", .links),
                                 .init("aanbieders", "Aanbieders", .links), .init("eerste_ingangsdatum", "Sinds", .links),
                                 .init("verwijzer_type", "Verwijzer", .links), .init("gemeenten", "Gemeenten", .links)])
        let blad = try Bladeren(v, totaal: regels.count, tabel: "clienten", standaard: 100)
        let getoond = blad.deel(regels)
        for r in getoond {
            t.rijen.append([Tabel.Cel(r.client), .euro(r.gedeclareerd), .aantal(r.toewijzingen),
                            Tabel.Cel(r.percelen.joined(separator: " ")),
                            Tabel.Cel(r.aanbieders.map { ref.aanbieders[$0]?.naam ?? $0 }.joined(separator: "; "), machine: r.aanbieders.joined(separator: " ")),
                            Tabel.Cel(r.eersteIngang?.nederlands ?? "", machine: r.eersteIngang?.description ?? ""),
                            Tabel.Cel(r.verwijzers.map(\.omschrijving).joined(separator: "; "), machine: r.verwijzers.map(\.rawValue).joined(separator: " ")),
                            Tabel.Cel(r.gemeenten.joined(separator: " "))])
        }
        var w = WebTabel(id: "clienten", titel: "Cliënten op kosten", tabel: t)
        w.kern = ["client", "gedeclareerd", "toewijzingen", "percelen", "eerste_ingangsdatum", "verwijzer_type"]
        w.koppelingen[0] = getoond.map { Webhtml.link("/client/\(Webhtml.url($0.client))", [("gemeente", gemeente.code)]) }
        w.toelichting = blad.toelichting(verfijn: "Meer per pagina met aantal (tot en met 1000), of download alles als CSV.")
        w.blad = blad.blad
        p.voeg(.tabel(w))
        return p
    }
}
