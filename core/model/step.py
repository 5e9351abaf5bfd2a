"""The training step, written once: forward pass, loss, backward pass and update.

Everything that trains or shows a step runs from the functions in the first part of this
module, for every option (2- or 3-layer, sigmoid/tanh/ReLU, squared/cross-entropy, online or
batch, the textbook or the article's update order):

- the single network's fast path (core.training.kernels) and the math panel's numbers
  (core.teaching.row_math) run Python source traced from `row_update` (the floats dialect of
  core.model.tracing): one row's update written out over local floats, compiled once;
- the many-seeds engine (core.training.ensemble) runs source traced from `row_update` and
  `batch_step` in the arrays dialect: NumPy buffers holding one value per network;
- batch training, the gradient check and every view (core.model.network, the landscape, the
  hidden space) evaluate `forward`, `row_loss` and `batch_step` directly on NumPy arrays.

The math is written as plain arithmetic on values plus a namespace `f` of the few things a
backend does its own way: exp, log1p, tanh, a select, the sigmoid's and ReLU's form, and the
sums over inputs, hidden nodes and rows. Each backend keeps the order of additions its path
had before the step was written once (left to right in the traced code, BLAS matrix products
for row-vectorised NumPy, einsum for the landscape), so every path gives exactly the floats
it gave: saved runs replay their steps and are checked against their checkpoints.

Optimizers plug in at one place per mode: `optimizer_update` is elementwise in a weight, its
gradient and per-weight state laid out like the weights (core.model.layout: momentum's velocity,
Adam's two moments, and Adam's count of updates t). `descend` applies it in batch mode and
`row_update` in online mode. Plain gradient descent ("sgd") keeps the form every path has
always computed: f.descend in batch mode, and online (alpha * delta) * input: the same number
as alpha * (delta * input) for inputs of 0 and 1, with fewer multiplications.
"""

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from core.model import layout as places
from core.model.gates import ROWS
from core.model.tracing import (
    ArraySource,
    FloatSource,
    Graph,
    Group,
    Lines,
    RowConstant,
    key_of,
    name,
)


# == the definition =============================================================================
@dataclass(frozen=True)
class Params:
    """The weights as the step sees them. hidden[i]: the weights from input i (x1, x2, bias)
    to the hidden nodes; output: from the hidden nodes into the output; bias: the output's bias.
    The 2-layer model (H = 0) has hidden and bias None and output the weights of x1, x2, bias."""

    hidden: object
    output: object
    bias: object = None


@dataclass(frozen=True)
class Forward:
    u: object  # the hidden nodes' input sums (None for H = 0)
    h: object  # their activations f(u)
    d: object  # their slopes f'(u)
    v: object  # the output neuron's input sum
    yp: object  # the prediction sigmoid(v)


def sigmoid(f, z):
    """The logistic function as arrays compute it: exp is only taken of -|z|, so it never
    overflows; max(e, z > 0) is 1 for z >= 0 (e = 1 at 0) and e below, a branch in one call.
    (The floats dialect writes the same function with a branch per sign: SIGMOID_FLOATS.)"""
    e = f.exp(-abs(z))
    return f.maximum(e, z > 0.0) / (1.0 + e)


# The sigmoid on one float: each branch takes a single exp (kernels 1-4 % faster than with
# exp(-abs(z)) and a select); tests/core/model/test_step_definition.py holds it to `sigmoid`.
SIGMOID_FLOATS = """\
if {z} >= 0.0:
    {y} = 1.0 / (1.0 + exp(-{z}))
else:
    {t} = exp({z})
    {y} = {t} / (1.0 + {t})"""


def relu(f, u):
    return f.where(u > 0.0, u, 0.0)


def softplus(f, v):
    """log(1 + e^v), finite for every v."""
    return f.relu(v) + f.log1p(f.exp(-abs(v)))


def activate(f, activation: str, u):
    """A hidden node's activation h = f(u) and its slope f'(u)."""
    if activation == "sigmoid":
        h = f.sigmoid(u)
        d = h * (1.0 - h)
    elif activation == "tanh":
        h = f.tanh(u)
        d = 1.0 - h * h
    elif activation == "relu":
        h = f.relu(u)
        d = f.where(u > 0.0, 1.0, 0.0)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    return f.name(h, "h"), f.name(d, "d")


def forward(f, p: Params, x, activation: str) -> Forward:
    """x: the inputs x1, x2 and the bias input 1 (f.input_sum knows their shape)."""
    if p.hidden is None:
        v = f.name(f.input_sum(x, p.output), "v")
        return Forward(None, None, None, v, f.name(f.sigmoid(v), "yp"))
    u = f.name(f.input_sum(x, p.hidden), "u")
    h, d = activate(f, activation, u)
    v = f.name(f.node_sum(p.output, h) + p.bias, "v")
    return Forward(u, h, d, v, f.name(f.sigmoid(v), "yp"))


