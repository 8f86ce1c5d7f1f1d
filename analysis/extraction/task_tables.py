"""A table of tasks ("目标任务分解表": 序号 | 重点任务 | 目标要求 | 牵头单位 | 完成时限) whose
target column holds sentences ("到2025年，毛入园率达到95%以上"; "新建幼儿园21所，新增学位
3,600个") rather than one value a cell.

Its cells are left to the prose binder, which reads them as any other sentence; a row's
deadline ("2023年底前", "2021—2025年") is the year of a value its cell does not date
itself. The same deadline column dates the description cells of a project table
("建设年限 2021—2024"). The row numbers and the deadlines are ledgered here.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_readings import CellNote, GridReading
from analysis.extraction.table_readers import NOT_STATED, VALUE_CELL

# the header of a column of target sentences
_TARGET_HEADERS = (
    "目标要求", "目标任务", "任务目标", "具体目标", "主要目标", "工作目标", "目标内容",
    "预期目标", "建设目标", "考核目标", "目标及要求", "主要内容", "工作内容", "任务内容",
    "具体任务", "建设内容", "主要建设内容", "工作要求", "具体措施", "目标指标",
)  # fmt: skip
# "整改目标", "整改措施", "推进目标": a short header ending so names target sentences too
_TARGET_ENDINGS = ("目标", "措施", "任务")
# the header of a column of completion times
_DEADLINE_HEADERS = (
    "完成时限", "完成时间", "完成期限", "完成年限", "时间节点", "完成节点", "时限", "时间要求",
    "时间安排", "进度安排", "建设年限", "实施年限", "建设期限", "建设周期", "起止年限",
    "实施期限", "实施时间", "建设时间", "起止时间", "计划完成时间", "计划完成", "完成日期",
    "计划完成日期", "结束时间", "截止时间",
)  # fmt: skip
# "整改时限", "办结时限": a short header ending so names completion times too
_DEADLINE_ENDINGS = ("时限", "期限", "时间节点")
_INDEX_HEADERS = ("序号", "编号", "序", "标识号", "任务编号", "ID", "WBS", "大纲数字")
# a project schedule (a Gantt chart's table: MS Project, WPS 项目): its task names hold the
# targets; its other columns are the schedule's (durations, dates, links, share done)
_TASK_NAME_HEADERS = ("任务名称", "任务", "工作任务", "任务项", "工作名称", "任务/里程碑")
_SCHEDULE_HEADERS = (
    "工期", "开始时间", "完成时间", "前置任务", "后续任务", "完成百分比", "资源名称",
    "实际开始时间", "实际完成时间", "计划开始", "计划完成", "计划开始时间", "计划完成时间",
    "大纲级别", "实际工期", "剩余工期", "工时", "进度", "完成进度", "负责人",
)  # fmt: skip
SCHEDULE_REASON = "a project schedule's duration, task link, share done or resource"
# "2023年底前", "2021—2025年", "2022年6月底前", "2024年底", "2021-2024", "2023年8月31日":
# the last year
_DEADLINE = re.compile(
    r"^(?:(?:19|20)\d\d年?(?:\d{1,2}月)?[—\-–~～至到])?((?:19|20)\d\d)年?(?:\d{1,2}月(?:\d{1,2}日)?)?"
    r"(?:底|末|年底|年末|上半年|下半年)?(?:前|以前|之前|起)?(?:完成)?$"
)
# one clause of a cell naming several deadlines, labelled or in the order of the targets:
# "大班额：2022年12月31日前；标准班额：2023年9月1日前", "2023年12月31日；2025年12月31日"
_CLAUSE_SEPARATOR = re.compile(r"[；;]")
_LABEL = re.compile(r"^(.{1,16}?)[:：](.*)$")
_REST_LABELS = ("其余", "其他", "其它", "其他任务", "其余任务")
# a note above a table dating one column: "“问题”栏数据均为2021年教育事业统计数"
_COLUMN_NOTE = re.compile(
    r"[“\"「『]([^”\"」』]{1,10})[”\"」』](?:栏|列)[^。；;\n]{0,6}?(?:均|皆|都)?(?:为|是|系)"
    r"((?:19|20)\d\d)\s*年"
)
# a sentence: a Chinese character and a digit ("新增学位3,600个")
_DATE_CELL = re.compile(
    r"^\s*(?:19|20)\d\d(?:年\d{1,2}月(?:\d{1,2}日)?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)"
)
_WBS = re.compile(r"^\d{1,3}(?:\.\d{1,3})*$")
# a task named by its year ("2021年度（新建学校2所…）"): its amounts are that year's own
_YEAR_FIRST = re.compile(r"^\s*(?:19|20)\d\d\s*年")
_SENTENCE = re.compile(r"[\u4e00-\u9fff].*\d|\d.*[\u4e00-\u9fff]")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _column(
    header: list[GridCell], words: tuple[str, ...], endings: tuple[str, ...] = ()
) -> int | None:
    for k, cell in enumerate(header):
        compact = _compact(cell.text)
        if compact in words or (compact.startswith(words) and len(compact) <= 8):
            return k
    for k, cell in enumerate(header):
        compact = _compact(cell.text)
        if endings and compact.endswith(endings) and len(compact) <= 6:
            return k
    return None


def _values_only(body: list[list[GridCell]], k: int) -> bool:
    cells = [row[k].text for row in body if k < len(row) and row[k].text not in NOT_STATED]
    return bool(cells) and all(VALUE_CELL.match(t) for t in cells)


def deadline_year(text: str) -> int | None:
    """The year a completion-time cell gives ("2023年底前" -> 2023; "2021—2025年" -> 2025)."""
    m = _DEADLINE.match(_compact(text))
    return int(m.group(1)) if m else None


def deadline_clauses(text: str) -> list[tuple[str, int]] | None:
    """The (label, year) of each deadline a completion-time cell names, in order, or None
    when a clause is not a deadline ("长期坚持")."""
    year = deadline_year(text)
    if year is not None:
        return [("", year)]
    clauses = []
    for part in _CLAUSE_SEPARATOR.split(text):
        if not part.strip():
            continue
        label, when = "", part
        m = _LABEL.match(part.strip())
        if m:
            label, when = _compact(m.group(1)), m.group(2)
        # "2023年、2025年12月31日前": the last year named
        year = deadline_year(re.split(r"[、，,和及]", _compact(when))[-1])
        if year is None:
            return None
        clauses.append((label, year))
    return clauses or None


def _common(a: str, b: str) -> int:
    """The length of the longest run of characters `a` and `b` share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _clause_years(target: str, clauses: list[tuple[str, int]]) -> list[tuple[int, int, int]]:
    """(start, end, year) of each clause of a target cell, given its row's deadlines: by
    the label a clause shares, else in order when the counts agree, else the rest's or the
    last deadline."""
    spans, at = [], 0
    for m in _CLAUSE_SEPARATOR.finditer(target + "；"):
        if target[at : m.start()].strip():
            spans.append((at, m.start()))
        at = m.end()
    rest = next((y for label, y in clauses if label in _REST_LABELS), clauses[-1][1])
    labelled = [(label, y) for label, y in clauses if label and label not in _REST_LABELS]
    out = []
    for n, (a, b) in enumerate(spans):
        text = _compact(target[a:b])
        scored = [
            (common, y)
            for label, y in labelled
            for part in label.split("、")
            if (common := _common(part, text)) >= max(2, (len(part) + 1) // 2)
        ]
        if scored:
            year = max(scored)[1]
        elif not labelled and len(spans) == len(clauses):
            year = clauses[n][1]
        else:
            year = rest
        out.append((a, b, year))
    return out


def column_note_years(note: str, header: list[GridCell]) -> dict[int, int]:
    """The columns a note above a table dates ("“问题”栏数据均为2021年…"): index -> year."""
    years = {}
    for m in _COLUMN_NOTE.finditer(note):
        for k, cell in enumerate(header):
            if _compact(cell.text) == _compact(m.group(1)):
                years[k] = int(m.group(2))
    return years


def read_task_table(grid: Grid, raw: str) -> GridReading | None:
    """A task table's reading (its cells left to prose, row numbers and deadlines ledgered),
    or None when the grid has no column of target sentences under a target header."""
    if len(grid.rows) < 2:
        return None
    header, body = grid.rows[0], grid.rows[1:]
    schedule = _schedule_columns(header)
    if schedule is not None:
        return _schedule_reading(grid, raw, *schedule)
    target = _column(header, _TARGET_HEADERS, _TARGET_ENDINGS)
    if target is None:
        return None
    cells = [row[target] for row in body if target < len(row) and row[target].text]
    sentences = [c for c in cells if _SENTENCE.search(c.text) and len(c.text) > 6]
    if not sentences or 2 * len(sentences) < len(cells):
        return None  # bare values under 目标: an indicator table for the interpreter
    index = _column(header, _INDEX_HEADERS)
    if any(_values_only(body, k) for k in range(len(header)) if k != index):
        return None  # a column of values (总投资): a project table for the interpreter
    notes, prose = [], []
    for row in body:
        for k, cell in enumerate(row):
            if not any(ch.isdigit() for ch in cell.text):
                continue
            if k == index:
                notes.append(CellNote((cell.start, cell.end), "section_number", "a row number"))
            else:
                prose.append((cell.start, cell.end))
    return GridReading([], notes, True, header=header, prose_spans=prose)


def _schedule_columns(header: list[GridCell]) -> tuple[int, int | None] | None:
    """(task name column, task id column) of a project schedule's header: a task name
    beside two or more of a schedule's own columns (工期, 开始时间, 前置任务 …)."""
    names = [_compact(c.text) for c in header]
    task = next((k for k, n in enumerate(names) if n in _TASK_NAME_HEADERS), None)
    if task is None or sum(1 for n in names if n in _SCHEDULE_HEADERS) < 2:
        return None
    return task, _column(header, _INDEX_HEADERS)


def _schedule_reading(grid: Grid, raw: str, task: int, index: int | None) -> GridReading:
    """A schedule's task names are prose; a task set in under another (a project under the
    programme, or under 2021年度) states parts of the amounts above it, unless it names
    its own year ("2021年度（…）": that year's amounts)."""
    notes, prose, parts = [], [], []
    body = grid.rows[1:]
    depths = _outline_levels(body, index) or [
        _indent(raw, row[task]) if task < len(row) else 0 for row in body
    ]
    shallowest = None  # the least depth of the tasks above (one pass, not a scan a row)
    for n, row in enumerate(body):
        for k, cell in enumerate(row):
            if not any(ch.isdigit() for ch in cell.text):
                continue
            if k == task:
                prose.append((cell.start, cell.end))
            elif k == index:
                notes.append(CellNote((cell.start, cell.end), "section_number", "a task's id"))
            elif _DATE_CELL.match(cell.text):
                notes.append(CellNote((cell.start, cell.end), "date", "a task's start or finish"))
            else:
                notes.append(CellNote((cell.start, cell.end), "schedule_field", SCHEDULE_REASON))
        under = shallowest is not None and shallowest < depths[n]
        if task < len(row) and under and not _YEAR_FIRST.match(row[task].text):
            parts.append((row[task].start, row[task].end))
        shallowest = depths[n] if shallowest is None else min(shallowest, depths[n])
    return GridReading([], notes, True, header=grid.rows[0], prose_spans=prose, part_spans=parts)


def _outline_levels(body: list[list[GridCell]], index: int | None) -> list[int] | None:
    """Each task's outline level from its WBS number ("1", "1.2", "1.2.3"), or None when
    the id column holds no such numbers (ids 1, 2, 3 say nothing of the outline)."""
    if index is None:
        return None
    codes = [row[index].text.strip() if index < len(row) else "" for row in body]
    if not all(_WBS.match(c) for c in codes) or not any("." in c for c in codes):
        return None
    return [c.count(".") for c in codes]


def _indent(raw: str, cell: GridCell) -> int:
    """How far a task's name is set in (its outline level): the spaces before it in its
    cell, after the tab or the line start."""
    start = max(raw.rfind("\n", 0, cell.start), raw.rfind("\t", 0, cell.start)) + 1
    lead = raw[start : cell.start]
    inside = raw[cell.start : cell.end]
    return (len(lead) if not lead.strip(" \u3000") else 0) + len(inside) - len(inside.lstrip())


def without_deadline_column(grid: Grid) -> Grid | None:
    """The grid without its column of completion times (ledgered as years), or None when
    it has none: "2021—2024年" in a row is a row's deadline, not a header naming a year."""
    if len(grid.rows) < 2:
        return None
    k = _column(grid.rows[0], _DEADLINE_HEADERS, _DEADLINE_ENDINGS)
    if k is None:
        return None
    body = [row[k] for row in grid.rows[1:] if k < len(row) and row[k].text not in NOT_STATED]
    if not body or not all(deadline_clauses(c.text) for c in body):
        return None  # not completion times after all ("长期", a sentence)
    labels = list(grid.labels) + [
        ((c.start, c.end), "year", "a completion time") for c in grid.rows[0][k : k + 1] + body
        if any(ch.isdigit() for ch in c.text)
    ]  # fmt: skip
    rows = [row[:k] + row[k + 1 :] for row in grid.rows]
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, labels)


