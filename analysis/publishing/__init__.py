"""Crash-safe publishing of output files, with locking and repair of interrupted runs.

journal: publish a staged set all or none, and recover after a kill.
lock: one writer per output folder (readers share).
guard: what a command does first (lock, repair, clear leftovers) and output-path checks.
"""

from analysis.publishing.guard import (
    OutputPathError,
    check_database_path,
    check_output_folder,
    open_outputs,
)
from analysis.publishing.journal import PublishError, make_durable, publish
from analysis.publishing.lock import Busy

__all__ = [
    "Busy",
    "OutputPathError",
    "PublishError",
    "check_database_path",
    "check_output_folder",
    "make_durable",
    "open_outputs",
    "publish",
]
