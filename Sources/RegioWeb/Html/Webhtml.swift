import RegioCore
import RegioWeergave

/// HTML text with escaping: every value from data or the user goes through `esc`, so nothing a file or a user
/// supplies can become markup.
enum Webhtml {
    /// Escapes text for element content and quoted attribute values.
    static func esc(_ s: String) -> String { HTML.tekst(s) }

    /// Percent-encodes a query or path value.
    static func url(_ s: String) -> String {
        var uit = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                uit.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16, uppercase: true)
                uit += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return uit
    }

    /// "pad?a=1&b=2" from a path and (name, value) pairs, leaving out empty values.
    static func link(_ pad: String, _ parameters: [(String, String?)]) -> String {
        let q = parameters.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : url(k) + "=" + url($0) } }
        return q.isEmpty ? pad : pad + "?" + q.joined(separator: "&")
    }

    static func a(_ href: String, _ tekst: String, klasse: String? = nil) -> String {
        "<a href=\"\(esc(href))\"" + (klasse.map { " class=\"\($0)\"" } ?? "") + ">\(esc(tekst))</a>"
    }
}
