import RegioCore
import RegioStore

/// Every known allocation by number, with what a declaration line must agree with (municipality, provider, client,
/// period), in 32 bytes each: a national year's 930,000 allocations take some 60 MB, not the gigabyte of records.
/// Keyed by the number with a-z folded to upper case, so a number that differs from a known one only in case is
/// recognised (and refused) instead of becoming a second allocation.
struct Toewijzingskaart: Sendable {
    struct Kenmerk: Sendable {
        /// Hash of the number as written: a different hash under the same folded key is a difference in case only.
        let spelling: UInt64
        let client: UInt64
        let agb: UInt32
        let gemeente: UInt16
        let van: Int32
        /// `Int32.max` for an open end.
        let tot: Int32
    }

    private var perNummer: [String: Kenmerk] = [:]

    var count: Int { perNummer.count }

    mutating func reserveer(_ n: Int) { perNummer.reserveCapacity(n) }

    mutating func voegToe(_ k: Toewijzingskenmerken) {
        voegToe(nummer: k.nummer, client: k.client, gemeentecode: k.gemeentecode, agb: k.agb, van: k.van, tot: k.tot)
    }

    mutating func voegToe(nummer: String, client: String, gemeentecode: String, agb: String, van: Dag, tot: Dag?) {
        perNummer[Toewijzingskaart.gevouwen(nummer)] = Kenmerk(
            spelling: Toewijzingskaart.hash(nummer), client: Toewijzingskaart.hash(client), agb: UInt32(agb) ?? .max,
            gemeente: UInt16(gemeentecode) ?? .max, van: van.dagnummer, tot: tot?.dagnummer ?? .max)
    }

    mutating func voegToe(_ ander: Toewijzingskaart) { perNummer.merge(ander.perNummer) { _, nieuw in nieuw } }

    enum Uitkomst { case bekend(Kenmerk), andereHoofdletters, onbekend }

    func zoek(_ nummer: String) -> Uitkomst {
        guard let k = perNummer[Toewijzingskaart.gevouwen(nummer)] else { return .onbekend }
        return k.spelling == Toewijzingskaart.hash(nummer) ? .bekend(k) : .andereHoofdletters
    }

    /// a-z to A-Z, other characters as they are (numbers are ASCII in every export seen): upper case, so the usual
    /// "T0000001" needs no copy.
    static func gevouwen(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 97 && $0 <= 122 }) else { return s }
        return String(decoding: s.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self)
    }

    /// FNV-1a, 64 bits: equal texts equal hashes; two clients of one allocation mistaken for one only at a collision.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}

extension Toewijzingskaart.Kenmerk {
    var gemeentecode: String { gemeente == .max ? "?" : Self.voorloopnullen(Int(gemeente), 4) }
    var agbcode: String { agb == .max ? "?" : Self.voorloopnullen(Int(agb), 8) }

    static func voorloopnullen(_ n: Int, _ breedte: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, breedte - s.count)) + s
    }
    var periode: Periode { Periode(van: Dag(dagnummer: van), tot: tot == .max ? nil : Dag(dagnummer: tot)) }
}