def row_loss(f, v, yp, yt, loss: str, batch: bool):
    """Each row's loss; cross-entropy is computed from v, so it stays finite.
    Squared: (0.5 r) r online, 0.5 (r r) in batch mode, as each mode always has; the two
    differ only when r r is subnormal (yp < 1e-154 with a target of 0)."""
    if loss == "squared":
        r = f.name(yp - yt, "r")
        return 0.5 * (r * r) if batch else 0.5 * r * r
    if loss == "cross-entropy":
        # -(t log yp + (1 - t) log(1 - yp)) == softplus(v) - t v
        return softplus(f, v) - yt * v
    raise ValueError(f"unknown loss {loss!r}")


def output_slope(yp):
    """The output sigmoid's slope f'(v) = yp (1 - yp), from its value (a float or an array)."""
    return yp * (1.0 - yp)


def output_delta(f, yp, yt, loss: str):
    """g = dL/dv for the sigmoid output."""
    if loss == "squared":
        r = f.name(yp - yt, "r")
        return f.name(r * yp * (1.0 - yp), "g")
    return f.name(yp - yt, "g")


def hidden_delta(f, g, output, d):
    """dL/du_j = g w(2)_j f'(u_j)."""
    return f.name(f.spread(g) * f.across_rows(output) * d, "e")


def gradients(f, p: Params, x, fw: Forward, g, e) -> Params:
    """dL/dw of every weight, summed over the rows (one row online)."""
    if p.hidden is None:
        return Params(None, f.rows_outer(x, g))
    return Params(f.rows_outer(x, e), f.rows_dot(fw.h, g), f.row_sum(g))


# -- optimizers: how a weight moves down its gradient ---------------------------------------------
SGD, MOMENTUM, ADAM = places.OPTIMIZERS
MOMENTUM_DECAY = 0.9
BETA1, BETA2, EPSILON = 0.9, 0.999, 1e-8


def optimizer_update(f, optimizer: str, w, grad, alpha, state: tuple, t):
    """One weight's update, by PyTorch's conventions: (the new weight, its new state, the
    change subtracted from it, and what Adam shows: m̂, v̂). w, grad and each state value are
    alike (a weight, a weight per hidden node or per network); t counts Adam's updates, this
    one included."""
    if optimizer == MOMENTUM:
        # PyTorch's first step sets v = g: 0.9 * 0 + g is that same g
        velocity = f.name(MOMENTUM_DECAY * state[0] + grad, "vel")
        change = f.name(alpha * velocity, "dw")
        return w - change, (velocity,), change, ()
    if optimizer == ADAM:
        m = f.name(BETA1 * state[0] + (1.0 - BETA1) * grad, "m")
        v = f.name(BETA2 * state[1] + (1.0 - BETA2) * (grad * grad), "vv")
        m_hat = f.name(m / (1.0 - f.power(BETA1, t)), "mh")
        v_hat = f.name(v / (1.0 - f.power(BETA2, t)), "vh")
        change = f.name(alpha * m_hat / (f.sqrt(v_hat) + EPSILON), "dw")
        return w - change, (m, v), change, (m_hat, v_hat)
    raise ValueError(f"unknown optimizer {optimizer!r}")


@dataclass(frozen=True)
class Update:
    """One optimizer step on some weights."""

    after: Params  # the new weights
    state: tuple  # the optimizer's new state: a Params per slot (core.model.layout)
    change: Params | None  # what was subtracted from each weight (None: plain descent)
    shown: tuple  # Adam's m̂ and v̂, a Params each


def descend(f, optimizer: str, p: Params, grads: Params, alpha, state: tuple = (), t=None) -> Update:
    """The weights after one update down `grads`, and the optimizer's state after it."""
    if optimizer == SGD:
        return Update(f.descend(p, grads, alpha), (), None, ())

    def each(w, g, *old):
        new, kept, change, shown = optimizer_update(f, optimizer, w, g, alpha, old, t)
        return (new, *kept, change, *shown)

    parts = _each(each, p, grads, *state)
    slots = len(state)
    return Update(parts[0], parts[1:1 + slots], parts[1 + slots], parts[2 + slots:])


def _each(function, *params: Params) -> tuple:
    """function(*values) -> a tuple, on each weight group of the Params alike (a traced Group
    member by member); a Params per item of the tuple."""
    columns = []
    for values in zip(*((q.hidden, q.output, q.bias) for q in params), strict=True):
        if values[0] is None:
            columns.append(None)
        elif isinstance(values[0], Group):
            results = [function(*member) for member in zip(*values, strict=True)]
            columns.append(tuple(Group(parts) for parts in zip(*results, strict=True)))
        else:
            columns.append(function(*values))
    width = len(next(c for c in columns if c is not None))
    return tuple(Params(*(None if c is None else c[k] for c in columns)) for k in range(width))


def _counted(f, t):
    """Adam's count after one more update (None: the optimizer keeps none)."""
    return None if t is None else f.name(t + 1.0, "t")


