import PostgresNIO
import RegioCore
import RegioStore

/// The signal work list on the shared server: a signal marked by one user is seen as marked by every other at once
/// (each call is its own transaction; writes take the schema's write lock).
extension PostgresStore: SignaalStore {
    /// Which columns are numbers (bound as text and cast).
    static let signaalGetallen: Set<String> = ["id", "bedrag_cent", "van", "tot", "peildag", "automatisch_gesloten", "eerste_keer", "laatst_actief"]

    public func signalen() throws -> [BeheerdSignaal] {
        try pool.metVerbinding { v in try PostgresStore.leesSignalen(v) }
    }

    public func signaal(id: Int64) throws -> BeheerdSignaal? {
        try pool.metVerbinding { v in try PostgresStore.leesSignalen(v, waar: "WHERE id = $1::bigint", [String(id)]).first }
    }

    public func slaOp(_ m: Signaalmutaties, peildatum: Dag, tijdstip: String) throws -> Signaalrunverslag {
        try schrijfTransactie(.signalen) { v in
            var verslag = Signaalrunverslag(peildatum: peildatum)
            var id = try v.geheel("SELECT COALESCE(MAX(id), 0) FROM signaal") + 1
            let kolommen = SQLiteStore.signaalKolommen
            let plaatsen = kolommen.enumerated().map { i, k in "$\(i + 1)" + (PostgresStore.signaalGetallen.contains(k) ? "::bigint" : "") }
            let voegIn = "INSERT INTO signaal (\(kolommen.joined(separator: ", "))) VALUES (\(plaatsen.joined(separator: ", ")))"
            let werkBij = "UPDATE signaal SET " + kolommen.dropFirst().enumerated().map { i, k in
                "\(k) = $\(i + 1)" + (PostgresStore.signaalGetallen.contains(k) ? "::bigint" : "")
            }.joined(separator: ", ") + " WHERE id = $\(kolommen.count)::bigint"
            for s in m.nieuw {
                let b = BeheerdSignaal(id: id, signaal: s, statusDoor: Signaalbeheer.systeem, statusOp: tijdstip,
                                       eersteKeer: peildatum, laatstActief: peildatum)
                try v.rijen(voegIn, PostgresStore.waarden(b))
                try PostgresStore.historie(v, b, tijdstip: tijdstip, notitie: "Gevonden bij de run met peildatum \(peildatum.nederlands).")
                id += 1
            }
            for b in m.gevonden + m.gesloten + m.heropend {
                let w = PostgresStore.waarden(b)
                try v.rijen(werkBij, Array(w.dropFirst()) + [w[0]])
            }
            for b in m.gesloten + m.heropend { try PostgresStore.historie(v, b, tijdstip: tijdstip, notitie: b.notitie) }
            verslag.nieuw = m.nieuw.count; verslag.gewijzigd = m.gewijzigd
            verslag.ongewijzigd = m.gevonden.count + m.heropend.count - m.gewijzigd
            verslag.gesloten = m.gesloten.count; verslag.heropend = m.heropend.count
            let run = try v.geheel("SELECT COALESCE(MAX(id), 0) FROM signaalrun") + 1
            try v.rijen("INSERT INTO signaalrun (id, peildatum, tijdstip, nieuw, gewijzigd, gesloten, heropend) VALUES ($1::bigint, $2::bigint, $3, $4::bigint, $5::bigint, $6::bigint, $7::bigint)",
                        [String(run), String(peildatum.dagnummer), tijdstip, String(verslag.nieuw), String(verslag.gewijzigd),
                         String(verslag.gesloten), String(verslag.heropend)])
            return verslag
        }
    }

    public func markeer(id: Int64, status: Signaalstatus, door: String, tijdstip: String, notitie: String?) throws -> BeheerdSignaal? {
        try schrijfTransactie(.signalen) { v in
            guard var b = try PostgresStore.leesSignalen(v, waar: "WHERE id = $1::bigint", [String(id)]).first else { return nil }
            b.status = status; b.statusDoor = door; b.statusOp = tijdstip; b.automatischGesloten = false; b.notitie = notitie
            try v.rijen("UPDATE signaal SET status = $1, status_door = $2, status_op = $3, automatisch_gesloten = 0, notitie = $4 WHERE id = $5::bigint",
                        [status.rawValue, door, tijdstip, notitie, String(id)])
            try PostgresStore.historie(v, b, tijdstip: tijdstip, notitie: notitie)
            return b
        }
    }

