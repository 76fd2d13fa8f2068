#!/usr/bin/env python3
"""The Dask driver (python/bilat/dask.py) with one worker against two, on
the zipped GDELT feed of bench/gdelt_feed_bench.py, beside `bilat ingest
gdelt` on one machine over the same files, in one run.

    /usr/bin/python3 bench/dask_bench.py [--files 288] [--runs 3] [--work /tmp/bilat-feed]

Needs the feed made by gdelt_feed_bench.py in --work (it makes it if
missing, with the same defaults) and the Python module in build/python.
Every run ingests into a fresh workspace; the dyad_months tables of all
runs must be identical or the benchmark fails. Workers are separate
processes with one thread each (LocalCluster), as on a real cluster.
"""
import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BILAT = os.path.join(ROOT, "build", "bilat")
sys.path.insert(0, os.path.join(ROOT, "build", "python"))
sys.path.insert(0, HERE)

import gdelt_feed_bench  # noqa: E402  (the feed it makes)
import bilat.dask  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402


def fresh(work):
    ws = os.path.join(work, "ws-dask")
    shutil.rmtree(ws, ignore_errors=True)
    subprocess.run([BILAT, "init", ws], check=True, capture_output=True)
    return ws


def dyads(ws):
    con = sqlite3.connect(os.path.join(ws, "bilat.db"))
    rows = con.execute("SELECT src, dst, month, root, events, mentions, round(goldstein_sum, 6) FROM dyad_months "
                       "ORDER BY 1, 2, 3, 4").fetchall()
    con.close()
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=288, help="the first N zipped files of the month's feed")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "bilat-feed"))
    a = ap.parse_args()
    warnings.simplefilter("ignore")
    os.makedirs(a.work, exist_ok=True)
    _, plain, zipped, _ = gdelt_feed_bench.make_feed(a.work, "2304M", 2880)
    files = zipped[:a.files]
    plain_bytes = sum(os.path.getsize(p) for p in plain[:a.files])

    results, tables = [], []
    for threads in (1, 2):
        times = []
        for _ in range(a.runs):
            ws = fresh(a.work)
            t0 = time.perf_counter()
            subprocess.run([BILAT, "ingest", "gdelt", *files, "-w", ws, "-j", str(threads)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
        tables.append(dyads(ws))
        results.append((f"bilat ingest gdelt, one process, -j {threads}", statistics.median(times)))
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=50) as cluster, Client(cluster) as client:
            client.run(lambda: __import__("bilat"))  # workers import the module before the clock starts
            times = []
            for _ in range(a.runs):
                ws = fresh(a.work)
                t0 = time.perf_counter()
                summary = bilat.dask.ingest_events(client, ws, files)
                times.append(time.perf_counter() - t0)
                if set(summary["state"]) != {"stored"}:
                    sys.exit(f"FAIL: not every file stored: {summary['state'].value_counts().to_dict()}")
            tables.append(dyads(ws))
            results.append((f"Dask driver, {workers} worker{'s' if workers > 1 else ''} (1 thread each)",
                            statistics.median(times)))
    if any(t != tables[0] for t in tables):
        sys.exit("FAIL: the runs' dyad_months differ")

    print(f"\n{len(files)} zipped 15-minute files, {plain_bytes / 1e6:,.0f} MB plain; {a.runs} runs, medians; "
          f"{len(tables[0]):,} dyad-month rows, identical in every run; {os.cpu_count()} cores")
    base = [s for n, s in results if n.startswith("Dask driver, 1")][0]
    print(f"{'run':52} {'wall s':>7} {'MB/s':>7} {'vs Dask 1 worker':>17}")
    for name, secs in results:
        print(f"{name:52} {secs:7.2f} {plain_bytes / secs / 1e6:7.0f} {base / secs:16.2f}x")


if __name__ == "__main__":
    main()
