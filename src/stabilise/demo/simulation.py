"""Wessex County Council: a deterministic, made-up children's social work workforce.

`simulate_council(seed, today, start)` returns the council's register as `CouncilFrames`, the
same frames an import of real files gives, so every page, report and measure can be shown
without real people's data. The same seed and `today` always give identical frames; only a
`today` left out is read from the clock.

The story (see `story.py`): about 250 social workers in fourteen teams; steady in 2018-2019,
fewer leavers in the first Covid year, a shortage in 2021-2022 when vacancies, agency use and
sickness peak, then a recruitment and retention drive (a bigger ASYE academy, overseas
recruitment, agency workers going permanent) that brings them down. Throughout, a worker
who has carried far more than their team for weeks is likelier to leave (heavy_caseloads.py).
The figures at each 30 September sit inside the range real councils report to the DfE.

Nothing here imports Django: `stabilise demo` loads these frames through the importer.
"""

from datetime import date

import numpy as np
import polars as pl

from stabilise.analytics.frames import CouncilFrames
from stabilise.demo.absences import simulate_absences
from stabilise.demo.caseloads import simulate_caseloads
from stabilise.demo.establishment import TEAMS
from stabilise.demo.heavy_caseloads import HeavyCaseloads
from stabilise.demo.opening import open_register
from stabilise.demo.staffing import Register
from stabilise.demo.weeks import Weeks
from stabilise.demo.workdays import business_calendar, working_days

COUNCIL_NAME = "Wessex County Council"
MIN_YEARS = 1  # the DfE measures look back a year


def simulate_council(seed: int = 1, today: date | None = None,
                     start: date = date(2018, 1, 1)) -> CouncilFrames:
    """The demo council's register from `start` (when its records begin) to `today`.

    People in post on `start` keep their earlier start dates; caseloads and absences are
    recorded from `start`. The establishment changes and demand surges are dated events of the
    story (2019 to 2024), so only those between `start` and `today` happen.
    """
    today = today if today is not None else date.today()
    if (today - start).days < 365 * MIN_YEARS:
        raise ValueError(f"the demo needs at least a year of history: {start} to {today}")
    rng = np.random.default_rng(seed)
    register = Register(rng, start, today)
    open_register(register)
    Weeks(register, HeavyCaseloads(seed)).run()
    calendar = business_calendar(start, today)
    absences = simulate_absences(rng, register.assignments, register.worker, start, today,
                                 calendar)
    caseloads = simulate_caseloads(rng, working_days(start, today, calendar), register.teams,
                                   register.posts, register.assignments, absences)
    return CouncilFrames.of(
        teams=pl.DataFrame(
            [{"team_id": t.team_id, "team_name": t.team_name, "service": t.service}
             for t in TEAMS]
        ),
        posts=pl.DataFrame([post.row() for post in register.posts]),
        workers=pl.DataFrame([vars(worker) for worker in register.workers]),
        assignments=pl.DataFrame(
            [a.row() for a in register.assignments], infer_schema_length=None
        ),
        caseloads=caseloads,
        absences=pl.DataFrame([vars(absence) for absence in absences]),
    )
