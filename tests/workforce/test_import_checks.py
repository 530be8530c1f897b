"""Every check of import-format.md, one test each: the import refuses the files and says where."""

from pathlib import Path

import pytest

from stabilise.workforce.importing import import_council
from stabilise.workforce.models import Team
from tests.workforce.council_files import small_council, write_folder

pytestmark = pytest.mark.django_db


def problems_of(tmp_path: Path, tables) -> list[str]:
    result = import_council(write_folder(tmp_path / "files", tables), imported_by="test")
    assert not result.ok
    assert Team.objects.count() == 0, "a refused import must write nothing"
    return [str(p) for p in result.problems]


def test_an_unknown_column_is_an_error_that_names_it(tmp_path):
    council = small_council()
    council["teams"][0]["team_nmae"] = "typo"
    assert (
        "teams.csv:1:team_nmae: unknown column; expected some of team_id, team_name, service, parent_team_id"
        in problems_of(tmp_path, council)
    )


def test_column_names_ignore_case_and_surrounding_spaces(tmp_path):
    council = small_council()
    council["teams"] = [
        {" Team_ID ": r["team_id"], "TEAM_NAME": r["team_name"]} for r in council["teams"]
    ]
    council["posts"] = []
    del council["assignments"], council["caseloads"], council["posts"]
    result = import_council(write_folder(tmp_path / "f", council), imported_by="test")
    assert result.ok, result.problems
    assert Team.objects.get(team_id="CP1").name == "Child Protection 1"


def test_a_missing_required_column_is_an_error(tmp_path):
    council = small_council()
    for row in council["posts"]:
        del row["fte"]
    assert "posts.csv:1:fte: required column is missing" in problems_of(tmp_path, council)


def test_an_empty_required_value_is_an_error(tmp_path):
    council = small_council()
    council["workers"][1]["display_name"] = "  "
    assert "workers.csv:3:display_name: display_name is required" in problems_of(tmp_path, council)


@pytest.mark.parametrize(
    "value", ["2021-13-01", "31/02/2021", "4 January 2021", "2021/01/04", "01-04-2021"]
)
def test_a_date_in_any_other_form_is_an_error(tmp_path, value):
    council = small_council()
    council["caseloads"][0]["date"] = value
    assert (
        f'caseloads.csv:2:date: "{value}" is not a date: use YYYY-MM-DD or DD/MM/YYYY'
        in problems_of(tmp_path, council)
    )


@pytest.mark.parametrize("value", ["maybe", "2", "x"])
def test_a_boolean_must_be_yes_or_no(tmp_path, value):
    council = small_council()
    council["posts"][0]["hard_to_fill"] = value
    assert f'posts.csv:2:hard_to_fill: "{value}" is not yes or no: use Y or N' in problems_of(
        tmp_path, council
    )


def test_a_code_outside_its_list_is_an_error(tmp_path):
    council = small_council()
    council["assignments"][0]["org_role"] = "7"
    council["workers"][0]["ethnicity"] = "XXXX"
    problems = problems_of(tmp_path, council)
    assert any(
        p.startswith('assignments.csv:2:org_role: "7" is not a code of this list: 1 Senior manager')
        for p in problems
    )
    assert any(
        p.startswith('workers.csv:2:ethnicity: "XXXX" is not a code of this list') for p in problems
    )


@pytest.mark.parametrize("value", ["0", "1.01", "-0.5", "full", "nan"])
def test_fte_must_be_above_0_and_at_most_1(tmp_path, value):
    council = small_council()
    council["posts"][1]["fte"] = value
    assert (
        f'posts.csv:3:fte: "{value}" is not an FTE: a decimal above 0 and at most 1, e.g. 0.8'
        in problems_of(tmp_path, council)
    )


@pytest.mark.parametrize("value", ["-1", "2.5", "ten"])
def test_counts_must_be_whole_numbers_of_0_or_more(tmp_path, value):
    council = small_council()
    council["caseloads"][1]["cases"] = value
    assert f'caseloads.csv:3:cases: "{value}" is not a whole number of 0 or more' in problems_of(
        tmp_path, council
    )


def test_a_social_work_england_number_is_two_letters_then_digits(tmp_path):
    council = small_council()
    council["workers"][0]["swe_number"] = "123456"
    assert any(
        p.startswith('workers.csv:2:swe_number: "123456" is not a Social Work England number')
        for p in problems_of(tmp_path, council)
    )


def test_ids_are_unique_within_a_file(tmp_path):
    council = small_council()
    council["workers"].append(dict(council["workers"][0]))
    assert 'workers.csv:4:worker_id: duplicate worker_id "W1": also on row 2' in problems_of(
        tmp_path, council
    )


def test_a_worker_has_one_caseload_row_a_day(tmp_path):
    council = small_council()
    council["caseloads"].append({"worker_id": "W2", "date": "2021-01-05", "cases": "11"})
    assert "caseloads.csv:5:date: duplicate row for W2 2021-01-05: also on row 4" in problems_of(
        tmp_path, council
    )


@pytest.mark.parametrize(
    ("file", "column", "target"),
    [
        ("teams", "parent_team_id", "team"),
        ("posts", "team_id", "team"),
        ("assignments", "worker_id", "worker"),
        ("assignments", "team_id", "team"),
        ("assignments", "post_id", "post"),
        ("caseloads", "worker_id", "worker"),
        ("absences", "worker_id", "worker"),
    ],
)
def test_every_reference_must_resolve(tmp_path, file, column, target):
    council = small_council()
    council[file][-1][column] = "NOPE"
    row = len(council[file]) + 1
    expected = f'{file}.csv:{row}:{column}: no {target} "NOPE" in {target}s.csv or already loaded'
    assert expected in problems_of(tmp_path, council)


