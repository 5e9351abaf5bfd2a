"""core.io.animation: which steps become frames, how long each shows, how far the view turns,
the choices refused (one line each), and that each frame is the run exactly at its step."""

import numpy as np
import pytest

from core.io import animation
from core.io.animation import HOLD_MS, AnimationError, frame_snapshots, parse_size, plan_animation
from core.model.config import TrainConfig
from core.training.trainer import Trainer


def test_frames_spread_evenly_from_the_first_step_to_the_last():
    plan = plan_animation(0, 2000, 101, (800, 600), "both")
    steps = plan.frame_steps()
    assert steps[0] == 0 and steps[-1] == 2000 and len(steps) == 101
    assert set(np.diff(steps)) == {20}


def test_a_short_run_gives_each_step_once():
    plan = plan_animation(0, 5, 100, (800, 600), "surface")
    assert plan.frame_steps().tolist() == [0, 1, 2, 3, 4, 5]
    assert len(plan.delays_ms()) == 6


def test_a_record_that_starts_later_starts_the_animation_there():
    steps = plan_animation(500, 1500, 3, (800, 600), "loss").frame_steps()
    assert steps.tolist() == [500, 1000, 1500]


def test_each_frame_shows_for_its_share_and_the_last_holds():
    plan = plan_animation(0, 1000, 50, (800, 600), "both", seconds=5)
    delays = plan.delays_ms()
    assert delays[:-1] == [100] * 49 and delays[-1] == animation.HOLD_MS
    assert plan_animation(0, 1000, 10, (800, 600), "both", seconds=30).delays_ms()[-1] == 3000
    assert plan_animation(0, 1000, 10, (800, 600), "both").delay_ms == 100  # 10 a second


def test_the_length_is_spread_over_the_frames_there_are_in_hundredths():
    # A 5-step run has 6 frames, not the 100 asked for: 10 s over 6 frames.
    plan = plan_animation(0, 5, 100, (800, 600), "both", seconds=10)
    delays = plan.delays_ms()
    assert len(delays) == 6 and sum(delays) == 10000 and set(delays) == {1660, 1670}
    # 33.3 ms a frame: hundredths that add up to the second asked for, none under 20 ms.
    thirty = plan_animation(0, 1000, 30, (800, 600), "both", seconds=1).delays_ms()
    assert sum(thirty[:-1]) == 970 and set(thirty[:-1]) == {30, 40} and thirty[-1] == HOLD_MS
    quick = plan_animation(0, 1000, 400, (800, 600), "both", seconds=10).delays_ms()  # 25 ms
    assert sum(quick[:-1]) == 9980 and min(quick) >= 20  # 10 s, not the 8 s of 20 ms each


def test_a_refusal_says_which_choice_for_a_translated_message():
    with pytest.raises(AnimationError) as raised:
        plan_animation(0, 1000, 100, (800, 600), "both", seconds=0.5)
    assert raised.value.kind == "delay" and raised.value.values == (100, 0.5)
    with pytest.raises(AnimationError) as raised:
        plan_animation(0, 10**6, 1000, (1920, 1080), "both")
    assert raised.value.kind == "pixels" and raised.value.values[:3] == (1000, 1920, 1080)


def test_the_view_keeps_the_users_camera_unless_turning_is_chosen():
    plan = plan_animation(0, 100, 11, (800, 600), "surface")
    assert [plan.azimuth(k, -62.0) for k in range(11)] == [-62.0] * 11


def test_a_turning_view_turns_a_quarter_turn_and_ends_on_the_users_camera():
    plan = plan_animation(0, 100, 11, (800, 600), "surface", seconds=5.0, turn=True)
    assert plan.turn  # kept through the length's re-plan
    angles = [plan.azimuth(k, -62.0) for k in range(11)]
    assert angles[-1] == -62.0 and angles[0] == pytest.approx(-62.0 - animation.TURN_DEGREES)
    assert np.allclose(np.diff(angles), animation.TURN_DEGREES / 10)


