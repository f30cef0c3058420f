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
    /// True when the rows were written (not when only checked, or rejected).
    public var geschreven = false
}

public struct ImportOpties: Sendable {
    public var negeerKolommen = false
    public var controleer = false
    public init(negeerKolommen: Bool = false, controleer: Bool = false) {
        self.negeerKolommen = negeerKolommen; self.controleer = controleer
    }
}

/// Imports canonical CSV files: each file is checked whole and written in one transaction, or not at all.
public final class Importeur {
    let store: any RegioStore
    let pseudonimiseerder: Pseudonimiseerder
    let opties: ImportOpties
    var ref: Referenties?

    public init(store: any RegioStore, pseudonimiseerder: Pseudonimiseerder, opties: ImportOpties = ImportOpties()) {
        self.store = store; self.pseudonimiseerder = pseudonimiseerder; self.opties = opties
    }

    func referenties() throws -> Referenties {
        if let ref { return ref }
        var r = Referenties()
        r.gemeenten = try store.sleutels(.gemeenten)
        r.aanbieders = try store.sleutels(.aanbieders)
        r.percelen = try store.sleutels(.percelen)
        r.producten = Set(try store.sleutels(.producten).map { k in k.split(separator: "/").prefix(2).joined(separator: "|") })
        r.toewijzingen = try store.sleutels(.toewijzingen)
        ref = r
        return r
    }

    /// Imports files in dependency order (references before the records that use them), whatever order they are given in.
    public func importeer(paden: [String], nu: String) -> [Bestandsverslag] {
        var geladen: [(String, [UInt8], Soort?)] = []
        var verslagen: [Bestandsverslag] = []
        for pad in paden {
            guard let data = FileManager.default.contents(atPath: pad) else {
                verslagen.append(Bestandsverslag(bestand: pad, fouten: [.algemeen("\(pad): bestand niet te lezen")]))
                continue
            }
            let bytes = [UInt8](data)
            geladen.append((pad, bytes, Importeur.soort(van: bytes)))
        }
        geladen.sort { ($0.2?.volgordeIndex ?? 99) < ($1.2?.volgordeIndex ?? 99) }
        for (pad, bytes, _) in geladen { verslagen.append(importeer(bestand: pad, bytes: bytes, nu: nu)) }
        return verslagen
    }

    static func soort(van bytes: [UInt8]) -> Soort? {
        var lezer = CSVLezer(bytes: bytes)
        guard let kop = try? lezer.volgende() else { return nil }
        return Soort.herken(Set(kop.velden.map(normaliseerKolom)))
    }

    public func importeer(bestand: String, bytes: [UInt8], nu: String) -> Bestandsverslag {
        var verslag = Bestandsverslag(bestand: bestand)
        do {
            var lezer = CSVLezer(bytes: bytes)
            guard let kop = try lezer.volgende() else {
                verslag.fouten.append(.algemeen("\(bestand): leeg bestand (een kopregel is verplicht)"))
                return verslag
            }
            let kolommen = kop.velden.map(normaliseerKolom)
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
                    verslag.fouten.append(.rij(bestand: bestand, regel: kop.regel, kolom: k,
                                               reden: "onbekende kolom voor \(soort.rawValue) (gebruik --negeer-kolommen om over te slaan)"))
                }
                index[k] = index[k] ?? i
            }
            var ref = try referenties()
            var rijen: [Rij] = []
            var gezien: [String: Int] = [:]
            var vertaling = Rijvertaling(soort: soort, pseudonimiseerder: pseudonimiseerder, ref: ref)
            while let record = try lezer.volgende() {
                verslag.rijen += 1
                if record.velden.count != kolommen.count {
                    verslag.fouten.append(.rij(bestand: bestand, regel: record.regel, kolom: nil,
                                               reden: "\(record.velden.count) velden, de kopregel heeft er \(kolommen.count)"))
                    continue
                }
                var r = Rijlezer(bestand: bestand, record: record, index: index)
                if let rij = vertaling.vertaal(&r) {
                    let sleutel = rij.sleutelTekst
                    if let eerder = gezien[sleutel] {
                        r.fout(soort.sleutel.joined(separator: "+"), "dubbele sleutel '\(sleutel)' (ook op regel \(eerder))")
                    } else {
                        gezien[sleutel] = record.regel
                        rijen.append(rij)
                        // a reference within the same file (e.g. products of a new lot) is fine
                        if soort == .percelen || soort == .toewijzingen || soort == .gemeenten || soort == .aanbieders {
                            ref.neemOp(rij)
                            vertaling = Rijvertaling(soort: soort, pseudonimiseerder: pseudonimiseerder, ref: ref)
                        }
                    }
                }
                verslag.fouten += r.fouten
            }
            guard verslag.fouten.isEmpty else { return verslag }
            if opties.controleer {
                // later files of the same check may refer to these rows
                for rij in rijen { ref.neemOp(rij) }
                self.ref = ref
                return verslag
            }
            let telling = try store.transactie { w -> Telling in
                let t = try w.schrijf(rijen)
                try w.logImport(ImportlogRegel(bestand: (bestand as NSString).lastPathComponent, soort: soort.rawValue, tijdstip: nu,
                                               toegevoegd: t.toegevoegd, gewijzigd: t.gewijzigd, ongewijzigd: t.ongewijzigd))
                return t
            }
            for rij in rijen { ref.neemOp(rij) }
            self.ref = ref
            verslag.telling = telling
            verslag.geschreven = true
        } catch let f as CSVFout {
            verslag.fouten.append(.rij(bestand: bestand, regel: f.regel, kolom: nil, reden: f.reden))
        } catch {
            verslag.fouten.append(.algemeen("\(bestand): \(error)"))
        }
        return verslag
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
