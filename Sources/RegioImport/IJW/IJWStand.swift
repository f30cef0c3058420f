import RegioCore
import RegioStore

/// What the region knows when a message is checked: the store's contents, loaded once per import, plus every message
/// imported since. Indexes serve the series rules (toewijzing, credit/debit, start/stop, declaration answers).
struct IJWStand {
    var gemeenten: Set<String> = []
    var aanbieders: Set<String> = []
    /// "categorie|code"
    var producten: Set<String> = []
    var verzoeken: [String: Verzoek] = [:]
    var toewijzingen: [String: Toewijzing] = [:]
    /// Declaration lines by "declaratienummer|referentienummer".
    var declaraties: [String: Declaratieregel] = [:]
    /// Line keys per declaration, in order.
    var perDeclaratie: [String: [String]] = [:]
    /// Line key per "agb|referentienummer": a ReferentieNummer is unique per provider (TR314).
    var perReferentie: [String: String] = [:]
    /// Line keys per allocation.
    var perToewijzing: [String: [String]] = [:]
    /// Open debits per service key (provider, allocation, product, period) and amount: debits minus credits, not
    /// counting rejected lines. A credit cancels one debit of the same amount.
    var openDebet: [String: [Int64: Int]] = [:]
    /// Deliveries by "toewijzingnummer|begindatum".
    var leveringen: [String: Levering] = [:]
    /// Delivery keys per allocation.
    var leveringPerToewijzing: [String: [String]] = [:]
    var berichten: [String: IJWBerichtlog] = [:]

    init() {}

    init(store: any IJWStore) throws {
        let g = try store.gegevens()
        gemeenten = Set(g.gemeenten.map(\.code))
        aanbieders = Set(g.aanbieders.map(\.agb))
        producten = Set(g.producten.map { $0.productcategorie + "|" + $0.productcode })
        for v in g.verzoeken { verzoeken[v.verzoeknummer] = v }
        for t in g.toewijzingen { toewijzingen[t.toewijzingnummer] = t }
        for d in g.declaraties { voegToe(d) }
        for l in try store.leveringen() { zet(l) }
        for b in try store.ijwBerichten() { berichten["\(b.berichtsoort)|\(b.afzender)|\(b.identificatie)"] = b }
    }

    static func sleutel(_ d: Declaratieregel) -> String { d.declaratienummer + "|" + d.referentienummer }
    static func sleutel(_ l: Levering) -> String { sleutel(toewijzing: l.toewijzingnummer, begin: l.begindatum) }
    static func sleutel(toewijzing: String, begin: Dag) -> String { toewijzing + "|" + String(begin.dagnummer) }
    /// The service a line is for: the same care in the same period by the same provider.
    static func dienst(_ d: Declaratieregel) -> String {
        [d.agb, d.toewijzingnummer, d.productcode ?? "", String(d.begindatum.dagnummer), String(d.einddatum.dagnummer)]
            .joined(separator: "|")
    }

    mutating func voegToe(_ d: Declaratieregel) {
        let k = IJWStand.sleutel(d)
        if let oud = declaraties[k] { verwijder(oud) }
        declaraties[k] = d
        perDeclaratie[d.declaratienummer, default: []].append(k)
        perReferentie[d.agb + "|" + d.referentienummer] = k
        perToewijzing[d.toewijzingnummer, default: []].append(k)
        telDebet(d, 1)
    }

    private mutating func verwijder(_ d: Declaratieregel) {
        let k = IJWStand.sleutel(d)
        declaraties[k] = nil
        perDeclaratie[d.declaratienummer]?.removeAll { $0 == k }
        perToewijzing[d.toewijzingnummer]?.removeAll { $0 == k }
        telDebet(d, -1)
    }

    private mutating func telDebet(_ d: Declaratieregel, _ n: Int) {
        guard d.status != .afgewezen else { return }
        openDebet[IJWStand.dienst(d), default: [:]][d.bedrag.centen, default: 0] += d.debetCredit == .debet ? n : -n
    }

    /// Open debits for a service (optionally of one amount), counting `extra` changes not yet taken up.
    func open(_ dienst: String, bedrag: Int64? = nil, extra: [String: [Int64: Int]] = [:]) -> Int {
        var tellingen = openDebet[dienst] ?? [:]
        for (b, n) in extra[dienst] ?? [:] { tellingen[b, default: 0] += n }
        if let bedrag { return max(0, tellingen[bedrag] ?? 0) }
        return tellingen.values.reduce(0) { $0 + max(0, $1) }
    }

    /// Net approved cost on an allocation (iJw TR385: an allocation with approved lines cannot be deleted).
    func toegekend(toewijzing: String) -> Euro {
        (perToewijzing[toewijzing] ?? []).compactMap { declaraties[$0] }.filter { $0.status == .toegekend }.map(\.kosten).som()
    }

    func regels(declaratie: String) -> [Declaratieregel] {
        (perDeclaratie[declaratie] ?? []).compactMap { declaraties[$0] }
    }

    mutating func zet(_ l: Levering) {
        let k = IJWStand.sleutel(l)
        if leveringen.updateValue(l, forKey: k) == nil { leveringPerToewijzing[l.toewijzingnummer, default: []].append(k) }
    }

    mutating func verwijder(_ l: Levering) {
        let k = IJWStand.sleutel(l)
        leveringen[k] = nil
        leveringPerToewijzing[l.toewijzingnummer]?.removeAll { $0 == k }
    }

    /// Takes up an accepted message, so the next message is checked against it.
    mutating func neemOp(_ w: IJWWijziging, bericht: IJWBericht, log: IJWBerichtlog) {
        for v in w.verzoeken { verzoeken[v.verzoeknummer] = v }
        for t in w.toewijzingen { toewijzingen[t.toewijzingnummer] = t }
        for d in w.declaraties { voegToe(d) }
        for l in w.verwijderdeLeveringen { verwijder(l) }
        for l in w.leveringen { zet(l) }
        berichten[bericht.kop.logSleutel] = log
    }
}
