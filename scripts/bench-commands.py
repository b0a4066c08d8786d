#!/usr/bin/env python3
"""Whole-process timings of the commands users wait for, against their goals (issue 31).

Builds nothing: it runs an existing `msc` (default .build/release/msc) from the package root,
each command three times, and prints per row the median wall time, the largest peak resident set
(from /usr/bin/time -v), the goal and whether the median meets it, with the one-minute load
average read just before the row (the machine may be shared: a figure taken under load is slower
than the program). Figures are reported, never asserted.

    scripts/bench-commands.py [--msc PATH] [--repeat N] [--only TEXT]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

# (label, arguments, goal in seconds, goal in MB or None): the table of issue 31.
ROWS = [
    ("decide status-quo, national-rollout, county-shared, 10,000 runs",
     ["decide", "Scenarios/status-quo.yaml", "Scenarios/national-rollout.yaml", "Scenarios/county-shared.yaml",
      "--runs", "10000"], 1.5, None),
    ("sensitivity national-rollout",
     ["sensitivity", "Scenarios/national-rollout.yaml"], 0.5, None),
    ("compare the same three, 100,000 runs",
     ["compare", "Scenarios/status-quo.yaml", "Scenarios/national-rollout.yaml", "Scenarios/county-shared.yaml",
      "--runs", "100000"], 2.0, 150),
    ("run national-rollout, 100,000 runs, 2 threads",
     ["run", "Scenarios/national-rollout.yaml", "--runs", "100000", "--threads", "2"], 0.4, None),
    ("run county-shared, 100,000 runs, 2 threads",
     ["run", "Scenarios/county-shared.yaml", "--runs", "100000", "--threads", "2"], 0.8, None),
    ("run local-mix, 100,000 runs, 2 threads",
     ["run", "Scenarios/local-mix.yaml", "--runs", "100000", "--threads", "2"], 0.8, None),
    ("run national-rollout, 10,000 runs",
     ["run", "Scenarios/national-rollout.yaml", "--runs", "10000"], 0.08, None),
]


def timed(command):
    """Wall seconds and peak resident set (MB) of one run; exits on failure."""
    start = time.monotonic()
    done = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    wall = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"bench-commands: {' '.join(command)} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return wall, (int(match.group(1)) / 1024 if match else float("nan"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--msc", default=".build/release/msc", help="the msc to time (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per row; the median is reported (default 3)")
    parser.add_argument("--only", default="", help="time only the rows whose label contains this text")
    options = parser.parse_args()
    if options.repeat < 1:
        sys.exit("bench-commands: --repeat: expected a whole number of runs above 0")
    if not os.access(options.msc, os.X_OK):
        sys.exit(f"bench-commands: --msc: {options.msc} is not an executable (build it with make release)")
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("bench-commands: /usr/bin/time is missing (apt-get install time)")
    # The goals were set on another machine: say which one these figures come from.
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "unknown CPU") \
        if os.path.exists("/proc/cpuinfo") else "unknown CPU"
    print(f"{options.msc} on {os.cpu_count()} CPUs ({model}), median of {options.repeat} runs per row")
    print(f"{'command':<66} {'median s':>8} {'peak MB':>8} {'goal':>13} {'met':>4} {'load 1m':>8}")
    for label, arguments, goal_seconds, goal_megabytes in ROWS:
        if options.only not in label:
            continue
        load = os.getloadavg()[0]
        runs = [timed([options.msc] + arguments) for _ in range(options.repeat)]
        wall = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        met = wall <= goal_seconds and (goal_megabytes is None or peak <= goal_megabytes)
        goal = f"<={goal_seconds:g} s" + (f", {goal_megabytes} MB" if goal_megabytes else "")
        print(f"{label:<66} {wall:>8.3f} {peak:>8.0f} {goal:>13} {'yes' if met else 'no':>4} {load:>8.2f}",
              flush=True)


if __name__ == "__main__":
    main()
