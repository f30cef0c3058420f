import Foundation
import Hummingbird
import HTTPTypes
import Logging
import RegioCore
import RegioImport
import RegioStore

/// Builds the web application from its parts: the store (as protocols), the settings; nothing global.
/// `luistert` runs once the server accepts connections; with `voorverwarmen` the data is then loaded and the main
/// figures and pages computed in the background (a request meanwhile waits for what it needs, computed once).
public func bouwToepassing(store: any Opslag, instellingen: Instellingen, logger: Logger? = nil,
                           luistert: @escaping @Sendable () async -> Void = {}) -> some ApplicationProtocol {
    let logger = logger ?? {
        var l = Logger(label: "regiomonitor")
        l.logLevel = .info
        return l
    }()
    let bron = Cijferbron(store: store)
    let router = bouwRouter(store: store, bron: bron, instellingen: instellingen)
    let toner = Paginatoner(bron: bron, store: store, instellingen: instellingen)
    return Application(router: router, configuration: .init(address: .hostname(instellingen.host, port: instellingen.port)),
                       onServerRunning: { _ in
                           await luistert()
                           if instellingen.voorverwarmen { Voorverwarming.achtergrond(toner, logger: logger) }
                       }, logger: logger)
}

/// The routes; every handler only translates HTTP to calls of the pages and the store.
func bouwRouter(store: any Opslag, bron: Cijferbron, instellingen: Instellingen) -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    let sessies = Sessiebeheer(store: store, instellingen: instellingen)
    let toner = Paginatoner(bron: bron, store: store, instellingen: instellingen)
    router.add(middleware: Foutafhandeling())
    router.add(middleware: Omvanggrens(maxUpload: instellingen.maxUpload))
    router.add(middleware: Toegangscontrole(sessies: sessies))
    router.add(middleware: Wijzigingswacht(bron: bron))

    router.get("/gezond") { _, _ in Antwoord.tekstAntwoord("ok\n", type: "text/plain; charset=utf-8", status: .ok) }
    router.get("/stijl.css") { _, _ in
        var r = Antwoord.tekstAntwoord(Stijl.css, type: "text/css; charset=utf-8", status: .ok)
        r.headers[.cacheControl] = "public, max-age=3600"
        return r
    }
    Inloggen.routes(router, sessies: sessies, instellingen: instellingen)

    for def in Paginalijst.alle {
        router.get(RouterPath(def.pad)) { request, context in try toner.toon(def, request, context, formaat: .html) }
        if let api = def.api {
            router.get(RouterPath(api)) { request, context in try toner.toon(def, request, context, formaat: .json) }
        }
    }
    Importroutes.routes(router, store: store, bron: bron, instellingen: instellingen)
    Signaalroutes.routes(router, store: store, bron: bron, instellingen: instellingen)
    Rapportroute.routes(router, store: store, bron: bron, instellingen: instellingen)
    router.get("/inzagelog") { request, context in
        let def = Paginadefinitie(pad: "/inzagelog", cache: false, omschrijving: "", bouw: { v in try InzagelogPagina.pagina(v, store: store) })
        return try toner.toon(def, request, context, formaat: .html)
    }
    router.get("/api") { request, context in
        let kader = Kader(gebruiker: context.gebruiker?.naam ?? "", rol: context.gebruiker?.rol ?? .raad, csrf: context.sessie?.csrf ?? "",
                          pad: "/api", query: [])
        // the examples use the address this server was reached on (host and port as the browser sent them)
        let host = request.head.authority.flatMap { a in a.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]".contains($0) } ? a : nil }
        let schema = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        return Antwoord.html(Weergave.document(ApiDocumentatie.pagina(adres: host.map { "\(schema)://\($0)" } ?? "http://127.0.0.1:8080"), kader: kader))
    }
    router.get("/api/openapi.json") { _, _ in try Antwoord.json(ApiDocumentatie.document()) }
    return router
}

