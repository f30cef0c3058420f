import RegioCore
import RegioStore

extension PostgresStore: BIStore {
    public func schrijfBI(_ feiten: BIFeiten, stand: String) throws {
        try schrijfTransactie(nil) { v in
            for t in Self.biTabellen(feiten) {
                try v.rijen(BITabel.wissen(t.naam, voor: feiten))
                // INSERT ... SELECT * FROM unnest($1::bigint[], ...), in blocks: the rows of a block are made, sent and let go
                let unnest = t.typen.enumerated().map { "$\($0 + 1)::\($1)[]" }.joined(separator: ", ")
                for begin in stride(from: 0, to: t.aantal, by: 100_000) {
                    try PostgresStore.voegIn((begin..<min(begin + 100_000, t.aantal)).map(t.rij), v, t.insert + " SELECT * FROM unnest(\(unnest))")
                }
            }
            try v.rijen("DELETE FROM bi_t_stand")
            for r in BITabel.stand(stand, feiten) {
                try v.rijen("INSERT INTO bi_t_stand (sleutel, waarde) VALUES ($1, $2)", [r.sleutel, r.waarde])
            }
        }
    }
}

extension PostgresStore {
    /// A login role for a BI tool that can read the reporting views of this schema and nothing else: no table, no
    /// pseudonym unless `clientniveau`, every transaction read-only. Made or, when it exists, given the new password and
    /// exactly these rights. The name is checked here; the password goes in as a quoted literal (DDL takes no parameters)
    /// and is never logged.
    public func maakBIRol(naam: String, wachtwoord: String, clientniveau: Bool) throws {
        guard naam.count <= 63, let eerste = naam.unicodeScalars.first, ("a"..."z").contains(eerste),
              naam.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
            throw StoreFout.databasefout("ongeldige rolnaam '\(naam)': kleine letters, cijfers en _, beginnend met een letter")
        }
        guard !wachtwoord.isEmpty, !wachtwoord.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw StoreFout.databasefout("het wachtwoord is leeg of bevat een stuurteken")
        }
        let literal = "'" + wachtwoord.replacingOccurrences(of: "'", with: "''") + "'"
        try schrijfTransactie(nil) { v in
            let schema = try v.rijen("SELECT current_schema()").first?.decode(String.self) ?? "public"
            let s = "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let bestaat = try v.geheel("SELECT COUNT(*) FROM pg_roles WHERE rolname = $1", [naam]) > 0
            try v.rijen("\(bestaat ? "ALTER" : "CREATE") ROLE \(naam) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD \(literal)")
            try v.rijen("REVOKE ALL ON ALL TABLES IN SCHEMA \(s) FROM \(naam)")
            try v.rijen("GRANT USAGE ON SCHEMA \(s) TO \(naam)")
            for view in Schemadefinitie.biViews { try v.rijen("GRANT SELECT ON \(s).\(view) TO \(naam)") }
            if clientniveau { try v.rijen("GRANT SELECT ON \(s).\(Schemadefinitie.biClientView) TO \(naam)") }
            try v.rijen("ALTER ROLE \(naam) SET default_transaction_read_only = on")
            try v.rijen("ALTER ROLE \(naam) SET search_path = \(s)")
        }
    }
}
