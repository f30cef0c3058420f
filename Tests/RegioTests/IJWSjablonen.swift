import Foundation
import RegioCore
import RegioImport
import RegioStore

/// Valid iJw 3.2 messages written from the iJw 3.2 XSDs (Zorginstituut Nederland), with only the fields a test varies as parameters.
enum IJWSjabloon {
    struct Product {
        var nummer = "5001"
        var referentie: String? = "REF-1"
        var categorie = "45"
        var code: String? = "45A03"
        var datum = "2026-01-10"
        var van = "2026-01-15"
        var tot: String? = "2026-06-30"
        var reden: String? = nil
        var omvang: (volume: Int, eenheid: String, frequentie: String)? = (4, "04", "2")
        var budget: Int? = nil
        var verwijzer = ("02", "Dr. Pieters")
    }

    struct Start {
        var nummer: String? = "5001"
        var categorie = "45"
        var code = "45A03"
        var toewijzingVan: String? = "2026-01-15"
        var begin = "2026-01-16"
        var status = "1"
        var reden: String? = nil
        var eind: String? = nil
    }

    struct Prestatie {
        var referentie = "R1"
        var vorig: String? = nil
        var nummer = "5001"
        var categorie = "45"
        var code = "45A03"
        var van = "2026-02-01"
        var tot = "2026-02-28"
        var volume = 16
        var eenheid = "04"
        var tarief: Int? = 6250
        var bedrag = 100_000
        var dc = "D"
        var retourcodes: [String] = []
    }

