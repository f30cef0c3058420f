import RegioCore

/// A column value in a backend-neutral form: both SQLite and PostgreSQL map these to their own bindings.
public enum Waarde: Hashable, Sendable {
    case geheel(Int64)
    case tekst(String)
    case leeg

    public var geheel: Int64? { if case .geheel(let i) = self { return i }; return nil }
    public var tekst: String? { if case .tekst(let s) = self { return s }; return nil }
}

/// The kinds of records the region registers, in the order an import must write them (references first).
public enum Soort: String, Sendable, CaseIterable, Comparable {
    /// The condition on requests and allocations running on some day from `van` to `tot` (their end may be open),
    /// with the placeholders or values of both days as the backend writes them.
    public static func lopendIn(tot: String, van: String) -> String {
        "ingangsdatum <= \(tot) AND (einddatum IS NULL OR einddatum >= \(van))"
    }

    case gemeenten, gemeentecijfers, percelen, producten, aanbieders, budgetten, normbudgetten, verzoeken, toewijzingen, declaraties,
         verevening, kosten, contracten, betalingen, productie

    public static func < (a: Soort, b: Soort) -> Bool { a.volgorde < b.volgorde }
    var volgorde: Int { Soort.allCases.firstIndex(of: self)! }

    public var tabel: String {
        switch self {
        case .gemeenten: "gemeente"
        case .gemeentecijfers: "gemeentecijfers"
        case .percelen: "perceel"
        case .producten: "product"
        case .aanbieders: "aanbieder"
        case .budgetten: "budget"
        case .normbudgetten: "normbudget"
        case .verzoeken: "verzoek"
        case .toewijzingen: "toewijzing"
        case .declaraties: "declaratie"
        case .verevening: "vereveningsdeel"
        case .kosten: "jaarkosten"
        case .contracten: "contract"
        case .betalingen: "betaling"
        case .productie: "productie"
        }
    }

    /// Key columns first, then the content columns.
    public var sleutel: [String] {
        switch self {
        case .gemeenten: ["code"]
        case .gemeentecijfers: ["gemeentecode", "jaar"]
        case .percelen: ["code"]
        case .producten: ["productcategorie", "productcode", "jaar"]
        case .aanbieders: ["agb"]
        case .budgetten: ["jaar", "gemeentecode", "perceel", "versie"]
        // perceel "" = the provider's norm budget over all lots (a key column cannot be NULL)
        case .normbudgetten: ["agb", "jaar", "perceel"]
        case .verzoeken: ["verzoeknummer"]
        case .toewijzingen: ["toewijzingnummer"]
        case .declaraties: ["declaratienummer", "referentienummer"]
        // productcode '' = the whole lot
        case .verevening: ["jaar", "perceel", "productcode"]
        case .kosten: ["jaar", "gemeentecode", "perceel"]
        // gemeentecode '' = the region; kenmerk '' = none
        case .contracten: ["jaar", "perceel", "agb", "gemeentecode"]
        case .betalingen: ["datum", "agb", "perceel", "gemeentecode", "kenmerk"]
        case .productie: ["maand", "agb", "perceel", "gemeentecode"]
        }
    }

