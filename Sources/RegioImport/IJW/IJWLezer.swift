import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a message that passed through the schema: its path, line and (for simple content) its value.
final class IJWKnoop {
    let naam: String
    /// Path from below the root, with [n] for elements that may repeat: "Client/Prestaties/Prestatie[2]/GeleverdVolume".
    let pad: String
    let regel: Int
    /// The value after the schema's whitespace rules; nil for complex content.
    var waarde: String?
    var kinderen: [IJWKnoop] = []

    init(naam: String, pad: String, regel: Int) { self.naam = naam; self.pad = pad; self.regel = regel }

    subscript(_ naam: String) -> IJWKnoop? { kinderen.first { $0.naam == naam } }
    func alle(_ naam: String) -> [IJWKnoop] { kinderen.filter { $0.naam == naam } }
    /// The value of a child element, nil when absent.
    func tekst(_ naam: String) -> String? { self[naam]?.waarde }
    /// The value at a path of child names ("Product", "Code").
    func tekst(_ namen: String...) -> String? {
        var k: IJWKnoop? = self
        for n in namen { k = k?[n] }
        return k?.waarde
    }
    func knoop(_ namen: String...) -> IJWKnoop? {
        var k: IJWKnoop? = self
        for n in namen { k = k?[n] }
        return k
    }
}

/// What reading one file gave: the message type (when recognised), its validated tree, or why not.
struct IJWGelezen {
    var soort: IJWBerichtsoort?
    var wortel: IJWKnoop?
    var fouten: [IJWFout] = []
}

/// Streams one file through Foundation's XMLParser (SAX, no document in memory) and checks it against the generated
/// schema while reading: element order and occurrence, namespaces, and every simple value's type and facets.
/// Stops after the root element for message types that are recognised but not imported.
final class IJWLezer: NSObject, XMLParserDelegate {
    private struct Niveau {
        let knoop: IJWKnoop?
        let inhoud: Element.Inhoud?
        /// Position in the parent's sequence and how often that element occurred so far.
        var index = 0
        var aantal = 0
        var tekst = ""
        var overslaan = false
        var persoonlijk = false
    }

    static let maxFouten = 50
    private let bestand: String
    private var stapel: [Niveau] = []
    private var uit = IJWGelezen()
    private var parser: XMLParser?
    private var zelfGestopt = false

    private init(bestand: String) { self.bestand = bestand }

    static func lees(_ data: Data, bestand: String) -> IJWGelezen {
        let lezer = IJWLezer(bestand: bestand)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = lezer
        lezer.parser = parser
        let gelukt = parser.parse()
        if !gelukt && !lezer.zelfGestopt && !lezer.uit.fouten.contains(where: { $0.regel == .welgevormd }) {
            let reden = parser.parserError.map { "\($0.localizedDescription)" } ?? "onbekende fout"
            lezer.fout(pad: "", regel: .welgevormd, "geen geldige XML (\(reden))", regelnummer: parser.lineNumber)
        }
        if gelukt && lezer.uit.wortel == nil && lezer.uit.soort == nil && lezer.uit.fouten.isEmpty {
            lezer.fout(pad: "", regel: .welgevormd, "geen XML-element gevonden", regelnummer: nil)
        }
        lezer.parser = nil
        return lezer.uit
    }

    private func fout(pad: String, regel: IJWRegel, _ reden: String, regelnummer: Int?) {
        guard uit.fouten.count < IJWLezer.maxFouten else { return }
        uit.fouten.append(IJWFout(bestand: bestand, regelnummer: regelnummer, pad: pad, regel: regel, reden: reden))
        if uit.fouten.count == IJWLezer.maxFouten {
            uit.fouten.append(IJWFout(bestand: bestand, regelnummer: nil, pad: "", regel: regel,
                                      reden: "meer dan \(IJWLezer.maxFouten) fouten; de rest is niet gemeld"))
        }
    }

    private var regelnummer: Int { parser?.lineNumber ?? 0 }

    private func stop() { zelfGestopt = true; parser?.abortParsing() }

    func parser(_ parser: XMLParser, didStartElement naam: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let ns = namespaceURI ?? ""
        guard let ouder = stapel.last else { return begin(naam: naam, namespace: ns) }
        let ouderPad = ouder.knoop.map { $0.pad.isEmpty ? "" : $0.pad + "/" } ?? ""
        if ouder.overslaan { stapel.append(Niveau(knoop: nil, inhoud: nil, overslaan: true)); return }
        guard case .complex(let type)? = ouder.inhoud else {
            fout(pad: ouderPad + naam, regel: .xsd, "element '\(naam)' is niet toegestaan in een enkelvoudige waarde",
                 regelnummer: regelnummer)
            stapel.append(Niveau(knoop: nil, inhoud: nil, overslaan: true))
            return
        }
        for (sleutel, _) in attributes where !sleutel.hasPrefix("xsi:") && !sleutel.hasPrefix("xmlns") {
            fout(pad: ouderPad + naam, regel: .xsd, "attribuut '\(sleutel)' is niet toegestaan", regelnummer: regelnummer)
        }
        var niveau = stapel.removeLast()
        let gevonden = zoek(naam, in: type, niveau: &niveau, pad: ouderPad)
        stapel.append(niveau)
        guard let (element, volgnummer) = gevonden else {
            stapel.append(Niveau(knoop: nil, inhoud: nil, overslaan: true))
            return
        }
        let pad = ouderPad + naam + (element.max > 1 ? "[\(volgnummer)]" : "")
        if ns != type.namespace {
            fout(pad: pad, regel: .xsd, "element '\(naam)' hoort in namespace \(type.namespace), niet in '\(ns)'",
                 regelnummer: regelnummer)
        }
        let knoop = IJWKnoop(naam: naam, pad: pad, regel: regelnummer)
        niveau.knoop?.kinderen.append(knoop)
        stapel.append(Niveau(knoop: knoop, inhoud: element.inhoud, persoonlijk: ouder.persoonlijk || naam == "Geboortedatum"))
    }

