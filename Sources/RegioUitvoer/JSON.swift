import Foundation
import RegioCore

/// JSON through `Codable`, for the command line (`--format json`) and the dashboard's API alike: keys sorted (an
/// object's keys have no order in JSON; sorted, the same figures always give the same bytes), slashes unescaped.
public enum JSONUitvoer {
    public static func tekst<T: Encodable>(_ waarde: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(waarde), as: UTF8.self) + "\n"
    }
}

/// A table as JSON: a list of rows (the footer rows after them), each an object keyed by the columns' machine names
/// (Dutch snake_case, as in the CSV); a number as an exact JSON number (through `Decimal`, never a Double: an amount
/// of EUR 10^15 keeps its cents), an empty cell (suppressed, or no value) as null.
public struct TabelJSON: Encodable {
    public let tabel: Tabel
    public init(_ tabel: Tabel) { self.tabel = tabel }

    struct Sleutel: CodingKey {
        let stringValue: String
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var lijst = encoder.unkeyedContainer()
        for rij in tabel.rijen + tabel.voet {
            var object = lijst.nestedContainer(keyedBy: Sleutel.self)
            for (kolom, cel) in zip(tabel.kolommen, rij) {
                let sleutel = Sleutel(kolom.naam)
                if cel.machine.isEmpty {
                    try object.encodeNil(forKey: sleutel)
                } else if cel.isGetal, let getal = Self.getal(cel.machine) {
                    try object.encode(getal, forKey: sleutel)
                } else {
                    try object.encode(cel.machine, forKey: sleutel)
                }
            }
        }
    }

    /// A cell's machine form ("-1234.56", "0.7340", "12") as an exact decimal; nil for what is no plain number
    /// ("∞", "-"), which then goes as text.
    static func getal(_ s: String) -> Decimal? {
        let tekens = Array(s.utf8.drop { $0 == UInt8(ascii: "-") })
        guard s.utf8.count - tekens.count <= 1, tekens.contains(where: { $0 != UInt8(ascii: ".") }),
              tekens.filter({ $0 == UInt8(ascii: ".") }).count <= 1,
              tekens.allSatisfy({ $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension Tabel {
    /// The table as JSON (`TabelJSON`).
    public func json() -> String {
        // a table holds texts and exact decimals only: encoding cannot fail
        (try? JSONUitvoer.tekst(TabelJSON(self))) ?? "[]\n"
    }
}
