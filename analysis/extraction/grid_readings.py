"""What the grid interpreter makes of a grid: table values, the ledger notes of the
numbers that are none, and the reading that holds both."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.extraction.grid import GridCell


@dataclass(frozen=True)
class TableValue:
    indicator_ids: tuple[str, ...]
    year: int
    comparator: str
    value: float
    upper: float | None
    unit: str
    span: tuple[int, int]  # raw span of the value
    name_span: tuple[int, int]
    attribute: str | None
    caption: str
    reader: str
    year_basis: str = "table_header"  # "default": a project table's period total
    kind: str | None = None  # "increase": a column of changes; None: from the codebook
    qualifier: str | None = None  # "年均": a column of yearly changes


@dataclass(frozen=True)
class CellNote:
    """A number in a grid that is not a value, and why (for the ledger)."""

    span: tuple[int, int]
    disposition: str
    reason: str


@dataclass
class GridReading:
    values: list[TableValue]
    notes: list[CellNote]
    read: bool  # a header with years was found
    problem: str | None = None
    header: list[GridCell] | None = None  # the header row used (for a table's continuation)
    # cells left to the prose binder: a project table's descriptions ("新建幼儿园12所，…")
    prose_spans: list[tuple[int, int]] = field(default_factory=list)
    # prose cells whose amounts are parts of a total stated above (a schedule's projects)
    part_spans: list[tuple[int, int]] = field(default_factory=list)
