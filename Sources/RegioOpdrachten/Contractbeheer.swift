import ArgumentParser
import Foundation
import RegioCore
import RegioStore
import RegioWeergave

/// The options the contract-management views share.
struct ContractOpties: ParsableArguments, MetUitvoer {
    @Option(name: .long, help: "Jaar (standaard: het laatste jaar waarvan de declaraties grotendeels binnen zijn).") var jaar: Int?
    @Option(name: .long, help: "Alleen deze gemeente (gemeentecode).") var gemeente: String?
    @Option(name: .long, help: "Peildatum JJJJ-MM-DD: wat op die dag bekend was (standaard: de laatste datum in de gegevens).") var peildatum: String?
    @OptionGroup var uitvoer: Uitvoeropties

    /// The data, the valuation date, the year and the municipality code.
    func laad(_ database: DatabaseOpties) throws -> (Gegevens, Dag, Int, String?) {
        let store = try database.open()
        let g = try store.gegevens()
        guard let stand = g.stand else { throw ValidationError("de database is leeg: importeer eerst gegevens (of regiomonitor demo)") }
        let pd = try leesDag(peildatum, "peildatum") ?? stand
        // the last year whose declarations are mostly in: three months after its end
        let j = jaar ?? (pd - Contractinstellingen.standaard.compleetNaDagen).jaar
        let gem = try gemeente.map(Cijfers.gemeentecode)
        if let gem, !g.gemeenten.contains(where: { $0.code == gem }) { throw ValidationError("onbekende gemeente '\(gem)'") }
        return (g, pd, j, gem)
    }
}

struct AanbiedersCommando: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aanbieders",
        abstract: "Aanbiedersbenchmark (kosten, duur, terugkeer, uitnutting tegen de mediaan van vergelijkbare aanbieders) en normbudgetten.",
        discussion: """
            ↑/↓: minstens 1,5 keer boven of onder de mediaan van de aanbieders met hetzelfde product of perceel (terugkeer en \
            uitnutting: 10 procentpunt). Aanbieders met \
            minder dan 10 cliënten staan erbij maar krijgen geen rang. Definities: docs/contractbeheer.md.
            """)

    @OptionGroup var database: DatabaseOpties
    @OptionGroup var opties: ContractOpties
    @Option(name: .long, help: "Niveau: aanbieder, perceel of product.") var per: Benchmarkniveau = .product
    @Option(name: .long, help: "Alleen deze aanbieder (AGB).") var agb: String?
    @Flag(name: .long, help: "Toon de normbudgetten: realisatie en prognose per aanbieder tegen het normbudget.") var normbudgetten = false

    func run() throws {
        let (g, pd, jaar, gemeente) = try opties.laad(database)
        if normbudgetten {
            if gemeente != nil { stderr("Let op: een normbudget geldt voor de hele regio; --gemeente telt hier niet mee.") }
            var (rijen, totaal) = Normbudgetbewaking.bereken(g, jaar: jaar, peildatum: pd)
            if let agb { rijen = rijen.filter { $0.agb == agb } }
            if rijen.isEmpty { print("Geen normbudgetten voor \(jaar): importeer een bestand met agb, jaar, perceel, normbudget.") ; return }
            try Tabel.normbudgetten(rijen, totaal).afdrukken(opties.uitvoer)
            if opties.format == .tabel {
                let over = rijen.filter { $0.signaal == .overschreden }.count, dreigt = rijen.filter { $0.signaal == .dreigt }.count
                print("\nNormbudgetten \(jaar), peildatum \(pd): \(over) overschreden, \(dreigt) dreigen te overschrijden (prognose boven normbudget). \(totaal.completeMaanden) complete maanden.")
            }
            return
        }
        let van = Dag.eersteVan(jaar: jaar), tot = Dag.laatsteVan(jaar: jaar)
        var (rijen, totaal) = Aanbiedersbenchmark.bereken(g, van: van, tot: tot, niveau: per, gemeente: gemeente, peildatum: pd)
        if let agb { rijen = rijen.filter { $0.agb == agb } }
        try Tabel.benchmark(rijen, totaal, niveau: per, kort: opties.format == .tabel).afdrukken(opties.uitvoer)
        if opties.format == .tabel {
            let gemarkeerd = rijen.filter { !$0.afwijkingen.isEmpty }.count
            print("\n\(jaar)\(gemeente.map { ", gemeente \($0)" } ?? ""): \(rijen.count) regels, \(rijen.filter(\.gerangschikt).count) gerangschikt, \(gemarkeerd) met een afwijking (↑/↓: ≥ 1,5× boven/onder de mediaan, bij percentages 10 procentpunt). Rang 1 = hoogste kosten per cliënt in de vergelijkingsgroep.")
            print("Duur en terugkeer: trajecten (aaneengesloten toewijzingen bij de aanbieder) die in \(jaar) eindigden; terugkeer alleen met een heel jaar nazorg bekend. Cliënten tellen in het totaal één keer.")
        }
    }
}

