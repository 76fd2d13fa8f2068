"""bilat from Python: a workspace's tables as pandas DataFrames.

    import bilat
    ws = bilat.open("examples/chn-kaz")
    ws.events("CHN", "KAZ").tail()

The work is done by bilat's C++ engine (the compiled module bilat._core,
which calls the same use cases as the ``bilat`` command line); this file
only turns the columns it returns into DataFrames. Every function and
column: docs/python.md.

Errors: ValueError for a bad argument (an unknown country, with bilat's own
suggestion), FileNotFoundError (an OSError) for a folder that is not a
workspace or a missing file, LookupError when the workspace holds nothing
for what was asked (the message says what to ingest), OSError for I/O and
RuntimeError for the rest.
"""

import json as _json
import os as _os
import warnings as _warnings

import pandas as _pd

from bilat import _core

__version__ = _core.__version__
__all__ = ["open", "Workspace", "extract", "extract_file", "ExtractionWarning", "EventPart", "scan_events",
           "merge_event_parts"]


def _frame(columns, floats=(), ints=(), nullable=(), bools=()):
    """A DataFrame of {name: [values]}: float columns with None as NaN,
    integer columns as int64 (``nullable`` ones, which may miss values, as
    Int64 with <NA>), boolean ones with <NA>, the rest as Python objects
    (text, lists)."""
    df = _pd.DataFrame({name: _pd.Series(values, dtype=object) for name, values in columns.items()})
    for name in floats:
        df[name] = df[name].astype("float64")
    for name in ints:
        df[name] = df[name].astype("int64")
    for name in nullable:
        df[name] = df[name].astype("Int64")
    for name in bools:
        df[name] = df[name].astype("boolean")
    return df


def _text(value):
    return "" if value is None else str(value)


def open(path):  # noqa: A001 - bilat.open, like tarfile.open
    """Opens the workspace folder ``path`` for reading (nothing is written,
    so a read-only share works). FileNotFoundError if it holds no bilat.db.
    The path is kept absolute, so a later os.chdir does not move it."""
    return Workspace(_core.open_workspace(_os.path.abspath(_os.fspath(path))))


