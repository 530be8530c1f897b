"""The code lists of the DfE children's social work workforce (CSWW) census.

Plain data, no Django: the import, the models, the analytics and the demo all read them from here.
Each list is (code, label) in the census's own order and words.
"""

ORG_ROLE = (
    (1, "Senior manager"),
    (2, "Middle manager"),
    (3, "First line manager"),
    (4, "Senior practitioner"),
    (5, "Case holder"),
    (6, "Qualified without cases"),
)

CONTRACT = (
    ("permanent", "Permanent"),
    ("fixed_term", "Fixed term"),
    ("agency", "Agency"),
)
IN_POST_CONTRACTS = ("permanent", "fixed_term")

START_ORIGIN = (
    (1, "Newly qualified social worker"),
    (2, "Social worker role in a different LA in England"),
    (3, "Social worker role outside England"),
    (4, "Agency or consultancy in social work"),
    (5, "Other social work role, non-LA"),
    (6, "Other social care role in LA or non-LA"),
    (7, "Non-social care role, outside England, no employment or career break"),
    (8, "Other"),
    (9, "Not known"),
    (10, "Not yet collected"),
)

END_REASON = (
    (1, "Resignation"),
    (2, "Voluntary redundancy"),
    (3, "Compulsory redundancy"),
    (4, "Dismissed"),
    (5, "Retired"),
    (6, "Deceased"),
    (7, "Moved to a non-child and family social work role within LA"),
    (8, "Other"),
    (9, "Not known"),
    (10, "Not yet collected"),
)

END_DESTINATION = (
    (1, "Social worker role in a different LA in England"),
    (2, "Social worker role outside England"),
    (3, "Agency or consultancy in social work"),
    (4, "Other social work role, non-LA"),
    (5, "Other social care role in LA or non-LA"),
    (6, "Non-social care role, no employment, redundancy, career break or left England"),
    (7, "Other"),
    (8, "Not known"),
    (9, "Not yet collected"),
)

GENDER = (
    (0, "Not known"),
    (1, "Male"),
    (2, "Female"),
    (9, "Not specified"),
)

QUAL_LEVEL = (
    (1, "Undergraduate"),
    (2, "Postgraduate"),
    (3, "Other"),
)

ETHNICITY = (
    ("WBRI", "White British"),
    ("WIRI", "White Irish"),
    ("WOTH", "Any other White background"),
    ("MWBC", "White and Black Caribbean"),
    ("MWBA", "White and Black African"),
    ("MWAS", "White and Asian"),
    ("MOTH", "Any other mixed background"),
    ("AIND", "Indian"),
    ("APKN", "Pakistani"),
    ("ABAN", "Bangladeshi"),
    ("AOTH", "Any other Asian background"),
    ("BCRB", "Caribbean"),
    ("BAFR", "African"),
    ("BOTH", "Any other Black background"),
    ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"),
    ("REFU", "Refused"),
    ("NOBT", "Information not yet obtained"),
)

ABSENCE_REASON = (
    ("MAT", "Maternity/paternity"),
    ("OTH", "Other paid authorised"),
    ("PUB", "Public duties"),
    ("SIC", "Sickness"),
    ("TRN", "Training"),
    ("UNA", "Unauthorised"),
    ("UNP", "Unpaid authorised"),
)
