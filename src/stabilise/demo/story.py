"""Wessex County Council's story, year by year: the levels that drive the simulation.

The years are DfE reporting years (the year to 30 September). Each level is pinned at the
middle of its year (1 April) and interpolated between, so nothing jumps on a year boundary;
before the first year and after the last the nearest value holds.

The story, told to councillors in the demo:
- 2018-2019: a steady service; about one post in eight vacant, mostly covered by agency.
- April 2019: demand at the front door; eight new posts in Child Assessment and Child Protection.
- April 2020: adoption moves to the regional adoption agency (Adopt Wessex); posts go.
- 2020: Covid-19. People are less likely to leave; caseloads climb.
- 2021-2022: a national shortage. Experienced workers leave, many for agency work; vacancies,
  agency use and sickness peak in 2022.
- October 2022: a recruitment and retention drive: a bigger ASYE academy, overseas recruitment,
  a market supplement for hard-to-fill posts and, from October 2023, the regional agency
  pay cap; agency workers are offered permanent posts.
- 2024-2026: leavers, vacancies and agency use fall back; caseloads ease.
- April 2026: Northshire County Council, over the northern border, raises its social workers'
  pay; within two months four experienced workers from the north teams leave to join it
  (PAY_RISES). Exit interviews show Pay, and the early-warning rules catch it.
"""

from dataclasses import dataclass
from datetime import date

import numpy as np


class Trend:
    """A level by reporting year, read on any day."""

    def __init__(self, by_year: dict[int, float]) -> None:
        years = sorted(by_year)
        self._xs = [date(year, 4, 1).toordinal() for year in years]
        self._ys = [float(by_year[year]) for year in years]
        self._read: dict[int, float] = {}  # the simulation asks about the same days many times

    def at(self, day: date) -> float:
        ordinal = day.toordinal()
        if ordinal not in self._read:
            self._read[ordinal] = float(np.interp(ordinal, self._xs, self._ys))
        return self._read[ordinal]

    def over(self, days: np.ndarray) -> np.ndarray:
        """The level on each of an array of datetime64[D] days."""
        ordinals = days.astype("datetime64[D]").astype(np.int64) + date(1970, 1, 1).toordinal()
        return np.interp(ordinals, self._xs, self._ys)


# Multiplies every worker's chance of leaving.
LEAVING = Trend({2018: 1.0, 2019: 1.0, 2020: 0.88, 2021: 1.1, 2022: 1.25, 2023: 1.05,
                 2024: 0.95, 2025: 0.9, 2026: 0.9})
# Share of vacancies the council chooses to cover with agency workers.
AGENCY_COVER = Trend({2018: 0.82, 2019: 0.82, 2020: 0.84, 2021: 0.9, 2022: 0.95, 2023: 0.87,
                      2024: 0.8, 2025: 0.75, 2026: 0.72})
# Mean weeks from a vacancy opening to a permanent appointment starting (an easy post).
RECRUIT_WEEKS = Trend({2018: 65, 2019: 65, 2020: 68, 2021: 85, 2022: 100, 2023: 80,
                       2024: 65, 2025: 60, 2026: 60})
# Referrals and children in need relative to 2018: multiplies every caseload.
DEMAND = Trend({2018: 1.0, 2019: 1.01, 2020: 1.04, 2021: 1.08, 2022: 1.08, 2023: 1.04,
                2024: 1.0, 2025: 0.98, 2026: 0.97})
# Multiplies the chance of a sickness absence.
SICKNESS = Trend({2018: 1.0, 2019: 1.0, 2020: 0.85, 2021: 1.1, 2022: 1.25, 2023: 1.1,
                  2024: 1.0, 2025: 0.95, 2026: 0.95})
# A case holder's agency rate, £ per hour, before role and hard-to-fill premiums.
AGENCY_RATE = Trend({2018: 34, 2019: 35, 2020: 36, 2021: 39, 2022: 43, 2023: 41,
                     2024: 40, 2025: 40.5, 2026: 41})
# Share of resigning workers whose destination is agency work.
TO_AGENCY = Trend({2018: 0.1, 2019: 0.1, 2020: 0.1, 2021: 0.18, 2022: 0.24, 2023: 0.14,
                   2024: 0.07, 2025: 0.06, 2026: 0.06})
# Share of external appointments recruited from outside England.
OVERSEAS = Trend({2018: 0.02, 2021: 0.03, 2022: 0.12, 2023: 0.2, 2024: 0.1, 2025: 0.06})
# Chance that filling a post covered by agency means the agency worker takes it permanently.
CONVERSION = Trend({2018: 0.08, 2022: 0.08, 2023: 0.3, 2024: 0.4, 2025: 0.3, 2026: 0.3})


@dataclass(frozen=True)
class PayRise:
    """A neighbouring council pays more and, in the weeks after, recruits experienced workers
    from the teams nearest to it: `leavers` of them resign to join it, each on a Friday within
    `weeks` of `on`."""

    employer: str
    on: date
    weeks: int
    leavers: int
    team_ids: tuple[str, ...]
    why: str


PAY_RISES: tuple[PayRise, ...] = (
    PayRise("Northshire County Council", date(2026, 4, 13), 8, 4, ("CA1", "CP1", "CLA1", "FF2"),
            "Northshire raises social workers' pay by a £4,000 market supplement"),
)
# Who a neighbour's recruiters reach: experienced, settled permanent staff.
PAY_RISE_MIN_YEARS_QUALIFIED = 4
