import Foundation

/// Versions before issue 26 wrote an upload to `<tmp>/regiomonitor-upload-<hex>/` for the import, and a crash left it
/// there with its BSNs. `serve` removes such folders when it starts; only those untouched for an hour, since another
/// (older) server on the machine may be importing from one right now.
public enum Uploadopruiming {
    public static let voorvoegsel = "regiomonitor-upload-"

    /// The folders removed.
    @discardableResult
    public static func ruimOp(in map: String = NSTemporaryDirectory(), nu: Date = Date()) -> [String] {
        let fm = FileManager.default
        var weg: [String] = []
        for naam in (try? fm.contentsOfDirectory(atPath: map)) ?? [] where naam.hasPrefix(voorvoegsel) {
            let pad = (map as NSString).appendingPathComponent(naam)
            guard let d = (try? fm.attributesOfItem(atPath: pad))?[.modificationDate] as? Date, nu.timeIntervalSince(d) > 3600 else { continue }
            if (try? fm.removeItem(atPath: pad)) != nil { weg.append(pad) }
        }
        return weg
    }
}
