/// Small-number suppression for everything meant for a council: no cell may let a reader learn about fewer than five
/// clients, directly or by subtraction.
///
/// - Primary: a cell whose basis (the number of clients it is computed over) is below 5 - including 0, so an empty
///   group cannot be told from a small one - is shown as "<5". So are the cells derived from that group: its money,
///   cost per client, utilisation, realisation, shares and changes against last year.
/// - Secondary: in a column that adds up to a visible total (money, inflow), the hidden cells together can be computed
///   as total minus the visible cells. When a hidden group has 1-4 clients, the visible group with the smallest basis
///   (at least 5) is hidden too ("×"), so what can be subtracted always covers at least five clients.
/// Unique client counts do not add up, so their columns need no secondary suppression.
public enum Onderdrukking {
    public static let drempel = 5
    public static let kleinTekst = "<5"
    public static let aanvullendTekst = "×"
    /// The note under every council table with hidden cells.
    public static let toelichting = "<5: minder dan \(drempel) cliënten, of geen. ×: niet getoond omdat een kleine groep anders uit "
        + "de totalen op deze of een andere pagina te berekenen is."

    public enum Status: Sendable, Equatable {
        case zichtbaar, klein, aanvullend
        public var isVerborgen: Bool { self != .zichtbaar }
    }

    /// The status of one cell by its basis alone.
    public static func status(basis: Int) -> Status { basis < drempel ? .klein : .zichtbaar }

    /// Statuses of the cells of a column; `optelbaar` when the cells add up to a total the reader can see.
    public static func kolom(basis: [Int], optelbaar: Bool) -> [Status] {
        optelbaar ? kolom(basis: basis, totaal: Int.max).rijen : basis.map(status(basis:))
    }

    /// Statuses of the cells of a column that adds up to a total with basis `totaal`, and of that total.
    /// `gepubliceerd`: rows whose values the reader already has from elsewhere (the report's own municipality); hiding
    /// them protects nothing, so they are never the second cell. When no other cell can be, the total is hidden.
    public static func kolom(basis: [Int], totaal: Int, gepubliceerd: Set<Int> = []) -> (rijen: [Status], totaal: Status) {
        if status(basis: totaal).isVerborgen { return (basis.map { _ in .klein }, .klein) }
        var s = basis.map(status(basis:))
        guard basis.indices.contains(where: { s[$0] == .klein && basis[$0] > 0 }),
              !basis.indices.contains(where: { s[$0].isVerborgen && basis[$0] >= drempel && !gepubliceerd.contains($0) })
        else { return (s, .zichtbaar) }
        let kandidaten = basis.indices.filter { s[$0] == .zichtbaar && !gepubliceerd.contains($0) }
        guard let i = kandidaten.min(by: { basis[$0] < basis[$1] }) else { return (s, .aanvullend) }
        s[i] = .aanvullend
        return (s, .zichtbaar)
    }

    /// The cell as shown: the value, or the suppression mark.
    public static func cel(_ c: Tabel.Cel, _ s: Status) -> Tabel.Cel {
        switch s {
        case .zichtbaar: c
        case .klein: Tabel.Cel(kleinTekst)
        case .aanvullend: Tabel.Cel(aanvullendTekst)
        }
    }
}

extension Onderdrukking.Status {
    /// What a hidden cell shows: "<5" for a small group (also an empty one), "×" for one hidden to protect another.
    public var merk: String { self == .aanvullend ? Onderdrukking.aanvullendTekst : Onderdrukking.kleinTekst }
}
