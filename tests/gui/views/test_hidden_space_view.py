"""HiddenSpaceView: fed known states, it draws what core.views.hidden_space computes."""

import numpy as np

from core.model.config import TrainConfig
from core.model.network import Weights
from core.training.trainer import Trainer
from core.views.hidden_space import hidden_space
from core.views.snapshot import make_snapshot
from gui.views.hidden_space_view import HiddenSpaceView


def view_of(qtbot):
    view = HiddenSpaceView()
    qtbot.addWidget(view)
    view.resize(420, 460)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_rows_and_their_trails_are_drawn_where_the_hidden_layer_puts_them(qtbot):
    view = view_of(qtbot)
    run = Trainer(TrainConfig(steps=3000, seed=6))
    while not run.finished:
        run.advance(101)
    view.update_from(make_snapshot(run.config, run.weights, run.step, run.history, path=run.path))
    expected = hidden_space(run.weights, "sigmoid", path=run.path.up_to(run.step))
    x, y = view._markers.getData()
    np.testing.assert_allclose(np.column_stack([x, y]), expected.points)
    np.testing.assert_allclose(np.column_stack(view._line.getData()), expected.line)
    trail_x, trail_y = view._trails[1].getData()
    np.testing.assert_allclose(trail_x, expected.trail[:, 1, 0])
    assert len(trail_x) > 20 and not view._pickers.isVisible()  # two nodes: nothing to pick


def test_with_more_nodes_the_user_picks_the_axes(qtbot):
    view = view_of(qtbot)
    rng = np.random.default_rng(2)
    weights = Weights(rng.normal(size=(3, 4)), np.array([0.1, 2.0, -3.0, 0.2, 0.0]))
    config = TrainConfig(hidden_nodes=4)
    view.update_from(make_snapshot(config, weights, 10))
    assert view.space().nodes == (1, 2) and view._pickers.isVisible() and view._note.isVisible()
    view.pick_nodes(3, 0)
    assert view.space().nodes == (3, 0)
    np.testing.assert_allclose(view.space().points, hidden_space(weights, "sigmoid", (3, 0)).points)


def test_the_2_layer_model_says_where_its_line_is_instead(qtbot):
    view = view_of(qtbot)
    view.update_from(make_snapshot(TrainConfig(hidden_nodes=0), Weights(np.zeros((3, 0)),
                                                                        np.ones(3)), 0))
    assert view.space() is None and "no hidden layer" in view._message.text()
    assert not view._plot_widget.isVisible()


def test_three_nodes_are_shown_in_3d_with_the_plane(qtbot):
    import pytest

    from core.views.hidden_space import hidden_space_3d
    from gui.views.gl_probe import opengl_available

    if not opengl_available()[0]:
        pytest.skip("no OpenGL here")
    view = view_of(qtbot)
    run = Trainer(TrainConfig(steps=2000, seed=1, hidden_nodes=3))
    while not run.finished:
        run.advance(101)
    view.update_from(make_snapshot(run.config, run.weights, run.step, run.history, path=run.path))
    assert view.is_3d() and not view._plot_widget.isVisible()
    expected = hidden_space_3d(run.weights, "sigmoid", path=run.path.up_to(run.step))
    np.testing.assert_allclose(view.space_3d().points, expected.points)
    np.testing.assert_allclose(view._space_3d.point_positions(), expected.points, atol=1e-6)
    assert not view._space_3d.render_image().isNull()
    view._three_d.setChecked(False)  # two at a time in 2D instead
    assert view.space() is not None and view._plot_widget.isVisible() and not view.is_3d()


def test_row_labels_never_overlap_and_stay_in_the_plot(qtbot):
    """Rows close together in the hidden space had labels drawn over each other (and merged in
    Japanese); they are now placed in pixels, each beside its point."""
    view = view_of(qtbot)
    rng = np.random.default_rng(7)
    plot_area = view._plot_widget.getPlotItem().getViewBox().sceneBoundingRect()
    shown = 0
    for size in ((420, 460), (300, 340), (700, 600)):
        view.resize(*size)
        qtbot.waitUntil(lambda s=size: view.width() == s[0])
        for _ in range(15):
            weights = Weights(rng.normal(scale=3.0, size=(3, 2)), rng.normal(size=3))
            view.update_from(make_snapshot(TrainConfig(), weights, 0))
            rects = view.label_rects()
            plot_area = view._plot_widget.getPlotItem().getViewBox().sceneBoundingRect()
            texts = [label.toPlainText() for label in view._labels if label.isVisible()]
            assert sum(len(t.split(") (")) for t in texts) == 4  # every row is named once
            for k, rect in enumerate(rects):
                assert plot_area.adjusted(-1, -1, 1, 1).contains(rect)
                assert not any(rect.intersects(other) for other in rects[:k])
            shown += len(rects)
    assert shown > 45 * 2
