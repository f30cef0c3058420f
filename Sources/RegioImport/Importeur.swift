import Foundation
import RegioCore
import RegioStore

/// What happened to one file.
public struct Bestandsverslag: Sendable {
    public var bestand: String
    public var soort: Soort?
    public var rijen = 0
    public var telling = Telling()
    public var fouten: [ImportFout] = []
    /// Rows imported with a finding (the first `Importeur.maxFouten`); `aantalWaarschuwingen` counts them all.
    public var waarschuwingen: [ImportFout] = []
    public var aantalWaarschuwingen = 0
    /// True when the rows were written (not when only checked, or rejected).
    public var geschreven = false
    /// Seconds the file took, reading to commit.
    public var duur: Double = 0
    /// Of `duur`: loading what the rows are checked against (the keys of the references and the allocations, the
    /// referrers), before the first row.
    public var sleutelsLaden: Double = 0
    /// Of `duur`: after the last row was written, until the commit (duplicates confirmed, indexes built, the commit).
    public var afronden: Double = 0
}

/// Where an import's time went after its files: every second of the run is in the files' `duur` or here.
public struct Importtijden: Sendable {
    /// Merging the new lines into the monthly sums, or rebuilding them, and the BI tables after them.
    public var sommen: Double = 0
}

public struct ImportOpties: Sendable {
    public var negeerKolommen = false
    public var controleer = false
    public init(negeerKolommen: Bool = false, controleer: Bool = false) {
        self.negeerKolommen = negeerKolommen; self.controleer = controleer
    }
}

/// Where a multi-file import is: for a progress line, and to say which files are in after an interruption.
public struct Importvoortgang: Sendable {
    public enum Fase: Sendable { case begonnen, bezig, klaar }
    public let bestand: String
    /// 1-based position of the file in the import, and the number of files.
    public let nummer: Int
    public let aantal: Int
    public let fase: Fase
    public let rijen: Int
    /// Bytes read of the file and its size (0 when not known).
    public let gelezen: Int
    public let grootte: Int
    /// When `klaar`: the file's rows are committed (else it was refused, or only checked).
    public let geschreven: Bool
}

/// Imports canonical CSV files: each file is checked whole and written in one transaction, or not at all.
public final class Importeur {
    let store: any Opslag
    let pseudonimiseerder: Pseudonimiseerder
    let opties: ImportOpties
    var ref: Referenties?
    /// The sums of the lines added in this run of `importeer(paden:)`, while nothing else changed; nil otherwise.
    var nieuweSommen: Declaratieaggregaten?
    /// The time after the files of the last `importeer(paden:)`.
    public private(set) var tijden = Importtijden()
    /// Told when `importeer(paden:)` begins and finishes a file, and every 10,000 rows in between (from the reading
    /// thread).
    public var voortgang: (@Sendable (Importvoortgang) -> Void)?

    public init(store: any Opslag, pseudonimiseerder: Pseudonimiseerder, opties: ImportOpties = ImportOpties()) {
        self.store = store; self.pseudonimiseerder = pseudonimiseerder; self.opties = opties
        // the rows are split, translated, checked and written on several threads; two heaps keep their leftovers small
        Geheugen.beperkHeaps(tot: 2)
    }

    func referenties() throws -> Referenties {
        if let ref { return ref }
        var r = Referenties()
        r.gemeenten = try store.sleutels(.gemeenten)
        r.aanbieders = try store.sleutels(.aanbieders)
        for p in try store.sleutels(.percelen) { r.percelen[Toewijzingskaart.gevouwen(p)] = r.percelen[Toewijzingskaart.gevouwen(p)] ?? p }
        r.producten = Set(try store.sleutels(.producten).map { k in k.split(separator: "/").prefix(2).joined(separator: "|") })
        r.toewijzingen.reserveer(try store.aantal(.toewijzingen))
        try store.elkeToewijzing { r.toewijzingen.voegToe($0) }
        ref = r
        return r
    }

