"""What the headless command line prints: the article's table and a JSON result."""

import json
import math

import numpy as np

from core.model.gates import ROWS
from core.model.network import forward, inputs_of
from core.model.target_function import CHECK_GRID
from core.training.trainer import Trainer
from core.views.diagnosis import diagnose_run
from core.views.function_fit import fit_of
from core.views.number_format import format_error, format_input, format_prediction, format_target, sample_text

_LINES = {
    "en": ("input: {x}, predicted: {yp}, target: {yt}",
           "final loss: {loss:.6g} after {steps} steps ({why})", "solved: {solved}", ("no", "yes")),
    # The article's own wording for the row lines.
    "ja": ("入力: {x}, 予測値: {yp}, 真の値: {yt}",
           "最終損失: {loss:.6g}（{steps} ステップ、{why}）", "解けたか: {solved}", ("いいえ", "はい")),
}
REASONS_JA = {"completed": "完了", "diverged": "発散", "target_loss": "目標損失に到達", "stopped": "停止"}


_WHY = {"en": "why: ", "ja": "理由: "}


_FUNCTION_LINES = {
    "en": ("function: {function} on a {n} x {n} grid ({rows} samples); {hidden} hidden nodes, alpha "
           "{alpha:g}, {steps:,} steps, {mode}, {optimizer}, {loss} loss, {init} init; within "
           "{tolerance:g} counts as met",
           "largest error: {max} at {at}; rms error: {rms:.3g}; between the samples "
           "({check} x {check} check grid): largest error {check_max} at {check_at}"),
    "ja": ("関数: {function}（{n} x {n} の格子、{rows} 点）、隠れノード {hidden} 個、α {alpha:g}、"
           "{steps:,} ステップ、{mode}、{optimizer}、損失 {loss}、初期値 {init}、許容誤差 {tolerance:g}",
           "最大誤差: {max}（{at}）、二乗平均平方根誤差: {rms:.3g}、標本点の間（{check} x {check} の"
           "検査用格子）の最大誤差: {check_max}（{check_at}）"),
}


def _point(point) -> str:
    return f"({sample_text(*point)})"  # as the diagnosis under it writes a sample


def function_lines(trainer: Trainer, lang: str) -> list:
    """A function run's summary instead of a table of up to 441 rows."""
    c, (head, errors) = trainer.config, _FUNCTION_LINES[lang]
    fit = fit_of(c, trainer.weights)
    return [head.format(function=c.function, n=c.grid, rows=c.grid ** 2, hidden=c.hidden_nodes,
                        alpha=c.alpha, steps=c.steps, mode=c.mode, optimizer=c.optimizer, loss=c.loss,
                        init=c.init, tolerance=c.tolerance),
            # the largest errors as the diagnosis under them writes one (and the window's table)
            errors.format(max=format_error(fit.max_error, c.tolerance), at=_point(fit.at), rms=fit.rms_error,
                          check=CHECK_GRID, check_max=format_error(fit.check_max_error, c.tolerance),
                          check_at=_point(fit.check_at))]


def text_report(trainer: Trainer, lang: str = "en", explain=None, ending: str | None = None) -> str:
    """The article's table (a function's errors), the final loss and whether it solved, then
    why; explain(diagnosis): the diagnosis in `lang` (the window's translated wording, which the
    command line is given; without it, English only). ending: instead of how the run ended (a
    past step)."""
    row_line, loss_line, solved_line, yes_no = _LINES[lang]
    if trainer.config.is_function:
        lines = function_lines(trainer, lang)
    else:
        lines = [row_line.format(x=format_input(row), yp=format_prediction(yp), yt=format_target(yt))
                 for row, yp, yt in zip(ROWS, trainer.predictions(), trainer.config.targets)]
    reason = trainer.outcome.reason if trainer.outcome else "stopped"
    why = REASONS_JA.get(reason, reason) if lang == "ja" else reason
    if reason == "diverged" and trainer.outcome:
        why = trainer.outcome.message if lang == "en" else f"{why}（ステップ {trainer.step + 1}）"
    if ending is not None:
        why = ending
    lines.append(loss_line.format(loss=trainer.final_loss(), steps=trainer.step, why=why))
    lines.append(solved_line.format(solved=yes_no[trainer.solved()]))
    if explain is not None:
        lines.append(_WHY[lang] + explain(diagnosis_of(trainer)))
    elif lang == "en":
        lines.append(_WHY["en"] + diagnosis_of(trainer).message)
    return "\n".join(lines)


