"""Scale-out: two `covalue serve` processes on one PostgreSQL. Two coordinators close the same cycle at
once (one succeeds, the other gets 409), while representatives cast ballots through both servers:
every ballot is either counted or refused, never half-counted."""
import threading
import time

import server_harness as h

PARTNERS = 24
INITIATIVES = 5


def cast_loop(clients, partner, initiative_ids, record, start, closed):
    """Casts ballots for one partner through alternating servers until a cast is refused after close."""
    start.wait()
    n = 0
    while True:
        n += 1
        approve = [i for b, i in enumerate(initiative_ids) if (n + partner) >> b & 1] or [initiative_ids[0]]
        body = {"format": "approvals", "entries": [{"initiative": i} for i in approve], "objections": []}
        status, reply = clients[n % 2].call("PUT", f"/api/cycles/1/ballots/{partner}", body)
        if 200 <= status < 300:
            record["acked"] = sorted(approve)
        elif status == 409:
            record["refused"] += 1
            if closed.is_set():
                return
        else:
            record["unexpected"].append((status, reply))
            return
        if record["refused"] > 0 and closed.is_set():
            return


def close_once(client, results, start):
    start.wait()
    time.sleep(0.05)
    results.append(client.call("POST", "/api/cycles/1/close", {"confirm_low_turnout": True}))


def main():
    binary, pg_binary = h.binaries()
    started = time.time()
    postgres = h.Postgres(pg_binary)
    servers = []
    try:
        db = postgres.url
        servers.append(h.Server(binary, db, threads=2))
        coordinator, representatives, initiative_ids = h.build_network(binary, db, servers[0], PARTNERS, INITIATIVES)
        servers.append(h.Server(binary, db, threads=2))
        second = h.covalue(binary, "token", "issue", "--db", db, "--role", "coordinator").strip()
        coordinators = [h.Client(servers[0], coordinator.token), h.Client(servers[1], second)]
        records = {p: {"acked": None, "refused": 0, "unexpected": []} for p in representatives}
        start, closed = threading.Event(), threading.Event()
        threads = []
        for partner, client in representatives.items():
            pair = [h.Client(servers[0], client.token), h.Client(servers[1], client.token)]
            threads.append(threading.Thread(target=cast_loop,
                                            args=(pair, partner, initiative_ids, records[partner], start, closed)))
        close_results = []
        closers = [threading.Thread(target=close_once, args=(c, close_results, start)) for c in coordinators]
        for t in threads + closers:
            t.start()
        start.set()
        for t in closers:
            t.join(timeout=120)
        closed.set()
        for t in threads:
            t.join(timeout=120)
        statuses = sorted(status for status, _ in close_results)
        assert statuses == [200, 409], f"two concurrent closes gave {statuses}: {close_results}"
        conflict = [reply for status, reply in close_results if status == 409][0]
        assert conflict["error"]["kind"] == "conflict", conflict
        unexpected = {p: r["unexpected"] for p, r in records.items() if r["unexpected"]}
        assert not unexpected, f"answers other than 2xx or 409: {unexpected}"
        check_counted(coordinators, records)
        print(f"scale-out test passed in {time.time() - started:.1f} s: "
              f"{sum(1 for r in records.values() if r['acked'])} partners' ballots counted, "
              f"{sum(r['refused'] for r in records.values())} casts refused after close")
    finally:
        for server in servers:
            server.stop()
        postgres.stop()


def check_counted(coordinators, records):
    """Every acknowledged ballot is the stored one and was counted; nothing else was."""
    ballots = coordinators[1].must("GET", "/api/cycles/1/ballots")  # public disclosure after close
    stored = {b["partner"]: sorted(e["initiative"] for e in b["entries"]) for b in ballots}
    outcome = coordinators[0].must("GET", "/api/cycles/1/outcome")
    voted = {p["partner"] for p in outcome["partners"] if p["voted"]}
    for partner, record in records.items():
        if record["acked"] is None:
            assert partner not in stored, f"partner {partner}: never acknowledged, yet stored"
            continue
        assert stored.get(partner) == record["acked"], \
            f"partner {partner}: stored {stored.get(partner)}, last acknowledged {record['acked']}"
    assert voted == set(stored), f"counted {sorted(voted)} but stored {sorted(stored)}"


if __name__ == "__main__":
    main()
