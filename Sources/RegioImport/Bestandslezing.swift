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
    /// One record as translated: its row, or why it was refused, and its warnings.
    struct Vertaald {
        let regel: Int
        var rij: Rij?
        var sleutelHash: UInt64 = 0
        var fouten: [ImportFout] = []
        var waarschuwingen: [ImportFout] = []
    }
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
        let (bestand, kolommen, index) = (bestand, kolommen, index)
        let (soort, pseudonimiseerder, ref) = (vertaling.soort, vertaling.pseudonimiseerder, vertaling.ref)
        let lezer = Vertaalstraat<Vertaald>(self.lezer) {
            // a translator of its own per thread: the pseudonym cache is not shared
            let eigen = Rijvertaling(soort: soort, pseudonimiseerder: pseudonimiseerder, ref: ref, cache: Pseudoniemcache())
            return { record in Bestandslezing.vertaal(record, bestand: bestand, kolommen: kolommen, index: index, eigen) }
        }
        defer { lezer.stop() }
        let verwijsbaar = soort == .percelen || soort == .gemeenten || soort == .aanbieders || soort == .producten
        var blok: [Rij] = []
        blok.reserveCapacity(Importeur.blokgrootte)
        while let v = try lezer.volgende() {
            verslag.rijen += 1
            if let rij = v.rij {
                if let eerder = sleutels.voegToe(v.sleutelHash, regel: v.regel) {
                    // held back: written only when it proves to be another key with the same hash
                    kandidaten.append((v.regel, eerder, rij.sleutelTekst))
                    uitgesteld.append(rij)
                } else if verslag.fouten.isEmpty && uit != nil {
                    blok.append(rij)
                }
                if verwijsbaar { nieuweSleutels.append(Rij(soort: soort, waarden: Array(rij.waarden.prefix(soort == .producten ? 2 : 1)))) }
                if soort == .toewijzingen { Bestandslezing.neemOp(rij, in: &nieuweToewijzingen) }
            }
            verslag.fouten += v.fouten
            verslag.aantalWaarschuwingen += v.waarschuwingen.count
            if verslag.waarschuwingen.count < Importeur.maxFouten { verslag.waarschuwingen += v.waarschuwingen }
            if verslag.fouten.count >= Importeur.maxFouten {
                verslag.fouten.append(.algemeen("\(bestand): meer dan \(Importeur.maxFouten) fouten; de controle is gestopt op regel \(v.regel)"))
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

    /// One record: its row, or why it was refused (text the reader could not take, a wrong number of fields, or the
    /// translation's findings). Needs nothing of the rows before it, so records are translated on several threads.
    static func vertaal(_ record: CSVRecord, bestand: String, kolommen: [String], index: [String: Int],
                        _ vertaling: Rijvertaling) -> Vertaald {
        var v = Vertaald(regel: record.regel)
        if !record.problemen.isEmpty {
            // text the reader could not take as it is: the row is refused, the other rows are still checked
            for p in record.problemen {
                v.fouten.append(.rij(bestand: bestand, regel: record.regel,
                                     kolom: p.veld < kolommen.count ? kolommen[p.veld] : "veld \(p.veld + 1)", reden: p.reden))
            }
        } else if record.velden.count != kolommen.count {
            v.fouten.append(.rij(bestand: bestand, regel: record.regel, kolom: nil,
                                 reden: "\(record.velden.count) velden, de kopregel heeft er \(kolommen.count)"))
        } else {
            var r = Rijlezer(bestand: bestand, record: record, index: index)
            v.rij = vertaling.vertaal(&r)
            v.sleutelHash = v.rij?.sleutelHash ?? 0
            v.fouten = r.fouten
            v.waarschuwingen = r.waarschuwingen
        }
        return v
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
    /// Refuses further blocks and ends the taking: both sides may stop.
    func stop() { conditie.lock(); gestopt = true; gesloten = true; blokken = []; conditie.broadcast(); conditie.unlock() }
}

/// Splits a file into records on a thread of its own and translates them on as many threads as there are cores, a few
/// blocks ahead of the checking, which takes them in file order. Translating (typed values, reference checks, bounds)
/// was two thirds of the checking thread's work; what stays there is what depends on the rows before (duplicates,
/// sums, the error count).
final class Vertaalstraat<Uit>: @unchecked Sendable {
    private struct Invoer { let nummer: Int; let records: [CSVRecord]; let voortgang: (gelezen: Int, grootte: Int)? }
    private struct Uitvoer { let rijen: [Uit]; let voortgang: (gelezen: Int, grootte: Int)? }

    private var lezer: CSVLezer
    private let invoer = Blokrij<Invoer>()
    private let conditie = NSCondition()
    /// Translated blocks by number, waiting for their turn; `volgend` is the number the checking takes next.
    private var klaar: [Int: Uitvoer] = [:]
    private var volgend = 0
    /// The number of blocks, once the splitting has ended; and the error it ended on.
    private var aantal: Int?
    private var fout: CSVFout?
    private var gestopt = false
    /// Blocks a translator may run ahead of the checking: memory stays flat when the checking is the slower.
    private let vooruit: Int
    private let draden = DispatchGroup()
    private var partij: [Uit] = []
    private var positie = 0
    /// Bytes of the file up to the last record handed out (to a block's precision), and its size.
    private(set) var voortgang: (gelezen: Int, grootte: Int)?

    /// `vertaler` is called once per translating thread: each gets its own (a translator may keep a cache).
    init(_ lezer: CSVLezer, vertalers: Int = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)),
         vertaler: @escaping @Sendable () -> (CSVRecord) -> Uit) {
        self.lezer = lezer
        vooruit = vertalers + 2
        draden.enter()
        Thread { [self] in splits(); draden.leave() }.start()
        for _ in 0..<vertalers {
            draden.enter()
            let t = Thread { [self] in vertaal(vertaler()); draden.leave() }
            t.stackSize = 8 << 20
            t.start()
        }
    }

    private func splits() {
        var records: [CSVRecord] = []
        records.reserveCapacity(Importeur.blokgrootte)
        var n = 0
        func geef() -> Bool {
            defer { n += 1; records = []; records.reserveCapacity(Importeur.blokgrootte) }
            return invoer.zet(Invoer(nummer: n, records: records, voortgang: lezer.voortgang))
        }
        var fout: CSVFout?
        do throws(CSVFout) {
            while let r = try lezer.volgende() {
                records.append(r)
                if records.count == Importeur.blokgrootte { guard geef() else { break } }
            }
            if !records.isEmpty { _ = geef() }
        } catch {
            // the records before the error first, as a single reader would have given them
            if !records.isEmpty { _ = geef() }
            fout = error
        }
        invoer.sluit()
        conditie.lock()
        aantal = n
        self.fout = fout
        conditie.broadcast()
        conditie.unlock()
    }

    private func vertaal(_ vertaler: (CSVRecord) -> Uit) {
        while let blok = invoer.neem() {
            let rijen = blok.records.map(vertaler)
            conditie.lock()
            while blok.nummer - volgend >= vooruit && !gestopt { conditie.wait() }
            if !gestopt { klaar[blok.nummer] = Uitvoer(rijen: rijen, voortgang: blok.voortgang) }
            conditie.broadcast()
            conditie.unlock()
        }
    }

    /// The next record in file order; nil at the end. Throws the splitting's error after the records before it.
    func volgende() throws(CSVFout) -> Uit? {
        while positie == partij.count {
            conditie.lock()
            while klaar[volgend] == nil && (aantal.map { volgend < $0 } ?? true) { conditie.wait() }
            guard let u = klaar.removeValue(forKey: volgend) else {
                let f = fout
                conditie.unlock()
                if let f { throw f }
                return nil
            }
            volgend += 1
            conditie.broadcast()
            conditie.unlock()
            partij = u.rijen
            positie = 0
            voortgang = u.voortgang
        }
        defer { positie += 1 }
        return partij[positie]
    }

    /// Stops the splitting and translating threads (when the checking ends early) and waits for them.
    func stop() {
        conditie.lock()
        let al = gestopt
        gestopt = true
        klaar = [:]
        conditie.broadcast()
        conditie.unlock()
        guard !al else { return }
        invoer.stop()
        draden.wait()
    }
}
