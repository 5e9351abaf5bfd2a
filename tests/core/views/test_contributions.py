"""How the sum builds the output (issue #28): the parts add up to v, and the sigmoid of v is
the network's own output surface."""

import numpy as np
import pytest

from core.model import network
from core.model.config import TrainConfig
from core.training.trainer import Trainer
from core.views.contributions import (
    AZIMUTH,
    ELEVATION,
    OUTPUT,
    OUTPUT_HEIGHT,
    PART,
    PART_HEIGHT,
    PITCH,
    ROW_PITCH,
    SUM,
    Contributions,
    centred_on,
    contributions,
    fitted_camera,
    half_tan_to_fit,
    layout_to_fit,
    tile_heights,
    tile_layout,
)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_the_parts_and_the_bias_add_up_to_v_and_its_sigmoid_is_the_output(activation):
    trainer = Trainer(TrainConfig(function="bump", grid=5, hidden_nodes=4, steps=50, activation=activation))
    trainer.run()
    w = trainer.weights
    c = contributions(w, activation, size=11)
    assert c.parts.shape == (4, 11, 11)
    assert np.allclose(c.parts.sum(axis=0) + c.bias, c.total, rtol=1e-12, atol=1e-12)
    assert np.allclose(c.output, network.output_grid(w, activation, 11)[1], rtol=0, atol=1e-15)
    # node j's part at (x1, x2) = (0.3, 0.7): its activation there times its output weight
    u = 0.3 * w.hidden[0] + 0.7 * w.hidden[1] + w.hidden[2]
    h = {"sigmoid": 1 / (1 + np.exp(-u)), "tanh": np.tanh(u), "relu": np.maximum(u, 0)}[activation]
    assert np.allclose(c.parts[:, 3, 7], h * w.output[:-1], rtol=1e-12)
    assert c.span() == pytest.approx(max(np.abs(c.parts).max(), np.abs(c.total).max()))


def test_the_two_layer_model_has_no_parts_only_its_sum():
    w = Trainer(TrainConfig(hidden_nodes=0, gate="and")).weights
    c = contributions(w, "sigmoid", size=5)
    assert c.parts.shape == (0, 5, 5)
    assert c.total[4, 0] == pytest.approx(w.output[0] + w.output[2])  # x1 = 1, x2 = 0


def test_the_surfaces_tiles_put_the_parts_in_rows_behind_v_and_yp_without_overlap():
    layout = tile_layout(8)
    kinds = [tile.kind for tile in layout.tiles]
    assert kinds == [PART] * 8 + [SUM, OUTPUT]
    assert [tile.node for tile in layout.tiles] == [*range(8), -1, -1]
    assert (layout.columns, layout.rows) == (3, 3)
    origins = np.array([tile.origin for tile in layout.tiles])
    assert origins[0] == pytest.approx((0.0, 3 * ROW_PITCH))
    assert origins[3] == pytest.approx((0.0, 2 * ROW_PITCH))
    assert origins[8] == pytest.approx((PITCH / 2, 0.0)) and origins[9] == pytest.approx((1.5 * PITCH, 0.0))
    # no two 1 x 1 tiles overlap, and all lie within the extent
    gaps = np.abs(origins[:, None] - origins[None])
    apart = (gaps >= 1.0).any(axis=-1)
    assert apart[~np.eye(10, dtype=bool)].all()
    width, depth = layout.extent()
    assert origins.min() >= 0 and (origins[:, 0] + 1).max() <= width + 1e-12
    assert (origins[:, 1] + 1).max() == pytest.approx(depth)
    assert layout.tiles[8].label_at()[1] < 0  # the labels in front of their tiles
    two_layer = tile_layout(0)
    assert [t.kind for t in two_layer.tiles] == [SUM, OUTPUT] and two_layer.rows == 0
    with pytest.raises(ValueError):
        tile_layout(-1)