@dataclass(frozen=True)
class RowStep:
    """Every quantity of one online row update (core.teaching.row_math shows them)."""

    forward: Forward
    loss: object
    g: object  # dL/dv
    dv: object  # f'(v) = yp (1 - yp)
    used: object  # the output weights the hidden deltas use (old, or new in the article's order)
    e: object  # hidden deltas
    gradients: Params
    after: Params
    state: tuple = ()  # the optimizer's state after the update: a Params per slot
    t: object = None  # Adam's count of updates after it
    change: Params | None = None  # what the optimizer subtracted from each weight
    shown: tuple = ()  # Adam's m̂ and v̂


def row_update(f, p: Params, x, yt, alpha, activation: str, loss: str, article: bool,
               optimizer: str = SGD, state: tuple = (), t=None) -> RowStep:
    """One online update on one row. "textbook": every gradient is taken at the weights before
    the row's update; "article" (the article's code): the output weights are updated first and
    the hidden deltas use the new ones, whatever the optimizer."""
    fw = forward(f, p, x, activation)
    lost = row_loss(f, fw.v, fw.yp, yt, loss, batch=False)
    g = output_delta(f, fw.yp, yt, loss)
    dv = f.name(output_slope(fw.yp), "dv")
    if optimizer != SGD:
        return _optimized_row(f, p, x, fw, lost, g, dv, alpha, article, optimizer, state, t)
    s = f.name(alpha * g, "s")
    if p.hidden is None:
        grads = gradients(f, p, x, fw, g, None)
        return RowStep(fw, lost, g, dv, None, None, grads, Params(None, p.output - Group(s * xi for xi in x)))
    if article:
        output, bias = p.output - s * fw.h, p.bias - s
        used = output
    else:
        used = p.output
    e = hidden_delta(f, g, used, fw.d)  # before the output update when it uses the old weights
    if not article:
        output, bias = p.output - s * fw.h, p.bias - s
    grads = gradients(f, Params(p.hidden, used, p.bias), x, fw, g, e)
    q = f.name(alpha * e, "q")
    hidden = p.hidden - Group(q * xi for xi in x)
    return RowStep(fw, lost, g, dv, used, e, grads, Params(hidden, output, bias))


def _optimized_row(f, p, x, fw, lost, g, dv, alpha, article, optimizer, state, t) -> RowStep:
    """row_update with an optimizer: each weight moves by optimizer_update of its gradient, in
    one update (t counts it once)."""
    t = _counted(f, t)
    if p.hidden is None:
        grads = gradients(f, p, x, fw, g, None)
        up = descend(f, optimizer, p, grads, alpha, state, t)
        return RowStep(fw, lost, g, dv, None, None, grads, up.after, up.state, t, up.change, up.shown)

    def top(q):
        return Params(None, q.output, q.bias)

    def low(q):
        return Params(q.hidden, None, None)

    def join(lower, upper):
        return Params(lower.hidden, upper.output, upper.bias)

    out_grads = Params(None, f.rows_dot(fw.h, g), f.row_sum(g))
    if article:  # the output weights first: the hidden deltas use the new ones
        upper = descend(f, optimizer, top(p), out_grads, alpha, tuple(map(top, state)), t)
        used = upper.after.output
    else:
        used = p.output
    e = hidden_delta(f, g, used, fw.d)
    if not article:
        upper = descend(f, optimizer, top(p), out_grads, alpha, tuple(map(top, state)), t)
    grads = Params(f.rows_outer(x, e), out_grads.output, out_grads.bias)
    lower = descend(f, optimizer, low(p), low(grads), alpha, tuple(map(low, state)), t)
    return RowStep(fw, lost, g, dv, used, e, grads, join(lower.after, upper.after),
                   tuple(map(join, lower.state, upper.state)), t, join(lower.change, upper.change),
                   tuple(map(join, lower.shown, upper.shown)))


def loss_scale(rows: int):
    """What a step's summed loss is multiplied by: 4 / rows, so the loss is per four rows (the
    mean row loss times 4) whatever the grid; None for the gates' four rows, whose loss is the
    plain sum (no multiplication at all, so a gate's floats are what they always were)."""
    return None if rows == len(ROWS) else len(ROWS) / rows


def scaled(total, rows: int):
    """A step's summed loss over `rows` rows, per four rows (loss_scale)."""
    scale = loss_scale(rows)
    return total if scale is None else total * scale


def online_step(f, p: Params, rows, alpha, activation: str, loss: str, article: bool,
                optimizer: str = SGD, state: tuple = (), t=None):
    """One online step: each row (x1, x2, target) in turn updates the weights by its own
    gradient, alpha unscaled, as the article does with its four; the step's loss is the rows'
    losses before their updates, added in row order (the article's L[step] +=), per four rows
    (loss_scale). Returns (loss, weights, optimizer state, t) after it."""
    total = None
    for x1, x2, yt in rows:
        row = row_update(f, p, (x1, x2, 1.0), yt, alpha, activation, loss, article, optimizer, state, t)
        total = row.loss if total is None else total + row.loss
        p, state, t = row.after, row.state, row.t
    return scaled(total, len(rows)), p, state, t