    /// Imports files in dependency order (references before the records that use them), whatever order they are given in.
    /// Files are streamed: only their header is read up front.
    public func importeer(paden: [String], nu: String) -> [Bestandsverslag] {
        importeer(bronnen: paden.map { pad in (pad, { () throws(CSVFout) in try CSVLezer(pad: pad) }) }, nu: nu)
    }

    /// Files held in memory (a dashboard upload, so no copy of it is ever written to disk), named as the user named
    /// them; otherwise as `importeer(paden:)`.
    public func importeer(bestanden: [(naam: String, inhoud: [UInt8])], nu: String) -> [Bestandsverslag] {
        importeer(bronnen: bestanden.map { b in (b.naam, { () throws(CSVFout) in CSVLezer(bytes: b.inhoud) }) }, nu: nu)
    }

    /// Each source by its name and how to open it (again).
    func importeer(bronnen: [(naam: String, open: () throws(CSVFout) -> CSVLezer)], nu: String) -> [Bestandsverslag] {
        var geladen: [(naam: String, soort: Soort?, open: () throws(CSVFout) -> CSVLezer)] = []
        var verslagen: [Bestandsverslag] = []
        for bron in bronnen {
            let geopend: CSVLezer
            do { geopend = try bron.open() } catch {
                verslagen.append(Bestandsverslag(bestand: bron.naam, fouten: [.algemeen("\(bron.naam): \(error.reden)")]))
                continue
            }
            var lezer = geopend
            let kop = try? lezer.volgende()
            geladen.append((bron.naam, kop.flatMap { Soort.herken(Set($0.velden.map(normaliseerKolom))) }, bron.open))
        }
        geladen.sort { ($0.soort?.volgordeIndex ?? 99) < ($1.soort?.volgordeIndex ?? 99) }
        // lines that are only added can be summed on the way in; anything else rebuilds the sums afterwards
        nieuweSommen = (try? store.aggregatenActueel()) == true ? Declaratieaggregaten() : nil
        defer { nieuweSommen = nil }
        // allocations of a file that was refused: a declaration naming one fails for that reason, said once per file
        var geweigerd: [String: (bestand: String, regel: Int)] = [:]
        for (i, (naam, soort, open)) in geladen.enumerated() {
            let start = Date()
            let meld = voortgang
            meld?(Importvoortgang(bestand: naam, nummer: i + 1, aantal: geladen.count, fase: .begonnen, rijen: 0, gelezen: 0, grootte: 0,
                                  geschreven: false))
            let aantal = geladen.count
            if let meld {
                blokMelding = { @Sendable (rijen: Int, gelezen: Int, grootte: Int) in
                    meld(Importvoortgang(bestand: naam, nummer: i + 1, aantal: aantal, fase: .bezig, rijen: rijen, gelezen: gelezen,
                                         grootte: grootte, geschreven: false))
                }
            }
            var v = importeer(bestand: naam, nu: nu, lezer: open)
            blokMelding = nil
            if soort == .toewijzingen, !v.fouten.isEmpty, !v.geschreven {
                let regel = v.fouten.compactMap(\.regel).min() ?? 1
                for nummer in Importeur.sleutels(open, kolom: "toewijzingnummer") { geweigerd[nummer] = (naam, regel) }
            }
            if soort == .declaraties, !geweigerd.isEmpty { v.fouten = Importeur.groepeerVervolgfouten(v.fouten, geweigerd: geweigerd) }
            v.duur = Date().timeIntervalSince(start)
            verslagen.append(v)
            meld?(Importvoortgang(bestand: naam, nummer: i + 1, aantal: geladen.count, fase: .klaar, rijen: v.rijen, gelezen: 0, grootte: 0,
                                  geschreven: v.geschreven))
        }
        tijden = Importtijden()
        // the keys the rows were checked against (930.000 allocations nationally) are not needed for the sums; the next
        // file loads them again, and the memory they took goes back to the system before the sums take theirs
        ref = nil
        Geheugen.geefVrijTerug()
        if verslagen.contains(where: \.geschreven) {
            let start = Date()
            defer { tijden.sommen = Date().timeIntervalSince(start) }
            if let nieuw = nieuweSommen {
                let a = store
                nieuweSommen = nil
                // every row was stored as it is (a delta sent twice): nothing to sum or rebuild
                let ongewijzigd = verslagen.allSatisfy { !$0.geschreven || ($0.telling.toegevoegd == 0 && $0.telling.gewijzigd == 0) }
                if nieuw.isLeeg && ongewijzigd, (try? a.stempelSommen()) == true { return verslagen }
                if (try? a.voegToeAanAggregaten(nieuw)) != nil { return verslagen }
            }
            werkAggregatenBij()
        }
        return verslagen
    }

