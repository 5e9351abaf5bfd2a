"""ContributionsView (issue #28): fed known states, its surfaces are core's tile heights, it
follows the step shown, switches to the maps by keyboard, and a slide shows every tile."""

import numpy as np
import pytest
from PySide6.QtCore import QSize, Qt

from core.model.config import TrainConfig
from core.training.trainer import Trainer
from core.views.contributions import (
    AZIMUTH,
    ELEVATION,
    contributions,
    fitted_camera,
    layout_to_fit,
    tile_heights,
)
from core.views.snapshot import make_snapshot
from gui.views.contributions_view import ContributionsView
from gui.views.gl_probe import opengl_available


def snapshot_at(steps: int, hidden_nodes: int = 8, **settings):
    run = Trainer(TrainConfig(function="bump", grid=5, hidden_nodes=hidden_nodes, steps=steps, seed=2,
                              **settings))
    run.run()
    return make_snapshot(run.config, run.weights, run.step, run.history)


@pytest.fixture
def view(qtbot):
    shown = ContributionsView()
    qtbot.addWidget(shown)
    shown.resize(440, 560)  # the dock's size in a 1366 x 768 window
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def surfaces_view(view):
    if not opengl_available()[0]:
        pytest.skip("no OpenGL here")
    assert view.is_3d()  # the surfaces by default
    return view


def expected_heights(snapshot):
    return tile_heights(contributions(snapshot.weights, snapshot.activation)).z


def test_each_share_v_and_yp_is_a_surface_of_the_core_heights(surfaces_view):
    snapshot = snapshot_at(400)
    surfaces_view.update_from(snapshot)
    scene = surfaces_view.surfaces()
    expected = expected_heights(snapshot)
    assert scene.surface_count() == 10 == len(expected)
    for k in range(10):
        np.testing.assert_allclose(scene.surface_z(k), expected[k], atol=1e-7)
    assert scene.label_texts() == [*(f"w2 h{j}" for j in range(1, 9)), "v = Σ + bias", "yp = σ(v)"]
    glview = scene.glview
    assert scene.layout_shown() == layout_to_fit(8, glview.height() / glview.width())
    # the parts really are shares: with the bias they add up to v, drawn on the same scale
    span = tile_heights(contributions(snapshot.weights, snapshot.activation)).span
    assert f"{span:.3g}" in surfaces_view._scale.text()
    assert not surfaces_view._widget.isVisible() and scene.isVisible()


def test_the_surfaces_follow_the_step_shown_and_another_network_shape(surfaces_view):
    early, late = snapshot_at(20), snapshot_at(600)
    scene = surfaces_view.surfaces()
    surfaces_view.update_from(late)
    surfaces_view.update_from(early)  # back to a past step
    np.testing.assert_allclose(scene.surface_z(3), expected_heights(early)[3], atol=1e-7)
    assert not np.allclose(expected_heights(early)[3], expected_heights(late)[3], atol=1e-3)
    surfaces_view.update_from(late)
    np.testing.assert_allclose(scene.surface_z(9), expected_heights(late)[9], atol=1e-7)
    fewer = snapshot_at(50, hidden_nodes=3)
    surfaces_view.update_from(fewer)
    assert scene.surface_count() == 5 and len(scene.label_texts()) == 5
    np.testing.assert_allclose(scene.surface_z(4), expected_heights(fewer)[4], atol=1e-7)


def test_the_check_box_switches_to_the_maps_by_keyboard_and_back(qtbot, surfaces_view):
    snapshot = snapshot_at(400)
    surfaces_view.update_from(snapshot)
    box = surfaces_view._three_d
    assert box.toolTip() and box.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not surfaces_view.is_3d() and surfaces_view._widget.isVisible()
    assert not surfaces_view.surfaces().isVisible()
    expected = contributions(snapshot.weights, snapshot.activation)
    assert len(surfaces_view.titles()) == 10  # drawn at once from the step shown
    np.testing.assert_allclose(surfaces_view.map_data(2), expected.parts[2], atol=1e-6)
    assert surfaces_view.slide_part() is surfaces_view
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert surfaces_view.is_3d() and surfaces_view.slide_part() is surfaces_view.surfaces()


def test_every_map_title_fits_its_map_in_both_languages(qtbot, view):
    """"v = Σ + b" was cut off by the next map in a narrow dock."""
    view.set_3d(False)
    view.update_from(snapshot_at(100, hidden_nodes=16))
    qtbot.waitUntil(lambda: view._widget.isVisible() and view._map_pixels() > 0)
    assert view.titles()[-2:] == ["v = Σ + bias", "yp = σ(v)"]
    assert all(view.title_fits(k) for k in range(18))
    view._titles[16].setText("v = Σ + バイアス")  # the Japanese, longer
    view._fit_titles()
    assert view.title_fits(16)
    assert view._titles[16].textItem.font().pointSizeF() >= 8.0  # readable: wrapped, not shrunk away


