"""A network moves between stores whole: the demo network (plus tokens, a scorecard with scores and a
cycle that is voting) goes SQLite -> archive -> PostgreSQL -> archive -> SQLite. Every read a person can
make (listings and reports, as JSON) is identical on the three databases, `covalue audit verify` passes on
each, the two archives are byte-identical (the last import reads its archive from stdin), and a token issued on the first database still opens the API
of the last. On PostgreSQL, an import into a database holding a network and an archive with a broken
chain are refused and change nothing. Prints the archive's size and the export and import times."""
import json
import os
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
        server = Server(binary, final)
        try:
            for secret, status in zip(secrets, (401, 200)):  # token 1 was revoked
                got, _ = Client(server, secret).call("GET", "/api/session")
                if got != status:
                    problems.append(f"a token issued before the moves: GET /api/session {got}, expected {status}")
        finally:
            server.stop()
    print(f"archive: {len(first_bytes)} bytes, {len(archive['audit'])} audit entries, {len(want)} reads compared")
    print(", ".join(f"{k} {v:.2f}s" for k, v in times.items()))
    for problem in problems:
        print("FAIL " + problem)
    print(f"{'FAILED' if problems else 'passed'}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
