"""PredictionsTable: built from real snapshots, checked through its public accessors."""

import numpy as np
import pytest

from core.model.config import TrainConfig
from core.model.network import Weights
from core.training.trainer import initial_weights
from core.views.number_format import format_difference, format_prediction
from core.views.snapshot import make_snapshot
from gui.views.predictions_table import ERROR, INPUT, PREDICTION, TARGET, PredictionsTable

# A 2-layer network that computes AND: u = 10 x1 + 10 x2 - 15.
AND_CONFIG = TrainConfig(gate="and", hidden_nodes=0)
AND_WEIGHTS = Weights(hidden=np.zeros((3, 0)), output=np.array([10.0, 10.0, -15.0]))


@pytest.fixture
def table(qtbot):
    widget = PredictionsTable()
    qtbot.addWidget(widget)
    return widget


def _initial_snapshot(config):
    return make_snapshot(config, initial_weights(config), 0)


def test_rows_show_inputs_predictions_targets_and_errors(table):
    snapshot = _initial_snapshot(TrainConfig(gate="xor", seed=3))
    table.update_from(snapshot)
    assert [table.cell_text(r, INPUT) for r in range(4)] == ["[0, 0]", "[1, 0]", "[0, 1]", "[1, 1]"]
    for row in range(4):
        yp, yt = float(snapshot.predictions[row]), float(snapshot.targets[row])
        assert table.cell_text(row, PREDICTION) == format_prediction(yp)
        assert repr(yp) in table.cell_tooltip(row, PREDICTION)
        assert table.cell_text(row, TARGET) == str(int(yt))
        assert table.cell_text(row, ERROR) == format_difference(yp - yt)
        assert repr(yp - yt) in table.cell_tooltip(row, ERROR)


def test_custom_targets_are_shown_with_up_to_three_decimals(table):
    config = TrainConfig(gate="custom", targets=(0.25, 1, 0.5, 0))
    table.update_from(_initial_snapshot(config))
    assert [table.cell_text(r, TARGET) for r in range(4)] == ["0.25", "1", "0.5", "0"]


def test_target_near_but_not_zero_is_not_shown_as_zero(table):
    config = TrainConfig(gate="custom", targets=(0.0001, 0.3333333, 0.999, 1))
    table.update_from(_initial_snapshot(config))
    assert [table.cell_text(r, TARGET) for r in range(4)] == ["0.000", "0.333", "0.999", "1"]


def test_solved_snapshot_shows_solved(table):
    snapshot = make_snapshot(AND_CONFIG, AND_WEIGHTS, 1000)
    assert snapshot.solved
    table.update_from(snapshot)
    assert table.is_solved_shown()
    assert [table.cell_text(r, PREDICTION) for r in range(4)] == ["0.00", "0.01", "0.01", "0.99"]


def test_unsolved_snapshot_shows_not_solved(table):
    # The article's start: uniform [0, 1) weights put every AND prediction above 0.5.
    snapshot = _initial_snapshot(AND_CONFIG)
    assert not snapshot.solved
    table.update_from(make_snapshot(AND_CONFIG, AND_WEIGHTS, 1000))
    table.update_from(snapshot)
    assert not table.is_solved_shown()


def test_row_tint_follows_the_side_of_one_half(table):
    table.update_from(make_snapshot(AND_CONFIG, AND_WEIGHTS, 1))
    right = table._table.item(0, PREDICTION).background().color()
    table.update_from(_initial_snapshot(AND_CONFIG))
    assert table._table.item(0, PREDICTION).background().color() != right  # 0,0 now above 0.5
    assert table._table.item(3, PREDICTION).background().color() == right  # 1,1 still above


def test_items_are_reused_across_updates(table):
    config = TrainConfig(gate="xor", seed=1)
    table.update_from(_initial_snapshot(config))
    items = [table._table.item(r, c) for r in range(4) for c in range(4)]
    table.update_from(make_snapshot(config, initial_weights(config.with_changes(seed=2)), 5))
    assert all(table._table.item(r, c) is items[4 * r + c] for r in range(4) for c in range(4))


def test_cells_are_read_only(table):
    from PySide6.QtCore import Qt

    flags = table._table.item(1, PREDICTION).flags()
    assert not flags & Qt.ItemFlag.ItemIsEditable