def batch_gradient(f, p: Params, x, yt, activation: str, loss: str):
    """The loss summed over the rows x, per four rows (loss_scale), and its gradient (textbook
    backprop): the output deltas are scaled before they flow back, so every gradient is the
    scaled loss's. A grid's batch step thus moves as far as a gate's, not n^2 / 4 times as far."""
    fw = forward(f, p, x, activation)
    rows = f.row_count(x)
    total = scaled(f.row_sum(row_loss(f, fw.v, fw.yp, yt, loss, batch=True)), rows)
    g = scaled(output_delta(f, fw.yp, yt, loss), rows)
    e = None if p.hidden is None else hidden_delta(f, g, p.output, fw.d)
    return total, gradients(f, p, x, fw, g, e)


def batch_step(f, p: Params, x, yt, alpha, activation: str, loss: str, optimizer: str = SGD,
               state: tuple = (), t=None):
    """One batch update: the step's loss (summed over the rows, before the update), the
    optimizer's Update (one step down the gradient at the current weights) and t after it.
    There is one update order."""
    total, grads = batch_gradient(f, p, x, yt, activation, loss)
    t = _counted(f, t)
    return total, descend(f, optimizer, p, grads, alpha, state, t), t


# == backends: how each evaluates the definition =================================================
class _Common:
    sigmoid = sigmoid
    relu = relu

    @staticmethod
    def across_rows(w):
        """A weight as the rows' computations read it (the same numbers; Arrays may copy it)."""
        return w

    @staticmethod
    def descend(p: Params, grads: Params, alpha):
        """Plain gradient descent, w - alpha dL/dw, weight by weight."""
        pairs = zip((p.hidden, p.output, p.bias), (grads.hidden, grads.output, grads.bias))
        return Params(*(None if w is None else w - alpha * gw for w, gw in pairs))


class Matmul(_Common):
    """NumPy, rows first (R x H values): the sums are matrix products, as the batch trainer,
    the gradient check and the views have always computed them (BLAS rounds its own way)."""

    exp, log1p, tanh = staticmethod(np.exp), staticmethod(np.log1p), staticmethod(np.tanh)
    where, maximum = staticmethod(np.where), staticmethod(np.maximum)
    sqrt, power = staticmethod(np.sqrt), staticmethod(np.power)

    @staticmethod
    def name(value, label):
        return value

    @staticmethod
    def input_sum(x, w):
        return x @ w

    @staticmethod
    def node_sum(o, h):
        return h @ o

    @staticmethod
    def spread(g):
        return np.asarray(g)[..., None]

    @staticmethod
    def row_sum(t):
        return t.sum()

    @staticmethod
    def row_count(x):
        return np.shape(x)[-2]

    @staticmethod
    def rows_dot(h, g):
        return h.T @ g

    @staticmethod
    def rows_outer(x, e):
        return x.T @ e


class Einsum(Matmul):
    """NumPy over many networks at once, networks first (N x R x H): the landscape's grid of
    networks and the hidden space's trail, whose sums are einsum's."""

    @staticmethod
    def input_sum(x, w):
        return np.einsum("rc,nch->nrh", x, w) if w.ndim == 3 else np.einsum("rc,nc->nr", x, w)

    @staticmethod
    def node_sum(o, h):
        return np.einsum("nrh,nh->nr", h, o)

    @staticmethod
    def row_sum(t):
        return t.sum(axis=1)


MATMUL, EINSUM = Matmul(), Einsum()


class _Traced(_Common):
    """The definition run on traced values: records a computation for code generation."""

    def __init__(self, graph: Graph):
        self.graph = graph

    name = staticmethod(name)

    def exp(self, z):
        return self.graph.call("exp", z)

    def log1p(self, z):
        return self.graph.call("log1p", z)

    def tanh(self, z):
        return self.graph.call("tanh", z)

    def where(self, condition, yes, no):
        return self.graph.call("where", condition, yes, no)

    def sqrt(self, z):
        return self.graph.call("sqrt", z)

    def power(self, base, exponent):
        return self.graph.call("pow", base, exponent)

    def maximum(self, a, b):
        return self.graph.call("maximum", a, b)

    def input_sum(self, x, w):
        """w_1 x1 + w_2 x2 + w_3, left to right (the bias input 1 multiplies nothing)."""
        rows = self._rows(x)
        if rows > 1:
            return self.graph.stack([self._input_sum([self.graph.row(xi, r) for xi in x], w)
                                     for r in range(rows)])
        return self._input_sum(x, w)

    @staticmethod
    def _input_sum(x, w):
        total = w[0] * x[0]
        for wi, xi in zip(w[1:], x[1:], strict=True):
            total = total + wi * xi
        return total

    def node_sum(self, o, h):
        return self.graph.sum_nodes(o * h)

    def spread(self, g):
        return g

    def row_sum(self, t):
        return self.graph.sum_rows(t, self._rows([t]))

    def row_count(self, x):
        return self._rows(x)

    def rows_dot(self, h, g):
        return self.row_sum(h * g)

    def rows_outer(self, x, e):
        """sum over the rows of x_i e, left to right (rows whose input is 0 left out)."""
        rows = self._rows([e] + list(x))
        row = self.graph.row
        result = []
        for xi in x:
            total = row(e, 0) * row(xi, 0)
            for r in range(1, rows):
                total = total + row(e, r) * row(xi, r)
            result.append(total)
        return Group(result)

    def _rows(self, values) -> int:
        """The graph's rows if any value varies over them, else 1."""
        varies = any(isinstance(v, RowConstant) or getattr(v, "rows", False) for v in values)
        return self.graph.rows if varies else 1


