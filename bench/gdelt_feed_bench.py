#!/usr/bin/env python3
"""GDELT feed benchmark: a month of 15-minute files, as GDELT 2.0 publishes
them, against the same rows as one file, and against DuckDB reading the same
plain files, in one run.

    python3 bench/gdelt_feed_bench.py [--files 2880] [--size 2304M] [--runs 3] [--work /tmp/bilat-feed]

Makes (once, cached in --work) one month of generated GDELT 2.0 export rows
with the neutral kit's generator (../shared/bench/gen_gdelt.py), cut at line
ends into --files files named like the feed's (20190101000000.export.CSV,
one every 15 minutes), each also zipped (zip/…CSV.zip, deflate level 6 as
GDELT's own). Then:

  * bilat ingest gdelt with 1 and 2 threads: the whole month as one plain
    file and as one zipped file, then the plain files, then the zipped files;
  * DuckDB 1 thread reading the month file, and the plain files by glob.

Every bilat run ingests into a fresh workspace; its dyad_months table must
come out identical (same rows, same sums) for the three inputs, or the
benchmark fails. Prints wall seconds (median), MB/s of plain bytes and the
ratio of each run to the one-file ingest.
"""
import argparse
import datetime
import json
import os
import shutil
import sqlite3
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
BILAT = os.path.join(ROOT, "build", "bilat")


def make_feed(work, size, files):
    """The month file and its cut into `files` plain and zipped files."""
    month = os.path.join(work, "month.CSV")
    if not os.path.exists(month):
        print(f"generating {month} ({size}) ...", flush=True)
        subprocess.run([sys.executable, os.path.join(KIT, "gen_gdelt.py"), "--size", size, "--months", "1",
                        "--out", month], check=True, capture_output=True)
    feed = os.path.join(work, f"feed-{files}")
    done = os.path.join(feed, "done")
    if not os.path.exists(done):
        print(f"cutting it into {files} plain and zipped files ...", flush=True)
        shutil.rmtree(feed, ignore_errors=True)
        os.makedirs(os.path.join(feed, "plain"))
        os.makedirs(os.path.join(feed, "zip"))
        per = os.path.getsize(month) // files
        t = datetime.datetime(2019, 1, 1)
        with open(month, "rb") as f:
            for i in range(files):
                chunk = f.read(per) if i < files - 1 else f.read()
                if i < files - 1:
                    chunk += f.readline()
                name = (t + datetime.timedelta(minutes=15 * i)).strftime("%Y%m%d%H%M%S") + ".export.CSV"
                with open(os.path.join(feed, "plain", name), "wb") as out:
                    out.write(chunk)
                with zipfile.ZipFile(os.path.join(feed, "zip", name + ".zip"), "w", zipfile.ZIP_DEFLATED,
                                     compresslevel=6) as z:
                    z.writestr(name, chunk)
        open(done, "w").close()
    plain = sorted(os.path.join(feed, "plain", n) for n in os.listdir(os.path.join(feed, "plain")))
    zipped = sorted(os.path.join(feed, "zip", n) for n in os.listdir(os.path.join(feed, "zip")))
    return month, plain, zipped, os.path.join(feed, "plain")


def duckdb_ready(work):
    duck = os.path.join(work, "duckdb")
    if not os.path.exists(os.path.join(duck, "node", "node_modules", "@duckdb")):
        shutil.rmtree(duck, ignore_errors=True)
        os.makedirs(duck)
        shutil.copy(os.path.join(KIT, "ref_duckdb.mjs"), duck)
        shutil.copytree(os.path.join(KIT, "node"), os.path.join(duck, "node"))
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=os.path.join(duck, "node"),
                       check=True)
    return os.path.join(duck, "ref_duckdb.mjs")


