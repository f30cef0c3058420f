import ArgumentParser
import Foundation
import RegioCore
import RegioStore

struct NormbudgetCommando: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        commandName: "normbudget",
        abstract: "Normbudget per aanbieder uit het historisch gebruik, geschaald naar de beschikbare middelen.",
        discussion: "Historisch gebruik = de gedeclareerde kosten van de aanbieder in de jaren vóór --jaar (standaard de drie "
            + "jaren ervoor). Alleen aanbieders met gebruik in die jaren (of met een --ondergrens) krijgen een normbudget.")

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Het jaar waarvoor de normbudgetten gelden.") var jaar: Int
    @Option(name: .long, help: "Beschikbare middelen in euro's.") var beschikbaar: String
    @Option(name: .long, help: "Alleen het gebruik in dit perceel (herhaalbaar; 'verevend' = de verevende percelen).")
    var perceel: [String] = []
    @Option(name: .long, help: "Aantal historische jaren vóór --jaar (standaard 3).") var jaren: Int?
    @Option(name: .long, help: "Jaargewichten, oudste jaar eerst, bijvoorbeeld 1,3 (bepaalt ook het aantal jaren).")
    var gewichten: String?
    @Option(name: .long, help: "Ondergrens als AGB=BEDRAG (herhaalbaar).") var ondergrens: [String] = []
    @Option(name: .long, help: "Plafond als AGB=BEDRAG (herhaalbaar).") var plafond: [String] = []
    @OptionGroup var uitvoer: Uitvoeropties

    func run() throws {
        let middelen = try Bekostigingsinvoer.bedrag(beschikbaar, "--beschikbaar")
        let w: [Int64]? = try gewichten.map { t in
            try t.split(separator: ",").map { s in
                guard let n = Int64(s.trimmingCharacters(in: .whitespaces)), n >= 0 else {
                    throw ValidationError("--gewichten: '\(s)' is geen geheel getal van 0 of meer")
                }
                return n
            }
        }
        let aantal = w?.count ?? jaren ?? 3
        if let w, let jaren, w.count != jaren { throw ValidationError("--gewichten geeft \(w.count) jaren, --jaren \(jaren)") }
        guard (1...20).contains(aantal) else { throw ValidationError("kies 1 tot 20 historische jaren") }
        let historie = (jaar - aantal)...(jaar - 1)

        let g = try database.open().gegevens()
        let percelen = try Bekostigingsinvoer.percelen(perceel, g)
        var aanvragen = Bekostiging.gebruikPerAanbieder(g.kostenposten(jaren: historie), jaren: historie, percelen: percelen)
        for (optie, lijst) in [("--ondergrens", ondergrens), ("--plafond", plafond)] {
            for tekst in lijst {
                let delen = tekst.split(separator: "=", maxSplits: 1).map(String.init)
                guard delen.count == 2 else { throw ValidationError("\(optie): schrijf AGB=BEDRAG, niet '\(tekst)'") }
                let agb = try Bekostigingsinvoer.agb(delen[0], g), e = try Bekostigingsinvoer.bedrag(delen[1], optie)
                var i = aanvragen.firstIndex { $0.aanbieder == agb }
                if i == nil {
                    aanvragen.append(Bekostiging.Normbudgetaanvraag(aanbieder: agb, gebruik: Array(repeating: .nul, count: aantal)))
                    i = aanvragen.count - 1
                }
                if optie == "--ondergrens" { aanvragen[i!].ondergrens = e } else { aanvragen[i!].plafond = e }
            }
        }
        guard !aanvragen.isEmpty else {
            throw ValidationError("geen gedeclareerde kosten in \(historie.lowerBound)-\(historie.upperBound)"
                                  + (percelen.map { " in " + $0.sorted().joined(separator: ", ") } ?? ""))
        }
        let budgetten: [Bekostiging.Normbudget]
        do { budgetten = try Bekostiging.normbudgetten(beschikbaar: middelen, aanvragen: aanvragen, jaargewichten: w) }
        catch { throw Bekostigingsinvoer.fout(error) }
        let namen = Dictionary(g.aanbieders.map { ($0.agb, $0.naam) }, uniquingKeysWith: { a, _ in a })
        let tabel = Bekostiging.normbudgettabel(budgetten, aanvragen: aanvragen, jaren: Array(historie), namen: namen)
        guard format == .tabel else { try tabel.afdrukken(uitvoer); return }
        print("Normbudgetten \(jaar): beschikbaar \(middelen), verdeeld naar het gebruik in \(historie.lowerBound)-\(historie.upperBound)"
              + (w.map { " (jaargewichten " + $0.map(String.init).joined(separator: ", ") + ")" } ?? "")
              + (percelen.map { " in " + $0.sorted().joined(separator: ", ") } ?? "") + ".")
        tabel.afdrukken(.tabel)
        print("Budget/gebruik: het normbudget als deel van het gewogen gemiddelde jaargebruik; zonder begrenzing voor iedereen gelijk.")
    }
}

