import pytest

from console.core import rundown, speakers
from console.core.errors import DomainError
from console.core.state import SlotStatus, TurnStatus
from tests.core.conftest import run


@pytest.fixture
def state(loaded):
    return loaded


def test_loading_the_programme_queues_its_speakers(state):
    assert list(state.slots) == ["ouverture", "cycle-1", "cycle-2", "conclusion"]
    opening = [state.turns[t].person_ids for t in state.queues["ouverture"]]
    assert opening == [("beaudet",), ("cattan",), ("chappaz",), ("martine-d",)]
    group = [state.turns[t].person_ids for t in state.queues["cycle-1"]]
    assert ("penicaud", "hary") in group
    assert state.turns[state.queues["cycle-1"][0]].timer.duration == 600


def test_loading_twice_is_refused(state, demo):
    with pytest.raises(DomainError) as error:
        rundown.LoadProgramme(demo).decide(state, 1.0)
    assert error.value.code == "programme_loaded"


def test_starting_a_slot_ends_the_one_running_with_its_speaker(state, clock):
    run(state, speakers.CallNext("ouverture"), clock.now)
    assert state.slots["ouverture"].status is SlotStatus.RUNNING
    events = run(state, rundown.StartSlot("cycle-1"), clock.advance(1500))
    assert [e.type for e in events] == ["turn_ended", "slot_ended", "slot_started"]
    assert state.slots["ouverture"].status is SlotStatus.ENDED
    assert state.turns["t1"].status is TurnStatus.DONE
    assert state.current_slot_id == "cycle-1"


def test_an_ended_slot_cannot_start_again(state, clock):
    run(state, rundown.StartSlot("ouverture"), clock.now)
    run(state, rundown.EndSlot(), clock.advance(10))
    with pytest.raises(DomainError) as error:
        rundown.StartSlot("ouverture").decide(state, clock.now)
    assert error.value.code == "slot_ended"


def test_next_slot_walks_the_programme_then_says_it_is_over(state, clock):
    for slot_id in ["ouverture", "cycle-1", "cycle-2", "conclusion"]:
        run(state, rundown.NextSlot(), clock.advance(60))
        assert state.current_slot_id == slot_id
    run(state, rundown.NextSlot(), clock.advance(60))
    assert state.slots["conclusion"].status is SlotStatus.ENDED
    with pytest.raises(DomainError):
        rundown.NextSlot().decide(state, clock.now)


def test_pausing_the_slot_pauses_the_speaker_and_resuming_resumes_both(state, clock):
    run(state, speakers.CallNext("ouverture"), clock.now)
    run(state, rundown.PauseSlot(), clock.advance(100))
    clock.advance(1000)  # a long incident
    run(state, rundown.ResumeSlot(), clock.now)
    clock.advance(20)
    assert state.slots["ouverture"].timer.elapsed(clock.now) == 120
    assert state.turns["t1"].timer.elapsed(clock.now) == 120
    with pytest.raises(DomainError):
        rundown.ResumeSlot().decide(state, clock.now)


def test_extending_and_shortening_a_slot(state, clock):
    run(state, rundown.StartSlot("ouverture"), clock.now)
    run(state, rundown.AdjustSlotTime(60), clock.now)
    run(state, rundown.AdjustSlotTime(-180), clock.now)
    assert state.slots["ouverture"].timer.allotted == 30 * 60 - 120
    with pytest.raises(DomainError) as error:
        rundown.AdjustSlotTime(-3600).decide(state, clock.now)
    assert error.value.code == "negative_time"


def test_drift_against_the_wall_clock(state, clock):
    assert rundown.drift(state, clock.now) is None
    # The opening starts six minutes late: the morning runs six minutes late.
    run(state, rundown.StartSlot("ouverture"), clock.advance(360))
    assert rundown.drift(state, clock.now) == pytest.approx(360)
    # It overruns by four more minutes: ten minutes late, whatever was planned inside it.
    clock.advance(34 * 60)
    assert rundown.drift(state, clock.now) == pytest.approx(600)
    # Shortening the next panel by ten minutes brings the morning back on time.
    run(state, rundown.StartSlot("cycle-1"), clock.now)
    run(state, rundown.AdjustSlotTime(-600), clock.now)
    assert rundown.drift(state, clock.now) == pytest.approx(0)


