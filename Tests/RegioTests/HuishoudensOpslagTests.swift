import Foundation
import Testing
import RegioCore
@testable import RegioImport
@testable import RegioStore

/// The two household criteria of `gemeentecijfers` (issue 23, point 4: eenoudergezinnen, lage_inkomens) through the
/// import and the store on both backends; a row without them keeps the fingerprint it had before they existed.
@Suite struct HuishoudensOpslagTests {
    @Test(arguments: Backend.alle)
    func doorImportEnOpslag(_ backend: Backend) throws {
        let p = try backend.maak()
        let importeur = Importeur(store: p.store, pseudonimiseerder: Pseudonimiseerder(sleutel: [UInt8](repeating: 6, count: 32)))
        func importeer(_ naam: String, _ tekst: String) -> Bestandsverslag {
            importeur.importeer(bestand: naam, bytes: Array(tekst.utf8), nu: "2021-01-01T00:00:00Z")
        }
        #expect(importeer("gemeenten.csv", "gemeentecode,naam\n0001,Aadorp\n0002,Beek\n").fouten.isEmpty)
        let kop = "gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd,ses,wijkteam_fte,eenoudergezinnen,lage_inkomens\n"
        let v = importeer("cijfers.csv", kop + "0001,2019,1000,200,5000,0.5,3,14.5,7.25\n0002,2019,2000,300,6000,-0.1,4,,\n")
        #expect(v.fouten.isEmpty && v.telling.toegevoegd == 2, "\(v.fouten)")
        let g = try p.store.gegevens()
        let a = try #require(g.gemeentecijfers.first { $0.gemeentecode == "0001" })
        #expect(a.eenoudergezinnen == 14.5 && a.lageInkomens == 7.25 && a.ses == 0.5)
        let b = try #require(g.gemeentecijfers.first { $0.gemeentecode == "0002" })
        #expect(b.eenoudergezinnen == nil && b.lageInkomens == nil)
        #expect(Kostenverklaring.Criterium.eenoudergezinnen.waarde(a) == 14.5 && Kostenverklaring.Criterium.lageInkomens.waarde(b) == nil)
        // the same rows without the two columns: the row that had none is unchanged, the other changes
        let zonder = importeer("cijfers-oud.csv", "gemeentecode,jaar,inwoners,jeugdigen,macrobudget_jeugd,ses,wijkteam_fte\n"
                               + "0001,2019,1000,200,5000,0.5,3\n0002,2019,2000,300,6000,-0.1,4\n")
        #expect(zonder.telling.ongewijzigd == 1 && zonder.telling.gewijzigd == 1, "\(zonder.telling)")
        // a percentage above 100 is refused with file, line and column
        let fout = importeer("cijfers-fout.csv", kop + "0001,2020,1000,200,5000,0.5,3,100.5,7\n")
        #expect(fout.fouten.count == 1 && fout.fouten[0].description.contains("cijfers-fout.csv:2")
                && fout.fouten[0].description.contains("eenoudergezinnen"), "\(fout.fouten)")
    }

    /// A database written before the columns existed holds, per row, FNV-1a over the five content values it had then;
    /// the row read from the same file now (two more columns, empty) must have that fingerprint, or a re-import would
    /// report every row of an unchanged file as changed.
    @Test func vingerafdrukZonderDeNieuweKolommenOngewijzigd() {
        let oud: [Waarde] = [.tekst("0001"), .geheel(2019), .geheel(1000), .geheel(200), .geheel(500_000), .tekst("0.5"), .tekst("3.0")]
        let nu = Codering.rij(Gemeentecijfers(gemeentecode: "0001", jaar: 2019, inwoners: 1000, jeugdigen: 200,
                                              macrobudgetJeugd: Euro(euro: 5000), ses: 0.5, wijkteamFte: 3))
        #expect(nu.waarden.count == 9 && Array(nu.waarden.prefix(7)) == oud)
        #expect(nu.inhoudHash == Int64(bitPattern: Rij.fnv(oud[2...])))
        let met = Codering.rij(Gemeentecijfers(gemeentecode: "0001", jaar: 2019, inwoners: 1000, jeugdigen: 200,
                                               macrobudgetJeugd: Euro(euro: 5000), ses: 0.5, wijkteamFte: 3, lageInkomens: 7))
        #expect(met.inhoudHash != nu.inhoudHash)
    }
}
