/// A CSV record with the line its first field starts on (1-based, counting physical lines).
public struct CSVRecord: Sendable {
    public let regel: Int
    public let velden: [String]
}

public enum Tekencodering: String, Sendable { case utf8 = "UTF-8", windows1252 = "Windows-1252" }

/// RFC 4180-style reader: ',' or ';' (sniffed from the header), quoted fields with embedded delimiters, quotes and
/// newlines, CRLF or LF, UTF-8 with or without BOM, else Windows-1252.
public struct CSVLezer: Sendable {
    public let scheidingsteken: UInt8
    public let codering: Tekencodering
    private let bytes: [UInt8]
    private var positie: Int
    private var regel: Int

    public init(bytes invoer: [UInt8]) {
        var b = invoer
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
        positie = 0
        regel = 1
        codering = String(validating: b, as: UTF8.self) != nil ? .utf8 : .windows1252
        scheidingsteken = CSVLezer.sniff(b)
    }

    /// The delimiter that occurs most outside quotes on the first line (';' wins a tie, as Dutch Excel writes it).
    static func sniff(_ b: [UInt8]) -> UInt8 {
        var komma = 0, puntkomma = 0, inQuotes = false
        for c in b {
            if c == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes && (c == 10 || c == 13) { break }
            else if !inQuotes && c == UInt8(ascii: ",") { komma += 1 }
            else if !inQuotes && c == UInt8(ascii: ";") { puntkomma += 1 }
        }
        return puntkomma >= komma && puntkomma > 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The next record, nil at the end; skips blank lines. Throws for an unterminated quote.
    public mutating func volgende() throws(CSVFout) -> CSVRecord? {
        while positie < bytes.count, bytes[positie] == 10 || bytes[positie] == 13 {
            if bytes[positie] == 10 { regel += 1 }
            positie += 1
        }
        guard positie < bytes.count else { return nil }
        let start = regel
        var velden: [String] = []
        var veld: [UInt8] = []
        var inQuotes = false
        var wasQuoted = false
        while positie < bytes.count {
            let c = bytes[positie]
            if inQuotes {
                if c == UInt8(ascii: "\"") {
                    if positie + 1 < bytes.count && bytes[positie + 1] == UInt8(ascii: "\"") {
                        veld.append(c); positie += 2; continue
                    }
                    inQuotes = false; positie += 1; continue
                }
                if c == 10 { regel += 1 }
                veld.append(c); positie += 1
                continue
            }
            if c == UInt8(ascii: "\"") && veld.allSatisfy({ $0 == 32 }) && !wasQuoted {
                inQuotes = true; wasQuoted = true; veld.removeAll(); positie += 1; continue
            }
            if c == scheidingsteken {
                velden.append(decodeer(veld)); veld.removeAll(keepingCapacity: true); wasQuoted = false; positie += 1; continue
            }
            if c == 13 || c == 10 {
                if c == 13 && positie + 1 < bytes.count && bytes[positie + 1] == 10 { positie += 1 }
                positie += 1; regel += 1
                break
            }
            veld.append(c); positie += 1
        }
        if inQuotes { throw CSVFout(regel: start, reden: "aanhalingsteken niet afgesloten") }
        velden.append(decodeer(veld))
        return CSVRecord(regel: start, velden: velden)
    }

    func decodeer(_ b: [UInt8]) -> String {
        switch codering {
        case .utf8: return String(decoding: b, as: UTF8.self)
        case .windows1252:
            var s = String.UnicodeScalarView()
            for c in b { s.append(CSVLezer.cp1252(c)) }
            return String(s)
        }
    }

    static let cp1252Hoog: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                       0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                       0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]

    static func cp1252(_ c: UInt8) -> Unicode.Scalar {
        if c >= 0x80 && c <= 0x9F { return Unicode.Scalar(cp1252Hoog[Int(c) - 0x80])! }
        return Unicode.Scalar(c)
    }
}

public struct CSVFout: Error, Sendable {
    public let regel: Int
    public let reden: String
}
