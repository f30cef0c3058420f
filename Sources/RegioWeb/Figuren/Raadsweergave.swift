import RegioCore

/// The council's view of the figures: every table row, tile, banner and chart bar of a council page takes its status
/// from the year's `Raadsplan`, so what one page hides no other page, total or download gives away.
extension Cijferbron {
    func raadsplan(jaar: Int) throws -> Raadsplan {
        try figuur("raadsplan|\(jaar)") { g in
            try Raadsplan.bereken(jaar: jaar, gemeenten: g.gemeenten.map(\.code).sorted(), percelen: g.percelen,
                                   delen: g.vereveningsdelen) { per, d in
                try kengetallen(jaar: jaar, per: per, Cijferselectie(gemeente: d.gemeente, perceel: d.perceel, alleenVerevend: d.alleenVerevend))
            }
        }
    }
}

/// Rows of a table as the council sees them: the plan's full list of codes in the table's dimension (an empty group is
/// listed like a small one), each with its status; the total's status. For every other role: the rows as they are.
struct Raadsrijen {
    var rijen: [Kengetallen]
    var status: [Onderdrukking.Status]
    var totaal: Onderdrukking.Status

    static func zichtbaar(_ rijen: [Kengetallen]) -> Raadsrijen {
        Raadsrijen(rijen: rijen, status: rijen.map { _ in .zichtbaar }, totaal: .zichtbaar)
    }

    /// `codes`: the plan's list for the dimension; `status`: the plan's status of a code's cell; `totaal`: of the total.
    static func volgensPlan(_ rijen: [Kengetallen], codes: [String], naam: (String) -> String,
                            status: (String) -> Onderdrukking.Status, totaal: Onderdrukking.Status) -> Raadsrijen {
        let per = Dictionary(rijen.map { ($0.groep, $0) }, uniquingKeysWith: { a, _ in a })
        let alle = codes.map { per[$0] ?? Kengetallen(groep: $0, naam: naam($0)) }
        return Raadsrijen(rijen: alle, status: codes.map(status), totaal: totaal)
    }

    /// The rows of `uitkomst` for the role of `v`: as they are, or by the year's plan for a council (`codes`: the plan's
    /// list for the table's dimension, `status`: a code's cell, `totaal`: the total's cell).
    static func voor(_ v: Paginaverzoek, _ uitkomst: Cijferbron.Uitkomst, jaar: Int, codes: (Raadsplan) -> [String],
                     status: @escaping (Raadsplan, String) -> Onderdrukking.Status,
                     totaal: (Raadsplan) -> Onderdrukking.Status) throws -> Raadsrijen {
        guard v.rol.onderdruktKleineAantallen else { return zichtbaar(uitkomst.groepen) }
        let plan = try v.bron.raadsplan(jaar: jaar)
        let ref = try v.bron.referentie()
        return volgensPlan(uitkomst.groepen, codes: codes(plan), naam: { ref.naam($0) }, status: { status(plan, $0) },
                           totaal: totaal(plan))
    }

    /// A month series as the council sees it: the plan's months (up to the last with data), each with its status.
    static func maanden(_ v: Paginaverzoek, _ reeks: [(maand: Maand, k: Kengetallen)], jaar: Int,
                        status: (Raadsplan, Maand) -> Onderdrukking.Status) throws -> (reeks: [(maand: Maand, k: Kengetallen)], status: [Onderdrukking.Status]) {
        guard v.rol.onderdruktKleineAantallen else { return (reeks, reeks.map { _ in .zichtbaar }) }
        let plan = try v.bron.raadsplan(jaar: jaar)
        let per = Dictionary(reeks.map { ($0.maand, $0.k) }, uniquingKeysWith: { a, _ in a })
        let r = plan.maanden.map { ($0, per[$0] ?? Kengetallen(groep: $0.description, naam: $0.naam)) }
        return (r, plan.maanden.map { status(plan, $0) })
    }

    /// Only the visible rows (for banners and charts that list groups by name).
    var zichtbareRijen: [Kengetallen] { rijen.indices.filter { !status[$0].isVerborgen }.map { rijen[$0] } }
}


extension Referentiekaart {
    /// The name of a municipality, lot, provider or referrer type by its code (the codes' shapes never overlap).
    func naam(_ code: String) -> String {
        gemeenten[code]?.naam ?? percelen[code]?.naam ?? aanbieders[code]?.naam ?? Verwijzer(rawValue: code)?.omschrijving
            ?? (code == "onbekend" ? "Onbekend" : code)
    }
}

extension Raadsrijen {
    /// Long lists (providers) for the council: the visible rows, then one row with the hidden ones together. Its money is
    /// the total minus the visible rows, which anyone can compute, so it reveals nothing; without a visible total it is
    /// hidden too. Its client count is left out (unique clients do not add up).
    func samengevoegd(totaal: Kengetallen, naam: String) -> Raadsrijen {
        guard status.contains(where: \.isVerborgen) else { return self }
        let zichtbaar = rijen.indices.filter { !status[$0].isVerborgen }
        var rest = Kengetallen(groep: "overig", naam: naam + " (\(rijen.count - zichtbaar.count))")
        rest.gedeclareerd = totaal.gedeclareerd - zichtbaar.map { rijen[$0].gedeclareerd }.som()
        rest.verplichting = totaal.verplichting - zichtbaar.map { rijen[$0].verplichting }.som()
        rest.toewijzingen = totaal.toewijzingen - zichtbaar.map { rijen[$0].toewijzingen }.reduce(0, +)
        rest.clienten = -1
        return Raadsrijen(rijen: zichtbaar.map { rijen[$0] } + [rest],
                          status: zichtbaar.map { _ in .zichtbaar } + [self.totaal.isVerborgen ? .aanvullend : .zichtbaar], totaal: self.totaal)
    }
}

extension Raadsrijen {
    /// The visible rows in another order, each keeping its status; hidden rows after them in their own order (their place
    /// among sorted rows would tell how large they are).
    func gesorteerd(_ voor: (Kengetallen, Kengetallen) -> Bool) -> Raadsrijen {
        let volgorde = rijen.indices.filter { !status[$0].isVerborgen }.sorted { voor(rijen[$0], rijen[$1]) }
            + rijen.indices.filter { status[$0].isVerborgen }
        return Raadsrijen(rijen: volgorde.map { rijen[$0] }, status: volgorde.map { status[$0] }, totaal: totaal)
    }
}