/// Loads the data and computes the figures of the default year's main pages once the server listens, so that a user
/// who comes a little later waits no longer than the next (and one who comes at once waits for that work, not for a
/// connection: before, the server only listened after it, 17 s nationally).
enum Voorverwarming {
    static func vul(_ bron: Cijferbron) throws {
        let g = try bron.gegevens()
        guard !g.gemeenten.isEmpty else { return }
        let jaar = try bron.standaardJaar()
        _ = try bron.kengetallen(jaar: jaar, per: .gemeente)
        _ = try bron.kengetallen(jaar: jaar, per: .perceel)
        _ = try bron.maandreeks(jaar: jaar)
        _ = try bron.perGemeente()
    }

    /// The pages about the whole region (or country) that take longest the first time, built on a thread of their own
    /// once the server listens, so that a user who comes a little later finds them computed; a request meanwhile
    /// computes what it needs itself. Built as the region role: the figures are shared by every role.
    static let paginas = ["/", "/percelen", "/aanbieders", "/benchmark", "/verevening", "/prognose"]

    static func achtergrond(_ toner: Paginatoner, logger: Logger, klaar: @escaping @Sendable () -> Void = {}) {
        Thread {
            defer { klaar() }
            let geladen = Date()
            do {
                try vul(toner.bron)
                logger.info("cijfers geladen en voorberekend in \(Int(Date().timeIntervalSince(geladen) * 1000)) ms")
            } catch {
                // the dashboard still runs: a page that needs these figures answers 500 with the same reason
                logger.error("voorberekenen mislukt: \(error)")
            }
            let start = Date()
            for def in Paginalijst.alle where paginas.contains(def.pad) {
                do {
                    _ = try toner.bouw(def, rol: .regio, gebruiker: "voorverwarming", parameters: [:], csrf: "")
                } catch {
                    logger.info("voorberekenen van \(def.pad) mislukt: \(error)")
                }
            }
            _ = try? toner.bron.openSignalen(gemeente: "")   // the summary on every municipality page
            logger.info("overzichtspagina's voorberekend in \(Int(Date().timeIntervalSince(start) * 1000)) ms")
            // then the pages over a large share of the records: each lot's (a dozen), and those of the providers and
            // municipalities with at least 2% of the allocations (at most fifty each), with such a municipality's
            // client list; a smaller one's pages are computed quickly on request
            let percelen = Date()
            if let g = try? toner.bron.gegevens() {
                func groot(_ code: (Toewijzing) -> String) -> [String] {
                    var aantal: [String: Int] = [:]
                    for t in g.toewijzingen { aantal[code(t), default: 0] += 1 }
                    return aantal.filter { $0.value * 50 >= g.toewijzingen.count }.keys.sorted()
                }
                let gemeenten = groot(\.gemeentecode)
                for (pad, parameter, waarden) in [("/percelen/:code", "code", g.percelen.map(\.code)), ("/aanbieders/:agb", "agb", groot(\.agb)),
                                                  ("/gemeente/:code", "code", gemeenten)] {
                    guard let def = Paginalijst.alle.first(where: { $0.pad == pad }) else { continue }
                    for w in waarden {
                        do {
                            _ = try toner.bouw(def, rol: .regio, gebruiker: "voorverwarming", parameters: [parameter: w], csrf: "")
                        } catch {
                            logger.info("voorberekenen van \(pad) (\(w)) mislukt: \(error)")
                        }
                    }
                }
                // the figure only: the list page is built per request (it is paged and its viewing logged)
                if let jaar = try? toner.bron.standaardJaar() {
                    for gemeente in gemeenten { _ = try? toner.bron.clientoverzicht(jaar: jaar, Cijferbron.Cijferselectie(gemeente: gemeente)) }
                }
            }
            logger.info("perceelpagina's en die van de grootste aanbieders en gemeenten voorberekend in \(Int(Date().timeIntervalSince(percelen) * 1000)) ms")
        }.start()
    }
}
