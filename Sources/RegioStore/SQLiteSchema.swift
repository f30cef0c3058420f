import GRDB

/// One named step of the schema, for both databases (written once; see `Schemadefinitie.migraties`).
public struct Migratie: Sendable {
    public let naam: String
    /// Portable SQL (PostgreSQL translates `INTEGER PRIMARY KEY` and adds its insertion-order column).
    public let sql: [String]
    /// SQLite only: the bulk-load layout of `declaratie` (PostgreSQL records the step's name with nothing to do).
    public let alleenSQLite: Bool

    init(_ naam: String, _ sql: [String], alleenSQLite: Bool = false) {
        self.naam = naam; self.sql = sql; self.alleenSQLite = alleenSQLite
    }
}

extension Schemadefinitie {
    /// The append-only migrations of both databases, in order: never edit a released one, add the next.
    public static let migraties: [Migratie] = [
        Migratie("v1", v1),
        Migratie("v2-ijw", ijw),
        Migratie("v2-signalen", v2Signalen),
        Migratie("v3-gebruikers", gebruikers),
        Migratie("v3-normbudgetten", v3Normbudgetten),
        Migratie("v4-aggregaten", v4Aggregaten),
        // the declaration key as a droppable index for bulk loads; PostgreSQL keeps its primary key
        Migratie("v5-declaratiesleutel", SQLiteSchema.declaratiesleutel, alleenSQLite: true),
        Migratie("v6-driehoek", v6Driehoek),
        Migratie("v7-clientkosten", v7Clientkosten),
        Migratie("v8-aanbieders", v8Aanbieders),
        // brings back the index on the lines' client that v5 dropped; PostgreSQL never dropped it
        Migratie("v9-declaratieclient", SQLiteSchema.declaratieclient, alleenSQLite: true),
        Migratie("v10-wijzigingen", v10Wijzigingen),
        Migratie("v11-budgetversies", v11Budgetversies),
        Migratie("v12-boekdatum", v12Boekdatum),
        Migratie("v13-bi", v13BI),
        Migratie("v14-huishoudens", v14Huishoudens),
        Migratie("v15-vereveningsdelen", v15Vereveningsdelen),
        Migratie("v16-jaarkosten", v16Jaarkosten),
        Migratie("v17-contracten", v17Contracten),
    ]
}

/// The migrations on SQLite, through GRDB's migrator (which records them in `grdb_migrations`).
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        for stap in Schemadefinitie.migraties {
            m.registerMigration(stap.naam) { db in
                for sql in stap.sql { try db.execute(sql: sql) }
            }
        }
        return m
    }
}

extension SQLiteSchema {
    /// SQLite only: the key of `declaratie` as a unique index instead of the primary key, so a bulk load into an empty
    /// table can drop it and build it once, sorted, afterwards (a primary key's index cannot be dropped, and inserting
    /// twelve million keys in file order into it took half of a national import). Rows keep their order (rowid).
    /// The three secondary indexes of v1 go: no query used them (lines are read in rowid order, or summed), and
    /// rebuilding them took a quarter of a national import (v9 brings back the one on client).
    static let declaratiesleutel: [String] = [
        """
        CREATE TABLE declaratie_nieuw (declaratienummer TEXT NOT NULL, referentienummer TEXT NOT NULL,
          toewijzingnummer TEXT NOT NULL, client TEXT NOT NULL, gemeentecode TEXT NOT NULL, agb TEXT NOT NULL,
          productcategorie TEXT NOT NULL, productcode TEXT, begindatum BIGINT NOT NULL, einddatum BIGINT NOT NULL,
          volume BIGINT, eenheid TEXT, tarief_cent BIGINT, bedrag_cent BIGINT NOT NULL, debet_credit TEXT NOT NULL,
          status TEXT NOT NULL, ingediend_op BIGINT NOT NULL, inhoud BIGINT NOT NULL)
        """,
        "INSERT INTO declaratie_nieuw (rowid, declaratienummer, referentienummer, toewijzingnummer, client, gemeentecode, agb, productcategorie, productcode, begindatum, einddatum, volume, eenheid, tarief_cent, bedrag_cent, debet_credit, status, ingediend_op, inhoud) SELECT rowid, declaratienummer, referentienummer, toewijzingnummer, client, gemeentecode, agb, productcategorie, productcode, begindatum, einddatum, volume, eenheid, tarief_cent, bedrag_cent, debet_credit, status, ingediend_op, inhoud FROM declaratie ORDER BY rowid",
        "DROP TABLE declaratie",
        "ALTER TABLE declaratie_nieuw RENAME TO declaratie",
        "CREATE UNIQUE INDEX declaratie_sleutel ON declaratie (declaratienummer, referentienummer)",
    ]

