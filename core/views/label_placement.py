"""Where a 3D view's text labels go on screen, so that no two ever overlap.

A 3D view projects each label's anchor (a point of the scene) to the screen; the label's box
then sits beside its anchor. Fixed offsets in the scene broke as the camera turned ("x1" on
"0.5", a "0" under a target), and grew worse when presentation mode enlarged the text but not
the cube. Here each box is placed from the projected positions: pushed off its anchor away
from a projected centre (the cube's middle: ticks and axis titles always sit outside the box),
kept inside the picture, and, in order of priority, left out when it would overlap a box
already placed or a marker the learner must see.
"""

import math
from dataclasses import dataclass

import numpy as np

PADDING = 2.0  # pixels kept between two boxes, at the least (a view gives more for big text)


@dataclass(frozen=True)
class Label:
    anchor: tuple  # (x, y) in pixels, y down: where the scene point lands on screen
    size: tuple  # (width, height) of the text's box in pixels
    priority: int = 0  # higher is placed first (axis titles above ticks)
    away_from: tuple | None = None  # push the box off the anchor, directly away from here
    gap: float = 4.0  # pixels between the anchor and a pushed box
    align: tuple = (0.0, 1.0)  # unpushed: the fraction of the box left of and above the anchor
    tries: int = 3  # places a pushed label tries, each half its height further out
    required: bool = False  # an axis title: rather over a marker than left out
    turns: tuple = (0.0,)  # directions to try, in degrees from straight away (a title's can turn)


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def overlaps(self, other: "Box", padding: float = 0.0) -> bool:
        return (self.left < other.right + padding and other.left < self.right + padding
                and self.top < other.bottom + padding and other.top < self.bottom + padding)


def natural_box(label: Label, further: float = 0.0, turn: float = 0.0) -> Box:
    """The label's box beside its anchor, before anything else is considered; `further`
    pixels more off the anchor, its direction turned by `turn` degrees (a pushed label only)."""
    (x, y), (w, h) = label.anchor, label.size
    if label.away_from is None:
        return Box(x - label.align[0] * w, y - label.align[1] * h, w, h)
    dx, dy = x - label.away_from[0], y - label.away_from[1]
    length = math.hypot(dx, dy)
    if length < 1e-9:  # on the centre itself: below it
        dx, dy, length = 0.0, 1.0, 1.0
    dx, dy = dx / length, dy / length
    if turn:
        c, s = math.cos(math.radians(turn)), math.sin(math.radians(turn))
        dx, dy = c * dx - s * dy, s * dx + c * dy
    # The box's centre goes out along the direction until the box's edge is `gap` from the
    # anchor: a rectangle reaches (|dx| w + |dy| h) / 2 along a unit direction.
    reach = label.gap + further + (abs(dx) * w + abs(dy) * h) / 2.0
    cx, cy = x + dx * reach, y + dy * reach
    return Box(cx - w / 2.0, cy - h / 2.0, w, h)


def _inside(box: Box, bounds: tuple, margin: float) -> Box:
    """The box moved (not resized) to lie within a width x height picture, `margin` in from
    its edges, where it fits: a label flush with the edge read as cut off, and a picture's
    frame or a container a pixel smaller did cut it."""
    width, height = bounds
    left = min(max(box.left, margin), max(0.0, width - box.width - margin))
    top = min(max(box.top, margin), max(0.0, height - box.height - margin))
    return Box(left, top, box.width, box.height)


def place(labels, bounds: tuple, keep_out=(), padding: float = PADDING) -> list:
    """A Box for each label, or None for one left out. Labels are taken by priority (then in
    the order given); each is placed at natural_box, moved inside `bounds` (width, height),
    `padding` in from its edges;
    if that overlaps a box already placed or any of `keep_out` (markers: Boxes, or the
    (N, 4) edges marker_boxes gives), a pushed
    label tries further out (Label.tries distances) and in its other directions
    (Label.turns), and is left out if every place overlaps; a required label then takes the
    first of its places clear of other labels, markers or not."""
    order = sorted(range(len(labels)), key=lambda k: -labels[k].priority)
    keep_out = _edges(keep_out)
    placed: list = [None] * len(labels)
    taken: list = []
    for k in order:
        label = labels[k]
        numbers = [*label.anchor, *label.size, *(label.away_from or ())]
        if label.size[0] <= 0 or label.size[1] <= 0 or not all(map(math.isfinite, numbers)):
            continue  # nothing to show, or a point the camera cannot put on screen
        pushed = label.away_from is not None
        steps, turns = (label.tries, label.turns) if pushed else (1, (0.0,))
        boxes = [_inside(natural_box(label, step * label.size[1] / 2.0, turn), bounds, padding)
                 for step in range(steps) for turn in turns]
        clear = [box for box in boxes if not any(box.overlaps(other, padding) for other in taken)]
        free = [box for box, blocked in zip(clear, _overlap_any(clear, keep_out, padding)) if not blocked]
        if free or (label.required and clear):
            placed[k] = (free or clear)[0]
            taken.append(placed[k])
    return placed


def marker_box(centre: tuple, diameter: float) -> Box:
    """The square a round marker of this diameter (pixels) covers."""
    r = diameter / 2.0
    return Box(centre[0] - r, centre[1] - r, diameter, diameter)


def marker_boxes(centres, diameters) -> np.ndarray:
    """The squares many round markers cover, as place() takes them: an (N, 4) array of left,
    top, right, bottom edges. A function's grid has hundreds of samples: checked one Box at a
    time, they took the 3D view 0.1-0.7 s a frame (bench/window_function_speed.py)."""
    centres = np.asarray(centres, dtype=float).reshape(-1, 2)
    diameters = np.broadcast_to(np.asarray(diameters, dtype=float), (len(centres),))
    left, top = centres[:, 0] - diameters / 2.0, centres[:, 1] - diameters / 2.0
    return np.column_stack([left, top, left + diameters, top + diameters])


def _edges(boxes) -> np.ndarray:
    """Boxes, or marker_boxes' array, as an (N, 4) array of left, top, right, bottom."""
    if isinstance(boxes, np.ndarray):
        return boxes.reshape(-1, 4)
    return np.array([(b.left, b.top, b.right, b.bottom) for b in boxes], dtype=float).reshape(-1, 4)


def _overlap_any(boxes: list, edges: np.ndarray, padding: float) -> np.ndarray:
    """For each Box, whether it overlaps any of `edges` (as Box.overlaps does, all at once)."""
    if not boxes or not len(edges):
        return np.zeros(len(boxes), dtype=bool)
    mine = _edges(boxes)[:, None, :]
    left, top, right, bottom = (mine[..., k] for k in range(4))
    return ((left < edges[:, 2] + padding) & (edges[:, 0] < right + padding)
            & (top < edges[:, 3] + padding) & (edges[:, 1] < bottom + padding)).any(axis=1)
