import Foundation
import RegioCore
import RegioImport
import RegioStore

/// A small region for the iJw tests: reference data through the CSV importer, messages through temporary files
/// (removed with the region).
final class IJWTestregio {
    static let sleutel = Pseudonimiseerder(sleutel: Array(repeating: 7, count: 32))
    static let nu = "2026-11-22T12:00:00Z"
    /// The example messages of the iJw package, copied into Tests/Fixtures so a clean clone tests on its own.
    static let ijwMap = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ijw").path

    let opslag: Proefopslag
    let store: any Opslag
    let map: String

    static let referentie: [(String, String)] = [
        ("gemeenten.csv", "gemeentecode,naam\n0307,Amersfoort\n0327,Leusden\n0384,Diemen\n0363,Amsterdam\n"),
        ("aanbieders.csv", "agb,naam\n12345678,Jeugdzorg Eem\n87654321,Kind en Gezin\n42420001,Zorg Noord\n65656055,Zorg Zuid\n"),
        ("percelen.csv", "perceel,naam,segment,verevend\nP1,Ambulant,Specialistisch,ja\nP2,Landelijk,LTA,nee\n"),
        ("producten.csv", """
            productcode,productcategorie,perceel,eenheid,tarief
            45A03,45,P1,04,62.50
            45A04,45,P1,04,15.00
            55A11,55,P2,04,100.00
            55A12,55,P2,16,200.00

            """),
    ]

    init(_ backend: Backend = .sqlite, referentie: Bool = true) throws {
        opslag = try backend.maak()
        let s = opslag.store
        store = s
        map = NSTemporaryDirectory() + "ijw-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        if referentie { try csv(IJWTestregio.referentie) }
    }

    deinit { try? FileManager.default.removeItem(atPath: map) }

    /// Imports CSV files; every file must be accepted.
    func csv(_ bestanden: [(String, String)]) throws {
        let verslagen = Importeur(store: store, pseudonimiseerder: IJWTestregio.sleutel)
            .importeer(paden: try bestanden.map { try schrijf($0.0, $0.1) }, nu: IJWTestregio.nu)
        for v in verslagen where !v.fouten.isEmpty { throw ImportFout.algemeen(v.fouten.map(\.description).joined(separator: "\n")) }
    }

    func schrijf(_ naam: String, _ inhoud: String) throws -> String {
        let pad = map + "/" + naam
        try inhoud.write(toFile: pad, atomically: true, encoding: .utf8)
        return pad
    }

    /// Imports messages given as (file name, XML) in one import.
    @discardableResult
    func importeer(_ berichten: [(String, String)], controleer: Bool = false) throws -> [IJWBerichtverslag] {
        let paden = try berichten.map { try schrijf($0.0, $0.1) }
        return try importeer(paden: paden, controleer: controleer)
    }

    func importeer(paden: [String], controleer: Bool = false) throws -> [IJWBerichtverslag] {
        try IJWImporteur(store: store, pseudonimiseerder: IJWTestregio.sleutel, controleer: controleer)
            .importeer(paden: paden, nu: IJWTestregio.nu)
    }

    /// Imports one message and returns its report.
    func een(_ naam: String, _ xml: String) throws -> IJWBerichtverslag {
        try importeer([(naam, xml)])[0]
    }
}

extension IJWBerichtverslag {
    var codes: Set<String> { Set(fouten.map(\.code)) }
    var tekst: String { fouten.map(\.description).joined(separator: "\n") }
}