    /// SQLite only (PostgreSQL kept v1's index): a client's page reads that client's lines, and the signal run the lines
    /// of a range of clients; without an index both scanned all lines (a client's page took 2.6 s nationally, now
    /// under a millisecond). A bulk load into an empty table drops it and builds it once, sorted (a few seconds).
    static let declaratieclient: [String] = [
        "CREATE INDEX declaratie_client ON declaratie (client)",
    ]
}

/// The schema as portable SQL (SQLite and PostgreSQL both accept it): money in cents, days as day numbers.
public enum Schemadefinitie {
    /// Norm budgets per provider, year and lot (contract management, issue 11); perceel '' = all lots.
    public static let v3Normbudgetten: [String] = [
        """
        CREATE TABLE normbudget (agb TEXT NOT NULL, jaar BIGINT NOT NULL, perceel TEXT NOT NULL, normbudget_cent BIGINT NOT NULL,
          inhoud BIGINT NOT NULL, PRIMARY KEY (agb, jaar, perceel))
        """,
    ]

    /// Declaration lines summed per month and client-year (issue 10), rebuilt after an import; `stand` says which
    /// stored data they were built from. productcode '' = none.
    public static let v4Aggregaten: [String] = [
        """
        CREATE TABLE agg_kosten (gemeentecode TEXT NOT NULL, productcategorie TEXT NOT NULL, productcode TEXT NOT NULL,
          verwijzer TEXT NOT NULL, maand BIGINT NOT NULL, bedrag_cent BIGINT NOT NULL)
        """,
        """
        CREATE TABLE agg_clienten (client TEXT NOT NULL, gemeentecode TEXT NOT NULL, productcategorie TEXT NOT NULL,
          productcode TEXT NOT NULL, jaar BIGINT NOT NULL)
        """,
        "CREATE TABLE agg_stand (sleutel TEXT NOT NULL PRIMARY KEY, waarde TEXT NOT NULL)",
        "CREATE INDEX agg_kosten_maand ON agg_kosten (maand)",
        "CREATE INDEX agg_clienten_jaar ON agg_clienten (jaar)",
    ]

    /// The forecast's run-off triangle as sums (cost by service month and month of submission); the stamp is
    /// cleared so sums built before this table existed are rebuilt, not read without it.
    public static let v6Driehoek: [String] = [
        """
        CREATE TABLE agg_driehoek (gemeentecode TEXT NOT NULL, productcategorie TEXT NOT NULL, productcode TEXT NOT NULL,
          dienstmaand BIGINT NOT NULL, indieningsmaand BIGINT NOT NULL, bedrag_cent BIGINT NOT NULL)
        """,
        "DELETE FROM agg_stand",
    ]

    /// Each client-year's cost beside the client-years, for the equalisation (its `drempel` scenario works per client);
    /// the stamp is cleared so the sums are rebuilt with it.
    public static let v7Clientkosten: [String] = [
        "ALTER TABLE agg_clienten ADD COLUMN bedrag_cent BIGINT NOT NULL DEFAULT 0",
        "DELETE FROM agg_stand",
    ]

    /// Provider, referrer and months of service beside each sum, so every page of the dashboard (per provider, per
    /// referrer, per month) can come from the sums: the cost by provider in a table of its own (five times the rows of
    /// agg_kosten, read only for figures about providers); the stamp is cleared so the sums are rebuilt with them.
    public static let v8Aanbieders: [String] = [
        """
        CREATE TABLE agg_kosten_aanbieder (gemeentecode TEXT NOT NULL, productcategorie TEXT NOT NULL, productcode TEXT NOT NULL,
          agb TEXT NOT NULL, verwijzer TEXT NOT NULL, maand BIGINT NOT NULL, bedrag_cent BIGINT NOT NULL)
        """,
        "CREATE INDEX agg_kosten_aanbieder_maand ON agg_kosten_aanbieder (maand)",
        "ALTER TABLE agg_kosten ADD COLUMN agb TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE agg_clienten ADD COLUMN agb TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE agg_clienten ADD COLUMN verwijzer TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE agg_clienten ADD COLUMN maanden BIGINT NOT NULL DEFAULT 0",
        "DELETE FROM agg_stand",
    ]

