"""`stabilise benchmark --over-years`: the main rates at every published 30 September as a
table for a terminal, JSON or CSV, the same figures as the page's "Over the years"."""

import csv
import json
from io import TextIOBase

from stabilise.benchmarks import display
from stabilise.benchmarks.selectors import CouncilOverTheYears

CSV_COLUMNS = [
    "key",
    "label",
    "unit",
    "year",
    "own_source",
    "own",
    "own_symbol",
    "region_name",
    "region",
    "region_symbol",
    "england",
    "england_symbol",
    "similar_median",
    "rank",
    "ranked",
    "rank_order",
]
SOURCE = "Source: DfE, Children's social work workforce; Open Government Licence v3.0."


def write_over_the_years(out: TextIOBase, subject: CouncilOverTheYears, format: str) -> None:
    result = subject.over_the_years
    if format == "json":
        out.write(json.dumps({"name": subject.name, **result.as_dict()}, indent=2) + "\n")
    elif format == "csv":
        _csv(out, subject)
    else:
        _table(out, subject)


def _csv(out: TextIOBase, subject: CouncilOverTheYears) -> None:
    # Figures unrounded, as in the JSON; a symbol in its own column where the DfE gave one.
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for measure in subject.over_the_years.as_dict()["measures"]:
        for year in measure["years"]:
            writer.writerow(
                {
                    **{k: measure[k] for k in ("key", "label", "unit", "rank_order")},
                    **{k: year[k] for k in ("year", "own_source", "region_name", "similar_median")},
                    **{k: year[k] for k in ("rank", "ranked")},
                    **{
                        column: year[source][part]
                        for source in ("own", "region", "england")
                        for column, part in ((source, "value"), (f"{source}_symbol", "symbol"))
                    },
                }
            )


def _table(out: TextIOBase, subject: CouncilOverTheYears) -> None:
    result = subject.over_the_years
    years = result.years
    lines = [
        f"{subject.name}: main rates at 30 September, {years[0]} to {years[-1]}",
        *display.sources(subject.name, result, subject.ours),
    ]
    header = [
        "Year",
        subject.name,
        result.region or "Region",
        "England",
        "Similar (median)",
        "Rank",
    ]
    for trend in result.trends:
        rows = [
            [str(r.year), r.own, r.region, r.england, r.similar_median, r.rank]
            for r in display.year_rows(trend, missing="-", unranked="-")
        ]
        widths = [max(len(line[i]) for line in [header, *rows]) for i in range(len(header))]
        lines += ["", trend.measure.label]
        lines += [
            "  ".join(
                [line[0].ljust(widths[0])]
                + [cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)]
            ).rstrip()
            for line in [header, *rows]
        ]
    lines += [
        "",
        "Symbols as published by the DfE: c suppressed, x not available, z not applicable, "
        f"u low reliability, low rounds to 0; never counted as 0. {SOURCE}",
    ]
    out.write("\n".join(lines) + "\n")