    public func laatstePeildatum() throws -> Dag? {
        try pool.metVerbinding { v in
            guard let r = try v.rijen("SELECT peildatum FROM signaalrun ORDER BY id DESC LIMIT 1").first,
                  let d = try Verbinding.waarden(r)[0].geheel else { return nil }
            return Dag(dagnummer: Int32(d))
        }
    }

    public func historie(id: Int64) throws -> [Statuswijziging] {
        try pool.metVerbinding { v in
            try v.rijen("SELECT tijdstip, status, door, notitie FROM signaalhistorie WHERE signaal_id = $1::bigint ORDER BY volgnummer", [String(id)])
                .map { r in
                    let w = try Verbinding.waarden(r).map(PostgresStore.tekst)
                    return Statuswijziging(tijdstip: w[0] ?? "", status: Signaalstatus(rawValue: w[1] ?? "") ?? .nieuw, door: w[2] ?? "", notitie: w[3])
                }
        }
    }

    static func historie(_ v: Verbinding, _ b: BeheerdSignaal, tijdstip: String, notitie: String?) throws {
        let volgnummer = try v.geheel("SELECT COALESCE(MAX(volgnummer), 0) FROM signaalhistorie WHERE signaal_id = $1::bigint", [String(b.id)]) + 1
        try v.rijen("INSERT INTO signaalhistorie (signaal_id, volgnummer, tijdstip, status, door, notitie) VALUES ($1::bigint, $2::bigint, $3, $4, $5, $6)",
                    [String(b.id), String(volgnummer), tijdstip, b.status.rawValue, b.statusDoor ?? Signaalbeheer.systeem, notitie])
    }

    static func waarden(_ b: BeheerdSignaal) -> [String?] {
        let s = b.signaal
        func dag(_ d: Dag?) -> String? { d.map { String($0.dagnummer) } }
        return [String(b.id), s.sleutel, s.regel, s.gemeentecode, s.client, s.agb, s.perceel, s.bedrag.map { String($0.centen) },
                dag(s.van), dag(s.tot), dag(s.peildag), s.toelichting, b.status.rawValue, b.statusDoor, b.statusOp,
                b.automatischGesloten ? "1" : "0", b.notitie, dag(b.eersteKeer), dag(b.laatstActief)]
    }

    static func leesSignalen(_ v: Verbinding, waar: String = "", _ binds: [String?] = []) throws -> [BeheerdSignaal] {
        try v.rijen("SELECT \(SQLiteStore.signaalKolommen.joined(separator: ", ")) FROM signaal \(waar) ORDER BY id", binds).map { rij in
            let r = try Verbinding.waarden(rij)
            func dag(_ i: Int) -> Dag? { r[i].geheel.map { Dag(dagnummer: Int32($0)) } }
            func t(_ i: Int) -> String? { tekst(r[i]) }
            let s = Signaal(regel: t(2) ?? "", sleutel: t(1) ?? "", gemeentecode: t(3) ?? "", client: t(4) ?? "", agb: t(5), perceel: t(6),
                            bedrag: r[7].geheel.map { Euro(centen: $0) }, van: dag(8), tot: dag(9), peildag: dag(10) ?? Dag(dagnummer: 0),
                            toelichting: t(11) ?? "")
            return BeheerdSignaal(id: r[0].geheel ?? 0, signaal: s, status: Signaalstatus(rawValue: t(12) ?? "") ?? .nieuw, statusDoor: t(13),
                                  statusOp: t(14), automatischGesloten: r[15].geheel == 1, notitie: t(16),
                                  eersteKeer: dag(17) ?? Dag(dagnummer: 0), laatstActief: dag(18) ?? Dag(dagnummer: 0))
        }
    }
}
