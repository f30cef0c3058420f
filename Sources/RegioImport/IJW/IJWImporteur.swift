import Foundation
import RegioCore
import RegioStore

/// What happened to one message file.
public struct IJWBerichtverslag: Sendable {
    public enum Uitkomst: String, Sendable {
        /// Written (or, with `controleer`, found acceptable).
        case geimporteerd, gecontroleerd
        /// The same message (type, sender, identification, content) was imported before: nothing to do.
        case alGeimporteerd
        /// A recognised iJw message type the region does not import (retourberichten, JW317, JW319).
        case nietGeimporteerd
        /// Not imported because of `fouten`; nothing of it was written.
        case geweigerd
    }
    public var bestand: String
    public var soort: IJWBerichtsoort?
    /// "JW301 0384/123456789012" when the header could be read.
    public var bericht: String?
    public var uitkomst: Uitkomst
    /// Number of products or prestaties in the message.
    public var regels = 0
    /// Per kind ("verzoeken", "toewijzingen", "declaraties", "leveringen"): what the write did.
    public var tellingen: [String: Telling] = [:]
    public var fouten: [IJWFout] = []
    /// Why a message could not be taken up apart from the rules (file unreadable, database error).
    public var storing: String?
}

/// Progress of an import: reading and checking each file against the XSD, then taking up each message in order.
public struct IJWVoortgang: Sendable {
    public enum Fase: String, Sendable { case lezen, verwerken }
    public let fase: Fase
    public let gedaan: Int
    public let totaal: Int
    public let geweigerd: Int
}

/// Imports iJw 3.2 messages next to the CSV importer, into the same tables, through the same `schrijf`.
///
/// Each file is one message and one transaction: a message is taken up whole or not at all, and a rejected message
/// never stops the others. All files are read first (streaming, checked against the XSD), then taken up in the order
/// of their Dagtekening (same day: JW315, JW301, JW305, JW323, JW325, JW307; then file name), so a series sent in one
/// folder is applied in the order it happened. A message that depends on a rejected one is rejected in turn.
public final class IJWImporteur {
    let store: any Opslag
    let pseudonimiseerder: Pseudonimiseerder
    let controleer: Bool

    public init(store: any Opslag, pseudonimiseerder: Pseudonimiseerder, controleer: Bool = false) throws {
        self.store = store; self.pseudonimiseerder = pseudonimiseerder; self.controleer = controleer
    }

    /// Imports message files; `nu` (ISO timestamp) is the import's time, its day the "system date" of rule 8848.
    public func importeer(paden: [String], nu: String, voortgang: ((IJWVoortgang) -> Void)? = nil) -> [IJWBerichtverslag] {
        importeer(bronnen: paden.map { pad in (pad, { FileManager.default.contents(atPath: pad) }) }, nu: nu, voortgang: voortgang)
    }

    /// Messages held in memory (a dashboard upload: no copy on disk), named as the user named them.
    public func importeer(berichten: [(naam: String, inhoud: Data)], nu: String) -> [IJWBerichtverslag] {
        importeer(bronnen: berichten.map { b in (b.naam, { b.inhoud }) }, nu: nu, voortgang: nil)
    }

    func importeer(bronnen: [(naam: String, data: () -> Data?)], nu: String, voortgang: ((IJWVoortgang) -> Void)?) -> [IJWBerichtverslag] {
        let vandaag = Dag.parse(nu)
        var verslagen: [IJWBerichtverslag] = []
        var berichten: [IJWBericht] = []
        var geweigerd = 0
        for (i, bron) in bronnen.enumerated() {
            switch lees(bron.naam, bron.data(), vandaag: vandaag) {
            case .bericht(let b): berichten.append(b)
            case .verslag(let v):
                if v.uitkomst == .geweigerd { geweigerd += 1 }
                verslagen.append(v)
            }
            voortgang?(IJWVoortgang(fase: .lezen, gedaan: i + 1, totaal: bronnen.count, geweigerd: geweigerd))
        }
        berichten.sort { a, b in
            if a.kop.dagtekening != b.kop.dagtekening { return a.kop.dagtekening < b.kop.dagtekening }
            if a.kop.soort.volgorde != b.kop.soort.volgorde { return a.kop.soort.volgorde < b.kop.soort.volgorde }
            return a.bestand < b.bestand
        }
        var stand: IJWStand
        do {
            stand = try IJWStand(store: store)
        } catch {
            return verslagen + berichten.map { b in
                IJWBerichtverslag(bestand: b.bestand, soort: b.kop.soort, bericht: b.kop.id, uitkomst: .geweigerd,
                                  storing: "database niet te lezen: \(error)")
            }
        }
        for (i, b) in berichten.enumerated() {
            let v = verwerk(b, stand: &stand, nu: nu)
            if v.uitkomst == .geweigerd { geweigerd += 1 }
            verslagen.append(v)
            voortgang?(IJWVoortgang(fase: .verwerken, gedaan: i + 1, totaal: berichten.count, geweigerd: geweigerd))
        }
        // messages change allocations and lines: the monthly sums are rebuilt (on the command line and in the dashboard)
        if !controleer && verslagen.contains(where: { $0.uitkomst == .geimporteerd }) {
            try? store.ververstAggregaten()
        }
        return verslagen
    }

    enum Gelezen { case bericht(IJWBericht), verslag(IJWBerichtverslag) }

