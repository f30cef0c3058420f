/// The iJw 3.2 message types (COD002-VEKTIS), recognised by the namespace of the root element `Bericht`.
public enum IJWBerichtsoort: String, CaseIterable, Sendable {
    case jw301 = "JW301", jw302 = "JW302", jw305 = "JW305", jw306 = "JW306", jw307 = "JW307", jw308 = "JW308",
         jw315 = "JW315", jw316 = "JW316", jw317 = "JW317", jw318 = "JW318", jw319 = "JW319", jw320 = "JW320",
         jw323 = "JW323", jw325 = "JW325"

    /// BerichtCode in the header.
    public var berichtcode: String {
        switch self {
        case .jw301: "436"
        case .jw302: "437"
        case .jw305: "438"
        case .jw306: "439"
        case .jw307: "440"
        case .jw308: "441"
        case .jw315: "446"
        case .jw316: "447"
        case .jw317: "486"
        case .jw318: "487"
        case .jw319: "488"
        case .jw320: "489"
        case .jw323: "490"
        case .jw325: "491"
        }
    }

    public var namespace: String { "http://www.istandaarden.nl/ijw/3_2/\(rawValue.lowercased())/schema" }

    public var omschrijving: String {
        switch self {
        case .jw301: "toewijzing"
        case .jw302: "retourbericht toewijzing"
        case .jw305: "start zorg"
        case .jw306: "retourbericht start zorg"
        case .jw307: "stop zorg"
        case .jw308: "retourbericht stop zorg"
        case .jw315: "verzoek om toewijzing"
        case .jw316: "retourbericht verzoek om toewijzing"
        case .jw317: "verzoek om wijziging"
        case .jw318: "retourbericht verzoek om wijziging"
        case .jw319: "antwoordbericht verzoek"
        case .jw320: "retourbericht antwoordbericht"
        case .jw323: "declaratie"
        case .jw325: "declaratie-antwoord"
        }
    }

    /// The messages that change what the region monitors; the others are recognised and reported as not imported.
    public var wordtGeimporteerd: Bool { [.jw315, .jw301, .jw305, .jw307, .jw323, .jw325].contains(self) }

    /// Order of processing on the same Dagtekening: request, allocation, start, declaration, answer, stop.
    var volgorde: Int {
        switch self {
        case .jw315: 0
        case .jw301: 1
        case .jw305: 2
        case .jw323: 3
        case .jw325: 4
        case .jw307: 5
        default: 9
        }
    }

    public static func herken(namespace: String) -> IJWBerichtsoort? {
        allCases.first { $0.namespace == namespace }
    }

    public static func herken(berichtcode: String) -> IJWBerichtsoort? {
        allCases.first { $0.berichtcode == berichtcode }
    }
}