@pytest.mark.parametrize("first, last, frames, size, view, seconds, says", [
    (0, 100, 10, (800, 600), "movie", None, "view is one of surface, loss, both"),
    (0, 100, 1, (800, 600), "both", None, "frames is from 2 to 1000, not 1"),
    (0, 100, 1001, (800, 600), "both", None, "not 1001"),
    (0, 100, True, (800, 600), "both", None, "not True"),
    (0, 100, 10.5, (800, 600), "both", None, "not 10.5"),
    (0, 100, 10, (100, 600), "both", None, "160 to 3840 pixels each way, not 100 x 600"),
    (0, 100, 10, (800, 4000), "both", None, "not 800 x 4000"),
    (0, 0, 10, (800, 600), "both", None, "at least two steps"),
    (5, 3, 10, (800, 600), "both", None, "at least two steps"),
    (0, 100, 10, (800, 600), "both", 0, "positive number of seconds"),
    (0, 100, 10, (800, 600), "both", float("nan"), "positive number of seconds"),
    (0, 100, 100, (800, 600), "both", 1, "10 ms a frame"),
    (0, 2000, 1000, (800, 600), "both", 15, "15 ms a frame"),
    (0, 100, 2, (800, 600), "both", 60, "30000 ms a frame"),
    (0, 100, 10, (800, 600), "both", 1e306, "too long a frame"),
    (0, 10**6, 1000, (3840, 2160), "both", None, "too many pixels"),
    (0, 10**6, 200, (1920, 1080), "both", None, "too many pixels"),
])
def test_a_choice_no_animation_can_be_made_with_is_refused_in_one_line(
        first, last, frames, size, view, seconds, says):
    with pytest.raises(AnimationError) as raised:
        plan_animation(first, last, frames, size, view, seconds)
    message = str(raised.value)
    assert says in message and "\n" not in message


@pytest.mark.parametrize("text, size", [("800x600", (800, 600)), (" 1920 X 1080 ", (1920, 1080)),
                                        ("640×480", (640, 480))])
def test_sizes_read_as_width_by_height(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["800", "800x", "x600", "800*600", "-800x600", "8e2x600", ""])
def test_a_size_that_is_not_width_by_height_is_refused(text):
    with pytest.raises(AnimationError, match="WIDTHxHEIGHT"):
        parse_size(text)


def test_every_frame_is_the_run_exactly_at_its_step():
    config = TrainConfig(steps=400, seed=3)
    run = Trainer(config)
    run.run()
    plan = plan_animation(0, run.step, 5, (320, 240), "both")
    frames = list(frame_snapshots(run, plan))
    assert [f.step for f in frames] == [0, 100, 200, 300, 400]
    for frame in frames:
        alone = Trainer(config.with_changes(steps=max(1, frame.step)))
        if frame.step:
            alone.run()
        assert np.array_equal(frame.weights.hidden, alone.weights.hidden)
        assert np.array_equal(frame.weights.output, alone.weights.output)
        # The whole curve up to the last frame, with this frame's step marked on it.
        assert len(frame.losses) == 400 and frame.live_step == 400
        assert np.array_equal(frame.losses.values(), run.history.values()[:400])
    assert frames[0].loss > frames[-1].loss


def test_frames_up_to_a_past_step_of_a_longer_run_end_there():
    run = Trainer(TrainConfig(steps=600, seed=1))
    run.run()
    plan = plan_animation(0, 250, 6, (320, 240), "loss")
    frames = list(frame_snapshots(run, plan))
    assert frames[-1].step == 250 and len(frames[-1].losses) == 250
    assert np.array_equal(frames[-1].weights.output, run.state_at(250).weights.output)


def test_a_run_whose_record_starts_later_is_animated_from_there():
    # As a run opened from a version 1 file at step 300 and trained on: no record before 300.
    config = TrainConfig(steps=700, seed=5)
    first = Trainer(config.with_changes(steps=300))
    first.run()
    later = Trainer(config, first.weights, first.step, first.history.values())
    later.run()
    assert later.record.start_step == 300
    plan = plan_animation(later.record.start_step, later.step, 3, (320, 240), "loss")
    frames = list(frame_snapshots(later, plan))
    assert [f.step for f in frames] == [300, 500, 700]
    whole = Trainer(config)
    whole.run()
    assert np.array_equal(frames[-1].weights.output, whole.weights.output)
    assert np.array_equal(frames[0].weights.output, first.weights.output)
