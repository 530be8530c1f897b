"""Stabilise: recruit and keep children's social workers."""

__version__ = "0.1.0"
