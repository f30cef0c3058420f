import RegioCore
import RegioUitvoer

/// What the API answers, as `Encodable` values encoded by `JSONUitvoer` (the same encoder as the command line).

/// An error: {"fout": "...", "status": 404}.
struct Foutjson: Encodable {
    let status: Int
    let fout: String
}

/// A page: {"kerncijfers": [...], "parameters": {...}, "tabellen": {"id": [ {kolom: waarde} ]}, "titel": "..."}.
struct Paginajson: Encodable {
    struct Kerncijfer: Encodable {
        let label: String
        let waarde: String
        /// The value for machines; null (not left out) where the tile shows no number.
        let getal: String?
        let toelichting: String

        enum CodingKeys: CodingKey { case label, waarde, getal, toelichting }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(label, forKey: .label)
            try c.encode(waarde, forKey: .waarde)
            try c.encode(getal, forKey: .getal)
            try c.encode(toelichting, forKey: .toelichting)
        }
    }

    let titel: String
    let parameters: [String: String]
    let kerncijfers: [Kerncijfer]
    let tabellen: [String: TabelJSON]

    init(_ p: Pagina, parameters: [String: String]) {
        titel = p.titel
        self.parameters = parameters.filter { $0.key != "csv" && $0.key != "format" }
        kerncijfers = p.tegels.map { Kerncijfer(label: $0.label, waarde: $0.waarde, getal: $0.getal, toelichting: $0.toelichting) }
        // a page's table ids are unique (`Pagina.voeg`); should two ever meet, the first is kept, as a reader would
        tabellen = Dictionary(p.tabellen.map { ($0.id, TabelJSON($0.tabel)) }, uniquingKeysWith: { eerste, _ in eerste })
    }
}
