import Foundation

/// Moments are stored as ISO 8601 UTC text ("2026-12-05T12:10:22Z"); people read them in Dutch local time.
public enum Tijdstip {
    static let zone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600)!

    /// "05-12-2026 13:10" (Amsterdam time, summer time included); text that is no such moment comes back unchanged.
    public static func nederlands(_ iso: String) -> String {
        let invoer = ISO8601DateFormatter()
        guard let d = invoer.date(from: iso) else { return iso }
        var k = Calendar(identifier: .gregorian)
        k.timeZone = zone
        let c = k.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        func twee(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(twee(c.day))-\(twee(c.month))-\(c.year ?? 0) \(twee(c.hour)):\(twee(c.minute))"
    }

    /// A table cell: local time for people, the stored UTC text for machines.
    public static func cel(_ iso: String?) -> Tabel.Cel {
        guard let iso else { return Tabel.Cel("", machine: "") }
        return Tabel.Cel(nederlands(iso), machine: iso)
    }
}
