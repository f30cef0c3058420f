import Foundation
import PostgresNIO
import RegioStore

// The bridge from the synchronous `RegioStore` protocol to postgres-nio.
//
// Why not `PostgresClient` (postgres-nio's own pool): it is async-only, so a synchronous caller would start a Task and
// block on a semaphore. Swift Testing and Hummingbird call us from the cooperative thread pool (as wide as the number of
// cores); when every cooperative thread blocks like that, the Task that should wake them never runs: a deadlock.
// Instead we use the EventLoopFuture API of `PostgresConnection` and `wait()`: all network I/O runs on the event loop
// threads below, which belong to this module alone and never block, so a waiting caller always makes progress.
// The price: a waiting caller holds its own thread (fine for the CLI, tests and a threaded web handler).

/// The event loops of every PostgreSQL connection in the process; no other code runs on them.
let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 2)

/// A bounded set of open connections shared by all threads of the process (the web server's readers, the importer).
final class Verbindingspool: @unchecked Sendable {
    let adres: PostgresAdres
    let configuratie: PostgresConnection.Configuration
    let logger: Logger
    // guarded by `conditie`
    private let conditie = NSCondition()
    private var vrij: [PostgresConnection] = []
    private var open = 0
    private var gesloten = false
    private static let volgnummer = NSLock()
    nonisolated(unsafe) private static var laatsteID = 0

    init(adres: PostgresAdres) throws {
        self.adres = adres
        configuratie = try adres.configuratie()
        var logger = Logger(label: "regiomonitor.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit { sluit() }

    /// Runs `werk` with a connection of its own; waits when all `maximumVerbindingen` are in use.
    func metVerbinding<T>(_ werk: (Verbinding) throws -> T) throws -> T {
        let c = try neem()
        defer { geefTerug(c) }
        return try werk(Verbinding(c: c, logger: logger))
    }

    private func neem() throws -> PostgresConnection {
        conditie.lock()
        while true {
            if gesloten { conditie.unlock(); throw StoreFout.databasefout("de verbinding met \(adres.beschrijving) is gesloten") }
            if let c = vrij.popLast() {
                if !c.isClosed { conditie.unlock(); return c }
                open -= 1  // the server went away; make a new one
                continue
            }
            if open < adres.maximumVerbindingen { break }
            conditie.wait()
        }
        open += 1
        conditie.unlock()
        do {
            return try PostgresConnection.connect(on: eventLoops.next(), configuration: configuratie,
                                                  id: Verbindingspool.nieuwID(), logger: logger).wait()
        } catch {
            conditie.lock(); open -= 1; conditie.signal(); conditie.unlock()
            throw StoreFout.databasefout("geen verbinding met \(adres.beschrijving): \(Verbinding.reden(error))")
        }
    }

    private func geefTerug(_ c: PostgresConnection) {
        conditie.lock()
        if c.isClosed || gesloten {
            open -= 1
            conditie.signal()
            conditie.unlock()
            try? c.close().wait()
            return
        }
        vrij.append(c)
        conditie.signal()
        conditie.unlock()
    }

    /// Closes the idle connections; connections in use close when they come back.
    func sluit() {
        conditie.lock()
        gesloten = true
        let weg = vrij
        vrij = []
        open -= weg.count
        conditie.broadcast()
        conditie.unlock()
        for c in weg { try? c.close().wait() }
    }

    private static func nieuwID() -> Int {
        volgnummer.lock(); defer { volgnummer.unlock() }
        laatsteID += 1
        return laatsteID
    }
}

/// One checked-out connection with blocking query helpers; SQL text comes from this module only, values go as binds.
public struct Verbinding {
    let c: PostgresConnection
    let logger: Logger

    /// Runs a statement and returns all its rows.
    @discardableResult
    func rijen(_ sql: String, _ binds: [String?] = []) throws -> [PostgresRow] {
        do {
            return try c.query(PostgresQuery(unsafeSQL: sql, binds: Verbinding.bindings(binds)), logger: logger).wait().rows
        } catch {
            throw StoreFout.databasefout(Verbinding.reden(error))
        }
    }

    func geheel(_ sql: String, _ binds: [String?] = []) throws -> Int64 {
        guard let cel = try rijen(sql, binds).first?.makeRandomAccess()[0] else { return 0 }
        return try Verbinding.waarde(cel).geheel ?? 0
    }

    /// Text binds only: the SQL casts them (`$1::bigint[]`), which keeps one encoding for every type.
    static func bindings(_ waarden: [String?]) -> PostgresBindings {
        var b = PostgresBindings(capacity: waarden.count)
        for w in waarden {
            if let w { b.append(w) } else { b.appendNull() }
        }
        return b
    }

    /// A row's values; by index, because walking a `PostgresRow` finds each column from the start of the row.
    static func waarden(_ rij: PostgresRow) throws -> [Waarde] {
        let cellen = rij.makeRandomAccess()
        var w: [Waarde] = []
        w.reserveCapacity(cellen.count)
        for i in 0..<cellen.count { w.append(try waarde(cellen[i])) }
        return w
    }

    /// Straight from the wire bytes for the two types the schema uses (the generic decoder is many times slower,
    /// which shows when `gegevens()` reads a few hundred thousand rows); anything else through postgres-nio.
    static func waarde(_ cel: PostgresCell) throws -> Waarde {
        guard var b = cel.bytes else { return .leeg }
        switch (cel.dataType, cel.format) {
        case (.int8, .binary): if let i = b.readInteger(as: Int64.self) { return .geheel(i) }
        case (.text, _), (.varchar, _): return .tekst(b.readString(length: b.readableBytes) ?? "")
        default: break
        }
        switch cel.dataType {
        case .int8, .int4, .int2: return .geheel(try cel.decode(Int64.self))
        default: return .tekst(try cel.decode(String.self))
        }
    }

    /// The server's own words (postgres-nio hides them from `description` to avoid leaking data into logs).
    static func reden(_ error: any Error) -> String {
        if let f = error as? StoreFout { return "\(f)" }
        guard let p = error as? PSQLError else { return "\(error)" }
        if let info = p.serverInfo {
            var s = info[.message] ?? "onbekende fout"
            if let detail = info[.detail] { s += " (\(detail))" }
            if let code = info[.sqlState] { s += " [\(code)]" }
            return s
        }
        if let onderliggend = p.underlying {
            // the network errors people meet, in words; the rest as the driver says it
            let tekst = "\(onderliggend)"
            for (teken, zin) in [("errno: 111", "verbinding geweigerd: draait de server, en klopt de poort?"),
                                 ("Connection refused", "verbinding geweigerd: draait de server, en klopt de poort?"),
                                 ("errno: 110", "geen antwoord binnen de tijd: is de server bereikbaar vanaf deze computer?"),
                                 ("errno: 113", "geen route naar de server: klopt het adres?"),
                                 ("NXDOMAIN", "onbekende servernaam: klopt het adres?"),
                                 ("unknown host", "onbekende servernaam: klopt het adres?")] where tekst.contains(teken) {
                return zin
            }
            return "\(p.code): \(onderliggend)"
        }
        return "\(p.code)"
    }
}
