"""What each city talks about that the others do not: distinctive vocabulary.

Words come from jieba (its dictionary ships in the package; the theme keywords and the
indicator aliases are added to it so that 普惠性幼儿园覆盖率 or 县管校聘 stay one token).
Each city's counts are compared with those of all other cities by the weighted log-odds
ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn (2008, "Fightin'
Words", Political Analysis 16(4): 372-403, section 3.5): for word w, city i and the rest j,

    alpha_w = alpha_0 * y_w / n                      (prior: the word's corpus-wide share)
    delta_w = log((y_wi + alpha_w) / (n_i + alpha_0 - y_wi - alpha_w))
            - log((y_wj + alpha_w) / (n_j + alpha_0 - y_wj - alpha_w))
    var_w   = 1 / (y_wi + alpha_w) + 1 / (y_wj + alpha_w)
    z_w     = delta_w / sqrt(var_w)

y counts, n token totals. A positive z means the city uses the word more than the others,
beyond what its frequency makes likely by chance. Every term shown comes with the first
sentence that uses it and that sentence's span in the raw file.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from analysis import paths
from analysis.normalise import clean
from analysis.validation import load_checked

# a token worth counting: two or more characters, at least one a CJK character or a letter
# (drops numbers, percentages, punctuation and single characters such as 的, 和, 校)
WORD = re.compile(r"(?=.*[\u4e00-\u9fffA-Za-z])[\u4e00-\u9fffA-Za-z0-9+]{2,}")
SENTENCE_END = "。；;！!？?\n"


@dataclass(frozen=True)
class VocabularySettings:
    alpha_0: float
    top_n: int
    min_count: int
    stop_words: frozenset[str]


def load_settings(path: Path = paths.VOCABULARY_YAML) -> VocabularySettings:
    data, _ = load_checked(path, "vocabulary")
    return VocabularySettings(
        float(data["alpha_0"]), data["top_n"], data["min_count"], frozenset(data["stop_words"])
    )


def weighted_log_odds(counts: dict[str, Counter], alpha_0: float) -> list[dict]:
    """Every (group, word) the group uses, with delta, its variance and z against all other
    groups together (formula in the module docstring); sorted by group, then z descending,
    then word. Needs at least two groups with words."""
    totals = {g: sum(c.values()) for g, c in counts.items()}
    corpus: Counter = Counter()
    for c in counts.values():
        corpus.update(c)
    n = sum(totals.values())
    if sum(1 for t in totals.values() if t) < 2:
        return []
    rows = []
    for group in sorted(counts):
        n_i = totals[group]
        n_j = n - n_i
        for word, y_i in counts[group].items():
            y_j = corpus[word] - y_i
            alpha_w = alpha_0 * corpus[word] / n
            delta = math.log((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w)) - math.log(
                (y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)
            )
            variance = 1 / (y_i + alpha_w) + 1 / (y_j + alpha_w)
            rows.append(
                {
                    "group": group,
                    "term": word,
                    "count": y_i,
                    "count_elsewhere": y_j,
                    "delta": delta,
                    "variance": variance,
                    "z": delta / math.sqrt(variance),
                }
            )
    rows.sort(key=lambda r: (r["group"], -r["z"], r["term"]))
    return rows


def make_tokenizer(phrases: set[str]):
    """A jieba tokenizer of its own (not the shared global one) with the project's phrases
    added, quiet, and with its dictionary cache under build/ instead of the temp folder."""
    import jieba

    # jieba logs "Building prefix dict ..." to stderr at DEBUG level on first use
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    paths.JIEBA_CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tokenizer.tmp_dir = str(paths.JIEBA_CACHE_DIR)
    for phrase in sorted(phrases):  # sorted: suggested frequencies depend on the order
        tokenizer.add_word(phrase)
    return tokenizer


def project_phrases() -> set[str]:
    """The theme keywords (strong and weak) and the indicator aliases."""
    from analysis.codebook import load_codebook
    from analysis.themes import load_themes

    phrases = set()
    for theme in load_themes(paths.THEME_CODEBOOK_YAML).values():
        phrases.update(theme.keywords, theme.weak_keywords)
    for indicator in load_codebook(paths.CODEBOOK_YAML).values():
        phrases.update(indicator.aliases)
    return {p for p in phrases if WORD.fullmatch(p)}


def place_names(sources) -> set[str]:
    """The registered cities', parents' and provinces' names, with and without 市/省: a plan
    naming its own city is not a distinctive topic."""
    names = set()
    for s in sources:
        for name in (s.meta.get(k) for k in ("city_name_zh", "parent_city_zh", "province_zh")):
            if name:
                names.update({name, name.rstrip("市省")})
    return names


@dataclass(frozen=True)
class Token:
    word: str
    start: int  # span in the cleaned paragraphs view
    end: int


def tokens(tokenizer, text: str, dropped: set[str]) -> list[Token]:
    """The countable words of a cleaned text, in order (jieba with its HMM for unknown
    words; deterministic)."""
    return [
        Token(w, a, b)
        for w, a, b in tokenizer.tokenize(text, HMM=True)
        if WORD.fullmatch(w) and w not in dropped
    ]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end] (between sentence ends or line breaks)."""
    a = max(text.rfind(ch, 0, start) for ch in SENTENCE_END) + 1
    ends = [i for i in (text.find(ch, end) for ch in SENTENCE_END) if i != -1]
    b = min(ends) + 1 if ends else len(text)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] == "\n":
        b -= 1
    return a, b


def distinctive_terms(sources, raw_texts: dict[str, str], settings: VocabularySettings):
    """Per city, the top terms by z (count at least min_count), each with an example
    sentence and its raw span; and the token totals per city. Cities whose texts yield no
    words are listed in the totals with 0, never dropped."""
    tokenizer = make_tokenizer(project_phrases())
    dropped = set(settings.stop_words) | place_names(sources)
    counts: dict[str, Counter] = defaultdict(Counter)
    first: dict[tuple[str, str], tuple[str, int, int, str]] = {}
    for s in sources:
        text = clean(raw_texts[s.source_id])
        view = text.paragraphs
        counts.setdefault(s.city_id, Counter())  # a city without words still appears
        for t in tokens(tokenizer, view.text, dropped):
            counts[s.city_id][t.word] += 1
            if (s.city_id, t.word) not in first:
                a, b = sentence_span(view.text, t.start, t.end)
                ra, rb = view.raw_span(a, b)
                first[s.city_id, t.word] = (s.source_id, ra, rb, view.text[a:b])
    rows = []
    for r in weighted_log_odds(counts, settings.alpha_0):
        city = r["group"]
        shown = sum(1 for x in rows if x["city_id"] == city)
        if r["count"] < settings.min_count or shown >= settings.top_n or r["z"] <= 0:
            continue
        source_id, ra, rb, sentence = first[city, r["term"]]
        rows.append(
            {
                "city_id": city,
                "rank": shown + 1,
                "term": r["term"],
                "z": r["z"],
                "count": r["count"],
                "count_elsewhere": r["count_elsewhere"],
                "per_10k_tokens": r["count"] / sum(counts[city].values()) * 10_000,
                "source_id": source_id,
                "char_start": ra,
                "char_end": rb,
                "sentence": sentence,
            }
        )
    totals = {city: sum(c.values()) for city, c in counts.items()}
    return rows, totals