class Floats(_Traced):
    """Traced for the floats dialect: the sigmoid becomes SIGMOID_FLOATS."""

    def sigmoid(self, z):
        return self.graph.call("sigmoid", z)


FLOAT_TEMPLATES = {"sigmoid": SIGMOID_FLOATS}


class Arrays(_Traced):
    """Traced for the arrays dialect (the many-seeds engine).

    lines (a function's grid in batch mode): the grid's n rows, line by line (core.model.tracing.
    Lines). A gate's four rows are values over the rows and per-row sums, where an input of 0 or
    1 folds its multiplication away; a grid's 441 rows that way cost two calls on small arrays
    per row. A line is a value over its 21 rows, and the code computes one line after another
    while many networks wide, in buffers that stay in the cache. The sums over the rows add the
    lines' values elementwise, then reduce over a line once; a sum with the inputs uses the grid:
    the x1 of every line is the same, so sum x1 e = sum over i of x1_i (e summed over the lines),
    and x2 is one number per line, so sum x2 e = sum over lines of x2_j (e summed over the line).
    """

    def __init__(self, graph: Graph, lines: int | None = None):
        super().__init__(graph)
        self.lines = lines  # the grid's rows in all, when traced line by line

    def input_sum(self, x, w):
        if self.lines:
            # w1 x1 + (w2 x2 + w3): per line, the part that is one number per row on the line
            # (x2, the bias input) is summed over the hidden nodes only, so each row costs one
            # addition to w1 x1, whose values the lines share
            return w[0] * x[0] + self._input_sum(x[1:], w[1:])
        return super().input_sum(x, w)

    def across_rows(self, w):
        # a weight multiplied into a line: copied once a step to the line's shape, as NumPy
        # broadcasting it loops over one network row at a time, 1.5-2 times slower per call
        return self.graph.widen(w) if self.lines else w

    def node_sum(self, o, h):
        return self.graph.sum_nodes(self.across_rows(o) * h)

    def row_count(self, x):
        return self.lines or super().row_count(x)

    def row_sum(self, t):
        if isinstance(t, Lines):
            return self.graph.reduce_rows(self._add_lines(t))
        return super().row_sum(t)

    def _add_lines(self, t: Lines):
        """line 0 + line 1 + ..., elementwise."""
        total = t.parts[0]
        for part in t.parts[1:]:
            total = total + part
        return total

    def rows_outer(self, x, e):
        if not isinstance(e, Lines):
            return super().rows_outer(x, e)
        result = []
        for xi in x:
            parts = xi.parts if isinstance(xi, Lines) else (xi,) * len(e.parts)
            if all(key_of(part) == key_of(parts[0]) for part in parts):  # x1, and the bias's 1
                result.append(self.graph.reduce_rows(self._add_lines(e) * parts[0]))
            else:  # x2: one number per line
                total = None
                for part, value in zip(e.parts, parts, strict=True):
                    term = self.graph.reduce_rows(part) * value
                    total = term if total is None else total + term
                result.append(total)
        return Group(result)

    def relu(self, u):
        # max(u, 0), as the engine has always taken it: the select gives 0.0 where u is -0.0
        # or NaN, which only a diverged network (reverted anyway) or a typed -0 can meet.
        return self.maximum(u, 0.0)

    def descend(self, p: Params, grads: Params, alpha):
        """One update of the whole weights array: w - alpha dL/dw in two calls."""
        parts = list(grads.output) if grads.hidden is None else [*grads.hidden, grads.output, grads.bias]
        return self.graph.call("descend", alpha, *parts)


# == parameters ==================================================================================
def params_of(hidden, output) -> Params:
    """Params from the 3 x H matrix and the output's weights (bias last), as views."""
    if hidden.shape[-1] == 0:
        return Params(None, output)
    return Params(hidden, output[..., :-1], output[..., -1:] if output.ndim > 1 else output[-1])


def traced_params(graph: Graph, prefix: str = "") -> Params:
    """Input nodes for the weights (with a prefix: for an optimizer's state laid out like them)."""
    inputs = range(places.INPUT_COUNT)
    if graph.hidden_nodes == 0:
        return Params(None, Group(graph.input(f"{prefix}w{i}") for i in inputs))
    return Params(Group(graph.input(f"{prefix}w1_{i}", nodes=True) for i in inputs),
                  graph.input(f"{prefix}w2", nodes=True), graph.input(f"{prefix}bias"))


