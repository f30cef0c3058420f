import Crypto
import Foundation
import RegioCore

/// Replaces a BSN by a keyed hash (HMAC-SHA256) with a per-installation secret kept outside the database,
/// so the same child gets the same pseudonym in every import while the BSN itself is never written anywhere.
public struct Pseudonimiseerder: Sendable {
    let sleutel: [UInt8]

    public init(sleutel: [UInt8]) { self.sleutel = sleutel }

    /// The installation's secret: read from `pad`, or created there (32 random bytes, mode 0600) on first use.
    public static func vanBestand(_ pad: String) throws -> Pseudonimiseerder {
        let fm = FileManager.default
        if let data = fm.contents(atPath: pad) {
            guard data.count >= 32 else { throw ImportFout.algemeen("pseudoniemsleutel \(pad) is te kort (beschadigd?)") }
            return Pseudonimiseerder(sleutel: Array(data))
        }
        try fm.createDirectory(atPath: (pad as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let nieuw = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        guard fm.createFile(atPath: pad, contents: Data(nieuw), attributes: [.posixPermissions: 0o600]) else {
            throw ImportFout.algemeen("kan pseudoniemsleutel \(pad) niet aanmaken")
        }
        return Pseudonimiseerder(sleutel: nieuw)
    }

    /// Default location: $REGIOMONITOR_SLEUTEL, else ~/.config/regiomonitor/pseudoniemsleutel.
    public static var standaardPad: String {
        if let p = ProcessInfo.processInfo.environment["REGIOMONITOR_SLEUTEL"], !p.isEmpty { return p }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "."
        return home + "/.config/regiomonitor/pseudoniemsleutel"
    }

    /// "P" + 20 hex digits of HMAC-SHA256(secret, BSN as 9 digits). Only call after `BSN.isGeldig`.
    public func pseudoniem(bsn: String) -> ClientID {
        let negen = bsn.count == 8 ? "0" + bsn : bsn
        let mac = HMAC<SHA256>.authenticationCode(for: Array(negen.utf8), using: SymmetricKey(data: sleutel))
        let hex = mac.prefix(10).map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
        return "P" + hex
    }
}

/// Pseudonyms already computed in one import: a child has many lines, the keyed hash is needed once.
/// Lives only as long as the import; nothing of it is stored.
final class Pseudoniemcache {
    var pseudoniemen: [String: ClientID] = [:]
}
