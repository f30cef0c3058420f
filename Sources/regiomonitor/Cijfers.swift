import ArgumentParser
import RegioCore
import RegioStore

struct Cijfers: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Monitoringcijfers per gemeente, perceel, segment, aanbieder, verwijzer of product.")

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Jaar.") var jaar: Int
    @Option(name: .long, help: "Groepering: \(Groepering.allCases.map(\.rawValue).joined(separator: ", ")).") var per: Groepering = .gemeente
    @Option(name: .long, help: "Alleen deze gemeente (gemeentecode).") var gemeente: String?
    @Option(name: .long, help: "Cijfers zoals bekend op deze datum (JJJJ-MM-DD).") var peildatum: String?
    @Option(name: .long, help: "tabel, csv of json.") var format: Uitvoerformaat = .tabel

    func run() throws {
        var g = try database.open().gegevens()
        if let peildatum {
            guard let d = Dag.parse(peildatum) else { throw ValidationError("ongeldige peildatum '\(peildatum)'") }
            g = g.bekendOp(d)
        }
        let filterGemeente = try gemeente.map { s -> String in
            guard let c = Codelijst.gemeentecode(s) else { throw ValidationError("ongeldige gemeentecode '\(s)'") }
            return c
        }
        let (rijen, totaal) = Monitoring.kengetallen(g, van: Dag.eersteVan(jaar: jaar), tot: Dag.laatsteVan(jaar: jaar), per: per,
                                                     filter: filterGemeente.map { c in { gem, _, _ in gem == c } })
        Cijfers.tabel(rijen, totaal, per: per).afdrukken(format)
        if format == .tabel && rijen.contains(where: { $0.verplichtingOnbekend > 0 }) {
            print("Let op: \(rijen.map(\.verplichtingOnbekend).reduce(0, +)) toewijzingen zonder bekende verplichting (geen budget, volume of tarief) tellen niet mee in de verplichting.")
        }
    }

    static func tabel(_ rijen: [Kengetallen], _ totaal: Kengetallen, per: Groepering) -> Tabel {
        let sleutelnaam = per == .gemeente ? "gemeentecode" : per == .aanbieder ? "agb" : per == .verwijzer ? "verwijzer_type" : per.rawValue
        var t = Tabel(kolommen: [
            .init(sleutelnaam, per.rawValue.capitalized, .links), .init("naam", "Naam", .links),
            .init("unieke_clienten", "Cliënten"), .init("toewijzingen", "Toewijzingen"), .init("verplichting", "Verplichting"),
            .init("gedeclareerd", "Gedeclareerd"), .init("uitnutting", "Uitnutting"), .init("kosten_per_client", "Per cliënt"),
            .init("kosten_per_jeugdige", "Per jeugdige"), .init("kosten_per_inwoner", "Per inwoner"), .init("budget", "Budget"),
            .init("realisatie", "Realisatie"), .init("verplichting_onbekend", "Zonder verpl."),
        ])
        func cellen(_ r: Kengetallen) -> [Tabel.Cel] {
            [Tabel.Cel(r.groep), Tabel.Cel(r.naam), .aantal(r.clienten), .aantal(r.toewijzingen), .euro(r.verplichting),
             .euro(r.gedeclareerd), .procent(r.uitnutting), .euro(r.kostenPerClient), .euro(r.kostenPerJeugdige),
             .euro(r.kostenPerInwoner), .euro(r.budget), .procent(r.realisatie), .aantal(r.verplichtingOnbekend)]
        }
        t.rijen = rijen.map(cellen)
        t.voet = [cellen(totaal)]
        return t
    }
}

extension Groepering: ExpressibleByArgument {}
