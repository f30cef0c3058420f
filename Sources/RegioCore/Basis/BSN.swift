/// The Dutch citizen service number check (elfproef). Only used to validate before pseudonymising: a BSN is never stored.
public enum BSN {
    /// True for 9 digits (8 digits get a leading zero) whose weighted sum 9a+8b+...+2h-1i is divisible by 11 and not 0.
    public static func isGeldig(_ tekst: String) -> Bool {
        var cijfers = Array(tekst.utf8)
        if cijfers.count == 8 { cijfers.insert(UInt8(ascii: "0"), at: 0) }
        guard cijfers.count == 9, cijfers.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let d = cijfers.map { Int($0) - 48 }
        var som = 0
        for i in 0..<8 { som += d[i] * (9 - i) }
        som -= d[8]
        return som != 0 && som % 11 == 0
    }
}

extension BSN {
    /// What stands in an error text for a number that could be a BSN.
    public static let weggelaten = "[mogelijk BSN weggelaten]"

    /// The text with every run of 8 or 9 digits that passes the elfproef replaced by `weggelaten`, so an error that
    /// quotes a field (a BSN in the wrong column, a BSN whose leading zero a spreadsheet dropped) never repeats a
    /// BSN in a report or a log. A code that happens to pass the check is hidden too: the line and column still say where.
    public static func verberg(in tekst: String) -> String {
        let u = Array(tekst.utf8)
        guard u.count >= 8, u.contains(where: { $0 >= 48 && $0 <= 57 }) else { return tekst }
        var uit: [UInt8] = []
        uit.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            guard u[i] >= 48 && u[i] <= 57 else { uit.append(u[i]); i += 1; continue }
            var j = i
            while j < u.count && u[j] >= 48 && u[j] <= 57 { j += 1 }
            let run = u[i..<j]
            if (run.count == 8 || run.count == 9) && isGeldig(String(decoding: run, as: UTF8.self)) {
                uit.append(contentsOf: weggelaten.utf8)
            } else {
                uit.append(contentsOf: run)
            }
            i = j
        }
        return String(decoding: uit, as: UTF8.self)
    }
}
