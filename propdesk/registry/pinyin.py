"""Pinyin keys for the desk search: ``张三`` → initials ``zs``, full ``zhangsan``."""

from __future__ import annotations

# Surnames read differently from the character's common reading (曾 is zēng, not céng).
_SURNAME_READINGS = {
    "曾": "zeng",
    "覃": "qin",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "区": "ou",
    "查": "zha",
    "缪": "miao",
    "翟": "zhai",
    "乐": "yue",
    "盖": "ge",
    "尉": "yu",
    "种": "chong",
    "过": "guo",
    "长": "chang",
    "秘": "bi",
    "折": "she",
    "员": "yun",
    "繁": "po",
    "召": "shao",
}


INITIALS_MAX = 50
PINYIN_MAX = 200


def pinyin_keys(name: str) -> tuple[str, str]:
    """Return (initials, full pinyin), lower-case ASCII; non-Chinese characters pass through.

    The first character is read as a surname where that reading differs.
    """
    from pypinyin import lazy_pinyin  # imported on first use: it costs ~0.4 s at start-up

    syllables = lazy_pinyin(name, errors="default")
    if name and name[0] in _SURNAME_READINGS and syllables:
        syllables[0] = _SURNAME_READINGS[name[0]]
    initials = "".join(s[:1] for s in syllables)
    full = "".join(syllables)
    # Cut to the columns (person.name_initials 50, name_pinyin 200): a 50-character name
    # can spell out to 300 letters; searches match the start of the key, so nothing is lost.
    initials = initials.lower().replace(" ", "")[:INITIALS_MAX]
    return initials, full.lower().replace(" ", "")[:PINYIN_MAX]


def person_sort_key(name: str) -> tuple[str, str]:
    """Sort key of a person's name by pinyin (张三 after 李四), the name itself breaking
    ties; for lists built in memory (SQL sorts by ``person.name_pinyin``)."""
    return (pinyin_keys(name)[1], name)