    /// Reads one file: XML and XSD, then the checks within the message. Needs nothing from the store.
    func lees(_ pad: String, _ inhoud: Data?, vandaag: Dag?) -> Gelezen {
        let naam = (pad as NSString).lastPathComponent
        guard let data = inhoud else {
            return .verslag(IJWBerichtverslag(bestand: pad, uitkomst: .geweigerd, storing: "bestand niet te lezen"))
        }
        let gelezen = IJWLezer.lees(data, bestand: pad)
        var verslag = IJWBerichtverslag(bestand: pad, soort: gelezen.soort, uitkomst: .geweigerd, fouten: gelezen.fouten)
        if let soort = gelezen.soort, !soort.wordtGeimporteerd {
            verslag.uitkomst = .nietGeimporteerd
            return .verslag(verslag)
        }
        guard let soort = gelezen.soort, let wortel = gelezen.wortel else { return .verslag(verslag) }
        verslag.bericht = IJWImporteur.id(soort, wortel)
        guard gelezen.fouten.isEmpty else {
            verslag.fouten = gelezen.fouten.map { var f = $0; f.bericht = verslag.bericht; return f }
            return .verslag(verslag)
        }
        guard let bericht = IJWVertaling.vertaal(wortel, soort: soort, bestand: pad, pseudonimiseerder: pseudonimiseerder,
                                                 vandaag: vandaag) else {
            verslag.storing = "\(naam): bericht niet te vertalen"  // unreachable after a clean XSD check
            return .verslag(verslag)
        }
        return .bericht(bericht)
    }

    /// The message's name from a (possibly partly invalid) header.
    static func id(_ soort: IJWBerichtsoort, _ wortel: IJWKnoop) -> String {
        let h = wortel["Header"]
        return "\(soort.rawValue) \(h?.tekst("Afzender") ?? "?")/\(h?.tekst("BerichtIdentificatie", "Identificatie") ?? "?")"
    }

    /// Checks one message against the region and writes it in one transaction, or rejects it whole.
    func verwerk(_ b: IJWBericht, stand: inout IJWStand, nu: String) -> IJWBerichtverslag {
        var verslag = IJWBerichtverslag(bestand: b.bestand, soort: b.kop.soort, bericht: b.kop.id, uitkomst: .geweigerd,
                                        regels: b.aantalRegels)
        var fouten = b.fouten.map { var f = $0; f.bericht = b.kop.id; return f }
        if let eerder = stand.berichten[b.kop.logSleutel] {
            if eerder.inhoudHash == b.inhoudHash && fouten.isEmpty {
                verslag.uitkomst = .alGeimporteerd
                return verslag
            }
            fouten.append(IJWFout(bestand: b.bestand, regelnummer: nil, bericht: b.kop.id, pad: "Header/BerichtIdentificatie",
                                  regel: .identificatieUniek,
                                  reden: "identificatie \(b.kop.identificatie) is al gebruikt voor een ander bericht (\(eerder.bestand))"))
        }
        let (wijziging, controlefouten) = IJWControle.controleer(b, tegen: stand)
        fouten += controlefouten
        guard fouten.isEmpty else {
            verslag.fouten = fouten
            return verslag
        }
        let log = IJWBerichtlog(berichtsoort: b.kop.soort.rawValue, afzender: b.kop.afzender, identificatie: b.kop.identificatie,
                                dagtekening: b.kop.dagtekening, inhoudHash: b.inhoudHash, verwijzing: wijziging.verwijzing,
                                bestand: (b.bestand as NSString).lastPathComponent, tijdstip: nu)
        if controleer {
            verslag.uitkomst = .gecontroleerd
        } else {
            do {
                verslag.tellingen = try store.ijwTransactie { w in try IJWImporteur.schrijf(wijziging, log: log, w) }
                verslag.uitkomst = .geimporteerd
            } catch {
                verslag.storing = "niet opgeslagen, databasefout: \(error)"
                return verslag
            }
        }
        stand.neemOp(wijziging, bericht: b, log: log)
        return verslag
    }

    static func schrijf(_ w: IJWWijziging, log: IJWBerichtlog, _ s: any IJWSchrijver) throws -> [String: Telling] {
        var t: [String: Telling] = [:]
        if !w.verzoeken.isEmpty { t["verzoeken"] = try s.schrijf(w.verzoeken.map(Codering.rij)) }
        if !w.toewijzingen.isEmpty { t["toewijzingen"] = try s.schrijf(w.toewijzingen.map(Codering.rij)) }
        if !w.declaraties.isEmpty { t["declaraties"] = try s.schrijf(w.declaraties.map(Codering.rij)) }
        var leveringen = Telling()
        for l in w.verwijderdeLeveringen {
            try s.verwijderLevering(toewijzingnummer: l.toewijzingnummer, begindatum: l.begindatum)
            leveringen.gewijzigd += 1
            leveringen.gewijzigdeSleutels.append("\(l.toewijzingnummer)/\(l.begindatum) verwijderd")
        }
        if !w.leveringen.isEmpty { leveringen = leveringen + (try s.schrijf(w.leveringen)) }
        if !w.leveringen.isEmpty || !w.verwijderdeLeveringen.isEmpty { t["leveringen"] = leveringen }
        try s.logBericht(log)
        let som = t.values.reduce(Telling(), +)
        try s.logImport(ImportlogRegel(bestand: log.bestand, soort: log.berichtsoort, tijdstip: log.tijdstip,
                                       toegevoegd: som.toegevoegd, gewijzigd: som.gewijzigd, ongewijzigd: som.ongewijzigd))
        return t
    }
}
