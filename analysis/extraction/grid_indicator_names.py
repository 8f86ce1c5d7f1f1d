"""Which indicator a table's row name or a caption names: an alias as a whole, a name
read with an OCR look-alike character, or the one phrase a longer name holds. Mixed into
GridInterpreter (uses its matcher, rules and official names)."""

from __future__ import annotations

import re

from analysis.codebook import strip_ignorable

# a name measuring an amount per head before the phrase it holds
_PER_HEAD = re.compile(r"生均|人均|每生|每[百千万]名|每[百千万]人|按[^，,]{0,10}平均")


class IndicatorNames:
    def caption_phrase(self, caption: str) -> str | None:
        """The one codebook phrase a table's caption names ("“十四五”新增学位建设情况"), else
        None (none, or phrases of several indicators)."""
        found = self.matcher.find(caption)
        if not found or len({a.indicator_ids for a in found}) != 1:
            return None
        return found[0].alias

    def _indicators(self, bare: str, category: str) -> tuple[str, ...]:
        return (
            self._exact(bare, category)
            or self._ocr_named(bare, category)
            or self._partly_named(bare)
        )

    def _exact(self, bare: str, category: str) -> tuple[str, ...]:
        return self.matcher.exact(bare) or self.matcher.exact(category + bare)

    def _ocr_named(self, bare: str, category: str) -> tuple[str, ...]:
        """A name read with one character swapped for its OCR look-alike ("毛人园率" as
        毛入园率, "专任教师本科以上学厉比例" as …学历比例): only a character outside every
        phrase the name holds as written is swapped, and the name is kept when exactly one
        indicator comes of all the swaps, by a phrase covering the swapped character."""
        confusables = self.rules.ocr_confusables
        if not any(c in confusables for c in bare):
            return ()
        covered = set()
        for m in self.matcher.find(bare):
            covered.update(range(m.start, m.end))
        found = set()
        for i, char in enumerate(bare):
            if i in covered:
                continue
            for alike in confusables.get(char, ""):
                variant = bare[:i] + alike + bare[i + 1 :]
                if any(m.start <= i < m.end for m in self.matcher.find(variant)):
                    ids = self._exact(variant, category) or self._partly_named(variant)
                    if ids:
                        found.add(ids)
        return next(iter(found)) if len(found) == 1 else ()

    def _partly_named(self, bare: str) -> tuple[str, ...]:
        """The indicator of a name that is no alias as a whole: its official name, or the
        one phrase it holds, or the phrase that ends it."""
        official = self.official.get(strip_ignorable(bare))
        if official:
            return official
        matches = self.matcher.find(bare)
        if matches and _PER_HEAD.search(bare, 0, matches[0].start):
            return ()  # "按在校学生人数平均的…教育支出": an amount per head, not the total
        found = {m.indicator_ids for m in matches}
        if len(found) == 1:
            return next(iter(found))
        # "义务教育学校互联网接入率": a Chinese noun phrase ends in its head, so the phrase
        # that ends the name is what the row measures
        # "城镇小区配套幼儿园投入使用": a completing verb after the phrase names the act
        verb = next((v for v in self.rules.completion_verbs if bare.endswith(v)), "")
        last = [m for m in matches if m.end == len(bare) - len(verb)]
        return last[0].indicator_ids if len(last) == 1 and len(found) > 1 else ()
