"""SurfaceView: what the 3D view holds after snapshots, and that it really renders."""

import dataclasses
import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtWidgets import QCheckBox, QPushButton
from qt_waits import let_timer_fire

from core.model.config import TrainConfig
from core.model.network import Weights
from core.training.trainer import initial_weights
from core.views.snapshot import make_snapshot
from gui.views.gl_probe import opengl_available

ORBIT_TICK_MS = 16  # pyqtgraph's GLViewMixin: a held arrow key turns the camera every 16 ms
SOLVED_XOR = Weights(np.array([[6.0, 4.0], [6.0, 4.0], [-2.5, -6.0]]), np.array([9.0, -10.0, -4.0]))
BACKGROUND = (24, 26, 32)


@pytest.fixture
def view(qtbot):
    ok, reason = opengl_available()
    if not ok:
        pytest.skip(f"no OpenGL here: {reason}")
    from gui.views.surface_view import SurfaceView

    widget = SurfaceView()
    qtbot.addWidget(widget)
    return widget


def xor_snapshot(weights=None, step=0):
    config = TrainConfig()
    return make_snapshot(config, weights or initial_weights(config), step)


def test_surface_holds_the_snapshot_grid_as_float32(view):
    snapshot = xor_snapshot(SOLVED_XOR)
    view.update_from(snapshot)
    z = view.surface_z()
    assert z.dtype == np.float32
    np.testing.assert_array_equal(z, snapshot.grid.astype(np.float32))


def test_updates_reuse_the_same_items(view):
    item, items = view.surface_item, list(view.glview.items)
    config = TrainConfig()
    for seed in range(5):
        view.update_from(make_snapshot(config, initial_weights(config.with_changes(seed=seed)), seed))
    assert view.surface_item is item
    assert view.glview.items == items


@pytest.mark.parametrize("config", [TrainConfig(), TrainConfig(gate="custom", targets=(0.2, 0.9, 0.6, 0.1))])
def test_markers_sit_at_x1_x2_target(view, config):
    snapshot = make_snapshot(config, initial_weights(config), 0)
    view.update_from(snapshot)
    rows = [[0, 0], [1, 0], [0, 1], [1, 1]]
    expected = np.column_stack([rows, config.targets]).astype(np.float32)
    np.testing.assert_allclose(view.target_positions(), expected)
    np.testing.assert_allclose(view.prediction_positions()[:, 2], snapshot.predictions, rtol=1e-6)


def test_diverged_grid_keeps_the_last_finite_surface(view):
    snapshot = xor_snapshot(SOLVED_XOR)
    view.update_from(snapshot)
    view.update_from(dataclasses.replace(snapshot, grid=np.full((41, 41), np.nan)))
    np.testing.assert_array_equal(view.surface_z(), snapshot.grid.astype(np.float32))


def test_wrong_grid_shape_is_rejected(view):
    snapshot = xor_snapshot()
    with pytest.raises(ValueError, match="grid"):
        view.update_from(dataclasses.replace(snapshot, grid=np.zeros((5, 5))))


def test_plane_toggles_from_code_and_checkbox(view, qtbot):
    box = view.findChild(QCheckBox, "decisionPlaneCheckBox")
    assert not view.plane_visible() and not box.isChecked()
    view.set_plane_visible(True)
    assert view.plane_visible() and box.isChecked()
    view.show()
    qtbot.waitExposed(view)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not view.plane_visible()


def test_arrow_keys_on_the_focused_view_orbit_the_camera(view, qtbot):
    from PySide6.QtTest import QTest

    show_settled(view, qtbot)
    canvas = view.canvas_widget
    assert canvas.focusPolicy() == Qt.FocusPolicy.StrongFocus  # Tab reaches it
    start = view.camera_params()["azimuth"]
    QTest.keyPress(canvas, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: view.camera_params()["azimuth"] < start - 5)  # orbits while held
    QTest.keyRelease(canvas, Qt.Key.Key_Right)
    stopped = view.camera_params()["azimuth"]
    let_timer_fire(qtbot, ORBIT_TICK_MS, 6)  # six ticks' time of the orbit: it moves no more
    assert view.camera_params()["azimuth"] == stopped


