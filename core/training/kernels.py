"""Fast online (per-row) training steps in plain Python floats.

A NumPy call costs about a microsecond, and one row of the article's network
is only a few dozen multiply-adds, so array code spends its time in call
overhead (docs/design.md). Instead, for each network shape the row's update is
traced from its one definition (core.model.step.row_update) into straight-line
Python source over local float variables, wrapped here in the loop over steps and
rows with the divergence and target checks, and compiled once.
"""

from functools import lru_cache
from math import isfinite

from core.model.step import SGD, compile_function, loss_scale, online_row_lines, state_variables
from core.training.states import End

# What a kernel returns: not ended, or how its run ended.
OK, DIVERGED, TARGET_REACHED = int(End.NONE), int(End.DIVERGED), int(End.TARGET_LOSS)


def kernel_source(hidden_nodes, activation, loss, article, optimizer=SGD):
    variables = state_variables(hidden_nodes, optimizer)
    names = ", ".join(variables)
    row = online_row_lines(hidden_nodes, activation, loss, article, optimizer)
    body = [
        f"{names}, = w",
        "_scale = loss_scale(len(rows))",
        "for _ in range(n):",
        f"    _prev = ({names},)",
        "    total = 0.0",
        "    for x1, x2, yt in rows:",
        *("        " + line for line in row),
        "    if _scale is not None:",  # a grid's loss per four rows (step.loss_scale)
        "        total = total * _scale",
        f"    _check = total + {' + '.join(variables)}",
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
def online_kernel(hidden_nodes: int, activation: str, loss: str, article: bool, optimizer: str = SGD):
    """kernel(w, alpha, rows, n, target, out) runs up to n online steps in place.

    w: the run's state as a flat list (updated): the weights, then the optimizer's state
    (core.model.layout.state_layout; plain descent has none); rows: ((x1, x2, yt), ...), a gate's
    four or a function's grid; out: list that receives each completed step's loss (per four rows:
    core.model.step.loss_scale). Returns OK, DIVERGED (w holds the
    state before the failing step, which is not recorded) or TARGET_REACHED
    (after recording the step whose loss fell below target).
    """
    return compile_function(kernel_source(hidden_nodes, activation, loss, article, optimizer), "kernel",
                            f"<online kernel H={hidden_nodes}>", isfinite=isfinite, DIVERGED=DIVERGED,
                            TARGET_REACHED=TARGET_REACHED, OK=OK, loss_scale=loss_scale)
