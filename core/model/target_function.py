"""A target function f(x1, x2) on [0, 1]^2: typed expressions, presets and their sample grids.

The universal approximation theorem the article cites says a 3-layer network can come as close
as we like to any continuous function; this module gives a learner functions to try it on.

An expression is parsed by a small whitelist parser (never Python's eval): numbers, pi, x1, x2,
+ - * / ^ (right-associative; -x^2 is -(x^2)), parentheses and the functions sin cos exp log
sqrt abs tanh (one argument) and min max (two or more). Anything else is refused with a
one-line reason that says where. The output neuron is the article's sigmoid, so a target must
lie in [0, 1]: `check` evaluates the function on the training grid and on a finer check grid
and refuses values that are not finite or lie outside, saying the range found and how to scale.

Grids: n x n samples, x1 = i/(n-1), x2 = j/(n-1), rows ordered like the gates' [0,0], [1,0],
[0,1], [1,1] (x1 fastest), so a grid of 2 holds exactly a gate's four rows.
"""

import math
import re
from dataclasses import dataclass

import numpy as np

TEXT_MAX = 500  # characters of a typed expression
DEPTH_MAX = 60  # nested parentheses, functions and powers: deeper is refused, never a crash
GRID_MIN, GRID_MAX = 2, 21
CHECK_GRID = 41  # how well the network does between the samples is measured on this grid
# A function run is solved when every sample's prediction is this close to its target (a gate's
# targets of 0 and 1 only ask for the right side of 0.5; a surface asks for its height).
TOLERANCE = 0.05

UNARY = {"sin": np.sin, "cos": np.cos, "exp": np.exp, "log": np.log, "sqrt": np.sqrt,
         "abs": np.abs, "tanh": np.tanh}
VARIADIC = {"min": np.minimum, "max": np.maximum}
FUNCTION_NAMES = tuple(UNARY) + tuple(VARIADIC)
VARIABLES = ("x1", "x2")
ALLOWED = "numbers, pi, x1, x2, + - * / ^, parentheses and " + " ".join(FUNCTION_NAMES)


class FunctionError(ValueError):
    """An expression GateLab will not train on. `code` names the kind (for a translated
    message), `details` its numbers; str() is the English one-line reason."""

    def __init__(self, code: str, message: str, **details):
        self.code = code
        self.details = details
        super().__init__(message)


# == parsing =====================================================================================
_TOKEN = re.compile(r"\s*(?:(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?P<name>[A-Za-z_]\w*)"
                    r"|(?P<op>\*\*|[-+*/^(),]))", re.ASCII)  # ASCII: "٣" is no digit here


@dataclass(frozen=True)
class _Token:
    kind: str  # "number", "name", "op" or "end"
    text: str
    at: int  # its first character, from 1 (as a user counts)


def _tokens(text: str) -> list:
    found, position = [], 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            found.append(_Token("end", "", position + 1))
            return found
        match = _TOKEN.match(text, position)
        if match is None:
            raise FunctionError("character", f"'{text[position]}' at character {position + 1} is not "
                                f"allowed: use {ALLOWED}", character=text[position], at=position + 1)
        kind = match.lastgroup
        at = match.start(kind) + 1
        if kind == "op" and match.group(kind) == "**":
            raise FunctionError("power", f"'**' at character {at}: write powers with ^ (x1^2)", at=at)
        found.append(_Token(kind, match.group(kind), at))
        position = match.end()


