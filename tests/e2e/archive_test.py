"""A network moves between stores whole: the demo network (plus tokens, a scorecard with scores, a
cycle that is voting, and the history archive version 3 carries: discussion, delivery by the lead, a delegation,
a charter proposal with a position, preferences, a password) goes SQLite -> archive -> PostgreSQL -> archive -> SQLite. Every read a person can
make (listings and reports, as JSON) is identical on the three databases, `covalue audit verify` passes on
each, every carried table holds the same rows in the first and the last SQLite file, the API reads of the
newer features are identical, person 1 signs in with its password on the last database, the two archives are
byte-identical (the last import reads its archive from stdin), and a token issued on the first database still opens the API
of the last. On PostgreSQL, an import into a database holding a network and an archive with a broken
chain are refused and change nothing. Prints the archive's size and the export and import times."""
import http.client
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_harness import Client, Postgres, Server, binaries, covalue  # noqa: E402

# What the demo leaves out; `token issue` prints the secret on stdout.
EXTRAS = [
    ["token", "issue", "--role", "coordinator", "--label", "boss"],
    ["token", "issue", "--role", "representative", "--partner", "2", "--label", "rep"],
    ["token", "revoke", "1"],
    ["cycle", "open"],
    ["scorecard", "define", "--criterion", "reach:reach", "--criterion", "value:value", "--criterion",
     "effort:effort", "--shortlist", "3"],
    ["scorecard", "score", "--partner", "1", "--initiative", "31", "reach=4", "value=7", "effort=2"],
    ["cycle", "shortlist", "9"],
    ["cycle", "vote"],
    ["ballot", "cast", "--partner", "1", "--approve", "31"],
]

# What archive version 3 carries row by row (docs/archive.md): a person with preferences (and, below, a password),
# a thread with a hidden reply, a delegation, delivery by the lead, a charter proposal with a position, coordination.
HISTORY = [
    ["token", "issue", "--role", "coordinator", "--label", "mover"],
    ["person", "add", "--partner", "1", "--name", "Ana", "--email", "ana@one.example"],
    ["person", "preferences", "--person", "1", "--set", "cycle_opened=daily"],
    ["comment", "add", "initiative", "31", "--body", "Can the lockers take returns?"],
    ["comment", "add", "initiative", "31", "--body", "A reply", "--reply-to", "5"],
    ["comment", "hide", "6", "--reason", "off topic"],
    ["ballot", "delegate", "--partner", "3", "--to", "2"],
    ["initiative", "update", "--initiative", "29", "--text", "Pilot live in two warehouses"],
    ["initiative", "milestone", "add", "--initiative", "29", "--title", "Pilot live", "--due", "2027-03-31"],
    ["network", "update", "--amendment-rule", "consent"],
    ["charter", "propose", "--capacity", "50", "--rationale", "Two partners joined"],
    ["charter", "position", "1", "--partner", "2", "--position", "object", "--reason", "Too much work"],
    ["charter", "willing", "--partner", "2"],
]

# The API reads of what version 3 carries, compared between the first and the last database.
# (The activity feed and the inbox are a person's: their tables are compared row by row.)
API_READS = ["/api/threads/initiative/31/comments", "/api/comments/6/history", "/api/initiatives/29/delivery",
             "/api/charter/proposals", "/api/coordination", "/api/cycles/9/delegations",
             "/api/people/1/preferences", "/api/people"]

# Tables an archive deliberately does not carry (program/src/archive_tables.cpp, archive_exclusions()).
NOT_CARRIED = {"web_sessions", "password_links", "schema_migrations"}
PASSWORD = "a long passphrase for Ana"


