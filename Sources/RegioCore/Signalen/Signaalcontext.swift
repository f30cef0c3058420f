import Foundation

/// A client in a municipality: costs belong to the municipality of the allocation (woonplaatsbeginsel), so a client
/// who moved is judged separately in each.
public struct GemeenteClient: Hashable, Sendable {
    public let gemeente: String
    public let client: ClientID
    public init(_ gemeente: String, _ client: ClientID) { self.gemeente = gemeente; self.client = client }
}

/// Every client's cost per month in each municipality, for the rules that compare a client with its municipality (top
/// N, the municipality's level). In a run in parts by client (`Signaaldraaiing`) one instance serves every part, so
/// what a rule derives for a whole municipality is worked out once (`eenmaal`), not once per part.
public final class Gemeentekosten: @unchecked Sendable {
    public let perClient: [GemeenteClient: [Int: Euro]]
    private var afgeleid: [String: Any] = [:]
    private let slot = NSLock()

    public init(_ perClient: [GemeenteClient: [Int: Euro]]) { self.perClient = perClient }

    /// The value under `sleutel` (a rule's code and every parameter it depends on), made by `maak` the first time.
    public func eenmaal<T>(_ sleutel: String, _ maak: () -> T) -> T {
        slot.lock()
        defer { slot.unlock() }
        // unwrap the entry first: `nil as? T` succeeds when T is optional (as `Cijferbron.figuur` learned)
        if let gevonden = afgeleid[sleutel], let t = gevonden as? T { return t }
        let t = maak()
        afgeleid[sleutel] = t
        return t
    }
}

/// Lines' cost per municipality and client per month of service (`Maand.index`), split by days, added one line at a
/// time (`Signaalcontext.kosten`). A client's lines mostly follow each other, so the months of the client at hand are
/// summed apart and added to the whole when another client comes: one lookup of the key per client, not per month.
public struct Kostenoptelling: Sendable {
    private var kosten: [GemeenteClient: [Int: Euro]] = [:]
    private var huidig: GemeenteClient?
    private var maanden: [Int: Euro] = [:]

    public init() {}

    /// Whether a line counts in the cost: not rejected, and submitted by `bekendOp` when one is given.
    public static func telt(_ status: DeclaratieStatus, ingediendOp: Dag, bekendOp: Dag?) -> Bool {
        status != .afgewezen && bekendOp.map { ingediendOp <= $0 } ?? true
    }

    public mutating func voegToe(_ gemeentecode: String, _ client: ClientID, _ e: Euro, van: Dag, tot: Dag) {
        if huidig?.client != client || huidig?.gemeente != gemeentecode {
            sluit()
            huidig = GemeenteClient(gemeentecode, client)
        }
        for (m, x) in Declaratieregel.kostenPerMaand(e, van: van, tot: tot) { maanden[m.index, default: .nul] += x }
    }

    /// Adds what another count holds (another part of the same lines).
    public mutating func voegToe(_ ander: consuming Kostenoptelling) {
        sluit()
        kosten.merge(ander.klaar()) { a, b in a.merging(b, uniquingKeysWith: +) }
    }

    /// The whole count.
    public mutating func klaar() -> [GemeenteClient: [Int: Euro]] {
        sluit()
        return kosten
    }

    private mutating func sluit() {
        guard let h = huidig else { return }
        kosten[h, default: [:]].merge(maanden, uniquingKeysWith: +)
        maanden.removeAll(keepingCapacity: true)
        huidig = nil
    }
}

