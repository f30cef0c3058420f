import RegioCore

/// Where in the file a part of a message is: its element path and line, for errors found after reading.
struct Plaats: Sendable {
    let pad: String
    let regel: Int
    func en(_ deel: String) -> Plaats { Plaats(pad: pad.isEmpty ? deel : pad + "/" + deel, regel: regel) }
}

/// The header every message has.
struct IJWKop: Sendable {
    let soort: IJWBerichtsoort
    let afzender: String
    let ontvanger: String
    let identificatie: String
    let dagtekening: Dag

    /// "JW301 0384/123456789012": how a message is named in reports.
    var id: String { "\(soort.rawValue) \(afzender)/\(identificatie)" }
    /// The key of the message log (iJw TR056: identification is unique per sender and message type).
    var logSleutel: String { "\(soort.rawValue)|\(afzender)|\(identificatie)" }
}

/// A message read, validated against the XSD and translated to domain values, before any check against what the
/// region already has. `fouten` holds what was found so far (XSD, BSN, totals, ...).
struct IJWBericht: Sendable {
    let bestand: String
    let kop: IJWKop
    /// Fingerprint of the message's values (not its formatting): the same message imported again is recognised.
    let inhoudHash: Int64
    var inhoud: Inhoud
    var fouten: [IJWFout] = []
    /// Lines of the header's elements ("Ontvanger", "BerichtIdentificatie/Identificatie"), for errors found later.
    var kopregels: [String: Int] = [:]

    /// The place of a header element.
    func kopPlaats(_ veld: String) -> Plaats { Plaats(pad: "Header/" + veld, regel: kopregels[veld] ?? 0) }

    enum Inhoud: Sendable {
        case verzoeken([Item<Verzoek>])
        case toewijzingen([Item<Toewijzing>])
        case starts([Startregel])
        case stops([Stopregel])
        case declaratie(Declaratie)
        case antwoord(Antwoord)
    }

    /// A domain value with the place it came from.
    struct Item<T: Sendable>: Sendable {
        var waarde: T
        let plaats: Plaats
    }

    /// StartProduct (JW305): ToewijzingNummer, Product and ToewijzingIngangsdatum are optional in the XSD.
    struct Startregel: Sendable {
        let toewijzingnummer: String?
        let categorie: String?
        let code: String?
        let toewijzingIngangsdatum: Dag?
        let begindatum: Dag
        let status: String
        let client: ClientID
        let plaats: Plaats
    }

    /// StopProduct (JW307).
    struct Stopregel: Sendable {
        let start: Startregel
        let redenBeeindiging: String
        let einddatum: Dag
    }

    /// Declaratie (JW323) with its prestaties as declaration lines.
    struct Declaratie: Sendable {
        /// Region key: "<AGB>-<DeclaratieNummer>" (a declaration number is only unique per provider).
        let declaratienummer: String
        let plaats: Plaats
        let prestaties: [Prestatie]
    }

    struct Prestatie: Sendable {
        var regel: Declaratieregel
        let vorigReferentienummer: String?
        let plaats: Plaats
    }

    /// DeclaratieAntwoord (JW325): which declaration it answers and which prestaties it rejects.
    struct Antwoord: Sendable {
        let declaratieIdentificatie: String
        let declaratieDagtekening: Dag
        let kopRetourcodes: [String]
        /// nil when the message has no DeclaratieAntwoord: the declaration was rejected as a whole.
        let declaratienummer: String?
        /// Signed cents: debit positive, credit negative.
        let totaalIngediend: Int64?
        let prestaties: [Antwoordprestatie]
        let plaats: Plaats
    }

    struct Antwoordprestatie: Sendable {
        /// The line as the answer repeats it, for comparison with what was declared.
        let regel: Declaratieregel
        let retourcodes: [String]
        let afgewezen: Bool
        let plaats: Plaats
    }

    /// Number of items (products, prestaties) in the message.
    var aantalRegels: Int {
        switch inhoud {
        case .verzoeken(let r): r.count
        case .toewijzingen(let r): r.count
        case .starts(let r): r.count
        case .stops(let r): r.count
        case .declaratie(let d): d.prestaties.count
        case .antwoord(let a): a.prestaties.count
        }
    }
}

/// Retourcodes in a JW325 that approve: "no remark" and "fully allocated"; any other code rejects the prestatie.
let goedkeurendeRetourcodes: Set<String> = ["0200", "8001"]
