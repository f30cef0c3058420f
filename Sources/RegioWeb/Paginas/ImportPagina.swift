import Foundation
import RegioCore
import RegioImport
import RegioStore

/// Upload of CSV files and iJw XML messages, with the validation report of every file and message.
enum ImportPagina {
    static func pagina(_ v: Paginaverzoek, store: any Opslag, csrf: String) throws -> Pagina {
        try v.eisRegio()
        var p = Pagina(titel: "Import", ondertitel: "Elk bestand wordt in zijn geheel geïmporteerd of helemaal niet; het soort bestand wordt aan de kopregel herkend.")
        p.voeg(.html("""
            <form class="keuze" method="post" action="/import" enctype="multipart/form-data">
            <input type="hidden" name="csrf" value="\(Webhtml.esc(csrf))">
            <label>Bestanden (CSV of iJw-XML)<input type="file" name="bestand" multiple required accept=".csv,.txt,.xml"></label>
            <label><span><input type="checkbox" name="controleer" value="ja"> alleen controleren, niets schrijven</span></label>
            <label><span><input type="checkbox" name="negeer_kolommen" value="ja"> onbekende kolommen overslaan</span></label>
            <button>Importeren</button></form>
            """))
        p.voeg(.html("<p>" + Webhtml.a("/import/verslag", "Laatste importverslag") + "</p>"))
        var t = Tabel(kolommen: [.init("bestand", "Bestand", .links), .init("soort", "Soort", .links), .init("tijdstip", "Tijdstip", .links),
                                 .init("toegevoegd", "Toegevoegd"), .init("gewijzigd", "Gewijzigd"), .init("ongewijzigd", "Ongewijzigd")])
        t.rijen = try store.importlog().map { [Tabel.Cel($0.bestand), Tabel.Cel($0.soort), Tijdstip.cel($0.tijdstip),
                                               .aantal($0.toegevoegd), .aantal($0.gewijzigd), .aantal($0.ongewijzigd)] }
        var w = WebTabel(id: "importlog", titel: "Eerdere imports (nieuwste eerst)", tabel: t)
        w.maxRijen = 50
        p.voeg(.tabel(w))
        return p
    }

    /// Imports the uploaded files from memory (an upload holds BSNs: no copy of it is written to disk) and returns the
    /// report as a page.
    static func importeer(_ bestanden: [Upload.Bestand], controleer: Bool, negeerKolommen: Bool, store: any Opslag,
                          sleutelpad: String, nu: String) throws -> (Pagina, geschreven: Bool) {
        var csv: [(naam: String, inhoud: [UInt8])] = [], xml: [(naam: String, inhoud: Data)] = []
        var namen: Set<String> = []
        for (i, b) in bestanden.enumerated() {
            // the user's file name, made safe and unique, keeps the report and the import log readable
            let veilig = String(b.naam.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(100))
            var naam = veilig.isEmpty || veilig.hasPrefix(".") ? "bestand\(i + 1).csv" : veilig
            if namen.contains(naam) { naam = "\(i + 1)-" + naam }
            namen.insert(naam)
            // an iJw message by its name or its first character, as on the command line
            if naam.lowercased().hasSuffix(".xml") || b.inhoud.first(where: { !" \t\r\n\u{FEFF}".utf8.contains($0) }) == UInt8(ascii: "<") {
                xml.append((naam, Data(b.inhoud)))
            } else {
                csv.append((naam, b.inhoud))
            }
        }
        let p = try Pseudonimiseerder.vanBestand(sleutelpad)
        let importeur = Importeur(store: store, pseudonimiseerder: p, opties: ImportOpties(negeerKolommen: negeerKolommen, controleer: controleer))
        let verslagen = csv.isEmpty ? [] : importeur.importeer(bestanden: csv, nu: nu)
        var pagina = verslag(verslagen, controleer: controleer)
        var ijw: [IJWBerichtverslag] = []
        if !xml.isEmpty {
            do { ijw = try IJWImporteur(store: store, pseudonimiseerder: p, controleer: controleer).importeer(berichten: xml, nu: nu) } catch {
                throw Paginafout.ongeldig("iJw-berichten kunnen niet worden geïmporteerd: \(error)")
            }
            if csv.isEmpty {
                let geweigerd = ijw.filter { $0.uitkomst == .geweigerd }.count
                pagina = Pagina(titel: "Importverslag", ondertitel: controleer ? "Alleen gecontroleerd: er is niets geschreven." : "")
                pagina.voeg(.melding(geweigerd == 0 ? "Alle berichten zijn verwerkt." : "\(geweigerd) van \(ijw.count) berichten geweigerd; daarvan is niets geïmporteerd, de andere berichten wel.",
                                     soort: geweigerd == 0 ? .goed : .fout))
            }
            berichten(ijw, in: &pagina)
        }
        return (pagina, verslagen.contains { $0.geschreven } || ijw.contains { $0.uitkomst == .geimporteerd && !controleer })
    }

