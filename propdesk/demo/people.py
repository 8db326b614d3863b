"""Realistic demo people: Chinese names, mobile phones, valid resident ID numbers, car plates.

Everything is drawn from one seeded :class:`random.Random`, so the same seed gives the
same people. :class:`PeopleFactory` keeps phones and ID numbers unique and caches the
(slow) pinyin keys per surname and per character.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from propdesk.registry.pinyin import pinyin_keys
from propdesk.registry.validation import id_check_char

# The most common surnames with rough relative frequencies (per mille of the population).
# Surnames pypinyin reads wrongly on their own (曾 → ceng, 覃 → tan) are left out so that
# the pinyin search finds every demo person the way a clerk would type the name.
_SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 72),
    ("李", 72),
    ("张", 68),
    ("刘", 54),
    ("陈", 46),
    ("杨", 32),
    ("黄", 25),
    ("赵", 20),
    ("吴", 20),
    ("周", 19),
    ("徐", 14),
    ("孙", 13),
    ("马", 12),
    ("朱", 11),
    ("胡", 11),
    ("郭", 10),
    ("何", 10),
    ("高", 9.5),
    ("林", 9.5),
    ("罗", 8.5),
    ("郑", 8),
    ("梁", 7.5),
    ("谢", 6.5),
    ("宋", 6),
    ("唐", 6),
    ("许", 5.5),
    ("韩", 5.5),
    ("冯", 5),
    ("邓", 5),
    ("曹", 5),
    ("彭", 4.5),
    ("肖", 4.5),
    ("田", 4),
    ("董", 4),
    ("袁", 4),
    ("潘", 4),
    ("于", 3.8),
    ("蒋", 3.8),
    ("蔡", 3.8),
    ("余", 3.6),
    ("杜", 3.5),
    ("叶", 3.4),
    ("程", 3.4),
    ("苏", 3.2),
    ("魏", 3.2),
    ("吕", 3.1),
    ("丁", 3),
    ("任", 3),
    ("沈", 2.9),
    ("姚", 2.8),
    ("卢", 2.8),
    ("姜", 2.7),
    ("崔", 2.6),
    ("钟", 2.5),
    ("谭", 2.5),
    ("陆", 2.4),
    ("汪", 2.4),
    ("范", 2.3),
    ("金", 2.2),
    ("石", 2.2),
    ("廖", 2.1),
    ("贾", 2),
    ("夏", 2),
    ("韦", 2),
    ("付", 1.9),
    ("方", 1.9),
    ("白", 1.8),
    ("邹", 1.8),
    ("孟", 1.7),
    ("熊", 1.7),
    ("秦", 1.6),
    ("邱", 1.6),
    ("江", 1.6),
    ("尹", 1.5),
    ("薛", 1.5),
    ("闫", 1.4),
    ("段", 1.4),
    ("雷", 1.4),
    ("侯", 1.3),
    ("龙", 1.3),
    ("史", 1.3),
    ("陶", 1.2),
    ("黎", 1.2),
    ("贺", 1.2),
    ("顾", 1.1),
    ("毛", 1.1),
    ("郝", 1.1),
    ("龚", 1),
    ("邵", 1),
    ("万", 1),
    ("钱", 1),
    ("严", 1),
    ("武", 0.9),
    ("戴", 0.9),
    ("莫", 0.8),
    ("孔", 0.8),
    ("向", 0.8),
    ("汤", 0.8),
    ("欧阳", 0.3),
    ("司马", 0.05),
    ("上官", 0.05),
)
_SURNAME_NAMES = tuple(s for s, _ in _SURNAMES)
_SURNAME_CUM = tuple(accumulate(w for _, w in _SURNAMES))

_MALE_CHARS = (
    "伟强磊军勇杰涛明超华建国平刚辉鹏波斌宇浩俊峰龙文志海东林亮晨凯鑫昊博轩睿泽"
    "晓子振宏永德庆成鸿飞翔胜荣毅锋嘉航天宁健帆瑞哲诚远小"
)
_FEMALE_CHARS = (
    "芳娜敏静丽艳娟霞秀英玲桂兰婷雪慧颖琳欣怡佳萱梓涵雨诗晶洁倩燕红梅丹萍"
    "晓月雅琪欢悦璐彤蕾薇思嘉瑶菲玉凤春妍小"
)

# Real six-digit administrative area codes (heavier on Guangdong, where the demo estate is).
_AREA_CODES = (
    "440305",
    "440304",
    "440303",
    "440306",
    "440307",
    "440106",
    "440104",
    "440111",
    "440402",
    "441302",
    "441900",
    "442000",
    "440604",
    "440513",
    "445102",
    "441402",
    "110101",
    "110105",
    "310104",
    "310115",
    "320102",
    "330106",
    "350203",
    "360102",
    "370202",
    "420106",
    "430102",
    "431102",
    "450103",
    "500103",
    "510107",
    "610113",
    "410105",
    "340104",
    "220102",
    "210106",
    "130102",
    "140105",
    "520102",
    "530102",
)

_MOBILE_PREFIXES = (
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "157",
    "158",
    "159",
    "182",
    "183",
    "187",
    "188",
    "130",
    "131",
    "132",
    "155",
    "156",
    "185",
    "186",
    "133",
    "153",
    "180",
    "181",
    "189",
    "177",
    "199",
    "166",
    "176",
    "198",
    "173",
)

_PLATE_PROVINCES = (
    ("粤B", 80),
    ("粤A", 6),
    ("粤S", 4),
    ("湘A", 3),
    ("赣A", 2),
    ("鄂A", 2),
    ("川A", 3),
)
_PLATE_PROVINCE_NAMES = tuple(p for p, _ in _PLATE_PROVINCES)
_PLATE_PROVINCE_CUM = tuple(accumulate(w for _, w in _PLATE_PROVINCES))
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O on Chinese plates


def years_before(day: date, years: int) -> date:
    """``day`` moved back ``years`` years (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class DemoPerson:
    """One generated person, ready to become a ``person`` row."""

    name: str
    surname: str
    male: bool
    birth: date
    phone: str
    id_number: str | None


class PeopleFactory:
    """Makes unique, valid-looking people from a seeded generator.

    Attributes:
        rng: the demo's random generator.
        today: the demo's today (no one is born after it).
    """

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self._phones: set[str] = set()
        self._ids: set[str] = set()
        self._plates: set[str] = set()
        self._pinyin: dict[str, tuple[str, str]] = {}

    # --- names -------------------------------------------------------------------------

    def surname(self) -> str:
        return self.rng.choices(_SURNAME_NAMES, cum_weights=_SURNAME_CUM)[0]

    def given_name(self, male: bool) -> str:
        chars = _MALE_CHARS if male else _FEMALE_CHARS
        if self.rng.random() < 0.28:
            return self.rng.choice(chars)
        first, second = self.rng.choice(chars), self.rng.choice(chars)
        while second == first:
            second = self.rng.choice(chars)
        return first + second

    def pinyin(self, person: DemoPerson) -> tuple[str, str]:
        """(initials, full pinyin) of the person's name, as ``pinyin_keys`` gives them.

        ``pinyin_keys`` costs ~50 µs a call, so it is called once per surname and once per
        given-name character and the parts are joined. Checked over 30,000 demo names,
        this equals ``pinyin_keys(name)`` except where pypinyin's phrase table misreads a
        name (于思丽 → yusaili; the parts give the right yusili).
        """
        parts = [self._keys(person.surname)]
        parts += [self._keys(c) for c in person.name[len(person.surname) :]]
        return "".join(p[0] for p in parts), "".join(p[1] for p in parts)

    def _keys(self, text: str) -> tuple[str, str]:
        keys = self._pinyin.get(text)
        if keys is None:
            keys = self._pinyin[text] = pinyin_keys(text)
        return keys

    # --- numbers -----------------------------------------------------------------------

    def phone(self) -> str:
        while True:
            value = self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(100_000_000):08d}"
            if value not in self._phones:
                self._phones.add(value)
                return value

    def id_number(self, birth: date, male: bool) -> str:
        """An 18-digit resident ID: real area code, birth date, sequence (odd = male), checksum."""
        while True:
            seq = self.rng.randrange(500) * 2 + (1 if male else 0)
            first17 = f"{self.rng.choice(_AREA_CODES)}{birth:%Y%m%d}{seq:03d}"
            value = first17 + id_check_char(first17)
            if value not in self._ids:
                self._ids.add(value)
                return value

    def plate(self) -> str:
        """A car plate such as ``粤B·D12345`` (new energy) or ``粤B·A1K23``."""
        while True:
            province = self.rng.choices(_PLATE_PROVINCE_NAMES, cum_weights=_PLATE_PROVINCE_CUM)[0]
            if self.rng.random() < 0.25:
                tail = self.rng.choice("DF") + f"{self.rng.randrange(100_000):05d}"
            else:
                tail = "".join(
                    self.rng.choice(_PLATE_LETTERS)
                    if self.rng.random() < 0.2
                    else str(self.rng.randrange(10))
                    for _ in range(5)
                )
            value = f"{province}·{tail}"
            if value not in self._plates:
                self._plates.add(value)
                return value

    def birth(self, min_age: int, max_age: int) -> date:
        """A birth date giving an age between ``min_age`` and ``max_age`` today."""
        oldest = years_before(self.today, max_age + 1) + timedelta(days=1)
        youngest = years_before(self.today, min_age)
        return oldest + timedelta(days=self.rng.randrange((youngest - oldest).days + 1))

    # --- people ------------------------------------------------------------------------

    def person(
        self,
        *,
        min_age: int = 25,
        max_age: int = 70,
        male: bool | None = None,
        surname: str | None = None,
        with_phone: bool = True,
        with_id: bool = True,
    ) -> DemoPerson:
        """A new person; children get no phone unless asked, everyone an ID unless told not."""
        male = self.rng.random() < 0.5 if male is None else male
        surname = surname or self.surname()
        birth = self.birth(min_age, max_age)
        return DemoPerson(
            name=surname + self.given_name(male),
            surname=surname,
            male=male,
            birth=birth,
            phone=self.phone() if with_phone else "",
            id_number=self.id_number(birth, male) if with_id else None,
        )
