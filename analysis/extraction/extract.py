"""One source: cleaned text -> table grids and prose -> observations and number ledger."""

from __future__ import annotations

from bisect import bisect_left

from analysis.chinese_years import with_arabic_years
from analysis.codebook import AliasMatcher, Indicator
from analysis.errors import LineNumbers
from analysis.extraction.area_columns import own_area_columns, whole_area_columns
from analysis.extraction.area_rows import own_area_row
from analysis.extraction.budget_tables import budget_execution
from analysis.extraction.caption_subjects import caption_subject
from analysis.extraction.coded_comparators import coded_comparators
from analysis.extraction.column_numbers import without_column_numbers
from analysis.extraction.data_year_notes import data_year
from analysis.extraction.evaluation import evaluated_year, letter_year, occasion_year
from analysis.extraction.field_years import REASON as FIELD_YEAR_REASON
from analysis.extraction.field_years import field_years
from analysis.extraction.forecasts import forecast_cells
from analysis.extraction.glued_units import split_glued_units
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import continues, role_year_header
from analysis.extraction.grid_interpreter import GridInterpreter
from analysis.extraction.headings import SectionTracker, framed_titles, heading_marks
from analysis.extraction.ledger import Ledger
from analysis.extraction.long_tables import pivot_long
from analysis.extraction.note_names import spelt_out_names
from analysis.extraction.numbered_wraps import join_numbered_wraps
from analysis.extraction.proposals import is_proposal, is_reply
from analysis.extraction.prose_binder import Context, ProseBinder
from analysis.extraction.read_tables import read_grids
from analysis.extraction.remark_cells import remark_spans
from analysis.extraction.sub_row_names import join_sub_row_names
from analysis.extraction.task_tables import (
    RowDeadlines,
    read_task_table,
    without_deadline_column,
)
from analysis.extraction.two_level_cells import split_two_level_cells
from analysis.extraction.wrapped_rows import join_rows_wrapped_below, join_wrapped_rows
from analysis.extraction.year_pair_cells import split_year_pair_cells
from analysis.extraction.year_subheaders import merged_year_row
from analysis.figure_labels import card_starts
from analysis.normalise import CleanText
from analysis.observations import Observation, SourceExtraction, observation_id, role_for_year
from analysis.rules import Rules
from analysis.sections import heading_line
from analysis.sources import Source

_NOTE_REACH = 1500  # how far above a table a note on its values may stand
_TASK_PART = "a task's amount, part of its summary task's total above it"


