import Hummingbird

/// Before every request for a page or the API: has another process (a command-line import, a signal run, a second
/// server) changed the data? Then the cached figures go (`Cijferbron.volgWijzigingen`). One read of two counters.
struct Wijzigingswacht: RouterMiddleware {
    typealias Context = WebContext
    let bron: Cijferbron

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if !Toegangscontrole.openbaar.contains(request.uri.path) {
            do {
                try bron.volgWijzigingen()
            } catch {
                // the figures in the cache are still whole; the next request looks again
                context.logger.warning("wijzigingen niet te lezen: \(error)")
            }
        }
        return try await next(request, context)
    }
}
