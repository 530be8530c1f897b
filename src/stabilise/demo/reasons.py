"""Why people leave and where starters come from, as CSWW codes in realistic proportions.

The shares follow the DfE census: about four leavers in five resign; a quarter of leavers'
destinations are not known; other councils and agency work are the commonest known ones.
"""

from datetime import date, timedelta

import numpy as np

from stabilise.demo.people import pick
from stabilise.demo.story import OVERSEAS, TO_AGENCY

RESIGNATION, VOLUNTARY_REDUNDANCY, DISMISSED, RETIRED = 1, 2, 4, 5
MOVED_WITHIN_LA, OTHER_REASON, REASON_NOT_KNOWN, REASON_NOT_COLLECTED = 7, 8, 9, 10
DEST_OTHER_LA, DEST_AGENCY, DEST_NOT_KNOWN, DEST_NOT_COLLECTED = 1, 3, 8, 9
NEWLY_QUALIFIED, FROM_OUTSIDE_ENGLAND, FROM_AGENCY, ORIGIN_NOT_KNOWN = 1, 3, 4, 9

REASON_SHARES = ((RESIGNATION, 0.80), (VOLUNTARY_REDUNDANCY, 0.01), (DISMISSED, 0.02),
                 (MOVED_WITHIN_LA, 0.04), (OTHER_REASON, 0.05), (REASON_NOT_KNOWN, 0.08))
# Resignations other than to agency work; the agency share comes from the story.
RESIGNATION_DESTINATIONS = ((DEST_OTHER_LA, 0.30), (2, 0.02), (4, 0.10), (5, 0.06), (6, 0.14), (7, 0.04),
                            (DEST_NOT_KNOWN, 0.24))
OTHER_DESTINATIONS = ((DEST_NOT_KNOWN, 0.5), (7, 0.3), (6, 0.2))
# Where experienced starters come from, other than outside England (from the story).
ORIGIN_SHARES = ((2, 0.34), (FROM_AGENCY, 0.14), (5, 0.10), (6, 0.06), (7, 0.09), (8, 0.03),
                 (ORIGIN_NOT_KNOWN, 0.14))


def why_leaving(rng: np.random.Generator, last_day: date, today: date,
                reason: int | None = None) -> tuple[int, int]:
    """(end_reason, end_destination) for someone whose last day is `last_day`."""
    if today - last_day < timedelta(weeks=8) and rng.random() < 0.5:
        # HR have not yet had the exit interview.
        return REASON_NOT_COLLECTED, DEST_NOT_COLLECTED
    reason = reason if reason is not None else pick(rng, REASON_SHARES)
    if reason == RESIGNATION:
        to_agency = TO_AGENCY.at(last_day)
        shares = [(DEST_AGENCY, to_agency)] + [
            (code, share * (1 - to_agency)) for code, share in RESIGNATION_DESTINATIONS
        ]
        return reason, pick(rng, shares)
    if reason in (VOLUNTARY_REDUNDANCY, RETIRED):
        return reason, 6
    if reason == DISMISSED:
        return reason, pick(rng, ((DEST_NOT_KNOWN, 0.6), (6, 0.4)))
    if reason == MOVED_WITHIN_LA:
        return reason, 5
    if reason == OTHER_REASON:
        return reason, pick(rng, OTHER_DESTINATIONS)
    return reason, DEST_NOT_KNOWN


def where_from(rng: np.random.Generator, day: date) -> int:
    """The start_origin of an experienced social worker appointed on `day`."""
    overseas = OVERSEAS.at(day)
    shares = [(FROM_OUTSIDE_ENGLAND, overseas)] + [
        (code, share * (1 - overseas)) for code, share in ORIGIN_SHARES
    ]
    return pick(rng, shares)


def historic_origin(rng: np.random.Generator, started: date, qualified_on: date) -> int:
    """The start_origin of someone already in post when the records begin."""
    if timedelta(0) <= started - qualified_on <= timedelta(days=150):
        return NEWLY_QUALIFIED
    if started < date(2016, 10, 1) and rng.random() < 0.5:
        # Old HR records often say nothing of where a long-serving worker came from.
        return ORIGIN_NOT_KNOWN
    return where_from(rng, started)
