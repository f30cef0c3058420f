import ArgumentParser
import Foundation
import RegioCore
import RegioStore

struct BekostigingCommando: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bekostiging",
        abstract: "Bekostigingsmodellen doorrekenen: lumpsum, trajectprijs, normbudget en taakgericht budget.",
        discussion: "Formules en uitgewerkte voorbeelden: docs/bekostiging.md. Kosten zijn de gedeclareerde kosten "
            + "(debet − credit, zonder afgewezen regels, naar zorgperiode), zoals in regiomonitor cijfers.",
        subcommands: [LumpsumCommando.self, TrajectCommando.self, NormbudgetCommando.self, TaakgerichtCommando.self])
}

/// Amounts and lot choices as the finance commands read them.
enum Bekostigingsinvoer {
    static func bedrag(_ tekst: String, _ optie: String) throws -> Euro {
        guard let e = Euro.parse(tekst) else {
            throw ValidationError("\(optie): geen (eenduidig) bedrag: '\(tekst)'; schrijf bijvoorbeeld 100000 of 100000,50")
        }
        return e
    }

    /// "7500,7500" or "7500.50;7000": amounts separated by commas or semicolons (decimals then with a point).
    static func bedragen(_ teksten: [String], _ optie: String) throws -> [Euro] {
        try teksten.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == ";" }) }.map { try bedrag(String($0), optie) }
    }

    /// nil for no --perceel (every lot); "verevend" stands for the pooled lots; unknown codes are an error.
    static func percelen(_ waarden: [String], _ g: Gegevens) throws -> Set<String>? {
        guard !waarden.isEmpty else { return nil }
        var uit = Set<String>()
        for w in waarden {
            if w.lowercased() == "verevend" { uit.formUnion(g.percelen.filter(\.verevend).map(\.code)); continue }
            guard g.percelen.contains(where: { $0.code == w }) else {
                throw ValidationError("onbekend perceel '\(w)'; bekend zijn: " + g.percelen.map(\.code).sorted().joined(separator: ", "))
            }
            uit.insert(w)
        }
        return uit
    }

    static func agb(_ tekst: String, _ g: Gegevens) throws -> String {
        guard let a = g.aanbieders.first(where: { $0.agb == tekst }) else { throw ValidationError("onbekende aanbieder '\(tekst)'") }
        return a.agb
    }

    static func fout(_ e: BekostigingFout) -> ExitCode {
        stderr("bekostiging: \(e)")
        return ExitCode(1)
    }
}

struct LumpsumCommando: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        commandName: "lumpsum",
        abstract: "Lumpsum met maandelijkse betaling van 1/12, tegenover de gedeclareerde productie van de aanbieder per maand.")

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Jaar.") var jaar: Int
    @Option(name: .long, help: "AGB-code van de aanbieder.") var aanbieder: String
    @Option(name: .long, help: "Jaarbedrag van de lumpsum in euro's.") var bedrag: String
    @Option(name: .long, help: "Alleen de productie in dit perceel (herhaalbaar; 'verevend' = de verevende percelen).")
    var perceel: [String] = []
    @Option(name: .long, help: "Stand op deze datum: declaraties ingediend tot dan, maanden die voor die datum eindigden.")
    var peildatum: String?
    @OptionGroup var uitvoer: Uitvoeropties

    func run() throws {
        let jaarbedrag = try Bekostigingsinvoer.bedrag(bedrag, "--bedrag")
        var g = try database.open().gegevens()
        var maanden = 12
        // the day the data are known: the valuation date, or the last submission
        let stand = try peildatum.map { t -> Dag in
            guard let d = Dag.parse(t) else { throw ValidationError("ongeldige peildatum '\(t)'") }
            return d
        } ?? g.declaraties.map(\.ingediendOp).max()
        if let peildatum {
            guard let d = Dag.parse(peildatum) else { throw ValidationError("ongeldige peildatum '\(peildatum)'") }
            g = g.bekendOp(d)
            maanden = (1...12).filter { Maand(jaar: jaar, maand: $0).laatsteDag < d }.count
        }
        let agb = try Bekostigingsinvoer.agb(aanbieder, g)
        let percelen = try Bekostigingsinvoer.percelen(perceel, g)
        let productie = Bekostiging.productiePerMaand(g.kostenposten(jaren: jaar...jaar), jaar: jaar, aanbieder: agb, percelen: percelen)
        let l: Bekostiging.Lumpsum
        do { l = try Bekostiging.Lumpsum(jaarbedrag: jaarbedrag, jaar: jaar, productie: Array(productie.prefix(maanden))) }
        catch { throw Bekostigingsinvoer.fout(error) }
        guard format == .tabel else { try l.tabel(stand: stand).afdrukken(uitvoer); return }
        let naam = g.aanbieders.first { $0.agb == agb }?.naam ?? agb
        print("Lumpsum \(jaar), aanbieder \(agb) (\(naam)): jaarbedrag \(jaarbedrag), per maand 1/12.")
        print("Productie = gedeclareerde kosten van de aanbieder per zorgmaand"
              + (percelen.map { " in " + $0.sorted().joined(separator: ", ") } ?? "") + ".")
        l.tabel(stand: stand).afdrukken(.tabel)
        if let stand, l.maanden.contains(where: { $0.productie != nil && $0.maand.isVoorlopig(op: stand) }) {
            print("Nog niet compleet: declaraties over een maand komen tot \(Maand.compleetNaDagen) dagen later binnen; de productie van die maanden groeit nog (stand \(stand.nederlands)).")
        }
        if let v = l.jaarverschil {
            print("Jaarverschil (jaarbedrag − productie): \(v)" + (v < .nul ? ": de aanbieder leverde meer dan de lumpsum."
                  : v > .nul ? ": de lumpsum is hoger dan de geleverde productie." : "."))
        } else {
            print("Het jaarverschil is pas bekend als de productie van alle twaalf maanden bekend is"
                  + (l.laatsteBekendeMaand.map { "; stand tot en met \($0.maand.naam): saldo \($0.saldo ?? .nul)." } ?? "."))
        }
    }
}

