"""Durability: ballots are cast concurrently over HTTP, the server is killed with SIGKILL mid-load and
restarted; every ballot that got a 2xx must be stored, and nothing may be half-applied. Runs against
SQLite and against a private PostgreSQL. Usage: server_durability_test.py [sqlite|postgres ...]"""
import os
import sys
import tempfile
import threading
import time

import server_harness as h

PARTNERS = 40
INITIATIVES = 6
THREADS = 8


def ballot_for(partner, version):
    """The ballot a partner casts the `version`-th time: which initiatives it approves encodes `version`."""
    return {"format": "approvals", "entries": [{"initiative": i} for i in version["approve"]], "objections": []}


def cast_until_killed(representatives, initiative_ids, log, stop, worker):
    """Casts ballots round-robin over this worker's partners until the server dies; records, per
    partner, the last acknowledged ballot and every ballot attempted after it."""
    mine = [p for k, p in enumerate(sorted(representatives)) if k % THREADS == worker]
    n = 0
    while not stop.is_set():
        partner = mine[n % len(mine)]
        n += 1
        approve = [i for b, i in enumerate(initiative_ids) if (n >> b) & 1] or [initiative_ids[0]]
        entry = log[partner]
        entry["pending"].append(sorted(approve))
        try:
            status, _ = representatives[partner].call("PUT", f"/api/cycles/1/ballots/{partner}",
                                                      ballot_for(partner, {"approve": approve}))
        except Exception:
            return  # the server is gone
        if 200 <= status < 300:
            entry["acked"] = sorted(approve)
            entry["acks"] += 1
            entry["pending"] = []
        else:
            entry["errors"].append(status)


def run(backend, binary, pg_binary):
    workdir = tempfile.mkdtemp(prefix="covalue-kill-")
    postgres = None
    if backend == "postgres":
        postgres = h.Postgres(pg_binary)
        db = postgres.url
    else:
        db = os.path.join(workdir, "kill.db")
    server = None
    try:
        server = h.Server(binary, db, threads=2)
        coordinator, representatives, initiative_ids = h.build_network(binary, db, server, PARTNERS, INITIATIVES)
        log = {p: {"acked": None, "acks": 0, "pending": [], "errors": []} for p in representatives}
        stop = threading.Event()
        workers = [threading.Thread(target=cast_until_killed, args=(representatives, initiative_ids, log, stop, w))
                   for w in range(THREADS)]
        for w in workers:
            w.start()
        h.wait_until(lambda: sum(e["acks"] for e in log.values()) >= 300, 30)
        server.kill()  # mid-load: requests are in flight
        stop.set()
        for w in workers:
            w.join(timeout=30)
        acked_total = sum(e["acks"] for e in log.values())
        errors = [s for e in log.values() for s in e["errors"]]
        assert not errors, f"{backend}: non-2xx answers under load: {sorted(set(errors))}"
        server = h.Server(binary, db, threads=2)
        check_after_restart(backend, binary, db, server, representatives, log)
        print(f"{backend}: {acked_total} acknowledged casts before SIGKILL; all present after restart")
    finally:
        if server is not None:
            server.stop()
        if postgres is not None:
            postgres.stop()


def check_after_restart(backend, binary, db, server, representatives, log):
    for partner, entry in log.items():
        client = h.Client(server, representatives[partner].token)
        mine = client.must("GET", "/api/cycles/1/ballots")
        stored = [b for b in mine if b["partner"] == partner]
        if entry["acked"] is None and not entry["pending"]:
            assert not stored, f"{backend}: partner {partner} never cast, yet has a ballot"
            continue
        if entry["acked"] is None:
            # Only unacknowledged attempts: either one of them committed, or none did.
            allowed = entry["pending"]
            assert not stored or sorted(x["initiative"] for x in stored[0]["entries"]) in allowed
            continue
        assert len(stored) == 1, f"{backend}: partner {partner} got a 2xx but has no ballot after restart"
        got = sorted(x["initiative"] for x in stored[0]["entries"])
        # The last acknowledged ballot, or one attempted after it that committed just before the kill.
        assert got == entry["acked"] or got in entry["pending"], \
            f"{backend}: partner {partner}: stored {got}, last acknowledged {entry['acked']}"
    verified = h.covalue(binary, "audit", "verify", "--db", db)
    assert "intact" in verified, f"{backend}: audit chain broken after the kill: {verified}"
    coordinator_secret = h.covalue(binary, "token", "issue", "--db", db, "--role", "coordinator").strip()
    coordinator = h.Client(server, coordinator_secret)
    outcome = coordinator.must("POST", "/api/cycles/1/close", {"confirm_low_turnout": True})
    assert outcome is not None


def main():
    binary, pg_binary = h.binaries()
    backends = sys.argv[1:] or ["sqlite", "postgres"]
    started = time.time()
    for backend in backends:
        run(backend, binary, pg_binary)
    print(f"durability test passed in {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()
