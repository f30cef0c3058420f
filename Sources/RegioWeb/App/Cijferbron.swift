import Foundation
import RegioCore
import RegioStore

/// The registered data in memory and every figure computed from it, cached until the next import.
///
/// Loading all data takes a second or two and the figures of a page up to a few seconds more; with this cache a warm
/// page is rendered from values already computed. Two levels: figures (shared by every role) and pages (per role).
///
/// When the store keeps up-to-date sums of the declaration lines (`AggregaatStore`), the lines are not loaded: the
/// figures come from the sums and the allocations, as `cijfers` does, so a national year fits in memory. What needs
/// single lines asks the store for them (a client's page) or loads them for that request (the monthly report).
public final class Cijferbron: @unchecked Sendable {
    let store: any Opslag
    /// Where the figures come from (sums or lines): decided there, for the pages as for the commands.
    let dienst: Cijferdienst
    private let slot = NSLock()
    private let laadslot = NSLock()
    private var geladen: Cijferdienst.Basis?
    /// A figure's key: its name and its type, so two figures can share no entry; values are `Sendable` (requests
    /// on several threads read them).
    private struct Figuursleutel: Hashable { let soort: ObjectIdentifier; let naam: String }
    private var figuren: [Figuursleutel: any Sendable] = [:]
    private var paginas: [String: Pagina] = [:]
    /// Open signals per municipality and rule (the municipality pages' summary), until signals change.
    private var openSignalen: [String: [String: Int]]?
    /// The council's view of the open signals, until signals change.
    private var raadstellingCache: Raadstelling?
    /// Every stored signal in list order, read once (nationally 300,000: reading and sorting them took seconds).
    private var werklijst: [BeheerdSignaal]?
    /// Per filter of the signal list: its signals and counts, until signals change.
    private var selecties: [Signaalfilter: Signaalselectie] = [:]
    /// Raised by every reload; part of nothing the user sees, only to drop stale cache entries computed meanwhile.
    private var versie = 0
    /// The store's change counters as read before the cached data was (re)loaded: what is cached is at least this new.
    private var bekend: Wijzigingsstand?
    static let maxPaginas = 400
    /// One lock per figure and per page being computed: a request that asks for what another (or the warm-up after the
    /// start) is computing waits for it instead of computing it a second time beside it.
    private let figuurwerk = Eenmalig<Figuursleutel>(), paginawerk = Eenmalig<String>()

    public init(store: any Opslag) {
        self.store = store
        dienst = Cijferdienst(store)
        bekend = try? stand()
    }

    private func stand() throws -> Wijzigingsstand? { try store.wijzigingsstand() }

    /// Drops what another process made stale: everything after an import or new sums, the signal lists after a signal
    /// run or a status change (issue 26: a command-line import left the dashboard on the old figures until a restart).
    /// One read of two counters; called at every request.
    public func volgWijzigingen() throws {
        guard let nu = try stand() else { return }
        let vorige = slot.withLock { () -> Wijzigingsstand? in
            defer { bekend = nu }
            return bekend
        }
        if let vorige, vorige.gegevens != nu.gegevens {
            leeg()
        } else if let vorige, vorige.signalen != nu.signalen {
            leegSignalen()
        }
    }

    /// All data, loaded once; without the declaration lines when `sommen()` holds their sums.
    public func gegevens() throws -> Gegevens { try laad().gegevens }

    /// The sums of all declaration lines, when the store keeps them up to date (then `gegevens()` has no lines).
    public func sommen() throws -> Declaratieaggregaten? { try laad().sommen }

    /// Everything including the lines, for what cannot come from the sums (a valuation date); not cached.
    func volledigeGegevens() throws -> Gegevens { try dienst.metRegels(try laad()) }

    func laad() throws -> Cijferdienst.Basis {
        if let g = slot.withLock({ geladen }) { return g }
        return try laadslot.withLock {
            if let g = slot.withLock({ geladen }) { return g }
            let g = try dienst.alles()
            slot.withLock { geladen = g }
            return g
        }
    }

    /// Drops the data and every cached figure and page (after an import, or a change of signal states).
    public func vernieuw() {
        // read first: data loaded after the drop is at least this new, so this change is not noticed a second time
        let nu = try? stand()
        slot.withLock { if let nu { bekend = nu } }
        leeg()
    }

    /// After a signal run or a status change: the signal pages, the municipality pages and their summary.
    func signalenGewijzigd() {
        let nu = try? stand()
        slot.withLock { if let nu { bekend?.signalen = nu.signalen } }
        leegSignalen()
    }

    private func leeg() {
        slot.withLock { geladen = nil; figuren = [:]; paginas = [:]; openSignalen = nil; raadstellingCache = nil; werklijst = nil; selecties = [:]; versie += 1 }
        figuurwerk.vergeet(); paginawerk.vergeet()
    }

    private func leegSignalen() {
        slot.withLock {
            paginas = paginas.filter { !$0.key.hasPrefix("/signalen") && !$0.key.hasPrefix("/gemeente") }
            openSignalen = nil
            raadstellingCache = nil
            werklijst = nil
            selecties = [:]
            versie += 1
        }
    }

    /// Every stored signal, sorted as the list shows them (`Signaalweergave.gesorteerd`).
    func signalen() throws -> [BeheerdSignaal] {
        if let w = slot.withLock({ werklijst }) { return w }
        let v = slot.withLock { versie }
        let w = Signaalweergave.gesorteerd(try store.signalen())
        slot.withLock { if versie == v { werklijst = w } }
        return w
    }