def traced_state(graph: Graph, optimizer: str) -> tuple:
    """Input nodes for the optimizer's state: (a Params per slot, t or None)."""
    where = places.state_layout(graph.hidden_nodes, optimizer)
    slots = tuple(traced_params(graph, slot.prefix) for slot in where.slots)
    return slots, (None if where.count is None else graph.input(places.UPDATE_COUNT))


def _groups(p: Params) -> list:
    """The weight groups of a Params, in flat order, each with whether it varies over the nodes."""
    if p.hidden is None:
        return [(w, False) for w in p.output]
    return [(w, True) for w in p.hidden] + [(p.output, True), (p.bias, False)]


def _new_values(p: Params, after: Params) -> list:
    """(new value, the old value's input node) per weight group."""
    return [(new, old) for (new, _), (old, _) in zip(_groups(after), _groups(p), strict=True)]


def _state_pairs(p, after, state, t, row_state, row_t) -> list:
    """(new value, old input node) for every group of the run's state: weights, slots, t."""
    pairs = _new_values(p, after)
    for old, new in zip(state, row_state, strict=True):
        pairs += _new_values(old, new)
    return pairs + ([(row_t, t)] if t is not None else [])


# == programs in the floats dialect ===============================================================
def weight_variables(hidden_nodes: int, prefix: str = "") -> list:
    """The floats dialect's variable of each weight, in flat order (core.model.layout): a0.. from
    x1, b0.. from x2, c0.. from the bias input, o0.. into the output and its bias ob (with a
    prefix: an optimizer's state of each weight)."""
    def variable(key):
        if key[0] == "hidden":
            return f"{prefix}{'abc'[key[1]]}{key[2]}"
        last = key[1] == places.output_size(hidden_nodes) - 1
        return f"{prefix}ob" if last else f"{prefix}o{key[1]}"
    return [variable(w.key) for w in places.layout(hidden_nodes).weights]


def state_variables(hidden_nodes: int, optimizer: str = SGD) -> list:
    """The floats dialect's variable of each number of a run's state, in its flat order
    (core.model.layout.state_layout): the weights, each slot's, then t."""
    where = places.state_layout(hidden_nodes, optimizer)
    names = weight_variables(hidden_nodes)
    for slot in where.slots:
        names += weight_variables(hidden_nodes, slot.prefix)
    return names + ([places.UPDATE_COUNT] if where.count is not None else [])


def _float_inputs(graph: Graph, p: Params, names: list) -> dict:
    where = places.layout(graph.hidden_nodes)
    if p.hidden is None:
        return dict(zip(p.output, names, strict=True))
    inputs = {w: names[where.from_input(i)] for i, w in enumerate(p.hidden)}
    inputs[p.output] = names[where.output_nodes]
    inputs[p.bias] = names[where.output_bias]
    return inputs


def _float_row(hidden_nodes, activation, loss, article, optimizer):
    graph = Graph(hidden_nodes)
    f = Floats(graph)
    p = traced_params(graph)
    state, t = traced_state(graph, optimizer)
    x = (graph.input("x1"), graph.input("x2"), 1.0)
    yt, alpha = graph.input("yt"), graph.input("alpha")
    row = row_update(f, p, x, yt, alpha, activation, loss, article, optimizer, state, t)
    inputs = _float_inputs(graph, p, weight_variables(hidden_nodes))
    for slot, values in zip(places.state_layout(hidden_nodes, optimizer).slots, state, strict=True):
        inputs |= _float_inputs(graph, values, weight_variables(hidden_nodes, slot.prefix))
    if t is not None:
        inputs[t] = places.UPDATE_COUNT
    inputs |= {x[0]: "x1", x[1]: "x2", yt: "yt", alpha: "alpha"}
    return graph, _state_pairs(p, row.after, state, t, row.state, row.t), row, inputs


@lru_cache(maxsize=64)
def online_row_lines(hidden_nodes: int, activation: str, loss: str, article: bool,
                     optimizer: str = SGD) -> tuple:
    """The source of one online row update over floats: reads the run's state variables
    (state_variables), x1, x2, yt and alpha; updates them in place and adds the row's loss to
    `total`."""
    graph, pairs, row, inputs = _float_row(hidden_nodes, activation, loss, article, optimizer)
    outputs = [(row.loss, ("add", "total"))] + [(new, ("set", inputs[old])) for new, old in pairs]
    return tuple(FloatSource(graph, inputs, FLOAT_TEMPLATES, outputs).lines)


