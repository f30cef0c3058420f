import Foundation
import Testing
import RegioCore
@testable import RegioImport
import RegioStore

/// The CSV kind `verevening` (issue 23, point 3) through the import and the store on both backends, and into the
/// equalization's own cost A.
@Suite struct VereveningsregelsOpslagTests {
    static let kop = "jaar,perceel,productcode,aandeel\n"

    @Test(arguments: Backend.alle)
    func importOpslagEnEigenKosten(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        // lot codes are matched without regard to case, as everywhere; an empty productcode is the whole lot
        let v = try r.laad("verevening.csv", Self.kop + "2019,VBJ,43A01,50\n2019,AMB,,100%\n2020,vbj,,0\n")
        #expect(v.telling.toegevoegd == 3)
        let g = try r.store.gegevens()
        let verwacht = [Vereveningsdeel(jaar: 2019, perceel: "AMB", aandeel: 10_000),
                        Vereveningsdeel(jaar: 2019, perceel: "VBJ", productcode: "43A01", aandeel: 5000),
                        Vereveningsdeel(jaar: 2020, perceel: "VBJ", aandeel: 0)]
        #expect(g.vereveningsdelen.sorted { ($0.jaar, $0.perceel) < ($1.jaar, $1.perceel) } == verwacht)
        // the same file again: nothing changes; a new share for one rule changes that rule only
        #expect(try r.laad("verevening.csv", Self.kop + "2019,VBJ,43A01,50\n2019,AMB,,100%\n2020,vbj,,0\n").telling.ongewijzigd == 3)
        let w = try r.laad("verevening-2.csv", Self.kop + "2019,VBJ,43A01,33.33\n")
        #expect(w.telling.gewijzigd == 1)
        #expect(try r.store.gegevens().vereveningsdelen.first { $0.productcode == "43A01" }?.aandeel == 3333)
        try r.laad("verevening-3.csv", Self.kop + "2019,VBJ,43A01,50\n")

        // 2019, municipality 0307: C1 43A01 (VBJ) 1.000,01 at 50% = 500,005 -> 500,01; C2 45A04 (AMB, pooled whole
        // this year by its rule although verevend = nee) 500,00. A = 1.000,01. 2020: VBJ pooled for 0%, AMB not: 0.
        try r.laad("toewijzingen.csv", toewijzingKop + """

            T1,C1,0307,75000001,43,43A01,2019-01-01,2020-12-31,1,14,1,2018-12-20
            T2,C2,0307,75000001,45,45A04,2019-01-01,2019-12-31,3,04,2,2018-12-20

            """)
        try r.laad("declaraties.csv", declaratieKop + """

            D1,R1,T1,C1,0307,75000001,43,43A01,2019-03-01,2019-03-31,1000.01,2019-04-10
            D2,R1,T2,C2,0307,75000001,45,45A04,2019-03-01,2019-03-31,500,2019-04-10
            D3,R1,T1,C1,0307,75000001,43,43A01,2020-03-01,2020-03-31,800,2020-04-10

            """)
        let k = VerevendeKosten(try r.store.gegevens(), jaren: 2019...2020)
        #expect(k.eigenKosten(jaar: 2019)["0307"] == Euro(centen: 100_001))
        #expect(k.clientkosten(jaar: 2019, gemeente: "0307").map(\.kosten).som() == Euro(centen: 100_001))
        #expect(k.eigenKosten(jaar: 2020)["0307"] == .nul)
        #expect(k.percelen == ["AMB", "VBJ"])
    }

    @Test(arguments: Backend.alle)
    func fouteRegelsMetBestandEnRegel(_ backend: Backend) throws {
        let r = try Proefregio(backend)
        let v = r.verslag("pool.csv", Self.kop + "2019,VBJ,,50\n2019,XYZ,,50\n2019,VBJ,99Z99,50\n2019,VBJ,,150\n2019,AMB,,-1\n")
        let tekst = v.fouten.map(\.description)
        #expect(tekst.count == 4, "\(tekst)")
        #expect(tekst.contains { $0.contains("pool.csv:3") && $0.contains("onbekend perceel 'XYZ'") })
        #expect(tekst.contains { $0.contains("pool.csv:4") && $0.contains("onbekend product '99Z99'") })
        #expect(tekst.contains { $0.contains("pool.csv:5") && $0.contains("'150'") && $0.contains("0 tot en met 100") })
        #expect(tekst.contains { $0.contains("pool.csv:6") && $0.contains("'-1'") })
        // all or nothing: the good first line is not stored either
        #expect(try r.store.gegevens().vereveningsdelen.isEmpty)
        // the same key twice in one file is refused
        let dubbel = r.verslag("dubbel.csv", Self.kop + "2019,VBJ,,50\n2019,vbj,,40\n")
        #expect(!dubbel.fouten.isEmpty, "\(dubbel.fouten)")
        #expect(try r.store.gegevens().vereveningsdelen.isEmpty)
    }
}