class _Parser:
    """Recursive descent over the grammar
        sum     := product (("+" | "-") product)*
        product := signed (("*" | "/") signed)*
        signed  := ("+" | "-") signed | power
        power   := atom ("^" signed)?
        atom    := number | pi | x1 | x2 | name "(" sum ("," sum)* ")" | "(" sum ")"
    building a tree of tuples: ("num", value), ("var", name), ("neg", a), (op, a, b),
    ("call", name, args)."""

    def __init__(self, text: str):
        self.tokens = _tokens(text)
        self.index = 0
        self.depth = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.token
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        token = self.token
        if token.text != text or token.kind != "op":
            shown = "the end" if token.kind == "end" else f"'{token.text}'"
            raise FunctionError("expected", f"expected '{text}' at character {token.at}, found {shown}",
                                expected=text, at=token.at)
        self.take()

    def deeper(self):
        self.depth += 1
        if self.depth > DEPTH_MAX:
            raise FunctionError("depth", f"nested more than {DEPTH_MAX} deep at character {self.token.at}",
                                at=self.token.at, limit=DEPTH_MAX)

    def parse(self):
        tree = self.sum()
        if self.token.kind != "end":
            token = self.token
            raise FunctionError("unexpected", f"unexpected '{token.text}' at character {token.at}: "
                                "is an operator missing (2*x1, not 2x1)?", token=token.text, at=token.at)
        return tree

    def sum(self):
        return self._chain(self.product, "+-")

    def product(self):
        return self._chain(self.signed, "*/")

    def _chain(self, operand, ops: str):
        """operand (op operand)*, left-associative, for the operators in `ops`."""
        tree = operand()
        while self.token.kind == "op" and self.token.text in ops:
            op = self.take().text
            tree = (op, tree, operand())
        return tree

    def signed(self):
        if self.token.kind == "op" and self.token.text in "+-":
            self.deeper()
            sign = self.take().text
            operand = self.signed()
            self.depth -= 1
            return ("neg", operand) if sign == "-" else operand
        return self.power()

    def power(self):
        base = self.atom()
        if self.token.kind == "op" and self.token.text == "^":
            self.take()
            self.deeper()
            exponent = self.signed()
            self.depth -= 1
            return ("^", base, exponent)
        return base

    def atom(self):
        token = self.take()
        if token.kind == "number":
            value = float(token.text)
            if not math.isfinite(value):
                raise FunctionError("number", f"the number at character {token.at} is too large",
                                    at=token.at)
            return ("num", value)
        if token.kind == "name":
            name = token.text
            if name in VARIABLES:
                return ("var", name)
            if name == "pi":
                return ("num", math.pi)
            if name in FUNCTION_NAMES:
                return self.call(name, token)
            raise FunctionError("name", f"'{name}' at character {token.at} is not known: use {ALLOWED}",
                                name=name, at=token.at)
        if token.kind == "op" and token.text == "(":
            self.deeper()
            tree = self.sum()
            self.expect(")")
            self.depth -= 1
            return tree
        shown = "the end" if token.kind == "end" else f"'{token.text}'"
        raise FunctionError("operand", f"a number, x1, x2 or '(' was expected at character {token.at}, "
                            f"found {shown}", at=token.at)

    def call(self, name: str, token: _Token):
        if not (self.token.kind == "op" and self.token.text == "("):
            raise FunctionError("call", f"'{name}' at character {token.at} needs its argument in "
                                f"parentheses: {name}(x1)", name=name, at=token.at)
        self.take()
        self.deeper()
        args = [self.sum()]
        while self.token.kind == "op" and self.token.text == ",":
            self.take()
            args.append(self.sum())
        self.expect(")")
        self.depth -= 1
        if name in UNARY and len(args) != 1:
            raise FunctionError("arguments", f"{name} at character {token.at} takes one argument, "
                                f"not {len(args)}", name=name, at=token.at, count=len(args))
        if name in VARIADIC and len(args) < 2:
            raise FunctionError("arguments", f"{name} at character {token.at} takes two or more "
                                "arguments", name=name, at=token.at, count=len(args))
        return ("call", name, tuple(args))


