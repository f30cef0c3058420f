/// A signal rule: a pure function of the data known on a valuation date and the region's parameter values.
public protocol Signaalregel: Sendable {
    /// Stable code, used in settings files, keys and the list (`KOSTEN-HOOG`).
    var code: String { get }
    /// Dutch one-line description for the rule list.
    var omschrijving: String { get }
    var parameters: [Regelparameter] { get }
    /// The signals as of `c.peildatum`, and the first event day judged (nil: the rule judges all its signals).
    func signalen(_ c: Signaalcontext, _ w: Regelwaarden) -> (signalen: [Signaal], vanaf: Dag?)
}

/// The rule catalogue in list order.
public enum Signaalregels {
    public static let alle: [any Signaalregel] = [
        KostenHoog(), VerplichtingHoog(), KostenPersistent(), Versnelling(), Uitnutting(), Duur(), Stapeling(),
        VotLaat(), VotAlarm(), AntwoordLaat(), DeclaratieZonderToewijzing(), DeclaratieBuitenPeriode(), DeclaratieDubbel(),
    ]

    public static func regel(_ code: String) -> (any Signaalregel)? { alle.first { $0.code == code } }

    /// Position in the catalogue, for sorting lists.
    public static func volgorde(_ code: String) -> Int { alle.firstIndex { $0.code == code } ?? alle.count }
}

/// Runs the rules.
public enum Signaalmotor {
    /// Runs every active rule as of `peildatum` on the data known then (`Gegevens.bekendOp`). Keys are unique in the
    /// result: should two findings share a key, the first one counts.
    /// `gemeentekosten`: see `Signaalcontext`, for a run over some of the clients.
    public static func voerUit(_ g: Gegevens, peildatum: Dag, instellingen: Signaalinstellingen = .standaard,
                               regels: [any Signaalregel] = Signaalregels.alle,
                               gemeentekosten: Gemeentekosten? = nil) -> Signaalrun {
        let c = Signaalcontext(g.bekendOp(peildatum), peildatum: peildatum, gemeentekosten: gemeentekosten)
        var signalen: [Signaal] = []
        var gezien = Set<String>()
        var vanaf: [String: Dag?] = [:]
        for r in regels where instellingen.isActief(r.code) {
            let uit = r.signalen(c, Regelwaarden(regel: r, instellingen: instellingen))
            for s in uit.signalen where gezien.insert(s.sleutel).inserted { signalen.append(s) }
            vanaf[r.code] = uit.vanaf
        }
        return Signaalrun(peildatum: peildatum, signalen: signalen, beoordeeldVanaf: vanaf)
    }

    /// The latest day in the data: the newest request received, allocation sent or declaration submitted.
    /// The natural default valuation date ("today" for the data at hand).
    public static func laatsteDatum(_ g: Gegevens) -> Dag? {
        let kandidaten = [g.verzoeken.map(\.ontvangenOp).max(), g.toewijzingen.map(\.toewijzingsdatum).max(),
                          g.declaraties.map(\.ingediendOp).max()]
        return kandidaten.compactMap { $0 }.max()
    }
}

extension Regelwaarden {
    /// Whether another rule is active in the same settings (rules that divide a range between them).
    public func isActief(_ code: String) -> Bool { instellingen.isActief(code) }
    /// The values of another rule in the same settings.
    public func van(_ code: String) -> Regelwaarden? {
        Signaalregels.regel(code).map { Regelwaarden(regel: $0, instellingen: instellingen) }
    }
}
