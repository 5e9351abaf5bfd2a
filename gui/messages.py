"""User-facing sentences for what core reports in plain English data.

Core raises ConfigError(parameter, value, allowed) and ends runs with a reason;
the words a user reads are made here, with tr(), so they can be translated.
"""

from PySide6.QtCore import QCoreApplication

from core import snapshot as states
from core.config import ALPHA_MAX, HIDDEN_MAX, SEED_MAX, STEPS_MAX, TARGET_LOSS_MAX


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def _allowed(parameter: str) -> str | None:
    texts = {
        "alpha": _tr("a number greater than 0 and at most {0:g}").format(ALPHA_MAX),
        "steps": _tr("a whole number from 1 to {0:,}").format(STEPS_MAX),
        "hidden_nodes": _tr("a whole number from 0 to {0}").format(HIDDEN_MAX),
        "seed": _tr("a whole number from 0 to {0}").format(SEED_MAX),
        "targets": _tr("four numbers from 0 to 1"),
        "target_loss": _tr("empty, or a number greater than 0 and at most {0:g}").format(
            TARGET_LOSS_MAX),
    }
    return texts.get(parameter)


def parameter_name(parameter: str) -> str:
    names = {"alpha": _tr("Alpha"), "steps": _tr("Steps"), "hidden_nodes": _tr("Hidden nodes"),
             "seed": _tr("Seed"), "targets": _tr("Targets"), "target_loss": _tr("Target loss"),
             "gate": _tr("Gate"), "mode": _tr("Mode"), "activation": _tr("Activation"),
             "loss": _tr("Loss"), "init": _tr("Initial weights"),
             "update_order": _tr("Update order")}
    return names.get(parameter, parameter)


def config_error_text(error) -> str:
    """'Seed: 4294967296 is not allowed. Allowed: a whole number from 0 to 4294967295.'"""
    allowed = _allowed(error.parameter) or error.allowed
    return _tr("{0}: {1} is not allowed. Allowed: {2}.").format(
        parameter_name(error.parameter), error.value, allowed)


def run_message(snapshot) -> str:
    """A sentence for how a run stands; empty when there is nothing to say."""
    if snapshot.state == states.DIVERGED:
        return _tr("Training diverged at step {0}: the loss or a weight stopped being a finite "
                   "number. Every view shows the last finite state.").format(snapshot.step + 1)
    if snapshot.state == states.FAILED:
        return _tr("Training failed: {0}").format(snapshot.message)
    if snapshot.state == states.STOPPED:
        return _tr("Stopped at step {0}.").format(snapshot.step)
    if snapshot.state == states.FINISHED:
        if snapshot.step < snapshot.total_steps:
            return _tr("Reached the target loss at step {0}.").format(snapshot.step)
        return _tr("Finished {0} steps.").format(snapshot.step)
    return ""
