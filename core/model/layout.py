"""Where each number of the network lives: inputs, rows, hidden nodes, weights and optimizer state.

This is the one place that knows the flat order of the weights (`Weights.flat()`, saved files,
the run record, the many-seeds arrays) and the names of every input, node and weight in
GateLab's notation and in the article's (core/teaching/notation.py explains the two).

Inputs: x1, x2 and the bias input 1, in that order (the article's code puts the bias last too).
Rows: the four truth-table rows of core.model.gates.ROWS.
Weights, flat order:
- 3-layer (H hidden nodes): the 3 x H input-to-hidden matrix row by row (every node's x1
  weight, then every node's x2 weight, then every node's bias weight), then the H weights
  from the hidden nodes into the output, then the output's bias: 4H + 1 numbers.
- 2-layer (H = 0): the output neuron's weights from x1, x2 and the bias input: 3 numbers.
The run's state is the weights followed by the optimizer's state (`state_layout`): per state
slot (momentum's velocity; Adam's moments m and v) an array laid out like the weights, then for
Adam its count of updates t. Plain gradient descent has none, so its state is the weights alone
(the trainer's kernels, the run record's checkpoints and the many-seeds arrays hold this one
flat vector).
"""

from dataclasses import dataclass
from functools import cache

from core.model.gates import ROWS

INPUT_NAMES = ("x1", "x2", "1")  # the bias input is last and always 1
INPUT_COUNT = len(INPUT_NAMES)
BIAS_INPUT = INPUT_COUNT - 1
ROW_COUNT = len(ROWS)

GATELAB, ARTICLE = "gatelab", "article"

# The optimizers, and each one's state per weight: (name, GateLab's and the article's symbol
# wrapped round the weight's name, the floats dialect's variable prefix). The article uses plain
# gradient descent only; the symbols follow PyTorch's names (momentum_buffer, exp_avg, exp_avg_sq).
OPTIMIZERS = ("sgd", "momentum", "adam")
_SLOTS = {
    "sgd": (),
    "momentum": (("velocity", "vel", "vel_"),),
    "adam": (("m", "m", "m_"), ("v", "v", "v_")),
}
_COUNTED = {"adam"}  # optimizers that keep t, their count of updates
UPDATE_COUNT = "t"  # its name, in both notations and in code


def parameter_count(hidden_nodes: int) -> int:
    """How many weights a network with this many hidden nodes has."""
    return INPUT_COUNT * hidden_nodes + hidden_nodes + 1 if hidden_nodes else INPUT_COUNT


def output_size(hidden_nodes: int) -> int:
    """The output neuron's weights: one per hidden node and its bias, or one per input."""
    return hidden_nodes + 1 if hidden_nodes else INPUT_COUNT


def hidden_shape(hidden_nodes: int) -> tuple[int, int]:
    """The input-to-hidden matrix: a row per input (x1, x2, bias), a column per hidden node."""
    return INPUT_COUNT, hidden_nodes


# -- the two notations (core/teaching/notation.py) ---------------------------------------------
def article_input(i: int, hidden_nodes: int) -> int:
    """GateLab's input x_i (i = 1, 2, 3 = the bias input) in the article: x_(i-1), as its code
    indexes them (np.insert puts the 1 last, x[k][2]), in both models."""
    return i - 1


def article_weight(i: int) -> int:
    """The 2-layer model's GateLab w_i (i = 1..3, 3 the bias weight) in the article: w_(i-1),
    as its code indexes them (w1[0], w1[1], the bias weight w1[2])."""
    return i - 1


def article_node(j: int) -> int:
    """GateLab's hidden node j (h_j, u_j, δ_j, and the j of w(1)ij and w(2)j), from 1, in the
    article, from 0."""
    return j - 1


@dataclass(frozen=True)
class WeightPlace:
    """One weight: its flat index, its key (core.views.diagram's edge keys) and its names."""

    index: int
    key: tuple  # ("hidden", i, j): from input i to hidden node j; ("output", j): into the output
    source: str  # "x1", "x2", "1" (an input), "h3", or "1" (the hidden bias node)
    target: str  # "h3" or "yp"
    gatelab: str  # w(1)12, w(2)3; w1, w2, w3 for the 2-layer model
    article: str  # w^first_01, w^second_2; w0, w1, w2 for the 2-layer model (its code's order)
    code: str  # the article code's variable: w1[0][1], w2[2]; w1[0] for the 2-layer model
    label: str  # the diagram's and the landscape's label: w1[x1→h1], w2[h1→yp], w[x1→yp]


@dataclass(frozen=True)
class Layout:
    hidden_nodes: int
    size: int  # parameter_count
    hidden: slice  # the input-to-hidden matrix, row-major (empty for H = 0)
    output: slice  # the output neuron's weights, bias last
    weights: tuple  # WeightPlace per flat index

    def from_input(self, i: int) -> slice:
        """The weights from input i (0 = x1, 1 = x2, 2 = bias) to the hidden nodes (H > 0), or
        the output neuron's weight of input i (H = 0)."""
        if self.hidden_nodes == 0:
            return slice(i, i + 1)
        return slice(i * self.hidden_nodes, (i + 1) * self.hidden_nodes)

    @property
    def output_nodes(self) -> slice:
        """The weights from the hidden nodes into the output (3-layer)."""
        return slice(self.output.start, self.output.stop - 1)

    @property
    def output_bias(self) -> int:
        return self.size - 1

    def index(self, key) -> int:
        """The flat index of a weight key (("hidden", i, j) or ("output", j))."""
        return _indices(self.hidden_nodes)[tuple(key)]

    def keys(self) -> tuple:
        return tuple(place.key for place in self.weights)

    def split(self, flat):
        """(the 3 x H matrix, the output's weights) of a flat vector, as views; with a leading
        axis of networks (N x size) the matrix is N x 3 x H."""
        lead = flat.shape[:-1]
        return (flat[..., self.hidden].reshape(*lead, *hidden_shape(self.hidden_nodes)),
                flat[..., self.output])


