"""GradientCheckView: the readout, its colours, Check now, and "Every N steps"."""

import dataclasses
import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.model import network
from core.model.config import TrainConfig
from core.model.network import Weights
from core.teaching import gradcheck
from core.training.trainer import Trainer
from core.views.snapshot import make_snapshot
from gui.views.gradient_check_view import DEFAULT_EVERY, LEVEL_COLOURS, GradientCheckView


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now  # time stands still unless a test moves it


@pytest.fixture(scope="module")
def solved():
    """XOR 2-2-1 trained by the seed that solves it."""
    trainer = Trainer(TrainConfig(seed=1))
    trainer.run()
    return trainer


_RUNS = iter(range(1, 10**9))
_RUN = [next(_RUNS)]


def snapshot_at(trainer, step=None, new_run=False):
    """A snapshot of the test's run (new_run: of a run after it)."""
    if new_run:
        _RUN[0] = next(_RUNS)
    return make_snapshot(trainer.config, trainer.weights, trainer.step if step is None else step,
                         run=_RUN[0])


@pytest.fixture
def view(qtbot):
    widget = GradientCheckView(clock=FakeClock())
    qtbot.addWidget(widget)
    return widget


def background(view):
    return LEVEL_COLOURS[view.shown_level()][0]


def test_nothing_to_check_before_a_snapshot(view):
    assert math.isnan(view.check_now())
    assert view.last_result() is None
    assert view.shown_level() is None
    assert not view._button.isEnabled()


def test_correct_backprop_is_green(view, solved):
    view.update_from(snapshot_at(solved))
    value = view.check_now()
    assert value < gradcheck.GREEN_BELOW
    assert view.last_result() == (value, gradcheck.OK)
    assert view.shown_level() == gradcheck.OK
    assert LEVEL_COLOURS[gradcheck.OK][0] in view._readout.styleSheet()
    assert view.readout_text() == gradcheck.format_error(value)
    assert view.checked_step() == 2000
    assert "2,000" in view.details_text()


def test_broken_output_delta_turns_it_red(view, solved, monkeypatch):
    view.update_from(snapshot_at(solved))
    assert view.check_now() < gradcheck.GREEN_BELOW
    correct = network.output_delta
    monkeypatch.setattr(network, "output_delta", lambda yp, t, loss: 2.0 * correct(yp, t, loss))
    value = view.check_now()
    assert value > gradcheck.RED_ABOVE
    assert view.last_result() == (value, gradcheck.BAD)
    assert LEVEL_COLOURS[gradcheck.BAD][0] in view._readout.styleSheet()
    assert "wrong" in view.verdict_text()
    monkeypatch.undo()
    assert view.check_now() < gradcheck.GREEN_BELOW and view.shown_level() == gradcheck.OK


def test_broken_gradients_turn_it_red(view, solved, monkeypatch):
    correct = network.gradients

    def wrong(weights, x, targets, activation, loss):
        g = correct(weights, x, targets, activation, loss)
        return Weights(g.hidden, -g.output)

    monkeypatch.setattr(network, "gradients", wrong)
    view.update_from(snapshot_at(solved))
    view.check_now()
    assert view.last_result()[1] == gradcheck.BAD


def test_the_button_checks(qtbot, view, solved):
    view.update_from(snapshot_at(solved))
    assert view._button.isEnabled()
    with qtbot.waitSignal(view.checked, timeout=2000) as blocker:
        qtbot.mouseClick(view._button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].level == gradcheck.OK
    assert view.last_result()[1] == gradcheck.OK


def test_amber_and_grey_from_an_injected_function(view, solved):
    results = iter([
        gradcheck.CheckResult(2e-4, gradcheck.WARNING, 9, 0, 0.1, 1e-6),
        gradcheck.CheckResult(3e-9, gradcheck.INCONCLUSIVE, 9, 0, 1e-10, 1e-6),
    ])
    view.gradient_function = lambda *args: next(results)
    view.update_from(snapshot_at(solved))
    view.check_now()
    assert view.shown_level() == gradcheck.WARNING and background(view) == "#fff3cd"
    assert view.readout_text() == "2.0 × 10⁻⁴"
    view.check_now()
    assert view.shown_level() == gradcheck.INCONCLUSIVE
    assert "too small" in view.verdict_text()


def test_it_checks_the_snapshots_weights_with_the_runs_loss(view, solved):
    """The loss comes with the snapshot's settings (set_loss once wired it from the window)."""
    calls = []

    def record(weights, targets, activation, loss):
        calls.append((weights, tuple(targets), activation, loss))
        return gradcheck.CheckResult(0.0, gradcheck.OK, 9, 0, 1.0, 1e-6)

    view.gradient_function = record
    snap = make_snapshot(solved.config.with_changes(loss="cross-entropy"), solved.weights,
                         solved.step, run=_RUN[0])
    view.update_from(snap)
    view.check_now()
    weights, targets, activation, loss = calls[0]
    assert weights.equals(snap.weights) and targets == (0.0, 1.0, 1.0, 0.0)
    assert (activation, loss) == ("sigmoid", "cross-entropy")
    with pytest.raises(ValueError):
        view.set_loss("hinge")


def test_auto_is_off_by_default(view, solved):
    assert not view.is_auto() and view.every() == DEFAULT_EVERY == 500
    for step in (0, 500, 1000):
        view.update_from(snapshot_at(solved, step))
    assert view.last_result() is None


def test_every_n_steps_runs_at_the_right_steps(qtbot, view, solved):
    checked = []
    view.checked.connect(lambda result: checked.append(view.checked_step()))
    view.set_every(500)
    view.set_auto(True)
    for step in (0, 250, 500, 750, 1000):
        view.update_from(snapshot_at(solved, step))
    assert checked == [0, 500, 1000]
    assert view.last_result()[1] == gradcheck.OK


def test_every_n_steps_is_throttled_when_checks_are_slow(view, solved):
    clock = view._clock
    checked = []

    def slow(*args):
        clock.now += 1.0  # a check that takes a second
        return gradcheck.CheckResult(0.0, gradcheck.OK, 9, 0, 1.0, 1e-6)

    view.gradient_function = slow
    view.checked.connect(lambda result: checked.append(view.checked_step()))
    view.set_every(100)
    view.set_auto(True)
    for step in range(0, 1000, 100):
        view.update_from(snapshot_at(solved, step))
    assert checked == [0]  # the next may only start 10 s later
    clock.now += 10.0
    view.update_from(snapshot_at(solved, 1000))
    assert checked == [0, 1000]


def test_a_new_run_clears_the_result_and_restarts_the_schedule(view, solved):
    view.set_auto(True)
    view.update_from(snapshot_at(solved, 1000))
    assert view.checked_step() == 1000
    view.update_from(snapshot_at(solved, 0, new_run=True))
    assert view.checked_step() == 0  # checked again at once for the new run
    view.set_auto(False)
    view.update_from(snapshot_at(solved, 0, new_run=True))
    assert view.last_result() is None and view.readout_text() == "–"


def test_diverged_weights_are_not_checked(view, solved):
    snap = snapshot_at(solved)
    nan_weights = Weights(np.full((3, 2), np.nan), np.full(3, np.nan))
    view.gradient_function = lambda *args: pytest.fail("must not check non-finite weights")
    view.update_from(dataclasses.replace(snap, weights=nan_weights))
    assert math.isnan(view.check_now())
    assert "not finite" in view.verdict_text()


def test_it_explains_itself(view):
    tip = view._readout.toolTip()
    assert "finite difference" in tip and "10⁻⁵" in tip and "10⁻³" in tip
    assert view._button.toolTip() and view._every.toolTip()
