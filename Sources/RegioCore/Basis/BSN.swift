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
