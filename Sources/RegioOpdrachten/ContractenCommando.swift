import ArgumentParser
import RegioCore
import RegioStore

/// `regiomonitor contracten`: the contracts of a year (p x q, task-based, subsidy, lump sum) against what is paid,
/// declared and produced, and each municipality's share (issue 23, point 1).
struct ContractenCommando: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        commandName: "contracten",
        abstract: "Contracten van een jaar: contractsom, betaald, gedeclareerd, productie en het aandeel van elke gemeente.",
        discussion: """
            De realisatie van een p x q-contract zijn de declaraties van de aanbieder in het perceel. Een taakgericht contract, \
            een subsidie of een lumpsum heeft geen declaraties: de realisatie zijn de betalingen (bestand betalingen), of, \
            zolang er geen betalingen zijn, het betaalschema van het contract (maand: 1/12, kwartaal: 1/4, jaar: alles in \
            januari). Een contract of betaling van één gemeente is van die gemeente; wat de regio betaalt, wordt verdeeld \
            naar de sleutel. De productie (cliënten, trajecten, uren) komt uit de productieopgaven van de aanbieders.
            Voorbeeld: regiomonitor contracten --jaar 2020 --peildatum 2020-06-30
            """)

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Jaar.") var jaar: Int
    @Option(name: .long, help: "Stand op deze datum JJJJ-MM-DD: betalingen en productie tot dan, het schema tot en met die maand (standaard: het hele jaar).")
    var peildatum: String?
    @Option(name: .long, help: "Verdeelsleutel voor wat de regio betaalt: macrobudget, jeugdigen of inwoners.") var sleutel: String = "macrobudget"
    @OptionGroup var uitvoer: Uitvoeropties

    func run() throws {
        let s: VereveningSleutel
        do { s = try VereveningSleutel.parse(sleutel) } catch { throw ValidationError("--sleutel: \(error)") }
        guard !s.kijktTerug else { throw ValidationError("--sleutel: kies macrobudget, jeugdigen of inwoners (een sleutel vooraf)") }
        let pd = try leesDag(peildatum, "peildatum") ?? Dag.laatsteVan(jaar: jaar)
        let g = try database.open().gegevens()
        guard g.contracten.contains(where: { $0.jaar == jaar }) else {
            throw Opdrachtfout(description: "geen contracten voor \(jaar): importeer een bestand met jaar, perceel, agb, bekostiging, contractsom.")
        }
        let o: Contractoverzicht
        do { o = try Contractoverzicht(g, jaar: jaar, peildatum: pd, sleutel: s) } catch { throw Opdrachtfout(description: "contracten: \(error)") }
        let gemeentenamen = Dictionary(g.gemeenten.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
        let contracten = Tabel.contracten(o, gemeentenamen: gemeentenamen)
        guard format == .tabel else { return try contracten.afdrukken(uitvoer) }
        print("Contracten \(jaar), stand \(pd.nederlands).")
        contracten.afdrukken(.tabel)
        print("")
        print("Realisatie per gemeente (wat de regio betaalt naar de sleutel \(s.rawValue): \(s.omschrijving)).")
        Tabel.contractaandelen(o, gemeentenamen: gemeentenamen)
            .afdrukken(.tabel)
        print("")
        print("Bron: declaraties (p x q), betalingen, of het betaalschema waar nog geen betalingen zijn. Cliënten laatste maand: "
              + "de cliënten van de laatste productieopgave (cliënten tellen niet op over maanden).")
    }
}
