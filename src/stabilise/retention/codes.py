"""The exit-interview code lists, plain data (no Django): the import's columns and the models'
choices both read them."""

STATUS = (
    ("invited", "Invited"),
    ("scheduled", "Scheduled"),
    ("held", "Held"),
    ("declined", "Declined"),
)
WOULD_RETURN = (
    ("yes", "Yes"),
    ("maybe", "Maybe"),
    ("no", "No"),
)
