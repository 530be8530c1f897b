"""The DfE's published children's social work workforce figures, 2017 to 2025.

The file ships inside the package (`data/`, with its Open Government Licence attribution), so
a council can compare itself with every other council without downloading anything.

Published figures come with the DfE's symbols in place of numbers: `c` suppressed, `x` not
available, `z` not applicable, `u` low reliability, `low` rounds to 0 but is not 0. A symbol is
never a number: its value is null, so it drops out of every average, median and rank, and the
symbol itself is kept beside it (`<measure>_symbol`) so a page can print it as published.
"""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO

import polars as pl

DATA_FILE = "csww_indicators_2017_to_2025.csv"
SYMBOL_SUFFIX = "_symbol"
SYMBOLS = {
    "c": "suppressed to protect confidentiality",
    "x": "not available",
    "z": "not applicable",
    "u": "low reliability",
    "low": "rounds to 0 but is not 0",
}
NATIONAL = "National"
REGIONAL = "Regional"
LOCAL = "Local authority"
# Two councils making one return are published as one row with both names and codes joined.
JOINED = " / "

IDENTITY = (
    "geographic_level",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
)
# The published measures, in the file's order.
MEASURE_COLUMNS = (
    "inpost_fte",
    "inpost_headcount",
    "starters_fte",
    "starters_headcount",
    "leavers_fte",
    "leavers_headcount",
    "turnover_rate_fte",
    "turnover_rate_headcount",
    "agency_fte",
    "agency_headcount",
    "agency_rate_fte",
    "agency_rate_headcount",
    "agency_cover_fte",
    "agency_cover_rate_fte",
    "vacancy_fte",
    "vacancy_rate_fte",
    "vacancy_agency_cover_rate_fte",
    "case_holders_fte",
    "cases",
    "caseload_fte",
    "working_days_lost_fte",
    "absence_rate_fte",
)


def symbol_column(measure: str) -> str:
    return f"{measure}{SYMBOL_SUFFIX}"


def read_published(source: str | Path | bytes | IO[bytes]) -> pl.DataFrame:
    """A DfE CSWW indicators file as a frame: `time_period` as an integer year, the identity
    columns as text, and for each measure a Float64 column (null for a symbol or a blank) and
    a `<measure>_symbol` column holding whatever non-numeric marker was published (else null).

    Any marker is kept, not only the five the DfE documents: a new one must not become a
    number either. A measure missing from the file is all null, with no symbol.
    """
    raw = pl.read_csv(source, infer_schema=False)
    columns: list[pl.Expr] = [
        pl.col("time_period").str.strip_chars().str.slice(0, 4).cast(pl.Int64)
    ]
    columns += [
        (pl.col(c).str.strip_chars() if c in raw.columns else pl.lit(None, pl.String)).alias(c)
        for c in IDENTITY
    ]
    for measure in MEASURE_COLUMNS:
        if measure not in raw.columns:
            columns += [
                pl.lit(None, pl.Float64).alias(measure),
                pl.lit(None, pl.String).alias(symbol_column(measure)),
            ]
            continue
        text = pl.col(measure).str.strip_chars()
        number = text.cast(pl.Float64, strict=False)
        columns += [
            number.alias(measure),
            pl.when(number.is_null() & (text != "")).then(text).alias(symbol_column(measure)),
        ]
    return raw.select(columns)


@cache
def _shipped() -> pl.DataFrame:
    # Read once per process: the file is 290 kB and never changes while the process runs.
    data = resources.files("stabilise.analytics").joinpath("data", DATA_FILE).read_bytes()
    return read_published(data)


def published(data: pl.DataFrame | None = None) -> pl.DataFrame:
    """The shipped DfE file (or `data`, a frame from `read_published`, e.g. a test's)."""
    return _shipped() if data is None else data


def years(data: pl.DataFrame | None = None) -> list[int]:
    """The reporting years in the data, oldest first."""
    return sorted(published(data)["time_period"].unique().to_list())


def regions(data: pl.DataFrame | None = None) -> list[str]:
    """The names of the published regions (including Inner and Outer London), A to Z."""
    rows = published(data).filter(pl.col("geographic_level") == REGIONAL)
    return sorted(rows["region_name"].drop_nulls().unique().to_list())