@pytest.mark.parametrize("target", ["container", "canvas"])  # Tab-focused, or clicked
def test_an_arrow_released_after_focus_left_does_not_orbit_forever(view, qtbot, target):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtTest import QTest

    show_settled(view, qtbot)
    focused = view.canvas_widget if target == "container" else view.glview
    QTest.keyPress(focused, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: view.glview.keyTimer.isActive())
    QCoreApplication.sendEvent(focused, QFocusEvent(QEvent.Type.FocusOut))  # the release goes elsewhere
    assert not view.glview.keyTimer.isActive()
    stopped = view.camera_params()["azimuth"]
    let_timer_fire(qtbot, ORBIT_TICK_MS, 6)  # six ticks' time of the orbit: it moves no more
    assert view.camera_params()["azimuth"] == stopped


def test_tab_in_the_gl_window_moves_on_to_the_next_control(view, qtbot):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    show_settled(view, qtbot)
    view.activateWindow()
    qtbot.waitActive(view)
    moved = []
    view.glview.tab_pressed.connect(moved.append)
    QTest.keyClick(view.glview, Qt.Key.Key_Tab)
    assert moved == [True]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)  # focus moves asynchronously
    focus = QApplication.focusWidget()
    assert focus is not view.canvas_widget and view.isAncestorOf(focus)


@pytest.mark.parametrize("target", ["container", "canvas"])  # Tab-focused, or clicked
def test_plus_and_minus_zoom_within_limits(view, qtbot, target):
    from PySide6.QtTest import QTest

    from gui.views.gl_canvas import MAX_DISTANCE, MIN_DISTANCE

    canvas = view.canvas_widget if target == "container" else view.glview
    start = view.camera_params()["distance"]
    QTest.keyClick(canvas, Qt.Key.Key_Plus)
    assert view.camera_params()["distance"] == pytest.approx(start * 0.9)
    QTest.keyClick(canvas, Qt.Key.Key_Minus)
    assert view.camera_params()["distance"] == pytest.approx(start)
    for _ in range(60):
        QTest.keyClick(canvas, Qt.Key.Key_Minus)
    assert view.camera_params()["distance"] == MAX_DISTANCE
    for _ in range(60):
        QTest.keyClick(canvas, Qt.Key.Key_Plus)
    assert view.camera_params()["distance"] == MIN_DISTANCE


def test_focus_on_the_view_is_shown_by_its_hint(view, qtbot):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QLabel

    hint = view.findChild(QLabel, "surfaceMouseHint")
    assert not hint.font().bold()
    QCoreApplication.sendEvent(view.canvas_widget, QFocusEvent(QEvent.Type.FocusIn))
    assert hint.font().bold()
    QCoreApplication.sendEvent(view.canvas_widget, QFocusEvent(QEvent.Type.FocusOut))
    assert not hint.font().bold()


def fitted_fov(size) -> float:
    from gui.views.surface_view import VIEW_HALF_TAN

    return math.degrees(2 * math.atan(VIEW_HALF_TAN * max(1.0, size.width() / size.height())))


def show_settled(view, qtbot):
    """Shows the view and waits until its native GL window has its size and fov."""
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.glview.isExposed()
                    and view.canvas_widget.size() == view.glview.size()
                    and view.camera_params()["fov"] == pytest.approx(fitted_fov(view.glview.size())))


def test_reset_camera_restores_the_default_view(view, qtbot):
    show_settled(view, qtbot)
    default = dict(view.camera_params())
    view.glview.setCameraParams(distance=12.0, azimuth=100.0, elevation=70.0, fov=20.0)
    view.glview.orbit(15, 5)
    assert view.camera_params() != default
    qtbot.mouseClick(view.findChild(QPushButton, "resetCameraButton"), Qt.MouseButton.LeftButton)
    assert view.camera_params() == default


def test_fov_is_refitted_when_the_view_changes_shape(view, qtbot):
    view.resize(400, 600)
    show_settled(view, qtbot)
    tall = view.camera_params()["fov"]
    view.resize(1000, 400)
    # a wide view needs a wider horizontal fov to keep the cube's height in sight
    qtbot.waitUntil(lambda: view.camera_params()["fov"] > tall + 10)
    assert view.camera_params()["fov"] == pytest.approx(fitted_fov(view.glview.size()))


