"""Reports: one sub-package per report, each rendering figures computed in analytics/."""
