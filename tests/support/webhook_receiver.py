#!/usr/bin/python3
"""A real HTTP receiver for webhook tests: records each request and answers as its path says.

Listens on 127.0.0.1 on an ephemeral port, prints "port N" on stdout once it accepts connections, runs
until stopped (SIGTERM). Each request becomes DIR/N.json ({"method", "path", "headers": [[name, value]...]})
and DIR/N.body (the raw body, byte for byte). The answer's status is 200, or N for a path /status/N
(500, 429, 410, ...); /redirect answers 302 to another host.

  webhook_receiver.py --dir DIR
"""

import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    folder = "."
    count = 0
    lock = threading.Lock()

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        with Recorder.lock:
            Recorder.count += 1
            number = Recorder.count
        base = os.path.join(Recorder.folder, "%06d" % number)
        with open(base + ".body", "wb") as out:
            out.write(body)
        with open(base + ".json.part", "w") as out:
            json.dump({"method": self.command, "path": self.path, "headers": list(self.headers.items())}, out)
        os.rename(base + ".json.part", base + ".json")
        status = 200
        extra = []
        if self.path.startswith("/status/"):
            status = int(self.path.split("/")[2])
        elif self.path == "/redirect":
            status = 302
            extra = [("Location", "http://elsewhere.invalid/hook")]
        answer = b"" if status == 204 else b'{"ok":true}' if status < 300 else b"refused by the test receiver"
        self.send_response(status)
        for name, value in extra:
            self.send_header(name, value)
        if status != 204:
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


def main():
    options = argparse.ArgumentParser()
    options.add_argument("--dir", required=True)
    args = options.parse_args()
    Recorder.folder = args.dir
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    print("port %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
