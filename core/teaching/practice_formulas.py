"""What practice asks, in order: each quantity of one row update with its symbol and formula in
both notations (GateLab's and the article's) and the formula with the numbers put in.

The order is the one a learner works in on paper: the forward pass, the loss, the output node's
chain-rule factors, gradients and updated weights, then the hidden nodes'. In the article's
update order the hidden deltas use the output weights just updated; in the textbook order, the
old ones. Plain Unicode text: the command line, the worksheet and the window show the same.
"""

from collections.abc import Callable
from dataclasses import dataclass

from core.model.layout import ARTICLE, GATELAB, article_node, layout
from core.teaching.practice_numbers import Numbers
from core.teaching.row_math import RowMath, format_number

MINUS, DOT = "−", "·"


@dataclass(frozen=True)
class Asked:
    """One quantity to compute: `get` reads it from a row update's Numbers."""

    key: str
    get: Callable[[Numbers], float]
    symbol: dict  # notation -> the quantity's symbol
    formula: dict  # notation -> its formula in symbols
    numbers: str  # the formula with this row's numbers put in (the same in both notations)
    kind: str  # forward, loss, factor, gradient, update (for the slips that apply)


def _n(value) -> str:
    return format_number(value)


def _f(value) -> str:
    """A number inside a product or sum: negative ones in parentheses."""
    text = _n(value)
    return f"({text})" if text.startswith(MINUS) else text


def _both(gatelab: str, article: str | None = None) -> dict:
    return {GATELAB: gatelab, ARTICLE: gatelab if article is None else article}


class _Names:
    """The symbols of one model in both notations."""

    def __init__(self, hidden_nodes: int):
        self.hidden_nodes = hidden_nodes
        self.places = layout(hidden_nodes).weights

    def weight(self, index: int) -> dict:
        place = self.places[index]
        return _both(place.gatelab, place.article)

    def node(self, letter: str, j: int) -> dict:
        return _both(f"{letter}{j + 1}", f"{letter}{article_node(j + 1)}")

    def input(self, i: int) -> dict:
        if i == 2:
            return _both("1")
        return _both(f"x{i + 1}", f"x{i}")


def _join(parts: list[dict], glue: str) -> dict:
    return {k: glue.join(p[k] for p in parts) for k in (GATELAB, ARTICLE)}


def _map(template: str, **symbols: dict) -> dict:
    return {k: template.format(**{name: s[k] for name, s in symbols.items()}) for k in (GATELAB, ARTICLE)}


def _activation(activation: str, u: dict, value: float) -> tuple[dict, str]:
    if activation == "sigmoid":
        return _map("1 / (1 + e^(−{u}))", u=u), f"1 / (1 + e^(−{_f(value)}))"
    if activation == "tanh":
        return _map("tanh({u})", u=u), f"tanh({_n(value)})"
    return _map("max(0, {u})", u=u), f"max(0, {_n(value)})"


def _slope(activation: str, u: dict, h: dict, value_u: float, value_h: float) -> tuple[dict, str]:
    if activation == "sigmoid":
        return _map("{h} (1 − {h})", h=h), f"{_f(value_h)}{DOT}(1 − {_f(value_h)})"
    if activation == "tanh":
        return _map("1 − {h}²", h=h), f"1 − {_f(value_h)}²"
    return _map("1 if {u} > 0, else 0", u=u), f"1 if {_n(value_u)} > 0, else 0"


def asked(m: RowMath) -> list[Asked]:
    """Every quantity of m's row update that practice asks for, in the order asked."""
    names = _Names(m.hidden_nodes)
    if m.hidden_nodes == 0:
        return _forward_two_layer(m, names) + _loss(m, "u") + _output(m, names, "u")
    return (_forward_hidden(m, names) + _forward_output(m, names) + _loss(m, "v")
            + _output(m, names, "v") + _hidden(m, names))


def _sum_of(m: RowMath, weights: list[int], names: _Names, values) -> tuple[dict, str]:
    terms = [_map("{x}·{w}", x=names.input(i), w=names.weight(k)) for i, k in enumerate(weights)]
    numbers = " + ".join(f"{_n(x)}{DOT}{_f(w)}" for x, w in zip(m.x, values))
    return _join(terms, " + "), numbers


