import Testing
@testable import RegioCore

/// A small region for the signal rules: two municipalities, four lots, four products, three providers.
enum Fx {
    static func d(_ s: String) -> Dag { Dag.parse(s)! }

    static let a1 = "11111111", a2 = "22222222", a3 = "33333333"

    static func basis() -> Gegevens {
        var g = Gegevens()
        g.gemeenten = [Gemeente(code: "0001", naam: "Aadorp"), Gemeente(code: "0002", naam: "Beestad")]
        g.percelen = [Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false),
                      Perceel(code: "CRI", naam: "Crisis", segment: "Crisis", verevend: true),
                      Perceel(code: "VBJ", naam: "Verblijf", segment: "Verblijf", verevend: true),
                      Perceel(code: "EF", naam: "Essentiële functies", segment: "Hoogspecialistisch", verevend: true)]
        g.producten = [Product(productcode: "45A04", productcategorie: "45", perceel: "AMB", tarief: Euro(euro: 100)),
                       Product(productcode: "46A03", productcategorie: "46", perceel: "CRI", tarief: Euro(euro: 400)),
                       Product(productcode: "43A01", productcategorie: "43", perceel: "VBJ", tarief: Euro(euro: 200)),
                       Product(productcode: "43A13", productcategorie: "43", perceel: "EF", tarief: Euro(euro: 800))]
        g.aanbieders = [Aanbieder(agb: a1, naam: "Zorg Een"), Aanbieder(agb: a2, naam: "Zorg Twee"), Aanbieder(agb: a3, naam: "Zorg Drie")]
        return g
    }

    static func categorie(_ code: String) -> String { String(code.prefix(2)) }

    static func tw(_ nr: String, _ client: String, _ code: String, _ van: String, _ tot: String?, gemeente: String = "0001",
                   agb: String = a1, volume: Int64 = 1, _ f: Frequentie = .perDag, op: String? = nil, verzoek: String? = nil,
                   reden: String? = nil) -> Toewijzing {
        Toewijzing(toewijzingnummer: nr, client: client, gemeentecode: gemeente, agb: agb, productcategorie: categorie(code),
                   productcode: code, ingangsdatum: d(van), einddatum: tot.map(d), volume: volume, frequentie: f,
                   verzoeknummer: verzoek, redenWijziging: reden, toewijzingsdatum: d(op ?? van))
    }

    static func decl(_ ref: String, _ tw: String, _ client: String, _ van: String, _ tot: String, euro: Int64,
                     gemeente: String = "0001", agb: String = a1, _ dc: DebetCredit = .debet, _ status: DeclaratieStatus = .toegekend,
                     op: String? = nil) -> Declaratieregel {
        decl(ref, tw, client, "45A04", van, tot, euro: euro, gemeente: gemeente, agb: agb, dc, status, op: op)
    }

    static func decl(_ ref: String, _ tw: String, _ client: String, _ code: String, _ van: String, _ tot: String,
                     euro: Int64, gemeente: String = "0001", agb: String = a1, _ dc: DebetCredit = .debet,
                     _ status: DeclaratieStatus = .toegekend, op: String? = nil) -> Declaratieregel {
        Declaratieregel(declaratienummer: "D-" + ref, referentienummer: ref, toewijzingnummer: tw, client: client, gemeentecode: gemeente,
                        agb: agb, productcategorie: categorie(code), productcode: code, begindatum: d(van), einddatum: d(tot),
                        bedrag: Euro(euro: euro), debetCredit: dc, status: status, ingediendOp: op.map(d) ?? d(tot) + 10)
    }

    static func vz(_ nr: String, _ client: String, _ van: String, ontvangen: String, gemeente: String = "0001",
                   agb: String = a1, volume: Int64 = 2, _ f: Frequentie = .perWeek) -> Verzoek {
        vz(nr, client, "45A04", van, ontvangen: ontvangen, gemeente: gemeente, agb: agb, volume: volume, f)
    }

    static func vz(_ nr: String, _ client: String, _ code: String, _ van: String, ontvangen: String, gemeente: String = "0001",
                   agb: String = a1, volume: Int64 = 2, _ f: Frequentie = .perWeek) -> Verzoek {
        Verzoek(verzoeknummer: nr, client: client, gemeentecode: gemeente, agb: agb, productcategorie: categorie(code), productcode: code,
                ingangsdatum: d(van), volume: volume, frequentie: f, ontvangenOp: d(ontvangen))
    }

    /// Monthly lines of a fixed amount for a client, one per month from `van` through `tot` ("YYYY-MM").
    static func maandregels(_ client: String, _ van: String, _ tot: String, euro: Int64, gemeente: String = "0001",
                            code: String = "45A04", agb: String = a1) -> [Declaratieregel] {
        var m = Maand.parse(van)!, uit: [Declaratieregel] = []
        while m <= Maand.parse(tot)! {
            uit.append(decl("\(client)-\(m)", "T-\(client)", client, code, m.eersteDag.description, m.laatsteDag.description,
                            euro: euro, gemeente: gemeente, agb: agb))
            m = m + 1
        }
        return uit
    }

    /// Runs one rule (others off) with optional overrides.
    static func signalen(_ g: Gegevens, _ regel: any Signaalregel, peil: String, _ waarden: [String: Parameterwaarde] = [:],
                         extra: [String: Regelinstelling] = [:]) -> [Signaal] {
        var i = Signaalinstellingen(regels: extra)
        i.regels[regel.code] = Regelinstelling(waarden: waarden)
        return Signaalmotor.voerUit(g, peildatum: d(peil), instellingen: i, regels: [regel]).signalen
            .sorted { $0.sleutel < $1.sleutel }
    }
}