def test_a_fresh_frame_can_be_drawn_at_another_size_and_the_view_keeps_its_own(view, qtbot):
    view.resize(420, 400)
    view.update_from(xor_snapshot(SOLVED_XOR))
    show_settled(view, qtbot)
    size = view.glview.size()
    large = view.render_image(size * 2)
    ratio = view.glview.devicePixelRatioF()
    assert (large.width(), large.height()) == (round(size.width() * 2 * ratio),
                                               round(size.height() * 2 * ratio))
    assert view.glview.size() == size
    assert _pixels(view.render_image()).reshape(-1, 3).astype(int).var() > 0


def test_the_view_has_a_depth_buffer_so_the_surface_hides_what_is_behind_it(view, qtbot):
    show_settled(view, qtbot)
    assert view.glview.format().depthBufferSize() >= 16  # Mesa's GLX gave 0 unless asked


def test_an_offscreen_frame_looks_like_the_one_on_screen(view, qtbot):
    view.resize(480, 420)
    view.update_from(xor_snapshot(SOLVED_XOR))
    view.set_plane_visible(True)  # translucent, as are the wires: where alpha handling shows
    show_settled(view, qtbot)
    screen = _pixels(view.render_image()).astype(int)
    offscreen = _pixels(view.glview._draw_offscreen(view.glview.size())).astype(int)
    assert screen.shape == offscreen.shape
    off = np.abs(screen - offscreen).max(axis=2) > 8
    assert off.mean() < 0.01, f"{off.sum()} pixels differ"


def test_a_hidden_view_refuses_to_render_with_a_reason(view):
    with pytest.raises(RuntimeError, match="not shown"):
        view.render_image()


def _pixels(image) -> np.ndarray:
    image = image.convertToFormat(image.Format.Format_RGBA8888)
    bits = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    # A copy: the view into constBits() dangles once the converted image is freed (SIGSEGV).
    return bits.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].copy()


def test_real_render_shows_the_surface_and_markers(view, qtbot):
    view.resize(640, 520)
    view.update_from(xor_snapshot(SOLVED_XOR))
    view.set_plane_visible(True)
    show_settled(view, qtbot)
    rgb = _pixels(view.render_image()).reshape(-1, 3).astype(int)
    assert rgb.var() > 0
    background = np.all(np.abs(rgb - BACKGROUND) <= 2, axis=1)
    assert 0.1 < 1 - background.mean() < 0.9  # the scene fills part of the view, not all or none
    yellow = (rgb[:, 0] > 200) & (rgb[:, 1] > 180) & (rgb[:, 2] < 90)  # the surface's high ridge
    target_red = (rgb[:, 0] > 220) & (rgb[:, 1] < 110) & (rgb[:, 2] > 60) & (rgb[:, 2] < 130)
    assert yellow.sum() > 1000
    assert target_red.sum() > 50


def test_each_hidden_nodes_line_lies_on_the_floor_in_its_colour(view, qtbot):
    from PySide6.QtGui import QColor

    from core.views.node_maps import decision_lines

    view.update_from(xor_snapshot(SOLVED_XOR))
    pos, colours = view.floor_lines()
    expected = decision_lines(SOLVED_XOR)
    assert len(expected) == 2 and pos.shape == (4, 3)
    for k, (_node, colour, segment) in enumerate(expected):
        np.testing.assert_allclose(pos[2 * k: 2 * k + 2, :2], segment, atol=1e-6)
        np.testing.assert_allclose(colours[2 * k], QColor(colour).getRgbF(), atol=1e-6)
    assert (pos[:, 2] == 0).all()  # on the floor
    view.show()
    qtbot.waitExposed(view)
    image = view.render_image()
    assert not image.isNull()


