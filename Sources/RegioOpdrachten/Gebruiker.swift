import ArgumentParser
import Foundation
import RegioCore
import RegioStore
import RegioWeb
import RegioPostgres

struct GebruikerCommando: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gebruiker", abstract: "Gebruikers van het dashboard beheren.",
                                                    subcommands: [Toevoegen.self, Lijst.self, Verwijderen.self, BIRol.self])

    struct Toevoegen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Voeg een gebruiker toe, of geef een bestaande een nieuwe rol en een nieuw wachtwoord.",
            discussion: "Het wachtwoord komt van --wachtwoord of van standaardinvoer (één regel). Alleen de bcrypt-hash wordt bewaard; bestaande sessies van de gebruiker vervallen.")
        @OptionGroup var database: DatabaseOpties
        @Argument(help: "Gebruikersnaam.") var naam: String
        @Option(name: .long, help: "regio, gemeente:G (bv. gemeente:0307) of raad.") var rol: String
        @Option(name: .long, help: "Wachtwoord (anders van standaardinvoer).") var wachtwoord: String?

        func run() throws {
            guard let r = Rol.parse(rol) else { throw ValidationError("onbekende rol '\(rol)': kies regio, gemeente:G of raad") }
            guard !naam.isEmpty, naam.count <= 64, naam.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) else {
                throw ValidationError("ongeldige gebruikersnaam: letters, cijfers en . _ - @, hoogstens 64 tekens")
            }
            let store = try database.open(maakAan: true)
            if case .gemeente(let g) = r, try !store.sleutels(.gemeenten).contains(g), try store.aantal(.gemeenten) > 0 {
                throw ValidationError("gemeente \(g) is niet bekend in de database")
            }
            guard let w = wachtwoord ?? GebruikerCommando.leesWachtwoord() else { throw ValidationError("geen wachtwoord opgegeven") }
            if let bezwaar = Wachtwoord.bezwaar(w) { throw ValidationError(bezwaar) }
            let bestond = try store.gebruiker(naam: naam) != nil
            try store.bewaar(Gebruiker(naam: naam, rol: r, wachtwoordHash: Wachtwoord().hash(w)))
            try store.verwijderSessies(verlopenVoor: 0, van: naam)
            print("Gebruiker \(naam) \(bestond ? "bijgewerkt" : "toegevoegd") met rol \(r).")
        }
    }

    struct Lijst: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon de gebruikers en hun rol.")
        @OptionGroup var database: DatabaseOpties
        func run() throws {
            for g in try database.open(maakAan: true).gebruikers() { print("\(g.naam)\t\(g.rol)") }
        }
    }

    struct Verwijderen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verwijder een gebruiker (en zijn sessies).")
        @OptionGroup var database: DatabaseOpties
        @Argument(help: "Gebruikersnaam.") var naam: String
        func run() throws {
            let store = try database.open(maakAan: true)
            guard try store.gebruiker(naam: naam) != nil else { throw ValidationError("gebruiker \(naam) bestaat niet") }
            try store.verwijderGebruiker(naam: naam)
            print("Gebruiker \(naam) verwijderd.")
        }
    }

    /// One line from standard input; on a terminal without echo.
    struct BIRol: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bi-rol",
            abstract: "Maak een alleen-lezen databaserol voor een BI-tool (PostgreSQL): alleen de rapportageviews, geen tabellen.",
            discussion: """
                De rol mag inloggen en leest alleen de views bi_* (docs/bi.md): kosten en verplichting per maand, gemeente, \
                perceel en aanbieder, aantallen per jaar, de dimensies. Elke transactie is alleen-lezen. Pseudoniemen op \
                cliëntniveau (bi_clientjaar) alleen met --clientniveau. Bestaat de rol al, dan krijgt hij het nieuwe \
                wachtwoord en precies deze rechten. Bij SQLite zijn er geen rollen: geef de BI-tool het bestand alleen-lezen.
                """)
        @OptionGroup var database: DatabaseOpties
        @Argument(help: "Naam van de rol (kleine letters, cijfers en _), bijvoorbeeld regiomonitor_bi.") var naam: String
        @Option(name: .long, help: "Wachtwoord (anders van standaardinvoer).") var wachtwoord: String?
        @Flag(name: .long, help: "Ook de view bi_clientjaar met pseudoniemen (kosten per cliënt per jaar).") var clientniveau = false

        func run() throws {
            guard let pg = try database.open() as? PostgresStore else {
                throw ValidationError("""
                    databaserollen bestaan alleen in PostgreSQL. Bij SQLite leest een BI-tool de views bi_* uit het bestand; \
                    geef het alleen-lezen (bijvoorbeeld file:regiomonitor.sqlite?mode=ro).
                    """)
            }
            guard let w = wachtwoord ?? GebruikerCommando.leesWachtwoord() else { throw ValidationError("geen wachtwoord opgegeven") }
            if let bezwaar = Wachtwoord.bezwaar(w) { throw ValidationError(bezwaar) }
            do { try pg.maakBIRol(naam: naam, wachtwoord: w, clientniveau: clientniveau) } catch { throw ValidationError("\(error)") }
            print("Rol \(naam) mag de rapportageviews lezen\(clientniveau ? ", ook bi_clientjaar (pseudoniemen)" : "") en verder niets. Zie docs/bi.md.")
        }
    }

    static func leesWachtwoord() -> String? {
        if isatty(STDIN_FILENO) != 0, let p = getpass("Wachtwoord: ") { return String(cString: p) }
        return readLine(strippingNewline: true)
    }
}
