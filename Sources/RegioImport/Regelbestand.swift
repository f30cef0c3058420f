import Foundation
import RegioCore

/// The region's signal settings as a JSON file:
///
///     { "regels": { "KOSTEN-HOOG": { "actief": true, "drempel": 150000, "top_n": 5 },
///                   "DUUR": { "normen": { "Crisis": 28, "VBJ": 730 } } } }
///
/// Rules and parameters left out keep their defaults. Amounts in euros (number or text), days and counts as whole
/// numbers, yes/no as true/false. Unknown rules or parameters and values of the wrong kind are refused with their place.
public enum Regelbestand {
    public static func lees(pad: String) throws -> Signaalinstellingen {
        guard let data = FileManager.default.contents(atPath: pad) else { throw ImportFout.algemeen("\(pad): \(CSVLezer.onleesbaar(pad))") }
        return try lees(data: data, bestand: pad)
    }

    public static func lees(data: Data, bestand: String) throws -> Signaalinstellingen {
        let json: Json
        do { json = try JSONDecoder().decode(Json.self, from: data) } catch {
            throw ImportFout.algemeen("\(bestand): geen geldige JSON (\(Regelbestand.reden(error)))")
        }
        guard case .object(let top) = json else { throw ImportFout.algemeen("\(bestand): verwacht een object met \"regels\"") }
        if let vreemd = top.keys.first(where: { $0 != "regels" }) { throw ImportFout.algemeen("\(bestand): onbekende sleutel '\(vreemd)'") }
        guard case .object(let regels)? = top["regels"] else { throw ImportFout.algemeen("\(bestand): \"regels\" moet een object zijn") }
        var uit = Signaalinstellingen()
        var fouten: [String] = []
        for (code, inhoud) in regels.sorted(by: { $0.key < $1.key }) {
            guard let regel = Signaalregels.regel(code) else { fouten.append("\(bestand): onbekende regel '\(code)'"); continue }
            guard case .object(let velden) = inhoud else { fouten.append("\(bestand): \(code): verwacht een object"); continue }
            var instelling = Regelinstelling()
            for (naam, w) in velden.sorted(by: { $0.key < $1.key }) {
                let plaats = "\(bestand): \(code).\(naam)"
                if naam == "actief" {
                    guard case .janee(let b) = w else { fouten.append("\(plaats): verwacht true of false"); continue }
                    instelling.actief = b
                    continue
                }
                guard let p = regel.parameters.first(where: { $0.naam == naam }) else {
                    fouten.append("\(plaats): onbekende parameter (bekend: actief, \(regel.parameters.map(\.naam).joined(separator: ", ")))"); continue
                }
                if let waarde = Regelbestand.waarde(w, p.soort), waarde.past(bij: p.soort) { instelling.waarden[naam] = waarde }
                else { fouten.append("\(plaats): verwacht \(p.soort.omschrijving) (niet negatief)") }
            }
            uit.regels[code] = instelling
        }
        if !fouten.isEmpty { throw ImportFout.algemeen(fouten.joined(separator: "\n")) }
        return uit
    }

    /// A complete settings file with every rule and the values in force: a starting point to edit.
    public static func json(_ instellingen: Signaalinstellingen) -> String {
        var regels: [String] = []
        for r in Signaalregels.alle {
            var velden = ["\"actief\": \(instellingen.isActief(r.code))"]
            for p in r.parameters {
                let w = instellingen.waarde(r, p.naam) ?? p.standaard
                let tekst: String
                switch w {
                case .getal(let n): tekst = String(n)
                case .euro(let e): tekst = e.centen % 100 == 0 ? String(e.centen / 100) : e.machineTekst
                case .janee(let b): tekst = b ? "true" : "false"
                case .tabel(let t): tekst = "{" + t.keys.sorted().map { "\"\($0)\": \(t[$0]!)" }.joined(separator: ", ") + "}"
                }
                velden.append("\"\(p.naam)\": \(tekst)")
            }
            regels.append("    \"\(r.code)\": { " + velden.joined(separator: ", ") + " }")
        }
        return "{\n  \"regels\": {\n" + regels.joined(separator: ",\n") + "\n  }\n}\n"
    }

    static func waarde(_ w: Json, _ soort: Parametersoort) -> Parameterwaarde? {
        switch (soort, w) {
        case (.euro, .getal(let t)), (.euro, .tekst(let t)): return Euro.parse(t).map { .euro($0) }
        case (.janee, .janee(let b)): return .janee(b)
        case (.dagenPerSegment, .object(let o)):
            var t: [String: Int64] = [:]
            for (k, v) in o {
                guard case .getal(let s) = v, let n = Int64(s) else { return nil }
                t[k] = n
            }
            return .tabel(t)
        case (.aantal, .getal(let t)), (.dagen, .getal(let t)), (.werkdagen, .getal(let t)), (.maanden, .getal(let t)),
             (.jaren, .getal(let t)), (.procent, .getal(let t)):
            return Int64(t).map { .getal($0) }
        default: return nil
        }
    }

    static func reden(_ e: Error) -> String {
        if case DecodingError.dataCorrupted(let c) = e { return c.debugDescription }
        return "\(e)"
    }

    /// A JSON value; numbers keep their text so amounts are parsed exactly, never through a Double.
    enum Json: Decodable {
        case object([String: Json]), janee(Bool), getal(String), tekst(String), anders

        init(from decoder: Decoder) throws {
            if let o = try? decoder.container(keyedBy: Sleutel.self) {
                var d: [String: Json] = [:]
                for k in o.allKeys { d[k.stringValue] = try o.decode(Json.self, forKey: k) }
                self = .object(d); return
            }
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .janee(b) }
            else if let n = try? c.decode(Decimal.self) { self = .getal(n.description) }
            else if let s = try? c.decode(String.self) { self = .tekst(s) }
            else { self = .anders }
        }

        struct Sleutel: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
}
