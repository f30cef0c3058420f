import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore
import RegioOpdrachten

/// A small region through the CSV importer: two municipalities, pooled lots VBJ and OOV, lot AMB not pooled.
///
/// Own cost A in 2019, by hand:
/// - 0307: C1 VBJ 120.000 − credit 10.000 = 110.000; C2 OOV 30.000 (status ingediend counts); C3 AMB 5.000 is not
///   pooled. A = 140.000; clients C1 110.000, C2 30.000.
/// - 0308: C4 VBJ 20.000; the rejected 7.777 does not count; a line of 6.200 over December 2019 and January 2020
///   (31 + 31 days) counts 3.100 in 2019. A = 23.100.
/// T = 163.100; key macrobudget 6 and 4 mln: s = 0,6 / 0,4.
private func vereveningsregio(bestand: Bool = false) throws -> Proefregio {
    let r = try Proefregio(bestand: bestand)
    try r.laad("percelen.csv", "perceel,naam,segment,verevend\nOOV,Opvoed- en opgroeihulp verblijf,Verblijf,ja\n")
    try r.laad("producten.csv", "productcode,productcategorie,perceel,tarief\n43A03,43,OOV,62\n")
    try r.laad("gemeentecijfers.csv", """
        gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd
        0307,2019,150000,30000,6000000
        0308,2019,25000,5000,4000000
        0307,2020,150000,30000,6000000
        0308,2020,25000,5000,4000000

        """)
    try r.laad("toewijzingen.csv", toewijzingKop + """

        T1,C1,0307,75000001,43,43A01,2019-01-01,2019-12-31,1,14,1,2018-12-20
        T2,C2,0307,75000002,43,43A03,2019-06-01,2019-06-30,1,14,1,2019-05-20
        T3,C3,0307,75000001,45,45A04,2019-01-01,2019-01-31,3,04,2,2018-12-20
        T4,C4,0308,75000002,43,43A01,2019-01-01,2020-01-31,1,14,1,2018-12-20

        """)
    try r.laad("declaraties.csv", declaratieKop + ",debet_credit,status" + """

        D1,R1,T1,C1,0307,75000001,43,43A01,2019-01-01,2019-03-31,120000.00,2019-04-10,D,toegekend
        D1,R2,T1,C1,0307,75000001,43,43A01,2019-02-01,2019-02-28,10000.00,2019-05-10,C,toegekend
        D2,R1,T2,C2,0307,75000002,43,43A03,2019-06-01,2019-06-30,30000,2019-07-10,D,ingediend
        D3,R1,T3,C3,0307,75000001,45,45A04,2019-01-01,2019-01-31,5000,2019-02-10,D,toegekend
        D4,R1,T4,C4,0308,75000002,43,43A01,2019-01-01,2019-01-31,20000,2019-02-10,D,toegekend
        D4,R2,T4,C4,0308,75000002,43,43A01,2019-02-01,2019-02-28,7777,2019-03-10,D,afgewezen
        D4,R3,T4,C4,0308,75000002,43,43A01,2019-12-01,2020-01-31,6200,2020-02-10,D,toegekend

        """)
    return r
}

private func e(_ euro: Int64) -> Euro { Euro(euro: euro) }

@Suite("Verevening op een geïmporteerde regio")
struct VereveningStoreTests {
    @Test("eigen kosten A per gemeente uit de database")
    func eigenKosten() throws {
        let g = try vereveningsregio().store.gegevens()
        let k = VerevendeKosten(g, jaren: 2019...2020)
        #expect(k.eigenKosten(jaar: 2019) == ["0307": e(140_000), "0308": e(23_100)])
        #expect(k.eigenKosten(jaar: 2019, perceel: "VBJ") == ["0307": e(110_000), "0308": e(23_100)])
        #expect(k.clientkosten(jaar: 2019, gemeente: "0307").map(\.kosten) == [e(110_000), e(30_000)])
        #expect(k.eigenKosten(jaar: 2020) == ["0307": .nul, "0308": e(3_100)])
    }