    public var inhoud: [String] {
        switch self {
        case .gemeenten: ["naam"]
        case .gemeentecijfers: ["inwoners", "jeugdigen", "macrobudget_cent", "ses", "wijkteam_fte", "eenoudergezinnen", "lage_inkomens"]
        case .percelen: ["naam", "segment", "verevend", "bekostiging"]
        case .producten: ["perceel", "omschrijving", "eenheid", "tarief_cent"]
        case .aanbieders: ["naam"]
        case .budgetten: ["budget_cent", "vastgesteld_op"]
        case .normbudgetten: ["normbudget_cent"]
        case .verzoeken: ["client", "gemeentecode", "agb", "productcategorie", "productcode", "ingangsdatum", "einddatum",
                          "volume", "eenheid", "frequentie", "verwijzer_type", "verwijzer_naam", "geboortedatum", "ontvangen_op"]
        case .toewijzingen: ["client", "gemeentecode", "agb", "productcategorie", "productcode", "ingangsdatum", "einddatum",
                             "volume", "eenheid", "frequentie", "budget_cent", "verwijzer_type", "verwijzer_naam", "verzoeknummer",
                             "geboortedatum", "reden_wijziging", "toewijzingsdatum"]
        case .declaraties: ["toewijzingnummer", "client", "gemeentecode", "agb", "productcategorie", "productcode", "begindatum",
                            "einddatum", "volume", "eenheid", "tarief_cent", "bedrag_cent", "debet_credit", "status", "ingediend_op",
                            "geboekt_op"]
        case .verevening: ["aandeel_honderdsten"]
        case .kosten: ["bedrag_cent", "clienten"]
        case .contracten: ["bekostiging", "contractsom_cent", "betaalritme"]
        case .betalingen: ["bedrag_cent"]
        case .productie: ["clienten", "trajecten", "uren"]
        }
    }

    public var kolommen: [String] { sleutel + inhoud }

    /// The content columns added after a kind was first stored (the last ones of `inhoud`): left out of the
    /// fingerprint while empty. Declarations: geboekt_op (v12); figures: eenoudergezinnen and lage_inkomens (v14).
    var laterToegevoegd: Int {
        switch self {
        case .declaraties: 1
        case .gemeentecijfers: 2
        default: 0
        }
    }
}

/// One record to store: its kind and its values in `Soort.kolommen` order.
public struct Rij: Sendable, Hashable {
    public let soort: Soort
    public let waarden: [Waarde]
    /// A stable 64-bit fingerprint of the content columns: equal content, equal fingerprint (FNV-1a). Computed where
    /// the row is made, which in an import is the reading thread, not the busier writing one.
    public let inhoudHash: Int64
    public init(soort: Soort, waarden: [Waarde]) {
        self.soort = soort; self.waarden = waarden
        // a row without the columns added later has the fingerprint it had before they existed, so a re-import of an
        // unchanged file into an older database finds every row unchanged
        var eind = waarden.count
        while eind > waarden.count - soort.laterToegevoegd && waarden[eind - 1] == .leeg { eind -= 1 }
        inhoudHash = eind > soort.sleutel.count ? Int64(bitPattern: Rij.fnv(waarden[soort.sleutel.count..<eind])) : 0
    }

    public var sleutel: ArraySlice<Waarde> { waarden[..<soort.sleutel.count] }

