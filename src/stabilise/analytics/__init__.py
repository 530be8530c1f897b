"""Every figure Stabilise shows, computed once, from Polars frames. Never imports Django."""
