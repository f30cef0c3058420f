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
    func schrijf(_ leveringen: [Levering]) throws -> Telling {
        var telling = Telling()
        let kies = try db.cachedStatement(sql: "SELECT inhoud FROM levering WHERE toewijzingnummer = ? AND begindatum = ?")
        let voegIn = try db.cachedStatement(sql: """
            INSERT INTO levering (toewijzingnummer, begindatum, client, gemeentecode, agb, productcategorie, productcode,
              einddatum, reden_beeindiging, gestart_op, gestopt_op, inhoud) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let werkBij = try db.cachedStatement(sql: """
            UPDATE levering SET client = ?, gemeentecode = ?, agb = ?, productcategorie = ?, productcode = ?, einddatum = ?,
              reden_beeindiging = ?, gestart_op = ?, gestopt_op = ?, inhoud = ? WHERE toewijzingnummer = ? AND begindatum = ?
            """)
        for l in leveringen {
            let sleutel: [DatabaseValueConvertible?] = [l.toewijzingnummer, l.begindatum.dagnummer]
            let inhoud: [DatabaseValueConvertible?] = [l.client, l.gemeentecode, l.agb, l.productcategorie, l.productcode,
                                                       l.einddatum?.dagnummer, l.redenBeeindiging, l.gestartOp.dagnummer,
                                                       l.gestoptOp?.dagnummer]
            let hash = Levering.inhoudHash(l)
            kies.setUncheckedArguments(StatementArguments(sleutel))
            if let bestaand = try Int64.fetchOne(kies) {
                if bestaand == hash { telling.ongewijzigd += 1; continue }
                werkBij.setUncheckedArguments(StatementArguments(inhoud + [hash] + sleutel))
                try werkBij.execute()
                telling.gewijzigd += 1
                telling.gewijzigdeSleutels.append("\(l.toewijzingnummer)/\(l.begindatum)")
            } else {
                voegIn.setUncheckedArguments(StatementArguments(sleutel + inhoud + [hash]))
                try voegIn.execute()
                telling.toegevoegd += 1
            }
        }
        return telling
    }

    func verwijderLevering(toewijzingnummer: String, begindatum: Dag) throws {
        try db.execute(sql: "DELETE FROM levering WHERE toewijzingnummer = ? AND begindatum = ?",
                       arguments: [toewijzingnummer, begindatum.dagnummer])
    }

    func logBericht(_ b: IJWBerichtlog) throws {
        try db.execute(sql: """
            INSERT INTO ijw_bericht (berichtsoort, afzender, identificatie, dagtekening, inhoud, verwijzing, bestand, tijdstip)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [b.berichtsoort, b.afzender, b.identificatie, b.dagtekening.dagnummer, b.inhoudHash, b.verwijzing,
                             b.bestand, b.tijdstip])
    }
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
