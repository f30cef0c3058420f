import ArgumentParser
import Foundation
import RegioCore
import RegioImport
import RegioStore

struct Signalen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signalen",
        abstract: "Signaalfunctie: regels draaien en de signalenlijst tonen, signalen markeren, late verzoeken per aanbieder.",
        discussion: "Zonder subcommando: 'signalen lijst'. De regels en hun parameters staan in docs/signalen.md.",
        subcommands: [Lijst.self, Markeer.self, Toon.self, Aanbieders.self, Werklast.self],
        defaultSubcommand: Lijst.self)
}

/// The region's rule settings: a JSON file, else the defaults.
struct RegelOpties: ParsableArguments {
    @Option(name: .customLong("regels-bestand"), help: "JSON-bestand met de regelinstellingen van de regio (ook via REGIOMONITOR_REGELS); zonder: de standaardwaarden.")
    var regelsBestand: String?

    func instellingen() throws -> Signaalinstellingen {
        let pad = regelsBestand ?? ProcessInfo.processInfo.environment["REGIOMONITOR_REGELS"].flatMap { $0.isEmpty ? nil : $0 }
        guard let pad else { return .standaard }
        do { return try Regelbestand.lees(pad: pad) } catch {
            stderr("Regelbestand geweigerd, niets gedraaid:\n\(error)")
            throw ExitCode(1)
        }
    }
}

extension Signalen {
    /// The list with the columns that fit a terminal: id, rule, municipality, client, amount, status and the explanation
    /// cut to what is left of `breedte` characters.
    static func smal(_ t: Tabel, breedte: Int) -> Tabel {
        let namen = ["id", "regel", "gemeentecode", "clientnummer", "bedrag", "status", "toelichting"]
        let index = namen.compactMap { n in t.kolommen.firstIndex { $0.naam == n } }
        var s = Tabel(kolommen: index.map { t.kolommen[$0] })
        s.rijen = t.rijen.map { r in index.map { r[$0] } }
        guard let laatste = s.kolommen.indices.last, s.kolommen[laatste].naam == "toelichting" else { return s }
        // the widths of the other columns (header or widest cell) and two spaces between columns
        let vast = s.kolommen.indices.dropLast().map { k in max(s.kolommen[k].kop.count, s.rijen.map { $0[k].tekst.count }.max() ?? 0) + 2 }.reduce(0, +)
        let rest = max(20, breedte - vast)
        s.rijen = s.rijen.map { r in
            var r = r
            let tekst = r[laatste].tekst
            if tekst.count > rest { r[laatste] = Tabel.Cel(String(tekst.prefix(rest - 1)) + "…", machine: r[laatste].machine) }
            return r
        }
        return s
    }
}

func leesDag(_ tekst: String?, _ naam: String) throws -> Dag? {
    guard let tekst else { return nil }
    guard let d = Dag.parse(tekst) else { throw ValidationError("ongeldige \(naam) '\(tekst)' (JJJJ-MM-DD)") }
    return d
}

extension Signalen {
    struct Lijst: ParsableCommand, MetUitvoer {
        static let configuration = CommandConfiguration(
            abstract: "Draai de regels op de peildatum, werk de signalenlijst bij en toon die.",
            discussion: """
                Opnieuw draaien maakt geen dubbele signalen: een signaal met dezelfde sleutel wordt bijgewerkt. Een open signaal \
                waarvan de voorwaarde niet meer geldt, wordt automatisch afgesloten (met een notitie). Een peildatum vóór die van \
                de laatste opgeslagen run wordt alleen getoond, niet opgeslagen.
                """)

        @OptionGroup var database: DatabaseOpties
        @OptionGroup var regelopties: RegelOpties
        @Flag(name: .customLong("regels"), help: "Toon de regels met hun parameters en huidige waarden (met --format json: een regelbestand).") var toonRegels = false
        @Option(name: .long, help: "Peildatum JJJJ-MM-DD (standaard: de laatste datum in de gegevens).") var peildatum: String?
        @Option(name: .long, help: "Alleen signalen waarvan de periode dit jaar raakt.") var jaar: Int?
        @Option(name: .long, help: "Alleen deze gemeente (gemeentecode).") var gemeente: String?
        @Option(name: .long, help: "Alleen deze regel (code, zie --regels).") var regel: String?
        @Option(name: .long, help: "nieuw, gezien, afgehandeld, open (nieuw en gezien; standaard) of alle.") var status: String = "open"
        @Flag(name: .customLong("niet-opslaan"), help: "Alleen tonen, de signalenlijst niet bijwerken.") var nietOpslaan = false
        @OptionGroup var uitvoer: Uitvoeropties
        @Flag(name: .long, help: "Alle kolommen en de hele toelichting (anders past de tabel in het terminalvenster).") var breed = false

