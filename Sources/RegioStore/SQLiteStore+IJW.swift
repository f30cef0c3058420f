import GRDB
import RegioCore

extension Schemadefinitie {
    /// Deliveries (JW305/JW307) and the log of imported iJw messages; portable SQL like v1.
    public static let ijw: [String] = [
        """
        CREATE TABLE levering (toewijzingnummer TEXT NOT NULL, begindatum BIGINT NOT NULL, client TEXT NOT NULL,
          gemeentecode TEXT NOT NULL, agb TEXT NOT NULL, productcategorie TEXT NOT NULL, productcode TEXT,
          einddatum BIGINT, reden_beeindiging TEXT, gestart_op BIGINT NOT NULL, gestopt_op BIGINT, inhoud BIGINT NOT NULL,
          PRIMARY KEY (toewijzingnummer, begindatum))
        """,
        """
        CREATE TABLE ijw_bericht (berichtsoort TEXT NOT NULL, afzender TEXT NOT NULL, identificatie TEXT NOT NULL,
          dagtekening BIGINT NOT NULL, inhoud BIGINT NOT NULL, verwijzing TEXT, bestand TEXT NOT NULL, tijdstip TEXT NOT NULL,
          PRIMARY KEY (berichtsoort, afzender, identificatie))
        """,
        "CREATE INDEX levering_client ON levering (client)",
        "CREATE INDEX levering_gemeente ON levering (gemeentecode, begindatum)",
    ]
}

extension SQLiteStore: IJWStore {
    public func ijwTransactie<T>(_ werk: (any IJWSchrijver) throws -> T) throws -> T {
        try schrijfGRDB(.gegevens) { db in try werk(Schrijver(db: db, bulk: false)) }
    }
}

extension SQLiteStore.Schrijver: IJWSchrijver {
    var sql: any SQLVerbinding { SQLiteVerbinding(db: db) }
}

extension Levering {
    /// FNV-1a over the content columns, like `Rij.inhoudHash`: equal content, equal fingerprint.
    public static func inhoudHash(_ l: Levering) -> Int64 {
        var h: UInt64 = 0xcbf29ce484222325
        func voeg(_ s: String?) {
            guard let s else { h = (h ^ 0) &* 0x100000001b3; return }
            for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            h = (h ^ 0xff) &* 0x100000001b3
        }
        for s in [l.client, l.gemeentecode, l.agb, l.productcategorie, l.productcode, l.einddatum.map { "\($0.dagnummer)" },
                  l.redenBeeindiging, "\(l.gestartOp.dagnummer)", l.gestoptOp.map { "\($0.dagnummer)" }] {
            voeg(s)
        }
        return Int64(bitPattern: h)
    }
}
