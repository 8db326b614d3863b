"""A small estate and a survey design for the survey tests.

Two buildings of six units each. In each building one unit is vacant and one household
has no phone, so four households per building (eight in all) can be sampled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.surveys import services as sv
from propdesk.surveys.values import AnswerInput, CampaignSpec, QuestionKind, QuestionSpec
from tests.conftest import TEST_NOW

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)
TODAY = TEST_NOW.date()


@dataclass(frozen=True)
class Estate:
    buildings: tuple[int, int]
    units: tuple[int, ...]  # every unit, building 1 then 2
    eligible: tuple[int, ...]  # occupied, with a phone
    vacant: tuple[int, ...]
    no_phone: tuple[int, ...]


def make_estate(db: Database) -> Estate:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        b1 = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        b2 = reg.create_building(s, estate_id=eid, code="2", floors=18, entrances=1)
        units: list[int] = []
        eligible: list[int] = []
        vacant: list[int] = []
        no_phone: list[int] = []
        n = 0
        for bid in (b1, b2):
            for k, room in enumerate(("101", "201", "301", "401", "501", "601")):
                uid = reg.create_unit(s, building_id=bid, entrance=1, room=room, area="88")
                units.append(uid)
                if k == 0:
                    vacant.append(uid)
                    continue
                n += 1
                phone = "" if k == 1 else f"138{n:08d}"
                pid = reg.create_person(s, name=f"住户{n}", phone=phone)
                reg.start_occupancy(
                    s, person_id=pid, unit_id=uid, role="owner", start_date=date(2020, 1, 1)
                )
                (no_phone if k == 1 else eligible).append(uid)
    return Estate((b1, b2), tuple(units), tuple(eligible), tuple(vacant), tuple(no_phone))


@dataclass(frozen=True)
class Design:
    questions: tuple[int, ...]  # 客服, 保洁, 安保 ratings; 渠道 single; 需求 multi; 意见 text
    questionnaire: int


def make_design(db: Database) -> Design:
    with db.begin(MANAGER) as s:
        ids = [
            sv.create_question(
                s, QuestionSpec(QuestionKind.RATING, "您对客服前台的服务满意吗？", topic="客服")
            ),
            sv.create_question(
                s, QuestionSpec(QuestionKind.RATING, "您对公共区域保洁满意吗？", topic="保洁")
            ),
            sv.create_question(
                s, QuestionSpec(QuestionKind.RATING, "您对小区安保满意吗？", topic="安保")
            ),
            sv.create_question(
                s,
                QuestionSpec(
                    QuestionKind.SINGLE, "您通常怎样联系物业？", options=("电话", "前台", "微信")
                ),
            ),
            sv.create_question(
                s,
                QuestionSpec(
                    QuestionKind.MULTI,
                    "您希望增加哪些服务？",
                    options=("家政", "快递", "维修", "洗车"),
                ),
            ),
            sv.create_question(s, QuestionSpec(QuestionKind.TEXT, "您还有什么意见和建议？")),
        ]
        qn = sv.create_questionnaire(s, "年度满意度问卷", ids)
    return Design(tuple(ids), qn)


def campaign_spec(design: Design, **kw: object) -> CampaignSpec:
    base: dict[str, object] = {
        "name": "2026年上半年满意度调查",
        "questionnaire_id": design.questionnaire,
        "building_ids": (),
        "rate_pct": 100,
        "stratified": False,
        "rotation_months": 0,
        "max_attempts": 3,
        "starts_on": TODAY,
        "ends_on": TODAY + timedelta(days=30),
    }
    base.update(kw)
    return CampaignSpec(**base)  # type: ignore[arg-type]


def open_campaign(db: Database, design: Design, seed: int = 7, **kw: object) -> int:
    with db.begin(MANAGER) as s:
        cid = sv.create_campaign(s, campaign_spec(design, **kw))
        sv.draw_sample(s, cid, seed=seed)
    return cid


def answers(
    design: Design,
    ratings: tuple[int, int, int] = (5, 4, 4),
    *,
    single: int = 0,
    multi: tuple[int, ...] = (1,),
    text: str = "",
    complaint: bool = False,
) -> list[AnswerInput]:
    q = design.questions
    return [
        AnswerInput(q[0], rating=ratings[0]),
        AnswerInput(q[1], rating=ratings[1]),
        AnswerInput(q[2], rating=ratings[2]),
        AnswerInput(q[3], choices=(single,)),
        AnswerInput(q[4], choices=multi),
        AnswerInput(q[5], text=text, is_complaint=complaint),
    ]
