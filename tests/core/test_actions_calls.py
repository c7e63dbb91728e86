"""The call log's actions: a call with the tick and the report it brings is one commit."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core import plan
from app.core.actions.calls import CallActions
from app.core.calls import Call
from app.core.tasks import Task
from tests.conftest import TODAY

AT = dt.datetime(2026, 11, 22, 10, 5)


@pytest.fixture
def heard():
    return []


@pytest.fixture
def calls(store, heard):
    return CallActions(store, lambda: TODAY, heard.append)


def test_a_call_about_a_task_ticks_it_in_the_same_commit(store, calls, heard):
    task = store.tasks.add(Task(title="Call the bank", due=TODAY))
    before = store.db.commits
    done = calls.log(
        Call("made", AT, "My bank", task_id=task.id), draft=("calls.log", {"editing": ""})
    )
    assert store.db.commits == before + 1
    assert store.tasks.get(task.id).done and done.ticked.id == task.id and not done.reported
    assert calls.all() == [done.call]
    assert store.progress.draft("calls.log") == {"editing": ""}
    assert heard == [""]


def test_a_scam_call_adds_its_report_and_grows_the_plan_in_one_commit(store, calls):
    store.settings.set("country", "FR")
    store.settings.set("trusted_person", "Sophie")
    store.answers.set_notice("ameli")
    store.answers.set_exposed({"social_security"})
    plan.apply(store.tasks, store.answers.snapshot("FR"), TODAY)
    plain = {t.rule for t in store.tasks.all()}
    before = store.db.commits
    done = calls.log(Call("received", AT, "Faux Ameli", felt_like_scam=True))
    assert store.db.commits == before + 1 and done.reported
    report = store.tasks.by_rule(f"calls.report.{done.call.id}")
    assert report.priority == 1 and "Sophie" in report.shown_how()
    assert "17cyber.gouv.fr" in report.shown_how()
    grown = {t.rule for t in store.tasks.all()} - plain - {report.rule}
    assert grown == {"plan.fr_complaint"}  # a scam call: file a complaint


def test_editing_ticks_only_a_newly_chosen_task_and_reports_once(store, calls):
    first = store.tasks.add(Task(title="First"))
    done = calls.log(Call("made", AT, "Bank", felt_like_scam=True, task_id=first.id))
    store.tasks.undo_done(first.id)
    before = store.db.commits
    again = calls.edit(
        Call(
            "made", AT, "Bank", notes="Same", felt_like_scam=True, task_id=first.id, id=done.call.id
        )
    )
    assert store.db.commits == before + 1
    assert (again.ticked, again.reported) == (None, False)
    assert not store.tasks.get(first.id).done
    assert calls.get(done.call.id).notes == "Same"


def test_delete_and_restore_are_one_commit_each_and_reads_write_nothing(store, calls):
    call = calls.log(Call("made", AT, "Ameli")).call
    before = store.db.commits
    calls.all(), calls.get(call.id), calls.for_task(1)
    assert store.db.commits == before
    gone = calls.delete(call.id)
    assert store.db.commits == before + 1 and calls.all() == []
    calls.restore(gone)
    assert store.db.commits == before + 2 and calls.all() == [call]


def test_the_report_is_for_today_and_names_the_caller_or_someone(store, calls):
    store.settings.set("country", "FR")
    named = calls.log(Call("received", AT, "Faux conseiller", felt_like_scam=True)).call
    report = store.tasks.by_rule(f"calls.report.{named.id}")
    assert report.due == TODAY and report.source == "calls"
    assert report.shown_title() == ("Report the call from Faux conseiller that felt like a scam")
    assert "Tell someone you trust about this call." in report.shown_how()  # nobody written
    unnamed = calls.log(Call("received", AT, felt_like_scam=True)).call
    assert store.tasks.by_rule(f"calls.report.{unnamed.id}").shown_title() == (
        "Report the call from someone that felt like a scam"
    )


def test_a_call_that_cannot_be_written_leaves_nothing_behind(store, calls, heard, monkeypatch):
    task = store.tasks.add(Task(title="Call the bank", due=TODAY))
    store.progress.save_draft("calls.log", {"editing": "made", "organisation": "My bank"})

    def full(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(store.calls, "add", full)
    before = store.db.commits
    with pytest.raises(OSError):
        calls.log(
            Call("made", AT, "My bank", felt_like_scam=True, task_id=task.id),
            draft=("calls.log", {"editing": ""}),
        )
    assert store.db.commits == before and heard == []
    assert not store.tasks.get(task.id).done
    assert [t.id for t in store.tasks.all()] == [task.id]  # no report either
    assert store.progress.draft("calls.log")["organisation"] == "My bank"  # what was typed
