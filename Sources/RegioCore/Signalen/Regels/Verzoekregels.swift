/// VOT-LAAT: a request for allocation (JW315) received more than N days after the start it asks for.
public struct VotLaat: Signaalregel {
    public init() {}
    public let code = "VOT-LAAT"
    public let omschrijving = "Verzoek om toewijzing (JW315) meer dan N dagen na de ingangsdatum ontvangen (met terugwerkende kracht)"
    public let parameters = [
        Regelparameter("dagen", .dagen, .getal(30), "signaal als het verzoek later dan zoveel dagen na de ingangsdatum binnenkwam"),
        Regelparameter("terugkijken_dagen", .dagen, .getal(365), "verzoeken ontvangen binnen zoveel dagen vóór de peildatum"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        // beyond the alarm limit VOT-ALARM speaks instead (when active), so a request gives one signal
        let alarm = w.isActief(VotAlarm().code) ? w.van(VotAlarm().code).map { $0.dagen("dagen") } : nil
        return Terugwerkend.signalen(c, code: code, grens: w.dagen("dagen"), tot: alarm, terugkijken: w.dagen("terugkijken_dagen"))
    }
}

/// VOT-ALARM: a request received more than half a year (182 days) after its start.
public struct VotAlarm: Signaalregel {
    public init() {}
    public let code = "VOT-ALARM"
    public let omschrijving = "Alarm: verzoek om toewijzing meer dan 182 dagen na de ingangsdatum ontvangen"
    public let parameters = [
        Regelparameter("dagen", .dagen, .getal(182), "alarm als het verzoek later dan zoveel dagen na de ingangsdatum binnenkwam"),
        Regelparameter("terugkijken_dagen", .dagen, .getal(365), "verzoeken ontvangen binnen zoveel dagen vóór de peildatum"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        Terugwerkend.signalen(c, code: code, grens: w.dagen("dagen"), tot: nil, terugkijken: w.dagen("terugkijken_dagen"))
    }
}

enum Terugwerkend {
    /// Requests received in the window more than `grens` days (and at most `tot` days, when given) after their start.
    static func signalen(_ c: Signaalcontext, code: String, grens: Int, tot: Int?, terugkijken: Int) -> ([Signaal], Dag?) {
        let vanaf = c.peildatum - terugkijken
        var uit: [Signaal] = []
        for v in c.gegevens.verzoeken where v.ontvangenOp >= vanaf && v.ontvangenOp <= c.peildatum {
            let dagen = v.dagenTeLaat
            guard dagen > grens, tot.map({ dagen <= $0 }) ?? true else { continue }
            // the commitment of the care given before anyone asked: the answering allocation's, else the request's own
            let t = c.antwoord(op: v)
                ?? Toewijzing(toewijzingnummer: v.verzoeknummer, client: v.client, gemeentecode: v.gemeentecode, agb: v.agb,
                              productcategorie: v.productcategorie, productcode: v.productcode, ingangsdatum: v.ingangsdatum,
                              einddatum: v.einddatum, volume: v.volume, eenheid: v.eenheid, frequentie: v.frequentie,
                              toewijzingsdatum: v.ontvangenOp)
            let bedrag = c.verplichting(t, van: v.ingangsdatum, tot: v.ontvangenOp - 1)
            let perceel = c.perceel(v.productcategorie, v.productcode, jaar: v.ingangsdatum.jaar)?.code
            uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, v.gemeentecode, v.client, v.verzoeknummer),
                               gemeentecode: v.gemeentecode, client: v.client, agb: v.agb, perceel: perceel, bedrag: bedrag,
                               van: v.ingangsdatum, tot: v.ontvangenOp, peildag: v.ontvangenOp,
                               toelichting: "Verzoek \(v.verzoeknummer) (\(Tekst.product(v.productcategorie, v.productcode))) van "
                                + "\(c.aanbiederNaam(v.agb)) ontvangen \(Tekst.dag(v.ontvangenOp)), \(dagen) dagen na de ingangsdatum "
                                + "\(Tekst.dag(v.ingangsdatum)) (grens \(grens) dagen)"
                                + (bedrag.map { "; verplichting over die dagen \(Tekst.euro($0))" } ?? "") + "."))
        }
        return (uit, vanaf)
    }
}

/// ANTWOORD-LAAT: the municipality's answer (JW301 allocation) later than the iJw deadline of 5 working days after the
/// request (JW315), or still missing after it.
public struct AntwoordLaat: Signaalregel {
    public init() {}
    public let code = "ANTWOORD-LAAT"
    public let omschrijving = "Toewijzing (JW301) later dan 5 werkdagen na het verzoek (JW315), of nog geen antwoord na die termijn"
    public let parameters = [
        Regelparameter("werkdagen", .werkdagen, .getal(5), "termijn voor het antwoord, in werkdagen na ontvangst"),
        Regelparameter("feestdagen", .janee, .janee(true), "officiële feestdagen tellen niet als werkdag"),
        Regelparameter("terugkijken_dagen", .dagen, .getal(365), "verzoeken ontvangen binnen zoveel dagen vóór de peildatum"),
    ]

    public func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?) {
        let termijn = w.dagen("werkdagen"), werkdagen = Werkdagen(feestdagen: w.janee("feestdagen"))
        let vanaf = c.peildatum - w.dagen("terugkijken_dagen")
        var uit: [Signaal] = []
        for v in c.gegevens.verzoeken where v.ontvangenOp >= vanaf && v.ontvangenOp <= c.peildatum {
            let uiterlijk = werkdagen.na(v.ontvangenOp, termijn)
            let antwoord = c.antwoord(op: v)
            let tekst: String
            if let a = antwoord {
                guard a.toewijzingsdatum > uiterlijk else { continue }
                tekst = "Toewijzing \(a.toewijzingnummer) op \(Tekst.dag(a.toewijzingsdatum)), "
                    + "\(werkdagen.tussen(v.ontvangenOp, a.toewijzingsdatum)) werkdagen na ontvangst van verzoek \(v.verzoeknummer) op "
                    + "\(Tekst.dag(v.ontvangenOp)) (termijn \(termijn) werkdagen, uiterlijk \(Tekst.dag(uiterlijk)))."
            } else {
                guard c.peildatum > uiterlijk else { continue }
                tekst = "Verzoek \(v.verzoeknummer) van \(Tekst.dag(v.ontvangenOp)) is op de peildatum na "
                    + "\(werkdagen.tussen(v.ontvangenOp, c.peildatum)) werkdagen nog niet toegewezen (termijn \(termijn) werkdagen, "
                    + "uiterlijk \(Tekst.dag(uiterlijk))); een afwijzing (JW316) wordt hier niet geregistreerd."
            }
            let perceel = c.perceel(v.productcategorie, v.productcode, jaar: v.ingangsdatum.jaar)?.code
            uit.append(Signaal(regel: code, sleutel: Signaal.sleutel(code, v.gemeentecode, v.client, v.verzoeknummer),
                               gemeentecode: v.gemeentecode, client: v.client, agb: v.agb, perceel: perceel, bedrag: nil,
                               van: v.ontvangenOp, tot: antwoord?.toewijzingsdatum ?? c.peildatum, peildag: v.ontvangenOp,
                               toelichting: tekst))
        }
        return (uit, vanaf)
    }
}
