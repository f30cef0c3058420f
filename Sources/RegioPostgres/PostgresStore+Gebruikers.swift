import PostgresNIO
import RegioCore
import RegioStore

/// Users, sessions and the audit trail on the shared server: the dashboard of a region can run on PostgreSQL.
extension PostgresStore: GebruikerStore {
    static func tekst(_ w: Waarde) -> String? { if case .tekst(let t) = w { return t }; return nil }
    static func getal(_ w: Waarde) -> Int64? { w.geheel }

    public func gebruiker(naam: String) throws -> Gebruiker? {
        try pool.metVerbinding { v in
            try v.rijen("SELECT naam, rol, wachtwoord_hash FROM gebruiker WHERE naam = $1", [naam]).compactMap(PostgresStore.gebruiker).first
        }
    }

    public func gebruikers() throws -> [Gebruiker] {
        try pool.metVerbinding { v in try v.rijen("SELECT naam, rol, wachtwoord_hash FROM gebruiker ORDER BY naam").compactMap(PostgresStore.gebruiker) }
    }

    static func gebruiker(_ r: PostgresRow) throws -> Gebruiker? {
        let w = try Verbinding.waarden(r)
        guard let naam = tekst(w[0]), let rol = tekst(w[1]).flatMap(Rol.parse), let hash = tekst(w[2]) else { return nil }
        return Gebruiker(naam: naam, rol: rol, wachtwoordHash: hash)
    }

    public func bewaar(_ g: Gebruiker) throws {
        try schrijfTransactie(nil) { v in
            try v.rijen("DELETE FROM gebruiker WHERE naam = $1", [g.naam])
            try v.rijen("INSERT INTO gebruiker (naam, rol, wachtwoord_hash) VALUES ($1, $2, $3)", [g.naam, g.rol.description, g.wachtwoordHash])
        }
    }

    public func verwijderGebruiker(naam: String) throws {
        try schrijfTransactie(nil) { v in
            try v.rijen("DELETE FROM sessie WHERE gebruiker = $1", [naam])
            try v.rijen("DELETE FROM gebruiker WHERE naam = $1", [naam])
        }
    }

    public func bewaar(_ s: Sessie) throws {
        try pool.metVerbinding { v in
            try v.rijen("INSERT INTO sessie (token_hash, gebruiker, csrf, aangemaakt_op, verloopt_op) VALUES ($1, $2, $3, $4::bigint, $5::bigint)",
                        [s.tokenHash, s.gebruiker, s.csrf, String(s.aangemaaktOp), String(s.verlooptOp)])
        }
    }

    public func sessie(tokenHash: String) throws -> Sessie? {
        try pool.metVerbinding { v in
            try v.rijen("SELECT token_hash, gebruiker, csrf, aangemaakt_op, verloopt_op FROM sessie WHERE token_hash = $1", [tokenHash])
                .first.map { r in
                    let w = try Verbinding.waarden(r)
                    return Sessie(tokenHash: PostgresStore.tekst(w[0]) ?? "", gebruiker: PostgresStore.tekst(w[1]) ?? "", csrf: PostgresStore.tekst(w[2]) ?? "",
                                  aangemaaktOp: PostgresStore.getal(w[3]) ?? 0, verlooptOp: PostgresStore.getal(w[4]) ?? 0)
                }
        }
    }

    public func verwijderSessie(tokenHash: String) throws {
        try pool.metVerbinding { v in try v.rijen("DELETE FROM sessie WHERE token_hash = $1", [tokenHash]) }
    }

    public func verwijderSessies(verlopenVoor tijdstip: Int64, van gebruiker: String?) throws {
        try pool.metVerbinding { v in
            try v.rijen("DELETE FROM sessie WHERE verloopt_op < $1::bigint", [String(tijdstip)])
            if let gebruiker { try v.rijen("DELETE FROM sessie WHERE gebruiker = $1", [gebruiker]) }
        }
    }

    public func logInzage(_ r: Inzageregel) throws {
        // the write lock makes the next id safe when several servers log at once
        try schrijfTransactie(nil) { v in
            try v.rijen("""
                INSERT INTO inzagelog (id, tijdstip, gebruiker, rol, gemeentecode, wat, pad)
                SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4, $5, $6 FROM inzagelog
                """, [r.tijdstip, r.gebruiker, r.rol, r.gemeentecode, r.wat, r.pad])
        }
    }

    public func inzagelog(limiet: Int) throws -> [Inzageregel] {
        try pool.metVerbinding { v in
            try v.rijen("SELECT tijdstip, gebruiker, rol, gemeentecode, wat, pad FROM inzagelog ORDER BY id DESC LIMIT $1::bigint", [String(limiet)])
                .map { r in
                    let w = try Verbinding.waarden(r).map { PostgresStore.tekst($0) ?? "" }
                    return Inzageregel(tijdstip: w[0], gebruiker: w[1], rol: w[2], gemeentecode: w[3], wat: w[4], pad: w[5])
                }
        }
    }
}