def _forward_two_layer(m, names) -> list[Asked]:
    formula, numbers = _sum_of(m, [0, 1, 2], names, m.before.output)
    yp, yp_n = _activation("sigmoid", _both("u"), m.v)
    return [Asked("sum", lambda n: n.v, _both("u"), formula, numbers, "forward"),
            Asked("yp", lambda n: n.yp, _both("yp"), yp, yp_n, "forward")]


def _forward_hidden(m, names) -> list[Asked]:
    out = []
    where = layout(m.hidden_nodes)
    for j in range(m.hidden_nodes):
        u, h = names.node("u", j), names.node("h", j)
        indices = [where.index(("hidden", i, j)) for i in range(3)]
        formula, numbers = _sum_of(m, indices, names, m.before.hidden[:, j])
        out.append(Asked(f"u{j}", lambda n, j=j: n.u[j], u, formula, numbers, "forward"))
        act, act_n = _activation(m.activation, u, m.u[j])
        out.append(Asked(f"h{j}", lambda n, j=j: n.h[j], h, act, act_n, "forward"))
    return out


def _forward_output(m, names) -> list[Asked]:
    where = layout(m.hidden_nodes)
    terms = [_map("{h}·{w}", h=names.node("h", j), w=names.weight(where.index(("output", j))))
             for j in range(m.hidden_nodes)]
    terms.append(_map("1·{w}", w=names.weight(where.output_bias)))
    numbers = [f"{_f(h)}{DOT}{_f(w)}" for h, w in zip(m.h, m.before.output)]
    numbers.append(f"1{DOT}{_f(m.before.output[-1])}")
    yp, yp_n = _activation("sigmoid", _both("v"), m.v)
    return [Asked("sum", lambda n: n.v, _both("v"), _join(terms, " + "), " + ".join(numbers), "forward"),
            Asked("yp", lambda n: n.yp, _both("yp"), yp, yp_n, "forward")]


def _loss(m, total: str) -> list[Asked]:
    if m.loss == "squared":
        formula, numbers = "½ (yp − yt)²", f"½ ({_n(m.yp)} − {_n(m.yt)})²"
    else:
        formula = "−(yt log yp + (1 − yt) log(1 − yp))"
        numbers = f"−({_n(m.yt)}{DOT}log {_n(m.yp)} + (1 − {_n(m.yt)}){DOT}log(1 − {_n(m.yp)}))"
    return [Asked("loss", lambda n: n.row_loss, _both("L"), _both(formula), numbers, "loss")]


def _output(m, names, total: str) -> list[Asked]:
    """∂L/∂yp and f'(total) (squared loss), δout, the output weights' gradients and updates."""
    delta = _both("δout" if m.hidden_nodes else "δ")
    out = []
    if m.loss == "squared":
        out.append(Asked("error", lambda n: n.error, _both("∂L/∂yp"), _both("yp − yt"),
                         f"{_n(m.yp)} − {_n(m.yt)}", "factor"))
        out.append(Asked("slope_out", lambda n: n.dv, _both(f"f′({total})"), _both("yp (1 − yp)"),
                         f"{_f(m.yp)}{DOT}(1 − {_f(m.yp)})", "factor"))
        out.append(Asked("delta_out", lambda n: n.delta_out, delta, _both(f"(yp − yt)·f′({total})"),
                         f"{_f(m.yp - m.yt)}{DOT}{_f(m.dv)}", "factor"))
    else:
        out.append(Asked("delta_out", lambda n: n.delta_out, delta, _both("yp − yt"),
                         f"{_n(m.yp)} − {_n(m.yt)}", "factor"))
    sources = [names.input(i) for i in range(3)] if m.hidden_nodes == 0 else \
        [names.node("h", j) for j in range(m.hidden_nodes)] + [_both("1")]
    values = m.x if m.hidden_nodes == 0 else list(m.h) + [1.0]
    offset = layout(m.hidden_nodes).output.start
    for k, (source, value) in enumerate(zip(sources, values)):
        out.append(_gradient(f"grad_o{k}", names.weight(offset + k), delta, source, m.delta_out, value,
                             lambda n, k=k: n.grad_output[k]))
    for k in range(len(sources)):
        out.append(_update(m, f"new_o{k}", names, offset + k, lambda n, k=k: n.after.output[k]))
    return out


