import RegioCore

/// The JSON API: every dashboard page has a twin under /api/v1 that returns the page's tables as JSON, with the same
/// role rules (suppression for councils, 403 for client data of another municipality). Described as OpenAPI 3.0,
/// generated from the page list so the description cannot drift from the routes.
enum ApiDocumentatie {
    static let parameteruitleg: [String: String] = [
        "jaar": "Kalenderjaar (standaard: het laatste jaar met een budget).",
        "tot": "Laatste jaar voor cumulatieve cijfers (verevening) of van de schatting (verklaring).",
        "criteria": "Criteria van de verklaring, met komma's: ses, wijkteam, jeugdaandeel, eenoudergezinnen, lage-inkomens (standaard ses,wijkteam).",
        "perceel": "Perceelcode, bv. VBJ.",
        "sleutel": "Verdeelsleutel: macrobudget, jeugdigen, inwoners, gebruik of objectief.",
        "scenario": "Extra vereveningsscenario, bv. eigen-risico:0.5, drempel:100000 of plafond:2000000.",
        "code": "Gemeentecode (0307) of perceelcode, afhankelijk van het pad.",
        "agb": "AGB-code van de aanbieder (8 cijfers).",
        "id": "Cliëntpseudoniem of cliëntnummer.",
        "csv": "Geef één tabel (op id) als CSV in plaats van JSON.",
    ]

    static let beschrijving = "Dezelfde cijfers als het dashboard, als JSON. Elke pagina geeft haar tabellen: tabellen.<id> is een lijst rijen met kolomnamen in Nederlandse snake_case (zoals de CSV-export); bedragen in euro's met punt als decimaalteken, percentages als fractie (0.734). Rollen: regio ziet alles, gemeente:G cliëntgegevens van G en de regionale aggregaten, raad alleen aggregaten met kleine aantallen (<5 cliënten) onderdrukt (null). Inloggen met HTTP Basic (gebruikersnaam en wachtwoord) of de sessiecookie van het dashboard."

    static let fouten = ["400": "Ongeldige parameter.", "401": "Niet ingelogd.", "403": "Geen toegang voor deze rol.",
                         "404": "Onbekende gemeente, perceel, aanbieder of cliënt.", "429": "Te veel mislukte inlogpogingen."]

    /// The OpenAPI 3.0 document, generated from the page list.
    static func document() -> OpenAPI {
        var paden: [String: OpenAPI.Pad] = [:]
        for def in Paginalijst.alle {
            guard let api = def.api else { continue }
            let pad = "/" + api.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            var ps = def.parameters.map { p in
                OpenAPI.Parameter(name: p, plaats: "path", required: true, schema: .init(type: "string"), description: parameteruitleg[p] ?? p)
            }
            ps += (def.queryparameters + ["csv"]).map { p in
                OpenAPI.Parameter(name: p, plaats: "query", required: false, schema: .init(type: p == "jaar" || p == "tot" ? "integer" : "string"),
                                  description: parameteruitleg[p] ?? p)
            }
            var antwoorden = fouten.mapValues { OpenAPI.Antwoord(description: $0, content: ["application/json": .init(schema: .init(ref: "Fout"))]) }
            antwoorden["200"] = OpenAPI.Antwoord(description: "De tabellen van de pagina.",
                                                 content: ["application/json": .init(schema: .init(ref: "Pagina")),
                                                           "text/csv": .init(schema: .init(type: "string"))])
            paden[pad] = OpenAPI.Pad(get: .init(summary: def.omschrijving, operationId: operatie(pad), parameters: ps, responses: antwoorden))
        }
        let rij = OpenAPI.Schema(type: "object", additionalProperties: .init(nullable: true, oneOf: [.init(type: "string"), .init(type: "number")]))
        let schemas: [String: OpenAPI.Schema] = [
            "Pagina": .init(type: "object", required: ["titel", "parameters", "tabellen"], properties: [
                "titel": .init(type: "string"),
                "parameters": .init(type: "object", additionalProperties: .init(type: "string")),
                "tabellen": .init(type: "object", additionalProperties: .init(type: "array", items: .init(ref: "Rij"))),
            ]),
            "Rij": rij,
            "Fout": .init(type: "object", required: ["status", "fout"], properties: ["status": .init(type: "integer"), "fout": .init(type: "string")]),
        ]
        return OpenAPI(info: .init(title: "Regiomonitor Jeugdhulp API", version: "1", description: beschrijving),
                       components: .init(securitySchemes: ["basic": .init(type: "http", scheme: "basic"),
                                                           "sessie": .init(type: "apiKey", plaats: "cookie", name: "rm_sessie")],
                                         schemas: schemas),
                       paths: paden)
    }

