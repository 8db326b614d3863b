"""Money as printed on receipts: yuan with two decimals and Chinese capital numerals (大写金额)."""

from __future__ import annotations

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = ("", "拾", "佰", "仟")
_BIG = ("", "万", "亿", "万亿")


def _section(n: int) -> str:
    """0 < n < 10000 in capitals, with inner zeros collapsed to one 零."""
    out = ""
    zero = False
    for pos in range(3, -1, -1):
        d = n // 10**pos % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + _SMALL[pos]
    return out


def fen_to_capital(fen: int) -> str:
    """``35200`` → ``叁佰伍拾贰元整``; ``100_005`` → ``壹仟元零伍分``; negatives get ``负``."""
    if fen < 0:
        return "负" + fen_to_capital(-fen)
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    text = ""
    if yuan:
        sections: list[int] = []
        while yuan:
            yuan, rest = divmod(yuan, 10_000)
            sections.append(rest)
        need_zero = False
        for i in range(len(sections) - 1, -1, -1):
            sec = sections[i]
            if sec == 0:
                need_zero = bool(text)
                continue
            if text and (need_zero or sec < 1000):
                text += "零"
            text += _section(sec) + _BIG[i]
            need_zero = False
        text += "元"
    if not jiao and not fen_digit:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if fen_digit:
        text += _DIGITS[fen_digit] + "分"
    else:
        text += "整"
    return text


def yuan(fen: int) -> str:
    """Integer fen → ``1,234.50`` (no float on the way)."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def parse_yuan(text: str, field: str = "amount") -> int:
    """``"1,234.5"`` → ``123450`` fen; raises :class:`ValidationError` on anything else."""
    from decimal import Decimal, InvalidOperation

    from propdesk.errors import ValidationError

    cleaned = (text or "").strip().replace(",", "").replace("，", "").replace("¥", "")
    cleaned = cleaned.replace("元", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(field, f"金额“{text}”不是有效的数字。") from None
    if not value.is_finite() or value.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValidationError(field, "金额最多两位小数（精确到分）。")
    return int(value * 100)