    /// The root: recognise the message type by the namespace, then validate against its schema.
    private func begin(naam: String, namespace: String) {
        guard naam == "Bericht" else {
            fout(pad: naam, regel: .xsd, "geen iJw-bericht: het hoofdelement heet '\(naam)', verwacht 'Bericht'",
                 regelnummer: regelnummer)
            return stop()
        }
        guard let soort = IJWBerichtsoort.herken(namespace: namespace) else {
            let reden = namespace.contains("istandaarden.nl/ijw/") && !namespace.contains("/3_2/")
                ? "iJw-versie wordt niet ondersteund (namespace '\(namespace)'); alleen iJw 3.2"
                : "onbekende namespace '\(namespace)': geen iJw 3.2-bericht"
            fout(pad: "Bericht", regel: .xsd, reden, regelnummer: regelnummer)
            return stop()
        }
        uit.soort = soort
        guard soort.wordtGeimporteerd, let type = IJWSchema.berichten[soort.rawValue] else { return stop() }
        let wortel = IJWKnoop(naam: naam, pad: "", regel: regelnummer)
        uit.wortel = wortel
        stapel.append(Niveau(knoop: wortel, inhoud: .complex(type)))
    }

    /// Finds the element in the sequence from the current position; reports required elements that were skipped.
    private func zoek(_ naam: String, in type: Complextype, niveau: inout Niveau, pad: String) -> (Element, Int)? {
        let el = type.elementen
        var i = niveau.index, n = niveau.aantal
        var overgeslagen: [String] = []
        while i < el.count {
            if el[i].naam == naam {
                if n < el[i].max {
                    for m in overgeslagen {
                        fout(pad: pad + m, regel: .xsd, "verplicht element '\(m)' ontbreekt (voor '\(naam)')", regelnummer: regelnummer)
                    }
                    niveau.index = i; niveau.aantal = n + 1
                    return (el[i], n + 1)
                }
                fout(pad: pad + naam, regel: .xsd, "element '\(naam)' komt vaker voor dan toegestaan (hooguit \(el[i].max))",
                     regelnummer: regelnummer)
                return nil
            }
            if n < el[i].min { overgeslagen.append(el[i].naam) }
            i += 1; n = 0
        }
        let reden = el.contains(where: { $0.naam == naam })
            ? "element '\(naam)' staat op de verkeerde plaats (volgorde: \(el.map(\.naam).joined(separator: ", ")))"
            : "element '\(naam)' hoort niet in \(type.naam) (verwacht: \(el.map(\.naam).joined(separator: ", ")))"
        fout(pad: pad + naam, regel: .xsd, reden, regelnummer: regelnummer)
        return nil
    }

    func parser(_ parser: XMLParser, foundCharacters tekst: String) {
        guard var niveau = stapel.popLast() else { return }
        defer { stapel.append(niveau) }
        if niveau.overslaan { return }
        switch niveau.inhoud {
        case .simpel?: niveau.tekst += tekst
        case .complex?:
            if tekst.unicodeScalars.contains(where: { !Patroon.isWit($0) }) && niveau.tekst.isEmpty {
                niveau.tekst = "x"  // report once per element
                fout(pad: niveau.knoop?.pad ?? "", regel: .xsd, "tekst is hier niet toegestaan (alleen elementen)",
                     regelnummer: regelnummer)
            }
        case nil: break
        }
    }

    func parser(_ parser: XMLParser, foundCDATA data: Data) {
        self.parser(parser, foundCharacters: String(decoding: data, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, didEndElement naam: String, namespaceURI: String?, qualifiedName: String?) {
        guard let niveau = stapel.popLast(), !niveau.overslaan, let knoop = niveau.knoop else { return }
        switch niveau.inhoud {
        case .simpel(let type)?:
            if let reden = type.controleer(niveau.tekst, verberg: niveau.persoonlijk) {
                fout(pad: knoop.pad, regel: .xsd, reden, regelnummer: knoop.regel)
            } else {
                knoop.waarde = type.waarde(niveau.tekst)
            }
        case .complex(let type)?:
            var i = niveau.index, n = niveau.aantal
            while i < type.elementen.count {
                let e = type.elementen[i]
                if n < e.min {
                    let pad = (knoop.pad.isEmpty ? "" : knoop.pad + "/") + e.naam
                    fout(pad: pad, regel: .xsd, "verplicht element '\(e.naam)' ontbreekt in \(naam)", regelnummer: regelnummer)
                }
                i += 1; n = 0
            }
        case nil: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred fout: Error) {
        guard !zelfGestopt else { return }
        self.fout(pad: "", regel: .welgevormd, "geen geldige XML: \(fout.localizedDescription)", regelnummer: parser.lineNumber)
    }
}