class Workspace:
    """A bilat workspace, read-only. Each query opens its own connection to
    the workspace's SQLite store, so an object may be used from several
    threads, and each query sees what is stored when it runs. Countries are
    ISO 3166-1 codes or names, as the command line takes them ("KAZ", "kz",
    "Kazakhstan", "PRC")."""

    def __init__(self, path):
        self.path = path

    def __repr__(self):
        return "bilat.Workspace(%r)" % self.path

    def events(self, a, b, dataset="gdelt", *, yearly=False, root_only=False, min_sources=0, one_a_day=False):
        """The pair's event series both ways, one row per source, target and
        month (``yearly=True``: year), as ``bilat events A B --format csv``:
        src, dst, dataset, period (YYYYMM or YYYY), date (the period's first
        day), events, q1-q4, goldstein_mean, net_cooperation, mentions,
        sources, articles, tone, share_of_src, share_of_dst."""
        r = _core.events(self.path, a, b, dataset, yearly, root_only, min_sources, one_a_day)
        df = _frame(r["rows"], floats=("goldstein_mean", "net_cooperation", "tone", "share_of_src", "share_of_dst"),
                    ints=("period", "events", "q1", "q2", "q3", "q4", "mentions", "sources", "articles"))
        dates = _pd.to_datetime(df["period"].astype(str), format="%Y" if yearly else "%Y%m")
        df.insert(df.columns.get_loc("period") + 1, "date", dates)
        df.attrs.update(a=r["a"], b=r["b"], from_whole_events=r["from_whole_events"])
        return df

    def trade(self, a, b=None, *, dataset=None, year=None):
        """Trade indicators from ingested flows (Comtrade, BACI, IMF DOTS), as
        ``bilat trade A [B] --format json`` gives them: for a pair, one row
        per dataset and year; for A alone, A against each partner in the
        latest year (or ``year``). The ``dataset`` column is each row's
        source. Stated figures of the registry: ``stated_trade``."""
        r = _core.trade(self.path, a, _text(b), _text(dataset), year or 0)
        df = _frame(r["rows"],
                    floats=("exports_usd", "imports_usd", "total_usd", "balance_usd", "total_growth_pct",
                            "partner_share_pct", "country_share_pct", "intensity", "complementarity",
                            "grubel_lloyd", "hhi", "mirror_exports_reported", "mirror_exports_partner_reported",
                            "mirror_exports_gap_pct", "mirror_imports_reported", "mirror_imports_partner_reported",
                            "mirror_imports_gap_pct"),
                    ints=("year",), nullable=("partner_rank", "partner_partners", "country_rank", "country_partners"))
        df.attrs.update(a=r["a"], b=r["b"], flows_ingested=r["flows_ingested"])
        return df

    def stated_trade(self, a, b, *, year=None):
        """The pair's trade figures as the registry states them (trade.csv),
        each with its source: source_id, locator, and registry (file:line);
        computed growth and mirror gaps from the registry's own figures."""
        r = _core.trade(self.path, a, b, "registry", year or 0)
        df = _frame(r["stated"], floats=("value", "stated_growth_pct", "computed_growth_pct", "mirror_gap_pct"),
                    ints=("year",))
        df.attrs.update(a=r["a"], b=r["b"])
        return df

    def index(self, a, b=None, *, year=None, weights=None, monthly=False):
        """The relations index as ``bilat index A [B] --format csv``: for A
        alone every partner in ``year`` (default: the index's own default
        year), by weight rank; for A and B the pair across the years. Each
        component has its raw value and ``<component>_normalised``.
        ``monthly=True`` (A and B): the monthly event balance instead."""
        if monthly and b is None:
            raise ValueError("monthly=True needs two countries, A and B")
        r = _core.index(self.path, a, _text(b), year or 0, _text(weights))
        if monthly:
            df = _frame(r["months"], floats=("event_balance", "normalised"), ints=("days",))
        else:
            rows = r["rows"]
            ranks = ("weight_rank", "weight_rank_change", "warmth_rank", "warmth_rank_change", "warmth_level")
            text = ("partner", "year", "warmth_reading", "missing")
            df = _frame(rows, floats=[c for c in rows if c not in ranks and c not in text], ints=("year",),
                        nullable=ranks)
        df.attrs.update(a=r["a"], b=r["b"], year=r["year"], normalisation=r["normalisation"], weights=r["weights"])
        return df

    def trajectory(self, a, b=None, *, weights=None):
        """Forecasts (docs/forecasts.md). For A and B: each series of the
        pair (weight, warmth, trade, events, gdp) with its history and
        forecast rows (part), the 80% interval of each forecast. For A alone:
        every partner's series with its rolling-origin backtest (MASE)."""
        r = _core.trajectory(self.path, a, _text(b), _text(weights))
        if b is None:
            df = _frame(r["rows"], floats=("mase_method", "mase_naive", "mase_rule"), ints=("points", "origins"))
        else:
            df = _frame(r["rows"], floats=("value", "lo80", "hi80"), nullable=("horizon",),
                        bools=("fell_back_to_naive",))
        df.attrs.update(a=r["a"], b=r["b"])
        return df

    def report(self, a, b, *, format="json", weights=None):  # noqa: A002 - as the CLI's --format
        """The pair's report, built as ``bilat report A B`` builds it but
        written nowhere: ``format="json"`` gives the JSON report parsed into
        dicts and lists (docs/formats/report_json.md); "md" and "html" the
        document's text."""
        text = _core.report(self.path, a, b, format, _text(weights))
        return _json.loads(text) if format == "json" else text



