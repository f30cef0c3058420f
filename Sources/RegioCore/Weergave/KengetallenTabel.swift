extension Tabel {
    /// Which columns of the monitoring figures: everything (csv/json), or the two halves people read as text.
    public enum Kengetallenkolommen: Sendable { case alle, kern, aanvullend }

    /// The monitoring figures as a table, one row per group and the total as footer. Column names are the csv contract
    /// (docs/definities.md): unieke_clienten, toewijzingen, verplichting, gedeclareerd, uitnutting, kosten_per_client, ...
    /// Per month with `stand` (the day the data are known): a column `compleet` marks the months whose declarations are
    /// still coming in (`Maand.isVoorlopig`).
    public static func kengetallen(_ rijen: [Kengetallen], _ totaal: Kengetallen, per: Groepering,
                                   kolommen keuze: Kengetallenkolommen = .alle, stand: Dag? = nil) -> Tabel {
        struct K { let kolom: Kolom; let waarde: (Kengetallen) -> Cel; let kern: Bool }
        let sleutel: (String, String) = switch per {
        case .gemeente: ("gemeentecode", "Gemeente")
        case .aanbieder: ("agb", "AGB")
        case .verwijzer: ("verwijzer_type", "Verwijzer")
        case .leeftijd: ("leeftijdsgroep", "Leeftijd")
        default: (per.rawValue, per.rawValue.prefix(1).uppercased() + per.rawValue.dropFirst())
        }
        var alle: [K] = [
            K(kolom: .init(sleutel.0, sleutel.1, .links), waarde: { Cel($0.groep) }, kern: true),
            K(kolom: .init("naam", "Naam", .links), waarde: { Cel($0.naam) }, kern: true),
            K(kolom: .init("unieke_clienten", "Cliënten"), waarde: { k in k.clientenTekst.map { Cel($0, machine: "") } ?? .clienten(k) },
              kern: true),
            K(kolom: .init("instroom", "Instroom"), waarde: { .aantal($0.instroom) }, kern: true),
            K(kolom: .init("uitstroom", "Uitstroom"), waarde: { .aantal($0.uitstroom) }, kern: true),
            K(kolom: .init("in_zorg_begin_jaar", "In zorg begin"), waarde: { .aantal($0.inZorgBegin) }, kern: false),
            K(kolom: .init("in_zorg_einde_jaar", "In zorg eind"), waarde: { .aantal($0.inZorgEinde) }, kern: true),
            K(kolom: .init("toewijzingen", "Toewijzingen"), waarde: { .aantal($0.toewijzingen) }, kern: true),
            K(kolom: .init("verplichting", "Verplichting"), waarde: { .euro($0.verplichting) }, kern: true),
            K(kolom: .init("gedeclareerd", "Gedeclareerd"), waarde: { .euro($0.gedeclareerd) }, kern: true),
            K(kolom: .init("uitnutting", "Uitnutting"), waarde: { .procent($0.uitnutting) }, kern: true),
            K(kolom: .init("kosten_per_client", "Per cliënt"), waarde: { .euro($0.kostenPerClient) }, kern: true),
            K(kolom: .init("verplichting_per_client", "Verpl./cliënt"), waarde: { .euro($0.verplichtingPerClient) }, kern: false),
            K(kolom: .init("kosten_per_jeugdige", "Per jeugdige"), waarde: { .euro($0.kostenPerJeugdige) }, kern: false),
            K(kolom: .init("kosten_per_inwoner", "Per inwoner"), waarde: { .euro($0.kostenPerInwoner) }, kern: false),
            K(kolom: .init("uit_contracten", "Uit contracten"), waarde: { .euro($0.uitContracten) }, kern: false),
            K(kolom: .init("budget", "Budget"), waarde: { .euro($0.budget) }, kern: true),
            K(kolom: .init("realisatie", "Realisatie"), waarde: { .procent($0.realisatie) }, kern: true),
            K(kolom: .init("verplichting_onbekend", "Zonder verpl."), waarde: { .aantal($0.verplichtingOnbekend) }, kern: false),
            K(kolom: .init("beeindigde_toewijzingen", "Beëindigd"), waarde: { .aantal($0.beeindigdeToewijzingen) }, kern: false),
            K(kolom: .init("duur_mediaan_dagen", "Duur mediaan"), waarde: { .aantal($0.duurMediaan) }, kern: false),
            K(kolom: .init("duur_p90_dagen", "Duur P90"), waarde: { .aantal($0.duurP90) }, kern: false),
        ]
        for v in Verwijzer.allCases {
            alle.append(K(kolom: .init("aandeel_" + v.kolomnaam, "% " + v.afkorting), waarde: { .procent($0.aandeel(v)) }, kern: false))
        }
        alle.append(K(kolom: .init("aandeel_onbekend", "% onb."), waarde: { .procent($0.aandeel(nil)) }, kern: false))
        if per == .maand, let stand {
            alle.insert(K(kolom: .init("compleet", "Compleet", .links), waarde: { k in
                Maand.parse(k.groep).map { Tabel.compleetCel($0, stand: stand) } ?? Cel("", machine: "")
            }, kern: true), at: 2)
        }

        let gekozen = alle.enumerated().filter { i, k in
            switch keuze {
            case .alle: true
            case .kern: k.kern
            case .aanvullend: i < 2 || !k.kern
            }
        }.map(\.element)
        var t = Tabel(kolommen: gekozen.map(\.kolom))
        t.rijen = rijen.map { r in gekozen.map { $0.waarde(r) } }
        t.voet = [gekozen.map { $0.waarde(totaal) }]
        return t
    }
}
