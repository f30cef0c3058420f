#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A CSV record with the line its first field starts on (1-based, counting physical lines).
public struct CSVRecord: Sendable {
    public let regel: Int
    public let velden: [String]
}

public enum Tekencodering: String, Sendable { case utf8 = "UTF-8", windows1252 = "Windows-1252" }

/// RFC 4180-style reader: ',' or ';' (sniffed from the header), quoted fields with embedded delimiters, quotes and
/// newlines, CRLF or LF, UTF-8 with or without BOM, else Windows-1252. Reads a file in blocks, so a file of any size
/// takes a few megabytes.
public struct CSVLezer {
    public let scheidingsteken: UInt8
    public let codering: Tekencodering
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
        codering = String(validating: b, as: UTF8.self) != nil ? .utf8 : .windows1252
        scheidingsteken = CSVLezer.sniff(b)
    }

    /// Streams the file at `pad`; the encoding is judged on its first block (a later field that is not valid UTF-8
    /// is still read as Windows-1252).
    public init(pad: String) throws(CSVFout) {
        guard let bron = Blokbron(pad: pad) else { throw CSVFout(regel: 0, reden: "bestand niet te lezen") }
        self.bron = bron
        var b = bron.lees()
        eof = b.isEmpty
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
        positie = 0
        regel = 1
        // judge the encoding on whole lines: a block may end inside a multi-byte character
        let heel = eof ? b[...] : b[..<(b.lastIndex(of: 10) ?? b.count)]
        codering = String(validating: heel, as: UTF8.self) != nil ? .utf8 : .windows1252
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
        while true {
            // keep one byte of lookahead (for "" and CRLF) inside the buffer
            if positie + 1 >= bytes.count && !eof { vul() }
            guard positie < bytes.count else { break }
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
            if c == UInt8(ascii: "\"") && !wasQuoted && veld.allSatisfy({ $0 == 32 }) {
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
        if codering == .utf8 {
            if !b.contains(where: { $0 >= 0x80 }) { return String(decoding: b, as: UTF8.self) }
            if let s = String(validating: b, as: UTF8.self) { return s }
        }
        var s = String.UnicodeScalarView()
        for c in b { s.append(CSVLezer.cp1252(c)) }
        return String(s)
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
