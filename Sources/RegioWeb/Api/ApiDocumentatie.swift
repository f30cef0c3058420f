import RegioCore

/// The JSON API: every dashboard page has a twin under /api/v1 that returns the page's tables as JSON, with the same
/// role rules (suppression for councils, 403 for client data of another municipality). Described as OpenAPI 3.0,
/// generated from the page list so the description cannot drift from the routes.
enum ApiDocumentatie {
    static let parameteruitleg: [String: String] = [
        "jaar": "Kalenderjaar (standaard: het laatste jaar met een budget).",
        "tot": "Laatste jaar voor cumulatieve cijfers (verevening).",
        "perceel": "Perceelcode, bv. VBJ.",
        "sleutel": "Verdeelsleutel: macrobudget, jeugdigen, inwoners of gebruik.",
        "scenario": "Extra vereveningsscenario, bv. eigen-risico:0.5 of drempel:100000.",
        "code": "Gemeentecode (0307) of perceelcode, afhankelijk van het pad.",
        "agb": "AGB-code van de aanbieder (8 cijfers).",
        "id": "Cliëntpseudoniem of cliëntnummer.",
        "csv": "Geef één tabel (op id) als CSV in plaats van JSON.",
    ]

    static func openapi() -> String {
        var paden: [String] = []
        for def in Paginalijst.alle {
            guard let api = def.api else { continue }
            let pad = "/" + api.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            var ps = def.parameters.map { p in
                "{\"name\":\(Json.tekst(p)),\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"},\"description\":\(Json.tekst(parameteruitleg[p] ?? p))}"
            }
            ps += (def.queryparameters + ["csv"]).map { p in
                "{\"name\":\(Json.tekst(p)),\"in\":\"query\",\"required\":false,\"schema\":{\"type\":\"\(p == "jaar" || p == "tot" ? "integer" : "string")\"},\"description\":\(Json.tekst(parameteruitleg[p] ?? p))}"
            }
            let fouten = ["400": "Ongeldige parameter.", "401": "Niet ingelogd.", "403": "Geen toegang voor deze rol.", "404": "Onbekende gemeente, perceel, aanbieder of cliënt.",
                          "429": "Te veel mislukte inlogpogingen."]
                .sorted { $0.key < $1.key }
                .map { "\"\($0.key)\":{\"description\":\(Json.tekst($0.value)),\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Fout\"}}}}" }
            paden.append("""
                \(Json.tekst(pad)):{"get":{"summary":\(Json.tekst(def.omschrijving)),"operationId":\(Json.tekst(operatie(pad))),"parameters":[\(ps.joined(separator: ","))],
                "responses":{"200":{"description":"De tabellen van de pagina.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Pagina"}},"text/csv":{"schema":{"type":"string"}}}},\(fouten.joined(separator: ","))}}}
                """)
        }
        return """
            {"openapi":"3.0.3",
            "info":{"title":"Regiomonitor Jeugdhulp API","version":"1",
            "description":"Dezelfde cijfers als het dashboard, als JSON. Elke pagina geeft haar tabellen: tabellen.<id> is een lijst rijen met kolomnamen in Nederlandse snake_case (zoals de CSV-export); bedragen in euro's met punt als decimaalteken, percentages als fractie (0.734). Rollen: regio ziet alles, gemeente:G cliëntgegevens van G en de regionale aggregaten, raad alleen aggregaten met kleine aantallen (<5 cliënten) onderdrukt (null). Inloggen met HTTP Basic (gebruikersnaam en wachtwoord) of de sessiecookie van het dashboard."},
            "servers":[{"url":"/"}],
            "security":[{"basic":[]},{"sessie":[]}],
            "components":{"securitySchemes":{"basic":{"type":"http","scheme":"basic"},"sessie":{"type":"apiKey","in":"cookie","name":"rm_sessie"}},
            "schemas":{
            "Pagina":{"type":"object","required":["titel","parameters","tabellen"],"properties":{"titel":{"type":"string"},"parameters":{"type":"object","additionalProperties":{"type":"string"}},
            "tabellen":{"type":"object","additionalProperties":{"type":"array","items":{"$ref":"#/components/schemas/Rij"}}}}},
            "Rij":{"type":"object","additionalProperties":{"nullable":true,"oneOf":[{"type":"string"},{"type":"number"}]}},
            "Fout":{"type":"object","required":["status","fout"],"properties":{"status":{"type":"integer"},"fout":{"type":"string"}}}}},
            "paths":{
            \(paden.joined(separator: ",\n"))
            }}

            """
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
            <pre>curl -u GEBRUIKER:WACHTWOORD '\(Html.esc(adres))/api/v1/overzicht?jaar=2020'
            curl -u GEBRUIKER:WACHTWOORD '\(Html.esc(adres))/api/v1/gemeente/0307?jaar=2020&amp;csv=per_perceel'</pre>
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
