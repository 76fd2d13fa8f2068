#!/usr/bin/env python3
"""GDELT ingest benchmark: bilat against DuckDB (and plain-scan ceilings) on
the same generated GDELT 2.0 file, in one run, with the aggregates checked
for agreement. Uses the neutral kit in ../shared/bench without copying it.

    python3 bench/gdelt_bench.py [--size 1.5G] [--runs 3] [--work /tmp/bilat-bench]

Prints one table (wall s, MB/s, rows/s, peak RSS, ratio to DuckDB on one
thread) and the check results. Needs build/ (scripts/build.sh) and network
access to the npm registry the first time (DuckDB's node package).
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KIT = os.path.join(ROOT, "..", "shared", "bench")
if not os.path.isdir(KIT):
    KIT = "/work/shared/bench"
BUILD = os.path.join(ROOT, "build")


def run_json(cmd):
    """Runs cmd, returns (its JSON line, wall seconds, peak RSS of the child in MiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # max over children so far
    line = [l for l in out.splitlines() if l.startswith("{")]
    return (json.loads(line[-1]) if line else {}), wall, max(rss, before) / 1024.0


def peak_rss_of(cmd):
    """Peak RSS (MiB) of one command, measured in a fresh process via /proc."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while p.poll() is None:
        try:
            with open(f"/proc/{p.pid}/status") as f:
                for l in f:
                    if l.startswith("VmHWM:"):
                        peak = max(peak, int(l.split()[1]))
        except FileNotFoundError:
            pass
        time.sleep(0.02)
    out, err = p.communicate()
    if p.returncode:
        sys.exit(f"{cmd[0]} failed: {err}")
    line = [l for l in out.splitlines() if l.startswith("{")]
    return (json.loads(line[-1]) if line else {}), peak / 1024.0


def median_run(cmd, runs):
    results = []
    for _ in range(runs):
        info, rss = peak_rss_of(cmd)
        results.append((info.get("seconds"), info, rss))
    results.sort(key=lambda r: r[0])
    secs, info, _ = results[len(results) // 2]
    return secs, info, max(r[2] for r in results)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="1.5G")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "bilat-bench"))
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    data = os.path.join(a.work, f"gdelt-{a.size}.export.CSV")
    if not os.path.exists(data):
        print(f"generating {data} ...", flush=True)
        subprocess.run([sys.executable, os.path.join(KIT, "gen_gdelt.py"), "--size", a.size, "--out", data], check=True)
    size = os.path.getsize(data)
    lines = json.load(open(data + ".meta.json"))["lines"]
    duck = os.path.join(a.work, "duckdb")
    if not os.path.exists(os.path.join(duck, "node", "node_modules", "@duckdb")):
        shutil.rmtree(duck, ignore_errors=True)
        os.makedirs(duck)
        shutil.copy(os.path.join(KIT, "ref_duckdb.mjs"), duck)
        shutil.copytree(os.path.join(KIT, "node"), os.path.join(duck, "node"))
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=os.path.join(duck, "node"), check=True)
    scan_c = os.path.join(a.work, "scan")
    if not os.path.exists(scan_c):
        subprocess.run(["cc", "-O2", "-o", scan_c, os.path.join(KIT, "scan.c")], check=True)
    bench = os.path.join(BUILD, "bench", "gdelt_scan_bench")
    bilat = os.path.join(BUILD, "bilat")
    subprocess.run(["cat", data], stdout=subprocess.DEVNULL, check=True)  # warm the page cache

    rows = []

    def add(name, secs, rss, note=""):
        rows.append((name, secs, size / secs / 1e6, lines / secs / 1e6, rss, note))

    for t in (1, 2):
        secs, info, rss = median_run(["node", os.path.join(duck, "ref_duckdb.mjs"), data, "--threads", str(t)], a.runs)
        add(f"DuckDB {info.get('version', '')}, {t} thread{'s' if t > 1 else ''}", secs, rss)
    subprocess.run(["node", os.path.join(duck, "ref_duckdb.mjs"), data, "--threads", "2", "--out",
                    os.path.join(a.work, "duck.csv")], check=True, capture_output=True)
    for t in (1, 2):
        secs, info, rss = median_run([bench, data, "--threads", str(t)], a.runs)
        add(f"bilat scan+aggregate, {t} thread{'s' if t > 1 else ''}", secs, rss, "AVX2" if info.get("avx2") else "SWAR")
        subprocess.run([bench, data, "--threads", str(t), "--out", os.path.join(a.work, f"bilat{t}.csv")],
                       check=True, capture_output=True)
    secs, info, rss = median_run([bench, data, "--threads", "1", "--portable"], a.runs)
    add("bilat scan+aggregate, portable kernel, 1 thread", secs, rss, "SWAR")

    # Whole command: hash + scan + map to ISO + SQLite transaction.
    for t in (1, 2):
        times = []
        peak = 0
        for _ in range(a.runs):
            ws = os.path.join(a.work, "ws")
            shutil.rmtree(ws, ignore_errors=True)
            subprocess.run([bilat, "init", ws], check=True, capture_output=True)
            t0 = time.perf_counter()
            _, rss = peak_rss_of([bilat, "ingest", "gdelt", data, "-w", ws, "-j", str(t)])
            times.append(time.perf_counter() - t0)
            peak = max(peak, rss)
        add(f"bilat ingest gdelt (to workspace), {t} thread{'s' if t > 1 else ''}", statistics.median(times), peak,
            "incl. content hash + SQLite")

    # Compressed input: bilat on a .zip against the bare decompression.
    zpath = os.path.join(a.work, "gdelt.export.CSV.zip")
    if not os.path.exists(zpath):
        with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            z.write(data, "gdelt.export.CSV")
    secs, _, rss = median_run([bench, zpath, "--read-only"], a.runs)
    add("zip: decompression only (libzip)", secs, rss)
    secs, _, rss = median_run([bench, zpath, "--threads", "1"], a.runs)
    add("zip: bilat scan+aggregate", secs, rss)

    for mode, label in (("memchr", "C memchr line count (kit's scan.c)"), ("fields", "C scalar tab+newline loop (scan.c)")):
        secs, _, rss = median_run([scan_c, data, mode], a.runs)
        add(label, secs, rss, "ceiling: no parsing")

    base = rows[0][1]
    print(f"\nfile: {size:,} bytes, {lines:,} lines; machine: {os.cpu_count()} cores")
    print(f"{'engine':58} {'wall s':>7} {'MB/s':>7} {'Mrows/s':>8} {'RSS MiB':>8} {'vs DuckDB-1':>11}")
    for name, secs, mbs, mrs, rss, note in rows:
        print(f"{name:58} {secs:7.2f} {mbs:7.0f} {mrs:8.2f} {rss:8.0f} {base / secs:10.2f}x  {note}")
    b1 = [r for r in rows if r[0].startswith("bilat scan+aggregate, 1")][0]
    b2 = [r for r in rows if r[0].startswith("bilat scan+aggregate, 2")][0]
    print(f"\nbilat 2 threads / 1 thread: {b1[1] / b2[1]:.2f}x")
    for t in (1, 2):
        r = subprocess.run([sys.executable, os.path.join(KIT, "check_aggs.py"), os.path.join(a.work, "duck.csv"),
                            os.path.join(a.work, f"bilat{t}.csv")], capture_output=True, text=True)
        print(f"aggregates, DuckDB vs bilat {t} thread(s): {r.stdout.strip().splitlines()[-1]}")
        if r.returncode:
            sys.exit(1)


if __name__ == "__main__":
    main()
