"""Runs the Regiomonitor benchmark and the same work in DuckDB; prints one table. Called by scripts/bench."""
import argparse, base64, csv, io, os, platform, shutil, socket, sqlite3, subprocess, sys, tempfile, time, urllib.request
from decimal import Decimal

import duckdb


def piek(pid):
    """VmHWM of a running process in kB: its resident high-water mark since exec (ru_maxrss would also count the
    Python parent it was forked from)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for regel in f:
                if regel.startswith("VmHWM:"):
                    return int(regel.split()[1])
    except OSError:
        pass
    return 0


def draai_rss(cmd, env, grens=None):
    """Runs a command; returns (seconds, peak resident memory in MB, stdout). Stops the benchmark when the command
    fails; past `grens` seconds the command is killed and its time reported as None."""
    start = time.perf_counter()
    hoogste = 0
    with tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as uit:
        p = subprocess.Popen(cmd, stdout=uit, stderr=fout, env=env)
        while True:
            hoogste = max(hoogste, piek(p.pid))
            pid, status, _ = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if grens and time.perf_counter() - start > grens:
                p.kill()
                os.wait4(p.pid, 0)
                return None, hoogste / 1024, ""
            time.sleep(0.02)
        duur = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        uit.seek(0)
        out = uit.read()
        if p.returncode != 0:
            fout.seek(0)
            sys.exit(f"mislukt: {' '.join(cmd)}\n{fout.read().decode(errors='replace')[-3000:]}")
    return duur, hoogste / 1024, out.decode(errors="replace")


def vergelijk(csv_tekst, duck_rijen):
    """Checks regiomonitor's figures per municipality against DuckDB's: clients and allocations exactly, declared cost
    to the cent, or within a cent per line that crosses the year boundary."""
    rijen = list(csv.DictReader(io.StringIO(csv_tekst)))
    # the declared cost includes what contracts that are not p x q paid (the demo's BSA, SAVE and Veilig Thuis, which
    # have no lines: `uit_contracten`); DuckDB sums the lines, so the lines' part is compared
    rm = {r["gemeentecode"]: (int(r["unieke_clienten"]), int(r["toewijzingen"]),
                              Decimal(r["gedeclareerd"] or "0") - Decimal(r.get("uit_contracten") or "0"))
          for r in rijen if r["gemeentecode"] != "totaal"}
    verschillen = []
    for g, c, t, d, grens in duck_rijen:
        mijn = rm.pop(g, None)
        if mijn is None or mijn[:2] != (c, t) or abs(mijn[2] - Decimal(d or 0)) > Decimal("0.01") * max(grens, 0) + Decimal("0.005"):
            verschillen.append(g)
    return len(duck_rijen), verschillen + sorted(rm)


def grootte(map_):
    return sum(os.path.getsize(os.path.join(map_, f)) for f in os.listdir(map_) if f.endswith(".csv"))


def regels(pad):
    with open(pad, "rb") as f:
        return sum(buf.count(b"\n") for buf in iter(lambda: f.read(1 << 24), b"")) - 1


# The same three figures as `cijfers --per gemeente`: unique clients (an allocation or a non-rejected line in the year),
# allocations overlapping the year, and declared cost (debit - credit) of the year. A line that crosses the year
# boundary counts pro rata by days; regiomonitor splits it per month to the cent, so there the two may differ by
# a cent per such line (`grensregels`).
DUCK_AGG = """
WITH d AS (
  SELECT gemeentecode, clientnummer,
    CASE WHEN debet_credit = 'C' THEN -bedrag ELSE bedrag END
      * (least(einddatum, DATE '{jaar}-12-31') - greatest(begindatum, DATE '{jaar}-01-01') + 1)
      / (einddatum - begindatum + 1) AS netto,
    (begindatum < DATE '{jaar}-01-01' OR einddatum > DATE '{jaar}-12-31') AS grens
  FROM declaratie WHERE status <> 'afgewezen' AND begindatum <= DATE '{jaar}-12-31' AND einddatum >= DATE '{jaar}-01-01'
), t AS (
  SELECT gemeentecode, clientnummer FROM toewijzing
  WHERE ingangsdatum <= DATE '{jaar}-12-31' AND (einddatum IS NULL OR einddatum >= DATE '{jaar}-01-01')
), c AS (SELECT gemeentecode, clientnummer FROM d UNION SELECT gemeentecode, clientnummer FROM t)
SELECT g.gemeentecode,
  (SELECT count(*) FROM c WHERE c.gemeentecode = g.gemeentecode) AS clienten,
  (SELECT count(*) FROM t WHERE t.gemeentecode = g.gemeentecode) AS toewijzingen,
  (SELECT sum(netto) FROM d WHERE d.gemeentecode = g.gemeentecode) AS gedeclareerd,
  (SELECT count(*) FROM d WHERE d.gemeentecode = g.gemeentecode AND grens) AS grensregels
