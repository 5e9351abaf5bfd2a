"""Label placement for the 3D views (core.views.label_placement), without a display."""

import math
import random

import pytest

from core.views.label_placement import PADDING, Box, Label, marker_box, marker_boxes, natural_box, place

BOUNDS = (400.0, 300.0)


def overlap(a: Box, b: Box, padding=0.0) -> bool:
    # written out here, apart from Box.overlaps
    return not (a.left + a.width + padding <= b.left or b.left + b.width + padding <= a.left
                or a.top + a.height + padding <= b.top or b.top + b.height + padding <= a.top)


def test_a_pushed_box_sits_gap_pixels_off_its_anchor_straight_away_from_the_centre():
    below = natural_box(Label((100.0, 100.0), (30.0, 10.0), away_from=(100.0, 50.0), gap=4.0))
    assert (below.left, below.top) == (85.0, 104.0)
    left = natural_box(Label((100.0, 100.0), (30.0, 10.0), away_from=(150.0, 100.0), gap=4.0))
    assert (left.left + left.width, left.top) == (96.0, 95.0)
    diagonal = natural_box(Label((100.0, 100.0), (20.0, 20.0), away_from=(90.0, 90.0), gap=0.0))
    assert (diagonal.left, diagonal.top) == pytest.approx((100.0, 100.0))  # the corner touches


def test_an_unpushed_box_is_aligned_on_its_anchor():
    box = natural_box(Label((50.0, 60.0), (20.0, 10.0), align=(0.5, 1.0)))
    assert (box.left, box.top, box.width, box.height) == (40.0, 50.0, 20.0, 10.0)


def test_of_two_overlapping_labels_the_higher_priority_stays():
    low = Label((100.0, 100.0), (40.0, 12.0), priority=1, align=(0, 0))
    high = Label((110.0, 104.0), (40.0, 12.0), priority=2, align=(0, 0))
    assert place([low, high], BOUNDS)[0] is None and place([low, high], BOUNDS)[1] is not None
    same = Label((110.0, 104.0), (40.0, 12.0), priority=1, align=(0, 0))
    boxes = place([low, same], BOUNDS)
    assert boxes[0] is not None and boxes[1] is None  # equal: the first given wins


def test_labels_padding_apart_both_stay():
    a = Label((100.0, 100.0), (40.0, 12.0), align=(0, 0))
    b = Label((140.0 + PADDING, 100.0), (40.0, 12.0), align=(0, 0))
    assert None not in place([a, b], BOUNDS)


def test_a_pushed_label_blocked_by_a_marker_moves_further_out():
    label = Label((100.0, 100.0), (20.0, 10.0), away_from=(100.0, 0.0), gap=2.0)
    marker = marker_box((100.0, 106.0), 8.0)  # right where the label would go
    [box] = place([label], BOUNDS, [marker])
    assert box is not None and not overlap(box, marker, PADDING)
    assert box.top > natural_box(label).top  # further out, same direction
    assert box.left == natural_box(label).left


def test_an_unpushed_label_blocked_by_a_marker_is_left_out():
    label = Label((100.0, 100.0), (20.0, 10.0), align=(0, 0))
    assert place([label], BOUNDS, [marker_box((105.0, 105.0), 8.0)]) == [None]


def test_a_required_label_turns_and_at_worst_covers_a_marker_but_never_a_label():
    title = Label((100.0, 100.0), (40.0, 12.0), away_from=(100.0, 50.0), tries=1, required=True)
    wall = [marker_box((100.0, 125.0), 30.0)]  # blocks straight down
    [box] = place([title], BOUNDS, wall)
    assert box is not None and overlap(box, wall[0])  # no turn allowed: over the marker
    turning = Label((100.0, 100.0), (40.0, 12.0), away_from=(100.0, 50.0), tries=1, required=True,
                    turns=(0, 90, -90))
    [box] = place([turning], BOUNDS, wall)
    assert not overlap(box, wall[0], PADDING)  # turned sideways, clear of it
    blocker = Label((80.0, 104.0), (80.0, 40.0), priority=5, align=(0, 0))
    assert place([blocker, title], BOUNDS)[1] is None  # labels never overlap, required or not


