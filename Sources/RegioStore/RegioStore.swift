import RegioCore

/// The region's storage. One implementation per backend (SQLite embedded, PostgreSQL shared); every caller sees only this.
public protocol RegioStore: Sendable {
    /// Everything registered, as domain values.
    func gegevens() throws -> Gegevens
    /// The keys (as `Rij.sleutelTekst`) of every stored record of a kind, for reference checks before an import.
    func sleutels(_ soort: Soort) throws -> Set<String>
    /// Number of stored records of a kind.
    func aantal(_ soort: Soort) throws -> Int
    /// Whether a contract that is not p x q is stored: then its provider's lines are replaced and the sums must keep
    /// the provider (`Gegevens.vervangtPerAanbieder`, asked before the records are read).
    func heeftContractZonderDeclaraties() throws -> Bool
    /// Runs `werk` in one transaction: all of it is stored, or (when it throws) none of it.
    func transactie<T>(_ werk: (any StoreSchrijver) throws -> T) throws -> T
    /// The import history, newest first.
    func importlog() throws -> [ImportlogRegel]
    /// Every allocation's number, client, municipality, provider and period, streamed: what a declaration is checked
    /// against on import, without holding the allocations as records.
    func elkeToewijzing(_ perToewijzing: (Toewijzingskenmerken) -> Void) throws
}

/// What a declaration line must agree with in its allocation.
public struct Toewijzingskenmerken: Sendable {
    public let nummer: String
    public let client: String
    public let gemeentecode: String
    public let agb: String
    public let van: Dag
    public let tot: Dag?
    public init(nummer: String, client: String, gemeentecode: String, agb: String, van: Dag, tot: Dag?) {
        self.nummer = nummer; self.client = client; self.gemeentecode = gemeentecode; self.agb = agb; self.van = van; self.tot = tot
    }
}

/// A region's database: one value, opened once, that does everything the edges ask of storage (records, the monthly
/// sums, the BI tables, signals, iJw messages, users, the change stamp, period reads). Both backends are one; every
/// command, page and import takes this, so no caller asks "can this database do X?".
public protocol Opslag: RegioStore, AggregaatStore, BIStore, SignaalStore, IJWStore, GebruikerStore, WijzigingStore, PeriodeStore {
    /// Closes the connections now (SQLite: the write-ahead log is checkpointed into the file), rather than when the
    /// value goes; the store cannot be used after it.
    func sluit() throws
}

/// Writes inside a transaction.
public protocol StoreSchrijver {
    /// Inserts new keys, updates keys whose content differs, leaves equal rows alone; says which was which.
    func schrijf(_ rijen: [Rij]) throws -> Telling
    func logImport(_ regel: ImportlogRegel) throws
}

public struct ImportlogRegel: Sendable, Equatable {
    public var bestand: String
    public var soort: String
    public var tijdstip: String
    public var toegevoegd: Int
    public var gewijzigd: Int
    public var ongewijzigd: Int
    public init(bestand: String, soort: String, tijdstip: String, toegevoegd: Int, gewijzigd: Int, ongewijzigd: Int) {
        self.bestand = bestand; self.soort = soort; self.tijdstip = tijdstip
        self.toegevoegd = toegevoegd; self.gewijzigd = gewijzigd; self.ongewijzigd = ongewijzigd
    }
}

public enum StoreFout: Error, CustomStringConvertible {
    case onbekendeDatabase(String)
    case databasefout(String)
    public var description: String {
        switch self {
        case .onbekendeDatabase(let s): "onbekende database '\(s)': geef een SQLite-bestand of postgres://..."
        case .databasefout(let s): "databasefout: \(s)"
        }
    }
}
