/// Dutch number formats for people (thousands '.', decimal ',').
public enum Opmaak {
    /// "1.234,5" with a fixed number of decimals.
    public static func getal(_ x: Double, decimalen: Int = 0) -> String {
        let s = Tabel.decimaal(x, decimalen)
        let neg = s.hasPrefix("-")
        let kaal = neg ? String(s.dropFirst()) : s
        let delen = kaal.split(separator: ".", maxSplits: 1)
        let geheel = Euro.groepeer(UInt64(delen[0]) ?? 0, negatief: false)
        let uit = delen.count > 1 ? geheel + "," + delen[1] : geheel
        return (neg && uit.contains(where: { $0 != "0" && $0 != "," && $0 != "." }) ? "-" : "") + uit
    }

    /// "12,3%".
    public static func procent(_ x: Double, decimalen: Int = 1) -> String { getal(x * 100, decimalen: decimalen) + "%" }
}