FROM (SELECT DISTINCT gemeentecode FROM c) g ORDER BY 1
"""


def duckdb_stap(map_, jaar, db):
    if os.path.exists(db):
        os.remove(db)
    con = duckdb.connect(db)
    con.execute("SET enable_progress_bar = false")
    start = time.perf_counter()
    for naam in ["gemeenten", "gemeentecijfers", "percelen", "producten", "aanbieders", "budgetten", "verzoeken",
                 "toewijzingen", "declaraties"]:
        tabel = {"gemeenten": "gemeente", "verzoeken": "verzoek", "toewijzingen": "toewijzing",
                 "declaraties": "declaratie"}.get(naam, naam)
        # codes stay text (leading zeros), amounts exact decimals; the rest is typed by DuckDB's sniffer
        with open(f"{map_}/{naam}.csv") as f:
            kop = f.readline().strip().split(",")
        vast = {k: "VARCHAR" for k in ("gemeentecode", "clientnummer", "agb", "productcategorie", "productcode")}
        vast.update({k: "DECIMAL(14,2)" for k in ("bedrag", "tarief", "budget", "macrobudget_jeugd")})
        types = ", ".join(f"'{k}': '{v}'" for k, v in vast.items() if k in kop)
        con.execute(f"CREATE TABLE {tabel} AS SELECT * FROM read_csv('{map_}/{naam}.csv', header=true"
                    + (f", types={{{types}}})" if types else ")"))
    importduur = time.perf_counter() - start
    # the aggregation three times, the median (as for regiomonitor's side)
    duren = []
    for _ in range(3):
        start = time.perf_counter()
        rijen = con.execute(DUCK_AGG.format(jaar=jaar)).fetchall()
        duren.append(time.perf_counter() - start)
    aggduur = sorted(duren)[1]
    con.close()
    return importduur, aggduur, rijen


def dashboard(naam, rm, db, jaar, env):
    """Starts the dashboard on the imported database; measures the start (until it listens), the loading and the main
    pages' figures after it, the pages built in the background, and each page's first and second answer through the
    API. Returns table rows."""
    con = sqlite3.connect(db)
    gemeente = con.execute("SELECT gemeentecode, COUNT(*) FROM toewijzing GROUP BY 1 ORDER BY 2 DESC LIMIT 1").fetchone()[0]
    agb = con.execute("SELECT agb, COUNT(*) FROM toewijzing GROUP BY 1 ORDER BY 2 DESC LIMIT 1").fetchone()[0]
    perceel = con.execute("SELECT code FROM perceel ORDER BY code LIMIT 1").fetchone()[0]
    client = con.execute("SELECT client FROM toewijzing WHERE gemeentecode = ? ORDER BY rowid LIMIT 1", (gemeente,)).fetchone()[0]
    con.close()
    subprocess.run([rm, "gebruiker", "toevoegen", "bench", "--rol", "regio", "--wachtwoord", "bench-wachtwoord-1", "--db", db],
                   env=env, check=True, capture_output=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    start = time.perf_counter()
    logpad = db + ".serve.log"
    log = open(logpad, "w")
    p = subprocess.Popen([rm, "serve", "--db", db, "--port", str(poort)], stdout=log, stderr=subprocess.STDOUT, env=env)
    hoogste = 0
    while True:
        hoogste = max(hoogste, piek(p.pid))
        if p.poll() is not None:
            sys.exit(f"[{naam}] dashboard gestopt met code {p.returncode}")
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    opstart = time.perf_counter() - start
    rijen = [(naam, "dashboard: luistert", opstart, piek(p.pid) / 1024, None)]
    # then the background builds the overview pages, then the lot and large-provider pages; the pages below are
    # asked once that is done
    def wacht(logregel, wat, label):
        t = time.perf_counter()
        while logregel not in open(logpad).read():
            if p.poll() is not None or time.perf_counter() - t > 900:
                sys.exit(f"[{naam}] dashboard rekende de {wat} niet voor (zie {logpad})")
            time.sleep(0.05)
        duur = time.perf_counter() - t
        print(f"[{naam}] {wat} op de achtergrond voorberekend in {duur:.1f} s", file=sys.stderr)
        rijen.append((naam, label, duur, piek(p.pid) / 1024, None))

    wacht("cijfers geladen en voorberekend", "gegevens en hoofdcijfers", "dashboard: gegevens geladen en hoofdcijfers berekend (na het luisteren)")
    wacht("overzichtspagina's voorberekend", "overzichtspagina's", "dashboard: overzichtspagina's op de achtergrond (daarna)")
    wacht("perceelpagina's en die van de grootste aanbieders en gemeenten voorberekend",
          "perceelpagina's en die van de grootste aanbieders en gemeenten",
          "dashboard: pagina's per perceel, van de grootste aanbieders en gemeenten (daarna)")
    kop = {"Authorization": "Basic " + base64.b64encode(b"bench:bench-wachtwoord-1").decode()}
    paden = [f"/api/v1/overzicht?jaar={jaar}", f"/api/v1/gemeente/{gemeente}?jaar={jaar}", f"/api/v1/percelen?jaar={jaar}",
             f"/api/v1/percelen/{perceel}?jaar={jaar}", f"/api/v1/aanbieders?jaar={jaar}", f"/api/v1/aanbieders/{agb}?jaar={jaar}",
             f"/api/v1/benchmark?jaar={jaar}", f"/api/v1/prognose?jaar={jaar}", f"/api/v1/verevening?jaar={jaar}",
             f"/api/v1/gemeente/{gemeente}/clienten?jaar={jaar}", f"/api/v1/client/{client}", "/api/v1/signalen?status=alle"]
    try:
        for pad in paden:
            tijden = []
            for _ in range(2):
                t = time.perf_counter()
                with urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{poort}{pad}", headers=kop), timeout=900) as r:
                    r.read()
                tijden.append(time.perf_counter() - t)
            print(f"[{naam}] {pad}: eerste keer {tijden[0] * 1000:.0f} ms, daarna {tijden[1] * 1000:.1f} ms", file=sys.stderr)
            rijen.append((naam, f"pagina {pad.split('?')[0][7:]} (eerste keer)", tijden[0], piek(p.pid) / 1024, None))
            rijen.append((naam, f"pagina {pad.split('?')[0][7:]} (daarna)", tijden[1], None, None))
    finally:
        p.terminate()
        p.wait()
        log.close()
    return rijen


def schaal(naam, rm, map_, jaar, env, maak, vragen, met_delta=False):
    """One scale: generate, import, query; then DuckDB. Returns table rows."""
    rijen = []
    shutil.rmtree(map_, ignore_errors=True)
    db = map_ + ".sqlite"
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    duur, rss, out = draai_rss([rm] + maak + ["--uit", map_, "--niet-importeren"], env)
    n = regels(os.path.join(map_, "declaraties.csv"))
    mb = grootte(map_) / 1e6
    print(f"[{naam}] gegenereerd: {n} declaratieregels, {mb:.0f} MB CSV in {duur:.1f} s", file=sys.stderr)
    rijen.append((naam, f"genereren ({n:,} declaratieregels, {mb:,.0f} MB)", duur, rss, None))
    volledig, rss = importeer(naam, "", rm, db, map_, env)
    d_imp, d_agg, d_rijen = duckdb_stap(map_, jaar, map_ + ".duckdb")
    DUCKDB[naam] = (d_imp, d_agg, d_rijen)
    print(f"[{naam}] DuckDB: import {d_imp:.1f} s, aggregatie {d_agg:.2f} s", file=sys.stderr)
    rijen.append((naam, "import CSV -> database", volledig, rss, d_imp))
    rijen += [vraag(naam, "", rm, db, label, args, duck, env) for label, args, duck in vragen]
    rijen += dashboard(naam, rm, db, jaar, env)
    if met_delta:
        rijen += delta(naam, rm, map_, jaar, env, volledig)
    return rijen


DUCKDB = {}


class Postgres:
    """A throwaway PostgreSQL server (as scripts/test starts one) in a temporary directory on a free port; a database
    per scale. None when no server binaries are found."""

    def __init__(self):
        kandidaten = sorted(d for d in (os.path.join("/usr/lib/postgresql", v, "bin") for v in os.listdir("/usr/lib/postgresql"))
                            if os.path.exists(os.path.join(d, "pg_ctl"))) if os.path.isdir("/usr/lib/postgresql") else []
        self.bin = kandidaten[-1] if kandidaten else None
        if not self.bin:
            return
        self.map = tempfile.mkdtemp(prefix="regiomonitor-bench-pg.")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.poort = s.getsockname()[1]
        # postgres refuses to run as root: as the postgres user then
        self.als = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        if self.als:
            subprocess.run(["chown", "-R", "postgres", self.map], check=True)
        subprocess.run(self.als + [f"{self.bin}/initdb", "-D", f"{self.map}/data", "-U", "regiomonitor", "--auth=trust", "-E", "UTF8"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(self.als + [f"{self.bin}/pg_ctl", "-D", f"{self.map}/data", "-o",
                                   f"-p {self.poort} -k {self.map} -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB",
                                   "-l", f"{self.map}/log", "-w", "start"], check=True, stdout=subprocess.DEVNULL)

    def database(self, naam):
        subprocess.run([f"{self.bin}/createdb", "-h", "127.0.0.1", "-p", str(self.poort), "-U", "regiomonitor", naam], check=True)
        return f"postgres://regiomonitor@127.0.0.1:{self.poort}/{naam}"

    def stop(self):
        if self.bin:
            subprocess.run(self.als + [f"{self.bin}/pg_ctl", "-D", f"{self.map}/data", "-m", "immediate", "stop"], stdout=subprocess.DEVNULL)
            shutil.rmtree(self.map, ignore_errors=True)


def postgres_schaal(naam, rm, map_, env, pg, vragen):
    """The same import and queries on PostgreSQL (issue 28, goal 6), against DuckDB's figures for the same files."""
    url = pg.database(f"bench_{naam}")
    duur, rss = importeer(naam, "PostgreSQL", rm, url, map_, env)
    return ([(naam, "PostgreSQL: import CSV -> database", duur, rss, DUCKDB[naam][0])]
            + [vraag(naam, "PostgreSQL", rm, url, label, args, duck, env) for label, args, duck in vragen])


