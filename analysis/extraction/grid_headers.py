"""The shape of a grid before it is read: which row is the header and what its cells
name (years, period totals, columns of changes, name/unit/attribute/category roles), and
the layouts mended into one header and aligned rows (a header on two lines, header words
spaced out, two tables side by side, a blank leading category column, a transposed grid).
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.named_periods import period_end

YEAR_HEADER = re.compile(
    r"^(?:(?:\d{1,2}|[一二三四五六七八九十]+)[.、])?\s*((?:19|20)\d\d)\s*年?\s*"
    r"[^\d()（）]{0,6}\s*(?:[(（][^)）]*[)）])?$"
)
# a label before the year: "基期值（2020年）", "“十三五”末(2020年)", "中期值 2023年"
_LABELLED_YEAR = re.compile(
    r"^[^\d()（）]{1,8}?\s*[(（]?\s*((?:19|20)\d\d)\s*年?(?:末|底)?\s*[)）]?\s*"
    r"(?:[(（][^)）\d]*[)）])?$"
)
# the plan cited before the year: "《规划》2025年目标" (a word after the year too)
_CITED_YEAR = re.compile(r"^《[^》\d]{1,12}》\s*((?:19|20)\d\d)\s*年?(?:末|底)?[^\d()（）]{0,4}$")
# the year line of a header written on two lines: "（2020年）"
_BARE_YEAR = re.compile(r"^[(（]?\s*((?:19|20)\d\d)\s*年?(?:末|底)?\s*[)）]?$")
# "任务": a table of the year's tasks, one value each ("序号 | 任务 | 目标值 | 责任单位 | 完成时限")
NAME_HEADERS = ("指标", "项目", "名称", "内容", "任务", "重点任务", "主要任务", "工作任务")
# "考核指标", "监测指标名称": a name column's header ending on 指标
NAME_HEADER_END = re.compile(r"^[^\d\s]{1,4}指标(?:名称)?$")
# a target letter's scoring rule beside each row ("每低1个百分点扣0.5分"): no values
RULE_HEADER = re.compile(
    r"^(?:评分|扣分|计分|考核|评价|考评)(?:标准|办法|方法|细则|规则|说明|依据)$"
)
RULE_REASON = "a scoring rule (评分标准), not a value"
UNIT_HEADERS = ("单位", "计量单位", "计量")  # "计量" over "单位": a header on two lines
ATTRIBUTE_HEADERS = ("属性", "性质", "类型")
INDEX_HEADERS = ("序号", "编号", "位次", "排名", "名次")  # (a rank orders the rows too)
# a statistics form's row codes ("代码 01, 02 …"): no values
CODE_HEADERS = ("代码", "指标代码", "编码", "行次", "行号")
# a column of dates beside the values (an online table's 截止日期, 更新时间): no values
DATE_HEADER = re.compile(r"^(?:截止|截至|更新|填报|计划完成|完成)?(?:日期|时间)$")
# a column of each row's progress to its target (进度 %, 完成进度): a share of the target
# the table computes, no indicator's value
PROGRESS_HEADER = re.compile(
    r"^(?:完成|推进|目标|监测|实施|序时|时序)?进度(?:[(（]?%[)）]?|[(（]%[)）])?$"
)
# a column of comparators beside the target ("比较": ≥, 约, 以上; rules' comparator_cells)
COMPARATOR_HEADERS = ("比较", "比较符", "比较关系")
# a comparator in a column header's bracket ("目标值（≥）")
HEADER_COMPARATOR = re.compile(r"[(（]\s*([^()（）\s\d]{1,3})\s*[)）]\s*$")
CATEGORY_HEADERS = ("类别", "领域", "分类", "类型")
# a self-evaluation's points beside its values (分值, 得分, 权重): no values
SCORE_HEADER = re.compile(
    r"^(?:分值|得分|权重|评分|分数|标准分|(?:自评|标准化|加权|综合|考核|评价)得分|指数|监测指数)"
    r"(?:[(（].{0,4}[)）])?$"
)
SCORE_REASON = "a self-evaluation's points or weight (分值, 得分), not a value"
# a consultation's column of the comments received ("意见建议", "修改意见")
COMMENT_HEADER = re.compile(
    r"^(?:主要|具体)?(?:意见建议|意见和建议|意见及建议|建议意见|意见|建议|意见内容|建议内容"
    r"|修改意见|反馈意见|修改建议|意见摘要|建议摘要)$"
)
COMMENT_REASON = "in a comment on the plan (意见建议 column): the commenter's number"


_PERIOD_TOTAL = re.compile(
    r"^[“\"]?(?:十[一二三四五]五[”\"]?(?:时期|期间)?|(?:19|20)\d\d\s*[—\-~～至到]\s*((?:19|20)\d\d)\s*年?)"
    r"\s*(?:累计|合计|总计|期间)(?:值|数)?\s*$"
)


def period_total_year(text: str, period_end: int | None) -> int | None:
    """A column of totals over the period ("“十四五”累计", "2021—2025年累计"): the year
    the span ends (the plan's period end when the span is named in words)."""
    m = _PERIOD_TOTAL.match(text.replace(" ", ""))
    if m is None:
        return None
    return int(m.group(1)) if m.group(1) else period_end


# a bare total column after the year columns ("合计", "总计", "小计"): the sum of the years
# before it, so its year is the last of them
TOTAL_HEADER = re.compile(r"^(?:合计|总计|小计|累计)(?:值|数)?\s*(?:[(（][^)）]{0,6}[)）])?$")


# a column of changes over the span of the year columns before it: "增减（百分点）", "提高"
CHANGE_HEADER = re.compile(
    r"^(?:增减|增幅|增长|变化|提高|增加|变动)(?:值|量|幅度|情况)?\s*(?:[(（][^)）]{0,6}[)）])?$"
    # a 纲要's "年均增长/[累计]": a yearly rate, or in brackets the five-year total
    r"|^年均(?:增长|增速)率?\s*[/／、]?\s*[(（〔\[［]\s*累计\s*[)）〕\]］]$"
    r"|^年均(?:增长|增速|增幅|提高|增加)(?:率|值|幅度)?\s*(?:[(（][^)）]{0,6}[)）])?$"
)
# a change column of yearly rates ("年均增长"): its increases are qualified as a prose
# "年均增长5%" is (the value is a year's change, the year the last year column's)
YEARLY_CHANGE_HEADER = re.compile(r"^年均(?!.*累计)")
_CHANGE_WORD = re.compile(r"提高|增加|提升|增长|增减")
_CHANGE_BASIS = re.compile(r"百分点|(?:比|较)\s*(?:19|20)\d\d")


def names_a_change(name: str) -> bool:
    """ "示范园占比（比2020年提高，百分点）", "毛入园率提高（百分点）": a row of changes."""
    return bool(_CHANGE_WORD.search(name) and _CHANGE_BASIS.search(name))


# a column of checkpoints inside the year or the period: a quarter ("一季度", "第二季度",
# "Q3", "三季度末"), a half ("上半年"), months ("1—6月", "9月底前"); its cells are progress
# towards the row's target, not values of their own
MILESTONE_HEADER = re.compile(
    r"^(?:第?[一二三四1-4]季度末?|Q[1-4]|上半年|下半年|前三季度"
    r"|(?:[1-9]|1[0-2])(?:[—\-~至到](?:[1-9]|1[0-2]))?月(?:底|末)?前?)(?:进度|目标|节点)?$"
)
MILESTONE_REASON = "a checkpoint inside the year (一季度…四季度), progress towards the row's target"


# every header word a spaced-out header cell may be
HEADER_WORDS = frozenset(
    NAME_HEADERS + UNIT_HEADERS + ATTRIBUTE_HEADERS + INDEX_HEADERS + CATEGORY_HEADERS
)
# ... and the words a spaced table spaces out in any row ("年　度", "备　注", "合　计")
SPACED_WORDS = HEADER_WORDS | {"年度", "年份", "备注", "说明", "合计", "总计", "小计"}


def join_spaced_words(row: list[GridCell], words=HEADER_WORDS) -> list[GridCell]:
    """The row with each header word spaced out into one-character cells ("指", "标")
    made one cell again ("指标")."""
    merged: list[GridCell] = []
    for c in row:
        prev = merged[-1] if merged else None
        one_char_each = prev is not None and len(prev.text) == len(c.text) == 1
        if one_char_each and prev.text + c.text in words:
            merged[-1] = GridCell(prev.text + c.text, prev.start, c.end)
            continue
        merged.append(c)
    return merged


def merge_spaced_header(grid: Grid) -> Grid:
    """ "指　　标": a header word spaced out across the column, split by a spaced reader
    into "指" and "标"; the two one-character cells become the word again."""
    for r, row in enumerate(grid.rows[:4]):
        if not any(header_year(c.text) for c in row):
            continue
        merged = join_spaced_words(row)
        if len(merged) < len(row):
            rows = [*grid.rows[:r], merged, *grid.rows[r + 1 :]]
            return Grid(grid.reader, grid.caption, grid.start, grid.end, rows)
    return grid


# "“十三五”末", "“十四五”期末目标值", "“十三五”完成", "“十四五”目标": the end of a
# five-year plan named in words (what the plan achieved or aims at by then)
_PERIOD_END = re.compile(
    r"^[“\"]?十([一二三四五])五[”\"]?(?:末|期末|时期|期间)?"
    r"(?:(?:完成|实现|达到)(?:值|数|情况)?|(?:规划)?目标值?|预期值?|实际值?|值|数)"
    r"\s*(?:[(（][^)）\d]*[)）])?$"
    r"|^[“\"]?十([一二三四五])五[”\"]?(?:末|期末)\s*(?:[(（][^)）\d]*[)）])?$"
)
_BARE_PERIOD = re.compile(r"^[“\"]?十([一二三四五])五[”\"]?$")


def header_year(text: str) -> int | None:
    """The year a header cell names, or None: "2020年", "2025年目标值", "基期值(2020年)",
    "“十四五”末" (the N-th five-year plan ends in 1955 + 5N: the 14th in 2025)."""
    year = _written_year(text)
    if year is not None:
        return year
    p = _PERIOD_END.match(text.replace(" ", ""))
    return period_end(p.group(1) or p.group(2)) if p else None


def bare_period_year(text: str, header: list[GridCell]) -> int | None:
    """A bare "十三五" over a column beside columns of years: the period's total or its end
    (a printed frame's "十三五 | 2021 | 2022 | 十四五目标"), both dated by its last year.
    Alone it names no year: a header "“十四五”" may head a column of tasks."""
    p = _BARE_PERIOD.match(text.replace(" ", ""))
    if p is None or not any(header_year(c.text) for c in header):
        return None
    return period_end(p.group(1))


def first_body_row(rows: list[list[GridCell]]) -> int:
    """The row after a header row holding a year among the first three, else 0."""
    return next(
        (r + 1 for r, row in enumerate(rows[:3]) if any(header_year(c.text) for c in row)), 0
    )


def _written_year(text: str) -> int | None:
    m = (
        YEAR_HEADER.match(text)
        or _LABELLED_YEAR.match(text)
        or _BARE_YEAR.match(text)
        or _CITED_YEAR.match(text)
    )
    return int(m.group(1)) if m else None


def _spanned_slots(top: list[GridCell], below: list[GridCell]) -> list[int]:
    """The columns of the year line's years, when each stands under a label naming no year
    or under an empty cell right of one: a label spanning several columns above their
    years, written once ("\\multicolumn{2}{c}{指标值}" over "2020年 & 2025年")."""
    if len(below) != len(top):
        return []
    slots = [k for k, c in enumerate(below) if c.text and _BARE_YEAR.match(c.text)]
    for k in slots:
        label = next((j for j in range(k, -1, -1) if top[j].text), None)
        if label is None or _written_year(top[label].text) is not None:
            return []
        if label != k and any(below[j].text for j in range(label, k) if j not in slots):
            return []
    return slots


def merge_two_line_header(grid: Grid) -> Grid:
    """A header on two lines, labels above and years below ("“十三五”末" over "（2020年）"):
    one header row whose year cells carry both, so the rest of the interpreter is unchanged.

    The year line's cells are matched in order to the label line's cells that are not
    name, unit, attribute, category or row-number columns and name no year yet. The year
    line may also hold short labels under columns that have their year ("2020年" over
    "现状值" beside "“十四五”目标" over "2025年"): they add nothing."""
    for r in range(min(3, len(grid.rows) - 1)):
        top, below = grid.rows[r], grid.rows[r + 1]
        copied = _rowspan_copies(top, below)
        if copied:
            # HTML's rowspan gives both lines the cells spanning them ("指标", "2020年基期"):
            # the cells that differ are a spanning label's years ("监测值" over "2021年")
            merged = [below[k] if k in copied else c for k, c in enumerate(top)]
            rows = [*grid.rows[:r], merged, *grid.rows[r + 2 :]]
            return Grid(grid.reader, grid.caption, grid.start, grid.end, rows)
        year_cells = [c for c in below if c.text and _BARE_YEAR.match(c.text)]
        labels = [c for c in below if c.text and not _BARE_YEAR.match(c.text)]
        if not year_cells or not all(_is_year_label(c.text) for c in labels):
            continue
        if labels and not any(_written_year(c.text) for c in top):
            continue  # labels below labels: not a year line
        # "“十三五”末" over "（2020年）" is merged; "2020年" has its year already
        slots = [
            k
            for k, c in enumerate(top)
            if c.text and not _is_role_header(c.text) and _written_year(c.text) is None
        ]
        spanned = len(slots) != len(year_cells)
        if spanned:
            # "指标值" spanning "2020年" and "2025年": the years say it all
            slots = _spanned_slots(top, below)
            if len(slots) != len(year_cells):
                continue
        merged = list(top)
        for k, c in zip(slots, year_cells, strict=True):
            merged[k] = GridCell(c.text if spanned else f"{top[k].text}{c.text}", c.start, c.end)
        rows = [*grid.rows[:r], merged, *grid.rows[r + 2 :]]
        return Grid(grid.reader, grid.caption, grid.start, grid.end, rows)
    return grid


def _rowspan_copies(top: list[GridCell], below: list[GridCell]) -> set[int]:
    """The columns where the year line differs from the label line above it, when the two
    share their other cells (spanned by both) and each differing cell below is a year
    under a label naming none; empty otherwise."""
    if len(top) != len(below) or len(top) < 3:
        return set()
    differ = {k for k, (a, b) in enumerate(zip(top, below, strict=True)) if a.text != b.text}
    shared = len(top) - len(differ)
    if not differ or shared < 2 or not any(_written_year(c.text) for c in below if c.text):
        return set()
    for k in differ:
        if not (below[k].text and _BARE_YEAR.match(below[k].text)):
            return set()
        if not top[k].text or _written_year(top[k].text) is not None:
            return set()
    return differ


def _is_year_label(text: str) -> bool:
    """A short label without digits under a year column ("现状值", "基期", "目标值")."""
    return len(text) <= _YEAR_LABEL_LONGEST and not any(ch.isdigit() for ch in text)


_YEAR_LABEL_LONGEST = 6


def continues(raw: str, previous: Grid, header: list[GridCell], grid: Grid) -> bool:
    """Is `grid` (no header of its own) the rest of `previous`, cut by page debris?

    Same number of columns, and between them at most four short lines that are not
    sentences (a page number, a running title, one character of a vertical category)."""
    if grid.start < previous.end or not header or grid.width != len(header):
        return False
    between = [ln.strip() for ln in raw[previous.end : grid.start].splitlines()]
    between = [ln for ln in between if ln]
    return len(between) <= 4 and all(len(ln) <= 40 and ln[-1] not in "。；;：:" for ln in between)


def side_by_side(grid: Grid, h: int) -> list[Grid]:
    """ "指标|2020年|2025年|指标|2020年|2025年": two tables printed side by side, cut at
    each name column that has year columns after it; one grid when there is one table."""
    header = grid.rows[h]
    names = [k for k, c in enumerate(header) if _is_name_header(c.text)]
    cuts = [k for k in names if any(header_year(c.text) for c in header[k + 1 :])]
    if len(cuts) < 2 or cuts[0] > 1:
        return [grid]
    bounds = [*cuts[1:], grid.width]
    halves = []
    for lo, hi in zip([0, *cuts[1:]], bounds, strict=True):
        rows = [row[lo:hi] for row in grid.rows]
        halves.append(Grid(grid.reader, grid.caption, grid.start, grid.end, rows))
    return halves


def _is_name_header(text: str) -> bool:
    """A name column's header: "指标", "项目名称", not "指标属性（约束性/预期性）"."""
    compact = re.sub(r"[(（].*", "", text.replace(" ", ""))
    return any(compact.startswith(w) for w in NAME_HEADERS) and not any(
        compact.endswith(w) for w in ATTRIBUTE_HEADERS + UNIT_HEADERS
    )


def _is_role_header(text: str) -> bool:
    compact = text.replace(" ", "")
    words = NAME_HEADERS + UNIT_HEADERS + ATTRIBUTE_HEADERS + INDEX_HEADERS + CATEGORY_HEADERS
    return any(compact.startswith(w) for w in words)


def pad_blank_leading(row: list[GridCell], header: list[GridCell], roles: dict) -> list:
    """A row one or two cells short whose missing cells are the header's leading category
    or row-number columns (left blank, the spaced reader drops leading spaces): shifted
    right so its cells stand under their headers."""
    lead = 0
    while lead < len(header) and lead in (roles.get("category"), roles.get("index")):
        lead += 1
    short = len(header) - len(row)
    if not 0 < short <= lead or len(row) < 2:
        return row
    at = row[0].start
    return [GridCell("", at, at)] * short + row


def transpose(grid: Grid) -> Grid:
    width = grid.width
    empty = GridCell("", grid.start, grid.start)
    rows = [[r[k] if k < len(r) else empty for r in grid.rows] for k in range(width)]
    return Grid(grid.reader + "_transposed", grid.caption, grid.start, grid.end, rows)


_YEAR_LABELLED_CELL = re.compile(r"^((?:19|20)\d\d)\s*年?(?:末|底)?\s*[:：]\s*(\S.*)$")


def labelled_year_cells(grid: Grid) -> Grid | None:
    """ "学前三年毛入园率  2020年：88.5%  2025年：92%": no header, each value cell labels its
    own year. A grid with a header row of those years (the first label of each year; the
    others are its labels for the ledger), the name cell first, or None for another layout."""
    columns: dict[int, GridCell] = {}  # year -> the label cell that heads its column
    labels = []
    rows = []
    for row in grid.rows:
        name, cells = None, {}
        for c in row:
            m = _YEAR_LABELLED_CELL.match(c.text)
            if m is None:
                if name is not None and c.text:
                    return None  # two unlabelled cells: not this layout
                name = name or (c if c.text else None)
                continue
            year = int(m.group(1))
            label = _part(c, m.start(1), m.end(1))
            if year in columns:
                labels.append(((label.start, label.end), "table_header", "a cell's year label"))
            else:
                columns[year] = GridCell(f"{year}年", label.start, label.end)
            cells[year] = _part(c, m.start(2), m.end(2))
        if cells and name is None:
            return None
        if name is not None:
            rows.append((name, cells))
    if len(columns) < 1 or sum(1 for _, cells in rows if cells) < 2:
        return None
    years = sorted(columns)
    header = [GridCell("指标", grid.start, grid.start), *(columns[y] for y in years)]
    body = [
        [name, *(cells.get(y, GridCell("", name.end, name.end)) for y in years)]
        for name, cells in rows
    ]
    return Grid(grid.reader, grid.caption, grid.start, grid.end, [header, *body], labels)


def _part(cell: GridCell, a: int, b: int) -> GridCell:
    """Characters [a, b) of a cell's text, with their raw span when the raw text is the
    cell's text (else the whole cell's span)."""
    if cell.end - cell.start == len(cell.text):
        return GridCell(cell.text[a:b], cell.start + a, cell.start + b)
    return GridCell(cell.text[a:b], cell.start, cell.end)


_OTHER_AREA = re.compile(r"全省|全国|省(?:平均|均值)|国家(?:平均|标准)")


def names_other_area(header: list[GridCell], sub: list[GridCell], k: int) -> bool:
    """Column k's header, or the cell under it in a sub-header of words (aligned right: a
    row that starts with a bar drops its empty first cell), names another area."""
    at = k - (len(header) - len(sub))
    texts = [header[k].text] + ([sub[at].text] if sub and 0 <= at < len(sub) else [])
    return any(_OTHER_AREA.search(t) for t in texts)


# the second level of a two-level target ("预期目标 | 力争目标", "底线目标 | 奋斗目标")
_ASPIRED = re.compile(r"力争|奋斗|争取|挑战")


def stretched_years(
    header: list[GridCell], sub: list[GridCell], years: dict[int, int], taken: set[int]
) -> dict[int, int]:
    """Columns with a blank header right after a year column, each with a label under it
    in the sub-header of words: the year cell spanned them before the table was flattened
    ("2025年 | " over "预期目标 | 力争目标"), so they hold values of that year. `taken`:
    columns with a role. A sub-column named 其中… is a part, not a second value."""
    out: dict[int, int] = {}
    if not sub:
        return out
    shift = len(header) - len(sub)
    for k, year in years.items():
        j = k + 1
        while (
            j < len(header)
            and not header[j].text
            and j not in taken
            and j not in years
            and 0 <= j - shift < len(sub)
            and sub[j - shift].text
            and not sub[j - shift].text.startswith("其中")
            and 0 <= k - shift < len(sub)
            and sub[k - shift].text
        ):
            out[j] = year
            j += 1
    return out


def aspired_columns(header: list[GridCell], sub: list[GridCell], years: dict[int, int]) -> set:
    """Year columns whose header or sub-header names a target's second level (力争目标)."""
    shift = len(header) - len(sub)
    return {
        k
        for k in years
        if _ASPIRED.search(header[k].text)
        or (sub and 0 <= k - shift < len(sub) and _ASPIRED.search(sub[k - shift].text))
    }


# columns named by their role instead of their year: the baseline ("基期值", "现状值",
# "上年完成") and the target ("目标值", "“十四五”目标", "今年目标")
_BASE_ROLE = re.compile(
    r"^(?:基期|基准|现状|上年|去年|上一年)(?:值|数|水平)?(?:完成|实际)?(?:值|数|情况)?$"
)
# a progress report's column of the year it reports on ("当前值", "监测值", "实际完成值")
CURRENT_ROLE = re.compile(r"^(?:当前|最新|监测|实际|实际完成|完成)(?:值|数)$")
_TARGET_ROLE = re.compile(
    r"^(?:[“\"]?十[一二三四五]五[”\"]?|规划|期末|今年|本年|年度|全年)?(?:目标|预期|计划)(?:值|数)?$"
    r"|^规划(?:值|数)$"  # "现状值|规划值": the plan's value is its target
    # a 绩效 table's "年度指标值" (beside "实际完成值"): the year's target
    r"|^(?:年度|全年|本年)?指标值$"
)


_THIS_YEAR_TARGET = re.compile(r"^(?:今年|本年|年度|全年)")


def _caption_year(caption: str, end: int) -> int | None:
    """The one year a table's caption names ("2023年主要目标任务一览表"), or the plan's
    end when it names the plan's period ("“十四五”主要任务量化指标", `end` 2025), else None."""
    years = set(re.findall(r"(?<!\d)((?:19|20)\d\d)\s*年(?![—\-–~～至到])", caption))
    if len(years) == 1 and not re.search(r"\d\s*[—\-–~～至到]", caption):
        return int(years.pop())
    named = _PLAN_PERIOD.search(caption) if not years else None
    return end if named is not None and period_end(named.group(1)) == end else None


_PLAN_PERIOD = re.compile(r"十([一二三四五])五")


def role_year_header(
    grid: Grid, baseline: int, end: int, current: int | None = None
) -> Grid | None:
    """A header naming a column by its role ("指标|基期值|目标值", "指标|2022年完成|今年目标"):
    the same grid with that cell naming the registry's baseline or end year, and a current
    value's column ("当前值") the year a progress report reports on (`current`, if any).
    With no year cell at all, both a baseline and a later target column are needed, or a
    target column under a caption naming one year."""
    for r, row in enumerate(grid.rows[:3]):
        # (a comparator in a bracket is not part of the role: "目标值（≥）")
        texts = [HEADER_COMPARATOR.sub("", c.text.replace(" ", "")) for c in row]
        years = {y for t in texts if (y := header_year(t))}
        base = [k for k, t in enumerate(texts) if _BASE_ROLE.match(t)]
        target = [k for k, t in enumerate(texts) if _TARGET_ROLE.match(t)]
        if not (base or target or years):
            # "指标 | 标准值 | 实际值 | 是否达标" under "（2022年）": the actual values are the
            # year's the caption names (else the report's)
            now = [k for k, t in enumerate(texts) if CURRENT_ROLE.match(t)]
            year = _caption_year(grid.caption, end) if len(now) == 1 else None
            year = year if year is not None and year < end else current if now else None
            if len(now) == 1 and year is not None:
                header = list(row)
                c = row[now[0]]
                header[now[0]] = GridCell(f"{year}年（{c.text}）", c.start, c.end)
                rows = [*grid.rows[:r], header, *grid.rows[r + 1 :]]
                return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, grid.labels)
        if len(base) > 1 or len(target) > 1 or not (base or target):
            if years:
                return None
            continue
        captioned = _caption_year(grid.caption, end) if target and not base and not years else None
        if captioned is None and target and not base and not years:
            # "全年目标", "今年目标": the column names the plan's own year (an annual plan's)
            captioned = end if _THIS_YEAR_TARGET.match(texts[target[0]]) else None
        if not years and not (base and target and base[0] < target[0]) and captioned is None:
            continue
        header = list(row)
        # a lone target column under a caption naming one year ("2023年主要目标任务一览表")
        # is that year's
        now = [k for k, t in enumerate(texts) if CURRENT_ROLE.match(t)] if current else []
        for ks, year in ((base, baseline), (target, captioned or end), (now, current)):
            for k in ks:
                if year not in years:
                    # "目标值（≥）" -> "2025年目标值（≥）": the comparator stays the one bracket
                    bracket = HEADER_COMPARATOR.search(row[k].text)
                    label = (
                        f"{year}年（{row[k].text}）"
                        if bracket is None
                        else f"{year}年{texts[k]}{bracket.group().strip()}"
                    )
                    header[k] = GridCell(label, row[k].start, row[k].end)
        if header == list(row):
            return None
        rows = [*grid.rows[:r], header, *grid.rows[r + 1 :]]
        return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, grid.labels)
    return None
