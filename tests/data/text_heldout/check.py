#!/usr/bin/env python3
"""Validate the held-out gold files against the schema and conventions of
../shared/corpus/SCORING.md and print totals.

Usage: python3 check.py [--quiet]
Exit status 1 when any error is found.
"""
import collections
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "gold")
TEXTS = os.path.join(HERE, "texts")

TOP_KEYS = ["url", "text_file", "country_pair", "other_countries", "doc_date",
            "visits", "meetings_and_events", "trade_figures", "quantities",
            "money", "percentages", "notes"]
ARRAYS = TOP_KEYS[5:11]
FIELDS = {
    "visits": ["visitor_country", "visitor", "host_country", "date", "kind", "status"],
    "meetings_and_events": ["date", "kind", "parties", "what", "status"],
    "trade_figures": ["year", "period", "value", "unit", "flow", "reporter_or_direction",
                      "yoy_pct", "qualifier", "source"],
    "quantities": ["what", "value", "unit", "date", "qualifier"],
    "money": ["what", "value", "unit", "date", "qualifier"],
    "percentages": ["what", "value_low", "value_high", "date", "qualifier"],
}
OPTIONAL = {"date_inferred"}
VISIT_KINDS = {"state visit", "official visit", "summit attendance", "visit"}
STATUS = {"actual", "planned"}
EVENT_KINDS = {"summit", "forum", "agreement signed", "memorandum signed",
               "partnership established", "opening", "announcement", "meeting",
               "entry into force", "launch"}
FLOWS = {"total", "exports", "imports"}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
PERIOD_RE = re.compile(r"^(H1|H2|Q[1-4]|(%s)(-(%s))?)$" % ("|".join(MONTHS), "|".join(MONTHS)))
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SPAN_RE = re.compile(r"^(\d{4})/(\d{4})$")
MAGNITUDES = {"thousand", "million", "billion", "trillion"}
QUALIFIERS = {"over", "about", "almost", "approximately", "at least", "nearly", "estimated",
              "around", "up to", "more than", "less than", "under", "some", "roughly"}


def load_iso():
    """ISO 3166-1 alpha-3 and ISO 4217 codes from the Debian iso-codes package,
    with a small fallback list if it is not installed."""
    countries, currencies = set(), set()
    try:
        with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
            countries = {c["alpha_3"] for c in json.load(f)["3166-1"]}
        with open("/usr/share/iso-codes/json/iso_4217.json", encoding="utf-8") as f:
            currencies = {c["alpha_3"] for c in json.load(f)["4217"]}
    except (OSError, KeyError, ValueError):
        pass
    if not countries:
        countries = set("""ARE ARG AZE BGD BGR BOL BRA CHL CHN FRA GEO HUN IND ISR ITA JPN KAZ
            KEN KHM KOR MEX MUS MYS PAK PER PRY QAT RUS RWA SAU SEN SRB TUR TZA URY USA UZB
            VNM ZAF ZMB""".split())
    if not currencies:
        currencies = set("USD EUR CNY JPY KRW MYR AED SAR HUF BRL ARS INR GBP".split())
    countries.add("EUU")  # the EU as a party (SCORING.md)
    return countries, currencies


COUNTRIES, CURRENCIES = load_iso()


