import Testing
@testable import RegioCore

/// The lot of a product outside the years of the product list: the same answer every time, and the code's own lot.
@Suite struct ReferentiekaartTests {
    /// Two residential products listed from 2025 only, in two lots (43A01 in VBJ, 43A02 in OOV), and a product of
    /// another category. An allocation of 2020 for 43A02 is in OOV (its own lot, from the nearest year it is listed);
    /// a code the list does not know falls to the category's lowest code (43A01, so VBJ); a category without products
    /// has no lot. Each map of the same products gives the same answers: before, the fallback took "any product of the
    /// category" in a dictionary's order, which differs between two maps of the same data.
    @Test func perceelBuitenDeJarenVanDeProductlijst() {
        var g = Gegevens()
        g.percelen = [Perceel(code: "VBJ", naam: "Verblijf", segment: "Verblijf", verevend: true),
                      Perceel(code: "OOV", naam: "Opvoeden", segment: "Verblijf", verevend: true),
                      Perceel(code: "AMB", naam: "Ambulant", segment: "Ambulant", verevend: false)]
        g.producten = [Product(productcode: "43A02", productcategorie: "43", perceel: "OOV", tarief: Euro(centen: 10_000), jaar: 2025),
                       Product(productcode: "43A01", productcategorie: "43", perceel: "VBJ", tarief: Euro(centen: 20_000), jaar: 2025),
                       Product(productcode: "45A04", productcategorie: "45", perceel: "AMB", tarief: Euro(centen: 5_000), jaar: 2025)]
        for _ in 0..<50 {
            let ref = Referentiekaart(g)
            #expect(ref.perceel(categorie: "43", code: "43A02", jaar: 2020)?.code == "OOV")
            #expect(ref.perceel(categorie: "43", code: "43A01", jaar: 2020)?.code == "VBJ")
            #expect(ref.perceel(categorie: "43", code: "43A02", jaar: 2025)?.code == "OOV")
            #expect(ref.perceel(categorie: "43", code: "43Z99", jaar: 2025)?.code == "VBJ")
            #expect(ref.perceel(categorie: "43", code: nil, jaar: 2020)?.code == "VBJ")
            #expect(ref.perceel(categorie: "45", code: nil, jaar: 2020)?.code == "AMB")
            #expect(ref.perceel(categorie: "99", code: "99A01", jaar: 2025) == nil)
        }
    }
}
