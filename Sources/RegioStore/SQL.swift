import RegioCore

/// One connection inside a read snapshot or a write transaction, for statements written once for both databases.
/// A `?` marks each value; the backend renders its own placeholders and binds the values its own way (SQLite binds
/// them by type, PostgreSQL gets `$n`, with `::bigint` for whole numbers).
public protocol SQLVerbinding {
    func voerUit(_ sql: String, _ waarden: [Waarde]) throws
    func rijen(_ sql: String, _ waarden: [Waarde]) throws -> [[Waarde]]
}

extension SQLVerbinding {
    /// The first column of the first row as a whole number; nil without rows or when it is NULL.
    public func geheel(_ sql: String, _ waarden: [Waarde] = []) throws -> Int64? { try rijen(sql, waarden).first?.first?.geheel }

    /// Inserts rows (values in `kolommen` order) with up to `blok` rows a statement: a statement a row cost a round trip
    /// each on PostgreSQL and a second per 100.000 rows on SQLite (a national run stores 300.000 new signals). 500 rows
    /// of 19 columns stay within both databases' limit on bound values (SQLite 32.766, PostgreSQL 65.535).
    public func voegIn(_ tabel: String, _ kolommen: [String], _ rijen: [[Waarde]], blok: Int = 500) throws {
        let rij = "(" + kolommen.map { _ in "?" }.joined(separator: ", ") + ")"
        var van = 0
        while van < rijen.count {
            let deel = rijen[van..<min(van + blok, rijen.count)]
            try voerUit("INSERT INTO \(tabel) (\(kolommen.joined(separator: ", "))) VALUES "
                        + Array(repeating: rij, count: deel.count).joined(separator: ", "), Array(deel.joined()))
            van += blok
        }
    }
}

/// A database that runs statements written once: the half of storage that is not a bulk path (users, sessions and
/// the audit trail, the signal work list, the change counters). Bulk paths (SQLite's column readers, PostgreSQL's
/// unnest and array readers) stay with their backend.
public protocol SQLOpslag: Sendable {
    /// `werk` on one snapshot of the database.
    func lees<T>(_ werk: (any SQLVerbinding) throws -> T) throws -> T
    /// `werk` in one write transaction, which raises the counter of `wijziging` when given (what other processes and
    /// the dashboard's caches watch); all of it is stored, or none of it.
    func schrijf<T>(_ wijziging: Wijzigingssoort?, _ werk: (any SQLVerbinding) throws -> T) throws -> T
    /// The column that orders a table's rows as they were inserted.
    var invoegvolgorde: String { get }
}

extension Waarde {
    public init(_ t: String?) { self = t.map { .tekst($0) } ?? .leeg }
    public init(_ i: Int64?) { self = i.map { .geheel($0) } ?? .leeg }
    public init(_ i: Int) { self = .geheel(Int64(i)) }
    public init(_ d: Dag?) { self = d.map { .geheel(Int64($0.dagnummer)) } ?? .leeg }

    var dag: Dag? { geheel.map { Dag(dagnummer: Int32(clamping: $0)) } }
}

/// Counts and the import log, read the same way on both databases.
extension RegioStore where Self: SQLOpslag {
    public func aantal(_ soort: Soort) throws -> Int {
        try lees { v in Int(try v.geheel("SELECT COUNT(*) FROM \(soort.tabel)") ?? 0) }
    }

    public func heeftContractZonderDeclaraties() throws -> Bool {
        try lees { v in
            try v.geheel("SELECT COUNT(*) FROM \(Soort.contracten.tabel) WHERE bekostiging <> ?", [Waarde(Contract.Vorm.pxq.rawValue)]) ?? 0 > 0
        }
    }

