import ArgumentParser
import Foundation
import RegioCore
import RegioImport
import RegioStore

struct Importeer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importeer CSV-bestanden (gemeenten, percelen, producten, aanbieders, budgetten, verzoeken, toewijzingen, declaraties).",
        discussion: "Elk bestand wordt in zijn geheel geïmporteerd of helemaal niet. Het bestandstype wordt aan de kopregel herkend.")

    @OptionGroup var database: DatabaseOpties
    @Flag(name: .long, help: "Alleen controleren, niets schrijven.") var controleer = false
    @Flag(name: .customLong("negeer-kolommen"), help: "Onbekende kolommen overslaan in plaats van weigeren.") var negeerKolommen = false
    @Option(name: .long, help: "Pad van de pseudoniemsleutel (standaard ~/.config/regiomonitor/pseudoniemsleutel).") var sleutel: String?
    @Argument(help: "Bestanden of mappen.") var bestanden: [String]

    func run() throws {
        let store = try database.open()
        let p = try Pseudonimiseerder.vanBestand(sleutel ?? Pseudonimiseerder.standaardPad)
        let importeur = Importeur(store: store, pseudonimiseerder: p,
                                  opties: ImportOpties(negeerKolommen: negeerKolommen, controleer: controleer))
        let verslagen = importeur.importeer(paden: try Importeer.bestandenIn(bestanden), nu: nuTijdstip())
        let fout = Importeer.drukVerslag(verslagen, controleer: controleer)
        if fout { throw ExitCode(1) }
    }

    /// Expands folders into their .csv files, sorted.
    static func bestandenIn(_ paden: [String]) throws -> [String] {
        var uit: [String] = []
        let fm = FileManager.default
        for pad in paden {
            var isMap: ObjCBool = false
            if fm.fileExists(atPath: pad, isDirectory: &isMap), isMap.boolValue {
                let inhoud = try fm.contentsOfDirectory(atPath: pad).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
                uit += inhoud.map { pad + "/" + $0 }
            } else {
                uit.append(pad)
            }
        }
        return uit
    }

    /// Prints what each file did; true when any file was rejected.
    static func drukVerslag(_ verslagen: [Bestandsverslag], controleer: Bool, stil: Bool = false) -> Bool {
        var fout = false
        for v in verslagen {
            let soort = v.soort?.rawValue ?? "?"
            if !v.fouten.isEmpty {
                fout = true
                stderr("\(v.bestand) (\(soort)): GEWEIGERD, niets geïmporteerd — \(v.fouten.count) fout\(v.fouten.count == 1 ? "" : "en"):")
                for f in v.fouten.prefix(200) { stderr("  \(f)") }
                if v.fouten.count > 200 { stderr("  ... en nog \(v.fouten.count - 200) fouten") }
            } else if controleer {
                if !stil { print("\(v.bestand) (\(soort)): \(v.rijen) rijen, geen fouten (gecontroleerd, niets geschreven)") }
            } else if !stil {
                let t = v.telling
                print("\(v.bestand) (\(soort)): \(v.rijen) rijen — \(t.toegevoegd) toegevoegd, \(t.gewijzigd) gewijzigd, \(t.ongewijzigd) ongewijzigd")
                for s in t.gewijzigdeSleutels.prefix(20) { print("  gewijzigd: \(s)") }
                if t.gewijzigdeSleutels.count > 20 { print("  ... en nog \(t.gewijzigdeSleutels.count - 20)") }
            }
        }
        return fout
    }
}
