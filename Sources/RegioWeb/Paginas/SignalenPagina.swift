import RegioCore
import RegioStore

/// The signal work list. Signals name clients, so the list is client-level data: the region sees all, a municipality
/// its own (every view logged), a council only the counts per rule and municipality, small counts suppressed.
enum SignalenPagina {
    static func statussen(_ tekst: String?) throws -> Set<Signaalstatus> {
        switch tekst ?? "open" {
        case "open": return [.nieuw, .gezien]
        case "alle": return []
        case let t:
            guard let s = Signaalstatus(rawValue: t) else { throw Paginafout.ongeldig("onbekende status '\(t)'") }
            return [s]
        }
    }

    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let signaalstore = v.bron.store
        let ref = try v.bron.referentie()
        var gemeente: String? = nil
        if let t = v["gemeente"] { gemeente = try v.gemeente().code; _ = t }
        if case .gemeente(let eigen) = v.rol {
            if let gemeente, gemeente != eigen { try v.eisClientgegevens(van: gemeente) }
            gemeente = eigen
        }
        if let r = v["regel"], Signaalregels.regel(r) == nil { throw Paginafout.ongeldig("onbekende regel '\(r)'") }
        let raad = v.rol == .raad
        // a council sees one table, the open signals of all years: counts of other selections would differ from it by
        // a few signals, and such a difference is a small number
        let filter = raad ? Signaalfilter(gemeente: gemeente, regel: v["regel"])
            : Signaalfilter(jaar: v["jaar"].flatMap { Int($0) }, gemeente: gemeente, regel: v["regel"], statussen: try statussen(v["status"]))
        // in list order already, filtered and counted once per filter and change of the signals
        let getoond = try v.bron.signaalselectie(filter)
        let peil = try signaalstore.laatstePeildatum()

        var p = Pagina(titel: "Signalen", ondertitel: peil.map { "Laatste run van de regels: peildatum \($0.nederlands)." }
                       ?? "De regels zijn nog niet gedraaid.")
        let gemeenten = ref.gemeenten.values.sorted { $0.code < $1.code }
        var velden: [String] = []
        if v.rol.isRegio || v.rol == .raad {
            velden.append(Keuze.lijst("gemeente", "Gemeente", [("", "alle")] + gemeenten.map { ($0.code, $0.naam) }, gekozen: gemeente))
        }
        velden.append(Keuze.lijst("regel", "Regel", [("", "alle")] + Signaalregels.alle.map { ($0.code, Signaaluitleg.voor($0.code).naam) }, gekozen: v["regel"]))
        if !raad {
            velden.append(Keuze.lijst("status", "Status", [("open", "open (nieuw en gezien)"), ("nieuw", "nieuw"), ("gezien", "gezien"),
                                                           ("afgehandeld", "afgehandeld"), ("alle", "alle")], gekozen: v["status"] ?? "open"))
        }
        p.voeg(.html(Keuze.formulier("/signalen", velden)))
        if v.rol.isRegio {
            p.voeg(.html("""
                <form class="keuze" method="post" action="/signalen/bijwerken"><input type="hidden" name="csrf" value="\(Webhtml.esc(v.csrf))">\
                <button>Regels nu draaien en de lijst bijwerken</button></form>
                """))
        }

        // counts per rule and municipality: what a council may see, and the region's overview
        let codes = gemeente.map { [$0] } ?? gemeenten.map(\.code)
        var telling = Tabel(kolommen: [.init("regel", "Regel", .links)]
                            + codes.map { .init($0, ref.gemeenten[$0]?.naam ?? $0) } + [.init("totaal", "Totaal")])
        let aantallen = getoond.aantallen
        // a council's counts by the linked table of all rules and municipalities (an empty count looks like a small one)
        let plan = raad ? try v.bron.raadstelling() : nil
        func cel(_ n: Int, _ s: Onderdrukking.Status) -> Tabel.Cel { s.isVerborgen ? Tabel.Cel(s.merk, machine: "") : .aantal(n) }
        for r in Signaalregels.alle where filter.regel == nil || filter.regel == r.code {
            let perGemeente = codes.map { c in aantallen[r.code]?[c] ?? 0 }
            let totaal = perGemeente.reduce(0, +)
            guard totaal > 0 || raad else { continue }
            let alle = gemeente == nil
            telling.rijen.append([Tabel.Cel(Signaaluitleg.voor(r.code).naam, machine: r.code)]
                                 + zip(codes, perGemeente).map { c, n in cel(n, plan?.status(regel: r.code, gemeente: c) ?? .zichtbaar) }
                                 + [cel(totaal, plan?.status(regel: r.code, gemeente: alle ? nil : gemeente) ?? .zichtbaar)])
        }
        var tw = WebTabel(id: "signalen_per_regel", titel: "Aantal signalen per regel en gemeente", tabel: telling)
        tw.koppelingen[0] = telling.rijen.map { "/signalen/regels#" + $0[0].machine }
        tw.toelichting = "Wat elke regel controleert, met de drempels van de regio en wat te doen: zie de pagina Signaalregels (klik op een regel)."
            + (raad ? " Open signalen, alle jaren. " + Onderdrukking.toelichting.replacing("cliënten", with: "signalen") : "")
        p.voeg(.tabel(tw))