    public func importlog() throws -> [ImportlogRegel] {
        try lees { v in
            try v.rijen("SELECT bestand, soort, tijdstip, toegevoegd, gewijzigd, ongewijzigd FROM importlog ORDER BY id DESC", []).map { r in
                ImportlogRegel(bestand: r[0].tekst ?? "", soort: r[1].tekst ?? "", tijdstip: r[2].tekst ?? "", toegevoegd: Int(r[3].geheel ?? 0),
                               gewijzigd: Int(r[4].geheel ?? 0), ongewijzigd: Int(r[5].geheel ?? 0))
            }
        }
    }
}

/// The change counters, read the same way on both databases.
extension WijzigingStore where Self: SQLOpslag {
    public func wijzigingsstand() throws -> Wijzigingsstand {
        try lees { v in
            var s = Wijzigingsstand(gegevens: 0, signalen: 0)
            for r in try v.rijen("SELECT soort, teller FROM wijziging", []) {
                switch r[0].tekst.flatMap(Wijzigingssoort.init(rawValue:)) {
                case .gegevens: s.gegevens = r[1].geheel ?? 0
                case .signalen: s.signalen = r[1].geheel ?? 0
                case nil: break
                }
            }
            return s
        }
    }
}

/// The dashboard's users, sessions and audit trail, written once for both databases.
extension GebruikerStore where Self: SQLOpslag {
    public func gebruiker(naam: String) throws -> Gebruiker? {
        try lees { v in
            try v.rijen("SELECT naam, rol, wachtwoord_hash FROM gebruiker WHERE naam = ?", [Waarde(naam)]).compactMap(Self.gebruiker).first
        }
    }

    public func gebruikers() throws -> [Gebruiker] {
        try lees { v in try v.rijen("SELECT naam, rol, wachtwoord_hash FROM gebruiker ORDER BY naam", []).compactMap(Self.gebruiker) }
    }

    static func gebruiker(_ r: [Waarde]) -> Gebruiker? {
        guard let naam = r[0].tekst, let rol = r[1].tekst.flatMap(Rol.parse), let hash = r[2].tekst else { return nil }
        return Gebruiker(naam: naam, rol: rol, wachtwoordHash: hash)
    }

    public func bewaar(_ g: Gebruiker) throws {
        try schrijf(nil) { v in
            try v.voerUit("DELETE FROM gebruiker WHERE naam = ?", [Waarde(g.naam)])
            try v.voerUit("INSERT INTO gebruiker (naam, rol, wachtwoord_hash) VALUES (?, ?, ?)",
                          [Waarde(g.naam), Waarde(g.rol.description), Waarde(g.wachtwoordHash)])
        }
    }

    public func verwijderGebruiker(naam: String) throws {
        try schrijf(nil) { v in
            try v.voerUit("DELETE FROM sessie WHERE gebruiker = ?", [Waarde(naam)])
            try v.voerUit("DELETE FROM gebruiker WHERE naam = ?", [Waarde(naam)])
        }
    }

    public func bewaar(_ s: Sessie) throws {
        try schrijf(nil) { v in
            try v.voerUit("INSERT INTO sessie (token_hash, gebruiker, csrf, aangemaakt_op, verloopt_op) VALUES (?, ?, ?, ?, ?)",
                          [Waarde(s.tokenHash), Waarde(s.gebruiker), Waarde(s.csrf), Waarde(s.aangemaaktOp), Waarde(s.verlooptOp)])
        }
    }

    public func sessie(tokenHash: String) throws -> Sessie? {
        try lees { v in
            try v.rijen("SELECT token_hash, gebruiker, csrf, aangemaakt_op, verloopt_op FROM sessie WHERE token_hash = ?", [Waarde(tokenHash)])
                .first.map { w in
                    Sessie(tokenHash: w[0].tekst ?? "", gebruiker: w[1].tekst ?? "", csrf: w[2].tekst ?? "",
                           aangemaaktOp: w[3].geheel ?? 0, verlooptOp: w[4].geheel ?? 0)
                }
        }
    }

    public func verwijderSessie(tokenHash: String) throws {
        try schrijf(nil) { v in try v.voerUit("DELETE FROM sessie WHERE token_hash = ?", [Waarde(tokenHash)]) }
    }

