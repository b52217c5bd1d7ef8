"""Upgrades never lose data: the network of tests/upgrade/v1, made by an earlier release (see
make-fixture.sh), opened by this build, prints every report that release printed: text byte for byte, JSON with
every member and row of the old report unchanged (a later release may add members, such as a new column).

- SQLite: a copy of covalue-v1.db (the committed file is never opened).
- PostgreSQL: postgres-v1.sql loaded with psql into a private cluster (covalue-test-pg).

A report's file name is its command: `report-partner-3.json` is `covalue report partner 3 --format
json`, `audit-verify.txt` is `covalue audit verify` (text); reports-postgres/ holds the PostgreSQL
network's files that differ from reports/ (times and hashes of that run).

The migration keeps FILE.bak-v3 beside the SQLite file (the fixture's rows, checked), and a database
whose schema is newer than this binary's is refused on both, its SQLite file left byte for byte."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "e2e"))
from server_harness import Postgres, binaries  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "v1")
#Arguments a command was run with beyond its name and its format.
EXTRA_ARGS = {"audit list": ["--limit", "10000"]}


def command_of(file_name):
    """The covalue command (argument list) that printed `file_name`."""
    stem, extension = os.path.splitext(file_name)
    words = stem.split("-")
    args = words + EXTRA_ARGS.get(" ".join(words[:2]), [])
    if extension == ".json":
        args += ["--format", "json"]
    return args


def expected_files(store):
    """{file name: expected bytes} for one store: reports/, overridden by reports-<store>/."""
    expected = {}
    for folder in ("reports", f"reports-{store}"):
        path = os.path.join(FIXTURE, folder)
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                with open(os.path.join(path, name), "rb") as f:
                    expected[name] = f.read()
    return expected


def contains(want, got):
    """True when `got` holds everything `want` holds, at the same places: objects may have more members."""
    if isinstance(want, dict):
        return isinstance(got, dict) and all(k in got and contains(v, got[k]) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(got, list) and len(want) == len(got) and all(contains(w, g) for w, g in zip(want, got))
    return want == got


def same_report(name, want, got):
    """Text reports compare byte for byte; JSON ones by contains()."""
    if not name.endswith(".json"):
        return want == got
    try:
        return contains(json.loads(want), json.loads(got))
    except ValueError:
        return False


def check_store(binary, db, store):
    """Runs every report against `db`; returns the list of differences."""
    problems = []
    for name, want in expected_files(store).items():
        args = command_of(name)
        got = subprocess.run([binary, *args, "--db", db], capture_output=True, timeout=120)
        if got.returncode != 0:
            problems.append(f"{store}: covalue {' '.join(args)}: exit {got.returncode}: {got.stderr.decode()}")
        elif not same_report(name, want, got.stdout):
            problems.append(f"{store}: covalue {' '.join(args)}: differs from {name} ({len(got.stdout)} bytes, "
                            f"expected {len(want)})")
    return problems


def table_rows(path):
    """Every row of every covalue table of a SQLite file, sorted, by table name."""
    with sqlite3.connect(path) as db:
        tables = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {
table: sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}


def check_backup(original, db):
    """The migration kept FILE.bak-v3: the database as the earlier release left it, row for row."""
    backup = db + ".bak-v3"
    if not os.path.exists(backup):
        return [f"sqlite: no backup {os.path.basename(backup)} beside the migrated database"]
    if table_rows(backup) != table_rows(original):
        return ["sqlite: the backup's rows differ from the fixture's"]
    return []


def check_newer_refused(binary, work):
    """A database of a newer schema than this binary's is refused with a clear error and left untouched."""
    newer = os.path.join(work, "newer.db")
    shutil.copyfile(os.path.join(FIXTURE, "covalue-v1.db"), newer)
    with sqlite3.connect(newer) as db:
        db.execute("INSERT INTO schema_migrations (version, description) VALUES (99, 'from the future')")
    db.close()
    with open(newer, "rb") as f:
        before = f.read()
    got = subprocess.run([binary, "network", "show", "--db", newer], capture_output=True, text=True, timeout=60)
    problems = []
    if got.returncode == 0 or "newer than this covalue knows" not in got.stderr:
        problems.append(f"sqlite: a newer database was not refused: exit {got.returncode}: {got.stderr}")
    with open(newer, "rb") as f:
        if f.read() != before:
            problems.append("sqlite: refusing a newer database changed its file")
    if os.path.exists(newer + ".bak-v99") or any(n.startswith("newer.db.bak") for n in os.listdir(work)):
        problems.append("sqlite: a backup was made of a database that was refused")
    return problems


def main():
    binary, pg_binary = binaries()
    problems = []
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "covalue-v1.db")
        shutil.copyfile(os.path.join(FIXTURE, "covalue-v1.db"), db)
        problems += check_store(binary, db, "sqlite")
        count = len(expected_files("sqlite"))
        print(f"sqlite: {count} reports compared")
        problems += check_backup(os.path.join(FIXTURE, "covalue-v1.db"), db)
        problems += check_newer_refused(binary, work)
    postgres = Postgres(pg_binary)
    try:
        loaded = subprocess.run(["psql", postgres.url, "-q", "-v", "ON_ERROR_STOP=1", "-f",
                                 os.path.join(FIXTURE, "postgres-v1.sql")], capture_output=True, text=True,
                                timeout=120)
        if loaded.returncode != 0:
            problems.append("postgres: loading postgres-v1.sql failed: " + loaded.stderr)
        else:
            problems += check_store(binary, postgres.url, "postgres")
            print(f"postgres: {len(expected_files('postgres'))} reports compared")
            subprocess.run(["psql", postgres.url, "-q", "-c",
                            "INSERT INTO schema_migrations (version, description) VALUES (99, 'from the future')"],
                           check=True, capture_output=True, timeout=60)
            got = subprocess.run([binary, "network", "show", "--db", postgres.url], capture_output=True, text=True,
                                 timeout=60)
            if got.returncode == 0 or "newer than this covalue knows" not in got.stderr:
                problems.append(f"postgres: a newer database was not refused: exit {got.returncode}: {got.stderr}")
    finally:
        postgres.stop()
    for problem in problems:
        print("FAIL " + problem)
    print(f"{'FAILED' if problems else 'passed'}: {len(problems)} difference(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
