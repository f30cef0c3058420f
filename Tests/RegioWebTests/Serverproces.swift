import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The built `regiomonitor` (next to the test binary in .build/<config>/), run as the user runs it: `serve` in a
/// process of its own, `import` and `gebruiker` beside it.
enum Programma {
    static var pad: String? {
        let map = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for kandidaat in [map, map.deletingLastPathComponent(), map.deletingLastPathComponent().deletingLastPathComponent()] {
            let pad = kandidaat.appendingPathComponent("regiomonitor").path
            if FileManager.default.isExecutableFile(atPath: pad) { return pad }
        }
        return nil
    }

    /// Starts the program with its output to `log`.
    static func start(_ argumenten: [String], log: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(pad))
        p.arguments = argumenten
        FileManager.default.createFile(atPath: log, contents: nil)
        let uit = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        p.standardOutput = uit
        p.standardError = uit
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Runs the program to its end; its exit code and output.
    static func draai(_ argumenten: [String], in map: String) throws -> (Int32, String) {
        let log = map + "/opdracht-\(UUID().uuidString).log"
        let p = try start(argumenten, log: log)
        p.waitUntilExit()
        return (p.terminationStatus, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}

/// `regiomonitor serve` on a database, on a free port of this machine, its output in a file.
final class Serverproces: @unchecked Sendable {
    let proces: Process
    let poort: Int
    let log: String

    init(db: String, sleutel: String, log: String) throws {
        poort = try Serverproces.vrijePoort()
        self.log = log
        proces = try Programma.start(["serve", "--db", db, "--port", String(poort), "--sleutel", sleutel, "--onveilige-cookies"], log: log)
        // it says so once it listens (after the figures are precomputed); bounded, and it must still be running
        for _ in 0..<3000 {
            if ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("Regiomonitor draait op") { return }
            guard proces.isRunning else { break }
            usleep(100_000)
        }
        proces.terminate()
        throw Serverfout(uitvoer: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    struct Serverfout: Error { let uitvoer: String }

    func stop() {
        if proces.isRunning { kill(proces.processIdentifier, SIGKILL) }
        proces.waitUntilExit()
    }

    func client() -> TestClient {
        let c = TestClient(host: "127.0.0.1", port: poort, configuration: .init(timeout: .seconds(900)))
        c.connect()
        return c
    }

    /// A port nobody listens on now (the kernel's choice for port 0).
    static func vrijePoort() throws -> Int {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(s) }
        var adres = sockaddr_in()
        adres.sin_family = sa_family_t(AF_INET)
        adres.sin_addr.s_addr = inet_addr("127.0.0.1")
        adres.sin_port = 0
        var lengte = socklen_t(MemoryLayout<sockaddr_in>.size)
        let gelukt = withUnsafeMutablePointer(to: &adres) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, lengte) == 0 && getsockname(s, $0, &lengte) == 0 }
        }
        guard gelukt else { throw Serverfout(uitvoer: "geen vrije poort") }
        return Int(UInt16(bigEndian: adres.sin_port))
    }
}

/// A browser's view of one user on the server process: logs in through the form, keeps the cookie and form token.
struct Procesgebruiker {
    let client: TestClient
    var cookie = ""
    var csrf = ""

    init(_ client: TestClient) { self.client = client }

    static func cookie(_ r: TestClient.Response, _ naam: String) -> String? {
        for v in r.headers[values: .setCookie] where v.hasPrefix(naam + "=") { return String(v.dropFirst(naam.count + 1).prefix { $0 != ";" }) }
        return nil
    }

    /// Logs in; the login's status (303 when it worked).
    mutating func inloggen(_ naam: String, _ wachtwoord: String) async throws -> HTTPResponse.Status {
        let formulier = try await client.execute(.init("/inloggen", method: .get))
        let token = Procesgebruiker.cookie(formulier, "rm_inlog") ?? ""
        let body = "naam=\(naam)&wachtwoord=\(wachtwoord)&csrf=\(token)"
        let r = try await client.execute(.init("/inloggen", method: .post, headers: [.contentType: "application/x-www-form-urlencoded",
                                                                                 .cookie: "rm_inlog=\(token)"], body: ByteBuffer(string: body)))
        if let sessie = Procesgebruiker.cookie(r, "rm_sessie") {
            cookie = "rm_sessie=\(sessie)"
            let pagina = try await get("/")
            csrf = Web.formulierToken(String(buffer: pagina.body ?? ByteBuffer())) ?? ""
        }
        return r.status
    }

    func get(_ pad: String) async throws -> TestClient.Response {
        try await client.execute(.init(pad, method: .get, headers: [.cookie: cookie]))
    }
}
