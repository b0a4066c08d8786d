#!/usr/bin/env python3
"""Re-runs every `$ msc ...` example block of README.md, and every figure quoted in its prose, with
a built binary, and writes them back (or, with --check, says which no longer match and exits 1).

Usage: scripts/refresh-readme-examples.py [--check | --figures] [.build/release/msc]

A block is a fenced block whose first line is `$ msc ARGS`; the rest of the block is replaced by
what the command prints (stdout and stderr, as a reader would see it on a terminal). Blocks that
write files (`msc export`) run in a temporary folder so the checkout is left as it was.

A figure in prose is written `<!-- fig: ARGS | EXPRESSION | FORMAT -->VALUE<!-- /fig -->`: ARGS
is an msc command line printing JSON, EXPRESSION a Python expression of its output `d`, and
FORMAT a format specification (`,.0f`, `.3f`, `s`; `£,.0f` writes money, −£ when negative). The comments do not show when the README is
rendered; the value is what `format(EXPRESSION, FORMAT)` gives. --check recomputes only the
figures (the blocks take minutes), so that `make test` fails when prose and program disagree;
--figures rewrites only the figures.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

arguments = [a for a in sys.argv[1:] if a not in ("--check", "--figures")]
check = "--check" in sys.argv[1:]
figures_only = "--figures" in sys.argv[1:]
binary = os.path.abspath(arguments[0] if arguments else ".build/release/msc")
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
readme_path = os.path.join(root, "README.md")
text = open(readme_path, encoding="utf-8").read()

block = re.compile(r"```\n\$ msc ([^\n]*)\n(.*?)```", re.S)
figure = re.compile(r"<!-- fig: (?P<args>[^|]+?) \| (?P<expr>.+?) \| (?P<fmt>[^|]*?) -->(?P<value>.*?)<!-- /fig -->")


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


outputs = {}


def evaluate(match: re.Match) -> str:
    args = match.group("args").strip()
    if args not in outputs:
        print(f"msc {args}", file=sys.stderr)
        result = subprocess.run([binary] + shlex.split(args), cwd=root, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"README figure: msc {args} failed: {result.stderr.strip()}")
        outputs[args] = json.loads(result.stdout)
    value = eval(match.group("expr"), {"d": outputs[args], "sorted": sorted, "len": len, "abs": abs, "max": max, "min": min})
    spec = match.group("fmt").strip()
    if spec.startswith("£"):
        # Money as the program writes it: −£1,234 for a negative amount.
        return ("−£" if value < 0 else "£") + format(abs(value), spec[1:])
    return format(value, spec)


def replace_figure(match: re.Match) -> str:
    return match.group(0).replace(f"-->{match.group('value')}<!--", f"-->{evaluate(match)}<!--")


def replace_block(match: re.Match) -> str:
    arguments = match.group(1)
    print(f"msc {arguments}", file=sys.stderr)
    output = run(arguments)
    if not output.endswith("\n"):
        output += "\n"
    return f"```\n$ msc {arguments}\n{output}```"


if check:
    stale = [(m.group("value"), evaluate(m), m.group("args"), m.group("expr")) for m in figure.finditer(text)]
    stale = [s for s in stale if s[0] != s[1]]
    for written, computed, args, expr in stale:
        print(f"README.md quotes {written!r} where msc {args} gives {computed!r} ({expr})", file=sys.stderr)
    count = len(figure.findall(text))
    if stale:
        sys.exit(f"{len(stale)} of {count} README figures disagree with the program: run scripts/refresh-readme-examples.py")
    print(f"all {count} README figures agree with the program")
else:
    updated = figure.sub(replace_figure, text if figures_only else block.sub(replace_block, text))
    open(readme_path, "w", encoding="utf-8").write(updated)
