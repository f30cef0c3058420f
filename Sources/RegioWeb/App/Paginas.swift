/// Every page of the dashboard with its API twin. New pages (signals, forecast, report) plug in here.
enum Paginalijst {
    static let alle: [Paginadefinitie] = [
        Paginadefinitie(pad: "/", api: "/api/v1/overzicht", omschrijving: "Regio-overzicht: per maand, per gemeente en per perceel tegen budget.",
                        bouw: Overzicht.pagina),
        Paginadefinitie(pad: "/gemeente/:code", api: "/api/v1/gemeente/:code", parameters: ["code"],
                        omschrijving: "Eén gemeente: per perceel tegen budget, per maand, verwijzers, aanbieders.", bouw: GemeentePagina.pagina),
        Paginadefinitie(pad: "/gemeente/:code/clienten", api: "/api/v1/gemeente/:code/clienten", parameters: ["code"],
                        omschrijving: "Cliënten van een gemeente op kosten (cliëntgegevens: regio en de eigen gemeente; inzage wordt gelogd).",
                        bouw: ClientenPagina.pagina),
        Paginadefinitie(pad: "/client/:id", api: "/api/v1/client/:id", parameters: ["id"],
                        omschrijving: "Toewijzingen en declaraties van één cliënt (cliëntgegevens; inzage wordt gelogd).", queryparameters: [],
                        bouw: ClientPagina.pagina),
        Paginadefinitie(pad: "/percelen", api: "/api/v1/percelen", omschrijving: "Per perceel tegen budget.", bouw: PercelenPagina.pagina),
        Paginadefinitie(pad: "/percelen/:code", api: "/api/v1/percelen/:code", parameters: ["code"],
                        omschrijving: "Eén perceel: per gemeente, per aanbieder, per maand.", bouw: PercelenPagina.detail),
        Paginadefinitie(pad: "/aanbieders", api: "/api/v1/aanbieders", omschrijving: "Per aanbieder, optioneel binnen één perceel.",
                        queryparameters: ["jaar", "perceel"], bouw: AanbiedersPagina.pagina),
        Paginadefinitie(pad: "/aanbieders/:agb", api: "/api/v1/aanbieders/:agb", parameters: ["agb"],
                        omschrijving: "Eén aanbieder: per perceel, per gemeente, per maand.", bouw: AanbiedersPagina.detail),
        Paginadefinitie(pad: "/verevening", api: "/api/v1/verevening", omschrijving: "Risicoverevening: scenario's naast elkaar.",
                        queryparameters: ["jaar", "tot", "sleutel", "scenario"], bouw: VereveningPagina.pagina),
        Paginadefinitie(pad: "/benchmark", api: "/api/v1/benchmark", omschrijving: "Gemeenten vergeleken: per jeugdige, per inwoner, verwijzersmix.",
                        bouw: BenchmarkPagina.pagina),
        Paginadefinitie(pad: "/signalen", api: "/api/v1/signalen", cache: false, omschrijving: "Signalen.", bouw: SignalenPagina.pagina),
        Paginadefinitie(pad: "/prognose", api: "/api/v1/prognose", omschrijving: "Jaarprognose per gemeente en perceel.", bouw: PrognosePagina.pagina),
    ]
}