def index_pair(i, j, hidden_nodes: int) -> str:
    """Two indices written together, as a weight's name has them: "12", or "1,12" once a node's
    number may have two digits."""
    return f"{i},{j}" if hidden_nodes >= 10 else f"{i}{j}"


def _names(i, j, hidden_nodes):
    """GateLab's and the article's names of the weight from input i to hidden node j."""
    pair = index_pair(i + 1, j + 1, hidden_nodes)
    article = index_pair(article_input(i + 1, hidden_nodes), article_node(j + 1), hidden_nodes)
    return f"w(1){pair}", f"w^first_{article}", f"w1[{i}][{j}]"


@cache
def layout(hidden_nodes: int) -> Layout:
    """The layout of a network with this many hidden nodes (0: the 2-layer model)."""
    if hidden_nodes < 0:
        raise ValueError(f"hidden_nodes must be >= 0, got {hidden_nodes}")
    size = parameter_count(hidden_nodes)
    if hidden_nodes == 0:
        places = tuple(
            WeightPlace(i, ("output", i), INPUT_NAMES[i], "yp", f"w{i + 1}", f"w{article_weight(i + 1)}",
                        f"w1[{i}]", f"w[{INPUT_NAMES[i]}→yp]")
            for i in range(INPUT_COUNT))
        return Layout(0, size, slice(0, 0), slice(0, size), places)
    nodes = tuple(f"h{j + 1}" for j in range(hidden_nodes))
    places = []
    for i in range(INPUT_COUNT):
        for j in range(hidden_nodes):
            gatelab, article, code = _names(i, j, hidden_nodes)
            places.append(WeightPlace(len(places), ("hidden", i, j), INPUT_NAMES[i], nodes[j], gatelab,
                                      article, code, f"w1[{INPUT_NAMES[i]}→{nodes[j]}]"))
    for j, source in enumerate(nodes + ("1",)):
        places.append(WeightPlace(len(places), ("output", j), source, "yp", f"w(2){j + 1}",
                                  f"w^second_{article_node(j + 1)}", f"w2[{j}]", f"w2[{source}→yp]"))
    cut = INPUT_COUNT * hidden_nodes
    return Layout(hidden_nodes, size, slice(0, cut), slice(cut, size), tuple(places))


@cache
def _indices(hidden_nodes):
    return {place.key: place.index for place in layout(hidden_nodes).weights}


# -- the run's state: the weights, then the optimizer's ------------------------------------------
@dataclass(frozen=True)
class Slot:
    """One per-weight state array of an optimizer."""

    name: str  # velocity, m, v
    symbol: str  # written round a weight's name: vel[w(1)12], m[w^first_01]
    prefix: str  # the floats dialect's variables: vel_a0, m_ob
    place: slice  # where it lies in the run's state vector


@dataclass(frozen=True)
class StateLayout:
    weights: Layout
    optimizer: str
    slots: tuple  # Slot per state array, in order
    count: int | None  # the index of t (None: the optimizer keeps no count)
    size: int  # the run's state: weights, slots, t

    def slot_name(self, slot: Slot, index: int, notation: str = GATELAB) -> str:
        """The name of the state value of weight `index`: vel[w(1)12], m[w^first_01]."""
        place = self.weights.weights[index]
        return f"{slot.symbol}[{place.article if notation == ARTICLE else place.gatelab}]"

    def split(self, state) -> tuple:
        """(the weights, (each slot's array), t or None) of a state vector, as views."""
        arrays = tuple(state[slot.place] for slot in self.slots)
        return state[:self.weights.size], arrays, (None if self.count is None else state[self.count])


def optimizer_slots(optimizer: str) -> tuple:
    """The names of an optimizer's per-weight state arrays, in order."""
    return tuple(name for name, _, _ in _SLOTS[optimizer])


def counts_updates(optimizer: str) -> bool:
    return optimizer in _COUNTED


@cache
def state_layout(hidden_nodes: int, optimizer: str = "sgd") -> StateLayout:
    """Where each number of a run's state lives, for this network and optimizer."""
    weights = layout(hidden_nodes)
    slots = tuple(Slot(name, symbol, prefix, slice((k + 1) * weights.size, (k + 2) * weights.size))
                  for k, (name, symbol, prefix) in enumerate(_SLOTS[optimizer]))
    end = weights.size * (len(slots) + 1)
    count = end if optimizer in _COUNTED else None
    return StateLayout(weights, optimizer, slots, count, end + (count is not None))


def state_size(hidden_nodes: int, optimizer: str = "sgd") -> int:
    """How many numbers a run's state has: its weights and its optimizer's state."""
    return state_layout(hidden_nodes, optimizer).size
