"""The Python module (import bilat) against the bilat CLI on the same data.

Run by ctest (label python) with Debian's /usr/bin/python3 and PYTHONPATH
set to the build tree's python/ folder, on the workspace
tests/python/make_workspace.sh builds (the example China-Kazakhstan
workspace, a Comtrade fixture and the shared GDELT samples). Each table the
module gives must hold the same values as the CLI's JSON or CSV output for
the same question; extraction must find the same facts as `bilat extract` on
the development corpus.

Environment: BILAT (the CLI binary), BILAT_TEST_WORKSPACE, BILAT_SHARED_DIR,
BILAT_TEST_OUT (a scratch folder), BILAT_DATA_DIR.
"""

import csv
import io
import json
import math
import os
import subprocess
import tempfile
import threading
import unittest
import warnings

import pandas as pd

import bilat

BILAT = os.environ["BILAT"]
WORKSPACE = os.environ["BILAT_TEST_WORKSPACE"]
SHARED = os.environ["BILAT_SHARED_DIR"]
OUT = os.environ.get("BILAT_TEST_OUT") or tempfile.mkdtemp(prefix="bilat-python-test-")
CORPUS = os.path.join(SHARED, "corpus", "dev", "texts")


def cli(*args):
    """Runs the bilat CLI and returns its standard output; fails on a non-zero exit."""
    run = subprocess.run([BILAT, *args], capture_output=True, text=True)
    if run.returncode != 0:
        raise AssertionError("bilat %s failed (%d): %s" % (" ".join(args), run.returncode, run.stderr))
    return run.stdout


def value(v):
    """A DataFrame cell as plain Python: NaN and <NA> as None, numpy numbers as Python's."""
    if v is None or v is pd.NA:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def records(df):
    return [{k: value(v) for k, v in row.items()} for row in df.to_dict("records")]


class Events(unittest.TestCase):
    ws = bilat.open(WORKSPACE)

    def cli_csv(self, *args):
        return list(csv.DictReader(io.StringIO(cli("events", *args, "-w", WORKSPACE, "--format", "csv"))))

    def assert_same_as_csv(self, df, rows):
        """Each row formatted as `bilat events --format csv` formats it."""
        self.assertEqual(len(df), len(rows))

        def fixed(v, decimals):
            return "" if value(v) is None else "%.*f" % (decimals, v)

        for got, want in zip(records(df), rows):
            mine = {k: str(got[k]) for k in ("src", "dst", "period", "events", "q1", "q2", "q3", "q4", "mentions",
                                             "sources", "articles")}
            mine.update(goldstein_mean=fixed(got["goldstein_mean"], 4),
                        net_cooperation=fixed(got["net_cooperation"], 4), tone=fixed(got["tone"], 4),
                        share_of_src=fixed(got["share_of_src"], 6), share_of_dst=fixed(got["share_of_dst"], 6))
            self.assertEqual(mine, want)

    def test_monthly_series_equals_cli_csv(self):
        df = self.ws.events("USA", "CHN")
        self.assertGreaterEqual(len(df), 9)  # both directions, several months: not an empty match
        self.assert_same_as_csv(df, self.cli_csv("USA", "CHN"))

    def test_filters_and_datasets_equal_cli_csv(self):
        for a, b, kwargs, flags in [
            ("GBR", "USA", dict(root_only=True), ["--root-only"]),
            ("USA", "ISR", dict(yearly=True), ["--yearly"]),
            ("USA", "PRK", dict(dataset="icews"), ["--dataset", "icews"]),
        ]:
            with self.subTest(pair=(a, b), flags=flags):
                df = self.ws.events(a, b, **kwargs)
                self.assertGreater(len(df), 0)
                self.assert_same_as_csv(df, self.cli_csv(a, b, *flags))

    def test_series_equals_cli_json_to_the_last_bit(self):
        series = json.loads(cli("events", "USA", "ISR", "-w", WORKSPACE, "--format", "json"))
        want = [dict(src=s["src"], dst=s["dst"], dataset=s["dataset"], **p) for s in series for p in s["periods"]]
        got = records(self.ws.events("USA", "ISR").drop(columns=["date"]))
        self.assertGreater(len(got), 10)
        self.assertEqual(got, want)

    def test_dates_are_the_periods_first_days(self):
        df = self.ws.events("USA", "CHN")
        self.assertEqual([d.strftime("%Y%m") for d in df["date"]], [str(p) for p in df["period"]])
        yearly = self.ws.events("USA", "CHN", yearly=True)
        self.assertEqual([d.year for d in yearly["date"]], list(yearly["period"]))

    def test_countries_by_name_as_the_cli_takes_them(self):
        pd.testing.assert_frame_equal(self.ws.events("United States", "China"), self.ws.events("USA", "CHN"))
        self.assertEqual(self.ws.events("PRC", "us").attrs["a"], "CHN")


