"""Benchmark: 20 signed-in people browsing the demo council's pages at once, for a minute.

As production serves it: PostgreSQL, `stabilise serve` (gunicorn) with DEBUG off and demo mode
off, so everyone signs in with their password and the code of their authenticator. The people
(pages_people.py) are 3 workforce leads, 3 service managers, 6 team managers, 2 academy leads,
3 councillors and 3 social workers, each on their own account. Steps:

1. A fresh database (`--database`, default stabilise_bench_pages): `stabilise migrate` and
   `stabilise demo`, then the people's accounts and authenticators. `--reuse-database` skips
   the demo (the people are made again).
2. `stabilise serve` on 127.0.0.1:`--port` with `--workers` sync workers, as after the night's
   import: `stabilise demo` imports the council through `stabilise import`'s own path, which
   computes today's figures once it has (figures/warming.py); other figures are computed by the
   first page that asks for them, and every gunicorn worker starts with nothing in memory.
3. Everyone signs in, at moments spread over the first `--think` maximum seconds.
4. For `--seconds`, each person opens a page their role opens (a kind chosen at random, then
   an address of that kind), reads it for a think time drawn uniformly from `--think` seconds,
   and opens the next. The first page they open fetches the stylesheet, icon and scripts, once.
5. Meanwhile the floor: `/health/` (ui/health.py: the whole middleware stack and one trivial
   query) every half second, once signed in (a session, the user and their authenticator loaded
   as on every page) and once anonymously, as a load balancer calls it.

Every response counts; anything but a 200 is an error, except the redirects of signing in,
which are expected and followed. Prints p50/p95/p99 per kind of page and for all pages, the
floor's, and the ratio; exits 1 if any page failed or the 95th percentile is 150 ms or more.

    .venv/bin/python benchmarks/pages_under_load.py [--database NAME] [--reuse-database]
        [--users 20] [--seconds 60] [--think 2 8] [--workers 3] [--port 8710] [--seed 1]
"""

import argparse
import json
import os
import platform
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browsing import Browser, Response, sign_in

HERE = Path(__file__).resolve().parent
POSTGRES_ADMIN = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
HOST = "127.0.0.1"
TARGET_P95_MS = 150
FLOOR_INTERVAL = 0.5


def fresh_database(name: str) -> None:
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def stabilise(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "stabilise", *args], env=env, check=True)


def server_env(database: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STABILISE_DEMO")}
    base = POSTGRES_ADMIN.rsplit("/", 1)[0]
    env.update(
        DJANGO_SETTINGS_MODULE="stabilise.settings",
        DATABASE_URL=f"{base}/{database}",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        # Plain http on this machine; in production TLS ends at a proxy in front.
        SECURE_COOKIES="0",
        STABILISE_DATA_DIR=str(data_dir),
    )
    return env


def start_server(
    env: dict[str, str], port: int, workers: int, log: Path
) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "stabilise", "serve", "--bind", f"{HOST}:{port}"]
    server = subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if Browser(HOST, port).get("start", "/health/").status == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            break
        time.sleep(0.25)
    server.terminate()
    raise SystemExit(f"the server did not start: see {log}")


