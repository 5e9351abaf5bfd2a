"""Tracing: runs a function written with + - * / and a few named functions on symbolic values,
records what it computes, and writes that out as straight-line Python source.

No math lives here (core/model/step.py holds it): this module only turns a recorded
computation into code, in two dialects (docs/design.md, "The step, written once"):

- floats: Python floats for one network. Values that vary over the hidden nodes are written out
  node by node (u0, u1, ...); a value used once and not named is inlined into the expression
  that uses it, so the source reads like hand-written code and runs as fast.
- arrays: NumPy arrays with one value per network along the last axis. Every operation writes
  into a preallocated buffer (out=...), so a step allocates nothing.

Values are `Node`s, Python floats (constants) or `RowConstant`s (a constant per truth-table
row, batch mode). A node may vary over the hidden nodes (`nodes`) and over the rows (`rows`,
batch mode). The same operation on the same arguments is one node, and a product with a
constant 1 or 0, or a sum with a constant 0, is folded away: in the arrays dialect a row's
inputs are constants, so the row (1, 0) costs no multiplication at all.
"""

import math


class RowConstant:
    """A constant per row (a gate's four, or a function's grid): the targets, or an input's
    column, in batch mode."""

    def __init__(self, values):
        self.values = tuple(float(v) for v in values)


def is_constant(value, number=None) -> bool:
    return isinstance(value, float) and (number is None or value == number)


