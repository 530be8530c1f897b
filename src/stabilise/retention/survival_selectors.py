"""The register as the retention curves read it: its frames (no caseloads: the curves need
none) and the day its records begin, which decides who came in as a late entry."""

from dataclasses import dataclass
from datetime import date

from stabilise.analytics.frames import CouncilFrames
from stabilise.benchmarks.selectors import register_first_day
from stabilise.figures.register import register_frames


@dataclass(frozen=True)
class SpellRegister:
    frames: CouncilFrames
    begins: date | None


def spell_register() -> SpellRegister:
    return SpellRegister(register_frames(), register_first_day())
