import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A CSV record with the line its first field starts on (1-based, counting physical lines), and what is wrong with
/// its fields as text (the row is refused for it; the reading goes on).
public struct CSVRecord: Sendable {
    public let regel: Int
    public let velden: [String]
    public var problemen: [Veldprobleem] = []
    public init(regel: Int, velden: [String], problemen: [Veldprobleem] = []) {
        self.regel = regel; self.velden = velden; self.problemen = problemen
    }
}

/// A field that is no acceptable text: its position (0-based) and the reason in Dutch.
public struct Veldprobleem: Sendable, Equatable {
    public let veld: Int
    public let reden: String
}

public enum Tekencodering: String, Sendable { case utf8 = "UTF-8", windows1252 = "Windows-1252" }

/// RFC 4180-style reader: ',' or ';' (sniffed from the header), quoted fields with embedded delimiters, quotes and
/// newlines, CRLF or LF, UTF-8 with or without BOM, or Windows-1252. Reads a file in blocks, so a file of any size
/// takes a few megabytes. One encoding per file (docs/importformaten.md): decided on the first block, or at the first
/// non-ASCII field when that block is ASCII; a field that does not fit it is refused, never read in the other.
/// Also refused: text after a closing quote, control characters, fields over `maxVeld` bytes.
public struct CSVLezer {
    public let scheidingsteken: UInt8
    /// nil while everything read was ASCII (the same in both).
    public private(set) var codering: Tekencodering?
    /// Bytes in one field, and fields in one record: more is no export of ours, and is not held.
    public static let maxVeld = 4096
    public static let maxVelden = 500
    private var bytes: [UInt8]
    private var positie: Int
    private var regel: Int
    private let bron: Blokbron?
    private var eof: Bool

    public init(bytes invoer: [UInt8]) {
        var b = invoer
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
        positie = 0
        regel = 1
        bron = nil
        eof = true
        codering = CSVLezer.kies(b[...])
        scheidingsteken = CSVLezer.sniff(b)
    }

    /// Why a file cannot be opened, for people: not found, a folder, no permission, or otherwise unreadable.
    public static func onleesbaar(_ pad: String) -> String {
        var map: ObjCBool = false
        guard FileManager.default.fileExists(atPath: pad, isDirectory: &map) else { return "bestand niet gevonden" }
        if map.boolValue { return "dit is een map, geen bestand" }
        guard FileManager.default.isReadableFile(atPath: pad) else { return "geen leesrechten op dit bestand" }
        return "bestand niet te lezen"
    }

    /// Streams the file at `pad`; the encoding is judged on its first block.
    public init(pad: String) throws(CSVFout) {
        guard let bron = Blokbron(pad: pad) else { throw CSVFout(regel: 0, reden: CSVLezer.onleesbaar(pad)) }
        self.bron = bron
        var b = bron.lees()
        eof = b.isEmpty
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
        positie = 0
        regel = 1
        // judge the encoding on whole lines: a block may end inside a multi-byte character
        let heel = eof ? b[...] : b[..<(b.lastIndex(of: 10) ?? b.count)]
        codering = CSVLezer.kies(heel)
        scheidingsteken = CSVLezer.sniff(b)
    }

    /// Bytes of the file read up to the current record, and the file's size; nil for bytes in memory.
    public var voortgang: (gelezen: Int, grootte: Int)? {
        bron.map { ($0.gelezen - (bytes.count - positie), $0.grootte) }
    }

    private mutating func vul() {
        guard let bron, !eof else { return }
        bytes.removeFirst(positie)
        positie = 0
        let blok = bron.lees()
        if blok.isEmpty { eof = true } else { bytes.append(contentsOf: blok) }
    }

    /// The encoding of a file from its first lines: nil when they are ASCII; UTF-8 when they are valid UTF-8 or when
    /// more of the lines with other bytes are valid UTF-8 than not (a UTF-8 file with one Windows-1252 byte: that line
    /// is refused, the rest is read right); else Windows-1252.
    static func kies(_ b: ArraySlice<UInt8>) -> Tekencodering? {
        guard b.contains(where: { $0 >= 0x80 }) else { return nil }
        if String(validating: b, as: UTF8.self) != nil { return .utf8 }
        var utf8 = 0, anders = 0
        for regel in b.split(separator: 10) where regel.contains(where: { $0 >= 0x80 }) {
            if String(validating: regel, as: UTF8.self) != nil { utf8 += 1 } else { anders += 1 }
        }
        return utf8 > anders ? .utf8 : .windows1252
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
        if !eof && bytes.count - positie < Blokbron.blok { vul() }
        while true {
            if positie >= bytes.count { if eof { break }; vul(); continue }
            guard bytes[positie] == 10 || bytes[positie] == 13 else { break }
            if bytes[positie] == 10 { regel += 1 }
            positie += 1
        }
        guard positie < bytes.count else { return nil }
        let start = regel
        var velden: [String] = []
        velden.reserveCapacity(20)
        var veld: [UInt8] = []
        veld.reserveCapacity(64)
        var inQuotes = false
        var wasQuoted = false
        var naQuote = false
        var probleem: String?   // the current field's first
        var problemen: [Veldprobleem] = []
        // (inlined, not local functions: this loop runs for every byte of a national file, also in debug builds)
        while true {
            // keep one byte of lookahead (for "" and CRLF) inside the buffer
            if positie + 1 >= bytes.count && !eof { vul() }
            guard positie < bytes.count else { break }
            let c = bytes[positie]
            if inQuotes {
                if c == UInt8(ascii: "\"") {
                    if positie + 1 < bytes.count && bytes[positie + 1] == UInt8(ascii: "\"") {
                        if veld.count < CSVLezer.maxVeld { veld.append(c) } else { probleem = probleem ?? CSVLezer.teLang }
                        positie += 2; continue
                    }
                    inQuotes = false; naQuote = true; positie += 1; continue
                }
                if c < 0x20 {
                    if c == 10 { regel += 1 } else if c != 9 && c != 13 { probleem = probleem ?? CSVLezer.stuurteken(c) }
                } else if c == 0x7F { probleem = probleem ?? CSVLezer.stuurteken(c) }
                if veld.count < CSVLezer.maxVeld { veld.append(c) } else { probleem = probleem ?? CSVLezer.teLang }
                positie += 1
                continue
            }
            if c == UInt8(ascii: "\"") && !wasQuoted && veld.allSatisfy({ $0 == 32 }) {
                inQuotes = true; wasQuoted = true; veld.removeAll(); positie += 1; continue
            }
            if c == scheidingsteken {
                sluit(&veld, &velden, &probleem, &problemen)
                wasQuoted = false; naQuote = false; positie += 1; continue
            }
            if c == 13 || c == 10 {
                if c == 13 && positie + 1 < bytes.count && bytes[positie + 1] == 10 { positie += 1 }
                positie += 1; regel += 1
                break
            }
            if naQuote && c != 32 && c != 9 { probleem = probleem ?? CSVLezer.naAanhalingsteken }
            if (c < 0x20 && c != 9) || c == 0x7F { probleem = probleem ?? CSVLezer.stuurteken(c) }
            if veld.count < CSVLezer.maxVeld { veld.append(c) } else { probleem = probleem ?? CSVLezer.teLang }
            positie += 1
        }
        if inQuotes { throw CSVFout(regel: start, reden: "aanhalingsteken niet afgesloten") }
        sluit(&veld, &velden, &probleem, &problemen)
        return CSVRecord(regel: start, velden: velden, problemen: problemen)
    }