class Group(tuple):
    """Values updated alike (the weights from each input): arithmetic applies to each member,
    with each member of another group, or with one plain value."""

    def _map(self, other, function):
        if isinstance(other, Group):
            return Group(function(a, b) for a, b in zip(self, other, strict=True))
        return Group(function(a, other) for a in self)

    def __add__(self, other):
        return self._map(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._map(other, lambda a, b: a - b)

    def __mul__(self, other):
        return self._map(other, lambda a, b: a * b)

    def __rmul__(self, other):
        return self._map(other, lambda a, b: b * a)


class Lines:
    """A value over a function's grid held line by line (the arrays dialect, batch mode): one
    value per line of the grid, each over that line's rows. Arithmetic and the backend's
    functions apply line by line, and the nodes made for line j carry j, so the code computes
    a line at a time in buffers that stay in the cache (ArraySource)."""

    def __init__(self, graph, parts):
        self.graph = graph
        self.parts = tuple(parts)

    def map(self, function, *others):
        """function(part, *other parts) for each line (a plain other applies to every line)."""
        results = []
        for j, part in enumerate(self.parts):
            before, self.graph.line = self.graph.line, j
            try:
                results.append(function(part, *(o.parts[j] if isinstance(o, Lines) else o for o in others)))
            finally:
                self.graph.line = before
        return Lines(self.graph, results)

    def __add__(self, other):
        return self.map(lambda a, b: a + b, other)

    def __radd__(self, other):
        return self.map(lambda a, b: b + a, other)

    def __sub__(self, other):
        return self.map(lambda a, b: a - b, other)

    def __rsub__(self, other):
        return self.map(lambda a, b: b - a, other)

    def __mul__(self, other):
        return self.map(lambda a, b: a * b, other)

    def __rmul__(self, other):
        return self.map(lambda a, b: b * a, other)

    def __truediv__(self, other):
        return self.map(lambda a, b: a / b, other)

    def __rtruediv__(self, other):
        return self.map(lambda a, b: b / a, other)

    def __neg__(self):
        return self.map(lambda a: -a)

    def __abs__(self):
        return self.map(abs)

    def __gt__(self, other):
        return self.map(lambda a, b: a > b, other)

    def __ge__(self, other):
        return self.map(lambda a, b: a >= b, other)

    def __le__(self, other):  # other >= self, which Python asks of self when other defers
        return self.map(lambda a, b: b >= a, other)

    def __lt__(self, other):
        return self.map(lambda a, b: b > a, other)


def per_line(function, *args):
    """function(*args), line by line if any argument is Lines."""
    lined = next((a for a in args if isinstance(a, Lines)), None)
    if lined is None:
        return function(*args)
    return lined.map(lambda part, *rest: function(*rest), *args)


ELEMENTWISE = ("add", "sub", "mul", "div", "neg", "abs", "exp", "log1p", "tanh", "sqrt", "pow", "maximum",
               "ge", "gt", "where")
_BOOLEAN = ("ge", "gt")


class Node:
    __slots__ = ("graph", "index", "op", "args", "nodes", "rows", "name", "line")

    def __init__(self, graph, op, args, nodes, rows):
        self.graph, self.op, self.args = graph, op, args
        self.nodes, self.rows = nodes, rows
        self.name = None
        self.index = len(graph.nodes)
        # the line of a grid it belongs to (Lines): the code computes line after line
        lines = [a.line for a in args if isinstance(a, Node)]
        self.line = max(lines + [graph.line])

    def __repr__(self):
        return f"Node({self.index} {self.op} {self.name or ''})"

    @property
    def boolean(self):
        return self.op in _BOOLEAN

    def __add__(self, other):
        if isinstance(other, Lines):
            return NotImplemented
        return self.graph.binary("add", self, other)

    def __radd__(self, other):
        return self.graph.binary("add", other, self)

    def __sub__(self, other):
        if isinstance(other, Lines):
            return NotImplemented
        return self.graph.binary("sub", self, other)

    def __rsub__(self, other):
        return self.graph.binary("sub", other, self)

    def __mul__(self, other):
        if isinstance(other, Lines):
            return NotImplemented
        return self.graph.binary("mul", self, other)

    def __rmul__(self, other):
        return self.graph.binary("mul", other, self)

    def __truediv__(self, other):
        if isinstance(other, Lines):
            return NotImplemented
        return self.graph.binary("div", self, other)

    def __rtruediv__(self, other):
        return self.graph.binary("div", other, self)

    def __neg__(self):
        return self.graph.call("neg", self)

    def __abs__(self):
        return self.graph.call("abs", self)

    def __ge__(self, other):
        if isinstance(other, Lines):
            return NotImplemented
        return self.graph.call("ge", self, other)

    def __gt__(self, other):
        if isinstance(other, Lines):
            return NotImplemented
        return self.graph.call("gt", self, other)

    __hash__ = object.__hash__


def key_of(value):
    if isinstance(value, Node):
        return value.index
    if isinstance(value, RowConstant):
        return ("rows",) + tuple(v.hex() for v in value.values)
    if isinstance(value, float):
        return value.hex()  # 0.0 and -0.0 are two constants
    return value  # an int: a row's number


def _nodes_of(value):
    return value.nodes if isinstance(value, Node) else False


def _rows_of(value):
    return value.rows if isinstance(value, Node) else isinstance(value, RowConstant)


class Graph:
    """The record of one traced computation, for networks with `hidden_nodes` hidden nodes."""

    def __init__(self, hidden_nodes: int, rows: int = 4):
        self.hidden_nodes = hidden_nodes
        self.rows = rows  # the rows a value over the rows has (batch mode): 4 for a gate, a line of a grid
        self.line = -1  # the grid's line being traced (Lines.map), -1 outside
        self.nodes: list[Node] = []
        self._table: dict = {}

    def input(self, name: str, nodes=False, rows=False) -> Node:
        node = Node(self, "input", (name,), nodes, rows)
        node.name = name
        self.nodes.append(node)
        return node

    def _node(self, op, args, nodes=None, rows=None):
        key = (op,) + tuple(key_of(a) for a in args)
        found = self._table.get(key)
        if found is not None:
            return found
        nodes = any(_nodes_of(a) for a in args) if nodes is None else nodes
        rows = any(_rows_of(a) for a in args) if rows is None else rows
        node = Node(self, op, tuple(args), nodes, rows)
        self.nodes.append(node)
        self._table[key] = node
        return node

    def binary(self, op, a, b):
        if is_constant(a) and is_constant(b):
            return {"add": a + b, "sub": a - b, "mul": a * b, "div": a / b}[op]
        # x * 1 = x, x * 0 = 0 and x + 0 = x hold for every finite x (a non-finite weight has
        # diverged already): a row's zero input leaves its term out, its input 1 the product.
        if op == "mul":
            if is_constant(a, 1.0) or is_constant(b, 1.0):
                return b if is_constant(a, 1.0) else a
            if is_constant(a, 0.0) or is_constant(b, 0.0):
                return 0.0
        if op == "add" and (is_constant(a, 0.0) or is_constant(b, 0.0)):
            return b if is_constant(a, 0.0) else a
        if op == "sub" and is_constant(b, 0.0):
            return a
        return self._node(op, (a, b))

    def call(self, op, *args):
        """A named function of the args (line by line if any is Lines)."""
        return per_line(lambda *a: self._node(op, a), *args)

    def sum_nodes(self, terms):
        """terms_0 + terms_1 + ... over the hidden nodes, added left to right (per line)."""
        return per_line(lambda t: self._node("sum_nodes", (t,), nodes=False), terms)

    def row(self, value, r: int):
        """Row r of a value that varies over the rows."""
        if isinstance(value, RowConstant):
            return value.values[r]
        if not _rows_of(value):
            return value
        if value.op == "stack":
            return value.args[r]
        return self._node("row", (value, r), rows=False)

    def stack(self, parts):
        """A value over the rows, from each row's own value."""
        return self._node("stack", tuple(parts), nodes=any(_nodes_of(p) for p in parts), rows=True)

    def widen(self, value):
        """A value over the hidden nodes, copied to each row (one array over the rows)."""
        return self._node("widen", (value,), nodes=True, rows=True)

    def reduce_rows(self, value):
        """row 0 + row 1 + ... of a value held as one array over the rows, in one call."""
        return self._node("reduce_rows", (value,), rows=False)

    def sum_rows(self, value, rows: int):
        """row 0 + row 1 + ..., left to right."""
        total = self.row(value, 0)
        for r in range(1, rows):
            total = total + self.row(value, r)
        return total


def name(value, label: str):
    """Names a traced value (the floats dialect's variable for it); anything else passes."""
    if isinstance(value, Node) and value.name is None:
        value.name = label
    return value


def _args(node):
    return [a for a in node.args if isinstance(a, Node)]


def live_nodes(outputs) -> list:
    """The nodes the outputs need, in the order they were computed."""
    seen: dict[int, Node] = {}
    stack = [v for v in outputs if isinstance(v, Node)]
    while stack:
        node = stack.pop()
        if node.index not in seen:
            seen[node.index] = node
            stack.extend(_args(node))
    return [seen[i] for i in sorted(seen)]


# -- the floats dialect --------------------------------------------------------------------------
_PRECEDENCE = {"add": 12, "sub": 12, "mul": 13, "div": 13}
_SYMBOL = {"add": "+", "sub": "-", "mul": "*", "div": "/", "ge": ">=", "gt": ">"}
_ATOM, _UNARY, _COMPARE, _CONDITIONAL = 100, 14, 8, 2


class FloatSource:
    """Python source over floats for one network.

    inputs: {input node: variable, or a list of variables over the hidden nodes}. templates:
    {op: lines} for operations written as statements ({z} argument, {y} result, {t} a
    temporary). outputs: (value, action) with action ("set", names): the value goes to these
    variables when it is computed (a weight's new value into the weight's own variable, which
    must not be read afterwards); ("add", name): `name += value`; ("keep", None): the value gets
    a variable of its own (read it with `variables`).
    """

    def __init__(self, graph: Graph, inputs: dict, templates: dict, outputs: list):
        self.hidden = graph.hidden_nodes
        self.templates = templates
        self.lines: list[str] = []
        self._vars = {node.index: (names if isinstance(names, list) else [names])
                      for node, names in inputs.items()}
        self._taken = {n for names in self._vars.values() for n in names}
        self._overwritten: set = set()
        live = live_nodes([value for value, _ in outputs])
        uses: dict[int, int] = {}
        for node in live:
            for arg in _args(node):
                # a value over the nodes reads a plain argument once per node
                each = self.hidden if node.nodes and not arg.nodes else 1
                each = 2 if node.op in templates else each  # a statement reads its argument often
                uses[arg.index] = uses.get(arg.index, 0) + each
        kept = {value.index for value, (kind, _) in outputs if kind == "keep" and isinstance(value, Node)}
        self._variable = {
            node.index for node in live
            if node.op not in ("input", "row") and not node.boolean
            and (node.name is not None or node.op in templates or uses.get(node.index, 0) > 1
                 or node.index in kept)}
        self._pending = [node for node in live if node.index in self._variable]
        order = sorted(range(len(outputs)), key=lambda k: _position(outputs[k][0]))
        for k in order:
            value, (kind, target) = outputs[k]
            self._define_up_to(_position(value), skip=value if kind == "set" else None)
            if kind == "set":
                self._set(value, target if isinstance(target, list) else [target])
            elif kind == "add":
                self.lines.append(f"{target} += {self._expr(value, 0)[0]}")
        self._define_up_to(math.inf)

    def variables(self, value) -> list:
        """The variables holding a value (one per hidden node for a value over them)."""
        if not isinstance(value, Node):
            return [repr(value)]
        return self._vars[value.index]

    # -- definitions ---------------------------------------------------------------------
    def _define_up_to(self, position, skip=None):
        while self._pending and self._pending[0].index <= position:
            node = self._pending.pop(0)
            if node is not skip:
                self._define(node)

    def _names_for(self, node) -> list:
        label = node.name or "_t"
        k = 0
        while True:
            base = label if k == 0 else f"{label}_{k}"
            names = [f"{base}{j}" for j in range(self.hidden)] if node.nodes else [base]
            if not self._taken.intersection(names):
                self._taken.update(names)
                return names
            k += 1

    def _define(self, node):
        names = self._names_for(node)
        if node.op in self.templates:
            for j, var in enumerate(names):
                argument = self._expr(node.args[0], j)[0]
                self.lines += self.templates[node.op].format(z=argument, y=var, t="_e").splitlines()
        else:
            self.lines += [f"{var} = {self._expr(node, j, inline=True)[0]}" for j, var in enumerate(names)]
        self._vars[node.index] = names

    def _set(self, value, names):
        if isinstance(value, Node) and value.op == "input" and self._vars[value.index] == names:
            return  # unchanged
        for j, var in enumerate(names):
            if isinstance(value, Node) and value.op == "sub" and isinstance(value.args[0], Node) \
                    and value.args[0].index in self._vars and self._read(value.args[0], j) == var:
                right, rp = self._expr(value.args[1], j)
                self.lines.append(f"{var} -= {right}")
            else:
                self.lines.append(f"{var} = {self._expr(value, j, inline=True)[0]}")
        self._overwritten.update(names)
        if isinstance(value, Node):
            self._vars[value.index] = names
            if value in self._pending:
                self._pending.remove(value)

    # -- expressions -----------------------------------------------------------------------
    def _read(self, node, j):
        names = self._vars[node.index]
        var = names[j] if node.nodes else names[0]
        if node.op == "input" and var in self._overwritten:
            raise ValueError(f"{var} is read after it was updated: the step must use a weight's "
                             "old value before it writes the new one")
        return var

    def _expr(self, value, j, inline=False):
        """(source, precedence) of element j of a value."""
        if not isinstance(value, Node):
            text = repr(float(value))
            return text, (_UNARY if text.startswith("-") else _ATOM)
        if value.index in self._vars and not inline:
            return self._read(value, j), _ATOM
        op, args = value.op, value.args
        if op in _PRECEDENCE:
            p = _PRECEDENCE[op]
            left, lp = self._expr(args[0], j)
            right, rp = self._expr(args[1], j)
            # float arithmetic is not associative: the tree is kept as it was computed
            return f"{_paren(left, lp < p)} {_SYMBOL[op]} {_paren(right, rp <= p)}", p
        if op in _BOOLEAN:
            left, lp = self._expr(args[0], j)
            right, rp = self._expr(args[1], j)
            return f"{_paren(left, lp <= _COMPARE)} {_SYMBOL[op]} {_paren(right, rp <= _COMPARE)}", _COMPARE
        if op == "neg":
            inner, ip = self._expr(args[0], j)
            return f"-{_paren(inner, ip < _UNARY)}", _UNARY
        if op == "where":
            condition, _ = self._expr(args[0], j)
            yes, yp = self._expr(args[1], j)
            no, _ = self._expr(args[2], j)
            return f"({_paren(yes, yp <= _CONDITIONAL)} if {condition} else {no})", _ATOM
        if op == "sum_nodes":
            parts = [self._expr(args[0], k) for k in range(self.hidden)]
            text = " + ".join(_paren(t, p <= 12 if k else p < 12) for k, (t, p) in enumerate(parts))
            return text, (12 if self.hidden > 1 else parts[0][1])
        if op in ("exp", "log1p", "tanh", "sqrt", "abs"):
            return f"{op}({self._expr(args[0], j)[0]})", _ATOM
        if op == "pow":  # Python's float ** (C's pow), as NumPy's power computes it
            return f"pow({self._expr(args[0], j)[0]}, {self._expr(args[1], j)[0]})", _ATOM
        raise ValueError(f"the floats dialect cannot write {op!r}")


def _paren(text, needed):
    return f"({text})" if needed else text


def _position(value):
    return value.index if isinstance(value, Node) else -1


# -- the arrays dialect --------------------------------------------------------------------------
_UFUNC = {"add": "add", "sub": "subtract", "mul": "multiply", "div": "divide", "neg": "negative",
          "abs": "abs", "exp": "exp", "log1p": "log1p", "tanh": "tanh", "sqrt": "sqrt", "pow": "power",
          "maximum": "maximum",
          "ge": "greater_equal", "gt": "greater"}
_KEPT = ("input", "row", "stack", "descend")  # values with no buffer of their own to share


class ArraySource:
    """NumPy source over many networks (the last axis, W of them): every operation writes into
    a buffer, so the code allocates nothing.

    inputs: {input node: expression} (views of the weights, or a plain number). outputs:
    [(value, place)]: the value is written to `place` (a weight's new value into the weight's
    own view, which must not be read afterwards); place None: only computed (`descend`).
    A value is (W,); over the hidden nodes (H, W); over the R rows (R, W); both (R, H, W).
    `buffers`: (shape, dtype) per buffer, for the caller to allocate as _b0, _b1, ...;
    `constants`: {name: array} for row constants; `views`: {name: expression} for the slices
    the code reads, to be taken once before it runs (a slice costs as much as a small call).
    `descend` (alpha, the gradients in flat order) has the gradients written into `_grad`, laid
    out like the weights array `flat`, and then takes flat -= alpha _grad in two calls.
    """

    def __init__(self, graph: Graph, inputs: dict, outputs: list, flat: str = "P"):
        self.hidden = graph.hidden_nodes
        self.rows = graph.rows
        self.flat = flat
        self.lines: list[str] = []
        self.buffers: list[tuple] = []
        self.constants: dict = {}
        self.grad_size = None  # the rows of _grad, if there is a descend
        self.views: dict[str, str] = {}  # name -> a view of a buffer or weight, taken once
        live = live_nodes([value for value, _ in outputs])
        live.sort(key=lambda node: (node.line, node.index))  # a grid's lines one after another
        self._at = {node.index: k for k, node in enumerate(live)}  # when each value is computed
        self._last: dict[int, float] = {}  # when each value is last read
        for node in live:
            for arg in _args(node):
                self._last[arg.index] = self._at[node.index]
        self._loc = {node.index: place for node, place in inputs.items()}
        self._place: dict[int, object] = {}  # node -> a fixed place, or (stack node, row)
        copies = []
        for value, place in outputs:
            if place is None:
                continue
            if isinstance(value, Node) and value.op not in _KEPT and value.index not in self._place:
                self._settle(value, place)
                self._last[value.index] = math.inf
            elif not (isinstance(value, Node) and self._loc.get(value.index) == place):
                copies.append((value, place))
        for node in live:
            if node.op == "stack":
                for r, part in enumerate(node.args):
                    if isinstance(part, Node) and part.op not in _KEPT and part.index not in self._place \
                            and part.nodes == node.nodes:
                        self._settle(part, (node, r))
            elif node.op == "descend":
                offset = 0
                for grad in node.args[1:]:
                    size = self.hidden if grad.nodes else 1
                    rows = f"{offset}:{offset + size}" if grad.nodes else f"{offset}"
                    place = self._view(f"_grad[{rows}]")
                    if grad.op not in _KEPT and grad.index not in self._place:
                        self._settle(grad, place)
                    else:
                        raise ValueError("a gradient must be computed into its place")
                    offset += size
                self.grad_size = offset
        # A buffer lives while any value kept in it is needed: its own, a row of it, a stack's parts.
        self._home: dict[int, int] = {}
        for node in live:
            if node.op == "row":
                home = self._home.get(node.args[0].index)
            elif isinstance(self._place.get(node.index), tuple):
                home = self._place[node.index][0].index
            elif node.op in ("input", "descend") or node.index in self._place:
                home = None
            else:
                home = node.index
            if home is not None:
                self._home[node.index] = home
                last = self._last.get(node.index, self._at[node.index])
                self._last[home] = max(self._last.get(home, -1), last)
        self._dies: dict[float, list] = {}
        for home in set(self._home.values()):
            self._dies.setdefault(self._last[home], []).append(home)
        self._buffer_of: dict[int, str] = {}  # home node -> its buffer
        self._kind: dict[str, tuple] = {}
        self._free: dict[tuple, list] = {}
        self._holder: dict[str, int] = {}
        for node in live:
            self._emit(node)
            for home in self._dies.get(self._at[node.index], ()):
                name = self._buffer_of.pop(home, None)
                if name is not None:
                    self._free.setdefault(self._kind[name], []).append(name)
        for value, place in copies:
            self.lines.append(f"np.copyto({place}, {self._ref(value, None)})")

    def _settle(self, node, place):
        """Gives a value its place, and the chain of values it is computed from in turn (a
        weight's version after each row) the same place when they die there."""
        while True:
            self._place[node.index] = place
            first = node.args[0] if node.op in ("add", "sub") else None
            if not (isinstance(first, Node) and first.op not in _KEPT and first.index not in self._place
                    and self._last.get(first.index) == self._at[node.index]
                    and (first.rows, first.nodes) == (node.rows, node.nodes)):
                return
            node = first

    # -- places -----------------------------------------------------------------------------
    def _view(self, expression: str) -> str:
        for name, known in self.views.items():
            if known == expression:
                return name
        name = f"_v{len(self.views)}"
        self.views[name] = expression
        return name

    def _buffer(self, home, boolean=False):
        if home.index in self._buffer_of:
            return self._buffer_of[home.index]
        kind = (home.rows, home.nodes, boolean)
        free = self._free.get(kind)
        if free:
            name = free.pop()
        else:
            name = f"_b{len(self.buffers)}"
            shape = ((self.rows,) if home.rows else ()) + (("H",) if home.nodes else ())
            self.buffers.append((shape, bool if boolean else float))
        self._kind[name] = kind
        self._buffer_of[home.index] = name
        return name

    def _ref(self, value, consumer):
        """An argument's expression, broadcast for its consumer."""
        if isinstance(value, RowConstant):
            wide = consumer is not None and consumer.nodes
            array = [[[v]] if wide else [v] for v in value.values]
            for name, known in self.constants.items():
                if known == array:
                    return name
            name = f"_k{len(self.constants)}"
            self.constants[name] = array
            return name
        if not isinstance(value, Node):
            return repr(float(value))
        place = self._loc[value.index]
        if consumer is not None and consumer.rows and consumer.nodes and value.rows and not value.nodes:
            return self._view(f"{place}[:, None, :]")
        return place

    # -- code -------------------------------------------------------------------------------
    def _emit(self, node):
        op, index = node.op, node.index
        if op == "input":
            self._holder[self._loc[index]] = index
            return
        if op == "row":
            self._loc[index] = self._view(f"{self._loc[node.args[0].index]}[{node.args[1]}]")
            return
        if op == "stack":
            self._loc[index] = self._buffer(node)
            for r, part in enumerate(node.args):
                if self._place.get(getattr(part, "index", None)) != (node, r):
                    row = self._view(f"{self._loc[index]}[{r}]")
                    self.lines.append(f"np.copyto({row}, {self._ref(part, None)})")
            return
        place = self._place.get(index)
        if isinstance(place, tuple):
            out = self._view(f"{self._buffer(place[0])}[{place[1]}]")
        elif isinstance(place, str):
            out = place
            holder = self._holder.get(place)
            if holder is not None and self._last.get(holder, -1) > self._at[index]:
                raise ValueError(f"{place} is written while its old value is still needed: the step "
                                 "must use a weight's old value before it writes the new one")
            self._holder[place] = index
        elif op == "descend":
            out = None
        else:
            out = self._reuse(node) or self._buffer(node, node.boolean)
        self._loc[index] = out
        self.lines += self._code(node, out)

    def _reuse(self, node):
        """A dying argument's own buffer of the same kind: elementwise operations may write over
        their input."""
        if node.op not in _UFUNC or node.boolean:
            return None
        for arg in _args(node):
            name = self._buffer_of.get(arg.index)
            if name is not None and self._last.get(arg.index) == self._at[node.index] and not arg.boolean \
                    and (arg.rows, arg.nodes) == (node.rows, node.nodes):
                del self._buffer_of[arg.index]
                self._buffer_of[node.index] = name
                return name
        return None

    def _code(self, node, out):
        op, args = node.op, node.args
        refs = [self._ref(a, node) for a in args]
        if op in _UFUNC:
            return [f"np.{_UFUNC[op]}({', '.join(refs)}, out={out})"]
        if op == "where":
            if not (is_constant(args[1], 1.0) and is_constant(args[2], 0.0)):
                raise ValueError("the arrays dialect selects only 1 or 0 (a step function)")
            return [f"np.copyto({out}, {refs[0]})"]
        if op == "sum_nodes":
            (terms,) = refs
            if node.rows:
                return [f"np.add.reduce({terms}, axis=1, out={out})"]
            if self.hidden > 4:  # a reduction along the leading axis also adds left to right
                return [f"np.add.reduce({terms}, axis=0, out={out})"]
            term = [self._view(f"{terms}[{j}]") for j in range(self.hidden)]
            if self.hidden == 1:
                return [f"np.copyto({out}, {term[0]})"]
            return [f"np.add({term[0]}, {term[1]}, out={out})"] + [
                f"np.add({out}, {term[j]}, out={out})" for j in range(2, self.hidden)]
        if op == "widen":
            return [f"np.copyto({out}, {refs[0]})"]
        if op == "reduce_rows":
            # along the leading axis NumPy adds row after row, as the per-row code does (a
            # single network, W = 1, would be summed pairwise: the ensemble runs at least 2)
            return [f"np.add.reduce({refs[0]}, axis=0, out={out})"]
        if op == "descend":
            return [f"np.multiply(_grad, {refs[0]}, out=_grad)",
                    f"np.subtract({self.flat}, _grad, out={self.flat})"]
        raise ValueError(f"the arrays dialect cannot write {op!r}")
