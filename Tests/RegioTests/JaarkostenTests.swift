import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore
import RegioOpdrachten

/// Yearly cost totals (issue 23, point 2: the CSV kind `kosten`): through the import on both backends, replacing the
/// lines of their cell, and seed 002's table 1 reproduced from its totals by `regiomonitor verevening`.
@Suite struct JaarkostenTests {
    /// Tests/Fixtures/reference, the seed's figures as CSV.
    static func referentie(_ naam: String) throws -> [[String]] {
        let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tekst = try String(contentsOf: repo.appendingPathComponent("Tests/Fixtures/reference/\(naam)"), encoding: .utf8)
        return tekst.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
    }

    @Test(arguments: Backend.alle)
    func importEnVervanging(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let kop = "jaar,gemeentecode,perceel,bedrag,clienten\n"
        let v = try r.laad("kosten.csv", kop + "2019,0307,VBJ,\"1.234,56\",12\n2019,GM0308,vbj,100,\n")
        #expect(v.telling.toegevoegd == 2)
        let g = try r.store.gegevens()
        #expect(g.jaarkosten.sorted { $0.gemeentecode < $1.gemeentecode } == [
            Jaarkosten(jaar: 2019, gemeentecode: "0307", perceel: "VBJ", bedrag: Euro(centen: 123_456), clienten: 12),
            Jaarkosten(jaar: 2019, gemeentecode: "0308", perceel: "VBJ", bedrag: Euro(centen: 10_000)),
        ])
        #expect(try r.laad("kosten.csv", kop + "2019,0307,VBJ,\"1.234,56\",12\n2019,GM0308,vbj,100,\n").telling.ongewijzigd == 2)
        // errors with file and line; all or nothing
        let fout = r.verslag("kosten-fout.csv", kop + "2020,0307,VBJ,5,\n2020,9999,VBJ,5,\n2020,0307,XYZ,5,\n2020,0308,VBJ,-5,\n2020,0308,AMB,20000000000,\n")
        let tekst = fout.fouten.map(\.description)
        #expect(tekst.count == 4, "\(tekst)")
        #expect(tekst.contains { $0.contains("kosten-fout.csv:3") && $0.contains("onbekende gemeente '9999'") })
        #expect(tekst.contains { $0.contains("kosten-fout.csv:4") && $0.contains("onbekend perceel 'XYZ'") })
        #expect(tekst.contains { $0.contains("kosten-fout.csv:5") && $0.contains("bedrag") })
        #expect(tekst.contains { $0.contains("kosten-fout.csv:6") && $0.contains("bedrag") })
        #expect(try r.store.gegevens().jaarkosten.count == 2)

        // a line of 0307 in VBJ 2019 (500) is replaced by the ledger's total; 0308 has only its total; AMB is not pooled
        try r.laad("toewijzingen.csv", toewijzingKop + "\nT1,C1,0307,75000001,43,43A01,2019-01-01,2019-12-31,1,14,1,2018-12-20\n")
        try r.laad("declaraties.csv", declaratieKop + "\nD1,R1,T1,C1,0307,75000001,43,43A01,2019-03-01,2019-03-31,500,2019-04-10\n")
        let k = VerevendeKosten(try r.store.gegevens(), jaren: 2019...2019)
        #expect(k.eigenKosten(jaar: 2019) == ["0307": Euro(centen: 123_456), "0308": Euro(centen: 10_000)])
        #expect(k.metJaartotalen(jaar: 2019) == ["0307", "0308"])
        #expect(k.clientkosten(jaar: 2019, gemeente: "0307").isEmpty)
        // a scenario per client cannot be computed on totals: refused, naming the municipality
        let invoer = try k.invoer(jaar: 2019, sleutel: .inwoners, gemeentecijfers: [
            Gemeentecijfers(gemeentecode: "0307", jaar: 2019, inwoners: 100, jeugdigen: 10, macrobudgetJeugd: .nul),
            Gemeentecijfers(gemeentecode: "0308", jaar: 2019, inwoners: 100, jeugdigen: 10, macrobudgetJeugd: .nul)])
        #expect(throws: VereveningFout.self) { try Verevening.bereken(invoer, scenario: .drempel(grens: Euro(euro: 100), fractie: VereveningBreuk.een)) }
        #expect(try Verevening.bereken(invoer, scenario: .solidariteit).totaal == Euro(centen: 133_456))
    }

    /// Quick scan zorguitgaven Regio Amersfoort (2019), table 1: each municipality's share of the pooled lots' cost
    /// before and after equalization, 2016-2018, and the pooled total per year. As a ledger would deliver it: one
    /// yearly total per municipality (share before x total), the key the share after (as macro-budget weights). Then
    /// what each municipality pays is share after x total, to the cent, and its balance total x (before − after); the
    /// printed shares come back in the columns aandeel_voor and aandeel_na (2016 and 2018, where they add up to 100).
    @Test func tabel1UitJaartotalen() async throws {
        var totaal: [Int: Int64] = [:], voor: [String: Int64] = [:], na: [String: Int64] = [:]
        for r in try Self.referentie("verevening-totalen.csv") { totaal[Int(r[0])!] = Int64(r[1])! }
        var kosten = "jaar,gemeentecode,perceel,bedrag\n", cijfers = "gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd\n"
        for r in try Self.referentie("verevening-2016-2018.csv") {
            let code = String(r[0].dropFirst(2)), jaar = Int(r[1])!
            voor["\(code)|\(jaar)"] = Int64(r[2])!
            na["\(code)|\(jaar)"] = Int64(r[3])!
            // voor% x total euros = voor x total cents
            kosten += "\(jaar),\(code),VBJ,\(Euro(centen: totaal[jaar]! * Int64(r[2])!).machineTekst)\n"
            cijfers += "\(code),\(jaar),1000,100,\(Int64(r[3])! * 1_000_000)\n"
        }
        let regio = try Proefregio(bestand: true)
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: regio.pad! + s) } }
        let namen = try Self.referentie("gemeenten-regio-amersfoort.csv").map { "\($0[0]),\($0[1])" }.joined(separator: "\n")
        try regio.laad("gemeenten.csv", "gemeentecode,naam\n" + namen + "\n")
        try regio.laad("gemeentecijfers.csv", cijfers)
        try regio.laad("kosten.csv", kosten)

        let r = await Opdrachtregel.draai(["verevening", "--db", regio.pad!, "--jaar", "2016", "--tot", "2018", "--format", "csv"])
        #expect(r.code == 0, "\(r.fout)")
        let regels = r.uit.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let kop = try #require(regels.first)
        func kolom(_ naam: String) throws -> Int { try #require(kop.firstIndex(of: naam), "kolom \(naam)") }
        let (j, g, betalen, saldo, avoor, ana) = (try kolom("jaar"), try kolom("gemeentecode"), try kolom("te_betalen"),
                                                  try kolom("saldo"), try kolom("aandeel_voor"), try kolom("aandeel_na"))
        var gezien = 0
        var cumulatief: [String: Int64] = [:]
        for rij in regels.dropFirst() {
            guard let jaar = Int(rij[j]), let t = totaal[jaar], let v = voor["\(rij[g])|\(jaar)"], let n = na["\(rij[g])|\(jaar)"] else { continue }
            gezien += 1
            #expect(Euro.parse(rij[betalen])?.centen == t * n, "\(rij[g]) \(jaar) te betalen")
            #expect(Euro.parse(rij[saldo])?.centen == t * (v - n), "\(rij[g]) \(jaar) saldo")
            cumulatief[rij[g], default: 0] += t * (v - n)
            if jaar != 2017 {
                #expect(Double(rij[avoor]).map { abs($0 - Double(v) / 100) < 1e-9 } == true, "\(rij[g]) \(jaar) aandeel vóór \(rij[avoor])")
                #expect(Double(rij[ana]).map { abs($0 - Double(n) / 100) < 1e-9 } == true, "\(rij[g]) \(jaar) aandeel na \(rij[ana])")
            }
        }
        #expect(gezien == 21)
        // the cumulative balances of docs/verevening.md: Amersfoort −1.722.720, Leusden +1.672.480
        #expect(cumulatief["0307"] == -172_272_000 && cumulatief["0327"] == 167_248_000)
        // the monitoring figures of 2016 from the totals alone: Amersfoort 63% of 31.428.000 = 19.799.640, clients unknown
        let monitoring = await Opdrachtregel.draai(["cijfers", "--db", regio.pad!, "--jaar", "2016", "--per", "gemeente", "--format", "csv"])
        #expect(monitoring.code == 0, "\(monitoring.fout)")
        let cregels = monitoring.uit.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let ckop = try #require(cregels.first)
        let (cg, cd, cc) = (try #require(ckop.firstIndex(of: "gemeentecode")), try #require(ckop.firstIndex(of: "gedeclareerd")),
                            try #require(ckop.firstIndex(of: "unieke_clienten")))
        let amersfoort = try #require(cregels.first { $0[cg] == "0307" })
        #expect(Euro.parse(amersfoort[cd]) == Euro(euro: 19_799_640) && amersfoort[cc].isEmpty, "\(amersfoort)")
        let tabel = await Opdrachtregel.draai(["cijfers", "--db", regio.pad!, "--jaar", "2016", "--per", "gemeente"])
        #expect(tabel.uit.contains("niet beschikbaar") && tabel.uit.contains("Jaartotalen uit het grootboek"), "\(tabel.uit.prefix(800))")
        // and the drempel scenario says why it cannot run on totals
        let drempel = await Opdrachtregel.draai(["verevening", "--db", regio.pad!, "--jaar", "2016", "--scenario", "drempel:100000"])
        #expect(drempel.code != 0 && drempel.fout.contains("jaartotaal"), "\(drempel.fout)")
    }
}
