import GRDB
import RegioCore

extension SQLiteStore: GebruikerStore {
    public func gebruiker(naam: String) throws -> Gebruiker? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT naam, rol, wachtwoord_hash FROM gebruiker WHERE naam = ?", arguments: [naam])
                .flatMap(SQLiteStore.gebruiker)
        }
    }

    public func gebruikers() throws -> [Gebruiker] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT naam, rol, wachtwoord_hash FROM gebruiker ORDER BY naam").compactMap(SQLiteStore.gebruiker)
        }
    }

    static func gebruiker(_ r: Row) -> Gebruiker? {
        guard let rol = Rol.parse(r[1]) else { return nil }
        return Gebruiker(naam: r[0], rol: rol, wachtwoordHash: r[2])
    }

    public func bewaar(_ g: Gebruiker) throws {
        try db.write { db in
            try db.execute(sql: "DELETE FROM gebruiker WHERE naam = ?", arguments: [g.naam])
            try db.execute(sql: "INSERT INTO gebruiker (naam, rol, wachtwoord_hash) VALUES (?, ?, ?)",
                           arguments: [g.naam, g.rol.description, g.wachtwoordHash])
        }
    }

    public func verwijderGebruiker(naam: String) throws {
        try db.write { db in
            try db.execute(sql: "DELETE FROM sessie WHERE gebruiker = ?", arguments: [naam])
            try db.execute(sql: "DELETE FROM gebruiker WHERE naam = ?", arguments: [naam])
        }
    }

    public func bewaar(_ s: Sessie) throws {
        try db.write { db in
            try db.execute(sql: "INSERT INTO sessie (token_hash, gebruiker, csrf, aangemaakt_op, verloopt_op) VALUES (?, ?, ?, ?, ?)",
                           arguments: [s.tokenHash, s.gebruiker, s.csrf, s.aangemaaktOp, s.verlooptOp])
        }
    }

    public func sessie(tokenHash: String) throws -> Sessie? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT token_hash, gebruiker, csrf, aangemaakt_op, verloopt_op FROM sessie WHERE token_hash = ?",
                             arguments: [tokenHash])
                .map { Sessie(tokenHash: $0[0], gebruiker: $0[1], csrf: $0[2], aangemaaktOp: $0[3], verlooptOp: $0[4]) }
        }
    }

    public func verwijderSessie(tokenHash: String) throws {
        try db.write { try $0.execute(sql: "DELETE FROM sessie WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func verwijderSessies(verlopenVoor tijdstip: Int64, van gebruiker: String?) throws {
        try db.write { db in
            try db.execute(sql: "DELETE FROM sessie WHERE verloopt_op < ?", arguments: [tijdstip])
            if let gebruiker { try db.execute(sql: "DELETE FROM sessie WHERE gebruiker = ?", arguments: [gebruiker]) }
        }
    }

    public func logInzage(_ r: Inzageregel) throws {
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO inzagelog (id, tijdstip, gebruiker, rol, gemeentecode, wat, pad)
                SELECT COALESCE(MAX(id), 0) + 1, ?, ?, ?, ?, ?, ? FROM inzagelog
                """, arguments: [r.tijdstip, r.gebruiker, r.rol, r.gemeentecode, r.wat, r.pad])
        }
    }

    public func inzagelog(limiet: Int) throws -> [Inzageregel] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT tijdstip, gebruiker, rol, gemeentecode, wat, pad FROM inzagelog ORDER BY id DESC LIMIT ?",
                             arguments: [limiet])
                .map { Inzageregel(tijdstip: $0[0], gebruiker: $0[1], rol: $0[2], gemeentecode: $0[3], wat: $0[4], pad: $0[5]) }
        }
    }
}