def find_region(name: str, data: pl.DataFrame | None = None) -> str:
    """The published region called `name` (any case), spelt as the DfE spells it."""
    known = regions(data)
    for region in known:
        if region.casefold() == name.strip().casefold():
            return region
    raise UnknownRegionError(
        f"No published region is called {name!r}. The regions are: {', '.join(known)}."
    )


@dataclass(frozen=True)
class Authority:
    """A local authority as published. `old_la_code` (the DfE's three-digit LA number) is what
    stays the same when the ONS code changes (Barnsley, Somerset…), so it identifies one;
    `new_la_code` and `region` are the latest published, `new_la_codes` all of them."""

    la_name: str
    old_la_code: str
    new_la_code: str
    region: str
    new_la_codes: tuple[str, ...]
    years: tuple[int, ...]

    @property
    def label(self) -> str:
        return f"{self.la_name} ({self.old_la_code}, {self.new_la_code})"

    def as_dict(self) -> dict[str, str]:
        """JSON-ready: the name and both codes, as a benchmark names the authority."""
        return {
            "la_name": self.la_name,
            "old_la_code": self.old_la_code,
            "new_la_code": self.new_la_code,
        }

    def names_and_codes(self) -> set[str]:
        """Everything the authority may be looked up by, in lower case; a joint return answers
        to each of its councils' names and codes as well as to the joined ones."""
        whole = [self.la_name, self.old_la_code, *self.new_la_codes]
        parts = [part for text in whole for part in text.split(JOINED)]
        return {text.strip().casefold() for text in [*whole, *parts]}


class UnknownAuthorityError(LookupError):
    pass


class UnknownRegionError(LookupError):
    pass


def authorities(data: pl.DataFrame | None = None) -> list[Authority]:
    """Every published local authority of any year, A to Z by name."""
    rows = (
        published(data)
        .filter(pl.col("geographic_level") == LOCAL)
        .sort("time_period")
        .group_by("old_la_code", maintain_order=True)
        .agg(
            pl.col("la_name").last(),
            pl.col("new_la_code").last(),
            pl.col("region_name").last(),
            pl.col("new_la_code").unique(maintain_order=True).alias("new_la_codes"),
            pl.col("time_period").unique(maintain_order=True).alias("years"),
        )
        .sort("la_name", "old_la_code")
    )
    return [
        Authority(
            la_name=row["la_name"],
            old_la_code=row["old_la_code"],
            new_la_code=row["new_la_code"],
            region=row["region_name"],
            new_la_codes=tuple(row["new_la_codes"]),
            years=tuple(row["years"]),
        )
        for row in rows.iter_rows(named=True)
    ]


def find_authority(
    name_or_code: str, data: pl.DataFrame | None = None, *, year: int | None = None
) -> Authority:
    """The published authority with this name, old LA code or new LA code (any case).

    Two authorities can share a name (Dorset the county until 2018, Dorset the unitary
    authority since 2019): the one published in `year` is chosen if only one is, else the
    most recent. An unknown name raises UnknownAuthorityError naming the closest matches.
    """
    wanted = name_or_code.strip().casefold()
    every = authorities(data)
    found = [a for a in every if wanted and wanted in a.names_and_codes()]
    if year is not None and len(found) > 1:
        found = [a for a in found if year in a.years] or found
    if found:
        return max(found, key=lambda a: (a.years[-1], a.old_la_code))
    raise UnknownAuthorityError(_not_found(name_or_code, every))


def _not_found(name_or_code: str, every: Iterable[Authority]) -> str:
    every = list(every)
    wanted = name_or_code.strip().casefold()
    by_name = {a.la_name.casefold(): a for a in every}
    close = difflib.get_close_matches(wanted, list(by_name), n=5, cutoff=0.6)
    # A fragment ("northampton") is close to what it is part of, which difflib does not see.
    close += [n for n in by_name if wanted and wanted in n and n not in close]
    if not close:
        return f"No published local authority matches {name_or_code!r}."
    suggestions = "; ".join(by_name[n].label for n in close[:5])
    return f"No published local authority matches {name_or_code!r}. Did you mean: {suggestions}?"