def test_relative_drift_ignores_the_hour_of_a_rehearsal(state, clock):
    # A rehearsal at 15:00 the day before: against the wall clock it is a day early...
    clock.now -= 18 * 3600
    run(state, rundown.StartSlot("ouverture"), clock.now)
    assert rundown.drift(state, clock.now) < -3600
    # ...but against its own start it is on time, and it sees an overrun like the real thing.
    assert rundown.drift(state, clock.now, relative=True) == pytest.approx(0)
    clock.advance(33 * 60)
    assert rundown.drift(state, clock.now, relative=True) == pytest.approx(180)


def test_notes_go_to_the_current_slot_and_are_cleaned(state, clock):
    run(state, rundown.StartSlot("cycle-1"), clock.now)
    run(state, rundown.AddNote("  La ministre annonce\u202e une consultation  "), clock.advance(5))
    note = state.notes[-1]
    assert note.slot_id == "cycle-1"
    assert note.text == "La ministre annonce une consultation"
    assert note.at == clock.now
    with pytest.raises(DomainError):
        rundown.AddNote("   ").decide(state, clock.now)


def test_a_refused_command_changes_nothing(state, clock):
    before = repr(state)
    for command in (rundown.EndSlot(), rundown.PauseSlot(), rundown.StartSlot("nope")):
        with pytest.raises(DomainError):
            command.decide(state, clock.now)
    assert repr(state) == before


def test_a_wall_clock_jump_does_not_change_running_countdowns(state, clock):
    run(state, speakers.CallNext("ouverture"), clock.now)
    clock.advance(60)
    left = state.speaking_turn().timer.remaining(clock.now)
    slot_left = state.slots["ouverture"].timer.remaining(clock.now)
    # NTP puts the laptop's clock five minutes forward: the room's clocks follow, countdowns do not.
    clock.advance(300)
    run(state, rundown.RecordClockJump(300), clock.now)
    assert state.speaking_turn().timer.remaining(clock.now) == left
    assert state.slots["ouverture"].timer.remaining(clock.now) == slot_left
    assert state.clock_jumps == 1


def test_drift_keeps_growing_between_slots(state, clock):
    run(state, rundown.StartSlot("ouverture"), clock.now)
    run(state, rundown.EndSlot(), clock.advance(30 * 60))  # ends on time, at 09:30
    assert rundown.drift(state, clock.now) == pytest.approx(0)
    # Twenty minutes of applause and coffee before the panel starts: twenty minutes late.
    clock.advance(20 * 60)
    assert rundown.drift(state, clock.now) == pytest.approx(20 * 60)
    assert rundown.drift(state, clock.now, relative=True) == pytest.approx(20 * 60)


def test_resuming_the_slot_keeps_a_speaker_paused_on_purpose(state, clock):
    run(state, speakers.CallNext("ouverture"), clock.now)
    run(state, speakers.PauseTurn(), clock.advance(10))
    run(state, rundown.PauseSlot(), clock.advance(10))
    run(state, rundown.ResumeSlot(), clock.advance(10))
    assert not state.speaking_turn().timer.running
    # Whereas a speaker stopped by the slot's pause goes on with it.
    run(state, speakers.ResumeTurn(), clock.now)
    run(state, rundown.PauseSlot(), clock.advance(10))
    run(state, rundown.ResumeSlot(), clock.advance(10))
    assert state.speaking_turn().timer.running


@pytest.mark.parametrize("seconds", [float("nan"), float("inf"), "60", True])
def test_odd_numbers_are_refused_as_domain_errors(state, clock, seconds):
    run(state, rundown.StartSlot("ouverture"), clock.now)
    with pytest.raises(DomainError) as error:
        rundown.AdjustSlotTime(seconds).decide(state, clock.now)
    assert error.value.code == "bad_number"


def test_an_unplanned_slot_goes_after_the_current_one(state, clock):
    run(state, rundown.StartSlot("ouverture"), clock.now)
    events = run(
        state, rundown.AddSlot("Coupure technique", 10, "interruption"), clock.advance(600)
    )
    slot_id = events[0].data["slot"]["id"]
    assert list(state.slots)[:2] == ["ouverture", slot_id]
    assert state.slots[slot_id].unplanned
    # Starting it ends the opening; the next planned slot comes after it.
    run(state, rundown.StartSlot(slot_id), clock.now)
    assert rundown.next_planned_slot(state).slot.id == "cycle-1"
    assert rundown.drift(state, clock.now) is not None
    with pytest.raises(DomainError):
        rundown.AddSlot("", 10).decide(state, clock.now)
    with pytest.raises(DomainError):
        rundown.AddSlot("Pause", 10, "lunch").decide(state, clock.now)