    /// The values of one column of a file (the keys of a refused file), read again from the start.
    static func sleutels(_ open: () throws(CSVFout) -> CSVLezer, kolom: String) -> Set<String> {
        guard var lezer = try? open(), let kop = try? lezer.volgende(),
              let k = kop.velden.map(normaliseerKolom).firstIndex(of: kolom) else { return [] }
        var uit = Set<String>()
        while let r = try? lezer.volgende() { if k < r.velden.count { uit.insert(r.velden[k].trimmingCharacters(in: .whitespaces)) } }
        return uit
    }

    /// "onbekende toewijzing" for an allocation of a refused file is a consequence, not a cause: those errors become one
    /// per refused file, naming it, the line of its first error, how many lines it affects and which.
    static func groepeerVervolgfouten(_ fouten: [ImportFout], geweigerd: [String: (bestand: String, regel: Int)]) -> [ImportFout] {
        var eigen: [ImportFout] = []
        var gevolgen: [String: (regel: Int, regels: [Int], nummers: [String])] = [:]
        var volgorde: [String] = []
        for f in fouten {
            guard case let .rij(_, regel, kolom, reden) = f, kolom == "toewijzingnummer", reden.hasPrefix("onbekende toewijzing '"),
                  reden.hasSuffix("'") else { eigen.append(f); continue }
            let nummer = String(reden.dropFirst("onbekende toewijzing '".count).dropLast())
            guard let oorzaak = geweigerd[nummer] else { eigen.append(f); continue }
            if gevolgen[oorzaak.bestand] == nil { volgorde.append(oorzaak.bestand); gevolgen[oorzaak.bestand] = (oorzaak.regel, [], []) }
            gevolgen[oorzaak.bestand]!.regels.append(regel)
            gevolgen[oorzaak.bestand]!.nummers.append(nummer)
        }
        let bestand: String = {
            for f in fouten { if case let .rij(b, _, _, _) = f { return b } }
            return ""
        }()
        for oorzaak in volgorde {
            let g = gevolgen[oorzaak]!
            let regels = g.regels.prefix(5).map(String.init).joined(separator: ", ") + (g.regels.count > 5 ? " en \(g.regels.count - 5) meer" : "")
            let eerste = g.nummers[0]
            eigen.append(.rij(bestand: bestand, regel: g.regels[0], kolom: "toewijzingnummer",
                              reden: "toewijzing \(eerste)" + (g.regels.count > 1 ? " (en die van nog \(g.regels.count - 1) regels)" : "")
                                + " staat in \(oorzaak), dat om een fout op regel \(g.regel) is geweigerd; verbeter dat bestand en importeer beide opnieuw"
                                + " (regels \(regels))"))
        }
        return eigen.sorted { ($0.regel ?? 0) < ($1.regel ?? 0) }
    }

    /// Rebuilds the monthly sums after data changed. When that fails the import still stands: the sums then no longer
    /// match the stored data, and figures are computed from the lines themselves.
    public func werkAggregatenBij() {
        try? store.ververstAggregaten()
    }

