/// A chart as data: categories along one axis, one or more series of values. Rendered by `SVGGrafiek` (RegioWeergave) as
/// inline SVG (no scripts, no external requests); the core only says what is drawn.
public struct Grafiek: Sendable {
    public enum Eenheid: Sendable { case euro, aantal, procent }
    public enum Vorm: Sendable { case staaf, lijn }

    public struct Reeks: Sendable {
        public var naam: String
        public var kleur: String
        public var vorm: Vorm
        /// nil: no value (not drawn); see `verborgen` for values withheld for privacy.
        public var waarden: [Double?]
        /// Indices drawn pale: values that are still incomplete.
        public var voorlopig: Set<Int>
        /// Indices withheld (small numbers): marked "<5" instead of drawn, or "×" when in `aanvullend`.
        public var verborgen: Set<Int>
        /// The withheld indices that are not small themselves but hidden so the total cannot betray a small one.
        public var aanvullend: Set<Int>
        public init(naam: String, kleur: String, vorm: Vorm = .staaf, waarden: [Double?], voorlopig: Set<Int> = [],
                    verborgen: Set<Int> = [], aanvullend: Set<Int> = []) {
            self.naam = naam; self.kleur = kleur; self.vorm = vorm; self.waarden = waarden
            self.voorlopig = voorlopig; self.verborgen = verborgen.union(aanvullend); self.aanvullend = aanvullend
        }

        /// The series with its withheld values set from cell statuses: the chart shows what the table shows.
        public init(naam: String, kleur: String, vorm: Vorm = .staaf, waarden: [Double?], voorlopig: Set<Int> = [],
                    status: [Onderdrukking.Status]) {
            self.init(naam: naam, kleur: kleur, vorm: vorm, waarden: waarden, voorlopig: voorlopig,
                      verborgen: Set(status.indices.filter { status[$0] == .klein }),
                      aanvullend: Set(status.indices.filter { status[$0] == .aanvullend }))
        }

        public func teken(_ i: Int) -> String { aanvullend.contains(i) ? Onderdrukking.aanvullendTekst : Onderdrukking.kleinTekst }
    }

    public var titel: String
    /// Category labels; "\n" starts a second line (e.g. the year under January).
    public var labels: [String]
    public var reeksen: [Reeks]
    public var eenheid: Eenheid
    /// A category to emphasise (the municipality among the region).
    public var nadruk: Int?
    /// A reference value drawn as a dashed line (the region average).
    public var referentie: (waarde: Double, label: String)?

    public init(titel: String, labels: [String], reeksen: [Reeks], eenheid: Eenheid, nadruk: Int? = nil,
                referentie: (waarde: Double, label: String)? = nil) {
        self.titel = titel; self.labels = labels; self.reeksen = reeksen; self.eenheid = eenheid
        self.nadruk = nadruk; self.referentie = referentie
    }

    /// A value as the chart's labels write it: "€ 1,5 mln", "1.200", "80%".
    public func opmaak(_ x: Double) -> String {
        switch eenheid {
        case .euro: Euro.kort(x)
        case .aantal: Opmaak.getal(x)
        case .procent: Opmaak.procent(x, decimalen: 0)
        }
    }
}

