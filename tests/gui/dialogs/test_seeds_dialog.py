"""The many-seeds dialog and its worker: progress, results as the core computes them, cancel, close."""

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QLabel, QListWidget, QProgressBar, QPushButton, QSpinBox

from core.model.config import TrainConfig
from core.training.ensemble import run_ensemble, summarize
from core.views.diagnosis import failure_kinds
from gui.common.messages import diagnosis_kind_name
from gui.dialogs.seeds_dialog import SeedsDialog
from gui.run.seeds_worker import SeedsWorker, start_seeds_thread

CONFIG = TrainConfig(steps=400)
LONG = TrainConfig(steps=5_000_000)


@pytest.fixture
def dialog(qtbot):
    d = SeedsDialog(CONFIG)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    yield d
    d.close()


def child(dialog, kind, text=None):
    for widget in dialog.findChildren(kind):
        if text is None or widget.text() == text:
            return widget
    raise LookupError(f"no {kind.__name__} {text!r}")


def run_to_end(qtbot, dialog, count):
    child(dialog, QSpinBox).setValue(count)
    qtbot.mouseClick(child(dialog, QPushButton, "Run"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=30000)


def labels_text(dialog):
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_run_shows_progress_to_the_end_and_the_core_summary(qtbot, dialog):
    seen = []
    bar = child(dialog, QProgressBar)
    bar.valueChanged.connect(seen.append)
    run_to_end(qtbot, dialog, 120)
    assert bar.value() == bar.maximum() == 400 and len(seen) >= 2
    summary = summarize(run_ensemble(CONFIG, 120))
    result = dialog.result()
    assert result is not None and result.count == 120
    np.testing.assert_array_equal(result.solved, run_ensemble(CONFIG, 120).solved)
    text = labels_text(dialog)
    percent = f"{100 * summary.fraction:.1f}"
    assert f"Solved XOR: {summary.solved_count} of 120 networks = {percent} %" in text
    low, high = summary.interval
    assert f"95 % confidence interval: {100 * low:.1f} % to {100 * high:.1f} %" in text
    failed = child(dialog, QListWidget)
    assert failed.count() == len(summary.failed_seeds)
    assert f"Seeds that failed: {len(summary.failed_seeds)}" in text
    kinds = failure_kinds(dialog.result())
    assert kinds and all(f"{diagnosis_kind_name(kind)}: {count:,}" in text for kind, count in kinds.items())
    assert child(dialog, QPushButton, "Run").isEnabled()
    assert not child(dialog, QPushButton, "Cancel").isEnabled()


def test_plots_hold_the_histogram_and_the_quantile_curves(qtbot, dialog):
    run_to_end(qtbot, dialog, 80)
    result = dialog.result()
    x, median = dialog._median.getData()
    np.testing.assert_array_equal(x, result.curve_steps)
    np.testing.assert_array_equal(median, result.curve[1])
    np.testing.assert_array_equal(dialog._high.getData()[1], result.curve[2])
    solved = dialog._solved_bars.opts["height"]
    failed = dialog._failed_bars.opts["height"]
    assert solved.sum() == result.solved.sum() and failed.sum() == (~result.solved).sum()


def test_double_click_on_a_failed_seed_emits_it(qtbot, dialog):
    run_to_end(qtbot, dialog, 60)
    failed_seeds = summarize(dialog.result()).failed_seeds
    assert failed_seeds.size >= 3
    listing = child(dialog, QListWidget)
    item = listing.item(2)
    rect = listing.visualItemRect(item)
    with qtbot.waitSignal(dialog.seed_chosen, timeout=2000) as blocker:
        # A real double-click: press and release, then the double-click event.
        qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [int(failed_seeds[2])]
    assert item.text().startswith(f"seed {failed_seeds[2]}: final loss ")
    with qtbot.waitSignal(dialog.seed_chosen, timeout=2000) as blocker:
        qtbot.mouseClick(child(dialog, QPushButton, "Open in main window"), Qt.MouseButton.LeftButton)
    assert blocker.args == [int(failed_seeds[2])]


def test_cancel_mid_run_ends_cleanly_and_can_run_again(qtbot, dialog):
    dialog.set_config(LONG)
    child(dialog, QSpinBox).setValue(200)
    qtbot.mouseClick(child(dialog, QPushButton, "Run"), Qt.MouseButton.LeftButton)
    bar = child(dialog, QProgressBar)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=10000)
    assert dialog.is_running() and not child(dialog, QPushButton, "Run").isEnabled()
    qtbot.mouseClick(child(dialog, QPushButton, "Cancel"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5000)
    assert "Cancelled" in labels_text(dialog)
    assert dialog.result() is None and child(dialog, QListWidget).count() == 0
    dialog.set_config(CONFIG)
    run_to_end(qtbot, dialog, 30)
    assert dialog.result().count == 30


def test_closing_mid_run_stops_and_waits_for_the_thread(qtbot):
    dialog = SeedsDialog(LONG)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: child(dialog, QProgressBar).value() > 0, timeout=10000)
    thread = dialog._thread
    dialog.close()
    assert not thread.isRunning()  # the conftest fixture checks every thread as well