    /// Given to the file being read: rows so far, bytes read, file size.
    var blokMelding: (@Sendable (Int, Int, Int) -> Void)?

    public func importeer(bestand: String, bytes: [UInt8], nu: String) -> Bestandsverslag {
        importeer(bestand: bestand, nu: nu) { () throws(CSVFout) in CSVLezer(bytes: bytes) }
    }

    /// Rolls a transaction back after the rows were checked: there were errors.
    struct Afgekeurd: Error {}

    /// At most this many errors are listed per file; then the check stops.
    static let maxFouten = 10_000
    /// Rows per write: big enough for the store to batch, small enough to keep memory flat.
    static let blokgrootte = 10_000

    /// One file: checked and written as a stream inside one transaction, which is rolled back at the first sign
    /// that the file is not clean, so the store holds all of it or none of it. `lezer` opens the file (again).
    /// Reading and checking run on a thread of their own, the writing on the store's: two cores, twice the speed.
    func importeer(bestand: String, nu: String, lezer open: @escaping () throws(CSVFout) -> CSVLezer) -> Bestandsverslag {
        var verslag = Bestandsverslag(bestand: bestand)
        do {
            var lezer = try open()
            guard let kop = try lezer.volgende() else {
                verslag.fouten.append(.algemeen("\(bestand): leeg bestand (een kopregel is verplicht)"))
                return verslag
            }
            let kolommen = kop.velden.map(normaliseerKolom)
            if let p = kop.problemen.first {
                verslag.fouten.append(.rij(bestand: bestand, regel: kop.regel, kolom: "kolom \(p.veld + 1)", reden: p.reden))
                return verslag
            }
            guard let soort = Soort.herken(Set(kolommen)) else {
                verslag.fouten.append(.rij(bestand: bestand, regel: kop.regel, kolom: nil,
                                           reden: "onbekend bestandstype: de kopregel past bij geen van de bestandssoorten (\(Importeur.besteGok(kolommen)))"))
                return verslag
            }
            verslag.soort = soort
            var index: [String: Int] = [:]
            let bekend = Set(soort.verplicht + soort.optioneel)
            for (i, k) in kolommen.enumerated() {
                if index[k] != nil {
                    verslag.fouten.append(.rij(bestand: bestand, regel: kop.regel, kolom: k, reden: "kolom komt twee keer voor"))
                }
                if !bekend.contains(k) && !opties.negeerKolommen {
                    verslag.fouten.append(.rij(bestand: bestand, regel: kop.regel, kolom: BSN.verberg(in: k),
                                               reden: "onbekende kolom voor \(soort.rawValue) (gebruik --negeer-kolommen om over te slaan)"))
                }
                index[k] = index[k] ?? i
            }
            let laden = Date()
            var ref = try referenties()
            let lezing = Bestandslezing(bestand: bestand, soort: soort, kolommen: kolommen, index: index, lezer: lezer, open: open,
                                        vertaling: Rijvertaling(soort: soort, pseudonimiseerder: pseudonimiseerder, ref: ref,
                                                                cache: Pseudoniemcache()),
                                        verslag: verslag)
            lezing.meld = blokMelding
            // declarations are summed on the reading thread as they go in (the writer is the busier one);
            // the referrer comes from the line's allocation
            if soort == .declaraties && nieuweSommen != nil && !opties.controleer {
                lezing.verwijzers = try store.verwijzers()
            }
            let sleutelsLaden = Date().timeIntervalSince(laden)
            if opties.controleer {
                try lezing.lees(naar: nil)
                if !lezing.kandidaten.isEmpty { try lezing.bevestigDubbelen() }
                verslag = lezing.verslag
                guard verslag.fouten.isEmpty else { return verslag }
            } else {
                var afronden = Date()
                do {
                    let telling = try store.transactie { w -> Telling in
                        let rij = Blokrij<[Rij]>()
                        let klaar = DispatchSemaphore(value: 0)
                        let draad = Thread {
                            do { try lezing.lees(naar: rij) } catch { lezing.leesfout = error }
                            rij.sluit()
                            klaar.signal()
                        }
                        draad.stackSize = 8 << 20
                        draad.start()
                        var t = Telling()
                        var schrijffout: (any Error)?
                        do {
                            while let blok = rij.neem() { t = t + (try w.schrijf(blok)) }
                        } catch {
                            schrijffout = error
                            rij.stop()
                        }
                        klaar.wait()
                        afronden = Date()
                        if let schrijffout { throw schrijffout }
                        if let f = lezing.leesfout { throw f }
                        if !lezing.kandidaten.isEmpty { try lezing.bevestigDubbelen() }
                        guard lezing.verslag.fouten.isEmpty else { throw Afgekeurd() }
                        if !lezing.uitgesteld.isEmpty {
                            t = t + (try w.schrijf(lezing.uitgesteld))
                            if let v = lezing.verwijzers { try Importeur.tel(lezing.uitgesteld, v, &lezing.sommen) }
                        }
                        lezing.sleutels = Sleutelset()   // before the store rebuilds its indexes, which takes memory too
                        try w.logImport(ImportlogRegel(bestand: (bestand as NSString).lastPathComponent, soort: soort.rawValue, tijdstip: nu,
                                                       toegevoegd: t.toegevoegd, gewijzigd: t.gewijzigd, ongewijzigd: t.ongewijzigd))
                        return t
                    }
                    verslag = lezing.verslag
                    verslag.telling = telling
                    verslag.geschreven = true
                    verslag.sleutelsLaden = sleutelsLaden
                    verslag.afronden = Date().timeIntervalSince(afronden)
                    if lezing.verwijzers != nil && telling.gewijzigd == 0 && telling.toegevoegd == 0 {
                        // every line was stored as it is: the sums stand (only their stamp moves, after the files)
                        lezing.sommen = Declaratieaggregaten()
                    } else if lezing.verwijzers != nil && telling.gewijzigd == 0 && telling.ongewijzigd == 0 {
                        // taken over, not merged, when these are the first: two copies of a national year's sums do not fit
                        if nieuweSommen?.isLeeg == true { nieuweSommen = lezing.sommen } else {
                            do { try nieuweSommen?.voegToe(lezing.sommen) } catch { nieuweSommen = nil }   // rebuilt afterwards
                        }
                        lezing.sommen = Declaratieaggregaten()
                    } else if soort == .declaraties ? telling.gewijzigd > 0 || telling.ongewijzigd > 0
                                : soort == .toewijzingen && telling.gewijzigd > 0 {
                        // changed lines, new lines among repeated ones (their sums are not told apart), or a changed
                        // allocation (its referrer): rebuild. A new allocation changes no stored line's referrer.
                        nieuweSommen = nil
                    }
                } catch is Afgekeurd {
                    return lezing.verslag
                } catch let f as CSVFout {
                    verslag = lezing.verslag
                    throw f
                }
            }
            // later files (and later checks) may refer to these rows
            for rij in lezing.nieuweSleutels { ref.neemOp(rij) }
            ref.toewijzingen.voegToe(lezing.nieuweToewijzingen)
            self.ref = ref
        } catch let f as CSVFout {
            verslag.fouten.append(.rij(bestand: bestand, regel: f.regel, kolom: nil, reden: f.reden))
        } catch {
            verslag.fouten.append(.algemeen("\(bestand): \(error)"))
        }
        return verslag
    }

