#!/usr/bin/env python3
"""What if on the server (issue 16 item 5): how long a what-if of N networks x C cycles takes on the demo network,
and the latency of GET /api/home while it runs against idle (p50, p99). Starts `covalue serve` on a fresh demo
database on an ephemeral loopback port and stops it by its pid.

    bench/server/what_if_bench.py [--bin build/release/apps/covalue] [--networks 200] [--cycles 20]

Prints the figures as JSON and as the Markdown rows of BENCHMARKS.md's section.
"""
import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def request(port, method, path, token, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": "Bearer " + token}
    if body is not None:
        headers["Content-Type"] = "application/json"
    start = time.perf_counter()
    connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = connection.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - start
    connection.close()
    return response.status, data, elapsed


def main():
    parser = argparse.ArgumentParser()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--bin", default=os.path.join(root, "build/release/apps/covalue"))
    parser.add_argument("--networks", type=int, default=200)
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--idle-requests", type=int, default=300)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="covalue-what-if-bench-")
    db = os.path.join(work, "demo.db")
    subprocess.run([args.bin, "demo", "--replace", "--db", db], check=True, capture_output=True)
    issued = subprocess.run([args.bin, "token", "issue", "--db", db, "--role", "coordinator"], check=True,
                            capture_output=True, text=True)
    token = re.search(r"cvt_[0-9a-f]+", issued.stdout + issued.stderr).group(0)
    os.makedirs(os.path.join(work, "web"))
    server = subprocess.Popen([args.bin, "serve", "--db", db, "--listen", "127.0.0.1:0", "--web",
                               os.path.join(work, "web")], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = None
        while port is None:
            line = server.stdout.readline()
            if not line:
                sys.exit("covalue serve stopped before listening")
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            port = int(found.group(1)) if found else None
        for _ in range(20):  # warm the caches
            request(port, "GET", "/api/home", token)
        idle = [request(port, "GET", "/api/home", token)[2] for _ in range(args.idle_requests)]
        status, body, _ = request(port, "POST", "/api/simulations", token,
                                  {"charter": {"sharing": "none"}, "networks": args.networks, "cycles": args.cycles})
        if status != 202:
            sys.exit(f"POST /api/simulations: {status} {body[:300]!r}")
        job = json.loads(body)
        started = time.perf_counter()
        busy = []
        while True:
            for _ in range(20):
                busy.append(request(port, "GET", "/api/home", token)[2])
            status, body, _ = request(port, "GET", f"/api/simulations/{job['id']}", token)
            job = json.loads(body)
            if job["state"] not in ("queued", "running"):
                break
        wall = time.perf_counter() - started
        if job["state"] != "done":
            sys.exit(f"the simulation ended {job['state']}: {job.get('error')}")
        partners = job["results"]["start"]["partners"]
        figures = {
            "networks": args.networks, "cycles": args.cycles, "partners": partners,
            "job_seconds": round(job["seconds"], 2), "wall_seconds": round(wall, 2),
            "idle_ms": {"n": len(idle), "p50": round(1000 * statistics.median(idle), 2),
                        "p99": round(1000 * percentile(idle, 0.99), 2)},
            "busy_ms": {"n": len(busy), "p50": round(1000 * statistics.median(busy), 2),
                        "p99": round(1000 * percentile(busy, 0.99), 2)},
        }
        print(json.dumps(figures, indent=2))
        print(f"| {args.networks} networks x {args.cycles} cycles x 2 charters, {partners} partners | "
              f"{figures['job_seconds']} s | GET /api/home idle p50 {figures['idle_ms']['p50']} ms, "
              f"p99 {figures['idle_ms']['p99']} ms | while it runs p50 {figures['busy_ms']['p50']} ms, "
              f"p99 {figures['busy_ms']['p99']} ms ({len(busy)} requests) |")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
