"""User-facing sentences for what core reports in plain English data.

Core raises ConfigError(parameter, value, allowed) and ends runs with a reason;
the words a user reads are made here, with Qt's translate(), so they can be
translated (context "Messages"; the calls are written out for pyside6-lupdate).
"""

from PySide6.QtCore import QCoreApplication as Qca

from core.model.config import ALPHA_MAX, HIDDEN_MAX, SEED_MAX, STEPS_MAX, TARGET_LOSS_MAX, differing_fields
from core.model.target_function import FunctionError
from core.training import states
from core.views.number_format import format_error

_FULL_WIDTH_ENDS = ("。", "！", "？", "」", "）")


def sentences(*parts: str) -> str:
    """Sentences one after another: a space between them, as English writes them, but none
    after a Japanese full stop (「…です。 損失が…」 read as a stray gap). Empty parts go."""
    text = ""
    for part in filter(None, parts):
        text += part if not text or text.endswith(_FULL_WIDTH_ENDS) else " " + part
    return text


def _allowed(parameter: str) -> str | None:
    whole = Qca.translate("Messages", "a whole number from 0 to {0}")
    texts = {
        "alpha": Qca.translate("Messages", "a number greater than 0 and at most {0:g}")
        .format(ALPHA_MAX),
        "steps": Qca.translate("Messages", "a whole number from 1 to {0:,}").format(STEPS_MAX),
        "hidden_nodes": whole.format(HIDDEN_MAX),
        "seed": whole.format(SEED_MAX),
        "targets": Qca.translate("Messages", "four numbers from 0 to 1"),
        "target_loss": Qca.translate("Messages", "empty, or a number greater than 0 and at most {0:g}")
        .format(TARGET_LOSS_MAX),
    }
    return texts.get(parameter)


def hidden_nodes_text(count: int) -> str:
    """"1 hidden node", "16 hidden nodes"."""
    return (Qca.translate("Messages", "1 hidden node") if count == 1
            else Qca.translate("Messages", "{0} hidden nodes").format(count))


def parameter_name(parameter: str) -> str:
    names = {
        "alpha": Qca.translate("Messages", "Alpha"),
        "steps": Qca.translate("Messages", "Steps"),
        "hidden_nodes": Qca.translate("Messages", "Hidden nodes"),
        "seed": Qca.translate("Messages", "Seed"),
        "targets": Qca.translate("Messages", "Targets"),
        "target_loss": Qca.translate("Messages", "Target loss"),
        "gate": Qca.translate("Messages", "Gate"),
        "mode": Qca.translate("Messages", "Mode"),
        "activation": Qca.translate("Messages", "Activation"),
        "loss": Qca.translate("Messages", "Loss"),
        "init": Qca.translate("Messages", "Initial weights"),
        "update_order": Qca.translate("Messages", "Update order"),
        "optimizer": Qca.translate("Messages", "Optimizer"),
        "function": Qca.translate("Messages", "Function"),
        "grid": Qca.translate("Messages", "Grid"),
        "tolerance": Qca.translate("Messages", "Tolerance"),
    }
    return names.get(parameter, parameter)


def option_name(value: str) -> str:
    """An option's name as the user reads it (the value itself is what files and flags use)."""
    names = {
        "online": Qca.translate("Messages", "online"),
        "batch": Qca.translate("Messages", "batch"),
        "sigmoid": Qca.translate("Messages", "sigmoid"),
        "tanh": Qca.translate("Messages", "tanh"),
        "relu": Qca.translate("Messages", "relu"),
        "squared": Qca.translate("Messages", "squared"),
        "cross-entropy": Qca.translate("Messages", "cross-entropy"),
        "uniform": Qca.translate("Messages", "uniform"),
        "xavier": Qca.translate("Messages", "xavier"),
        "textbook": Qca.translate("Messages", "textbook"),
        "article": Qca.translate("Messages", "article"),
        "sgd": Qca.translate("Messages", "gradient descent"),
        "momentum": Qca.translate("Messages", "momentum"),
        "adam": Qca.translate("Messages", "Adam"),
    }
    return names.get(value, value)


