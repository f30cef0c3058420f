import ArgumentParser
import Foundation
import RegioCore
import RegioDemo
import RegioImport
import RegioStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maak een synthetische demoregio (7 gemeenten, 2016-2020) en importeer die.",
        discussion: """
            De bestanden gaan door dezelfde import als echte bestanden; de regio wordt vanuit het geheugen geïmporteerd, \
            met (synthetische) BSN's, inclusief BSN-pseudonimisering. Wat naar schijf gaat (--uit, en de landelijke \
            bestanden), heeft cliëntnummers: een BSN komt nooit op schijf.
            """)

    @OptionGroup var database: DatabaseOpties
    @OptionGroup var regelopties: RegelOpties
    @Option(name: .long, help: "Startwaarde van de toevalsgenerator; dezelfde waarde geeft dezelfde regio.") var seed: UInt64 = 1
    @Option(name: .long, help: "Schrijf de CSV-bestanden ook naar deze map (met cliëntnummers, nooit BSN's).") var uit: String?
    @Flag(name: .customLong("niet-importeren"), help: "Alleen bestanden schrijven (met --uit).") var nietImporteren = false
    @Option(name: .long, help: "Pad van de pseudoniemsleutel.") var sleutel: String?
    @Option(name: .long, help: "regio (7 gemeenten, 2016-2020) of land (alle 342 gemeenten, één jaar, ~12 miljoen declaratieregels).")
    var schaal: Schaal = .regio
    @Option(name: .long, help: "Bij --schaal land: aandeel van het land (1 = heel Nederland).") var fractie: Double = 1
    @Option(name: .long, help: "Bij --schaal land: het jaar.") var jaar: Int = 2025
    @Option(name: .long, help: "Bij --schaal regio: de dag waarop de gegevens zijn getrokken (JJJJ-MM-DD, standaard 31-03-2021); wat later komt, is nog niet bekend.")
    var stand: String?

    enum Schaal: String, ExpressibleByArgument { case regio, land }

    func validate() throws {
        if !(fractie > 0 && fractie <= 1) { throw ValidationError("--fractie moet tussen 0 en 1 liggen") }
        if nietImporteren && uit == nil { throw ValidationError("--niet-importeren heeft --uit nodig") }
        if let stand {
            guard let d = Dag.parse(stand) else { throw ValidationError("ongeldige stand '\(stand)' (JJJJ-MM-DD)") }
            guard d >= Dag(jaar: 2016, maand: 1, dag: 1)!, d <= Dag(jaar: 2021, maand: 12, dag: 31)! else {
                throw ValidationError("--stand moet tussen 01-01-2016 en 31-12-2021 liggen (de demoregio loopt van 2016 tot en met 2020)")
            }
        }
    }

    func run() throws {
        let start = Date()
        // no BSN on disk, not even a synthetic one (it passes the elfproef, so it may be someone's): files get client
        // numbers; the regional demo is imported from memory, with BSNs, so it shows the pseudonymisation
        var paden: [String] = []
        var bestanden: [(naam: String, inhoud: String)] = []
        let map = uit ?? (NSTemporaryDirectory() + "regiomonitor-demo-\(getpid())")
        if schaal == .land || uit != nil {
            try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        defer { if uit == nil && schaal == .land { try? FileManager.default.removeItem(atPath: map) } }
        if schaal == .land {
            let t = try Landelijk(seed: seed, jaar: jaar, fractie: fractie).schrijf(naar: map)
            paden = ["gemeenten", "gemeentecijfers", "percelen", "producten", "aanbieders", "budgetten", "verzoeken",
                     "toewijzingen", "declaraties"].map { map + "/" + $0 + ".csv" }
            print("Landelijk \(jaar): \(t.gemeenten) gemeenten, \(t.clienten) cliënten, \(t.verzoeken) verzoeken, \(t.toewijzingen) toewijzingen, \(t.declaraties) declaratieregels.")
        } else {
            if let uit {
                for b in Demoregio(seed: seed, stand: stand.flatMap(Dag.parse), clientnummers: true).bestanden() {
                    try b.inhoud.write(toFile: uit + "/" + b.naam, atomically: true, encoding: .utf8)
                }
            }
            if !nietImporteren { bestanden = Demoregio(seed: seed, stand: stand.flatMap(Dag.parse)).bestanden() }
        }
        let gegenereerd = Date().timeIntervalSince(start)
        if nietImporteren {
            print("Demobestanden geschreven naar \(map) in \(String(format: "%.1f", gegenereerd)) s.")
            return
        }
        let store = try database.open(maakAan: true)
        let p = try Pseudonimiseerder.vanBestand(sleutel ?? Pseudonimiseerder.standaardPad)
        let importStart = Date()
        let importeur = Importeur(store: store, pseudonimiseerder: p)
        let verslagen: [Bestandsverslag]
        if schaal == .land {
            verslagen = importeur.importeer(paden: paden, nu: nuTijdstip())
        } else {
            verslagen = bestanden.map { importeur.importeer(bestand: $0.naam, bytes: Array($0.inhoud.utf8), nu: nuTijdstip()) }
            importeur.werkAggregatenBij()   // file by file from memory: the sums are built once, afterwards
        }
        let importDuur = Date().timeIntervalSince(importStart)
        if Importeer.drukVerslag(verslagen, controleer: false) { throw ExitCode(1) }
        let klaar = Date().timeIntervalSince(start)
        let rijen = verslagen.map(\.rijen).reduce(0, +)
        let importRegel = "Import: \(rijen) rijen in \(String(format: "%.1f", importDuur)) s (\(Int(Double(rijen) / max(importDuur, 0.001))) rijen/s)."
        if schaal == .land {
            print(importRegel)
            print("Gegenereerd in \(String(format: "%.1f", gegenereerd)) s, totaal \(String(format: "%.1f", klaar)) s. Bekijk de cijfers met: regiomonitor cijfers --jaar \(jaar) --per gemeente")
            return
        }
        let g = try store.gegevens()
        print("")
        print("Demoregio in \(database.omschrijving): \(g.gemeenten.count) gemeenten, \(g.aanbieders.count) aanbieders, \(g.toewijzingen.count) toewijzingen, \(g.declaraties.count) declaratieregels.")
        var t = Tabel(kolommen: [.init("jaar", "Jaar", .links), .init("unieke_clienten", "Unieke cliënten"),
                                 .init("gedeclareerd", "Gedeclareerd"), .init("verplichting", "Verplichting")])
        for jaar in 2016...2020 {
            let r = Monitoring.kengetallen(g, van: Dag.eersteVan(jaar: jaar), tot: Dag.laatsteVan(jaar: jaar), per: .gemeente).totaal
            t.rijen.append([Tabel.Cel(String(jaar)), .aantal(r.clienten), .euro(r.gedeclareerd), .euro(r.verplichting)])
        }
        print(t.tekst(), terminator: "")
        print(importRegel)
        // the rules run as part of the demo, so the signal list and every municipality's signals are there at once
        if let (v, peil) = try Signaaldraaiing.werkBij(store, instellingen: try regelopties.instellingen(), tijdstip: nuTijdstip()) {
            print("Signaalregels gedraaid op \(peil.nederlands): \(Tabel.groepeer(v.nieuw)) nieuwe signalen (uitleg per regel: regiomonitor signalen --regels).")
        }
        print("Gegenereerd in \(String(format: "%.1f", gegenereerd)) s, totaal \(String(format: "%.1f", klaar)) s. Bekijk de cijfers met: regiomonitor cijfers --jaar 2019 --per gemeente")
    }
}
