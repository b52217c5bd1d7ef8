"""Export and import time of the demo network with the history archive version 3 carries (tests/e2e/archive_test.py's
extras: discussion, delivery by the lead, a delegation, a charter proposal, preferences, a password), on SQLite and
on a private PostgreSQL: the whole `covalue network export|import` command, median of RUNS runs each (an import
into a new database each time, creating its tables included). Prints the archive's size, its rows per member and
the medians. Run from the checkout after building covalue and covalue-test-pg: python3 bench/archive_bench.py [RUNS]"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "e2e"))
from archive_test import EXTRAS, HISTORY, set_password  # noqa: E402
from server_harness import Postgres, binaries, covalue  # noqa: E402


def timed(*command):
    started = time.monotonic()
    covalue(*command)
    return time.monotonic() - started


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    binary, pg_binary = binaries()
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "source.db")
        covalue(binary, "demo", "--db", source)
        for extra in EXTRAS:
            covalue(binary, *extra, "--db", source)
        coordinator = [covalue(binary, *extra, "--db", source).strip() for extra in HISTORY][0]
        set_password(binary, source, coordinator)
        archive = os.path.join(work, "archive.json")
        figures = {"export sqlite": [], "import sqlite": [], "export postgres": [], "import postgres": []}
        for run in range(runs):
            figures["export sqlite"].append(timed(binary, "network", "export", "--db", source, "--output", archive))
            figures["import sqlite"].append(
                timed(binary, "network", "import", archive, "--db", os.path.join(work, f"copy-{run}.db")))
        postgres = Postgres(pg_binary)
        try:
            base = postgres.url.rsplit("/", 1)[0]
            for run in range(runs):
                target = f"{base}/bench_{run}"
                subprocess.run(["psql", postgres.url, "-q", "-c", f"CREATE DATABASE bench_{run}"], check=True)
                figures["import postgres"].append(timed(binary, "network", "import", archive, "--db", target))
                figures["export postgres"].append(
                    timed(binary, "network", "export", "--db", target, "--output", os.path.join(work, "pg.json")))
        finally:
            postgres.stop()
        with open(archive, "rb") as f:
            text = f.read()
        document = json.loads(text)
        rows = {k: len(v) for k, v in document.items() if isinstance(v, list)}
    print(f"archive: {len(text)} bytes; rows: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
    print(", ".join(f"{k} {statistics.median(v):.3f}s" for k, v in figures.items()) + f" (median of {runs})")


if __name__ == "__main__":
    main()
