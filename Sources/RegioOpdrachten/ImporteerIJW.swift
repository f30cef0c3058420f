import Foundation
import RegioCore
import RegioImport
import RegioStore

/// The progress line of an iJw import on stderr: rewritten in place on a terminal, a line per 10% otherwise.
final class Voortgangsregel {
    private let terminal = Scherm.huidig.isProces && isatty(2) == 1
    private var laatste = Date.distantPast
    private var laatsteTiende = -1
    private var getoond = false

    func toon(_ v: IJWVoortgang) {
        let fase = v.fase == .lezen ? "lezen en controleren" : "verwerken"
        let tekst = "iJw-berichten \(fase): \(v.gedaan)/\(v.totaal) (\(v.totaal > 0 ? v.gedaan * 100 / v.totaal : 100)%), \(v.geweigerd) geweigerd"
        if terminal {
            guard v.gedaan == v.totaal || Date().timeIntervalSince(laatste) > 0.1 else { return }
            laatste = Date()
            stderrKaal("\r\u{1B}[K" + tekst)
            getoond = true
        } else {
            let tiende = (v.fase == .lezen ? 0 : 100) + (v.totaal > 0 ? v.gedaan * 10 / v.totaal : 10)
            guard tiende != laatsteTiende else { return }
            laatsteTiende = tiende
            stderr(tekst)
        }
    }

    func klaar() { if getoond { stderrKaal("\n") } }
}

extension Importeer {
    /// Prints the iJw import: each message when there are few, rejected messages with every error, then a summary;
    /// true when any message was rejected.
    static func drukVerslag(_ verslagen: [IJWBerichtverslag], duur: TimeInterval) -> Bool {
        if verslagen.count <= 20 {
            for v in verslagen where v.uitkomst != .geweigerd {
                let wat = [v.soort.map { "\($0.rawValue) \($0.omschrijving)" }, v.bericht.map { "bericht \($0)" }].compactMap { $0 }
                let tellingen = v.tellingen.keys.sorted().map { k in
                    "\(k): \(v.tellingen[k]!.toegevoegd) toegevoegd, \(v.tellingen[k]!.gewijzigd) gewijzigd, \(v.tellingen[k]!.ongewijzigd) ongewijzigd"
                }
                let uitkomst = switch v.uitkomst {
                case .geimporteerd: tellingen.joined(separator: "; ")
                case .gecontroleerd: "geen fouten (gecontroleerd, niets geschreven)"
                case .alGeimporteerd: "al eerder geïmporteerd, niets gewijzigd"
                case .nietGeimporteerd: "niet geïmporteerd (deze berichtsoort neemt de regio niet op)"
                case .geweigerd: ""
                }
                print("\(v.bestand) (\(wat.joined(separator: ", "))): \(uitkomst)")
            }
        }
        var per: [IJWBerichtverslag.Uitkomst: Int] = [:]
        var nietGeimporteerd: [String: Int] = [:]
        var tellingen: [String: Telling] = [:]
        for v in verslagen {
            per[v.uitkomst, default: 0] += 1
            if v.uitkomst == .nietGeimporteerd { nietGeimporteerd[v.soort?.rawValue ?? "?", default: 0] += 1 }
            for (k, t) in v.tellingen { tellingen[k] = (tellingen[k] ?? Telling()) + t }
            guard v.uitkomst == .geweigerd else { continue }
            let wat = [v.soort.map { "\($0.rawValue) \($0.omschrijving)" }, v.bericht.map { "bericht \($0)" }].compactMap { $0 }
            let waarom = v.storing ?? "\(v.fouten.count) fout\(v.fouten.count == 1 ? "" : "en"):"
            stderr("\(v.bestand)\(wat.isEmpty ? "" : " (" + wat.joined(separator: ", ") + ")"): GEWEIGERD, niets geïmporteerd — \(waarom)")
            for f in v.fouten.prefix(200) {
                let plaats = (f.regelnummer.map { "regel \($0)" }).map { $0 + (f.pad.isEmpty ? "" : ", ") } ?? ""
                stderr("  [\(f.code)] \(plaats)\(f.pad): \(f.reden)")
            }
        }
        let n = verslagen.count
        var delen = ["\(per[.geimporteerd] ?? 0) geïmporteerd"]
        if let c = per[.gecontroleerd] { delen.append("\(c) gecontroleerd zonder fouten (niets geschreven)") }
        if let a = per[.alGeimporteerd] { delen.append("\(a) al eerder geïmporteerd") }
        if !nietGeimporteerd.isEmpty {
            let soorten = nietGeimporteerd.keys.sorted().map { "\($0): \(nietGeimporteerd[$0]!)" }.joined(separator: ", ")
            delen.append("\(nietGeimporteerd.values.reduce(0, +)) niet geïmporteerd (\(soorten); deze berichtsoorten neemt de regio niet op)")
        }
        delen.append("\(per[.geweigerd] ?? 0) geweigerd")
        print("iJw: \(n) bericht\(n == 1 ? "" : "en") in \(String(format: "%.1f", duur)) s — \(delen.joined(separator: ", "))")
        for k in ["verzoeken", "toewijzingen", "leveringen", "declaraties"] {
            guard let t = tellingen[k] else { continue }
            print("  \(k): \(t.toegevoegd) toegevoegd, \(t.gewijzigd) gewijzigd, \(t.ongewijzigd) ongewijzigd")
        }
        return (per[.geweigerd] ?? 0) > 0
    }
}
