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

Optimizers (not yet offered) plug in at one place per mode: an update rule is elementwise in a
weight, its gradient and per-weight state arrays laid out like the weights (core.model.layout;
momentum's velocity, Adam's two moments and its count of updates t). Batch mode applies it in
`f.descend`; online mode in `row_update`, which computes each row's gradients already (for the
math panel) and takes the plain step as (alpha * delta) * input there: the same number as
alpha * (delta * input) for inputs of 0 and 1, with fewer multiplications.
"""

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from core.model import layout as places
from core.model.gates import ROWS
from core.model.tracing import ArraySource, FloatSource, Graph, Group, RowConstant, name


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


def output_delta(f, yp, yt, loss: str):
    """g = dL/dv for the sigmoid output."""
    if loss == "squared":
        r = f.name(yp - yt, "r")
        return f.name(r * yp * (1.0 - yp), "g")
    return f.name(yp - yt, "g")


def hidden_delta(f, g, output, d):
    """dL/du_j = g w(2)_j f'(u_j)."""
    return f.name(f.spread(g) * output * d, "e")


def gradients(f, p: Params, x, fw: Forward, g, e) -> Params:
    """dL/dw of every weight, summed over the rows (one row online)."""
    if p.hidden is None:
        return Params(None, f.rows_outer(x, g))
    return Params(f.rows_outer(x, e), f.rows_dot(fw.h, g), f.row_sum(g))


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


def row_update(f, p: Params, x, yt, alpha, activation: str, loss: str, article: bool) -> RowStep:
    """One online update on one row. "textbook": every gradient is taken at the weights before
    the row's update; "article" (the article's code): the output weights are updated first and
    the hidden deltas use the new ones."""
    fw = forward(f, p, x, activation)
    lost = row_loss(f, fw.v, fw.yp, yt, loss, batch=False)
    g = output_delta(f, fw.yp, yt, loss)
    dv = f.name(fw.yp * (1.0 - fw.yp), "dv")
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


def online_step(f, p: Params, targets, alpha, activation: str, loss: str, article: bool):
    """One online step: each truth-table row in turn updates the weights; the step's loss is the
    rows' losses before their updates, added in row order (the article's L[step] +=)."""
    total = None
    for (x1, x2), yt in zip(ROWS, targets, strict=True):
        row = row_update(f, p, (x1, x2, 1.0), yt, alpha, activation, loss, article)
        total = row.loss if total is None else total + row.loss
        p = row.after
    return total, p


def batch_gradient(f, p: Params, x, yt, activation: str, loss: str):
    """The loss summed over the rows x, and its gradient (textbook backprop)."""
    fw = forward(f, p, x, activation)
    total = f.row_sum(row_loss(f, fw.v, fw.yp, yt, loss, batch=True))
    g = output_delta(f, fw.yp, yt, loss)
    e = None if p.hidden is None else hidden_delta(f, g, p.output, fw.d)
    return total, gradients(f, p, x, fw, g, e)


def batch_step(f, p: Params, x, yt, alpha, activation: str, loss: str):
    """One batch update: the step's loss (summed over the rows, before the update) and the
    weights after one step down its gradient. There is one update order: the gradient at the
    current weights."""
    total, grads = batch_gradient(f, p, x, yt, activation, loss)
    return total, f.descend(p, grads, alpha)


# == backends: how each evaluates the definition =================================================
class _Common:
    sigmoid = sigmoid
    relu = relu

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

    def maximum(self, a, b):
        return self.graph.call("maximum", a, b)

    def input_sum(self, x, w):
        """w_1 x1 + w_2 x2 + w_3, left to right (the bias input 1 multiplies nothing)."""
        rows = _rows(x)
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
        return self.graph.sum_rows(t, _rows([t]))

    def rows_dot(self, h, g):
        return self.row_sum(h * g)

    def rows_outer(self, x, e):
        """sum over the rows of x_i e, left to right (rows whose input is 0 left out)."""
        rows = _rows([e] + list(x))
        row = self.graph.row
        result = []
        for xi in x:
            total = row(e, 0) * row(xi, 0)
            for r in range(1, rows):
                total = total + row(e, r) * row(xi, r)
            result.append(total)
        return Group(result)