def _evaluate(tree, x1, x2):
    kind = tree[0]
    if kind == "num":
        return np.full(np.shape(x1), tree[1])
    if kind == "var":
        return np.asarray(x1 if tree[1] == "x1" else x2, dtype=float)
    if kind == "neg":
        return -_evaluate(tree[1], x1, x2)
    if kind == "call":
        args = [_evaluate(a, x1, x2) for a in tree[2]]
        if tree[1] in UNARY:
            return UNARY[tree[1]](args[0])
        result = args[0]
        for a in args[1:]:
            result = VARIADIC[tree[1]](result, a)
        return result
    a, b = _evaluate(tree[1], x1, x2), _evaluate(tree[2], x1, x2)
    if kind == "+":
        return a + b
    if kind == "-":
        return a - b
    if kind == "*":
        return a * b
    if kind == "/":
        return a / b
    return np.power(a, b)  # "^": a negative base with a fractional exponent gives NaN: refused


# == functions ==================================================================================
@dataclass(frozen=True)
class TargetFunction:
    """A function of x1 and x2: `text` is what the user typed (or a preset's formula)."""

    text: str
    tree: tuple

    def __call__(self, x1, x2) -> np.ndarray:
        """f at the points (x1, x2) (arrays of one shape); NaN or inf where it is undefined."""
        x1, x2 = np.broadcast_arrays(np.asarray(x1, dtype=float), np.asarray(x2, dtype=float))
        with np.errstate(all="ignore"):
            return np.asarray(_evaluate(self.tree, x1, x2), dtype=float)


def parse(text: str) -> TargetFunction:
    """The function a typed expression describes; FunctionError says why it is refused."""
    if not isinstance(text, str):
        raise FunctionError("type", "the function must be text, such as x1*x2")
    if len(text) > TEXT_MAX:
        raise FunctionError("length", f"the expression has {len(text)} characters; at most {TEXT_MAX}",
                            length=len(text), limit=TEXT_MAX)
    if not text.strip():
        raise FunctionError("empty", "the expression is empty: type one in x1 and x2, such as x1*x2")
    return TargetFunction(text.strip(), _Parser(text).parse())


def grid_points(n: int) -> np.ndarray:
    """The n x n sample points as rows (x1, x2), x1 fastest: row k is (i/(n-1), j/(n-1)) with
    k = j n + i, so n = 2 gives the gates' rows [0,0], [1,0], [0,1], [1,1]."""
    _check_size(n)
    return _points(n)


def _check_size(n) -> None:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not GRID_MIN <= n <= GRID_MAX:
        raise FunctionError("grid", f"the grid must be a whole number from {GRID_MIN} to {GRID_MAX}, "
                            f"not {n!r}", value=n)


def _points(n: int) -> np.ndarray:
    axis = np.arange(n) / (n - 1)
    x1, x2 = np.meshgrid(axis, axis)  # x2 down the rows of the mesh, x1 along them
    return np.column_stack([x1.ravel(), x2.ravel()])


def _range_problem(values: np.ndarray, points: np.ndarray, size: int, checking: bool):
    """A FunctionError if the values are not finite or leave [0, 1], else None. Its details
    name the grid (size, and whether it is the check grid) and, for the range, the remedy
    (fix "shift" by `amount`, or "scale": (f - low) / span), for a translated message."""
    where = f"{size} x {size} check grid" if checking else f"{size} x {size} grid"
    bad = ~np.isfinite(values)
    if bad.any():
        x1, x2 = points[int(np.argmax(bad))]
        return FunctionError("undefined", f"the function is not defined (or not finite) at "
                             f"({x1:.3g}, {x2:.3g}) on the {where}", x1=float(x1), x2=float(x2), grid=where,
                             size=size, check=checking)
    low, high = float(values.min()) + 0.0, float(values.max()) + 0.0  # + 0.0: never "-0"
    if low >= 0.0 and high <= 1.0:
        return None
    if high - low <= 1.0:
        shift = -low if low < 0.0 else 1.0 - high
        fix = {"fix": "shift", "amount": shift, "moved": f"f {'+' if shift >= 0 else '-'} {abs(shift):.3g}",
               "start": low + shift + 0.0, "end": high + shift + 0.0}
        how = f"shift it: {fix['moved']} runs from {fix['start']:.3g} to {fix['end']:.3g}"
    else:
        moved = "f" if low == 0.0 else f"(f {'-' if low > 0 else '+'} {abs(low):.3g})"
        fix = {"fix": "scale", "amount": high - low, "moved": f"{moved} / {high - low:.3g}", "start": 0.0,
               "end": 1.0}
        how = f"scale it: {fix['moved']} runs from 0 to 1"
    return FunctionError("range", f"the values on the {where} run from {low:.3g} to {high:.3g}, outside "
                         f"[0, 1] (the output is a sigmoid); {how}", low=low, high=high, grid=where,
                         size=size, check=checking, **fix)


