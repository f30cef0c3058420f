import Foundation
import RegioCore
import RegioStore

/// The reading and checking of one CSV file, apart from the writing, so the two can run on two threads. Everything
/// here is touched by the reading thread only, and read by the writer after that thread has finished.
final class Bestandslezing: @unchecked Sendable {
    let bestand: String
    let soort: Soort
    let kolommen: [String]
    let index: [String: Int]
    var lezer: CSVLezer
    let open: () throws(CSVFout) -> CSVLezer
    let vertaling: Rijvertaling
    var verslag: Bestandsverslag
    /// Keys later files may refer to.
    var nieuweSleutels: [Rij] = []
    /// The allocations of this file, for the declarations of later files.
    var nieuweToewijzingen = Toewijzingskaart()
    var sleutels = Sleutelset()
    /// Rows whose key hash was seen before: confirmed or cleared by `bevestigDubbelen`.
    var kandidaten: [(regel: Int, eerder: Int, sleutel: String)] = []
    var uitgesteld: [Rij] = []
    var leesfout: (any Error)?
    /// When set (declarations, while only added lines can be summed): the sums of the rows handed on, and the referrers.
    var verwijzers: [String: String]?
    var sommen = Declaratieaggregaten()
    /// Rows so far, bytes read, file size: every 10,000 rows.
    var meld: (@Sendable (Int, Int, Int) -> Void)?

    init(bestand: String, soort: Soort, kolommen: [String], index: [String: Int], lezer: CSVLezer,
         open: @escaping () throws(CSVFout) -> CSVLezer, vertaling: Rijvertaling, verslag: Bestandsverslag) {
        self.bestand = bestand; self.soort = soort; self.kolommen = kolommen; self.index = index; self.lezer = lezer
        self.open = open; self.vertaling = vertaling; self.verslag = verslag
    }

    /// Reads every row; hands rows on in blocks while the file is clean so far (nil: only check).
    func lees(naar uit: Blokrij<[Rij]>?) throws {
        let lezer = Vooruitlezer(self.lezer)
        defer { lezer.stop() }
        let verwijsbaar = soort == .percelen || soort == .gemeenten || soort == .aanbieders || soort == .producten
        var blok: [Rij] = []
        blok.reserveCapacity(Importeur.blokgrootte)
        while let record = try lezer.volgende() {
            verslag.rijen += 1
            if !record.problemen.isEmpty {
                // text the reader could not take as it is: the row is refused, the other rows are still checked
                for p in record.problemen {
                    verslag.fouten.append(.rij(bestand: bestand, regel: record.regel,
                                               kolom: p.veld < kolommen.count ? kolommen[p.veld] : "veld \(p.veld + 1)", reden: p.reden))
                }
            } else if record.velden.count != kolommen.count {
                verslag.fouten.append(.rij(bestand: bestand, regel: record.regel, kolom: nil,
                                           reden: "\(record.velden.count) velden, de kopregel heeft er \(kolommen.count)"))
            } else {
                var r = Rijlezer(bestand: bestand, record: record, index: index)
                if let rij = vertaling.vertaal(&r) {
                    if let eerder = sleutels.voegToe(rij.sleutelHash, regel: record.regel) {
                        // held back: written only when it proves to be another key with the same hash
                        kandidaten.append((record.regel, eerder, rij.sleutelTekst))
                        uitgesteld.append(rij)
                    } else if verslag.fouten.isEmpty && uit != nil {
                        blok.append(rij)
                    }
                    if verwijsbaar { nieuweSleutels.append(Rij(soort: soort, waarden: Array(rij.waarden.prefix(soort == .producten ? 2 : 1)))) }
                    if soort == .toewijzingen { Bestandslezing.neemOp(rij, in: &nieuweToewijzingen) }
                }
                verslag.fouten += r.fouten
                verslag.aantalWaarschuwingen += r.waarschuwingen.count
                if verslag.waarschuwingen.count < Importeur.maxFouten { verslag.waarschuwingen += r.waarschuwingen }
            }
            if verslag.fouten.count >= Importeur.maxFouten {
                verslag.fouten.append(.algemeen("\(bestand): meer dan \(Importeur.maxFouten) fouten; de controle is gestopt op regel \(record.regel)"))
                break
            }
            if verslag.rijen == Importeur.blokgrootte, let (gelezen, grootte) = lezer.voortgang, gelezen > 0 {
                // sized once from the first rows: doubling a national file's table would hold both copies at once
                sleutels.reserveer(Int(Double(grootte) / Double(gelezen) * Double(verslag.rijen) * 1.05))
            }
            if verslag.rijen % Importeur.blokgrootte == 0, let meld, let (gelezen, grootte) = lezer.voortgang {
                meld(verslag.rijen, gelezen, grootte)
            }
            if blok.count >= Importeur.blokgrootte, let uit {
                if let verwijzers { try Importeur.tel(blok, verwijzers, &sommen) }
                guard uit.zet(blok) else { return }   // the writer stopped
                blok.removeAll(keepingCapacity: true)
            }
        }
        if let uit, verslag.fouten.isEmpty, !blok.isEmpty {
            if let verwijzers { try Importeur.tel(blok, verwijzers, &sommen) }
            _ = uit.zet(blok)
        }
    }

    /// Positions of the allocation columns a declaration is checked against.
    static let toewijzingskolom: [Int] = ["toewijzingnummer", "client", "gemeentecode", "agb", "ingangsdatum", "einddatum"]
        .map { Soort.toewijzingen.kolommen.firstIndex(of: $0)! }