def _gradient(key, weight, delta, source, delta_value, source_value, get) -> Asked:
    symbol = _map("∂L/∂{w}", w=weight)
    return Asked(key, get, symbol, _map("{d}·{s}", d=delta, s=source),
                 f"{_f(delta_value)}{DOT}{_f(source_value)}", "gradient")


def _update(m, key, names, index, get) -> Asked:
    """A weight after the update: w − α ∂L/∂w, or the optimizer's rule."""
    weight = names.weight(index)
    grad = m.gradients.flat()[index]
    old = m.before.flat()[index]
    symbol = _map("{w} (new)", w=weight)
    if m.optimizer == "sgd":
        return Asked(key, get, symbol, _map("{w} − α·∂L/∂{w}", w=weight),
                     f"{_n(old)} − {_n(m.alpha)}{DOT}{_f(grad)}", "update")
    if m.optimizer == "momentum":
        vel = m.slot_before("velocity")[index]
        return Asked(key, get, symbol, _map("{w} − α·(0.9·vel[{w}] + ∂L/∂{w})", w=weight),
                     f"{_n(old)} − {_n(m.alpha)}{DOT}(0.9{DOT}{_f(vel)} + {_f(grad)})", "update")
    first, second, t = m.slot_before("m")[index], m.slot_before("v")[index], m.t
    t_n = _n(t)
    formula = _map("{w} − α·m̂ / (√v̂ + 10⁻⁸), m̂ = (0.9·m[{w}] + 0.1·∂L/∂{w}) / (1 − 0.9^t), "
                   "v̂ = (0.999·v[{w}] + 0.001·(∂L/∂{w})²) / (1 − 0.999^t)", w=weight)
    numbers = (f"{_n(old)} − {_n(m.alpha)}{DOT}m̂ / (√v̂ + 10⁻⁸), "
               f"m̂ = (0.9{DOT}{_f(first)} + 0.1{DOT}{_f(grad)}) / (1 − 0.9^{t_n}), "
               f"v̂ = (0.999{DOT}{_f(second)} + 0.001{DOT}{_f(grad)}²) / (1 − 0.999^{t_n})")
    return Asked(key, get, symbol, formula, numbers, "update")


def _hidden(m, names) -> list[Asked]:
    where = layout(m.hidden_nodes)
    out = []
    for j in range(m.hidden_nodes):
        u, h = names.node("u", j), names.node("h", j)
        slope, slope_n = _slope(m.activation, u, h, m.u[j], m.h[j])
        d_symbol = _map("f′({u})", u=u)
        out.append(Asked(f"slope{j}", lambda n, j=j: n.dh[j], d_symbol, slope, slope_n, "factor"))
        w2 = names.weight(where.index(("output", j)))
        used = _map("{w} (new)", w=w2) if m.article_order else w2
        delta = names.node("δ", j)
        out.append(Asked(f"delta{j}", lambda n, j=j: n.delta_hidden[j], delta,
                         _map("δout·{w}·{d}", w=used, d=d_symbol),
                         f"{_f(m.delta_out)}{DOT}{_f(m.w2_used[j])}{DOT}{_f(m.dh[j])}", "factor"))
    for j in range(m.hidden_nodes):
        for i in range(3):
            index = where.index(("hidden", i, j))
            out.append(_gradient(f"grad_h{i}_{j}", names.weight(index), names.node("δ", j), names.input(i),
                                 m.delta_hidden[j], m.x[i], lambda n, i=i, j=j: n.grad_hidden[i, j]))
    for j in range(m.hidden_nodes):
        for i in range(3):
            out.append(_update(m, f"new_h{i}_{j}", names, where.index(("hidden", i, j)),
                               lambda n, i=i, j=j: n.after.hidden[i, j]))
    return out
