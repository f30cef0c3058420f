/// How late a provider's requests for allocation came in: the list to talk to providers about, with the aim of the
/// deficit memo (memo tekort jeugdhulp 2020, Ouder-Amstel) to bring retroactive requests to zero.
public struct TerugwerkendPerAanbieder: Sendable, Equatable {
    public var agb: String
    public var naam: String
    /// Requests received in the period.
    public var verzoeken: Int
    /// Of those, received after their start date (days late > 0).
    public var terugwerkend: Int
    /// Received more than `grens` days and more than `alarm` days after the start.
    public var boven: Int
    public var bovenAlarm: Int
    /// Days late over the retroactive requests: median (mean of the middle two for an even count), 90th percentile
    /// (nearest rank), maximum. Nil without retroactive requests.
    public var mediaanDagen: Double?
    public var p90Dagen: Int?
    public var maxDagen: Int?

    public var aandeel: Double? { verzoeken > 0 ? Double(terugwerkend) / Double(verzoeken) : nil }
}

public enum TerugwerkendeVerzoeken {
    /// Per provider, the requests received in [van, tot], most retroactive requests first; plus the region's total.
    public static func perAanbieder(_ g: Gegevens, van: Dag, tot: Dag, grens: Int = 30, alarm: Int = 182)
        -> (aanbieders: [TerugwerkendPerAanbieder], totaal: TerugwerkendPerAanbieder) {
        let namen = Dictionary(g.aanbieders.map { ($0.agb, $0.naam) }, uniquingKeysWith: { a, _ in a })
        let verzoeken = g.verzoeken.filter { $0.ontvangenOp >= van && $0.ontvangenOp <= tot }
        func regel(_ agb: String, _ naam: String, _ lijst: [Verzoek]) -> TerugwerkendPerAanbieder {
            let laat = lijst.map(\.dagenTeLaat).filter { $0 > 0 }.sorted()
            return TerugwerkendPerAanbieder(agb: agb, naam: naam, verzoeken: lijst.count, terugwerkend: laat.count,
                                            boven: laat.filter { $0 > grens }.count, bovenAlarm: laat.filter { $0 > alarm }.count,
                                            mediaanDagen: mediaan(laat), p90Dagen: percentiel(laat, 90), maxDagen: laat.last)
        }
        let rijen = Dictionary(grouping: verzoeken, by: \.agb).map { agb, lijst in regel(agb, namen[agb] ?? agb, lijst) }
            .sorted { ($1.terugwerkend, $1.boven, $0.agb) < ($0.terugwerkend, $0.boven, $1.agb) }
        return (rijen, regel("totaal", "Totaal", verzoeken))
    }

    /// Median of sorted values; mean of the two middle ones for an even count.
    public static func mediaan(_ gesorteerd: [Int]) -> Double? {
        guard !gesorteerd.isEmpty else { return nil }
        let n = gesorteerd.count
        return n % 2 == 1 ? Double(gesorteerd[n / 2]) : Double(gesorteerd[n / 2 - 1] + gesorteerd[n / 2]) / 2
    }

    /// Nearest-rank percentile of sorted values: the smallest value with at least p% of the values at or below it.
    public static func percentiel(_ gesorteerd: [Int], _ p: Int) -> Int? {
        guard !gesorteerd.isEmpty else { return nil }
        let rang = (p * gesorteerd.count + 99) / 100
        return gesorteerd[max(1, rang) - 1]
    }
}