def test_four_rows_fit_without_scrolling(table, qtbot):
    table.update_from(_initial_snapshot(TrainConfig()))
    table.show()
    qtbot.waitExposed(table)
    inner = table._table
    assert inner.verticalScrollBar().maximum() == 0
    assert inner.horizontalScrollBar().maximum() == 0
    assert inner.rowViewportPosition(3) + inner.rowHeight(3) <= inner.viewport().height()


def test_rows_near_one_half_show_enough_digits_to_tell_their_side(table):
    # u = 0.0032 x1 - 0.0016: predictions 0.4996 / 0.5004, which two decimals both show as 0.50.
    weights = Weights(hidden=np.zeros((3, 0)), output=np.array([0.0032, 0.0, -0.0016]))
    table.update_from(make_snapshot(TrainConfig(gate="xor", hidden_nodes=0), weights, 0))
    texts = [table.cell_text(r, PREDICTION) for r in range(4)]
    assert texts == ["0.4996", "0.5004", "0.4996", "0.5004"]


def test_an_error_that_rounds_to_zero_has_no_minus_sign(table):
    weights = Weights(hidden=np.zeros((3, 0)), output=np.array([20.0, 20.0, -30.0]))  # AND, sharp
    table.update_from(make_snapshot(AND_CONFIG, weights, 0))
    assert table.cell_text(3, ERROR) == "0.00"  # yp - yt = -0.00005


def test_custom_targets_between_0_and_1_say_what_solved_means(table):
    weights = Weights(hidden=np.zeros((3, 0)), output=np.array([0.4, -0.3, 0.1]))
    exact = make_snapshot(TrainConfig(gate="and", hidden_nodes=0), weights, 0).predictions
    near = TrainConfig(gate="custom", targets=tuple(round(float(p), 3) for p in exact), hidden_nodes=0)
    table.update_from(make_snapshot(near, weights, 0))
    assert table.is_solved_shown() and "within 0.005 of its target" in table._label.text()
    assert "within 0.005" in table._label.toolTip()
    off = near.with_changes(targets=(near.targets[0], near.targets[1], near.targets[2], 0.99))
    table.update_from(make_snapshot(off, weights, 0))
    assert not table.is_solved_shown()  # on the same side of 0.5, but not the target


def _trained_snapshot(**settings):
    from core.training.trainer import Trainer

    run = Trainer(TrainConfig(**settings))
    run.run()
    return make_snapshot(run.config, run.weights, run.step, run.history)


def test_under_the_table_it_says_why_it_is_not_solved_and_what_to_try(table):
    """With 0 hidden nodes on XOR it read "Not solved yet", as if more steps would do it."""
    table.update_from(_trained_snapshot(hidden_nodes=0, steps=2000))
    assert table._label.text() == "Not solved"
    assert "no straight line" in table.why_text() and "add hidden nodes" in table.why_text()
    table.update_from(_trained_snapshot(steps=2000, seed=6))
    assert "still falling" in table.why_text() and "more steps" in table.why_text()
    table.update_from(_trained_snapshot(alpha=100, steps=2000))
    assert "pinned at 0 or 1" in table.why_text() and "Xavier" in table.why_text()


def test_a_solved_run_says_how_clearly(table):
    table.update_from(_trained_snapshot(steps=2000, seed=0))  # (1, 1) at 0.43 for target 0
    assert table.is_solved_shown()
    assert table.why_text().startswith("Solved barely") and "(1, 1) (0.43 for target 0" in \
        table.why_text()


def _cell_need(inner, text: str) -> int:
    """The width a cell needs to show text whole: the delegate's margin each side (the focus
    frame's and one pixel) and the grid line."""
    from PySide6.QtWidgets import QStyle

    margin = inner.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, inner) + 1
    return inner.fontMetrics().horizontalAdvance(text) + 2 * margin + 1


