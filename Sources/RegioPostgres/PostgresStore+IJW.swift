import PostgresNIO
import RegioCore
import RegioStore

/// iJw deliveries and the message log on the shared server, with the same guarantees as on SQLite: one message is
/// one transaction (under the schema's write lock), a repeated message is recognised by the log.
extension PostgresStore: IJWStore {
    public func ijwTransactie<T>(_ werk: (any IJWSchrijver) throws -> T) throws -> T {
        try schrijfTransactie { v in try werk(PostgresSchrijver(v: v, geheleKolommen: geheleKolommen)) }
    }
}

extension PostgresSchrijver: IJWSchrijver {
    func schrijf(_ leveringen: [Levering]) throws -> Telling {
        var telling = Telling()
        for l in leveringen {
            let sleutel: [String?] = [l.toewijzingnummer, String(l.begindatum.dagnummer)]
            let inhoud: [String?] = [l.client, l.gemeentecode, l.agb, l.productcategorie, l.productcode, l.einddatum.map { String($0.dagnummer) },
                                     l.redenBeeindiging, String(l.gestartOp.dagnummer), l.gestoptOp.map { String($0.dagnummer) }]
            let hash = Levering.inhoudHash(l)
            let bestaand = try v.rijen("SELECT inhoud FROM levering WHERE toewijzingnummer = $1 AND begindatum = $2::bigint", sleutel).first
            if let bestaand {
                if try Verbinding.waarden(bestaand)[0].geheel == hash { telling.ongewijzigd += 1; continue }
                try v.rijen("""
                    UPDATE levering SET client = $1, gemeentecode = $2, agb = $3, productcategorie = $4, productcode = $5,
                      einddatum = $6::bigint, reden_beeindiging = $7, gestart_op = $8::bigint, gestopt_op = $9::bigint, inhoud = $10::bigint
                    WHERE toewijzingnummer = $11 AND begindatum = $12::bigint
                    """, inhoud + [String(hash)] + sleutel)
                telling.gewijzigd += 1
                telling.gewijzigdeSleutels.append("\(l.toewijzingnummer)/\(l.begindatum)")
            } else {
                try v.rijen("""
                    INSERT INTO levering (toewijzingnummer, begindatum, client, gemeentecode, agb, productcategorie, productcode,
                      einddatum, reden_beeindiging, gestart_op, gestopt_op, inhoud)
                    VALUES ($1, $2::bigint, $3, $4, $5, $6, $7, $8::bigint, $9, $10::bigint, $11::bigint, $12::bigint)
                    """, sleutel + inhoud + [String(hash)])
                telling.toegevoegd += 1
            }
        }
        return telling
    }

    func verwijderLevering(toewijzingnummer: String, begindatum: Dag) throws {
        try v.rijen("DELETE FROM levering WHERE toewijzingnummer = $1 AND begindatum = $2::bigint", [toewijzingnummer, String(begindatum.dagnummer)])
    }

    func logBericht(_ b: IJWBerichtlog) throws {
        try v.rijen("""
            INSERT INTO ijw_bericht (berichtsoort, afzender, identificatie, dagtekening, inhoud, verwijzing, bestand, tijdstip)
            VALUES ($1, $2, $3, $4::bigint, $5::bigint, $6, $7, $8)
            """, [b.berichtsoort, b.afzender, b.identificatie, String(b.dagtekening.dagnummer), String(b.inhoudHash), b.verwijzing,
                  b.bestand, b.tijdstip])
    }
}
