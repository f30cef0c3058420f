/// Every check the iJw import applies, in one table, with the code the standard uses so a user sees the same code
/// as in a retourbericht: WJ001 retourcodes (with their TR rule), VECOZO codes for XML/XSD, the constraint CS058.
/// Codes starting with RM are Regiomonitor's own: checks monitoring needs for which the iJw 3.2 standard
/// gives no code. docs/ijw-import.md lists the same table.
public enum IJWRegel: String, CaseIterable, Sendable {
    // the file as XML and against the XSD
    case welgevormd, xsd
    // header and identity
    case dagtekeningToekomst, identificatieUniek
    // client and reference data
    case bsnElfproef, gemeenteOnbekend, productOnbekend, aanbiederOnbekend, datumvolgorde, buitenGrenzen
    // toewijzing (JW301)
    case toewijzingNummerUniek, verwijderdMetDeclaraties
    // start and stop of care (JW305, JW307)
    case statusAanlevering, koppelingToewijzing, geenEerderBericht, geenStart, startAlGestopt, zelfdeSleutel,
         leveringNietGestopt, tijdelijkeStopDubbel, stopEinddatumEerder, stopDubbel
    // declaration (JW323)
    case totaalbedrag, declaratienummerUniek, referentienummerUniek, toewijzingOnbekend, begindatumBuitenToewijzing,
         einddatumBuitenToewijzing, buitenDeclaratieperiode, categorieWijktAf, codeWijktAf, eenheidWijktAf,
         bedragVolumeTarief, toewijzingVerwijderd, creditZonderDebet, debetNietGecrediteerd, alGecrediteerd, andereClient
    // declaration answer (JW325)
    case antwoordOnbekend, antwoordWijktAf, antwoordAlOntvangen

    /// The code as the standard (or Regiomonitor, RMnn) writes it.
    public var code: String {
        switch self {
        case .welgevormd: "BRS14"
        case .xsd: "BRS13"
        case .dagtekeningToekomst: "8848"
        case .identificatieUniek: "9056"
        case .bsnElfproef: "RM01"
        case .gemeenteOnbekend: "S300"
        case .productOnbekend: "S329"
        case .aanbiederOnbekend: "RM02"
        case .datumvolgorde: "RM03"
        case .buitenGrenzen: "RM05"
        case .toewijzingNummerUniek: "9332"
        case .verwijderdMetDeclaraties: "9385"
        case .statusAanlevering: "CS058"
        case .koppelingToewijzing: "9019"
        case .geenEerderBericht: "9063"
        case .geenStart: "9069"
        case .startAlGestopt: "9071"
        case .zelfdeSleutel: "9074"
        case .leveringNietGestopt: "9326"
        case .tijdelijkeStopDubbel: "9413"
        case .stopEinddatumEerder: "9414"
        case .stopDubbel: "9415"
        case .totaalbedrag: "RM04"
        case .declaratienummerUniek: "9333"
        case .referentienummerUniek: "8021"
        case .toewijzingOnbekend: "9338"
        case .begindatumBuitenToewijzing: "9307"
        case .einddatumBuitenToewijzing: "9308"
        case .buitenDeclaratieperiode: "9319"
        case .categorieWijktAf: "9339"
        case .codeWijktAf: "9340"
        case .eenheidWijktAf: "9341"
        case .bedragVolumeTarief: "9346"
        case .toewijzingVerwijderd: "9384"
        case .creditZonderDebet: "8017"
        case .debetNietGecrediteerd: "9389"
        case .alGecrediteerd: "9390"
        case .andereClient: "8187"
        case .antwoordOnbekend: "9366"
        case .antwoordWijktAf: "9367"
        case .antwoordAlOntvangen: "IB019"
        }
    }

    /// Where the code comes from: the TR rule of a WJ001 retourcode, or the list that defines it.
    public var bron: String {
        switch self {
        case .welgevormd, .xsd: "VECOZO-foutcodelijst"
        case .antwoordAlOntvangen: "Foutcodelijst berichtenverkeer (VECOZO)"
        case .statusAanlevering: "COD467 / CS058"
        case .bsnElfproef, .aanbiederOnbekend, .datumvolgorde, .totaalbedrag, .buitenGrenzen: "Regiomonitor"
        case .dagtekeningToekomst: "WJ001 TR135"
        case .identificatieUniek: "WJ001 TR056"
        case .gemeenteOnbekend: "WJ001 TR378"
        case .productOnbekend: "WJ001 TR381"
        case .toewijzingNummerUniek: "WJ001 TR332"
        case .verwijderdMetDeclaraties: "WJ001 TR385"
        case .koppelingToewijzing: "WJ001 TR019"
        case .geenEerderBericht: "WJ001 TR063"
        case .geenStart: "WJ001 TR069"
        case .startAlGestopt: "WJ001 TR071"
        case .zelfdeSleutel: "WJ001 TR074"
        case .leveringNietGestopt: "WJ001 TR326"
        case .tijdelijkeStopDubbel: "WJ001 TR413"
        case .stopEinddatumEerder: "WJ001 TR414"
        case .stopDubbel: "WJ001 TR415"
        case .declaratienummerUniek: "WJ001 TR333"
        case .referentienummerUniek: "WJ001 TR314"
        case .toewijzingOnbekend: "WJ001 TR338"
        case .begindatumBuitenToewijzing: "WJ001 TR307"
        case .einddatumBuitenToewijzing: "WJ001 TR308"
        case .buitenDeclaratieperiode: "WJ001 TR319"
        case .categorieWijktAf: "WJ001 TR339"
        case .codeWijktAf: "WJ001 TR340"
        case .eenheidWijktAf: "WJ001 TR341"
        case .bedragVolumeTarief: "WJ001 TR346"
        case .toewijzingVerwijderd: "WJ001 TR384"
        case .creditZonderDebet: "WJ001 TR323"
        case .debetNietGecrediteerd: "WJ001 TR389"
        case .alGecrediteerd: "WJ001 TR390"
        case .andereClient: "WJ001 TR304"
        case .antwoordOnbekend: "WJ001 TR366"
        case .antwoordWijktAf: "WJ001 TR367"
        }
    }

