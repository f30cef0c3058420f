import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegioCore
import Testing
@testable import RegioWeb

/// The dashboard as a process of its own, as a region runs it (issue 26): killed in the middle of an import from the
/// upload page, and next to a command-line import on the same database.
@Suite(.serialized) struct ProcesTests {
    /// A folder of its own with the region's CSV files (`Webregio`), users and key; SQLite or PostgreSQL.
    struct Omgeving {
        let map: String
        let db: String
        let sleutel: String

        init(db: ((String) -> String)? = nil) throws {
            map = NSTemporaryDirectory() + "regioproces-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: map + "/regio", withIntermediateDirectories: true)
            self.db = db?(map) ?? map + "/regio.sqlite"
            sleutel = map + "/pseudoniemsleutel"
            for (naam, tekst) in Webregio.bestanden { try tekst.write(toFile: map + "/regio/" + naam, atomically: true, encoding: .utf8) }
            let (code, uit) = try Programma.draai(["import", "--db", self.db, "--sleutel", sleutel, map + "/regio"], in: map)
            guard code == 0 else { throw Serverproces.Serverfout(uitvoer: uit) }
            for (naam, rol) in [("regio", "regio"), ("amersfoort", "gemeente:0307")] {
                let (code, uit) = try Programma.draai(["gebruiker", "toevoegen", naam, "--rol", rol, "--wachtwoord", Webregio.wachtwoord,
                                                       "--db", self.db], in: map)
                guard code == 0 else { throw Serverproces.Serverfout(uitvoer: uit) }
            }
        }

        func ruimOp() { try? FileManager.default.removeItem(atPath: map) }
    }

    static let postgres = ProcessInfo.processInfo.environment["REGIOMONITOR_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let backends = postgres != nil || inCI ? ["sqlite", "postgres"] : ["sqlite"]

    /// kill -9 while an uploaded file of 170,000 allocations with BSNs (14 MB, as in the probe) is being imported; then
    /// no BSN of it is anywhere on disk: not in the temporary folders, next to the database, in the database, its
    /// journal or the server's log.
    @Test(.enabled(if: Programma.pad != nil, "regiomonitor is niet gebouwd"))
    func killTijdensUploadLaatGeenBSNAchter() async throws {
        let start = Date().addingTimeInterval(-2)
        let o = try Omgeving()
        defer { o.ruimOp() }
        let bsns = Bsnset.maak(2000)
        // what an older version left after such a crash goes when the server starts (untouched for over an hour)
        let oud = NSTemporaryDirectory() + Uploadopruiming.voorvoegsel + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: oud, withIntermediateDirectories: true)
        try "bsn\n\(bsns.lijst[0])\n".write(toFile: oud + "/verzoeken.csv", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: oud)
        defer { try? FileManager.default.removeItem(atPath: oud) }
        let server = try Serverproces(db: o.db, sleutel: o.sleutel, log: o.map + "/server.log")
        defer { server.stop() }
        #expect(!FileManager.default.fileExists(atPath: oud))
        var csv = "toewijzingnummer,bsn,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,toewijzingsdatum\n"
        for i in 0..<170_000 {
            csv += "K\(i),\(bsns.lijst[i % bsns.lijst.count]),0307,75000001,45,45A04,2019-01-01,2019-12-31,10,04,2,2019-02-20\n"
        }
        #expect(csv.utf8.count > 13_000_000)
        let client = server.client()
        var regio = Procesgebruiker(client)
        #expect(try await regio.inloggen("regio", Webregio.wachtwoord) == .seeOther)
        let (type, body) = ImportpaginaTests.multipart("toewijzingen.csv", csv, csrf: regio.csrf)
        try await client.executeAndDontWaitForResponse(.init("/import", method: .post, headers: [.cookie: regio.cookie, .contentType: type],
                                                             body: body))
        // the import is under way once its transaction holds SQLite's write lock: then the process is killed
        var betrapt = false
        for _ in 0..<30_000 where server.proces.isRunning {
            if Schrijfslot.bezet(o.db) { betrapt = true; break }
            usleep(10_000)
        }
        server.stop()
        #expect(betrapt, "de import is niet tijdens het schrijven betrapt")
        var gevonden: [String] = []
        for pad in Bsnset.bestanden(onder: NSTemporaryDirectory(), sinds: start) + Bsnset.bestanden(onder: o.map, sinds: .distantPast) {
            if let bsn = bsns.eerste(in: pad) { gevonden.append("\(pad): \(bsn)") }
        }
        #expect(gevonden.isEmpty, "BSN's op schijf: \(gevonden.prefix(5))")
        #expect(FileManager.default.fileExists(atPath: o.db))
        try? await client.shutdown()
    }