        guard !raad else {
            p.voeg(.melding("Raadsleden zien alleen aantallen; de signalen zelf noemen cliënten.", soort: .info))
            return p
        }
        let blad = try Bladeren(v, totaal: getoond.count, tabel: "signalen", standaard: 100)
        let lijst = getoond.signalen(blad.bereik)
        p.inzage = ("signalenlijst (\(lijst.count) van \(getoond.count) signalen)", gemeente ?? "")
        var t = Signaalweergave.lijst(lijst)
        let notitie = t.kolommen.firstIndex { $0.naam == "notitie" }!
        t.kolommen.remove(at: notitie)
        t.rijen = t.rijen.map { r in var r = r; r.remove(at: notitie); return r }
        var w = WebTabel(id: "signalen", titel: "Signalen (\(Tabel.groepeer(getoond.count)))", tabel: t)
        // who, how much and why; the provider, the period and who changed the status with "meer kolommen"
        w.kern = ["id", "regel", "gemeentecode", "clientnummer", "perceel", "bedrag", "status", "toelichting"]
        w.koppelingen[0] = lijst.map { "/signalen/\($0.id)" }
        w.koppelingen[3] = lijst.map { "/client/" + Webhtml.url($0.signaal.client) }
        w.rijklassen = lijst.map { $0.status == .nieuw ? "nieuw" : nil }
        w.toelichting = "Klik op het nummer om een signaal te bekijken en als gezien of afgehandeld te markeren."
        let verder = blad.toelichting(verfijn: "Verfijn met gemeente, regel of status, of download alles als CSV.")
        if !verder.isEmpty { w.toelichting += " " + verder }
        w.blad = blad.blad
        p.voeg(.tabel(w))
        return p
    }

    /// The rules: what each checks, the region's thresholds (its rule file), why it matters in money, what to do, and
    /// (not for a council: small numbers) how many open signals and how much money each has now.
    static func regels(_ v: Paginaverzoek) throws -> Pagina {
        let raad = v.rol == .raad
        var eigen: String? = nil
        if case .gemeente(let g) = v.rol { eigen = g }
        let alle = raad ? [] : try v.bron.signalen()
        var aantal: [String: Int] = [:], bedrag: [String: Euro] = [:]
        for b in alle where b.isOpen && (eigen == nil || b.signaal.gemeentecode == eigen) {
            aantal[b.signaal.regel, default: 0] += 1
            bedrag[b.signaal.regel, default: .nul] += b.signaal.bedrag ?? .nul
        }
        var p = Pagina(titel: "Signaalregels", ondertitel: "Wat elke regel controleert, met de drempels van de regio"
                       + (raad ? "." : eigen == nil ? ", en wat er nu openstaat." : ", en wat er nu openstaat voor uw gemeente."))
        var t = Tabel(kolommen: [.init("regel", "Regel", .links), .init("code", "Code", .links), .init("controleert", "Controleert", .links),
                                 .init("drempels", "Drempels", .links), .init("waarom", "Waarom het telt", .links), .init("actie", "Wat te doen", .links)]
                      + (raad ? [] : [.init("open", "Open"), .init("bedrag", "Bedrag open")]))
        for r in Signaalregels.alle {
            let u = Signaaluitleg.voor(r.code)
            let actief = v.regels.isActief(r.code)
            let drempels = r.parameters.map { p in "\(p.omschrijving): \((v.regels.waarde(r, p.naam) ?? p.standaard).tekst)" }.joined(separator: "; ")
            var rij = [Tabel.Cel(u.naam), Tabel.Cel(r.code), Tabel.Cel(r.omschrijving + (actief ? "" : " (uitgezet in het regelbestand)")),
                       Tabel.Cel(drempels.isEmpty ? "—" : drempels, machine: drempels), Tabel.Cel(u.waarom), Tabel.Cel(u.actie)]
            if !raad { rij += [.aantal(aantal[r.code] ?? 0), .euro(bedrag[r.code] ?? .nul)] }
            t.rijen.append(rij)
        }
        var w = WebTabel(id: "regels", titel: "De regels", tabel: t)
        w.rijIds = Signaalregels.alle.map(\.code)
        w.kern = ["regel", "controleert", "drempels", "waarom", "actie", "open", "bedrag"]
        if !raad { w.koppelingen[6] = Signaalregels.alle.map { Webhtml.link("/signalen", [("regel", $0.code)]) } }
        w.toelichting = "De drempels komen uit het regelbestand van de regio (bij de start van het dashboard opgegeven); zonder regelbestand gelden de standaardwaarden. "
            + "Het bedrag is de som van de bedragen in de open signalen (niet elk signaal heeft een bedrag)."
        p.voeg(.tabel(w))
        return p
    }

    /// One signal with its history and the form to change its state.
    static func detail(_ v: Paginaverzoek) throws -> Pagina {
        let signaalstore = v.bron.store
        guard let id = v["id"].flatMap({ Int64($0) }), let b = try signaalstore.signaal(id: id) else {
            throw Paginafout.nietGevonden("onbekend signaal '\(v["id"] ?? "")'")
        }
        try v.eisClientgegevens(van: b.signaal.gemeentecode)
        let s = b.signaal
        let uitleg = Signaaluitleg.voor(s.regel)
        var p = Pagina(titel: "Signaal \(b.id): \(uitleg.naam)", ondertitel: Signaalregels.regel(s.regel)?.omschrijving ?? "")
        p.inzage = ("signaal \(b.id) (cliënt \(s.client))", s.gemeentecode)
        p.voeg(.tegels([
            Tegel(label: "Status", waarde: b.status.rawValue, toelichting: b.statusDoor.map { "door \($0) op \(b.statusOp.map(Tijdstip.nederlands) ?? "")" } ?? ""),
            Tegel(label: "Bedrag", waarde: s.bedrag?.heleEuros ?? "—"),
            Tegel(label: "Periode", waarde: [s.van?.nederlands, s.tot?.nederlands].compactMap { $0 }.joined(separator: " – ")),
        ]))
        // what is wrong, what to do, and the way to everything it names
        let ref = try v.bron.referentie()
        var wie = ["cliënt " + Webhtml.a("/client/" + Webhtml.url(s.client), s.client)]
        wie.append("gemeente " + Webhtml.a("/gemeente/" + Webhtml.url(s.gemeentecode), ref.gemeenten[s.gemeentecode]?.naam ?? s.gemeentecode))
        if let agb = s.agb { wie.append("aanbieder " + Webhtml.a("/aanbieders/" + Webhtml.url(agb), ref.aanbieders[agb]?.naam ?? agb)) }
        if let perceel = s.perceel { wie.append("perceel " + Webhtml.a("/percelen/" + Webhtml.url(perceel), ref.percelen[perceel]?.naam ?? perceel)) }
        p.voeg(.html("<section class=\"samenvatting\"><h2>Wat is er aan de hand</h2><p>\(Webhtml.esc(s.toelichting))</p>"
                     + (uitleg.waarom.isEmpty ? "" : "<p>\(Webhtml.esc(uitleg.waarom))</p>")
                     + "<h2>Wat te doen</h2><p>\(Webhtml.esc(uitleg.actie))</p>"
                     + "<p>Over: " + wie.joined(separator: " · ") + " · " + Webhtml.a("/signalen/regels#" + Webhtml.url(s.regel), "de regel en haar drempels") + "</p></section>"))
        let opties = Signaalstatus.allCases.map { "<option\($0 == b.status ? " selected" : "")>\($0.rawValue)</option>" }.joined()
        p.voeg(.html("""
            <form class="keuze" method="post" action="/signalen/\(b.id)">\
            <label>Nieuwe status<select name="status">\(opties)</select></label>\
            <label>Notitie<input name="notitie" size="40" maxlength="500"></label>\
            <input type="hidden" name="csrf" value="\(Webhtml.esc(v.csrf))"><button>Opslaan</button></form>
            """))
        var h = Tabel(kolommen: [.init("tijdstip", "Tijdstip", .links), .init("status", "Status", .links), .init("door", "Door", .links),
                                 .init("notitie", "Notitie", .links)])
        h.rijen = try signaalstore.historie(id: b.id).map { [Tijdstip.cel($0.tijdstip), Tabel.Cel($0.status.rawValue), Tabel.Cel($0.door),
                                                             Tabel.Cel($0.notitie ?? "")] }
        p.voeg(.tabel(WebTabel(id: "historie", titel: "Historie", tabel: h)))
        return p
    }

}
