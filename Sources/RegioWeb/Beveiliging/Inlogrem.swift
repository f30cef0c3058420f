import Foundation

/// Login throttling by growing delays, never a lock on a name alone (issue 26: anyone could lock out a named user, or
/// every user behind one address, for 15 minutes).
///
/// Per user name and address: `vrijPerNaam` failures are free, then each next attempt waits 1, 2, 4, ... seconds after
/// the last failure, up to `maxWacht`; a success clears it. So a guesser slows down to a few guesses an hour for that
/// name from that address, and someone guessing from elsewhere does not slow down the real user at all.
/// Per address, over all names: `vrijPerAdres` failures are free, then the same doubling up to `maxWachtAdres`, so
/// trying many names from one address slows down too, while colleagues behind that address wait a minute at worst.
/// A record is forgotten `vergeet` seconds after its last failure.
final class Inlogrem: @unchecked Sendable {
    let vrijPerNaam: Int
    let vrijPerAdres: Int
    let maxWacht: Int64
    let maxWachtAdres: Int64
    let vergeet: Int64
    private struct Stand { var mislukt: Int; var laatste: Int64 }
    private var standen: [String: Stand] = [:]
    private let slot = NSLock()
    /// Records kept at most; beyond, forgotten ones are dropped first, then all (a flood of invented names).
    static let maxStanden = 100_000

    init(vrijPerNaam: Int = 5, vrijPerAdres: Int = 50, maxWacht: Int64 = 15 * 60, maxWachtAdres: Int64 = 60,
         vergeet: Int64 = 24 * 3600) {
        self.vrijPerNaam = vrijPerNaam; self.vrijPerAdres = vrijPerAdres
        self.maxWacht = maxWacht; self.maxWachtAdres = maxWachtAdres; self.vergeet = vergeet
    }

    /// Seconds to wait before this name may try again from this address; nil when it may try now.
    func wachttijd(naam: String, adres: String, nu: Int64) -> Int64? {
        slot.withLock {
            let wacht = [wacht(Inlogrem.sleutel(naam, adres), vrij: vrijPerNaam, max: maxWacht, nu: nu),
                         wacht("adres:" + adres, vrij: vrijPerAdres, max: maxWachtAdres, nu: nu)].compactMap { $0 }.max()
            return wacht
        }
    }

    func mislukking(naam: String, adres: String, nu: Int64) {
        slot.withLock {
            if standen.count >= Inlogrem.maxStanden {
                standen = standen.filter { nu - $0.value.laatste < vergeet }
                if standen.count >= Inlogrem.maxStanden { standen = [:] }
            }
            for k in [Inlogrem.sleutel(naam, adres), "adres:" + adres] {
                var s = standen[k].flatMap { nu - $0.laatste < vergeet ? $0 : nil } ?? Stand(mislukt: 0, laatste: nu)
                s.mislukt += 1
                s.laatste = nu
                standen[k] = s
            }
        }
    }

    /// A successful login clears the record of the name at this address (not the address's).
    func gelukt(naam: String, adres: String) {
        slot.withLock { _ = standen.removeValue(forKey: Inlogrem.sleutel(naam, adres)) }
    }

    private static func sleutel(_ naam: String, _ adres: String) -> String { "naam:" + naam.lowercased() + "\u{0}" + adres }

    /// After `vrij` failures, 2^(failures - vrij) seconds (capped) after the last one.
    private func wacht(_ k: String, vrij: Int, max: Int64, nu: Int64) -> Int64? {
        guard let s = standen[k], nu - s.laatste < vergeet, s.mislukt >= vrij else { return nil }
        let stap = s.mislukt - vrij
        let vertraging = stap >= 62 ? max : Swift.min(max, Int64(1) << stap)
        let tot = s.laatste + vertraging
        return tot > nu ? tot - nu : nil
    }
}
