import Foundation

/// Login throttling: after `maxPogingen` failed logins for one user name, or `maxPerAdres` from one address, within
/// `venster` seconds, further attempts are refused until the window has passed, whatever the password.
final class Inlogrem: @unchecked Sendable {
    let maxPogingen: Int
    let maxPerAdres: Int
    let venster: Int64
    private var mislukt: [String: [Int64]] = [:]
    private let slot = NSLock()

    init(maxPogingen: Int = 5, maxPerAdres: Int = 20, venster: Int64 = 15 * 60) {
        self.maxPogingen = maxPogingen; self.maxPerAdres = maxPerAdres; self.venster = venster
    }

    /// Seconds to wait before the next attempt for this name or address is considered; nil when it may try now.
    func wachttijd(naam: String, adres: String, nu: Int64) -> Int64? {
        slot.withLock {
            let sleutels = [("naam:" + naam.lowercased(), maxPogingen), ("adres:" + adres, maxPerAdres)]
            var wacht: Int64?
            for (k, grens) in sleutels {
                let recent = (mislukt[k] ?? []).filter { $0 > nu - venster }
                mislukt[k] = recent
                if recent.count >= grens, let oudste = recent.first {
                    wacht = max(wacht ?? 0, oudste + venster - nu)
                }
            }
            return wacht
        }
    }

    func mislukking(naam: String, adres: String, nu: Int64) {
        slot.withLock {
            mislukt["naam:" + naam.lowercased(), default: []].append(nu)
            mislukt["adres:" + adres, default: []].append(nu)
        }
    }

    /// A successful login clears the name's record (not the address's).
    func gelukt(naam: String) {
        slot.withLock { _ = mislukt.removeValue(forKey: "naam:" + naam.lowercased()) }
    }
}