    /// solidariteit: K = 0,6 / 0,4 x 163.100 = 97.860 / 65.240, saldo +42.140 / −42.140.
    /// eigen-risico:0.25: G = 10.535 / −10.535, P = 108.395 / 54.705, saldo +31.605 / −31.605.
    /// drempel:100000: C1 is 10.000 above; pot 10.000 = 6.000 / 4.000; P = 136.000 / 27.100, saldo +4.000 / −4.000.
    @Test("elk scenario verdeelt precies het totaal", arguments: [
        ("solidariteit", [97_860, 65_240] as [Int64]), ("eigen-risico:0.25", [108_395, 54_705]), ("drempel:100000", [136_000, 27_100]),
        ("profijt", [140_000, 23_100]),
    ])
    func scenarios(_ tekst: String, _ verwacht: [Int64]) throws {
        let g = try vereveningsregio().store.gegevens()
        let s = try VereveningScenario.parse(tekst)
        let r = try VereveningRapport(g, jaren: 2019...2019, scenarios: [s], sleutel: .macrobudget)
        let u = try #require(r.uitkomst(jaar: 2019, perceel: nil, scenario: s))
        #expect(u.regels.map(\.bijdrage) == verwacht.map(e))
        #expect(u.regels.map(\.bijdrage).som() == e(163_100))
        #expect(u.regels.map(\.saldo).som() == .nul)
    }

    @Test("csv-kolommen en regels")
    func csv() throws {
        let g = try vereveningsregio().store.gegevens()
        let r = try VereveningRapport(g, jaren: 2019...2019, scenarios: [.solidariteit, try VereveningScenario.parse("drempel:100000")],
                                      sleutel: .macrobudget, perPerceel: true)
        let regels = try r.machineTabel().csv().split(separator: "\n").map(String.init)
        #expect(regels[0] == "jaar,gemeentecode,perceel,sleutel_aandeel,eigen_kosten,te_betalen,saldo,scenario,aandeel_voor,aandeel_na")
        // per lot: OOV T = 30.000 -> K = 18.000 / 12.000; VBJ T = 133.100 -> K = 79.860 / 53.240. Shares before and after:
        // OOV 0307 30.000 / 30.000 = 1 and 18.000 / 30.000 = 0,6; VBJ 0308 23.100 / 133.100 = 0,1735537190 and 0,4
        #expect(regels.contains("2019,0307,OOV,0.6000000000,30000.00,18000.00,12000.00,solidariteit,1.0000000000,0.6000000000"))
        #expect(regels.contains("2019,0308,VBJ,0.4000000000,23100.00,53240.00,-30140.00,solidariteit,0.1735537190,0.4000000000"))
        #expect(regels.count == 1 + 2 * 2 * 2)
    }
}

/// The command line as a user runs it, in this process (`Opdrachtregel.draai`).
private func voerUit(_ argumenten: [String]) async -> (uit: String, fout: String, status: Int32) {
    let r = await Opdrachtregel.draai(argumenten)
    return (r.uit, r.fout, r.code)
}

