import GRDB
import RegioCore

extension SQLiteStore: SignaalStore {
    public static let signaalKolommen = ["id", "sleutel", "regel", "gemeentecode", "client", "agb", "perceel", "bedrag_cent", "van", "tot",
                                  "peildag", "toelichting", "status", "status_door", "status_op", "automatisch_gesloten", "notitie",
                                  "eerste_keer", "laatst_actief"]

    public func signalen() throws -> [BeheerdSignaal] {
        try db.read { db in try SQLiteStore.leesSignalen(db) }
    }

    public func signaal(id: Int64) throws -> BeheerdSignaal? {
        try db.read { db in try SQLiteStore.leesSignalen(db, waar: "WHERE id = ?", [id]).first }
    }

    public func slaOp(_ m: Signaalmutaties, peildatum: Dag, tijdstip: String) throws -> Signaalrunverslag {
        try schrijf(.signalen) { db in
            var verslag = Signaalrunverslag(peildatum: peildatum)
            var id = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM signaal") ?? 0) + 1
            let kolommen = SQLiteStore.signaalKolommen
            let voegIn = try db.cachedStatement(sql: "INSERT INTO signaal (\(kolommen.joined(separator: ", "))) VALUES (\(kolommen.map { _ in "?" }.joined(separator: ", ")))")
            let werkBij = try db.cachedStatement(sql: "UPDATE signaal SET \(kolommen.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?")
            for s in m.nieuw {
                let b = BeheerdSignaal(id: id, signaal: s, statusDoor: Signaalbeheer.systeem, statusOp: tijdstip,
                                       eersteKeer: peildatum, laatstActief: peildatum)
                voegIn.setUncheckedArguments(StatementArguments(SQLiteStore.waarden(b)))
                try voegIn.execute()
                try SQLiteStore.historie(db, b, tijdstip: tijdstip, notitie: "Gevonden bij de run met peildatum \(peildatum.nederlands).")
                id += 1
            }
            for b in m.gevonden + m.gesloten + m.heropend {
                let w = SQLiteStore.waarden(b)
                werkBij.setUncheckedArguments(StatementArguments(Array(w.dropFirst()) + [w[0]]))
                try werkBij.execute()
            }
            for b in m.gesloten + m.heropend { try SQLiteStore.historie(db, b, tijdstip: tijdstip, notitie: b.notitie) }
            verslag.nieuw = m.nieuw.count; verslag.gewijzigd = m.gewijzigd
            verslag.ongewijzigd = m.gevonden.count + m.heropend.count - m.gewijzigd
            verslag.gesloten = m.gesloten.count; verslag.heropend = m.heropend.count
            let run = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM signaalrun") ?? 0) + 1
            try db.execute(sql: "INSERT INTO signaalrun (id, peildatum, tijdstip, nieuw, gewijzigd, gesloten, heropend) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [run, Int64(peildatum.dagnummer), tijdstip, verslag.nieuw, verslag.gewijzigd, verslag.gesloten, verslag.heropend])
            return verslag
        }
    }

    public func markeer(id: Int64, status: Signaalstatus, door: String, tijdstip: String, notitie: String?) throws -> BeheerdSignaal? {
        try schrijf(.signalen) { db in
            guard var b = try SQLiteStore.leesSignalen(db, waar: "WHERE id = ?", [id]).first else { return nil }
            b.status = status; b.statusDoor = door; b.statusOp = tijdstip; b.automatischGesloten = false; b.notitie = notitie
            try db.execute(sql: "UPDATE signaal SET status = ?, status_door = ?, status_op = ?, automatisch_gesloten = 0, notitie = ? WHERE id = ?",
                           arguments: [status.rawValue, door, tijdstip, notitie, id])
            try SQLiteStore.historie(db, b, tijdstip: tijdstip, notitie: notitie)
            return b
        }
    }

    public func laatstePeildatum() throws -> Dag? {
        try db.read { db in
            try Int64.fetchOne(db, sql: "SELECT peildatum FROM signaalrun ORDER BY id DESC LIMIT 1").map { Dag(dagnummer: Int32($0)) }
        }
    }

    public func historie(id: Int64) throws -> [Statuswijziging] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT tijdstip, status, door, notitie FROM signaalhistorie WHERE signaal_id = ? ORDER BY volgnummer",
                             arguments: [id]).map { r in
                Statuswijziging(tijdstip: r[0], status: Signaalstatus(rawValue: r[1]) ?? .nieuw, door: r[2], notitie: r[3])
            }
        }
    }

    static func historie(_ db: GRDB.Database, _ b: BeheerdSignaal, tijdstip: String, notitie: String?) throws {
        let volgnummer = (try Int64.fetchOne(db, sql: "SELECT MAX(volgnummer) FROM signaalhistorie WHERE signaal_id = ?", arguments: [b.id]) ?? 0) + 1
        try db.execute(sql: "INSERT INTO signaalhistorie (signaal_id, volgnummer, tijdstip, status, door, notitie) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [b.id, volgnummer, tijdstip, b.status.rawValue, b.statusDoor ?? Signaalbeheer.systeem, notitie])
    }

    static func waarden(_ b: BeheerdSignaal) -> [DatabaseValue] {
        let s = b.signaal
        func dag(_ d: Dag?) -> DatabaseValue { d.map { Int64($0.dagnummer).databaseValue } ?? .null }
        func tekst(_ t: String?) -> DatabaseValue { t?.databaseValue ?? .null }
        return [b.id.databaseValue, s.sleutel.databaseValue, s.regel.databaseValue, s.gemeentecode.databaseValue, s.client.databaseValue,
                tekst(s.agb), tekst(s.perceel), s.bedrag.map { $0.centen.databaseValue } ?? .null, dag(s.van), dag(s.tot),
                dag(s.peildag), s.toelichting.databaseValue, b.status.rawValue.databaseValue, tekst(b.statusDoor), tekst(b.statusOp),
                Int64(b.automatischGesloten ? 1 : 0).databaseValue, tekst(b.notitie), dag(b.eersteKeer), dag(b.laatstActief)]
    }

    static func leesSignalen(_ db: GRDB.Database, waar: String = "", _ argumenten: StatementArguments = []) throws -> [BeheerdSignaal] {
        let rows = try Row.fetchCursor(db, sql: "SELECT \(signaalKolommen.joined(separator: ", ")) FROM signaal \(waar) ORDER BY id",
                                       arguments: argumenten)
        var uit: [BeheerdSignaal] = []
        while let r = try rows.next() {
            func dag(_ i: Int) -> Dag? { (r[i] as Int64?).map { Dag(dagnummer: Int32($0)) } }
            let s = Signaal(regel: r[2], sleutel: r[1], gemeentecode: r[3], client: r[4], agb: r[5], perceel: r[6],
                            bedrag: (r[7] as Int64?).map { Euro(centen: $0) }, van: dag(8), tot: dag(9), peildag: dag(10)!,
                            toelichting: r[11])
            uit.append(BeheerdSignaal(id: r[0], signaal: s, status: Signaalstatus(rawValue: r[12]) ?? .nieuw, statusDoor: r[13],
                                      statusOp: r[14], automatischGesloten: (r[15] as Int64) == 1, notitie: r[16],
                                      eersteKeer: dag(17)!, laatstActief: dag(18)!))
        }
        return uit
    }
}
