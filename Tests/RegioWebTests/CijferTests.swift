import Foundation
import Hummingbird
import HummingbirdTesting
import RegioCore
import RegioStore
import Testing
@testable import RegioWeb

/// The figures on the pages against the hand count in `Webregio`.
@Suite struct CijferTests {
    /// The rows of one CSV download, by their first column.
    static func csvRijen(_ tekst: String) -> (kop: [String], rijen: [String: [String]]) {
        let regels = tekst.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var rijen: [String: [String]] = [:]
        for r in regels.dropFirst() { rijen[r[0]] = r }
        return (regels.first ?? [], rijen)
    }

    @Test func overzichtPerGemeenteTeltOp() async throws {
        try await Webregio().app().test(.router) { c in
            let s = try await Web.sessie(c, "regio")
            let pagina = try await Web.get(c, "/?jaar=2019", s)
            let html = Web.tekst(pagina)
            let ids = html.components(separatedBy: "?jaar=2019&amp;csv=").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                .filter { !$0.contains("&") }
            let id = try #require(ids.first { $0.contains("gemeente") }, "CSV-koppeling van de gemeentetabel: \(ids)")
            // beside each CSV link an Excel link
            #expect(html.contains("?jaar=2019&amp;csv=\(id)&amp;format=xlsx\""))
            let csv = try await Web.get(c, "/?jaar=2019&csv=\(id)&format=csv", s)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.headers[.contentDisposition]?.contains("attachment") == true)
            let (kop, rijen) = Self.csvRijen(Web.tekst(csv))
            let k = try #require(kop.firstIndex(of: "gedeclareerd")), cl = try #require(kop.firstIndex(of: "unieke_clienten"))
            #expect(rijen["0307"]?[k] == "8130.00" && rijen["0308"]?[k] == "6440.00")
            #expect(rijen["totaal"]?[k] == "14570.00")
            #expect(rijen["0307"]?[cl] == "2" && rijen["0308"]?[cl] == "1" && rijen["totaal"]?[cl] == "3")
            // Baarn is over its budget of 5.000 by 1.440: the page says so
            #expect(html.contains("Baarn"))
            let b = try #require(kop.firstIndex(of: "budget"))
            #expect(rijen["0308"]?[b] == "5000.00" && rijen["0307"]?[b] == "15000.00" && rijen["totaal"]?[b] == "20000.00")
        }
    }

    static func maanden(_ r: TestResponse) throws -> [String: [String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
        let tabellen = try #require(json["tabellen"] as? [String: [[String: Any]]])
        return Dictionary(uniqueKeysWithValues: try #require(tabellen["per_maand"]).map { ($0["maand"] as? String ?? "", $0) })
    }

    static func getal(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue }

    @Test func apiGeeftDezelfdeCijfers() async throws {
        try await Webregio().app().test(.router) { c in
            let s = try await Web.sessie(c, "regio")
            let a = try await Web.get(c, "/api/v1/overzicht?jaar=2019", s)
            #expect(a.headers[.contentType]?.hasPrefix("application/json") == true)
            let m = try Self.maanden(a)
            // January 1.000, February 6.440, March 7.130, nothing after; cumulative 1.000, 7.440, 14.570
            #expect(Self.getal(m["2019-01"]?["gedeclareerd"]) == 1000 && Self.getal(m["2019-02"]?["gedeclareerd"]) == 6440)
            #expect(Self.getal(m["2019-03"]?["gedeclareerd"]) == 7130 && Self.getal(m["2019-12"]?["gedeclareerd"]) == 0)
            #expect(Self.getal(m["2019-03"]?["gedeclareerd_cumulatief"]) == 14570 && Self.getal(m["2019-12"]?["gedeclareerd_cumulatief"]) == 14570)
            // the 20.000 budget in twelfths: 1.666,67 for the first eight months, 1.666,66 after (largest remainder)
            #expect(Self.getal(m["2019-12"]?["budget_cumulatief"]) == 20000)
            let openapi = try await Web.get(c, "/api/openapi.json", nil)
            let spec = try #require(try JSONSerialization.jsonObject(with: Data(buffer: openapi.body)) as? [String: Any])
            #expect((spec["openapi"] as? String)?.hasPrefix("3.") == true)
            #expect((spec["paths"] as? [String: Any])?["/api/v1/overzicht"] != nil)
        }
    }

    @Test func raadKrijgtKleineAantallenNiet() async throws {
        try await Webregio().app().test(.router) { c in
            let s = try await Web.sessie(c, "raad")
            let m = try Self.maanden(try await Web.get(c, "/api/v1/overzicht?jaar=2019", s))
            // one client a month: neither the amount, nor a running total that would give it away by difference
            for maand in ["2019-01", "2019-02", "2019-03"] {
                #expect(m[maand]?["gedeclareerd"] is NSNull && m[maand]?["gedeclareerd_cumulatief"] is NSNull, "\(maand)")
                #expect(m[maand]?["verschil_cumulatief"] is NSNull, "\(maand)")
            }
            #expect(m["2019-12"]?["gedeclareerd_cumulatief"] is NSNull)
        }
    }

    @Test func raadZietGeenClientnummers() async throws {
        try await Webregio().app().test(.router) { c in
            let s = try await Web.sessie(c, "raad")
            for pad in ["/", "/gemeente/0307?jaar=2019", "/gemeente/0308?jaar=2019", "/percelen/VBJ", "/aanbieders/75000002", "/signalen", "/benchmark"] {
                let html = Web.tekst(try await Web.get(c, pad, s))
                #expect(!html.contains("C1") && !html.contains("C2") && !html.contains("C3"), "\(pad)")
                #expect(!html.contains("/client/"), "\(pad)")
            }
        }
    }
}

@Suite struct InzageTests {
    @Test func clientgegevensWordenGelogd() async throws {
        let regio = try Webregio()
        try await regio.app().test(.router) { c in
            let a = try await Web.sessie(c, "amersfoort")
            #expect(try await Web.get(c, "/client/C1", a).status == .ok)
            #expect(try await Web.get(c, "/gemeente/0307/clienten?jaar=2019", a).status == .ok)
            // forbidden views show nothing and log nothing
            #expect(try await Web.get(c, "/client/C2", a).status == .forbidden)
            // aggregate pages are not client-level data
            #expect(try await Web.get(c, "/", a).status == .ok)
            let log = try regio.store.inzagelog(limiet: 100)
            #expect(log.count == 2)
            #expect(log.allSatisfy { $0.gebruiker == "amersfoort" && $0.gemeentecode == "0307" && $0.rol == "gemeente:0307" })
            #expect(log.contains { $0.wat.contains("C1") && $0.pad == "/client/C1" })
            // the region reads the log; a municipality may not
            let r = try await Web.sessie(c, "regio")
            let pagina = Web.tekst(try await Web.get(c, "/inzagelog", r))
            #expect(pagina.contains("amersfoort") && pagina.contains("/client/C1"))
            #expect(try await Web.get(c, "/inzagelog", a).status == .forbidden)
        }
    }
}

@Suite struct SignaalpaginaTests {
    @Test func bijwerkenMarkerenEnRechten() async throws {
        let regio = try Webregio()
        try await regio.app().test(.router) { c in
            let r = try await Web.sessie(c, "regio"), a = try await Web.sessie(c, "amersfoort"), raad = try await Web.sessie(c, "raad")
            // without the form token nothing runs
            #expect(try await Web.post(c, "/signalen/bijwerken", r, [("csrf", "fout")]).status == .forbidden)
            #expect(try regio.store.signalen().isEmpty)
            // a municipality may not run the rules
            #expect(try await Web.post(c, "/signalen/bijwerken", a, [("csrf", a.csrf)]).status == .forbidden)
            #expect(try await Web.post(c, "/signalen/bijwerken", r, [("csrf", r.csrf)]).status == .seeOther)
            let signalen = try regio.store.signalen()
            let v1 = try #require(signalen.first { $0.signaal.regel == "VOT-LAAT" && $0.signaal.gemeentecode == "0307" })
            let v2 = try #require(signalen.first { $0.signaal.regel == "VOT-ALARM" && $0.signaal.gemeentecode == "0308" })

            // Amersfoort sees only its own signals
            let lijst = Web.tekst(try await Web.get(c, "/signalen?status=alle", a))
            #expect(lijst.contains("/signalen/\(v1.id)\"") && !lijst.contains("/signalen/\(v2.id)\""))
            #expect(try await Web.get(c, "/signalen/\(v2.id)", a).status == .forbidden)
            #expect(try await Web.post(c, "/signalen/\(v2.id)", a, [("csrf", a.csrf), ("status", "gezien")]).status == .forbidden)

            // marking: seen by another user at once
            let m = try await Web.post(c, "/signalen/\(v1.id)", a, [("csrf", a.csrf), ("status", "gezien"), ("notitie", "besproken met aanbieder")])
            #expect(m.status == .seeOther)
            let detail = Web.tekst(try await Web.get(c, "/signalen/\(v1.id)", r))
            #expect(detail.contains("besproken met aanbieder") && detail.contains("amersfoort"))
            #expect(try regio.store.signalen().first { $0.id == v1.id }?.status == .gezien)
            #expect(try await Web.post(c, "/signalen/\(v1.id)", a, [("status", "afgehandeld")]).status == .forbidden)

            // the municipality page counts its open signals (counted once for all municipalities), and a change of
            // status shows there at once
            func open0307() throws -> Int { try regio.store.signalen().filter { $0.isOpen && $0.signaal.gemeentecode == "0307" }.count }
            let n = try open0307()
            #expect(n > 1)
            #expect(Web.tekst(try await Web.get(c, "/gemeente/0307", r)).contains(">\(n) open signalen<"))
            #expect(try await Web.post(c, "/signalen/\(v1.id)", r, [("csrf", r.csrf), ("status", "afgehandeld")]).status == .seeOther)
            #expect(try open0307() == n - 1)
            #expect(Web.tekst(try await Web.get(c, "/gemeente/0307", r)).contains(">\(n - 1) open signalen<"))

            // the council: counts only, no signal pages
            let raadlijst = Web.tekst(try await Web.get(c, "/signalen", raad))
            #expect(!raadlijst.contains("/signalen/\(v1.id)\"") && !raadlijst.contains("C1"))
            #expect(try await Web.get(c, "/signalen/\(v1.id)", raad).status == .forbidden)
        }
    }
}

@Suite struct SignalenlijstTests {
    /// The list shows a page of the signals in list order (API and HTML), the CSV download all of them.
    @Test func lijstInPaginas() async throws {
        let regio = try Webregio()
        try await regio.app().test(.router) { c in
            let r = try await Web.sessie(c, "regio")
            #expect(try await Web.post(c, "/signalen/bijwerken", r, [("csrf", r.csrf)]).status == .seeOther)
            let alle = Signaalweergave.gesorteerd(try regio.store.signalen())
            #expect(alle.count >= 5)
            func ids(_ pad: String) async throws -> [Int64] {
                Web.tekst(try await Web.get(c, pad, r)).components(separatedBy: "href=\"/signalen/").dropFirst()
                    .compactMap { Int64($0.prefix { $0 != "\"" }) }
            }
            #expect(try await ids("/signalen?status=alle&aantal=2") == alle.prefix(2).map(\.id))
            #expect(try await ids("/signalen?status=alle&aantal=2&pagina=2") == alle.dropFirst(2).prefix(2).map(\.id))
            let laatste = (alle.count + 1) / 2
            #expect(try await ids("/signalen?status=alle&aantal=2&pagina=\(laatste)") == alle.dropFirst(2 * (laatste - 1)).map(\.id))
            #expect(try await Web.get(c, "/signalen?status=alle&aantal=2&pagina=\(laatste + 1)", r).status == .badRequest)
            // the page links keep the selection and reach the last page; the first page has no way back, the last no further
            let eersteBlad = Web.tekst(try await Web.get(c, "/signalen?status=alle&aantal=2", r))
            #expect(eersteBlad.contains("href=\"/signalen?status=alle&amp;aantal=2&amp;pagina=2\">volgende ›</a>"))
            #expect(eersteBlad.contains("href=\"/signalen?status=alle&amp;aantal=2&amp;pagina=\(laatste)\">laatste »</a>"))
            #expect(!eersteBlad.contains("‹ vorige") && eersteBlad.contains("pagina 1 van \(laatste)"))
            let laatsteBlad = Web.tekst(try await Web.get(c, "/signalen?status=alle&aantal=2&pagina=\(laatste)", r))
            #expect(laatsteBlad.contains("pagina=\(laatste - 1)\">‹ vorige</a>") && !laatsteBlad.contains("volgende ›"))
            // the audit log records the rows shown, not the whole list
            let log = try regio.store.inzagelog(limiet: 1)
            #expect(log.first?.wat == "signalenlijst (\(alle.count - 2 * (laatste - 1)) van \(alle.count) signalen)", "\(log)")
            #expect(try await Web.get(c, "/signalen?aantal=0", r).status == .badRequest)
            #expect(try await Web.get(c, "/signalen?aantal=1001", r).status == .badRequest)
            let csv = Web.tekst(try await Web.get(c, "/signalen?status=alle&aantal=2&csv=signalen&format=csv", r))
            #expect(csv.split(separator: "\n").count == alle.count + 1)
            let json = Web.tekst(try await Web.get(c, "/api/v1/signalen?status=alle&aantal=3", r))
            #expect(json.components(separatedBy: "\"regel\":").count - 1 == 3 + Set(alle.map(\.signaal.regel)).count)
            // the list of a filter is kept until the signals change: a signal closed drops out of the open list at once
            let open = try await ids("/signalen")
            let eerste = try #require(open.first)
            #expect(try await Web.post(c, "/signalen/\(eerste)", r, [("csrf", r.csrf), ("status", "afgehandeld")]).status == .seeOther)
            #expect(try await ids("/signalen") == Array(open.dropFirst()))
            #expect(try await ids("/signalen?status=afgehandeld") == [eerste])
        }
    }
}

@Suite struct ImportpaginaTests {
    static func multipart(_ naam: String, _ inhoud: String, csrf: String) -> (String, ByteBuffer) {
        let grens = "----proefgrens"
        let body = "--\(grens)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
            + "--\(grens)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"\(naam)\"\r\nContent-Type: text/csv\r\n\r\n\(inhoud)\r\n"
            + "--\(grens)--\r\n"
        return ("multipart/form-data; boundary=\(grens)", ByteBuffer(string: body))
    }

    @Test func uploadMetFoutImporteertNietsEnToontDeRegel() async throws {
        let regio = try Webregio()
        try await regio.app().test(.router) { c in
            let r = try await Web.sessie(c, "regio")
            let (type, body) = Self.multipart("aanbieders.csv", "agb,naam\n75000003,Nieuw BV\n7500000X,Fout BV\n", csrf: r.csrf)
            let a = try await c.execute(uri: "/import", method: .post, headers: [.cookie: r.cookie, .contentType: type], body: body)
            #expect(a.status == .seeOther)
            let verslag = Web.tekst(try await Web.get(c, "/import/verslag", r))
            #expect(verslag.contains("aanbieders.csv") && verslag.contains(">3<"))  // line 3 holds the bad code
            #expect(try regio.store.aantal(.aanbieders) == 2)

            let (type2, body2) = Self.multipart("aanbieders.csv", "agb,naam\n75000003,Nieuw BV\n", csrf: r.csrf)
            _ = try await c.execute(uri: "/import", method: .post, headers: [.cookie: r.cookie, .contentType: type2], body: body2)
            #expect(try regio.store.aantal(.aanbieders) == 3)
            // a new provider shows on the providers page at once (the figures are reloaded after an import)
            #expect(Web.tekst(try await Web.get(c, "/import", r)).contains("aanbieders.csv"))

            let a2 = try await Web.sessie(c, "amersfoort")
            let (type3, body3) = Self.multipart("aanbieders.csv", "agb,naam\n75000004,Nog een BV\n", csrf: a2.csrf)
            let verboden = try await c.execute(uri: "/import", method: .post, headers: [.cookie: a2.cookie, .contentType: type3], body: body3)
            #expect(verboden.status == .forbidden)
            #expect(try regio.store.aantal(.aanbieders) == 3)
        }
    }
}

@Suite struct FormulierTests {
    /// The file name of an upload part: quotes respected (a ';' inside is part of the name), any folder dropped.
    @Test func bestandsnaamUitDeKop() {
        #expect(Kopparameters.waarde("filename", in: "form-data; name=\"bestand\"; filename=\"a;b=c.csv\"") == "a;b=c.csv")
        #expect(Kopparameters.waarde("name", in: "form-data; name=\"bestand\"; filename=\"a;b=c.csv\"") == "bestand")
        #expect(Kopparameters.waarde("filename", in: "form-data; name=\"csrf\"") == nil)
        #expect(Kopparameters.waarde("boundary", in: "multipart/form-data; boundary=----proefgrens") == "----proefgrens")
        #expect(Kopparameters.waarde("boundary", in: "multipart/form-data; boundary=\"a b\"; charset=utf-8") == "a b")
    }

    /// A path in the browser's file name (old browsers sent C:\...) is not part of the name the import shows.
    @Test func uploadZonderMapInDeNaam() async throws {
        let regio = try Webregio()
        try await regio.app().test(.router) { c in
            let r = try await Web.sessie(c, "regio")
            let (type, body) = ImportpaginaTests.multipart("C:\\Users\\anna\\aanbieders.csv", "agb,naam\n75000003,Nieuw BV\n", csrf: r.csrf)
            #expect(try await c.execute(uri: "/import", method: .post, headers: [.cookie: r.cookie, .contentType: type], body: body).status == .seeOther)
            #expect(try regio.store.importlog().first?.bestand == "aanbieders.csv")
            #expect(try regio.store.aantal(.aanbieders) == 3)
        }
    }
}

@Suite struct IJWUploadTests {
    /// The example JW315 of the iJw package holds 2027-06-31: the message is refused with its element path, and the
    /// report says so; nothing is written.
    @Test func voorbeeldJW315MetNietBestaandeDatum() async throws {
        let pad = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/ijw/voorbeeldberichten/JW315.xml").path
        let xml = try String(contentsOfFile: pad, encoding: .utf8)
        let regio = try Webregio()
        try await regio.app().test(.router) { c in
            let r = try await Web.sessie(c, "regio")
            let (type, body) = ImportpaginaTests.multipart("JW315.xml", xml, csrf: r.csrf)
            let a = try await c.execute(uri: "/import", method: .post, headers: [.cookie: r.cookie, .contentType: type], body: body)
            #expect(a.status == .seeOther)
            let verslag = Web.tekst(try await Web.get(c, "/import/verslag", r))
            #expect(verslag.contains("JW315.xml") && verslag.contains("geweigerd"))
            #expect(verslag.contains("2027-06-31") && verslag.contains("ToewijzingEinddatum"))
            #expect(try regio.store.aantal(.verzoeken) == 2)
        }
    }
}

@Suite struct ClientenlijstTests {
    /// The client list shows a page of the clients in cost order (API and HTML); the CSV download has them all, and
    /// they add up to the municipality's declared cost (8.130 for Amersfoort, counted by hand in `Webregio`).
    @Test func lijstInPaginas() async throws {
        try await Webregio().app().test(.router) { c in
            let r = try await Web.sessie(c, "regio")
            let pad = "/gemeente/0307/clienten?jaar=2019"
            let csv = Web.tekst(try await Web.get(c, pad + "&aantal=1&csv=clienten&format=csv", r)).split(separator: "\n")
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let g = try #require(csv.first?.firstIndex(of: "gedeclareerd"))
            let rijen = csv.dropFirst()
            #expect(rijen.count == 2)
            #expect(rijen.compactMap { Euro.parse($0[g]) }.som() == Euro.parse("8130.00"))
            func clienten(_ pad: String) async throws -> [String] {
                Web.tekst(try await Web.get(c, pad, r)).components(separatedBy: "href=\"/client/").dropFirst()
                    .map { String($0.prefix { $0 != "?" && $0 != "\"" }) }
            }
            #expect(try await clienten(pad + "&aantal=1") == [rijen.first![0]])
            #expect(try await clienten(pad + "&aantal=1&pagina=2") == [rijen.last![0]])
            #expect(try await clienten(pad) == rijen.map { $0[0] })
            #expect(try await Web.get(c, pad + "&aantal=1&pagina=3", r).status == .badRequest)
            #expect(try await Web.get(c, pad + "&aantal=1001", r).status == .badRequest)
            let json = Web.tekst(try await Web.get(c, "/api/v1/gemeente/0307/clienten?jaar=2019&aantal=1", r))
            #expect(json.components(separatedBy: "\"client\":").count - 1 == 1)
        }
    }
}