def _rows(values) -> int:
    return len(ROWS) if any(isinstance(v, RowConstant) or getattr(v, "rows", False) for v in values) else 1


class Floats(_Traced):
    """Traced for the floats dialect: the sigmoid becomes SIGMOID_FLOATS."""

    def sigmoid(self, z):
        return self.graph.call("sigmoid", z)


FLOAT_TEMPLATES = {"sigmoid": SIGMOID_FLOATS}


class Arrays(_Traced):
    """Traced for the arrays dialect (the many-seeds engine)."""

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


def traced_params(graph: Graph) -> Params:
    """Input nodes for the weights."""
    inputs = range(places.INPUT_COUNT)
    if graph.hidden_nodes == 0:
        return Params(None, Group(graph.input(f"w{i}") for i in inputs))
    return Params(Group(graph.input(f"w1_{i}", nodes=True) for i in inputs), graph.input("w2", nodes=True),
                  graph.input("bias"))


# == programs in the floats dialect ===============================================================
def weight_variables(hidden_nodes: int) -> list:
    """The floats dialect's variable of each weight, in flat order (core.model.layout): a0.. from
    x1, b0.. from x2, c0.. from the bias input, o0.. into the output and its bias ob."""
    def variable(key):
        if key[0] == "hidden":
            return f"{'abc'[key[1]]}{key[2]}"
        last = key[1] == places.output_size(hidden_nodes) - 1
        return "ob" if last else f"o{key[1]}"
    return [variable(w.key) for w in places.layout(hidden_nodes).weights]


def _float_inputs(graph: Graph, p: Params) -> dict:
    where = places.layout(graph.hidden_nodes)
    names = weight_variables(graph.hidden_nodes)
    if p.hidden is None:
        return dict(zip(p.output, names, strict=True))
    inputs = {w: names[where.from_input(i)] for i, w in enumerate(p.hidden)}
    inputs[p.output] = names[where.output_nodes]
    inputs[p.bias] = names[where.output_bias]
    return inputs


def _float_row(hidden_nodes, activation, loss, article):
    graph = Graph(hidden_nodes)
    f = Floats(graph)
    p = traced_params(graph)
    x = (graph.input("x1"), graph.input("x2"), 1.0)
    yt, alpha = graph.input("yt"), graph.input("alpha")
    row = row_update(f, p, x, yt, alpha, activation, loss, article)
    inputs = _float_inputs(graph, p) | {x[0]: "x1", x[1]: "x2", yt: "yt", alpha: "alpha"}
    return graph, p, row, inputs


def _new_weights(p: Params, after: Params) -> list:
    """(new value, the old value's input node) per weight group."""
    if p.hidden is None:
        return list(zip(after.output, p.output, strict=True))
    return list(zip(after.hidden, p.hidden, strict=True)) + [(after.output, p.output), (after.bias, p.bias)]


@lru_cache(maxsize=64)
def online_row_lines(hidden_nodes: int, activation: str, loss: str, article: bool) -> tuple:
    """The source of one online row update over floats: reads the weights' variables
    (weight_variables), x1, x2, yt and alpha; updates the weights in place and adds the row's
    loss to `total`."""
    graph, p, row, inputs = _float_row(hidden_nodes, activation, loss, article)
    outputs = [(row.loss, ("add", "total"))]
    outputs += [(new, ("set", inputs[old])) for new, old in _new_weights(p, row.after)]
    return tuple(FloatSource(graph, inputs, FLOAT_TEMPLATES, outputs).lines)


