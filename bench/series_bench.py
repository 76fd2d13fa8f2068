#!/usr/bin/env python3
"""Series benchmark: building the China series workspace from ../shared/data
and writing every partner's report, beside two references in the same run.

  python3 bench/series_bench.py [--runs 3] [--data ../shared/data]

Measures (median of --runs):
  1. scripts/series_workspace.sh into a fresh workspace (every dataset adapter,
     IMF DOTS all pairs, WDI): seconds and MB/s of input;
     reference: the same CSV files loaded as plain SQLite tables by Python's
     csv and sqlite3 modules (no mapping, no checks, no provenance).
  2. bilat report CHN --all-partners (HTML, Markdown, JSON for every partner):
     seconds, ms per report and per MB written;
     reference: one single-pair report (bilat report CHN PAK), which reads
     every trade dataset-year itself, as a series would without its cache.
Leaves nothing behind (work folder under /tmp, removed).
"""
import argparse, csv, os, shutil, sqlite3, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FILES = [  # the files series_workspace.sh ingests, relative to the data folder
    "political/chinavitae/chinavitae_leader_engagements_2003_2018.csv",
    "political/ceias_leader_travel/who_where_when_v1.1_visits.csv",
    "political/china_partnerships/china_partnerships.csv",
    "political/bri_countries/bri_countries_gfdc_2025_05.csv",
    "political/lowy_diplomacy_index/lowy_gdi_posts.csv",
    "political/unga_voeten/IdealpointestimatesAll_Jun2024.csv",
    "projects/aei_cgit_2021/cgit_2021fall_dataset1plus2_utf8.csv",
    "projects/aei_cgit_2019/cgit_2019fall_troubled_transactions.csv",
    "projects/aiddata_gcdf3_aggregates/esabin_aiddata_gcdf_country_year.csv",
    "projects/aiddata_gcdf3_aggregates/odadata_cow_gcdf.csv",
    "projects/aiddata_geocoded_v1.1.1/aiddata_geocoded_chinese_official_finance_v1.1.1_locations.csv",
    "people/aiddata_public_diplomacy/ChinesePublicDiplomacy.csv",
    "people/confucius_institutes/confucius_institutes.csv",
    "people/passport_index/china_visa_requirements_2019_2025.csv",
    "gdelt/derived_china_dyad_daily/gdelt_china_dyad_daily_score_2018_2024.csv",
    "trade/imf_dots/dots_china_mainland_all_years.csv",
    "trade/imf_dots/dots_all_pairs_2000_2020.csv",
    "trade/wdi/wdi_macro_long_2005_2024.csv",
]


def timed(cmd):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def reference_load(data, db_path):
    t0 = time.perf_counter()
    db = sqlite3.connect(db_path)
    for i, rel in enumerate(FILES):
        with open(os.path.join(data, rel), newline="", encoding="utf-8", errors="replace") as f:
            rows = csv.reader(f)
            header = next(rows)
            cols = ",".join('"c%d"' % k for k in range(len(header)))
            db.execute("CREATE TABLE t%d (%s)" % (i, cols))
            marks = ",".join("?" * len(header))
            db.executemany("INSERT INTO t%d VALUES (%s)" % (i, marks),
                           (r for r in rows if len(r) == len(header)))
    db.commit()
    db.close()
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--bilat", default=os.path.join(ROOT, "build", "bilat"))
    a = ap.parse_args()
    mb = sum(os.path.getsize(os.path.join(a.data, f)) for f in FILES) / 1e6
    work = tempfile.mkdtemp(prefix="bilat-series-bench-")
    try:
        build, ref, series, single, reports, out_mb = [], [], [], [], 0, 0.0
        for run in range(a.runs):
            ws = os.path.join(work, "ws%d" % run)
            build.append(timed([os.path.join(ROOT, "scripts", "series_workspace.sh"), a.bilat, ws, a.data]))
            ref.append(reference_load(a.data, os.path.join(work, "ref%d.db" % run)))
            out = os.path.join(work, "out%d" % run)
            series.append(timed([a.bilat, "report", "CHN", "--all-partners", "-w", ws, "-o", out]))
            single.append(timed([a.bilat, "report", "CHN", "PAK", "-w", ws, "-o", os.path.join(work, "one")]))
            reports = sum(1 for n in os.listdir(out) if n.endswith(".json"))
            out_mb = sum(os.path.getsize(os.path.join(out, n)) for n in os.listdir(out)) / 1e6
            print("run %d: workspace %.1f s, reference load %.1f s, %d reports %.1f s, one report %.2f s"
                  % (run + 1, build[-1], ref[-1], reports, series[-1], single[-1]), file=sys.stderr)
        b, r, s, o = (statistics.median(x) for x in (build, ref, series, single))
        print("input: %d files, %.1f MB" % (len(FILES), mb))
        print("series workspace: %.1f s (%.1f MB/s); reference plain CSV->SQLite load: %.1f s (%.1f MB/s); "
              "bilat/reference %.2fx" % (b, mb / b, r, mb / r, b / r))
        print("all reports: %d in %.1f s = %.0f ms per report, %.2f s per MB written (%.0f MB); "
              "one single-pair report: %.2f s (%.1fx the series' per-report time)"
              % (reports, s, 1000 * s / reports, s / out_mb, out_mb, o, o / (s / reports)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
