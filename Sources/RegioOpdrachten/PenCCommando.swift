import ArgumentParser
import Foundation
import RegioCore
import RegioUitvoer
import RegioStore
import RegioWeergave

extension Boekjaar.Groepering: ExpressibleByArgument {}
extension Verschilanalyse.Groepering: ExpressibleByArgument {}

/// `regiomonitor boekjaar`: the cost booked in a year by care year, and the accrual ("nog te betalen") with its backtest.
struct BoekjaarCommando: ParsableCommand, MetUitvoer {
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
    /// csv, csv-nl, json and xlsx: the split only
    @OptionGroup var uitvoer: Uitvoeropties

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
        guard format == .tabel else { try v.tabel(namen: namen, per: per).afdrukken(uitvoer); return }
        print("Geboekt in \(jaar)\(code.map { " — \(namen[$0] ?? $0)" } ?? ""), naar zorgjaar (boekdatum = datum van indiening)")
        v.tabel(namen: namen, per: per).afdrukken(.tabel)
        print("Kosten voorgaande jaren geboekt in \(jaar): \(v.voorgaandeJaren.heleEuros) van \(v.totaal.heleEuros).")
        // the accrual of this care year and the backtest of the earlier ones: for the region, one municipality, or
        // each municipality (each on the region's development pattern)
        let groepen: [String]? = code.map { [$0] } ?? (per == .gemeente ? g.gemeenten.map(\.code).sorted() : nil)
        let basis = Jaarprognose.Basis(g, per: groepen == nil ? .regio : .gemeente)
        let einde = g.declaraties.map(\.ingediendOp).max() ?? Dag.laatsteVan(jaar: jaar)
        let jaren = Set(g.declaraties.map(\.begindatum.jaar)).filter { $0 <= jaar }.sorted()
        var rijen: [Boekjaar.Overloop] = [], mislukt: [String] = []
        for z in jaren {
            do {
                rijen += try Boekjaar.overloop(basis, zorgjaar: z, balansdatum: z == jaar ? balans : nil, eindeGegevens: einde, groepen: groepen)
            } catch {
                mislukt.append("\(z): \(error.reden)")
            }
        }
        if groepen != nil { rijen.sort { ($0.groep ?? "", $0.zorgjaar) < ($1.groep ?? "", $1.zorgjaar) } }
        print("")
        print("Overloop naar de jaarrekening: nog te betalen per zorgjaar\(groepen == nil ? "" : " en gemeente"), geschat op de balansdatum (chain ladder, gegevens t/m \(einde.nederlands))")
        Boekjaar.Overloop.tabel(rijen, namen: namen).afdrukken(.tabel)
        if !mislukt.isEmpty { print("Geen schatting voor " + mislukt.joined(separator: "; ") + ".") }
        let getoetst = rijen.compactMap(\.binnenInterval)
        if !getoetst.isEmpty {
            print("Terugtoets: \(getoetst.filter { $0 }.count) van \(getoetst.count) afgesloten jaren binnen het 80%-interval.")
        }
    }
}

