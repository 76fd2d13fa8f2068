"""bilat on a Dask cluster (python/bilat/dask.py) against the bilat CLI.

A local cluster of two worker processes scans a feed of real GDELT 2.0
files (the shared samples, each cut into pieces so that files share
dyad-months); the driver merges the parts into a workspace. The workspace
must hold exactly what `bilat ingest gdelt` of the same files holds: same
aggregates, same kept events, each file once - also when a worker is killed
mid-run, and when the same files are given again.

Run by ctest (label python) with Debian's /usr/bin/python3; environment as
for test_bilat.py (BILAT, BILAT_SHARED_DIR, BILAT_TEST_OUT).
"""

import os
import signal
import sqlite3
import subprocess
import tempfile
import unittest
import warnings
import zipfile

from distributed import Client, LocalCluster

import bilat
import bilat.dask

BILAT = os.environ["BILAT"]
SHARED = os.environ["BILAT_SHARED_DIR"]
OUT = os.environ.get("BILAT_TEST_OUT") or tempfile.mkdtemp(prefix="bilat-dask-test-")
REAL = [os.path.join(SHARED, "data", "gdelt", "v2", n) for n in
        ("20151027220000.export.CSV", "20180326044500.export.CSV", "20190121220000.export.CSV",
         "20191024143000.export.CSV")]


def cli(*args):
    run = subprocess.run([BILAT, *args], capture_output=True, text=True)
    if run.returncode != 0:
        raise AssertionError("bilat %s failed (%d): %s" % (" ".join(args), run.returncode, run.stderr))
    return run.stdout


def make_feed(folder, pieces=4):
    """Each real file cut at line ends into `pieces` files; every other one zipped."""
    os.makedirs(folder, exist_ok=True)
    files = []
    for path in REAL:
        lines = open(path, "rb").read().splitlines(keepends=True)
        step = (len(lines) + pieces - 1) // pieces
        for k in range(pieces):
            name = "%s.%d.CSV" % (os.path.basename(path).split(".")[0], k)
            body = b"".join(lines[k * step:(k + 1) * step])
            target = os.path.join(folder, name)
            if k % 2:
                target += ".zip"
                with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
                    z.writestr(name, body)
            else:
                with open(target, "wb") as f:
                    f.write(body)
            files.append(target)
    return files


def new_workspace(name):
    ws = os.path.join(OUT, name)
    subprocess.run(["rm", "-rf", ws], check=True)
    cli("init", ws)
    cli("follow", "USA", "CHN", "-w", ws)
    return ws


def table(ws):
    """Everything the ingest stores that must not depend on how it ran."""
    con = sqlite3.connect(os.path.join(ws, "bilat.db"))
    out = {
        "dyad_months": con.execute(
            "SELECT dataset, src, dst, month, root, events, q1, q2, q3, q4, round(goldstein_sum, 6), mentions, "
            "sources, articles, round(tone_x_mentions, 4) FROM dyad_months ORDER BY 1, 2, 3, 4, 5").fetchall(),
        "country_months": con.execute("SELECT * FROM country_months ORDER BY 1, 2, 3").fetchall(),
        "events": con.execute("SELECT dataset, event_id, date, src, dst, event_code FROM events ORDER BY 1, 2")
        .fetchall(),
        "files": con.execute("SELECT content_hash, rows_ok, rows_rejected FROM event_files ORDER BY 1").fetchall(),
    }
    con.close()
    return out


def _scans_taken_back(dask_scheduler):
    """How many scan tasks went from processing back to released: those of
    a worker that died (distributed 2022.12's transition log)."""
    return sum(1 for ev in dask_scheduler.transition_log
               if "_scan_part" in str(ev[0]) and ev[1] == "processing" and ev[2] == "released")


