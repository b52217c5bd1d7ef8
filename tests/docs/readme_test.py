"""The README's command examples, run as written: every fenced `sh` block marked `<!-- readme-test -->`
runs line by line, in README order, in one fresh folder (so on fresh databases), with the built
`covalue` first on PATH; each command must exit 0. Markers (HTML comments on the lines just above a
block):
    <!-- readme-test -->                                   run the block
    <!-- readme-test: skip "PREFIX" (REASON) -->          run it, but not the lines starting with PREFIX
    <!-- readme-test: NAME=PATH ... -->                    run it with NAME (a placeholder such as FILE.pb)
                                                           replaced by the repository's file PATH
    <!-- readme-test: not run (REASON) -->                 do not run the block
A block that mentions `covalue` must carry a marker, so a new example cannot escape the test."""
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARKER = re.compile(r"^<!-- readme-test(?::\s*(.*?))?\s*-->$")


class Block:
    def __init__(self, line, markers):
        self.line = line  # of the opening fence, 1-based
        self.markers = markers
        self.lines = []  # (README line number, text)


def read_blocks(readme):
    """Every fenced sh block with the readme-test markers just above it."""
    blocks, markers, block = [], [], None
    with open(readme) as f:
        for number, text in enumerate(f, start=1):
            text = text.rstrip("\n")
            if block is not None:
                if text.startswith("```"):
                    blocks.append(block)
                    block = None
                else:
                    block.lines.append((number, text))
            elif text.startswith("```sh"):
                block, markers = Block(number, markers), []
            elif MARKER.match(text.strip()):
                markers.append(MARKER.match(text.strip()).group(1) or "")
            elif text.strip():
                markers = []
    return blocks


def plan(block):
    """(skip reasons by prefix, placeholder substitutions, reason not to run or None) from the markers."""
    skips, substitutions, not_run = {}, {}, None
    for marker in block.markers:
        if marker.startswith("not run"):
            not_run = marker[len("not run"):].strip("() ") or "marked not run"
        elif marker.startswith("skip"):
            found = re.match(r'skip\s+"([^"]+)"\s*(.*)', marker)
            if not found:
                raise AssertionError(f"README line {block.line}: bad marker {marker!r}")
            skips[found.group(1)] = found.group(2).strip("() ")
        elif marker:
            for pair in marker.split():
                name, _, path = pair.partition("=")
                if not path or not os.path.exists(os.path.join(ROOT, path)):
                    raise AssertionError(f"README line {block.line}: {pair!r} names no file of the repository")
                substitutions[name] = os.path.join(ROOT, path)
    return skips, substitutions, not_run


def commands(block):
    """The block's commands: continuation lines joined, comment-only lines left out."""
    joined, start, pending = [], None, ""
    for number, text in block.lines:
        if not pending and (not text.strip() or text.lstrip().startswith("#")):
            continue
        start = start or number
        if text.rstrip().endswith("\\"):
            pending += text.rstrip()[:-1] + " "
            continue
        joined.append((start, pending + text))
        start, pending = None, ""
    return joined


def substitute(command, substitutions):
    for name, path in substitutions.items():
        command = re.sub(r"(?<![\w/.])" + re.escape(name) + r"(?![\w.])", shlex.quote(path), command)
    return command


def run_block(block, folder, env):
    skips, substitutions, not_run = plan(block)
    if not_run:
        print(f"README line {block.line}: block not run: {not_run}")
        return 0
    ran = 0
    for number, command in commands(block):
        skipped = next((prefix for prefix in skips if command.startswith(prefix)), None)
        if skipped:
            print(f"SKIP README line {number}: {command.split('#')[0].strip()}  ({skips[skipped]})")
            continue
        command = substitute(command, substitutions)
        print(f"$ {command}  (README line {number})", flush=True)
        result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=folder, env=env,
                                capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise AssertionError(f"README line {number}: exit {result.returncode}\n{result.stdout[-2000:]}"
                                 f"{result.stderr}")
        ran += 1
    return ran


def main():
    binary = os.environ.get("COVALUE_BIN", os.path.join(ROOT, "build/release/apps/covalue"))
    readme = os.environ.get("COVALUE_README", os.path.join(ROOT, "README.md"))
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(binary)) + os.pathsep + os.environ["PATH"])
    blocks = read_blocks(readme)
    for block in blocks:
        if not block.markers and any("covalue" in text for _, text in block.lines):
            raise AssertionError(f"README line {block.line}: a block of covalue commands without a "
                                 "readme-test marker (run it, or say why not)")
    ran = 0
    with tempfile.TemporaryDirectory(prefix="covalue-readme-") as folder:
        for block in blocks:
            if block.markers:
                ran += run_block(block, folder, env)
    if ran == 0:
        raise AssertionError("no README example ran: are the readme-test markers gone?")
    print(f"{ran} README commands ran")


if __name__ == "__main__":
    sys.exit(main())
