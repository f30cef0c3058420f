import ArgumentParser
import RegioCore
import RegioStore

extension Kostenverklaring.Criterium: ExpressibleByArgument {}

/// `regiomonitor verklaring`: explained and unexplained cost differences between the municipalities (issue 23, point 4).
struct VerklaringCommando: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        commandName: "verklaring",
        abstract: "Verklaarde en onverklaarde verschillen in kosten per jeugdige tussen de gemeenten, op objectieve criteria.",
        discussion: """
            De kosten per jeugdige van elke gemeente in elk jaar worden geschat op de gekozen criteria met de kleinste-
            kwadratenmethode (een lineair model met constante), over alle gemeente-jaren van de periode samen. Per gemeente:
            werkelijk, verwacht, het verschil met het regiogemiddelde dat de criteria verklaren (verwacht − gemiddelde) en
            wat ze niet verklaren (werkelijk − verwacht). De leave-one-out-fout zegt hoe ver het model gemiddeld afzit bij
            een gemeente-jaar dat het niet heeft gezien. Minimaal 5 gemeente-jaren per criterium.
            Criteria (uit de gemeentecijfers): ses (SES-score), wijkteam (wijkteam-fte per 1.000 jeugdigen), jeugdaandeel
            (jeugdigen per 100 inwoners), eenoudergezinnen (% van de gezinnen met kinderen), lage-inkomens (% huishoudens
            met een laag inkomen).
            Voorbeeld: regiomonitor verklaring --jaar 2016 --tot 2019 --criteria ses --criteria wijkteam
            """)

    typealias Criterium = Kostenverklaring.Criterium

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Jaar (of eerste jaar met --tot).") var jaar: Int
    @Option(name: .long, help: "Laatste jaar: het model wordt geschat op alle gemeente-jaren van de periode.") var tot: Int?
    @Option(name: .long, help: "Criterium (herhaalbaar): ses, wijkteam, jeugdaandeel, eenoudergezinnen of lage-inkomens; standaard ses en wijkteam.")
    var criteria: [Criterium] = []
    @OptionGroup var uitvoer: Uitvoeropties

    func run() throws {
        let laatste = tot ?? jaar
        guard laatste >= jaar else { throw ValidationError("--tot \(laatste) ligt voor --jaar \(jaar)") }
        guard laatste - jaar < 50 else { throw ValidationError("kies hooguit 50 jaren") }
        var gekozen: [Criterium] = []
        for c in criteria.isEmpty ? Criterium.standaard : criteria where !gekozen.contains(c) { gekozen.append(c) }
        let dienst = Cijferdienst(try database.open())
        // each year's cost per municipality; the reference data (names, gemeentecijfers) is the same in every answer
        var kosten: [Int: [String: Euro]] = [:], gegevens = Gegevens()
        for j in jaar...laatste {
            let (groepen, _, basis) = try dienst.kengetallen(van: Dag.eersteVan(jaar: j), tot: Dag.laatsteVan(jaar: j),
                                                             per: .gemeente, selectie: Selectie(), peildatum: nil)
            gegevens = basis.gegevens
            kosten[j] = Dictionary(groepen.map { ($0.groep, $0.gedeclareerd) }, uniquingKeysWith: { a, _ in a })
        }
        let namen = Dictionary(gegevens.gemeenten.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
        let (waarnemingen, zonder) = Kostenverklaring.waarnemingen(kostenPerJaar: kosten, gemeentecijfers: gegevens.gemeentecijfers,
                                                                    criteria: gekozen)
        let verklaring: Kostenverklaring
        do {
            verklaring = try Kostenverklaring(criteria: gekozen.map(\.rawValue), waarnemingen: waarnemingen)
        } catch {
            throw Opdrachtfout(description: "verklaring: \(error)"
                + (zonder.isEmpty ? "" : "; niet meegenomen: " + zonder.joined(separator: "; ")))
        }
        let m = verklaring.model
        let model = verklaring.modeltabel(termen: gekozen.map(\.omschrijving))
        let tabel = verklaring.regeltabel(namen: namen)
        guard format == .tabel else { return try tabel.afdrukken(uitvoer) }
        print("Model: kosten per jeugdige = constante + " + gekozen.map(\.omschrijving).joined(separator: " + ")
              + ", kleinste kwadraten over \(m.waarnemingen) gemeente-jaren (\(jaar == laatste ? "\(jaar)" : "\(jaar)-\(laatste)")).")
        model.afdrukken(.tabel)
        print("R² \(Tabel.decimaal(m.rKwadraat, 3).replacing(".", with: ",")); standaardfout van de residuen "
              + "\(Kostenverklaring.bedrag(m.residuStandaardfout)?.heleEuros ?? "-") per jeugdige (\(m.vrijheidsgraden) vrijheidsgraden); "
              + "leave-one-out-fout \(Kostenverklaring.bedrag(m.leaveOneOutFout)?.heleEuros ?? "-") per jeugdige.")
        if !zonder.isEmpty { print("Niet meegenomen: " + zonder.joined(separator: "; ") + ".") }
        print("")
        tabel.afdrukken(.tabel)
        print("")
        print("Verklaard = verwacht − regiogemiddelde (wat de criteria voorspellen); onverklaard = werkelijk − verwacht. "
              + "Samen het verschil met het regiogemiddelde (alle kosten van de regio gedeeld door al haar jeugdigen).")
    }
}