    public func verwijderSessies(verlopenVoor tijdstip: Int64, van gebruiker: String?) throws {
        try schrijf(nil) { v in
            try v.voerUit("DELETE FROM sessie WHERE verloopt_op < ?", [Waarde(tijdstip)])
            if let gebruiker { try v.voerUit("DELETE FROM sessie WHERE gebruiker = ?", [Waarde(gebruiker)]) }
        }
    }

    public func logInzage(_ r: Inzageregel) throws {
        // in the write transaction (PostgreSQL: under the write lock) the next id is safe when several servers log at once
        try schrijf(nil) { v in
            try v.voerUit("""
                INSERT INTO inzagelog (id, tijdstip, gebruiker, rol, gemeentecode, wat, pad)
                SELECT COALESCE(MAX(id), 0) + 1, ?, ?, ?, ?, ?, ? FROM inzagelog
                """, [Waarde(r.tijdstip), Waarde(r.gebruiker), Waarde(r.rol), Waarde(r.gemeentecode), Waarde(r.wat), Waarde(r.pad)])
        }
    }

    public func inzagelog(limiet: Int) throws -> [Inzageregel] {
        try lees { v in
            try v.rijen("SELECT tijdstip, gebruiker, rol, gemeentecode, wat, pad FROM inzagelog ORDER BY id DESC LIMIT ?", [Waarde(limiet)])
                .map { w in
                    Inzageregel(tijdstip: w[0].tekst ?? "", gebruiker: w[1].tekst ?? "", rol: w[2].tekst ?? "", gemeentecode: w[3].tekst ?? "",
                                wat: w[4].tekst ?? "", pad: w[5].tekst ?? "")
                }
        }
    }
}

/// The signal work list, written once for both databases. On PostgreSQL a signal marked by one user is seen as marked
/// by every other at once (each call is its own transaction; writes take the schema's write lock).
extension SignaalStore where Self: SQLOpslag {
    public func signalen() throws -> [BeheerdSignaal] { try lees { v in try Signaalrijen.lees(v) } }

    public func signaal(id: Int64) throws -> BeheerdSignaal? {
        try lees { v in try Signaalrijen.lees(v, waar: "WHERE id = ?", [Waarde(id)]).first }
    }