def test_the_heights_share_one_scale_for_the_parts_and_v_and_shade_by_sign():
    w = Trainer(TrainConfig(function="bump", grid=5, hidden_nodes=3, steps=30)).weights
    c = contributions(w, "sigmoid", size=7)
    heights = tile_heights(c)
    assert heights.z.shape == heights.shade.shape == (5, 7, 7) and heights.z.dtype == np.float32
    assert heights.span == pytest.approx(c.span())
    shares = np.concatenate([c.parts, c.total[None]])
    assert np.allclose(heights.z[:4], shares / c.span() * PART_HEIGHT, atol=1e-6)
    assert np.abs(heights.z[:4]).max() == pytest.approx(PART_HEIGHT)  # the largest reaches the top
    assert ((heights.shade[:4] > 0.5) == (shares > 0)).all()  # red above 0, blue below
    assert np.allclose(heights.z[4], c.output * OUTPUT_HEIGHT, atol=1e-6)
    assert np.allclose(heights.shade[4], c.output, atol=1e-6)


def test_heights_of_an_overflowing_network_stay_drawable():
    parts = np.array([[[np.inf, -np.inf], [np.nan, 1.0]]])
    c = Contributions(np.array([0.0, 1.0]), parts, 0.0, np.array([[np.inf, 0.0], [np.nan, 1.0]]),
                      np.array([[1.0, 0.5], [np.nan, 0.7]]))
    heights = tile_heights(c)
    assert np.isfinite(heights.z).all() and np.isfinite(heights.shade).all()
    assert heights.z[0, 0, 0] == pytest.approx(PART_HEIGHT)
    assert heights.z[0, 0, 1] == pytest.approx(-PART_HEIGHT)
    assert (heights.shade >= 0).all() and (heights.shade <= 1).all()


def test_the_camera_fit_is_pyqtgraphs_projection_worked_by_hand():
    # from the front (azimuth -90), level: the eye at (0, -2, 0) looking along +y
    assert half_tan_to_fit([(1.0, 0.0, 0.0)], (0, 0, 0), 2.0, 0.0, -90.0, 1.0) == pytest.approx(0.5)
    # 1 up at depth 2 is a tangent of 0.5; a picture half as tall as wide needs twice the width
    assert half_tan_to_fit([(0.0, 0.0, 1.0)], (0, 0, 0), 2.0, 0.0, -90.0, 0.5) == pytest.approx(1.0)
    assert half_tan_to_fit([(0.0, -3.0, 0.0)], (0, 0, 0), 2.0, 0.0, -90.0, 1.0) == 1.0  # behind: none seen
    points = np.array([(2.0, 5.0, 0.0), (3.0, 6.0, 1.0), (2.5, 5.5, -1.0)])
    centre = centred_on(points, (0.0, 0.0, 0.0), 6.0, 40.0, -90.0)
    # centred: the picture of the points is as far left as right of the middle
    assert half_tan_to_fit(points, centre, 6.0, 40.0, -90.0, 1.0) < half_tan_to_fit(
        points, (2.5, 5.5, 0.0), 6.0, 40.0, -90.0, 1.0)


@pytest.mark.parametrize("hidden", [0, 1, 8, 16])
def test_the_fitted_camera_sees_every_tile_and_a_wide_picture_spreads_them_out(hidden):
    tall, wide = 560 / 440, 720 / 1280
    for aspect in (tall, wide):
        layout = layout_to_fit(hidden, aspect)
        camera = fitted_camera(layout, aspect)
        needed = half_tan_to_fit(layout.corners(), camera.centre, camera.distance, ELEVATION, AZIMUTH, aspect)
        assert needed <= camera.half_tan  # all in sight, with a margin
        assert camera.half_tan < 1.1 * needed  # and not much more: the tiles fill the picture
    if hidden >= 8:
        assert layout_to_fit(hidden, wide).columns > layout_to_fit(hidden, tall).columns
    assert len(layout_to_fit(hidden, wide).tiles) == hidden + 2