    static func neemOp(_ rij: Rij, in kaart: inout Toewijzingskaart) {
        let k = toewijzingskolom, w = rij.waarden
        kaart.voegToe(nummer: w[k[0]].tekst ?? "", client: w[k[1]].tekst ?? "", gemeentecode: w[k[2]].tekst ?? "",
                      agb: w[k[3]].tekst ?? "", van: Dag(opgeslagen: w[k[4]].geheel ?? 0), tot: w[k[5]].geheel.map { Dag(opgeslagen: $0) })
    }

    /// Reads the file again for the earlier lines of equal key hashes and reports the real duplicates.
    func bevestigDubbelen() throws {
        let nodig = Set(kandidaten.map(\.eerder))
        var tekst: [Int: String] = [:]
        var opnieuw = try open()
        _ = try opnieuw.volgende()
        while let record = try opnieuw.volgende() {
            guard nodig.contains(record.regel), record.velden.count == kolommen.count else { continue }
            var r = Rijlezer(bestand: bestand, record: record, index: index)
            if let rij = vertaling.vertaal(&r) { tekst[record.regel] = rij.sleutelTekst }
        }
        // keys compared with a-z as A-Z, as they are hashed: "t1" and "T1" are one key, never two rows
        let vouw = Toewijzingskaart.gevouwen
        var anders: [String: (regel: Int, sleutel: String)] = [:]   // keys that only shared a hash, by their first line
        for k in kandidaten {
            let eerste: (regel: Int, sleutel: String)?
            if let t = tekst[k.eerder], vouw(t) == vouw(k.sleutel) { eerste = (k.eerder, t) } else { eerste = anders[vouw(k.sleutel)] }
            guard let eerste else { anders[vouw(k.sleutel)] = (k.regel, k.sleutel); continue }
            let reden = eerste.sleutel == k.sleutel ? "dubbele sleutel '\(k.sleutel)' (ook op regel \(eerste.regel))"
                : "dubbele sleutel '\(k.sleutel)': verschilt alleen in hoofdletters van '\(eerste.sleutel)' op regel \(eerste.regel)"
            verslag.fouten.append(.rij(bestand: bestand, regel: k.regel, kolom: soort.sleutel.joined(separator: "+"),
                                       reden: BSN.verberg(in: reden)))
        }
        // in line order, as the user reads the file (a stable sort keeps a line's own errors in order)
        verslag.fouten = verslag.fouten.enumerated().sorted { a, b in
            (a.element.regel ?? .max, a.offset) < (b.element.regel ?? .max, b.offset)
        }.map(\.element)
        kandidaten = []
    }
}

/// Blocks from one thread to the next (records to the checking, rows to the writing); at most a few wait, so memory
/// stays flat.
final class Blokrij<Blok>: @unchecked Sendable {
    private let conditie = NSCondition()
    private var blokken: [Blok] = []
    private var gesloten = false
    private var gestopt = false
    private let maximum = 3

    /// False when the writer stopped: the reader can stop too.
    func zet(_ blok: Blok) -> Bool {
        conditie.lock(); defer { conditie.unlock() }
        while blokken.count >= maximum && !gestopt { conditie.wait() }
        guard !gestopt else { return false }
        blokken.append(blok)
        conditie.broadcast()
        return true
    }

    func neem() -> Blok? {
        conditie.lock(); defer { conditie.unlock() }
        while blokken.isEmpty && !gesloten { conditie.wait() }
        guard !blokken.isEmpty else { return nil }
        conditie.broadcast()
        return blokken.removeFirst()
    }

    func sluit() { conditie.lock(); gesloten = true; conditie.broadcast(); conditie.unlock() }
    func stop() { conditie.lock(); gestopt = true; blokken = []; conditie.broadcast(); conditie.unlock() }
}

/// Splits a file into records on a thread of its own, a few blocks ahead of the checking: splitting is a fifth of the
/// reading work, and the checking thread is the slower of the import's two.
final class Vooruitlezer: @unchecked Sendable {
    struct Partij { var records: [CSVRecord]; var voortgang: (gelezen: Int, grootte: Int)? }
    private var lezer: CSVLezer
    private let rij = Blokrij<Partij>()
    private var fout: CSVFout?
    private var partij: [CSVRecord] = []
    private var positie = 0
    private let klaar = DispatchSemaphore(value: 0)
    private var gestopt = false
    /// Bytes of the file up to the last record handed out (to a block's precision), and its size.
    private(set) var voortgang: (gelezen: Int, grootte: Int)?

    init(_ lezer: CSVLezer) {
        self.lezer = lezer
        Thread { [self] in splits() }.start()
    }

    private func splits() {
        var records: [CSVRecord] = []
        records.reserveCapacity(Importeur.blokgrootte)
        do throws(CSVFout) {
            while let r = try lezer.volgende() {
                records.append(r)
                if records.count == Importeur.blokgrootte {
                    guard rij.zet(Partij(records: records, voortgang: lezer.voortgang)) else { break }
                    records.removeAll(keepingCapacity: true)
                }
            }
            if !records.isEmpty { _ = rij.zet(Partij(records: records, voortgang: lezer.voortgang)) }
        } catch {
            // the records before the error first, as a single reader would have given them
            if !records.isEmpty { _ = rij.zet(Partij(records: records, voortgang: lezer.voortgang)) }
            fout = error
        }
        rij.sluit()
        klaar.signal()
    }

    func volgende() throws(CSVFout) -> CSVRecord? {
        while positie == partij.count {
            guard let p = rij.neem() else {
                if let fout { throw fout }
                return nil
            }
            partij = p.records
            positie = 0
            voortgang = p.voortgang
        }
        defer { positie += 1 }
        return partij[positie]
    }

    /// Stops the splitting thread (when the checking ends early) and waits for it.
    func stop() {
        guard !gestopt else { return }
        gestopt = true
        rij.stop()
        klaar.wait()
    }
}