    /// Ends a field: decoded into `velden` (up to `maxVelden`), its problem recorded.
    private mutating func sluit(_ veld: inout [UInt8], _ velden: inout [String], _ probleem: inout String?,
                                _ problemen: inout [Veldprobleem]) {
        let tekst = decodeer(veld, &probleem)
        if let p = probleem { problemen.append(Veldprobleem(veld: velden.count, reden: p)) }
        if velden.count < CSVLezer.maxVelden {
            velden.append(tekst)
        } else if problemen.last?.reden != CSVLezer.teVeelVelden {
            problemen.append(Veldprobleem(veld: velden.count, reden: CSVLezer.teVeelVelden))
        }
        veld.removeAll(keepingCapacity: true)
        probleem = nil
    }

    static let teLang = "langer dan \(maxVeld) tekens"
    static let naAanhalingsteken = "tekst na het sluitende aanhalingsteken: zet het hele veld tussen aanhalingstekens en schrijf een "
        + "aanhalingsteken erin dubbel (\"\")"
    static let teVeelVelden = "meer dan \(maxVelden) velden op één regel"

    static func stuurteken(_ c: UInt8) -> String {
        let hex = String(c, radix: 16, uppercase: true)
        return "stuurteken 0x\(hex.count == 1 ? "0" : "")\(hex) in het veld (\(c == 0 ? "NUL-byte: " : "")geen tekst)"
    }

    /// A field's bytes as text in the file's encoding; `probleem` is set when they do not fit it.
    mutating func decodeer(_ b: [UInt8], _ probleem: inout String?) -> String {
        if !b.contains(where: { $0 >= 0x80 }) { return String(decoding: b, as: UTF8.self) }
        let alsUTF8 = String(validating: b, as: UTF8.self)
        if codering == nil { codering = alsUTF8 != nil ? .utf8 : .windows1252 }
        if codering == .utf8 {
            if let s = alsUTF8 {
                if s.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) {
                    probleem = probleem ?? "stuurteken (U+0080-U+009F) in het veld (geen tekst)"
                }
                return s
            }
            probleem = probleem ?? "geen geldige UTF-8, terwijl het bestand UTF-8 is (waarschijnlijk een Windows-1252-teken): "
                + "sla het bestand op in één tekenset"
        } else if let x = b.first(where: { CSVLezer.cp1252Ongebruikt.contains($0) }) {
            probleem = probleem ?? "byte 0x\(String(x, radix: 16, uppercase: true)) komt niet voor in Windows-1252, de tekenset van dit bestand"
        } else if alsUTF8 != nil {
            probleem = probleem ?? "UTF-8-tekst in een bestand dat Windows-1252 is (gemengde tekensets): sla het bestand op in één tekenset"
        }
        var s = String.UnicodeScalarView()
        for c in b { s.append(CSVLezer.cp1252(c)) }
        return String(s)
    }

    /// The bytes Windows-1252 leaves undefined.
    static let cp1252Ongebruikt: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

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

/// A file read in blocks of `blok` bytes.
final class Blokbron {
    static let blok = 1 << 20
    private let bestand: UnsafeMutablePointer<FILE>
    let grootte: Int
    private(set) var gelezen = 0

    init?(pad: String) {
        guard let f = fopen(pad, "rb") else { return nil }
        bestand = f
        var st = stat()
        grootte = fstat(fileno(f), &st) == 0 ? Int(st.st_size) : 0
    }

    deinit { fclose(bestand) }

    func lees() -> [UInt8] {
        var b = [UInt8](repeating: 0, count: Blokbron.blok * 4)
        let n = b.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, bestand) }
        b.removeLast(b.count - n)
        gelezen += n
        return b
    }
}