def table_rows(db):
    """{table: sorted rows without network_id} of every table of a SQLite file an archive carries."""
    connection = sqlite3.connect(db)
    out = {}
    for (table,) in connection.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                                       "'sqlite_%'"):
        if table in NOT_CARRIED:
            continue
        columns = [c[1] for c in connection.execute(f"PRAGMA table_info({table})")
                   if c[1] != "network_id" and not (table == "networks" and c[1] == "id")]
        out[table] = sorted(connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
    connection.close()
    return out


def set_password(binary, db, coordinator):
    """Gives person 1 a password through a set-password link, as the web UI does."""
    link = covalue(binary, "person", "invite", "--person", "1", "--db", db).strip()
    server = Server(binary, db)
    try:
        Client(server, coordinator).must("POST", "/api/password",
                                          {"link": link[link.index("cvp_"):].split()[0], "password": PASSWORD})
    finally:
        server.stop()


def sign_in(server, email, password):
    """The status of POST /api/session with an e-mail address and a password (no token)."""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
    try:
        connection.request("POST", "/api/session", body=json.dumps({"email": email, "password": password}),
                           headers={"Content-Type": "application/json"})
        return connection.getresponse().status
    finally:
        connection.close()


def api_reads(binary, db, token):
    """{path: (status, body)} of the API reads of what version 3 carries."""
    server = Server(binary, db)
    try:
        client = Client(server, token)
        return {path: client.call("GET", path) for path in API_READS}
    finally:
        server.stop()


def reads_of(binary, db, archive):
    """{command: stdout} of every listing and report of the network in `archive` (its JSON)."""
    commands = [["network", "show"], ["partner", "list"], ["initiative", "list"], ["scorecard", "show"],
                ["token", "list"], ["audit", "list", "--limit", "10000"], ["report", "network"],
                ["report", "fairness"], ["report", "engagement"], ["report", "kpi"]]
    commands += [["report", "cycle", str(c["number"])] for c in archive["cycles"]]
    commands += [["report", "partner", str(p["id"])] for p in archive["partners"]]
    return {" ".join(c): covalue(binary, *c, "--format", "json", "--db", db) for c in commands}


def export(binary, db, path):
    started = time.monotonic()
    covalue(binary, "network", "export", "--db", db, "--output", path)
    return time.monotonic() - started


def import_into(binary, db, path, stdin=False):
    """Imports the archive at `path` (through standard input when `stdin`); returns the seconds it took."""
    started = time.monotonic()
    if stdin:
        with open(path, "rb") as f:
            subprocess.run([binary, "network", "import", "-", "--db", db], stdin=f, check=True,
                           capture_output=True, timeout=120)
    else:
        covalue(binary, "network", "import", path, "--db", db)
    return time.monotonic() - started


def refused(binary, db, path, message):
    """Problems, if `network import path` into `db` is not refused with `message`, or changes `db`."""
    before = subprocess.run([binary, "network", "export", "--output", "-", "--db", db], capture_output=True)
    result = subprocess.run([binary, "network", "import", path, "--db", db], capture_output=True, text=True)
    after = subprocess.run([binary, "network", "export", "--output", "-", "--db", db], capture_output=True)
    problems = []
    if result.returncode != 1 or message not in result.stderr:
        problems.append(f"import {os.path.basename(path)}: exit {result.returncode}, {result.stderr!r}")
    if (before.returncode, before.stdout, before.stderr) != (after.returncode, after.stdout, after.stderr):
        problems.append(f"import {os.path.basename(path)} changed the target database")
    return problems


def compare(name, got, want):
    return [f"{name}: {command} differs" for command in want if got.get(command) != want[command]]


def main():
    binary, pg_binary = binaries()
    problems = []
    with tempfile.TemporaryDirectory() as work:
        source, final = os.path.join(work, "source.db"), os.path.join(work, "final.db")
        covalue(binary, "demo", "--db", source)
        secrets = [covalue(binary, *extra, "--db", source).strip() for extra in EXTRAS][:2]
        coordinator = [covalue(binary, *extra, "--db", source).strip() for extra in HISTORY][0]
        set_password(binary, source, coordinator)
        first, second, third = (os.path.join(work, f"archive-{n}.json") for n in (1, 2, 3))
        times = {"export sqlite": export(binary, source, first)}
        with open(first, "rb") as f:
            first_bytes = f.read()
        archive = json.loads(first_bytes)
        want = reads_of(binary, source, archive)
        postgres = Postgres(pg_binary)
        try:
            times["import postgres"] = import_into(binary, postgres.url, first)
            times["export postgres"] = export(binary, postgres.url, second)
            problems += compare("postgres", reads_of(binary, postgres.url, archive), want)
            covalue(binary, "audit", "verify", "--db", postgres.url)
            problems += refused(binary, postgres.url, first, "already exists")  # the same name twice
            empty = postgres.url.rsplit("/", 1)[0] + "/empty_target"
            subprocess.run(["psql", postgres.url, "-q", "-c", "CREATE DATABASE empty_target"], check=True)
            tampered = dict(archive)
            tampered["audit"] = [dict(e) for e in archive["audit"]]
            tampered["audit"][20]["detail"] = '{"tampered":true}'
            broken = os.path.join(work, "broken.json")
            with open(broken, "w") as f:
                json.dump(tampered, f)
            problems += refused(binary, empty, broken, "the archive's audit chain is broken at entry 21")
        finally:
            postgres.stop()
        times["import sqlite"] = import_into(binary, final, second, stdin=True)
        export(binary, final, third)
        problems += compare("sqlite again", reads_of(binary, final, archive), want)
        covalue(binary, "audit", "verify", "--db", final)
        for path in (second, third):
            with open(path, "rb") as f:
                if f.read() != first_bytes:
                    problems.append(f"{os.path.basename(path)} differs from the first archive")
        source_rows, final_rows = table_rows(source), table_rows(final)
        for table in sorted(set(source_rows) | set(final_rows)):
            if source_rows.get(table) != final_rows.get(table):
                problems.append(f"table {table}: the rows of the last database differ from the first's")
        for table in ("comments", "milestones", "initiative_updates", "delegations", "charter_positions",
                      "notification_preferences", "activity", "notification_events"):
            if not final_rows.get(table):
                problems.append(f"table {table}: empty, the test's history did not reach it")
        want_api = api_reads(binary, source, coordinator)
        got_api = api_reads(binary, final, coordinator)
        for path in API_READS:
            if want_api[path][0] != 200 or got_api[path] != want_api[path]:
                problems.append(f"GET {path}: {got_api[path][0]} on the last database, {want_api[path][0]} first, "
                                "or their bodies differ")
        server = Server(binary, final)
        try:
            for secret, status in zip(secrets, (401, 200)):  # token 1 was revoked
                got, _ = Client(server, secret).call("GET", "/api/session")
                if got != status:
                    problems.append(f"a token issued before the moves: GET /api/session {got}, expected {status}")
            got = sign_in(server, "ana@one.example", PASSWORD)
            if got != 201:
                problems.append(f"a password set before the moves: POST /api/session {got}, expected 201")
        finally:
            server.stop()
    print(f"archive: {len(first_bytes)} bytes, {len(archive['audit'])} audit entries, {len(want)} reads and "
          f"{len(API_READS)} API reads compared, {len(source_rows)} tables row by row")
    print(", ".join(f"{k} {v:.2f}s" for k, v in times.items()))
    for problem in problems:
        print("FAIL " + problem)
    print(f"{'FAILED' if problems else 'passed'}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
