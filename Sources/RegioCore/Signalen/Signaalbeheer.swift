/// A signal as the team's work list keeps it: the latest finding plus its state.
public struct BeheerdSignaal: Sendable, Hashable {
    public var id: Int64
    public var signaal: Signaal
    public var status: Signaalstatus
    /// Who set the status, and when (a timestamp text); `Signaalbeheer.systeem` for automatic changes.
    public var statusDoor: String?
    public var statusOp: String?
    /// Closed by a run because the condition no longer holds; such a signal reopens when it fires again.
    public var automatischGesloten: Bool
    public var notitie: String?
    /// Valuation dates of the first and the latest run that found it.
    public var eersteKeer: Dag
    public var laatstActief: Dag

    public init(id: Int64, signaal: Signaal, status: Signaalstatus = .nieuw, statusDoor: String? = nil, statusOp: String? = nil,
                automatischGesloten: Bool = false, notitie: String? = nil, eersteKeer: Dag, laatstActief: Dag) {
        self.id = id; self.signaal = signaal; self.status = status; self.statusDoor = statusDoor; self.statusOp = statusOp
        self.automatischGesloten = automatischGesloten; self.notitie = notitie; self.eersteKeer = eersteKeer
        self.laatstActief = laatstActief
    }

    public var isOpen: Bool { status != .afgehandeld }
}

/// What a run changes in the stored work list.
public struct Signaalmutaties: Sendable {
    /// Found for the first time: to be stored with status nieuw.
    public var nieuw: [Signaal] = []
    /// Found again: latest content and `laatstActief`; `gewijzigd` counts those whose content changed.
    public var gevonden: [BeheerdSignaal] = []
    public var gewijzigd = 0
    /// Closed automatically because their condition no longer holds.
    public var gesloten: [BeheerdSignaal] = []
    /// Closed automatically before, firing again: back to nieuw.
    public var heropend: [BeheerdSignaal] = []
    public init() {}
}

/// Matches a run with the stored work list. Pure: the store only writes what this decides.
public enum Signaalbeheer {
    /// The name recorded for changes no person made.
    public static let systeem = "systeem"

    /// - A finding whose key is new becomes a new signal.
    /// - A finding whose key is stored updates that signal (same id, same status); a signal that a run had closed
    ///   automatically reopens as nieuw. A signal a person handled stays handled.
    /// - A stored open signal of a rule that ran, within what that rule judged (`Signaalrun.beoordeeldVanaf`), that
    ///   is not found again is closed automatically, with a note saying so. Signals older than the rule's look-back
    ///   window and signals of rules that did not run are left as they are.
    public static func verwerk(bestaand: [BeheerdSignaal], run: Signaalrun, tijdstip: String) -> Signaalmutaties {
        var m = Signaalmutaties()
        let opSleutel = Dictionary(bestaand.map { ($0.signaal.sleutel, $0) }, uniquingKeysWith: { a, _ in a })
        var gevonden = Set<String>()
        for s in run.signalen {
            gevonden.insert(s.sleutel)
            guard var b = opSleutel[s.sleutel] else { m.nieuw.append(s); continue }
            if b.signaal != s { m.gewijzigd += 1 }
            b.signaal = s
            b.laatstActief = max(b.laatstActief, run.peildatum)
            if b.status == .afgehandeld && b.automatischGesloten {
                b.status = .nieuw; b.automatischGesloten = false; b.statusDoor = systeem; b.statusOp = tijdstip
                b.notitie = "Opnieuw actief bij de run met peildatum \(run.peildatum.nederlands)."
                m.heropend.append(b)
            } else {
                m.gevonden.append(b)
            }
        }
        for b in bestaand where b.isOpen && !gevonden.contains(b.signaal.sleutel) {
            guard let vanaf = run.beoordeeldVanaf[b.signaal.regel] else { continue }   // rule did not run
            if let vanaf, b.signaal.peildag < vanaf { continue }                         // aged out: not judged
            var x = b
            x.status = .afgehandeld; x.automatischGesloten = true; x.statusDoor = systeem; x.statusOp = tijdstip
            x.notitie = "Automatisch afgesloten: de voorwaarde geldt niet meer bij de run met peildatum \(run.peildatum.nederlands)."
            m.gesloten.append(x)
        }
        // new signals get their ids in this order: by rule as the run gave them, then by key, so the same findings
        // always get the same ids (a rule may find its signals in hash order, which differs per process)
        var rang: [String: Int] = [:]
        for s in run.signalen where rang[s.regel] == nil { rang[s.regel] = rang.count }
        m.nieuw.sort { (rang[$0.regel] ?? 0, $0.sleutel) < (rang[$1.regel] ?? 0, $1.sleutel) }
        return m
    }

    /// The work list after applying mutations, for in-memory use (simulations, dry runs); new signals get ids after
    /// the highest existing one.
    public static func toepassen(_ m: Signaalmutaties, op bestaand: [BeheerdSignaal], peildatum: Dag) -> [BeheerdSignaal] {
        var perId = Dictionary(bestaand.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for b in m.gevonden + m.gesloten + m.heropend { perId[b.id] = b }
        var volgende = (bestaand.map(\.id).max() ?? 0) + 1
        for s in m.nieuw {
            perId[volgende] = BeheerdSignaal(id: volgende, signaal: s, eersteKeer: peildatum, laatstActief: peildatum)
            volgende += 1
        }
        return perId.values.sorted { $0.id < $1.id }
    }

    /// New signals per municipality per month when the rules run at the end of every month from `van` to `tot`
    /// (the data as known on each of those days). The first month holds the backlog a first run finds.
    public static func werklast(_ g: Gegevens, van: Maand, tot: Maand, instellingen: Signaalinstellingen = .standaard)
        -> [(maand: Maand, gemeente: String, regel: String, nieuw: Int)] {
        var lijst: [BeheerdSignaal] = []
        var uit: [String: Int] = [:]
        var m = van
        while m <= tot {
            let run = Signaalmotor.voerUit(g, peildatum: m.laatsteDag, instellingen: instellingen)
            let mutaties = verwerk(bestaand: lijst, run: run, tijdstip: m.laatsteDag.description)
            for s in mutaties.nieuw + mutaties.heropend.map(\.signaal) {
                uit["\(m.index)|\(s.gemeentecode)|\(s.regel)", default: 0] += 1
            }
            lijst = toepassen(mutaties, op: lijst, peildatum: m.laatsteDag)
            m = m + 1
        }
        return uit.map { k, n in
            let d = k.split(separator: "|").map(String.init)
            return (Maand(index: Int(d[0])!), d[1], d[2], n)
        }.sorted { ($0.maand, $0.gemeente, Signaalregels.volgorde($0.regel)) < ($1.maand, $1.gemeente, Signaalregels.volgorde($1.regel)) }
    }
}
