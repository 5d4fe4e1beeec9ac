"""Typed errors whose message is the one line a user sees (exit code 2)."""
from __future__ import annotations


class ExoreviewError(Exception):
    """A user-facing error: bad input, bad parameters or bad vocabulary."""

    exit_code = 2


class CorpusError(ExoreviewError):
    """The corpus path is missing, empty or holds no readable document."""


class VocabError(ExoreviewError):
    """A vocabulary YAML file is malformed or names an unknown key."""


class ParamsError(ExoreviewError):
    """A parameter set names an unknown field or value."""


class ReportError(ExoreviewError):
    """A notebook failed while building the reports."""

    exit_code = 1
