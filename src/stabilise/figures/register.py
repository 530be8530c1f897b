"""The register's frames that several pages share, kept once per version of the data."""

from datetime import date

from stabilise.analytics.frames import CouncilFrames
from stabilise.figures.cache import figures
from stabilise.workforce.selectors import council_frames


@figures("register")
def register_frames() -> CouncilFrames:
    """The register without caseloads: teams, posts, workers, assignments, absences."""
    return council_frames(caseloads_on=[])


@figures("frames-on")
def frames_on(day: date) -> CouncilFrames:
    """The register with the caseloads that can count on `day`."""
    return council_frames(caseloads_on=[day])
