#!/usr/bin/env python3
"""Walks a running Regiomonitor as one user with headless Chromium and checks what a person sees.

Usage: rondgang.py BASE_URL USER PASSWORD WIDTH OUT_DIR PAGE [PAGE ...]
For every page at the given window width: no table, chart or page wider than its container (a table that scrolls
inside its box counts as wider: the columns that answer the question must fit), no text running out of its box; a
screenshot in OUT_DIR; and every link on the pages answers as a link should (200 or 303; 403 only where the role may
not go, reported so the caller can judge). Prints JSON: {"paginas": [{"pad", "url", "status", "problemen"}],
"links": {"href": status}}.
"""
import base64, json, os, re, sys, urllib.error, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browsertest import inloggen, start, stop  # noqa: E402

CONTROLE = r"""
(() => {
  const problemen = [];
  const venster = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > venster + 1)
    problemen.push('pagina breder dan het venster: ' + document.documentElement.scrollWidth + ' > ' + venster);
  // a table shown with every column ("meer kolommen", section.breed) scrolls in its box by design
  for (const t of document.querySelectorAll('section:not(.breed) table, main > table')) {
    const vak = (t.closest('.scroll') || t.parentElement).parentElement || t.parentElement;
    const b = t.getBoundingClientRect().width, v = vak.getBoundingClientRect().width;
    if (b > v + 1) {
      const s = t.closest('section');
      problemen.push('tabel ' + (s && s.id ? s.id : '(zonder id)') + ' breder dan zijn vak: ' + Math.round(b) + ' > ' + Math.round(v));
    }
  }
  for (const g of document.querySelectorAll('svg')) {
    const vak = g.parentElement, b = g.getBoundingClientRect().width, v = vak.getBoundingClientRect().width;
    if (b > v + 1) problemen.push('grafiek breder dan zijn vak: ' + Math.round(b) + ' > ' + Math.round(v));
  }
  for (const e of document.querySelectorAll('.tegel, .melding, .samenvatting, h1, h2, h3, p, li, label, button, nav a')) {
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0)
      problemen.push('tekst loopt uit zijn vak (' + e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + '): '
                     + e.textContent.trim().slice(0, 50));
  }
  const links = [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
    .filter(h => h.startsWith('/') && !h.startsWith('//'));
  return {problemen, links, titel: document.title};
})()
"""


def main():
    basis, gebruiker, wachtwoord, breedte, uitmap = sys.argv[1:6]
    paginas = sys.argv[6:]
    os.makedirs(uitmap, exist_ok=True)
    proces, ws, profiel = start(int(breedte), 900)
    try:
        ws.roep("Network.enable")
        ws.roep("Emulation.setDeviceMetricsOverride", width=int(breedte), height=900, deviceScaleFactor=1, mobile=False)
        inloggen(ws, basis, gebruiker, wachtwoord)
        koekjes = ws.roep("Network.getCookies", urls=[basis + "/"])["cookies"]
        koek = "; ".join(f"{c['name']}={c['value']}" for c in koekjes)
        uit, alle_links = [], set()
        for i, pad in enumerate(paginas):
            ws.gebeurtenissen = []
            ws.roep("Page.navigate", url=basis + pad)
            ws.wacht_op("Page.loadEventFired")
            r = ws.roep("Runtime.evaluate", expression=CONTROLE, returnByValue=True)["result"]["value"]
            url = ws.roep("Runtime.evaluate", expression="location.href", returnByValue=True)["result"]["value"]
            beeld = ws.roep("Page.captureScreenshot", format="png", captureBeyondViewport=True)
            naam = f"{gebruiker}-{breedte}-{i:02d}-" + re.sub(r"[^a-z0-9]+", "_", pad.lower()).strip("_")[:60] + ".png"
            with open(os.path.join(uitmap, naam), "wb") as f:
                f.write(base64.b64decode(beeld["data"]))
            uit.append({"pad": pad, "url": url, "titel": r["titel"], "problemen": r["problemen"], "schermafdruk": naam})
            alle_links.update(h.split("#")[0] for h in r["links"] if h.split("#")[0])
        # every link once, with the session, without following redirects
        class Geen(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *a, **k):
                return None
        opener = urllib.request.build_opener(Geen)
        statussen = {}
        for h in sorted(alle_links):
            if h.startswith("/uitloggen"):
                continue
            try:
                statussen[h] = opener.open(urllib.request.Request(basis + h, headers={"Cookie": koek}), timeout=120).status
            except urllib.error.HTTPError as e:
                statussen[h] = e.code
        print(json.dumps({"paginas": uit, "links": statussen}))
    finally:
        stop(proces, profiel)


if __name__ == "__main__":
    main()