def test_a_reference_may_point_at_a_row_loaded_before(tmp_path):
    council = small_council()
    first = {name: council[name] for name in ("teams", "posts", "workers")}
    assert import_council(write_folder(tmp_path / "first", first), imported_by="test").ok
    second = {name: council[name] for name in ("assignments", "caseloads", "absences")}
    result = import_council(write_folder(tmp_path / "second", second), imported_by="test")
    assert result.ok, result.problems
    assert result.created == {"assignments": 2, "absences": 1, "caseloads": 3}


def test_an_end_date_before_the_start_date_is_an_error(tmp_path):
    council = small_council()
    council["assignments"][0]["end_date"] = "2019-12-31"
    council["absences"][0]["end_date"] = "2021-01-31"
    council["posts"][0]["established_to"] = "2019-01-01"
    problems = problems_of(tmp_path, council)
    assert (
        "assignments.csv:2:end_date: end_date 2019-12-31 is before start_date 2020-01-01"
        in problems
    )
    assert (
        "absences.csv:2:end_date: end_date 2021-01-31 is before start_date 2021-02-01" in problems
    )
    assert (
        "posts.csv:2:established_to: established_to 2019-01-01 is before established_from 2020-01-01"
        in problems
    )


def test_a_workers_permanent_and_fixed_term_fte_on_one_day_is_at_most_1(tmp_path):
    council = small_council()
    council["assignments"].append(
        {
            "assignment_id": "A3",
            "worker_id": "W1",
            "team_id": "CP1",
            "org_role": "5",
            "contract": "fixed_term",
            "fte": "0.2",
            "start_date": "2021-06-30",
        }
    )
    assert (
        'assignments.csv:4:fte: worker "W1" would work 1.2 FTE on 2021-06-30 in permanent and '
        "fixed-term assignments (at most 1.0)"
    ) in problems_of(tmp_path, council)


def test_agency_work_and_back_to_back_assignments_do_not_count_towards_the_fte_limit(tmp_path):
    council = small_council()
    council["assignments"] += [
        {
            "assignment_id": "A3",
            "worker_id": "W1",
            "team_id": "CP1",
            "org_role": "5",
            "contract": "permanent",
            "fte": "1",
            "start_date": "2021-07-01",
        },
        {
            "assignment_id": "A4",
            "worker_id": "W1",
            "team_id": "CP1",
            "org_role": "5",
            "contract": "agency",
            "fte": "0.5",
            "start_date": "2021-01-01",
            "end_date": "2021-12-31",
        },
    ]
    result = import_council(write_folder(tmp_path / "f", council), imported_by="test")
    assert result.ok, result.problems


@pytest.mark.parametrize("column", ["end_reason", "end_destination"])
def test_a_leaving_reason_or_destination_needs_an_end_date(tmp_path, column):
    council = small_council()
    council["assignments"][1][column] = "1"
    assert f"assignments.csv:3:{column}: {column} needs an end_date" in problems_of(
        tmp_path, council
    )


@pytest.mark.parametrize(
    ("column", "value"), [("hourly_rate", "40"), ("agency_name", "Acme"), ("covers_vacancy", "Y")]
)
def test_agency_columns_are_only_for_agency_assignments(tmp_path, column, value):
    council = small_council()
    council["assignments"][0][column] = value
    assert f"assignments.csv:2:{column}: {column} is only for agency assignments" in problems_of(
        tmp_path, council
    )


def test_a_caseload_on_a_day_without_an_active_assignment_is_an_error(tmp_path):
    council = small_council()
    council["caseloads"].append({"worker_id": "W1", "date": "2021-07-01", "cases": "3"})
    assert (
        'caseloads.csv:5:date: worker "W1" has no assignment active on 2021-07-01'
        in problems_of(tmp_path, council)
    )


def test_a_file_that_is_not_an_import_file_is_an_error(tmp_path):
    council = small_council()
    folder = write_folder(tmp_path / "f", council)
    (folder / "teems.csv").write_text("team_id\nX\n")
    result = import_council(folder, imported_by="test")
    assert (
        "teems.csv:-:-: not an import file: expected one of teams, posts, workers, assignments, caseloads, absences, asye, exit_interviews"
        in [str(p) for p in result.problems]
    )


def test_a_team_cannot_be_its_own_ancestor(tmp_path):
    council = small_council()
    council["teams"][0]["parent_team_id"] = "CP1"
    assert 'teams.csv:2:parent_team_id: team "CS" would be its own ancestor' in problems_of(
        tmp_path, council
    )


def test_every_problem_of_every_file_is_reported_at_once_in_file_order(tmp_path):
    council = small_council()
    council["teams"][1]["team_name"] = ""
    council["posts"][0]["fte"] = "2"
    council["caseloads"][0]["cases"] = "-3"
    council["caseloads"][2]["date"] = "yesterday"
    problems = problems_of(tmp_path, council)
    assert problems == [
        "teams.csv:3:team_name: team_name is required",
        'posts.csv:2:fte: "2" is not an FTE: a decimal above 0 and at most 1, e.g. 0.8',
        'caseloads.csv:2:cases: "-3" is not a whole number of 0 or more',
        'caseloads.csv:4:date: "yesterday" is not a date: use YYYY-MM-DD or DD/MM/YYYY',
    ]
