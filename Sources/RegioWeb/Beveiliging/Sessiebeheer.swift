import Foundation
import RegioCore
import RegioStore

/// Logging in and out, and finding the user behind a session cookie or HTTP Basic credentials (for the API).
final class Sessiebeheer: @unchecked Sendable {
    let store: any GebruikerStore
    let instellingen: Instellingen
    let rem: Inlogrem
    /// Basic-auth credentials verified recently: bcrypt is slow on purpose, a BI tool asks many times in a row.
    private var basisCache: [String: (naam: String, tot: Int64)] = [:]
    private let slot = NSLock()
    /// A valid bcrypt hash to verify against when the user does not exist, so timing does not tell which names exist.
    private let lokhash: String

    static let cookie = "rm_sessie"
    static let inlogcookie = "rm_inlog"

    init(store: any GebruikerStore, instellingen: Instellingen, rem: Inlogrem = Inlogrem()) {
        self.store = store; self.instellingen = instellingen; self.rem = rem
        lokhash = instellingen.wachtwoord.hash(Token.nieuw())
    }

    enum Uitkomst {
        case gelukt(token: String, Sessie, Gebruiker)
        case mislukt
        case geblokkeerd(seconden: Int64)
    }

    func inloggen(naam: String, wachtwoord: String, adres: String) throws -> Uitkomst {
        let nu = instellingen.klok()
        if let wacht = rem.wachttijd(naam: naam, adres: adres, nu: nu) { return .geblokkeerd(seconden: wacht) }
        guard let g = try controleer(naam: naam, wachtwoord: wachtwoord) else {
            rem.mislukking(naam: naam, adres: adres, nu: nu)
            return .mislukt
        }
        rem.gelukt(naam: naam, adres: adres)
        let token = Token.nieuw()
        let s = Sessie(tokenHash: Token.hash(token), gebruiker: g.naam, csrf: Token.nieuw(), aangemaaktOp: nu,
                       verlooptOp: nu + instellingen.sessieduur)
        try store.verwijderSessies(verlopenVoor: nu, van: nil)
        try store.bewaar(s)
        return .gelukt(token: token, s, g)
    }

    func controleer(naam: String, wachtwoord: String) throws -> Gebruiker? {
        let g = try store.gebruiker(naam: naam)
        let klopt = instellingen.wachtwoord.klopt(wachtwoord, hash: g?.wachtwoordHash ?? lokhash)
        return klopt ? g : nil
    }

    /// The session and its user for a cookie token; nil when unknown, expired or the user no longer exists.
    func sessie(token: String) throws -> (Sessie, Gebruiker)? {
        guard token.count == 64, let s = try store.sessie(tokenHash: Token.hash(token)) else { return nil }
        guard s.verlooptOp > instellingen.klok() else { try store.verwijderSessie(tokenHash: s.tokenHash); return nil }
        guard let g = try store.gebruiker(naam: s.gebruiker) else { return nil }
        return (s, g)
    }

    func uitloggen(token: String) throws { try store.verwijderSessie(tokenHash: Token.hash(token)) }

    /// HTTP Basic for the API, throttled like the login form.
    func basis(_ header: String, adres: String) throws -> Uitkomst {
        guard header.lowercased().hasPrefix("basic "),
              let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let tekst = String(data: data, encoding: .utf8), let dp = tekst.firstIndex(of: ":") else { return .mislukt }
        let naam = String(tekst[..<dp]), wachtwoord = String(tekst[tekst.index(after: dp)...])
        let nu = instellingen.klok()
        let sleutel = Token.hash(tekst)
        if let c = slot.withLock({ basisCache[sleutel] }), c.tot > nu, let g = try store.gebruiker(naam: c.naam) {
            return .gelukt(token: "", Sessie(tokenHash: "", gebruiker: g.naam, csrf: "", aangemaaktOp: nu, verlooptOp: c.tot), g)
        }
        if let wacht = rem.wachttijd(naam: naam, adres: adres, nu: nu) { return .geblokkeerd(seconden: wacht) }
        guard let g = try controleer(naam: naam, wachtwoord: wachtwoord) else {
            rem.mislukking(naam: naam, adres: adres, nu: nu)
            return .mislukt
        }
        rem.gelukt(naam: naam, adres: adres)
        slot.withLock {
            if basisCache.count > 1000 { basisCache = [:] }
            basisCache[sleutel] = (g.naam, nu + 300)
        }
        return .gelukt(token: "", Sessie(tokenHash: "", gebruiker: g.naam, csrf: "", aangemaaktOp: nu, verlooptOp: nu + 300), g)
    }
}
