import RegioStore

/// The canonical CSV kinds (docs/importformaten.md) with their required and optional columns.
extension Soort {
    var verplicht: [String] {
        switch self {
        case .gemeenten: ["gemeentecode", "naam"]
        case .gemeentecijfers: ["gemeentecode", "jaar", "inwoners", "jeugdigen", "macrobudget_jeugd"]
        case .percelen: ["perceel", "naam", "segment", "verevend"]
        case .producten: ["productcode", "productcategorie", "perceel"]
        case .aanbieders: ["agb", "naam"]
        case .budgetten: ["jaar", "gemeentecode", "perceel", "budget"]
        case .normbudgetten: ["agb", "jaar", "normbudget"]
        case .verzoeken: ["verzoeknummer", "gemeentecode", "agb", "productcategorie", "ingangsdatum", "ontvangen_op"]
        case .toewijzingen: ["toewijzingnummer", "gemeentecode", "agb", "productcategorie", "ingangsdatum", "toewijzingsdatum"]
        case .declaraties: ["declaratienummer", "referentienummer", "toewijzingnummer", "gemeentecode", "agb",
                            "productcategorie", "begindatum", "einddatum", "bedrag", "ingediend_op"]
        case .verevening: ["jaar", "perceel", "aandeel"]
        case .kosten: ["jaar", "gemeentecode", "perceel", "bedrag"]
        case .contracten: ["jaar", "perceel", "agb", "bekostiging", "contractsom"]
        case .betalingen: ["datum", "agb", "perceel", "bedrag"]
        case .productie: ["periode", "agb", "perceel", "gemeentecode", "clienten"]
        }
    }

    var optioneel: [String] {
        switch self {
        case .gemeenten, .aanbieders: []
        case .budgetten: ["versie", "vastgesteld_op"]
        case .normbudgetten: ["perceel"]
        case .gemeentecijfers: ["ses", "wijkteam_fte", "eenoudergezinnen", "lage_inkomens"]
        case .percelen: ["bekostiging"]
        case .producten: ["omschrijving", "eenheid", "tarief", "jaar"]
        case .verzoeken: ["clientnummer", "bsn", "productcode", "einddatum", "volume", "eenheid", "frequentie",
                          "verwijzer_type", "verwijzer_naam", "geboortedatum"]
        case .toewijzingen: ["clientnummer", "bsn", "productcode", "einddatum", "volume", "eenheid", "frequentie", "budget",
                             "verwijzer_type", "verwijzer_naam", "verzoeknummer", "geboortedatum", "reden_wijziging"]
        case .declaraties: ["clientnummer", "bsn", "productcode", "volume", "eenheid", "tarief", "debet_credit", "status", "geboekt_op"]
        case .verevening: ["productcode"]
        case .kosten: ["clienten"]
        case .contracten: ["gemeentecode", "betaalritme"]
        case .betalingen: ["gemeentecode", "kenmerk"]
        case .productie: ["trajecten", "uren"]
        }
    }

    var heeftClient: Bool { self == .verzoeken || self == .toewijzingen || self == .declaraties }

    /// Recognises the kind from a header: the kind whose required columns are all present, the most specific first.
    static func herken(_ kolommen: Set<String>) -> Soort? {
        let kandidaten = Soort.allCases.filter { s in
            s.verplicht.allSatisfy(kolommen.contains) && (!s.heeftClient || kolommen.contains("bsn") || kolommen.contains("clientnummer"))
        }
        // prefer the kind that explains most columns, then the one with most required columns
        return kandidaten.max { a, b in
            let ua = kolommen.subtracting(a.verplicht + a.optioneel).count, ub = kolommen.subtracting(b.verplicht + b.optioneel).count
            return ua != ub ? ua > ub : a.verplicht.count < b.verplicht.count
        }
    }
}

func normaliseerKolom(_ s: String) -> String {
    String(s.trimmingCharacters(in: " \t\u{feff}").lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
}

extension String {
    func trimmingCharacters(in tekens: String) -> String {
        // nearly every cell has nothing to trim: space, tab and the bytes that begin or end a no-break space
        if let a = utf8.first, let z = utf8.last, a != 0x20, a != 0x09, a != 0xC2, z != 0x20, z != 0x09, z != 0xA0 { return self }
        let set = Set(tekens)
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
