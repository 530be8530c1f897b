"""Themes and destinations by quarter with direction of movement, worked out by hand.

    Ann   left 10 Jan 2024 (Q1): Caseload 3, Pay 1             team A, to agency
    Ben   left 20 Mar 2024 (Q1): Caseload 2                    team B, to another LA
    Cat   left 5 Jul 2024 (Q3):  Pay 3                         team A, to agency
    Dee   left 1 Aug 2024 (Q3):  Caseload 1, Pay 2             team A, to agency

Caseload: Q1 2 (Ann, Ben), Q2 0 (down), Q3 1 (up). Pay: Q1 1, Q2 0 (down), Q3 2 (up).
Agency: Q1 1, Q2 0, Q3 2; another LA: Q1 1, Q2 0, Q3 0 (steady).
By team: Caseload A 2 (Ann, Dee), B 1; Pay A 3.
New employers (named by Ann, Cat and Dee; Ben said nothing): Kingfisher Locums Q1 1 (Ann),
Q2 0 (down), Q3 1 (Dee, up); Harbour Staffing Q1 0, Q2 0, Q3 1 (Cat, up). Totals: Kingfisher 2,
Harbour 1.
"""

from datetime import date

import polars as pl
import pytest

from stabilise.analytics.exit_themes import (
    GroupThemes,
    QuarterRow,
    QuarterTable,
    destinations_by_quarter,
    employers_by_quarter,
    main_themes_of_each,
    quarter_table,
    themes_by,
    themes_by_quarter,
)

day = date.fromisoformat
LEFT = {"ANN": "2024-01-10", "BEN": "2024-03-20", "CAT": "2024-07-05", "DEE": "2024-08-01"}


@pytest.fixture
def cited() -> pl.DataFrame:
    rows = [("ANN", "Caseload", 3), ("ANN", "Pay", 1), ("BEN", "Caseload", 2), ("CAT", "Pay", 3),
            ("DEE", "Caseload", 1), ("DEE", "Pay", 2)]  # fmt: skip
    return pl.DataFrame(
        [{"worker_id": w, "left_on": day(LEFT[w]), "theme": t, "weight": n} for w, t, n in rows]
    )


@pytest.fixture
def leavers() -> pl.DataFrame:
    teams = {"ANN": "A", "BEN": "B", "CAT": "A", "DEE": "A"}
    went = {"ANN": "Agency", "BEN": "Another LA", "CAT": "Agency", "DEE": "Agency"}
    return pl.DataFrame(
        [
            {"worker_id": w, "left_on": day(d), "team_name": teams[w], "destination": went[w]}
            for w, d in LEFT.items()
        ]
    )


def test_themes_by_quarter_fill_empty_quarters_and_show_direction(cited):
    rows = themes_by_quarter(cited).rows()
    assert rows == [
        ("2024 Q1", "Caseload", 2, None),
        ("2024 Q2", "Caseload", 0, "down"),
        ("2024 Q3", "Caseload", 1, "up"),
        ("2024 Q1", "Pay", 1, None),
        ("2024 Q2", "Pay", 0, "down"),
        ("2024 Q3", "Pay", 2, "up"),
    ]


def test_destinations_by_quarter(leavers):
    rows = destinations_by_quarter(leavers).rows()
    assert rows == [
        ("2024 Q1", "Agency", 1, None),
        ("2024 Q2", "Agency", 0, "down"),
        ("2024 Q3", "Agency", 2, "up"),
        ("2024 Q1", "Another LA", 1, None),
        ("2024 Q2", "Another LA", 0, "down"),
        ("2024 Q3", "Another LA", 0, "steady"),
    ]


def test_themes_by_team_count_leavers_most_first(cited, leavers):
    assert themes_by(cited, leavers, "team_name").rows() == [
        ("Pay", "A", 3),
        ("Caseload", "A", 2),
        ("Caseload", "B", 1),
    ]


def test_themes_break_down_only_by_the_known_columns(cited, leavers):
    with pytest.raises(ValueError, match="one of"):
        themes_by(cited, leavers, "ethnicity")


def test_no_interviews_give_no_rows():
    empty = pl.DataFrame(schema={"worker_id": pl.String, "left_on": pl.Date, "theme": pl.String})
    by_quarter = themes_by_quarter(empty)
    assert by_quarter.height == 0
    assert by_quarter.columns == ["quarter", "theme", "leavers", "direction"]
    assert quarter_table(by_quarter, "theme") == QuarterTable(quarters=[], rows=[])


def test_the_quarter_table_has_a_row_a_theme_and_a_column_a_quarter_most_cited_first(cited):
    table = quarter_table(themes_by_quarter(cited), "theme")
    assert table.quarters == ["2024 Q1", "2024 Q2", "2024 Q3"]
    # Caseload and Pay both have 3 citing leavers over the three quarters: by name.
    assert table.rows == [
        QuarterRow("Caseload", [2, 0, 1], [None, "down", "up"], 3),
        QuarterRow("Pay", [1, 0, 2], [None, "down", "up"], 3),
    ]


def test_destinations_in_the_quarter_table_put_the_most_frequent_first(leavers):
    table = quarter_table(destinations_by_quarter(leavers), "destination")
    assert [(r.name, r.leavers, r.total) for r in table.rows] == [
        ("Agency", [1, 0, 2], 3),
        ("Another LA", [1, 0, 0], 1),
    ]


def test_each_teams_main_themes_come_most_cited_first(cited, leavers):
    assert main_themes_of_each(themes_by(cited, leavers, "team_name"), "team_name") == [
        GroupThemes("A", [("Pay", 3), ("Caseload", 2)]),
        GroupThemes("B", [("Caseload", 1)]),
    ]
    assert main_themes_of_each(themes_by(cited, leavers, "team_name"), "team_name", top=1)[0] == (
        GroupThemes("A", [("Pay", 3)])
    )


@pytest.fixture
def employers() -> pl.DataFrame:
    named = {"ANN": "Kingfisher Locums", "CAT": "Harbour Staffing", "DEE": "Kingfisher Locums"}
    return pl.DataFrame(
        [{"worker_id": w, "left_on": day(LEFT[w]), "new_employer": e} for w, e in named.items()]
    )


def test_new_employers_by_quarter_show_who_takes_our_staff(employers):
    assert employers_by_quarter(employers).rows() == [
        ("2024 Q1", "Harbour Staffing", 0, None),
        ("2024 Q2", "Harbour Staffing", 0, "steady"),
        ("2024 Q3", "Harbour Staffing", 1, "up"),
        ("2024 Q1", "Kingfisher Locums", 1, None),
        ("2024 Q2", "Kingfisher Locums", 0, "down"),
        ("2024 Q3", "Kingfisher Locums", 1, "up"),
    ]