    static func kop(_ soort: String, _ code: String, afzender: String, ontvanger: String, id: String, dag: String,
                    extra: String = "") -> String {
        let p = soort.lowercased()
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <\(p):Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:\(p)="http://www.istandaarden.nl/ijw/3_2/\(p)/schema">
          <\(p):Header>
            <\(p):BerichtCode>\(code)</\(p):BerichtCode>
            <\(p):BerichtVersie>3</\(p):BerichtVersie>
            <\(p):BerichtSubversie>2</\(p):BerichtSubversie>
            <\(p):Afzender>\(afzender)</\(p):Afzender>
            <\(p):Ontvanger>\(ontvanger)</\(p):Ontvanger>
            <\(p):BerichtIdentificatie><ijw:Identificatie>\(id)</ijw:Identificatie><ijw:Dagtekening>\(dag)</ijw:Dagtekening></\(p):BerichtIdentificatie>
            <\(p):XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></\(p):XsdVersie>\(extra)
          </\(p):Header>
        """
    }

    static func persoon(_ p: String, bsn: String, volledig: Bool = false) -> String {
        """
            <\(p):Bsn>\(bsn)</\(p):Bsn>
            <\(p):Geboortedatum><ijw:Datum>2012-05-01</ijw:Datum></\(p):Geboortedatum>
            <\(p):Geslacht>1</\(p):Geslacht>
            <\(p):Naam><ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam></ijw:Geslachtsnaam>\(volledig ? "<ijw:NaamGebruik>1</ijw:NaamGebruik>" : "<ijw:Voorletters>K</ijw:Voorletters>")</\(p):Naam>
        """
    }

    static func product(_ p: String, _ x: Product) -> String {
        "<\(p):Product><ijw:Categorie>\(x.categorie)</ijw:Categorie>" + (x.code.map { "<ijw:Code>\($0)</ijw:Code>" } ?? "") + "</\(p):Product>"
    }

    static func omvang(_ p: String, _ x: Product) -> String {
        x.omvang.map { "<\(p):Omvang><ijw:Volume>\($0.volume)</ijw:Volume><ijw:Eenheid>\($0.eenheid)</ijw:Eenheid><ijw:Frequentie>\($0.frequentie)</ijw:Frequentie></\(p):Omvang>" } ?? ""
    }

    static func jw315(id: String = "V1", dag: String = "2026-01-05", agb: String = "12345678", gemeente: String = "0307",
                      bsn: String = "999900006", producten: [Product] = [Product()]) -> String {
        let p = "jw315"
        let items = producten.map { x in
            """
                  <jw315:AangevraagdProduct>
                    <jw315:ReferentieAanbieder>\(x.referentie ?? "")</jw315:ReferentieAanbieder>
                    \(product(p, x))
                    <jw315:ToewijzingIngangsdatum>\(x.van)</jw315:ToewijzingIngangsdatum>
                    \(x.tot.map { "<jw315:ToewijzingEinddatum>\($0)</jw315:ToewijzingEinddatum>" } ?? "")
                    \(omvang(p, x))
                    <jw315:Verwijzer><ijw:Type>\(x.verwijzer.0)</ijw:Type><ijw:Naam>\(x.verwijzer.1)</ijw:Naam></jw315:Verwijzer>
                  </jw315:AangevraagdProduct>
            """
        }.joined(separator: "\n")
        return kop("JW315", "446", afzender: agb, ontvanger: gemeente, id: id, dag: dag) + """
          <jw315:Client>
        \(persoon(p, bsn: bsn))
            <jw315:AangevraagdeProducten>
        \(items)
            </jw315:AangevraagdeProducten>
          </jw315:Client>
        </jw315:Bericht>
        """
    }

    static func jw301(id: String = "T1", dag: String = "2026-01-10", gemeente: String = "0307", agb: String = "12345678",
                      bsn: String = "999900006", producten: [Product] = [Product()]) -> String {
        let p = "jw301"
        let items = producten.map { x in
            """
                  <jw301:ToegewezenProduct>
                    <jw301:ToewijzingNummer>\(x.nummer)</jw301:ToewijzingNummer>
                    \(x.referentie.map { "<jw301:ReferentieAanbieder>\($0)</jw301:ReferentieAanbieder>" } ?? "")
                    \(product(p, x))
                    <jw301:Toewijzingsdatum>\(x.datum)</jw301:Toewijzingsdatum>
                    <jw301:Toewijzingstijd>09:30:00</jw301:Toewijzingstijd>
                    <jw301:Ingangsdatum>\(x.van)</jw301:Ingangsdatum>
                    \(x.tot.map { "<jw301:Einddatum>\($0)</jw301:Einddatum>" } ?? "")
                    \(x.reden.map { "<jw301:RedenWijziging>\($0)</jw301:RedenWijziging>" } ?? "")
                    \(omvang(p, x))
                    \(x.budget.map { "<jw301:Budget>\($0)</jw301:Budget>" } ?? "")
                  </jw301:ToegewezenProduct>
            """
        }.joined(separator: "\n")
        return kop("JW301", "436", afzender: gemeente, ontvanger: agb, id: id, dag: dag) + """
          <jw301:Client>
        \(persoon(p, bsn: bsn, volledig: true))
            <jw301:Contactgegevens><jw301:Contact><jw301:Soort>01</jw301:Soort></jw301:Contact></jw301:Contactgegevens>
            <jw301:ToegewezenProducten>
        \(items)
            </jw301:ToegewezenProducten>
          </jw301:Client>
        </jw301:Bericht>
        """
    }

    static func startStop(_ soort: String, id: String, dag: String, agb: String, gemeente: String, bsn: String,
                          regels: [Start]) -> String {
        let p = soort.lowercased(), stop = soort == "JW307"
        let element = stop ? "StopProduct" : "StartProduct"
        let items = regels.map { x in
            """
                  <\(p):\(element)>
                    \(x.nummer.map { "<\(p):ToewijzingNummer>\($0)</\(p):ToewijzingNummer>" } ?? "")
                    <\(p):Product><ijw:Categorie>\(x.categorie)</ijw:Categorie><ijw:Code>\(x.code)</ijw:Code></\(p):Product>
                    \(x.toewijzingVan.map { "<\(p):ToewijzingIngangsdatum>\($0)</\(p):ToewijzingIngangsdatum>" } ?? "")
                    <\(p):Begindatum>\(x.begin)</\(p):Begindatum>
                    \(stop ? "<\(p):RedenBeeindiging>\(x.reden ?? "31")</\(p):RedenBeeindiging><\(p):Einddatum>\(x.eind ?? "2026-03-31")</\(p):Einddatum>" : "")
                    <\(p):StatusAanlevering>\(x.status)</\(p):StatusAanlevering>
                  </\(p):\(element)>
            """
        }.joined(separator: "\n")
        return kop(soort, stop ? "440" : "438", afzender: agb, ontvanger: gemeente, id: id, dag: dag) + """
          <\(p):Client>
        \(persoon(p, bsn: bsn))
            <\(p):\(element)en>
        \(items)
            </\(p):\(element)en>
          </\(p):Client>
        </\(p):Bericht>
        """
    }

    static func jw305(id: String = "S1", dag: String = "2026-01-20", agb: String = "12345678", gemeente: String = "0307",
                      bsn: String = "999900006", starts: [Start] = [Start()]) -> String {
        startStop("JW305", id: id, dag: dag, agb: agb, gemeente: gemeente, bsn: bsn, regels: starts)
    }

    static func jw307(id: String = "E1", dag: String = "2026-04-02", agb: String = "12345678", gemeente: String = "0307",
                      bsn: String = "999900006", stops: [Start] = [Start(reden: "31", eind: "2026-03-31")]) -> String {
        startStop("JW307", id: id, dag: dag, agb: agb, gemeente: gemeente, bsn: bsn, regels: stops)
    }

    static func prestatie(_ p: String, _ x: Prestatie, antwoord: Bool) -> String {
        """
                  <\(p):Prestatie>
                    <\(p):ProductReferentie><ijw:ReferentieNummer>\(x.referentie)</ijw:ReferentieNummer>\(x.vorig.map { "<ijw:VorigReferentieNummer>\($0)</ijw:VorigReferentieNummer>" } ?? "")</\(p):ProductReferentie>
                    <\(p):ToewijzingNummer>\(x.nummer)</\(p):ToewijzingNummer>
                    <\(p):ProductCategorie>\(x.categorie)</\(p):ProductCategorie>
                    <\(p):ProductCode>\(x.code)</\(p):ProductCode>
                    <\(p):ProductPeriode><ijw:Begindatum>\(x.van)</ijw:Begindatum><ijw:Einddatum>\(x.tot)</ijw:Einddatum></\(p):ProductPeriode>
                    <\(p):GeleverdVolume>\(x.volume)</\(p):GeleverdVolume>
                    <\(p):Eenheid>\(x.eenheid)</\(p):Eenheid>
                    \(x.tarief.map { "<\(p):ProductTarief>\($0)</\(p):ProductTarief>" } ?? "")
                    <\(p):IngediendBedrag><ijw:Bedrag>\(x.bedrag)</ijw:Bedrag><ijw:DebetCredit>\(x.dc)</ijw:DebetCredit></\(p):IngediendBedrag>
                    \(antwoord ? retourcodes(p, x.retourcodes.isEmpty ? ["0200"] : x.retourcodes) : "")
                  </\(p):Prestatie>
        """
    }

    static func retourcodes(_ p: String, _ codes: [String]) -> String {
        "<\(p):RetourCodes>" + codes.map { "<\(p):RetourCode>\($0)</\(p):RetourCode>" }.joined() + "</\(p):RetourCodes>"
    }

    static func metDC(_ centen: Int) -> String {
        "<ijw:TotaalBedrag>\(abs(centen))</ijw:TotaalBedrag><ijw:DebetCredit>\(centen < 0 ? "C" : "D")</ijw:DebetCredit>"
    }

    static func som(_ ps: [Prestatie]) -> Int { ps.map { $0.dc == "C" ? -$0.bedrag : $0.bedrag }.reduce(0, +) }

    static func jw323(id: String = "D1", dag: String = "2026-03-05", agb: String = "12345678", gemeente: String = "0307",
                      nummer: String = "DEC1", periode: (String, String) = ("2026-01-01", "2026-02-28"), totaal: Int? = nil,
                      clienten: [(bsn: String, prestaties: [Prestatie])]) -> String {
        let p = "jw323"
        let alle = clienten.flatMap(\.prestaties)
        let cl = clienten.map { c in
            """
                  <jw323:Client>
                    <jw323:Bsn>\(c.bsn)</jw323:Bsn>
                    <jw323:Prestaties>
            \(c.prestaties.map { prestatie(p, $0, antwoord: false) }.joined(separator: "\n"))
                    </jw323:Prestaties>
                  </jw323:Client>
            """
        }.joined(separator: "\n")
        return kop("JW323", "490", afzender: agb, ontvanger: gemeente, id: id, dag: dag) + """
          <jw323:Declaratie>
            <jw323:DeclaratieNummer>\(nummer)</jw323:DeclaratieNummer>
            <jw323:DeclaratiePeriode><ijw:Begindatum>\(periode.0)</ijw:Begindatum><ijw:Einddatum>\(periode.1)</ijw:Einddatum></jw323:DeclaratiePeriode>
            <jw323:DeclaratieDagtekening>\(dag)</jw323:DeclaratieDagtekening>
            <jw323:TotaalIngediendBedrag>\(metDC(totaal ?? som(alle)))</jw323:TotaalIngediendBedrag>
            <jw323:Clienten>
        \(cl)
            </jw323:Clienten>
          </jw323:Declaratie>
        </jw323:Bericht>
        """
    }

    /// An answer listing the rejected prestaties (with their retourcodes); the others are approved.
    static func jw325(id: String = "A1", dag: String = "2026-03-20", gemeente: String = "0307", agb: String = "12345678",
                      declaratieId: String = "D1", declaratieDag: String = "2026-03-05", nummer: String? = "DEC1",
                      ingediend: Int, afgewezen: [(bsn: String, prestaties: [Prestatie])] = [], kopcode: String = "0200") -> String {
        let p = "jw325"
        let extra = """

            <jw325:DeclaratieIdentificatie><ijw:Identificatie>\(declaratieId)</ijw:Identificatie><ijw:Dagtekening>\(declaratieDag)</ijw:Dagtekening></jw325:DeclaratieIdentificatie>
            <jw325:XsdVersieDeclaratie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw325:XsdVersieDeclaratie>
            \(retourcodes(p, [kopcode]))
        """
        guard let nummer else {
            return kop("JW325", "491", afzender: gemeente, ontvanger: agb, id: id, dag: dag, extra: extra) + "\n</jw325:Bericht>"
        }
        let af = som(afgewezen.flatMap(\.prestaties))
        let cl = afgewezen.map { c in
            """
                  <jw325:Client>
                    <jw325:Bsn>\(c.bsn)</jw325:Bsn>
                    <jw325:Prestaties>
            \(c.prestaties.map { prestatie(p, $0, antwoord: true) }.joined(separator: "\n"))
                    </jw325:Prestaties>
                    \(retourcodes(p, ["0200"]))
                  </jw325:Client>
            """
        }.joined(separator: "\n")
        return kop("JW325", "491", afzender: gemeente, ontvanger: agb, id: id, dag: dag, extra: extra) + """
          <jw325:DeclaratieAntwoord>
            <jw325:DeclaratieNummer>\(nummer)</jw325:DeclaratieNummer>
            <jw325:TotaalIngediendBedrag>\(metDC(ingediend))</jw325:TotaalIngediendBedrag>
            <jw325:TotaalToegekendBedrag>\(metDC(ingediend - af))</jw325:TotaalToegekendBedrag>
            \(afgewezen.isEmpty ? "" : "<jw325:Clienten>\n" + cl + "\n</jw325:Clienten>")
            \(retourcodes(p, ["0200"]))
          </jw325:DeclaratieAntwoord>
        </jw325:Bericht>
        """
    }

    /// A valid BSN (elfproef) from a running number: 8 digits, the ninth makes the weighted sum divisible by 11.
    static func bsn(_ n: Int) -> String {
        var getal = 20_000_000 + n
        while true {
            let d = String(format: "%08d", getal).map { Int(String($0))! }
            let laatste = (0..<8).map { d[$0] * (9 - $0) }.reduce(0, +) % 11
            if laatste < 10 { return d.map(String.init).joined() + String(laatste) }
            getal += 40_000_000  // outside the range of the other running numbers
        }
    }
}