@lru_cache(maxsize=64)
def row_function(hidden_nodes: int, activation: str, loss: str, article: bool, optimizer: str = SGD):
    """f(state, x1, x2, yt, alpha) -> {name: value} with every quantity of one online row update
    (a value over the hidden nodes is a tuple, the weights from the inputs and their gradients
    a tuple per input), computed by the same source as the kernels'. state: the run's state
    (the weights, then the optimizer's: core.model.layout.state_layout). With an optimizer,
    "state" is the new state, and "change", "m_hat", "v_hat" and each slot's new values
    ("slot_velocity", "slot_m", "slot_v") give a value per weight in flat order."""
    graph, pairs, row, inputs = _float_row(hidden_nodes, activation, loss, article, optimizer)
    fw, grads, after = row.forward, row.gradients, row.after
    values = {"u": fw.u, "h": fw.h, "d": fw.d, "v": fw.v, "yp": fw.yp, "dv": row.dv, "loss": row.loss,
              "g": row.g, "used": row.used, "e": row.e, "grad_hidden": grads.hidden,
              "grad_output": grads.output, "grad_bias": grads.bias, "hidden": after.hidden,
              "output": after.output, "bias": after.bias}
    flat = {"state": [(new, getattr(old, "nodes", False)) for new, old in pairs]}
    if optimizer != SGD:
        names = [slot.name for slot in places.state_layout(hidden_nodes, optimizer).slots]
        per_weight = {f"slot_{n}": kept for n, kept in zip(names, row.state, strict=True)}
        per_weight["change"] = row.change
        per_weight |= dict(zip(("m_hat", "v_hat"), row.shown))
        flat |= {key: _groups(value) for key, value in per_weight.items()}
    leaves = [v for value in values.values() if value is not None
              for v in (value if isinstance(value, Group) else (value,))]
    leaves += [v for group in flat.values() for v, _ in group]
    source = FloatSource(graph, inputs, FLOAT_TEMPLATES, [(v, ("keep", None)) for v in leaves])

    def shown(value):
        if value is None:
            return "None"
        if isinstance(value, Group):
            return "(" + ", ".join(shown(v) for v in value) + ",)"
        names = source.variables(value)
        return f"({', '.join(names)},)" if getattr(value, "nodes", False) else names[0]

    def spread(value, per_node):
        """Its variables, one per hidden node where the group varies over them (a constant,
        such as the gradient of an input of 0, is one number for every node)."""
        names = source.variables(value)
        return names * hidden_nodes if per_node and not getattr(value, "nodes", False) else names

    items = [f"{k!r}: {shown(v)}" for k, v in values.items()]
    items += [f"{key!r}: ({', '.join(n for v, per in group for n in spread(v, per))},)"
              for key, group in flat.items()]
    state = ", ".join(state_variables(hidden_nodes, optimizer))
    body = [f"{state}, = w", *source.lines, "return {" + ", ".join(items) + "}"]
    text = "def row(w, x1, x2, yt, alpha):\n" + "\n".join("    " + line for line in body)
    return compile_function(text, "row", f"<row math H={hidden_nodes}>")


def compile_function(text: str, function: str, filename: str, **extra):
    namespace = {"exp": math.exp, "log1p": math.log1p, "tanh": math.tanh, "sqrt": math.sqrt, "np": np,
                 **extra}
    exec(compile(text, filename, "exec"), namespace)
    return namespace[function]


# == programs in the arrays dialect ===============================================================
ONLINE, BATCH, EVALUATE = "online", "batch", "evaluate"


class ArrayProgram:
    """Traced NumPy code over many networks: `run(P, B, ...)` with P the weights array
    (parameters x W, flat order) and B = allocate(W), its buffers.

    online, batch: run(P, B, losses, count, alpha) trains `count` steps, losses[i] receiving
    every network's loss of step i; evaluate: run(P, B, predictions, losses) writes the
    predictions (4 x W) and the summed losses (W) of the weights as they are."""

    def __init__(self, text: str, source: ArraySource, hidden_nodes: int, label: str):
        self.text = text
        self._shapes = [(shape, dtype) for shape, dtype in source.buffers]
        self._grad = source.grad_size
        self._hidden = hidden_nodes
        constants = {k: np.array(v, dtype=float) for k, v in source.constants.items()}
        self.run = compile_function(text, "run", label, **constants)

    def allocate(self, width: int) -> list:
        sizes = {"H": self._hidden}
        buffers = [np.empty(tuple(sizes.get(n, n) for n in shape) + (width,), dtype=dtype)
                   for shape, dtype in self._shapes]
        if self._grad is not None:
            buffers.append(np.empty((self._grad, width)))
        return buffers


def _array_inputs(graph: Graph, p: Params, state: tuple, t, optimizer: str):
    """({state input node: local name}, the lines taking each name's view of P): the weights,
    then each optimizer slot laid out like them (core.model.layout.state_layout), then t."""
    where = places.state_layout(graph.hidden_nodes, optimizer)
    named = []
    for prefix, values, offset in [("", p, 0)] + [(slot.prefix, values, slot.place.start)
                                                  for slot, values in zip(where.slots, state, strict=True)]:
        if values.hidden is None:
            named += [(w, f"{prefix}{local}", f"P[{offset + i}]")
                      for i, (w, local) in enumerate(zip(values.output, weight_variables(0)))]
            continue
        for i, w in enumerate(values.hidden):
            rows = where.weights.from_input(i)
            named.append((w, f"{prefix}{'abc'[i]}", f"P[{offset + rows.start}:{offset + rows.stop}]"))
        nodes = where.weights.output_nodes
        named += [(values.output, f"{prefix}o", f"P[{offset + nodes.start}:{offset + nodes.stop}]"),
                  (values.bias, f"{prefix}ob", f"P[{offset + where.weights.output_bias}]")]
    if t is not None:
        named.append((t, places.UPDATE_COUNT, f"P[{where.count}]"))
    return {node: local for node, local, _ in named}, [f"{local} = {view}" for _, local, view in named]