    /// A 64-bit hash of the key columns (FNV-1a, then mixed so the low bits spread for hash tables).
    public var sleutelHash: UInt64 {
        var z = Rij.fnv(waarden[..<soort.sleutel.count])
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    static func fnv(_ waarden: ArraySlice<Waarde>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        func voeg(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        for w in waarden {
            switch w {
            case .leeg: voeg(0)
            case .geheel(let i): voeg(1); withUnsafeBytes(of: i.littleEndian) { for b in $0 { voeg(b) } }
            // a-z as A-Z: keys that differ only in case hash alike, so the import confirms them as duplicates
            case .tekst(let s): voeg(2); for b in s.utf8 { voeg(b >= 97 && b <= 122 ? b - 32 : b) }; voeg(0xff)
            }
        }
        return h
    }

    /// The key as one text, for reports and duplicate checks.
    public var sleutelTekst: String {
        sleutel.map { w in
            switch w { case .leeg: "" ; case .geheel(let i): String(i); case .tekst(let s): s }
        }.joined(separator: "/")
    }
}

/// What one import did to the store.
public struct Telling: Sendable, Equatable {
    public var toegevoegd = 0
    public var gewijzigd = 0
    public var ongewijzigd = 0
    public var gewijzigdeSleutels: [String] = []
    public init() {}
    public static func + (a: Telling, b: Telling) -> Telling {
        var t = a
        t.toegevoegd += b.toegevoegd; t.gewijzigd += b.gewijzigd; t.ongewijzigd += b.ongewijzigd
        t.gewijzigdeSleutels += b.gewijzigdeSleutels
        return t
    }
}

extension Schemadefinitie {
    /// Budget versions (issue 22): the version joins the key, the adoption date the content. A budget stored before
    /// has version "" and no date, which is how a file without these columns is read: nothing changes for it.
    /// The booking date of a declaration line when the municipality booked it on another day than its submission.
    public static let v12Boekdatum: [String] = ["ALTER TABLE declaratie ADD COLUMN geboekt_op BIGINT"]

    /// Two more objective criteria for the cost explanation (issue 23): percentages, as text like ses.
    /// Pooling per year, lot and product (issue 23, point 3); productcode '' = the whole lot, the share in hundredths
    /// of a percent.
    public static let v15Vereveningsdelen: [String] = [
        """
        CREATE TABLE vereveningsdeel (jaar BIGINT NOT NULL, perceel TEXT NOT NULL, productcode TEXT NOT NULL,
          aandeel_honderdsten BIGINT NOT NULL, inhoud BIGINT NOT NULL, PRIMARY KEY (jaar, perceel, productcode))
        """,
    ]

    /// Yearly cost totals per municipality and lot (issue 23, point 2).
    public static let v16Jaarkosten: [String] = [
        """
        CREATE TABLE jaarkosten (jaar BIGINT NOT NULL, gemeentecode TEXT NOT NULL, perceel TEXT NOT NULL,
          bedrag_cent BIGINT NOT NULL, clienten BIGINT, inhoud BIGINT NOT NULL, PRIMARY KEY (jaar, gemeentecode, perceel))
        """,
    ]

    /// Contracts, payments and production reports (issue 23, point 1); days as day numbers, a month as its first day.
    public static let v17Contracten: [String] = [
        """
        CREATE TABLE contract (jaar BIGINT NOT NULL, perceel TEXT NOT NULL, agb TEXT NOT NULL, gemeentecode TEXT NOT NULL,
          bekostiging TEXT NOT NULL, contractsom_cent BIGINT NOT NULL, betaalritme TEXT NOT NULL, inhoud BIGINT NOT NULL,
          PRIMARY KEY (jaar, perceel, agb, gemeentecode))
        """,
        """
        CREATE TABLE betaling (datum BIGINT NOT NULL, agb TEXT NOT NULL, perceel TEXT NOT NULL, gemeentecode TEXT NOT NULL,
          kenmerk TEXT NOT NULL, bedrag_cent BIGINT NOT NULL, inhoud BIGINT NOT NULL,
          PRIMARY KEY (datum, agb, perceel, gemeentecode, kenmerk))
        """,
        """
        CREATE TABLE productie (maand BIGINT NOT NULL, agb TEXT NOT NULL, perceel TEXT NOT NULL, gemeentecode TEXT NOT NULL,
          clienten BIGINT NOT NULL, trajecten BIGINT, uren BIGINT, inhoud BIGINT NOT NULL,
          PRIMARY KEY (maand, agb, perceel, gemeentecode))
        """,
    ]

    public static let v14Huishoudens: [String] = ["ALTER TABLE gemeentecijfers ADD COLUMN eenoudergezinnen TEXT",
                                                  "ALTER TABLE gemeentecijfers ADD COLUMN lage_inkomens TEXT"]

    public static let v11Budgetversies: [String] = [
        """
        CREATE TABLE budget_nieuw (jaar BIGINT NOT NULL, gemeentecode TEXT NOT NULL, perceel TEXT NOT NULL, versie TEXT NOT NULL,
          budget_cent BIGINT NOT NULL, vastgesteld_op BIGINT, inhoud BIGINT NOT NULL, PRIMARY KEY (jaar, gemeentecode, perceel, versie))
        """,
        """
        INSERT INTO budget_nieuw (jaar, gemeentecode, perceel, versie, budget_cent, vastgesteld_op, inhoud)
          SELECT jaar, gemeentecode, perceel, '', budget_cent, NULL, inhoud FROM budget
        """,
        "DROP TABLE budget",
        "ALTER TABLE budget_nieuw RENAME TO budget",
    ]
}
