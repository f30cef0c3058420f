import ArgumentParser
import Foundation
import RegioCore
import RegioStore

extension Boekjaar.Groepering: ExpressibleByArgument {}
extension Verschilanalyse.Groepering: ExpressibleByArgument {}

/// `regiomonitor boekjaar`: the cost booked in a year by care year, and the accrual ("nog te betalen") with its backtest.
struct BoekjaarCommando: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boekjaar",
        abstract: "Kosten geboekt in een jaar, verdeeld naar het zorgjaar waar ze bij horen, en de overloop naar de jaarrekening.",
        discussion: """
            Een declaratie is geboekt op de dag van indiening en hoort bij het jaar waarin de zorg is geleverd. De regels \
            tellen op tot het geboekte totaal; "kosten voorgaande jaren" is de regel van de eerdere zorgjaren. Daarna: wat \
            voor het zorgjaar nog te betalen is (de verwachte nagekomen declaraties volgens de prognose op de balansdatum, \
            met 80%-interval) en dezelfde schatting voor eerdere jaren naast wat er werkelijk is nagekomen.
            """)

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Boekjaar.") var jaar: Int
    @Option(name: .long, help: "Ook per gemeente of per perceel.") var per: Boekjaar.Groepering?
    @Option(name: .long, help: "Alleen deze gemeente (gemeentecode).") var gemeente: String?
    @Option(name: .long, help: "Balansdatum voor de overloop (JJJJ-MM-DD, standaard 31 december van het jaar).") var balansdatum: String?
    @Option(name: .long, help: "tabel, csv of json (csv en json: alleen de verdeling).") var format: Uitvoerformaat = .tabel

    func run() throws {
        let store = try database.open()
        let g = try store.gegevens()
        let code = try gemeente.map(Cijfers.gemeentecode)
        if let code, !g.gemeenten.contains(where: { $0.code == code }) { throw ValidationError("onbekende gemeente '\(code)'") }
        let balans = try balansdatum.map { s -> Dag in
            guard let d = Dag.parse(s) else { throw ValidationError("ongeldige balansdatum '\(s)' (JJJJ-MM-DD)") }
            return d
        }
        let v = try Boekjaar.verdeling(g, jaar: jaar, per: per, gemeente: code)
        guard !v.regels.isEmpty else {
            throw ValidationError("geen declaraties ingediend in \(jaar)\(code.map { " voor gemeente \($0)" } ?? "")")
        }
        var namen = Dictionary(g.gemeenten.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
        for p in g.percelen { namen[p.code] = p.naam }
        guard format == .tabel else { v.tabel(namen: namen, per: per).afdrukken(format); return }
        print("Geboekt in \(jaar)\(code.map { " — \(namen[$0] ?? $0)" } ?? ""), naar zorgjaar (boekdatum = datum van indiening)")
        v.tabel(namen: namen, per: per).afdrukken(.tabel)
        print("Kosten voorgaande jaren geboekt in \(jaar): \(v.voorgaandeJaren.heleEuros) van \(v.totaal.heleEuros).")
        guard code == nil else {
            print("De overloop wordt voor de hele regio geschat (de prognose per gemeente staat in `regiomonitor prognose`).")
            return
        }
        // the accrual of this care year and the backtest of the earlier ones
        let basis = Jaarprognose.Basis(g, per: .regio)
        let einde = g.declaraties.map(\.ingediendOp).max() ?? Dag.laatsteVan(jaar: jaar)
        let jaren = Set(g.declaraties.map(\.begindatum.jaar)).filter { $0 <= jaar }.sorted()
        var rijen: [Boekjaar.Overloop] = [], mislukt: [String] = []
        for z in jaren {
            do {
                rijen.append(try Boekjaar.overloop(basis, zorgjaar: z, balansdatum: z == jaar ? balans : nil, eindeGegevens: einde))
            } catch {
                mislukt.append("\(z): \(error.reden)")
            }
        }
        print("")
        print("Overloop naar de jaarrekening: nog te betalen per zorgjaar, geschat op de balansdatum (chain ladder, gegevens t/m \(einde.nederlands))")
        Boekjaar.Overloop.tabel(rijen).afdrukken(.tabel)
        if !mislukt.isEmpty { print("Geen schatting voor " + mislukt.joined(separator: "; ") + ".") }
        let getoetst = rijen.compactMap(\.binnenInterval)
        if !getoetst.isEmpty {
            print("Terugtoets: \(getoetst.filter { $0 }.count) van \(getoetst.count) afgesloten jaren binnen het 80%-interval.")
        }
    }
}

