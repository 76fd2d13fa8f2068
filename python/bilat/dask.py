"""bilat on a Dask cluster: event files (and news texts) spread over the
workers, each scanned with bilat's own scanner into a part; the parts are
merged into the workspace here, on the driver, exactly once.

    from distributed import Client
    import bilat.dask
    client = Client("tcp://scheduler:8786")          # or LocalCluster()
    summary = bilat.dask.ingest_events(client, "W", files)

What runs where (docs/scale.md):
  * workers: read their files, inflate, scan, map codes to ISO, and send back
    the part as bytes (docs/formats/event_part.md) - the heavy part;
  * driver: merges parts into the workspace's SQLite database in batches,
    one transaction each. A file counts once by its content hash, so a part
    that arrives twice (a task rerun after a worker died) changes nothing.

Workers need bilat installed (the same version) and the files at the same
paths (a shared filesystem); the workspace only needs to be on the driver.
"""
import os

import pandas as pd

from . import _core


def _scan_part(paths, dataset, follow, max_reject_ratio):
    """Runs on a worker: a few files -> their parts, as bytes."""
    from bilat import _core as core  # imported on the worker
    return [core.scan_event_file(p, dataset, follow, max_reject_ratio) for p in paths]


def _extract(path):
    """Runs on a worker: one text file -> its facts (a DataFrame)."""
    import warnings

    import bilat
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # input problems stay in df.attrs["issues"]
        return bilat.extract_file(path)


def ingest_events(client, workspace, files, dataset="gdelt", batch_files=256, max_reject_ratio=0.01,
                  files_per_task=8, on_part=None):
    """Scans `files` on the cluster's workers and merges them into `workspace`.

    Files already ingested (same path, size and modification time) are not
    sent. A task scans `files_per_task` files (Dask's cost per task is a
    few milliseconds, as much as scanning a 15-minute file). Parts are
    merged as they arrive, about `batch_files` per transaction.
    `on_part(done, total)` is called as parts arrive (progress, in files).
    Returns a DataFrame with one row per file, in the order given: path,
    state ("stored", "already ingested", "too many rejects", "failed"),
    format, bytes, rows_ok, rows_rejected, dyad_groups, events_kept, error.
    """
    from distributed import as_completed

    workspace = os.fspath(workspace)
    files = [os.path.abspath(os.fspath(f)) for f in files]
    follow = _core.followed_pairs(workspace)
    seen = _core.event_files_seen(workspace, files)
    todo = [f for f, s in zip(files, seen) if not s]
    rows = [{"path": f, "state": "already ingested"} for f, s in zip(files, seen) if s]
    step = max(1, int(files_per_task))
    chunks = [todo[i:i + step] for i in range(0, len(todo), step)]
    futures = client.map(_scan_part, chunks, dataset=dataset, follow=follow, max_reject_ratio=max_reject_ratio,
                         pure=False)
    pending = []
    done = 0

    def merge():
        if pending:
            rows.extend(_core.merge_event_parts(workspace, pending))
            pending.clear()

    for future, parts in as_completed(futures, with_results=True):
        pending.extend(parts)
        future.release()
        done += len(parts)
        if on_part:
            on_part(done, len(todo))
        if len(pending) >= batch_files:
            merge()
    merge()
    order = {f: i for i, f in enumerate(files)}
    out = pd.DataFrame(rows)
    if len(out):
        out = out.sort_values("path", key=lambda p: p.map(order)).reset_index(drop=True)
    return out


def extract_texts(client, files):
    """Extracts facts from news texts on the cluster's workers: one
    DataFrame, one row per fact, as bilat.extract_file gives."""
    futures = client.map(_extract, [os.path.abspath(os.fspath(f)) for f in files], pure=False)
    frames = client.gather(futures)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
