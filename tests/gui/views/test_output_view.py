"""The OpenGL probe, the 2D heatmap fallback, and OutputView's choice between them."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.model.config import TrainConfig
from core.training.trainer import initial_weights
from core.views.snapshot import make_snapshot
from gui.views import gl_probe
from gui.views.heatmap_view import HeatmapView
from gui.views.output_view import OutputView

ROOT = Path(__file__).resolve().parents[3]


def snapshot(config=None):
    config = config or TrainConfig()
    return make_snapshot(config, initial_weights(config), 0)


def test_heatmap_holds_the_grid(qtbot):
    view = HeatmapView("a notice")
    qtbot.addWidget(view)
    snap = snapshot()
    view.update_from(snap)
    np.testing.assert_allclose(view.image_data(), snap.grid, rtol=1e-6)
    assert view.notice() == "a notice"


def test_heatmap_markers_are_coloured_by_target(qtbot):
    view = HeatmapView()
    qtbot.addWidget(view)
    view.update_from(snapshot(TrainConfig(gate="and")))
    brushes = view.marker_brushes()
    assert brushes[0] == brushes[1] == brushes[2] != brushes[3]


def test_heatmap_renders(qtbot):
    view = HeatmapView()
    qtbot.addWidget(view)
    view.update_from(snapshot())
    view.show()
    qtbot.waitExposed(view)
    image = view.render_image()
    assert not image.isNull() and image.width() > 0


def test_probe_can_be_turned_off(qapp, monkeypatch):
    monkeypatch.setenv("GATELAB_NO_OPENGL", "1")
    ok, reason = gl_probe.opengl_available()
    assert not ok and "GATELAB_NO_OPENGL" in reason


def test_probe_finds_mesa_under_xvfb(qapp, monkeypatch):
    monkeypatch.delenv("GATELAB_NO_OPENGL", raising=False)
    if qapp.platformName() != "xcb":
        pytest.skip("needs an X display with GLX (pytest-xvfb)")
    ok, reason = gl_probe.opengl_available()
    assert ok, reason
    assert "OpenGL" in reason


def test_probe_does_not_crash_on_the_offscreen_platform():
    code = ("from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from gui.views.gl_probe import opengl_available; print(opengl_available())")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("GATELAB_NO_OPENGL", None)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("(False, ") and "offscreen" in result.stdout


def test_output_view_falls_back_when_turned_off(qtbot, monkeypatch):
    monkeypatch.setenv("GATELAB_NO_OPENGL", "1")
    view = OutputView()
    qtbot.addWidget(view)
    assert not view.is_3d
    assert isinstance(view.view, HeatmapView)
    assert "OpenGL is not available" in view.view.notice()
    assert "GATELAB_NO_OPENGL" in view.view.notice()
    snap = snapshot()
    view.update_from(snap)
    np.testing.assert_allclose(view.view.image_data(), snap.grid, rtol=1e-6)


def test_output_view_falls_back_when_the_probe_fails(qtbot, monkeypatch):
    monkeypatch.setattr(gl_probe, "opengl_available", lambda: (False, "driver said no"))
    view = OutputView()
    qtbot.addWidget(view)
    assert not view.is_3d and isinstance(view.view, HeatmapView)
    assert "driver said no" in view.view.notice()


def test_output_view_uses_3d_when_opengl_works(qtbot, monkeypatch):
    monkeypatch.delenv("GATELAB_NO_OPENGL", raising=False)
    if not gl_probe.opengl_available()[0]:
        pytest.skip("no OpenGL here")
    from gui.views.surface_view import SurfaceView

    view = OutputView()
    qtbot.addWidget(view)
    assert view.is_3d and isinstance(view.view, SurfaceView)
    snap = snapshot()
    view.update_from(snap)
    np.testing.assert_array_equal(view.view.surface_z(), snap.grid.astype(np.float32))


def test_the_2d_map_fits_a_narrow_column_whole(qtbot):
    """Its title was pyqtgraph's, which never wraps: its width became the map's minimum and a
    1366-wide window cut off the map's right half (two corners and the colour bar)."""
    from gui.views.heatmap_view import HeatmapView

    view = HeatmapView("OpenGL is not available: showing a 2D map instead.")
    qtbot.addWidget(view)
    assert view.minimumSizeHint().width() <= 300
    view.resize(300, 500)
    view.show()
    qtbot.waitExposed(view)
    plot = view._plot_widget
    bar = view._bar.mapRectToScene(view._bar.boundingRect())
    assert bar.right() <= plot.viewport().width() and bar.top() >= plot.fontMetrics().height() / 2


def test_the_2d_map_draws_each_hidden_nodes_line_in_its_colour(qtbot):
    from core.model.network import Weights
    from core.views.node_maps import NODE_COLOURS, SINGLE_NEURON_COLOUR, decision_lines

    view = HeatmapView()
    qtbot.addWidget(view)
    weights = Weights(np.array([[6.0, 4.0], [6.0, 4.0], [-2.5, -6.0]]), np.array([9.0, -10.0, -4.0]))
    view.update_from(make_snapshot(TrainConfig(), weights, 100))
    drawn = view.line_data()
    assert [colour for colour, _ in drawn] == list(NODE_COLOURS[:2])
    for (_colour, points), (_node, _c, segment) in zip(drawn, decision_lines(weights)):
        np.testing.assert_allclose(points, segment)
    two_layer = Weights(np.zeros((3, 0)), np.array([1.0, 1.0, -1.5]))
    view.update_from(make_snapshot(TrainConfig(hidden_nodes=0), two_layer, 100))
    assert [colour for colour, _ in view.line_data()] == [SINGLE_NEURON_COLOUR]


def test_the_map_shows_a_functions_error_as_the_3d_view_does(qtbot):
    """Without OpenGL the theorem guide's "approximation" needs the error too (#28)."""
    view = HeatmapView()
    qtbot.addWidget(view)
    view.update_from(snapshot())
    assert not view.showing_error()  # a gate has no target function: no error view
    config = TrainConfig(function="bump", grid=6, hidden_nodes=3)
    snap = snapshot(config)
    view.update_from(snap)
    view.show_error(True)
    assert view.showing_error()
    np.testing.assert_allclose(view.image_data(), snap.error_grid, rtol=1e-6)
    assert not view.markers_visible() and view.colour_label() == "error"
    assert view.title().startswith("Error |yp − f|")
    view.show_error(False)
    np.testing.assert_allclose(view.image_data(), snap.grid, rtol=1e-6)
    assert view.markers_visible() and view.colour_label() == "output"
    view.show_error(True)
    view.update_from(snapshot())  # a gate again: the output, whatever the box says
    assert not view.showing_error() and view.colour_label() == "output"
    np.testing.assert_allclose(view.image_data(), snapshot().grid, rtol=1e-6)


def test_the_maps_markers_keep_the_presentation_size_through_updates(qtbot):
    view = HeatmapView()
    qtbot.addWidget(view)
    function = snapshot(TrainConfig(function="bump", grid=6, hidden_nodes=3))
    view.update_from(function)
    assert view.marker_sizes() == {8}
    view.set_scale(2.0)
    assert view.marker_sizes() == {16}
    view.update_from(function)  # the next snapshot, or the error box toggled, keeps the size
    view.show_error(False)
    assert view.marker_sizes() == {16}
    view.update_from(snapshot())
    assert view.marker_sizes() == {36}  # a gate's corners
