import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import NIOHTTP1

/// The fields and files of an upload (multipart/form-data). The files are held in memory only: an upload holds BSNs,
/// and a copy on disk outlives a crash (issue 26).
struct Upload: Sendable {
    struct Bestand: Sendable {
        /// The name the user's browser gave, without any folder.
        var naam: String
        var inhoud: [UInt8]
    }

    var velden: [String: String] = [:]
    var bestanden: [Bestand] = []

    subscript(_ naam: String) -> String? { velden[naam] }
}

/// Reads an upload as it arrives, with multipart-kit's streaming parser.
///
/// The session's form token must come before the first file (the import form sends it first): a file part before a
/// valid token is refused with 403 before any of its bytes are kept, so only a logged-in user on our own form gets an
/// upload buffered. More than `maxBytes` in all answers 413; a field longer than `maxVeld` too.
enum Uploadlezer {
    static let maxVeld = 64 * 1024

    static func lees(_ request: Request, context: WebContext, maxBytes: Int) async throws -> Upload {
        try Formulieren.eisZelfdeHerkomst(request)
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
              let grens = Kopparameters.waarde("boundary", in: type), !grens.isEmpty, grens.utf8.count <= 200 else {
            throw HTTPError(.unsupportedMediaType, message: "Verwacht een upload (multipart/form-data).")
        }
        let lengte = request.headers[.contentLength].flatMap { Int($0) }
        if let lengte, lengte > maxBytes { throw te(groot: maxBytes) }
        let ontvangst = Ontvangst(csrf: context.sessie?.csrf)
        let parser = MultipartParser(boundary: grens)
        parser.onHeader = { ontvangst.kop($0, $1) }
        parser.onBody = { ontvangst.inhoud($0) }
        parser.onPartComplete = { ontvangst.deelKlaar() }
        var ontvangen = 0
        for try await stuk in request.body {
            ontvangst.rest = lengte.map { max(0, $0 - ontvangen) }
            ontvangen += stuk.readableBytes
            guard ontvangen <= maxBytes else { throw te(groot: maxBytes) }
            do { try parser.execute(stuk) } catch { throw HTTPError(.badRequest, message: "Onleesbaar formulier.") }
            if let fout = ontvangst.fout { throw fout }
        }
        guard ontvangst.compleet else { throw HTTPError(.badRequest, message: "Onvolledig formulier.") }
        return ontvangst.upload
    }

    static func te(groot maxBytes: Int) -> HTTPError {
        HTTPError(.contentTooLarge, message: "De upload is groter dan \(maxBytes / (1 << 20)) MB; importeer zo'n bestand met de opdrachtregel (regiomonitor import).")
    }

    /// The parser's callbacks fill this, one part at a time; used by one request's task only.
    final class Ontvangst {
        let csrf: String?
        var upload = Upload()
        var fout: (any Error)?
        /// Bytes of the body still to come (from Content-Length): room reserved once for a file, not doubled as it grows.
        var rest: Int?
        private var koppen = HTTPHeaders()
        private var deel: (naam: String, bestandsnaam: String?)?
        private var buffer: [UInt8] = []
        private var tokenGezien = false
        private var delen = 0
        private var open = false

        init(csrf: String?) { self.csrf = csrf }

        /// At least one part, and the last one closed by the final boundary.
        var compleet: Bool { delen > 0 && !open && fout == nil }

        func kop(_ naam: String, _ waarde: String) {
            koppen.add(name: naam, value: waarde)
            open = true
        }

        func inhoud(_ stuk: ByteBuffer) {
            guard fout == nil, let d = begin() else { return }
            if d.bestandsnaam == nil && buffer.count + stuk.readableBytes > Uploadlezer.maxVeld {
                fout = HTTPError(.contentTooLarge, message: "Formulierveld \(d.naam) is te lang.")
                return
            }
            buffer.append(contentsOf: stuk.readableBytesView)
        }

        func deelKlaar() {
            defer { koppen = HTTPHeaders(); deel = nil; buffer = []; open = false }
            guard fout == nil, let d = begin() else { return }
            delen += 1
            if let bestandsnaam = d.bestandsnaam {
                // a file input left empty still sends a part, without a name or content
                guard !bestandsnaam.isEmpty || !buffer.isEmpty else { return }
                let naam = bestandsnaam.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                upload.bestanden.append(Upload.Bestand(naam: naam, inhoud: buffer))
            } else {
                let waarde = String(decoding: buffer, as: UTF8.self)
                upload.velden[d.naam] = waarde
                if d.naam == "csrf" {
                    guard let csrf, Token.gelijk(csrf, waarde) else { fout = ongeldig; return }
                    tokenGezien = true
                }
            }
        }

        /// The part whose headers are complete (the first byte of its body, or its end): field or file.
        private func begin() -> (naam: String, bestandsnaam: String?)? {
            if let deel { return deel }
            open = true
            let schijf = koppen.first(name: "Content-Disposition") ?? ""
            guard let naam = MultipartPart(headers: koppen, body: ByteBuffer()).name else {
                fout = HTTPError(.badRequest, message: "Onleesbaar formulier: een deel zonder naam.")
                return nil
            }
            let d = (naam: naam, bestandsnaam: Kopparameters.waarde("filename", in: schijf))
            if d.bestandsnaam != nil {
                guard tokenGezien else { fout = ongeldig; return nil }
                if let rest { buffer.reserveCapacity(rest) }
            }
            deel = d
            return d
        }

        private var ongeldig: HTTPError {
            HTTPError(.forbidden, message: "Het formulier is verlopen of niet van deze website; laad de pagina opnieuw.")
        }
    }
}

/// A parameter of a header value such as `form-data; name="bestand"; filename="a;b.csv"` (quotes respected), or of
/// Content-Type's `boundary`. multipart-kit reads a part's name, not its file name.
enum Kopparameters {
    static func waarde(_ naam: String, in kop: String) -> String? {
        var i = kop.startIndex
        while let puntkomma = kop[i...].firstIndex(of: ";") {
            var j = kop.index(after: puntkomma)
            while j < kop.endIndex && kop[j] == " " { j = kop.index(after: j) }
            guard let is_ = kop[j...].firstIndex(of: "=") else { return nil }
            let sleutel = kop[j..<is_].trimmingCharacters(in: .whitespaces).lowercased()
            var k = kop.index(after: is_)
            var w = ""
            if k < kop.endIndex && kop[k] == "\"" {
                k = kop.index(after: k)
                // browsers write a quote in a file name as %22 and leave a backslash alone (no escapes)
                while k < kop.endIndex && kop[k] != "\"" {
                    w.append(kop[k])
                    k = kop.index(after: k)
                }
                if k < kop.endIndex { k = kop.index(after: k) }
            } else {
                while k < kop.endIndex && kop[k] != ";" { w.append(kop[k]); k = kop.index(after: k) }
                w = w.trimmingCharacters(in: .whitespaces)
            }
            if sleutel == naam { return w }
            i = k
        }
        return nil
    }
}