class EventPart:
    """One event file scanned into what a workspace stores of it (its
    content hash, counts, dyad-month aggregates with ISO codes, the whole
    events of followed pairs, its rejects), made without a workspace:
    ``bilat.scan_events(path)``. Merge parts into a workspace with
    ``bilat.merge_event_parts``; a file counts once there, by content hash.
    Pickles as its bytes (docs/formats/event_part.md), which is how Dask
    workers send parts to the driver (bilat.dask)."""

    def __init__(self, data):
        self.data = bytes(data)
        decoded = _core.decode_event_part(self.data)
        self.dyads = _frame(decoded.pop("dyads"), floats=("goldstein_sum", "tone_x_mentions"),
                            ints=("month", "events", "q1", "q2", "q3", "q4", "mentions", "sources", "articles"),
                            bools=("root",))
        self.countries = _frame(decoded.pop("countries"), ints=("month", "events"))
        self.outcome = decoded  # path, state, format, bytes, rows_ok, rows_rejected, ..., content_hash

    def __reduce__(self):
        return (EventPart, (self.data,))

    def __repr__(self):
        o = self.outcome
        return "EventPart(%r, %s, %d rows, %d dyad-months)" % (o["path"], o["state"], o["rows_ok"], len(self.dyads))


def scan_events(path, dataset="gdelt", follow=(), max_reject_ratio=0.01, threads=1):
    """Scans one event file (GDELT 1.0/2.0 events or ICEWS; plain, .zip or
    .gz) into an EventPart: its partial aggregate, as ``part.dyads`` (a
    DataFrame: src, dst, month, root, events, q1-q4, goldstein_sum,
    mentions, sources, articles, tone_x_mentions). ``follow``: ISO pairs
    such as [("CHN", "KAZ")] whose whole events are kept. A file that
    cannot be read comes back with outcome["state"] == "failed" and the
    reason in outcome["error"]."""
    follow = [(a, b) for a, b in follow]
    return EventPart(_core.scan_event_file(_os.fspath(path), dataset, follow, max_reject_ratio, threads))


def merge_event_parts(workspace, parts):
    """Merges EventParts (or their bytes) into the workspace folder, in one
    transaction; a file already stored, or given twice, is left out.
    Returns one dict per part: path, state ("stored", "already ingested",
    "too many rejects", "failed"), format, bytes, rows_ok, rows_rejected,
    dyad_groups, events_kept, error."""
    raw = [p.data if isinstance(p, EventPart) else bytes(p) for p in parts]
    return _core.merge_event_parts(_os.fspath(workspace), raw)


class ExtractionWarning(UserWarning):
    """A problem with part of an input to extract or extract_file: a JSON
    Lines record skipped, a date not understood, invalid UTF-8 replaced."""


_FACT_FLOATS = ("value", "value_high", "yoy_pct", "goldstein", "confidence")
_FACT_INTS = ("begin", "end")


def _facts(r):
    df = _frame(r["rows"], floats=_FACT_FLOATS, ints=_FACT_INTS)
    documents = r["documents"]
    df.attrs["documents"] = [dict(zip(documents, row)) for row in zip(*documents.values())]
    df.attrs["issues"] = [i["message"] for i in r["issues"]]
    for issue in r["issues"]:
        _warnings.warn(issue["message"], ExtractionWarning, stacklevel=3)
    return df


def extract(text, doc_id="text", date=None, url=None):
    """The facts in one English text, as ``bilat extract`` finds them: one
    row per visit, event, trade figure, quantity, money amount or
    percentage, with its evidence sentence and character span (begin, end:
    code points into ``text``). ``date`` (YYYY-MM-DD) is the text's own date,
    which relative dates resolve against; without it (and without ``url``)
    the text is read as a plain-text file is. ``df.attrs["documents"]``
    holds the document's date, countries and sentence count."""
    return _facts(_core.extract_text(text, doc_id, _text(date), _text(url)))


def extract_file(path):
    """The facts in every document of one file (plain text, HTML, or JSON
    Lines with one {id, url, date, text} per line), as ``bilat extract
    FILE`` finds them; columns as ``extract``."""
    return _facts(_core.extract_file(_os.fspath(path)))
