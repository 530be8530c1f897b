"""Figures kept once per version of the data (figures/cache.py, version.py): computed once, and
computed again whenever the data changes, however it changes."""

import pytest
from django.db import transaction
from django.db.models.deletion import Collector
from django.utils import timezone

from stabilise.academy.models import Cohort
from stabilise.caseloads.models import CaseloadSnapshot
from stabilise.figures.cache import cached, figures, forget_in_this_process
from stabilise.figures.models import CachedFigures, DataChange
from stabilise.figures.version import data_changed, data_version
from stabilise.workforce.models import Team

pytestmark = pytest.mark.django_db


class Counting:
    """A computation that says how often it ran."""

    def __init__(self) -> None:
        self.runs = 0

    def __call__(self) -> int:
        self.runs += 1
        return 100 + self.runs


def test_a_figure_is_computed_once_for_the_same_data_and_arguments() -> None:
    compute = Counting()

    assert cached("count", (1,), compute) == 101
    assert cached("count", (1,), compute) == 101
    assert compute.runs == 1
    assert cached("count", (2,), compute) == 102, "other arguments are other figures"


def test_a_saved_record_gives_the_data_a_new_version_and_new_figures() -> None:
    compute = Counting()
    before = data_version()
    cached("count", (), compute)

    Team.objects.create(team_id="T9", name="New team")

    assert data_version() != before
    assert cached("count", (), compute) == 102


def test_a_record_deleted_in_the_academy_does_too() -> None:
    cohort = Cohort.objects.create(label="C9")
    compute = Counting()
    cached("count", (), compute)

    cohort.delete()

    assert cached("count", (), compute) == 102


def test_deleting_caseloads_in_bulk_stays_one_statement() -> None:
    assert Collector(using="default").can_fast_delete(CaseloadSnapshot.objects.all())


def test_a_change_made_by_another_process_is_seen_at_once() -> None:
    compute = Counting()
    cached("count", (), compute)  # now in this process's memory

    # Another process's commit, as this one sees it: a change this process did not make.
    DataChange.objects.bulk_create([DataChange(token="0" * 32, changed_at=timezone.now())])

    assert cached("count", (), compute) == 102


def test_what_another_process_computed_is_read_from_the_database() -> None:
    compute = Counting()
    cached("count", (), compute)
    forget_in_this_process()  # as a second gunicorn worker, with nothing in memory

    assert cached("count", (), compute) == 101
    assert compute.runs == 1


def test_a_change_empties_the_cache_table_so_no_copy_of_old_data_is_kept() -> None:
    cached("count", (), Counting())
    assert CachedFigures.objects.count() == 1

    Team.objects.create(team_id="T9", name="New team")

    assert CachedFigures.objects.count() == 0


def test_a_change_rolled_back_leaves_the_version_and_the_figures_as_they_were() -> None:
    compute = Counting()
    cached("count", (), compute)
    before = data_version()

    with pytest.raises(RuntimeError), transaction.atomic():
        Team.objects.create(team_id="T9", name="New team")
        raise RuntimeError("the import failed")

    assert data_version() == before
    assert cached("count", (), compute) == 101


def test_a_write_without_signals_says_so_itself() -> None:
    compute = Counting()
    cached("count", (), compute)
    Team.objects.bulk_create([Team(team_id="T9", name="New team")])
    data_changed()

    assert cached("count", (), compute) == 102


def test_a_version_is_made_again_if_the_changes_are_missing() -> None:
    DataChange.objects.all().delete()

    token = data_version()

    assert len(token) == 32 and data_version() == token


def test_a_selector_is_kept_by_its_arguments_and_the_settings_it_names(settings) -> None:
    runs: list[tuple[str, int]] = []

    @figures("council", setting_names=("COUNCIL_NAME",))
    def council(code: str, *, year: int) -> str:
        runs.append((code, year))
        return f"{settings.COUNCIL_NAME} {code} {year}"

    assert council("E1", year=2025) == council("E1", year=2025)
    assert runs == [("E1", 2025)]
    settings.COUNCIL_NAME = "Another council"
    assert council("E1", year=2025) == "Another council E1 2025"
    assert council("E1", year=2024) == "Another council E1 2024"
    assert len(runs) == 3


def test_the_changes_kept_stay_bounded() -> None:
    with transaction.atomic():
        for _ in range(1001):
            data_changed()

    # Without pruning there would be 1002: the migration's and these.
    assert DataChange.objects.count() <= 1001
    assert DataChange.objects.order_by("-pk").first().token == data_version()


def test_arguments_must_be_plain_values_that_make_a_stable_key() -> None:
    with pytest.raises(TypeError, match="cache keys"):
        cached("teams", (Team.objects.all(),), Counting())
