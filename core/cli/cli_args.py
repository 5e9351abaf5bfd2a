"""The command line's training flags, shared by `train` and the window.

Values are taken as text and handed to TrainConfig, whose checks decide what
is valid, so the command line and the GUI refuse exactly the same things.
"""

import argparse
import itertools
import signal
import sys
import threading
import time

from core.model.config import (
    ACTIVATIONS,
    FUNCTION_DEFAULTS,
    GRID_DEFAULT,
    INITS,
    LOSSES,
    MODES,
    OPTIMIZERS,
    TOLERANCE_MAX,
    TOLERANCE_MIN,
    UPDATE_ORDERS,
    ConfigError,
    TrainConfig,
)
from core.model.gates import GATES
from core.model.target_function import GRID_MAX, GRID_MIN, PRESETS, TOLERANCE

# flag -> TrainConfig field
FLAG_FIELDS = {
    "--gate": "gate", "--targets": "targets", "--hidden": "hidden_nodes", "--alpha": "alpha",
    "--steps": "steps", "--seed": "seed", "--mode": "mode", "--activation": "activation",
    "--loss": "loss", "--init": "init", "--update-order": "update_order",
    "--target-loss": "target_loss", "--optimizer": "optimizer", "--function": "function", "--grid": "grid",
    "--tolerance": "tolerance",
}
_HELP = {
    "--gate": "gate to learn: " + ", ".join(GATES) + " (default xor)",
    "--targets": "custom gate: four targets in [0, 1] for rows (0,0),(1,0),(0,1),(1,1), e.g. 0,1,1,0",
    "--hidden": "hidden nodes, 0-64; 0 is the article's 2-layer model (default 2; with --function "
                f"{FUNCTION_DEFAULTS['hidden_nodes']})",
    "--alpha": "learning rate, > 0 and <= 100 (default 0.5)",
    "--steps": "passes over the 4 rows (a function's grid), 1 to 10^8 (default 2000)",
    "--seed": "random seed for the initial weights, 0 to 2^32-1 (default 0)",
    "--mode": "/".join(MODES) + ": update after every row (article) or once per step",
    "--activation": "hidden activation: " + "/".join(ACTIVATIONS),
    "--loss": "/".join(LOSSES),
    "--init": "initial weights: " + "/".join(INITS),
    "--update-order": "/".join(UPDATE_ORDERS) + ": article reuses updated output weights",
    "--target-loss": "stop once a step's loss falls below this value",
    "--optimizer": "/".join(OPTIMIZERS) + ": plain gradient descent (the article's, default), "
                   "momentum 0.9, or Adam",
    "--function": "learn a function f(x1, x2) on [0, 1]^2 instead of a gate: a preset ("
                  + ", ".join(PRESETS) + ") or an expression such as 'x1*x2' (values in [0, 1]); "
                  "unless other flags say otherwise it trains with " + ", ".join(
                      f"{name.replace('_', ' ')} {value}" for name, value in FUNCTION_DEFAULTS.items()),
    "--tolerance": f"with --function: how close every sample must come to count as learnt, "
                   f"{TOLERANCE_MIN:g} to {TOLERANCE_MAX:g} (default {TOLERANCE:g})",
    "--grid": f"with --function: samples per side, {GRID_MIN} to {GRID_MAX} (default {GRID_DEFAULT}); "
              "one step is a pass over the grid's rows",
}


MESSAGE_MAX = 300  # characters of a usage error


# Flags whose value is an expression, which may start with a minus ("-x1 + 1"): argparse takes
# such a value for an option and stops with "expected one argument".
EXPRESSION_FLAGS = ("--function",)


def _glued(args: list) -> list:
    """args with each expression flag joined to a value starting with "-" (--function=-x1+1)."""
    out, k = [], 0
    while k < len(args):
        if args[k] in EXPRESSION_FLAGS and k + 1 < len(args) and args[k + 1].startswith("-") \
                and not args[k + 1].startswith("--") and args[k + 1] != "-h":
            out.append(f"{args[k]}={args[k + 1]}")
            k += 2
        else:
            out.append(args[k])
            k += 1
    return out


class OneLineParser(argparse.ArgumentParser):
    """Reports a usage error as one line on stderr and exit status 2."""

    def parse_known_args(self, args=None, namespace=None):
        return super().parse_known_args(_glued(sys.argv[1:] if args is None else list(args)), namespace)

    def error(self, message):
        # argparse repeats a bad value in full ("invalid choice: '...'"): keep the line short.
        if len(message) > MESSAGE_MAX:
            message = f"{message[:MESSAGE_MAX - 40]}... ({len(message):,} characters)"
        self.exit(2, f"{self.prog}: error: {message}\n")


