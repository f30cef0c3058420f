import Foundation
import Testing
import RegioCore
@testable import RegioDemo
import RegioStore

/// Issue 26: `regiomonitor demo` wrote its CSV files, with synthetic BSNs (which pass the elfproef, so may be someone's),
/// to a temporary folder. What the demo writes to disk now has client numbers; the regional demo imports from memory.
@Suite struct DemoZonderBSNTests {
    /// The client column's values that are BSNs (a `bsn` column's values, or a client number that passes the elfproef).
    static func bsns(_ tekst: String) -> [String] {
        let regels = tekst.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let kop = regels.first, let i = kop.firstIndex(of: "bsn") ?? kop.firstIndex(of: "clientnummer") else { return [] }
        return regels.dropFirst().map { $0[i] }.filter { kop[i] == "bsn" || BSN.isGeldig($0) }
    }

    @Test func regioMetClientnummersIsDezelfdeRegio() {
        let metBSN = Demoregio(seed: 3, jaren: 2020...2020).bestanden()
        let zonder = Demoregio(seed: 3, jaren: 2020...2020, clientnummers: true).bestanden()
        #expect(zonder.map(\.naam) == metBSN.map(\.naam))
        for (a, b) in zip(metBSN, zonder) {
            #expect(Self.bsns(b.inhoud).isEmpty, "\(b.naam)")
            let regelsA = a.inhoud.split(separator: "\n"), regelsB = b.inhoud.split(separator: "\n")
            #expect(regelsA.count == regelsB.count, "\(b.naam)")
            // the same rows, but for the client column
            if let kolom = regelsA.first?.split(separator: ",").firstIndex(of: "bsn") {
                #expect(regelsB.first?.split(separator: ",")[kolom] == "clientnummer")
                let zonderClient = { (r: Substring) in r.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != kolom }.map(\.element) }
                #expect(regelsA.dropFirst().map(zonderClient) == regelsB.dropFirst().map(zonderClient), "\(b.naam)")
            } else {
                #expect(a.inhoud == b.inhoud, "\(b.naam)")
            }
        }
        #expect(!Self.bsns(metBSN.first { $0.naam == "toewijzingen.csv" }!.inhoud).isEmpty)   // the check does see BSNs
    }

    @Test func landelijkeBestandenZonderBSN() throws {
        let map = NSTemporaryDirectory() + "landelijk-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: map) }
        _ = try Landelijk(seed: 2, jaar: 2025, fractie: 0.0005).schrijf(naar: map)
        for naam in try FileManager.default.contentsOfDirectory(atPath: map) {
            let tekst = try String(contentsOfFile: map + "/" + naam, encoding: .utf8)
            #expect(Self.bsns(tekst).isEmpty, "\(naam)")
        }
    }

    @Test func demoSchrijftGeenBSN() async throws {
        let map = NSTemporaryDirectory() + "demo-uit-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: map) }
        let (code, _, fout) = await SignalenCLITests.draai(["demo", "--uit", map, "--niet-importeren"])
        #expect(code == 0, "\(fout)")
        let namen = try FileManager.default.contentsOfDirectory(atPath: map)
        #expect(namen.contains("declaraties.csv"))
        for naam in namen {
            #expect(Self.bsns(try String(contentsOfFile: map + "/" + naam, encoding: .utf8)).isEmpty, "\(naam)")
        }
    }
}
