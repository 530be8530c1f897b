import csv
from pathlib import Path

import polars as pl
import pytest

from stabilise.analytics.frames import CouncilFrames, conform
from stabilise.demo.export import export_council
from stabilise.workforce.importing.checks import Existing, check_register
from stabilise.workforce.importing.parsing import parse_table
from stabilise.workforce.importing.reading import ROW, read_source

# The columns of contracts/import-format.md, written out here rather than taken from the code
# so that the test holds the export to the contract.
HEADERS = {
    "teams": "team_id,team_name,service,parent_team_id",
    "posts": "post_id,team_id,org_role,job_title,grade,fte,hard_to_fill,established_from,"
    "established_to",
    "workers": "worker_id,display_name,swe_number,date_of_birth,gender,ethnicity,qual_level,"
    "qual_institution,qualified_on,step_up_grad,frontline_grad",
    "assignments": "assignment_id,worker_id,team_id,post_id,org_role,job_title,contract,fte,"
    "start_date,end_date,start_origin,end_reason,end_destination,agency_name,hourly_rate,"
    "covers_vacancy",
    "caseloads": "worker_id,date,cases,weighted_points",
    "absences": "worker_id,start_date,end_date,reason,working_days_lost",
}


@pytest.fixture(scope="module")
def exported(council: CouncilFrames, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("export") / "wessex"
    export_council(council, directory)
    return directory


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_export_writes_one_file_per_frame_with_the_import_format_headers(
    council: CouncilFrames, tmp_path: Path
) -> None:
    written = export_council(council, tmp_path / "out")
    assert [p.name for p in written] == [f"{name}.csv" for name in HEADERS]
    for name, header in HEADERS.items():
        with (tmp_path / "out" / f"{name}.csv").open(encoding="utf-8") as file:
            assert file.readline().rstrip("\n") == header


def test_export_spells_values_as_the_import_format_does(exported: Path) -> None:
    posts = rows(exported / "posts.csv")
    assert {row["hard_to_fill"] for row in posts} == {"Y", "N"}
    assert all(len(row["established_from"]) == 10 and row["established_from"][4] == "-"
               for row in posts)
    assert any(row["established_to"] == "" for row in posts)  # a null is an empty cell
    assignments = rows(exported / "assignments.csv")
    agency = [row for row in assignments if row["contract"] == "agency"]
    assert {row["covers_vacancy"] for row in agency} == {"Y", "N"}
    assert all(row["covers_vacancy"] == "" for row in assignments if row["contract"] != "agency")
    assert all(row["org_role"].isdigit() for row in assignments)
    leavers = [row for row in assignments if row["end_reason"]]
    assert all(row["end_reason"].isdigit() and row["end_destination"].isdigit()
               for row in leavers)
    assert {row["step_up_grad"] for row in rows(exported / "workers.csv")} == {"Y", "N"}


def test_export_leaves_out_empty_frames(council: CouncilFrames, tmp_path: Path) -> None:
    written = export_council(CouncilFrames.of(teams=council.teams), tmp_path)
    assert [p.name for p in written] == ["teams.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["teams.csv"]


def test_the_exported_files_pass_the_importers_checks_and_read_back_unchanged(
    council: CouncilFrames, exported: Path
) -> None:
    source = read_source(exported, max_bytes=10**10)
    assert source.problems == []
    tables, labels, problems = {}, {}, []
    for raw in source.tables:
        typed, bad = parse_table(raw)
        tables[raw.name], labels[raw.name] = typed, raw.label
        problems += bad
    problems += check_register(tables, labels, Existing())
    assert problems == []
    for name, typed in tables.items():
        back: pl.DataFrame = conform(name, typed.drop(ROW))
        assert back.equals(getattr(council, name)), name
