"""The import of a council's files (../shared/contracts/import-format.md).

read (reading.py) → type every cell (parsing.py) → check across rows and files (checks.py) →
write everything in one transaction (loading.py). Only the last step touches the database.
"""

from stabilise.workforce.importing.pipeline import ImportResult, import_council
from stabilise.workforce.importing.problems import Problem

__all__ = ["ImportResult", "Problem", "import_council"]
