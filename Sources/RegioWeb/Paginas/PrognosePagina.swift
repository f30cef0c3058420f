import RegioCore

/// The year-end forecast per municipality and lot; filled in when the forecast (RegioCore/Prognose) exists.
enum PrognosePagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        var p = Pagina(titel: "Prognose")
        p.voeg(.melding("De jaarprognose is in deze versie nog niet beschikbaar.", soort: .info))
        return p
    }
}
