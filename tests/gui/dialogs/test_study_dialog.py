"""The hidden-nodes study in the window (issue #28): a run plots the median largest error per
count of hidden nodes, cancels cleanly, and closing ends its thread."""

import numpy as np

from core.model.config import TrainConfig
from core.training.hidden_study import study
from gui.dialogs.study_dialog import NODES_MAX, StudyDialog

CONFIG = TrainConfig(function="ridge", grid=3, steps=60)


def test_a_study_plots_the_median_largest_error_for_1_to_16_hidden_nodes(qtbot):
    dialog = StudyDialog(CONFIG)
    qtbot.addWidget(dialog)
    dialog._count.setValue(3)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120000)
    nodes, median = dialog.curve()
    assert nodes.tolist() == list(range(1, NODES_MAX + 1))
    expected = study(CONFIG, tuple(range(1, NODES_MAX + 1)), 3)
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
