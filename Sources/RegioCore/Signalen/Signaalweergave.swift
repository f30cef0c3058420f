/// Which stored signals a list shows.
public struct Signaalfilter: Sendable, Hashable {
    public var jaar: Int?
    public var gemeente: String?
    public var regel: String?
    /// Empty: every status.
    public var statussen: Set<Signaalstatus>

    public init(jaar: Int? = nil, gemeente: String? = nil, regel: String? = nil, statussen: Set<Signaalstatus> = [.nieuw, .gezien]) {
        self.jaar = jaar; self.gemeente = gemeente; self.regel = regel; self.statussen = statussen
    }

    /// A year matches when the signal's period [van, tot] touches it.
    public func past(_ b: BeheerdSignaal) -> Bool {
        let s = b.signaal
        if let gemeente, s.gemeentecode != gemeente { return false }
        if let regel, s.regel != regel { return false }
        if !statussen.isEmpty && !statussen.contains(b.status) { return false }
        if let jaar {
            let van = s.van ?? s.peildag, tot = s.tot ?? s.peildag
            if tot < Dag.eersteVan(jaar: jaar) || van > Dag.laatsteVan(jaar: jaar) { return false }
        }
        return true
    }
}

/// Signals and rules as tables (text for people; csv and json for machines).
public enum Signaalweergave {
    /// List order: municipality, rule (catalogue order), largest amount first, key.
    public static func gesorteerd(_ lijst: [BeheerdSignaal]) -> [BeheerdSignaal] {
        lijst.sorted { a, b in
            let x = a.signaal, y = b.signaal
            if x.gemeentecode != y.gemeentecode { return x.gemeentecode < y.gemeentecode }
            if x.regel != y.regel { return Signaalregels.volgorde(x.regel) < Signaalregels.volgorde(y.regel) }
            if (x.bedrag ?? .nul) != (y.bedrag ?? .nul) { return (x.bedrag ?? .nul) > (y.bedrag ?? .nul) }
            return x.sleutel < y.sleutel
        }
    }

    /// The csv form has exactly the columns `regel,gemeentecode,clientnummer,aanbieder,perceel,bedrag,van,tot,status,
    /// toelichting`; text and json add the id (for `markeer`) and who set the status when.
    public static func lijst(_ lijst: [BeheerdSignaal], csv: Bool = false) -> Tabel {
        var kolommen: [Tabel.Kolom] = csv ? [] : [.init("id", "Id")]
        kolommen += [.init("regel", "Regel", .links), .init("gemeentecode", "Gem.", .links), .init("clientnummer", "Cliënt", .links),
                     .init("aanbieder", "Aanbieder", .links), .init("perceel", "Perceel", .links), .init("bedrag", "Bedrag"),
                     .init("van", "Van", .links), .init("tot", "Tot", .links), .init("status", "Status", .links)]
        if !csv { kolommen += [.init("status_door", "Door", .links), .init("status_op", "Op", .links)] }
        kolommen.append(.init("toelichting", "Toelichting", .links))
        if !csv { kolommen.append(.init("notitie", "Notitie", .links)) }
        var t = Tabel(kolommen: kolommen)
        for b in gesorteerd(lijst) {
            let s = b.signaal
            func dag(_ d: Dag?) -> Tabel.Cel { Tabel.Cel(d?.nederlands ?? "", machine: d?.description ?? "") }
            var r: [Tabel.Cel] = csv ? [] : [.aantal(Int(b.id))]
            r += [Tabel.Cel(s.regel), Tabel.Cel(s.gemeentecode), Tabel.Cel(s.client), Tabel.Cel(s.agb ?? ""), Tabel.Cel(s.perceel ?? ""),
                  .euro(s.bedrag), dag(s.van), dag(s.tot), Tabel.Cel(b.status.rawValue)]
            if !csv { r += [Tabel.Cel(b.statusDoor ?? ""), Tijdstip.cel(b.statusOp)] }
            r.append(Tabel.Cel(s.toelichting))
            if !csv { r.append(Tabel.Cel(b.notitie ?? "")) }
            t.rijen.append(r)
        }
        return t
    }

