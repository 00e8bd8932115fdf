from console.core.clock import Timer, TimerPhase, Urgency, format_drift, format_duration
from console.timebase import Timebase


def test_a_running_timer_counts_from_its_anchor_not_from_ticks():
    timer = Timer(600).start(1000.0)
    assert timer.remaining(1000.0) == 600
    assert timer.remaining(1250.5) == 349.5
    # Asked rarely or often, the answer depends only on now.
    assert timer.elapsed(1600.0) == 600


def test_pause_freezes_and_resume_continues():
    timer = Timer(600).start(0.0).pause(100.0)
    assert timer.phase is TimerPhase.PAUSED
    assert timer.elapsed(5000.0) == 100
    timer = timer.start(5000.0)
    assert timer.elapsed(5050.0) == 150
    assert timer.remaining(5050.0) == 450


def test_adding_and_removing_time_moves_the_end_not_the_elapsed():
    timer = Timer(300).start(0.0).add(60).add(-30)
    assert timer.allotted == 330
    assert timer.elapsed(100.0) == 100
    assert timer.remaining(100.0) == 230


def test_overtime_counts_up_past_zero():
    timer = Timer(60).start(0.0)
    assert timer.overtime(59.0) == 0
    assert timer.remaining(75.0) == -15
    assert timer.overtime(75.0) == 15
    assert timer.urgency(75.0, warning=10) is Urgency.OVERTIME
    assert timer.urgency(52.0, warning=10) is Urgency.WARNING
    assert timer.urgency(10.0, warning=10) is Urgency.NORMAL


def test_stop_keeps_what_was_spoken():
    timer = Timer(60).start(10.0).stop(40.0)
    assert timer.phase is TimerPhase.STOPPED
    assert timer.elapsed(1000.0) == 30


def test_a_wall_clock_set_backwards_does_not_run_time_backwards():
    timer = Timer(60).start(100.0)
    assert timer.elapsed(90.0) == 0


def test_format_duration_rounds_like_a_countdown():
    assert format_duration(600) == "10:00"
    assert format_duration(599.2) == "10:00"  # the last second is not gone yet
    assert format_duration(0.4) == "0:01"
    assert format_duration(0) == "0:00"
    assert format_duration(-0.5) == "0:00"
    assert format_duration(-61.9) == "-1:01"
    assert format_duration(3725) == "1:02:05"
    assert format_duration(90, signed=True) == "+1:30"


def test_format_drift():
    assert format_drift(360) == "+6 min"
    assert format_drift(-125) == "-2 min"
    assert format_drift(20) == "±0 min"


def test_timebase_follows_the_monotonic_clock_and_reports_a_jump():
    wall = [1000.0]
    mono = [50.0]
    base = Timebase(wall=lambda: wall[0], monotonic=lambda: mono[0], tolerance=2.0)
    mono[0] += 10
    wall[0] += 10
    assert base.now() == 1010.0
    assert base.check_jump() is None
    # Someone sets the system clock back five minutes: the console's time does not jump...
    wall[0] -= 300
    assert base.now() == 1010.0
    # ...until the check reports it, and the base follows the wall again.
    assert base.check_jump() == -300.0
    assert base.now() == 710.0
