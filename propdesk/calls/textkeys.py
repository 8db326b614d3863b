"""Numbers and search keys: a caller's number normalised, and the text keys search matches.

A number arrives in any format (``+86 138-1234-5678``, ``0086 13812345678``,
``(0755) 1234 5678``, ``0755-12345678-801``); :func:`normalise_number` keeps its digits
without the country code. Search keys put a text's lower-cased words, its pinyin initials
and full pinyin, and its Chinese bigrams side by side, so ``zxsj``, ``zhuangxiu`` and
``装修时间`` all find “装修时间有什么规定”.
"""

from __future__ import annotations

import re

from propdesk.errors import ValidationError

_NOT_DIGITS = re.compile(r"\D")
_ALLOWED = re.compile(r"^[0-9+\-\s().（）转#]*$")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
TAIL = 4


def normalise_number(raw: str | None) -> str:
    """The digits of a phone number without the country code (+86 / 0086 / 86 on a mobile).

    Empty text gives ``""``; text that is not a phone number raises :class:`ValidationError`.
    An extension after ``转`` or a second dash is dropped (the switchboard number remains).
    """
    text = (raw or "").strip()
    if not text:
        return ""
    if not _ALLOWED.match(text):
        raise ValidationError("number", f"“{text}”不是电话号码：只能包含数字、空格、+、-、括号。")
    text = text.split("转")[0].split("#")[0]
    parts = text.split("-")
    if len(parts) >= 3 and parts[0].strip().startswith("0") and len(parts[-1].strip()) <= 5:
        text = "-".join(parts[:-1])  # 0755-12345678-801: the extension
    digits = _NOT_DIGITS.sub("", text)
    country = False
    if text.lstrip().startswith("+") and digits.startswith("86"):
        digits, country = digits[2:], True
    elif digits.startswith("0086"):
        digits, country = digits[4:], True
    elif digits.startswith("86") and len(digits) == 13 and digits[2] == "1":
        digits, country = digits[2:], True
    if country and len(digits) >= 9 and not digits.startswith(("0", "1")):
        digits = "0" + digits  # +86 755 12345678 → 075512345678
    if len(digits) > 20:
        raise ValidationError("number", f"电话号码“{raw}”太长。")
    return digits


def number_tail(digits: str) -> str:
    return digits[-TAIL:] if len(digits) >= TAIL else ""


def same_number(stored: str, digits: str) -> bool:
    """Whether a number stored in the registry (with dashes) is the caller's ``digits``.

    A landline stored without its area code matches the caller's number with it.
    """
    mine = _NOT_DIGITS.sub("", stored or "")
    if not mine or not digits:
        return False
    if mine == digits:
        return True
    shorter, longer = sorted((mine, digits), key=len)
    return len(shorter) >= 7 and longer.endswith(shorter) and longer.startswith("0")


def _pinyin(text: str) -> tuple[str, str]:
    from pypinyin import lazy_pinyin  # imported on first use (start-up time)

    syllables = [s for s in lazy_pinyin(text, errors="ignore") if s]
    return "".join(s[0] for s in syllables), "".join(syllables)


def bigrams(text: str) -> list[str]:
    """The Chinese character pairs of ``text`` (a lone character counts as itself), in order."""
    out: list[str] = []
    for run in _HAN.findall(text or ""):
        if len(run) == 1:
            out.append(run)
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


def search_key(*parts: str) -> str:
    """The search key of a record's texts: lower-cased text, then pinyin keys, bigram-safe.

    Each Chinese run contributes its pinyin initials and full pinyin (``装修`` → ``zx
    zhuangxiu``), so a query by initials is a substring match like any other.
    """
    text = " ".join(p for p in parts if p).lower()
    keys: list[str] = [text]
    for run in _HAN.findall(text):
        initials, full = _pinyin(run)
        keys.append(initials)
        keys.append(full)
    return " | ".join(keys)


def query_terms(query: str) -> list[str]:
    """What a typed query is matched by: Chinese bigrams, ASCII words (pinyin, digits)."""
    text = (query or "").lower().strip()
    terms = bigrams(text) + list(_ASCII_WORD.findall(text))
    return list(dict.fromkeys(terms))


TERM_MAX = 40
PINYIN_SPAN = 10  # syllables an initials term covers from each position


def index_terms(short: tuple[str, ...], long: tuple[str, ...] = ()) -> set[str]:
    """The terms a record is found by (``kb_term`` rows).

    Every text gives its Chinese bigrams and its ASCII words. The short texts (question,
    tags, category) also give, from each Chinese character on, the pinyin initials and
    the full pinyin of what follows (``装修时间`` → ``zxsj``, ``xsj``, ``sj``…,
    ``zhuangxiushijian``…), so initials typed from any word of the question match by prefix.
    """
    from pypinyin import lazy_pinyin  # imported on first use (start-up time)

    terms: set[str] = set()
    for text in (*short, *long):
        low = (text or "").lower()
        terms.update(bigrams(low))
        terms.update(w[:TERM_MAX] for w in _ASCII_WORD.findall(low))
    for text in short:
        for run in _HAN.findall(text or ""):
            syllables = [s for s in lazy_pinyin(run, errors="ignore") if s]
            for i in range(len(syllables)):
                span = syllables[i : i + PINYIN_SPAN]
                terms.add("".join(s[0] for s in span)[:TERM_MAX])
                terms.add("".join(span)[:TERM_MAX])
    terms.discard("")
    return terms


def is_prefix_term(term: str) -> bool:
    """ASCII words (pinyin, digits) and single characters match terms by prefix; Chinese
    bigrams match exactly."""
    return term.isascii() or len(term) == 1