/// `regiomonitor verschil`: a cost difference between two years, or a year's budget and forecast, split into volume,
/// intensity and price (p x q).
struct VerschilCommando: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        commandName: "verschil",
        abstract: "Verschil in kosten tussen twee jaren, of tussen begroting en prognose, verklaard uit volume (cliënten), intensiteit en prijs.",
        discussion: """
            --van en --naar zijn een jaar (JJJJ) of begroting of prognose van het jaar --jaar. Volume: meer of minder \
            cliënten tegen de kosten per cliënt van de eerste kant. Prijs: de kosten van de tweede kant min dezelfde zorg \
            tegen de tarieven van de eerste (tarieven uit de productenlijst per jaar). Intensiteit: de rest (meer of minder \
            zorg per cliënt en een andere mix). Per groep en in totaal tellen de drie op tot het verschil, op de cent. Een \
            begroting wordt gelezen als de zorg van het jaar ervoor tegen de tarieven van het jaar zelf, geschaald naar het \
            budget; een prognose als de verwachte uitkomst met de mix van wat tot nu gedeclareerd is en de cliënten tot nu, \
            opgehoogd zoals vorig jaar. Toelichting en rekenvoorbeeld: docs/verschilanalyse.md.
            """)

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "De eerste kant: een jaar, begroting of prognose.") var van: String
    @Option(name: .long, help: "De tweede kant: een jaar, begroting of prognose.") var naar: String
    @Option(name: .long, help: "Het jaar van begroting en prognose.") var jaar: Int?
    @Option(name: .long, help: "Gegevens en geldend budget zoals bekend op deze datum (JJJJ-MM-DD; standaard de laatste dag met gegevens).")
    var peildatum: String?
    @Option(name: .long, help: "perceel, segment, product, aanbieder of gemeente (begroting en prognose: perceel of gemeente).")
    var per: Verschilanalyse.Groepering = .perceel
    @Option(name: .long, help: "Alleen deze gemeente (gemeentecode).") var gemeente: String?
    @OptionGroup var uitvoer: Uitvoeropties

    func kant(_ s: String, _ optie: String) throws -> Verschilanalyse.Kant {
        switch s.lowercased() {
        case "begroting", "prognose":
            guard let jaar else { throw ValidationError("--\(optie) \(s) heeft --jaar nodig (het jaar van de \(s.lowercased()))") }
            return s.lowercased() == "begroting" ? .begroting(jaar) : .prognose(jaar)
        default:
            guard let j = Int(s), (1900...2200).contains(j) else {
                throw ValidationError("--\(optie) '\(s)': geef een jaar (JJJJ), begroting of prognose")
            }
            return .jaar(j)
        }
    }

    func run() throws {
        let a = try kant(van, "van"), b = try kant(naar, "naar")
        let store = try database.open()
        let g = try store.gegevens()
        let code = try gemeente.map(Cijfers.gemeentecode)
        if let code, !g.gemeenten.contains(where: { $0.code == code }) { throw ValidationError("onbekende gemeente '\(code)'") }
        let metModel = [a, b].contains { if case .jaar = $0 { false } else { true } }
        var peil = try leesDag(peildatum, "peildatum")
        var prognose: Jaarprognose?
        if metModel {
            let laatste = g.declaraties.map(\.ingediendOp).max() ?? Dag.laatsteVan(jaar: a.jaar)
            peil = peil ?? min(laatste, Dag.laatsteVan(jaar: [a, b].first { if case .jaar = $0 { false } else { true } }!.jaar))
        }
        if let p = [a, b].first(where: { if case .prognose = $0 { true } else { false } }), let dag = peil {
            guard per == .perceel || per == .gemeente else { throw ValidationError("een prognose is er per gemeente en perceel, niet per \(per.rawValue)") }
            let basis = Jaarprognose.Basis(g, per: per == .perceel ? .perceel : .gemeente, binnen: code)
            do { prognose = try Jaarprognose(basis, jaar: p.jaar, peildatum: dag, methode: .bf) } catch {
                throw ValidationError("geen prognose voor \(p.jaar) op \(dag.nederlands): \(error.reden)")
            }
        }
        let v: Verschilanalyse
        do {
            v = try Verschilanalyse(g, van: a, naar: b, per: per, gemeente: code, peildatum: metModel ? peil : nil, prognose: prognose)
        } catch { throw ValidationError(error.description) }
        for (k, kosten) in [(a, v.totaal.kostenA), (b, v.totaal.kostenB)] where kosten == .nul {
            let wat = if case .jaar(let j) = k { "geen gedeclareerde kosten in \(j)" } else { "geen bedrag voor de \(k)" }
            throw ValidationError("\(wat)\(code.map { " voor gemeente \($0)" } ?? ""): er valt niets te vergelijken")
        }
        var namen: [String: String] = [:]
        switch per {
        case .gemeente: for x in g.gemeenten { namen[x.code] = x.naam }
        case .perceel: for x in g.percelen { namen[x.code] = x.naam }
        case .segment: for x in g.percelen { namen[x.segment] = x.segment }
        case .aanbieder: for x in g.aanbieders { namen[x.agb] = x.naam }
        case .product:
            for x in g.producten { namen[x.productcategorie + "|" + (x.productcode ?? "")] = x.omschrijving ?? "" }
        }
        if format == .tabel {
            print("Kosten \(a) → \(b) per \(per.rawValue)\(code.map { " — \(namen[$0] ?? g.gemeenten.first { $0.code == code }?.naam ?? $0)" } ?? "")"
                  + (metModel ? ", stand \(peil!.nederlands)" : ""))
        }
        try v.tabel(per: per, namen: namen, a: a.kop, b: b.kop).afdrukken(uitvoer)
        if format == .tabel {
            let t = v.totaal
            print("Totaal: \(t.verschil.heleEuros) = volume \(t.volume.heleEuros) + intensiteit \(t.intensiteit.heleEuros) + prijs \(t.prijs.heleEuros)"
                  + (v.metBoek ? " + contracten en grootboek \(t.boek.heleEuros) (kosten zonder declaraties: zonder cliënten en tarieven)." : "."))
            if case .begroting = a { print("De begroting is gelezen als de zorg van \(a.jaar - 1) tegen de tarieven van \(a.jaar), geschaald naar het budget.") }
        }
    }
}

