"""A wrong programme file is named with its file, line and field, and what was expected."""

from datetime import time

import pytest

from console.core.programme import Programme, SlotKind
from console.core.programme_file import ProgrammeError, load_programme, locate, parse_programme

GOOD = """\
[event]
title = "Répétition"
date = 2025-02-07

[people.ana]
name = "Ana"
gender = "f"

[people.bo]
name = "Bo"

[[slot]]
id = "a"
kind = "opening"
title = "Ouverture"
start = 09:00:00
minutes = 20
speakers = ["ana", ["ana", "bo"], { people = ["bo"], minutes = 3 }]

[[slot]]
id = "b"
title = "Pause"
kind = "break"
start = "09:20"
minutes = 10
"""


def error_for(text: str) -> ProgrammeError:
    with pytest.raises(ProgrammeError) as caught:
        parse_programme(text, "morning.toml")
    return caught.value


def test_the_demo_programme_reads_whole(demo):
    assert demo.event.title == "IA : la voie citoyenne"
    assert [s.kind for s in demo.slots] == [
        SlotKind.OPENING,
        SlotKind.PANEL,
        SlotKind.PANEL,
        SlotKind.CONCLUSION,
    ]
    assert len(demo.slots[0].turns) == 4
    assert demo.slots[1].guests == ("du-boucher", "perroud")
    assert Programme.from_dict(demo.to_dict()) == demo


def test_a_good_file_with_group_and_timed_turns():
    programme = parse_programme(GOOD)
    slot = programme.slots[0]
    assert [t.person_ids for t in slot.turns] == [("ana",), ("ana", "bo"), ("bo",)]
    assert slot.turns[2].minutes == 3
    assert programme.slots[1].start == time(9, 20)


def test_syntax_error_names_the_line():
    error = error_for(GOOD.replace("minutes = 20", "minutes = = 20"))
    assert error.file == "morning.toml"
    assert error.line == 17
    assert "not valid TOML" in str(error)


def test_wrong_type_names_line_field_and_expectation():
    error = error_for(GOOD.replace("minutes = 10", 'minutes = "ten"'))
    assert (error.line, error.key) == (25, "slot[2].minutes")
    assert "expected a number" in error.problem and "'ten'" in error.problem
    assert str(error).startswith("morning.toml:25: slot[2].minutes:")


def test_unknown_person_in_a_list():
    error = error_for(GOOD.replace('["ana", "bo"]', '["ana", "zoe"]'))
    assert error.key == "slot[1].speakers"
    assert error.line == 18
    assert "'zoe'" in error.problem


def test_a_typo_in_a_key_is_caught():
    error = error_for(GOOD.replace('title = "Pause"', 'titel = "Pause"'))
    assert error.key == "slot[2].titel"
    assert error.line == 22
    assert "unknown key" in error.problem


def test_missing_required_field():
    error = error_for(GOOD.replace('name = "Bo"\n', ""))
    assert error.key == "people.bo.name"
    assert error.line == 9  # the table's header, since the key is not there
    assert "missing" in error.problem


def test_bad_kind_lists_the_choices():
    error = error_for(GOOD.replace('kind = "break"', 'kind = "lunch"'))
    assert "'lunch'" in error.problem and "break" in error.problem


def test_slots_out_of_order_and_duplicate_ids():
    error = error_for(GOOD.replace('start = "09:20"', 'start = "08:00"'))
    assert error.key == "slot[2].start" and "before" in error.problem
    error = error_for(GOOD.replace('id = "b"', 'id = "a"'))
    assert error.key == "slot[2].id" and error.line == 21


def test_bad_date_time_zone_and_duration():
    assert error_for(GOOD.replace("date = 2025-02-07", 'date = "07/02/2025"')).key == "event.date"
    error = error_for(GOOD.replace("[event]\n", '[event]\ntimezone = "Europe/Lutece"\n'))
    assert error.key == "event.timezone" and error.line == 2
    assert error_for(GOOD.replace("minutes = 20", "minutes = 0")).key == "slot[1].minutes"


def test_missing_and_unreadable_files(tmp_path):
    with pytest.raises(ProgrammeError) as caught:
        load_programme(tmp_path / "nope.toml")
    assert "no such file" in str(caught.value)
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'[event]\ntitle = "\xe9v\xe8nement"\n')
    with pytest.raises(ProgrammeError) as caught:
        load_programme(bad)
    assert caught.value.line == 2 and "UTF-8" in caught.value.problem


def test_locate_finds_keys_in_arrays_of_tables():
    assert locate(GOOD, ("slot", 1, "kind")) == 23
    assert locate(GOOD, ("people", "ana", "gender")) == 7


def test_ids_kept_for_the_floor_are_refused():
    error = error_for(GOOD.replace("[people.bo]", "[people.adhoc-1]").replace('"bo"', '"adhoc-1"'))
    assert error.key == "people.adhoc-1" and "adhoc-" in error.problem