def test_the_3d_view_has_a_colour_key_from_0_to_1(view, qtbot):
    """The 3D view had no colour bar: its colours could only be read from the 2D views'."""
    import pyqtgraph as pg

    from gui.views.colour_bar import ColourBar

    bar = view.findChild(ColourBar)
    assert bar is not None
    stops = bar.stops()
    lut = pg.colormap.get("viridis").getLookupTable(nPts=16, mode="byte")
    np.testing.assert_array_equal(stops, lut)  # the surface's own colour map, low to high
    view.resize(500, 500)
    view.show()
    qtbot.waitExposed(view)
    assert bar.width() >= bar.minimumSizeHint().width() and not bar.grab().isNull()


def test_the_labels_are_drawn_by_the_canvas_in_one_pass_after_the_scene(view, qtbot, monkeypatch):
    """Each text item opening its own painter on the GL window cost as much as the rest of the
    scene; the canvas draws them all with one, and they still show."""
    from pyqtgraph.opengl import GLTextItem

    view.resize(480, 420)
    view.update_from(xor_snapshot(SOLVED_XOR))
    show_settled(view, qtbot)
    painted = []
    monkeypatch.setattr(GLTextItem, "paint", lambda item: painted.append(item))
    with_labels = _pixels(view.render_image()).astype(int)
    labels = [item for item in view.glview.items if isinstance(item, GLTextItem) and item.text]
    assert len(labels) > 5 and not painted
    texts = [item.text for item in labels]
    for item in labels:
        item.text = ""
    without = _pixels(view.render_image()).astype(int)
    for item, text in zip(labels, texts):
        item.text = text
    assert (np.abs(with_labels - without).max(axis=2) > 40).sum() > 200


def test_a_moved_label_is_drawn_where_its_own_transform_puts_it(view, qtbot):
    from pyqtgraph.opengl import GLTextItem

    view.resize(480, 420)
    view.update_from(xor_snapshot(SOLVED_XOR))
    show_settled(view, qtbot)
    labels = [item for item in view.glview.items if isinstance(item, GLTextItem) and item.text]
    for item in labels:
        item.text = ""
    blank = _pixels(view.render_image()).astype(int)
    label = labels[0]
    label.text = "WWWW"
    placed = _pixels(view.render_image()).astype(int)
    label.translate(0.0, 0.0, 0.6)  # up the output axis: the text moves up the picture
    moved = _pixels(view.render_image()).astype(int)
    rows = [np.nonzero((np.abs(picture - blank).max(axis=2) > 40).any(axis=1))[0]
            for picture in (placed, moved)]
    assert rows[0].size and rows[1].size
    assert rows[1].mean() < rows[0].mean() - 20


def _marker_squares(view, size) -> list:
    """Each row's marker (target and prediction) as the square it covers on a picture of
    `size`, projected here with the camera's own matrices."""
    from PySide6.QtGui import QMatrix4x4, QVector3D

    to_pixels = QMatrix4x4()
    to_pixels.viewport(0, size.height(), size.width(), -size.height())
    region = (0, 0, size.width(), size.height())
    transform = to_pixels * view.glview.projectionMatrix(region, region) * view.glview.viewMatrix()
    squares = []
    for positions, diameter in ((view.target_positions(), view._targets.size),
                                (view.prediction_positions(), view._predictions.size)):
        for point in positions:
            centre = transform.map(QVector3D(*map(float, point))).toPointF()
            squares.append(QRectF(centre.x() - diameter / 2, centre.y() - diameter / 2, diameter, diameter))
    return squares