/// `regiomonitor burap`: the Burap of one municipality on a valuation date, as printable HTML (or its tables as CSV).
struct BurapCommando: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "burap",
        abstract: "De bestuursrapportage (Burap) jeugdhulp van één gemeente op een peildatum, als afdrukbaar HTML-bestand.",
        discussion: """
            Per perceel: het geldende en het primitieve budget, wat tot nu gedeclareerd is, de verwachte jaaruitkomst met \
            80%-interval, het verwachte tekort of overschot en de verklaring daarvan uit volume, intensiteit en prijs, de \
            kosten voorgaande jaren die dit jaar zijn geboekt en de open signalen met het meeste geld; bovenaan een korte \
            samenvatting om over te nemen in de Burap. Met --format csv of csv-nl komen de tabellen als CSV-bestanden in de map \
            --uit, met --format xlsx als één Excel-werkboek met een blad per tabel.
            """)

    enum Formaat: String, ExpressibleByArgument, CaseIterable { case html, csv, csvNL = "csv-nl", xlsx }

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Gemeentecode (0307 of GM0307) of naam.") var gemeente: String
    @Option(name: .long, help: "Peildatum JJJJ-MM-DD: de gegevens en het budget zoals bekend op die dag (standaard de laatste dag met gegevens, of het einde van het jaar ervoor als het jaar van die dag nog geen declaraties of budget heeft).")
    var peildatum: String?
    @Option(name: .long, help: "HTML-bestand (map bij --format csv of csv-nl, .xlsx-bestand bij --format xlsx).") var uit: String
    @Option(name: .long, help: "html, csv, csv-nl (Nederlandse Excel) of xlsx (Excel-werkboek).") var format: Formaat = .html

    func run() throws {
        let store = try database.open()
        let peil = try leesDag(peildatum, "peildatum")
        let g = try store.gegevens()
        let code = Codelijst.gemeentecode(gemeente) ?? g.gemeenten.first { $0.naam.lowercased() == gemeente.lowercased() }?.code
        guard let code, g.gemeenten.contains(where: { $0.code == code }) else {
            throw ValidationError("onbekende gemeente '\(gemeente)'; bekend: \(g.gemeenten.map { "\($0.code) \($0.naam)" }.joined(separator: ", "))")
        }
        guard let laatste = g.declaraties.map(\.ingediendOp).max() else { throw ValidationError("geen declaraties: er is niets te rapporteren") }
        let signalen = try store.signalen()
        let burap: Burap
        do throws(Burap.Fout) {
            if let peil { burap = try Burap(g, gemeente: code, peildatum: peil, signalen: signalen) }
            else { burap = try Burap.opLaatsteStand(g, gemeente: code, laatste: laatste, signalen: signalen) }
        } catch { throw ValidationError(error.description) }
        if peil == nil && burap.peildatum != laatste {
            print("Voor \(laatste.jaar) zijn er nog geen declaraties en geen budget van \(burap.gemeente.naam) (laatste gegevens van "
                  + "\(laatste.nederlands)); de Burap \(burap.jaar) met de stand waarop dat jaar is afgesloten.")
        }
        switch format {
        case .html:
            try Rapport.html(burap).write(toFile: uit, atomically: true, encoding: .utf8)
            print("Burap \(burap.gemeente.naam) \(burap.jaar), stand \(burap.peildatum.nederlands), geschreven naar \(uit).")
        case .csv, .csvNL:
            try FileManager.default.createDirectory(atPath: uit, withIntermediateDirectories: true)
            for o in burap.onderdelen() {
                guard let t = o.tabel else { continue }
                let pad = uit + "/" + o.naam + ".csv"
                try (format == .csv ? t.csv() : t.csvNL()).write(toFile: pad, atomically: true, encoding: .utf8)
                print(pad)
            }
        case .xlsx:
            let t = Werkboektoelichting(titel: "Burap \(burap.gemeente.naam) \(burap.jaar)", regels: [
                ("Gemeente", "\(burap.gemeente.naam) (\(burap.gemeente.code))"),
                ("Periode", "\(Dag.eersteVan(jaar: burap.jaar).nederlands) t/m \(Dag.laatsteVan(jaar: burap.jaar).nederlands)"),
                ("Peildatum", burap.peildatum.nederlands),
                ("Samenvatting", burap.samenvatting.joined(separator: " ")),
            ])
            try Werkboek.rapport(titel: t.titel, toelichting: t.alle(),
                                 onderdelen: burap.onderdelen().map { ($0.naam, $0.titel, $0.tabel, $0.inleiding) }).schrijf(naar: uit)
            print("Burap \(burap.gemeente.naam) \(burap.jaar) als Excel-werkboek geschreven naar \(uit).")
        }
        for zin in burap.samenvatting { print("  " + zin) }
    }
}

/// `regiomonitor budget`: the budget versions of a year side by side, per lot.
struct BudgetCommando: ParsableCommand, MetUitvoer {
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
    @OptionGroup var uitvoer: Uitvoeropties

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
        try Budgetversies.tabel(g, jaar: jaar, gemeente: code).afdrukken(uitvoer)
        if format == .tabel, let nu = g.budgetversieTekst(jaar: jaar, gemeente: code) {
            print("Vergelijkingen met het budget gebruiken de versie die op de peildatum gold; nu is dat \(nu).")
        }
    }
}
