import Foundation
import Testing
import RegioCore
import RegioOpdrachten

/// `regiomonitor verklaring` as a user runs it, on five municipalities imported from CSV.
///
/// By hand (the same case as `KostenverklaringTests.verklaardEnOnverklaardMetDeHand`): 100 young people each, SES score
/// 0, 1, 2, 3, 4, costs in 2019 of 10.000, 11.000, 12.000, 13.000 and 15.000 euros, so 100, 110, 120, 130, 150 per young
/// person. The fit is 98 + 12 x SES (standard errors 2,83 and 1,15), fitted 98, 110, 122, 134, 146; the region's
/// average is 61.000 / 500 = 122. Leusden (SES 4): 24 explained, 4 unexplained; Amersfoort (SES 0): -24 and 2.
/// Leave-one-out error 5,73 per young person (whole euros: 6).
struct VerklaringCLITests {
    @Test func verklaringOpVijfGemeenten() async throws {
        let r = try Proefregio(bestand: true)
        defer { try? FileManager.default.removeItem(atPath: r.pad!) }
        let codes = ["0307", "0308", "0313", "0317", "0327"]
        try r.laad("gemeenten2.csv", "gemeentecode,naam\n0313,Bunschoten\n0317,Eemnes\n0327,Leusden\n")
        try r.laad("gemeentecijfers.csv", "gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd,ses,eenoudergezinnen\n"
            + codes.enumerated().map { "\($1),2019,1000,100,50000,\($0),\($0 * 2 + 10)" }.joined(separator: "\n") + "\n")
        let kosten = [10_000, 11_000, 12_000, 13_000, 15_000]
        try r.laad("toewijzingen.csv", toewijzingKop + "\n"
            + codes.enumerated().map { "T\($0),C\($0),\($1),75000001,45,45A04,2019-01-01,2019-12-31,3,04,2,2018-12-20" }
                .joined(separator: "\n") + "\n")
        try r.laad("declaraties.csv", declaratieKop + "\n"
            + codes.enumerated().map { "D\($0),R1,T\($0),C\($0),\($1),75000001,45,45A04,2019-01-01,2019-01-31,\(kosten[$0]),2019-02-10" }
                .joined(separator: "\n") + "\n")
        let db = ["--db", r.pad!]

        let (code, csv, fout) = await SignalenCLITests.draai(["verklaring", "--jaar", "2019", "--criteria", "ses", "--format", "csv"] + db)
        #expect(code == 0, "\(fout)")
        let regels = csv.split(separator: "\n").map(String.init)
        #expect(regels.first == "jaar,gemeentecode,gemeente,jeugdigen,werkelijk_per_jeugdige,verwacht_per_jeugdige,regiogemiddelde,verklaard,onverklaard")
        #expect(regels.contains("2019,0327,Leusden,100,150.00,146.00,122.00,24.00,4.00"))
        #expect(regels.contains("2019,0307,Amersfoort,100,100.00,98.00,122.00,-24.00,2.00"))
        #expect(regels.count == 6)

        // the share of single-parent families is 10 + 2 x SES here: the same fit in other units, so the same split
        let (_, csvEenouder, _) = await SignalenCLITests.draai(["verklaring", "--jaar", "2019", "--criteria", "eenoudergezinnen",
                                                                 "--format", "csv"] + db)
        #expect(csvEenouder == csv)

        let (code2, tekst, _) = await SignalenCLITests.draai(["verklaring", "--jaar", "2019", "--criteria", "ses"] + db)
        #expect(code2 == 0)
        #expect(tekst.contains("98,00") && tekst.contains("12,00") && tekst.contains("2,83") && tekst.contains("1,15"))
        #expect(tekst.contains("leave-one-out-fout € 6 per jeugdige"))

        // two criteria on five municipality-years: too few, refused with the reason
        let (code3, _, fout3) = await SignalenCLITests.draai(["verklaring", "--jaar", "2019", "--criteria", "ses", "--criteria", "jeugdaandeel"] + db)
        #expect(code3 != 0)
        #expect(fout3.contains("te weinig waarnemingen: 5 voor 2 criteria (minimaal 10)"))
        // a criterion the municipalities have no figures for: they are left out, and then too few remain
        let (code4, _, fout4) = await SignalenCLITests.draai(["verklaring", "--jaar", "2019", "--criteria", "wijkteam"] + db)
        #expect(code4 != 0)
        #expect(fout4.contains("niet meegenomen: geen wijkteam-fte per 1.000 jeugdigen: 0307, 0308, 0313, 0317, 0327 in 2019"), "\(fout4)")
    }
}
