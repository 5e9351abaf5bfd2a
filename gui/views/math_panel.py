"""MathPanel: the article's formulas for one row update, with the live numbers in them.

The student walks one online update phase by phase (forward -> loss ->
backward -> update), row after row, with Next. All numbers come from
`core.teaching.row_math`; this module only writes them into formulas (Qt rich text:
italic variables, sub- and superscripts, Unicode symbols) and says where the
article's text differs from the correct math.
"""

import html as html_text
import re

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.model.gates import ROWS
from core.model.layout import BIAS_INPUT, INPUT_COUNT, index_pair, layout, output_size
from core.teaching.notation import (
    ARTICLE,
    GATELAB,
    article_input,
    article_node,
    article_weight,
    symbol_table,
)
from core.teaching.row_math import (
    BACKWARD,
    FORWARD,
    LOSS,
    PHASES,
    UPDATE,
    RowStepper,
    format_number,
    shown_nodes,
)
from core.training import states

_STYLE = """
p { margin-top: 3px; margin-bottom: 3px; }
p.f { font-family: 'DejaVu Serif', 'Cambria Math', 'Times New Roman', serif; margin-left: 14px; }
p.h { font-weight: bold; margin-top: 10px; }
p.step { color: #0b5394; font-size: small; margin-top: 8px; margin-bottom: 0px; }
p.hint { color: #5a5a5a; margin-left: 14px; }
td.note { background-color: #fff3cd; color: #5c3c00; }
"""
SIDEWAYS_SLACK = 2  # pixels the laid-out text may pass the panel's edge with no scroll bar
_CURRENT_PHASE = "background-color: #0969da; color: white; font-weight: bold;"

# -- symbols (formula notation needs no translation) --------------------------------------
YP, YT, ALPHA = "<i>y</i><sub>p</sub>", "<i>y</i><sub>t</sub>", "<i>α</i>"
DELTA_OUT = "<i>δ</i><sub>out</sub>"
MINUS, DOT, ARROW = "−", "·", "←"
F, F_PRIME = "<i>f</i>", "<i>f</i>\u202f′"  # a narrow no-break space keeps the prime off the italic f


def _x(i):
    return f"<i>x</i><sub>{i}</sub>"


def _w(i):
    return f"<i>w</i><sub>{i}</sub>"


def _w1(i, j, hidden_nodes):
    return f"<i>w</i><sup>(1)</sup><sub>{index_pair(i, j, hidden_nodes)}</sub>"


def _w2(j):
    return f"<i>w</i><sup>(2)</sup><sub>{j}</sub>"


def _node(symbol, j):
    return f"<i>{symbol}</i><sub>{j}</sub>"


def _d(symbol):
    """∂L/∂(symbol), the slope of the loss."""
    return f"∂<i>L</i>/∂{symbol}"


def _n(value):
    return format_number(value)


def _factor(value):
    """A number inside a product: negative ones in parentheses."""
    text = _n(value)
    return f"({text})" if text.startswith(MINUS) else text


def _equation(*parts, gap=False):
    """`a = b = c = result` with the result in bold; `gap` sets a group of lines apart. A
    narrow dock wraps the line only after an "=" or a "+", never inside a term: it used to
    break formulas anywhere (between "(yp" and "− yt)")."""
    *steps, result = parts
    style = ' style="margin-top: 10px;"' if gap else ""
    kept = [_unbreakable(part) for part in steps + [f"<b>{result}</b>"]]
    return f'<p class="f"{style}>' + " = ".join(kept) + "</p>"


def _unbreakable(part: str) -> str:
    """The part's spaces made no-break, but for the one after a "+", a "−" or a "/" outside
    parentheses (a long sum or update may wrap between its terms, never inside the
    parentheses of 1 / (1 + e^-u)). Without those, a part wider than a narrow panel was broken anywhere by
    Qt, once between "10^−8" and its ")". The parts hold only attribute-free tags, so no tag
    has a space to keep."""
    out, depth = [], 0
    for k, c in enumerate(part):
        depth += (c == "(") - (c == ")")
        out.append(" " if c == " " and depth == 0 and part[k - 1:k] in BREAK_AFTER else
                   "\xa0" if c == " " else c)
    return "".join(out)


BREAK_AFTER = ("+", MINUS, "/")  # a formula may wrap after these, outside parentheses


def _sigmoid_of(symbol, value):
    """f(z) = 1 / (1 + e^(−z)) written out for the symbol z, then with its value."""
    return (f"1 / (1 + <i>e</i><sup>{MINUS}{symbol}</sup>)",
            f"1 / (1 + <i>e</i><sup>{MINUS}{_factor(value)}</sup>)")


def _sum(terms):
    return " + ".join(terms)


def _output_factors(m, total):
    """The chain's first factors, up to the output's input sum `total` (v, or u in the
    2-layer model): ∂L/∂yp and ∂yp/∂total for the squared loss; for cross-entropy the two
    are one, ∂L/∂total = yp − yt. (names, formulas, values)."""
    error = f"({YP} {MINUS} {YT})"
    if m.loss == "squared":
        return ([f"∂<i>L</i>/∂{YP}", f"∂{YP}/∂{total}"], [error, f"{F_PRIME}({total})"],
                [m.yp - m.yt, m.dv])
    return [f"∂<i>L</i>/∂{total}"], [error], [m.yp - m.yt]


def _first_input(m) -> int:
    """The first input of the row that is not 0 (the bias input, 1, at the latest)."""
    return next(i for i in range(INPUT_COUNT) if m.x[i] != 0)


def _state(name, symbol):
    """An optimizer's state of a weight: vel[w], m[w], m̂[w] (core.model.layout's symbols)."""
    return f"<i>{name}</i>[{symbol}]"


def _input_symbol(i):
    return _x(i + 1) if i != BIAS_INPUT else "1"


