"""How the sum builds the output (issue #28): the parts add up to v, and the sigmoid of v is
the network's own output surface."""

import numpy as np
import pytest

from core.model import network
from core.model.config import TrainConfig
from core.training.trainer import Trainer
from core.views.contributions import (
    AMBIENT,
    AZIMUTH,
    ELEVATION,
    LABEL_GAP,
    LIGHT,
    OUTPUT,
    OUTPUT_HEIGHT,
    PART,
    PART_HEIGHT,
    PITCH,
    SUM,
    Contributions,
    centred_on,
    clear_row_pitch,
    contributions,
    fitted_camera,
    half_tan_to_fit,
    layout_to_fit,
    lighting,
    screen_axes,
    tile_heights,
    tile_layout,
    tile_lines,
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
    assert (layout.columns, layout.rows) == (3, 3) and layout.row_pitch == clear_row_pitch()
    origins = np.array([tile.origin for tile in layout.tiles])
    assert origins[0] == pytest.approx((0.0, 3 * layout.row_pitch))
    assert origins[3] == pytest.approx((0.0, 2 * layout.row_pitch))
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
    assert ((heights.shade[:4] < 0.5) == (shares < 0)).all()
    # the colour grows faster than the height: a tenth of the tallest is already well coloured
    ratio = np.abs(shares / c.span())
    assert np.allclose(np.abs(heights.shade[:4] - 0.5), 0.5 * np.sqrt(ratio), atol=1e-6)
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


def test_the_camera_sees_a_full_step_at_least_as_tall_as_a_tile_is_deep():
    """Looking nearly straight down, a step showed as a flat sheet with a coloured corner."""
    _, up = screen_axes()
    depth_on_screen = up[1]  # the tile's 1 of x2, seen at the camera's angles
    step_on_screen = 2 * PART_HEIGHT * up[2]  # from -PART_HEIGHT up to PART_HEIGHT
    assert step_on_screen > 1.5 * depth_on_screen
    assert 25 <= ELEVATION <= 35 and -90 < AZIMUTH < -60  # from the front, a little to the left
    # and the step still leaves the tile's far edge in sight: it is not seen edge on
    assert depth_on_screen > 0.4


@pytest.mark.parametrize("hidden", [0, 1, 4, 8, 16])
def test_no_tile_or_label_covers_another_whatever_the_heights(hidden):
    for aspect in (560 / 440, 720 / 1280, 0.4, 2.0):
        layout = layout_to_fit(hidden, aspect)
        assert layout.overlaps() == 0
        boxes = layout.screen_boxes()
        assert boxes.shape == (2 * (hidden + 2), 4)
    # the pitch is the least that does it: rows any closer would cover one another
    tight = tile_layout(8, clear_row_pitch() - 0.05, 3)
    assert tight.overlaps() > 0 and tile_layout(8, columns=3).overlaps() == 0


@pytest.mark.parametrize("kind", [PART, SUM, OUTPUT])
def test_a_label_begins_below_the_lowest_point_its_surface_can_reach(kind):
    """The label plate of "w2 h6" sat on its tile where the surface dipped below 0."""
    tile = next(t for t in tile_layout(4).tiles if t.kind == kind)
    _, up = screen_axes()
    lowest = min(tile.box() @ up)
    assert np.array(tile.label_at()) @ up == pytest.approx(lowest - LABEL_GAP)
    # the box is all a surface can reach: the scale holds every height at most this far
    low, high = tile.heights()
    assert (low, high) == ((0.0, OUTPUT_HEIGHT) if kind == OUTPUT else (-PART_HEIGHT, PART_HEIGHT))
    # in front of its tile, its middle under the tile's middle
    assert tile.label_at()[1] < tile.origin[1] and tile.label_at()[0] == tile.origin[0] + 0.5


def test_a_flat_surface_is_lit_evenly_and_a_slope_towards_the_light_brighter():
    axis = np.linspace(0.0, 1.0, 11)
    x1, x2 = np.meshgrid(axis, axis, indexing="ij")
    light = np.asarray(LIGHT) / np.linalg.norm(LIGHT)
    flat = lighting(np.zeros((1, 11, 11)), axis)
    assert np.allclose(flat, AMBIENT + (1 - AMBIENT) * light[2])
    # rising away from the light (LIGHT comes from -x1, -x2): faces it; sinking: faces away
    towards, away = lighting(np.stack([0.4 * (x1 + x2), -0.4 * (x1 + x2)]), axis)
    assert towards.min() > flat.max() > away.max() >= AMBIENT
    assert lighting(np.zeros((1, 1, 1)), axis[:1]).tolist() == [[[1.0]]]


def test_the_lines_lie_on_the_surfaces_and_the_posts_stand_on_zero():
    layout = tile_layout(2)
    axis = np.linspace(0.0, 1.0, 11)
    rng = np.random.default_rng(4)
    z = rng.uniform(-PART_HEIGHT, PART_HEIGHT, (4, 11, 11)).astype(np.float32)
    wire, posts = tile_lines(layout, z, axis)
    # every 5th grid line and the edges, both ways: 3 lines of 10 segments each way, per tile
    assert wire.shape == (4 * 2 * 3 * 10 * 2, 3) and posts.shape == (4 * 8, 3)
    for tile, heights in zip(layout.tiles, z, strict=True):
        x, y = tile.origin
        on = (wire[:, 0] >= x - 1e-6) & (wire[:, 0] <= x + 1 + 1e-6) & \
             (wire[:, 1] >= y - 1e-6) & (wire[:, 1] <= y + 1 + 1e-6)
        i = np.rint((wire[on, 0] - x) * 10).astype(int)
        j = np.rint((wire[on, 1] - y) * 10).astype(int)
        assert np.allclose(wire[on, 2], heights[i, j], atol=1e-6)
    first = posts[:8]  # tile 0's posts: from 0 to its corners' heights
    assert (first[0::2, 2] == 0).all()
    corners = {(0, 0), (10, 0), (10, 10), (0, 10)}
    x, y = layout.tiles[0].origin
    tops = {(round((p[0] - x) * 10), round((p[1] - y) * 10)): p[2] for p in first[1::2]}
    assert set(tops) == corners and all(tops[c] == pytest.approx(z[0][c]) for c in corners)