class Trade(unittest.TestCase):
    ws = bilat.open(WORKSPACE)

    @staticmethod
    def cli_rows(*args):
        return json.loads(cli("trade", *args, "-w", WORKSPACE, "--format", "json"))

    def assert_indicators(self, df, rows):
        self.assertEqual(len(df), len(rows))
        for got, want in zip(records(df), rows):
            self.assertEqual(got["top_chapters"], {c["chapter"]: c["share_pct"] for c in want.pop("top_chapters")})
            for side, key in (("partner", "partner_in_country_trade"), ("country", "country_in_partner_trade")):
                standing = want.pop(key) or {}
                for field in ("share_pct", "rank", "partners"):
                    self.assertEqual(got[side + "_" + field], standing.get(field), key)
            for flow in ("exports", "imports"):
                mirror = want.pop("mirror_" + flow) or {}
                self.assertEqual(got["mirror_%s_reported" % flow], mirror.get("exports_reported"))
                self.assertEqual(got["mirror_%s_partner_reported" % flow], mirror.get("imports_reported_by_partner"))
                self.assertEqual(got["mirror_%s_gap_pct" % flow], mirror.get("gap_pct"))
            for key, v in want.items():
                self.assertEqual(got[key], v, key)

    def test_pair_indicators_equal_cli_json(self):
        rows = [r for r in self.cli_rows("CHN", "KAZ") if r["dataset"] != "registry"]
        df = self.ws.trade("CHN", "KAZ")
        self.assertEqual(list(df["year"]), [2021, 2022])
        self.assert_indicators(df, rows)
        self.assertEqual(df.loc[df["year"] == 2022, "total_growth_pct"].item(), 100.0)

    def test_one_year_and_the_other_direction(self):
        self.assert_indicators(self.ws.trade("Kazakhstan", "China", year=2022),
                               [r for r in self.cli_rows("KAZ", "CHN", "--year", "2022") if r["dataset"] != "registry"])

    def test_partners_of_one_country_equal_cli_json(self):
        df = self.ws.trade("CHN")
        self.assertGreater(len(df), 0)
        self.assert_indicators(df, self.cli_rows("CHN"))

    def test_stated_figures_keep_their_sources(self):
        rows = [r for r in self.cli_rows("CHN", "KAZ") if r["dataset"] == "registry"]
        df = self.ws.stated_trade("CHN", "KAZ")
        self.assertGreater(len(df), 10)
        self.assertEqual(len(df), len(rows))
        for got, want in zip(records(df), rows):
            self.assertTrue(got["source_id"] and got["registry"].startswith("trade.csv:"))
            for key, v in want.items():
                self.assertEqual(got[key] or None, v or None, key)