def check(function: TargetFunction, n: int) -> None:
    """Refuses a function that is not finite, or leaves [0, 1], anywhere on the n x n training
    grid or on the check grid."""
    for size, checking in ((n, False), (CHECK_GRID, True)):
        points = _points(size)
        problem = _range_problem(function(points[:, 0], points[:, 1]), points, size, checking)
        if problem is not None:
            raise problem


def within(predictions, targets, tolerance: float = TOLERANCE) -> np.ndarray:
    """Which samples the predictions meet (any leading shape, the rows last): within `tolerance`
    of the target. NaN or inf meets nothing."""
    predictions = np.asarray(predictions, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.abs(predictions - np.asarray(targets, dtype=float)) <= tolerance


def samples(function: TargetFunction, n: int) -> np.ndarray:
    """The targets at the n x n grid's rows (grid_points order), after `check`."""
    check(function, n)
    points = grid_points(n)
    return function(points[:, 0], points[:, 1])


# == presets =====================================================================================
@dataclass(frozen=True)
class Preset:
    name: str
    text: str  # the formula, in the language the user types
    teaches: str  # what it shows a learner


PRESETS = {preset.name: preset for preset in (
    Preset("bump", "0.1 + 0.8*exp(-((x1 - 0.5)^2 + (x2 - 0.5)^2)/0.05)",
           "one hill in the middle: two hidden nodes per direction make a bump"),
    Preset("ridge", "0.1 + 0.8*exp(-(x1 - x2)^2/0.05)", "a ridge along the diagonal"),
    Preset("saddle", "0.5 + 1.6*((x1 - 0.5)^2 - (x2 - 0.5)^2)", "up one way, down the other"),
    Preset("ripple", "0.5 + 0.4*cos(3*pi*sqrt((x1 - 0.5)^2 + (x2 - 0.5)^2))",
           "rings: more hidden nodes for more waves"),
    # No comparison in the grammar: the jump is a ratio that is 0 or 1 off the line x1 = 0.53,
    # which no point of any grid (i/m, m <= 40) lies on.
    Preset("step", "0.1 + 0.8*(x1 - 0.53 + abs(x1 - 0.53))/(2*abs(x1 - 0.53))",
           "a jump: not continuous, so the theorem promises nothing; the network rounds it off"),
    Preset("and", "x1*x2", "AND, smoothly between its corners"),
    Preset("or", "x1 + x2 - x1*x2", "OR, smoothly between its corners"),
    Preset("xor", "x1 + x2 - 2*x1*x2", "XOR, smoothly between its corners"),
    Preset("nand", "1 - x1*x2", "NAND, smoothly between its corners"),
    Preset("nor", "(1 - x1)*(1 - x2)", "NOR, smoothly between its corners"),
    Preset("xnor", "1 - x1 - x2 + 2*x1*x2", "XNOR, smoothly between its corners"),
)}


def function_of(text_or_preset: str) -> TargetFunction:
    """A preset by name (bump, ridge, ...), or else a typed expression."""
    key = text_or_preset.strip().lower() if isinstance(text_or_preset, str) else text_or_preset
    if key in PRESETS:
        return parse(PRESETS[key].text)
    return parse(text_or_preset)
