"""Chinese line breaking (禁则) for every ReportLab paragraph of PropDesk.

ReportLab's ``wordWrap="CJK"`` cuts "like a knife" between characters and only knows a few
closing marks: a full-width comma, a closing quote or a right book-title mark can start a
line, an opening bracket can end one, a phone number is cut in two, and it strips full-width
spaces at the start of wrapped lines. :func:`install` replaces its two splitting functions
(the single-style and the mixed-style one) with :func:`break_points`, which:

* never starts a line with closing punctuation (``，。、；：？！）》」』】”’`` …) and never
  ends one with opening punctuation (``（《「『【“‘`` …): characters move to the next line;
* keeps a run of Latin letters and digits (``0571-88886666``, ``1,234.50``) whole when it fits
  on a line;
* keeps full-width spaces (see :func:`keep_spaces`, which also stops the paragraph parser
  collapsing them and runs of spaces).

It is installed once, by :func:`reports.pdf.document.register_fonts`, which every document
calls before it builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from reportlab.lib import textsplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as rl_paragraph

# ReportLab's own pieces of a CJK line (its stubs leave these module-level helpers out)
_cjk_unit: Any = getattr(rl_paragraph, "cjkU")  # noqa: B009
_cjk_line: Any = getattr(rl_paragraph, "makeCJKParaLine")  # noqa: B009

CLOSING = frozenset(
    "，。、；：？！）》」』】〕〉〗”’…—·～％‰℃°"
    ",.;:?!)]}%"
    "\u3009\u300b\u300d\u300f\u3011\u3015\uff09\uff3d\uff5d"
) | frozenset(textsplit.ALL_CANNOT_START)
"""Characters that must not start a line."""

OPENING = frozenset("（《「『【〔〈〖“‘([{￥$#@") | frozenset(textsplit.ALL_CANNOT_END)
"""Characters that must not end a line."""

_FUZZ = 1e-6


def _wordish(ch: str) -> bool:
    """A character of a Latin word or number (kept together when it fits on a line)."""
    return "!" <= ch <= "~" or ch == "\xa0"


def break_points(
    chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float]
) -> list[int]:
    """Where to break ``chars`` into lines: the index each line after the first starts at.

    ``chars[i]`` is one character (``"\\n"`` forces a break after it), ``widths[i]`` its width.
    """
    n = len(chars)
    breaks: list[int] = []
    start = 0
    while start < n:
        max_width = max_widths[min(len(breaks), len(max_widths) - 1)]
        used = 0.0
        i = start
        forced = False
        while i < n:
            w = widths[i]
            if i > start and used + w > max_width + _FUZZ:
                break
            used += w
            i += 1
            if chars[i - 1] == "\n":
                forced = True
                break
        if i >= n:
            break
        b = i
        if not forced:
            b = _better_break(chars, start, i)
        breaks.append(b)
        start = b
        while start < n and chars[start] == " ":
            start += 1
    return breaks


def _better_break(chars: Sequence[str], start: int, b: int) -> int:
    """Move a break before ``b`` back so no rule is broken (or leave it when it cannot)."""
    n = len(chars)

    def allowed(k: int, *, words: bool) -> bool:
        nxt = k
        while nxt < n and chars[nxt] == " ":
            nxt += 1
        if nxt < n and chars[nxt] in CLOSING:
            return False
        prev = k - 1
        while prev > start and chars[prev] == " ":
            prev -= 1
        if chars[prev] in OPENING:
            return False
        return not (words and _wordish(chars[k - 1]) and _wordish(chars[k]))

    for words in (True, False):
        k = b
        while k > start + 1 and not allowed(k, words=words):
            k -= 1
        if allowed(k, words=words):
            return k
    return b


@cache
def _width_of(font_name: str, font_size: float) -> Callable[[str], float]:
    table: dict[str, float] = {}

    def width(ch: str) -> float:
        w = table.get(ch)
        if w is None:
            w = table[ch] = stringWidth(ch, font_name, font_size)
        return w

    return width


def word_split(
    word: str | bytes,
    maxWidths: float | Sequence[float],
    fontName: str,
    fontSize: float,
    encoding: str = "utf8",
) -> list[list[Any]]:
    """ReportLab's ``wordSplit`` (one style in the paragraph), with the rules above."""
    text = word.decode(encoding) if isinstance(word, bytes) else word
    max_widths: list[float] = (
        [float(w) for w in maxWidths] if isinstance(maxWidths, Sequence) else [maxWidths]
    )
    width = _width_of(fontName, fontSize)
    widths = [width(c) for c in text]
    starts = [0, *break_points(text, widths, max_widths), len(text)]
    lines: list[list[Any]] = []
    for k in range(len(starts) - 1):
        a, b = starts[k], starts[k + 1]
        segment = text[a:b].rstrip(" ")
        used = sum(widths[a : a + len(segment)])
        max_width = max_widths[min(k, len(max_widths) - 1)]
        lines.append([max_width - used, segment])
    return lines


def frag_split(
    frags: Sequence[Any],
    maxWidths: Sequence[float],
    calcBounds: bool,
    encoding: str = "utf8",
) -> Any:
    """ReportLab's ``cjkFragSplit`` (mixed styles, ``<br/>``, images), with the rules above."""
    units: list[Any] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(_cjk_unit(t, f, encoding) for t in text)
        else:
            units.append(_cjk_unit(text, f, encoding))
    max_widths = list(maxWidths)
    chars: list[str] = []
    widths: list[float] = []
    for u in units:
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_widths[0]
            w = w.normalizedValue(max_widths[0])
        widths.append(w)
        chars.append("\n" if hasattr(u.frag, "lineBreak") else (str(u) or "\x00"))
    starts = [0, *break_points(chars, widths, max_widths), len(units)]
    lines: list[Any] = []
    for k in range(len(starts) - 1):
        a, b = starts[k], starts[k + 1]
        max_width = max_widths[min(k, len(max_widths) - 1)]
        used = sum(widths[a:b])
        line_break = b > a and chars[b - 1] == "\n"
        lines.append(
            _cjk_line(units[a:b], max_width, used, max_width - used, line_break, calcBounds)
        )
    return rl_paragraph.ParaLines(kind=1, lines=lines)


@cache
def install() -> None:
    """Use these rules for every CJK-wrapped paragraph (idempotent)."""
    # (the stubs leave out these module-level helpers)
    setattr(rl_paragraph, "wordSplit", word_split)  # noqa: B010
    setattr(rl_paragraph, "cjkFragSplit", frag_split)  # noqa: B010


_SPACES = re.compile(" {2,}")


def keep_spaces(escaped: str) -> str:
    """Keep full-width spaces and runs of spaces of already-escaped paragraph text.

    ReportLab's paragraph cleaner folds every run of white space (the full-width space
    included) into one space before parsing; character references survive it.
    """
    out = escaped.replace("\u3000", "&#12288;")
    return _SPACES.sub(lambda m: " " + "&nbsp;" * (len(m.group()) - 1), out)
