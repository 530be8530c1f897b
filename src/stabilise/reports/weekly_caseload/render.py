"""The report as a stand-alone HTML document and as plain text: the email's two bodies, and the
command's `--format html`.

The HTML is a whole document with its styles inline, because email clients drop style sheets and
scripts; it has tables and no chart (most clients block SVG: the workbook carries the chart).
"""

import json
from typing import Any

from django.template.loader import render_to_string

from stabilise.reports.weekly_caseload.selectors import WeeklyCaseload
from stabilise.reports.weekly_caseload.suppressed import for_aggregates_only


def _context(data: WeeklyCaseload, *, for_managers: bool, suppress: bool) -> dict[str, Any]:
    # For the committee (councillors), small numbers suppressed (suppressed.py).
    report = for_aggregates_only(data.report) if suppress else data.report
    return {
        "report": report,
        "suppressed": suppress,
        "week": f"{report.week_ending.day} {report.week_ending:%B %Y}",
        "weeks": report.week_endings,
        "council_name": data.council_name,
        "threshold": data.threshold,
        "for_managers": for_managers,
        "workers_above": data.workers_above if for_managers else [],
    }


def weekly_caseload_html(
    data: WeeklyCaseload, *, for_managers: bool = False, suppress: bool = False
) -> str:
    """For managers the document also names the workers above the threshold; with `suppress`
    (the committee's), figures on 1 to 4 people are `c`."""
    context = _context(data, for_managers=for_managers, suppress=suppress)
    return render_to_string("reports/weekly_caseload_email.html", context)


def weekly_caseload_text(
    data: WeeklyCaseload, *, for_managers: bool = False, suppress: bool = False
) -> str:
    context = _context(data, for_managers=for_managers, suppress=suppress)
    return render_to_string("reports/weekly_caseload_email.txt", context)


def weekly_caseload_json(data: WeeklyCaseload) -> str:
    """The contract's JSON: aggregates only, unrounded."""
    return json.dumps(data.report.as_dict(), indent=2) + "\n"