class DaskIngest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        warnings.simplefilter("ignore")  # distributed's deprecation chatter
        cls.feed = make_feed(os.path.join(OUT, "dask-feed"), pieces=8)
        cls.reference_ws = new_workspace("dask-reference")
        cli("ingest", "gdelt", *cls.feed, "-w", cls.reference_ws, "-j", "1")
        cls.reference = table(cls.reference_ws)
        assert cls.reference["events"], "the sample has no USA-CHN events to compare"
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=50)
        cls.client = Client(cls.cluster)

    def setUp(self):
        # A worker killed by an earlier test is back (its nanny restarts it).
        self.client.wait_for_workers(2, timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()

    def test_two_workers_store_what_the_cli_stores(self):
        ws = new_workspace("dask-two")
        summary = bilat.dask.ingest_events(self.client, ws, self.feed, batch_files=5)
        self.assertEqual(len(summary), len(self.feed))
        self.assertEqual(set(summary["state"]), {"stored"}, summary[summary["state"] != "stored"])
        self.assertEqual(table(ws), self.reference)
        # Both workers did some of it.
        self.assertEqual(len(self.client.scheduler_info()["workers"]), 2)

    def test_given_again_nothing_is_counted_twice(self):
        ws = new_workspace("dask-again")
        bilat.dask.ingest_events(self.client, ws, self.feed[:7])
        summary = bilat.dask.ingest_events(self.client, ws, self.feed)  # the first seven again, then the rest
        self.assertEqual(list(summary["state"]).count("already ingested"), 7)
        self.assertEqual(table(ws), self.reference)
        # The same content under another name is recognised by its hash.
        copy = os.path.join(OUT, "dask-feed-copy.CSV")
        with open(self.feed[0], "rb") as src, open(copy, "wb") as dst:
            dst.write(src.read())
        summary = bilat.dask.ingest_events(self.client, ws, [copy])
        self.assertEqual(list(summary["state"]), ["already ingested"])
        self.assertEqual(table(ws), self.reference)

    def test_a_killed_worker_files_are_redone_and_counted_once(self):
        ws = new_workspace("dask-killed")
        pids = self.client.run(os.getpid)
        victim = sorted(pids.values())[0]
        killed = []

        def on_part(done, total):
            if not killed:
                os.kill(victim, signal.SIGKILL)  # the nanny starts a new worker; the scheduler reassigns
                killed.append(done)

        before = self.client.run_on_scheduler(_scans_taken_back)
        summary = bilat.dask.ingest_events(self.client, ws, self.feed, batch_files=3, files_per_task=1,
                                           on_part=on_part)
        self.assertTrue(killed)
        # The scheduler took the dead worker's scans back and ran them again.
        self.assertGreater(self.client.run_on_scheduler(_scans_taken_back), before)
        self.assertEqual(len(summary), len(self.feed))
        self.assertEqual(set(summary["state"]), {"stored"})
        self.assertEqual(table(ws), self.reference)
        self.assertNotIn(victim, self.client.run(os.getpid).values())

    def test_one_file_part_is_a_partial_aggregate(self):
        part = bilat.scan_events(self.feed[0], follow=[("USA", "CHN")])
        self.assertEqual(part.outcome["state"], "stored")
        self.assertGreater(len(part.dyads), 0)
        self.assertEqual(set(part.dyads.columns) >= {"src", "dst", "month", "events", "goldstein_sum"}, True)
        ws = new_workspace("dask-one-part")
        self.assertEqual([o["state"] for o in bilat.merge_event_parts(ws, [part, part])],
                         ["stored", "already ingested"])
        con = sqlite3.connect(os.path.join(ws, "bilat.db"))
        self.assertEqual(con.execute("SELECT sum(events) FROM dyad_months").fetchone()[0], int(part.dyads["events"].sum()))
        con.close()

    def test_texts_are_extracted_on_the_workers_as_at_home(self):
        texts = sorted(os.path.join(SHARED, "corpus", "dev", "texts", n)
                       for n in os.listdir(os.path.join(SHARED, "corpus", "dev", "texts")) if n.endswith(".txt"))[:6]
        spread = bilat.dask.extract_texts(self.client, texts)
        at_home = [bilat.extract_file(t) for t in texts]
        self.assertEqual(len(spread), sum(len(f) for f in at_home))
        self.assertGreater(len(spread), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
