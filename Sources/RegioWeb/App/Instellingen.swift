import Foundation
import RegioCore

/// How the server runs; everything a test wants to change is here.
public struct Instellingen: Sendable {
    public var host: String
    public var port: Int
    /// Send the session cookie with the Secure attribute (browsers accept it on http://localhost and 127.0.0.1 too).
    public var veiligeCookies: Bool
    /// Session lifetime in seconds.
    public var sessieduur: Int64
    /// bcrypt cost for new hashes.
    public var wachtwoord: Wachtwoord
    /// The pseudonymisation key for imports through the web page.
    public var pseudoniemsleutel: String
    /// Seconds since 1970; injected so tests control expiry and throttling.
    public var klok: @Sendable () -> Int64
    /// Fill the caches of the main pages before the server accepts requests.
    public var voorverwarmen: Bool
    /// The largest import upload in bytes. Held in memory while it is imported (never on disk): 1 GB takes a region's
    /// declarations of several years; a national file goes through `regiomonitor import`.
    public var maxUpload = 1 << 30
    /// The region's signal rule settings (`serve --regels-bestand`, REGIOMONITOR_REGELS): "Regels nu draaien" uses
    /// them, as `regiomonitor signalen` does, so a click in the dashboard never undoes the region's thresholds.
    public var regels: Signaalinstellingen = .standaard

    public init(host: String = "127.0.0.1", port: Int = 8080, veiligeCookies: Bool = true, sessieduur: Int64 = 8 * 3600,
                wachtwoord: Wachtwoord = Wachtwoord(), pseudoniemsleutel: String = "", voorverwarmen: Bool = false,
                klok: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.host = host; self.port = port; self.veiligeCookies = veiligeCookies; self.sessieduur = sessieduur
        self.wachtwoord = wachtwoord; self.pseudoniemsleutel = pseudoniemsleutel; self.voorverwarmen = voorverwarmen
        self.klok = klok
    }

    /// ISO 8601 UTC text of a clock value, for the audit trail and the import log.
    static func tijdstip(_ seconden: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconden)))
    }

    /// The calendar day of a clock value (UTC), as "today" for forecasts and signals.
    static func dag(_ seconden: Int64) -> Dag { Dag(dagnummer: Int32(seconden / 86_400)) }
}