class _Writer(QObject):
    """Writes each phase of a RowMath as rich text; every sentence goes through tr()."""

    # -- shared pieces -------------------------------------------------------------
    def note(self, text):
        label = self.tr("Note:")
        return (f'<table width="100%" cellpadding="6" cellspacing="0" style="margin-top: 8px;">'
                f'<tr><td class="note"><b>{label}</b> {text}</td></tr></table>')

    def hint(self, text):
        return f'<p class="hint">{text}</p>'

    def heading(self, text):
        return f'<p class="h">{text}</p>'

    def step(self, numbers, what):
        """The article's step number(s) for the lines below, so a reader can follow both."""
        label = (self.tr("Article step {0}").format(numbers[0]) if len(numbers) == 1 else
                 self.tr("Article steps {0} and {1}").format(*numbers))
        return f'<p class="step">▸ {label}: {what}</p>'

    def likewise(self, hidden_nodes):
        nodes, left_out = shown_nodes(hidden_nodes)
        if not left_out:
            return ""
        return self.hint(self.tr("… and likewise for the other nodes, {j} = {first} … {last}.")
                         .format(j="<i>j</i>", first=len(nodes) + 1, last=hidden_nodes))

    def row_line(self, m):
        x1, x2 = ROWS[m.row]
        return "<p>" + self.tr("Row [{x1}, {x2}]: inputs {sx1} = {x1}, {sx2} = {x2} and the bias input 1; "
                               "the target is {yt} = {t}.").format(
            x1=int(x1), x2=int(x2), sx1=_x(1), sx2=_x(2), yt=YT, t=_n(m.yt)) + "</p>"

    # -- forward ---------------------------------------------------------------------
    def forward(self, m):
        if m.hidden_nodes == 0:
            return self._forward_two_layer(m)
        return self._forward_three_layer(m)

    def _forward_two_layer(self, m):
        w = m.before.output
        symbolic = _sum([f"{_x(1)}{_w(1)}", f"{_x(2)}{_w(2)}", f"1{DOT}{_w(3)}"])
        numbers = _sum(f"{_n(xi)}{DOT}{_factor(wi)}" for xi, wi in zip(m.x, w))
        sig, sig_n = _sigmoid_of("<i>u</i>", m.v)
        return "".join([
            self.heading(self.tr("Forward pass: the neuron adds up its weighted inputs, then {f} squashes "
                                 "the sum into a prediction between 0 and 1.").format(f=F)),
            self.row_line(m),
            self.step((1,), self.tr("the sum of the inputs times their weights")),
            _equation(f"<i>u</i> = Σ<sub><i>i</i></sub> {_x('<i>i</i>')}{_w('<i>i</i>')}", symbolic,
                      numbers, _n(m.v)),
            self.step((2,), self.tr("the sum through the activation function")),
            _equation(f"{YP} = <i>f</i>(<i>u</i>)", sig, sig_n, _n(m.yp)),
            self.hint(self.tr("{f} is the sigmoid function; the bias input is always 1, so {w3} acts as "
                              "the neuron's threshold.").format(f=F, w3=_w(3))),
        ])

    def _forward_three_layer(self, m):
        hidden_nodes = m.hidden_nodes
        parts = [self.heading(self.tr("Forward pass: each hidden node adds up its weighted inputs and "
                                      "applies its activation; the output node does the same with the "
                                      "hidden nodes.")),
                 self.row_line(m),
                 self.step((1, 2), self.tr("each hidden node's weighted sum, then its activation"))]
        for j in shown_nodes(hidden_nodes)[0]:
            parts += self._hidden_node_forward(m, j)
        parts.append(self.likewise(hidden_nodes))
        bias = output_size(hidden_nodes)  # the bias node is the last one into the output
        parts.append(self.hint(self.tr("{h} = 1 is the bias node: it always outputs 1.")
                               .format(h=_node("h", bias))))
        parts.append(self.step((3,), self.tr("the hidden nodes times the second-layer weights")))
        parts.append(self._output_sum(m))
        sig, sig_n = _sigmoid_of("<i>v</i>", m.v)
        parts.append(self.step((4,), self.tr("the sum through the activation function")))
        parts.append(_equation(f"{YP} = <i>f</i>(<i>v</i>)", sig, sig_n, _n(m.yp)))
        # The article's code always sets hidden_layers = 3, whatever this network has.
        parts.append(self.note(self.tr(
            "the article's code sets hidden_layers = 3, but that counts the bias node too: it "
            "means 2 hidden nodes plus the bias node (this network has {h} hidden nodes and the "
            "bias node {bias}). Its 3D-plot helper also uses w1[0] for both inputs (x2 needs "
            "w1[1]) and prints x1 on the way; GateLab's 3D view uses each input's own "
            "weights.").format(h=hidden_nodes, bias=_node("h", bias))))
        return "".join(parts)

    def _hidden_node_forward(self, m, j):
        n, k = m.hidden_nodes, j + 1
        w = m.before.hidden[:, j]
        symbolic = _sum([f"{_x(1)}{_w1(1, k, n)}", f"{_x(2)}{_w1(2, k, n)}", f"1{DOT}{_w1(3, k, n)}"])
        numbers = _sum(f"{_n(xi)}{DOT}{_factor(wi)}" for xi, wi in zip(m.x, w))
        u_k, h_k = _node("u", k), _node("h", k)
        lines = [_equation(f"{u_k} = Σ<sub><i>i</i></sub> {_x('<i>i</i>')}{_w1('<i>i</i>', k, n)}",
                           symbolic, numbers, _n(m.u[j]), gap=True)]
        if m.activation == "sigmoid":
            sig, sig_n = _sigmoid_of(u_k, m.u[j])
            lines.append(_equation(f"{h_k} = <i>f</i>({u_k})", sig, sig_n, _n(m.h[j])))
        elif m.activation == "tanh":
            lines.append(_equation(f"{h_k} = tanh({u_k})", f"tanh({_n(m.u[j])})", _n(m.h[j])))
        else:
            lines.append(_equation(f"{h_k} = relu({u_k}) = max(0, {u_k})", f"max(0, {_n(m.u[j])})",
                                   _n(m.h[j])))
        return lines

    def _output_sum(self, m):
        n = m.hidden_nodes
        nodes, left_out = shown_nodes(n)
        indices = [j + 1 for j in nodes] + ([n] if left_out else [])
        symbolic = [f"{_node('h', k)}{_w2(k)}" for k in indices]
        numbers = [f"{_factor(m.h[k - 1])}{DOT}{_factor(m.before.output[k - 1])}" for k in indices]
        if left_out:
            symbolic.insert(-1, "…")
            numbers.insert(-1, "…")
        symbolic.append(f"1{DOT}{_w2(output_size(n))}")
        numbers.append(f"1{DOT}{_factor(m.before.output[-1])}")
        head = f"<i>v</i> = Σ<sub><i>j</i></sub> {_node('h', '<i>j</i>')}{_w2('<i>j</i>')}"
        return _equation(head, _sum(symbolic), _sum(numbers), _n(m.v), gap=True)

    # -- loss --------------------------------------------------------------------------
    def loss(self, m, stepper):
        parts = [self.heading(self.tr("Loss: how far the prediction is from the target.")),
                 self.step((5 if m.hidden_nodes else 3,), self.tr("the squared error")
                           if m.loss == "squared" else self.tr("the loss (here cross-entropy)")),
                 self._loss_equation(m), self._step_loss_line(m, stepper)]
        if m.hidden_nodes and m.loss == "squared":
            parts.append(self.note(self.tr(
                "the article's 3-layer code adds up (y − yt)² without the ½, so its loss curve is twice "
                "this value; its gradients do use the ½, as here.")))
        return "".join(parts)

    def _loss_equation(self, m):
        if m.loss == "squared":
            return _equation(f"<i>L</i> = ½({YP} {MINUS} {YT})²",
                             f"½({_n(m.yp)} {MINUS} {_n(m.yt)})²", _n(m.row_loss))
        symbolic = f"<i>L</i> = {MINUS}({YT}{DOT}log {YP} + (1 {MINUS} {YT}){DOT}log(1 {MINUS} {YP}))"
        numbers = (f"{MINUS}({_n(m.yt)}{DOT}log {_n(m.yp)} + (1 {MINUS} {_n(m.yt)}){DOT}"
                   f"log(1 {MINUS} {_n(m.yp)}))")
        return _equation(symbolic, numbers, _n(m.row_loss)) + self.hint(self.tr(
            "Cross-entropy; log is the natural logarithm. The loss grows without limit as the "
            "prediction approaches the wrong value."))

    def _step_loss_line(self, m, stepper):
        values = [_n(v) for v in stepper.row_losses] + [_n(m.row_loss)]
        if m.row < len(ROWS) - 1:
            text = self.tr("Step {step}'s loss adds up its 4 rows, each taken before its own update: "
                           "{terms} + …").format(step=stepper.step_number, terms=" + ".join(values))
        else:
            total = sum(stepper.row_losses) + m.row_loss
            text = self.tr("Step {step}'s loss adds up its 4 rows, each taken before its own update: "
                           "{terms} = {total}, the value the loss plot shows for step {step}.").format(
                step=stepper.step_number, terms=" + ".join(values), total=_n(total))
        return self.hint(text)

    # -- backward ------------------------------------------------------------------------
    def backward(self, m):
        heading = self.heading(self.tr("Backward pass: how much the loss changes when each weight "
                                       "changes (the chain rule, from the output back)."))
        if m.hidden_nodes == 0:
            return heading + self.step((4,), self.tr("the loss differentiated by each weight")) + \
                self._backward_two_layer(m)
        return heading + self._backward_output(m) + self._backward_hidden(m)

    def _backward_two_layer(self, m):
        parts = []
        if m.loss == "squared":
            parts.append(_equation(f"{F_PRIME}(<i>u</i>) = {YP}(1 {MINUS} {YP})",
                                   f"{_n(m.yp)}{DOT}(1 {MINUS} {_n(m.yp)})", _n(m.dv)))
            chain = f"({YP} {MINUS} {YT}){DOT}{F_PRIME}(<i>u</i>)"
            chain_n = f"({_n(m.yp)} {MINUS} {_n(m.yt)}){DOT}{_factor(m.dv)}"
        else:
            parts.append(self.hint(self.tr("With cross-entropy the slope {slope} cancels out: {grad}.")
                                   .format(slope=f"{F_PRIME}(<i>u</i>)",
                                           grad=f"∂<i>L</i>/∂<i>u</i> = {YP} {MINUS} {YT}")))
            chain, chain_n = f"({YP} {MINUS} {YT})", f"({_n(m.yp)} {MINUS} {_n(m.yt)})"
        i = _first_input(m)  # an input that is not 0 here, so the product is not 0 for lack of it
        head = _output_factors(m, "<i>u</i>")
        parts.append(self._chain(
            _d(_w(i + 1)), head[0] + [f"∂<i>u</i>/∂{_w(i + 1)}"], head[1] + [_input_symbol(i)],
            head[2] + [m.x[i]], m.grad_output[i]))
        for i in range(INPUT_COUNT):
            parts.append(_equation(f"{_d(_w(i + 1))} = {chain}{DOT}{_input_symbol(i)}",
                                   f"{chain_n}{DOT}{_n(m.x[i])}", _n(m.grad_output[i])))
        if m.loss == "squared":
            parts.append(self.note(self.tr(
                "the article's step 4 writes its second line twice; the chain rule goes through "
                "{u}: {chain}.").format(u="<i>u</i>", chain=f"{_d(_w('<i>i</i>'))} = ({YP} {MINUS} "
                                                          f"{YT}){DOT}{F_PRIME}(<i>u</i>){DOT}"
                                                          f"{_x('<i>i</i>')}")))
        return "".join(parts)

    def _chain(self, target, names, symbols, values, product):
        """The chain rule for the gradient `target`: its factors by name, by formula and by
        value, and their product."""
        shown = list(zip(names, symbols, values))
        line = _equation(f"{target} = " + " · ".join(n for n, _, _ in shown),
                         " · ".join(sym for _, sym, _ in shown),
                         DOT.join(_factor(v) for _, _, v in shown), _n(product))
        label = self.tr("Chain rule, factor by factor:")
        return line.replace('<p class="f">', f'<p class="f" style="margin-top: 8px;"><i>{label}</i> ', 1)

    def _backward_output(self, m):
        n = m.hidden_nodes
        parts = [self.heading(self.tr("Output node")),
                 self.step((6,), self.tr("the loss differentiated by the second-layer weights"))]
        if m.loss == "squared":
            error, error_n = f"({YP} {MINUS} {YT})", f"({_n(m.yp)} {MINUS} {_n(m.yt)})"
            parts.append(_equation(f"{DELTA_OUT} = ∂<i>L</i>/∂<i>v</i> = {error}{DOT}{F_PRIME}(<i>v</i>)",
                                   f"{error}{DOT}{YP}(1 {MINUS} {YP})",
                                   f"{error_n}{DOT}{_n(m.yp)}{DOT}(1 {MINUS} {_n(m.yp)})",
                                   _n(m.delta_out)))
        else:
            parts.append(_equation(f"{DELTA_OUT} = ∂<i>L</i>/∂<i>v</i> = {YP} {MINUS} {YT}",
                                   f"{_n(m.yp)} {MINUS} {_n(m.yt)}", _n(m.delta_out)))
            parts.append(self.hint(self.tr("With cross-entropy the slope {slope} cancels out.")
                                   .format(slope=f"{F_PRIME}(<i>v</i>)")))
        head = _output_factors(m, "<i>v</i>")
        parts.append(self._chain(
            _d(_w2(1)), head[0] + [f"∂<i>v</i>/∂{_w2(1)}"], head[1] + [_node("h", 1)],
            head[2] + [m.h[0]], m.grad_output[0]))
        for j in shown_nodes(n)[0]:
            parts.append(_equation(f"{_d(_w2(j + 1))} = {DELTA_OUT}{DOT}{_node('h', j + 1)}",
                                   f"{_factor(m.delta_out)}{DOT}{_factor(m.h[j])}", _n(m.grad_output[j])))
        parts.append(self.likewise(n))
        parts.append(_equation(f"{_d(_w2(output_size(n)))} = {DELTA_OUT}{DOT}1",
                               f"{_factor(m.delta_out)}{DOT}1", _n(m.grad_output[-1])))
        parts.append(self.note(self.tr(
            "the article's step 6 writes this gradient as {wrong}; the correct one is {right}, as above.")
            .format(wrong=f"({YP} {MINUS} {YT}){DOT}{_x('<i>i</i>')}{DOT}{F_PRIME}(<i>u</i>)",
                    right=f"({YP} {MINUS} {YT}){DOT}{F_PRIME}(<i>v</i>){DOT}{_node('h', '<i>j</i>')} = "
                          f"{DELTA_OUT}{DOT}{_node('h', '<i>j</i>')}")))
        return "".join(parts)

    def _backward_hidden(self, m):
        n = m.hidden_nodes
        parts = [self.heading(self.tr("Hidden nodes")),
                 self.step((7,), self.tr("the loss differentiated by the first-layer weights"))]
        if m.article_order:
            parts.append(self.hint(self.tr("As in the article's code, the output weights are updated "
                                           "first, and the new values are used below:")))
            parts += [self._update_line(m, ("output", j), _w2(j + 1), m.before.output[j], m.grad_output[j],
                                        m.after.output[j]) for j in shown_nodes(n)[0]]
        slope = {"sigmoid": F_PRIME, "tanh": "tanh′", "relu": "relu′"}[m.activation]
        i = _first_input(m)
        head = _output_factors(m, "<i>v</i>")
        # In the article's order this factor is w(2)1 after its update, not ∂v/∂h1 at the
        # current weights: said so on the line itself.
        w2 = _w2(1) + (" " + self.tr("(updated)") if m.article_order else "")
        parts.append(self._chain(
            _d(_w1(i + 1, 1, n)),
            head[0] + [f"∂<i>v</i>/∂{_node('h', 1)}" if not m.article_order else w2,
                       f"∂{_node('h', 1)}/∂{_node('u', 1)}", f"∂{_node('u', 1)}/∂{_w1(i + 1, 1, n)}"],
            head[1] + [w2, f"{slope}({_node('u', 1)})", _input_symbol(i)],
            head[2] + [m.w2_used[0], m.dh[0], m.x[i]], m.grad_hidden[i, 0]))
        for j in shown_nodes(n)[0]:
            parts += self._hidden_delta(m, j)
        parts.append(self.likewise(n))
        parts.append(self.note(self._order_note(m)))
        return "".join(parts)

    def _order_note(self, m):
        if m.article_order:
            return self.tr("as in the article's code, {delta} uses {w2} after its update, so the "
                           "value called {grad} here is not the partial derivative at the current "
                           "weights. Textbook backpropagation uses the value from before the update "
                           "(update order 'textbook').").format(
                delta=_node("δ", "<i>j</i>"), w2=_w2("<i>j</i>"),
                grad=_d(_w1("<i>i</i>", "<i>j</i>", m.hidden_nodes)))
        return self.tr("the article's code updates {w2} first and uses the new value in {delta}. This run "
                       "uses the old value, as textbook backpropagation does (choose update order "
                       "'article' to follow the article's code).").format(
            delta=_node("δ", "<i>j</i>"), w2=_w2("<i>j</i>"))

    def _hidden_delta(self, m, j):
        n, k = m.hidden_nodes, j + 1
        lines = [self._slope_line(m, j)]
        slope = {"sigmoid": F_PRIME, "tanh": "tanh′", "relu": "relu′"}[m.activation]
        lines.append(_equation(f"{_node('δ', k)} = {DELTA_OUT}{DOT}{_w2(k)}{DOT}{slope}({_node('u', k)})",
                               f"{_factor(m.delta_out)}{DOT}{_factor(m.w2_used[j])}{DOT}{_factor(m.dh[j])}",
                               _n(m.delta_hidden[j])))
        for i in range(INPUT_COUNT):
            lines.append(_equation(f"{_d(_w1(i + 1, k, n))} = {_node('δ', k)}{DOT}{_input_symbol(i)}",
                                   f"{_factor(m.delta_hidden[j])}{DOT}{_n(m.x[i])}",
                                   _n(m.grad_hidden[i, j])))
        return lines

    def _slope_line(self, m, j):
        k = j + 1
        u_k, h_k = _node("u", k), _node("h", k)
        if m.activation == "sigmoid":
            return _equation(f"{F_PRIME}({u_k}) = {h_k}(1 {MINUS} {h_k})",
                             f"{_n(m.h[j])}{DOT}(1 {MINUS} {_n(m.h[j])})", _n(m.dh[j]), gap=True)
        if m.activation == "tanh":
            return _equation(f"tanh′({u_k}) = 1 {MINUS} {h_k}²", f"1 {MINUS} {_factor(m.h[j])}²",
                             _n(m.dh[j]), gap=True)
        condition = f"{u_k} &gt; 0" if m.dh[j] else f"{u_k} ≤ 0"
        return (f'<p class="f" style="margin-top: 10px;">relu′({u_k}) = <b>{_n(m.dh[j])}</b>'
                f' &nbsp; ({condition})</p>')

    # -- update --------------------------------------------------------------------------
    def update(self, m, stepper):
        parts = [self.heading(self._update_heading(m.optimizer).format(
            rate=f"{ALPHA}&nbsp;=&nbsp;{_n(m.alpha)}")),
                 self.step((8 if m.hidden_nodes else 5,), self.tr("every weight updated"))]
        parts.append(self._optimizer_hint(m))
        if m.hidden_nodes == 0:
            for i in range(INPUT_COUNT):
                parts.append(self._update_line(m, ("output", i), _w(i + 1), m.before.output[i],
                                               m.grad_output[i], m.after.output[i], m.x[i]))
        else:
            parts += self._update_three_layer(m)
        parts.append(self._after_update(m, stepper))
        return "".join(parts)

    def _update_three_layer(self, m):
        n = m.hidden_nodes
        nodes = shown_nodes(n)[0]
        parts = [self.heading(self.tr("Output weights"))]
        parts += [self._update_line(m, ("output", j), _w2(j + 1), m.before.output[j], m.grad_output[j],
                                    m.after.output[j]) for j in nodes]
        parts.append(self.likewise(n))
        bias = output_size(n) - 1  # the output's bias weight: the last one into it
        parts.append(self._update_line(m, ("output", bias), _w2(bias + 1), m.before.output[bias],
                                       m.grad_output[bias], m.after.output[bias]))
        parts.append(self.heading(self.tr("Hidden weights")))
        for j in nodes:
            parts += [self._update_line(m, ("hidden", i, j), _w1(i + 1, j + 1, n), m.before.hidden[i, j],
                                        m.grad_hidden[i, j], m.after.hidden[i, j], m.x[i], gap=i == 0)
                      for i in range(INPUT_COUNT)]
        parts.append(self.likewise(n))
        return parts

    def _update_line(self, m, key, symbol, old, grad, new, x=1.0, gap=False):
        """A weight's update; `key` says which weight it is (core.model.layout)."""
        if m.optimizer != "sgd":
            return self._optimizer_lines(m, layout(m.hidden_nodes).index(key), symbol, old, grad, new, gap)
        line = _equation(f"{symbol} {ARROW} {symbol} {MINUS} {ALPHA}{DOT}{_d(symbol)}",
                         f"{_n(old)} {MINUS} {_n(m.alpha)}{DOT}{_factor(grad)}", _n(new), gap=gap)
        if x == 0.0:
            line = line[:-len("</p>")] + " &nbsp; " + self.tr("(this row's input is 0: unchanged)") + "</p>"
        return line

    def _update_heading(self, optimizer):
        # Momentum and Adam do not step along the gradient itself: the heading says what moves.
        if optimizer == "momentum":
            return self.tr("Update (momentum): each weight moves against its velocity, the running "
                           "sum of its gradients, scaled by the learning rate {rate}.")
        if optimizer == "adam":
            return self.tr("Update (Adam): each weight moves against its gradient's running mean, "
                           "scaled down where the gradient is large; the step is about the "
                           "learning rate {rate}.")
        return self.tr("Update: each weight takes a small step against its gradient, "
                       "scaled by the learning rate {rate}.")

    def _optimizer_hint(self, m):
        if m.optimizer == "momentum":
            return self.hint(self.tr(
                "Momentum: each weight keeps a velocity {vel}, its gradients added up with each older "
                "one counted 0.9 times less; the weight moves by {alpha} times the velocity, so steps "
                "grow where the gradient keeps its sign.").format(vel=_state("vel", "<i>w</i>"),
                                                                   alpha=ALPHA))
        if m.optimizer == "adam":
            return self.hint(self.tr(
                "Adam: each weight keeps running means of its gradient ({m}) and of the gradient "
                "squared ({v}). Both start at 0, so they are divided by 1 − 0.9<sup>t</sup> and "
                "1 − 0.999<sup>t</sup> ({mh}, {vh}); t = {t} counts the updates so far, this one "
                "included. The weight moves by {alpha}·{mh} / (√{vh} + ε), about {alpha} whatever the "
                "gradient's size (ε = 10<sup>−8</sup>).").format(
                m=_state("m", "<i>w</i>"), v=_state("v", "<i>w</i>"), mh=_state("m̂", "<i>w</i>"),
                vh=_state("v̂", "<i>w</i>"), t=f"{int(m.t):,}", alpha=ALPHA))
        return ""

    def _optimizer_lines(self, m, k, symbol, old, grad, new, gap):
        """A weight's update by momentum or Adam (core.model.step.optimizer_update), weight k of
        the flat order, with this row's numbers."""
        g = _d(symbol)
        if m.optimizer == "momentum":
            vel, before, after = _state("vel", symbol), m.slot_before("velocity")[k], m.moments["velocity"][k]
            return (_equation(f"{vel} {ARROW} 0.9{DOT}{vel} + {g}",
                              f"0.9{DOT}{_factor(before)} + {_factor(grad)}", _n(after), gap=gap)
                    + _equation(f"{symbol} {ARROW} {symbol} {MINUS} {ALPHA}{DOT}{vel}",
                                f"{_n(old)} {MINUS} {_n(m.alpha)}{DOT}{_factor(after)}", _n(new)))
        first, second = _state("m", symbol), _state("v", symbol)
        m_hat, v_hat = _state("m̂", symbol), _state("v̂", symbol)
        mb, vb = m.slot_before("m")[k], m.slot_before("v")[k]
        ma, va, mh, vh = (m.moments[name][k] for name in ("m", "v", "m_hat", "v_hat"))
        t = f"{int(m.t):,}"  # a count: every digit (":g" wrote 4,000,004 as 4e+06)
        return "".join([
            _equation(f"{first} {ARROW} 0.9{DOT}{first} + 0.1{DOT}{g}",
                      f"0.9{DOT}{_factor(mb)} + 0.1{DOT}{_factor(grad)}", _n(ma), gap=gap),
            _equation(f"{second} {ARROW} 0.999{DOT}{second} + 0.001{DOT}({g})²",
                      f"0.999{DOT}{_factor(vb)} + 0.001{DOT}{_factor(grad)}²", _n(va)),
            _equation(f"{m_hat} = {first} / (1 {MINUS} 0.9<sup>t</sup>)",
                      f"{_factor(ma)} / (1 {MINUS} 0.9<sup>{t}</sup>)", _n(mh)),
            _equation(f"{v_hat} = {second} / (1 {MINUS} 0.999<sup>t</sup>)",
                      f"{_factor(va)} / (1 {MINUS} 0.999<sup>{t}</sup>)", _n(vh)),
            _equation(f"{symbol} {ARROW} {symbol} {MINUS} {ALPHA}{DOT}{m_hat} / (√{v_hat} + <i>ε</i>)",
                      f"{_n(old)} {MINUS} {_n(m.alpha)}{DOT}{_factor(mh)} / "
                      f"(√{_factor(vh)} + 10<sup>−8</sup>)", _n(new)),
        ])

    def _after_update(self, m, stepper):
        if stepper.diverged:
            return self.note(self.tr("these numbers are no longer finite: the network diverged. "
                                     "Lower α or reset the network."))
        if m.row < len(ROWS) - 1:
            x1, x2 = ROWS[m.row + 1]
            return self.hint(self.tr("The other views now show these weights. Next: row [{x1}, {x2}] "
                                     "with the new weights.").format(x1=int(x1), x2=int(x2)))
        return self.hint(self.tr("Step {step} is complete: its loss, the sum of the 4 rows' losses, is "
                                 "{loss}. Next: step {next}, row [0, 0].").format(
            step=stepper.steps_done, loss=_n(stepper.last_step_loss), next=stepper.steps_done + 1))


