import Testing
@testable import RegioCore

/// The least-squares fit against published figures and answers worked out by hand (issue 23, point 4).
struct KostenverklaringTests {
    func dichtbij(_ a: Double, _ b: Double, _ marge: Double) -> Bool { abs(a - b) <= marge }

    /// Anscombe's quartet, set I (Anscombe 1973, "Graphs in statistical analysis"): the published fit is
    /// y = 3.0001 + 0.5001 x, standard errors 1.1247 and 0.1179, R² 0.6665, residual standard error 1.237 on 9
    /// degrees of freedom (the figures every statistics package prints for this set, e.g. R's `lm(y1 ~ x1, anscombe)`).
    @Test func anscombeEenAlsGepubliceerd() throws {
        let x: [Double] = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
        let y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]
        let fit = try Kleinstekwadraten(criteria: ["x"], x: x.map { [$0] }, y: y, perCriterium: 1)
        #expect(dichtbij(fit.coefficienten[0], 3.0001, 0.00005))
        #expect(dichtbij(fit.coefficienten[1], 0.5001, 0.00005))
        #expect(dichtbij(fit.standaardfouten[0], 1.1247, 0.00005))
        #expect(dichtbij(fit.standaardfouten[1], 0.1179, 0.00005))
        #expect(dichtbij(fit.rKwadraat, 0.6665, 0.00005))
        #expect(dichtbij(fit.residuStandaardfout, 1.237, 0.0005))
        #expect(fit.vrijheidsgraden == 9)
    }

    /// Five municipalities of 100 young people, criterion c = 0...4, cost per young person 100, 110, 120, 130, 150.
    /// By hand: mean c 2, mean y 122, Sxy = 44 + 12 + 0 + 8 + 56 = 120, Sxx = 10, so slope 12 and intercept
    /// 122 - 24 = 98; fitted 98, 110, 122, 134, 146; residuals 2, 0, -2, -4, 4; SSE 40 on 3 degrees of freedom,
    /// s = sqrt(40/3) = 3.65148; SE slope s/sqrt(10) = 1.15470; SE intercept s*sqrt(1/5 + 4/10) = 2.82843;
    /// SST = 484 + 144 + 4 + 64 + 784 = 1480, R² = 1 - 40/1480 = 0.972973.
    /// Leverages 1/5 + (c - 2)²/10 = 0.6, 0.3, 0.2, 0.3, 0.6; leave-one-out errors e/(1 - h) = 5, 0, -2.5, -5.714286,
    /// 10; their root mean square sqrt((25 + 0 + 6.25 + 32.653061 + 100)/5) = 5.725436.
    /// The region's average is 61,000 / 500 = 122 per young person: E (150) has 146 - 122 = 24 explained and
    /// 150 - 146 = 4 unexplained; A (100) has -24 explained and 2 unexplained.
    @Test func verklaardEnOnverklaardMetDeHand() throws {
        let kosten: [Int64] = [10_000, 11_000, 12_000, 13_000, 15_000]
        let waarnemingen = ["A", "B", "C", "D", "E"].enumerated().map { i, g in
            Kostenverklaring.Waarneming(gemeentecode: g, jaar: 2019, jeugdigen: 100, kosten: Euro(centen: kosten[i] * 100),
                                        criteria: [Double(i)])
        }
        let v = try Kostenverklaring(criteria: ["c"], waarnemingen: waarnemingen)
        let m = v.model
        #expect(dichtbij(m.coefficienten[0], 98, 1e-9) && dichtbij(m.coefficienten[1], 12, 1e-9))
        #expect(dichtbij(m.residuStandaardfout, 3.651484, 1e-6))
        #expect(dichtbij(m.standaardfouten[1], 1.154701, 1e-6))
        #expect(dichtbij(m.standaardfouten[0], 2.828427, 1e-6))
        #expect(dichtbij(m.rKwadraat, 0.972973, 1e-6))
        #expect(dichtbij(m.leaveOneOutFout, 5.725436, 1e-6))
        let e = try #require(v.regels.first { $0.gemeentecode == "E" })
        #expect(dichtbij(e.regiogemiddelde, 122, 1e-9) && dichtbij(e.werkelijk, 150, 1e-9))
        #expect(dichtbij(e.verwacht, 146, 1e-9) && dichtbij(e.verklaard, 24, 1e-9) && dichtbij(e.onverklaard, 4, 1e-9))
        let a = try #require(v.regels.first { $0.gemeentecode == "A" })
        #expect(dichtbij(a.verklaard, -24, 1e-9) && dichtbij(a.onverklaard, 2, 1e-9))
        // every municipality: explained + unexplained is its difference from the region's average
        for r in v.regels { #expect(dichtbij(r.verklaard + r.onverklaard, r.werkelijk - r.regiogemiddelde, 1e-9)) }
    }

    /// The leave-one-out prediction from the leverage equals fitting again without the observation, done here the
    /// long way for a fit on two criteria.
    @Test func leaveOneOutGelijkAanOpnieuwFitten() throws {
        let x: [[Double]] = [[1, 3], [2, 1], [3, 4], [4, 1], [5, 5], [6, 2], [7, 6], [8, 2], [9, 7], [10, 3], [11, 8]]
        let y = [5.1, 4.2, 9.3, 6.0, 12.8, 8.1, 15.9, 9.7, 18.2, 11.9, 21.5]
        let fit = try Kleinstekwadraten(criteria: ["a", "b"], x: x, y: y, perCriterium: 4)
        for i in x.indices {
            var xz = x, yz = y
            xz.remove(at: i); yz.remove(at: i)
            let zonder = try Kleinstekwadraten(criteria: ["a", "b"], x: xz, y: yz, perCriterium: 3)
            #expect(dichtbij(fit.voorspeldZonder[i], zonder.voorspel(x[i]), 1e-9))
        }
    }

    /// Data on the plane y = 1 + 2a + 3b exactly: the coefficients come back, with no error left.
    @Test func exactVlak() throws {
        let x: [[Double]] = (0..<12).map { (i: Int) -> [Double] in
            let a = Double(i % 4), b = Double(i / 4) + Double(i % 3) / 2
            return [a, b]
        }
        let y: [Double] = x.map { (r: [Double]) -> Double in 1 + 2 * r[0] + 3 * r[1] }
        let fit = try Kleinstekwadraten(criteria: ["a", "b"], x: x, y: y)
        #expect(dichtbij(fit.coefficienten[0], 1, 1e-9) && dichtbij(fit.coefficienten[1], 2, 1e-9)
                && dichtbij(fit.coefficienten[2], 3, 1e-9))
        #expect(fit.leaveOneOutFout < 1e-9 && fit.residuStandaardfout < 1e-9 && dichtbij(fit.rKwadraat, 1, 1e-12))
    }

    @Test func weigertTeWeinigWaarnemingenEnOverbodigeCriteria() throws {
        let x: [[Double]] = (0..<9).map { [Double($0), Double($0 * $0 % 5)] }
        let y = x.map { $0[0] + $0[1] + 1 }
        // 2 criteria need 10 observations at 5 per criterion
        #expect(throws: Kleinstekwadraten.Fout.self) { try Kleinstekwadraten(criteria: ["a", "b"], x: x, y: y) }
        #expect(Kleinstekwadraten.minimumWaarnemingen(criteria: 2) == 10)
        #expect(Kleinstekwadraten.minimumWaarnemingen(criteria: 1, perCriterium: 1) == 4)
        // a criterion that is twice another adds nothing: refused, naming it
        let dubbel = x.map { [$0[0], 2 * $0[0]] }
        do {
            _ = try Kleinstekwadraten(criteria: ["a", "tweemaal a"], x: dubbel, y: y, perCriterium: 3)
            Issue.record("a collinear criterion was accepted")
        } catch let f as Kleinstekwadraten.Fout {
            #expect(f.description.contains("'tweemaal a'"))
        }
        // a constant criterion is the intercept again
        #expect(throws: Kleinstekwadraten.Fout.self) {
            try Kleinstekwadraten(criteria: ["vast"], x: x.map { _ in [7] }, y: y, perCriterium: 1)
        }
        // a municipality-year without young people has no cost per young person
        #expect(throws: Kleinstekwadraten.Fout.self) {
            try Kostenverklaring(criteria: ["c"], waarnemingen: (0..<6).map {
                .init(gemeentecode: "G\($0)", jaar: 2019, jeugdigen: $0 == 3 ? 0 : 10, kosten: Euro(centen: 100), criteria: [Double($0)])
            })
        }
    }

    /// The key objectief on costs that follow 500 + 100 x SES + 10 x wijkteam-fte per 1.000 young people exactly
    /// (1.000 young people each, so the FTE is the FTE per 1.000): the fit recovers that plane, and each weight is the
    /// plane's value for the year's own criteria times the young people, in cents. In 2019 E's SES is 5, not 4:
    /// A 500 + 0 + 20 = 520, B 500 + 100 + 50 = 650, C 500 + 200 + 30 = 730, D 500 + 300 + 10 = 810,
    /// E 500 + 500 + 40 = 1.040 euros per young person, times 1.000 young people.
    @Test func sleutelObjectiefOpEenExactVlak() throws {
        let codes = ["A", "B", "C", "D", "E"]
        let fte: [Double] = [2, 5, 3, 1, 4]
        var cijfers: [Gemeentecijfers] = [], kosten: [Int: [String: Euro]] = [:]
        for jaar in 2017...2019 {
            for (i, g) in codes.enumerated() {
                let ses = Double(jaar == 2019 && g == "E" ? 5 : i)
                cijfers.append(Gemeentecijfers(gemeentecode: g, jaar: jaar, inwoners: 5000, jeugdigen: 1000,
                                               macrobudgetJeugd: Euro(euro: 1), ses: ses, wijkteamFte: fte[i]))
                let perJeugdige = 500 + 100 * Int64(ses) + 10 * Int64(fte[i])
                kosten[jaar, default: [:]][g] = Euro(euro: perJeugdige * 1000)
            }
        }
        let w = try VereveningSleutel.objectief.gewichten(jaar: 2019, gemeentecodes: codes, gemeentecijfers: cijfers,
                                                          kostenPerJaar: kosten)
        #expect(w == ["A": 52_000_000, "B": 65_000_000, "C": 73_000_000, "D": 81_000_000, "E": 104_000_000])
        // only 2019 with costs: 5 municipality-years for 2 criteria, refused with the reason
        #expect(throws: VereveningFout.self) {
            try VereveningSleutel.objectief.gewichten(jaar: 2019, gemeentecodes: codes, gemeentecijfers: cijfers,
                                                      kostenPerJaar: [2019: kosten[2019]!])
        }
        // a municipality without its SES score in the year cannot be given a weight
        let zonderSes = cijfers.map { c -> Gemeentecijfers in var c = c; if c.gemeentecode == "C" && c.jaar == 2019 { c.ses = nil }; return c }
        do {
            _ = try VereveningSleutel.objectief.gewichten(jaar: 2019, gemeentecodes: codes, gemeentecijfers: zonderSes,
                                                          kostenPerJaar: kosten)
            Issue.record("a municipality without criteria got a weight")
        } catch {
            #expect("\(error)".contains("gemeente C heeft in 2019 geen jeugdigen, SES-score of wijkteam-fte"))
        }
        #expect(try VereveningSleutel.parse("objectief") == .objectief && VereveningSleutel.objectief.kijktTerug)
    }

    /// What the fit leaves out, summed up per missing figure: A has no SES score in 2016 and 2019, B no figures at all
    /// in 2017, C everything in every year; C's three years and the others' remaining years are observations.
    @Test func watOntbreektSamengevat() {
        var cijfers: [Gemeentecijfers] = []
        for jaar in [2016, 2017, 2019] {
            for g in ["A", "B", "C"] where !(g == "B" && jaar == 2017) {
                cijfers.append(Gemeentecijfers(gemeentecode: g, jaar: jaar, inwoners: 100, jeugdigen: 20, macrobudgetJeugd: .nul,
                                               ses: g == "A" && jaar != 2017 ? nil : 0.5, wijkteamFte: 1))
            }
        }
        var kosten = Dictionary(uniqueKeysWithValues: [2016, 2017, 2019].map { j in
            (j, ["A": Euro(euro: 100), "B": Euro(euro: 200), "C": Euro(euro: 300)])
        })
        // a year after the data: every municipality at zero, left out whole
        kosten[2020] = ["A": .nul, "B": .nul, "C": .nul]
        let (w, zonder) = Kostenverklaring.waarnemingen(kostenPerJaar: kosten, gemeentecijfers: cijfers, criteria: [.ses, .wijkteam])
        #expect(zonder == ["geen kosten in 2020", "geen SES-score: A in 2016, 2019", "geen jeugdigen: B in 2017"])
        #expect(w.map { "\($0.gemeentecode)\($0.jaar)" } == ["B2016", "C2016", "A2017", "C2017", "B2019", "C2019"])
        // 20 young people, 1 FTE: 50 FTE per 1.000 young people; 300 euros over 20 young people is 15 each
        #expect(w.last?.criteria == [0.5, 50] && w.last?.kostenPerJeugdige == 15)
    }
}