    /// The signals of the list that a filter keeps, in list order, with their count per rule and municipality. Kept per
    /// filter (the last 64): nationally, filtering and counting 304,000 signals
    /// took the region's list 0.25 s a request, turning its pages as long.
    func signaalselectie(_ filter: Signaalfilter) throws -> Signaalselectie {
        if let s = slot.withLock({ selecties[filter] }) { return s }
        let v = slot.withLock { versie }
        let alle = try signalen()
        var posities: [Int32] = []
        var aantallen: [String: [String: Int]] = [:]
        for i in alle.indices where filter.past(alle[i]) {
            posities.append(Int32(i))
            aantallen[alle[i].signaal.regel, default: [:]][alle[i].signaal.gemeentecode, default: 0] += 1
        }
        let s = Signaalselectie(werklijst: alle, posities: posities, aantallen: aantallen)
        slot.withLock {
            guard versie == v else { return }
            if selecties.count >= 64 { selecties = [:] }
            selecties[filter] = s
        }
        return s
    }

    /// The open signals per rule and municipality as the council may see them (every rule, every registered
    /// municipality, counts under five hidden with their complements).
    func raadstelling() throws -> Raadstelling {
        if let t = slot.withLock({ raadstellingCache }) { return t }
        let v = slot.withLock { versie }
        let codes = try gegevens().gemeenten.map(\.code).sorted()
        var per: [String: [String: Int]] = [:]
        for c in codes { for (r, n) in try openSignalen(gemeente: c) { per[r, default: [:]][c] = n } }
        let t = Raadstelling(rijen: Signaalregels.alle.map(\.code), kolommen: codes) { r, c in per[r]?[c] ?? 0 }
        slot.withLock { if versie == v { raadstellingCache = t } }
        return t
    }

    /// The open signals of a municipality per rule. Counted once over all
    /// stored signals (nationally 300,000: reading them took a municipality page a second).
    func openSignalen(gemeente: String) throws -> [String: Int] {
        if let t = slot.withLock({ openSignalen }) { return t[gemeente] ?? [:] }
        let v = slot.withLock { versie }
        let alle = try signalen()
        var telling: [String: [String: Int]] = [:]
        for b in alle where b.isOpen { telling[b.signaal.gemeentecode, default: [:]][b.signaal.regel, default: 0] += 1 }
        slot.withLock { if versie == v { openSignalen = telling } }
        return telling[gemeente] ?? [:]
    }

    /// A figure by key, computed once from the data.
    func figuur<T: Sendable>(_ naam: String, _ bereken: (Gegevens) throws -> T) throws -> T {
        let sleutel = Figuursleutel(soort: ObjectIdentifier(T.self), naam: naam)
        // unwrap the entry first: `nil as? T` succeeds when T is optional, so an optional figure was never computed
        func bewaard() -> T? { slot.withLock { figuren[sleutel] }.flatMap { $0 as? T } }
        if let f = bewaard() { return f }
        return try figuurwerk.eenmaal(sleutel) {
            if let f = bewaard() { return f }   // computed while this request waited
            let v = slot.withLock { versie }
            let g = try gegevens()
            let f = try bereken(g)
            slot.withLock { if versie == v { figuren[sleutel] = f } }
            return f
        }
    }

    /// The keys of the pages in the cache (for tests).
    var paginasleutels: Set<String> { slot.withLock { Set(paginas.keys) } }
    /// The keys of the figures in the cache (for tests).
    var figuursleutels: Set<String> { slot.withLock { Set(figuren.keys.map(\.naam)) } }

    /// A page by key (path, parameters and role), built once.
    func pagina(_ sleutel: String, _ bouw: () throws -> Pagina) throws -> Pagina {
        if let p = slot.withLock({ paginas[sleutel] }) { return p }
        return try paginawerk.eenmaal(sleutel) {
            if let p = slot.withLock({ paginas[sleutel] }) { return p }
            let v = slot.withLock { versie }
            let p = try bouw()
            slot.withLock {
                guard versie == v else { return }
                if paginas.count >= Cijferbron.maxPaginas { paginas = [:]; paginawerk.vergeet() }
                paginas[sleutel] = p
            }
            return p
        }
    }
}

/// A lock per key for work done once: the first caller for a key does it, others for that key wait and then find its
/// result. Locks are made on first use and dropped by `vergeet` (a caller holding a dropped one finishes as before).
final class Eenmalig<Sleutel: Hashable>: @unchecked Sendable {
    private let slot = NSLock()
    private var sloten: [Sleutel: NSLock] = [:]

    func eenmaal<T>(_ sleutel: Sleutel, _ werk: () throws -> T) rethrows -> T {
        let l = slot.withLock { () -> NSLock in
            if let l = sloten[sleutel] { return l }
            let l = NSLock()
            sloten[sleutel] = l
            return l
        }
        return try l.withLock(werk)
    }

    func vergeet() { slot.withLock { sloten = [:] } }
}

/// What a filter keeps of the signal work list: positions in it (not copies), and the count per rule and municipality.
struct Signaalselectie: Sendable {
    let werklijst: [BeheerdSignaal]
    let posities: [Int32]
    /// Per rule, per municipality.
    let aantallen: [String: [String: Int]]

    var count: Int { posities.count }
    func signalen(_ bereik: Range<Int>) -> [BeheerdSignaal] { posities[bereik].map { werklijst[Int($0)] } }
}