    /// Every rule with its parameters: value in force, default, meaning.
    public static func regels(_ instellingen: Signaalinstellingen) -> Tabel {
        var t = Tabel(kolommen: [.init("regel", "Regel", .links), .init("actief", "Actief", .links), .init("parameter", "Parameter", .links),
                                 .init("waarde", "Waarde", .links), .init("standaard", "Standaard", .links),
                                 .init("omschrijving", "Omschrijving", .links)])
        for r in Signaalregels.alle {
            t.rijen.append([Tabel.Cel(r.code), Tabel.Cel(instellingen.isActief(r.code) ? "ja" : "nee"), Tabel.Cel(""), Tabel.Cel(""),
                            Tabel.Cel(""), Tabel.Cel(r.omschrijving)])
            for p in r.parameters {
                let w = instellingen.waarde(r, p.naam) ?? p.standaard
                t.rijen.append([Tabel.Cel(r.code), Tabel.Cel(""), Tabel.Cel(p.naam), Tabel.Cel(w.tekst), Tabel.Cel(p.standaard.tekst),
                                Tabel.Cel(p.omschrijving + " (\(p.soort.omschrijving))")])
            }
        }
        return t
    }

    /// Retroactive requests per provider.
    public static func aanbieders(_ rijen: [TerugwerkendPerAanbieder], totaal: TerugwerkendPerAanbieder, grens: Int, alarm: Int) -> Tabel {
        var t = Tabel(kolommen: [.init("agb", "AGB", .links), .init("naam", "Aanbieder", .links), .init("verzoeken", "Verzoeken"),
                                 .init("terugwerkend", "Terugwerkend"), .init("aandeel_terugwerkend", "Aandeel"),
                                 .init("boven_\(grens)_dagen", "> \(grens) d"), .init("boven_\(alarm)_dagen", "> \(alarm) d"),
                                 .init("mediaan_dagen", "Mediaan d"), .init("p90_dagen", "P90 d"), .init("max_dagen", "Max d")])
        func cellen(_ r: TerugwerkendPerAanbieder) -> [Tabel.Cel] {
            [Tabel.Cel(r.agb), Tabel.Cel(r.naam), .aantal(r.verzoeken), .aantal(r.terugwerkend), .procent(r.aandeel), .aantal(r.boven),
             .aantal(r.bovenAlarm),
             r.mediaanDagen.map { Tabel.Cel(Tabel.decimaal($0, 1).replacing(".", with: ","), machine: Tabel.decimaal($0, 1), getal: true) }
                ?? Tabel.Cel("", machine: ""),
             .aantal(r.p90Dagen), .aantal(r.maxDagen)]
        }
        t.rijen = rijen.map(cellen)
        t.voet = [cellen(totaal)]
        return t
    }

    /// New signals per month, municipality and rule, one row each (for a spreadsheet).
    public static func werklastDetail(_ w: [(maand: Maand, gemeente: String, regel: String, nieuw: Int)]) -> Tabel {
        var t = Tabel(kolommen: [.init("maand", "Maand", .links), .init("gemeentecode", "Gemeente", .links), .init("regel", "Regel", .links),
                                 .init("nieuw", "Nieuw")])
        t.rijen = w.map { [Tabel.Cel($0.maand.description), Tabel.Cel($0.gemeente), Tabel.Cel($0.regel), .aantal($0.nieuw)] }
        return t
    }

    /// New signals per month (rows) and municipality or rule (columns), from `Signaalbeheer.werklast`.
    public static func werklast(_ w: [(maand: Maand, gemeente: String, regel: String, nieuw: Int)], perRegel: Bool) -> Tabel {
        let groep: ((maand: Maand, gemeente: String, regel: String, nieuw: Int)) -> String = { perRegel ? $0.regel : $0.gemeente }
        let kolommen = Set(w.map(groep)).sorted { perRegel ? Signaalregels.volgorde($0) < Signaalregels.volgorde($1) : $0 < $1 }
        var t = Tabel(kolommen: [.init("maand", "Maand", .links)] + kolommen.map { .init($0, $0) } + [.init("totaal", "Totaal")])
        for m in Set(w.map(\.maand)).sorted() {
            let deze = w.filter { $0.maand == m }
            t.rijen.append([Tabel.Cel(m.description)] + kolommen.map { k in .aantal(deze.filter { groep($0) == k }.map(\.nieuw).reduce(0, +)) }
                           + [.aantal(deze.map(\.nieuw).reduce(0, +))])
        }
        return t
    }
}
