import ArgumentParser
import Foundation
import RegioCore
import RegioStore

@main
struct Regiomonitor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regiomonitor",
        abstract: "Regiomonitor Jeugdhulp: inzicht in kosten, cliënten en risico's van de jeugdhulpregio.",
        subcommands: [Importeer.self, Demo.self, Cijfers.self, VereveningCommando.self, BekostigingCommando.self, BusinessCaseCommando.self])
}

/// Options every command that opens the database shares.
struct DatabaseOpties: ParsableArguments {
    @Option(name: .long, help: "SQLite-bestand (standaard regiomonitor.sqlite) of postgres://gebruiker@host/db; ook via REGIOMONITOR_DB.")
    var db: String?

    var pad: String { db ?? ProcessInfo.processInfo.environment["REGIOMONITOR_DB"] ?? "regiomonitor.sqlite" }

    func open() throws -> any RegioStore {
        if pad.hasPrefix("postgres://") || pad.hasPrefix("postgresql://") {
            throw ValidationError("PostgreSQL wordt in deze versie nog niet ondersteund; gebruik een SQLite-bestand.")
        }
        return try SQLiteStore(pad: pad)
    }
}

enum Uitvoerformaat: String, ExpressibleByArgument, CaseIterable {
    case tabel, csv, json
}

extension Tabel {
    func afdrukken(_ f: Uitvoerformaat) {
        switch f {
        case .tabel: print(tekst(), terminator: "")
        case .csv: print(csv(), terminator: "")
        case .json: print(json(), terminator: "")
        }
    }
}

func nuTijdstip() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
}

func stderr(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