def setting_text(field: str, config) -> str:
    """One setting of a run as a student reads it: "alpha 0.5", "momentum", "seed 4"."""
    value = getattr(config, field)
    if field == "alpha":
        return Qca.translate("Messages", "alpha {0:g}").format(value)
    if field == "seed":
        return Qca.translate("Messages", "seed {0}").format(value)
    if field == "steps":
        return Qca.translate("Messages", "{0:,} steps").format(value)
    if field == "hidden_nodes":
        return (Qca.translate("Messages", "2-layer model") if value == 0
                else hidden_nodes_text(value))
    if field == "gate":
        return value.upper() if value != "custom" else Qca.translate("Messages", "custom gate")
    if field == "targets":
        return Qca.translate("Messages", "targets {0}").format(", ".join(f"{t:g}" for t in value))
    if field == "tolerance":
        return Qca.translate("Messages", "within ±{0:g}").format(value)
    if field == "target_loss":
        return (Qca.translate("Messages", "no target loss") if value is None
                else Qca.translate("Messages", "target loss {0:g}").format(value))
    return option_name(str(value))


def differences_text(first, second) -> tuple[str, str]:
    """What sets two runs' settings apart, for each: ("gradient descent", "momentum"); the
    number of steps only when nothing else differs (a compare window shows both runs' steps)."""
    fields = differing_fields(first, second)
    if not (first.is_function and second.is_function):  # a gate has none: what is learnt differs
        fields = [f for f in fields if f != "tolerance"]
    if fields != ["steps"]:  # steps alone do say what differs
        fields = [f for f in fields if f != "steps"]
    learned = [f for f in fields if f in ("gate", "targets", "function", "grid")]
    if learned and (first.is_function or second.is_function):  # "f = bump (11 x 11)", not 121 targets
        fields = ["learned"] + [f for f in fields if f not in learned]
    return tuple(", ".join(target_name(c) if f == "learned" else setting_text(f, c) for f in fields)
                 for c in (first, second))


def refusal_text(box, text: str) -> str:
    """Why a number field (gui.controls.number_box: NumberBox, WholeNumberBox) did not take
    `text`: not a number it reads (a whole-number field's "2.5"), or one out of its range."""
    number = box.typed_number(text)
    if number is None:
        shown = text if len(text) <= 30 else text[:27] + "..."
        return Qca.translate("Messages", "“{0}” is not a whole number. Numbers here are written "
                             "with a decimal point and a comma between thousands: 2,000 is two "
                             "thousand.").format(shown)
    return Qca.translate("Messages", "{0} is not from {1} to {2}; the field keeps {3}.").format(
        *(box.textFromValue(v) for v in (number, box.minimum(), box.maximum(), box.value())))


def config_error_text(error) -> str:
    """'Seed: 4294967296 is not allowed. Allowed: a whole number from 0 to 4294967295.'"""
    if isinstance(error.__cause__, FunctionError):
        return function_error_text(error.__cause__)
    allowed = _allowed(error.parameter) or error.allowed
    return Qca.translate("Messages", "{0}: {1} is not allowed. Allowed: {2}.").format(
        parameter_name(error.parameter), error.value, allowed)


def _grid_name(details) -> str:
    size = details.get("size", 0)
    if details.get("check"):
        return Qca.translate("Messages", "the {0} x {0} check grid").format(size)
    return Qca.translate("Messages", "the {0} x {0} grid").format(size)


