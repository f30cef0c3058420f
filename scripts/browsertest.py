#!/usr/bin/env python3
"""Logs in to a running Regiomonitor with headless Chromium and screenshots a page, like a user would.

Usage: browsertest.py BASE_URL USER PASSWORD PAGE OUT.png
Prints JSON: {"url": final URL, "tekst": the page's visible text}. Talks to Chromium over the DevTools protocol with
a minimal WebSocket client from the standard library, so the test needs nothing but python3 and chromium.
"""
import base64, json, os, re, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.request


class WebSocket:
    def __init__(self, url):
        m = re.match(r"ws://([^:/]+):(\d+)(/.*)", url)
        self.s = socket.create_connection((m.group(1), int(m.group(2))), timeout=180)
        key = base64.b64encode(os.urandom(16)).decode()
        self.s.sendall((f"GET {m.group(3)} HTTP/1.1\r\nHost: {m.group(1)}:{m.group(2)}\r\nUpgrade: websocket\r\n"
                        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        antwoord = b""
        while b"\r\n\r\n" not in antwoord:
            antwoord += self.s.recv(1)
        if b" 101 " not in antwoord.split(b"\r\n")[0]:
            raise RuntimeError("websocket handshake: " + antwoord.decode(errors="replace"))
        self.id = 0

    def _lees(self, n):
        data = b""
        while len(data) < n:
            deel = self.s.recv(n - len(data))
            if not deel:
                raise RuntimeError("verbinding met chromium verbroken")
            data += deel
        return data

    def stuur(self, tekst):
        data = tekst.encode()
        kop = bytes([0x81])
        if len(data) < 126:
            kop += bytes([0x80 | len(data)])
        elif len(data) < 65536:
            kop += bytes([0x80 | 126]) + struct.pack(">H", len(data))
        else:
            kop += bytes([0x80 | 127]) + struct.pack(">Q", len(data))
        masker = os.urandom(4)
        self.s.sendall(kop + masker + bytes(b ^ masker[i % 4] for i, b in enumerate(data)))

    def ontvang(self):
        bericht = b""
        while True:
            b1, b2 = self._lees(2)
            n = b2 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._lees(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._lees(8))[0]
            bericht += self._lees(n)
            if b1 & 0x80:
                return json.loads(bericht)

    def roep(self, methode, **params):
        self.id += 1
        mijn = self.id
        self.stuur(json.dumps({"id": mijn, "method": methode, "params": params}))
        self.gebeurtenissen = getattr(self, "gebeurtenissen", [])
        while True:
            b = self.ontvang()
            if b.get("id") == mijn:
                if "error" in b:
                    raise RuntimeError(f"{methode}: {b['error']}")
                return b.get("result", {})
            self.gebeurtenissen.append(b)

    def wacht_op(self, methode, seconden=180):
        eind = time.time() + seconden
        self.gebeurtenissen = getattr(self, "gebeurtenissen", [])
        while time.time() < eind:
            for i, g in enumerate(self.gebeurtenissen):
                if g.get("method") == methode:
                    del self.gebeurtenissen[: i + 1]
                    return g
            self.gebeurtenissen.append(self.ontvang())
        raise RuntimeError(f"wachten op {methode} duurde te lang")


def chromium():
    for naam in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(naam):
            return shutil.which(naam)
    raise SystemExit("chromium niet gevonden (apt-get install -y chromium)")


def start(breedte=1300, hoogte=1600):
    """Headless Chromium with a fresh profile; returns the process, a DevTools connection to its page, and the profile."""
    profiel = tempfile.mkdtemp(prefix="regiomonitor-chromium-")
    proces = subprocess.Popen([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
                               "--hide-scrollbars", f"--user-data-dir={profiel}", f"--window-size={breedte},{hoogte}", "about:blank"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        adres = None
        eind = time.time() + 180
        while adres is None and time.time() < eind:
            m = re.search(r"DevTools listening on (ws://[^\s]+)", proces.stderr.readline())
            if m:
                adres = m.group(1)
        if adres is None:
            raise SystemExit("chromium startte niet")
        poort = re.match(r"ws://[^:]+:(\d+)/", adres).group(1)
        doelen = json.load(urllib.request.urlopen(f"http://127.0.0.1:{poort}/json/list"))
        ws = WebSocket(next(d for d in doelen if d.get("type") == "page")["webSocketDebuggerUrl"])
        ws.roep("Page.enable")
        # the dashboard forbids every script by CSP; the test's own keystrokes come from DevTools, not from the page
        ws.roep("Page.setBypassCSP", enabled=True)
        return proces, ws, profiel
    except BaseException:
        stop(proces, profiel)
        raise


def stop(proces, profiel):
    proces.kill()
    proces.wait()
    shutil.rmtree(profiel, ignore_errors=True)


def inloggen(ws, basis, gebruiker, wachtwoord):
    """Fills in the login form as a person would and waits for the page after it."""
    ws.roep("Page.navigate", url=basis + "/inloggen")
    ws.wacht_op("Page.loadEventFired")
    ws.roep("Runtime.evaluate", expression=(
        f"document.querySelector('input[name=naam]').value = {json.dumps(gebruiker)};"
        f"document.querySelector('input[name=wachtwoord]').value = {json.dumps(wachtwoord)};"
        "document.querySelector('form').submit();"))
    ws.wacht_op("Page.loadEventFired")


def main():
    basis, gebruiker, wachtwoord, pagina, png = sys.argv[1:6]
    proces, ws, profiel = start()
    try:
        inloggen(ws, basis, gebruiker, wachtwoord)
        ws.roep("Page.navigate", url=basis + pagina)
        ws.wacht_op("Page.loadEventFired")
        tekst = ws.roep("Runtime.evaluate", expression="document.body.innerText", returnByValue=True)["result"]["value"]
        url = ws.roep("Runtime.evaluate", expression="location.href", returnByValue=True)["result"]["value"]
        beeld = ws.roep("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        with open(png, "wb") as f:
            f.write(base64.b64decode(beeld["data"]))
        print(json.dumps({"url": url, "tekst": tekst}))
    finally:
        stop(proces, profiel)


if __name__ == "__main__":
    main()
