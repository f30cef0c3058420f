import ArgumentParser
import Foundation
import RegioCore
import RegioPostgres
import RegioStore
import RegioWeb

/// The program's commands; the executable calls `programma()`, tests call `Opdrachtregel.draai`.
public struct Regiomonitor: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "regiomonitor",
        abstract: "Regiomonitor Jeugdhulp: inzicht in kosten, cliënten en risico's van de jeugdhulpregio.",
        subcommands: [Importeer.self, Demo.self, Cijfers.self, ExportCommando.self, RapportCommando.self, Signalen.self, VereveningCommando.self, VerklaringCommando.self, ContractenCommando.self, BekostigingCommando.self, BusinessCaseCommando.self, AanbiedersCommando.self, Markt.self, DoorlooptijdenCommando.self, Migreer.self, PrognoseCommando.self, BacktestCommando.self, BoekjaarCommando.self, VerschilCommando.self, BudgetCommando.self, BurapCommando.self, Serve.self, GebruikerCommando.self])

    /// The program: runs the process's command line and exits with its status. Not named `main()`: that is
    /// ArgumentParser's own, which writes "Error: ..." in English; here an error from the data or the database, and the
    /// parser's own errors, are written in Dutch ("fout: ...").
    public static func programma() async {
        let code = await uitvoeren(Array(CommandLine.arguments.dropFirst()))
        Foundation.exit(code)
    }

    /// Parses and runs one command line; errors are written in Dutch; the exit status.
    static func uitvoeren(_ argumenten: [String]) async -> Int32 {
        do {
            var opdracht = try parseAsRoot(argumenten)
            if var a = opdracht as? any AsyncParsableCommand { try await a.run() } else { try opdracht.run() }
            return 0
        } catch let f as any Gegevensprobleem {
            stderr("fout: \(f)")
            return 1
        } catch {
            // help as the parser writes it (on standard output); its errors in Dutch
            let code = exitCode(for: error)
            if code == .success {
                let tekst = fullMessage(for: error)
                if !tekst.isEmpty { print(tekst) }
                return 0
            }
            // a command that said what went wrong itself ends with a bare exit code: nothing more to say
            let tekst = fullMessage(for: error)
            if !tekst.isEmpty { stderr(Regiomonitor.nederlands(tekst)) }
            return code.rawValue
        }
    }

    /// The argument parser's messages, which come in English, as a Dutch user reads them ("fout: ...").
    static func nederlands(_ tekst: String) -> String {
        var t = tekst.hasPrefix("Error: ") ? String(tekst.dropFirst("Error: ".count)) : tekst
        let vervangingen: [(String, String)] = [
            (#"The value '([^']*)' is invalid for '([^']*)'"#, "de waarde '$1' is ongeldig voor '$2'"),
            (#"Missing expected argument '([^']*)'"#, "ontbrekend argument '$1'"),
            (#"Missing value for '([^']*)'"#, "geen waarde gegeven voor '$1'"),
            (#"Unknown option '([^']*)'"#, "onbekende optie '$1'"),
            (#"Unexpected argument '([^']*)'"#, "onverwacht argument '$1'"),
            (#"Unexpected arguments? (.*)"#, "onverwachte argumenten $1"),
            (#"\. Please provide one of the following:"#, "; kies een van deze:"),
            (#"Please provide one of the following:"#, "Kies een van deze:"),
            (#"Did you mean '([^']*)'\?"#, "Bedoelde u '$1'?"),
            (#"(?m)^Help: "#, "Uitleg: "),
            (#"(?m)^Usage: "#, "Gebruik: "),
            (#"See '([^']*)' for more information\."#, "Meer uitleg: '$1'."),
        ]
        for (patroon, door) in vervangingen {
            t = t.replacingOccurrences(of: patroon, with: door, options: .regularExpression)
        }
        return "fout: " + t
    }
}

/// Errors of the data a command reads, for people: printed as they are, in Dutch.
protocol Gegevensprobleem: Error, CustomStringConvertible {}
extension Gegevensfout: Gegevensprobleem {}
extension Bedragoverloop: Gegevensprobleem {}
extension ChainLadderFout: Gegevensprobleem {}
extension StoreFout: Gegevensprobleem {}

/// A command that cannot do what was asked, said in Dutch ("fout: ...").
struct Opdrachtfout: Gegevensprobleem { let description: String }

/// Options every command that opens the database shares.
struct DatabaseOpties: ParsableArguments {
    @Option(name: .long, help: "SQLite-bestand (standaard regiomonitor.sqlite) of postgres://gebruiker:wachtwoord@host:poort/db; ook via REGIOMONITOR_DB.")
    var db: String?

    var pad: String { db ?? ProcessInfo.processInfo.environment["REGIOMONITOR_DB"] ?? "regiomonitor.sqlite" }

    /// The database for messages: a PostgreSQL password is never printed.
    var omschrijving: String { DatabaseOpties.omschrijving(pad) }

    /// The database of a command that reads: a SQLite file that does not exist is refused (it would be created empty
    /// and the command would print empty tables). `maakAan`: for the commands that fill a database (import, demo,
    /// serve, gebruiker, migreer's target).
    func open(maakAan: Bool = false) throws -> any Opslag { try DatabaseOpties.open(pad, maakAan: maakAan) }

    /// `postgres://...` or `postgresql://...` is a server; `sqlite:PAD` or any other text is a SQLite file.
    static func open(_ pad: String, maakAan: Bool = false) throws -> any Opslag {
        if pad.hasPrefix("postgres://") || pad.hasPrefix("postgresql://") { return try PostgresStore(url: pad) }
        let bestand = sqlitePad(pad)
        if !maakAan && bestand != ":memory:" && !FileManager.default.fileExists(atPath: bestand) {
            throw Opdrachtfout(description: "database '\(bestand)' bestaat niet. Vul er een met 'regiomonitor import' of 'regiomonitor demo', "
                                         + "of wijs een bestaande aan met --db of REGIOMONITOR_DB.")
        }
        return try SQLiteStore(pad: bestand)
    }

    static func sqlitePad(_ pad: String) -> String {
        guard pad.hasPrefix("sqlite:") else { return pad }
        let rest = pad.dropFirst("sqlite:".count)
        return String(rest.hasPrefix("//") ? rest.dropFirst(2) : rest)
    }

    static func omschrijving(_ pad: String) -> String {
        pad.hasPrefix("postgres") ? PostgresAdres.zonderWachtwoord(pad) : sqlitePad(pad)
    }

}

enum Uitvoerformaat: String, ExpressibleByArgument, CaseIterable {
    case tabel, csv, csvNL = "csv-nl", json, xlsx

    /// For a program or a spreadsheet, not for reading on the screen: every column, no remarks.
    var isBestand: Bool { self != .tabel }
}

func nuTijdstip() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
}

