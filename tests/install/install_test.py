"""`cmake --install` into a temporary prefix, then the installed binary alone: `covalue serve` without
--web (which the front bin/covalue hands to libexec/covalue-full) must serve the web UI from the prefix
(share/covalue/web), over real HTTP on loopback, and `covalue pb demo` must solve the prefix's demo cycle.
Nothing but the install is copied; the server is stopped by its pid."""
import http.client
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "e2e"))
from server_harness import Server  # noqa: E402

MARKER = "<!-- served from the install prefix -->"


def install(build_dir, prefix):
    result = subprocess.run([os.environ.get("CMAKE", "cmake"), "--install", build_dir, "--prefix", prefix],
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise AssertionError("cmake --install failed:\n" + result.stdout + result.stderr)


def check_layout(prefix):
    for path in ["bin/covalue", "libexec/covalue-full", "share/covalue/web/index.html",
                 "share/covalue/demo/network_cycle.pb", "share/doc/covalue/README.md",
                 "share/doc/covalue/BENCHMARKS.md"]:
        if not os.path.isfile(os.path.join(prefix, path)):
            raise AssertionError(f"the install lacks {path}")
    for binary in ["bin/covalue", "libexec/covalue-full"]:
        if not os.access(os.path.join(prefix, binary), os.X_OK):
            raise AssertionError(f"{binary} is not executable")


def check_shipped_files(prefix):
    """Each default names the prefix's copy (the help shows it), and the demo runs from there."""
    binary = os.path.join(prefix, "bin/covalue")
    for args, default in [(["serve", "--help"], "share/covalue/web"),
                          (["pb", "demo", "--help"], "share/covalue/demo/network_cycle.pb")]:
        shown = subprocess.run([binary, *args], capture_output=True, text=True, timeout=60).stdout
        if "=" + os.path.join(prefix, default) + "\n" not in shown:
            raise AssertionError(f"covalue {' '.join(args)}: the default is not the prefix's {default}:\n{shown}")
    demo = subprocess.run([binary, "pb", "demo"], capture_output=True, text=True, timeout=120)
    if demo.returncode != 0 or os.path.join(prefix, "share/covalue/demo") not in demo.stdout:
        raise AssertionError(f"covalue pb demo: exit {demo.returncode}: {demo.stdout[-300:]}{demo.stderr}")


def get(server, path):
    connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, response.getheader("Content-Type", ""), body


def main():
    build_dir = os.environ["COVALUE_BUILD_DIR"]
    work = tempfile.mkdtemp(prefix="covalue-install-")
    try:
        prefix = os.path.join(work, "prefix")
        install(build_dir, prefix)
        check_layout(prefix)
        check_shipped_files(prefix)
        # Mark the installed copy, so that serving the build tree's web UI cannot pass.
        with open(os.path.join(prefix, "share/covalue/web/index.html"), "a") as index:
            index.write(MARKER + "\n")
        server = Server(os.path.join(prefix, "bin/covalue"), os.path.join(work, "network.db"))
        try:
            for path in ["/", "/cycles/1"]:
                status, content_type, body = get(server, path)
                if status != 200 or not content_type.startswith("text/html") or MARKER not in body:
                    raise AssertionError(f"GET {path}: {status} {content_type}: {body[:200]!r}")
        finally:
            server.stop()
        print("installed covalue served its web UI from", os.path.join(prefix, "share/covalue/web"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