@pytest.mark.parametrize("language", ["en", "ja"])
def test_six_decimal_predictions_are_never_elided_at_presentation_size(qapp, qtbot, language):
    """Presentation mode doubles the font; in Japanese the short header 予測値 left the column
    as narrow as "-0.000", and 0.500001 read "0.50…"."""
    from PySide6.QtGui import QFont

    from gui.common.i18n import install_translators

    translators = install_translators(qapp, language)
    try:
        widget = PredictionsTable()
        qtbot.addWidget(widget)
        big = QFont(widget.font())
        big.setPointSizeF(2 * big.pointSizeF())
        widget.update_from(_initial_snapshot(TrainConfig(gate="xor", hidden_nodes=0)))
        widget.setFont(big)
        widget.show()
        inner = widget._table
        qtbot.waitUntil(lambda: inner.font().pointSizeF() == big.pointSizeF())
        qapp.processEvents()  # the rows and columns refitted to the new font
        widget.resize(widget.minimumSizeHint().width(), widget.height())  # its least width
        # Then, later in the run, u = ±4e-6: predictions 0.499999 and 0.500001, the widest
        # the table writes.
        weights = Weights(hidden=np.zeros((3, 0)), output=np.array([8e-6, 0.0, -4e-6]))
        widget.update_from(make_snapshot(TrainConfig(gate="xor", hidden_nodes=0), weights, 0))
        assert widget.cell_text(1, PREDICTION) == "0.500001"
        for row in range(4):
            for column in range(4):
                text = widget.cell_text(row, column)
                assert inner.columnWidth(column) >= _cell_need(inner, text), (row, column, text)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_a_functions_sample_inputs_are_never_elided(qtbot):
    """A function's samples read "[0.083, 0.92]" (two digits each, on a 13 x 13 grid): the
    input column, sized for a gate's "[0, 0]", was 14 pixels short of them at its least width.
    It widens for a function's run and narrows back for a gate's."""
    widget = PredictionsTable()
    qtbot.addWidget(widget)
    gate = TrainConfig(gate="xor", hidden_nodes=2)
    widget.update_from(_initial_snapshot(gate))
    widget.show()
    gate_width = widget.minimumSizeHint().width()
    function = TrainConfig(function="bump", grid=13, hidden_nodes=2)
    widget.update_from(_initial_snapshot(function))
    widget.resize(widget.minimumSizeHint().width(), widget.height())  # its least width
    qtbot.waitUntil(lambda: widget._table.width() == widget.minimumSizeHint().width())
    inner = widget._table
    assert inner.columnWidth(INPUT) >= _cell_need(inner, "[0.083, 0.083]")
    assert inner.columnWidth(INPUT) >= _cell_need(inner, "[0.92, 0.92]")
    for row in range(4):
        for column in range(4):
            text = widget.cell_text(row, column)
            assert inner.columnWidth(column) >= _cell_need(inner, text), (row, column, text)
    widget.update_from(_initial_snapshot(gate))
    assert widget.minimumSizeHint().width() == gate_width


def test_measuring_its_height_at_a_width_leaves_the_labels_alone(qapp, qtbot):
    """Presentation mode measures the table at many widths whenever the column is laid out. The
    measure lifted each label's minimum height and put it back, which asked for a new layout:
    a loop that kept a core busy for as long as presentation mode was on."""
    from PySide6.QtCore import QEvent, QObject

    class LayoutRequests(QObject):
        count = 0

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            self.count += event.type() == QEvent.Type.LayoutRequest
            return False

    widget = PredictionsTable()
    qtbot.addWidget(widget)
    widget.update_from(_trained_snapshot(hidden_nodes=0, steps=300))  # a long diagnosis
    widget.show()
    qtbot.waitExposed(widget)
    qapp.sendPostedEvents()
    requests = LayoutRequests()
    widget.installEventFilter(requests)
    heights = [widget.height_at(width) for width in (160, 320, 640)]
    qapp.sendPostedEvents()
    assert requests.count == 0
    assert heights[0] > heights[1] > heights[2]  # fewer lines as it widens


def test_the_worst_sample_reads_the_same_in_the_table_and_the_diagnosis_under_it(table):
    """The table wrote a sample "[0.083, 0.92]" and the sentence under it "(0.0833, 0.917)":
    two numbers for one sample."""
    table.update_from(_initial_snapshot(TrainConfig(function="ripple", grid=13, hidden_nodes=2,
                                                    seed=1)))
    worst = table.cell_text(0, INPUT)  # the rows are the largest errors first
    assert worst == "[0.83, 0.5]"  # 10/12: a sample whose digits the two writings cut differently
    assert f"at ({worst[1:-1]})" in table._why.text()


def test_the_largest_error_reads_the_same_in_the_table_and_the_diagnosis(table):
    """They read "0.04" and "0.038" for one error."""
    from core.training.trainer import Trainer

    config = TrainConfig(function="saddle", grid=5, hidden_nodes=4, seed=1, steps=1000, mode="batch",
                         optimizer="adam", alpha=0.05)
    run = Trainer(config)
    run.run()
    table.update_from(make_snapshot(config, run.weights, run.step))
    error = table.cell_text(0, ERROR).lstrip("-")  # the rows are the largest errors first
    assert error == "0.04" and f"the largest error is {error} at" in table._why.text()