def add_training_flags(parser: argparse.ArgumentParser) -> None:
    for flag, help_text in _HELP.items():
        parser.add_argument(flag, dest=FLAG_FIELDS[flag], default=None, metavar=flag[2:].upper(),
                            help=help_text)


def config_from_args(args: argparse.Namespace, base: TrainConfig | None = None) -> TrainConfig:
    """Builds a TrainConfig from the flags given; raises ConfigError naming the flag."""
    values = {field: getattr(args, field) for field in FLAG_FIELDS.values()
              if getattr(args, field, None) is not None}
    if "targets" in values:
        values["targets"] = [part.strip() for part in values["targets"].split(",")]
        values.setdefault("gate", "custom")
    preset = base is not None  # a preset's settings (train and seeds): a gate's
    base = base or TrainConfig()
    try:
        # A gate and a function at once, or a grid for a gate: said, not one of them dropped.
        if "function" in values and (values.get("gate", "function") != "function" or preset):
            raise ConfigError("function", values["function"],
                              "a function or a gate (or a preset), not both")
        for field in ("grid", "tolerance"):
            if field in values and "function" not in values and base.function is None:
                raise ConfigError(field, values[field], f"a {field} with --function only")
        if "function" in values and not preset:
            # A function trains with its own defaults (the gates' cannot make a bump); flags win.
            base = base.with_changes(**FUNCTION_DEFAULTS)
        return base.with_changes(**values)
    except ConfigError as error:
        flag = next((f for f, name in FLAG_FIELDS.items() if name == error.parameter), None)
        if flag:
            error.args = (f"{flag}: {error}",)
        raise


def write_all(pieces, stream) -> None:
    """Writes text pieces to a binary stream as UTF-8, all of each: an unbuffered stream may
    take part of a large write (2 GiB at most on Linux), which print() does not retry."""
    for piece in pieces:
        view = memoryview(piece.encode("utf-8"))
        while view:
            written = stream.write(view)
            if not written:
                raise OSError("the output took no more bytes")
            view = view[written:]
    stream.flush()


def print_json_result(trainer, prog: str) -> int:
    """The run as `train --json` prints it, on standard output; 0, or 1 with one line on
    standard error if the output could not take it all (a full disk, a closed pipe)."""
    from core.io.report import iter_json_result  # only when asked: the window starts faster

    try:
        sys.stdout.flush()
        write_all(itertools.chain(iter_json_result(trainer), ["\n"]), sys.stdout.buffer)
    except OSError as error:
        print(f"{prog}: could not write the result: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0


class StopOnCtrlC:
    """While in use (a `with` block in the main thread), the first Ctrl+C only asks the work to
    stop: calling the object (a should_stop) says so. A second Ctrl+C interrupts as usual."""

    def __init__(self):
        self.requested = False
        self._old = None

    def __call__(self) -> bool:
        return self.requested

    def __enter__(self) -> "StopOnCtrlC":
        if threading.current_thread() is threading.main_thread():
            self._old = signal.signal(signal.SIGINT, self._ask)
        return self

    def __exit__(self, *exc) -> None:
        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)
            self._old = None

    def _ask(self, signum, frame):
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True


class ProgressLine:
    """"prog: step N of M (P %)" on standard error, redrawn in place, only when standard error
    is a terminal and only once the work has taken PROGRESS_AFTER_S (short runs print
    nothing); close() erases it. Standard output is never touched (--json stays as it is)."""

    PROGRESS_AFTER_S = 1.0
    REDRAW_S = 0.25

    def __init__(self, prog: str, total: int, stream=None):
        self.stream = stream if stream is not None else sys.stderr
        self.prog, self.total = prog, total
        try:
            self.enabled = self.stream.isatty()
        except (AttributeError, ValueError):
            self.enabled = False
        self._started = time.monotonic()
        self._drawn = None
        self._width = 0

    def show(self, done: int, *_) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._started < self.PROGRESS_AFTER_S or \
                (self._drawn is not None and now - self._drawn < self.REDRAW_S):
            return
        self._drawn = now
        percent = 100 * done // max(1, self.total)
        text = f"{self.prog}: step {done:,} of {self.total:,} ({percent} %)"
        self._write("\r" + text.ljust(self._width))
        self._width = len(text)

    def close(self) -> None:
        if self._width:
            self._write("\r" + " " * self._width + "\r")
            self._width = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed terminal: the work goes on without it
            self.enabled = False