def line_rows(points) -> int:
    """The rows of one line of a function's grid (points in lines of equal x2 and the same x1
    values, x1 fastest); all the points if they do not make such lines."""
    width = next((k for k, point in enumerate(points) if point[1] != points[0][1]), len(points))
    lines = [points[start:start + width] for start in range(0, len(points), width)]
    first = [x1 for x1, _ in lines[0]]
    grid = len(points) % width == 0 and all(
        len({x2 for _, x2 in line}) == 1 and [x1 for x1, _ in line] == first for line in lines)
    return width if grid else len(points)  # the sums over the rows take every line's x1 alike


def buffer_rows(points) -> int:
    """The rows a batch step's or an evaluation's buffer holds: a gate's four, a grid's line."""
    return len(points) if points == ROWS else line_rows(points)


@lru_cache(maxsize=32)
def array_program(kind: str, hidden_nodes: int, activation: str, loss: str, article: bool,
                  targets: tuple, optimizer: str = SGD, points: tuple = ROWS) -> ArrayProgram:
    """The traced code of an online step, a batch step or an evaluation for these settings
    (a row's inputs (x1, x2) from `points` and its target are constants of the code). P holds
    the run's state (the weights and the optimizer's: core.model.layout.state_layout); an
    evaluation reads only the weights."""
    lined = kind != ONLINE and points != ROWS  # a function's grid: line by line (Arrays)
    width = buffer_rows(points)
    graph = Graph(hidden_nodes, width)
    f = Arrays(graph, len(points) if lined else None)
    p = traced_params(graph)
    state, t = traced_state(graph, optimizer) if kind != EVALUATE else ((), None)
    alpha = graph.input("alpha")
    inputs, views = _array_inputs(graph, p, state, t, optimizer if kind != EVALUATE else SGD)
    inputs[alpha] = "alpha"
    columns = (RowConstant(r[0] for r in points), RowConstant(r[1] for r in points), 1.0)
    target_values = RowConstant(targets)
    if lined:
        spans = [range(start, start + width) for start in range(0, len(points), width)]

        def along(values, one_number=False):
            parts = [tuple(values[i] for i in span) for span in spans]
            return Lines(graph, [float(part[0]) if one_number and len(set(part)) == 1 else RowConstant(part)
                                 for part in parts])
        columns = (along([r[0] for r in points]), along([r[1] for r in points], True), 1.0)
        target_values = along(targets)
    if kind == ONLINE:
        rows = tuple((x1, x2, yt) for (x1, x2), yt in zip(points, targets, strict=True))
        total, after, new_state, new_t = online_step(f, p, rows, alpha, activation, loss, article,
                                                     optimizer, state, t)
        pairs = _state_pairs(p, after, state, t, new_state, new_t)
        outputs = [(total, "total")] + [(new, inputs[old]) for new, old in pairs]
    elif kind == BATCH:
        total, update, new_t = batch_step(f, p, columns, target_values, alpha, activation, loss,
                                          optimizer, state, t)
        if optimizer == SGD:
            outputs = [(total, "total"), (update.after, None)]  # f.descend: P -= alpha _grad
        else:
            pairs = _state_pairs(p, update.after, state, t, update.state, new_t)
            outputs = [(total, "total")] + [(new, inputs[old]) for new, old in pairs]
    else:
        fw = forward(f, p, columns, activation)
        total = scaled(f.row_sum(row_loss(f, fw.v, fw.yp, target_values, loss, batch=True)),
                       len(points))
        if lined:
            outputs = [(part, f"predictions[{span.start}:{span.stop}]")
                       for part, span in zip(fw.yp.parts, spans, strict=True)]
        else:
            outputs = [(fw.yp, "predictions")]
        outputs.append((total, "total"))
    source = ArraySource(graph, inputs, outputs)
    unpack = [f"{', '.join(f'_b{k}' for k in range(len(source.buffers)))}, = B[:{len(source.buffers)}]"] \
        if source.buffers else []
    if source.grad_size is not None:
        unpack.append(f"_grad = B[{len(source.buffers)}]")
    unpack += [f"{view} = {expression}" for view, expression in source.views.items()]
    if kind == EVALUATE:
        head, body = "def run(P, B, predictions, losses):", ["total = losses", *source.lines]
    else:
        head = "def run(P, B, losses, count, alpha):"
        body = ["for i in range(count):", "    total = losses[i]", *("    " + line for line in source.lines)]
    text = "\n".join([head, *("    " + line for line in views + unpack + body)])
    return ArrayProgram(text, source, hidden_nodes, f"<{kind} arrays H={hidden_nodes}>")
