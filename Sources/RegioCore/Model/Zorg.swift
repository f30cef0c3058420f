/// Referrer type, iJw COD327.
public enum Verwijzer: String, Sendable, Codable, CaseIterable {
    case gemeente = "01", huisarts = "02", jeugdarts = "03", gecertificeerdeInstelling = "04",
         medischSpecialist = "05", zelfverwijzer = "06", justitie = "08"

    public var omschrijving: String {
        switch self {
        case .gemeente: "Gemeente/wijkteam"
        case .huisarts: "Huisarts"
        case .jeugdarts: "Jeugdarts"
        case .gecertificeerdeInstelling: "Gecertificeerde instelling"
        case .medischSpecialist: "Medisch specialist"
        case .zelfverwijzer: "Zelfverwijzer/geen verwijzer"
        case .justitie: "Rechter/OM/JJI"
        }
    }
}

/// Frequency of an allocated volume, iJw WMO757.
public enum Frequentie: String, Sendable, Codable, CaseIterable {
    case perDag = "1", perWeek = "2", perMaand = "4", totaal = "6"
}

/// The client as the region knows it: a pseudonym (keyed hash of the BSN) or the source system's client number.
/// Never a BSN.
public typealias ClientID = String

/// Verzoek om toewijzing (JW315): a provider asks the municipality to allocate care.
public struct Verzoek: Hashable, Sendable, Codable {
    public var verzoeknummer: String
    public var client: ClientID
    public var gemeentecode: String
    public var agb: String
    public var productcategorie: String
    public var productcode: String?
    public var ingangsdatum: Dag
    public var einddatum: Dag?
    public var volume: Int64?
    public var eenheid: String?
    public var frequentie: Frequentie?
    public var verwijzer: Verwijzer?
    public var verwijzerNaam: String?
    public var geboortedatum: Dag?
    public var ontvangenOp: Dag

    public init(verzoeknummer: String, client: ClientID, gemeentecode: String, agb: String, productcategorie: String,
                productcode: String? = nil, ingangsdatum: Dag, einddatum: Dag? = nil, volume: Int64? = nil,
                eenheid: String? = nil, frequentie: Frequentie? = nil, verwijzer: Verwijzer? = nil,
                verwijzerNaam: String? = nil, geboortedatum: Dag? = nil, ontvangenOp: Dag) {
        self.verzoeknummer = verzoeknummer; self.client = client; self.gemeentecode = gemeentecode; self.agb = agb
        self.productcategorie = productcategorie; self.productcode = productcode; self.ingangsdatum = ingangsdatum
        self.einddatum = einddatum; self.volume = volume; self.eenheid = eenheid; self.frequentie = frequentie
        self.verwijzer = verwijzer; self.verwijzerNaam = verwijzerNaam; self.geboortedatum = geboortedatum
        self.ontvangenOp = ontvangenOp
    }

    /// Days between the requested start and the request's arrival; positive means filed retroactively.
    public var dagenTeLaat: Int { ontvangenOp - ingangsdatum }
}

/// Toewijzing (JW301): the municipality's allocation of care to a client at a provider.
public struct Toewijzing: Hashable, Sendable, Codable {
    public var toewijzingnummer: String
    public var client: ClientID
    public var gemeentecode: String
    public var agb: String
    public var productcategorie: String
    public var productcode: String?
    public var ingangsdatum: Dag
    public var einddatum: Dag?
    public var volume: Int64?
    public var eenheid: String?
    public var frequentie: Frequentie?
    public var budget: Euro?
    public var verwijzer: Verwijzer?
    public var verwijzerNaam: String?
    public var verzoeknummer: String?
    public var geboortedatum: Dag?
    public var redenWijziging: String?
    public var toewijzingsdatum: Dag

    public init(toewijzingnummer: String, client: ClientID, gemeentecode: String, agb: String,
                productcategorie: String, productcode: String? = nil, ingangsdatum: Dag, einddatum: Dag? = nil,
                volume: Int64? = nil, eenheid: String? = nil, frequentie: Frequentie? = nil, budget: Euro? = nil,
                verwijzer: Verwijzer? = nil, verwijzerNaam: String? = nil, verzoeknummer: String? = nil,
                geboortedatum: Dag? = nil, redenWijziging: String? = nil, toewijzingsdatum: Dag) {
        self.toewijzingnummer = toewijzingnummer; self.client = client; self.gemeentecode = gemeentecode
        self.agb = agb; self.productcategorie = productcategorie; self.productcode = productcode
        self.ingangsdatum = ingangsdatum; self.einddatum = einddatum; self.volume = volume; self.eenheid = eenheid
        self.frequentie = frequentie; self.budget = budget; self.verwijzer = verwijzer
        self.verwijzerNaam = verwijzerNaam; self.verzoeknummer = verzoeknummer; self.geboortedatum = geboortedatum
        self.redenWijziging = redenWijziging; self.toewijzingsdatum = toewijzingsdatum
    }

