import ArgumentParser
import Foundation
import RegioCore
import RegioStore

struct PrognoseCommando: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prognose",
        abstract: "Jaarprognose van de kosten met 80%-interval, of de chain ladder op een eigen driehoek.",
        discussion: "Methoden en formules: docs/prognose.md.",
        subcommands: [Jaar.self, DriehoekCommando.self], defaultSubcommand: Jaar.self)

    struct Jaar: ParsableCommand, MetUitvoer {
        static let configuration = CommandConfiguration(
            commandName: "jaar",
            abstract: "Verwachte kosten aan het eind van het jaar, uit wat op de peildatum bekend was.")
        @OptionGroup var database: DatabaseOpties
        @Option(name: .long, help: "Jaar.") var jaar: Int
        @Option(name: .long, help: "Peildatum JJJJ-MM-DD: alleen toewijzingen en declaraties die toen geregistreerd waren.") var peildatum: String
        @Option(name: .long, help: "regio, gemeente of perceel.") var per: String = "gemeente"
        @Option(name: .long, help: "chainladder, bf (standaard), verplichtingen of naief: de methode voor het interval en het budgetverschil.")
        var methode: String = "bf"
        @OptionGroup var uitvoer: Uitvoeropties

        func run() throws {
            guard let peil = Dag.parse(peildatum) else { throw ValidationError("ongeldige peildatum '\(peildatum)' (JJJJ-MM-DD)") }
            guard let groepering = Jaarprognose.Groepering(rawValue: per) else { throw ValidationError("--per: kies regio, gemeente of perceel") }
            guard let m = Prognosemethode(rawValue: methode) else {
                throw ValidationError("--methode: kies \(Prognosemethode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let (basis, g) = try Cijferdienst(database.open()).prognose(per: groepering)
            let p: Jaarprognose
            do { p = try Jaarprognose(basis, jaar: jaar, peildatum: peil, methode: m) } catch {
                throw ValidationError("geen prognose mogelijk: \(error.reden)")
            }
            var namen = Dictionary(g.gemeenten.map { ($0.code, $0.naam) }, uniquingKeysWith: { a, _ in a })
            for perceel in g.percelen { namen[perceel.code] = perceel.naam }
            if format == .tabel {
                print("Prognose \(jaar) per \(per), peildatum \(peil.nederlands), methode \(m.naam)")
            }
            try p.tabel(namen: namen).afdrukken(uitvoer)
            if format == .tabel {
                if let versie = g.budgetversieTekst(jaar: jaar, op: peil) { print("Budget: versie \(versie).") }
                print("Uitnutting \(jaar - 1): \(Tabel.procentTekst(p.uitnutting)); terugwerkende toewijzingen: verplichting × \(Tabel.decimaal(p.terugwerkendeFactor, 3).replacing(".", with: ",")). 80%-interval: normale benadering (docs/prognose.md).")
            }
        }
    }

    struct DriehoekCommando: ParsableCommand, MetUitvoer {
        static let configuration = CommandConfiguration(
            commandName: "driehoek",
            abstract: "Chain ladder (Mack 1993) op een cumulatieve driehoek in CSV: per herkomst laatste, ultimo, IBNR en standaardfout.",
            discussion: """
                Met een bestand: eerste kolom de herkomst, daarna één kolom per ontwikkelperiode; lege cellen zijn de toekomst. \
                Scheidingsteken , of ;. Zonder bestand: de driehoek van de database (--db) per zorgjaar, ontwikkeling in jaren \
                van indiening (0 = ingediend in het zorgjaar zelf), cumulatief, zoals de declaraties nu bekend zijn.
                """)
        @OptionGroup var database: DatabaseOpties
        @Argument(help: "CSV-bestand met de cumulatieve driehoek (zonder: de driehoek van de database).") var bestand: String?
        @OptionGroup var uitvoer: Uitvoeropties

        func run() throws {
            let d: Driehoek
            let bron: String
            if let bestand {
                bron = bestand
                guard let data = FileManager.default.contents(atPath: bestand) else { throw ValidationError("\(bestand): bestand niet te lezen") }
                do { d = try Driehoek.parseCSV(String(decoding: data, as: UTF8.self), bestand: bestand) } catch {
                    stderr(error.description); throw ExitCode(1)
                }
            } else {
                bron = database.omschrijving
                d = try DriehoekCommando.uitDatabase(try database.open().gegevens())
            }
            let bestand = bron
            let r: MackResultaat
            do { r = try MackChainLadder(d).resultaat } catch { stderr("\(bestand): \(error.reden)"); throw ExitCode(1) }
            var t = Tabel(kolommen: [.init("herkomst", "Herkomst", .links), .init("laatste", "Laatste"), .init("ultimo", "Ultimo"),
                                     .init("ibnr", "IBNR"), .init("standaardfout", "Standaardfout")])
            // people read Dutch amounts (1.234.567,89); machines the plain number
            func getal(_ x: Double) -> Tabel.Cel {
                let tekst = x.magnitude < 9e15 ? Euro(centen: Int64((x * 100).rounded())).description.replacing("€ ", with: "") : Tabel.decimaal(x, 2)
                return Tabel.Cel(tekst, machine: String(format: "%.2f", x), getal: true)
            }
            for rij in r.rijen {
                t.rijen.append([Tabel.Cel(rij.herkomst), getal(rij.laatste), getal(rij.ultimo), getal(rij.ibnr), getal(rij.standaardfout)])
            }
            t.rijen.append([Tabel.Cel("totaal"), getal(r.totaalLaatste), getal(r.totaalUltimo), getal(r.totaalIbnr), getal(r.totaalStandaardfout)])
            try t.afdrukken(uitvoer)
        }

        /// Care year against years of submission, cumulative: the yearly run-off triangle of the stored declarations.
        static func uitDatabase(_ g: Gegevens) throws -> Driehoek {
            var centen: [Int: [Int: Int64]] = [:]
            for r in g.declaraties where r.status != .afgewezen {
                for (m, e) in r.kostenPerMaand where e != .nul { centen[m.jaar, default: [:]][max(0, r.ingediendOp.jaar - m.jaar), default: 0] += e.centen }
            }
            guard let eerste = centen.keys.min(), let laatste = centen.keys.max(),
                  let einde = g.declaraties.map(\.ingediendOp.jaar).max() else {
                throw ValidationError("geen declaraties in de database: geef een CSV-bestand met een driehoek")
            }
            let jaren = Array(eerste...laatste), perioden = max(1, einde - eerste + 1)
            let cellen: [[Double?]] = jaren.map { j in
                var som: Int64 = 0
                return (0..<perioden).map { k -> Double? in
                    guard j + k <= einde else { return nil }
                    som += centen[j]?[k] ?? 0
                    return Double(som) / 100
                }
            }
            do {
                return try Driehoek(herkomsten: jaren.map(String.init), ontwikkelperioden: (0..<perioden).map(String.init), cellen: cellen)
            } catch { throw ValidationError("driehoek uit de database: \(error)") }
        }
    }
}

struct BacktestCommando: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Prognoses uit het verleden tegen de uiteindelijke kosten: WAPE, MAPE en bias per methode en peilmaand.")
    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Jaren A-B (jaren waarvan de declaraties compleet zijn).") var jaren: String
    @Option(name: .long, help: "regio, gemeente of perceel.") var per: String = "gemeente"
    @OptionGroup var uitvoer: Uitvoeropties

    func run() throws {
        let delen = jaren.split(separator: "-").compactMap { Int($0) }
        guard delen.count == 2 || delen.count == 1, let a = delen.first, let b = delen.last, a <= b else {
            throw ValidationError("--jaren: bijvoorbeeld 2018-2019")
        }
        guard let groepering = Jaarprognose.Groepering(rawValue: per) else { throw ValidationError("--per: kies regio, gemeente of perceel") }
        let start = Date()
        let (basis, _) = try Cijferdienst(database.open()).prognose(per: groepering)
        let regels: [Backtest.Regel]
        do { regels = try Backtest.voerUit(basis, jaren: a...b) } catch { throw ValidationError("geen backtest mogelijk: \(error.reden)") }
        if format == .tabel { print("Backtest \(a)-\(b) per \(per): fout van de jaarprognose op de laatste dag van elke maand") }
        try Backtest.tabel(regels).afdrukken(uitvoer)
        if format == .tabel {
            print("WAPE = Σ|prognose − werkelijk| / Σ werkelijk; MAPE = gemiddelde |fout| / werkelijk; bias = Σ(prognose − werkelijk) / Σ werkelijk.")
            stderr(String(format: "klaar in %.1f s", Date().timeIntervalSince(start)))
        }
    }
}
