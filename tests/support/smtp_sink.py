#!/usr/bin/python3
"""A real SMTP server for tests (Debian's python3-aiosmtpd): every message received becomes a file.

Run with Debian's interpreter (/usr/bin/python3). Listens on 127.0.0.1 on an ephemeral port, prints
"port N" on stdout once it accepts connections, and runs until stopped (SIGTERM).

  smtp_sink.py --dir DIR [--user U --password P] [--tls-cert C --tls-key K] [--discard] [--delay SECONDS]
  smtp_sink.py --parse FILE   (prints the stored message decoded by Python's email package, as JSON;
                               parts with LF line ends)

Each message is DIR/N.eml (the bytes of DATA as received, dot-unstuffed) and DIR/N.json (the envelope:
mail_from, rcpt_tos, the login when authenticated, and the client's port: one port for several
messages means one connection). A recipient whose local part starts with "reject"
gets 550, one starting with "later" gets 451. --delay makes each message take that long before its reply
(a slow relay: a test can then stop the sender mid-burst).
"""

import argparse
import asyncio
import email
import email.policy
import json
import logging
import os
import signal
import ssl
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Sink:
    def __init__(self, folder, discard, delay=0.0):
        self.folder = folder
        self.discard = discard
        self.delay = delay
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0]
        if local.startswith("reject"):
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        if local.startswith("later"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay > 0:
            await asyncio.sleep(self.delay)
        with self.lock:
            self.count += 1
            number = self.count
        if not self.discard:
            base = os.path.join(self.folder, "%06d" % number)
            with open(base + ".eml.part", "wb") as out:
                out.write(envelope.original_content or envelope.content)
            login = session.auth_data if isinstance(session.auth_data, str) else None
            with open(base + ".json", "w") as out:
                json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "login": login,
                           "client_port": session.peer[1]}, out)
            os.rename(base + ".eml.part", base + ".eml")
        return "250 2.0.0 stored as %d" % number


class EphemeralController(Controller):
    """aiosmtpd's Controller on port 0: reads the port the system chose before its start-up check."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login.decode() if ok else None)

    return check


def parse(path):
    with open(path, "rb") as source:
        raw = source.read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = {}
    for part in message.walk():
        if not part.is_multipart():
            parts[part.get_content_type()] = part.get_content().replace("\r\n", "\n")
    headers = {name: str(value) for name, value in message.items()}
    lines = raw.split(b"\r\n")
    print(json.dumps({
        "headers": headers,
        "content_type": message.get_content_type(),
        "parts": parts,
        "longest_line": max(len(line) for line in lines),
        "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
        "defects": [str(d) for part in message.walk() for d in part.defects],
    }))


def main():
    warnings.simplefilter("ignore")  # aiosmtpd's advice on AUTH without TLS: the tests mean it
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)  # refused handshakes are what some tests test
    options = argparse.ArgumentParser()
    options.add_argument("--dir")
    options.add_argument("--user")
    options.add_argument("--password")
    options.add_argument("--tls-cert")
    options.add_argument("--tls-key")
    options.add_argument("--discard", action="store_true")
    options.add_argument("--delay", type=float, default=0.0)
    options.add_argument("--parse")
    args = options.parse_args()
    if args.parse:
        parse(args.parse)
        return
    kwargs = {"enable_SMTPUTF8": True}
    if args.user:
        kwargs.update(authenticator=authenticator(args.user, args.password or ""), auth_required=True)
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        kwargs.update(tls_context=context, require_starttls=True)
    elif args.user:
        kwargs.update(auth_require_tls=False)
    controller = EphemeralController(Sink(args.dir, args.discard, args.delay), hostname="127.0.0.1", port=0, **kwargs)
    controller.start()
    print("port %d" % controller.port, flush=True)
    while True:  # SIGTERM's default action ends the process: nothing here needs cleaning up
        signal.pause()


if __name__ == "__main__":
    sys.exit(main())
