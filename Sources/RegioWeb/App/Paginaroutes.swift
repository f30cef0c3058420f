import Hummingbird
import RegioCore
import RegioStore

/// A page of the dashboard: its path, the API path that gives the same figures as JSON, and how it is built.
struct Paginadefinitie: Sendable {
    /// Hummingbird route, e.g. "/gemeente/:code".
    var pad: String
    /// The same figures as JSON, e.g. "/api/v1/gemeente/:code".
    var api: String?
    /// Path parameters to pass to the page.
    var parameters: [String] = []
    /// Cache the built page (per role and parameters) until the next import.
    var cache = true
    /// Documentation for the API listing.
    var omschrijving: String
    var queryparameters: [String] = ["jaar"]
    var bouw: @Sendable (Paginaverzoek) throws -> Pagina
}

/// Shows pages as HTML, CSV (one table, `?csv=id`) or JSON (the API), with the audit trail for client-level data.
struct Paginatoner: Sendable {
    let bron: Cijferbron
    let store: any GebruikerStore
    let instellingen: Instellingen

    enum Formaat { case html, json }

    func toon(_ def: Paginadefinitie, _ request: Request, _ context: WebContext, formaat: Formaat) throws -> Response {
        guard let gebruiker = context.gebruiker else { throw HTTPError(.unauthorized) }
        let query = Formulier.urlencoded(request.uri.query ?? "")
        var parameters: [String: String] = [:]
        for (k, v) in query.velden where parameters[k] == nil { parameters[k] = v }
        for p in def.parameters { parameters[p] = context.parameters.get(p) }
        let pagina = try bouw(def, rol: gebruiker.rol, gebruiker: gebruiker.naam, parameters: parameters, csrf: context.sessie?.csrf ?? "")
        if let inzage = pagina.inzage {
            try store.logInzage(Inzageregel(tijdstip: Instellingen.tijdstip(instellingen.klok()), gebruiker: gebruiker.naam,
                                            rol: gebruiker.rol.description, gemeentecode: inzage.gemeentecode,
                                            wat: inzage.wat + (formaat == .json ? " (API)" : parameters["format"] == "xlsx" ? " (Excel)"
                                                               : parameters["csv"] != nil ? " (CSV)" : ""),
                                            pad: request.uri.string))
        }
        // a table or the whole page as a file: Dutch Excel's CSV from the dashboard's links, plain CSV from the API
        let paginanaam = def.pad.split(separator: "/").last { !$0.hasPrefix(":") }.map(String.init) ?? "overzicht"
        let naam = ([parameters["csv"] ?? paginanaam] + def.parameters.compactMap { parameters[$0] } + [parameters["jaar"]].compactMap { $0 })
            .joined(separator: "-")
        if let bestand = try Download.antwoord(pagina, query: parameters, standaard: formaat == .json ? .csv : .csvNL, bestandsnaam: naam,
                                               rol: gebruiker.rol, regels: Paginatoner.selectie(parameters)) {
            return bestand
        }
        switch formaat {
        case .json: return try Antwoord.json(Paginajson(pagina, parameters: parameters))
        case .html:
            var kader = Kader(gebruiker: gebruiker.naam, rol: gebruiker.rol, csrf: context.sessie?.csrf ?? "", pad: request.uri.path,
                              query: query.velden.map { ($0.naam, $0.waarde) })
            if case .gemeente(let g) = gebruiker.rol { kader.gemeentenaam = (try? bron.referentie())?.gemeenten[g]?.naam }
            return Antwoord.html(Weergave.document(pagina, kader: kader))
        }
    }

    /// The page, from the cache (per role and parameters, until the next import) when the page may be cached.
    func bouw(_ def: Paginadefinitie, rol: Rol, gebruiker: String, parameters: [String: String], csrf: String) throws -> Pagina {
        let verzoek = Paginaverzoek(rol: rol, gebruiker: gebruiker, parameters: parameters, bron: bron,
                                    vandaag: Instellingen.dag(instellingen.klok()), csrf: def.cache ? "" : csrf, regels: instellingen.regels)
        guard def.cache else { return try def.bouw(verzoek) }
        let sleutel = def.pad + "|" + parameters.filter { $0.key != "csv" && $0.key != "format" }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: "&") + "|" + rol.description
        return try bron.pagina(sleutel) { try def.bouw(verzoek) }
    }

    /// The page's selection in words, for a workbook's explanation: the year as a period, a valuation date as a day.
    static func selectie(_ parameters: [String: String]) -> [(String, String)] {
        var uit: [(String, String)] = []
        if let j = parameters["jaar"].flatMap(Int.init) {
            uit.append(("Periode", "\(Dag.eersteVan(jaar: j).nederlands) t/m \(Dag.laatsteVan(jaar: j).nederlands)"))
        }
        if let p = parameters["peildatum"].flatMap(Dag.parse) { uit.append(("Peildatum", p.nederlands)) }
        let overig = parameters.filter { !["jaar", "peildatum", "csv", "format", "kolommen"].contains($0.key) }.sorted { $0.key < $1.key }
        if !overig.isEmpty { uit.append(("Selectie", overig.map { "\($0.key) \($0.value)" }.joined(separator: ", "))) }
        return uit
    }
}
