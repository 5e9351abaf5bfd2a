"""How the sum builds the output (issue #28): each hidden node's contribution w2_j h_j over the
input square, their sum with the output's bias (the output neuron's input v), and the sigmoid
of it (the prediction yp). The universal approximation theorem's proof builds a surface from
such steps and bumps; here a learner sees the ones the network found.

All from the step's own forward pass (core.model.network.forward), on a size x size grid laid
out like the output view's: z[i, j] at x1 = axis[i], x2 = axis[j].
"""

import functools
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
ELEVATION, AZIMUTH = 30.0, -80.0  # low and a little from the left: the heights show as heights
PITCH = 1.4  # tile spacing across, in scene units (a tile is the 1 x 1 input square): seen at
# AZIMUTH a tile is about 1.23 wide, so neighbours keep apart
PART_HEIGHT = 0.5  # the largest |w2 h| or |v| rises (or sinks) this high: one scale for all
OUTPUT_HEIGHT = 0.5  # yp = 1 on the yp tile (0 at its floor)
LABEL_GAP = 0.06  # on screen (scene units): from a tile's lowest drawn point down to its label
LABEL_HEIGHT = 0.24  # a label's height on screen, about, in scene units (a 16-node dock's tiles
LABEL_WIDTH = 0.9  # are some 70 pixels wide, the text about 16 high) and its width
COLOUR_GAMMA = 0.5  # a share's colour: |share / span| to this power, so a small one shows its sign
LIGHT = (-0.45, -0.55, 0.7)  # the light comes from above, in front and left: slopes show
AMBIENT = 0.45  # the light a slope facing away still gets


@functools.cache
def screen_axes(elevation: float = ELEVATION, azimuth: float = AZIMUTH):
    """The picture's right and up directions in the scene (unit vectors) for a camera at these
    angles (degrees), as pyqtgraph places it: (x, y, z) @ up is how high a point shows."""
    _, right, up = _camera_axes(elevation, azimuth)
    return right, up


@dataclass(frozen=True)
class Tile:
    kind: str  # PART, SUM or OUTPUT
    node: int  # the hidden node (from 0) for a part, else -1
    origin: tuple[float, float]  # where the tile's corner (x1, x2) = (0, 0) is in the scene

    def heights(self) -> tuple[float, float]:
        """The lowest and highest its surface can be drawn."""
        return (0.0, OUTPUT_HEIGHT) if self.kind == OUTPUT else (-PART_HEIGHT, PART_HEIGHT)

    def box(self) -> np.ndarray:
        """(8, 3): the box its surface lies in, whatever the network."""
        x, y = self.origin
        return np.array([(a, b, c) for a in (x, x + 1) for b in (y, y + 1) for c in self.heights()])

    def label_at(self, elevation: float = ELEVATION, azimuth: float = AZIMUTH) -> tuple[float, float, float]:
        """Where its label's top middle goes: in front of its near edge, at its lowest height,
        so far in front that, seen at these angles, the label begins LABEL_GAP below the
        lowest point its surface can reach (a surface dipping below 0 never runs under it)."""
        right, up = screen_axes(elevation, azimuth)
        x, y = self.origin
        anchor = np.array((x + 0.5, y, self.heights()[0]))
        drop = anchor @ up - (self.box() @ up).min() + LABEL_GAP
        forward = drop / max(up[1], 1e-6)  # a step towards the eye lowers a point by up[1]
        return (x + 0.5, y - forward, self.heights()[0])

    def label_corners(self, elevation: float = ELEVATION, azimuth: float = AZIMUTH) -> np.ndarray:
        """(4, 3): points at its label's corners, seen at these angles (for fitting the camera)."""
        right, up = screen_axes(elevation, azimuth)
        top = np.array(self.label_at(elevation, azimuth))
        half, down = LABEL_WIDTH / 2 * right, LABEL_HEIGHT * up
        return np.array([top - half, top + half, top - half - down, top + half - down])