/// The data known on the valuation date, indexed once for all rules (by client, allocation, request and month) so
/// no rule scans the whole set per client.
public struct Signaalcontext: Sendable {
    public let peildatum: Dag
    public let gegevens: Gegevens
    public let ref: Referentiekaart
    /// Every allocation by number, including removed ones (reden wijziging 13).
    public let toewijzingPerNummer: [String: Toewijzing]
    /// Allocations that count (not removed), per client.
    public let toewijzingenPerClient: [ClientID: [Toewijzing]]
    /// Allocations that count, per request number they answer.
    public let toewijzingenPerVerzoek: [String: [Toewijzing]]
    /// Declaration lines that count (not rejected), per client and per allocation number.
    public let declaratiesPerClient: [ClientID: Regelselectie]
    public let declaratiesPerToewijzing: [String: Regelselectie]
    /// Declared cost per municipality and client per month of service (`Maand.index`), lines split by days.
    public let kostenPerMaand: [GemeenteClient: [Int: Euro]]
    /// The same for every client of the data, for the rules that compare a client with its municipality (top N, the
    /// municipality's level): in a run in parts by client (`Signaaldraaiing`) it holds all parts, else it is
    /// `kostenPerMaand`. Signals are only made for the clients in `kostenPerMaand`.
    public let gemeentekosten: Gemeentekosten
    /// The lines (and so the allocations) under contracts that are not p x q: nothing is declared against them, so
    /// rules that compare declarations with allocations leave them alone.
    public let contractvervanging: Vervanging

    /// `gemeentekosten`: every client's cost as `kosten(_:)` computes it, when `g` holds only some clients.
    public init(_ g: Gegevens, peildatum: Dag, gemeentekosten: Gemeentekosten? = nil) {
        self.peildatum = peildatum
        gegevens = g
        ref = Referentiekaart(g)
        contractvervanging = g.contractvervanging
        toewijzingPerNummer = Dictionary(g.toewijzingen.map { ($0.toewijzingnummer, $0) }, uniquingKeysWith: { a, _ in a })
        let tellend = g.toewijzingen.filter { !$0.isVerwijderd }
        toewijzingenPerClient = Dictionary(grouping: tellend, by: \.client)
        toewijzingenPerVerzoek = Dictionary(grouping: tellend.filter { $0.verzoeknummer != nil }, by: { $0.verzoeknummer! })
        // positions in the loaded lines, not copies: a national year's lines were held three times over (16.6 GB)
        let alle = g.declaraties
        var perClient: [ClientID: Regelselectie] = [:], perToewijzing: [String: Regelselectie] = [:]
        // through the buffer: `for d in alle` copies every line (a retain per text field)
        alle.withUnsafeBufferPointer { p in
            for i in p.indices where p[i].status != .afgewezen {
                perClient[p[i].client, default: Regelselectie(alle)].voegToe(i)
                perToewijzing[p[i].toewijzingnummer, default: Regelselectie(alle)].voegToe(i)
            }
        }
        declaratiesPerClient = perClient
        declaratiesPerToewijzing = perToewijzing
        kostenPerMaand = Signaalcontext.kosten(alle)
        self.gemeentekosten = gemeentekosten ?? Gemeentekosten(kostenPerMaand)
    }

    /// Cost per municipality and client per month of the lines that count (not rejected), split by days; `regels`
    /// as known on the valuation date, or those of them submitted by `bekendOp`.
    public static func kosten(_ regels: [Declaratieregel], bekendOp: Dag? = nil) -> [GemeenteClient: [Int: Euro]] {
        var som = Kostenoptelling()
        regels.withUnsafeBufferPointer { p in
            for i in p.indices where Kostenoptelling.telt(p[i].status, ingediendOp: p[i].ingediendOp, bekendOp: bekendOp) {
                som.voegToe(p[i].gemeentecode, p[i].client, p[i].kosten, van: p[i].begindatum, tot: p[i].einddatum)
            }
        }
        return som.klaar()
    }

    /// The lot of a product in a year (nil when the product is unknown).
    public func perceel(_ categorie: String, _ code: String?, jaar: Int) -> Perceel? {
        ref.perceel(categorie: categorie, code: code, jaar: jaar)
    }

    /// The commitment of an allocation within [van, tot]; nil when unknown (no budget, volume or tariff).
    public func verplichting(_ t: Toewijzing, van: Dag, tot: Dag) -> Euro? {
        guard tot >= van else { return .nul }
        return Verplichting.binnen(t, van: van, tot: tot) { jaar in
            ref.product(categorie: t.productcategorie, code: t.productcode, jaar: jaar)?.tarief
        }
    }