/// `regiomonitor verschil`: a cost difference between two years split into volume, intensity and price (p x q).
struct VerschilCommando: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verschil",
        abstract: "Verschil in kosten tussen twee jaren, verklaard uit volume (cliënten), intensiteit en prijs.",
        discussion: """
            Volume: meer of minder cliënten tegen de kosten per cliënt van het eerste jaar. Prijs: de kosten van het tweede \
            jaar min dezelfde zorg tegen de tarieven van het eerste jaar (tarieven uit de productenlijst per jaar). \
            Intensiteit: de rest (meer of minder zorg per cliënt en een andere mix). Per groep en in totaal tellen de drie \
            op tot het verschil, op de cent. Toelichting en rekenvoorbeeld: docs/verschilanalyse.md.
            """)

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Het eerste jaar.") var van: Int
    @Option(name: .long, help: "Het tweede jaar.") var naar: Int
    @Option(name: .long, help: "perceel, product, aanbieder of gemeente.") var per: Verschilanalyse.Groepering = .perceel
    @Option(name: .long, help: "Alleen deze gemeente (gemeentecode).") var gemeente: String?
    @Option(name: .long, help: "tabel, csv of json.") var format: Uitvoerformaat = .tabel

    func run() throws {
        let store = try database.open()
        let g = try store.gegevens()
        let code = try gemeente.map(Cijfers.gemeentecode)
        if let code, !g.gemeenten.contains(where: { $0.code == code }) { throw ValidationError("onbekende gemeente '\(code)'") }
        let v = Verschilanalyse(g, van: van, naar: naar, per: per, gemeente: code)
        for (jaar, kosten) in [(van, v.totaal.kostenA), (naar, v.totaal.kostenB)] where kosten == .nul {
            throw ValidationError("geen gedeclareerde kosten in \(jaar)\(code.map { " voor gemeente \($0)" } ?? ""): er valt niets te vergelijken")
        }
        var namen: [String: String] = [:]
        switch per {
        case .gemeente: for x in g.gemeenten { namen[x.code] = x.naam }
        case .perceel: for x in g.percelen { namen[x.code] = x.naam }
        case .aanbieder: for x in g.aanbieders { namen[x.agb] = x.naam }
        case .product:
            for x in g.producten { namen[x.productcategorie + "|" + (x.productcode ?? "")] = x.omschrijving ?? "" }
        }
        if format == .tabel {
            print("Kosten \(van) → \(naar) per \(per.rawValue)\(code.map { " — \(namen[$0] ?? g.gemeenten.first { $0.code == code }?.naam ?? $0)" } ?? "")")
        }
        v.tabel(per: per, namen: namen, a: String(van), b: String(naar)).afdrukken(format)
        if format == .tabel {
            let t = v.totaal
            print("Totaal: \(t.verschil.heleEuros) = volume \(t.volume.heleEuros) + intensiteit \(t.intensiteit.heleEuros) + prijs \(t.prijs.heleEuros).")
        }
    }
}

/// `regiomonitor budget`: the budget versions of a year side by side, per lot.
struct BudgetCommando: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Budgetversies van een jaar naast elkaar (primitief, 1e burap, ...), per perceel, met de verandering.",
        discussion: """
            Versies komen uit de kolommen versie en vastgesteld_op van budgetten.csv en worden naast elkaar bewaard. Het \
            budget dat op een dag geldt, is per perceel de laatste versie die op of voor die dag is vastgesteld; een \
            perceel dat een latere versie niet noemt, houdt zijn budget.
            """)

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Jaar.") var jaar: Int
    @Option(name: .long, help: "Alleen deze gemeente (gemeentecode); anders de regio.") var gemeente: String?
    @Option(name: .long, help: "tabel, csv of json.") var format: Uitvoerformaat = .tabel

    func run() throws {
        let g = try database.open().gegevens()
        let code = try gemeente.map(Cijfers.gemeentecode)
        if let code, !g.gemeenten.contains(where: { $0.code == code }) { throw ValidationError("onbekende gemeente '\(code)'") }
        guard g.budgetten.contains(where: { $0.jaar == jaar && (code == nil || $0.gemeentecode == code) }) else {
            throw ValidationError("geen budget voor \(jaar)\(code.map { " voor gemeente \($0)" } ?? "")")
        }
        if format == .tabel {
            let naam = code.flatMap { c in g.gemeenten.first { $0.code == c }?.naam } ?? "de regio"
            print("Budget \(jaar), \(naam): versies naast elkaar")
        }
        Budgetversies.tabel(g, jaar: jaar, gemeente: code).afdrukken(format)
        if format == .tabel, let nu = g.budgetversieTekst(jaar: jaar, gemeente: code) {
            print("Vergelijkingen met het budget gebruiken de versie die op de peildatum gold; nu is dat \(nu).")
        }
    }
}