class RowDeadlines:
    """The year of each prose cell (or clause of one) of the tables read, by raw position:
    its row's completion time, or the year a note above the table gives its column; and
    the cells whose amounts are parts of a total stated above them."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int, int, str]] = []  # (start, end, year, basis)
        self._sorted = True
        self._parts: list[tuple[int, int]] = []

    def add(self, grid: Grid, prose_spans: list[tuple[int, int]], note: str = "") -> None:
        """Date the cells of `prose_spans`: by their row's cell under a deadline header,
        clause by clause where it names several; a column a note dates, by that year."""
        if not prose_spans or not grid.rows:
            return
        header = grid.rows[0]
        noted = column_note_years(note, header) if note else {}
        k = _column(header, _DEADLINE_HEADERS, _DEADLINE_ENDINGS)
        if k is None and not noted:
            return
        wanted = set(prose_spans)
        for row in grid.rows[1:]:
            clauses = deadline_clauses(row[k].text) if k is not None and k < len(row) else None
            for n, c in enumerate(row):
                if (c.start, c.end) not in wanted:
                    continue
                if n in noted:
                    self._spans.append((c.start, c.end, noted[n], "column_note"))
                elif clauses and (len(clauses) == 1 or c.end - c.start != len(c.text)):
                    self._spans.append((c.start, c.end, clauses[-1][1], "deadline_column"))
                elif clauses:
                    self._spans += [
                        (c.start + a, c.start + b, y, "deadline_column")
                        for a, b, y in _clause_years(c.text, clauses)
                    ]
                self._sorted = False

    def add_parts(self, spans: list[tuple[int, int]]) -> None:
        """Cells whose amounts (counts, money) are parts of a total above them."""
        self._parts.extend(spans)
        self._parts.sort()

    def in_part(self, position: int) -> bool:
        i = bisect_right(self._parts, (position, float("inf"))) - 1
        return i >= 0 and self._parts[i][0] <= position < self._parts[i][1]

    def year_at(self, position: int) -> tuple[int, str] | None:
        """The (year, basis) of the cell or clause holding a raw position, or None."""
        if not self._spans:
            return None
        if not self._sorted:
            self._spans.sort()
            self._sorted = True
        i = bisect_right(self._spans, (position, float("inf"), 0, "")) - 1
        if i >= 0 and self._spans[i][0] <= position < self._spans[i][1]:
            return self._spans[i][2], self._spans[i][3]
        return None