    public var periode: Periode { Periode(van: ingangsdatum, tot: einddatum) }
    /// JZ002 code 13: sent in error; the allocation counts as never sent.
    public var isVerwijderd: Bool { redenWijziging == "13" }
}

public enum DebetCredit: String, Sendable, Codable { case debet = "D", credit = "C" }

public enum DeclaratieStatus: String, Sendable, Codable, CaseIterable {
    case ingediend, toegekend, afgewezen
}

/// One declared prestatie (a JW323 line): care delivered in a period under an allocation.
public struct Declaratieregel: Hashable, Sendable, Codable {
    public var declaratienummer: String
    public var referentienummer: String
    public var toewijzingnummer: String
    public var client: ClientID
    public var gemeentecode: String
    public var agb: String
    public var productcategorie: String
    public var productcode: String?
    public var begindatum: Dag
    public var einddatum: Dag
    public var volume: Int64?
    public var eenheid: String?
    public var tarief: Euro?
    /// Always non-negative; the sign comes from `debetCredit`.
    public var bedrag: Euro
    public var debetCredit: DebetCredit
    public var status: DeclaratieStatus
    public var ingediendOp: Dag
    /// The day the municipality booked the line in its ledger, when it differs from the day of submission (the
    /// optional column `geboekt_op`); nil: booked on submission.
    public var geboektOp: Dag?

    /// The booking date of the booking-year analysis (docs/boekjaar.md): `geboekt_op`, else `ingediend_op`.
    public var boekdatum: Dag { geboektOp ?? ingediendOp }

    public init(declaratienummer: String, referentienummer: String, toewijzingnummer: String, client: ClientID,
                gemeentecode: String, agb: String, productcategorie: String, productcode: String? = nil,
                begindatum: Dag, einddatum: Dag, volume: Int64? = nil, eenheid: String? = nil, tarief: Euro? = nil,
                bedrag: Euro, debetCredit: DebetCredit = .debet, status: DeclaratieStatus = .ingediend, ingediendOp: Dag,
                geboektOp: Dag? = nil) {
        self.declaratienummer = declaratienummer; self.referentienummer = referentienummer
        self.toewijzingnummer = toewijzingnummer; self.client = client; self.gemeentecode = gemeentecode
        self.agb = agb; self.productcategorie = productcategorie; self.productcode = productcode
        self.begindatum = begindatum; self.einddatum = einddatum; self.volume = volume; self.eenheid = eenheid
        self.tarief = tarief; self.bedrag = bedrag; self.debetCredit = debetCredit; self.status = status
        self.ingediendOp = ingediendOp; self.geboektOp = geboektOp
    }

    /// The cost this line adds: debit positive, credit negative, rejected lines nothing.
    public var kosten: Euro { Declaratieregel.kosten(bedrag, debetCredit, status) }

    static func kosten(_ bedrag: Euro, _ debetCredit: DebetCredit, _ status: DeclaratieStatus) -> Euro {
        if status == .afgewezen { return .nul }
        return debetCredit == .debet ? bedrag : -bedrag
    }
}

/// The fields of a declaration line that say what it cost whom, where, in which months and since when it is known:
/// what the signal run's first pass reads of every line (`Signaalcontext.kosten`), without the line's other texts.
public struct Declaratiekost: Sendable {
    public var toewijzingnummer: String
    public var client: ClientID
    public var gemeentecode: String
    public var begindatum: Dag
    public var einddatum: Dag
    /// Always non-negative; the sign comes from `debetCredit`.
    public var bedrag: Euro
    public var debetCredit: DebetCredit
    public var status: DeclaratieStatus
    public var ingediendOp: Dag

    public init(toewijzingnummer: String, client: ClientID, gemeentecode: String, begindatum: Dag, einddatum: Dag, bedrag: Euro,
                debetCredit: DebetCredit, status: DeclaratieStatus, ingediendOp: Dag) {
        self.toewijzingnummer = toewijzingnummer; self.client = client; self.gemeentecode = gemeentecode
        self.begindatum = begindatum; self.einddatum = einddatum; self.bedrag = bedrag; self.debetCredit = debetCredit
        self.status = status; self.ingediendOp = ingediendOp
    }

    /// As `Declaratieregel.kosten`.
    public var kosten: Euro { Declaratieregel.kosten(bedrag, debetCredit, status) }
}
