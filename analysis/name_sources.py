"""Where the names of cities, indicators and themes are read: the built database, or the
registries before the first build. Both give the same entries for the same inputs."""

from __future__ import annotations

from pathlib import Path

import duckdb

from analysis.names import Named
from analysis.sources import load_sources


def _period(start, end) -> str:
    return str(start) if start == end else f"{start}-{end}"


def _city(row: dict) -> Named:
    return Named(
        row["city_id"],
        row["city_name_zh"],
        row["city_name_en"],
        details=(
            ("province", f"{row['province_zh']} {row['province_en']}"),
            ("document", row["document_type"]),
            ("period", _period(row["period_start"], row["period_end"])),
        ),
    )


def _in_registry_order(entries: list[Named], registry: Path) -> list[Named]:
    """Cities in the order plans were registered; any the registry no longer lists last,
    sorted (as report.city_order)."""
    order = {s.city_id: k for k, s in enumerate(load_sources(registry))}
    return sorted(entries, key=lambda e: (order.get(e.id, len(order)), e.id))


def from_database(kind: str, database: Path, registry: Path) -> list[Named]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        if kind == "city":
            cur = con.execute(
                "SELECT city_id, city_name_zh, city_name_en, province_zh, province_en, "
                "document_type, period_start, period_end FROM sources ORDER BY city_id"
            )
            columns = [d[0] for d in cur.description]
            rows = [dict(zip(columns, r, strict=True)) for r in cur.fetchall()]
            return _in_registry_order([_city(r) for r in rows], registry)
        if kind == "indicator":
            rows = con.execute(
                "SELECT indicator_id, name_zh, name_en, aliases, unit FROM indicators "
                "ORDER BY indicator_id"
            ).fetchall()
            return [
                Named(i, zh, en, tuple(a.split("|")) if a else (), (("unit", unit),))
                for i, zh, en, a, unit in rows
            ]
        rows = con.execute(
            "SELECT theme_id, name_zh, name_en FROM themes ORDER BY theme_id"
        ).fetchall()
        return [Named(*row) for row in rows]
    finally:
        con.close()


def from_registries(kind: str, registry: Path, codebook: Path, themes: Path) -> list[Named]:
    if kind == "city":
        return [_city(s.meta) for s in load_sources(registry)]
    if kind == "indicator":
        from analysis.codebook import load_codebook

        book = load_codebook(codebook)
        return [
            Named(i.indicator_id, i.name_zh, i.name_en, i.aliases, (("unit", i.unit),))
            for i in sorted(book.values(), key=lambda i: i.indicator_id)
        ]
    from analysis.themes import load_themes

    return [
        Named(t.theme_id, t.name_zh, t.name_en)
        for t in sorted(load_themes(themes).values(), key=lambda t: t.theme_id)
    ]
