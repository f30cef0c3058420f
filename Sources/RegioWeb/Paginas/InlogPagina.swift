/// The login form; the only page without a session. Its anti-forgery token is paired with a cookie (double submit).
enum InlogPagina {
    static func html(token: String, terug: String?, fout: String? = nil, naam: String = "") -> String {
        var h = """
        <!doctype html>
        <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Inloggen — Regiomonitor Jeugdhulp</title><link rel="stylesheet" href="/stijl.css"></head><body>
        <header><div class="merk">Regiomonitor Jeugdhulp</div></header>
        <main><form class="inlog" method="post" action="/inloggen"><h1>Inloggen</h1>
        """
        if let fout { h += "<p class=\"melding fout\" role=\"alert\">\(Webhtml.esc(fout))</p>" }
        h += """
        <label for="naam">Gebruikersnaam</label><input id="naam" name="naam" autocomplete="username" required value="\(Webhtml.esc(naam))" autofocus>
        <label for="wachtwoord">Wachtwoord</label><input id="wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required>
        <input type="hidden" name="csrf" value="\(Webhtml.esc(token))">
        """
        if let terug { h += "<input type=\"hidden\" name=\"terug\" value=\"\(Webhtml.esc(terug))\">" }
        h += "<button>Inloggen</button></form></main></body></html>\n"
        return h
    }
}
