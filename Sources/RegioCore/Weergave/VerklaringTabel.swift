/// The cost explanation as tables, for `regiomonitor verklaring` and the page /verklaring alike.
extension Kostenverklaring {
    /// The fit: per term (the constant, then the criteria as `termen` names them) its coefficient, standard error and
    /// t-value.
    public func modeltabel(termen: [String]) -> Tabel {
        var t = Tabel(kolommen: [.init("term", "Term", .links), .init("coefficient", "Coëfficiënt"),
                                 .init("standaardfout", "Standaardfout"), .init("t_waarde", "t")])
        for (i, term) in (["constante"] + termen).enumerated() {
            let b = model.coefficienten[i], se = model.standaardfouten[i]
            t.rijen.append([Tabel.Cel(term), Self.getal(b), Self.getal(se), Self.getal(se > 0 ? b / se : .nan)])
        }
        return t
    }

    /// Per municipality-year (by year, then code): young people and, per young person, actual, expected, the region's
    /// average and the explained and unexplained difference.
    public func regeltabel(namen: [String: String]) -> Tabel {
        var t = Tabel(kolommen: [.init("jaar", "Jaar", .links), .init("gemeentecode", "Code", .links),
                                 .init("gemeente", "Gemeente", .links), .init("jeugdigen", "Jeugdigen"),
                                 .init("werkelijk_per_jeugdige", "Werkelijk per jeugdige"),
                                 .init("verwacht_per_jeugdige", "Verwacht per jeugdige"),
                                 .init("regiogemiddelde", "Regiogemiddelde"), .init("verklaard", "Verklaard verschil"),
                                 .init("onverklaard", "Onverklaard verschil")])
        for r in regels.sorted(by: { ($0.jaar, $0.gemeentecode) < ($1.jaar, $1.gemeentecode) }) {
            t.rijen.append([Tabel.Cel(String(r.jaar)), Tabel.Cel(r.gemeentecode), Tabel.Cel(namen[r.gemeentecode] ?? r.gemeentecode),
                            .aantal(Int(r.jeugdigen)), Self.euro(r.werkelijk), Self.euro(r.verwacht), Self.euro(r.regiogemiddelde),
                            Self.euro(r.verklaard), Self.euro(r.onverklaard)])
        }
        return t
    }

    /// A number with two decimals (Dutch comma for people), empty when it is not finite.
    static func getal(_ x: Double) -> Tabel.Cel {
        x.isFinite ? Tabel.Cel(Tabel.decimaal(x, 2).replacing(".", with: ","), machine: Tabel.decimaal(x, 2), getal: true)
            : Tabel.Cel("", machine: "")
    }

    /// Euros per young person as an amount: whole euros for people, cents for machines.
    public static func euro(_ x: Double) -> Tabel.Cel {
        guard let e = bedrag(x) else { return Tabel.Cel("", machine: "") }
        return .euro(e)
    }

    /// A per-young-person figure to the cent (half away from zero); nil when not finite or beyond any real amount.
    public static func bedrag(_ x: Double) -> Euro? {
        x.isFinite && abs(x) < 1e13 ? Euro(centen: Int64((x * 100).rounded())) : nil
    }
}