def function_error_text(error) -> str:
    """Why a typed function is refused (core.model.target_function.FunctionError), in one line."""
    d, code = error.details, error.code
    at = d.get("at")
    texts = {
        "type": lambda: Qca.translate("Messages", "The function must be text, such as x1*x2."),
        "empty": lambda: Qca.translate("Messages", "The expression is empty: type one in x1 and x2, such as "
                                                   "x1*x2."),
        "length": lambda: Qca.translate("Messages", "The expression has {0} characters; at most {1}.").format(
            d["length"], d["limit"]),
        "character": lambda: Qca.translate(
            "Messages", "“{0}” at character {1} is not allowed: use numbers, pi, x1, x2, + - * / ^, "
            "parentheses and sin cos exp log sqrt abs tanh min max.").format(d["character"], at),
        "power": lambda: Qca.translate("Messages", "“**” at character {0}: write powers with ^ "
                                                   "(x1^2).").format(at),
        "expected": lambda: Qca.translate("Messages", "“{0}” was expected at character {1}.").format(
            d["expected"], at),
        "depth": lambda: Qca.translate("Messages", "Nested more than {0} deep at character {1}.").format(
            d["limit"], at),
        "unexpected": lambda: Qca.translate(
            "Messages", "Unexpected “{0}” at character {1}: is an operator missing (2*x1, not 2x1)?").format(
            d["token"], at),
        "number": lambda: Qca.translate("Messages", "The number at character {0} is too large.").format(at),
        "name": lambda: Qca.translate(
            "Messages", "“{0}” at character {1} is not known: use numbers, pi, x1, x2, + - * / ^, "
            "parentheses and sin cos exp log sqrt abs tanh min max.").format(d["name"], at),
        "operand": lambda: Qca.translate("Messages", "A number, x1, x2 or “(” was expected at character "
                                                     "{0}.").format(at),
        "call": lambda: Qca.translate("Messages", "“{0}” at character {1} needs its argument in parentheses: "
                                                  "{0}(x1).").format(d["name"], at),
        "arguments": lambda: Qca.translate("Messages", "{0} at character {1} takes {2} arguments: it was "
                                                       "given {3}.").format(
            d["name"], at, Qca.translate("Messages", "two or more") if d["name"] in ("min", "max")
            else Qca.translate("Messages", "one"), d["count"]),
        "undefined": lambda: Qca.translate("Messages", "The function is not defined (or not finite) at "
                                                       "({0:.3g}, {1:.3g}) on {2}.").format(
            d["x1"], d["x2"], _grid_name(d)),
        "range": lambda: _range_text(d),
    }
    text = texts.get(code)
    return text() if text is not None else str(error)


def _range_text(d) -> str:
    found = Qca.translate("Messages", "The values on {0} run from {1:.3g} to {2:.3g}, outside [0, 1] (the "
                                      "output is a sigmoid).").format(_grid_name(d), d["low"], d["high"])
    if d["fix"] == "shift":
        how = Qca.translate("Messages", "Shift it: {0} runs from {1:.3g} to {2:.3g}.")
    else:
        how = Qca.translate("Messages", "Scale it: {0} runs from {1:.3g} to {2:.3g}.")
    return sentences(found, how.format(d["moved"], d["start"], d["end"]))


def run_message(snapshot) -> str:
    """The banner's sentence for a run that diverged or failed (at its present, also while a
    past step is shown); empty otherwise."""
    if snapshot.state == states.DIVERGED:
        present = snapshot.step if snapshot.live_step is None else snapshot.live_step
        return Qca.translate(
            "Messages", "Training diverged at step {0}: the loss or a weight stopped being a "
            "finite number. Every view shows the last finite state.").format(present + 1)
    if snapshot.state == states.FAILED:
        return Qca.translate("Messages", "Training failed: {0}").format(snapshot.message)
    return ""