    public static let v1: [String] = [
        """
        CREATE TABLE gemeente (code TEXT NOT NULL PRIMARY KEY, naam TEXT NOT NULL, inhoud BIGINT NOT NULL)
        """,
        """
        CREATE TABLE gemeentecijfers (gemeentecode TEXT NOT NULL, jaar BIGINT NOT NULL, inwoners BIGINT NOT NULL,
          jeugdigen BIGINT NOT NULL, macrobudget_cent BIGINT NOT NULL, ses TEXT, wijkteam_fte TEXT, inhoud BIGINT NOT NULL,
          PRIMARY KEY (gemeentecode, jaar))
        """,
        """
        CREATE TABLE perceel (code TEXT NOT NULL PRIMARY KEY, naam TEXT NOT NULL, segment TEXT NOT NULL,
          verevend BIGINT NOT NULL, bekostiging TEXT, inhoud BIGINT NOT NULL)
        """,
        """
        CREATE TABLE product (productcategorie TEXT NOT NULL, productcode TEXT NOT NULL, jaar BIGINT NOT NULL,
          perceel TEXT NOT NULL, omschrijving TEXT, eenheid TEXT, tarief_cent BIGINT, inhoud BIGINT NOT NULL,
          PRIMARY KEY (productcategorie, productcode, jaar))
        """,
        "CREATE TABLE aanbieder (agb TEXT NOT NULL PRIMARY KEY, naam TEXT NOT NULL, inhoud BIGINT NOT NULL)",
        """
        CREATE TABLE budget (jaar BIGINT NOT NULL, gemeentecode TEXT NOT NULL, perceel TEXT NOT NULL,
          budget_cent BIGINT NOT NULL, inhoud BIGINT NOT NULL, PRIMARY KEY (jaar, gemeentecode, perceel))
        """,
        """
        CREATE TABLE verzoek (verzoeknummer TEXT NOT NULL PRIMARY KEY, client TEXT NOT NULL, gemeentecode TEXT NOT NULL,
          agb TEXT NOT NULL, productcategorie TEXT NOT NULL, productcode TEXT, ingangsdatum BIGINT NOT NULL, einddatum BIGINT,
          volume BIGINT, eenheid TEXT, frequentie TEXT, verwijzer_type TEXT, verwijzer_naam TEXT, geboortedatum BIGINT,
          ontvangen_op BIGINT NOT NULL, inhoud BIGINT NOT NULL)
        """,
        """
        CREATE TABLE toewijzing (toewijzingnummer TEXT NOT NULL PRIMARY KEY, client TEXT NOT NULL,
          gemeentecode TEXT NOT NULL, agb TEXT NOT NULL, productcategorie TEXT NOT NULL, productcode TEXT,
          ingangsdatum BIGINT NOT NULL, einddatum BIGINT, volume BIGINT, eenheid TEXT, frequentie TEXT, budget_cent BIGINT,
          verwijzer_type TEXT, verwijzer_naam TEXT, verzoeknummer TEXT, geboortedatum BIGINT, reden_wijziging TEXT,
          toewijzingsdatum BIGINT NOT NULL, inhoud BIGINT NOT NULL)
        """,
        """
        CREATE TABLE declaratie (declaratienummer TEXT NOT NULL, referentienummer TEXT NOT NULL,
          toewijzingnummer TEXT NOT NULL, client TEXT NOT NULL, gemeentecode TEXT NOT NULL, agb TEXT NOT NULL,
          productcategorie TEXT NOT NULL, productcode TEXT, begindatum BIGINT NOT NULL, einddatum BIGINT NOT NULL,
          volume BIGINT, eenheid TEXT, tarief_cent BIGINT, bedrag_cent BIGINT NOT NULL, debet_credit TEXT NOT NULL,
          status TEXT NOT NULL, ingediend_op BIGINT NOT NULL, inhoud BIGINT NOT NULL,
          PRIMARY KEY (declaratienummer, referentienummer))
        """,
        """
        CREATE TABLE importlog (id INTEGER PRIMARY KEY, bestand TEXT NOT NULL, soort TEXT NOT NULL, tijdstip TEXT NOT NULL,
          toegevoegd BIGINT NOT NULL, gewijzigd BIGINT NOT NULL, ongewijzigd BIGINT NOT NULL)
        """,
        "CREATE INDEX toewijzing_gemeente ON toewijzing (gemeentecode, ingangsdatum)",
        "CREATE INDEX toewijzing_client ON toewijzing (client)",
        "CREATE INDEX verzoek_aanbieder ON verzoek (agb)",
        "CREATE INDEX declaratie_toewijzing ON declaratie (toewijzingnummer)",
        "CREATE INDEX declaratie_gemeente ON declaratie (gemeentecode, begindatum)",
        "CREATE INDEX declaratie_client ON declaratie (client)",
    ]
}