class IndexAndTrajectory(unittest.TestCase):
    ws = bilat.open(WORKSPACE)

    def assert_same_as_json(self, df, rows):
        self.assertEqual(len(df), len(rows))
        for got, want in zip(records(df), rows):
            components = want.pop("components")
            for name, c in components.items():
                self.assertEqual(got[name], c["raw"], name)
                self.assertEqual(got[name + "_normalised"], c["normalised"], name)
            for name in set(got) - set(want):
                if not name.endswith("_normalised") and name not in components:
                    self.assertIsNone(got[name], name)  # a component the row does not have
            for key, v in want.items():
                self.assertEqual(got[key], v, key)

    def test_series_index_equals_cli_json(self):
        df = self.ws.index("CHN")
        self.assertGreater(len(df), 20)
        self.assert_same_as_json(df, json.loads(cli("index", "CHN", "-w", WORKSPACE, "--format", "json")))
        self.assertEqual(df.attrs["year"], df["year"].iloc[0])
        self.assertEqual(list(df["weight_rank"].dropna()), sorted(df["weight_rank"].dropna()))

    def test_pair_across_years_equals_cli_json(self):
        df = self.ws.index("China", "Kazakhstan")
        self.assertGreater(df["weight"].notna().sum(), 5)
        self.assert_same_as_json(df, json.loads(cli("index", "CHN", "KAZ", "-w", WORKSPACE, "--format", "json")))

    def test_backtests_equal_cli_csv(self):
        want = list(csv.DictReader(io.StringIO(cli("trajectory", "CHN", "-w", WORKSPACE, "--format", "csv"))))
        got = records(self.ws.trajectory("CHN"))
        self.assertGreater(len(got), 20)
        self.assertEqual(len(got), len(want))
        for g, w in zip(got, want):
            mine = {k: str(g[k]) for k in ("partner", "series", "first", "last", "points", "origins", "method")}
            mine["fell_back"] = "yes" if g["fell_back_to_naive"] else "no"
            for k in ("mase_method", "mase_naive", "mase_rule"):
                mine[k] = "" if g[k] is None else "%.4f" % g[k]
            self.assertEqual(mine, w)

    def test_pair_forecasts_equal_cli_json(self):
        df = self.ws.trajectory("CHN", "KAZ")
        series = json.loads(cli("trajectory", "CHN", "KAZ", "-w", WORKSPACE, "--format", "json"))
        self.assertGreater(len(series), 0)
        for s in series:
            rows = df[df["series"] == s["series"]]
            history = rows[rows["part"] == "history"]
            self.assertEqual(list(history["period"]), [h["period"] for h in s["history"]])
            self.assertEqual(list(history["value"]), [h["value"] for h in s["history"]])
            forecast = records(rows[rows["part"] == "forecast"])
            self.assertEqual([(f["period"], f["horizon"], f["value"], f["lo80"], f["hi80"]) for f in forecast],
                             [(p["period"], p["horizon"], p["mean"], p["lo80"], p["hi80"]) for p in s["forecast"]])
            self.assertEqual({f["method"] for f in forecast}, {s["method"]})


class Report(unittest.TestCase):
    ws = bilat.open(WORKSPACE)

    def test_report_data_equal_the_json_report_the_cli_writes(self):
        out = os.path.join(OUT, "report")
        cli("report", "CHN", "KAZ", "-w", WORKSPACE, "-o", out, "-f", "json,md")
        with open(os.path.join(out, "CHN-KAZ.json"), encoding="utf-8") as f:
            written = json.load(f)
        data = self.ws.report("China", "Kazakhstan")
        self.assertEqual(data, written)
        self.assertGreater(len(data["sources"]), 10)
        with open(os.path.join(out, "CHN-KAZ.md"), encoding="utf-8") as f:
            self.assertEqual(self.ws.report("CHN", "KAZ", format="md"), f.read())