class Checker:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")

    # -- field helpers -------------------------------------------------
    def date(self, where, value, allow_span=True):
        """Return a sortable (start, end) tuple of ISO strings, or None."""
        if value is None:
            return None
        if not isinstance(value, str):
            self.err(where, f"date must be string or null, got {value!r}")
            return None
        m = DATE_RE.match(value)
        if m:
            y, mo, d = m.groups()
            try:
                datetime.date(int(y), int(mo or 1), int(d or 1))
            except ValueError:
                self.err(where, f"invalid calendar date {value!r}")
                return None
            return (value, value)
        m = SPAN_RE.match(value)
        if m and allow_span:
            if int(m.group(1)) >= int(m.group(2)):
                self.err(where, f"span must go forward: {value!r}")
            return (m.group(1), m.group(2))
        self.err(where, f"bad date format {value!r} (YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY)")
        return None

    def iso(self, where, code):
        if not isinstance(code, str) or code not in COUNTRIES:
            self.err(where, f"not an ISO3 code (or EUU): {code!r}")

    def number(self, where, value, name, allow_null=False):
        if value is None and allow_null:
            return
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.err(where, f"{name} must be a number, got {value!r}")

    def text(self, where, value, name, allow_null=False):
        if value is None and allow_null:
            return
        if not isinstance(value, str) or not value.strip():
            self.err(where, f"{name} must be a non-empty string, got {value!r}")

    def qualifier(self, where, value):
        self.text(where, value, "qualifier", allow_null=True)
        if isinstance(value, str) and value not in QUALIFIERS:
            self.warn(where, f"unusual qualifier {value!r}")

    def money_unit(self, where, unit):
        if not isinstance(unit, str):
            self.err(where, f"unit must be a string, got {unit!r}")
            return
        parts = unit.split()
        if len(parts) != 2 or parts[0] not in CURRENCIES or parts[1] not in MAGNITUDES:
            self.err(where, f"unit must be 'CUR magnitude' like 'USD billion', got {unit!r}")

    def keys(self, where, item, required):
        if not isinstance(item, dict):
            self.err(where, "item is not an object")
            return False
        missing = [k for k in required if k not in item]
        extra = [k for k in item if k not in required and k not in OPTIONAL]
        if missing:
            self.err(where, f"missing keys {missing}")
        if extra:
            self.err(where, f"unexpected keys {extra}")
        if "date_inferred" in item and item["date_inferred"] is not True:
            self.err(where, "date_inferred, when present, must be true")
        return not missing

    # -- one file ------------------------------------------------------
    def check_file(self, path):
        name = os.path.basename(path)
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except ValueError as e:
            self.err(name, f"invalid JSON: {e}")
            return None
        if not isinstance(doc, dict):
            self.err(name, "top level is not an object")
            return None
        if list(doc.keys()) != TOP_KEYS:
            missing = [k for k in TOP_KEYS if k not in doc]
            extra = [k for k in doc if k not in TOP_KEYS]
            if missing or extra:
                self.err(name, f"top-level keys: missing {missing}, unexpected {extra}")
            else:
                self.warn(name, "top-level keys are not in schema order")
        for k in ARRAYS + ["notes", "other_countries", "country_pair"]:
            if k in doc and not isinstance(doc[k], list):
                self.err(name, f"{k} must be a list")
                return None

        # url, text file, text length
        stem = os.path.splitext(name)[0]
        if doc.get("text_file") != stem + ".txt":
            self.err(name, f"text_file should be {stem + '.txt'!r}, got {doc.get('text_file')!r}")
        tpath = os.path.join(TEXTS, stem + ".txt")
        if not os.path.exists(tpath):
            self.err(name, f"text file missing: {tpath}")
        else:
            with open(tpath, encoding="utf-8") as f:
                txt = f.read()
            first = txt.split("\n", 1)[0].strip()
            if first != f"URL: {doc.get('url')}":
                self.err(name, f"url does not match first line of text: {first!r}")
            if not (1200 <= len(txt) <= 2200):
                self.err(name, f"text length {len(txt)} outside 1,200-2,200 characters")
        if not isinstance(doc.get("url"), str) or not doc["url"].startswith("http"):
            self.err(name, "url must be an http(s) string")

        pair = doc.get("country_pair", [])
        if len(pair) != 2 or len(set(pair)) != 2:
            self.err(name, f"country_pair must be two distinct codes: {pair}")
        for c in pair:
            self.iso(name + " country_pair", c)
        others = doc.get("other_countries", [])
        for c in others:
            self.iso(name + " other_countries", c)
        if len(set(others)) != len(others):
            self.err(name, "other_countries has duplicates")
        if set(others) & set(pair):
            self.err(name, "other_countries repeats a country_pair member")
        doc_date = doc.get("doc_date")
        dd = self.date(name + " doc_date", doc_date, allow_span=False)
        if not all(isinstance(n, str) and n.strip() for n in doc.get("notes", [])):
            self.err(name, "notes must be a list of non-empty strings")

        known = set(pair) | set(others)

        def date_checks(where, item, key="date", status=None):
            d = self.date(where, item.get(key))
            if item.get("date_inferred"):
                if item.get(key) is None:
                    self.err(where, "date_inferred without a date")
                if doc_date is None:
                    self.err(where, "date_inferred but the document has no date to resolve against")
            if d and dd and status:
                start, end = d
                ref = dd[0]
                # compare on the common prefix length
                n = min(len(start), len(ref))
                if status == "actual" and start[:n] > ref[:n]:
                    self.err(where, f"actual item dated after doc_date ({item.get(key)} > {doc_date})")
                if status == "planned" and end[:min(len(end), len(ref))] < ref[:min(len(end), len(ref))]:
                    self.err(where, f"planned item dated before doc_date ({item.get(key)} < {doc_date})")

        for i, v in enumerate(doc.get("visits", [])):
            w = f"{name} visits[{i}]"
            if not self.keys(w, v, FIELDS["visits"]):
                continue
            self.iso(w, v["visitor_country"]); self.iso(w, v["host_country"])
            if v["visitor_country"] == v["host_country"]:
                self.err(w, "visitor_country equals host_country")
            for c in (v["visitor_country"], v["host_country"]):
                if c not in known:
                    self.err(w, f"{c} not in country_pair/other_countries")
            self.text(w, v["visitor"], "visitor")
            if v["kind"] not in VISIT_KINDS:
                self.err(w, f"bad kind {v['kind']!r}")
            if v["status"] not in STATUS:
                self.err(w, f"bad status {v['status']!r}")
            date_checks(w, v, status=v["status"])

        for i, m in enumerate(doc.get("meetings_and_events", [])):
            w = f"{name} meetings_and_events[{i}]"
            if not self.keys(w, m, FIELDS["meetings_and_events"]):
                continue
            if m["kind"] not in EVENT_KINDS:
                self.err(w, f"bad kind {m['kind']!r}")
            if m["status"] not in STATUS:
                self.err(w, f"bad status {m['status']!r}")
            if not isinstance(m["parties"], list) or not m["parties"]:
                self.err(w, "parties must be a non-empty list")
            else:
                for c in m["parties"]:
                    self.iso(w, c)
                    if c not in known:
                        self.err(w, f"party {c} not in country_pair/other_countries")
                if len(set(m["parties"])) != len(m["parties"]):
                    self.err(w, "duplicate parties")
            self.text(w, m["what"], "what")
            date_checks(w, m, status=m["status"])

        for i, t in enumerate(doc.get("trade_figures", [])):
            w = f"{name} trade_figures[{i}]"
            if not self.keys(w, t, FIELDS["trade_figures"]):
                continue
            y = t["year"]
            if isinstance(y, int) and 1900 <= y <= 2100:
                y = str(y)  # a calendar year is a number, as in the development gold
            if y is not None:
                if not isinstance(y, str) or not (re.match(r"^\d{4}$", y) or SPAN_RE.match(y)):
                    self.err(w, f"year must be 'YYYY', 'YYYY/YYYY' or null, got {y!r}")
                elif "/" in y:
                    a, b = y.split("/")
                    if int(b) != int(a) + 1:
                        self.err(w, f"fiscal year must span two consecutive years: {y!r}")
                    if t["period"] is None:
                        self.err(w, "fiscal year needs a period such as 'Apr-Mar'")
                if dd and isinstance(y, str) and y[:4] > doc_date[:4]:
                    self.err(w, "trade year after doc_date")
            elif t.get("date_inferred"):
                self.err(w, "date_inferred with null year")
            if t["period"] is not None and (not isinstance(t["period"], str) or not PERIOD_RE.match(t["period"])):
                self.err(w, f"bad period {t['period']!r}")
            self.number(w, t["value"], "value")
            if isinstance(t["value"], (int, float)) and t["value"] <= 0:
                self.err(w, "trade value must be positive (balances are not flows)")
            self.money_unit(w, t["unit"])
            if t["flow"] not in FLOWS:
                self.err(w, f"bad flow {t['flow']!r}")
            self.text(w, t["reporter_or_direction"], "reporter_or_direction", allow_null=True)
            self.number(w, t["yoy_pct"], "yoy_pct", allow_null=True)
            self.qualifier(w, t["qualifier"])
            self.text(w, t["source"], "source", allow_null=True)

        for arr in ("quantities", "money"):
            for i, q in enumerate(doc.get(arr, [])):
                w = f"{name} {arr}[{i}]"
                if not self.keys(w, q, FIELDS[arr]):
                    continue
                self.text(w, q["what"], "what")
                self.number(w, q["value"], "value")
                if arr == "money":
                    self.money_unit(w, q["unit"])
                else:
                    self.text(w, q["unit"], "unit")
                    if isinstance(q["value"], float) and not q["value"].is_integer():
                        self.warn(w, "non-integer count")
                self.qualifier(w, q["qualifier"])
                date_checks(w, q)

        for i, p in enumerate(doc.get("percentages", [])):
            w = f"{name} percentages[{i}]"
            if not self.keys(w, p, FIELDS["percentages"]):
                continue
            self.text(w, p["what"], "what")
            self.number(w, p["value_low"], "value_low")
            self.number(w, p["value_high"], "value_high")
            if all(isinstance(p[k], (int, float)) for k in ("value_low", "value_high")) \
                    and p["value_low"] > p["value_high"]:
                self.err(w, "value_low > value_high")
            self.qualifier(w, p["qualifier"])
            date_checks(w, p)
        return doc