def dyad_table(ws):
    con = sqlite3.connect(os.path.join(ws, "bilat.db"))
    rows = con.execute("SELECT src, dst, month, root, events, q1, q2, q3, q4, round(goldstein_sum, 6), mentions, "
                       "sources, articles, round(tone_x_mentions, 4) FROM dyad_months ORDER BY 1, 2, 3, 4").fetchall()
    files = con.execute("SELECT count(*) FROM event_files").fetchone()[0]
    con.close()
    return rows, files


def ingest(work, inputs, runs, threads=1):
    """Median wall seconds of `bilat ingest gdelt` into a fresh workspace."""
    times = []
    ws = os.path.join(work, "ws")
    for _ in range(runs):
        shutil.rmtree(ws, ignore_errors=True)
        subprocess.run([BILAT, "init", ws], check=True, capture_output=True)
        t0 = time.perf_counter()
        subprocess.run([BILAT, "ingest", "gdelt", *inputs, "-w", ws, "-j", str(threads)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), dyad_table(ws)


def duckdb(script, what, runs):
    secs = []
    for _ in range(runs):
        out = subprocess.run(["node", script, what, "--threads", "1"], check=True, capture_output=True,
                             text=True).stdout
        secs.append(json.loads([l for l in out.splitlines() if l.startswith("{")][-1])["seconds"])
    return statistics.median(secs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=2880, help="files in the month (2880: one every 15 minutes)")
    ap.add_argument("--size", default="2304M", help="plain bytes of the month (0.8 MB a file by default)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "bilat-feed"))
    ap.add_argument("--no-duckdb", action="store_true", help="skip the DuckDB reference")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    month, plain, zipped, plain_dir = make_feed(a.work, a.size, a.files)
    size = os.path.getsize(month)
    for f in plain + zipped + [month]:  # warm the page cache
        with open(f, "rb") as fh:
            while fh.read(1 << 24):
                pass

    rows = []
    one_zip = os.path.join(a.work, "month.CSV.zip")
    if not os.path.exists(one_zip):
        with zipfile.ZipFile(one_zip, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            z.write(month, "month.CSV")
    one = table = None
    for threads in (1, 2):
        secs, (t, _) = ingest(a.work, [month], a.runs, threads)
        one = one or secs
        table = table or t
        rows.append((f"bilat -j{threads}, the month as one plain file", secs))
        secs, (t, _) = ingest(a.work, [one_zip], a.runs, threads)
        rows.append((f"bilat -j{threads}, the month as one zipped file", secs))
        for label, inputs in (("plain", plain), ("zipped", zipped)):
            secs, (t, nfiles) = ingest(a.work, inputs, a.runs, threads)
            if t != table or nfiles != len(inputs):
                sys.exit(f"FAIL: the {label} feed's dyad_months differ from the one-file ingest's "
                         f"({len(t)} rows against {len(table)}; {nfiles} files stored of {len(inputs)})")
            rows.append((f"bilat -j{threads}, {len(inputs)} {label} files", secs))
    if not a.no_duckdb:
        script = duckdb_ready(a.work)
        rows.append(("DuckDB, 1 thread, the month as one file", duckdb(script, month, a.runs)))
        rows.append((f"DuckDB, 1 thread, {len(plain)} plain files (glob)",
                     duckdb(script, os.path.join(plain_dir, "*.CSV"), a.runs)))

    print(f"\nmonth: {size:,} plain bytes in {len(plain)} files of ~{size / len(plain) / 1e6:.2f} MB "
          f"({sum(os.path.getsize(z) for z in zipped) / 1e6:,.0f} MB zipped); {a.runs} runs, medians; "
          f"{len(table):,} dyad-month rows, identical for every bilat input; ratios against bilat -j1 on the "
          f"one plain file")
    print(f"{'run':50} {'wall s':>7} {'MB/s':>7} {'vs one file':>11}")
    for name, secs in rows:
        print(f"{name:50} {secs:7.2f} {size / secs / 1e6:7.0f} {one / secs:10.2f}x")


if __name__ == "__main__":
    main()