@dataclass(frozen=True)
class TileLayout:
    """The parts in rows (node 1 at the back left, read like the maps), and in front of them,
    in the middle, the sum v and the output yp: the result nearest the eye."""
    tiles: tuple[Tile, ...]
    columns: int
    rows: int  # rows of parts, not counting the front row
    row_pitch: float

    def extent(self) -> tuple[float, float]:
        """The floor's width and depth, from the front row's near edge to the back row's far one."""
        return ((self.columns - 1) * PITCH + 1.0, self.rows * self.row_pitch + 1.0)

    def centre(self) -> tuple[float, float, float]:
        width, depth = self.extent()
        return (width / 2, depth / 2, 0.0)

    def corners(self) -> np.ndarray:
        """(N, 3): points around every tile's box and label: keep them in sight and all is."""
        return np.concatenate([np.concatenate([tile.box(), tile.label_corners()])
                               for tile in self.tiles])

    def screen_boxes(self, elevation: float = ELEVATION, azimuth: float = AZIMUTH) -> np.ndarray:
        """(2 * tiles, 4): left, right, bottom, top of each tile's box and then its label as
        they show at these angles (seen from afar: no perspective), in scene units."""
        right, up = screen_axes(elevation, azimuth)
        boxes = []
        for tile in self.tiles:
            for points in (tile.box(), tile.label_corners(elevation, azimuth)):
                across, high = points @ right, points @ up
                boxes.append((across.min(), across.max(), high.min(), high.max()))
        return np.array(boxes)

    def overlaps(self, elevation: float = ELEVATION, azimuth: float = AZIMUTH) -> int:
        """How many pairs of tiles and labels cover one another on screen (0: none hides any)."""
        b = self.screen_boxes(elevation, azimuth)
        apart = ((b[:, None, 1] <= b[None, :, 0]) | (b[None, :, 1] <= b[:, None, 0])
                 | (b[:, None, 3] <= b[None, :, 2]) | (b[None, :, 3] <= b[:, None, 2]))
        return int((~apart)[np.triu_indices(len(b), 1)].sum())


MAX_ROW_PITCH = 8.0


@functools.cache
def clear_row_pitch() -> float:
    """The least row pitch (in steps of 0.05) at which, seen from the camera's angles, no tile
    or label covers another, whatever heights the network gives the surfaces: tried on rows
    of 3 and of 4 (the front pair half a pitch off the parts above it, and in line)."""
    def clear(pitch):
        return not any(tile_layout(hidden, float(pitch), columns).overlaps()
                       for hidden, columns in ((6, 3), (8, 4)))

    coarse = next((p for p in np.arange(1.0, MAX_ROW_PITCH, 0.5) if clear(p)), MAX_ROW_PITCH)
    fine = [p for p in np.arange(coarse - 0.45, coarse, 0.05) if p >= 1.0 and clear(p)]
    return round(float(fine[0] if fine else coarse), 2)


def tile_layout(hidden: int, row_pitch: float | None = None, columns: int | None = None) -> TileLayout:
    """row_pitch: from row to row (flat maps, their titles inside them, need less room), by
    default the least that keeps the tiles and labels apart on screen; columns: parts per row
    (at least 2, as v and yp share the front row), by default a near square."""
    if hidden < 0:
        raise ValueError(f"hidden nodes must be 0 or more, not {hidden}")
    columns = max(2, mosaic_columns(hidden) if columns is None else int(columns))
    if row_pitch is None:
        row_pitch = clear_row_pitch()
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
    light: np.ndarray  # (H + 2, size, size) float32 in [AMBIENT, 1]: how lit each point is
    span: float  # the |w2 h| or |v| that rises PART_HEIGHT


def tile_heights(shown: Contributions) -> TileHeights:
    """The parts and v on one height scale (a low surface really is a small share), shaded
    by sign (0.5 is 0: below it the negative colours; the colour grows as |share| ** COLOUR_GAMMA,
    so a share a tenth of the tallest is already clearly red or blue, while its height stays
    a tenth); yp from 0 to OUTPUT_HEIGHT, shaded by its value as in the output views. Values
    too large to draw (or not finite) are held at the scale's ends. Lit from LIGHT, so a slope
    shows as one."""
    span = shown.span() or 1.0
    shares = np.concatenate([shown.parts, shown.total[None]])
    with np.errstate(invalid="ignore"):
        ratio = np.clip(np.nan_to_num(shares / span, nan=0.0), -1.0, 1.0)
    output = np.clip(np.nan_to_num(shown.output, nan=0.5), 0.0, 1.0)[None]
    z = np.concatenate([ratio * PART_HEIGHT, output * OUTPUT_HEIGHT]).astype(np.float32)
    shade = np.concatenate([0.5 + 0.5 * np.sign(ratio) * np.abs(ratio) ** COLOUR_GAMMA,
                            output]).astype(np.float32)
    return TileHeights(z, shade, lighting(z, shown.axis), span)