@lru_cache(maxsize=64)
def row_function(hidden_nodes: int, activation: str, loss: str, article: bool):
    """f(weights, x1, x2, yt, alpha) -> {name: value} with every quantity of one online row
    update (a value over the hidden nodes is a tuple, the weights from the inputs and their
    gradients a tuple per input), computed by the same source as the kernels'."""
    graph, p, row, inputs = _float_row(hidden_nodes, activation, loss, article)
    fw, grads, after = row.forward, row.gradients, row.after
    values = {"u": fw.u, "h": fw.h, "d": fw.d, "v": fw.v, "yp": fw.yp, "dv": row.dv, "loss": row.loss,
              "g": row.g, "used": row.used, "e": row.e, "grad_hidden": grads.hidden,
              "grad_output": grads.output, "grad_bias": grads.bias, "hidden": after.hidden,
              "output": after.output, "bias": after.bias}
    kept = [(v, ("keep", None)) for value in values.values() if value is not None
            for v in (value if isinstance(value, Group) else (value,))]
    source = FloatSource(graph, inputs, FLOAT_TEMPLATES, kept)

    def shown(value):
        if value is None:
            return "None"
        if isinstance(value, Group):
            return "(" + ", ".join(shown(v) for v in value) + ",)"
        names = source.variables(value)
        return f"({', '.join(names)},)" if getattr(value, "nodes", False) else names[0]

    weights = ", ".join(weight_variables(hidden_nodes))
    body = [f"{weights}, = w", *source.lines,
            "return {" + ", ".join(f"{k!r}: {shown(v)}" for k, v in values.items()) + "}"]
    text = "def row(w, x1, x2, yt, alpha):\n" + "\n".join("    " + line for line in body)
    return compile_function(text, "row", f"<row math H={hidden_nodes}>")


def compile_function(text: str, function: str, filename: str, **extra):
    namespace = {"exp": math.exp, "log1p": math.log1p, "tanh": math.tanh, "np": np, **extra}
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


def _array_inputs(graph: Graph, p: Params):
    """({weight input node: local name}, the lines taking each name's view of P)."""
    where = places.layout(graph.hidden_nodes)
    if p.hidden is None:
        named = [(w, local, f"P[{i}]") for i, (w, local) in enumerate(zip(p.output, weight_variables(0)))]
    else:
        named = [(w, "abc"[i], f"P[{where.from_input(i).start}:{where.from_input(i).stop}]")
                 for i, w in enumerate(p.hidden)]
        nodes = where.output_nodes
        named += [(p.output, "o", f"P[{nodes.start}:{nodes.stop}]"),
                  (p.bias, "ob", f"P[{where.output_bias}]")]
    return {node: local for node, local, _ in named}, [f"{local} = {view}" for _, local, view in named]


@lru_cache(maxsize=32)
def array_program(kind: str, hidden_nodes: int, activation: str, loss: str, article: bool,
                  targets: tuple) -> ArrayProgram:
    """The traced code of an online step, a batch step or an evaluation for these settings
    (a row's inputs and targets are constants of the code)."""
    graph = Graph(hidden_nodes)
    f = Arrays(graph)
    p = traced_params(graph)
    alpha = graph.input("alpha")
    inputs, views = _array_inputs(graph, p)
    inputs[alpha] = "alpha"
    columns = (RowConstant(r[0] for r in ROWS), RowConstant(r[1] for r in ROWS), 1.0)
    if kind == ONLINE:
        total, after = online_step(f, p, targets, alpha, activation, loss, article)
        outputs = [(total, "total")] + [(new, inputs[old]) for new, old in _new_weights(p, after)]
    elif kind == BATCH:
        total, descended = batch_step(f, p, columns, RowConstant(targets), alpha, activation, loss)
        outputs = [(total, "total"), (descended, None)]
    else:
        fw = forward(f, p, columns, activation)
        total = f.row_sum(row_loss(f, fw.v, fw.yp, RowConstant(targets), loss, batch=True))
        outputs = [(fw.yp, "predictions"), (total, "total")]
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