    /// `regiomonitor import` of a new year on the database the dashboard runs on, while users log in and look at client
    /// pages (sessions and audit lines are writes): no request fails, and afterwards the dashboard shows the new year
    /// without a restart. 2020: 40,000 lines of EUR 12,34 for one allocation = EUR 493.600 (40,000 x 12,34).
    @Test(.enabled(if: Programma.pad != nil, "regiomonitor is niet gebouwd"), arguments: backends)
    func importNaastHetDashboard(_ backend: String) async throws {
        let o = try Omgeving(db: backend == "sqlite" ? nil : { _ in
            ProcesTests.postgres! + (ProcesTests.postgres!.contains("?") ? "&" : "?") + "schema=t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        })
        defer { o.ruimOp() }
        let jaar = o.map + "/2020"
        try FileManager.default.createDirectory(atPath: jaar, withIntermediateDirectories: true)
        try "jaar,gemeentecode,perceel,budget\n2020,0307,AMB,10000\n".write(toFile: jaar + "/budgetten.csv", atomically: true, encoding: .utf8)
        try ("toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,ingangsdatum,einddatum,volume,eenheid,frequentie,toewijzingsdatum\n"
             + "T2020,C4,0307,75000001,45,45A04,2020-01-01,2020-12-31,10,04,2,2020-01-02\n")
            .write(toFile: jaar + "/toewijzingen.csv", atomically: true, encoding: .utf8)
        var csv = "declaratienummer,referentienummer,toewijzingnummer,clientnummer,gemeentecode,agb,productcategorie,productcode,begindatum,einddatum,bedrag,ingediend_op\n"
        for i in 0..<40_000 { csv += "E\(i),R\(i),T2020,C4,0307,75000001,45,45A04,2020-01-01,2020-01-31,12.34,2020-02-15\n" }
        try csv.write(toFile: jaar + "/declaraties.csv", atomically: true, encoding: .utf8)

        let server = try Serverproces(db: o.db, sleutel: o.sleutel, log: o.map + "/server.log")
        defer { server.stop() }
        let cli = try Programma.start(["import", "--db", o.db, "--sleutel", o.sleutel, jaar], log: o.map + "/import.log")
        let statussen = try await withThrowingTaskGroup(of: [(String, Int)].self) { groep in
            for (naam, clientpagina) in [("regio", "/client/C1"), ("amersfoort", "/client/C3")] {
                groep.addTask {
                    let client = server.client()
                    var uit: [(String, Int)] = []
                    // until the import has ended, and one round after; bounded
                    var ronde = 0
                    while ronde < 500 {
                        let bezig = cli.isRunning
                        var g = Procesgebruiker(client)
                        uit.append(("inloggen \(naam)", Int(try await g.inloggen(naam, Webregio.wachtwoord).code)))
                        for pad in [clientpagina, "/?jaar=2019", "/api/v1/overzicht?jaar=2019"] {
                            uit.append((pad, Int(try await g.get(pad).status.code)))
                        }
                        ronde += 1
                        if !bezig { break }
                    }
                    try? await client.shutdown()
                    return uit
                }
            }
            var alle: [(String, Int)] = []
            for try await deel in groep { alle += deel }
            return alle
        }
        cli.waitUntilExit()
        let importlog = (try? String(contentsOfFile: o.map + "/import.log", encoding: .utf8)) ?? ""
        #expect(cli.terminationStatus == 0, "\(importlog)")
        let fout = statussen.filter { $0.1 >= 500 }
        #expect(fout.isEmpty, "\(fout.count) van \(statussen.count) verzoeken faalden: \(fout.prefix(5))")
        #expect(statussen.filter { $0.1 == 303 || $0.1 == 200 }.count == statussen.count)

        // the new year, without a restart
        let client = server.client()
        var regio = Procesgebruiker(client)
        #expect(try await regio.inloggen("regio", Webregio.wachtwoord) == .seeOther)
        let pagina = String(buffer: try await regio.get("/?jaar=2020").body ?? ByteBuffer())
        #expect(pagina.contains("Regio-overzicht 2020") && pagina.contains("€ 493.600"), "\(pagina.prefix(3000))")
        try? await client.shutdown()
    }
}

/// Distinct valid BSNs from a block no generator of this project uses (987,6xx,xxx), and a scan of files for them.
struct Bsnset {
    let lijst: [String]
    let set: Set<Int>

    static func maak(_ n: Int) -> Bsnset {
        var lijst: [String] = []
        var k = 987_600_000
        while lijst.count < n {
            if BSN.isGeldig(String(k)) { lijst.append(String(k)) }
            k += 1
        }
        return Bsnset(lijst: lijst, set: Set(lijst.compactMap { Int($0) }))
    }

    /// The first BSN of the set in the file, as a run of exactly nine digits; nil when there is none.
    func eerste(in pad: String) -> String? {
        guard let h = FileHandle(forReadingAtPath: pad) else { return nil }
        defer { try? h.close() }
        var run = 0, lengte = 0
        var gevonden: Int?
        // through the raw bytes: a debug build walks a Data byte by byte slowly, and /tmp holds other programs' files
        while gevonden == nil, let blok = try? h.read(upToCount: 1 << 22), !blok.isEmpty {
            blok.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                for b in bytes {
                    if b >= 48 && b <= 57 {
                        if lengte < 10 { run = run &* 10 &+ Int(b - 48) }
                        lengte += 1
                    } else {
                        if lengte == 9 && set.contains(run) { gevonden = run; return }
                        run = 0; lengte = 0
                    }
                }
            }
        }
        if gevonden == nil && lengte == 9 && set.contains(run) { gevonden = run }
        return gevonden.map(String.init)
    }

    /// Regular files under `map` changed since `sinds`, of at most 512 MB (other programs' files included).
    static func bestanden(onder map: String, sinds: Date) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: map) else { return [] }
        var uit: [String] = []
        while let rel = e.nextObject() as? String {
            let pad = (map as NSString).appendingPathComponent(rel)
            guard let a = try? FileManager.default.attributesOfItem(atPath: pad), a[.type] as? FileAttributeType == .typeRegular,
                  let d = a[.modificationDate] as? Date, d >= sinds, (a[.size] as? Int ?? 0) <= 512 << 20 else { continue }
            uit.append(pad)
        }
        return uit
    }
}

/// Whether some process holds SQLite's WAL write lock on the database: a POSIX lock on byte 120 of its -shm file
/// (`WAL_WRITE_LOCK` at `UNIX_SHM_BASE` in SQLite's unix VFS), which a write transaction holds from its start to its end.
enum Schrijfslot {
    static func bezet(_ db: String) -> Bool {
        let fd = open(db + "-shm", O_RDWR)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var slot = flock()
        slot.l_type = Int16(F_WRLCK)
        slot.l_whence = Int16(SEEK_SET)
        slot.l_start = 120
        slot.l_len = 1
        guard fcntl(fd, F_GETLK, &slot) == 0 else { return false }
        return slot.l_type != Int16(F_UNLCK)
    }
}
