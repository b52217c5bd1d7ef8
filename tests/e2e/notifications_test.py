"""Reaching partners end to end (issue 13 item 7), with real parts on loopback, each stopped by its pid: a real
SMTP server (Debian's python3-aiosmtpd, tests/support/smtp_sink.py) and a real HTTP receiver for webhooks
(tests/support/webhook_receiver.py) next to `covalue serve` with its scheduler and delivery worker.

1. A voting cycle reminds exactly the partners that have not voted, at the charter's lead time.
2. A closed cycle mails each partner's people its own result; the webhook's signature verifies.
3. SIGKILL of the server during a delivery burst, restart: every e-mail delivered, and a recipient never gets
   one event under two Message-IDs (a resend carries the same one, so mail clients drop it).
4. An unreachable SMTP server and a failing webhook retry, then dead-letter, while ballots go on."""
import hashlib
import hmac
import json
import os
import sys
import tempfile
import time

import server_harness as h

PEOPLE_PER_PARTNER = 6
PARTNERS = ["Mill", "Farm", "Depot"]
SECRET = "whsec-e2e-notifications"
# Retries and leases short enough for a test.
RETRY = ("--retry-base-seconds", "1", "--lease-seconds", "2")


def people_of(partner):
    return {f"{partner.lower()}{k}@north.example" for k in range(PEOPLE_PER_PARTNER)}