    public func slaOp(_ m: Signaalmutaties, peildatum: Dag, tijdstip: String) throws -> Signaalrunverslag {
        try schrijf(.signalen) { v in
            var verslag = Signaalrunverslag(peildatum: peildatum)
            // past every id with a history too, so a new signal's history starts at 1 without looking
            var id = max(try v.geheel("SELECT MAX(id) FROM signaal") ?? 0, try v.geheel("SELECT MAX(signaal_id) FROM signaalhistorie") ?? 0) + 1
            let kolommen = Signaalrijen.kolommen
            let werkBij = "UPDATE signaal SET \(kolommen.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
            var nieuw: [[Waarde]] = [], historie: [[Waarde]] = []
            for s in m.nieuw {
                let b = BeheerdSignaal(id: id, signaal: s, statusDoor: Signaalbeheer.systeem, statusOp: tijdstip,
                                       eersteKeer: peildatum, laatstActief: peildatum)
                nieuw.append(Signaalrijen.waarden(b))
                historie.append(Signaalrijen.historierij(b, volgnummer: 1, tijdstip: tijdstip,
                                                         notitie: "Gevonden bij de run met peildatum \(peildatum.nederlands)."))
                id += 1
            }
            try v.voegIn("signaal", kolommen, nieuw)
            try v.voegIn("signaalhistorie", Signaalrijen.historiekolommen, historie)
            for b in m.gevonden + m.gesloten + m.heropend {
                let w = Signaalrijen.waarden(b)
                try v.voerUit(werkBij, Array(w.dropFirst()) + [w[0]])
            }
            for b in m.gesloten + m.heropend { try Signaalrijen.historie(v, b, tijdstip: tijdstip, notitie: b.notitie) }
            verslag.nieuw = m.nieuw.count; verslag.gewijzigd = m.gewijzigd
            verslag.ongewijzigd = m.gevonden.count + m.heropend.count - m.gewijzigd
            verslag.gesloten = m.gesloten.count; verslag.heropend = m.heropend.count
            let run = (try v.geheel("SELECT MAX(id) FROM signaalrun") ?? 0) + 1
            try v.voerUit("INSERT INTO signaalrun (id, peildatum, tijdstip, nieuw, gewijzigd, gesloten, heropend) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          [Waarde(run), Waarde(peildatum), Waarde(tijdstip), Waarde(verslag.nieuw), Waarde(verslag.gewijzigd),
                           Waarde(verslag.gesloten), Waarde(verslag.heropend)])
            return verslag
        }
    }

    public func markeer(id: Int64, status: Signaalstatus, door: String, tijdstip: String, notitie: String?) throws -> BeheerdSignaal? {
        try schrijf(.signalen) { v in
            guard var b = try Signaalrijen.lees(v, waar: "WHERE id = ?", [Waarde(id)]).first else { return nil }
            b.status = status; b.statusDoor = door; b.statusOp = tijdstip; b.automatischGesloten = false; b.notitie = notitie
            try v.voerUit("UPDATE signaal SET status = ?, status_door = ?, status_op = ?, automatisch_gesloten = 0, notitie = ? WHERE id = ?",
                          [Waarde(status.rawValue), Waarde(door), Waarde(tijdstip), Waarde(notitie), Waarde(id)])
            try Signaalrijen.historie(v, b, tijdstip: tijdstip, notitie: notitie)
            return b
        }
    }

    public func laatstePeildatum() throws -> Dag? {
        try lees { v in try v.rijen("SELECT peildatum FROM signaalrun ORDER BY id DESC LIMIT 1", []).first?[0].dag }
    }

    public func historie(id: Int64) throws -> [Statuswijziging] {
        try lees { v in
            try v.rijen("SELECT tijdstip, status, door, notitie FROM signaalhistorie WHERE signaal_id = ? ORDER BY volgnummer", [Waarde(id)])
                .map { w in
                    Statuswijziging(tijdstip: w[0].tekst ?? "", status: w[1].tekst.flatMap(Signaalstatus.init(rawValue:)) ?? .nieuw,
                                    door: w[2].tekst ?? "", notitie: w[3].tekst)
                }
        }
    }
}

/// A signal as a row of the `signaal` table.
public enum Signaalrijen {
    public static let kolommen = ["id", "sleutel", "regel", "gemeentecode", "client", "agb", "perceel", "bedrag_cent", "van", "tot",
                                  "peildag", "toelichting", "status", "status_door", "status_op", "automatisch_gesloten", "notitie",
                                  "eerste_keer", "laatst_actief"]

    static let historiekolommen = ["signaal_id", "volgnummer", "tijdstip", "status", "door", "notitie"]

    /// Adds a status change to a signal's history.
    static func historie(_ v: any SQLVerbinding, _ b: BeheerdSignaal, tijdstip: String, notitie: String?) throws {
        let volgnummer = (try v.geheel("SELECT MAX(volgnummer) FROM signaalhistorie WHERE signaal_id = ?", [Waarde(b.id)]) ?? 0) + 1
        try v.voegIn("signaalhistorie", historiekolommen, [historierij(b, volgnummer: volgnummer, tijdstip: tijdstip, notitie: notitie)])
    }

    static func historierij(_ b: BeheerdSignaal, volgnummer: Int64, tijdstip: String, notitie: String?) -> [Waarde] {
        [Waarde(b.id), Waarde(volgnummer), Waarde(tijdstip), Waarde(b.status.rawValue), Waarde(b.statusDoor ?? Signaalbeheer.systeem),
         Waarde(notitie)]
    }