    static func verslag(_ verslagen: [Bestandsverslag], controleer: Bool) -> Pagina {
        // a reason quoting a field never shows a BSN (the import leaves them out; this says so once more)
        func kort(_ s: String) -> String { BSN.verberg(in: s) }
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
                    f.rijen.append([Tabel.Cel(kort(bestand)), .aantal(regel), Tabel.Cel(kort(kolom ?? "")), Tabel.Cel(kort(reden))])
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
        p.voeg(.html("<p>" + Webhtml.a("/import", "Terug naar import") + "</p>"))
        return p
    }
}

extension ImportPagina {
    /// One row per iJw message and one per error, with the element path and the iJw code the standard uses.
    static func berichten(_ verslagen: [IJWBerichtverslag], in p: inout Pagina) {
        func kort(_ s: String) -> String { BSN.verberg(in: s) }
        var t = Tabel(kolommen: [.init("bestand", "Bestand", .links), .init("bericht", "Bericht", .links), .init("uitkomst", "Uitkomst", .links),
                                 .init("regels", "Regels"), .init("fouten", "Fouten")])
        t.rijen = verslagen.map { [Tabel.Cel(kort($0.bestand)), Tabel.Cel($0.bericht ?? $0.soort.map { "\($0)" } ?? "?"), Tabel.Cel($0.uitkomst.rawValue),
                                   .aantal($0.regels), .aantal($0.fouten.count + ($0.storing == nil ? 0 : 1))] }
        var w = WebTabel(id: "ijw_berichten", titel: "iJw-berichten", tabel: t)
        w.rijklassen = verslagen.map { $0.uitkomst == .geweigerd ? "boven" : nil }
        p.voeg(.tabel(w))
        var f = Tabel(kolommen: [.init("bestand", "Bestand", .links), .init("regel", "Regel"), .init("pad", "Elementpad", .links),
                                 .init("code", "iJw-code", .links), .init("reden", "Reden", .links)])
        for v in verslagen {
            if let s = v.storing { f.rijen.append([Tabel.Cel(kort(v.bestand)), .aantal(nil), Tabel.Cel(""), Tabel.Cel(""), Tabel.Cel(kort(s))]) }
            for e in v.fouten {
                f.rijen.append([Tabel.Cel(kort(e.bestand)), .aantal(e.regelnummer), Tabel.Cel(e.pad), Tabel.Cel(e.regel.code), Tabel.Cel(e.reden)])
            }
        }
        if !f.rijen.isEmpty {
            var fw = WebTabel(id: "ijw_fouten", titel: "Fouten in iJw-berichten", tabel: f)
            fw.maxRijen = 500
            p.voeg(.tabel(fw))
        }
    }
}

/// The last import report per user, so the report (and its CSV) can be fetched with GET after the POST.
final class Importverslagen: @unchecked Sendable {
    private var verslagen: [String: Pagina] = [:]
    private let slot = NSLock()
    func bewaar(_ p: Pagina, voor gebruiker: String) { slot.withLock { verslagen[gebruiker] = p } }
    func laatste(_ gebruiker: String) -> Pagina? { slot.withLock { verslagen[gebruiker] } }
}
