import Hummingbird
import NIOCore

/// Response builders: HTML, CSV, JSON, redirects.
enum Antwoord {
    static func html(_ tekst: String, status: HTTPResponse.Status = .ok) -> Response {
        tekstAntwoord(tekst, type: "text/html; charset=utf-8", status: status)
    }

    static func json(_ tekst: String, status: HTTPResponse.Status = .ok) -> Response {
        tekstAntwoord(tekst, type: "application/json; charset=utf-8", status: status)
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

    /// A local path to return to after login; anything that could lead off-site becomes "/".
    static func veiligTerug(_ s: String?) -> String {
        guard let s, s.hasPrefix("/"), !s.hasPrefix("//"), !s.hasPrefix("/\\"), !s.contains("\r"), !s.contains("\n") else { return "/" }
        return s
    }
}
