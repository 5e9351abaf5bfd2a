"""The network diagram as plain data: where each node sits, what each edge means and looks like.

Nodes (keys): the inputs "x1", "x2" and the bias input "x_bias" (drawn as "1") on the left;
the hidden nodes "h1".."hH" and the hidden bias node "h_bias" in the middle (none for the
2-layer model, H = 0); the output "yp" on the right. Bias nodes sit at the bottom of their
column, like the trailing 1 of the article's x = [x1, x2, 1].

Edges are keyed by the weight they draw: ("hidden", i, j) is weights.hidden[i, j] (i = x1, x2,
bias), ("output", j) is weights.output[j]. Edges come in the order of Weights.flat().

Colour shows the sign (Okabe-Ito, colour-blind safe); width grows with |w| on a log scale, so
the small starting weights are still told apart: 1 + (max - 1) * min(log1p|w| / log1p(10), 1),
full width from |w| = WIDTH_SCALE on. With many hidden nodes the full width shrinks to half the
node spacing, so neighbouring edges do not merge.

Coordinates are pixels, y pointing down, for a canvas of the given size (never smaller than
MIN_WIDTH x MIN_HEIGHT; a smaller canvas scales the whole picture down). Nodes are spread evenly
down their column; with many hidden nodes they shrink (radius 0.4 x their spacing, at most
MAX_RADIUS), so 64 hidden nodes still fit without overlapping.
"""

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from core.model.gates import ROWS, inputs_with_bias
from core.model.layout import INPUT_COUNT, INPUT_NAMES, output_size
from core.model.layout import layout as weight_layout
from core.model.network import Weights, forward

POSITIVE_COLOUR = "#0072B2"  # Okabe-Ito blue
NEGATIVE_COLOUR = "#D55E00"  # Okabe-Ito vermillion
ZERO_COLOUR = "#999999"  # a zero (or non-finite) weight has no sign to show

MIN_WIDTH = 1.0  # pixels
MAX_WIDTH = 8.0  # pixels, for |w| >= WIDTH_SCALE
WIDTH_SCALE = 10.0  # |w| at which an edge reaches full width (a solved XOR net has |w| ~ 5-10)

DEFAULT_WIDTH, DEFAULT_HEIGHT = 600.0, 420.0
MIN_WIDTH_PX, MIN_HEIGHT_PX = 360.0, 240.0  # smallest canvas laid out as it is
TITLE_HEIGHT = 26.0  # band above the nodes for the column titles
BOTTOM_MARGIN = 4.0
MAX_RADIUS = 24.0
RADIUS_PER_PITCH = 0.4  # node radius as a fraction of the distance between node centres

INPUT, BIAS, HIDDEN, OUTPUT = "input", "bias", "hidden", "output"
_INPUT_LABELS = INPUT_NAMES


@dataclass(frozen=True)
class Node:
    key: str
    kind: str  # INPUT, BIAS, HIDDEN or OUTPUT
    label: str  # what the node shows: "x1", "1", "h3", "yp"
    x: float
    y: float
    radius: float
    value_name: str  # "x1", "h3", "yp"; "1" for a bias node
    value: float  # for the selected row: the input, the activation h_j or the prediction yp
    sum_name: str = ""  # "u3" (hidden), "v" (output), "u" (output of the 2-layer model)
    input_sum: float | None = None  # u_j or v; None for inputs and bias nodes
    function: str = ""  # the activation applied to the sum: "sigmoid", "tanh", "relu"


@dataclass(frozen=True)
class Edge:
    key: tuple  # ("hidden", i, j) or ("output", j): which weight this is
    source: str  # node keys
    target: str
    name: str  # "w1[x1→h1]", "w2[h1→yp]", or "w[x1→yp]" for the 2-layer model
    weight: float
    colour: str  # "#rrggbb"
    width: float  # pixels


@dataclass(frozen=True)
class Column:
    kind: str  # INPUT, HIDDEN or OUTPUT (for the GUI's column title)
    x: float


@dataclass(frozen=True)
class Layout:
    """Everything that depends only on the network's shape; cached per hidden-node count."""

    hidden_nodes: int
    places: tuple  # (key, kind, label, x, y, radius) per node
    links: tuple  # (key, source, target, name) per edge, in Weights.flat() order
    columns: tuple  # Column per layer
    width: float
    height: float
    max_edge_width: float


@dataclass(frozen=True)
class Diagram:
    layout: Layout
    row: int  # the selected truth-table row, 0..3 in ROWS order
    activation: str
    nodes: tuple  # Node
    edges: tuple  # Edge, in Weights.flat() order

    def node(self, key: str) -> Node:
        return self.nodes[_node_index(self.layout.hidden_nodes)[key]]

    def edge(self, key: tuple) -> Edge:
        return self.edges[_edge_index(self.layout.hidden_nodes)[tuple(key)]]


