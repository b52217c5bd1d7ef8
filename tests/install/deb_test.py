"""The .deb `cpack -G DEB` builds from the release build, read with dpkg-deb (never installed here):
the binary, the web UI, the documentation, the systemd unit (checked by systemd-analyze), the default
configuration as a conffile, the maintainer scripts, and a Depends naming the package of every shared
library the binaries link (the front bin/covalue and libexec/covalue-full). The packaged binary,
unpacked, serves its web UI from the package's layout."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from install_test import get  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "e2e"))
from server_harness import Server  # noqa: E402


def run(*args):
    result = subprocess.run(list(args), capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(args)}: exit {result.returncode}\n{result.stdout}{result.stderr}")
    return result.stdout


def build_deb(build_dir, out):
    started = time.monotonic()
    run(os.environ.get("CPACK", "cpack"), "--config", os.path.join(build_dir, "CPackConfig.cmake"),
        "-G", "DEB", "-B", out)
    debs = [name for name in os.listdir(out) if name.endswith(".deb")]
    if len(debs) != 1:
        raise AssertionError(f"cpack made {debs}")
    print(f"cpack built {debs[0]} in {time.monotonic() - started:.1f} s")
    return os.path.join(out, debs[0])


def check_control(deb):
    info = run("dpkg-deb", "-I", deb)
    for field in ["Package: covalue", "Section: net", "Architecture: amd64"]:
        if field not in info:
            raise AssertionError(f"control lacks {field!r}:\n{info}")
    depends = run("dpkg-deb", "-f", deb, "Depends")
    names = {re.sub(r"\s*\(.*\)", "", d).strip() for d in depends.split(",")}
    if "adduser" not in names:
        raise AssertionError("Depends lacks adduser (postinst creates the user): " + depends)
    return names


def check_files(deb):
    listing = run("dpkg-deb", "-c", deb)
    paths = {line.split()[-1].lstrip(".") for line in listing.splitlines()}
    for path in ["/usr/bin/covalue", "/usr/libexec/covalue-full", "/usr/share/covalue/web/index.html",
                 "/usr/share/covalue/demo/network_cycle.pb", "/usr/share/doc/covalue/README.md",
                 "/lib/systemd/system/covalue.service", "/etc/covalue/covalue.toml"]:
        if path not in paths:
            raise AssertionError(f"the package lacks {path}:\n{listing}")
    if not any(p.startswith("/usr/share/covalue/web/assets/") and p.endswith(".js") for p in paths):
        raise AssertionError("the package lacks the web UI's scripts")


def check_control_files(root):
    with open(os.path.join(root, "DEBIAN/conffiles")) as f:
        if f.read().split() != ["/etc/covalue/covalue.toml"]:
            raise AssertionError("conffiles must list /etc/covalue/covalue.toml")
    with open(os.path.join(root, "DEBIAN/postinst")) as f:
        postinst = f.read()
    if "adduser --system" not in postinst or " covalue" not in postinst:
        raise AssertionError("postinst must create the covalue system user")
    for script in ["postinst", "prerm", "postrm"]:
        run("sh", "-n", os.path.join(root, "DEBIAN", script))


def check_unit(root):
    with open(os.path.join(root, "lib/systemd/system/covalue.service")) as f:
        unit = f.read()
    for line in ["ExecStart=/usr/bin/covalue serve --config /etc/covalue/covalue.toml", "User=covalue",
                 "StateDirectory=covalue", "NoNewPrivileges=yes", "ProtectSystem=strict",
                 "ReadWritePaths=/var/lib/covalue", "WantedBy=multi-user.target"]:
        if line not in unit.splitlines():
            raise AssertionError(f"the unit lacks {line!r}")
    if shutil.which("systemd-analyze"):
        # Every key known to this systemd; ExecStart pointed at the unpacked binary, which must exist.
        check = os.path.join(root, "check")
        os.makedirs(check)
        with open(os.path.join(check, "covalue.service"), "w") as f:
            f.write(unit.replace("ExecStart=/usr/bin/covalue", "ExecStart=" + root + "/usr/bin/covalue"))
        result = subprocess.run(["systemd-analyze", "verify", os.path.join(check, "covalue.service")],
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0 or result.stderr.strip():
            raise AssertionError("systemd-analyze verify: " + result.stdout + result.stderr)
    else:
        print("systemd-analyze is not installed: the unit's keys were not verified")


def check_config(root):
    with open(os.path.join(root, "etc/covalue/covalue.toml"), "rb") as f:
        config = tomllib.load(f)
    server = config.get("server", {})
    expected = {"db": "/var/lib/covalue/covalue.db", "listen": "127.0.0.1:8080", "threads": 0,
                "web": "/usr/share/covalue/web"}
    for key, value in expected.items():
        if server.get(key) != value:
            raise AssertionError(f"covalue.toml [server] {key} = {server.get(key)!r}, expected {value!r}")
    if not isinstance(server.get("max_connections"), int) or server["max_connections"] < 1:
        raise AssertionError("covalue.toml [server] max_connections must be a positive integer")
    if not os.path.isfile(root + server["web"] + "/index.html"):
        raise AssertionError("covalue.toml's web folder is not in the package")


def check_config_accepted(root, work):
    """The packaged binary reads the packaged configuration (its paths overridden by flags, as the
    file's own comment says flags do), once `covalue serve` has --config."""
    binary = os.path.join(root, "usr/bin/covalue")
    if "--config" not in run(binary, "serve", "--help"):
        print("covalue serve has no --config yet: the packaged configuration was not read by it")
        return
    process = subprocess.Popen(
        [binary, "serve", "--config", os.path.join(root, "etc/covalue/covalue.toml"),
         "--db", os.path.join(work, "config.db"), "--listen", "127.0.0.1:0",
         "--web", os.path.join(root, "usr/share/covalue/web")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    process.terminate()
    _, errors = process.communicate(timeout=10)
    if not line.startswith("listening on http://"):
        raise AssertionError("covalue serve --config covalue.toml did not start: " + line + errors)


def library_packages(binary):
    """The Debian package of every shared library `binary` links directly."""
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", run("readelf", "-d", binary))
    paths = dict(re.findall(r"^\s*(\S+) => (\S+)", run("ldd", binary), re.M))
    packages = {}
    for soname in needed:
        path = paths[soname]
        candidates = [path, os.path.realpath(path)]
        candidates += [c.replace("/usr/lib/", "/lib/", 1) if c.startswith("/usr/lib/")
                       else c.replace("/lib/", "/usr/lib/", 1) for c in list(candidates)]
        for candidate in candidates:
            result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if result.returncode == 0:
                packages[soname] = result.stdout.split(":")[0]
                break
        else:
            raise AssertionError(f"no package holds {soname} ({path})")
    return packages


def main():
    build_dir = os.environ["COVALUE_BUILD_DIR"]
    work = tempfile.mkdtemp(prefix="covalue-deb-")
    try:
        deb = build_deb(build_dir, os.path.join(work, "out"))
        depends = check_control(deb)
        check_files(deb)
        root = os.path.join(work, "root")
        run("dpkg-deb", "-R", deb, root)  # unpack files and control scripts; nothing is installed
        check_control_files(root)
        check_unit(root)
        check_config(root)
        for binary in ["usr/bin/covalue", "usr/libexec/covalue-full"]:
            for soname, package in library_packages(os.path.join(root, binary)).items():
                if package not in depends:
                    raise AssertionError(f"Depends lacks {package} (for {soname} of {binary}): {sorted(depends)}")
        check_config_accepted(root, work)
        server = Server(os.path.join(root, "usr/bin/covalue"), os.path.join(work, "network.db"))
        try:
            status, content_type, body = get(server, "/")
            if status != 200 or not content_type.startswith("text/html") or "<html" not in body.lower():
                raise AssertionError(f"the packaged binary's GET /: {status} {content_type}")
        finally:
            server.stop()
        print("package checked:", os.path.basename(deb))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
