import Hummingbird
import NIOCore
import RegioUitvoer

/// Response builders: HTML, CSV, JSON, redirects.
enum Antwoord {
    static func html(_ tekst: String, status: HTTPResponse.Status = .ok) -> Response {
        tekstAntwoord(tekst, type: "text/html; charset=utf-8", status: status)
    }

    static func json(_ tekst: String, status: HTTPResponse.Status = .ok) -> Response {
        tekstAntwoord(tekst, type: "application/json; charset=utf-8", status: status)
    }

    /// A value as JSON (`JSONUitvoer`: keys sorted, the same encoder as the command line's `--format json`).
    static func json<T: Encodable>(_ waarde: T, status: HTTPResponse.Status = .ok) throws -> Response {
        json(try JSONUitvoer.tekst(waarde), status: status)
    }

    /// An API error; encoding two plain values cannot fail, so this never throws.
    static func fout(_ status: HTTPResponse.Status, _ uitleg: String) -> Response {
        (try? json(Foutjson(status: status.code, fout: uitleg), status: status)) ?? json("{}\n", status: status)
    }

    static func csv(_ tekst: String, bestandsnaam: String) -> Response {
        var r = tekstAntwoord(tekst, type: "text/csv; charset=utf-8", status: .ok)
        r.headers[.contentDisposition] = "attachment; filename=\"\(bestandsnaam)\""
        return r
    }

    static func tekstAntwoord(_ tekst: String, type: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: tekst)))
    }

    /// 303 See Other: after a POST the browser fetches the target with GET.
    static func naar(_ pad: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = pad
        return Response(status: .seeOther, headers: headers)
    }

    /// A path on this site to return to after login; anything else becomes "/". One leading '/', then no '/' or '\'
    /// (a browser reads "//host" and "/\host" as another site), and no backslash, space or control character anywhere:
    /// browsers drop tabs and newlines from a URL, so "/\t/evil.example" would become "//evil.example".
    static func veiligTerug(_ s: String?) -> String {
        guard let s, s.hasPrefix("/"), s.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) else { return "/" }
        guard s.utf8.dropFirst().first != UInt8(ascii: "/") else { return "/" }
        return s
    }
}
