"""The one table model every reader produces: a grid of cells with raw spans."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GridCell:
    text: str  # cleaned (NFKC, simplified, tags and entities removed)
    start: int  # raw span; start == end for an empty cell
    end: int


@dataclass
class Grid:
    reader: str  # which surface layout it came from (html, delimited, pipe_cells, column_blocks)
    caption: str
    start: int  # raw span of the whole table
    end: int
    rows: list[list[GridCell]] = field(default_factory=list)
    # numbers of the layout outside the rows, for the ledger: (span, disposition, reason)
    labels: list[tuple[tuple[int, int], str, str]] = field(default_factory=list)
    # raw starts of the name cells indented under a group row (a pivot table's items)
    indented: frozenset[int] = frozenset()

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)
