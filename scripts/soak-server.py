#!/usr/bin/env python3
"""The web server under load, on loopback only: a bounded soak that stops by itself.

Usage: scripts/soak-server.py [SERVER] [--seconds N] [--report]

Starts SERVER (default .build/release/msc-server) on a free port of 127.0.0.1 and, for N seconds
(default 20), keeps 20 Monte Carlo requests in flight while asking for a central case every
100 ms. Then it checks, and exits 1 if any fails:
  - no answer is a 5xx;
  - the excess Monte Carlo requests are refused with 429 and a Retry-After header;
  - every central case answers 200.
It also measures, and prints:
  - central-case latency (p50, p99) while the Monte Carlo load runs;
  - the server's peak resident memory (VmHWM);
  - the time from a client hanging up to its Monte Carlo stopping (the server's CPU time stops rising);
  - the time from SIGTERM, sent while Monte Carlo runs, to the process's end (must be at most 5 s).
With --report it also runs the "4 Monte Carlo requests in flight" case the README quotes.
Every request goes to 127.0.0.1; every loop is bounded in count and time.
"""
import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MONTE_CARLO = {"scenarios": ["national-rollout"], "iterations": 20000, "seed": 7}
CENTRAL = {"scenarios": ["national-rollout"], "central": True, "overrides": {"salary": 50000}}
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
MAX_REQUESTS = 20000  # a bound on every loop's requests, whatever the timing


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(server, port):
    process = subprocess.Popen([server, "--host", "127.0.0.1", "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if "the page is at" not in line:
        process.kill()
        sys.exit(f"soak: the server did not start: {line!r} {process.stderr.read()[:500]!r}")
    return process


def post(port, body, timeout=120.0):
    """(status, headers, seconds) of one POST; status 0 when the connection failed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    began = time.perf_counter()
    try:
        connection.request("POST", "/api/run", body=json.dumps(body),
                           headers={"Content-Type": "application/json", "Host": f"127.0.0.1:{port}"})
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders()), time.perf_counter() - began
    except (OSError, http.client.HTTPException):
        return 0, {}, time.perf_counter() - began
    finally:
        connection.close()


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def load(port, monte_carlo_clients, seconds):
    """Keeps `monte_carlo_clients` Monte Carlo requests in flight and a central case every 100 ms."""
    stop = time.monotonic() + seconds
    statuses, retry_after_missing, central = [], [], []
    lock = threading.Lock()

    def monte_carlo():
        for _ in range(MAX_REQUESTS):
            if time.monotonic() >= stop:
                return
            status, headers, _ = post(port, MONTE_CARLO)
            with lock:
                statuses.append(status)
                if status == 429 and "Retry-After" not in headers:
                    retry_after_missing.append(status)
            if status == 429:
                time.sleep(0.2)

    threads = [threading.Thread(target=monte_carlo) for _ in range(monte_carlo_clients)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # let the Monte Carlo requests take their places first
    for _ in range(MAX_REQUESTS):
        if time.monotonic() >= stop:
            break
        began = time.monotonic()
        status, _, elapsed = post(port, CENTRAL, timeout=30)
        central.append((status, elapsed))
        time.sleep(max(0.0, 0.1 - (time.monotonic() - began)))
    for thread in threads:
        thread.join(timeout=180)
    return statuses, retry_after_missing, central


def disconnect_to_stop(port, pid):
    """Seconds from a client hanging up on a long Monte Carlo to the server's CPU going quiet."""
    body = json.dumps({"scenarios": ["county-shared"], "iterations": 100000}).encode()
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
              % (port, len(body)) + body)
    time.sleep(0.3)
    hung_up = time.monotonic()
    s.close()
    last, quiet_since = cpu_seconds(pid), None
    while time.monotonic() - hung_up < 30:
        time.sleep(0.02)
        now = cpu_seconds(pid)
        if now - last < 0.005:  # under a quarter of a core over 20 ms
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= 0.2:
                return quiet_since - hung_up
        else:
            quiet_since = None
        last = now
    return float("inf")


def shutdown_time(process, port):
    """Seconds from SIGTERM, sent while Monte Carlo requests run, to the process's end."""
    runners = [threading.Thread(target=post, args=(port, {"scenarios": ["county-shared"], "iterations": 100000}))
               for _ in range(3)]
    for runner in runners:
        runner.start()
    time.sleep(0.5)
    sent = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return float("inf")
    finally:
        for runner in runners:
            runner.join(timeout=20)
    return time.monotonic() - sent


def main():
    parser = argparse.ArgumentParser(description="A bounded soak of the web server on loopback.")
    parser.add_argument("server", nargs="?", default=os.path.join(ROOT, ".build/release/msc-server"))
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--report", action="store_true", help="also measure the central case with 4 Monte Carlo requests")
    options = parser.parse_args()
    report, seconds, server = options.report, max(1.0, min(options.seconds, 300.0)), os.path.abspath(options.server)
    port = free_port()
    process = start(server, port)
    failures = []
    try:
        if report:
            _, _, central4 = load(port, 4, min(seconds, 15))
            times = [t * 1000 for status, t in central4 if status == 200]
            print(f"central case with 4 Monte Carlo requests running: {len(times)} answers, "
                  f"p50 {statistics.median(times):.0f} ms, p99 {percentile(times, 0.99):.0f} ms, max {max(times):.0f} ms")
        statuses, missing, central = load(port, 20, seconds)
        times = [t * 1000 for status, t in central if status == 200]
        counts = {code: statuses.count(code) for code in sorted(set(statuses))}
        print(f"soak: {seconds:.0f} s, 20 Monte Carlo clients: answers by status {counts}")
        print(f"soak: {len(central)} central cases, {len(times)} answered 200; "
              f"p50 {statistics.median(times):.0f} ms, p99 {percentile(times, 0.99):.0f} ms" if times else "soak: no central case answered")
        if any(code >= 500 or code == 0 for code in statuses) or any(status >= 500 or status == 0 for status, _ in central):
            failures.append("an answer was a 5xx or the connection failed")
        if counts.get(429, 0) == 0:
            failures.append("no Monte Carlo request was refused with 429 under load")
        if missing:
            failures.append(f"{len(missing)} answers of 429 had no Retry-After header")
        if len(times) != len(central) or not central:
            failures.append("a central case did not answer 200")
        stopped = disconnect_to_stop(port, process.pid)
        print(f"soak: work stopped {stopped * 1000:.0f} ms after its client hung up")
        if stopped > 1.0:
            failures.append("work went on for more than a second after its client left")
        print(f"soak: peak resident memory {peak_rss_mb(process.pid):.0f} MB")
        took = shutdown_time(process, port)
        print(f"soak: exited {took:.2f} s after SIGTERM with 3 Monte Carlo requests running")
        if took > 5.0:
            failures.append("the server took more than 5 s to stop after SIGTERM")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    for failure in failures:
        print(f"soak: FAILED: {failure}", file=sys.stderr)
    print("soak: FAILED" if failures else "soak: every check held")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