@pytest.mark.parametrize("scale, size", [(1.0, (480, 420)), (2.0, (480, 420)), (2.0, (960, 840))])
def test_no_two_labels_overlap_at_any_camera_angle(view, qtbot, scale, size):
    """Labels are placed by where their anchors land on screen: at every angle of a sweep, no
    two drawn labels overlap, no tick covers a row's marker, and the axis titles always show
    (scale 2: presentation mode's text, in a small view and in the big one it has there)."""
    view.resize(*size)
    view.update_from(xor_snapshot(SOLVED_XOR))
    show_settled(view, qtbot)
    view.set_scale(scale)
    titles = {"x1", "x2", "output"}
    for azimuth in range(0, 360, 20):
        for elevation in (-30, 0, 26, 60, 89):
            view.glview.setCameraParams(azimuth=azimuth, elevation=elevation)
            picture = view.render_image()
            pixels = picture.size() / picture.devicePixelRatio()
            drawn = view.glview.drawn_labels
            where = f"azimuth {azimuth}, elevation {elevation}"
            assert titles <= {text for text, _ in drawn}, where
            for k, (text, rect) in enumerate(drawn):
                for other_text, other in drawn[:k]:
                    assert not rect.intersects(other), f"{text!r} on {other_text!r} at {where}"
                if text not in titles:
                    assert not any(rect.intersects(square) for square in _marker_squares(view, pixels)), \
                        f"{text!r} on a marker at {where}"
            assert len(drawn) >= (8 if size[0] / scale >= 480 else 6), where  # most ticks still show


def test_no_tick_covers_any_of_a_function_runs_samples(view, qtbot):
    """A 21 x 21 grid's 441 samples are projected all at once to keep the ticks off them."""
    config = TrainConfig(function="bump", grid=21, hidden_nodes=4)
    view.resize(480, 420)
    view.update_from(make_snapshot(config, initial_weights(config), 0))
    show_settled(view, qtbot)
    titles, ticks_seen = {"x1", "x2", "output"}, 0
    for azimuth, elevation in ((-62, 26), (30, 10), (150, 60), (250, -20), (0, 89)):
        view.glview.setCameraParams(azimuth=azimuth, elevation=elevation)
        picture = view.render_image()
        squares = _marker_squares(view, picture.size() / picture.devicePixelRatio())
        assert len(squares) == 2 * 441
        for text, rect in view.glview.drawn_labels:
            if text not in titles:
                ticks_seen += 1
                assert not any(rect.intersects(square) for square in squares), \
                    f"{text!r} on a sample at azimuth {azimuth}, elevation {elevation}"
    assert ticks_seen >= 10  # the check had ticks to check


def test_at_the_starting_camera_every_tick_and_title_shows(view, qtbot):
    view.resize(480, 420)
    view.update_from(xor_snapshot(SOLVED_XOR))
    show_settled(view, qtbot)
    view.reset_camera()
    view.render_image()
    assert sorted(text for text, _ in view.glview.drawn_labels) == sorted(
        ["0", "0", "0", "0.5", "0.5", "0.5", "1", "1", "1", "x1", "x2", "output"])


def test_labels_in_a_bigger_picture_are_placed_for_its_size(view, qtbot):
    from PySide6.QtCore import QSize

    view.resize(480, 420)
    view.update_from(xor_snapshot(SOLVED_XOR))
    show_settled(view, qtbot)
    view.glview.setCameraParams(azimuth=150, elevation=60)
    view.render_image(QSize(1280, 720))
    drawn = view.glview.drawn_labels
    assert {"x1", "x2", "output"} <= {text for text, _ in drawn}
    assert all(0 <= rect.left() and rect.right() <= 1280 and 0 <= rect.top() and rect.bottom() <= 720
               for _, rect in drawn)
    for k, (_, rect) in enumerate(drawn):
        assert not any(rect.intersects(other) for _, other in drawn[:k])


def test_the_error_box_keeps_clear_of_the_colour_bars_words(view, qtbot):
    """In presentation mode "Error |yp − f|" ran straight into the bar's "output 0"."""
    from PySide6.QtGui import QFont

    from gui.views.colour_bar import ColourBar

    config = TrainConfig(function="bump", grid=5, hidden_nodes=4)
    big = QFont(view.font())
    big.setPointSizeF(2 * big.pointSizeF())  # presentation mode's size
    view.setFont(big)
    view.resize(900, 420)
    view.update_from(make_snapshot(config, initial_weights(config), 0))
    view.show()
    qtbot.waitExposed(view)
    box = next(b for b in view.findChildren(QCheckBox) if b.text().startswith("Error"))
    bar = view.findChild(ColourBar)
    qtbot.waitUntil(lambda: box.isVisible() and bar.isVisible())
    gap = bar.geometry().left() - box.geometry().right()
    assert gap >= box.fontMetrics().horizontalAdvance("  "), gap
