"""How the sum builds the output (issue #28): each hidden node's contribution w2_j h_j over the
input square, their sum with the output's bias (the output neuron's input v), and the sigmoid
of it (the prediction yp). The universal approximation theorem's proof builds a surface from
such steps and bumps; here a learner sees the ones the network found.

All from the step's own forward pass (core.model.network.forward), on a size x size grid laid
out like the output view's: z[i, j] at x1 = axis[i], x2 = axis[j].
"""

import math
from dataclasses import dataclass

import numpy as np

from core.model.network import Weights, forward
from core.views.node_maps import mosaic_columns

GRID = 21


@dataclass(frozen=True)
class Contributions:
    axis: np.ndarray  # (size,) the sample points of x1 and x2
    parts: np.ndarray  # (H, size, size): w2_j h_j, hidden node j's share of v
    bias: float  # the output's bias weight (the 2-layer model: the bias input's weight)
    total: np.ndarray  # (size, size): v = sum_j w2_j h_j + bias
    output: np.ndarray  # (size, size): yp = sigmoid(v)

    def span(self) -> float:
        """The largest |value| among the parts and the sum (finite ones): one symmetric colour
        scale for all of them, so a pale map really is a small share."""
        values = np.concatenate([self.parts.ravel(), self.total.ravel()])
        values = np.abs(values[np.isfinite(values)])
        return float(values.max()) if values.size else 1.0


@np.errstate(over="ignore", invalid="ignore")
def contributions(weights: Weights, activation: str, size: int = GRID) -> Contributions:
    axis = np.linspace(0.0, 1.0, size)
    x1, x2 = np.meshgrid(axis, axis, indexing="ij")
    x = np.column_stack([x1.ravel(), x2.ravel(), np.ones(x1.size)])
    fw = forward(weights, x, activation)
    hidden = weights.hidden_nodes
    # the 2-layer model has no parts: v is its one neuron's weighted input sum
    parts = (fw.h * weights.output[:-1]).T.reshape(hidden, size, size) if hidden else \
        np.zeros((0, size, size))
    return Contributions(axis, parts, float(weights.output[-1]), fw.v.reshape(size, size),
                         fw.yp.reshape(size, size))


# --- the surfaces: one tile per part, then v and yp, laid out in one 3D scene -------------
PART, SUM, OUTPUT = "part", "sum", "output"
PITCH = 1.25  # tile spacing across, in scene units: a tile is the 1 x 1 input square
ROW_PITCH = 1.5  # ... and from row to row, leaving room for the labels in front of each
PART_HEIGHT = 0.6  # the largest |w2 h| or |v| rises (or sinks) this high: one scale for all
OUTPUT_HEIGHT = 0.6  # yp = 1 on the yp tile (0 at its floor)
LABEL_GAP = 0.12  # a tile's label hangs this far in front of its near edge
LABEL_DEPTH = 0.3  # ... and takes about this much room (for fitting the camera)


@dataclass(frozen=True)
class Tile:
    kind: str  # PART, SUM or OUTPUT
    node: int  # the hidden node (from 0) for a part, else -1
    origin: tuple[float, float]  # where the tile's corner (x1, x2) = (0, 0) is in the scene

    def label_at(self) -> tuple[float, float, float]:
        """Where its label goes: in front of the middle of its near edge, on the floor."""
        return (self.origin[0] + 0.5, self.origin[1] - LABEL_GAP, 0.0)


@dataclass(frozen=True)
class TileLayout:
    """The parts in rows (node 1 at the back left, read like the maps), and in front of them,
    in the middle, the sum v and the output yp: the result nearest the eye."""
    tiles: tuple[Tile, ...]
    columns: int
    rows: int  # rows of parts, not counting the front row
    row_pitch: float = ROW_PITCH

    def extent(self) -> tuple[float, float]:
        """The scene's width and depth, from the front row's near edge to the back row's far one."""
        return ((self.columns - 1) * PITCH + 1.0, self.rows * self.row_pitch + 1.0)

    def centre(self) -> tuple[float, float, float]:
        width, depth = self.extent()
        return (width / 2, depth / 2, 0.0)

    def corners(self) -> np.ndarray:
        """(8, 3): the box every tile, its surface and its label lie in."""
        width, depth = self.extent()
        return np.array([(x, y, z) for x in (0.0, width) for y in (-LABEL_DEPTH, depth)
                         for z in (-PART_HEIGHT, max(PART_HEIGHT, OUTPUT_HEIGHT))])


