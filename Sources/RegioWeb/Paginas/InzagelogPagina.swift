import RegioCore
import RegioStore

/// The audit trail of views of client-level data, for the region.
enum InzagelogPagina {
    static func pagina(_ v: Paginaverzoek, store: any GebruikerStore) throws -> Pagina {
        try v.eisRegio()
        let regels = try store.inzagelog(limiet: 2000)
        var p = Pagina(titel: "Inzagelog", ondertitel: "Wie zag wanneer welke cliëntgegevens (nieuwste eerst, hoogstens 2.000 regels).")
        var t = Tabel(kolommen: [.init("tijdstip", "Tijdstip", .links), .init("gebruiker", "Gebruiker", .links),
                                 .init("rol", "Rol", .links), .init("gemeentecode", "Gemeente", .links), .init("wat", "Wat", .links),
                                 .init("pad", "Pad", .links)])
        t.rijen = regels.map { [Tijdstip.cel($0.tijdstip), Tabel.Cel($0.gebruiker), Tabel.Cel($0.rol), Tabel.Cel($0.gemeentecode),
                                Tabel.Cel($0.wat), Tabel.Cel($0.pad)] }
        p.voeg(.tabel(WebTabel(id: "inzagelog", titel: "Inzage van cliëntgegevens", tabel: t)))
        return p
    }
}