def importeer(naam, database, rm, db, map_, env):
    """Imports the scale's files into `db` (`database` names it in the log when not SQLite); returns time and peak."""
    duur, rss, out = draai_rss([rm, "import", "--db", db, map_], env)
    tijd = next((r for r in out.splitlines() if r.startswith("Tijd:")), "")
    print(f"[{naam}{', ' + database if database else ''}] import {duur:.1f} s, piek {rss:.0f} MB; {tijd}", file=sys.stderr)
    return duur, rss


def vraag(naam, database, rm, db, label, args, duck, env):
    """One query on `db`; the one compared with DuckDB (`duck`) runs three times, the median counts (a single run right
    after a 2 GB import varies), and its figures per municipality must equal DuckDB's. Returns its row."""
    _, d_agg, d_rijen = DUCKDB[naam]
    duur, rss, out = draai_rss([rm] + args + ["--db", db], env, grens=600)
    if duck and duur:
        runs = [(duur, rss, out)] + [draai_rss([rm] + args + ["--db", db], env, grens=600) for _ in range(2)]
        duur, rss, out = sorted(runs, key=lambda r: r[0] or 1e9)[1]
    waar = f"[{naam}{', ' + database if database else ''}]"
    print(f"{waar} {label}: " + (f"{duur:.2f} s" if duur else "afgebroken na 600 s") + f", piek {rss:.0f} MB", file=sys.stderr)
    if duck and duur:
        n, verschil = vergelijk(out, d_rijen)
        print(f"{waar} cliënten, toewijzingen en gedeclareerd van {n} gemeenten gelijk aan DuckDB: "
              + ("ja" if not verschil else f"NEE, verschillen bij {sorted(verschil)[:10]}"), file=sys.stderr)
        if verschil:
            sys.exit(1)
    return (naam, (database + ": " if database else "") + label, duur, rss, d_agg if duck else None)


