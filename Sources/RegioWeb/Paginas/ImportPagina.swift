import Foundation
import RegioCore
import RegioImport
import RegioStore

/// Upload of CSV files (and iJw XML once the importer reads it), with the validation report of every file.
enum ImportPagina {
    static func pagina(_ v: Paginaverzoek, store: any RegioStore, csrf: String) throws -> Pagina {
        try v.eisRegio()
        var p = Pagina(titel: "Import", ondertitel: "Elk bestand wordt in zijn geheel geïmporteerd of helemaal niet; het soort bestand wordt aan de kopregel herkend.")
        p.voeg(.html("""
            <form class="keuze" method="post" action="/import" enctype="multipart/form-data">
            <label>Bestanden (CSV)<input type="file" name="bestand" multiple required accept=".csv,.txt,.xml"></label>
            <label><span><input type="checkbox" name="controleer" value="ja"> alleen controleren, niets schrijven</span></label>
            <label><span><input type="checkbox" name="negeer_kolommen" value="ja"> onbekende kolommen overslaan</span></label>
            <input type="hidden" name="csrf" value="\(Html.esc(csrf))"><button>Importeren</button></form>
            """))
        p.voeg(.html("<p>" + Html.a("/import/verslag", "Laatste importverslag") + "</p>"))
        var t = Tabel(kolommen: [.init("bestand", "Bestand", .links), .init("soort", "Soort", .links), .init("tijdstip", "Tijdstip", .links),
                                 .init("toegevoegd", "Toegevoegd"), .init("gewijzigd", "Gewijzigd"), .init("ongewijzigd", "Ongewijzigd")])
        t.rijen = try store.importlog().map { [Tabel.Cel($0.bestand), Tabel.Cel($0.soort), Tabel.Cel($0.tijdstip),
                                               .aantal($0.toegevoegd), .aantal($0.gewijzigd), .aantal($0.ongewijzigd)] }
        var w = WebTabel(id: "importlog", titel: "Eerdere imports (nieuwste eerst)", tabel: t)
        w.maxRijen = 50
        p.voeg(.tabel(w))
        return p
    }

    /// Imports the uploaded files and returns the report as a page.
    static func importeer(_ bestanden: [Formulier.Bestand], controleer: Bool, negeerKolommen: Bool, store: any RegioStore,
                          sleutelpad: String, nu: String) throws -> (Pagina, geschreven: Bool) {
        let map = NSTemporaryDirectory() + "regiomonitor-upload-" + Token.nieuw().prefix(16)
        try FileManager.default.createDirectory(atPath: map, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: map) }
        var paden: [String] = []
        for (i, b) in bestanden.enumerated() {
            // the user's file name, made safe, keeps the report and the import log readable
            let veilig = String(b.naam.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(100))
            let pad = map + "/" + (veilig.isEmpty || veilig.hasPrefix(".") ? "bestand\(i + 1).csv" : veilig)
            guard !paden.contains(pad) else { continue }
            guard FileManager.default.createFile(atPath: pad, contents: Data(b.inhoud)) else { throw Paginafout.ongeldig("kan \(b.naam) niet tijdelijk opslaan") }
            paden.append(pad)
        }
        let p = try Pseudonimiseerder.vanBestand(sleutelpad)
        let importeur = Importeur(store: store, pseudonimiseerder: p, opties: ImportOpties(negeerKolommen: negeerKolommen, controleer: controleer))
        let verslagen = importeur.importeer(paden: paden, nu: nu)
        return (verslag(verslagen, map: map + "/", controleer: controleer), verslagen.contains { $0.geschreven })
    }

    static func verslag(_ verslagen: [Bestandsverslag], map: String, controleer: Bool) -> Pagina {
        func kort(_ s: String) -> String { s.replacing(map, with: "") }
        var p = Pagina(titel: "Importverslag", ondertitel: controleer ? "Alleen gecontroleerd: er is niets geschreven." : "")
        let fout = verslagen.filter { !$0.fouten.isEmpty }
        p.voeg(.melding(fout.isEmpty ? (controleer ? "Alle bestanden zijn in orde." : "Alle bestanden zijn geïmporteerd.")
                        : "\(fout.count) van \(verslagen.count) bestanden geweigerd; daarvan is niets geïmporteerd.",
                        soort: fout.isEmpty ? .goed : .fout))
        var t = Tabel(kolommen: [.init("bestand", "Bestand", .links), .init("soort", "Soort", .links), .init("uitkomst", "Uitkomst", .links),
                                 .init("rijen", "Rijen"), .init("toegevoegd", "Toegevoegd"), .init("gewijzigd", "Gewijzigd"),
                                 .init("ongewijzigd", "Ongewijzigd"), .init("fouten", "Fouten")])
        for v in verslagen {
            let uitkomst = !v.fouten.isEmpty ? "geweigerd" : v.geschreven ? "geïmporteerd" : "gecontroleerd"
            t.rijen.append([Tabel.Cel(kort(v.bestand)), Tabel.Cel(v.soort?.rawValue ?? "?"), Tabel.Cel(uitkomst), .aantal(v.rijen),
                            .aantal(v.telling.toegevoegd), .aantal(v.telling.gewijzigd), .aantal(v.telling.ongewijzigd), .aantal(v.fouten.count)])
        }
        var w = WebTabel(id: "bestanden", titel: "Per bestand", tabel: t)
        w.rijklassen = verslagen.map { $0.fouten.isEmpty ? nil : "boven" }
        p.voeg(.tabel(w))
        var f = Tabel(kolommen: [.init("bestand", "Bestand", .links), .init("regel", "Regel"), .init("kolom", "Kolom", .links),
                                 .init("reden", "Reden", .links)])
        for v in verslagen {
            for fout in v.fouten {
                switch fout {
                case let .rij(bestand, regel, kolom, reden):
                    f.rijen.append([Tabel.Cel(kort(bestand)), .aantal(regel), Tabel.Cel(kolom ?? ""), Tabel.Cel(kort(reden))])
                case let .algemeen(reden):
                    f.rijen.append([Tabel.Cel(kort(v.bestand)), .aantal(nil), Tabel.Cel(""), Tabel.Cel(kort(reden))])
                }
            }
        }
        if !f.rijen.isEmpty {
            var fw = WebTabel(id: "fouten", titel: "Fouten (bestand, regel, kolom, reden)", tabel: f)
            fw.maxRijen = 500
            p.voeg(.tabel(fw))
        }
        let gewijzigd = verslagen.flatMap { v in v.telling.gewijzigdeSleutels.map { (kort(v.bestand), $0) } }
        if !gewijzigd.isEmpty {
            var g = Tabel(kolommen: [.init("bestand", "Bestand", .links), .init("sleutel", "Gewijzigd record", .links)])
            g.rijen = gewijzigd.map { [Tabel.Cel($0.0), Tabel.Cel($0.1)] }
            var gw = WebTabel(id: "gewijzigd", titel: "Gewijzigde records", tabel: g)
            gw.maxRijen = 200
            p.voeg(.tabel(gw))
        }
        p.voeg(.html("<p>" + Html.a("/import", "Terug naar import") + "</p>"))
        return p
    }
}

/// The last import report per user, so the report (and its CSV) can be fetched with GET after the POST.
final class Importverslagen: @unchecked Sendable {
    private var verslagen: [String: Pagina] = [:]
    private let slot = NSLock()
    func bewaar(_ p: Pagina, voor gebruiker: String) { slot.withLock { verslagen[gebruiker] = p } }
    func laatste(_ gebruiker: String) -> Pagina? { slot.withLock { verslagen[gebruiker] } }
}
