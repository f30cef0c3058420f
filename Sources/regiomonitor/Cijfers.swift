import ArgumentParser
import Foundation
import RegioCore
import RegioStore

struct Cijfers: ParsableCommand {
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
    var format: Uitvoerformaat { uitvoer.format }
    @Flag(name: .long, help: "Toon de rekentijd op stderr.") var tijd = false

    func validate() throws {
        if let tot, tot < jaar { throw ValidationError("--tot \(tot) ligt voor --jaar \(jaar)") }
    }

    func run() throws {
        let start = Date()
        let van = Dag.eersteVan(jaar: jaar), totDag = Dag.laatsteVan(jaar: tot ?? jaar)
        let store = try database.open()
        // whole years without a valuation date come from the monthly sums when they are up to date (national scale)
        // the allocations are counted while the sums are still being read
        var sommen: Toekomst<Result<Declaratieaggregaten?, any Error>>?
        var g: Gegevens
        if peildatum == nil, Declaratieaggregaten.dekt(van: van, tot: totDag), Declaratieaggregaten.groeperingen.contains(per),
           let a = store as? any AggregaatStore, try a.aggregatenActueel() {
            let jaren = jaar...(tot ?? jaar), perAanbieder = per == .aanbieder
            sommen = Toekomst { Result { try a.aggregaten(jaren: jaren, perAanbieder: perAanbieder) } }
            g = try a.gegevensZonderDeclaraties()
        } else {
            g = try store.gegevens(voorPeriodeVan: van, tot: totDag)
        }
        let geladen = Date()
        let pd = try peildatum.map { s -> Dag in
            guard let d = Dag.parse(s) else { throw ValidationError("ongeldige peildatum '\(s)'") }
            return d
        }
        if let perceel, !g.percelen.contains(where: { $0.code == perceel }) {
            throw ValidationError("onbekend perceel '\(perceel)'; bekend: \(g.percelen.map(\.code).joined(separator: ", "))")
        }
        let selectie = Selectie(gemeente: try gemeente.map(Cijfers.gemeentecode), perceel: perceel)
        var (rijen, totaal) = Monitoring.kengetallen(g, van: van, tot: totDag, per: per, selectie: selectie, peildatum: pd,
                                                     sommen: sommen.map { s in { (try? s.waarde.get()).flatMap { $0 } ?? Declaratieaggregaten() } })
        if let s = sommen, try s.waarde.get() == nil {
            // an import in between made the sums stale: the lines, as without sums
            sommen = nil
            g = try store.gegevens(voorPeriodeVan: van, tot: totDag)
            (rijen, totaal) = Monitoring.kengetallen(g, van: van, tot: totDag, per: per, selectie: selectie, peildatum: pd)
        }
        let berekend = Date()
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
        let stand = per == .maand ? pd ?? [g.declaraties.map(\.ingediendOp).max(), (try? sommen?.waarde.get())??.laatsteIndiening].compactMap { $0 }.max() : nil
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
            print("Unieke cliënten tellen niet op: een cliënt in meer groepen telt in het totaal één keer. Definities: docs/definities.md.")
        case .csv, .csvNL, .json, .xlsx:
            let gegevensTot = [g.stand, (try? sommen?.waarde.get())??.laatsteIndiening].compactMap { $0 }.max()
            var regels: [(String, String)] = [
                ("Periode", "\(van.nederlands) t/m \(totDag.nederlands)" + (selectie.gemeente.map { ", gemeente \($0)" } ?? "")
                    + (perceel.map { ", perceel \($0)" } ?? "")),
                ("Peildatum", pd.map { "\($0.nederlands): zoals toen bekend" } ?? "geen: alles wat nu bekend is"),
                ("Indeling", "per \(per.rawValue); de laatste regel is het totaal"),
                ("Unieke cliënten", "tellen niet op: een cliënt in meer groepen telt in het totaal één keer"),
            ]
            if let gegevensTot { regels.insert(("Gegevens tot en met", gegevensTot.nederlands), at: 2) }
            try Tabel.kengetallen(rijen, totaal, per: per, stand: stand)
                .afdrukken(uitvoer, Werkboektoelichting(titel: "Monitoringcijfers \(jaar)\(tot.map { "-\($0)" } ?? "") per \(per.rawValue)", regels: regels))
        }
        if tijd {
            // with the sums, reading them overlaps the counting of the allocations
            let (a, b) = (geladen.timeIntervalSince(start), berekend.timeIntervalSince(geladen))
            stderr(sommen != nil
                   ? String(format: "laden zonder declaraties %.3f s, maandaggregaten lezen en rekenen %.3f s (declaraties uit de maandaggregaten)", a, b)
                   : String(format: "laden %.3f s, rekenen %.3f s (declaraties regel voor regel)", a, b))
        }
    }

    /// The sums and everything else, read on two connections at once (the two take about as long); nil when the
    /// sums are not up to date.
    static func lees(_ a: any AggregaatStore, jaren: ClosedRange<Int>, perAanbieder: Bool) throws -> (Declaratieaggregaten, Gegevens)? {
        let rest = Toekomst { Result { try a.gegevensZonderDeclaraties() } }
        let sommen = Result { try a.aggregaten(jaren: jaren, perAanbieder: perAanbieder) }
        let gegevens = rest.waarde
        guard let s = try sommen.get() else { return nil }
        return (s, try gegevens.get())
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
