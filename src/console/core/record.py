"""The record of the morning: what happened in each slot, computed from the state that
`replay(journal)` rebuilds, so that every export says what the journal says.

Pure data (dicts and lists of JSON values), in seconds and epoch times; formats render it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .rundown import drift
from .speakers import turn_label
from .state import QuestionStatus, SessionState, SlotRun, TurnStatus

# A question "approved" in the ledger is one the room saw: approved, on screen or answered.
SEEN = (QuestionStatus.APPROVED, QuestionStatus.ON_SCREEN, QuestionStatus.ANSWERED)


def _share(totals: dict[str, dict[str, float]], key: str, label: str, seconds: float) -> None:
    entry = totals.setdefault(key, {"name": label, "seconds": 0.0, "turns": 0})
    entry["seconds"] += seconds


def _speaking(state: SessionState, runs: list[SlotRun], now: float) -> dict[str, Any]:
    """Speaking time per person, organisation and gender; a group turn's time is shared."""
    people: dict[str, dict[str, Any]] = {}
    organisations: dict[str, dict[str, Any]] = {}
    genders: dict[str, dict[str, Any]] = {}
    slot_ids = {run.slot.id for run in runs}
    for turn in state.turns.values():
        if turn.slot_id not in slot_ids:
            continue
        spoken = turn.timer.elapsed(now)
        if spoken <= 0:
            continue
        share = spoken / len(turn.person_ids)
        for person_id in turn.person_ids:
            person = state.people.get(person_id)
            if person is None:
                continue
            _share(people, person.id, person.name, share)
            people[person.id]["turns"] += 1
            people[person.id]["organisation"] = person.organisation
            people[person.id]["gender"] = person.gender
            _share(organisations, person.organisation or "—", person.organisation or "—", share)
            if person.gender:
                _share(genders, person.gender, person.gender, share)
    total = sum(p["seconds"] for p in people.values())

    def ranked(table: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
        rows = sorted(table.values(), key=lambda r: -r["seconds"])
        for row in rows:
            row["seconds"] = round(row["seconds"], 1)
            row["share"] = round(row["seconds"] / total, 4) if total else 0.0
        return rows

    return {
        "total_seconds": round(total, 1),
        "people": ranked(people),
        "organisations": ranked(organisations),
        "genders": ranked(genders),
    }


def _questions(state: SessionState, slot_id: str | None) -> dict[str, Any]:
    asked = [q for q in state.questions.values() if q.slot_id == slot_id]
    counts: dict[str, int] = defaultdict(int)
    for question in asked:
        counts[question.status.value] += 1
    approved = sorted(
        (q for q in asked if q.status in SEEN), key=lambda q: (-q.votes, q.received_at)
    )
    rejected = [q for q in asked if q.status is QuestionStatus.REJECTED]
    reasons: dict[str, int] = defaultdict(int)
    for question in rejected:
        reasons[question.reason or ""] += 1
    return {
        "received": len(asked),
        "approved": sum(1 for q in asked if q.status in SEEN),
        "rejected": counts[QuestionStatus.REJECTED.value],
        "merged": counts[QuestionStatus.MERGED.value],
        "answered": counts[QuestionStatus.ANSWERED.value],
        "pending": counts[QuestionStatus.PENDING.value],
        "rejection_reasons": [
            {"reason": r, "count": n} for r, n in sorted(reasons.items(), key=lambda x: -x[1])
        ],
        "approved_questions": [
            {
                "id": q.id,
                "text": q.text,
                "original_text": q.original_text,
                "author": q.author,
                "source": q.source,
                "votes": q.votes,
                "status": q.status.value,
                "received_at": q.received_at,
                "shown_at": q.shown_at,
                "answered_at": q.answered_at,
                "addressed_to": state.people[q.addressed_to].name
                if q.addressed_to in state.people
                else None,
            }
            for q in approved
        ],
    }


def _slot(state: SessionState, run: SlotRun, position: int, now: float) -> dict[str, Any]:
    programme = state.programme
    assert programme is not None
    slot = run.slot
    planned_start = programme.planned_start(slot)
    turns = []
    for turn_id in state.queues.get(slot.id, ()):
        turn = state.turns[turn_id]
        if turn.status in (TurnStatus.QUEUED, TurnStatus.SKIPPED) and turn.timer.elapsed(now) == 0:
            continue  # never spoke
        spoken = turn.timer.elapsed(now)
        turns.append(
            {
                "id": turn.id,
                "speakers": turn_label(state, turn),
                "people": [state.people[p].name for p in turn.person_ids if p in state.people],
                "ad_hoc": turn.ad_hoc,
                "status": turn.status.value,
                "started_at": turn.started_at,
                "ended_at": turn.ended_at,
                "seconds": round(spoken, 1),
                "allotted_seconds": round(turn.timer.allotted, 1),
                "over_seconds": round(spoken - turn.timer.allotted, 1),
            }
        )
    duration = run.timer.elapsed(now) if run.started_at is not None else None
    # From start to end on the wall clock, pauses included (the duration leaves them out).
    wall = ((run.ended_at or now) - run.started_at) if run.started_at is not None else None
    return {
        "id": slot.id,
        "position": position,
        "kind": slot.kind.value,
        "title": slot.title,
        "subtitle": slot.subtitle,
        "status": run.status.value,
        "planned_start": planned_start,
        "planned_end": planned_start + slot.seconds,
        "planned_seconds": slot.seconds,
        "actual_start": run.started_at,
        "actual_end": run.ended_at,
        "actual_seconds": round(duration, 1) if duration is not None else None,
        "added_seconds": run.timer.added,
        "start_drift_seconds": round(run.started_at - planned_start, 1)
        if run.started_at is not None
        else None,
        "wall_seconds": round(wall, 1) if wall is not None else None,
        "paused_seconds": round(max(0.0, wall - duration), 1)
        if wall is not None and duration is not None
        else None,
        "end_drift_seconds": round(run.ended_at - (planned_start + slot.seconds), 1)
        if run.ended_at
        else None,
        "moderators": [state.people[p].name for p in slot.moderators if p in state.people],
        "guests": [state.people[p].name for p in slot.guests if p in state.people],
        "turns": turns,
        "notes": [{"at": n.at, "text": n.text} for n in state.notes if n.slot_id == slot.id],
        "speaking": _speaking(state, [run], now),
        "questions": _questions(state, slot.id),
    }


def build_record(state: SessionState, now: float | None = None) -> dict[str, Any]:
    """Everything the organisers publish, per slot and for the whole event.

    `now` closes clocks still running (a database still being written, or from a crash); by
    default the time of the last event in the journal.
    """
    programme = state.programme
    if programme is None:
        raise ValueError("the journal holds no programme")
    now = state.last_at if now is None else now
    runs = list(state.slots.values())
    started = [r.started_at for r in runs if r.started_at is not None]
    ended = [r.ended_at for r in runs if r.ended_at is not None]
    return {
        "format": "tribune-record",
        "version": 1,
        "event": {
            "title": programme.event.title,
            "date": programme.event.date.isoformat(),
            "venue": programme.event.venue,
            "timezone": programme.event.timezone,
            "organisers": list(programme.event.organisers),
            "started_at": min(started) if started else None,
            "ended_at": max(ended)
            if ended and all(r.ended_at for r in runs if r.started_at)
            else None,
            "last_event_at": state.last_at,
            "final_drift_seconds": round(drift(state, now) or 0.0, 1) if started else None,
            "clock_jumps": state.clock_jumps,
            "in_progress": any(r.status.value in ("running", "paused") for r in runs),
        },
        "slots": [_slot(state, run, i, now) for i, run in enumerate(runs)],
        "speaking": _speaking(state, runs, now),
        "questions": _questions_total(state),
        # Asked while no slot was running (before the start, during a break): kept, not lost.
        "outside_slots": _questions(state, None),
        "notes": [{"at": n.at, "slot_id": n.slot_id, "text": n.text} for n in state.notes],
    }


def _questions_total(state: SessionState) -> dict[str, Any]:
    everything = list(state.questions.values())
    return {
        "received": len(everything),
        "approved": sum(1 for q in everything if q.status in SEEN),
        "rejected": sum(1 for q in everything if q.status is QuestionStatus.REJECTED),
        "merged": sum(1 for q in everything if q.status is QuestionStatus.MERGED),
        "answered": sum(1 for q in everything if q.status is QuestionStatus.ANSWERED),
        "pending": sum(1 for q in everything if q.status is QuestionStatus.PENDING),
        "by_source": {
            source: sum(1 for q in everything if q.source == source)
            for source in ("audience", "moderator", "bridge")
        },
    }
