"""Where a page's time goes, one request at a time: SQL, the template, and the rest (Python:
middleware, figures from the cache or computed, and formatting).

In this process, through Django's test client and the whole middleware stack, as the workforce
lead (who opens every page), on a database that already holds the demo council (run
pages_under_load.py first, or `stabilise migrate && stabilise demo`):

    DATABASE_URL=postgres://…/stabilise_bench_pages .venv/bin/python benchmarks/page_costs.py \
        [--repeat 9] [--cold]

Each page is opened once to warm up, then `--repeat` times; the medians are printed. `--cold`
empties the figures cache before every request instead (it changes the data's version), so each
one computes its figures as the first person after a change of the data does.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stabilise.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

import django.shortcuts  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from stabilise.accounts.models import Role, User  # noqa: E402
from stabilise.workforce.models import Team  # noqa: E402


class Stopwatch:
    """Time spent in SQL and in rendering templates during one request."""

    def __init__(self) -> None:
        self.sql = self.render = 0.0
        self.queries = 0

    def execute(self, execute: Callable[..., Any], *args: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(*args)
        finally:
            self.sql += time.perf_counter() - started
            self.queries += 1


def forget_figures() -> None:
    """A change of the data as far as the figures are concerned, so they are computed again.
    (Imported here so that the script also times code from before the figures were kept.)"""
    from stabilise.figures.cache import forget_in_this_process
    from stabilise.figures.version import data_changed

    data_changed()
    forget_in_this_process()


def signed_in() -> Client:
    user = User.objects.filter(role=Role.WORKFORCE_LEAD).order_by("pk").first()
    assert user is not None, "no workforce lead: load the demo council first"
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="page_costs", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()
    client = signed_in()
    team = Team.objects.order_by("name").first()
    worker = User.objects.filter(role=Role.SOCIAL_WORKER, worker__isnull=False).first()
    pages = ["/", "/teams/", f"/teams/{team.team_id}/" if team else "/teams/"]
    pages += [f"/workers/{worker.worker.worker_id}/"] if worker and worker.worker else []
    pages += ["/reports/weekly-caseload/", "/benchmarks/", "/academy/", "/academy/reviews/"]
    pages += ["/academy/mentors/", "/retention/leavers/", "/retention/themes/"]
    pages += ["/retention/exit-interviews/", "/retention/", "/retention/survival/"]
    pages += ["/retention/who-may-be-next/", "/retention/early-warnings/", "/health/"]
    for page in pages:
        client.get(page)  # imports and compiles what the page needs, once per process

    watch = Stopwatch()
    real_render = django.shortcuts.render

    def render(*a: Any, **k: Any) -> Any:
        # The template's own time: queries it runs (a lazy queryset) count as SQL.
        started, sql_before = time.perf_counter(), watch.sql
        try:
            return real_render(*a, **k)
        finally:
            watch.render += time.perf_counter() - started - (watch.sql - sql_before)

    for module in list(sys.modules.values()):
        if (
            module
            and module.__name__.startswith("stabilise")
            and getattr(module, "render", 0) is real_render
        ):
            module.render = render  # type: ignore[attr-defined]

    print(
        f"{'page':<30} {'total ms':>9} {'SQL ms':>7} {'queries':>7} {'render ms':>9} {'rest ms':>8}"
    )
    for page in pages:
        rows = []
        for _ in range(args.repeat):
            if args.cold:
                forget_figures()
            watch.__init__()  # type: ignore[misc]
            started = time.perf_counter()
            with connection.execute_wrapper(watch.execute):
                assert client.get(page).status_code == 200, page
            total = time.perf_counter() - started
            rows.append((total, watch.sql, watch.queries, watch.render))
        total, sql, queries, rendered = (statistics.median(r[i] for r in rows) for i in range(4))
        print(
            f"{page:<30} {total * 1000:>9.1f} {sql * 1000:>7.1f} {queries:>7.0f} "
            f"{rendered * 1000:>9.1f} {(total - sql - rendered) * 1000:>8.1f}"
        )


if __name__ == "__main__":
    main()
