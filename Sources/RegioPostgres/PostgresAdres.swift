import Foundation
import PostgresNIO
import RegioStore

/// A `postgres://user:password@host:port/database?...` address, parsed once.
///
/// Query parameters: `sslmode` (disable, prefer (default), require, verify-ca, verify-full, as in libpq),
/// `schema` (the region's schema, created when missing; default `public`), `pool` (maximum connections, default 8),
/// `host` (a directory with the server's Unix socket, as in libpq). Without a password in the address, `PGPASSWORD` is used.
public struct PostgresAdres: Sendable, Equatable {
    public var gebruiker: String
    public var wachtwoord: String?
    public var host: String
    public var poort: Int
    public var database: String
    public var schema: String?
    public var sslmode: String
    public var socketmap: String?
    public var maximumVerbindingen: Int

    public init(_ tekst: String, omgeving: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard tekst.hasPrefix("postgres://") || tekst.hasPrefix("postgresql://"),
              let url = URLComponents(string: tekst) else {
            throw StoreFout.onbekendeDatabase(tekst)
        }
        func fout(_ reden: String) -> StoreFout { .databasefout("\(PostgresAdres.zonderWachtwoord(tekst)): \(reden)") }
        gebruiker = url.user ?? omgeving["PGUSER"] ?? "postgres"
        wachtwoord = url.password ?? omgeving["PGPASSWORD"]
        host = url.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        poort = url.port ?? 5432
        database = String(url.path.drop { $0 == "/" })
        if database.isEmpty { database = gebruiker }
        sslmode = "prefer"
        maximumVerbindingen = 8
        for item in url.queryItems ?? [] {
            let waarde = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(waarde) else {
                    throw fout("onbekende sslmode '\(waarde)'")
                }
                sslmode = waarde
            case "schema":
                guard PostgresAdres.isNaam(waarde) else { throw fout("ongeldige schemanaam '\(waarde)' (letters, cijfers, _)") }
                schema = waarde
            case "pool":
                guard let n = Int(waarde), n >= 1 else { throw fout("pool moet een positief getal zijn") }
                maximumVerbindingen = n
            case "host":
                if waarde.hasPrefix("/") { socketmap = waarde } else { host = waarde }
            case "application_name", "connect_timeout":
                break  // accepted for libpq compatibility
            default:
                throw fout("onbekende parameter '\(item.name)' (bekend: sslmode, schema, pool, host)")
            }
        }
    }

    /// A lowercase identifier, safe to put into SQL without quoting.
    static func isNaam(_ s: String) -> Bool {
        guard let eerste = s.unicodeScalars.first, !s.isEmpty, s.count <= 63 else { return false }
        let letters = Set("abcdefghijklmnopqrstuvwxyz_".unicodeScalars), cijfers = Set("0123456789".unicodeScalars)
        return letters.contains(eerste) && s.unicodeScalars.allSatisfy { letters.contains($0) || cijfers.contains($0) }
    }

    /// The address for messages and logs: never the password.
    public var beschrijving: String {
        var s = "postgres://\(gebruiker)@\(host.contains(":") ? "[\(host)]" : host):\(poort)/\(database)"
        if let schema { s += "?schema=\(schema)" }
        return s
    }

    /// Masks the password of an address that may not parse.
    public static func zonderWachtwoord(_ tekst: String) -> String {
        guard var url = URLComponents(string: tekst), url.password != nil else { return tekst }
        url.password = "***"
        return url.string ?? tekst
    }

    func configuratie() throws -> PostgresConnection.Configuration {
        var c: PostgresConnection.Configuration
        if let socketmap {
            c = .init(unixSocketPath: "\(socketmap)/.s.PGSQL.\(poort)", username: gebruiker, password: wachtwoord, database: database)
        } else {
            c = .init(host: host, port: poort, username: gebruiker, password: wachtwoord, database: database, tls: try tls())
        }
        var parameters = [("application_name", "regiomonitor")]
        // every pooled connection starts in the region's schema; a missing schema is created on open
        if let schema { parameters.append(("search_path", schema)) }
        c.options.additionalStartupParameters = parameters
        return c
    }

    func tls() throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslmode {
        case "disable": return .disable
        case "verify-full": tls.certificateVerification = .fullVerification
        case "verify-ca": tls.certificateVerification = .noHostnameVerification
        default: tls.certificateVerification = .none  // libpq's prefer/require encrypt without checking the certificate
        }
        let context = try NIOSSLContext(configuration: tls)
        return sslmode == "prefer" || sslmode == "allow" ? .prefer(context) : .require(context)
    }
}
