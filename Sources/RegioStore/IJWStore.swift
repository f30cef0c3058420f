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
    /// Inserts or updates deliveries by (toewijzingnummer, begindatum); says which was which.
    func schrijf(_ leveringen: [Levering]) throws -> Telling
    /// Removes a delivery (a start withdrawn with StatusAanlevering 3).
    func verwijderLevering(toewijzingnummer: String, begindatum: Dag) throws
    /// Records an imported message.
    func logBericht(_ bericht: IJWBerichtlog) throws
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
