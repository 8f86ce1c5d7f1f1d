"""Progress lines for the long commands (`all`, `reproduce`): what they do, how far."""

from __future__ import annotations


def say(message: str) -> None:
    """A progress line, flushed at once: under `make` stdout is a pipe and would hold it
    back until the job ends (and behind the output of the child processes)."""
    print(message, flush=True)
