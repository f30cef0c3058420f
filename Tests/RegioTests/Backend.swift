import Foundation
import Testing
@testable import RegioPostgres
import RegioStore

/// The backends every storage and end-to-end test runs on: SQLite always, PostgreSQL when `REGIOMONITOR_TEST_POSTGRES`
/// names a server (scripts/test starts one). In CI (`CI=true`) PostgreSQL is always in the list, so a missing server
/// fails the tests instead of skipping them.
enum Backend: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let postgresURL = ProcessInfo.processInfo.environment["REGIOMONITOR_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = ["1", "true", "yes"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    static let alle: [Backend] = postgresURL != nil || inCI ? [.sqlite, .postgres] : [.sqlite]

    var testDescription: String { rawValue }

    /// A fresh, empty store: an in-memory or temporary SQLite file, or a schema of its own on the test server
    /// (so tests run in parallel); it is removed when the returned `Proefopslag` goes away.
    func maak(bestand: Bool = false, pool: Int? = nil) throws -> Proefopslag {
        switch self {
        case .sqlite:
            let pad = bestand ? NSTemporaryDirectory() + "regiotest-\(UUID().uuidString).sqlite" : ":memory:"
            return Proefopslag(store: try SQLiteStore(pad: pad), sqlitePad: pad)
        case .postgres:
            guard let basis = Backend.postgresURL else {
                throw StoreFout.databasefout("REGIOMONITOR_TEST_POSTGRES is niet gezet (CI=true): start de tests met scripts/test")
            }
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            return Proefopslag(store: try PostgresStore(url: Backend.url(basis, schema: schema, pool: pool)), sqlitePad: nil)
        }
    }

    /// A second store on the same data: another process on the same server, or the same SQLite file.
    func nogEen(_ p: Proefopslag) throws -> any Opslag {
        if let pg = p.store as? PostgresStore { return try PostgresStore(adres: pg.adres) }
        return try SQLiteStore(pad: p.sqlitePad!)
    }

    static func url(_ basis: String, schema: String, pool: Int? = nil) -> String {
        basis + (basis.contains("?") ? "&" : "?") + "schema=\(schema)" + (pool.map { "&pool=\($0)" } ?? "")
    }
}

/// A test store and what it takes to clean it up.
final class Proefopslag: @unchecked Sendable {
    let store: any Opslag
    let sqlitePad: String?

    init(store: any Opslag, sqlitePad: String?) { self.store = store; self.sqlitePad = sqlitePad }

    deinit {
        if let pg = store as? PostgresStore, let schema = pg.adres.schema {
            pg.sluit()
            var adres = pg.adres
            adres.schema = nil
            _ = try? Verbindingspool(adres: adres).metVerbinding { try $0.rijen("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
        } else if let pad = sqlitePad, pad != ":memory:" {
            for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: pad + s) }
        }
    }
}

@Suite struct BackendTests {
    /// A CI run without a PostgreSQL server is a failure, never a silent skip.
    @Test func postgresInCI() {
        if Backend.inCI { #expect(Backend.postgresURL != nil, "CI=true maar REGIOMONITOR_TEST_POSTGRES ontbreekt") }
        if Backend.postgresURL != nil { #expect(Backend.alle.contains(.postgres)) }
    }
}
