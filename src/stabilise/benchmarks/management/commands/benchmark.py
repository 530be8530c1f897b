"""`stabilise benchmark [--year Y | --over-years] [--la NAME_OR_CODE] [--format table|json|csv]`."""

import csv
import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from stabilise.analytics.benchmark import Benchmark
from stabilise.benchmarks import display
from stabilise.benchmarks.over_the_years_output import write_over_the_years
from stabilise.benchmarks.selectors import (
    BenchmarkError,
    CouncilBenchmark,
    council_benchmark,
    council_over_the_years,
)

CSV_COLUMNS = [
    "key",
    "label",
    "unit",
    "own",
    "own_symbol",
    "region",
    "region_symbol",
    "england",
    "england_symbol",
    "similar_median",
    "rank",
    "ranked",
    "rank_order",
]


PART_YEAR = (
    "The register began during the year, so its starters, leavers, turnover and sickness "
    "for the year are not shown."
)


class Command(BaseCommand):
    help = (
        "Compare the council's workforce measures at 30 September with its region, England and "
        "its ten most similar councils, from the DfE's published figures."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--year", type=int, help="reporting year (to 30 September); default: the latest"
        )
        parser.add_argument(
            "--la",
            metavar="NAME_OR_CODE",
            help="any published authority, by name, old or new LA code, from its published "
            "figures alone; default: this council (STABILISE_LA_CODE) with its register",
        )
        parser.add_argument(
            "--over-years",
            action="store_true",
            help="the main rates at every published 30 September instead of one year",
        )
        parser.add_argument("--format", choices=["table", "json", "csv"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["over_years"]:
            if options["year"] is not None:
                raise CommandError("--over-years gives every year: leave out --year.")
            try:
                over = council_over_the_years(options["la"])
            except BenchmarkError as error:
                raise CommandError(str(error)) from error
            write_over_the_years(self.stdout, over, options["format"])
            return
        try:
            subject = council_benchmark(options["year"], options["la"])
        except BenchmarkError as error:
            raise CommandError(str(error)) from error
        result = subject.benchmark
        if options["format"] == "json":
            self.stdout.write(json.dumps({"name": subject.name, **result.as_dict()}, indent=2))
        elif options["format"] == "csv":
            self._csv(result)
        else:
            self._table(subject)

    def _csv(self, result: Benchmark) -> None:
        # Figures unrounded, as in the JSON; a symbol in its own column where the DfE gave one.
        writer = csv.DictWriter(self.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for measure in result.as_dict()["measures"]:
            writer.writerow(
                {
                    **{k: measure[k] for k in ("key", "label", "unit", "similar_median")},
                    **{k: measure[k] for k in ("rank", "ranked", "rank_order")},
                    **{
                        column: measure[source][part]
                        for source in ("own", "region", "england")
                        for column, part in ((source, "value"), (f"{source}_symbol", "symbol"))
                    },
                }
            )

    def _table(self, subject: CouncilBenchmark) -> None:
        result = subject.benchmark
        source = {
            "register": "own figures from the register",
            "published": "figures as published by the DfE",
            None: "no figures of its own for this year",
        }[result.own_source]
        out = self.stdout
        out.write(f"{subject.name}: benchmarks at 30 September {result.year} ({source})")
        if result.part_year:
            out.write(PART_YEAR)
        header = [
            "Measure",
            subject.name,
            result.region or "Region",
            "England",
            "Similar (median)",
            "Rank",
        ]
        lines = [
            [r.label, r.own, r.region, r.england, r.similar_median, r.rank]
            for r in display.rows(result, missing="-", unranked="-")
        ]
        widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))]
        for line in [header, *lines]:
            cells = [line[0].ljust(widths[0])] + [
                str(cell).rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)
            ]
            out.write("  ".join(cells).rstrip())
        names = ", ".join(s.la_name for s in result.similar) or "none (no in-post FTE to compare)"
        out.write(f"\nSimilar councils, nearest first: {names}.")
        out.write(
            "Symbols as published by the DfE: c suppressed, x not available, z not applicable, "
            "u low reliability, low rounds to 0. Source: DfE, Children's social work workforce; "
            "Open Government Licence v3.0."
        )