    static func operatie(_ pad: String) -> String {
        pad.replacing("/api/v1/", with: "").split(whereSeparator: { $0 == "/" || $0 == "{" || $0 == "}" }).enumerated()
            .map { i, d in i == 0 ? String(d) : d.prefix(1).uppercased() + d.dropFirst() }.joined()
    }

    static func pagina(adres: String = "http://127.0.0.1:8080") -> Pagina {
        var p = Pagina(titel: "JSON-API", ondertitel: "Voor het eigen BI-hulpmiddel van de regio: dezelfde cijfers als het dashboard.")
        p.voeg(.html("""
            <p>Elke pagina van het dashboard heeft een tweeling onder <code>/api/v1</code> die de tabellen van die pagina als JSON geeft.
            Kolomnamen zijn gelijk aan die van de CSV-downloads; bedragen in euro's met een punt als decimaalteken, percentages als fractie.
            De rolregels gelden ook hier: een raadslid krijgt onderdrukte cellen als <code>null</code>, een gemeente krijgt 403 voor cliëntgegevens van een andere gemeente.
            Opvragen van cliëntgegevens via de API komt in het inzagelog.</p>
            <p>Inloggen met HTTP Basic, bijvoorbeeld:</p>
            <pre>curl -u GEBRUIKER:WACHTWOORD '\(Webhtml.esc(adres))/api/v1/overzicht?jaar=2020'
            curl -u GEBRUIKER:WACHTWOORD '\(Webhtml.esc(adres))/api/v1/gemeente/0307?jaar=2020&amp;csv=per_perceel'</pre>
            <p>De beschrijving in OpenAPI 3.0: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
            """))
        var t = RegioCore.Tabel(kolommen: [.init("pad", "Pad", .links), .init("parameters", "Parameters", .links), .init("omschrijving", "Omschrijving", .links)])
        for def in Paginalijst.alle {
            guard let api = def.api else { continue }
            t.rijen.append([.init(api), .init((def.queryparameters + ["csv"]).joined(separator: ", ")), .init(def.omschrijving)])
        }
        p.voeg(.tabel(WebTabel(id: "eindpunten", titel: "Eindpunten", tabel: t)))
        return p
    }
}

/// The parts of an OpenAPI 3.0 document this API uses.
struct OpenAPI: Encodable {
    var openapi = "3.0.3"
    let info: Info
    var servers = [["url": "/"]]
    var security: [[String: [String]]] = [["basic": []], ["sessie": []]]
    let components: Componenten
    let paths: [String: Pad]

    struct Info: Encodable { let title, version, description: String }

    struct Componenten: Encodable { let securitySchemes: [String: Beveiliging]; let schemas: [String: Schema] }

    struct Beveiliging: Encodable {
        let type: String
        var scheme, plaats, name: String?
        enum CodingKeys: String, CodingKey { case type, scheme, plaats = "in", name }
    }

    struct Pad: Encodable { let get: Operatie }

    struct Operatie: Encodable { let summary, operationId: String; let parameters: [Parameter]; let responses: [String: Antwoord] }

    struct Parameter: Encodable {
        let name, plaats: String
        let required: Bool
        let schema: Schema
        let description: String
        enum CodingKeys: String, CodingKey { case name, plaats = "in", required, schema, description }
    }

    struct Antwoord: Encodable { let description: String; let content: [String: Inhoud] }

    struct Inhoud: Encodable { let schema: Schema }

    /// A JSON schema (recursive, so a class); what is nil is left out.
    final class Schema: Encodable, Sendable {
        let type, ref: String?
        let required: [String]?
        let properties: [String: Schema]?
        let additionalProperties, items: Schema?
        let nullable: Bool?
        let oneOf: [Schema]?

        /// `ref`: the name of a schema under components/schemas.
        init(type: String? = nil, ref: String? = nil, required: [String]? = nil, properties: [String: Schema]? = nil,
             additionalProperties: Schema? = nil, items: Schema? = nil, nullable: Bool? = nil, oneOf: [Schema]? = nil) {
            self.type = type; self.ref = ref.map { "#/components/schemas/" + $0 }; self.required = required
            self.properties = properties; self.additionalProperties = additionalProperties; self.items = items
            self.nullable = nullable; self.oneOf = oneOf
        }

        enum CodingKeys: String, CodingKey {
            case type, ref = "$ref", required, properties, additionalProperties, items, nullable, oneOf
        }
    }
}
