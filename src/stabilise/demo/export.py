"""Write a council's frames as the import files (`contracts/import-format.md`).

`stabilise demo --export DIR` writes these and `stabilise import DIR` reads them back, so the
files use the format's own spellings: ISO dates, `Y`/`N` booleans, codes as numbers, an empty
cell for a missing value, and exactly the columns of each file in the format's order.
"""

from pathlib import Path

import polars as pl

from stabilise.analytics.frames import CouncilFrames, conform

FILE_ORDER = ("teams", "posts", "workers", "assignments", "caseloads", "absences", "asye",
              "exit_interviews")
# The asye frame also says whether a 9-month review was asked for; the file does not carry it.
NOT_IN_FILE = {"asye": ["review_9m_required"]}


def _as_import_file(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    frame = conform(name, frame).drop(NOT_IN_FILE.get(name, []))
    flags = [col for col, dtype in frame.schema.items() if dtype == pl.Boolean]
    return frame.with_columns(
        pl.when(pl.col(col)).then(pl.lit("Y")).when(pl.col(col).not_()).then(pl.lit("N"))
        .otherwise(pl.lit(None, dtype=pl.String)).alias(col)
        for col in flags
    )


def export_council(frames: CouncilFrames, directory: Path) -> list[Path]:
    """One UTF-8 CSV per non-empty frame in `directory` (made if missing); the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in FILE_ORDER:
        frame: pl.DataFrame = getattr(frames, name)
        if frame.is_empty():
            continue
        path = directory / f"{name}.csv"
        _as_import_file(name, frame).write_csv(path, date_format="%Y-%m-%d", null_value="")
        written.append(path)
    return written
