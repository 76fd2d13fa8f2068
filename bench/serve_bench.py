#!/usr/bin/env python3
"""Load test of `bilat serve` on loopback, beside a reference static server
(Python's http.server from Debian's python3) serving the same bytes.

  python3 bench/serve_bench.py --workspace W [--pair CHN/KAZ] [--requests 2000] [--concurrency 4]

Measures, for one pair's report JSON:
  1. bilat's API  (GET /api/v1/pairs/A/B/report, built once, then from memory)
  2. bilat's site (GET /A/B/report.json from the folder `bilat site` wrote)
  3. reference: python3 -m http.server serving that same report.json file
Each: --requests requests over --concurrency keep-alive connections (HTTP/1.1
for bilat; the reference answers HTTP/1.0, one connection per request, as it
does by default), after a warm-up; requests per second and p50/p99 latency.
Bounded: every request times out after 10 s, the whole run after 5 minutes.
Leaves nothing behind (temporary folder removed, servers stopped).
"""
import argparse, http.client, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_up(port, path, deadline=60):
    t0 = time.time()
    while time.time() - t0 < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            c.request("GET", path)
            r = c.getresponse()
            body = r.read()
            c.close()
            if r.status == 200:
                return body
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on {port} did not answer {path}")


def load(port, path, requests, concurrency):
    latencies, errors = [], []
    lock = threading.Lock()
    per = requests // concurrency

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        for _ in range(per):
            t = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    errors.append(r.status)
                if r.getheader("Connection", "").lower() == "close" or r.version == 10:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            except OSError as e:
                errors.append(str(e))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            mine.append(time.perf_counter() - t)
        conn.close()
        with lock:
            latencies.extend(mine)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=300)
    wall = time.perf_counter() - t0
    latencies.sort()
    q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
    return {"requests": len(latencies), "errors": len(errors), "rps": len(latencies) / wall,
            "p50": q(0.50), "p99": q(0.99)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workspace", required=True)
    ap.add_argument("--bilat", default=os.path.join(ROOT, "build", "bilat"))
    ap.add_argument("--pair", default="CHN/KAZ")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=4)
    a = ap.parse_args()
    country, partner = a.pair.split("/")
    work = tempfile.mkdtemp(prefix="bilat-serve-bench-")
    procs = []
    try:
        site = os.path.join(work, "site")
        subprocess.run([a.bilat, "site", country, "-w", a.workspace, "--out", site], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        port = free_port()
        procs.append(subprocess.Popen([a.bilat, "serve", "-w", a.workspace, "--site", site, "--port", str(port),
                                       "--threads", str(a.concurrency)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        api = f"/api/v1/pairs/{country}/{partner}/report"
        body = wait_up(port, api)
        # The reference serves exactly the bytes the API returns.
        ref_dir = os.path.join(work, "ref")
        os.makedirs(ref_dir)
        with open(os.path.join(ref_dir, "report.json"), "wb") as f:
            f.write(body)
        ref_port = free_port()
        procs.append(subprocess.Popen([sys.executable, "-m", "http.server", str(ref_port), "--bind", "127.0.0.1",
                                       "--directory", ref_dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_up(ref_port, "/report.json")
        print(f"serve_bench: {a.pair} report JSON {len(body):,} bytes; {a.requests} requests, "
              f"{a.concurrency} connections; client: Python http.client threads")
        print(f"{'server':<52} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for name, p, path in [("bilat serve, API (report from memory)", port, api),
                              ("bilat serve, site file report.json", port, f"/{country}/{partner}/report.json"),
                              ("reference: python3 -m http.server, same bytes", ref_port, "/report.json")]:
            load(p, path, min(200, a.requests), a.concurrency)  # warm-up
            r = load(p, path, a.requests, a.concurrency)
            print(f"{name:<52} {r['rps']:>8.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} {r['errors']:>7}")
    finally:
        for p in procs:
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