def test_a_slide_of_the_surfaces_shows_every_label_inside_the_picture(surfaces_view):
    from gui.files.exports import slide_image
    from gui.shell.app import image_is_varied

    surfaces_view.update_from(snapshot_at(400, hidden_nodes=16))
    scene = surfaces_view.surfaces()
    on_screen, camera = scene.layout_shown(), scene.glview.cameraParams()
    image = slide_image([surfaces_view], QSize(1280, 720), "caption")
    assert scene.layout_shown() == on_screen and scene.glview.cameraParams() == camera  # put back
    assert (image.width(), image.height()) == (1280, 720) and image_is_varied(image, 0.02)
    drawn = scene.glview.drawn_labels  # the slide's, drawn offscreen, spread out for its width
    assert len(drawn) == 18
    assert max(box.right() for _, box in drawn) - min(box.left() for _, box in drawn) > 800
    band = 720 - round(720 * 0.07)
    for _, box in drawn:
        assert box.left() >= 0 and box.right() <= 1280 and box.top() >= 0 and box.bottom() <= band
    boxes = [box for _, box in drawn]  # and no label runs into another
    assert not any(a.intersects(b) for k, a in enumerate(boxes) for b in boxes[k + 1:])


def test_without_opengl_the_maps_are_shown_and_the_box_says_why(qtbot, monkeypatch):
    monkeypatch.setenv("GATELAB_NO_OPENGL", "1")
    view = ContributionsView()
    qtbot.addWidget(view)
    view.show()
    view.update_from(snapshot_at(50, hidden_nodes=3))
    assert view.surfaces() is None and not view.is_3d() and view.slide_part() is view
    assert not view._three_d.isEnabled() and "GATELAB_NO_OPENGL" in view._three_d.toolTip()
    view.set_3d(True)  # nothing to switch to: the maps stay
    assert view._widget.isVisible() and len(view.titles()) == 5


def test_a_slide_of_the_maps_leaves_the_check_box_out(qtbot, view):
    from gui.files.exports import slide_image
    from gui.shell.app import image_is_varied

    view.set_3d(False)
    view.update_from(snapshot_at(400))
    hidden_while_drawn = []
    original = view.render
    view.render = lambda *args: (hidden_while_drawn.append(view._controls.isHidden()), original(*args))
    image = slide_image([view], QSize(1280, 720))
    assert (image.width(), image.height()) == (1280, 720) and image_is_varied(image, 0.02)
    assert hidden_while_drawn == [True] and view._controls.isVisible()


def test_the_colours_say_the_sign_even_of_a_small_share_and_zero_is_grey(surfaces_view):
    """Near-zero shares were drawn almost white, the signs pale."""
    snapshot = snapshot_at(400)
    surfaces_view.update_from(snapshot)
    scene = surfaces_view.surfaces()
    shown = contributions(snapshot.weights, snapshot.activation)
    shares = np.concatenate([shown.parts, shown.total[None]]).reshape(len(shown.parts) + 1, -1)
    small = 0
    for k, share in enumerate(shares):
        rgb = scene.surface_colours(k)[:, :3]
        clear = np.abs(share) > 0.05 * shown.span()  # a twentieth of the tallest: coloured
        small += int((clear & (np.abs(share) < 0.1 * shown.span())).sum())
        assert (rgb[clear & (share > 0), 0] > rgb[clear & (share > 0), 2] + 0.1).all()  # red
        assert (rgb[clear & (share < 0), 2] > rgb[clear & (share < 0), 0] + 0.1).all()  # blue
        assert rgb.max() < 0.97  # nothing white on the dark background
    assert small > 0  # the small shares were among them


def test_reset_camera_brings_the_fitted_view_back_by_keyboard(qtbot, surfaces_view):
    surfaces_view.update_from(snapshot_at(400))
    scene, button = surfaces_view.surfaces(), surfaces_view.reset_button()
    assert button.isVisible() and button.toolTip() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    glview = scene.glview
    layout = scene.layout_shown()
    fitted = fitted_camera(layout, glview.height() / glview.width())
    glview.setCameraParams(elevation=80.0, azimuth=10.0, distance=3.0)  # turned and zoomed
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    camera = glview.cameraParams()
    assert camera["elevation"] == pytest.approx(ELEVATION) and camera["azimuth"] == pytest.approx(AZIMUTH)
    assert camera["distance"] == pytest.approx(fitted.distance)
    assert (camera["center"].x(), camera["center"].y(), camera["center"].z()) == pytest.approx(fitted.centre)
    surfaces_view.set_3d(False)  # the maps have no camera: no button
    assert not button.isVisible()
    surfaces_view.set_3d(True)
    assert button.isVisible()
