import RegioCore

/// What the iJw import stores beyond `RegioStore`: deliveries (start and stop of care, JW305/JW307) and the log of
/// imported messages, which makes a repeated import of the same message a no-op and a reused identification an error.
public protocol IJWStore: RegioStore {
    /// Every delivery, as domain values.
    func leveringen() throws -> [Levering]
    /// Every imported iJw message.
    func ijwBerichten() throws -> [IJWBerichtlog]
    /// Runs `werk` in one transaction, like `transactie`, with a writer that also writes deliveries and the message log.
    func ijwTransactie<T>(_ werk: (any IJWSchrijver) throws -> T) throws -> T
}

/// Writes inside an iJw transaction.
public protocol IJWSchrijver: StoreSchrijver {
    /// The transaction's connection for statements written once (the deliveries and the message log below).
    var sql: any SQLVerbinding { get }
}

/// Deliveries and the message log, written once for both databases.
extension IJWSchrijver {
    /// Inserts or updates deliveries by (toewijzingnummer, begindatum); says which was which.
    public func schrijf(_ leveringen: [Levering]) throws -> Telling {
        var telling = Telling()
        for l in leveringen {
            let sleutel = [Waarde(l.toewijzingnummer), Waarde(l.begindatum)]
            let inhoud = [Waarde(l.client), Waarde(l.gemeentecode), Waarde(l.agb), Waarde(l.productcategorie), Waarde(l.productcode),
                          Waarde(l.einddatum), Waarde(l.redenBeeindiging), Waarde(l.gestartOp), Waarde(l.gestoptOp)]
            let hash = Waarde(Levering.inhoudHash(l))
            if let bestaand = try sql.rijen("SELECT inhoud FROM levering WHERE toewijzingnummer = ? AND begindatum = ?", sleutel).first {
                if bestaand.first?.geheel == hash.geheel { telling.ongewijzigd += 1; continue }
                try sql.voerUit("""
                    UPDATE levering SET client = ?, gemeentecode = ?, agb = ?, productcategorie = ?, productcode = ?, einddatum = ?,
                      reden_beeindiging = ?, gestart_op = ?, gestopt_op = ?, inhoud = ? WHERE toewijzingnummer = ? AND begindatum = ?
                    """, inhoud + [hash] + sleutel)
                telling.gewijzigd += 1
                telling.gewijzigdeSleutels.append("\(l.toewijzingnummer)/\(l.begindatum)")
            } else {
                try sql.voerUit("""
                    INSERT INTO levering (toewijzingnummer, begindatum, client, gemeentecode, agb, productcategorie, productcode,
                      einddatum, reden_beeindiging, gestart_op, gestopt_op, inhoud) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, sleutel + inhoud + [hash])
                telling.toegevoegd += 1
            }
        }
        return telling
    }

    /// Removes a delivery (a start withdrawn with StatusAanlevering 3).
    public func verwijderLevering(toewijzingnummer: String, begindatum: Dag) throws {
        try sql.voerUit("DELETE FROM levering WHERE toewijzingnummer = ? AND begindatum = ?", [Waarde(toewijzingnummer), Waarde(begindatum)])
    }

    /// Records an imported message.
    public func logBericht(_ b: IJWBerichtlog) throws {
        try sql.voerUit("""
            INSERT INTO ijw_bericht (berichtsoort, afzender, identificatie, dagtekening, inhoud, verwijzing, bestand, tijdstip)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [Waarde(b.berichtsoort), Waarde(b.afzender), Waarde(b.identificatie), Waarde(b.dagtekening), Waarde(b.inhoudHash),
                  Waarde(b.verwijzing), Waarde(b.bestand), Waarde(b.tijdstip)])
    }
}

/// One imported iJw message: identified by type, sender and identification (iJw TR056).
public struct IJWBerichtlog: Sendable, Equatable {
    public var berichtsoort: String
    public var afzender: String
    public var identificatie: String
    public var dagtekening: Dag
    /// Fingerprint of the file's content: the same identification with other content is a different message.
    public var inhoudHash: Int64
    /// The declaration (region key) a JW323 created or a JW325 answered.
    public var verwijzing: String?
    public var bestand: String
    public var tijdstip: String

    public init(berichtsoort: String, afzender: String, identificatie: String, dagtekening: Dag, inhoudHash: Int64,
                verwijzing: String?, bestand: String, tijdstip: String) {
        self.berichtsoort = berichtsoort; self.afzender = afzender; self.identificatie = identificatie
        self.dagtekening = dagtekening; self.inhoudHash = inhoudHash; self.verwijzing = verwijzing
        self.bestand = bestand; self.tijdstip = tijdstip
    }
}