class MathPanel(QWidget):
    """One online row update in the article's formulas, phase by phase, with Next."""

    # new weights, the row (0..3), whether the step is now complete, its loss (nan until then)
    weights_updated = Signal(object, int, bool, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._writer = _Writer(self)
        self._stepper: RowStepper | None = None
        self._state_unknown = False  # an optimizer's state not given with the weights
        self._run_state = states.IDLE
        self._build()
        self._show()

    def slide_part(self):
        """What a picture for a slide shows: this phase's formulas, without the controls."""
        return self._browser

    def _build(self):
        self._position = QLabel()
        self._position.setToolTip(self.tr("Which step (pass over the 4 rows), which truth-table row "
                                          "and which phase of its update is shown"))
        bold = QFont(self._position.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self._position.setFont(bold)
        self._position.setWordWrap(True)  # the panel may be narrow: wrap, never widen the window
        self._notation = QComboBox()
        self._notation.addItem(self.tr("GateLab's (from 1, bias last)"), GATELAB)
        self._notation.addItem(self.tr("the article's (from 0, w first, w second)"), ARTICLE)
        self._notation.setToolTip(self.tr("Which symbols the formulas use; the table under them "
                                          "maps each to the other and to the article's code"))
        self._notation.currentIndexChanged.connect(lambda _index: self._show())
        notation_label = QLabel(self.tr("N&otation:"))
        notation_label.setBuddy(self._notation)
        self._notation_row = QHBoxLayout()
        self._notation_row.addWidget(notation_label)
        self._notation_row.addWidget(self._notation, 1)
        self._phases = QLabel()
        self._phases.setWordWrap(True)
        self._phases.setTextFormat(Qt.TextFormat.RichText)
        self._phases.setToolTip(self.tr("Each row's update has four phases, in the article's order"))
        self._browser = QTextBrowser()
        self._browser.setOpenLinks(False)
        # The text wraps to the panel, yet Qt's layout came out a pixel wider than it at most
        # widths: a sideways scroll bar for nothing. It shows only when something real (the
        # symbols table below ~360 pixels) is wider than the panel.
        self._browser.setCursorWidth(0)
        # Judged once the layout has settled: mid-way it reports the width of the last pass.
        self._browser.document().documentLayout().documentSizeChanged.connect(
            lambda _size: QTimer.singleShot(0, self, self._fit_sideways))
        self._browser.document().setDefaultStyleSheet(_STYLE)
        font = QFont(self._browser.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self._browser.document().setDefaultFont(font)
        self._browser.setToolTip(self.tr("The formulas of this phase, with this row's numbers put in"))
        self._notice = QLabel()
        self._notice.setWordWrap(True)
        self._notice.setStyleSheet("QLabel { color: #5c3c00; background: #fff3cd; padding: 4px; }")
        self._next = QPushButton(self.tr("Next ▶"))
        self._next.setShortcut(QKeySequence("N"))
        self._next.setToolTip(self.tr("Show the next phase, or the next row once this one is updated (N)"))
        self._next.clicked.connect(self.next_phase)
        self._layout()

    def _layout(self):
        bottom = QHBoxLayout()
        bottom.addWidget(self._notice, 100)
        bottom.addStretch(1)
        bottom.addWidget(self._next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._position)
        layout.addLayout(self._notation_row)
        layout.addWidget(self._phases)
        layout.addWidget(self._browser, 1)
        layout.addLayout(bottom)

    # -- API for the main window -----------------------------------------------------------
    def update_from(self, snapshot) -> None:
        """The run at the snapshot's step: stepping is possible unless it trains; at rest the
        walk-through starts at row 0 of the next step (or goes on where it is)."""
        self.set_enabled_for_state(snapshot.state)
        if snapshot.state != states.TRAINING and snapshot.config is not None:
            self.set_state(snapshot.config, snapshot.weights, snapshot.step,
                           getattr(snapshot, "optimizer_state", None))

    def set_state(self, config, weights, step: int, optimizer_state=None) -> None:
        """Shows row 0's forward phase for these weights, unless they are the weights this panel
        itself just produced (then the walk-through goes on where it is). optimizer_state: the
        optimizer's state with them (None: unknown, which at step 0 is a new run's zeros)."""
        if self._stepper is not None and self._stepper.continues(config, weights, step, optimizer_state):
            self._stepper.set_config(config)  # its own walk: it knows the optimizer's state
        else:
            self._state_unknown = optimizer_state is None and step > 0 and config.optimizer != "sgd"
            self._stepper = RowStepper(config, weights, step, optimizer_state)
        self._show()

    def set_enabled_for_state(self, state: str) -> None:
        """Stepping is only possible while training does not run."""
        self._run_state = state
        self._show_controls()

    def next_phase(self) -> None:
        if not self._can_step():
            return
        update = self._stepper.advance()
        self._show()
        if update is not None:
            self.weights_updated.emit(update.weights, update.row, update.step_completed,
                                      float(update.step_loss))

    def current_text(self) -> str:
        """Everything the panel shows, as plain text."""
        parts = [self._position.text(), _plain(self._phases.text()),
                 self._browser.toPlainText().replace("\xa0", " ")]
        if not self._notice.isHidden():
            parts.append(self._notice.text())
        return "\n".join(p for p in parts if p)

    def notation(self) -> str:
        return self._notation.currentData()

    def set_notation(self, notation: str) -> None:
        """GATELAB or ARTICLE (core.teaching.notation)."""
        self._notation.setCurrentIndex(self._notation.findData(notation))

    def _symbol_table(self, hidden_nodes: int) -> str:
        """GateLab's symbols, the article's and its code's variables, side by side."""
        what = {"inputs": self.tr("inputs"), "weights": self.tr("weights"),
                "bias weight": self.tr("bias weight"), "input sum": self.tr("input sum"),
                "prediction, target": self.tr("prediction, target"), "step loss": self.tr("step loss"),
                "input to hidden weight": self.tr("input to hidden weight"),
                "hidden node": self.tr("hidden node"), "bias node": self.tr("bias node"),
                "hidden to output weight": self.tr("hidden to output weight"),
                "output sum, prediction, target": self.tr("output sum, prediction, target"),
                "output delta": self.tr("output delta"), "hidden delta": self.tr("hidden delta")}
        # Headers never break inside a word (記事のコー|ド in a narrow dock); the cells may.
        head = "".join(f'<th style="white-space: nowrap;">{html_text.escape(t)}</th>' for t in (
            "", self.tr("GateLab"), self.tr("the article"), self.tr("the article's code")))
        rows = "".join("<tr>" + "".join(f"<td>{html_text.escape(cell)}</td>" for cell in (
            what.get(row[0], row[0]), *row[1:])) + "</tr>" for row in symbol_table(hidden_nodes))
        title = self.tr("Symbols")
        return (f'<p class="h">{title}</p>'
                f'<table class="symbols" cellspacing="0" cellpadding="3" border="1">'
                f"<tr>{head}</tr>{rows}</table>")

    def _fit_sideways(self) -> None:
        wider = self._browser.document().size().width() - self._browser.viewport().width() > SIDEWAYS_SLACK
        self._browser.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if wider else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def position_text(self) -> str:
        return self._position.text()

    def can_step(self) -> bool:
        """Whether Next is enabled."""
        return self._next.isEnabled()

    def stepper(self) -> RowStepper | None:
        return self._stepper

    # -- display ----------------------------------------------------------------------------
    def _can_step(self) -> bool:
        s = self._stepper
        return (s is not None and self._run_state != states.TRAINING and not s.diverged
                and s.config.mode == "online" and not _at_the_end(s) and not self._state_unknown)

    def _show(self):
        self._show_controls()
        s = self._stepper
        if s is None:
            self._position.setText(self.tr("No network yet"))
            self._phases.setText("")
            self._browser.setHtml("")
            return
        x1, x2 = ROWS[s.row]
        if _at_the_end(s) and s.phase == FORWARD:  # not a step 2001 of a 2000-step run
            text = self.tr("After the last step ({step}), row [{x1}, {x2}], phase: {phase}")
            step = s.steps_done
        else:
            text, step = self.tr("Step {step}, row [{x1}, {x2}], phase: {phase}"), s.step_number
        self._position.setText(text.format(step=step, x1=int(x1), x2=int(x2),
                                           phase=self._phase_name(s.phase)))
        self._phases.setText(self._phase_strip(s.phase))
        body = self._phase_html(s)
        if self.notation() == ARTICLE:
            body = in_article_notation(body, s.math.hidden_nodes)
        self._browser.setHtml(body + self._symbol_table(s.math.hidden_nodes))

    def _show_controls(self):
        s = self._stepper
        message = ""
        if self._run_state == states.TRAINING:
            message = self.tr("Pause training to step through the math.")
        elif s is not None and s.config.mode != "online":
            message = self.tr("This walk-through follows the article's online training (one update "
                              "after each row). Switch the mode to online to step through it.")
        elif s is not None and s.diverged:
            message = self.tr("The network diverged: lower α or reset it.")
        elif s is not None and self._state_unknown:
            message = self.tr("The optimizer's state at this step is not known here, so its numbers "
                              "below start from 0: train on, or reset the network, to step through them.")
        elif s is not None and _at_the_end(s):
            message = self.tr("The run has done all its {0} steps: raise Steps to go on.").format(
                s.config.steps)
        self._notice.setText(message)
        self._notice.setVisible(bool(message))
        self._next.setEnabled(self._can_step())
        self._browser.setEnabled(self._run_state != states.TRAINING)

    def _phase_name(self, phase):
        return {FORWARD: self.tr("forward"), LOSS: self.tr("loss"), BACKWARD: self.tr("backward"),
                UPDATE: self.tr("update")}[phase]

    def _phase_strip(self, current):
        names = []
        for k, phase in enumerate(PHASES):
            text = f"&nbsp;{k + 1}. {self._phase_name(phase)}&nbsp;"
            names.append(f'<span style="{_CURRENT_PHASE}">{text}</span>' if phase == current else text)
        return " → ".join(names)

    def _phase_html(self, s):
        m, w = s.math, self._writer
        if s.phase == FORWARD:
            return w.forward(m)
        if s.phase == LOSS:
            return w.loss(m, s)
        if s.phase == BACKWARD:
            return w.backward(m)
        return w.update(m, s)


def _at_the_end(stepper: RowStepper) -> bool:
    """Whether the next phase would belong to a step past the run's planned steps."""
    between_steps = (stepper.row == 0 and stepper.phase == FORWARD) or \
        (stepper.row == len(ROWS) - 1 and stepper.phase == UPDATE)
    return between_steps and stepper.steps_done >= stepper.config.steps


_W1 = re.compile(r"<i>w</i><sup>\(1\)</sup><sub>(\d),?(\d+)</sub>")
_W1_OF_I = re.compile(r"<i>w</i><sup>\(1\)</sup><sub>(<i>i</i>)(,?)(\d+)</sub>")  # w(1)i1: Σ over i
_W2 = re.compile(r"<i>w</i><sup>\(2\)</sup><sub>(\d+)</sub>")
_W = re.compile(r"<i>w</i><sub>(\d)</sub>")
_X = re.compile(r"<i>x</i><sub>(\d)</sub>")
_NODE = re.compile(r"<i>(h|u|δ)</i><sub>(\d+)</sub>")


def in_article_notation(html: str, hidden_nodes: int) -> str:
    """The formulas with the article's symbols and indices (core.teaching.notation): w^first_ij
    and w^second_j counted from 0, and in the 2-layer model the bias weight w2 (the code's w1[2])."""
    def w1(match):
        i, j = int(match.group(1)), int(match.group(2))
        index = index_pair(article_input(i, hidden_nodes), article_node(j), hidden_nodes)
        return f"<i>w</i><sup>first</sup><sub>{index}</sub>"

    html = _W1.sub(w1, html)
    html = _W1_OF_I.sub(lambda m: f"<i>w</i><sup>first</sup><sub>{m.group(1)}{m.group(2)}"
                                  f"{article_node(int(m.group(3)))}</sub>", html)
    html = html.replace("<i>w</i><sup>(1)</sup>", "<i>w</i><sup>first</sup>")
    html = _W2.sub(lambda m: f"<i>w</i><sup>second</sup><sub>{article_node(int(m.group(1)))}</sub>", html)
    html = html.replace("<i>w</i><sup>(2)</sup>", "<i>w</i><sup>second</sup>")
    html = _W.sub(lambda m: f"<i>w</i><sub>{article_weight(int(m.group(1)))}</sub>", html)
    html = _X.sub(lambda m: f"<i>x</i><sub>{article_input(int(m.group(1)), hidden_nodes)}</sub>", html)
    return _NODE.sub(lambda m: f"<i>{m.group(1)}</i><sub>{article_node(int(m.group(2)))}</sub>", html)


def _plain(rich: str) -> str:
    """Rich text of a label as plain text (tags dropped, entities decoded)."""
    return QTextDocumentFragment.fromHtml(rich).toPlainText().replace("\xa0", " ")