    /// Positions of the declaration columns `tel` reads, looked up once.
    static let kolom: [Int] = ["bedrag_cent", "toewijzingnummer", "client", "gemeentecode", "productcategorie", "productcode",
                               "begindatum", "einddatum", "debet_credit", "status", "ingediend_op", "agb"].map { Soort.declaraties.kolommen.firstIndex(of: $0)! }

    /// Adds declaration rows to the sums, with the same rules as `Declaratieaggregaten.voegToe(_:verwijzer:)`.
    static func tel(_ rijen: [Rij], _ verwijzers: [String: String], _ sommen: inout Declaratieaggregaten) throws(Gegevensfout) {
        let k = kolom
        for r in rijen {
            let w = r.waarden
            let bedrag = w[k[0]].geheel ?? 0
            let v = verwijzers[w[k[1]].tekst ?? ""] ?? ""
            try sommen.voegToe(client: w[k[2]].tekst ?? "", gemeentecode: w[k[3]].tekst ?? "",
                           productcategorie: w[k[4]].tekst ?? "", productcode: w[k[5]].tekst, agb: w[k[11]].tekst ?? "",
                           verwijzer: v.isEmpty ? Verwijzer.onbekendeSleutel : v,
                           van: Dag(dagnummer: Int32(w[k[6]].geheel ?? 0)), tot: Dag(dagnummer: Int32(w[k[7]].geheel ?? 0)),
                           ingediend: Dag(dagnummer: Int32(w[k[10]].geheel ?? 0)),
                           kosten: Euro(centen: w[k[8]].tekst == "C" ? -bedrag : bedrag),
                           afgewezen: w[k[9]].tekst == DeclaratieStatus.afgewezen.rawValue)
        }
    }

