/// What each signal rule means for the people who act on it: a short name, why it matters in money, and what to do.
/// Shown on the rules page, on every signal's page and by `signalen --regels`.
public struct Signaaluitleg: Sendable {
    /// A name in words, for lists ("Hoge kosten cliënt" instead of KOSTEN-HOOG).
    public let naam: String
    /// Why it matters, in money.
    public let waarom: String
    /// What to do with a signal of this rule.
    public let actie: String

    public static func voor(_ code: String) -> Signaaluitleg {
        alle[code] ?? Signaaluitleg(naam: code, waarom: "", actie: "Bekijk de cliënt en de toelichting.")
    }

    public static let alle: [String: Signaaluitleg] = [
        "KOSTEN-HOOG": .init(
            naam: "Hoge kosten cliënt",
            waarom: "Een paar cliënten maken een groot deel van de kosten; één cliënt boven de drempel kost vaak meer dan een heel perceel van een kleine gemeente.",
            actie: "Bespreek de cliënt met de casusregisseur of het wijkteam: past de zorg nog, is er een goedkoper of beter alternatief, valt de cliënt onder de risicodeling van de regio?"),
        "KOSTEN-PERSISTENT": .init(
            naam: "Langdurig hoge kosten",
            waarom: "Een cliënt die jaren boven de drempel blijft, bepaalt een vast deel van de begroting; het is ook het criterium voor de risicodeling.",
            actie: "Toets het perspectief van de zorg (afschaling, andere vorm) en meld de cliënt voor de risicodeling als de regio die afspraak heeft."),
        "VERPLICHTING-HOOG": .init(
            naam: "Hoge verwachte kosten",
            waarom: "De lopende toewijzingen leggen kosten vast voor het komende jaar: wat hier staat, komt in de prognose.",
            actie: "Controleer of omvang en duur van de toewijzingen kloppen met wat nodig is, vóór de zorg wordt gedeclareerd."),
        "VERSNELLING": .init(
            naam: "Sterke stijging maandkosten",
            waarom: "Een plotselinge stijging is vaak een nieuwe dure plaatsing of een declaratiefout; vroeg gezien is het nog bij te sturen.",
            actie: "Vraag de aanbieder wat er veranderd is en kijk of er een nieuwe toewijzing of een crisisplaatsing achter zit."),
        "UITNUTTING": .init(
            naam: "Uitnutting buiten de marge",
            waarom: "Veel meer gedeclareerd dan toegewezen is geld zonder afspraak; veel minder betekent te ruime toewijzingen die de verplichting opblazen.",
            actie: "Boven 110%: vraag de aanbieder om uitleg of corrigeer. Onder 50%: stel de toewijzing bij zodat verplichting en prognose kloppen."),
        "DUUR": .init(
            naam: "Zorg langer dan de norm",
            waarom: "Zorg die langer loopt dan bedoeld (crisis langer dan vier weken) is duur en vaak niet meer de juiste zorg.",
            actie: "Vraag naar het perspectief en de vervolgzorg; beëindig of zet om naar de passende vorm."),
        "STAPELING": .init(
            naam: "Stapeling van zorg",
            waarom: "Vier of meer toewijzingen tegelijk tellen op tot hoge kosten en wijzen op zorg die niet op elkaar is afgestemd.",
            actie: "Laat één regisseur kijken of de toewijzingen samen nodig zijn en of er één aanbieder kan coördineren."),
        "VOT-LAAT": .init(
            naam: "Laat verzoek om toewijzing",
            waarom: "Zorg die met terugwerkende kracht wordt aangevraagd, is al geleverd zonder dat de gemeente het wist: de kosten komen later en onverwacht.",
            actie: "Wijs toe als de zorg terecht was en spreek de aanbieder aan op de termijn (zie Signalen, per aanbieder)."),
        "VOT-ALARM": .init(
            naam: "Zeer laat verzoek",
            waarom: "Meer dan een half jaar terugwerkende kracht: kosten die in de begroting van dit jaar vallen maar nergens zichtbaar waren.",
            actie: "Beoordeel het verzoek apart en neem de aanbieder mee in het contractgesprek; reken de kosten mee in de prognose."),
        "ANTWOORD-LAAT": .init(
            naam: "Laat antwoord van de gemeente",
            waarom: "Een verzoek zonder tijdig antwoord houdt zorg op, of laat de aanbieder starten zonder toewijzing.",
            actie: "Beantwoord het verzoek (JW301 toewijzing of afwijzing) binnen vijf werkdagen."),
        "DECL-ZONDER": .init(
            naam: "Declaratie zonder passende toewijzing",
            waarom: "Geld dat wordt betaald zonder dat er zorg voor is toegewezen.",
            actie: "Keur de declaratie af of vraag de aanbieder om de juiste toewijzing te noemen; betaal pas na controle."),
        "DECL-PERIODE": .init(
            naam: "Declaratie buiten de toewijzingsperiode",
            waarom: "Zorg gedeclareerd voor dagen waarvoor niets is toegewezen.",
            actie: "Vraag de aanbieder om een correctie, of verleng de toewijzing als de zorg terecht doorliep."),
        "DECL-DUBBEL": .init(
            naam: "Dubbele declaratie",
            waarom: "Dezelfde zorg twee keer betaald: het bedrag in het signaal is wat te veel is gedeclareerd.",
            actie: "Vraag de aanbieder(s) om crediteren van het dubbele deel en houd het bedrag in tot het is gecorrigeerd."),
    ]
}
