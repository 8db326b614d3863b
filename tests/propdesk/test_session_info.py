"""Who acts: the actor stored on the session, read the two ways services need."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor, Role
from propdesk.session_info import actor_name, actor_or_none, actor_or_system

CLERK = Actor(user_id=7, username="wang", display_name="王前台", role=Role.CLERK)


def _session(actor: object = None) -> Session:
    session = Session()
    if actor is not None:
        session.info["actor"] = actor
    return session


def test_logged_in_actor_is_read_back_every_way() -> None:
    s = _session(CLERK)
    assert actor_or_none(s) is CLERK
    assert actor_or_system(s) is CLERK
    assert actor_name(s) == "王前台"


def test_no_login_is_none_for_permission_checks_and_system_for_batch_work() -> None:
    s = _session()
    assert actor_or_none(s) is None
    assert actor_or_system(s) == Actor.system()
    assert actor_name(s) == "系统"


def test_something_else_under_the_key_is_not_an_actor() -> None:
    s = _session("wang")
    assert actor_or_none(s) is None
    assert actor_or_system(s).username == "system"
    assert actor_name(s) == "系统"
