"""bilat from a notebook: a workspace's tables as pandas DataFrames.

Each "# %%" starts a cell (Jupyter, VS Code and jupytext read them as such);
run as a script, it prints each cell's result. The workspace is the first
argument, else the example China-Kazakhstan workspace that
scripts/example.sh builds:

    /usr/bin/python3 python/examples/notebook.py examples/chn-kaz

From the build tree without installing: PYTHONPATH=build/python.
The tests run it (ctest -L python). docs/python.md lists every function.
"""

# %% Open a workspace (read-only: nothing is written to it).
import os
import sys

import pandas as pd

import bilat

here = os.path.dirname(os.path.abspath(__file__))
workspace = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "examples", "chn-kaz")
ws = bilat.open(workspace)
pd.set_option("display.width", 120)
pd.set_option("display.max_columns", 12)
print(ws)

# %% The pair's event series, both directions, one row per month and dataset.
events = pd.concat([ws.events("China", "Kazakhstan", dataset=d) for d in ("gdelt", "icews")], ignore_index=True)
print(events[["src", "dst", "dataset", "date", "events", "net_cooperation", "tone"]].tail())

# %% Trade: indicators computed from ingested flows, and the figures the registry states.
trade = ws.trade("CHN", "KAZ")
print(trade[["dataset", "year", "exports_usd", "imports_usd", "total_growth_pct", "mirror_exports_gap_pct"]])
stated = ws.stated_trade("CHN", "KAZ")
print(stated[["year", "reporter", "flow", "value", "source_id", "registry"]].tail())

# %% The relations index: China's partners on two axes, and the pair across the years.
partners = ws.index("CHN")
print("index year", partners.attrs["year"], "-", len(partners), "partners; heaviest:")
print(partners[["partner", "weight", "weight_rank", "warmth"]].head(5).to_string(index=False))
pair = ws.index("CHN", "KAZ").set_index("year")
print(pair["weight"].dropna().tail())

# %% The report's data (the JSON report, parsed; no file written).
report = ws.report("CHN", "KAZ")
print(report["title"])
for section in report["sections"]:
    print(" -", section["title"])

# %% Facts from a text: one row per visit, event, trade figure, amount or share.
facts = bilat.extract(
    "The president of Kazakhstan will pay a state visit to China from 3 to 5 September. "
    "Trade between the two countries reached 30 billion US dollars last year, up 12 percent.",
    date="2024-06-20",
)
print(facts[["kind", "type", "date", "countries", "value", "unit", "begin", "end"]].to_string(index=False))

# %% One GDELT file scanned into a partial aggregate, without a workspace: the
# rows a workspace would add for it (bilat.merge_event_parts stores them once).
shared = os.environ.get("BILAT_SHARED_DIR", os.path.join(here, "..", "..", "..", "shared"))
sample = os.path.join(shared, "data", "gdelt", "v2", "20191024143000.export.CSV")
if os.path.exists(sample):
    part = bilat.scan_events(sample, follow=[("USA", "CHN")])
    print(part)
    by_pair = part.dyads.groupby(["src", "dst"])["events"].sum().sort_values(ascending=False)
    print(by_pair.head(5))
