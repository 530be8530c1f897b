from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    # An app (with no models) so that its templates and the `benchmark` command are found the
    # way Django finds every other app's.
    name = "stabilise.benchmarks"
    label = "benchmarks"
    verbose_name = "Benchmarks"
