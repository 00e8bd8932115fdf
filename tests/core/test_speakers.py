import pytest

from console.core import rundown, speakers
from console.core.errors import DomainError
from console.core.state import SlotStatus, TurnStatus
from tests.core.conftest import run


@pytest.fixture
def state(loaded):
    return loaded


def statuses(state, slot_id):
    return [(t, state.turns[t].status.value) for t in state.queues[slot_id]]


def test_call_next_starts_the_slot_and_walks_the_queue(state, clock):
    run(state, speakers.CallNext("ouverture"), clock.now)
    assert state.slots["ouverture"].status is SlotStatus.RUNNING
    assert state.speaking_turn().id == "t1"
    run(state, speakers.CallNext(), clock.advance(400))
    assert statuses(state, "ouverture") == [
        ("t1", "done"),
        ("t2", "speaking"),
        ("t3", "queued"),
        ("t4", "queued"),
    ]
    assert state.turns["t1"].timer.elapsed(clock.now) == 400
    assert state.turns["t1"].ended_at == clock.now


def test_the_speaker_timer_runs_over_its_allotted_time(state, clock):
    run(state, speakers.CallNext("ouverture"), clock.now)
    clock.advance(7 * 60 + 45)
    turn = state.speaking_turn()
    assert turn.timer.overtime(clock.now) == 45
    run(state, speakers.AdjustTurnTime(120), clock.now)
    assert state.speaking_turn().timer.remaining(clock.now) == 75


def test_an_empty_queue_ends_the_last_turn_then_refuses(state, clock):
    run(state, rundown.StartSlot("conclusion"), clock.now)
    with pytest.raises(DomainError) as error:
        speakers.CallNext().decide(state, clock.now)
    assert error.value.code == "queue_empty"
    run(state, speakers.AddTurn("conclusion", ("meyer",), minutes=5), clock.now)
    run(state, speakers.CallNext(), clock.now)
    events = run(state, speakers.CallNext(), clock.advance(300))
    assert [e.type for e in events] == ["turn_ended"]


def test_a_group_turn_shares_its_time_among_its_members(state, clock):
    run(state, rundown.StartSlot("cycle-1"), clock.now)
    group = next(t for t in state.queues["cycle-1"] if len(state.turns[t].person_ids) == 2)
    run(state, speakers.GiveFloor(group), clock.now)
    clock.advance(600)
    spoken = speakers.spoken_seconds(state, clock.now)
    assert spoken["penicaud"] == 300
    assert spoken["hary"] == 300
    assert speakers.turn_label(state, state.turns[group]) == "Soizic Pénicaud & Estelle Hary"


def test_someone_from_the_floor_joins_the_queue(state, clock):
    run(state, rundown.StartSlot("cycle-1"), clock.now)
    events = run(
        state,
        speakers.AddAdHocSpeaker("cycle-1", "  Jeanne\u0000 Dupont ", title="Citoyenne", minutes=2),
        clock.now,
    )
    person_id = events[0].data["person"]["id"]
    assert state.people[person_id].name == "Jeanne Dupont"
    turn = state.turns[state.queues["cycle-1"][-1]]
    assert turn.ad_hoc and turn.person_ids == (person_id,) and turn.timer.duration == 120
    with pytest.raises(DomainError):
        speakers.AddAdHocSpeaker("cycle-1", "   ").decide(state, clock.now)


def test_reordering_the_waiting_speakers(state, clock):
    run(state, speakers.CallNext("ouverture"), clock.now)
    run(state, speakers.MoveTurn("t4", 0), clock.now)
    assert statuses(state, "ouverture") == [
        ("t1", "speaking"),
        ("t4", "queued"),
        ("t2", "queued"),
        ("t3", "queued"),
    ]
    run(state, speakers.MoveTurn("t4", 2), clock.now)
    assert [t for t, _ in statuses(state, "ouverture")] == ["t1", "t2", "t3", "t4"]
    with pytest.raises(DomainError):
        speakers.MoveTurn("t1", 0).decide(state, clock.now)  # speaking, not waiting
    with pytest.raises(DomainError):
        speakers.MoveTurn("t2", 9).decide(state, clock.now)


def test_return_to_queue_keeps_the_time_spoken_and_waits_first(state, clock):
    run(state, speakers.CallNext("ouverture"), clock.now)
    run(state, speakers.ReturnToQueue(), clock.advance(90))
    assert statuses(state, "ouverture")[0] == ("t1", "queued")
    run(state, speakers.GiveFloor("t2"), clock.now)
    run(state, speakers.CallNext(), clock.advance(60))  # t1 again
    assert state.speaking_turn().id == "t1"
    assert state.turns["t1"].timer.elapsed(clock.advance(30)) == 120


def test_skip_and_remove_only_waiting_speakers(state, clock):
    run(state, speakers.SkipTurn("t3"), clock.now)
    assert state.turns["t3"].status is TurnStatus.SKIPPED
    run(state, speakers.RemoveTurn("t4"), clock.now)
    assert "t4" not in state.queues["ouverture"]
    run(state, speakers.CallNext("ouverture"), clock.now)
    run(state, speakers.CallNext(), clock.now)  # t2: t3 was skipped
    assert state.speaking_turn().id == "t2"
    with pytest.raises(DomainError):
        speakers.RemoveTurn("t2").decide(state, clock.now)


def test_the_floor_cannot_be_given_in_a_paused_or_ended_slot(state, clock):
    run(state, speakers.CallNext("ouverture"), clock.now)
    run(state, rundown.PauseSlot(), clock.now)
    with pytest.raises(DomainError) as error:
        speakers.CallNext().decide(state, clock.now)
    assert error.value.code == "slot_paused"
    run(state, rundown.ResumeSlot(), clock.now)
    run(state, rundown.EndSlot(), clock.now)
    with pytest.raises(DomainError):
        speakers.GiveFloor("t3").decide(state, clock.now)


def test_adding_a_turn_checks_the_people(state, clock):
    with pytest.raises(DomainError) as error:
        speakers.AddTurn("cycle-2", ("nobody",)).decide(state, clock.now)
    assert error.value.code == "unknown_person"
    with pytest.raises(DomainError):
        speakers.AddTurn("cycle-2", ()).decide(state, clock.now)


def test_malformed_commands_are_domain_errors(state, clock):
    with pytest.raises(DomainError):
        speakers.CallNext("nope").decide(state, clock.now)
    with pytest.raises(DomainError):
        speakers.MoveTurn("t2", "1").decide(state, clock.now)
    with pytest.raises(DomainError):
        speakers.AddTurn("ouverture", ("beaudet",), minutes=float("nan")).decide(state, clock.now)
    with pytest.raises(DomainError):
        speakers.AddAdHocSpeaker("ouverture", None).decide(state, clock.now)


def test_share_what_remains_of_the_slot(state, clock):
    run(state, speakers.CallNext("ouverture"), clock.now)
    clock.advance(12 * 60)  # the first speaker took 12 minutes of the 30
    run(state, speakers.ShareRemaining(), clock.now)
    waiting = [state.turns[t] for t in ("t2", "t3", "t4")]
    # 18 minutes left, shared among the speaker (for what comes) and the three waiting.
    assert [t.timer.allotted for t in waiting] == [270, 270, 270]
    assert state.turns["t1"].timer.remaining(clock.now) == 270