def test_escape_while_running_also_stops_the_thread(qtbot):
    dialog = SeedsDialog(LONG)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    thread = dialog._thread
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not thread.isRunning()


def test_new_settings_clear_old_results(qtbot, dialog):
    run_to_end(qtbot, dialog, 40)
    dialog.set_config(CONFIG.with_changes(hidden_nodes=5))
    assert dialog.result() is None and child(dialog, QListWidget).count() == 0
    assert "5 hidden nodes" in labels_text(dialog)


def test_worker_reports_progress_failure_and_always_finishes(qtbot):
    # Plain callables run in the worker's thread (direct connection): collect, then wait here.
    worker = SeedsWorker(CONFIG, 50)
    progress, finished = [], []
    worker.progress.connect(lambda d, t: progress.append((d, t)))
    worker.finished.connect(finished.append)
    thread = start_seeds_thread(worker)
    qtbot.waitUntil(lambda: bool(finished) and not _running(thread), timeout=20000)
    assert progress[0] == (0, 400) and progress[-1] == (400, 400) and finished[0].count == 50

    broken = SeedsWorker(CONFIG, 50)
    broken._config = None  # the core raises on it
    messages, finished = [], []
    broken.failed.connect(messages.append)
    broken.finished.connect(finished.append)
    thread = start_seeds_thread(broken)
    qtbot.waitUntil(lambda: bool(finished) and not _running(thread), timeout=20000)
    assert finished == [None] and messages and "Error" in messages[0]


