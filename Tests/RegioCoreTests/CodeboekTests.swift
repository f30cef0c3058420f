import Foundation
import Testing
@testable import RegioCore

@Suite struct CodeboekTests {
    /// Texts of every length around the 24-byte boundary, codes and pseudonyms: one number per text, whichever way in.
    @Test func eenNummerPerTekstLangsElkeWeg() {
        let c = Codeboek()
        let teksten = ["", "0", "0363", "45A01", "P0dcd0f3c0f1469dd3e01", String(repeating: "x", count: 23),
                       String(repeating: "x", count: 24), String(repeating: "x", count: 25), "zorgaanbieder met een lange naam é",
                       "Pa", "aP"]
        let nummers = teksten.map { c.nummer($0) }
        #expect(Set(nummers).count == teksten.count)
        for (t, n) in zip(teksten, nummers) {
            #expect(c.tekst(n) == t)
            #expect(c.nummer(t) == n)
            var kopie = t
            let uitBytes = kopie.withUTF8 { c.nummer($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            #expect(uitBytes == n, "\(t)")
        }
        #expect(c.nummer(nil as String?) == Codeboek.geen)
        #expect(c.tekst(ofGeen: Codeboek.geen) == nil)
    }

    /// Two threads numbering the same 20,000 texts in opposite orders get the same number for each text.
    @Test func tegelijkDezelfdeNummers() {
        let c = Codeboek()
        let teksten = (0..<20_000).map { String(format: "P%020x", $0 &* 2_654_435_761) }
        let uit = tegelijk(2) { i in (i == 0 ? teksten : teksten.reversed()).map { c.nummer($0) } }
        #expect(uit[0] == Array(uit[1].reversed()))
        #expect(Set(uit[0]).count == teksten.count)
        #expect(teksten.indices.allSatisfy { c.tekst(uit[0][$0]) == teksten[$0] })
    }

    /// A repeated cell is taken from the row above only when its bytes are equal (a column of its own per index).
    @Test func tekstcodesHerhalenAlleenGelijkeCellen() {
        var codes = Tekstcodes()
        func code(_ t: String, _ kolom: Int) -> Tekstcode {
            var k = t
            return k.withUTF8 { codes.code($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count, kolom: kolom) }
        }
        let rijen = [["0363", "45", "P1"], ["0363", "45", "P2"], ["0363", "46", "P2"], ["0014", "45", "P1"], ["0363", "45", "P1"]]
        for rij in rijen {
            for (i, t) in rij.enumerated() {
                #expect(Codeboek.gedeeld.tekst(code(t, i).nummer) == t)
            }
        }
        // the same bytes in another column: the same number
        #expect(code("0363", 5) == code("0363", 0))
    }
}

@Suite struct TegelijkTests {
    @Test func uitkomstenInVolgorde() {
        let uit = tegelijk(7) { i in (0..<10_000).reduce(i) { $0 &+ $1 % (i + 1) } }
        #expect(uit == (0..<7).map { i in (0..<10_000).reduce(i) { $0 &+ $1 % (i + 1) } })
        let (a, b) = tweeTegelijk({ "een" }, { 2 })
        #expect(a == "een" && b == 2)
    }

    @Test func toekomstWachtOpHaarWaarde() {
        let klaar = DispatchSemaphore(value: 0)
        let t = Toekomst { () -> Int in klaar.wait(); return 42 }
        klaar.signal()
        #expect(t.waarde == 42)
        #expect(t.waarde == 42)   // again: the value stays
    }
}
