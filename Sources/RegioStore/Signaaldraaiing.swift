import RegioCore

/// A range of client pseudonyms [van, tot) in UTF-8 byte order, SQLite's BINARY collation; a nil bound is open.
public struct Clientbereik: Sendable, Hashable {
    public var van: ClientID?
    public var tot: ClientID?

    public init(van: ClientID? = nil, tot: ClientID? = nil) { self.van = van; self.tot = tot }

    public static let alle = Clientbereik()

    public func bevat(_ client: ClientID) -> Bool {
        if let van, client.utf8.lexicographicallyPrecedes(van.utf8) { return false }
        if let tot, !client.utf8.lexicographicallyPrecedes(tot.utf8) { return false }
        return true
    }

    /// At most `n` ranges with about as many of `clienten` in each; together they cover every possible pseudonym.
    public static func verdeel(_ clienten: some Collection<ClientID>, in n: Int) -> [Clientbereik] {
        let gesorteerd = Set(clienten).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard n > 1, gesorteerd.count > 1 else { return [.alle] }
        var grenzen: [ClientID] = []
        for k in 1..<min(n, gesorteerd.count) {
            let grens = gesorteerd[k * gesorteerd.count / min(n, gesorteerd.count)]
            if grenzen.last != grens { grenzen.append(grens) }
        }
        return zip([nil] + grenzen.map(Optional.some), grenzen.map(Optional.some) + [nil]).map { Clientbereik(van: $0, tot: $1) }
    }
}

/// The signal run on the stored data. Every signal is about one client (its key names the client), so with
/// up-to-date sums the run goes through the clients in parts, with only a few parts' declaration lines in memory (a
/// national year's lines took 8.8 GB at once); the parts run on all cores at once. Two rules compare a client with its
/// municipality (KOSTEN-HOOG's top N, VERSNELLING's municipal level): for them a first pass collects every client's
/// cost per month from only the cost columns of the lines, the table read in two halves at once. Each part reads its
/// own allocations and requests too; all of them are read once at the start (the parts, the latest day, the links
/// between clients) and let go. Without sums, or when a record points at another client's allocation or request, it
/// reads everything, as before.
public enum Signaaldraaiing {
    /// About this many clients per part (nationally about 25 lines each); as many parts as there are cores at once.
    public static let clientenPerDeel = 15_000

    /// The run on `peildatum`, or on the latest day in the data, with the number of parts it took; nil when there are
    /// no data. `delen` asks for a number of parts (tests).
    public static func draai(_ store: any Opslag, peildatum gekozen: Dag?, instellingen: Signaalinstellingen = .standaard,
                             delen: Int? = nil) throws -> (run: Signaalrun, delen: Int)? {
        // year 0 has no sums: this reads only whether they are up to date and the latest submission
        let a = store
        guard let stand = try a.aggregaten(jaren: 0...0) else {
            let g = try store.gegevens()
            guard let peil = gekozen ?? Signaalmotor.laatsteDatum(g) else { return nil }
            return (Signaalmotor.voerUit(g, peildatum: peil, instellingen: instellingen), 1)
        }
        var basis = try a.gegevensZonderDeclaraties(verzoeken: true)
        guard let peil = gekozen ?? [Signaalmotor.laatsteDatum(basis), stand.laatsteIndiening].compactMap({ $0 }).max() else {
            return nil
        }
        let clienten = Set(basis.toewijzingen.map(\.client)).union(basis.verzoeken.map(\.client))
        let bereiken = Clientbereik.verdeel(clienten, in: delen ?? max(1, clienten.count / clientenPerDeel))
        // two rules compare a client with its municipality: first every client's cost per month, part by part
        var gemeentekosten: Gemeentekosten? = nil
        if bereiken.count > 1 {
            // a line or allocation that points at another client's allocation or request (CSV allows it, iJw not)
            // ties two clients together that may be in different parts: then everything at once, to stay exact
            let eigenaar = Dictionary(basis.toewijzingen.map { ($0.toewijzingnummer, $0.client) }, uniquingKeysWith: { a, _ in a })
            let aanvrager = Dictionary(basis.verzoeken.map { ($0.verzoeknummer, $0.client) }, uniquingKeysWith: { a, _ in a })
            let verweven = basis.toewijzingen.contains { t in t.verzoeknummer.flatMap { aanvrager[$0] }.map { $0 != t.client } ?? false }
            // from here each part reads its own allocations and requests (nationally some 550 MB held through the run)
            basis.toewijzingen = []
            basis.verzoeken = []
            guard !verweven, let alle = try kostenPerClient(a, bekendOp: peil, eigenaar: eigenaar) else {
                return (Signaalmotor.voerUit(try store.gegevens(), peildatum: peil, instellingen: instellingen), 1)
            }
            gemeentekosten = Gemeentekosten(alle)
            Geheugen.geefVrijTerug()   // the two readers' counts, merged into one
        }
        // the parts on all cores at once (two parts' lines in memory on two cores)
        let runs = tegelijk(bereiken.count) { i in
            Result { () throws -> Signaalrun in
                var deel = basis
                if bereiken.count > 1 {
                    let eigen = try a.toewijzingenEnVerzoeken(clienten: bereiken[i])
                    deel.verzoeken = eigen.verzoeken
                    deel.toewijzingen = eigen.toewijzingen
                }
                deel.declaraties = try a.declaraties(clienten: bereiken[i])
                let r = Signaalmotor.voerUit(deel, peildatum: peil, instellingen: instellingen, gemeentekosten: gemeentekosten)
                Geheugen.geefVrijTerug()   // the part's lines and indexes, before the next part takes its own
                return r
            }
        }
        var gevonden: [(regel: Int, deel: Int, positie: Int, signaal: Signaal)] = []
        var vanaf: [String: Dag?] = [:]
        for (i, uitkomst) in runs.enumerated() {
            let run = try uitkomst.get()
            gevonden += run.signalen.enumerated().map { (Signaalregels.volgorde($1.regel), i, $0, $1) }
            vanaf = run.beoordeeldVanaf
        }
        Geheugen.geefVrijTerug()   // what the parts' threads freed, before the caller stores and lists the signals
        // in rule order, as one run over everything lists them
        gevonden.sort { ($0.regel, $0.deel, $0.positie) < ($1.regel, $1.deel, $1.positie) }
        return (Signaalrun(peildatum: peil, signalen: gevonden.map(\.signaal), beoordeeldVanaf: vanaf), bereiken.count)
    }
}