extension Benchmarkniveau: ExpressibleByArgument {}
extension Wachtgroepering: ExpressibleByArgument {}

struct Markt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Marktanalyse per segment: kosten- en cliëntaandeel, aanbieders, concentratie (top-5, Herfindahl), verwijzers, groei, Kraljic.",
        discussion: "Definities: docs/contractbeheer.md. Met --grafiek schrijf je de Kraljic-plaatsing als SVG.")

    enum Onderdeel: String, ExpressibleByArgument, CaseIterable { case segmenten, groei, verklaring, aanbieders }

    @OptionGroup var database: DatabaseOpties
    @OptionGroup var opties: ContractOpties
    @Option(name: .long, help: "Voor csv/json: segmenten, groei (per segment), verklaring (groei per segment uit volume, intensiteit en prijs) of aanbieders (grootste aanbieders per jaar).")
    var onderdeel: Onderdeel = .segmenten
    @Option(name: .long, help: "Aantal aanbieders in de groeitabel.") var top = 10
    @Option(name: .long, help: "Schrijf de Kraljic-grafiek (SVG) naar dit bestand.") var grafiek: String?

    func run() throws {
        let (g, pd, jaar, gemeente) = try opties.laad(database)
        let m = Marktanalyse.bereken(g, jaar: jaar, gemeente: gemeente, peildatum: pd, topAanbieders: top)
        if let grafiek {
            try SVGGrafiek.kraljic(m).write(toFile: grafiek, atomically: true, encoding: .utf8)
            stderr("Kraljic-grafiek geschreven naar \(grafiek).")
        }
        let segmenten = Tabel.marktSegmenten(m)
        let groei = Tabel.groei(m.groeiSegmenten, jaren: m.jaren, kop: "Segment", totaal: true)
        let aanbieders = Tabel.groei(m.groeiAanbieders, jaren: m.jaren, kop: "AGB", totaal: false)
        // the growth of the last year per segment as clients x units x price (the same split as `verschil`)
        let verschil = Verschilanalyse(g.bekendOp(pd), van: jaar - 1, naar: jaar, per: .segment, gemeente: gemeente)
        let verklaring = verschil.tabel(per: .segment, namen: Dictionary(g.percelen.map { ($0.segment, $0.segment) }, uniquingKeysWith: { a, _ in a }),
                                       a: String(jaar - 1), b: String(jaar))
        switch opties.format {
        case .tabel:
            print("Marktanalyse \(jaar)\(gemeente.map { ", gemeente \($0)" } ?? "") (peildatum \(pd))")
            segmenten.afdrukken(.tabel)
            print("% cliënten: cliënten in het segment / unieke cliënten in de regio (een cliënt in twee segmenten telt in beide). HHI: Herfindahl-index in punten (0-10.000). Verwijzers: aandeel van de kosten.\n")
            print("Kosten per segment per jaar")
            groei.afdrukken(.tabel)
            print("\nGroei \(jaar - 1) → \(jaar) per segment: volume (cliënten), intensiteit (zorg per cliënt en mix) en prijs (tarieven), zoals regiomonitor verschil")
            verklaring.afdrukken(.tabel)
            print("\nDe \(top) grootste aanbieders van \(jaar)")
            aanbieders.afdrukken(.tabel)
        case .csv, .csvNL, .json, .xlsx:
            switch onderdeel {
            case .segmenten: try segmenten.afdrukken(opties.uitvoer)
            case .groei: try groei.afdrukken(opties.uitvoer)
            case .verklaring: try verklaring.afdrukken(opties.uitvoer)
            case .aanbieders: try aanbieders.afdrukken(opties.uitvoer)
            }
        }
    }
}