    /// The rule's text as the standard words it (Dutch).
    public var tekst: String {
        switch self {
        case .welgevormd: "Payload bevat geen well-formed XML."
        case .xsd: "Berichtinhoud voldoet niet aan XSD."
        case .dagtekeningToekomst: "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen."
        case .identificatieUniek: "Identificatie moet uniek zijn."
        case .bsnElfproef: "Bsn voldoet niet aan de elfproef."
        case .gemeenteOnbekend: "Gemeentecode ongeldig."
        case .productOnbekend: "ProductCode ongeldig."
        case .aanbiederOnbekend: "Aanbieder (AGB-code) is niet bekend in de regio."
        case .datumvolgorde: "Einddatum ligt voor de begindatum."
        case .buitenGrenzen: "Waarde valt buiten de grenzen die de regio aanneemt (datums 2000-2100, bedragen, perioden)."
        case .toewijzingNummerUniek: "Toewijzing heeft geen uniek nummer binnen wettelijk domein."
        case .verwijderdMetDeclaraties: "Toewijzing heeft goedgekeurde declaratieregels."
        case .statusAanlevering: "StatusAanlevering 2 en 9 mogen niet worden gebruikt."
        case .koppelingToewijzing: "Het regiebericht kan niet gekoppeld worden aan een toewijzing."
        case .geenEerderBericht: "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is."
        case .geenStart: "Er is geen actueel startbericht met dezelfde sleutel."
        case .startAlGestopt: "Het eerdere startbericht kan niet verwijderd worden omdat de zorg al beeindigd is."
        case .zelfdeSleutel: "Er is al een eerder bericht ontvangen met dezelfde sleutel."
        case .leveringNietGestopt: "De actuele levering is nog niet gestopt met een Stopbericht."
        case .tijdelijkeStopDubbel: "Er is al een StopProduct met RedenBeeindiging 20 met dezelfde sleutel."
        case .stopEinddatumEerder: "Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijke sleutel."
        case .stopDubbel: "Er is al een StopProduct met gelijke sleutel en RedenBeeindiging <> 20."
        case .totaalbedrag: "Totaalbedrag is niet gelijk aan de som van de bedragen van de prestaties."
        case .declaratienummerUniek: "Declaratienummer is niet uniek."
        case .referentienummerUniek: "Referentienummer prestatie is reeds aangeleverd."
        case .toewijzingOnbekend:
            "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product op basis van het toewijzingnummer."
        case .begindatumBuitenToewijzing: "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing."
        case .einddatumBuitenToewijzing: "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing."
        case .buitenDeclaratieperiode: "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode."
        case .categorieWijktAf: "ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct."
        case .codeWijktAf: "ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct."
        case .eenheidWijktAf: "Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct."
        case .bedragVolumeTarief: "IngediendBedrag is niet gelijk aan GeleverdVolume vermenigvuldigd met ProductTarief."
        case .toewijzingVerwijderd: "Declaratie op toewijzing met RedenWijziging 13 (Verwijderd)."
        case .creditZonderDebet: "Van deze credit prestatie is geen debet prestatie bekend."
        case .debetNietGecrediteerd: "Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie."
        case .alGecrediteerd: "Er is al een Prestatie met gelijk ProductReferentie met waarde Credit."
        case .andereClient: "De prestatie hoort niet bij deze cliënt."
        case .antwoordOnbekend: "ProductReferentie komt niet voor in een Declaratiebericht."
        case .antwoordWijktAf: "De waarde komt niet overeen met de waarde uit heenbericht met gelijke ProductReferentie."
        case .antwoordAlOntvangen: "Declaratie-antwoord reeds ingediend."
        }
    }
}

/// One reason a message is rejected: file and line, message, element path, rule (with its iJw code) and detail.
public struct IJWFout: Error, Sendable, Equatable, CustomStringConvertible {
    public let bestand: String
    public let regelnummer: Int?
    /// "JW315 42420001/123456789012" (type, sender, identification); nil when the file is not readable as a message.
    public var bericht: String?
    /// Element path from the root, e.g. "Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum".
    public let pad: String
    public let regel: IJWRegel
    public let reden: String

    public init(bestand: String, regelnummer: Int?, bericht: String? = nil, pad: String, regel: IJWRegel, reden: String) {
        self.bestand = bestand; self.regelnummer = regelnummer; self.bericht = bericht
        self.pad = pad; self.regel = regel; self.reden = reden
    }

    public var code: String { regel.code }

    public var description: String {
        let plaats = bestand + (regelnummer.map { ":\($0)" } ?? "")
        return "\(plaats): \(bericht.map { "bericht \($0): " } ?? "")\(pad.isEmpty ? "" : pad + ": ")[\(regel.code)] \(reden)"
    }
}
