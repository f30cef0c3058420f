import ArgumentParser
import Foundation
import RegioCore
import RegioStore

struct Cijfers: ParsableCommand, MetUitvoer {
    static let configuration = CommandConfiguration(
        abstract: "Monitoringcijfers per gemeente, perceel, segment, product, aanbieder, verwijzer, maand of leeftijd.",
        discussion: "Definities: docs/definities.md. Met --peildatum zie je de cijfers zoals ze op die dag bekend waren.")

    @OptionGroup var database: DatabaseOpties
    @Option(name: .long, help: "Jaar.") var jaar: Int
    @Option(name: .long, help: "Tot en met dit jaar (meerdere jaren samen).") var tot: Int?
    @Option(name: .long, help: "Groepering: \(Groepering.allCases.map(\.rawValue).joined(separator: ", ")).") var per: Groepering = .gemeente
    @Option(name: .long, help: "Alleen deze gemeente (gemeentecode).") var gemeente: String?
    @Option(name: .long, help: "Alleen dit perceel (code).") var perceel: String?
    @Option(name: .long, help: "Cijfers zoals bekend op deze datum (JJJJ-MM-DD).") var peildatum: String?
    @OptionGroup var uitvoer: Uitvoeropties
    @Flag(name: .long, help: "Toon de rekentijd op stderr.") var tijd = false

    func validate() throws {
        if let tot, tot < jaar { throw ValidationError("--tot \(tot) ligt voor --jaar \(jaar)") }
    }

    func run() throws {
        let start = Date()
        let van = Dag.eersteVan(jaar: jaar), totDag = Dag.laatsteVan(jaar: tot ?? jaar)
        let pd = try peildatum.map { s -> Dag in
            guard let d = Dag.parse(s) else { throw ValidationError("ongeldige peildatum '\(s)'") }
            return d
        }
        let selectie = Selectie(gemeente: try gemeente.map(Cijfers.gemeentecode), perceel: perceel)
        let (rijen, totaal, basis) = try Cijferdienst(try database.open())
            .kengetallen(van: van, tot: totDag, per: per, selectie: selectie, peildatum: pd)
        let (g, sommen) = (basis.gegevens, basis.sommen)
        let berekend = Date()
        if let perceel, !g.percelen.contains(where: { $0.code == perceel }) {
            throw ValidationError("onbekend perceel '\(perceel)'; bekend: \(g.percelen.map(\.code).joined(separator: ", "))")
        }
        // a year without anything in it: say so, as the dashboard does, instead of a table of zeros
        let periode = "\(jaar)\(tot.map { "-\($0)" } ?? "")" + (selectie.gemeente.map { " voor gemeente \($0)" } ?? "")
            + (perceel.map { " in perceel \($0)" } ?? "")
        if totaal.toewijzingen == 0 && totaal.gedeclareerd == .nul && totaal.clienten == 0 && totaal.budget == nil {
            throw Opdrachtfout(description: "geen gegevens voor \(periode): geen toewijzingen, declaraties of budget in die periode.")
        }
        if totaal.gedeclareerd == .nul && totaal.budget == nil {
            stderr("Let op: geen declaraties en geen budget voor \(periode); de cijfers zijn alleen toewijzingen die in die periode doorlopen.")
        }
        // per month: the months not yet complete on the valuation date (or the last submission) are marked
        let stand = per == .maand ? pd ?? [g.declaraties.map(\.ingediendOp).max(), sommen?.laatsteIndiening].compactMap { $0 }.max() : nil
        switch format {
        case .tabel:
            Tabel.kengetallen(rijen, totaal, per: per, kolommen: .kern, stand: stand).afdrukken(.tabel)
            print("")
            Tabel.kengetallen(rijen, totaal, per: per, kolommen: .aanvullend).afdrukken(.tabel)
            if let stand, rijen.contains(where: { Maand.parse($0.groep)?.isVoorlopig(op: stand) == true }) {
                print("Nog niet compleet: declaraties over een maand komen tot \(Maand.compleetNaDagen) dagen later binnen (stand \(stand.nederlands)).")
            }
            let onbekend = totaal.verplichtingOnbekend
            if onbekend > 0 {
                print("Let op: \(onbekend) toewijzingen zonder bekende verplichting (geen budget, volume of tarief) tellen niet mee in de verplichting.")
            }
            if let versie = g.budgetversieTekst(jaar: tot ?? jaar, op: pd, gemeente: selectie.gemeente) {
                print("Budget: versie \(versie).")
            }
            if totaal.jaartotalen != .nul {
                print("Jaartotalen uit het grootboek (importsoort kosten): \(totaal.jaartotalen.heleEuros) in plaats van de regels van "
                      + "dezelfde gemeente, hetzelfde perceel en jaar; cliënten en kosten per cliënt zijn daar niet beschikbaar.")
            }
            print("Unieke cliënten tellen niet op: een cliënt in meer groepen telt in het totaal één keer. Definities: docs/definities.md.")
        case .csv, .csvNL, .json, .xlsx:
            let gegevensTot = [g.stand, sommen?.laatsteIndiening].compactMap { $0 }.max()
            var regels: [(String, String)] = [
                ("Periode", "\(van.nederlands) t/m \(totDag.nederlands)" + (selectie.gemeente.map { ", gemeente \($0)" } ?? "")
                    + (perceel.map { ", perceel \($0)" } ?? "")),
                ("Peildatum", pd.map { "\($0.nederlands): zoals toen bekend" } ?? "geen: alles wat nu bekend is"),
                ("Indeling", "per \(per.rawValue); de laatste regel is het totaal"),
                ("Unieke cliënten", "tellen niet op: een cliënt in meer groepen telt in het totaal één keer"),
            ]
            if let gegevensTot { regels.insert(("Gegevens tot en met", gegevensTot.nederlands), at: 2) }
            if totaal.jaartotalen != .nul {
                regels.append(("Jaartotalen", "\(totaal.jaartotalen.heleEuros) uit het grootboek in plaats van de regels van die cellen; "
                               + "cliënten daar niet beschikbaar (leeg)"))
            }
            try Tabel.kengetallen(rijen, totaal, per: per, stand: stand)
                .afdrukken(uitvoer, Werkboektoelichting(titel: "Monitoringcijfers \(jaar)\(tot.map { "-\($0)" } ?? "") per \(per.rawValue)", regels: regels))
        }
        if tijd {
            // with the sums, reading them overlaps the counting of the allocations
            let t = berekend.timeIntervalSince(start)
            stderr(sommen != nil ? String(format: "laden en rekenen %.3f s (declaraties uit de maandaggregaten)", t)
                                 : String(format: "laden en rekenen %.3f s (declaraties regel voor regel)", t))
        }
    }

    static func gemeentecode(_ s: String) throws -> String {
        guard let c = Codelijst.gemeentecode(s) else { throw ValidationError("ongeldige gemeentecode '\(s)'") }
        return c
    }

    /// The full table (kept for callers of the earlier API).
    static func tabel(_ rijen: [Kengetallen], _ totaal: Kengetallen, per: Groepering) -> Tabel {
        Tabel.kengetallen(rijen, totaal, per: per)
    }
}

extension Groepering: ExpressibleByArgument {}