def tile_layout(hidden: int, row_pitch: float = ROW_PITCH, columns: int | None = None) -> TileLayout:
    """row_pitch: from row to row (flat maps, their titles inside them, need less room);
    columns: parts per row (at least 2, as v and yp share the front row), by default a near
    square."""
    if hidden < 0:
        raise ValueError(f"hidden nodes must be 0 or more, not {hidden}")
    columns = max(2, mosaic_columns(hidden) if columns is None else int(columns))
    rows = math.ceil(hidden / columns)
    tiles = [Tile(PART, j, ((j % columns) * PITCH, (rows - j // columns) * row_pitch))
             for j in range(hidden)]
    left = (columns - 2) / 2 * PITCH  # the front pair centred under the parts
    tiles += [Tile(SUM, -1, (left, 0.0)), Tile(OUTPUT, -1, (left + PITCH, 0.0))]
    return TileLayout(tuple(tiles), columns, rows, row_pitch)


@dataclass(frozen=True)
class TileHeights:
    z: np.ndarray  # (H + 2, size, size) float32 scene heights: the parts, v, yp
    shade: np.ndarray  # (H + 2, size, size) float32 in [0, 1]: the colour map's position
    span: float  # the |w2 h| or |v| that rises PART_HEIGHT


def tile_heights(shown: Contributions) -> TileHeights:
    """The parts and v on one height scale (a low surface really is a small share), shaded
    by sign (0.5 is 0: below it the negative colours); yp from 0 to OUTPUT_HEIGHT, shaded by
    its value as in the output views. Values too large to draw (or not finite) are held at
    the scale's ends."""
    span = shown.span() or 1.0
    shares = np.concatenate([shown.parts, shown.total[None]])
    with np.errstate(invalid="ignore"):
        ratio = np.clip(np.nan_to_num(shares / span, nan=0.0), -1.0, 1.0)
    output = np.clip(np.nan_to_num(shown.output, nan=0.5), 0.0, 1.0)[None]
    z = np.concatenate([ratio * PART_HEIGHT, output * OUTPUT_HEIGHT]).astype(np.float32)
    shade = np.concatenate([0.5 + 0.5 * ratio, output]).astype(np.float32)
    return TileHeights(z, shade, span)


def _camera_axes(elevation: float, azimuth: float):
    """pyqtgraph's camera, seen from its centre: the unit vector to the eye, right and up."""
    e, a = math.radians(elevation), math.radians(azimuth)
    towards = np.array([math.cos(e) * math.cos(a), math.cos(e) * math.sin(a), math.sin(e)])
    right = np.cross(-towards, (0.0, 0.0, 1.0))
    right /= np.linalg.norm(right) or 1.0
    return towards, right, np.cross(right, -towards)


def _tangents(points, centre, distance: float, elevation: float, azimuth: float):
    """Each point's tangents (across, up) off the camera's axis; points at or behind the eye
    are left out."""
    towards, right, up = _camera_axes(elevation, azimuth)
    rel = np.asarray(points, dtype=float) - (np.asarray(centre, dtype=float) + distance * towards)
    depth = -(rel @ towards)
    seen = depth > 1e-9
    return (rel[seen] @ right) / depth[seen], (rel[seen] @ up) / depth[seen]


def centred_on(points, centre, distance: float, elevation: float, azimuth: float) -> np.ndarray:
    """A camera centre that puts the middle of the points' picture in the middle of the view
    (the camera moved sideways and up from `centre`, its angles and distance kept)."""
    centre = np.asarray(centre, dtype=float)
    _, right, up = _camera_axes(elevation, azimuth)
    for _ in range(4):  # moving the eye shifts near points more than far ones: a few rounds
        across, upward = _tangents(points, centre, distance, elevation, azimuth)
        if not across.size:
            break
        centre = centre + distance * ((across.max() + across.min()) / 2 * right
                                      + (upward.max() + upward.min()) / 2 * up)
    return centre


def half_tan_to_fit(points: np.ndarray, centre, distance: float, elevation: float,
                    azimuth: float, aspect: float) -> float:
    """The horizontal half-width tangent of a camera that keeps every point in sight, the camera
    placed as pyqtgraph places it (`distance` from `centre`, at `elevation` and `azimuth`,
    degrees; its field of view horizontal, the vertical one shrunk by the picture's height /
    width, `aspect`). Points at or behind the camera are left out."""
    across, upward = _tangents(points, centre, distance, elevation, azimuth)
    if not across.size:
        return 1.0
    return float(max(np.abs(across).max(), np.abs(upward).max() / max(aspect, 1e-9)))


@dataclass(frozen=True)
class Camera:
    centre: tuple[float, float, float]
    distance: float
    half_tan: float  # the horizontal field of view's half-width tangent that shows it all


ELEVATION, AZIMUTH = 42.0, -90.0  # from the front and above: x1 across, x2 away from the eye
DISTANCE = 2.2  # the camera's distance, in the field's larger side: the rows look alike in size
MARGIN = 1.04  # the field of view this much wider than the tiles need


def fitted_camera(layout: TileLayout, aspect: float, elevation: float = ELEVATION,
                  azimuth: float = AZIMUTH) -> Camera:
    """The camera that shows the whole layout in a picture of height / width `aspect`."""
    distance = DISTANCE * max(layout.extent())
    centre = centred_on(layout.corners(), layout.centre(), distance, elevation, azimuth)
    half_tan = half_tan_to_fit(layout.corners(), centre, distance, elevation, azimuth, aspect)
    return Camera(tuple(float(v) for v in centre), distance, half_tan * MARGIN)


def layout_to_fit(hidden: int, aspect: float) -> TileLayout:
    """The layout whose tiles come out largest in a picture of height / width `aspect`: a
    tall dock stacks the parts in a few columns, a wide slide spreads them out."""
    def tile_size(layout):  # a tile's width on screen, as a share of the picture's
        camera = fitted_camera(layout, aspect)
        return 1.0 / (camera.distance * camera.half_tan)

    options = [tile_layout(hidden, columns=c) for c in range(2, max(2, hidden) + 1)]
    return max(options, key=tile_size)
