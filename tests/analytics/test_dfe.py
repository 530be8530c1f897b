"""Reading the DfE's published figures: symbols stay symbols, and authorities are found by name
or either code."""

import hashlib
from importlib import resources

import polars as pl
import pytest

from stabilise.analytics import dfe

SMALL_FILE = b"""time_period,geographic_level,region_name,old_la_code,new_la_code,la_name,inpost_fte,vacancy_rate_fte,cases
2021,Local authority,North,101,E06000101,Aford,100,c,0
2021,Local authority,North,102,E06000102,Bton,x,low,12
2021,Local authority,North,103,E06000103,Cham,z,u,[w]
2021,Local authority,North,104,E06000104,Dale, 7.5 ,,
"""


def test_the_shipped_file_is_the_dfes_byte_for_byte_and_is_installed_with_the_package() -> None:
    shipped = resources.files("stabilise.analytics").joinpath("data", dfe.DATA_FILE)
    assert shipped.is_file()
    assert (
        hashlib.sha256(shipped.read_bytes()).hexdigest()
        == "9e058bac193cc5b03f0d21ebe4259c8935d236dbf59f09d90b3e0916bfbca95f"
    )
    notice = resources.files("stabilise.analytics").joinpath("data", "README.md").read_text()
    assert "Open Government Licence v3.0" in notice


def test_symbols_are_null_values_with_the_symbol_kept_beside_them_never_zero() -> None:
    data = dfe.read_published(SMALL_FILE)
    rows = {row["la_name"]: row for row in data.iter_rows(named=True)}
    assert (rows["Aford"]["vacancy_rate_fte"], rows["Aford"]["vacancy_rate_fte_symbol"]) == (
        None,
        "c",
    )
    assert (rows["Bton"]["inpost_fte"], rows["Bton"]["inpost_fte_symbol"]) == (None, "x")
    # "low" rounds to 0 but is not 0.
    assert (rows["Bton"]["vacancy_rate_fte"], rows["Bton"]["vacancy_rate_fte_symbol"]) == (
        None,
        "low",
    )
    assert rows["Cham"]["inpost_fte_symbol"] == "z"
    assert rows["Cham"]["vacancy_rate_fte_symbol"] == "u"
    # A marker the DfE does not document is still not a number.
    assert (rows["Cham"]["cases"], rows["Cham"]["cases_symbol"]) == (None, "[w]")
    # A real zero is a number; a blank is unknown, with no symbol.
    assert (rows["Aford"]["cases"], rows["Aford"]["cases_symbol"]) == (0.0, None)
    assert (rows["Dale"]["inpost_fte"], rows["Dale"]["inpost_fte_symbol"]) == (7.5, None)
    assert (rows["Dale"]["cases"], rows["Dale"]["cases_symbol"]) == (None, None)
    # Measures the file does not have are there, unknown.
    assert data["leavers_fte"].null_count() == data.height
    assert data.schema["inpost_fte"] == pl.Float64
    assert data.schema["time_period"] == pl.Int64


def test_every_symbol_in_the_shipped_file_is_kept_and_none_reads_as_a_number() -> None:
    data = dfe.published()
    symbols = {
        symbol
        for measure in dfe.MEASURE_COLUMNS
        for symbol in data[dfe.symbol_column(measure)].drop_nulls().to_list()
    }
    assert symbols == {"c", "x", "z", "u", "low"}
    for measure in dfe.MEASURE_COLUMNS:
        has_symbol = data[dfe.symbol_column(measure)].is_not_null()
        assert data.filter(has_symbol)[measure].null_count() == has_symbol.sum()


def test_the_shipped_file_covers_2017_to_2025_with_every_region() -> None:
    assert dfe.years() == list(range(2017, 2026))
    assert "South West" in dfe.regions()
    assert "Inner London" in dfe.regions()
    assert len(dfe.authorities()) > 150


@pytest.mark.parametrize("query", ["Sandwell", "sandwell", " SANDWELL ", "333", "e08000028"])
def test_an_authority_is_found_by_name_old_code_or_new_code_in_any_case(query: str) -> None:
    sandwell = dfe.find_authority(query)
    assert (sandwell.la_name, sandwell.old_la_code, sandwell.new_la_code, sandwell.region) == (
        "Sandwell",
        "333",
        "E08000028",
        "West Midlands",
    )


def test_an_authority_whose_ons_code_changed_is_found_by_either_code() -> None:
    # Barnsley's ONS code changed in 2025; its DfE number did not.
    old, new = dfe.find_authority("E08000016"), dfe.find_authority("E08000038")
    assert old == new
    assert old.new_la_code == "E08000038"
    assert old.years == tuple(range(2017, 2026))


def test_a_joint_return_is_found_by_either_councils_name_or_code() -> None:
    for query in ("Richmond upon Thames", "318", "E09000021", "Kingston upon Thames"):
        assert dfe.find_authority(query).old_la_code == "314 / 318"


def test_two_authorities_of_one_name_give_the_one_published_that_year_else_the_latest() -> None:
    assert dfe.find_authority("Dorset").old_la_code == "838"
    assert dfe.find_authority("Dorset", year=2017).old_la_code == "835"
    assert dfe.find_authority("Dorset", year=2023).old_la_code == "838"


def test_an_unknown_authority_is_a_clear_error_naming_the_close_matches() -> None:
    with pytest.raises(dfe.UnknownAuthorityError) as error:
        dfe.find_authority("Sandwel")
    assert str(error.value) == (
        "No published local authority matches 'Sandwel'. Did you mean: Sandwell (333, E08000028)?"
    )
    with pytest.raises(dfe.UnknownAuthorityError, match=r"Did you mean: .*Northamptonshire"):
        dfe.find_authority("Northampton")
    with pytest.raises(
        dfe.UnknownAuthorityError, match=r"^No published local authority .*'999'\.$"
    ):
        dfe.find_authority("999")


def test_regions_are_found_in_any_case_and_an_unknown_one_lists_them() -> None:
    assert dfe.find_region("south west") == "South West"
    with pytest.raises(dfe.UnknownRegionError, match="The regions are: East Midlands, "):
        dfe.find_region("Wessex")
