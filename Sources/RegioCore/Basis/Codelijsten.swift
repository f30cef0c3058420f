/// iJw 3.2 code lists the import checks against (the code lists of the iJw 3.2 standard, Zorginstituut Nederland).
public enum Codelijst {
    /// JZ020 productcategorie.
    public static let productcategorie: [String: String] = [
        "31": "(2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam",
        "32": "(2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder",
        "33": "(2015) Zonder verblijf: daghulp op locatie van de aanbieder",
        "34": "(2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige",
        "35": "(2015) Met verblijf: pleegzorg", "36": "(2015) Met verblijf: gezinsgericht",
        "37": "(2015) Met verblijf: gesloten plaatsing", "38": "(2015) Met verblijf: overig residentieel",
        "40": "Persoonlijke verzorging", "41": "Dagbehandeling", "42": "Vervoerdiensten",
        "43": "Jeugdhulp verblijf (incl. behandeling)", "44": "Jeugdhulp verblijf (excl. behandeling)",
        "45": "Jeugdhulp ambulant", "46": "Jeugdhulp crisis", "47": "Jeugdreclassering", "48": "Jeugdbescherming",
        "49": "Activiteiten in het preventief justitieel kader", "50": "Maatwerkarrangementen jeugd",
        "51": "Generalistische basis-ggz", "52": "Specialistische ggz", "53": "Kindergeneeskunde", "54": "Jeugd-ggz",
        "55": "Landelijk ingekochte zorg",
    ]
    /// WJ756 eenheid.
    public static let eenheid: [String: String] = [
        "01": "Minuut", "04": "Uur", "14": "Etmaal", "16": "Dagdeel (4 uur)", "82": "Stuks (output)", "83": "Euro's",
        "84": "Stuks (inspanning)",
    ]
    /// JZ002 reden wijziging toewijzing.
    public static let redenWijziging: Set<String> = Set((1...14).map { $0 < 10 ? "0\($0)" : "\($0)" })

    public static func isCijfers(_ s: String, lengte: Int) -> Bool {
        s.utf8.count == lengte && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Normalises a municipality code: "GM0307", "0307" and "307" all give "0307"; nil if malformed.
    public static func gemeentecode(_ s: String) -> String? {
        var t = s.trimmingSpaces.uppercased()
        if t.hasPrefix("GM") { t.removeFirst(2) }
        guard (1...4).contains(t.utf8.count), t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return String(repeating: "0", count: 4 - t.count) + t
    }
}
