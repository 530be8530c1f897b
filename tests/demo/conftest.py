"""One simulated council shared by the demo tests: simulating it takes a couple of seconds."""

from datetime import date

import pytest

from stabilise.analytics.frames import CouncilFrames
from stabilise.demo.simulation import simulate_council

# A fixed "today" so that the tests never depend on the clock.
TODAY = date(2026, 11, 20)
START = date(2018, 1, 1)


@pytest.fixture(scope="session")
def council() -> CouncilFrames:
    return simulate_council(seed=1, today=TODAY, start=START)
