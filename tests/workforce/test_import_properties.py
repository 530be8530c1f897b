"""Property-based: whatever a CSV holds, the import answers with problems or stores it whole."""

import csv
import io
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stabilise.workforce.importing import import_council
from stabilise.workforce.models import Team

pytestmark = pytest.mark.django_db

HEADERS = ["team_id", "team_name", "service", "parent_team_id", "Team_Name ", "tean_id", ""]
CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["T1", "T2", "T3", "", " ", "Alpha", '=HYPERLINK("x")', "\u00e9", "a,b", '"']),
)


@st.composite
def team_files(draw) -> bytes:
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=0, max_size=5))
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=6), max_size=8))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    if header or draw(st.booleans()):
        writer.writerow(header)
    writer.writerows(rows)
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        # Damage it: cut it short or splice in bytes no text file would have.
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8))
    return data


def import_bytes(data: bytes) -> object:
    with TemporaryDirectory() as folder:
        (Path(folder) / "teams.csv").write_bytes(data)
        return import_council(Path(folder), imported_by="hypothesis")


def as_the_reader_decodes(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def assert_stored_whole_or_not_at_all(data: bytes) -> None:
    before = set(Team.objects.values_list("team_id", "name"))
    result = import_bytes(data)  # any exception here fails the test
    after = set(Team.objects.values_list("team_id", "name"))
    if not result.ok:
        assert after == before, "a refused file must leave the database as it was"
        assert all(str(p).startswith("teams.csv:") for p in result.problems)
        return
    rows = list(csv.DictReader(io.StringIO(as_the_reader_decodes(data), newline="")))
    stored = {
        (row["team_id"].strip(), row["team_name"].strip())
        for row in ({(k or "").strip().lower(): (v or "") for k, v in r.items()} for r in rows)
        if (row.get("team_id") or "").strip()
    }
    assert stored <= after, "an accepted file must be stored whole"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(team_files())
def test_a_malformed_csv_never_raises_and_never_writes_part_of_a_file(data):
    assert_stored_whole_or_not_at_all(data)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_in_a_csv_get_a_problem_not_a_traceback(data):
    assert_stored_whole_or_not_at_all(data)