class Run:
    """The people's browsing and the floor's probes, sharing one clock."""

    def __init__(
        self, people: list[dict[str, Any]], probe: dict[str, Any], args: argparse.Namespace
    ) -> None:
        self.people, self.probe, self.args = people, probe, args
        # Once everyone is signed in, the minute begins (the barrier's action, run once).
        self.signed_in = threading.Barrier(len(people) + 2, action=self._begin)
        self.start = self.stop = 0.0
        self.browsing: list[Response] = []
        self.signing_in: list[Response] = []
        self.floors: dict[str, list[Response]] = {"signed in": [], "anonymous": []}
        self.failures: list[str] = []
        self.lock = threading.Lock()

    def person(self, number: int, person: dict[str, Any]) -> None:
        rng = random.Random(f"{self.args.seed}-{number}")
        browser = Browser(HOST, self.args.port)
        low, high = self.args.think
        try:
            time.sleep(rng.uniform(0, high))
            landing = sign_in(browser, person)
        except Exception as error:  # any failure is counted, and the others carry on
            self._failed(f"{person['username']} could not sign in: {error!r}")
            landing = None
        with self.lock:
            self.signing_in += browser.seen
        browser.seen = []
        self.signed_in.wait()
        if landing is None:
            return
        pages = person["pages"]
        time.sleep(rng.uniform(low, high))
        first = True
        while time.perf_counter() < self.stop:
            kind = rng.choice(sorted(pages))
            try:
                page = browser.get(kind, rng.choice(pages[kind]))
                if first:
                    browser.assets_of(page)
                    first = False
            except Exception as error:
                self._failed(f"{person['username']}: {kind}: {error!r}")
            time.sleep(rng.uniform(low, high))
        with self.lock:
            self.browsing += browser.seen

    def floor(self, signed_in_as: dict[str, Any] | None) -> None:
        browser = Browser(HOST, self.args.port)
        label = "anonymous" if signed_in_as is None else "signed in"
        try:
            if signed_in_as is not None:
                sign_in(browser, signed_in_as)
        except Exception as error:
            self._failed(f"the floor's probe could not sign in: {error!r}")
        browser.seen = []
        self.signed_in.wait()
        moment = self.start
        while moment < self.stop:
            time.sleep(max(0.0, moment - time.perf_counter()))
            try:
                browser.get("floor", "/health/")
            except Exception as error:
                self._failed(f"floor, {label}: {error!r}")
            moment += FLOOR_INTERVAL
        self.floors[label] = browser.seen

    def _begin(self) -> None:
        self.start = time.perf_counter()
        self.stop = self.start + self.args.seconds

    def _failed(self, message: str) -> None:
        with self.lock:
            self.failures.append(message)

    def go(self) -> None:
        threads = [
            threading.Thread(target=self.person, args=(n, p)) for n, p in enumerate(self.people)
        ]
        threads += [
            threading.Thread(target=self.floor, args=(self.probe,)),
            threading.Thread(target=self.floor, args=(None,)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        one = values[0] if values else float("nan")
        return one, one, one
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return statistics.median(values), cuts[94], cuts[98]


def table(rows: dict[str, list[Response]], ok: set[int]) -> list[str]:
    lines = [
        f"{'page':<18} {'n':>5} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    ]
    for kind, responses in rows.items():
        ms = [r.seconds * 1000 for r in responses]
        errors = sum(r.status not in ok for r in responses)
        p50, p95, p99 = percentiles(ms)
        lines.append(
            f"{kind:<18} {len(ms):>5} {errors:>6} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} "
            f"{max(ms, default=float('nan')):>8.1f}"
        )
    return lines


def by_kind(responses: list[Response]) -> dict[str, list[Response]]:
    kinds: dict[str, list[Response]] = {}
    for response in sorted(responses, key=lambda r: r.kind):
        kinds.setdefault(response.kind, []).append(response)
    return kinds


def report(run: Run, args: argparse.Namespace, settings: list[str]) -> bool:
    pages = [r for r in run.browsing if r.kind != "static files"]
    static = [r for r in run.browsing if r.kind == "static files"]
    print("\n".join(settings))
    print(f"\nSigning in ({len(run.people)} people; password, then the authenticator's code):")
    print("\n".join(table(by_kind(run.signing_in), {200, 302})))
    print(f"\nBrowsing for {args.seconds} s, every response:")
    print("\n".join(table(by_kind(pages), {200})))
    print("\n".join(table({"all pages": pages}, {200})[1:]))
    print("\n".join(table({"static files": static}, {200})[1:]))
    print("\nThe floor, /health/ every 0.5 s in the same minute:")
    print("\n".join(table({f"floor, {k}": v for k, v in run.floors.items()}, {200})))
    errors = [r for r in pages + static if r.status != 200]
    errors += [r for v in run.floors.values() for r in v if r.status != 200]
    for failure in run.failures:
        print(f"failed: {failure}")
    for response in errors[:20]:
        print(f"error: {response.kind} {response.status} {response.location}")
    p50, p95, _ = percentiles([r.seconds * 1000 for r in pages])
    f50, f95, _ = percentiles([r.seconds * 1000 for r in run.floors["signed in"]])
    print(
        f"\nAll pages against the signed-in floor: p50 {p50 / f50:.1f}x, p95 {p95 / f95:.1f}x"
        f" ({p50:.1f} / {f50:.1f} ms, {p95:.1f} / {f95:.1f} ms)"
    )
    met = p95 < TARGET_P95_MS and not errors and not run.failures
    print(
        f"95 % of pages under {TARGET_P95_MS} ms: {'yes' if p95 < TARGET_P95_MS else 'NO'} "
        f"(p95 {p95:.1f} ms); errors: {len(errors) + len(run.failures)}"
    )
    return met


def versions(env: dict[str, str]) -> str:
    import gunicorn

    with psycopg.connect(env["DATABASE_URL"]) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    server = row[0].split()[0] if row else "?"
    return (
        f"Python {platform.python_version()}, gunicorn {gunicorn.__version__}, PostgreSQL {server}"
    )


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="stabilise_bench_pages")
    parser.add_argument("--reuse-database", action="store_true")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, nargs=2, default=(2.0, 8.0), metavar=("MIN", "MAX"))
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8710)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the server's data directory")
    args = parser.parse_args()

    before = load_average()
    data_dir = Path(tempfile.mkdtemp(prefix="stabilise-bench-pages-"))
    env = server_env(args.database, data_dir)
    if not args.reuse_database:
        print(f"A fresh database {args.database}, migrated, with the demo council…", flush=True)
        fresh_database(args.database)
        stabilise(env, "migrate", "--no-input", "-v", "0")
        started = time.perf_counter()
        stabilise(env, "demo")
        print(f"(demo loaded in {time.perf_counter() - started:.0f} s)")
    plan = data_dir / "people.json"
    subprocess.run(
        [sys.executable, str(HERE / "pages_people.py"), str(plan), str(args.seed)],
        env=env,
        check=True,
    )
    chosen = json.loads(plan.read_text())
    people = chosen["people"][: args.users]
    log = data_dir / "server.log"
    server = start_server(env, args.port, args.workers, log)
    try:
        run = Run(people, chosen["probe"], args)
        at_start = load_average()
        run.go()
        at_end = load_average()
    finally:
        server.terminate()
        server.wait(timeout=30)
    low, high = args.think
    settings = [
        f"\n{len(people)} people, {args.seconds:g} s, think time {low:g} to {high:g} s (uniform), "
        f"seed {args.seed}",
        f"stabilise serve: gunicorn, {args.workers} sync workers, DEBUG off, demo mode off, "
        "the figures cache as "
        + (
            "the last run left it"
            if args.reuse_database
            else "the demo's import left it (today's figures computed straight after)"
        ),
        f"{versions(env)}; {os.cpu_count()} cores",
        f"load average (1, 5, 15 min): before {before}; at the start {at_start}; at the end "
        f"{at_end}",
    ]
    met = report(run, args, settings)
    if not args.keep:
        shutil.rmtree(data_dir, ignore_errors=True)
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
