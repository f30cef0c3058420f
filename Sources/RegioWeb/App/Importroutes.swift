import Hummingbird
import RegioCore
import RegioStore

/// Upload and report of imports; the region's role only. After a successful import the figures are recomputed.
enum Importroutes {
    static func routes(_ router: Router<WebContext>, store: any Opslag, bron: Cijferbron, instellingen: Instellingen) {
        let verslagen = Importverslagen()
        @Sendable func verzoek(_ context: WebContext) throws -> Paginaverzoek {
            guard let g = context.gebruiker else { throw HTTPError(.unauthorized) }
            return Paginaverzoek(rol: g.rol, gebruiker: g.naam, parameters: [:], bron: bron, vandaag: Instellingen.dag(instellingen.klok()))
        }
        @Sendable func kader(_ request: Request, _ context: WebContext) -> Kader {
            Kader(gebruiker: context.gebruiker?.naam ?? "", rol: context.gebruiker?.rol ?? .raad, csrf: context.sessie?.csrf ?? "",
                  pad: request.uri.path, query: Formulier.urlencoded(request.uri.query ?? "").velden.map { ($0.naam, $0.waarde) })
        }

        router.get("/import") { request, context in
            let p = try ImportPagina.pagina(try verzoek(context), store: store, csrf: context.sessie?.csrf ?? "")
            return try toon(p, request, context, kader(request, context))
        }

        router.post("/import") { request, context in
            // who may upload is settled before the first byte of the body is read
            try verzoek(context).eisRegio()
            let f = try await Uploadlezer.lees(request, context: context, maxBytes: instellingen.maxUpload)
            guard !f.bestanden.isEmpty else { throw Paginafout.ongeldig("Kies minstens één bestand.") }
            let (verslag, geschreven) = try ImportPagina.importeer(f.bestanden, controleer: f["controleer"] == "ja",
                                                                   negeerKolommen: f["negeer_kolommen"] == "ja", store: store,
                                                                   sleutelpad: instellingen.pseudoniemsleutel,
                                                                   nu: Instellingen.tijdstip(instellingen.klok()))
            if geschreven { bron.vernieuw() }
            verslagen.bewaar(verslag, voor: context.gebruiker!.naam)
            return Antwoord.naar("/import/verslag")
        }

        router.get("/import/verslag") { request, context in
            try verzoek(context).eisRegio()
            var p = verslagen.laatste(context.gebruiker!.naam) ?? Pagina(titel: "Importverslag")
            if p.blokken.isEmpty { p.voeg(.melding("Er is in deze sessie nog niets geïmporteerd.", soort: .info)) }
            return try toon(p, request, context, kader(request, context))
        }
    }

    static func toon(_ p: Pagina, _ request: Request, _ context: WebContext, _ kader: Kader) throws -> Response {
        let query = Formulier.urlencoded(request.uri.query ?? "")
        var velden: [String: String] = [:]
        for (k, v) in query.velden where velden[k] == nil { velden[k] = v }
        if let bestand = try Download.antwoord(p, query: velden, standaard: .csvNL, bestandsnaam: velden["csv"] ?? "importverslag",
                                               rol: context.gebruiker?.rol ?? .raad) {
            return bestand
        }
        return Antwoord.html(Weergave.document(p, kader: kader))
    }
}