def cli_fact(item):
    """A `bilat extract --format jsonl` item as the row extract() gives."""
    kind = item["type"]
    row = dict(doc=item["doc"], kind=kind, type=None, date=item.get("date"), countries=[], actor=None, what=None,
               status=None, value=None, value_high=None, unit=None, period=None, direction=None, yoy_pct=None,
               qualifier=item.get("qualifier"), source=None, cameo_code=None, goldstein=None,
               confidence=item["confidence"], begin=item["evidence"]["begin"], end=item["evidence"]["end"],
               evidence=item["evidence"]["text"])
    if kind in ("visit", "event"):
        row.update(type=item["kind"], status=item["status"], cameo_code=item["cameo"]["code"] or None,
                   goldstein=item["cameo"]["goldstein"] if item["cameo"]["code"] else None)
    if kind == "visit":
        row.update(countries=[item["visitor_country"], item["host_country"]], actor=item["visitor"])
    elif kind == "event":
        row.update(countries=item["parties"], what=item["what"])
    elif kind == "trade":
        direction = item["reporter_or_direction"]
        year = item["year"]
        row.update(type=item["flow"], date=None if year is None else str(year), period=item["period"],
                   value=item["value"], unit=item["unit"], direction=direction, yoy_pct=item["yoy_pct"],
                   source=item["source"],
                   countries=direction.replace("->", "-").split("-") if direction else [])
    elif kind in ("quantity", "money"):
        row.update(what=item["what"], value=item["value"], unit=item["unit"])
    elif kind == "percentage":
        row.update(what=item["what"], value=item["value_low"], value_high=item["value_high"], unit="%")
    return row


class Extract(unittest.TestCase):
    def assert_same_facts(self, df, items):
        got = records(df)
        self.assertEqual(len(got), len(items))
        for g, item in zip(got, items):
            self.assertEqual(g, cli_fact(item))

    def test_corpus_texts_give_the_facts_bilat_extract_finds(self):
        files = sorted(os.path.join(CORPUS, f) for f in os.listdir(CORPUS) if f.endswith(".txt"))
        self.assertGreaterEqual(len(files), 30)
        items = [json.loads(line) for line in cli("extract", *files, "--format", "jsonl").splitlines()]
        self.assertGreater(len(items), 250)
        for path in files:
            doc = os.path.splitext(os.path.basename(path))[0]
            with self.subTest(doc=doc):
                df = bilat.extract_file(path)
                self.assert_same_facts(df, [i for i in items if i["doc"] == doc])
                self.assertEqual(df.attrs["documents"][0]["text_file"], path)

    def test_a_string_reads_as_the_same_text_in_a_file(self):
        for name in ("02_inform_chn_kaz_47docs_2023.txt", "54_chinadaily_chn_kaz_hu_visit_2010.txt"):
            path = os.path.join(CORPUS, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            doc = os.path.splitext(name)[0]
            from_file = bilat.extract_file(path)
            from_string = bilat.extract(text, doc_id=doc)
            self.assertGreater(len(from_file), 5)
            pd.testing.assert_frame_equal(from_string, from_file)
            self.assertEqual(from_string.attrs["documents"][0]["date"], from_file.attrs["documents"][0]["date"])

    def test_json_lines_records_with_their_dates(self):
        path = os.path.join(OUT, "records.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "a", "date": "2024-06-20", "text":
                                "The president of Kazakhstan will pay a state visit to China next month. Trade "
                                "between the two countries reached 30 billion US dollars last year."}) + "\n")
            f.write("not json\n")
            f.write(json.dumps({"id": "b", "date": "20190301", "text":
                                "The two foreign ministers met in Astana on Tuesday and signed a memorandum on "
                                "transport."}) + "\n")
        items = [json.loads(line) for line in cli("extract", path, "--format", "jsonl").splitlines()]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            df = bilat.extract_file(path)
        self.assert_same_facts(df, items)
        self.assertEqual(set(df["doc"]), {"a", "b"})
        self.assertTrue(any(w.category is bilat.ExtractionWarning and "records.jsonl:2" in str(w.message)
                            for w in caught))
        self.assertEqual([d["date"] for d in df.attrs["documents"]], ["2024-06-20", "2019-03-01"])

    def test_a_dated_string(self):
        df = bilat.extract("The president of Kazakhstan will pay a state visit to China from 3 to 5 September. "
                           "Trade between the two countries reached 30 billion US dollars last year, up 12 "
                           "percent.", doc_id="note", date="2024-06-20")
        visit = df[df["kind"] == "visit"].iloc[0]
        self.assertEqual((visit["countries"], visit["type"], visit["status"], visit["date"]),
                         (["KAZ", "CHN"], "state visit", "planned", "2024-09-03"))
        trade = df[df["kind"] == "trade"].iloc[0]
        self.assertEqual((trade["date"], trade["value"], trade["unit"], trade["yoy_pct"]),
                         ("2023", 30.0, "USD billion", 12.0))
        self.assertTrue(visit["evidence"].startswith("The president of Kazakhstan will pay"))
        self.assertEqual(df.attrs["documents"][0]["date_source"], "input")