def diagnosis_of(trainer: Trainer):
    """Why the run is (not) solved (core.views.diagnosis), from its whole loss history."""
    # Losses near 1e308 (a run about to diverge) overflow the trend's means to inf, which the
    # diagnosis reads as such: the command line must not print NumPy's warning about it.
    with np.errstate(over="ignore", invalid="ignore"):
        return diagnose_run(trainer.config, trainer.weights, trainer.history.values(),
                            trainer.outcome.reason if trainer.outcome else None)


def _finite_or_none(value):
    """Strict JSON has no NaN or infinity: such a value is written as null."""
    value = float(value)
    return value if math.isfinite(value) else None


_HISTORY_SLOT = "\x00loss history\x00"  # stands in for the history while the rest is encoded
JSON_CHUNK_VALUES = 1 << 16


def json_result(trainer: Trainer) -> dict:
    result = _result_fields(trainer)
    result["loss_history"] = [float(v) for v in trainer.history.values()]
    return result


def iter_json_result(trainer: Trainer, chunk_values: int = JSON_CHUNK_VALUES):
    """json_result as strict JSON text, in pieces: the loss history is encoded a chunk at a
    time, so a 10^8-step run never holds its history as Python floats or one huge string."""
    result = _result_fields(trainer)
    result["loss_history"] = _HISTORY_SLOT
    head, tail = json.dumps(result, allow_nan=False, ensure_ascii=False).split(
        json.dumps(_HISTORY_SLOT), 1)
    yield head + "["
    values = trainer.history.values()
    for start in range(0, len(values), chunk_values):
        text = json.dumps(values[start : start + chunk_values].tolist(), allow_nan=False)[1:-1]
        yield (", " if start else "") + text
    yield "]" + tail


def _result_fields(trainer: Trainer) -> dict:
    config = trainer.config.to_dict()
    config["gate"] = config["gate"].lower()
    hidden = forward(trainer.weights, inputs_of(trainer.config), trainer.config.activation).h
    diagnosis = diagnosis_of(trainer)
    return {
        "config": config,
        "initial_weights": trainer.initial_weights.to_dict(),
        "weights": trainer.weights.to_dict(),
        "loss_history": None,
        "final_loss": _finite_or_none(trainer.final_loss()),
        "steps_run": trainer.step,
        "stopped": trainer.outcome.reason if trainer.outcome else "stopped",
        "solved": trainer.solved(),
        "predictions": [
            {"input": _input(x1, x2, trainer.config.is_function), "predicted": float(yp), "target": float(yt),
             "hidden": [_finite_or_none(h) for h in hidden[k]]}  # [] for the 2-layer model
            for k, ((x1, x2), yp, yt) in enumerate(zip(trainer.config.points, trainer.predictions(),
                                                       trainer.config.targets))
        ],
        "diagnosis": {"kind": diagnosis.kind, "message": diagnosis.message},
    } | _function_fields(trainer) | _optimizer_fields(trainer)


def _input(x1: float, x2: float, is_function: bool) -> list:
    """A gate's row as the ints it always was ([1, 0]); a function's grid point as floats, its
    corners too ([0.0, 0.1], not [0, 0.1]): a reader's code sees one type per field."""
    return [float(x1), float(x2)] if is_function else [int(x1), int(x2)]


def _function_fields(trainer: Trainer) -> dict:
    """A function run's errors: over its grid's samples, and on the check grid between them."""
    if not trainer.config.is_function:
        return {}
    fit = fit_of(trainer.config, trainer.weights)
    return {"max_error": _finite_or_none(fit.max_error), "max_error_at": list(fit.at),
            "rms_error": _finite_or_none(fit.rms_error),
            "check_max_error": _finite_or_none(fit.check_max_error),
            "check_max_error_at": list(fit.check_at), "check_grid": CHECK_GRID,
            "tolerance": trainer.config.tolerance}


def _optimizer_fields(trainer: Trainer) -> dict:
    """An optimizer's state (core.model.layout.state_layout, after the weights): part of where
    the run is, so `train --json` and `inspect --step --json` show it. Plain descent has none."""
    if trainer.config.optimizer == "sgd":
        return {}
    return {"optimizer_state": [float(v) for v in trainer.optimizer_state()]}
