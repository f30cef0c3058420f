import RegioCore

/// The signal list; filled in when the signal function (RegioCore/Signalen) exists.
enum SignalenPagina {
    static func pagina(_ v: Paginaverzoek) throws -> Pagina {
        var p = Pagina(titel: "Signalen")
        p.voeg(.melding("De signaalfunctie is in deze versie nog niet beschikbaar.", soort: .info))
        return p
    }
}
