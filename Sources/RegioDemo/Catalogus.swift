import RegioCore

/// The demo region's fixed shape: Regio Amersfoort's municipalities (Tests/Fixtures/reference/gemeenten-regio-amersfoort.csv), its lots and a product range.
enum Catalogus {
    struct GemeenteSpec { let code: String; let naam: String; let inwoners: Int; let pctJeugd: Double
                          let clientenPerJeugdige: Double; let zwaarte: Double; let sleutel: Double; let ses: Double; let fte: Double
                          /// synthetic (no published figure in the seeds): % single-parent families, % low-income households
                          var eenouder = 0.0, laagInkomen = 0.0 }

    // inhabitants end 2017, % 0-17, SES 2017, FTE and clients 2019 from gemeenten-regio-amersfoort.csv;
    // zwaarte (weight in heavy, pooled care) and key share chosen to give the voordeel/nadeel pattern of 002 table 1
    static let gemeenten: [GemeenteSpec] = [
        .init(code: "0307", naam: "Amersfoort", inwoners: 154337, pctJeugd: 23.2, clientenPerJeugdige: 4980.0 / 35806, zwaarte: 0.93, sleutel: 0.600, ses: 0.49, fte: 153.97, eenouder: 17.5, laagInkomen: 8.9),
        .init(code: "0308", naam: "Baarn", inwoners: 24529, pctJeugd: 19.6, clientenPerJeugdige: 622.0 / 4808, zwaarte: 1.0, sleutel: 0.078, ses: 0.53, fte: 10.32, eenouder: 15.8, laagInkomen: 7.4),
        .init(code: "0313", naam: "Bunschoten", inwoners: 21020, pctJeugd: 24.0, clientenPerJeugdige: 740.0 / 5045, zwaarte: 0.75, sleutel: 0.050, ses: 0.18, fte: 10.00, eenouder: 9.6, laagInkomen: 5.1),
        .init(code: "0317", naam: "Eemnes", inwoners: 8999, pctJeugd: 21.5, clientenPerJeugdige: 224.0 / 1935, zwaarte: 0.7, sleutel: 0.020, ses: 1.22, fte: 5.00, eenouder: 11.2, laagInkomen: 4.2),
        .init(code: "0327", naam: "Leusden", inwoners: 29677, pctJeugd: 21.2, clientenPerJeugdige: 794.0 / 6292, zwaarte: 1.3, sleutel: 0.075, ses: 1.06, fte: 34.80, eenouder: 12.9, laagInkomen: 5.0),
        .init(code: "0342", naam: "Soest", inwoners: 45874, pctJeugd: 21.0, clientenPerJeugdige: 1249.0 / 9634, zwaarte: 1.25, sleutel: 0.130, ses: 0.55, fte: 40.00, eenouder: 15.1, laagInkomen: 6.8),
        .init(code: "0351", naam: "Woudenberg", inwoners: 12701, pctJeugd: 24.6, clientenPerJeugdige: 414.0 / 3124, zwaarte: 1.2, sleutel: 0.047, ses: 0.77, fte: 11.83, eenouder: 10.8, laagInkomen: 5.3),
    ]

    /// The lots funded task-based in the demo region: allocated, paid by contract, not declared (seed 004, 6.2).
    static let taakgericht: Set<String> = ["BSA"]

    /// The lots of the certified institution, funded by a subsidy of each municipality (seed 002, 3.5: "SAVE via een
    /// subsidie bekostigd wordt vanuit de gemeenten"; 004, 6.2): allocated, subsidised per quarter in advance, not
    /// declared. Each municipality's subsidy is its own contract, so the pooled lot keeps each municipality's cost.
    static let subsidie: Set<String> = ["SAVE"]

