#!/usr/bin/env python3
"""Writes apps/demo/network_cycle.pb: one improvement cycle of a demo partner network as a Pabulib
election (voters = partner delegates, projects = initiatives, costs in capacity units).
Deterministic: the same file every run."""
import random

INITIATIVES = [
    ("demand-feed", "Shared demand-forecast feed", 120, ["supply_chain"]),
    ("returnable-pack", "Returnable packaging pool", 90, ["supply_chain", "consumer_experience"]),
    ("last-mile-hub", "Consolidated last-mile delivery hub", 160, ["consumer_experience"]),
    ("order-api", "Order API integration", 70, ["sales"]),
    ("joint-returns", "Joint returns processing centre", 110, ["consumer_experience"]),
    ("asn-edi", "Advance shipping notices over EDI", 40, ["supply_chain"]),
    ("slotting", "Dock slotting and appointment booking", 55, ["supply_chain"]),
    ("vmi", "Vendor-managed inventory pilot", 85, ["manufacturing", "supply_chain"]),
    ("carbon-ledger", "Shared carbon ledger per order", 65, ["sales"]),
    ("damage-photo", "Photo proof of delivery and damage", 30, ["consumer_experience"]),
    ("co-forecast", "Collaborative promotion planning", 75, ["sales", "manufacturing"]),
    ("pallet-std", "Pallet and label standard", 25, ["manufacturing"]),
]
TIERS = {
    "raw_materials": ["vmi", "pallet-std", "demand-feed", "co-forecast"],
    "manufacturer": ["demand-feed", "vmi", "co-forecast", "pallet-std", "asn-edi"],
    "distributor": ["slotting", "asn-edi", "returnable-pack", "demand-feed"],
    "logistics": ["slotting", "last-mile-hub", "returnable-pack", "asn-edi", "damage-photo"],
    "retailer": ["order-api", "joint-returns", "demand-feed", "co-forecast", "carbon-ledger"],
    "marketplace": ["order-api", "joint-returns", "carbon-ledger", "damage-photo"],
    "last_mile": ["last-mile-hub", "damage-photo", "joint-returns", "returnable-pack"],
}


def main():
    rng = random.Random(20261123)
    voters = []
    for tier, liked in TIERS.items():
        for delegate in range(rng.randint(5, 9)):
            approvals = [p for p in liked if rng.random() < 0.7]
            extra = [p for p, *_ in INITIATIVES if p not in liked and rng.random() < 0.08]
            ballot = approvals + extra or [liked[0]]
            voters.append((f"{tier}-{delegate + 1}", ballot, tier))
    lines = ["META", "key;value", "description;Demo partner network, improvement cycle 9",
             "country;Network", "unit;covalue demo", "instance;cycle-9",
             f"num_projects;{len(INITIATIVES)}", f"num_votes;{len(voters)}", "budget;400",
             "vote_type;approval", "rule;equal-shares", "currency;capacity units",
             "PROJECTS", "project_id;cost;name;category"]
    for pid, name, cost, cats in INITIATIVES:
        lines.append(f"{pid};{cost};{name};{','.join(cats)}")
    lines += ["VOTES", "voter_id;vote;tier"]
    for vid, ballot, tier in voters:
        lines.append(f"{vid};{','.join(ballot)};{tier}")
    with open("apps/demo/network_cycle.pb", "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
