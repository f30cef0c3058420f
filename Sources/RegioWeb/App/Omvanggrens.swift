import Hummingbird

/// Refuses a body larger than its route takes before anything reads it, before authentication: the import upload
/// `Instellingen.maxUpload`, every other request `WebContext.maxFormulier` (a 65 MB login POST answered 500 and six
/// at once doubled the server's memory, issue 26). A body without Content-Length is counted as it is read.
struct Omvanggrens: RouterMiddleware {
    typealias Context = WebContext
    let maxUpload: Int

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if let lengte = request.headers[.contentLength].flatMap({ Int($0) }) {
            let upload = request.method == .post && request.uri.path == "/import"
            if upload && lengte > maxUpload { throw Uploadlezer.te(groot: maxUpload) }
            if !upload && lengte > WebContext.maxFormulier {
                throw HTTPError(.contentTooLarge, message: "Het verzoek is groter dan \(WebContext.maxFormulier / 1024) kB.")
            }
        }
        return try await next(request, context)
    }
}