def weight_edit_refusal(snapshot) -> str:
    """Why the diagram refuses to edit the weights shown, where its own "pause training" does
    not say it ("" then, and where editing is allowed)."""
    if snapshot.weights_editable:
        return ""
    if snapshot.state == states.DIVERGED:
        return Qca.translate("Messages", "These weights are not finite numbers, so they cannot "
                             "be edited. Pick an earlier step on the timeline to edit a weight "
                             "there, or press Reset (Ctrl+R).")
    if snapshot.state == states.FAILED:
        return Qca.translate("Messages", "This run failed, so its weights cannot be edited. "
                             "Press Reset (Ctrl+R) for a new run.")
    return ""


def diagnosis_kind_name(kind: str) -> str:
    """A diagnosis kind as a short heading (the many-seeds dialog groups failed seeds by it)."""
    names = {
        "solved": Qca.translate("Messages", "solved"),
        "diverged": Qca.translate("Messages", "diverged"),
        "not_separable": Qca.translate("Messages", "no line can split it"),
        "saturated": Qca.translate("Messages", "saturated"),
        "still_learning": Qca.translate("Messages", "still learning"),
        "stuck": Qca.translate("Messages", "stuck"),
        "too_early": Qca.translate("Messages", "too early to tell"),
        "not_within": Qca.translate("Messages", "not yet within the tolerance"),
    }
    return names.get(kind, kind)


def diagnosis_text(diagnosis, trained: bool = False) -> str:
    """The diagnosis (core.views.diagnosis) as one or two sentences, with what to try.
    trained: the run has gone past the step shown (step 0 of a trained run is no start)."""
    kind, f = diagnosis.kind, diagnosis.facts
    if kind == "not_within":
        return _not_within(f)
    if kind == "solved":
        if f["how"] == "function":
            error = format_error(f["error"], f["tolerance"])
            return Qca.translate("Messages", "Within {0:g} at every sample: the largest error is {1} at "
                                             "{2}.").format(f["tolerance"], error, f["at"])
        if f["how"] == "within":
            return Qca.translate("Messages", "Solved: every prediction is near its target.")
        how = {"barely": Qca.translate("Messages", "barely"),
               "comfortably": Qca.translate("Messages", "comfortably"),
               "clearly": Qca.translate("Messages", "clearly")}[f["how"]]
        return Qca.translate(
            "Messages", "Solved {0}: the row closest to 0.5 is {1} ({2:.2f} for target {3:g}, "
            "{4:.2f} from 0.5).").format(how, f["row"], f["prediction"], f["target"], f["margin"])
    if kind == "diverged":
        return Qca.translate("Messages", "The weights grew until the numbers overflowed: lower "
                                         "alpha and train again.")
    if kind == "not_separable":
        if f.get("nodes"):
            return Qca.translate(
                "Messages", "With one hidden node the network still draws one straight line, and "
                "no straight line puts (1, 0) and (0, 1) on one side and (0, 0) and (1, 1) on the "
                "other: add hidden nodes.")
        return Qca.translate(
            "Messages", "A 2-layer model draws one straight line, and no straight line puts "
            "(1, 0) and (0, 1) on one side and (0, 0) and (1, 1) on the other: add hidden nodes.")
    if kind == "saturated":
        if f["output"]:
            return Qca.translate(
                "Messages", "The output is pinned at 0 or 1, where its slope is ~0 and learning "
                "stops: lower alpha, or start from Xavier weights (Advanced).")
        if f.get("activation") == "relu":
            text = Qca.translate(
                "Messages", "{0} of {1} hidden nodes are switched off (their input is below 0 on "
                "every row) and pass no gradient, so learning stops: lower alpha, or start from "
                "Xavier weights (Advanced).")
        elif f.get("activation") == "tanh":
            text = Qca.translate(
                "Messages", "{0} of {1} hidden nodes are pinned at -1 or 1, where their slope is "
                "~0 and learning stops: lower alpha, or start from Xavier weights (Advanced).")
        else:
            text = Qca.translate(
                "Messages", "{0} of {1} hidden nodes are pinned at 0 or 1, where their slope is ~0 "
                "and learning stops: lower alpha, or start from Xavier weights (Advanced).")
        return text.format(len(f["hidden"]), f["nodes"])
    if kind == "too_early" and f["steps"] == 0 and not trained:  # what a new user reads first
        return Qca.translate("Messages", "Not trained yet. Press Train (Space) to watch the "
                                         "network learn, or Step (.) for one step at a time.")
    if kind == "too_early":
        return Qca.translate("Messages", "Only {0:,} steps so far: too early to tell; train "
                                         "on.").format(f["steps"])
    if kind == "still_learning":
        if f["fall"] is None:
            return Qca.translate("Messages", "The gradient is not small ({0:.1e}): more steps "
                                             "will likely solve it.").format(f["gradient"])
        return Qca.translate(
            "Messages", "The loss is still falling ({0:.0%} over the last {1:,} steps): more "
            "steps will likely solve it.").format(f["fall"], f["window"])
    text = Qca.translate(
        "Messages", "Stuck: the loss has stopped falling (gradient {0:.1e}) with {1} on the "
        "wrong side: a local minimum, or a plateau that may still end.").format(
        f["gradient"], ", ".join(f["wrong"]))
    if f["near_half"]:
        near = Qca.translate("Messages", "{0} sit near 0.5.").format(", ".join(f["near_half"]))
        text = sentences(text, near)
    if f["same_lines"]:
        text = sentences(text, Qca.translate("Messages", "Hidden nodes {0} and {1} draw nearly the same "
                                                         "line.").format(*f["same_lines"][0]))
    return sentences(text, Qca.translate("Messages", "Try more steps, another seed, more hidden "
                                                     "nodes or another alpha."))