    /// Cost of a client in a municipality over months [van, tot].
    public func kosten(_ k: GemeenteClient, van: Maand, tot: Maand) -> Euro {
        Signaalcontext.kosten(kostenPerMaand[k], van: van, tot: tot)
    }

    static func kosten(_ perMaand: [Int: Euro]?, van: Maand, tot: Maand) -> Euro {
        guard let perMaand else { return .nul }
        var som = Euro.nul
        if perMaand.count < tot - van + 1 {
            for (m, e) in perMaand where m >= van.index && m <= tot.index { som += e }
        } else {
            for m in van.index...tot.index { som += perMaand[m] ?? .nul }
        }
        return som
    }

    /// The allocation that answers a request: the earliest one that names it; else, for exports without request
    /// numbers, the earliest allocation made on or after receipt for the same client, provider and product that is
    /// not linked to another request and covers the requested start (or starts within a month of it).
    public func antwoord(op v: Verzoek) -> Toewijzing? {
        if let gekoppeld = toewijzingenPerVerzoek[v.verzoeknummer]?.min(by: { $0.toewijzingsdatum < $1.toewijzingsdatum }) {
            return gekoppeld
        }
        return (toewijzingenPerClient[v.client] ?? []).filter { t in
            t.verzoeknummer == nil && t.agb == v.agb && t.productcategorie == v.productcategorie
                && (t.productcode == nil || v.productcode == nil || t.productcode == v.productcode)
                && t.toewijzingsdatum >= v.ontvangenOp
                && (t.periode.bevat(v.ingangsdatum) || abs(t.ingangsdatum - v.ingangsdatum) <= 31)
        }.min { ($0.toewijzingsdatum, $0.toewijzingnummer) < ($1.toewijzingsdatum, $1.toewijzingnummer) }
    }

    /// "Naam (agb)" or the code alone when the provider is not registered.
    public func aanbiederNaam(_ agb: String) -> String { ref.aanbieders[agb].map { "\($0.naam) (\(agb))" } ?? agb }
    public func gemeenteNaam(_ code: String) -> String { ref.gemeenten[code]?.naam ?? code }
}

/// Dutch number forms for explanations.
enum Tekst {
    static func euro(_ e: Euro) -> String { e.heleEuros }
    static func dag(_ d: Dag) -> String { d.nederlands }
    static func procent(_ teller: Euro, _ noemer: Euro) -> String {
        noemer.centen == 0 ? "-" : Tabel.groepeer(Double(teller.centen) * 100 / Double(noemer.centen)) + "%"
    }
    static func meervoud(_ n: Int, _ enkel: String, _ meer: String) -> String { "\(n) \(n == 1 ? enkel : meer)" }
    static func product(_ categorie: String, _ code: String?) -> String { code ?? "categorie \(categorie)" }
}

/// Some of the loaded declaration lines, in their order, by position: the lines themselves are not copied.
public struct Regelselectie: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    private let alle: [Declaratieregel]
    private var posities: [Int32] = []

    init(_ alle: [Declaratieregel]) { self.alle = alle }

    public init(arrayLiteral regels: Declaratieregel...) {
        alle = regels
        posities = regels.indices.map { Int32($0) }
    }

    mutating func voegToe(_ positie: Int) { posities.append(Int32(positie)) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { posities.count }
    public subscript(i: Int) -> Declaratieregel { alle[Int(posities[i])] }

    /// Calls `f` with each selected line where it lies, in order: a `for` loop copies every line it hands out (a retain
    /// and a release per text field), which the rules over every line paid for a national year's 11 million.
    public func elk(_ f: (Declaratieregel) -> Void) {
        alle.withUnsafeBufferPointer { p in
            for i in posities { f(p[Int(i)]) }
        }
    }
}

extension Signaalcontext {
    /// Whether the allocation's care in `jaar` is paid by a contract that is not p x q (task-based, subsidy, lump sum).
    public func onderContract(_ t: Toewijzing, jaar: Int) -> Bool {
        guard !contractvervanging.isLeeg, let perceel = perceel(t.productcategorie, t.productcode, jaar: jaar)?.code else { return false }
        return contractvervanging.vervangt(jaar, t.gemeentecode, perceel, t.agb)
    }
}
