"""The wizard's next/back rules, without any display."""

from app.core.answers import Account, Answers
from app.core.flow import Journey, Navigator, Position, Step

FIXED = Journey("fixed", "Fixed", "", pages=("a", "b", "c"))
PER_ACCOUNT = Journey(
    "acc",
    "Accounts",
    "",
    steps_for=lambda ans: [Step("acc.intro")] + [Step("acc.one", str(a.id)) for a in ans.accounts],
)


NO_ANSWERS = Answers()


def nav(answers=NO_ANSWERS):
    return Navigator([FIXED, PER_ACCOUNT], lambda: answers)


def test_next_walks_the_pages_then_returns_home_and_marks_finished():
    n = nav()
    assert n.start("fixed") == Step("fixed.a")
    assert n.next() == Step("fixed.b")
    assert n.next() == Step("fixed.c")
    assert n.next() is None
    assert n.journey is None and n.is_finished("fixed")


def test_back_from_first_page_goes_home_and_keeps_nothing_broken():
    n = nav()
    n.start("fixed")
    n.next()
    assert n.back() == Step("fixed.a")
    assert n.back() is None
    assert n.journey is None


def test_resume_reopens_the_page_left_and_survives_serialisation():
    n = nav()
    n.start("fixed")
    n.next()
    n.go_home()
    saved = n.position.to_dict()
    again = nav()
    again.position = Position.from_dict(saved)
    assert again.is_started("fixed")
    assert again.start("fixed") == Step("fixed.b")
    assert again.start("fixed", resume=False) == Step("fixed.a")


def test_steps_follow_the_answers():
    answers = Answers(accounts=(Account(1, "email", "Mail"), Account(7, "bank", "Bank")))
    n = nav(answers)
    n.start("acc")
    assert n.next() == Step("acc.one", "1")
    assert n.next() == Step("acc.one", "7")
    assert n.position.step == "acc.one:7"
    assert n.index() == 2


def test_damaged_position_data_falls_back_to_home():
    assert Position.from_dict({"journey": 3, "last_steps": "nonsense"}) == Position()


def test_unknown_exposed_counts_as_sensitive():
    answers = Answers(country="MX", exposed=frozenset({"unknown"}))
    kinds = answers.effective_exposed()
    assert {"social_security", "curp", "bank", "pension"} <= kinds
    assert "unknown" not in kinds


def test_where_stopped_is_the_last_journey_left_unfinished():
    answers = Answers(accounts=[Account(1, "bank", "Banorte")])
    n = nav(answers)
    assert n.where_stopped() is None
    n.start("fixed")
    n.next()
    n.go_home()
    assert n.where_stopped() == (FIXED, 2, 3)
    n.start("acc")
    n.go_home()
    assert n.where_stopped() == (PER_ACCOUNT, 1, 2)
    n.start("fixed")  # back in the first one: it is where the person stopped now
    n.go_home()
    assert n.where_stopped() == (FIXED, 2, 3)
    n.start("fixed")
    n.next()
    assert n.next() is None  # finished: the other one is left
    assert n.where_stopped() == (PER_ACCOUNT, 1, 2)
    restored = nav(answers)
    restored.position = Position.from_dict(n.position.to_dict())
    assert restored.where_stopped() == (PER_ACCOUNT, 1, 2)
