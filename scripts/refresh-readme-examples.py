#!/usr/bin/env python3
"""Re-runs every `$ msc ...` example block of README.md with a built binary and writes its output back.

Usage: scripts/refresh-readme-examples.py [.build/release/msc]

A block is a fenced block whose first line is `$ msc ARGS`; the rest of the block is replaced by
what the command prints (stdout and stderr, as a reader would see it on a terminal). Blocks that
write files (`msc export`) run in a temporary folder so the checkout is left as it was. Prose
figures around the blocks are not touched: read the diff and bring them into line by hand.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/msc")
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
readme_path = os.path.join(root, "README.md")
text = open(readme_path, encoding="utf-8").read()

block = re.compile(r"```\n\$ msc ([^\n]*)\n(.*?)```", re.S)


def run(arguments: str) -> str:
    argv = [binary] + shlex.split(arguments)
    with tempfile.TemporaryDirectory() as scratch:
        # Relative paths in the example name the checkout's files; outputs go to the scratch folder.
        argv = [a if not a.startswith(("Scenarios/", "Assumptions/")) else os.path.join(root, a) for a in argv]
        if "--out" in argv:
            where = argv.index("--out") + 1
            argv[where] = os.path.join(scratch, argv[where])
        result = subprocess.run(argv, cwd=root, capture_output=True, text=True,
                                env={**os.environ, "COLUMNS": "200"})
        output = result.stdout + result.stderr
        return output.replace(scratch + "/", "").replace(root + "/", "")


def replace(match: re.Match) -> str:
    arguments = match.group(1)
    print(f"msc {arguments}", file=sys.stderr)
    output = run(arguments)
    if not output.endswith("\n"):
        output += "\n"
    return f"```\n$ msc {arguments}\n{output}```"


updated = block.sub(replace, text)
open(readme_path, "w", encoding="utf-8").write(updated)
