import RegioCore

/// The inputs of the risk equalization from the registered data: per municipality its declared cost in the pooled
/// lots (A), its key weight and its client costs (for the high-cost pool).
extension Cijferbron {
    func vereveningsinvoer(jaar: Int, sleutel: VereveningSleutel) throws -> [VereveningInvoer] {
        try figuur("vi|\(jaar)|\(sleutel.rawValue)") { g in
            let codes = g.gemeenten.map(\.code).sorted()
            func kosten(_ j: Int) throws -> [String: Euro] {
                let k = try kengetallen(jaar: j, per: .gemeente, Cijferselectie(alleenVerevend: true))
                return Dictionary(k.groepen.map { ($0.groep, $0.gedeclareerd) }, uniquingKeysWith: { a, _ in a })
            }
            let eigen = try kosten(jaar)
            var perJaar: [Int: [String: Euro]] = [jaar: eigen]
            if sleutel.kijktTerug {
                for j in VereveningSleutel.gebruiksjaren(voor: jaar) where j != jaar { perJaar[j] = try kosten(j) }
            }
            let gewichten = try sleutel.gewichten(jaar: jaar, gemeentecodes: codes, gemeentecijfers: g.gemeentecijfers,
                                                  kostenPerJaar: perJaar)
            return try codes.map { code in
                let clienten = try clientoverzicht(jaar: jaar, Cijferselectie(gemeente: code, alleenVerevend: true))
                return VereveningInvoer(gemeentecode: code, eigenKosten: eigen[code] ?? .nul, sleutelgewicht: gewichten[code] ?? 0,
                                        clientkosten: clienten.map(\.gedeclareerd).filter { $0 != .nul })
            }
        }
    }
}
