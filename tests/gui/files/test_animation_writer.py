"""gui.files.animation_writer: the GIF has the frames asked for, at the size asked for; frames
differ as the run learns; the caption is drawn; the 3D view turns and the loss dot moves; the
window's events go on between frames; Cancel and failures leave no file."""

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QTimer
from qt_waits import drain_events

from core.io.animation import HOLD_MS, frame_snapshots, plan_animation
from core.model.config import TrainConfig
from core.training.trainer import Trainer
from gui.common.messages import slide_caption
from gui.files.animation_writer import AnimationWriter
from gui.views.animation_stage import AnimationStage

CAPTION_SHARE = 0.07  # as gui.files.exports draws the band


@pytest.fixture(scope="module")
def run():
    trainer = Trainer(TrainConfig(steps=1500, seed=0))
    trainer.run()
    return trainer


@pytest.fixture
def stage(qtbot):
    widget = AnimationStage()
    qtbot.addWidget(widget)
    widget.resize(640, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def make(stage, run, path, frames=6, size=(400, 300), view="both", caption=True, seconds=None,
         last=None, turn=False):
    plan = plan_animation(0, run.step if last is None else last, frames, size, view, seconds, turn)
    return AnimationWriter(stage, plan, frame_snapshots(run, plan), str(path),
                           slide_caption if caption else (lambda _s: ""), "● target")


def frames_of(path) -> list[np.ndarray]:
    with Image.open(path) as gif:
        pictures = []
        for k in range(gif.n_frames):
            gif.seek(k)
            pictures.append(np.asarray(gif.convert("RGB")).astype(int))
        return pictures


def durations_of(path) -> list[int]:
    with Image.open(path) as gif:
        durations = []
        for k in range(gif.n_frames):
            gif.seek(k)
            durations.append(gif.info["duration"])
        return durations


@pytest.mark.parametrize("view", ["both", "surface", "loss"])
def test_the_gif_has_the_frames_and_size_asked_for_and_they_differ(stage, run, tmp_path, view):
    path = tmp_path / "run.gif"
    writer = make(stage, run, path, frames=6, size=(400, 300), view=view)
    assert writer.run_to_end() == ""
    frames = frames_of(path)
    assert len(frames) == 6 and frames[0].shape == (300, 400, 3)
    picture = slice(0, round(300 * (1 - CAPTION_SHARE)))  # above the caption band
    for before, after in zip(frames, frames[1:]):
        assert np.abs(before[picture] - after[picture]).sum() > 0  # the run moves on every frame
    assert writer.written_bytes == path.stat().st_size > 0
    with Image.open(path) as gif:
        assert gif.info["loop"] == 0  # plays again and again on a slide


def test_frames_show_for_the_length_chosen_and_the_last_holds(stage, run, tmp_path):
    path = tmp_path / "run.gif"
    assert make(stage, run, path, frames=5, view="loss", seconds=2).run_to_end() == ""
    assert durations_of(path) == [400, 400, 400, 400, HOLD_MS]


def test_the_caption_is_drawn_under_the_picture(stage, run, tmp_path):
    with_caption, without = tmp_path / "with.gif", tmp_path / "without.gif"
    assert make(stage, run, with_caption, frames=2, view="loss").run_to_end() == ""
    assert make(stage, run, without, frames=2, view="loss", caption=False).run_to_end() == ""
    band = slice(round(300 * (1 - CAPTION_SHARE)) + 2, 298)
    captioned = frames_of(with_caption)[-1][band]
    # Text: dark pixels on the band's white; the first and last frames' steps differ.
    assert (captioned.sum(axis=2) < 300).sum() > 100
    first, last = frames_of(with_caption)[0][band], captioned
    assert np.abs(first - last).sum() > 0
    # Without a caption the picture fills the frame: the bottom rows are the plot's axis, not a band.
    assert np.abs(frames_of(without)[-1][band] - captioned).sum() > 0


@pytest.mark.parametrize("turn", [True, False])
def test_the_loss_dot_follows_the_step_and_the_3d_view_turns_only_if_asked(stage, run, tmp_path, qtbot,
                                                                             turn):
    seen = []
    writer = make(stage, run, tmp_path / "run.gif", frames=4, view="both", turn=turn)

    def look(done, _total):
        dot = stage.loss_plot.cursor_dot()
        camera = stage.camera()
        seen.append((dot, None if camera is None else camera["azimuth"]))

    writer.progress.connect(look)
    start = stage.camera()
    assert writer.run_to_end() == ""
    steps = [0, 500, 1000, 1500]
    assert seen[0][0] is None  # step 0 has no loss yet
    assert [dot[0] for dot, _ in seen[1:]] == steps[1:]
    losses = run.history.values()
    assert [dot[1] for dot, _ in seen[1:]] == pytest.approx([losses[s - 1] for s in steps[1:]], rel=1e-6)
    if not stage.is_3d:
        pytest.skip("the turn needs OpenGL (the 2D map has no camera)")
    angles = [angle for _, angle in seen]
    # turning, a quarter turn that ends where the user looked; else the user's camera throughout
    expected = [start["azimuth"] - (90 - 30 * k if turn else 0) for k in range(4)]
    assert angles == pytest.approx(expected)
    assert stage.camera()["azimuth"] == pytest.approx(start["azimuth"])  # put back after


def test_a_hidden_stage_pauses_the_animation_until_it_shows_again(stage, run, tmp_path, qtbot):
    if not stage.is_3d:
        pytest.skip("only OpenGL needs the window shown")
    path = tmp_path / "run.gif"
    writer = make(stage, run, path, frames=6, view="surface")
    waits = []
    writer.waiting.connect(waits.append)
    writer.progress.connect(lambda done, _total: stage.hide() if done == 2 else None)
    looks = []
    writer._timer.timeout.connect(lambda: looks.append(True))  # each look at the stage
    writer.start()
    qtbot.waitUntil(lambda: waits == [True], timeout=30000)  # after PAUSE_AFTER_S hidden
    paused_at = len(looks)
    qtbot.waitUntil(lambda: len(looks) >= paused_at + 3)  # three more looks at the hidden stage
    assert writer.done == 2 and writer.is_running() and writer.error == ""  # waits, does not fail
    stage.show()
    qtbot.waitUntil(lambda: not writer.is_running(), timeout=60000)
    assert waits == [True, False] and writer.error == ""
    assert len(frames_of(path)) == 6


def test_a_window_just_shown_does_not_flash_paused(qtbot, run, tmp_path):
    fresh = AnimationStage()
    qtbot.addWidget(fresh)
    fresh.resize(640, 320)
    writer = make(fresh, run, tmp_path / "run.gif", frames=3, view="surface")
    waits = []
    writer.waiting.connect(waits.append)
    fresh.show()  # as the progress window does, then the writer starts at once
    writer.start()
    qtbot.waitUntil(lambda: not writer.is_running(), timeout=60000)
    assert writer.error == "" and waits == []


def test_cancel_while_a_frame_is_drawn_adds_no_frame(stage, run, tmp_path, qtbot, monkeypatch):
    from gui.files import exports

    writer = make(stage, run, tmp_path / "run.gif", frames=6, view="loss")
    drawn = exports.slide_image

    def cancel_midway(*args, **kwargs):
        if writer.done == 2:
            writer.cancel()  # as a Cancel click handled by the events a drawing processes
        return drawn(*args, **kwargs)

    monkeypatch.setattr(exports, "slide_image", cancel_midway)
    counts = []
    writer.progress.connect(lambda done, _total: counts.append(done))
    writer.start()
    qtbot.waitUntil(lambda: writer.cancelled, timeout=30000)
    drain_events(qtbot)  # a frame timer still running would have drawn another frame by now
    assert not writer.is_running()
    assert counts == [1, 2] and writer.done == 0 and not (tmp_path / "run.gif").exists()


def test_a_finished_writer_lets_go_of_the_run(stage, run, tmp_path):
    plan = plan_animation(0, run.step, 3, (320, 240), "loss")
    snapshots = frame_snapshots(run, plan)
    writer = AnimationWriter(stage, plan, snapshots, str(tmp_path / "a.gif"), lambda _s: "")
    assert writer.run_to_end() == ""
    # The generator holding the trainer is closed, not left suspended after its last frame.
    assert snapshots.gi_frame is None


def test_the_event_loop_runs_between_frames(stage, run, tmp_path, qtbot):
    ticks, at_frames = [0], []
    beat = QTimer()
    beat.setInterval(0)
    beat.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    writer = make(stage, run, tmp_path / "run.gif", frames=8, view="surface")
    writer.progress.connect(lambda done, _total: at_frames.append(ticks[0]))
    beat.start()
    writer.start()
    qtbot.waitUntil(lambda: not writer.is_running(), timeout=60000)
    beat.stop()
    assert writer.error == "" and len(at_frames) == 8
    assert all(b > a for a, b in zip(at_frames, at_frames[1:]))  # other events between frames


def test_cancel_writes_nothing_and_keeps_an_earlier_file(stage, run, tmp_path, qtbot):
    path = tmp_path / "run.gif"
    path.write_bytes(b"earlier")
    writer = make(stage, run, path, frames=50, view="loss")
    ended = []
    writer.finished.connect(ended.append)
    writer.progress.connect(lambda done, _total: writer.cancel() if done == 3 else None)
    writer.start()
    qtbot.waitUntil(lambda: bool(ended), timeout=60000)
    assert ended == [""] and writer.cancelled and not writer.is_running()
    assert writer.done == 0 and path.read_bytes() == b"earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.gif"]


