import Foundation

/// Codes (municipalities, products, providers, referrers, client pseudonyms) numbered once per process, so the keys
/// of the monthly sums are a few integers instead of five or six strings: a national year has 3.4 million of them,
/// and as strings their hash tables took a national import's peak from 0.9 to 1.5 GB. Numbers are never reused or freed; the
/// codes are bounded by the data (a few thousand codes and one entry per client).
final class Codeboek: @unchecked Sendable {
    static let gedeeld = Codeboek()
    /// The number of "no code" (a line without productcode).
    static let geen = UInt32.max

    /// Readers share the lock, so the two parts of a figure that look codes up at once do not queue for it.
    private let slot: UnsafeMutablePointer<pthread_rwlock_t> = {
        let p = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        pthread_rwlock_init(p, nil)
        return p
    }()
    private var nummers: [String: UInt32] = [:]
    private var teksten: [String] = []

    private func lezend<T>(_ f: () -> T) -> T {
        pthread_rwlock_rdlock(slot)
        defer { pthread_rwlock_unlock(slot) }
        return f()
    }

    private func schrijvend<T>(_ f: () -> T) -> T {
        pthread_rwlock_wrlock(slot)
        defer { pthread_rwlock_unlock(slot) }
        return f()
    }

    func nummer(_ tekst: String) -> UInt32 {
        if let n = lezend({ nummers[tekst] }) { return n }
        return schrijvend {
            if let n = nummers[tekst] { return n }
            let n = UInt32(teksten.count)
            teksten.append(tekst)
            nummers[tekst] = n
            return n
        }
    }

    func nummer(_ tekst: String?) -> UInt32 { tekst.map { nummer($0) } ?? Codeboek.geen }

    /// Room for `n` codes in all, so the first reader of a national year's clients does not rehash as it goes; a
    /// second read of the same data brings few new ones.
    func reserveer(_ n: Int) {
        schrijvend {
            nummers.reserveCapacity(n)
            teksten.reserveCapacity(n)
        }
    }

    func tekst(_ n: UInt32) -> String { lezend { teksten[Int(n)] } }

    func tekst(ofGeen n: UInt32) -> String? { n == Codeboek.geen ? nil : tekst(n) }
}

/// A text's `Codeboek` number, for readers that build sum keys from database columns.
public struct Tekstcode: Hashable, Sendable {
    let nummer: UInt32
    public static let geen = Tekstcode(nummer: Codeboek.geen)
}

/// Numbers texts straight from a database's bytes for one reader (not shared between threads). Texts of up to 24
/// bytes (codes, pseudonyms) are looked up by their bytes in a table of this reader's own, so neither a `String` nor
/// the shared codebook's lock is needed for a text seen before; reading a national year's sums interns six texts a row.
public struct Tekstcodes {
    private struct Sleutel: Hashable { let a, b, c: UInt64; let lengte: Int }
    private var gezien: [Sleutel: UInt32] = [:]

    /// `ruimte`: about how many different texts the reader will meet.
    public init(ruimte: Int = 0) {
        gezien.reserveCapacity(ruimte)
        Codeboek.gedeeld.reserveer(ruimte)
    }

    public mutating func code(_ p: UnsafePointer<UInt8>, _ lengte: Int) -> Tekstcode {
        guard lengte <= 24 else {
            return Tekstcode(nummer: Codeboek.gedeeld.nummer(String(decoding: UnsafeBufferPointer(start: p, count: lengte), as: UTF8.self)))
        }
        var woorden: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &woorden) { $0.baseAddress!.copyMemory(from: p, byteCount: lengte) }
        let s = Sleutel(a: woorden.0, b: woorden.1, c: woorden.2, lengte: lengte)
        if let n = gezien[s] { return Tekstcode(nummer: n) }
        let n = Codeboek.gedeeld.nummer(String(decoding: UnsafeBufferPointer(start: p, count: lengte), as: UTF8.self))
        gezien[s] = n
        return Tekstcode(nummer: n)
    }

    public mutating func code(_ tekst: String) -> Tekstcode { Tekstcode(nummer: Codeboek.gedeeld.nummer(tekst)) }
}