struct DoorlooptijdenCommando: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doorlooptijden",
        abstract: "Cliëntstroom: wachttijden (verzoek→toewijzing→start→einde), wie nu wacht, in- en uitstroom per maand, residentieel→ambulant.",
        discussion: """
            Start en einde uit start- en stopberichten (JW305/JW307); zonder die berichten de eerste en laatste declaratie. \
            'Wachtend nu' geldt op de peildatum (standaard het einde van het jaar of de laatste datum in de gegevens). \
            Definities: docs/contractbeheer.md.
            """)

    enum Onderdeel: String, ExpressibleByArgument, CaseIterable { case wachttijden, stromen, verschuiving }

    @OptionGroup var database: DatabaseOpties
    @OptionGroup var opties: ContractOpties
    @Option(name: .long, help: "Wachttijden per aanbieder, product, gemeente of perceel.") var per: Wachtgroepering = .aanbieder
    @Option(name: .long, help: "Voor csv/json: wachttijden, stromen (per maand) of verschuiving (residentieel/ambulant per jaar).") var onderdeel: Onderdeel = .wachttijden

    func run() throws {
        let (g, stand, jaar, gemeente) = try opties.laad(database)
        let store = try database.open()
        let leveringen = try store.leveringen()
        let ref = Referentiekaart(g)
        let van = Dag.eersteVan(jaar: jaar), tot = Dag.laatsteVan(jaar: jaar)
        // waiting "now": at the end of the year, or the stand when the year is still running; known with today's data
        let pd = opties.peildatum == nil ? min(tot, stand) : stand
        let trajecten = Doorlooptijden.trajecten(g, leveringen: leveringen.filter { $0.gestartOp <= stand }, stand: stand)
        var perceelVanProduct: [String: String] = [:]
        for t in trajecten { perceelVanProduct[t.product] = t.perceel }
        let namen: (String) -> String = { k in
            switch per {
            case .aanbieder: return ref.aanbieders[k]?.naam ?? k
            case .gemeente: return ref.gemeenten[k]?.naam ?? k
            case .perceel: return ref.percelen[k]?.naam ?? k
            case .product:
                let d = k.split(separator: "/", maxSplits: 1).map(String.init)
                return ref.product(categorie: d[0], code: d.count > 1 ? d[1] : nil, jaar: jaar)?.omschrijving ?? k
            }
        }
        let (rijen, totaal) = Doorlooptijden.wachttijden(trajecten, verzoeken: g.verzoeken.filter { $0.ontvangenOp <= stand },
                                                         van: van, tot: tot, peildatum: pd, per: per, gemeente: gemeente,
                                                         perceelVan: { perceelVanProduct[$0] ?? "onbekend" }, namen: namen)
        let wachttabel = Tabel.wachttijden(rijen.sorted { $0.wachtendNu.count != $1.wachtendNu.count ? $0.wachtendNu.count > $1.wachtendNu.count : $0.groep < $1.groep },
                                           totaal, kop: per.rawValue.capitalized)
        let stromen = Tabel.maandstromen(Doorlooptijden.maandstromen(trajecten, jaar: jaar, gemeente: gemeente, peildatum: stand))
        let eerste = g.declaraties.map(\.begindatum.jaar).min() ?? jaar
        let verschuiving = Tabel.verschuiving(Doorlooptijden.verschuiving(g, jaren: min(eerste, jaar)...jaar, gemeente: gemeente))
        switch opties.format {
        case .tabel:
            let bronnen = Dictionary(grouping: trajecten.compactMap(\.startBron), by: { $0 }).mapValues(\.count)
            print("Wachttijden \(jaar) in dagen (toewijzingen met toewijzingsdatum in \(jaar)); wachtend op \(pd)")
            wachttabel.afdrukken(.tabel)
            print("Start bekend uit iJw-startberichten: \(bronnen[.ijw] ?? 0), uit de eerste declaratie: \(bronnen[.declaratie] ?? 0). Zonder startbericht telt zorg die al liep maar nog niet gedeclareerd is als wachtend; outputproducten (één declaratie aan het eind) tellen dan als 'start onbekend'.\n")
            print("In- en uitstroom per maand (geleverde zorg, cliënten)")
            stromen.afdrukken(.tabel)
            print("\nResidentieel en ambulant per jaar (cliënten en kosten)")
            verschuiving.afdrukken(.tabel)
        case .csv, .csvNL, .json, .xlsx:
            switch onderdeel {
            case .wachttijden: try wachttabel.afdrukken(opties.uitvoer)
            case .stromen: try stromen.afdrukken(opties.uitvoer)
            case .verschuiving: try verschuiving.afdrukken(opties.uitvoer)
            }
        }
    }
}