    /// Veilig Thuis: the region's yearly contribution (seed 004: "circa € 2 mln (2019 en 2020)"), one subsidy of the
    /// region paid monthly, split over the municipalities by the key; no allocations, no declarations. A lot of its own,
    /// not pooled, written after the lots of the care kinds (`percelen`), so the national generator does not see it.
    static let veiligThuis = Perceel(code: "VT", naam: "Veilig Thuis", segment: "Jeugdbescherming", verevend: false, bekostiging: .taak)
    static let veiligThuisAGB = "75990001"
    /// Names of the demo's certified institution and its subcontractors (synthetic, after seed 004's description).
    static let gecertificeerd = ["Samen Veilig Eemland (GI)", "Jeugdbescherming Eemvallei", "Jeugdreclassering Midden",
                                 "GI Onderaannemer Noord", "GI Onderaannemer Zuid"]
    static let veiligThuisBijdrage2019: Int64 = 2_000_000

    /// The starts per year of every care kind are scaled by this factor so that the region has the seed's unique
    /// clients (004, table 1: 8.972 in 2019, Amersfoort 4.980); measured with seed 1, within 2% (docs/ontwikkeling.md).
    static let kalibratie = 0.909

    static let percelen: [Perceel] = [
        Perceel(code: "BSA", naam: "Brede spectrum aanbieders", segment: "Ambulant", verevend: false, bekostiging: .taak),
        Perceel(code: "AMB", naam: "Ambulante jeugdhulp", segment: "Ambulant", verevend: false, bekostiging: .inspanning),
        Perceel(code: "DYS", naam: "Dyslexiezorg", segment: "Ambulant", verevend: false, bekostiging: .output),
        Perceel(code: "GGZ", naam: "Jeugd-GGZ basis", segment: "GGZ", verevend: false, bekostiging: .output),
        Perceel(code: "PV", naam: "Persoonlijke verzorging en logeren", segment: "Ambulant", verevend: false, bekostiging: .inspanning),
        Perceel(code: "DAG", naam: "Dagbehandeling", segment: "Dagbehandeling", verevend: false, bekostiging: .inspanning),
        Perceel(code: "VBJ", naam: "Verblijf Jeugd", segment: "Verblijf", verevend: true, bekostiging: .inspanning),
        Perceel(code: "OOV", naam: "Opvoed- en opgroeihulp verblijf", segment: "Verblijf", verevend: true, bekostiging: .inspanning),
        Perceel(code: "CRI", naam: "Crisiszorg Jeugd", segment: "Crisis", verevend: true, bekostiging: .inspanning),
        Perceel(code: "SAVE", naam: "SAVE (jeugdbescherming en jeugdreclassering)", segment: "Jeugdbescherming", verevend: true, bekostiging: .output),
        Perceel(code: "EF", naam: "Essentiële functies", segment: "Hoogspecialistisch", verevend: true, bekostiging: .inspanning),
        Perceel(code: "HGGZ", naam: "Hoogspecialistische jeugd-GGZ", segment: "Hoogspecialistisch", verevend: true, bekostiging: .inspanning),
        Perceel(code: "LTA", naam: "Landelijke inkoop (LTA)", segment: "Landelijk", verevend: true, bekostiging: .output),
    ]

    /// A kind of care episode: product, lot, how it is allocated, how long it runs, how often it starts.
    struct Zorgsoort {
        let code: String; let categorie: String; let perceel: String; let omschrijving: String
        let eenheid: String; let tariefCent: Int64; let frequentie: Frequentie; let volume: ClosedRange<Int>
        let duur: ClosedRange<Int>; let startsPerJaar: Double; let aanbieders: Int
        let verwijzers: [(Verwijzer, Double)]
    }

    static let wijk: [(Verwijzer, Double)] = [(.gemeente, 0.38), (.huisarts, 0.45), (.jeugdarts, 0.07), (.medischSpecialist, 0.05), (.zelfverwijzer, 0.05)]
    static let arts: [(Verwijzer, Double)] = [(.huisarts, 0.78), (.jeugdarts, 0.06), (.medischSpecialist, 0.08), (.gemeente, 0.08)]
    static let gi: [(Verwijzer, Double)] = [(.gecertificeerdeInstelling, 0.8), (.justitie, 0.15), (.gemeente, 0.05)]
    static let zwaar: [(Verwijzer, Double)] = [(.gemeente, 0.35), (.gecertificeerdeInstelling, 0.35), (.medischSpecialist, 0.15), (.huisarts, 0.15)]