class Extractor:
    """The readers, compiled once for a build and used for every source."""

    def __init__(self, book: dict[str, Indicator], matcher: AliasMatcher, rules: Rules):
        self.book, self.rules = book, rules
        self.grids = GridInterpreter(book, matcher, rules)
        self.prose = ProseBinder(book, matcher, rules)
        # what a unit cell may hold: the table units and every quantity unit ("万人")
        self._unit_words = frozenset(rules.table_unit_cells) | frozenset(rules.quantity_units)

    def extract(self, source: Source, clean: CleanText) -> SourceExtraction:
        clean = with_arabic_years(clean)  # "二〇二三年" read as "2023年"
        result = SourceExtraction()
        ledger = Ledger(
            source.source_id, clean.raw, clean.debris, clean.struck, clean.translated, clean.margins
        )
        # the year a progress report reports on (None for a plan): its current-value columns
        # and its progress sections state that year's values
        evaluated = evaluated_year(
            str(source.meta.get("title_zh", "")),
            clean.paragraphs.text,
            int(source.meta["period_start"]),
            source.period_end,
        )
        # a speech at a year's conference reviews the year before it ("去年")
        occasion = occasion_year(
            clean.paragraphs.text, int(source.meta["period_start"]), source.period_end
        )
        if evaluated is None and occasion is not None:
            evaluated = occasion - 1
        deadlines = self._tables(source, clean, result, ledger, evaluated)
        self._prose(source, clean, result, ledger, deadlines, evaluated, occasion)
        ledger.sweep()
        result.ledger = ledger.rows
        return result

    # ------------------------------------------------------------ tables

    def _tables(self, source, clean, result, ledger, evaluated: int | None) -> RowDeadlines:
        raw = clean.raw
        deadlines = RowDeadlines()  # a task or project table's completion time a row
        previous: tuple[Grid, list[GridCell]] | None = None  # the last table read, its header
        for grid in read_grids(
            clean, self.rules.table_unit_cells, self.rules.table_attribute_cells
        ):
            dated = grid  # with its completion times, which date its rows' sentences
            grid = without_deadline_column(grid) or grid
            # one row per indicator and year ("JY01,学前三年毛入园率,2020,90.6,%,基期")
            grid = pivot_long(grid, raw[max(0, grid.start - _NOTE_REACH) : grid.start]) or grid
            grid = without_column_numbers(grid) or grid  # a form's "甲 乙 丙 1 2 3"
            grid = merged_year_row(grid) or grid  # "年度目标" over "2021年,…,2025年"
            grid = coded_comparators(grid, raw) or grid  # 填报说明: "代码04、05为下限值"
            # "新增学位建设情况": 学段 rows are parts of the caption's quantity, 合计 states it
            grid = caption_subject(grid, self.grids.caption_phrase) or grid
            grid = budget_execution(grid, evaluated) or grid  # 年初预算 | 决算数 | 完成预算%
            grid = (
                role_year_header(grid, source.baseline_year, source.period_end, evaluated) or grid
            )
            grid = spelt_out_names(grid, raw) or grid  # "注：毛入园率指学前三年毛入园率"
            own = source.meta.get("city_name_zh")
            grid = own_area_columns(grid, own) or whole_area_columns(grid, own) or grid
            grid = (
                own_area_row(grid, own, source.baseline_year, source.period_end, evaluated) or grid
            )
            grid = split_year_pair_cells(grid) or grid
            grid = split_two_level_cells(grid) or grid  # "2025年（预期|力争）": "≥96 | 98"
            grid = forecast_cells(grid) or grid  # 学龄人口预测, 学位供需测算
            grid = split_glued_units(grid, raw, self._unit_words) or grid
            grid = join_sub_row_names(grid) or grid  # "净入学率" over "小学", "初中"
            grid = join_numbered_wraps(grid, raw) or grid  # "2  普惠性…覆盖" over "率  %  82.1"
            grid = join_rows_wrapped_below(grid, raw) or join_wrapped_rows(grid, raw) or grid
            # a table of tasks with target sentences: its cells are prose
            reading = read_task_table(grid, raw) or self.grids.read(grid, source.period_end)
            if not reading.read and previous and continues(raw, *previous, grid):
                # a table broken by a page (running header, page number) or a stray line
                # goes on under the header of the part before it
                rows = [previous[1], *grid.rows]
                reading = self.grids.read(
                    Grid(grid.reader, grid.caption, grid.start, grid.end, rows), source.period_end
                )
                reading.notes[:] = [n for n in reading.notes if n.span[0] >= grid.start]
            if not reading.read:  # no years and no table above it: a list of projects?
                reading = self.grids.read(grid, source.period_end, projects=True)
            if reading.read and reading.header is not None:
                previous = (grid, reading.header)
            prose = reading.prose_spans + remark_spans(grid)  # "备注" cells are words
            result.table_spans.extend(_without_spans((grid.start, grid.end), prose))
            deadlines.add(dated, reading.prose_spans, raw[max(0, grid.start - 300) : grid.start])
            deadlines.add_parts(reading.part_spans)
            if not reading.read:
                result.unread_tables.append(
                    {
                        "source_id": source.source_id,
                        "char_start": grid.start,
                        "char_end": grid.end,
                        "line": ledger.lines.of(grid.start),
                        "reader": grid.reader,
                        "problem": reading.problem,
                        "quote": raw[grid.start : min(grid.end, grid.start + 120)],
                    }
                )
            for v in reading.values:
                made = []
                for iid in v.indicator_ids:
                    obs = self._observation(
                        source,
                        raw,
                        iid,
                        v.year,
                        v.comparator,
                        v.value,
                        v.upper,
                        v.kind or _table_kind(self.book[iid], v.upper),
                        v.unit,
                        "table",
                        v.span,
                        v.name_span,
                        v.year_basis,
                        v.caption,
                        caption=v.caption,
                        attribute=v.attribute,
                        lines=ledger.lines,
                    )
                    if v.qualifier:
                        obs.note = f"qualified by {v.qualifier}"
                    result.observations.append(obs)
                    made.append(obs)
                ledger.observed(v.span, made, f"table ({grid.reader})")
            for note in reading.notes:
                ledger.note(note.span, note.disposition, note.reason)
            for span, disposition, reason in grid.labels:
                ledger.note(span, disposition, reason)
        return deadlines

    # ------------------------------------------------------------ prose

    def _prose(self, source, clean, result, ledger, deadlines: RowDeadlines, evaluated, occasion):
        paras = clean.paragraphs
        skip = []
        for a, b in result.table_spans:
            lo, hi = bisect_left(paras.offsets, a), bisect_left(paras.offsets, b)
            if lo < hi:
                skip.append((lo, hi))
        tracker = SectionTracker()
        sections, pos = [], 0
        texts = paras.text.split("\n")
        framed = framed_titles(texts)
        raw = clean.raw
        marked = raw.startswith(("#", "=")) or "\n#" in raw or "\n==" in raw
        for index, para in enumerate(texts):
            line = heading_line(para, pos, paras.offsets, raw)
            marks = heading_marks(raw, paras.offsets[pos]) if marked and para else 0
            path = tracker.feed(line, index in framed, marks)
            sections.append((pos, pos + len(para), path))
            pos += len(para) + 1
        title = str(source.meta.get("title_zh", ""))
        # a target letter's year ("2023年度…目标责任书"): its 全年 and its targets with none
        letter = letter_year(title, int(source.meta["period_start"]), source.period_end)
        ctx = Context(
            baseline_year=source.baseline_year,
            period_end=source.period_end,
            period_start=int(source.meta["period_start"]),
            annual=source.meta.get("document_type") == "annual_work_plan",
            evaluated_year=evaluated,
            occasion_year=occasion or letter,
            own_area=str(source.meta.get("city_name_zh") or ""),
            proposal=is_proposal(title) or is_reply(title),
            reply=is_reply(title),
            data_year=data_year(paras.text) or letter,
            field_years=field_years(paras.text),
        )
        cards = card_starts(paras.text, paras.offsets, clean.raw)
        reading = self.prose.read(paras.text, skip, sections, ctx, cards)
        for b in reading.bound:
            q = b.quantity
            if b.alias.end <= q.start:
                quote = (b.alias.start, q.end)
            elif q.end <= b.alias.start:
                quote = (q.start, b.alias.end)
            else:
                quote = (q.start, q.end)
            if quote[1] - quote[0] > 80 or "\n" in paras.text[quote[0] : quote[1]]:
                # far apart, or in two paragraphs (a box between): the value alone
                quote = (q.start, q.end)
            comparator, value, upper = q.comparator or "=", q.value, q.upper
            if b.falls:  # "下降2个百分点以上": a change of -2 or less
                comparator, value, upper = _fallen(comparator, value, upper)
            if b.year_basis == "default":  # a value its cell leaves undated: the row's deadline
                due = deadlines.year_at(paras.raw_span(q.start, q.end)[0])
                if due is not None:
                    b.year, b.year_basis = due
            if b.kind == "cumulative" and deadlines.in_part(paras.raw_span(q.start, q.end)[0]):
                ledger.note(paras.raw_span(q.start, q.end), "part_of_total", _TASK_PART)
                continue
            made = []
            for iid in b.indicator_ids:
                obs = self._observation(
                    source,
                    clean.raw,
                    iid,
                    b.year,
                    comparator,
                    value,
                    upper,
                    b.kind,
                    b.unit,
                    "prose",
                    paras.raw_span(*quote),
                    paras.raw_span(b.alias.start, b.alias.end),
                    b.year_basis,
                    b.section,
                    lines=ledger.lines,
                )
                if b.qualifier:
                    obs.note = f"qualified by {b.qualifier}"
                result.observations.append(obs)
                made.append(obs)
            ledger.observed(paras.raw_span(q.start, q.end), made, "prose")
        field_digits = {at for _, _, _, at in ctx.field_years}
        for q, disposition, why in reading.notes:
            if q.unit_token == "倍" and q.chinese and q.num_start == q.start:
                continue  # 翻一番 found by the binder, not a written number
            if q.start in field_digits:  # "| 统计年份 = 2022": no value, its record's year
                disposition, why = "year", FIELD_YEAR_REASON
            ledger.note(paras.raw_span(q.start, q.end), disposition, why)

    def _observation(
        self,
        source,
        raw,
        iid,
        year,
        comparator,
        value,
        upper,
        kind,
        unit,
        method,
        span,
        label_span,
        basis,
        section,
        caption=None,
        attribute=None,
        *,
        lines: LineNumbers,
    ) -> Observation:
        start, end = span
        return Observation(
            observation_id=observation_id(source.city_id, iid, year, start),
            source_id=source.source_id,
            city_id=source.city_id,
            indicator_id=iid,
            year=year,
            role=role_for_year(year, source, self.rules.midpoint_year),
            comparator=comparator,
            value=value,
            value_upper=upper,
            value_kind=kind,
            unit=unit,
            method=method,
            char_start=start,
            char_end=end,
            quote=raw[start:end],
            label_start=label_span[0] if label_span else None,
            label_end=label_span[1] if label_span else None,
            label_quote=raw[label_span[0] : label_span[1]] if label_span else None,
            line=lines.of(start),
            year_basis=basis,
            section=section,
            table_caption=caption,
            attribute=attribute,
        )


def _without_spans(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A table's span minus the cells the prose binder reads."""
    out, pos = [], span[0]
    for a, b in sorted(holes):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < span[1]:
        out.append((pos, span[1]))
    return out


# a comparator of a fall's size, turned round for the (negative) change
_TURNED = {">=": "<=", "<=": ">=", ">": "<", "<": ">"}


def _fallen(comparator: str, value: float, upper: float | None) -> tuple:
    """A fall of `value` (to `upper`) as a negative change: "下降3—5个百分点" is -5 to -3."""
    if upper is not None:
        return comparator, -upper, -value
    return _TURNED.get(comparator, comparator), -value, None


def _table_kind(indicator: Indicator, upper: float | None) -> str:
    """A table cell states a level, unless the indicator is a flow by definition (places
    added, teachers recruited): then the cell is that year's or the period's amount."""
    if indicator.value_kind == "cumulative":
        return "cumulative"
    return "range" if upper is not None else "level"
