import Foundation

/// A query string ("a=1&b=x+y%21"): the parameters of a GET request in their order, as the pages read them.
/// Posted forms are decoded by Hummingbird (`Formulieren`), uploads by multipart-kit (`Uploadlezer`).
struct Formulier: Sendable {
    var velden: [(naam: String, waarde: String)] = []

    subscript(_ naam: String) -> String? { velden.first { $0.naam == naam }?.waarde }

    /// "a=1&b=x+y%21" -> [("a","1"), ("b","x y!")].
    static func urlencoded(_ tekst: String) -> Formulier {
        var f = Formulier()
        for deel in tekst.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = deel.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let k = decodeer(kv[0]), v = kv.count > 1 ? decodeer(kv[1]) : ""
            f.velden.append((k, v))
        }
        return f
    }

    static func decodeer(_ s: Substring) -> String {
        (s.replacing("+", with: " ").removingPercentEncoding) ?? String(s)
    }
}
