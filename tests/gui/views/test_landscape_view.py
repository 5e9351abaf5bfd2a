"""LandscapeView: fed known states, it draws what core.views.landscape computes."""

import numpy as np

from core.model.config import TrainConfig
from core.training.trainer import Trainer
from core.views import landscape as ls
from core.views.snapshot import make_snapshot
from gui.views.landscape_view import LandscapeView


def trained_snapshot(**settings):
    run = Trainer(TrainConfig(**settings))
    while not run.finished:
        run.advance(97)
    return run, make_snapshot(run.config, run.weights, run.step, run.history, path=run.path)


def shown_view(qtbot):
    view = LandscapeView()
    qtbot.addWidget(view)
    view.resize(420, 480)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_two_weights_plane_shows_the_core_landscape_and_the_path(qtbot):
    view = shown_view(qtbot)
    run, snapshot = trained_snapshot(steps=2000, hidden_nodes=0, gate="AND")
    view.update_from(snapshot)
    expected = ls.weights_landscape(run.config, run.weights, (0, 1), run.path.up_to(run.step))
    drawn = view.landscape()
    assert drawn.labels == ("w[x1→yp]", "w[x2→yp]")
    np.testing.assert_array_equal(drawn.loss, expected.loss)
    np.testing.assert_allclose(view._image.image, expected.loss.astype(np.float32))
    x, y = view._path.getData()
    np.testing.assert_allclose(np.column_stack([x, y]), expected.trajectory)
    now_x, now_y = view._now.getData()
    assert (now_x[0], now_y[0]) == expected.current


def test_the_path_plane_and_picking_other_weights(qtbot):
    view = shown_view(qtbot)
    run, snapshot = trained_snapshot(steps=3000, seed=6)
    view.update_from(snapshot)
    view.set_plane(ls.PATH)
    drawn = view.landscape()
    assert drawn.kind == ls.PATH and not view._first.isVisible()
    np.testing.assert_allclose(drawn.current, (1.0, 0.0), atol=1e-9)
    view.set_plane(ls.WEIGHTS, (0, 4))
    assert view.landscape().labels == (ls.parameter_names(2)[0], ls.parameter_names(2)[4])
    view.set_plane(ls.WEIGHTS, (3, 3))
    assert "two different" in view._note.text()


def test_with_opengl_the_landscape_is_a_3d_surface_with_the_path_on_it(qtbot):
    from gui.views.gl_probe import opengl_available

    if not opengl_available()[0]:
        import pytest

        pytest.skip("no OpenGL here")
    view = shown_view(qtbot)
    run, snapshot = trained_snapshot(steps=3000, seed=6)
    view.update_from(snapshot)
    assert view.is_3d() and not view._plot_widget.isVisible()
    drawn = view.landscape()
    heights = view.surface().heights()
    loss = drawn.loss
    np.testing.assert_allclose(heights, (loss - loss.min()) / (loss.max() - loss.min()), atol=1e-6)
    path = view.surface().path_positions()
    assert len(path) == len(drawn.trajectory) and (path[:, :2] >= 0).all() and (path[:, :2] <= 1).all()
    assert not view.surface().render_image().isNull()
    view._three_d.setChecked(False)  # the 2D map instead
    assert view._plot_widget.isVisible() and not view.surface().isVisible()


def test_the_title_names_the_now_markers_colour_which_both_views_share(qtbot):
    """It said "now (ring)" while the 3D surface draws a dot: the colour is what both share."""
    from PySide6.QtGui import QColor

    view = shown_view(qtbot)
    title = view._title.text()
    assert "now (red)" in title and "ring" not in title
    ring = view._now.opts["pen"].color()
    assert (ring.red(), ring.green(), ring.blue()) == (255, 64, 89)
    from gui.views.gl_probe import opengl_available

    if opengl_available()[0]:
        dot = QColor.fromRgbF(*view.surface()._now.color)
        assert dot.red() == 255 and dot.green() < 80 and dot.blue() < 100


def test_weights_too_large_to_draw_leave_a_note_not_an_error(qtbot):
    # A file's weight of 1e308 made the axes infinite: "Cannot set range [-inf, inf]".
    view = shown_view(qtbot)
    run, snapshot = trained_snapshot(steps=200, hidden_nodes=2)
    weights = run.weights.copy()
    weights.output[0] = 1e308
    huge = make_snapshot(run.config, weights, run.step, run.history, path=run.path)
    assert not ls.drawable(weights) and ls.drawable(run.weights)
    view.update_from(huge)
    assert "too large" in view._note.text() and view._note.isVisible()


def test_a_path_point_too_large_is_left_out_of_the_axes(qtbot):
    run, snapshot = trained_snapshot(steps=200, hidden_nodes=2)
    path = run.path.up_to(run.step)
    flats = np.array(path[1], dtype=float)
    flats[0, 0], flats[1, 0] = 1e308, -1e308  # a hand-made file's path
    shown = ls.weights_landscape(run.config, run.weights, (0, 1), (path[0], flats))
    assert np.isfinite(shown.a).all() and np.isfinite(shown.b).all() and np.abs(shown.a).max() < 1e100
