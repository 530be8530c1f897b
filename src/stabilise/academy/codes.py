"""The ASYE academy's code lists (`../shared/contracts/academy.md`): plain data, no Django.

The import, the models and the analytics read them from here, as they read the census's lists
from `stabilise.csww`. Each list is (code, label); the import accepts either.
"""

ROUTE = (
    ("university", "University"),
    ("step_up", "Step Up"),
    ("frontline", "Frontline"),
    ("apprenticeship", "Apprenticeship"),
    ("international", "International"),
    ("other", "Other"),
)

IN_PROGRESS, PASSED, FAILED, EXTENDED, WITHDRAWN = (
    "in_progress",
    "passed",
    "failed",
    "extended",
    "withdrawn",
)
OUTCOME = (
    (IN_PROGRESS, "In progress"),
    (PASSED, "Passed"),
    (FAILED, "Failed"),
    (EXTENDED, "Extended"),
    (WITHDRAWN, "Withdrawn"),
)
# Still on the programme (reviews fall due): not passed, failed or withdrawn.
ON_PROGRAMME = (IN_PROGRESS, EXTENDED)

# The practice lead's recommendation to the panel, and the panel's decision.
PASS, FAIL, EXTEND = "pass", "fail", "extend"
DECISION = ((PASS, "Pass"), (FAIL, "Fail"), (EXTEND, "Extend"))
OUTCOME_OF_DECISION = {PASS: PASSED, FAIL: FAILED, EXTEND: EXTENDED}

# The reviews of the ASYE, in months after the programme starts; the 9-month one is optional.
REVIEW_MONTHS = (3, 6, 9, 12)
OPTIONAL_REVIEW = 9
