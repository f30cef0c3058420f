import RegioCore

/// The reporting views a BI tool reads directly (docs/bi.md): a small star schema over tables the store fills whenever
/// it rebuilds the monthly sums. Written once for both databases; the names and columns are a promise to the region's
/// analysts: add, never rename.
extension Schemadefinitie {
    public static let v13BI: [String] = [
        """
        CREATE TABLE bi_t_maand (jaar BIGINT NOT NULL, maand BIGINT NOT NULL, gemeentecode TEXT NOT NULL, perceel TEXT NOT NULL,
          agb TEXT NOT NULL, kosten_cent BIGINT NOT NULL, verplichting_cent BIGINT NOT NULL)
        """,
        """
        CREATE TABLE bi_t_jaar (jaar BIGINT NOT NULL, gemeentecode TEXT NOT NULL, perceel TEXT NOT NULL, agb TEXT NOT NULL,
          kosten_cent BIGINT NOT NULL, verplichting_cent BIGINT NOT NULL, verplichting_onbekend BIGINT NOT NULL,
          toewijzingen BIGINT NOT NULL, clienten BIGINT NOT NULL)
        """,
        "CREATE TABLE bi_t_clienten (jaar BIGINT NOT NULL, gemeentecode TEXT NOT NULL, clienten BIGINT NOT NULL)",
        "CREATE TABLE bi_t_stand (sleutel TEXT NOT NULL PRIMARY KEY, waarde TEXT NOT NULL)",
        """
        CREATE VIEW bi_feit_maand AS SELECT jaar, maand,
          CAST(jaar AS TEXT) || '-' || CASE WHEN maand < 10 THEN '0' ELSE '' END || CAST(maand AS TEXT) AS maandcode,
          gemeentecode, perceel, agb, kosten_cent, verplichting_cent,
          kosten_cent / 100.0 AS kosten_euro, verplichting_cent / 100.0 AS verplichting_euro
        FROM bi_t_maand
        """,
        """
        CREATE VIEW bi_feit_jaar AS SELECT jaar, gemeentecode, perceel, agb, kosten_cent, verplichting_cent,
          kosten_cent / 100.0 AS kosten_euro, verplichting_cent / 100.0 AS verplichting_euro,
          toewijzingen, verplichting_onbekend, clienten AS clienten_uniek_in_cel
        FROM bi_t_jaar
        """,
        "CREATE VIEW bi_clienten_gemeente AS SELECT jaar, gemeentecode, clienten AS clienten_uniek FROM bi_t_clienten WHERE gemeentecode <> ''",
        "CREATE VIEW bi_clienten_regio AS SELECT jaar, clienten AS clienten_uniek FROM bi_t_clienten WHERE gemeentecode = ''",
        "CREATE VIEW bi_dim_gemeente AS SELECT code AS gemeentecode, naam AS gemeentenaam FROM gemeente",
        """
        CREATE VIEW bi_dim_perceel AS SELECT code AS perceel, naam AS perceelnaam, segment, verevend, bekostiging FROM perceel
        UNION ALL SELECT '', 'Onbekend product', '', 0, '' WHERE EXISTS (SELECT 1 FROM bi_t_jaar WHERE perceel = '')
        """,
        "CREATE VIEW bi_dim_aanbieder AS SELECT agb, naam AS aanbiedernaam FROM aanbieder",
        """
        CREATE VIEW bi_dim_product AS SELECT productcategorie, productcode, jaar, perceel, omschrijving, eenheid, tarief_cent
        FROM product
        """,
        """
        CREATE VIEW bi_dim_maand AS SELECT DISTINCT jaar, maand,
          CAST(jaar AS TEXT) || '-' || CASE WHEN maand < 10 THEN '0' ELSE '' END || CAST(maand AS TEXT) AS maandcode,
          (maand + 2) / 3 AS kwartaal
        FROM bi_t_maand
        """,
        "CREATE VIEW bi_stand AS SELECT sleutel, waarde FROM bi_t_stand",
        // client level: only for a role that is given it (`gebruiker bi-rol --clientniveau`); pseudonyms, never BSNs
        """
        CREATE VIEW bi_clientjaar AS SELECT client AS pseudoniem, jaar, gemeentecode, productcategorie, productcode, agb,
          bedrag_cent AS kosten_cent
        FROM agg_clienten
        """,
    ]

    /// The views of `v13BI`, in the order a role is given them; the client-level one last.
    public static let biViews = ["bi_feit_maand", "bi_feit_jaar", "bi_clienten_gemeente", "bi_clienten_regio", "bi_dim_gemeente",
                                 "bi_dim_perceel", "bi_dim_aanbieder", "bi_dim_product", "bi_dim_maand", "bi_stand"]
    public static let biClientView = "bi_clientjaar"
}