    static func waarden(_ b: BeheerdSignaal) -> [Waarde] {
        let s = b.signaal
        return [Waarde(b.id), Waarde(s.sleutel), Waarde(s.regel), Waarde(s.gemeentecode), Waarde(s.client), Waarde(s.agb),
                Waarde(s.perceel), Waarde(s.bedrag?.centen), Waarde(s.van), Waarde(s.tot), Waarde(s.peildag), Waarde(s.toelichting),
                Waarde(b.status.rawValue), Waarde(b.statusDoor), Waarde(b.statusOp), Waarde(b.automatischGesloten ? 1 : 0),
                Waarde(b.notitie), Waarde(b.eersteKeer), Waarde(b.laatstActief)]
    }

    static func lees(_ v: any SQLVerbinding, waar: String = "", _ waarden: [Waarde] = []) throws -> [BeheerdSignaal] {
        try v.rijen("SELECT \(kolommen.joined(separator: ", ")) FROM signaal \(waar) ORDER BY id", waarden).map { r in
            let s = Signaal(regel: r[2].tekst ?? "", sleutel: r[1].tekst ?? "", gemeentecode: r[3].tekst ?? "", client: r[4].tekst ?? "",
                            agb: r[5].tekst, perceel: r[6].tekst, bedrag: r[7].geheel.map { Euro(centen: $0) }, van: r[8].dag,
                            tot: r[9].dag, peildag: r[10].dag ?? Dag(dagnummer: 0), toelichting: r[11].tekst ?? "")
            return BeheerdSignaal(id: r[0].geheel ?? 0, signaal: s, status: r[12].tekst.flatMap(Signaalstatus.init(rawValue:)) ?? .nieuw,
                                  statusDoor: r[13].tekst, statusOp: r[14].tekst, automatischGesloten: r[15].geheel == 1,
                                  notitie: r[16].tekst, eersteKeer: r[17].dag ?? Dag(dagnummer: 0), laatstActief: r[18].dag ?? Dag(dagnummer: 0))
        }
    }
}

/// What the iJw import keeps beside the records, read the same way on both databases (the writes are a bulk path).
extension IJWStore where Self: SQLOpslag {
    public func leveringen() throws -> [Levering] {
        try lees { v in
            try v.rijen("""
                SELECT toewijzingnummer, begindatum, client, gemeentecode, agb, productcategorie, productcode, einddatum,
                  reden_beeindiging, gestart_op, gestopt_op FROM levering ORDER BY \(invoegvolgorde)
                """, []).map { r in
                Levering(toewijzingnummer: r[0].tekst ?? "", begindatum: r[1].dag ?? Dag(dagnummer: 0), client: r[2].tekst ?? "",
                         gemeentecode: r[3].tekst ?? "", agb: r[4].tekst ?? "", productcategorie: r[5].tekst ?? "", productcode: r[6].tekst,
                         einddatum: r[7].dag, redenBeeindiging: r[8].tekst, gestartOp: r[9].dag ?? Dag(dagnummer: 0), gestoptOp: r[10].dag)
            }
        }
    }

    public func ijwBerichten() throws -> [IJWBerichtlog] {
        try lees { v in
            try v.rijen("""
                SELECT berichtsoort, afzender, identificatie, dagtekening, inhoud, verwijzing, bestand, tijdstip
                FROM ijw_bericht ORDER BY \(invoegvolgorde)
                """, []).map { r in
                IJWBerichtlog(berichtsoort: r[0].tekst ?? "", afzender: r[1].tekst ?? "", identificatie: r[2].tekst ?? "",
                              dagtekening: r[3].dag ?? Dag(dagnummer: 0), inhoudHash: r[4].geheel ?? 0, verwijzing: r[5].tekst,
                              bestand: r[6].tekst ?? "", tijdstip: r[7].tekst ?? "")
            }
        }
    }
}