extension Signaaldraaiing {
    /// Every client's cost per month (`Signaalcontext.kosten` of the lines submitted by `peil`) from only the columns it
    /// needs, the table read in two parts at once; nil when a line points at another client's allocation (`eigenaar`).
    /// The lines are checked against `Grenzen` as every read is: a line outside them is named by reading its client's
    /// lines as a whole.
    static func kostenPerClient(_ a: any Opslag, bekendOp peil: Dag,
                                eigenaar: [String: ClientID]) throws -> [GemeenteClient: [Int: Euro]]? {
        struct Buiten: Error { let client: ClientID; let fout: Grenzen.Fout }
        let delen = 2
        let uitkomsten = tegelijk(delen) { i in
            Result { () throws -> (som: Kostenoptelling, totaal: Grenstotaal, verweven: Bool) in
                var som = Kostenoptelling(), totaal = Grenstotaal(), verweven = false
                var vorige: (nummer: String, client: ClientID)? = nil
                try a.elkeDeclaratiekost(deel: i, van: delen) { r in
                    if let f = Grenzen.eerste(r, Grenzen.controleer) { throw Buiten(client: r.client, fout: f) }
                    totaal.voegToe(r.bedrag)
                    // a client's lines of one allocation follow each other: one lookup for them all
                    if vorige?.nummer != r.toewijzingnummer || vorige?.client != r.client {
                        if let e = eigenaar[r.toewijzingnummer], e != r.client { verweven = true }
                        vorige = (r.toewijzingnummer, r.client)
                    }
                    if Kostenoptelling.telt(r.status, ingediendOp: r.ingediendOp, bekendOp: peil) {
                        som.voegToe(r.gemeentecode, r.client, r.kosten, van: r.begindatum, tot: r.einddatum)
                    }
                }
                return (som, totaal, verweven)
            }
        }
        var som = Kostenoptelling(), totaal = Grenstotaal(), verweven = false
        for deel in uitkomsten {
            do {
                let d = try deel.get()
                som.voegToe(d.som)
                totaal.voegToe(d.totaal)
                verweven = verweven || d.verweven
            } catch let b as Buiten {
                // the client's lines, read as a whole, throw the error that names the line
                _ = try a.declaraties(client: b.client)
                throw Gegevensfout("declaratie van cliënt \(b.client): \(b.fout)")
            }
        }
        try totaal.controleer()
        return verweven ? nil : som.klaar()
    }

    /// Runs the rules on the latest day in the data (the dashboard's "Regels nu draaien", the demo after its import) and
    /// stores the outcome in the work list; nil without data.
    public static func werkBij(_ store: any Opslag, instellingen: Signaalinstellingen,
                               tijdstip: String) throws -> (verslag: Signaalrunverslag, peildatum: Dag)? {
        guard let run = try draai(store, peildatum: nil, instellingen: instellingen)?.run else { return nil }
        let m = Signaalbeheer.verwerk(bestaand: try store.signalen(), run: run, tijdstip: tijdstip)
        return (try store.slaOp(m, peildatum: run.peildatum, tijdstip: tijdstip), run.peildatum)
    }
}
