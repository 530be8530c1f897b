"""The weekly caseload report (Buckinghamshire recommendation 18) as a page, a workbook and an
email. The figures are analytics/weekly_caseload.py's; this package only shows them."""
