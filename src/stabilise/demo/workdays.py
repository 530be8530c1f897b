"""Working days in England: Monday to Friday, less the England and Wales bank holidays.

Caseload snapshots are taken on working days and absences count working days lost, so both
use the same NumPy business-day calendar.
"""

from datetime import date

import holidays
import numpy as np


def business_calendar(first: date, last: date) -> np.busdaycalendar:
    """Monday to Friday less England's bank holidays in the years `first` to `last` (one extra each side)."""
    years = range(first.year - 1, last.year + 2)
    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=years)
    return np.busdaycalendar(holidays=sorted(bank_holidays))


def working_days(first: date, last: date, calendar: np.busdaycalendar) -> np.ndarray:
    """Every working day from `first` to `last` inclusive, as datetime64[D], in order."""
    days = np.arange(np.datetime64(first, "D"), np.datetime64(last, "D") + 1)
    return days[np.is_busday(days, busdaycal=calendar)]


def count_working_days(first: date, last: date, calendar: np.busdaycalendar) -> int:
    """Working days from `first` to `last` inclusive (0 when `last` is before `first`)."""
    if last < first:
        return 0
    return int(
        np.busday_count(
            np.datetime64(first, "D"), np.datetime64(last, "D") + 1, busdaycal=calendar
        )
    )


def add_working_days(first: date, count: int, calendar: np.busdaycalendar) -> date:
    """The date of the `count`-th working day counting `first` (rolled forward) as day 1."""
    day = np.busday_offset(
        np.datetime64(first, "D"), count - 1, roll="forward", busdaycal=calendar
    )
    return date.fromisoformat(str(day))
