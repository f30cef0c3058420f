/// Levering: care that actually started (JW305, start zorg) under an allocation, and possibly stopped (JW307, stop zorg).
/// iJw identifies it by allocation and start day; a temporary stop (reden 20) and a later restart are two deliveries.
public struct Levering: Hashable, Sendable, Codable {
    public var toewijzingnummer: String
    public var begindatum: Dag
    public var client: ClientID
    public var gemeentecode: String
    public var agb: String
    public var productcategorie: String
    public var productcode: String?
    /// Last day of care, from the stop message; nil while care continues.
    public var einddatum: Dag?
    /// JZ588 reden beëindiging (20 = temporarily stopped).
    public var redenBeeindiging: String?
    /// Dagtekening of the start message: when the region learned that care started.
    public var gestartOp: Dag
    /// Dagtekening of the stop message.
    public var gestoptOp: Dag?

    public init(toewijzingnummer: String, begindatum: Dag, client: ClientID, gemeentecode: String, agb: String,
                productcategorie: String, productcode: String? = nil, einddatum: Dag? = nil, redenBeeindiging: String? = nil,
                gestartOp: Dag, gestoptOp: Dag? = nil) {
        self.toewijzingnummer = toewijzingnummer; self.begindatum = begindatum; self.client = client
        self.gemeentecode = gemeentecode; self.agb = agb; self.productcategorie = productcategorie
        self.productcode = productcode; self.einddatum = einddatum; self.redenBeeindiging = redenBeeindiging
        self.gestartOp = gestartOp; self.gestoptOp = gestoptOp
    }

    public var periode: Periode { Periode(van: begindatum, tot: einddatum) }
    public var isGestopt: Bool { einddatum != nil }
}