        func run() throws {
            let instellingen = try regelopties.instellingen()
            if toonRegels {
                if format == .json { print(Regelbestand.json(instellingen), terminator: "") }
                else { try Signaalweergave.regels(instellingen).afdrukken(uitvoer) }
                return
            }
            let statussen: Set<Signaalstatus>
            switch status {
            case "open": statussen = [.nieuw, .gezien]
            case "alle": statussen = []
            default:
                guard let s = Signaalstatus(rawValue: status) else { throw ValidationError("onbekende status '\(status)'") }
                statussen = [s]
            }
            if let regel, Signaalregels.regel(regel) == nil { throw ValidationError("onbekende regel '\(regel)' (zie signalen --regels)") }
            let filterGemeente = try gemeente.map { s -> String in
                guard let c = Codelijst.gemeentecode(s) else { throw ValidationError("ongeldige gemeentecode '\(s)'") }
                return c
            }
            let store = try database.open(), signaalstore = store
            guard let run = try Signaaldraaiing.draai(store, peildatum: try leesDag(peildatum, "peildatum"), instellingen: instellingen)?.run else {
                throw ValidationError("geen gegevens: importeer eerst verzoeken, toewijzingen of declaraties")
            }
            let peil = run.peildatum
            let tijdstip = nuTijdstip()
            let bestaand = try signaalstore.signalen()
            let mutaties = Signaalbeheer.verwerk(bestaand: bestaand, run: run, tijdstip: tijdstip)
            let lijst: [BeheerdSignaal]
            var melding: String
            // a run that is not stored shows what the rules find on that day, with the stored state where known
            let gevonden = Set(run.signalen.map(\.sleutel))
            if let laatste = try signaalstore.laatstePeildatum(), peil < laatste, !nietOpslaan {
                lijst = Signaalbeheer.toepassen(mutaties, op: bestaand, peildatum: peil).filter { gevonden.contains($0.signaal.sleutel) }
                melding = "Peildatum \(peil.nederlands) ligt vóór de laatste run (\(laatste.nederlands)): alleen getoond wat de regels dan vinden, niet opgeslagen; nieuwe signalen hebben nog geen vast id."
            } else if nietOpslaan {
                lijst = Signaalbeheer.toepassen(mutaties, op: bestaand, peildatum: peil).filter { gevonden.contains($0.signaal.sleutel) }
                melding = "Niet opgeslagen (--niet-opslaan): wat de regels op \(peil.nederlands) vinden; nieuwe signalen hebben nog geen vast id."
            } else {
                let v = try signaalstore.slaOp(mutaties, peildatum: peil, tijdstip: tijdstip)
                lijst = try signaalstore.signalen()
                melding = "Peildatum \(peil.nederlands): \(v.nieuw) nieuw, \(v.gewijzigd) bijgewerkt, \(v.ongewijzigd) ongewijzigd, "
                    + "\(v.gesloten) automatisch afgesloten, \(v.heropend) heropend."
            }
            let filter = Signaalfilter(jaar: jaar, gemeente: filterGemeente, regel: regel, statussen: statussen)
            let getoond = lijst.filter(filter.past)
            melding += " Getoond: \(getoond.count) van \(lijst.count) signalen."
            var tabel = Signaalweergave.lijst(getoond, csv: [.csv, .csvNL, .xlsx].contains(format))
            if format == .tabel && !breed {
                // a terminal table: who, how much and why, cut to the window (COLUMNS, else 100); the rest with --breed
                let venster = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 100
                tabel = Signalen.smal(tabel, breedte: max(60, venster))
            }
            try tabel.afdrukken(uitvoer)
            if format == .tabel { print(melding) } else { stderr(melding) }
        }
    }

    struct Markeer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Zet de status van signalen: gezien of afgehandeld (of terug naar nieuw).")

        @OptionGroup var database: DatabaseOpties
        @Argument(help: "Id's van signalen (kolom Id in de lijst).") var ids: [Int64]
        @Option(name: .long, help: "nieuw, gezien of afgehandeld.") var status: String
        @Option(name: .long, help: "Wie dit doet (naam).") var door: String
        @Option(name: .long, help: "Toelichting bij de statuswijziging.") var notitie: String?

