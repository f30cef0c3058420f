import Foundation

/// Form data as the browser sends it: application/x-www-form-urlencoded (also the query string) or multipart/form-data
/// (file uploads). Parsed by hand: small, and no dependency for a format this simple.
struct Formulier: Sendable {
    var velden: [(naam: String, waarde: String)] = []
    var bestanden: [Bestand] = []

    struct Bestand: Sendable {
        var veld: String
        var naam: String
        var inhoud: [UInt8]
    }

    subscript(_ naam: String) -> String? { velden.first { $0.naam == naam }?.waarde }

    func alle(_ naam: String) -> [String] { velden.filter { $0.naam == naam }.map(\.waarde) }

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
        var bytes: [UInt8] = []
        var i = s.utf8.startIndex
        let u = s.utf8
        while i < u.endIndex {
            let b = u[i]
            if b == UInt8(ascii: "+") { bytes.append(0x20) }
            else if b == UInt8(ascii: "%"), let j = u.index(i, offsetBy: 2, limitedBy: u.endIndex), j < u.endIndex,
                    let h = UInt8(String(decoding: u[u.index(after: i)...j], as: UTF8.self), radix: 16) {
                bytes.append(h)
                i = j
            } else { bytes.append(b) }
            i = u.index(after: i)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses multipart/form-data with the boundary from the Content-Type header; nil when malformed.
    static func multipart(_ body: [UInt8], contentType: String) -> Formulier? {
        guard let r = contentType.range(of: "boundary=") else { return nil }
        var grens = String(contentType[r.upperBound...])
        if let puntkomma = grens.firstIndex(of: ";") { grens = String(grens[..<puntkomma]) }
        grens = grens.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !grens.isEmpty else { return nil }
        let scheiding = Array(("--" + grens).utf8)
        var f = Formulier()
        var posities: [Int] = []
        var i = 0
        while let p = zoek(scheiding, in: body, vanaf: i) { posities.append(p); i = p + scheiding.count }
        guard posities.count >= 2 else { return nil }
        for (a, b) in zip(posities, posities.dropFirst()) {
            var start = a + scheiding.count
            if start + 1 < body.count, body[start] == 13, body[start + 1] == 10 { start += 2 }
            var eind = b
            if eind >= 2, body[eind - 2] == 13, body[eind - 1] == 10 { eind -= 2 }
            guard start <= eind, let kopEinde = zoek([13, 10, 13, 10], in: body, vanaf: start), kopEinde <= eind else { continue }
            let kop = String(decoding: body[start..<kopEinde], as: UTF8.self)
            let inhoud = Array(body[(kopEinde + 4)..<eind])
            var naam: String?, bestandsnaam: String?
            // "\r\n" is one Character in Swift: split on it as well as on a lone "\n"
            for regel in kop.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) where regel.lowercased().hasPrefix("content-disposition") {
                naam = parameter("name", in: String(regel))
                bestandsnaam = parameter("filename", in: String(regel))
            }
            guard let naam else { continue }
            if let bestandsnaam {
                if !bestandsnaam.isEmpty || !inhoud.isEmpty {
                    f.bestanden.append(Bestand(veld: naam, naam: (bestandsnaam as NSString).lastPathComponent, inhoud: inhoud))
                }
            } else {
                f.velden.append((naam, String(decoding: inhoud, as: UTF8.self)))
            }
        }
        return f
    }

    static func parameter(_ naam: String, in regel: String) -> String? {
        for deel in regel.split(separator: ";") {
            let t = deel.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix(naam + "=") {
                return String(t.dropFirst(naam.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func zoek(_ naald: [UInt8], in hooiberg: [UInt8], vanaf: Int) -> Int? {
        guard !naald.isEmpty, hooiberg.count >= naald.count else { return nil }
        var i = vanaf
        let laatste = hooiberg.count - naald.count
        let eerste = naald[0]
        while i <= laatste {
            if hooiberg[i] == eerste {
                var j = 1
                while j < naald.count && hooiberg[i + j] == naald[j] { j += 1 }
                if j == naald.count { return i }
            }
            i += 1
        }
        return nil
    }
}
