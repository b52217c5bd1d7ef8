"""E-mail preferences, digests and one-click unsubscribe against real parts (issue 13 items 4 and 5): a real SMTP
server (Debian's python3-aiosmtpd, tests/support/smtp_sink.py) next to `covalue serve` with its scheduler and
delivery worker, on a free loopback port that is also its public URL.

1. A person with `never` for cycle_closed gets no e-mail of it, but an inbox entry.
2. A person with `daily` gets one digest e-mail listing the events from before its day's boundary (a day passes:
   the test moves the stored times of the waiting events back by a day), and none twice; what happened after the
   boundary waits for the next digest.
3. Every e-mail carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058); a GET of the URL changes nothing;
   a tampered token is refused (4xx naming the token) and changes nothing; POSTing the URL sets the kind to never,
   and no more e-mails of that kind come."""
import json
import os
import sqlite3
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import server_harness as h


def call(method, url):
    """(status, JSON body) of a request without a token."""
    request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def preference(client, kind):
    return next(p["cadence"] for p in client.must("GET", "/api/preferences")["preferences"] if p["kind"] == kind)


def main():
    binary, _ = h.binaries()
    started = []
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "north.db")
        inbox = os.path.join(tmp, "mail")
        os.mkdir(inbox)
        try:
            sink = h.Receiver("smtp_sink.py", "--dir", inbox)
            started.append(sink)
            h.covalue(binary, "network", "init", "--db", db, "--name", "North", "--capacity", "100", "--rule", "greedy")
            h.covalue(binary, "partner", "add", "Mill", "--db", db)
            h.covalue(binary, "partner", "add", "Farm", "--db", db)
            people = {"ana": "Mill", "bo": "Farm", "cy": "Mill"}
            for name, partner in people.items():
                h.covalue(binary, "person", "add", "--db", db, "--partner", partner, "--name", name.title(), "--email",
                          f"{name}@north.example", "--time-zone", "UTC")
            tokens = {name: h.covalue(binary, "token", "issue", "--db", db, "--person", str(k + 1)).strip()
                      for k, name in enumerate(people)}
            coordinator_secret = h.covalue(binary, "token", "issue", "--db", db, "--role", "coordinator").strip()
            # Bo hears of no close by e-mail; Cy gets cycle openings in the daily digest (the default), Ana at once.
            h.covalue(binary, "person", "preferences", "--db", db, "--person", "2", "--set", "cycle_closed=never")
            h.covalue(binary, "person", "preferences", "--db", db, "--person", "1", "--set",
                      "cycle_opened=immediately")
            shown = h.covalue(binary, "person", "preferences", "--db", db, "--person", "2", "--format", "json")
            h.check('"never"' in shown and "cycle_closed" in shown, f"person preferences shows: {shown}")
            # The day's boundary for digests is 12 hours away: what happens now waits for the next one.
            hour = (time.gmtime().tm_hour + 12) % 24
            port = h.free_port()
            server = h.mail_serve(binary, db, sink.port, "--public-url", f"http://127.0.0.1:{port}", "--digest-hour",
                                  str(hour), port=port)
            public = f"http://127.0.0.1:{port}"
            started.append(server)
            coordinator = h.Client(server, coordinator_secret)
            client = {name: h.Client(server, token) for name, token in tokens.items()}

            coordinator.must("POST", "/api/cycles")
            initiative = coordinator.must("POST", "/api/initiatives", {
                "title": "Shared forecast", "proposer": 1, "cost": "30",
                "impacts": [{"partner": 1, "estimate": "10"}, {"partner": 2, "estimate": "5"}]})["id"]
            coordinator.must("POST", "/api/cycles/1/voting", {"closes_at": h.utc_in(86400)})
            for k, name in enumerate(["ana", "bo"]):
                client[name].must("PUT", f"/api/cycles/1/ballots/{k + 1}", {"entries": [{"initiative": initiative}]})
            coordinator.must("POST", "/api/cycles/1/close")
            h.check(h.wait_until(lambda: {m[0] for m in h.mails(inbox) if m[1] == "cycle_closed"} ==
                               {"ana@north.example", "cy@north.example"}, 20), "the results did not come")
            time.sleep(1.5)  # two passes of the scheduler and several of the worker

            # 1. never: no e-mail of the close to Bo, but his inbox has it.
            closed_to = sorted(m[0] for m in h.mails(inbox) if m[1] == "cycle_closed")
            h.check(closed_to == ["ana@north.example", "cy@north.example"], f"cycle_closed went to {closed_to}")
            kinds = [item["kind"] for item in client["bo"].must("GET", "/api/inbox")["items"]]
            h.check("cycle_closed" in kinds and "cycle_opened" in kinds, f"Bo's inbox: {kinds}")
            opened_to = sorted(m[0] for m in h.mails(inbox) if m[1] == "cycle_opened")
            h.check(opened_to == ["ana@north.example"], f"cycle_opened e-mailed to {opened_to}: Bo and Cy wait")

            # 2. No digest yet: the events happened after the last boundary. A day passes (their stored times move
            # back by one): the next pass makes one digest for Bo and one for Cy, each once.
            h.check(not [m for m in h.mails(inbox) if m[1] == "digest"], "a digest came before its boundary")
            with sqlite3.connect(db) as connection:
                rows = connection.execute("SELECT person_id, event_id, occurred_at FROM digest_waits").fetchall()
                h.check(sorted({r[0] for r in rows}) == [2, 3], f"waiting for digests: {rows}")
                for person, event, at in rows:
                    earlier = time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                            time.gmtime(time.mktime(time.strptime(at, "%Y-%m-%dT%H:%M:%SZ")) - 86400))
                    connection.execute("UPDATE digest_waits SET occurred_at = ? WHERE person_id = ? AND event_id = ?",
                                       (earlier, person, event))
            h.check(h.wait_until(lambda: len([m for m in h.mails(inbox) if m[1] == "digest"]) == 2, 20),
                  "the daily digests did not come")
            time.sleep(2)  # four more passes: none twice
            digests = [m for m in h.mails(inbox) if m[1] == "digest"]
            h.check(sorted(m[0] for m in digests) == ["bo@north.example", "cy@north.example"],
                  f"digests went to {[m[0] for m in digests]}")
            cy = next(m for m in digests if m[0] == "cy@north.example")
            h.check(cy[2].startswith("Your daily digest:"), cy[2])
            h.check("Cycle 1 is open for proposals" in cy[4], f"Cy's digest lists the opening: {cy[4]}")
            h.check("Network value so far" in cy[4], f"Cy's digest gives the network's value: {cy[4]}")

            # 3. Every e-mail has the RFC 8058 headers and a link to the preferences page.
            for rcpt, kind, _, message, text in h.mails(inbox):
                url = str(message["List-Unsubscribe"])
                h.check(url.startswith(f"<{public}/api/unsubscribe?token="), f"{rcpt} {kind}: List-Unsubscribe {url}")
                h.check(str(message["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click", f"{rcpt} {kind}")
                h.check(f"{public}/preferences" in text, f"{rcpt} {kind}: no link to the preferences page")
            result = next(m for m in h.mails(inbox) if m[0] == "ana@north.example" and m[1] == "cycle_closed")
            url = str(result[3]["List-Unsubscribe"])[1:-1]
            token = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)["token"][0]
            # A GET (a mail scanner) changes nothing; a tampered token is refused and changes nothing.
            status, body = call("GET", url)
            h.check(status == 200 and body["unsubscribed"] is False and body["kind"] == "cycle_closed", f"{status} {body}")
            h.check(preference(client["ana"], "cycle_closed") == "immediately", "a GET changed the preference")
            tampered = token[:-1] + ("0" if token[-1] != "0" else "1")
            status, body = call("POST", f"{public}/api/unsubscribe?token={tampered}")
            h.check(status == 400 and body["error"]["field"] == "query.token", f"tampered: {status} {body}")
            status, body = call("POST", f"{public}/api/unsubscribe?token=1.1.cycle_closed")
            h.check(status == 400 and body["error"]["field"] == "query.token", f"unsigned: {status} {body}")
            h.check(preference(client["ana"], "cycle_closed") == "immediately", "a refused token changed the preference")
            # The one-click POST: no more e-mails of the kind.
            status, body = call("POST", url)
            h.check(status == 200 and body["unsubscribed"] is True, f"{status} {body}")
            h.check(preference(client["ana"], "cycle_closed") == "never", "the POST did not set never")
            before = len([m for m in h.mails(inbox) if m[0] == "ana@north.example" and m[1] == "cycle_closed"])
            coordinator.must("POST", "/api/cycles")
            coordinator.must("POST", "/api/cycles/2/voting")
            client["ana"].must("PUT", "/api/cycles/2/ballots/1", {"entries": []})
            coordinator.must("POST", "/api/cycles/2/close")
            h.check(h.wait_until(lambda: any(m[0] == "cy@north.example" and "cycle 2" in m[2].lower()
                                           for m in h.mails(inbox) if m[1] == "cycle_closed"), 20),
                  "cycle 2's result did not reach Cy")
            time.sleep(1)
            after = len([m for m in h.mails(inbox) if m[0] == "ana@north.example" and m[1] == "cycle_closed"])
            h.check(after == before, f"Ana still got {after - before} result e-mails after unsubscribing")
            audit = coordinator.must("GET", "/api/audit?after=0&limit=1000")
            entries = audit.get("entries", audit) if isinstance(audit, dict) else audit
            h.check(any(e["action"] == "unsubscribe" for e in entries), "the unsubscribe is not audited")
            print(f"preferences: never -> inbox only; {len(digests)} daily digests, once each; unsubscribe headers on "
                  f"{len(h.mails(inbox))} e-mails; a tampered token refused; one click stopped cycle_closed")
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
