"""Starts and stops what the server tests need: `covalue serve` on an ephemeral loopback port, and a
private PostgreSQL (covalue-test-pg). Every process is stopped by its pid, never by name."""
import email
import email.policy
import http.client
import json
import os
import signal
import socket
import subprocess
import time

SUPPORT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "support")


class Server:
    """One `covalue serve` process on 127.0.0.1, on an ephemeral port unless `port` is given; `extra` are more
    flags (the scheduler's, the mail relay's). Its stderr goes to a pipe read on a failed start, or nowhere for
    long runs (`quiet`), so that a full pipe never blocks it."""

    def __init__(self, binary, db, threads=2, extra=(), port=0, quiet=False):
        self.process = subprocess.Popen(
            [binary, "serve", "--db", db, "--listen", f"127.0.0.1:{port}", "--threads", str(threads), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL if quiet else subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("listening on http://"):
            self.stop()
            raise RuntimeError("covalue serve did not start: " + line +
                               ("" if quiet else self.process.stderr.read()))
        host_port = line.strip()[len("listening on http://"):]
        self.host, port = host_port.rsplit(":", 1)
        self.port = int(port)

    def kill(self):
        """SIGKILL: the crash under test."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.send_signal(signal.SIGKILL)
                self.process.wait(timeout=10)


def mail_serve(binary, db, smtp_port, *extra, port=0):
    """`covalue serve` with the scheduler, the delivery worker and e-mail through `smtp_port` of loopback."""
    return Server(binary, db, extra=["--scheduler-interval", "0.5", "--delivery-interval", "0.2", "--smtp",
                                     f"smtp://127.0.0.1:{smtp_port}", "--mail-from", "covalue@north.example",
                                     *extra], port=port, quiet=True)


class Receiver:
    """A test receiver script (tests/support: the SMTP sink, the webhook receiver) run by Debian's interpreter,
    which has python3-aiosmtpd; prints "port N" once it listens."""

    def __init__(self, script, *args):
        self.process = subprocess.Popen(["/usr/bin/python3", os.path.join(SUPPORT, script), *args],
                                        stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("port "):
            self.stop()
            raise RuntimeError(script + " did not start: " + line)
        self.port = int(line.split()[1])

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=10)


def mails(folder):
    """Every message the SMTP sink stored in `folder`: (recipient, event kind, subject, message, text part)."""
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".eml"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            message = email.message_from_bytes(f.read(), policy=email.policy.default)
        text = ""
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                text = part.get_content()
        with open(os.path.join(folder, name[:-4] + ".json")) as f:
            envelope = json.load(f)
        for rcpt in envelope["rcpt_tos"]:
            out.append((rcpt, message["X-Covalue-Event"], str(message["Subject"]), message, text))
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def utc_in(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + seconds))


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Client:
    """A keep-alive HTTP client of one server with one bearer token."""

    def __init__(self, server, token):
        self.server = server
        self.token = token
        self.connection = None

    def call(self, method, path, body=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.server.host, self.server.port, timeout=30)
        headers = {"Authorization": "Bearer " + self.token}
        payload = None
        if body is not None:
            payload = json.dumps(body)
            headers["Content-Type"] = "application/json"
        try:
            self.connection.request(method, path, body=payload, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except Exception:
            self.connection.close()
            self.connection = None
            raise
        return response.status, (json.loads(data) if data else None)

    def must(self, method, path, body=None):
        status, reply = self.call(method, path, body)
        if status >= 300:
            raise AssertionError(f"{method} {path}: {status} {reply}")
        return reply


class Postgres:
    """A private PostgreSQL 15 started by covalue-test-pg; `url(name)` creates a database."""

    def __init__(self, binary):
        self.process = subprocess.Popen([binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.url = self.process.stdout.readline().strip()
        if not self.url.startswith("postgresql://"):
            self.stop()
            raise RuntimeError("covalue-test-pg did not start: " + self.url)

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.send_signal(signal.SIGKILL)
                self.process.wait(timeout=10)


def covalue(binary, *args):
    """Runs the CLI; returns its stdout, raising on a non-zero exit."""
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise AssertionError(f"covalue {' '.join(args)}: exit {result.returncode}: {result.stderr}")
    return result.stdout


def build_network(binary, db, server, partners, initiatives, disclosure="public"):
    """A network with `partners` partners and tokens, cycle 1 voting on `initiatives` initiatives.
    Returns (coordinator client, {partner id: representative client}, initiative ids)."""
    covalue(binary, "network", "init", "--db", db, "--name", "Durability", "--capacity", "100",
            "--rule", "greedy", "--disclosure", disclosure)
    secret = covalue(binary, "token", "issue", "--db", db, "--role", "coordinator").strip()
    coordinator = Client(server, secret)
    ids = []
    for p in range(partners):
        ids.append(coordinator.must("POST", "/api/partners", {"name": f"Partner {p}", "tier": "retailer"})["id"])
    representatives = {}
    for partner in ids:
        issued = coordinator.must("POST", "/api/tokens", {"role": "representative", "partner": partner})
        representatives[partner] = Client(server, issued["secret"])
    coordinator.must("POST", "/api/cycles")
    initiative_ids = []
    for i in range(initiatives):
        body = {"title": f"Initiative {i}", "proposer": ids[i % len(ids)], "cost": "10",
                "impacts": [{"partner": ids[(i + k) % len(ids)], "estimate": "3"} for k in range(3)]}
        initiative_ids.append(coordinator.must("POST", "/api/initiatives", body)["id"])
    coordinator.must("POST", "/api/cycles/1/voting")
    return coordinator, representatives, initiative_ids


def wait_until(predicate, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def binaries():
    """The covalue binary and covalue-test-pg, from the environment or the release build."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    covalue_bin = os.environ.get("COVALUE_BIN", os.path.join(root, "build/release/apps/covalue"))
    pg_bin = os.environ.get("COVALUE_TEST_PG", os.path.join(root, "build/release/tests/covalue-test-pg"))
    return covalue_bin, pg_bin