struct TrajectCommando: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        commandName: "traject",
        abstract: "Trajectprijs tegenover afrekenen op werkelijke kosten per jaar.",
        discussion: "Geef de werkelijke kosten met --start en --kosten, of laat ze uit de declaraties van een cliënt halen met "
            + "--client (het cliëntnummer of pseudoniem zoals opgeslagen), eventueel bij één aanbieder of in één perceel.")

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Trajectprijs in euro's.") var prijs: String
    @Option(name: .long, help: "Startjaar (met --kosten).") var start: Int?
    @Option(name: .long, help: "Werkelijke kosten per jaar vanaf het startjaar, gescheiden door komma's (decimalen met een punt).")
    var kosten: [String] = []
    @Option(name: .long, help: "Cliënt (cliëntnummer of pseudoniem) wiens gedeclareerde kosten per jaar de werkelijke kosten zijn.")
    var client: String?
    @Option(name: .long, help: "Met --client: alleen de kosten bij deze aanbieder (AGB).") var aanbieder: String?
    @Option(name: .long, help: "Met --client: alleen de kosten in dit perceel (herhaalbaar).") var perceel: [String] = []
    @Option(name: .long, help: "Betaal de trajectprijs gespreid over dit aantal jaren (standaard eenmalig in het startjaar).")
    var gespreid: Int?
    @OptionGroup var uitvoer: Uitvoeropties

    func run() throws {
        let trajectprijs = try Bekostigingsinvoer.bedrag(prijs, "--prijs")
        let startjaar: Int, werkelijk: [Euro]
        var herkomst = "opgegeven kosten"
        if let client {
            guard kosten.isEmpty, start == nil else { throw ValidationError("geef --client óf --start en --kosten, niet beide") }
            let g = try database.open().gegevens()
            let agb = try aanbieder.map { try Bekostigingsinvoer.agb($0, g) }
            let percelen = try Bekostigingsinvoer.percelen(perceel, g)
            let jaren = g.declaraties.map(\.begindatum.jaar) + g.declaraties.map(\.einddatum.jaar)
            guard let laag = jaren.min(), let hoog = jaren.max(),
                  let k = Bekostiging.kostenPerJaar(g.kostenposten(jaren: laag...hoog), client: client, aanbieder: agb, percelen: percelen)
            else { throw ValidationError("geen gedeclareerde kosten gevonden voor cliënt '\(client)'") }
            (startjaar, werkelijk) = k
            herkomst = "gedeclareerde kosten van cliënt \(client)" + (agb.map { " bij aanbieder \($0)" } ?? "")
                + (percelen.map { " in " + $0.sorted().joined(separator: ", ") } ?? "")
        } else {
            guard let start, !kosten.isEmpty else { throw ValidationError("geef --start en --kosten, of --client") }
            startjaar = start
            werkelijk = try Bekostigingsinvoer.bedragen(kosten, "--kosten")
        }
        let v: Bekostiging.Trajectvergelijking
        do {
            v = try Bekostiging.Trajectvergelijking(trajectprijs: trajectprijs, startjaar: startjaar,
                                                    betaalwijze: gespreid.map { .gespreid(jaren: $0) } ?? .eenmalig,
                                                    werkelijkeKosten: werkelijk)
        } catch { throw Bekostigingsinvoer.fout(error) }
        guard format == .tabel else { try v.tabel().afdrukken(uitvoer); return }
        print("Trajectprijs \(trajectprijs), " + (gespreid.map { "gespreid over \($0) jaar" } ?? "eenmalig betaald in \(startjaar)")
              + "; werkelijke kosten: \(herkomst).")
        v.tabel().afdrukken(.tabel)
        print("Totaalverschil (werkelijke kosten − trajectprijs): \(v.totaalVerschil)"
              + (v.totaalVerschil > .nul ? ": afrekenen op werkelijke kosten is duurder." :
                 v.totaalVerschil < .nul ? ": afrekenen op werkelijke kosten is goedkoper." : "."))
        print(v.omslagjaar.map { "Omslagjaar \($0): vanaf dat jaar zijn de cumulatieve werkelijke kosten hoger dan de trajectbetalingen." }
              ?? "Geen omslagjaar: de cumulatieve werkelijke kosten komen nooit boven de trajectbetalingen.")
    }
}