# -- colour and width --------------------------------------------------------------

def edge_colour(weight: float) -> str:
    if not math.isfinite(weight) or weight == 0.0:
        return ZERO_COLOUR
    return POSITIVE_COLOUR if weight > 0.0 else NEGATIVE_COLOUR


def edge_widths(weights, max_width: float = MAX_WIDTH) -> np.ndarray:
    """Pixel widths for an array of weights (non-finite weights get the thinnest line)."""
    size = np.abs(np.asarray(weights, dtype=float))
    size = np.where(np.isfinite(size), size, 0.0)
    fraction = np.minimum(np.log1p(size) / math.log1p(WIDTH_SCALE), 1.0)
    return MIN_WIDTH + (max_width - MIN_WIDTH) * fraction


def edge_width(weight: float, max_width: float = MAX_WIDTH) -> float:
    return float(edge_widths([weight], max_width)[0])


# -- layout ------------------------------------------------------------------------

def _column_places(keys, kinds, labels, x, nodes_height):
    count = len(keys)
    pitch = nodes_height / count
    radius = min(MAX_RADIUS, RADIUS_PER_PITCH * pitch)
    return tuple((key, kind, label, x, TITLE_HEIGHT + pitch * (k + 0.5), radius)
                 for k, (key, kind, label) in enumerate(zip(keys, kinds, labels)))


def _input_places(x, nodes_height):
    return _column_places(("x1", "x2", "x_bias"), (INPUT, INPUT, BIAS), _INPUT_LABELS, x, nodes_height)


def layout(hidden_nodes: int, width: float = DEFAULT_WIDTH, height: float = DEFAULT_HEIGHT) -> Layout:
    """Node places and edge ends for a network shape on a canvas of about width x height pixels."""
    if hidden_nodes < 0:
        raise ValueError(f"hidden_nodes must be >= 0, got {hidden_nodes}")
    return _layout(int(hidden_nodes), round(max(width, MIN_WIDTH_PX)), round(max(height, MIN_HEIGHT_PX)))


@lru_cache(maxsize=32)
def _layout(hidden_nodes: int, width: int, height: int) -> Layout:
    sources = ("x1", "x2", "x_bias")
    nodes_height = height - TITLE_HEIGHT - BOTTOM_MARGIN
    if hidden_nodes == 0:
        xs = (0.25 * width, 0.75 * width)
        places = (_input_places(xs[0], nodes_height)
                  + _column_places(("yp",), (OUTPUT,), ("yp",), xs[1], nodes_height))
        links = tuple((w.key, sources[w.key[1]], "yp", w.label) for w in weight_layout(0).weights)
        columns = (Column(INPUT, xs[0]), Column(OUTPUT, xs[1]))
        largest = INPUT_COUNT
    else:
        edge = max(MAX_RADIUS + 16.0, 0.08 * width)  # room for the column titles
        xs = (edge, 0.5 * width, width - edge)
        hidden = tuple(f"h{j + 1}" for j in range(hidden_nodes))
        places = (_input_places(xs[0], nodes_height)
                  + _column_places(hidden + ("h_bias",), (HIDDEN,) * hidden_nodes + (BIAS,),
                                   hidden + ("1",), xs[1], nodes_height)
                  + _column_places(("yp",), (OUTPUT,), ("yp",), xs[2], nodes_height))
        ends = {"hidden": lambda i, j: (sources[i], hidden[j]),
                "output": lambda j: ((hidden + ("h_bias",))[j], "yp")}
        links = tuple((w.key, *ends[w.key[0]](*w.key[1:]), w.label)
                      for w in weight_layout(hidden_nodes).weights)
        columns = (Column(INPUT, xs[0]), Column(HIDDEN, xs[1]), Column(OUTPUT, xs[2]))
        largest = max(INPUT_COUNT, output_size(hidden_nodes))  # hidden nodes and the bias node
    max_width = float(np.clip(0.5 * nodes_height / largest, 2.0, MAX_WIDTH))
    return Layout(hidden_nodes, places, links, columns, float(width), float(height), max_width)


@lru_cache(maxsize=8)
def _node_index(hidden_nodes):
    return {place[0]: k for k, place in enumerate(layout(hidden_nodes).places)}


@lru_cache(maxsize=8)
def _edge_index(hidden_nodes):
    return {link[0]: k for k, link in enumerate(layout(hidden_nodes).links)}


def edge_keys(hidden_nodes: int) -> tuple:
    return tuple(link[0] for link in layout(hidden_nodes).links)


def node_keys(hidden_nodes: int) -> tuple:
    return tuple(place[0] for place in layout(hidden_nodes).places)


