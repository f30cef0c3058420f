import RegioCore
import RegioWeergave

/// The contracts of a year against what is paid, declared and produced, with each municipality's share: the page of
/// `regiomonitor contracten` (issue 23, point 1).
enum ContractenPagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        let jaar = try v.jaar()
        var p = Pagina(titel: "Contracten \(jaar)",
                       ondertitel: "Per contract de contractsom tegen wat betaald, gedeclareerd en geproduceerd is, en het aandeel van elke gemeente.")
        // operational figures per provider, with clients per month: not a council view
        if v.rol.onderdruktKleineAantallen {
            p.voeg(.melding("Niet in de raadsversie: de contracten tonen per aanbieder betalingen en aantallen cliënten per maand.",
                            soort: .info))
            return p
        }
        let sleuteltekst = v["sleutel"] ?? VereveningSleutel.macrobudget.rawValue
        let sleutel: VereveningSleutel
        do { sleutel = try VereveningSleutel.parse(sleuteltekst) } catch { throw Paginafout.ongeldig(error.description) }
        guard !sleutel.kijktTerug else { throw Paginafout.ongeldig("kies de sleutel macrobudget, jeugdigen of inwoners") }
        var peil = Dag.laatsteVan(jaar: jaar)
        if let t = v["peildatum"], !t.isEmpty {
            guard let d = Dag.parse(t) else { throw Paginafout.ongeldig("ongeldige peildatum '\(t)' (DD-MM-JJJJ)") }
            peil = d
        }
        p.voeg(.html(Keuze.formulier("/contracten", [
            try Keuze.jaar(v, jaar), Keuze.tekst("peildatum", "Peildatum", waarde: v["peildatum"] ?? peil.nederlands, breedte: 10),
            Keuze.lijst("sleutel", "Verdeelsleutel (regio)", [VereveningSleutel.macrobudget, .jeugdigen, .inwoners].map { ($0.rawValue, $0.omschrijving) },
                        gekozen: sleutel.rawValue),
        ])))
        let g = try v.bron.gegevens()
        guard g.contracten.contains(where: { $0.jaar == jaar }) else {
            p.voeg(.melding("Geen contracten voor \(jaar). Importeer een bestand met jaar, perceel, agb, bekostiging en contractsom "
                            + "(en betalingen en productieopgaven).", soort: .info))
            return p
        }
        let o: Contractoverzicht
        do {
            // the declared column needs the lines' cost of the year
            o = try Contractoverzicht(try v.bron.volledigeGegevens(), jaar: jaar, peildatum: peil, sleutel: sleutel)
        } catch let f as VereveningFout {
            p.voeg(.melding("De aandelen kunnen niet worden berekend: \(f.description)", soort: .fout))
            return p
        }
        let som = o.regels.map(\.contract.contractsom).som(), realisatie = o.regels.map(\.realisatie).som()
        let bronnen = Dictionary(grouping: o.regels, by: \.bron).mapValues(\.count)
        p.voeg(.tegels([
            Tegel(label: "Contractsom \(jaar)", waarde: som.heleEuros, toelichting: "\(o.regels.count) contracten"),
            Tegel(label: "Realisatie t/m \(peil.nederlands)", waarde: realisatie.heleEuros,
                  toelichting: som.centen > 0 ? Tabel.procentTekst(Double(realisatie.centen) / Double(som.centen)) + " van de contractsom" : ""),
            Tegel(label: "Bron van de realisatie", waarde: [Contractoverzicht.Bron.declaraties, .betalingen, .schema]
                    .compactMap { b in bronnen[b].map { "\(b.rawValue): \($0)" } }.joined(separator: ", "),
                  toelichting: "aantal contracten per bron; schema: nog geen betalingen, het betaalritme van het contract"),
        ]))
        let gemeentenamen = Dictionary(g.gemeenten.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
        var t = WebTabel(id: "contracten", titel: "Per contract", tabel: Tabel.contracten(o, gemeentenamen: gemeentenamen))
        t.rijklassen = o.regels.map { $0.verschil > .nul ? "boven" : nil }
        // what answers the question fits the page; the rest comes with "meer kolommen" and in the downloads
        t.kern = ["perceel", "aanbieder", "bekostiging", "contractsom", "realisatie", "bron", "verschil", "clienten_laatste_maand"]
            + (o.regels.contains { $0.contract.gemeentecode != nil } ? ["gemeentecode"] : [])
        t.toelichting = "Realisatie: de declaraties (p x q), de betalingen, of het betaalschema waar nog niets betaald is. Cliënten laatste "
            + "maand: uit de laatste productieopgave (cliënten tellen niet op over maanden)."
        p.voeg(.tabel(t))
        var a = WebTabel(id: "per_gemeente", titel: "Realisatie per gemeente", tabel: Tabel.contractaandelen(o, gemeentenamen: gemeentenamen))
        a.toelichting = "Een contract of betaling van één gemeente is van die gemeente; wat de regio betaalt, gaat naar de sleutel "
            + "\(sleutel.rawValue) (\(sleutel.omschrijving)). Elke kolom telt op tot de realisatie van de contracten in dat perceel."
        p.voeg(.tabel(a))
        return p
    }
}
