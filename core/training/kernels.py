"""Fast online (per-row) training steps in plain Python floats.

A NumPy call costs about a microsecond, and one row of the article's network
is only a few dozen multiply-adds, so array code spends its time in call
overhead (docs/design.md). Instead, for each network shape we write out the row's
formulas as straight-line Python source over local float variables, once, and
compile it. The result is checked against the NumPy reference in
`core.model.network` by the tests.
"""

from functools import lru_cache
from math import exp, isfinite, log1p, tanh

from core.training.states import End

# What a kernel returns: not ended, or how its run ended.
OK, DIVERGED, TARGET_REACHED = int(End.NONE), int(End.DIVERGED), int(End.TARGET_LOSS)


def _sigmoid(dst, src):
    return [f"if {src} >= 0.0:", f"    {dst} = 1.0 / (1.0 + exp(-{src}))", "else:",
            f"    _e = exp({src})", f"    {dst} = _e / (1.0 + _e)"]


def _hidden(activation, j):
    u, h, d = f"u{j}", f"h{j}", f"d{j}"
    if activation == "sigmoid":
        return _sigmoid(h, u) + [f"{d} = {h} * (1.0 - {h})"]
    if activation == "tanh":
        return [f"{h} = tanh({u})", f"{d} = 1.0 - {h} * {h}"]
    return [f"if {u} > 0.0:", f"    {h} = {u}", f"    {d} = 1.0",
            "else:", f"    {h} = 0.0", f"    {d} = 0.0"]


def _loss(loss):
    """Adds the row's loss to `total` and sets g = dL/dv."""
    if loss == "squared":
        return ["_r = yp - yt", "total += 0.5 * _r * _r", "g = _r * yp * (1.0 - yp)"]
    return ["total += (v if v > 0.0 else 0.0) + log1p(exp(-abs(v))) - yt * v", "g = yp - yt"]


def _row_body(hidden_nodes, activation, loss, article):
    if hidden_nodes == 0:
        lines = ["v = o0 * x1 + o1 * x2 + ob"] + _sigmoid("yp", "v") + _loss(loss)
        lines += ["s = alpha * g", "o0 -= s * x1", "o1 -= s * x2", "ob -= s"]
        return lines
    lines = []
    nodes = range(hidden_nodes)
    for j in nodes:
        lines.append(f"u{j} = a{j} * x1 + b{j} * x2 + c{j}")
        lines += _hidden(activation, j)
    lines.append("v = " + " + ".join(f"o{j} * h{j}" for j in nodes) + " + ob")
    lines += _sigmoid("yp", "v") + _loss(loss)
    hidden_deltas = [f"e{j} = g * o{j} * d{j}" for j in nodes]
    output_update = ["s = alpha * g"] + [f"o{j} -= s * h{j}" for j in nodes] + ["ob -= s"]
    # The article's code updates the output weights first and then uses the
    # new ones in the hidden delta; textbook backprop uses the old ones.
    lines += output_update + hidden_deltas if article else hidden_deltas + output_update
    for j in nodes:
        lines += [f"s = alpha * e{j}", f"a{j} -= s * x1", f"b{j} -= s * x2", f"c{j} -= s"]
    return lines


def weight_names(hidden_nodes):
    """Local names in Weights.flat() order: hidden row-major (x1, x2, bias), then output."""
    if hidden_nodes == 0:
        return ["o0", "o1", "ob"]
    nodes = range(hidden_nodes)
    hidden = [f"a{j}" for j in nodes] + [f"b{j}" for j in nodes] + [f"c{j}" for j in nodes]
    return hidden + [f"o{j}" for j in nodes] + ["ob"]


def kernel_source(hidden_nodes, activation, loss, article):
    names = ", ".join(weight_names(hidden_nodes))
    row = _row_body(hidden_nodes, activation, loss, article)
    body = [
        f"{names}, = w",
        "for _ in range(n):",
        f"    _prev = ({names},)",
        "    total = 0.0",
        "    for x1, x2, yt in rows:",
        *("        " + line for line in row),
        f"    _check = total + {' + '.join(weight_names(hidden_nodes))}",
        "    if not isfinite(_check) and not all(isfinite(z) for z in (total, " + names + ")):",
        "        w[:] = _prev",
        "        return DIVERGED",
        "    out.append(total)",
        "    if total < target:",
        f"        w[:] = ({names},)",
        "        return TARGET_REACHED",
        f"w[:] = ({names},)",
        "return OK",
    ]
    return "def kernel(w, alpha, rows, n, target, out):\n" + "\n".join("    " + b for b in body)


@lru_cache(maxsize=64)
def online_kernel(hidden_nodes: int, activation: str, loss: str, article: bool):
    """kernel(w, alpha, rows, n, target, out) runs up to n online steps in place.

    w: flat weight list (updated); rows: ((x1, x2, yt), ...); out: list that
    receives each completed step's loss. Returns OK, DIVERGED (w holds the
    weights before the failing step, which is not recorded) or TARGET_REACHED
    (after recording the step whose loss fell below target).
    """
    namespace = {"exp": exp, "isfinite": isfinite, "log1p": log1p, "tanh": tanh,
                 "DIVERGED": DIVERGED, "TARGET_REACHED": TARGET_REACHED, "OK": OK}
    source = kernel_source(hidden_nodes, activation, loss, article)
    exec(compile(source, f"<online kernel H={hidden_nodes}>", "exec"), namespace)
    return namespace["kernel"]