    static func besteGok(_ kolommen: [String]) -> String {
        let set = Set(kolommen)
        let beste = Soort.allCases.min { a, b in
            a.verplicht.filter { !set.contains($0) }.count < b.verplicht.filter { !set.contains($0) }.count
        }!
        let mist = beste.verplicht.filter { !set.contains($0) }
        return "lijkt het meest op \(beste.rawValue), maar mist: \(mist.joined(separator: ", "))"
    }
}

extension Soort {
    var volgordeIndex: Int { Soort.allCases.firstIndex(of: self)! }
}

/// Key hashes of one file with the line each was first seen on: 12 bytes a row, so a national file's keys fit in
/// a few hundred megabytes where a set of key texts would take gigabytes. Open addressing, linear probing; any
/// capacity (a slot is picked by multiplying, not masking), so it can be sized to the file instead of doubled.
struct Sleutelset {
    private var hashes = [UInt64](repeating: 0, count: 1024)
    private var regels = [UInt32](repeating: 0, count: 1024)
    private var aantal = 0

    /// Adds the hash; returns the line it was seen on before, if it was.
    mutating func voegToe(_ hash: UInt64, regel: Int) -> Int? {
        if (aantal + 1) * 4 > hashes.count * 3 { herverdeel(hashes.count * 2) }
        let h = hash == 0 ? 1 : hash   // 0 marks an empty slot
        var i = Sleutelset.plek(h, hashes.count)
        while hashes[i] != 0 {
            if hashes[i] == h { return Int(regels[i]) }
            i = i + 1 == hashes.count ? 0 : i + 1
        }
        hashes[i] = h
        regels[i] = UInt32(truncatingIfNeeded: regel)
        aantal += 1
        return nil
    }

    /// Room for `n` hashes without growing.
    mutating func reserveer(_ n: Int) {
        let nodig = n * 4 / 3 + 1
        if nodig > hashes.count { herverdeel(nodig) }
    }

    var capaciteit: Int { hashes.count }

    private static func plek(_ h: UInt64, _ n: Int) -> Int { Int(h.multipliedFullWidth(by: UInt64(n)).high) }

    private mutating func herverdeel(_ n: Int) {
        let oud = (hashes, regels)
        hashes = [UInt64](repeating: 0, count: n)
        regels = [UInt32](repeating: 0, count: n)
        for (j, h) in oud.0.enumerated() where h != 0 {
            var i = Sleutelset.plek(h, n)
            while hashes[i] != 0 { i = i + 1 == n ? 0 : i + 1 }
            hashes[i] = h
            regels[i] = oud.1[j]
        }
    }
}
