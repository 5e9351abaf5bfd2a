"""The hidden-nodes study in the window (issue #28): a run plots the median largest error per
count of hidden nodes in the range chosen, refuses a range whose start is above its end,
cancels cleanly, and closing ends its thread."""

import numpy as np

from core.model.config import HIDDEN_MAX, TrainConfig
from core.training.hidden_study import study
from gui.dialogs.study_dialog import NODES_DEFAULT, StudyDialog

CONFIG = TrainConfig(function="ridge", grid=3, steps=60)


def test_a_study_plots_the_median_largest_error_for_1_to_16_hidden_nodes_at_first(qtbot):
    dialog = StudyDialog(CONFIG)
    qtbot.addWidget(dialog)
    assert dialog.node_counts() == tuple(range(1, 17)) == tuple(range(NODES_DEFAULT[0], NODES_DEFAULT[1] + 1))
    dialog._count.setValue(3)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120000)
    nodes, median = dialog.curve()
    assert nodes.tolist() == list(range(1, 17))
    expected = study(CONFIG, tuple(range(1, 17)), 3)
    assert np.allclose(median, [min(r.quantiles[1], 1.0) for r in expected])
    assert "Lowest median error" in dialog._status.text()


def test_cancel_and_close_end_the_thread(qtbot):
    dialog = StudyDialog(CONFIG.with_changes(steps=20000))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    assert dialog.is_running()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60000)
    assert dialog.rows() is None and "Cancelled" in dialog._status.text()
    dialog.start()
    dialog.close()
    assert not dialog.is_running() or dialog._thread.isFinished()


def test_the_range_and_seeds_chosen_are_the_ones_studied(qtbot):
    dialog = StudyDialog(CONFIG)
    qtbot.addWidget(dialog)
    dialog.set_range(5, 8, 4)
    dialog.start()
    assert "4 seeds for each of 5 to 8 hidden nodes" in dialog._status.text()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120000)
    assert dialog._progress.value() == dialog._progress.maximum()  # the whole study's work
    assert [r.hidden_nodes for r in dialog.rows()] == [5, 6, 7, 8]
    assert all(len(r.max_errors) == 4 for r in dialog.rows())
    expected = study(CONFIG, (5, 6, 7, 8), 4)
    assert np.allclose(dialog.curve()[1], [min(r.quantiles[1], 1.0) for r in expected])


def test_the_range_reaches_the_most_hidden_nodes_and_no_further(qtbot):
    dialog = StudyDialog(CONFIG)
    qtbot.addWidget(dialog)
    dialog._last.setValue(HIDDEN_MAX + 10)  # a spin box keeps its range: HIDDEN_MAX at most
    assert dialog.node_counts()[-1] == HIDDEN_MAX == 64


def test_from_above_to_is_refused_with_a_message_and_run_waits(qtbot):
    dialog = StudyDialog(CONFIG)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_range(9, 4, 3)
    assert dialog.node_counts() == () and not dialog._run.isEnabled()
    assert dialog._range_note.isVisible()
    assert dialog._range_note.text() == "“From” is above “to”: choose from 4 to 9 hidden nodes, or swap them."
    dialog.start()  # as a shortcut would: nothing starts
    assert not dialog.is_running() and dialog.rows() is None
    dialog._first.setValue(2)
    assert dialog._run.isEnabled() and not dialog._range_note.isVisible()
    assert dialog.node_counts() == (2, 3, 4)


def test_the_study_judges_by_the_runs_tolerance(qtbot):
    dialog = StudyDialog(CONFIG.with_changes(tolerance=0.2))
    qtbot.addWidget(dialog)
    assert dialog._tolerance_line.value() == 0.2
    dialog.set_range(2, 3, 3)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120000)
    expected = study(CONFIG.with_changes(tolerance=0.2), (2, 3), 3)
    assert [r.within for r in dialog.rows()] == [r.within for r in expected]
    assert "got within 0.2 there" in dialog._status.text()
    dialog.set_config(CONFIG)  # the next run's tolerance; the rows shown keep theirs
    assert dialog._tolerance_line.value() == 0.2


def test_before_a_run_the_axes_show_the_range_chosen(qtbot):
    dialog = StudyDialog(CONFIG)
    qtbot.addWidget(dialog)
    dialog.set_range(2, 12, 10)
    (x_low, x_high), (y_low, y_high) = dialog._plot.getPlotItem().viewRange()
    assert (x_low, x_high) == (1.5, 12.5) and (y_low, y_high) == (0.0, 1.0)


def test_a_tolerance_changed_during_the_first_run_waits_for_the_next_one(qtbot):
    dialog = StudyDialog(CONFIG)
    qtbot.addWidget(dialog)
    dialog.set_range(1, 3, 3)
    dialog.start()
    dialog.set_config(CONFIG.with_changes(tolerance=0.3))  # while it runs
    assert dialog._tolerance_line.value() == 0.05
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120000)
    assert dialog._tolerance_line.value() == 0.05 and "got within 0.05 there" in dialog._status.text()