    static let zorgsoorten: [Zorgsoort] = [
        .init(code: "45A04", categorie: "45", perceel: "BSA", omschrijving: "Jeugdhulp ambulant regulier (brede spectrum)", eenheid: "04", tariefCent: 8_500, frequentie: .perWeek, volume: 3...5, duur: 365...1400, startsPerJaar: 760, aanbieders: 7, verwijzers: wijk),
        .init(code: "45A05", categorie: "45", perceel: "AMB", omschrijving: "Jeugdhulp ambulant specialistisch", eenheid: "04", tariefCent: 10_500, frequentie: .perWeek, volume: 1...2, duur: 60...300, startsPerJaar: 1000, aanbieders: 38, verwijzers: arts),
        .init(code: "45A03", categorie: "45", perceel: "AMB", omschrijving: "Diagnostiek", eenheid: "82", tariefCent: 145_000, frequentie: .totaal, volume: 1...1, duur: 30...90, startsPerJaar: 650, aanbieders: 12, verwijzers: arts),
        .init(code: "45A07", categorie: "45", perceel: "DYS", omschrijving: "Dyslexiezorg (EED)", eenheid: "04", tariefCent: 7_200, frequentie: .perWeek, volume: 1...1, duur: 200...400, startsPerJaar: 330, aanbieders: 6, verwijzers: [(.gemeente, 0.6), (.jeugdarts, 0.2), (.huisarts, 0.2)]),
        .init(code: "51A01", categorie: "51", perceel: "GGZ", omschrijving: "Jeugd-GGZ basis middel", eenheid: "82", tariefCent: 95_000, frequentie: .totaal, volume: 1...1, duur: 60...240, startsPerJaar: 1150, aanbieders: 25, verwijzers: arts),
        .init(code: "40A04", categorie: "40", perceel: "PV", omschrijving: "Persoonlijke verzorging regulier", eenheid: "04", tariefCent: 5_200, frequentie: .perWeek, volume: 2...6, duur: 90...720, startsPerJaar: 150, aanbieders: 8, verwijzers: wijk),
        .init(code: "43A05", categorie: "43", perceel: "PV", omschrijving: "Logeren", eenheid: "14", tariefCent: 18_500, frequentie: .perMaand, volume: 2...6, duur: 180...720, startsPerJaar: 90, aanbieders: 4, verwijzers: wijk),
        .init(code: "41A04", categorie: "41", perceel: "DAG", omschrijving: "Dagbehandeling specialistisch", eenheid: "16", tariefCent: 9_800, frequentie: .perWeek, volume: 3...8, duur: 120...540, startsPerJaar: 120, aanbieders: 5, verwijzers: arts),
        .init(code: "43A01", categorie: "43", perceel: "VBJ", omschrijving: "Jeugdhulp verblijf", eenheid: "14", tariefCent: 23_000, frequentie: .perDag, volume: 1...1, duur: 60...720, startsPerJaar: 140, aanbieders: 6, verwijzers: zwaar),
        .init(code: "43A03", categorie: "43", perceel: "OOV", omschrijving: "Pleegzorg", eenheid: "14", tariefCent: 6_200, frequentie: .perDag, volume: 1...1, duur: 180...1800, startsPerJaar: 90, aanbieders: 3, verwijzers: zwaar),
        .init(code: "43A04", categorie: "43", perceel: "OOV", omschrijving: "Gezinshuis", eenheid: "14", tariefCent: 17_500, frequentie: .perDag, volume: 1...1, duur: 365...1500, startsPerJaar: 15, aanbieders: 3, verwijzers: zwaar),
        .init(code: "46A03", categorie: "46", perceel: "CRI", omschrijving: "Jeugdhulp crisis verblijf", eenheid: "14", tariefCent: 42_000, frequentie: .perDag, volume: 1...1, duur: 7...42, startsPerJaar: 110, aanbieders: 3, verwijzers: zwaar),
        .init(code: "46A01", categorie: "46", perceel: "CRI", omschrijving: "Jeugdhulp crisis ambulant", eenheid: "04", tariefCent: 12_500, frequentie: .perWeek, volume: 4...8, duur: 14...56, startsPerJaar: 80, aanbieders: 2, verwijzers: zwaar),
        .init(code: "48A01", categorie: "48", perceel: "SAVE", omschrijving: "Ondertoezichtstelling", eenheid: "82", tariefCent: 56_000, frequentie: .perMaand, volume: 1...1, duur: 365...730, startsPerJaar: 200, aanbieders: 2, verwijzers: gi),
        .init(code: "47A01", categorie: "47", perceel: "SAVE", omschrijving: "Jeugdreclassering", eenheid: "82", tariefCent: 48_000, frequentie: .perMaand, volume: 1...1, duur: 180...365, startsPerJaar: 80, aanbieders: 2, verwijzers: gi),
        .init(code: "48A03", categorie: "48", perceel: "SAVE", omschrijving: "Voogdij", eenheid: "82", tariefCent: 43_000, frequentie: .perMaand, volume: 1...1, duur: 1000...3000, startsPerJaar: 25, aanbieders: 1, verwijzers: gi),
        .init(code: "43A13", categorie: "43", perceel: "EF", omschrijving: "Essentiële functie: JSLVG", eenheid: "14", tariefCent: 78_000, frequentie: .perDag, volume: 1...1, duur: 180...720, startsPerJaar: 6, aanbieders: 3, verwijzers: zwaar),
        .init(code: "44A42", categorie: "44", perceel: "HGGZ", omschrijving: "GGZ-verblijf hoogspecialistisch", eenheid: "14", tariefCent: 26_500, frequentie: .perDag, volume: 1...1, duur: 60...365, startsPerJaar: 40, aanbieders: 4, verwijzers: zwaar),
        .init(code: "53A05", categorie: "53", perceel: "HGGZ", omschrijving: "Hoogspecialistische GGZ-behandeling", eenheid: "82", tariefCent: 480_000, frequentie: .totaal, volume: 1...1, duur: 90...365, startsPerJaar: 500, aanbieders: 5, verwijzers: arts),
        .init(code: "45A02", categorie: "45", perceel: "LTA", omschrijving: "Landelijk ingekochte zorg (traject)", eenheid: "82", tariefCent: 1_100_000, frequentie: .totaal, volume: 1...1, duur: 180...540, startsPerJaar: 200, aanbieders: 8, verwijzers: arts),
    ]