/// A store that keeps the BI facts (both backends).
public protocol BIStore: AggregaatStore {
    /// Replaces the BI tables with `feiten`, stamped with the data they were built from.
    func schrijfBI(_ feiten: BIFeiten, stand: String) throws
    /// Rebuilds the BI facts from the monthly sums (`sommen`, as just written with `stand`; nil: read them) and the
    /// allocations (`Somopslag` does it for both backends).
    func ververstBI(stand: String, sommen: Declaratieaggregaten?) throws
    /// The BI facts of these sums and the stored allocations, read one by one (`export` and the BI tables).
    func biFeiten(sommen: Declaratieaggregaten) throws -> BIFeiten
}

extension BIStore {
    /// The BI tables with their rows, one builder for both backends. A row's values are made when it is written: a
    /// national year has millions of monthly rows, which as arrays of values would take most of a gigabyte at once.
    public static func biTabellen(_ f: BIFeiten) -> [BITabel] {
        let gemeenten = f.clientenPerGemeente, regio = f.clientenRegio
        return [
            BITabel(naam: "bi_t_maand", kolommen: ["jaar", "maand", "gemeentecode", "perceel", "agb", "kosten_cent", "verplichting_cent"],
                    typen: ["bigint", "bigint", "text", "text", "text", "bigint", "bigint"], aantal: f.maanden.count) { i in
                let x = f.maanden[i]
                return [.geheel(Int64(x.maand.jaar)), .geheel(Int64(x.maand.maand)), .tekst(x.cel.gemeentecode), .tekst(x.cel.perceel),
                        .tekst(x.cel.agb), .geheel(x.kosten.centen), .geheel(x.verplichting.centen)]
            },
            BITabel(naam: "bi_t_jaar", kolommen: ["jaar", "gemeentecode", "perceel", "agb", "kosten_cent", "verplichting_cent",
                                                  "verplichting_onbekend", "toewijzingen", "clienten"],
                    typen: ["bigint", "text", "text", "text", "bigint", "bigint", "bigint", "bigint", "bigint"], aantal: f.jaren.count) { i in
                let x = f.jaren[i]
                return [.geheel(Int64(x.jaar)), .tekst(x.cel.gemeentecode), .tekst(x.cel.perceel), .tekst(x.cel.agb), .geheel(x.kosten.centen),
                        .geheel(x.verplichting.centen), .geheel(Int64(x.verplichtingOnbekend)), .geheel(Int64(x.toewijzingen)),
                        .geheel(Int64(x.clienten))]
            },
            BITabel(naam: "bi_t_clienten", kolommen: ["jaar", "gemeentecode", "clienten"], typen: ["bigint", "text", "bigint"],
                    aantal: gemeenten.count + regio.count) { i in
                i < gemeenten.count
                    ? [.geheel(Int64(gemeenten[i].jaar)), .tekst(gemeenten[i].gemeentecode), .geheel(Int64(gemeenten[i].clienten))]
                    : [.geheel(Int64(regio[i - gemeenten.count].jaar)), .tekst(""), .geheel(Int64(regio[i - gemeenten.count].clienten))]
            },
        ]
    }
}

/// One BI table to write: its columns (with their PostgreSQL types) and its rows by position.
public struct BITabel {
    public let naam: String
    public let kolommen: [String]
    public let typen: [String]
    public let aantal: Int
    public let rij: (Int) -> [Waarde]

    /// "INSERT INTO naam (kolom, ...)", without the values.
    public var insert: String { "INSERT INTO \(naam) (\(kolommen.joined(separator: ", ")))" }

    /// Empties the table for `f`: every row, or when `f` built only some years (`BIFeiten.deel`) the rows of those years
    /// and of any year no longer in its range. The years are whole numbers, written into the statement.
    public static func wissen(_ naam: String, voor f: BIFeiten) -> String {
        guard let deel = f.deel else { return "DELETE FROM \(naam)" }
        var waar = deel.isEmpty ? [] : ["jaar IN (\(deel.map(String.init).joined(separator: ", ")))"]
        if let b = f.bereik { waar.append("jaar < \(b.lowerBound) OR jaar > \(b.upperBound)") }
        return waar.isEmpty ? "DELETE FROM \(naam) WHERE 0 = 1" : "DELETE FROM \(naam) WHERE " + waar.joined(separator: " OR ")
    }

    /// The rows of `bi_t_stand` for facts stamped with `stand`: the stand, and the range of years they cover.
    public static func stand(_ stand: String, _ f: BIFeiten) -> [(sleutel: String, waarde: String)] {
        [("stand", stand)] + (f.bereik.map { [("jaren", BIFeiten.tekst($0))] } ?? [])
    }
}
