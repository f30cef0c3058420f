import ArgumentParser
import Foundation
import Hummingbird
import RegioCore
import RegioDemo
import RegioImport
import RegioStore
import RegioWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start het webdashboard en de JSON-API.",
        discussion: "Met --demo wordt een lege database eerst gevuld met de demoregio en krijgen de demogebruikers regio, amersfoort en raad een nieuw wachtwoord, dat wordt getoond.")

    @OptionGroup var database: DatabaseOpties
    @OptionGroup var regelopties: RegelOpties
    @Flag(name: .long, help: "Vul een lege database met de demoregio en maak de demogebruikers aan.") var demo = false
    @Option(name: .long, help: "Met --demo: de dag waarop de demogegevens zijn getrokken (JJJJ-MM-DD, standaard 31-03-2021).")
    var stand: String?

    func validate() throws {
        if let stand {
            guard Dag.parse(stand) != nil else { throw ValidationError("ongeldige stand '\(stand)' (JJJJ-MM-DD)") }
            guard demo else { throw ValidationError("--stand hoort bij --demo") }
        }
    }
    @Option(name: .long, help: "Adres om op te luisteren (standaard alleen deze computer).") var host = "127.0.0.1"
    @Option(name: .long, help: "Poort.") var port = 8080
    @Option(name: .long, help: "Pad van de pseudoniemsleutel (voor imports via de website).") var sleutel: String?
    @Flag(name: .customLong("onveilige-cookies"), help: "Sessiecookie zonder Secure-kenmerk: alleen voor http op een ander adres dan deze computer, achter een vertrouwd netwerk.")
    var onveiligeCookies = false

    func run() async throws {
        for map in Uploadopruiming.ruimOp() { print("Achtergebleven upload van een oudere versie verwijderd: \(map)") }
        // a rule file with an error stops the start, before anything is imported or served
        let regels = try regelopties.instellingen()
        let store = try database.open(maakAan: true)
        let sleutelpad = sleutel ?? Pseudonimiseerder.standaardPad
        if demo {
            try Serve.vulDemo(store, sleutelpad: sleutelpad, stand: stand.flatMap(Dag.parse), regels: regels)
            try Serve.demogebruikers(store)
        }
        if try store.gebruikers().isEmpty {
            print("Let op: er zijn nog geen gebruikers. Maak er een aan met: regiomonitor gebruiker toevoegen NAAM --rol regio")
        }
        var instellingen = Instellingen(host: host, port: port, veiligeCookies: !onveiligeCookies, pseudoniemsleutel: sleutelpad,
                                        voorverwarmen: true)
        instellingen.regels = regels
        let adres = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        print("Dashboard starten op \(adres)")
        // the demo passwords must reach a log file or pipe now, not when the server stops
        fflush(nil)   // nil: every output stream (a reference to `stdout` is not concurrency-safe in Swift 6)
        // announced when it listens, not before (that gave "connection refused"); the figures follow in the background
        let app = bouwToepassing(store: store, instellingen: instellingen) {
            print("Regiomonitor draait op \(adres)  (stoppen met Ctrl-C); de cijfers worden nu op de achtergrond voorberekend")
            fflush(nil)
        }
        try await app.runService()
    }

    /// Generates and imports the demo region when the database holds no municipalities yet.
    static func vulDemo(_ store: any Opslag, sleutelpad: String, stand: Dag? = nil, regels: Signaalinstellingen = .standaard) throws {
        guard try store.aantal(.gemeenten) == 0 else {
            print("De database bevat al gegevens; de demoregio wordt niet opnieuw gemaakt.")
            return
        }
        print("Demoregio maken en importeren (dat duurt even)...")
        let start = Date()
        let p = try Pseudonimiseerder.vanBestand(sleutelpad)
        let importeur = Importeur(store: store, pseudonimiseerder: p)
        for b in Demoregio(stand: stand).bestanden() {
            let v = importeur.importeer(bestand: b.naam, bytes: Array(b.inhoud.utf8), nu: nuTijdstip())
            if !v.fouten.isEmpty {
                _ = Importeer.drukVerslag([v], controleer: false)
                throw ExitCode(1)
            }
        }
        importeur.werkAggregatenBij()   // file by file from memory: the sums are built once, afterwards
        print("Demoregio geïmporteerd in \(String(format: "%.1f", Date().timeIntervalSince(start))) s.")
        // the rules run with the demo, with the region's rule file: the signals are there on the first page
        if let (v, peil) = try Signaaldraaiing.werkBij(store, instellingen: regels, tijdstip: nuTijdstip()) {
            print("Signaalregels gedraaid op \(peil.nederlands): \(v.nieuw) nieuwe signalen.")
        }
    }

    /// The demo users get a fresh random password on every `serve --demo`, printed once.
    static func demogebruikers(_ store: any Opslag) throws {
        let gebruikers: [(String, Rol, String)] = [("regio", .regio, "alles"), ("amersfoort", .gemeente("0307"), "cliëntgegevens van Amersfoort, regionale cijfers"),
                                                   ("raad", .raad, "alleen geaggregeerde cijfers, kleine aantallen onderdrukt")]
        let w = Wachtwoord()
        print("")
        print("Demogebruikers (wachtwoorden gelden tot de volgende start met --demo):")
        for (naam, rol, wat) in gebruikers {
            if let bestaand = try store.gebruiker(naam: naam), bestaand.rol != rol {
                print("  \(naam): bestaat al met rol \(bestaand.rol); niet aangepast")
                continue
            }
            let wachtwoord = Wachtwoord.willekeurig()
            try store.bewaar(Gebruiker(naam: naam, rol: rol, wachtwoordHash: w.hash(wachtwoord)))
            try store.verwijderSessies(verlopenVoor: 0, van: naam)
            print("  gebruiker \(naam.padding(toLength: 11, withPad: " ", startingAt: 0)) wachtwoord \(wachtwoord)   (\(rol): \(wat))")
        }
        print("")
    }
}
