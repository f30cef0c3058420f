import ArgumentParser
import Foundation
import RegioCore
import RegioImport
import RegioStore

struct Importeer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importeer CSV-bestanden en iJw-berichten (JW315, JW301, JW305, JW307, JW323, JW325).",
        discussion: """
            Elk bestand wordt in zijn geheel geïmporteerd of helemaal niet. Het bestandstype van een CSV-bestand wordt \
            aan de kopregel herkend, een iJw-bericht aan zijn namespace. Mappen worden doorzocht op .csv- en .xml-bestanden. \
            CSV-bestanden gaan eerst, daarna de iJw-berichten in volgorde van dagtekening. Een geweigerd bericht wordt \
            niet geïmporteerd en met bericht-id, elementpad en iJw-code gemeld; de andere berichten gaan gewoon door.
            """)

    @OptionGroup var database: DatabaseOpties
    @Flag(name: .long, help: "Alleen controleren, niets schrijven.") var controleer = false
    @Flag(name: .customLong("negeer-kolommen"), help: "Onbekende kolommen overslaan in plaats van weigeren.") var negeerKolommen = false
    @Option(name: .long, help: "Pad van de pseudoniemsleutel (standaard ~/.config/regiomonitor/pseudoniemsleutel).") var sleutel: String?
    @Argument(help: "Bestanden of mappen.") var bestanden: [String]

    func run() throws {
        let begin = Date()
        let store = try database.open(maakAan: true)
        let openen = Date().timeIntervalSince(begin)
        let p = try Pseudonimiseerder.vanBestand(sleutel ?? Pseudonimiseerder.standaardPad)
        let alle = try Importeer.bestandenIn(bestanden)
        let xml = alle.filter(Importeer.isXML), csv = alle.filter { !Importeer.isXML($0) }
        var fout = false
        if !csv.isEmpty {
            let importeur = Importeur(store: store, pseudonimiseerder: p,
                                      opties: ImportOpties(negeerKolommen: negeerKolommen, controleer: controleer))
            let nu = nuTijdstip()
            // the file under way when Ctrl-C comes may just have committed: its line in the import log says so
            let stand = Importstand(controleer: controleer) { pad in
                (try? store.importlog())?.contains { $0.bestand == (pad as NSString).lastPathComponent && $0.tijdstip == nu } == true
            }
            importeur.voortgang = { stand.meld($0) }
            let onderbreking = stand.vangOnderbreking()
            let verslagen = importeur.importeer(paden: csv, nu: nu)
            onderbreking?.cancel()
            stand.klaar()
            fout = Importeer.drukVerslag(verslagen, controleer: controleer)
            // every second of the run: opening, each file (its keys, its rows, its index and commit), the sums, closing
            // (closing checkpoints SQLite's write-ahead log: part of the import's time, so it is done and timed here)
            let sluiten = Date()
            if xml.isEmpty { try store.sluit() }
            if verslagen.contains(where: \.geschreven) {
                print(Importeer.tijdregel(verslagen, openen: openen, sommen: importeur.tijden.sommen,
                                          sluiten: Date().timeIntervalSince(sluiten), totaal: Date().timeIntervalSince(begin)))
            }
        }
        if !xml.isEmpty {
            let importeur = try IJWImporteur(store: store, pseudonimiseerder: p, controleer: controleer)
            let start = Date()
            let voortgang = Voortgangsregel()
            let verslagen = importeur.importeer(paden: xml, nu: nuTijdstip(), voortgang: voortgang.toon)
            voortgang.klaar()
            fout = Importeer.drukVerslag(verslagen, duur: Date().timeIntervalSince(start)) || fout
        }
        if fout { throw ExitCode(1) }
    }

    /// Expands folders into their .csv and .xml files, sorted.
    static func bestandenIn(_ paden: [String]) throws -> [String] {
        var uit: [String] = []
        let fm = FileManager.default
        for pad in paden {
            var isMap: ObjCBool = false
            if fm.fileExists(atPath: pad, isDirectory: &isMap), isMap.boolValue {
                let inhoud = try fm.contentsOfDirectory(atPath: pad)
                    .filter { $0.lowercased().hasSuffix(".csv") || $0.lowercased().hasSuffix(".xml") }.sorted()
                uit += inhoud.map { pad + "/" + $0 }
            } else {
                uit.append(pad)
            }
        }
        return uit
    }

    /// An iJw message by name (.xml) or, for other names, by content starting with '<'.
    static func isXML(_ pad: String) -> Bool {
        if pad.lowercased().hasSuffix(".xml") { return true }
        if pad.lowercased().hasSuffix(".csv") { return false }
        guard let h = FileHandle(forReadingAtPath: pad) else { return false }
        defer { try? h.close() }
        let begin = h.readData(ofLength: 64).drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        return begin.first == UInt8(ascii: "<")
    }

    /// Where the time of a CSV import went, in seconds: "Tijd: 163,7 s — openen 0,3 s, sleutels laden 2,1 s, ...".
    static func tijdregel(_ verslagen: [Bestandsverslag], openen: Double, sommen: Double, sluiten: Double, totaal: Double) -> String {
        let laden = verslagen.reduce(0) { $0 + $1.sleutelsLaden }, afronden = verslagen.reduce(0) { $0 + $1.afronden }
        let rijen = verslagen.reduce(0) { $0 + $1.duur } - laden - afronden
        let delen = [("openen", openen), ("sleutels laden", laden), ("rijen lezen, controleren en schrijven", rijen),
                     ("indexen en vastleggen", afronden), ("maandsommen en BI-tabellen", sommen), ("afsluiten", sluiten)]
        let rest = totaal - delen.reduce(0) { $0 + $1.1 }
        return "Tijd: \(seconden(totaal)) — " + (delen + [("overig", rest)]).map { "\($0.0) \(seconden($0.1))" }.joined(separator: ", ")
    }

    /// Seconds with one decimal, Dutch: "12,3 s".
    static func seconden(_ s: Double) -> String { String(format: "%.1f s", s).replacingOccurrences(of: ".", with: ",") }

    /// Prints what each file did; true when any file was rejected.
    static func drukVerslag(_ verslagen: [Bestandsverslag], controleer: Bool, stil: Bool = false) -> Bool {
        var fout = false
        for v in verslagen {
            let soort = v.soort.map { " (\($0.rawValue))" } ?? ""
            if !v.fouten.isEmpty {
                fout = true
                stderr("\(v.bestand)\(soort): GEWEIGERD, niets geïmporteerd — \(v.fouten.count) fout\(v.fouten.count == 1 ? "" : "en"):")
                for f in v.fouten.prefix(200) { stderr("  \(f)") }
                if v.fouten.count > 200 { stderr("  ... en nog \(v.fouten.count - 200) fouten") }
            } else if controleer {
                if !stil { print("\(v.bestand)\(soort): \(v.rijen) rijen, geen fouten (gecontroleerd, niets geschreven)") }
            } else if !stil {
                let t = v.telling
                print("\(v.bestand)\(soort): \(v.rijen) rijen — \(t.toegevoegd) toegevoegd, \(t.gewijzigd) gewijzigd, \(t.ongewijzigd) ongewijzigd"
                      + (v.duur >= 1 ? " (\(seconden(v.duur)))" : ""))
                for s in t.gewijzigdeSleutels.prefix(20) { print("  gewijzigd: \(s)") }
                if t.gewijzigdeSleutels.count > 20 { print("  ... en nog \(t.gewijzigdeSleutels.count - 20)") }
            }
            if v.fouten.isEmpty && v.aantalWaarschuwingen > 0 {
                stderr("\(v.bestand): \(v.aantalWaarschuwingen) waarschuwing\(v.aantalWaarschuwingen == 1 ? "" : "en") (wel \(controleer ? "in orde" : "geïmporteerd")):")
                for w in v.waarschuwingen.prefix(20) { stderr("  \(w)") }
                if v.aantalWaarschuwingen > 20 { stderr("  ... en nog \(v.aantalWaarschuwingen - 20)") }
            }
        }
        return fout
    }
}
