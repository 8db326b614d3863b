"""Pinyin keys for the desk search: ``张三`` → initials ``zs``, full ``zhangsan``."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def pinyin_keys(name: str) -> tuple[str, str]:
    """Return (initials, full pinyin), lower-case ASCII; non-Chinese characters pass through."""
    full = lazy_pinyin(name, errors="default")
    initials = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")
    return "".join(initials).lower().replace(" ", ""), "".join(full).lower().replace(" ", "")