def _running(thread: QThread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # deleted after finishing
        return False


def test_a_first_seed_chooses_which_seeds_run(qtbot, dialog):
    from gui.controls.number_box import NumberBox

    first = child(dialog, NumberBox)
    first.setValue(100)
    assert "(seeds 100 to 1,099)" in labels_text(dialog)  # 1000 networks by default
    run_to_end(qtbot, dialog, 20)
    assert "(seeds 100 to 119)" in labels_text(dialog)
    result = dialog.result()
    np.testing.assert_array_equal(result.seeds, np.arange(100, 120))
    reference = run_ensemble(CONFIG, 20, 100)
    np.testing.assert_array_equal(result.final_loss, reference.final_loss)


def test_the_first_seed_cannot_push_the_last_seed_past_the_largest(qtbot, dialog):
    from core.model.config import SEED_MAX
    from gui.controls.number_box import NumberBox

    first = child(dialog, NumberBox)
    child(dialog, QSpinBox).setValue(10)
    first.setValue(SEED_MAX)
    assert dialog.first_seed() == SEED_MAX - 9
    assert f"(seeds {SEED_MAX - 9:,} to {SEED_MAX:,})" in labels_text(dialog)
    first.setValue(2.6)
    assert first.value() == 3 and first.text() == "3"  # whole numbers only, as shown
    assert dialog.first_seed() == 3


def test_before_a_run_the_progress_counts_the_runs_own_steps(qtbot, dialog):
    from PySide6.QtWidgets import QProgressBar

    bar = child(dialog, QProgressBar)
    assert bar.text() == f"step 0 of {CONFIG.steps}"  # was "step 0 of 100"
    dialog.set_config(CONFIG.with_changes(steps=750))
    assert bar.text() == "step 0 of 750"


def test_the_first_frame_of_a_result_already_has_the_results_axes(qtbot, dialog):
    """pyqtgraph's auto-range is worked out while painting: the first frame showed the bars
    and curves on the empty plot's 0-1 axes."""
    run_to_end(qtbot, dialog, 80)
    result = dialog.result()
    dialog._show_empty()
    dialog._show_result(result)  # no event processed after this: what the next paint uses
    (x0, x1), (y0, y1) = dialog._histogram.getPlotItem().getViewBox().viewRange()
    edges = dialog._solved_bars.opts["x0"][0], dialog._solved_bars.opts["x1"][-1]
    assert x0 <= edges[0] and edges[1] <= x1 and (x1 - x0) < 2 * (edges[1] - edges[0])
    tallest = (dialog._solved_bars.opts["height"] + dialog._failed_bars.opts["height"]).max()
    assert y1 >= tallest and y1 < 1.2 * tallest
    (cx0, cx1), _ = dialog._curves.getPlotItem().getViewBox().viewRange()
    assert cx0 <= result.curve_steps[0] and result.curve_steps[-1] <= cx1 and cx1 > 1.5


def test_failed_seeds_are_grouped_by_why_they_failed(qtbot, dialog):
    run_to_end(qtbot, dialog, 60)
    kinds = failure_kinds(run_ensemble(CONFIG, 60))
    assert kinds and sum(kinds.values()) == int((~run_ensemble(CONFIG, 60).solved).sum())
    text = labels_text(dialog)
    names = {"still_learning": "still learning", "stuck": "stuck", "saturated": "saturated"}
    for kind, count in kinds.items():
        assert f"{names.get(kind, kind)}: {count}" in text
    listed = child(dialog, QListWidget)
    assert all(" · " in listed.item(k).text() for k in range(listed.count()))


def test_a_new_tolerance_judges_a_functions_results_again_without_a_run(qtbot):
    """A tolerance trains nothing (#28): the same networks are judged by it, as a run with it
    would have judged them, and the settings line says it."""
    from core.model.config import function_config

    config = function_config("ridge", grid=5, hidden_nodes=4, steps=150)
    d = SeedsDialog(config)
    qtbot.addWidget(d)
    run_to_end(qtbot, d, 20)
    before = d.result()
    assert "within ±0.05" in labels_text(d) and before.kinds is not None
    d.set_config(config.with_changes(tolerance=0.5))
    after = d.result()
    expected = run_ensemble(config.with_changes(tolerance=0.5), 20)
    assert after is not None and np.array_equal(after.weights, before.weights)
    assert np.array_equal(after.solved, expected.solved) and after.solved.sum() > before.solved.sum()
    assert after.kinds is not None and after.config.tolerance == 0.5
    text = labels_text(d)
    assert "within ±0.5" in text and "judged within ±0.5" in text
    assert f"{int(expected.solved.sum())} of 20 networks" in text
    assert child(d, QListWidget).count() == int((~expected.solved).sum())
    d.set_config(config.with_changes(tolerance=0.5, hidden_nodes=5))  # this one trains otherwise
    assert d.result() is None
    d.close()


def test_on_a_function_the_texts_speak_of_the_function_and_name_the_optimizer(qtbot):
    # A function's many seeds said "how often these settings learn the gate" and left Adam out.
    from core.model.config import function_config

    config = function_config("ridge", grid=5, hidden_nodes=4, steps=40)
    d = SeedsDialog(config)
    qtbot.addWidget(d)
    run_to_end(qtbot, d, 8)
    text = labels_text(d) + child(d, QListWidget).toolTip()
    assert "the gate" not in text and "learn the function" in text and "learnt the function" in text
    assert "Adam" in d._settings.text()
    d.set_config(CONFIG)  # a gate again: its own words
    assert "learn the gate" in labels_text(d) and "gradient descent" in d._settings.text()
    d.close()


def test_a_count_out_of_range_is_refused_with_the_range(qtbot, dialog):
    count = child(dialog, QSpinBox)
    editor = count.lineEdit()
    editor.selectAll()
    qtbot.keyClicks(editor, "70000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # also Run, the default button: held this once
    assert "70,000 is not from 1 to 65,536" in labels_text(dialog) and not dialog.is_running()
    qtbot.waitUntil(lambda: not dialog._count_refused)  # the next press of Run runs