class Errors(unittest.TestCase):
    ws = bilat.open(WORKSPACE)

    def test_unknown_country_is_a_value_error_with_bilats_suggestion(self):
        with self.assertRaises(ValueError) as e:
            self.ws.events("CHN", "Kazakhztan")
        self.assertEqual(str(e.exception), "unknown country 'Kazakhztan' (did you mean Kazakhstan, KAZ?)")
        for call in (lambda: self.ws.trade("Chine", "KAZ"), lambda: self.ws.index("XXQ"),
                     lambda: self.ws.report("CHN", "Kazakhztan")):
            self.assertRaisesRegex(ValueError, "unknown country", call)

    def test_missing_workspace_is_an_os_error(self):
        missing = os.path.join(OUT, "no-such-workspace")
        with self.assertRaises(FileNotFoundError) as e:
            bilat.open(missing)
        self.assertIsInstance(e.exception, OSError)
        self.assertIn(missing + ": not a bilat workspace", str(e.exception))
        empty = tempfile.mkdtemp(dir=OUT)
        self.assertRaisesRegex(OSError, "not a bilat workspace", bilat.open, empty)

    def test_bad_arguments_are_value_errors(self):
        self.assertRaisesRegex(ValueError, "unknown event dataset 'acled'", self.ws.events, "CHN", "KAZ",
                               dataset="acled")
        self.assertRaisesRegex(ValueError, "two different countries", self.ws.report, "CHN", "China")
        self.assertRaisesRegex(ValueError, "monthly=True needs two countries", self.ws.index, "CHN", monthly=True)
        self.assertRaisesRegex(ValueError, "date 'soon' is not a date", bilat.extract, "Some text.", date="soon")

    def test_nothing_stored_is_a_lookup_error_saying_what_to_ingest(self):
        self.assertRaisesRegex(LookupError, "no trade flows of NZL with FJI.*bilat ingest comtrade", self.ws.trade,
                               "NZL", "FJI")

    def test_missing_text_file_is_a_file_not_found_error(self):
        self.assertRaises(FileNotFoundError, bilat.extract_file, os.path.join(OUT, "no-such-text.txt"))


class Threads(unittest.TestCase):
    def test_queries_from_several_threads_give_the_serial_answers(self):
        ws = bilat.open(WORKSPACE)
        with open(os.path.join(CORPUS, "02_inform_chn_kaz_47docs_2023.txt"), encoding="utf-8") as f:
            text = f.read()
        jobs = [lambda: ws.events("USA", "CHN"), lambda: ws.trade("CHN", "KAZ"), lambda: ws.index("CHN"),
                lambda: bilat.extract(text)]
        serial = [job() for job in jobs]
        results, errors = {}, []

        def run(i):
            try:
                for _ in range(3):
                    results[i] = jobs[i % len(jobs)]()
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        for i, df in results.items():
            pd.testing.assert_frame_equal(df, serial[i % len(jobs)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