def lighting(z: np.ndarray, axis: np.ndarray) -> np.ndarray:
    """(tiles, size, size) in [AMBIENT, 1]: each point lit by its surface's slope towards LIGHT
    (z[k, i, j] at x1 = axis[i], x2 = axis[j]; a tile is 1 x 1 in the scene)."""
    z = np.asarray(z, dtype=np.float32)
    if z.shape[-1] < 2:
        return np.ones(z.shape, np.float32)
    # the grid is even (a linspace): one spacing serves, and is several times faster
    d1, d2 = np.gradient(z, float(axis[1] - axis[0]), axis=(1, 2))
    lx, ly, lz = np.asarray(LIGHT) / np.linalg.norm(LIGHT)
    facing = (lz - lx * d1 - ly * d2) / np.sqrt(1 + d1 * d1 + d2 * d2)  # the unit normal . LIGHT
    return (AMBIENT + (1 - AMBIENT) * np.clip(facing, 0.0, 1.0)).astype(np.float32)


WIRE_EVERY = 5  # a line across each surface every this many grid points (and at its edges)


def tile_lines(layout: TileLayout, z: np.ndarray, axis: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Segments (pairs of points, scene coordinates) that show the surfaces' shapes: lines
    across each surface along x1 and x2 (its edges among them), and posts from its floor
    square (0) up or down to its four corners, so the height at each corner reads against 0."""
    z = np.asarray(z, dtype=np.float32)
    axis = np.asarray(axis, dtype=np.float32)
    tiles, size = len(z), len(axis)
    if not tiles:
        return np.zeros((0, 3), np.float32), np.zeros((0, 3), np.float32)
    at = np.array(sorted({*range(0, size, WIRE_EVERY), size - 1}))
    ox, oy = (np.array([tile.origin[k] for tile in layout.tiles], np.float32)[:, None, None]
              for k in (0, 1))
    along_x2 = np.stack(np.broadcast_arrays(ox + axis[at][:, None], oy + axis, z[:, at, :]), -1)
    along_x1 = np.stack(np.broadcast_arrays(ox + axis, oy + axis[at][:, None],
                                            z[:, :, at].transpose(0, 2, 1)), -1)
    # each polyline as segments: point k and point k + 1, for k up to the last but one
    wire = np.concatenate([np.stack([p[:, :, :-1], p[:, :, 1:]], axis=3).reshape(-1, 3)
                           for p in (along_x2, along_x1)])
    corners = [(0, 0), (-1, 0), (-1, -1), (0, -1)]
    tops = np.stack([np.broadcast_to(ox[:, 0] + axis[[i for i, _ in corners]], (tiles, 4)),
                     np.broadcast_to(oy[:, 0] + axis[[j for _, j in corners]], (tiles, 4)),
                     np.stack([z[:, i, j] for i, j in corners], axis=1)], axis=-1)
    feet = tops * np.array([1, 1, 0], np.float32)
    posts = np.stack([feet, tops], axis=2).reshape(-1, 3)
    return wire.astype(np.float32), posts.astype(np.float32)


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
    tall dock stacks the parts in a few columns, a wide slide spreads them out. (Worked out
    once per shape to 0.1 %: a dock being dragged wider asks at every step.)"""
    return _layout_to_fit(int(hidden), round(math.log(max(aspect, 1e-9)), 3))


@functools.lru_cache(maxsize=512)
def _layout_to_fit(hidden: int, log_aspect: float) -> TileLayout:
    aspect = math.exp(log_aspect)

    def tile_size(layout):  # a tile's width on screen, as a share of the picture's
        camera = fitted_camera(layout, aspect)
        return 1.0 / (camera.distance * camera.half_tan)

    options = [tile_layout(hidden, columns=c) for c in range(2, max(2, hidden) + 1)]
    return max(options, key=tile_size)