def main():
    binary, _ = h.binaries()
    started = []
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "north.db")
        inbox, slow_inbox, hooks = (os.path.join(tmp, d) for d in ("mail", "slow-mail", "hooks"))
        for d in (inbox, slow_inbox, hooks):
            os.mkdir(d)
        try:
            sink = h.Receiver("smtp_sink.py", "--dir", inbox)
            started.append(sink)
            receiver = h.Receiver("webhook_receiver.py", "--dir", hooks)
            started.append(receiver)
            # The network: three partners with six people each, one lead time of 1 hour, a webhook.
            h.covalue(binary, "network", "init", "--db", db, "--name", "North", "--capacity", "100", "--rule", "greedy")
            h.covalue(binary, "network", "update", "--db", db, "--reminder-hours", "1")
            person_id = 0
            for partner in PARTNERS:
                h.covalue(binary, "partner", "add", partner, "--db", db)
                for address in sorted(people_of(partner)):
                    h.covalue(binary, "person", "add", "--db", db, "--partner", partner, "--name", address.split("@")[0],
                              "--email", address)
                    person_id += 1  # people are numbered 1, 2, ... as they are added
                    # Cycle openings come in the daily digest by default: these people want them at once.
                    h.covalue(binary, "person", "preferences", "--db", db, "--person", str(person_id), "--set",
                              "cycle_opened=immediately")
            secret_file = os.path.join(tmp, "secret")
            with open(secret_file, "w") as f:
                f.write(SECRET)
            h.covalue(binary, "webhook", "add", "--db", db, "--url", f"http://127.0.0.1:{receiver.port}/hook",
                      "--secret-file", secret_file, "--format", "json")
            coordinator_secret = h.covalue(binary, "token", "issue", "--db", db, "--role", "coordinator").strip()
            reps = {p: h.covalue(binary, "token", "issue", "--db", db, "--role", "representative", "--partner", p).strip()
                    for p in PARTNERS}
            server = h.mail_serve(binary, db, sink.port, *RETRY)
            started.append(server)
            coordinator = h.Client(server, coordinator_secret)
            representative = {p: h.Client(server, reps[p]) for p in PARTNERS}
            coordinator.must("POST", "/api/cycles")
            initiative = coordinator.must("POST", "/api/initiatives", {
                "title": "Shared forecast", "proposer": 1, "cost": "30",
                "impacts": [{"partner": 1, "estimate": "10"}, {"partner": 2, "estimate": "5"},
                            {"partner": 3, "estimate": "2"}]})["id"]
            # 1. Voting closes in 1 hour and 4 seconds: the 1-hour reminder comes 4 seconds from now, to Depot only.
            coordinator.must("POST", "/api/cycles/1/voting", {"closes_at": h.utc_in(3604)})
            for partner, client in representative.items():
                if partner != "Depot":
                    client.must("PUT", f"/api/cycles/1/ballots/{PARTNERS.index(partner) + 1}",
                                {"entries": [{"initiative": initiative}]})
            h.check(h.wait_until(lambda: any(m[1] == "voting_closes_soon" for m in h.mails(inbox)), 20), "no reminder came")
            time.sleep(1.5)  # every reminder of the pass has arrived
            reminded = {m[0] for m in h.mails(inbox) if m[1] == "voting_closes_soon"}
            h.check(reminded == people_of("Depot"), f"reminded {sorted(reminded)}, not exactly Depot's people")
            opened = {m[0] for m in h.mails(inbox) if m[1] == "voting_opened"}
            h.check(opened == set().union(*map(people_of, PARTNERS)), f"voting_opened reached {sorted(opened)}")

            # 2. The close: each partner's people learn its own result; the webhook's body is signed.
            coordinator.must("POST", "/api/cycles/1/close", {"confirm_low_turnout": True})
            everyone = set().union(*map(people_of, PARTNERS))
            h.check(h.wait_until(lambda: {m[0] for m in h.mails(inbox) if m[1] == "cycle_closed"} == everyone, 20),
                  "not every person got its result")
            for rcpt, _, subject, _, text in (m for m in h.mails(inbox) if m[1] == "cycle_closed"):
                partner = next(p for p in PARTNERS if rcpt in people_of(p))
                h.check(subject == "Your result of cycle 1" or "cycle 1" in subject.lower(), subject)
                h.check(f"for {partner}." in text, f"{rcpt} got another partner's result: {text}")
            h.check(h.wait_until(lambda: any(n.endswith(".json") for n in os.listdir(hooks)), 10), "no webhook POST")
            time.sleep(1)
            posts = 0
            for name in sorted(n for n in os.listdir(hooks) if n.endswith(".json")):
                with open(os.path.join(hooks, name)) as f:
                    request = json.load(f)
                with open(os.path.join(hooks, name[:-5] + ".body"), "rb") as f:
                    body = f.read()
                headers = {k.lower(): v for k, v in request["headers"]}
                expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
                h.check(headers.get("x-covalue-signature") == expected, f"bad signature on {name}: {headers}")
                h.check(headers.get("x-covalue-delivery", "").startswith("n1."), headers)
                posts += 1
            h.check(posts >= 3, f"only {posts} webhook posts (cycle opened, voting opened, closed)")

            # 3. SIGKILL mid-burst: a slow relay (0.15 s a message), cycle 2 opens for all 18 people.
            server.stop()
            slow = h.Receiver("smtp_sink.py", "--dir", slow_inbox, "--delay", "0.15")
            started.append(slow)
            server = h.mail_serve(binary, db, slow.port, *RETRY)
            started.append(server)
            coordinator = h.Client(server, coordinator_secret)
            coordinator.must("POST", "/api/cycles")
            h.check(h.wait_until(lambda: len(h.mails(slow_inbox)) >= 4, 20), "the burst did not start")
            server.kill()
            at_kill = len(h.mails(slow_inbox))
            h.check(at_kill < len(everyone), f"the burst was over ({at_kill}) before the kill")
            server = h.mail_serve(binary, db, slow.port, *RETRY)
            started.append(server)
            coordinator = h.Client(server, coordinator_secret)
            opened2 = lambda: [m for m in h.mails(slow_inbox) if m[1] == "cycle_opened"]  # noqa: E731
            h.check(h.wait_until(lambda: {m[0] for m in opened2()} == everyone, 40),
                  f"after the restart not everyone got cycle 2: {sorted({m[0] for m in opened2()})}")
            ids = {}
            for rcpt, _, _, message, _ in opened2():
                ids.setdefault(rcpt, set()).add(message["Message-ID"])
            twice = {r: i for r, i in ids.items() if len(i) > 1}
            h.check(not twice, f"a recipient got one event under two Message-IDs: {twice}")
            resent = len(opened2()) - len(everyone)
            h.check(resent <= 1, f"{resent} messages sent twice: only the one in flight at the kill may be")
            pending = coordinator.must("GET", "/api/deliveries?state=pending")
            h.check(not [d for d in (pending.get("deliveries", pending) if isinstance(pending, dict) else pending)
                       if d["channel"] == "email"], f"e-mails still pending: {pending}")

            # 4. The relay is gone and a second webhook answers 500: retries, then dead letters; ballots go on.
            server.stop()
            h.covalue(binary, "webhook", "add", "--db", db, "--url", f"http://127.0.0.1:{receiver.port}/status/500",
                      "--secret-file", secret_file)
            server = h.mail_serve(binary, db, h.free_port(), *RETRY, "--max-attempts", "2")
            started.append(server)
            coordinator = h.Client(server, coordinator_secret)
            coordinator.must("POST", "/api/cycles/2/voting")
            for k, partner in enumerate(PARTNERS):
                t0 = time.time()
                h.Client(server, reps[partner]).must("PUT", f"/api/cycles/2/ballots/{k + 1}", {"entries": []})
                h.check(time.time() - t0 < 2, "a ballot waited for the failing deliveries")

            def dead():
                reply = coordinator.must("GET", "/api/deliveries?state=dead&limit=500")
                return reply.get("deliveries", reply) if isinstance(reply, dict) else reply

            h.check(h.wait_until(lambda: sum(1 for d in dead() if d["channel"] == "email") >= len(everyone), 30),
                  "e-mails to an unreachable relay did not end as dead letters")
            h.check(h.wait_until(lambda: any(d["channel"] == "webhook" for d in dead()), 30),
                  "the failing webhook did not end as a dead letter")
            letter = next(d for d in dead() if d["channel"] == "email")
            h.check(letter["attempts"] == 2 and "127.0.0.1" in letter["last_error"], f"dead letter: {letter}")
            print(f"notifications: reminders to {len(reminded)} non-voters; results to {len(everyone)} people; "
                  f"{posts} signed webhook posts; killed after {at_kill} of {len(everyone)} e-mails, "
                  f"{resent} resent under the same Message-ID; dead letters after 2 attempts")
        finally:
            for process in reversed(started):
                process.stop()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as failure:
        print("FAILED:", failure)
        sys.exit(1)
