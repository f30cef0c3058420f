import Foundation
import RegioCore
import RegioImport

/// What a CSV import has done so far: a progress line per file on a terminal (stderr), and, when the user interrupts
/// (Ctrl-C), which files are in: each file commits on its own, the one under way is rolled back.
final class Importstand: @unchecked Sendable {
    private let slot = NSLock()
    private let terminal = Scherm.huidig.isProces && isatty(2) == 1
    private let controleer: Bool
    private var binnen: [String] = []
    private var bezig: String?
    private var laatste = Date.distantPast
    private let isVastgelegd: @Sendable (String) -> Bool

    init(controleer: Bool, isVastgelegd: @escaping @Sendable (String) -> Bool) {
        self.controleer = controleer; self.isVastgelegd = isVastgelegd
    }

    func meld(_ v: Importvoortgang) {
        slot.lock(); defer { slot.unlock() }
        let naam = (v.bestand as NSString).lastPathComponent
        switch v.fase {
        case .begonnen:
            bezig = v.bestand
            regel("\(naam) (\(v.nummer)/\(v.aantal)): lezen...", nieuw: false)
        case .bezig:
            guard Date().timeIntervalSince(laatste) > 0.2 else { return }
            laatste = Date()
            let procent = v.grootte > 0 ? " \(min(99, v.gelezen * 100 / v.grootte))%," : ""
            regel("\(naam) (\(v.nummer)/\(v.aantal)):\(procent) \(Importstand.groepeer(v.rijen)) rijen gelezen", nieuw: false)
        case .klaar:
            bezig = nil
            if v.geschreven { binnen.append(v.bestand) }
            let uitkomst = v.geschreven ? "geïmporteerd" : controleer ? "gecontroleerd" : "niet geïmporteerd"
            regel("\(naam) (\(v.nummer)/\(v.aantal)): \(Importstand.groepeer(v.rijen)) rijen, \(uitkomst)", nieuw: true)
        }
    }

    /// After the import: Ctrl-C ends the program as usual again.
    func klaar() { if Scherm.huidig.isProces { signal(SIGINT, SIG_DFL) } }

    /// On a terminal only: rewritten in place; a finished file keeps its line.
    private func regel(_ tekst: String, nieuw: Bool) {
        guard terminal else { return }
        stderrKaal("\r\u{1B}[K" + tekst + (nieuw ? "\n" : ""))
    }

    /// Ctrl-C: says which files are in and which is rolled back, then ends with 130 (as a shell expects after SIGINT).
    /// Only the program does this: a command run inside another process (`Opdrachtregel.draai`) leaves its signals alone.
    func vangOnderbreking() -> (any DispatchSourceSignal)? {
        guard Scherm.huidig.isProces else { return nil }
        signal(SIGINT, SIG_IGN)
        let bron = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        bron.setEventHandler { [self] in
            slot.lock()
            if let b = bezig, !controleer, isVastgelegd(b) { binnen.append(b); bezig = nil }
            var tekst = "\nOnderbroken. "
            if controleer {
                tekst += "Er is niets geschreven (--controleer)."
            } else {
                tekst += binnen.isEmpty ? "Nog geen bestand geïmporteerd." : "Al geïmporteerd (elk bestand apart vastgelegd): "
                    + binnen.joined(separator: ", ") + "."
                if let bezig { tekst += " Niet geïmporteerd (teruggedraaid): \(bezig)." }
                tekst += " Importeer de overige bestanden opnieuw; wat al binnen is, blijft ongewijzigd."
            }
            FileHandle.standardError.write(Data((tekst + "\n").utf8))   // the terminal's own: only the program handles Ctrl-C
            exit(130)
        }
        bron.resume()
        return bron
    }

    static func groepeer(_ n: Int) -> String { Tabel.groepeer(n) }
}