def test_a_folder_that_cannot_be_written_is_reported(stage, run, tmp_path):
    path = tmp_path / "missing" / "run.gif"
    error = make(stage, run, path, frames=2, view="loss").run_to_end()
    assert "Could not write" in error and str(path) in error and not path.exists()


def test_a_step_the_record_cannot_rebuild_is_reported_not_raised(stage, run, tmp_path):
    plan = plan_animation(0, run.step + 10, 2, (320, 240), "loss")  # past the run's end
    writer = AnimationWriter(stage, plan, frame_snapshots(run, plan), str(tmp_path / "x.gif"),
                             lambda _s: "")
    error = writer.run_to_end()
    assert "could not be rebuilt" in error and "1,510" in error
    assert not (tmp_path / "x.gif").exists()


def test_the_first_frame_lays_the_loss_plot_out_as_the_others_do(qtbot, run, tmp_path):
    """Frame 0 had the axis title "step" printed over the "1000" tick: the plot's axes learn
    their labels' size as they are first drawn. A step drawn as a fresh stage's first frame is
    the picture it is as a later frame."""
    plan = plan_animation(0, run.step, 2, (1280, 720), "loss")
    early, late = list(frame_snapshots(run, plan))
    fresh = AnimationStage()
    qtbot.addWidget(fresh)
    fresh.resize(640, 320)
    fresh.show()
    qtbot.waitExposed(fresh)
    assert AnimationWriter(fresh, plan, iter([late, early]), str(tmp_path / "first.gif"),
                           lambda _s: "").run_to_end() == ""
    assert AnimationWriter(fresh, plan, iter([early, late]), str(tmp_path / "second.gif"),
                           lambda _s: "").run_to_end() == ""
    assert np.array_equal(frames_of(tmp_path / "first.gif")[0], frames_of(tmp_path / "second.gif")[1])
