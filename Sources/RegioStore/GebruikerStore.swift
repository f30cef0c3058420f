import RegioCore

/// Users, their sessions and the audit trail of who saw client-level data (the three roles: README, "Starten").
public protocol GebruikerStore: Sendable {
    /// The user with this name, if any.
    func gebruiker(naam: String) throws -> Gebruiker?
    /// Every user, by name.
    func gebruikers() throws -> [Gebruiker]
    /// Adds the user, or replaces the role and password hash of an existing one.
    func bewaar(_ gebruiker: Gebruiker) throws
    /// Removes the user and its sessions.
    func verwijderGebruiker(naam: String) throws
    /// Stores a new session.
    func bewaar(_ sessie: Sessie) throws
    /// The session whose token has this hash, if any (expired ones included: the caller checks `verlooptOp`).
    func sessie(tokenHash: String) throws -> Sessie?
    /// Ends one session (logout).
    func verwijderSessie(tokenHash: String) throws
    /// Ends every session that expired before `tijdstip` (seconds since 1970) and every session of `gebruiker`.
    func verwijderSessies(verlopenVoor tijdstip: Int64, van gebruiker: String?) throws
    /// Appends one line to the audit trail.
    func logInzage(_ regel: Inzageregel) throws
    /// The newest `limiet` lines of the audit trail, newest first.
    func inzagelog(limiet: Int) throws -> [Inzageregel]
}

/// A user: a name, a role and a password hash (bcrypt); the password itself is never stored.
public struct Gebruiker: Sendable, Equatable {
    public var naam: String
    public var rol: Rol
    public var wachtwoordHash: String
    public init(naam: String, rol: Rol, wachtwoordHash: String) {
        self.naam = naam; self.rol = rol; self.wachtwoordHash = wachtwoordHash
    }
}

/// A login session; the cookie holds the token, the store only its hash, so a copy of the database opens no session.
public struct Sessie: Sendable, Equatable {
    public var tokenHash: String
    public var gebruiker: String
    /// The anti-forgery token every form of this session must send back.
    public var csrf: String
    /// Seconds since 1970.
    public var aangemaaktOp: Int64
    public var verlooptOp: Int64
    public init(tokenHash: String, gebruiker: String, csrf: String, aangemaaktOp: Int64, verlooptOp: Int64) {
        self.tokenHash = tokenHash; self.gebruiker = gebruiker; self.csrf = csrf
        self.aangemaaktOp = aangemaaktOp; self.verlooptOp = verlooptOp
    }
}

/// One view of client-level data: who, in which role, when, what.
public struct Inzageregel: Sendable, Equatable {
    /// ISO 8601, UTC.
    public var tijdstip: String
    public var gebruiker: String
    public var rol: String
    /// The municipality whose client data was shown ("" when several).
    public var gemeentecode: String
    /// What was shown, in Dutch ("cliënt P12ab…", "cliëntenlijst 0307 2020").
    public var wat: String
    /// The requested path with its query.
    public var pad: String
    public init(tijdstip: String, gebruiker: String, rol: String, gemeentecode: String, wat: String, pad: String) {
        self.tijdstip = tijdstip; self.gebruiker = gebruiker; self.rol = rol
        self.gemeentecode = gemeentecode; self.wat = wat; self.pad = pad
    }
}

extension Schemadefinitie {
    /// Users, sessions and the audit trail, portable SQL. Ids are given by the writer (no AUTOINCREMENT/SERIAL).
    public static let gebruikers: [String] = [
        """
        CREATE TABLE gebruiker (naam TEXT NOT NULL PRIMARY KEY, rol TEXT NOT NULL, wachtwoord_hash TEXT NOT NULL)
        """,
        """
        CREATE TABLE sessie (token_hash TEXT NOT NULL PRIMARY KEY, gebruiker TEXT NOT NULL, csrf TEXT NOT NULL,
          aangemaakt_op BIGINT NOT NULL, verloopt_op BIGINT NOT NULL)
        """,
        "CREATE INDEX sessie_gebruiker ON sessie (gebruiker)",
        """
        CREATE TABLE inzagelog (id BIGINT NOT NULL PRIMARY KEY, tijdstip TEXT NOT NULL, gebruiker TEXT NOT NULL,
          rol TEXT NOT NULL, gemeentecode TEXT NOT NULL, wat TEXT NOT NULL, pad TEXT NOT NULL)
        """,
    ]
}
