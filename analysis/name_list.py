"""`python -m analysis list cities|indicators|themes`: the ids and names a request may use,
as aligned columns for a terminal (Chinese counted two columns wide) or as CSV."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from analysis import paths
from analysis.names import KINDS, Catalogue, load_catalogue

FORMATS = ("table", "csv")
_GAP = "  "


def rows(catalogue: Catalogue) -> list[list[str]]:
    """A header, then one row per entry: id, Chinese name, English name, its details."""
    detail_columns = [name for name, _ in catalogue.entries[0].details] if catalogue.entries else []
    header = ["id", "name_zh", "name_en", *detail_columns]
    return [header] + [
        [e.id, e.name_zh, e.name_en, *(value for _, value in e.details)] for e in catalogue.entries
    ]


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters (CJK) take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        for c in text
    )


def table(table_rows: list[list[str]]) -> str:
    widths = [max(display_width(r[k]) for r in table_rows) for k in range(len(table_rows[0]))]
    lines = []
    for row in table_rows:
        cells = [
            cell + " " * (width - display_width(cell))
            for cell, width in zip(row, widths, strict=True)
        ]
        lines.append(_GAP.join(cells).rstrip())
    return "\n".join(lines) + "\n"


def csv_text(table_rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table_rows)
    return out.getvalue()


def not_built(catalogue: Catalogue, registered: Catalogue) -> list[str]:
    """Ids in the registries that the database does not hold (the build is older)."""
    built = set(catalogue.ids)
    return [i for i in registered.ids if i not in built]


def listing(
    plural: str,
    fmt: str = "table",
    database: Path = paths.DATABASE,
    registry: Path = paths.SOURCES_YAML,
    codebook: Path = paths.CODEBOOK_YAML,
    themes: Path = paths.THEME_CODEBOOK_YAML,
) -> tuple[str, str]:
    """(the list, a note on where it was read and what it leaves out)."""
    kind = {p: k for k, p in KINDS.items()}[plural]
    where = {"registry": registry, "codebook": codebook, "themes": themes}
    catalogue = load_catalogue(kind, database, **where)
    text = table(rows(catalogue)) if fmt == "table" else csv_text(rows(catalogue))
    note = f"{len(catalogue.entries)} {plural}, read from {_shown(catalogue.origin)}"
    if Path(database).is_file():
        missing = not_built(catalogue, load_catalogue(kind, database, source="registries", **where))
        if missing:
            note += (
                f"; registered but not in the database: {', '.join(missing)} "
                "(run: python -m analysis build)"
            )
    else:
        note += f" ({_shown(database)} is not built yet: run python -m analysis build)"
    return text, note


def _shown(path: Path | str) -> str:
    """A path relative to the repository when it is inside it (the same on every machine)."""
    path = Path(path).resolve()
    return path.relative_to(paths.ROOT).as_posix() if path.is_relative_to(paths.ROOT) else str(path)
