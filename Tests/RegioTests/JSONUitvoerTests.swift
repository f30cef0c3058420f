import Foundation
import RegioCore
import RegioUitvoer
import Testing

/// A table as JSON (`TabelJSON`): exact numbers, null for empty cells, texts escaped by the encoder.
struct JSONUitvoerTests {
    @Test func tabelAlsJSON() throws {
        var t = Tabel(kolommen: [.init("naam", "Naam", .links), .init("bedrag", "Bedrag"), .init("aandeel", "Aandeel"), .init("groei", "Groei")])
        // EUR 123.456.789.012.345,67 is 12345678901234567 cents: beyond 2^53, so a Double would lose the cents
        t.rijen.append([.init("Zorg \"B.V.\"\n\u{1}/x"), .euro(Euro(centen: 12_345_678_901_234_567)), .procent(0.734), .init("∞", getal: true)])
        t.rijen.append([.init("=SOM(A1)"), .euro(Euro(centen: -10)), .procent(nil), .aantal(12)])
        t.voet.append([.init("Totaal"), .euro(Euro(centen: 12_345_678_901_234_557)), .init("", machine: ""), .init("-", getal: true)])
        let tekst = t.json()
        // the exact amounts as numbers, the minus kept, the empty share null
        #expect(tekst.contains("\"bedrag\":123456789012345.67"))
        #expect(tekst.contains("\"bedrag\":-0.1"))
        #expect(tekst.contains("\"bedrag\":123456789012345.57"))
        let rijen = try #require(try JSONSerialization.jsonObject(with: Data(tekst.utf8)) as? [[String: Any]])
        #expect(rijen.count == 3)
        #expect(rijen[0]["naam"] as? String == "Zorg \"B.V.\"\n\u{1}/x")
        #expect((rijen[0]["aandeel"] as? NSNumber)?.doubleValue == 0.734)
        // what is no plain number goes as the text people read
        #expect(rijen[0]["groei"] as? String == "∞")
        #expect(rijen[1]["aandeel"] is NSNull)
        #expect((rijen[1]["groei"] as? NSNumber)?.intValue == 12)
        // a text is not guarded against spreadsheet formulas in JSON (that is CSV's concern)
        #expect(rijen[1]["naam"] as? String == "=SOM(A1)")
        #expect(rijen[2]["aandeel"] is NSNull && rijen[2]["groei"] as? String == "-")
        // the same figures always give the same bytes
        #expect(t.json() == tekst)
    }
}