def main():
    quiet = "--quiet" in sys.argv
    ck = Checker()
    files = sorted(f for f in os.listdir(GOLD) if f.endswith(".json"))
    texts = sorted(f for f in os.listdir(TEXTS) if f.endswith(".txt"))
    if [os.path.splitext(f)[0] for f in files] != [os.path.splitext(f)[0] for f in texts]:
        ck.err("set", "gold and texts directories do not pair up one to one")
    per_array = collections.Counter()
    per_kind = collections.Counter()
    visit_kinds = collections.Counter()
    rows = []
    for f in files:
        doc = ck.check_file(os.path.join(GOLD, f))
        if doc is None:
            continue
        counts = {a: len(doc.get(a, [])) for a in ARRAYS}
        per_array.update(counts)
        for m in doc.get("meetings_and_events", []):
            per_kind[m.get("kind")] += 1
        for v in doc.get("visits", []):
            visit_kinds[v.get("kind")] += 1
        rows.append((f, doc.get("country_pair"), doc.get("doc_date"), counts))

    if not quiet:
        print(f"{'file':40} {'pair':9} {'doc_date':10} " + " ".join(f"{a[:6]:>6}" for a in ARRAYS) + "  total")
        for f, pair, dd, c in rows:
            print(f"{f:40} {'-'.join(pair or []):9} {str(dd):10} "
                  + " ".join(f"{c[a]:>6}" for a in ARRAYS) + f"  {sum(c.values()):>5}")
        print()
        print(f"files: {len(rows)}")
        for a in ARRAYS:
            print(f"  {a:22} {per_array[a]:4}")
        print(f"  {'TOTAL':22} {sum(per_array.values()):4}  (mean {sum(per_array.values()) / max(len(rows), 1):.1f} per text)")
        print("meetings_and_events by kind:")
        for k, n in sorted(per_kind.items(), key=lambda x: (-x[1], x[0])):
            print(f"  {k:22} {n:4}")
        print("visits by kind:")
        for k, n in sorted(visit_kinds.items(), key=lambda x: (-x[1], x[0])):
            print(f"  {k:22} {n:4}")
    for w in ck.warnings:
        print("WARNING", w)
    for e in ck.errors:
        print("ERROR", e)
    print(f"{len(ck.errors)} error(s), {len(ck.warnings)} warning(s)")
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main())