def _not_within(f) -> str:
    """A function run not yet within its tolerance: its largest error, and whether to train on."""
    text = Qca.translate("Messages", "Not yet within {0:g}: the largest error is {1} at {2}.").format(
        f["tolerance"], format_error(f["error"], f["tolerance"]), f["at"])
    if f["learning"]:
        falling = Qca.translate("Messages", "The loss is still falling ({0:.0%} over the last {1:,} "
                                            "steps): train on.").format(f["fall"], f["window"])
        text = sentences(text, falling)
    elif f["learning"] is False:
        text = sentences(text, Qca.translate("Messages", "The loss has stopped falling: try more hidden "
                                                         "nodes, another alpha or another seed."))
    return text


NAME_MAX = 30  # characters of a typed function shown in a title or a run's name


def target_name(config) -> str:
    """What the run learns, short: "XOR", "custom gate", or "f = bump (11 x 11)"."""
    if config.is_function:
        text = config.function if len(config.function) <= NAME_MAX else config.function[:NAME_MAX - 1] + "…"
        return f"f = {text} ({config.grid} x {config.grid})"
    return config.gate.upper() if config.gate != "custom" else Qca.translate("Messages", "custom gate")


def slide_caption(snapshot, loss_factor: float = 1.0) -> str:
    """What a picture for a slide shows: "XOR · 2 hidden nodes · alpha 0.5 · seed 0 · step
    2,000 · loss 0.0074"; loss_factor 2: the loss as the article's code sums it, said so."""
    config = snapshot.config
    if config.hidden_nodes == 0:
        model = Qca.translate("Messages", "2-layer model")
    else:
        model = hidden_nodes_text(config.hidden_nodes)
    gate = target_name(config)
    return " · ".join([
        gate, model, Qca.translate("Messages", "alpha {0:g}").format(config.alpha),
        Qca.translate("Messages", "seed {0}").format(config.seed),
        Qca.translate("Messages", "step {0:,}").format(snapshot.step),
        Qca.translate("Messages", "loss {0:.4g}").format(snapshot.loss) if loss_factor == 1.0 else
        Qca.translate("Messages", "loss {0:.4g} (the article's sum, no ½)").format(
            loss_factor * snapshot.loss)])