@Suite("Verevening en bekostiging op de opdrachtregel")
struct VereveningCommandoTests {
    @Test("verevening --format csv met drie scenario's")
    func vereveningCSV() async throws {
        let r = try vereveningsregio(bestand: true)
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: r.pad! + s) } }
        let (uit, fout, status) = await voerUit(["verevening", "--db", r.pad!, "--jaar", "2019", "--scenario", "solidariteit",
                                               "--scenario", "eigen-risico:0.25", "--scenario", "drempel:100000", "--format", "csv"])
        #expect(status == 0, "\(fout)")
        #expect(uit == """
            jaar,gemeentecode,perceel,sleutel_aandeel,eigen_kosten,te_betalen,saldo,scenario,aandeel_voor,aandeel_na
            2019,0307,,0.6000000000,140000.00,97860.00,42140.00,solidariteit,0.8583690987,0.6000000000
            2019,0308,,0.4000000000,23100.00,65240.00,-42140.00,solidariteit,0.1416309013,0.4000000000
            2019,0307,,0.6000000000,140000.00,108395.00,31605.00,eigen-risico:0.25,0.8583690987,0.6645922747
            2019,0308,,0.4000000000,23100.00,54705.00,-31605.00,eigen-risico:0.25,0.1416309013,0.3354077253
            2019,0307,,0.6000000000,140000.00,136000.00,4000.00,drempel:100000,0.8583690987,0.8338442673
            2019,0308,,0.4000000000,23100.00,27100.00,-4000.00,drempel:100000,0.1416309013,0.1661557327

            """)
    }

    /// 2020: only 0308's 3.100 (January); K = 1.860 / 1.240. Cumulative 2019-2020 under solidarity:
    /// 0307 A 140.000, P 97.860 + 1.860 = 99.720, saldo +40.280; 0308 A 26.200, P 66.480, saldo −40.280.
    @Test("verevening --tot: cumulatief, tabel en grafiek")
    func vereveningTot() async throws {
        let r = try vereveningsregio(bestand: true)
        let svg = NSTemporaryDirectory() + "verevening-\(UUID().uuidString).svg"
        defer {
            for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: r.pad! + s) }
            try? FileManager.default.removeItem(atPath: svg)
        }
        let csv = await voerUit(["verevening", "--db", r.pad!, "--jaar", "2019", "--tot", "2020", "--format", "csv"])
        // shares over both years of T = 163.100 + 3.100 = 166.200: 140.000 / 166.200 = 0,8423586041 before, 0,6 after
        #expect(csv.uit.contains("2019-2020,0307,,,140000.00,99720.00,40280.00,solidariteit,0.8423586041,0.6000000000\n"))
        #expect(csv.uit.contains("2019-2020,0308,,,26200.00,66480.00,-40280.00,solidariteit,0.1576413959,0.4000000000\n"))
        let tabel = await voerUit(["verevening", "--db", r.pad!, "--jaar", "2019", "--tot", "2020", "--grafiek", svg])
        #expect(tabel.status == 0, "\(tabel.fout)")
        #expect(tabel.uit.contains("Saldo 2019-2020") && tabel.uit.contains("nadeel"))
        // seed 002's layout: shares before and after per year and over both, 0307 in 2019 140.000 / 163.100 = 85,84%
        #expect(tabel.uit.contains("Aandeel in de kosten vóór en na verevening 2019-2020") && tabel.uit.contains("85,84%")
                && tabel.uit.contains("84,24%"))
        let inhoud = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(inhoud.hasPrefix("<svg") && inhoud.contains("Amersfoort") && inhoud.contains("€ +40.280"))
    }

    @Test("foutmeldingen in het Nederlands")
    func fouten() async throws {
        let r = try vereveningsregio(bestand: true)
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: r.pad! + s) } }
        let a = await voerUit(["verevening", "--db", r.pad!, "--jaar", "2019", "--scenario", "eigen-risico:150%"])
        #expect(a.status != 0 && a.fout.contains("parameter R '150%' is ongeldig"))
        let b = await voerUit(["verevening", "--db", r.pad!, "--jaar", "2018"])
        #expect(b.status != 0 && b.fout.contains("geen gemeentecijfers voor gemeente 0307 in 2018"))
    }

    @Test("bekostiging lumpsum uit de declaraties")
    func lumpsum() async throws {
        let r = try vereveningsregio(bestand: true)
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: r.pad! + s) } }
        // 75000001 in 2019: 120.000 over January-March split 31 : 28 : 31 days = 41.333,33.. / 37.333,33.. / 41.333,33..; the
        // cent left over goes to January (equal remainders: the earliest), so 41.333,34 / 37.333,33 / 41.333,33. Plus AMB
        // 5.000 in January and minus the February credit of 10.000: 46.333,34 / 27.333,33 / 41.333,33; year 115.000.
        let (uit, fout, status) = await voerUit(["bekostiging", "lumpsum", "--db", r.pad!, "--jaar", "2019", "--aanbieder", "75000001",
                                               "--bedrag", "120000", "--format", "csv"])
        #expect(status == 0, "\(fout)")
        let regels = uit.split(separator: "\n").map(String.init)
        // January and February are complete on the last submission (10-02-2020); November and December are not
        #expect(regels[0] == "maand,betaling,cumulatief_betaald,productie,cumulatief_productie,saldo,compleet")
        #expect(regels[1] == "2019-01,10000.00,10000.00,46333.34,46333.34,-36333.34,ja")
        #expect(regels[2] == "2019-02,10000.00,20000.00,27333.33,73666.67,-53666.67,ja")
        #expect(regels.last == "totaal,120000.00,120000.00,115000.00,115000.00,5000.00,")
    }

    @Test("businesscase meldt de afwijking van 2019")
    func businesscase() async throws {
        let pad = NSTemporaryDirectory() + "bsa-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: pad) }
        try """
            jaar,zorglevering_eur,budget_eur,eenmalige_investeringen_eur,extra_financiering_urgente_casuistiek_eur,verschil_subtotaal_eur,verschil_totaal_eur,unieke_clienten,prijs_per_client_eur
            2019,30670000,28426000,0,0,-2244000,-2244000,2221,14313
            2020,31866000,30037000,483000,512000,-1830000,-2825000,2224,14326

            """.write(toFile: pad, atomically: true, encoding: .utf8)
        let (uit, fout, status) = await voerUit(["businesscase", pad])
        #expect(status == 0, "\(fout)")
        #expect(uit.contains("1 afwijking."))
        #expect(uit.contains("AFWIJKING 2019 prijs per cliënt: gedrukt € 14.313,00"))
        #expect(uit.contains("€ 13.809,10"))
        #expect(uit.contains("Cumulatief verschil 2019-2020: € -5.068.000,00 (tekort € 5.068.000,00)."))
    }
}