        func run() throws {
            guard let s = Signaalstatus(rawValue: status) else { throw ValidationError("onbekende status '\(status)': nieuw, gezien of afgehandeld") }
            guard !door.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--door mag niet leeg zijn") }
            let store = try database.open()
            let tijdstip = nuTijdstip()
            var fout = false
            for id in ids {
                if let b = try store.markeer(id: id, status: s, door: door, tijdstip: tijdstip, notitie: notitie) {
                    print("Signaal \(id) (\(b.signaal.regel), \(b.signaal.gemeentecode)): \(s.rawValue) door \(door) op \(tijdstip).")
                } else {
                    stderr("Signaal \(id) bestaat niet."); fout = true
                }
            }
            if fout { throw ExitCode(1) }
        }
    }

    struct Toon: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon één signaal met zijn statusgeschiedenis.")

        @OptionGroup var database: DatabaseOpties
        @Argument(help: "Id van het signaal.") var id: Int64

        func run() throws {
            let store = try database.open()
            guard let b = try store.signaal(id: id) else { throw ValidationError("signaal \(id) bestaat niet") }
            let s = b.signaal
            print("Signaal \(b.id): \(s.regel) — \(Signaalregels.regel(s.regel)?.omschrijving ?? "")")
            print("Gemeente \(s.gemeentecode), cliënt \(s.client), aanbieder \(s.agb ?? "-"), perceel \(s.perceel ?? "-")")
            print("Bedrag \(s.bedrag?.description ?? "-"), periode \(s.van?.nederlands ?? "-") t/m \(s.tot?.nederlands ?? "-")")
            print("Toelichting: \(s.toelichting)")
            print("Status: \(b.status.rawValue)\(b.statusDoor.map { " (door \($0) op \(b.statusOp ?? "?"))" } ?? "")\(b.notitie.map { " — \($0)" } ?? "")")
            print("Gevonden bij peildatum \(b.eersteKeer.nederlands), laatst \(b.laatstActief.nederlands). Sleutel: \(s.sleutel)")
            print("Geschiedenis:")
            for h in try store.historie(id: id) {
                print("  \(h.tijdstip)  \(h.status.rawValue)  \(h.door)\(h.notitie.map { "  \($0)" } ?? "")")
            }
        }
    }

    struct Aanbieders: ParsableCommand, MetUitvoer {
        static let configuration = CommandConfiguration(
            abstract: "Verzoeken om toewijzing met terugwerkende kracht per aanbieder: hoeveel en hoeveel dagen te laat.",
            discussion: "Terugwerkend = ontvangen na de ingangsdatum. Mediaan en 90e percentiel (nearest rank) over de terugwerkende verzoeken.")

        @OptionGroup var database: DatabaseOpties
        @OptionGroup var regelopties: RegelOpties
        @Option(name: .long, help: "Verzoeken ontvangen in dit jaar (standaard: de 365 dagen tot en met de laatste datum in de gegevens).") var jaar: Int?
        @Option(name: .long, help: "Begin van de periode (JJJJ-MM-DD).") var van: String?
        @Option(name: .long, help: "Einde van de periode (JJJJ-MM-DD).") var tot: String?
        @OptionGroup var uitvoer: Uitvoeropties

        func run() throws {
            let instellingen = try regelopties.instellingen()
            let g = try database.open().gegevens()
            let laatste = Signaalmotor.laatsteDatum(g) ?? Dag.eersteVan(jaar: 2000)
            let eind = try leesDag(tot, "tot") ?? jaar.map { Dag.laatsteVan(jaar: $0) } ?? laatste
            let begin = try leesDag(van, "van") ?? jaar.map { Dag.eersteVan(jaar: $0) } ?? eind - 364
            func dagen(_ code: String) -> Int {
                guard let r = Signaalregels.regel(code), case .getal(let n)? = instellingen.waarde(r, "dagen") else { return 0 }
                return Int(n)
            }
            let grens = dagen(VotLaat().code), alarm = dagen(VotAlarm().code)
            let (rijen, totaal) = TerugwerkendeVerzoeken.perAanbieder(g, van: begin, tot: eind, grens: grens, alarm: alarm)
            try Signaalweergave.aanbieders(rijen, totaal: totaal, grens: grens, alarm: alarm).afdrukken(uitvoer)
            if format == .tabel { print("Verzoeken ontvangen \(begin.nederlands) t/m \(eind.nederlands).") }
        }
    }

    struct Werklast: ParsableCommand, MetUitvoer {
        static let configuration = CommandConfiguration(
            abstract: "Hoeveel nieuwe signalen per maand: de regels op elk maandeinde, zonder iets op te slaan.",
            discussion: "De eerste maand bevat de achterstand die een eerste run vindt; daarna telt alleen wat er per maand bij komt.")

        @OptionGroup var database: DatabaseOpties
        @OptionGroup var regelopties: RegelOpties
        @Option(name: .long, help: "Eerste maand (JJJJ-MM).") var van: String
        @Option(name: .long, help: "Laatste maand (JJJJ-MM).") var tot: String
        @Flag(name: .customLong("per-regel"), help: "Kolommen per regel in plaats van per gemeente.") var perRegel = false
        @Flag(name: .long, help: "Eén rij per maand, gemeente en regel.") var detail = false
        @OptionGroup var uitvoer: Uitvoeropties

        func run() throws {
            guard let a = Maand.parse(van), let b = Maand.parse(tot), a <= b else { throw ValidationError("ongeldige maanden (JJJJ-MM, van <= tot)") }
            let instellingen = try regelopties.instellingen()
            let g = try database.open().gegevens()
            let w = Signaalbeheer.werklast(g, van: a, tot: b, instellingen: instellingen)
            try (detail ? Signaalweergave.werklastDetail(w) : Signaalweergave.werklast(w, perRegel: perRegel)).afdrukken(uitvoer)
        }
    }
}