def test_boxes_are_moved_inside_the_picture_clear_of_its_edges():
    """An axis title flush with the 3D view's bottom edge read as cut off ("x1" in
    presentation mode): a box keeps the padding from each edge, as from another box."""
    for anchor in ((395.0, 295.0), (5.0, 5.0), (395.0, 5.0), (5.0, 295.0)):
        for padding in (PADDING, 7.0):
            [box] = place([Label(anchor, (30.0, 10.0), away_from=(200.0, 150.0))], BOUNDS, padding=padding)
            assert box.left >= padding and box.top >= padding, (anchor, padding)
            assert box.left + box.width <= BOUNDS[0] - padding, (anchor, padding)
            assert box.top + box.height <= BOUNDS[1] - padding, (anchor, padding)
    [wide] = place([Label((200.0, 150.0), (399.0, 10.0))], BOUNDS)  # wider than the room left
    assert 0.0 <= wide.left and wide.left + wide.width <= BOUNDS[0]


def test_empty_labels_are_not_placed():
    assert place([Label((10.0, 10.0), (0.0, 10.0))], BOUNDS) == [None]


@pytest.mark.parametrize("seed", range(20))
def test_no_two_placed_boxes_overlap_and_none_covers_a_marker_unless_required(seed):
    rng = random.Random(seed)
    centre = (200.0, 150.0)
    labels = []
    for _ in range(30):
        angle = rng.uniform(0, 2 * math.pi)
        reach = rng.random()
        anchor = (centre[0] + 120 * math.cos(angle) * reach, centre[1] + 90 * math.sin(angle) * reach)
        labels.append(Label(anchor, (rng.uniform(8, 60), rng.uniform(8, 24)), priority=rng.randint(0, 3),
                            away_from=centre if rng.random() < 0.8 else None, required=rng.random() < 0.1,
                            turns=(0, 45, -45)))
    markers = [marker_box((rng.uniform(0, 400), rng.uniform(0, 300)), 12.0) for _ in range(6)]
    boxes = place(labels, BOUNDS, markers)
    shown = [(label, box) for label, box in zip(labels, boxes) if box is not None]
    assert len(shown) >= 5
    for k, (label, box) in enumerate(shown):
        assert 0 <= box.left and box.left + box.width <= BOUNDS[0] + 1e-9
        for _, other in shown[:k]:
            assert not overlap(box, other, PADDING)
        if not label.required:
            assert not any(overlap(box, marker, PADDING) for marker in markers)


def test_marker_boxes_are_marker_box_edges_for_many_markers_at_once():
    centres, diameters = [(10.0, 20.0), (30.5, 4.25)], [8.0, 3.0]
    edges = marker_boxes(centres, diameters)
    for row, centre, diameter in zip(edges, centres, diameters):
        box = marker_box(centre, diameter)
        assert tuple(row) == (box.left, box.top, box.left + box.width, box.top + box.height)
    assert marker_boxes(centres, 5.0)[:, 2].tolist() == [12.5, 33.0]  # one size for all
    assert marker_boxes([], 5.0).shape == (0, 4)


@pytest.mark.parametrize("seed", range(10))
def test_markers_as_one_array_are_placed_around_as_boxes_are(seed):
    """A grid's hundreds of markers go to place() as marker_boxes' array: the same boxes as
    the Boxes one by one, touching edges included."""
    rng = random.Random(seed)
    centre = (200.0, 150.0)
    labels = [Label((rng.uniform(0, 400), rng.uniform(0, 300)), (rng.uniform(8, 60), rng.uniform(8, 24)),
                    priority=rng.randint(0, 3), away_from=centre if rng.random() < 0.8 else None,
                    required=rng.random() < 0.1, turns=(0, 45, -45)) for _ in range(20)]
    centres = [(float(rng.randrange(0, 400)), float(rng.randrange(0, 300))) for _ in range(441)]
    boxes = [marker_box(c, 6.0) for c in centres]
    assert place(labels, BOUNDS, marker_boxes(centres, 6.0)) == place(labels, BOUNDS, boxes)
    assert place(labels, BOUNDS, marker_boxes([], 6.0)) == place(labels, BOUNDS)


@pytest.mark.parametrize("anchor, away", [((math.nan, 5.0), (0.0, 0.0)), ((5.0, math.inf), (0.0, 0.0)),
                                          ((5.0, 5.0), (math.nan, math.nan))])
def test_a_point_off_the_screen_is_left_out_not_drawn_at_nan(anchor, away):
    """Behind the camera a point projects to infinity or not a number."""
    fine = Label((50.0, 50.0), (10.0, 5.0), away_from=(0.0, 0.0))
    assert place([Label(anchor, (10.0, 5.0), away_from=away, required=True), fine], BOUNDS)[0] is None
    assert place([fine], BOUNDS)[0] is not None
