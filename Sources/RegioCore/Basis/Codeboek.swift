import Foundation

/// Codes (municipalities, products, providers, referrers, client pseudonyms) numbered once per process, so the keys
/// of the monthly sums are a few integers instead of five or six strings: a national year has 3.4 million of them,
/// and as strings their hash tables took a national import's peak from 0.9 to 1.5 GB. Numbers are never reused or freed; the
/// codes are bounded by the data (a few thousand codes and one entry per client).
final class Codeboek: @unchecked Sendable {
    static let gedeeld = Codeboek()
    /// The number of "no code" (a line without productcode).
    static let geen = UInt32.max
    /// The number of the empty text ("": the provider of cost summed over providers).
    static let leeg = gedeeld.nummer("")

    /// Texts are spread over 64 parts by their last bytes, each behind a lock of its own: the two parts of a figure
    /// (and a reader of the sums interning 450,000 new clients beside a loop of lookups) seldom meet on one lock.
    /// One read-write lock for all made the writer and the readers take turns for every code.
    private static let delen = 64
    private final class Deel {
        let slot: UnsafeMutablePointer<pthread_mutex_t> = {
            let p = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(p, nil)
            return p
        }()
        /// Texts of up to 24 bytes (all codes and pseudonyms) by value: a probe compares them in the table itself,
        /// where `String` keys sent every probe to the text's own memory (a cache miss in a table of 450,000 clients).
        var kort: [Kort: UInt32] = [:]
        var lang: [String: UInt32] = [:]
        var teksten: [String] = []
        func vast<T>(_ f: () -> T) -> T {
            pthread_mutex_lock(slot)
            defer { pthread_mutex_unlock(slot) }
            return f()
        }
    }
    private let deel: [Deel] = (0..<Codeboek.delen).map { _ in Deel() }

    /// A text of up to 24 bytes as three words and its length.
    struct Kort: Hashable {
        let a, b, c: UInt64
        let lengte: Int
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= 24 else { return nil }
            var woorden: (UInt64, UInt64, UInt64) = (0, 0, 0)
            if let p = bytes.baseAddress {
                withUnsafeMutableBytes(of: &woorden) { $0.baseAddress!.copyMemory(from: p, byteCount: bytes.count) }
            }
            (a, b, c) = woorden
            lengte = bytes.count
        }
    }

    private static func deelnummer(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        // the last (up to) eight bytes, mixed: pseudonyms differ there, codes are short
        let h = b.suffix(8).reduce(UInt64(b.count)) { $0 << 8 | UInt64($1) }
        return Int((h &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// The number of the text in `bytes` (UTF-8); `tekst` makes its `String` when it is new.
    private func nummer(_ bytes: UnsafeBufferPointer<UInt8>, _ tekst: () -> String) -> UInt32 {
        let d = Codeboek.deelnummer(bytes), dl = deel[d]
        let kort = Kort(bytes)
        return dl.vast {
            if let kort, let n = dl.kort[kort] { return n }
            let t = kort == nil ? tekst() : ""
            if kort == nil, let n = dl.lang[t] { return n }
            let n = UInt32(dl.teksten.count * Codeboek.delen + d)
            if let kort { dl.teksten.append(tekst()); dl.kort[kort] = n } else { dl.teksten.append(t); dl.lang[t] = n }
            return n
        }
    }

    func nummer(_ tekst: String) -> UInt32 {
        var t = tekst
        return t.withUTF8 { nummer($0, { tekst }) }
    }

    /// From bytes as a database hands them out: no `String` unless the text is new.
    func nummer(_ p: UnsafePointer<UInt8>, _ lengte: Int) -> UInt32 {
        let b = UnsafeBufferPointer(start: p, count: lengte)
        return nummer(b, { String(decoding: b, as: UTF8.self) })
    }

    func nummer(_ tekst: String?) -> UInt32 { tekst.map { nummer($0) } ?? Codeboek.geen }

    /// Room for `n` codes in all, so the first reader of a national year's clients does not rehash as it goes; a
    /// second read of the same data brings few new ones.
    func reserveer(_ n: Int) {
        for d in deel {
            d.vast {
                d.kort.reserveCapacity(n / Codeboek.delen * 5 / 4)
                d.teksten.reserveCapacity(n / Codeboek.delen * 5 / 4)
            }
        }
    }

    /// Above every number given out so far.
    var grens: Int { deel.map { d in d.vast { d.teksten.count } }.max().map { $0 * Codeboek.delen } ?? 0 }

    func tekst(_ n: UInt32) -> String {
        let d = deel[Int(n) % Codeboek.delen]
        return d.vast { d.teksten[Int(n) / Codeboek.delen] }
    }

    func tekst(ofGeen n: UInt32) -> String? { n == Codeboek.geen ? nil : tekst(n) }
}

/// A text's `Codeboek` number, for readers that build sum keys from database columns.
public struct Tekstcode: Hashable, Sendable {
    let nummer: UInt32
    public static let geen = Tekstcode(nummer: Codeboek.geen)
}

/// Numbers texts straight from a database's bytes for one reader (not shared between threads): a `String` is made
/// only for a text new to `Codeboek`, and a cell that repeats the row above is not looked up at all; reading a
/// national year's sums numbers six texts a row.
public struct Tekstcodes {
    /// `ruimte`: about how many different texts the reader will meet.
    public init(ruimte: Int = 0) {
        Codeboek.gedeeld.reserveer(ruimte)
    }

    /// The last text met in each column: the stores write the sums sorted, so most cells repeat the row above.
    private var vorige: [(Codeboek.Kort, UInt32)] = []

    /// `kolom`: the column the bytes come from (0..<16), for the repeat check; nil for none.
    public mutating func code(_ p: UnsafePointer<UInt8>, _ lengte: Int, kolom: Int? = nil) -> Tekstcode {
        guard let kolom, let k = Codeboek.Kort(UnsafeBufferPointer(start: p, count: lengte)) else {
            return Tekstcode(nummer: Codeboek.gedeeld.nummer(p, lengte))
        }
        if vorige.isEmpty { vorige = Array(repeating: (k, Codeboek.geen), count: 16) }
        if vorige[kolom].1 != Codeboek.geen, vorige[kolom].0 == k { return Tekstcode(nummer: vorige[kolom].1) }
        let n = Codeboek.gedeeld.nummer(p, lengte)
        vorige[kolom] = (k, n)
        return Tekstcode(nummer: n)
    }

    public mutating func code(_ tekst: String) -> Tekstcode { Tekstcode(nummer: Codeboek.gedeeld.nummer(tekst)) }
}