def delta(naam, rm, map_, jaar, env, volledig):
    """A monthly delta (issue 28): the year without the lines submitted from 1 December on, then those lines as one
    file, then that file again (all unchanged). Returns table rows; the import's own account of its time goes to
    stderr."""
    rijen = []
    zonder, los = map_ + "-zonder-december", map_ + "-december"
    for m in (zonder, los):
        shutil.rmtree(m, ignore_errors=True)
        os.makedirs(m)
    for f in os.listdir(map_):
        if f.endswith(".csv") and f != "declaraties.csv":
            os.link(os.path.join(map_, f), os.path.join(zonder, f))
    grens = f"{jaar}-12-01".encode()
    n_voor = n_dec = 0
    with open(os.path.join(map_, "declaraties.csv"), "rb") as bron, \
            open(os.path.join(zonder, "declaraties.csv"), "wb") as voor, open(os.path.join(los, "declaraties.csv"), "wb") as dec:
        kop = bron.readline()
        k = kop.rstrip(b"\r\n").split(b",").index(b"ingediend_op")
        voor.write(kop)
        dec.write(kop)
        for regel in bron:
            if regel.split(b",", k + 1)[k] < grens:
                voor.write(regel)
                n_voor += 1
            else:
                dec.write(regel)
                n_dec += 1
    db = map_ + "-delta.sqlite"
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    for label, pad in [(f"import zonder regels ingediend vanaf 01-12 ({n_voor:,} regels)", zonder),
                       (f"delta: regels ingediend vanaf 01-12 ({n_dec:,})", los),
                       ("dezelfde delta opnieuw (alles ongewijzigd)", los)]:
        duur, rss, out = draai_rss([rm, "import", "--db", db, pad], env)
        tijd = next((r for r in out.splitlines() if r.startswith("Tijd:")), "")
        print(f"[{naam}] {label}: {duur:.1f} s ({duur / volledig:.2f} van de volledige import), piek {rss:.0f} MB; {tijd}",
              file=sys.stderr)
        rijen.append((naam, f"{label}, {duur / volledig:.2f} x volledig", duur, rss, None))
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    shutil.rmtree(zonder, ignore_errors=True)
    shutil.rmtree(los, ignore_errors=True)
    return rijen


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--regiomonitor", required=True)
    a.add_argument("--fractie", default="1", help="aandeel van het land voor de landelijke schaal")
    a.add_argument("--map", default="/tmp/regiomonitor-bench")
    a.add_argument("--zonder-land", action="store_true")
    a.add_argument("--zonder-regio", action="store_true")
    a.add_argument("--zonder-delta", action="store_true", help="landelijk geen maanddelta meten")
    a.add_argument("--zonder-postgres", action="store_true", help="niet ook op een wegwerp-PostgreSQL meten")
    opt = a.parse_args()
    os.makedirs(opt.map, exist_ok=True)
    env = dict(os.environ, REGIOMONITOR_SLEUTEL=os.path.join(opt.map, "sleutel"))
    rm = opt.regiomonitor
    rijen = []
    pg = None if opt.zonder_postgres else Postgres()
    if pg is not None and not pg.bin:
        print("geen PostgreSQL-server gevonden: alleen SQLite gemeten (installeer postgresql, of geef --zonder-postgres)", file=sys.stderr)
        pg = None
    def vragen(jaar):
        return [
            (f"cijfers --per gemeente ({jaar})", ["cijfers", "--jaar", str(jaar), "--per", "gemeente", "--format", "csv"], True),
            (f"prognose jaar {jaar}, peildatum 30-06", ["prognose", "jaar", "--jaar", str(jaar), "--peildatum", f"{jaar}-06-30", "--format", "csv"], False),
            (f"verevening {jaar}", ["verevening", "--jaar", str(jaar), "--format", "csv"], False),
        ]
    signalen = ("signalen (lijst, alle)", ["signalen", "lijst", "--status", "alle", "--format", "csv"], False)
    try:
        if not opt.zonder_regio:
            map_ = os.path.join(opt.map, "regio")
            rijen += schaal("regio", rm, map_, 2019, env, ["demo"], vragen(2019) + [signalen])
            if pg:
                rijen += postgres_schaal("regio", rm, map_, env, pg, vragen(2019))
        if not opt.zonder_land:
            map_ = os.path.join(opt.map, "land")
            rijen += schaal("land", rm, map_, 2025, env, ["demo", "--schaal", "land", "--fractie", opt.fractie], vragen(2025) + [signalen],
                            met_delta=not opt.zonder_delta)
            if pg:
                rijen += postgres_schaal("land", rm, map_, env, pg, vragen(2025))
    finally:
        if pg:
            pg.stop()
    print()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; {time.strftime('%Y-%m-%d')}")
    print(f"{'schaal':7} {'stap':48} {'regiomonitor':>13} {'piek-RSS':>9} {'DuckDB':>9} {'verhouding':>10}")
    for naam, stap, duur, rss, duck in rijen:
        verh = f"{duur / duck:.1f}x" if duck and duur else ""
        tijd = f"{duur:12.3f}s" if duur else "  afgebroken"
        print(f"{naam:7} {stap:48} {tijd} {(f'{rss:8.0f}M' if rss else ''):>9} {(f'{duck:8.2f}s' if duck else ''):>9} {verh:>10}")


if __name__ == "__main__":
    main()
