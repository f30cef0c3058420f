import Foundation

/// Codes (municipalities, products, providers, referrers, client pseudonyms) numbered once per process, so the keys
/// of the monthly sums are a few integers instead of five or six strings: a national year has 3.4 million of them,
/// and as strings their hash tables took a national import's peak from 0.9 to 1.5 GB. Numbers are never reused or freed; the
/// codes are bounded by the data (a few thousand codes and one entry per client).
final class Codeboek: @unchecked Sendable {
    static let gedeeld = Codeboek()
    /// The number of "no code" (a line without productcode).
    static let geen = UInt32.max

    private let slot = NSLock()
    private var nummers: [String: UInt32] = [:]
    private var teksten: [String] = []

    func nummer(_ tekst: String) -> UInt32 {
        slot.lock()
        defer { slot.unlock() }
        if let n = nummers[tekst] { return n }
        let n = UInt32(teksten.count)
        teksten.append(tekst)
        nummers[tekst] = n
        return n
    }

    func nummer(_ tekst: String?) -> UInt32 { tekst.map { nummer($0) } ?? Codeboek.geen }

    func tekst(_ n: UInt32) -> String {
        slot.lock()
        defer { slot.unlock() }
        return teksten[Int(n)]
    }

    func tekst(ofGeen n: UInt32) -> String? { n == Codeboek.geen ? nil : tekst(n) }
}
