#!/usr/bin/env python3
"""Server time and load figures for the web API (reported in the README, not asserted in tests).

Usage: scripts/measure-web.py [.build/release/msc-server]

Starts the server on a free loopback port and measures
  1. the central case of one scenario with overrides (POST /api/run, "central": true), 50 times;
  2. a 10,000-iteration compare of three scenarios (POST /api/compare), 5 times;
the server's own compute time from its Server-Timing header and the round trip seen by the client;
then 3. wrk (if installed) on the central case for 20 s with 8 connections: requests per second and
latency percentiles, and checks the server still answers correctly afterwards.
"""
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CENTRAL = {"scenarios": ["national-rollout"], "central": True,
           "overrides": {"salary": 50000, "pensionRate": {"value": 0.2, "distribution": {"kind": "uniform", "minimum": 0.14, "maximum": 0.26}}}}
COMPARE = {"scenarios": ["status-quo", "national-rollout", "county-shared"], "baseline": "status-quo", "iterations": 10000, "seed": 1}


def post(base, path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        data = response.read()
        timing = response.headers.get("Server-Timing", "")
    elapsed = (time.perf_counter() - start) * 1000
    server = float(re.search(r"dur=([0-9.]+)", timing).group(1)) if "dur=" in timing else float("nan")
    return json.loads(data), server, elapsed


def summary(name, values):
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    print(f"  {name}: median {statistics.median(values):.1f} ms, min {values[0]:.1f} ms, p95 {p95:.1f} ms (n={len(values)})")


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/msc-server"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([binary, "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/api/scenarios", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        print(f"msc-server {binary} on {os.cpu_count()} cores")
        post(base, "/api/run", CENTRAL)  # warm up
        server_ms, round_ms = [], []
        for _ in range(50):
            data, s, r = post(base, "/api/run", CENTRAL)
            server_ms.append(s)
            round_ms.append(r)
        npv = data["scenarios"][0]["npv"]
        print(f"1. Central case, national-rollout with 2 overrides (NPV £{npv:,.0f}):")
        summary("server time", server_ms)
        summary("round trip", round_ms)
        server_ms, round_ms = [], []
        for _ in range(5):
            data, s, r = post(base, "/api/compare", COMPARE)
            server_ms.append(s)
            round_ms.append(r)
        print(f"2. Compare of 3 scenarios, {data['manifest']['runs']:,} iterations each:")
        summary("server time", server_ms)
        summary("round trip", round_ms)
        wrk = shutil.which("wrk")
        if not wrk:
            print("3. wrk not installed; no load figures")
            return
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                         f"wrk.body = {json.dumps(json.dumps(CENTRAL))}\n")
        result = subprocess.run([wrk, "-t2", "-c8", "-d20s", "--latency", "-s", script.name, base + "/api/run"],
                                capture_output=True, text=True)
        os.unlink(script.name)
        out = result.stdout
        rps = re.search(r"Requests/sec:\s+([0-9.]+)", out)
        percentiles = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M))
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        print("3. Load: wrk -t2 -c8 -d20s on the central case (POST /api/run):")
        print(f"  {rps.group(1) if rps else '?'} requests/s; latency p50 {percentiles.get('50', '?')}, "
              f"p90 {percentiles.get('90', '?')}, p99 {percentiles.get('99', '?')}; non-2xx responses: {errors.group(1) if errors else 0}")
        data, _, _ = post(base, "/api/run", CENTRAL)
        same = abs(data["scenarios"][0]["npv"] - npv) < 1e-6
        print(f"  after the load the server answers the same NPV: {'yes' if same else 'NO'}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