struct TaakgerichtCommando: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        commandName: "taakgericht",
        abstract: "Taakgericht budget: bijdrage per gemeente naar een verdeelsleutel vooraf, realisatie en verrekening achteraf.",
        discussion: "Realisatie = de gedeclareerde kosten van de cliënten van de gemeente in de gekozen percelen in --jaar. "
            + "Een perceel met een contract dat niet p x q is (taakgericht, subsidie, lumpsum) heeft geen declaraties: daar is "
            + "de realisatie wat betaald is (zonder betalingen het betaalschema), de betalingen van een gemeente voor haar "
            + "eigen rekening en die van de regio naar gebruik verdeeld: de cliëntmaanden in de productieopgaven van de "
            + "aanbieder (zonder opgaven naar het macrobudget). Een jaartotaal uit het grootboek telt voor zijn gemeente. "
            + "Zonder --perceel: de percelen met bekostiging 'taak'. De sleutel gebruik kijkt naar de drie jaren vóór --jaar.")

    enum Afspraak: String, ExpressibleByArgument, CaseIterable {
        case geen, verschilNaarSleutel = "verschil-naar-sleutel", budgetNaarRealisatie = "budget-naar-realisatie"
        var verrekening: Bekostiging.Verrekening {
            switch self {
            case .geen: .geen
            case .verschilNaarSleutel: .verschilNaarSleutel
            case .budgetNaarRealisatie: .budgetNaarRealisatie
            }
        }
    }

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Jaar.") var jaar: Int
    @Option(name: .long, help: "Het taakgerichte budget van de regio in euro's.") var budget: String
    @Option(name: .long, help: "Verdeelsleutel vooraf: macrobudget, jeugdigen, inwoners, gebruik of objectief.") var sleutel: String
    @Option(name: .long, help: "Perceel waarvan de realisatie telt (herhaalbaar; 'verevend' = de verevende percelen).")
    var perceel: [String] = []
    @Option(name: .long, help: "Verrekening achteraf: geen, verschil-naar-sleutel of budget-naar-realisatie.")
    var verrekening: Afspraak = .geen
    @OptionGroup var uitvoer: Uitvoeropties

    func run() throws {
        let bedrag = try Bekostigingsinvoer.bedrag(budget, "--budget")
        let k: VereveningSleutel
        do { k = try VereveningSleutel.parse(sleutel) } catch { throw ValidationError(error.description) }
        let g = try database.open().gegevens()
        let percelen: Set<String>
        if let gekozen = try Bekostigingsinvoer.percelen(perceel, g) {
            percelen = gekozen
        } else {
            percelen = Set(g.percelen.filter { $0.bekostiging == .taak }.map(\.code))
            guard !percelen.isEmpty else {
                throw ValidationError("geen percelen met bekostiging 'taak'; kies de percelen met --perceel (of --perceel verevend)")
            }
        }
        let posten = g.kostenposten(jaren: (jaar - 3)...jaar)
        let t: Bekostiging.TaakgerichtBudget
        do {
            let delen = try Bekostiging.taakdelen(g, posten: posten, jaar: jaar, sleutel: k, percelen: percelen)
            t = try Bekostiging.TaakgerichtBudget(budget: bedrag, delen: delen, verrekening: verrekening.verrekening)
        } catch { throw Bekostigingsinvoer.fout(error) }
        let namen = Dictionary(g.gemeenten.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
        guard format == .tabel else { try t.tabel(namen: namen).afdrukken(uitvoer); return }
        print("Taakgericht budget \(jaar): \(bedrag), vooraf verdeeld naar \(k.rawValue) (\(k.omschrijving)"
              + (k.kijktTerug ? ", \(jaar - 3)-\(jaar - 1)" : ", \(jaar)") + ").")
        let onderContract = Set(g.contracten.filter { $0.jaar == jaar && $0.vorm != .pxq && percelen.contains($0.perceel) }.map(\.perceel))
        print("Realisatie \(jaar) in " + percelen.sorted().map { onderContract.contains($0) ? "\($0) (betalingen, naar productie verdeeld)" : "\($0) (declaraties)" }
              .joined(separator: ", ") + "; verrekening achteraf: \(verrekening.rawValue).")
        t.tabel(namen: namen).afdrukken(.tabel)
        print("Regionaal verschil (realisatie − budget): \(t.totaalVerschil)"
              + (t.totaalVerschil > .nul ? " (overschrijding)." : t.totaalVerschil < .nul ? " (onderbesteding)." : "."))
    }
}