# -- values ------------------------------------------------------------------------

def _check_row(row) -> int:
    if isinstance(row, bool) or int(row) != row or not 0 <= row < len(ROWS):
        raise ValueError(f"row must be 0..{len(ROWS) - 1}, got {row!r}")
    return int(row)


def _values(weights: Weights, activation: str, row: int) -> dict:
    """key -> (value_name, value, sum_name, input_sum, function) for the selected row."""
    x = inputs_with_bias()
    fw = forward(weights, x, activation)  # all four rows, so the numbers match every other view's
    hidden_nodes = weights.hidden_nodes
    values = {"x1": ("x1", float(x[row, 0]), "", None, ""), "x2": ("x2", float(x[row, 1]), "", None, ""),
              "x_bias": ("1", 1.0, "", None, "")}
    for j in range(hidden_nodes):
        values[f"h{j + 1}"] = (f"h{j + 1}", float(fw.h[row, j]), f"u{j + 1}", float(fw.u[row, j]),
                               activation)
    if hidden_nodes:
        values["h_bias"] = ("1", 1.0, "", None, "")
    values["yp"] = ("yp", float(fw.yp[row]), "v" if hidden_nodes else "u", float(fw.v[row]), "sigmoid")
    return values


def build(weights: Weights, activation: str, row: int = 0,
          width: float = DEFAULT_WIDTH, height: float = DEFAULT_HEIGHT) -> Diagram:
    """The whole diagram for these weights, with node values for truth-table row `row`,
    laid out for a canvas of width x height pixels."""
    row = _check_row(row)
    shape = layout(weights.hidden_nodes, width, height)
    values = _values(weights, activation, row)
    nodes = tuple(Node(key, kind, label, x, y, radius, *values[key])
                  for key, kind, label, x, y, radius in shape.places)
    flat = weights.flat()
    widths = edge_widths(flat, shape.max_edge_width)
    edges = tuple(Edge(key, source, target, name, float(w), edge_colour(float(w)), float(width))
                  for (key, source, target, name), w, width in zip(shape.links, flat, widths))
    return Diagram(shape, row, activation, nodes, edges)


# -- editing -----------------------------------------------------------------------

def parameter_value(weights: Weights, key) -> float:
    layer, *index = key
    if layer == "hidden":
        return float(weights.hidden[index[0], index[1]])
    if layer == "output":
        return float(weights.output[index[0]])
    raise ValueError(f"unknown weight {key!r}")


def with_parameter(weights: Weights, key, value: float) -> Weights:
    """A new Weights (fresh arrays) with one weight replaced; the original is not touched."""
    key = tuple(key)
    if key not in _edge_index(weights.hidden_nodes):
        raise ValueError(f"no weight {key!r} in a network with {weights.hidden_nodes} hidden nodes")
    new = Weights(np.array(weights.hidden, dtype=float), np.array(weights.output, dtype=float))
    if key[0] == "hidden":
        new.hidden[key[1], key[2]] = value
    else:
        new.output[key[1]] = value
    return new


# -- hit testing (hover and double-click) ---------------------------------------------

def node_at(shape: Layout, x: float, y: float, slack: float = 2.0):
    """The key of the node under the point (x, y), or None."""
    for key, _kind, _label, cx, cy, radius in shape.places:
        if (x - cx) ** 2 + (y - cy) ** 2 <= (radius + slack) ** 2:
            return key
    return None


def edge_at(shape: Layout, x: float, y: float, tolerance: float = 4.0):
    """The key of the edge nearest the point (x, y) if it is within `tolerance` pixels, or None."""
    ends = _edge_ends(shape)
    if not len(ends):
        return None
    a, b = ends[:, :2], ends[:, 2:]
    d = b - a
    p = np.array([x, y], dtype=float)
    t = np.clip(((p - a) * d).sum(axis=1) / np.maximum((d * d).sum(axis=1), 1e-12), 0.0, 1.0)
    distance = np.hypot(*(a + t[:, None] * d - p).T)
    nearest = int(np.argmin(distance))
    return shape.links[nearest][0] if distance[nearest] <= tolerance else None


def item_at(shape: Layout, x: float, y: float, tolerance: float = 4.0):
    """A node key (str) or an edge key (tuple) under the point; nodes are drawn on top of edges."""
    return node_at(shape, x, y) or edge_at(shape, x, y, tolerance)


@lru_cache(maxsize=8)
def _edge_ends(shape: Layout) -> np.ndarray:
    """x0, y0, x1, y1 per edge."""
    where = {place[0]: (place[3], place[4]) for place in shape.places}
    return np.array([where[source] + where[target] for _key, source, target, _name in shape.links],
                    dtype=float).reshape(-1, 4)
