#!/usr/bin/env python3
"""Prints each benchmark's CPU time (one core) of a Google Benchmark JSON file beside the reference's CPU seconds
(counter peer_seconds) as a speed-up ratio: usage compare_peer.py build/release/bench-results/rules_bench.json"""
import json
import sys

UNIT = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def main(path):
    data = json.load(open(path))
    print(f"{'benchmark':<70} {'CPU (s)':>10} {'peer (s)':>10} {'ratio':>9}")
    for b in data["benchmarks"]:
        ours = b["cpu_time"] * UNIT[b.get("time_unit", "ns")]
        peer = b.get("peer_seconds")
        ratio = f"{peer / ours:,.0f}x" if peer else ""
        print(f"{b['name']:<70} {ours:>10.4f} {peer if peer else '':>10} {ratio:>9}")


if __name__ == "__main__":
    main(sys.argv[1])
