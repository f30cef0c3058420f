import RegioCore

/// Moves a region from one store to another (the embedded SQLite file to a PostgreSQL server): everything in one
/// transaction of the target, through the same idempotent writes as an import, then checked record by record.
public enum Overzetting {
    public struct Verslag: Sendable {
        /// Per kind: records in the source, in the target afterwards, and what the write did.
        public var perSoort: [(soort: Soort, bron: Int, doel: Int, telling: Telling)] = []
        public var importlogRegels = 0
        /// iJw deliveries and logged messages moved, dashboard users and audit-trail lines moved.
        public var leveringen = 0
        public var ijwBerichten = 0
        public var gebruikers = 0
        public var inzageregels = 0
        public var signalen = 0
        /// Checks that compare the two stores after the move; empty when they hold the same.
        public var verschillen: [String] = []
        public var bronGegevens = Gegevens()
    }

    public static func verplaats(van bron: any Opslag, naar doel: any Opslag) throws -> Verslag {
        var verslag = Verslag()
        let g = try bron.gegevens()
        let rijen = rijenPerSoort(g)
        // a target that holds records the source does not have is another region: refuse before writing anything
        for soort in Soort.allCases {
            let vreemd = try doel.sleutels(soort).subtracting((rijen[soort] ?? []).map(\.sleutelTekst))
            if let voorbeeld = vreemd.sorted().first {
                throw StoreFout.databasefout("het doel bevat al \(vreemd.count) \(soort.rawValue) die niet in de bron staan (bijv. '\(voorbeeld)'); kies een lege database of schema")
            }
        }
        let log = try bron.importlog()
        let alLogboek = try doel.importlog()
        try doel.transactie { w in
            for soort in Soort.allCases {
                let t = try w.schrijf(rijen[soort] ?? [])
                verslag.perSoort.append((soort, rijen[soort]?.count ?? 0, 0, t))
            }
            // the history oldest first, without the lines an earlier run already moved
            var rest = alLogboek
            for regel in log.reversed() {
                if let i = rest.firstIndex(of: regel) { rest.remove(at: i); continue }
                try w.logImport(regel)
                verslag.importlogRegels += 1
            }
        }
        // what the iJw import keeps beside the records: deliveries (JW305/JW307) and the message log, so a message
        // imported before is still recognised after the move
        do {
            let b = bron, d = doel
            let leveringen = try b.leveringen()
            let bekend = Set(try d.ijwBerichten().map { "\($0.berichtsoort)|\($0.afzender)|\($0.identificatie)" })
            let berichten = try b.ijwBerichten().filter { !bekend.contains("\($0.berichtsoort)|\($0.afzender)|\($0.identificatie)") }
            try d.ijwTransactie { w in
                _ = try w.schrijf(leveringen)
                for bericht in berichten { try w.logBericht(bericht) }
            }
            verslag.leveringen = leveringen.count
            verslag.ijwBerichten = berichten.count
        }
        // the dashboard's users and its audit trail (oldest first); sessions are not moved: users log in again
        do {
            let b = bron, d = doel
            for g in try b.gebruikers() { try d.bewaar(g) }
            verslag.gebruikers = try b.gebruikers().count
            if try d.inzagelog(limiet: 1).isEmpty {
                let log = try b.inzagelog(limiet: Int.max / 2)
                for r in log.reversed() { try d.logInzage(r) }
                verslag.inzageregels = log.count
            }
        }
        // the signal work list into an empty target: the same signals in id order, then each state as it was (who,
        // when, note); the history keeps the finding and the last change
        if try doel.signalen().isEmpty, let peil = try bron.laatstePeildatum() {
            let b = bron, d = doel
            let lijst = try b.signalen()
            var m = Signaalmutaties()
            m.nieuw = lijst.map(\.signaal)
            _ = try d.slaOp(m, peildatum: peil, tijdstip: lijst.compactMap(\.statusOp).min() ?? "")
            let nieuw = try d.signalen()
            for (oud, n) in zip(lijst, nieuw) where oud.status != .nieuw || oud.notitie != nil {
                _ = try d.markeer(id: n.id, status: oud.status, door: oud.statusDoor ?? Signaalbeheer.systeem, tijdstip: oud.statusOp ?? "",
                                  notitie: oud.notitie)
            }
            verslag.signalen = lijst.count
        }
        for i in verslag.perSoort.indices { verslag.perSoort[i].doel = try doel.aantal(verslag.perSoort[i].soort) }
        verslag.verschillen = verschillen(g, try doel.gegevens())
        verslag.bronGegevens = g
        return verslag
    }

    static func rijenPerSoort(_ g: Gegevens) -> [Soort: [Rij]] {
        [.gemeenten: g.gemeenten.map(Codering.rij), .gemeentecijfers: g.gemeentecijfers.map(Codering.rij),
         .percelen: g.percelen.map(Codering.rij), .producten: g.producten.map(Codering.rij),
         .aanbieders: g.aanbieders.map(Codering.rij), .budgetten: g.budgetten.map(Codering.rij),
         .normbudgetten: g.normbudgetten.map(Codering.rij),
         .verzoeken: g.verzoeken.map(Codering.rij), .toewijzingen: g.toewijzingen.map(Codering.rij),
         .declaraties: g.declaraties.map(Codering.rij), .verevening: g.vereveningsdelen.map(Codering.rij),
         .kosten: g.jaarkosten.map(Codering.rij), .contracten: g.contracten.map(Codering.rij),
         .betalingen: g.betalingen.map(Codering.rij), .productie: g.productie.map(Codering.rij)]
    }

    /// Where two stores differ: counts, money totals and every record (as a multiset, so order does not matter here).
    public static func verschillen(_ a: Gegevens, _ b: Gegevens) -> [String] {
        var uit: [String] = []
        let ra = rijenPerSoort(a), rb = rijenPerSoort(b)
        for soort in Soort.allCases {
            let x = ra[soort] ?? [], y = rb[soort] ?? []
            if x.count != y.count { uit.append("\(soort.rawValue): \(x.count) in de bron, \(y.count) in het doel") }
            var telling: [Rij: Int] = [:]
            for r in x { telling[r, default: 0] += 1 }
            for r in y { telling[r, default: 0] -= 1 }
            let anders = telling.values.filter { $0 != 0 }.count
            if anders > 0 { uit.append("\(soort.rawValue): \(anders) records verschillen") }
        }
        let totalen: [(String, (Gegevens) -> Euro)] = [
            ("gedeclareerd", { $0.declaraties.map(\.kosten).som() }),
            ("budget", { $0.budgetten.map(\.bedrag).som() }),
            ("normbudget", { $0.normbudgetten.map(\.bedrag).som() }),
            ("jaarkosten", { $0.jaarkosten.map(\.bedrag).som() }),
            ("toewijzingsbudget", { $0.toewijzingen.compactMap(\.budget).som() }),
            ("macrobudget", { $0.gemeentecijfers.map(\.macrobudgetJeugd).som() }),
        ]
        for (naam, totaal) in totalen where totaal(a) != totaal(b) {
            uit.append("\(naam): \(totaal(a).machineTekst) in de bron, \(totaal(b).machineTekst) in het doel")
        }
        return uit
    }
}