    static let aanbiedersnamen = ["De Brug", "Eemland", "Kompas", "Horizon", "De Linde", "Vitaal", "Samen Sterk", "Lichtpunt",
                                  "Groeiplek", "De Waai", "Rondom", "Het Anker", "Zonnebloem", "Vlinder", "Kiem", "Stapsteen",
                                  "Eigenwijs", "Koers", "Bloei", "De Boog", "Veldzicht", "Talent", "Oase", "Wegwijs", "Spoor"]
    static let aanbiedersvormen = ["Jeugdhulp", "Praktijk", "Zorggroep", "GGZ", "Begeleiding", "Gezinshuis", "Orthopedagogen"]
}

extension Catalogus.Zorgsoort {
    /// Units of care in [van, tot] (within month `maand`) at `volume` per `frequentie`, used at `benutting` when the
    /// volume is a weekly maximum; 0 for output products, which are declared once, whole.
    func eenheden(van: Dag, tot: Dag, maand: Maand, volume: Int, benutting: Double) -> Int64 {
        let dagen = (tot - van) + 1
        switch frequentie {
        case .perDag: return Int64(dagen * volume)
        case .perWeek: return Int64((Double(volume * dagen) / 7 * benutting).rounded())
        case .perMaand: return Int64(max(1, (Double(volume * dagen) / Double(maand.aantalDagen)).rounded()))
        case .totaal: return 0
        }
    }
}
