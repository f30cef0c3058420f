import RegioCore

/// Storage of the signal work list: signals with their state, their status history and the runs that made them.
public protocol SignaalStore: Sendable {
    /// Every stored signal with its state, by id.
    func signalen() throws -> [BeheerdSignaal]
    /// One signal; nil when no signal has that id.
    func signaal(id: Int64) throws -> BeheerdSignaal?
    /// Stores what a run decided (`Signaalbeheer.verwerk`) in one transaction; new signals get the next ids.
    func slaOp(_ m: Signaalmutaties, peildatum: Dag, tijdstip: String) throws -> Signaalrunverslag
    /// Sets a signal's status by hand; nil when no signal has that id.
    func markeer(id: Int64, status: Signaalstatus, door: String, tijdstip: String, notitie: String?) throws -> BeheerdSignaal?
    /// The valuation date of the latest stored run; nil before the first.
    func laatstePeildatum() throws -> Dag?
    /// A signal's status changes, oldest first.
    func historie(id: Int64) throws -> [Statuswijziging]
}

/// One status change of a signal: who, when, to what, and why.
public struct Statuswijziging: Sendable, Equatable {
    public var tijdstip: String
    public var status: Signaalstatus
    public var door: String
    public var notitie: String?
    public init(tijdstip: String, status: Signaalstatus, door: String, notitie: String?) {
        self.tijdstip = tijdstip; self.status = status; self.door = door; self.notitie = notitie
    }
}

/// What one stored run did to the work list.
public struct Signaalrunverslag: Sendable, Equatable {
    public var peildatum: Dag
    public var nieuw = 0
    public var gewijzigd = 0
    public var ongewijzigd = 0
    public var gesloten = 0
    public var heropend = 0
    public init(peildatum: Dag) { self.peildatum = peildatum }
}

/// The signal tables as portable SQL (SQLite and PostgreSQL both accept it); ids are given by the store.
extension Schemadefinitie {
    public static let v2Signalen: [String] = [
        """
        CREATE TABLE signaal (id BIGINT NOT NULL PRIMARY KEY, sleutel TEXT NOT NULL UNIQUE, regel TEXT NOT NULL,
          gemeentecode TEXT NOT NULL, client TEXT NOT NULL, agb TEXT, perceel TEXT, bedrag_cent BIGINT, van BIGINT, tot BIGINT,
          peildag BIGINT NOT NULL, toelichting TEXT NOT NULL, status TEXT NOT NULL, status_door TEXT, status_op TEXT,
          automatisch_gesloten BIGINT NOT NULL, notitie TEXT, eerste_keer BIGINT NOT NULL, laatst_actief BIGINT NOT NULL)
        """,
        "CREATE INDEX signaal_gemeente ON signaal (gemeentecode, status)",
        """
        CREATE TABLE signaalhistorie (signaal_id BIGINT NOT NULL, volgnummer BIGINT NOT NULL, tijdstip TEXT NOT NULL,
          status TEXT NOT NULL, door TEXT NOT NULL, notitie TEXT, PRIMARY KEY (signaal_id, volgnummer))
        """,
        """
        CREATE TABLE signaalrun (id BIGINT NOT NULL PRIMARY KEY, peildatum BIGINT NOT NULL, tijdstip TEXT NOT NULL,
          nieuw BIGINT NOT NULL, gewijzigd BIGINT NOT NULL, gesloten BIGINT NOT NULL, heropend BIGINT NOT NULL)
        """,
    ]
}
