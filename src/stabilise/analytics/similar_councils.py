"""A council's most similar councils: the ten nearest in size, neighbours in its region first.

Size (social workers in post) is published for every council every year, so any council can be
compared with any other; the region stands for the labour market a council recruits from.
"""

import math

import polars as pl

SIMILAR_COUNT = 10
# A council in another region counts as this many times further away in size. Councils in one
# region recruit from the same pool of social workers and agencies (the regional agency pay
# agreements are per region), so a neighbour of a similar size is the better comparison.
OTHER_REGION_FACTOR = 1.5
SIMILAR_RULE = (
    "The ten councils nearest in size: social workers in post (FTE) on 30 September of the "
    "year, compared as a ratio (100 against 120 FTE is as near as 500 against 600), where a "
    f"council outside the region counts as {OTHER_REGION_FACTOR:g} times further away. Inner "
    "and Outer London count as one region."
)
# Inner and Outer London boroughs share one labour market for social workers.
SIMILARITY_REGION = {"Inner London": "London", "Outer London": "London"}


def _similarity_region(region: str | None) -> str | None:
    return SIMILARITY_REGION.get(region, region) if region else region


def similar_councils(
    councils: pl.DataFrame, size: float | None, region: str | None, *, exclude: str | None
) -> pl.DataFrame:
    """The rows of `councils` (one year's local authorities) most similar to a council of
    `size` in-post FTE in `region`: see SIMILAR_RULE. Councils with no published in-post FTE
    (or none in post, like the Isles of Scilly) cannot be compared by size and are left out;
    so is the council itself (`exclude`, its old LA code). Ties go to the name A to Z.
    """
    if size is None or size <= 0:
        return councils.clear()
    home = _similarity_region(region)
    other_region = pl.col("region_name").replace(SIMILARITY_REGION) != pl.lit(home)
    distance = (pl.col("inpost_fte") / size).log().abs() + pl.when(other_region).then(
        math.log(OTHER_REGION_FACTOR)
    ).otherwise(0.0)
    candidates = councils.filter(pl.col("inpost_fte") > 0)
    if exclude is not None:
        candidates = candidates.filter(pl.col("old_la_code") != exclude)
    return (
        candidates.with_columns(_distance=distance)
        .sort("_distance", "la_name")
        .head(SIMILAR_COUNT)
        .drop("_distance")
    )
