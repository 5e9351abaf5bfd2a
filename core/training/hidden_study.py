"""How many hidden nodes? (issue #28): the same settings trained over many seeds for each number
of hidden nodes, and each network's largest error over the rows at the end: the spread shows
how the error falls as nodes are added, and that training does not always find what the
universal approximation theorem promises exists.

Runs on the many-seeds engine (core.training.ensemble), one ensemble per number of nodes.
"""

from dataclasses import dataclass

import numpy as np

from core.model.config import HIDDEN_MAX, ConfigError
from core.model.target_function import TOLERANCE
from core.training.ensemble import QUANTILES, run_ensemble

NODES_DEFAULT = tuple(range(1, 17))


@dataclass(frozen=True)
class StudyRow:
    hidden_nodes: int
    max_errors: np.ndarray  # (K,) each seed's largest |yp - yt| over the rows (inf: diverged)
    quantiles: tuple  # of max_errors at QUANTILES (10, 50, 90 %)
    within: int  # seeds whose every row is within the tolerance


def node_range(text) -> tuple:
    """"1-16" or "1,2,4,8" as hidden node counts; ConfigError naming the allowed form."""
    allowed = f"counts from 0 to {HIDDEN_MAX}: a range such as 1-16, or a list such as 1,2,4,8"
    try:
        if isinstance(text, str) and "-" in text:
            low, high = (int(part) for part in text.split("-"))
            nodes = tuple(range(low, high + 1))
        else:
            nodes = tuple(int(part) for part in str(text).split(","))
    except ValueError:
        raise ConfigError("nodes", text, allowed) from None
    if not nodes or not all(0 <= n <= HIDDEN_MAX for n in nodes) or len(set(nodes)) != len(nodes):
        raise ConfigError("nodes", text, allowed)
    return nodes


def largest_errors(predictions: np.ndarray, targets) -> np.ndarray:
    """Each network's largest |prediction - target| (predictions K x rows); NaN counts as inf."""
    with np.errstate(invalid="ignore"):
        errors = np.abs(predictions - np.asarray(targets, dtype=float))
    return np.where(np.isfinite(errors), errors, np.inf).max(axis=1)


def work_shares(nodes) -> np.ndarray:
    """Each count's share of a study's work: a step costs about as much as the network has
    weights (4 per hidden node, and the output's bias), so 64 nodes take ~50 times 1 node's."""
    weights = np.array([4 * n + 1 for n in nodes], dtype=float)
    return weights / weights.sum()


def study(config, nodes=NODES_DEFAULT, count: int = 20, first_seed: int = 0, tolerance: float | None = None,
          should_stop=None, on_progress=None, on_work=None) -> list[StudyRow] | None:
    """A StudyRow per number of hidden nodes (in `nodes` order); None if stopped.
    on_progress(done, total): after each number of nodes. on_work(fraction): the share of the
    whole study done, also within a count (after each of the engine's chunks, a few a second).
    tolerance: None for the config's."""
    if tolerance is None:  # a gate's config has none: the functions' usual one
        tolerance = TOLERANCE if config.tolerance is None else config.tolerance
    rows = []
    shares = work_shares(nodes)
    before = 0.0
    for k, hidden in enumerate(nodes):
        within_count = None
        if on_work is not None:
            def within_count(done, steps, before=before, share=shares[k]):
                on_work(min(1.0, before + share * done / max(1, steps)))
        result = run_ensemble(config.with_changes(hidden_nodes=hidden), count, first_seed,
                              on_progress=within_count, should_stop=should_stop)
        before += shares[k]
        if result is None or result.cancelled:
            return None
        if on_work is not None:  # the count is done even if every seed stopped early
            on_work(min(1.0, before))
        errors = largest_errors(result.predictions, config.targets)
        rows.append(StudyRow(hidden, errors, tuple(float(q) for q in np.quantile(errors, QUANTILES)),
                             int((errors <= tolerance).sum())))
        if on_progress is not None:
            on_progress(k + 1, len(nodes))
    return rows
