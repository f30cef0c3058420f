import RegioCore

/// The inputs of the risk equalization from the registered data: per municipality its cost in the pooled lots (A), its
/// key weight and its client costs (for the high-cost pool). Built by `VerevendeKosten`, the same type the command
/// line's `verevening` uses, so the page, the API and the command agree to the cent (pooling rules per year included).
extension Cijferbron {
    func vereveningsinvoer(jaar: Int, sleutel: VereveningSleutel) throws -> [VereveningInvoer] {
        try figuur("vi|\(jaar)|\(sleutel.rawValue)") { g in
            try verevendeKosten(jaar: jaar, sleutel: sleutel).invoer(jaar: jaar, sleutel: sleutel, gemeentecijfers: g.gemeentecijfers)
        }
    }

    /// The pooled cost of `jaar` and, for a key that looks back, the years before it.
    private func verevendeKosten(jaar: Int, sleutel: VereveningSleutel) throws -> VerevendeKosten {
        let vanaf = sleutel.kijktTerug ? VereveningSleutel.gebruiksjaren(voor: jaar).lowerBound : jaar
        return try figuur("vk|\(vanaf)|\(jaar)") { g in
            if let sommen = try sommen() { return VerevendeKosten(g, sommen: sommen, jaren: vanaf...jaar) }
            return VerevendeKosten(try volledigeGegevens(), jaren: vanaf...jaar)
        }
    }

    /// What is pooled in each year: verevend = ja/nee per lot, and the rules of the kind `verevening`.
    func vereveningsregels() throws -> Vereveningsregels { try figuur("vr") { Vereveningsregels($0) } }
}
