"""`gatelab seeds`: train K seeds with the same settings and report how often they learn the gate.

Ctrl+C stops between chunks of steps with one line on standard error (exit 130, no report: the
seeds did not finish); on a terminal a long run shows a progress line on standard error.
"""

import json
import math
import sys
import time

from core.cli.cli_args import OneLineParser, ProgressLine, StopOnCtrlC, add_training_flags, config_from_args
from core.cli.train_cli import INTERRUPTED
from core.model.config import SEED_MAX, ConfigError
from core.model.presets import PRESETS, preset_config
from core.training.ensemble import COUNT_MAX, QUANTILES, check_seeds, run_ensemble, summarize
from core.views.diagnosis import failure_kinds

FAILED_SHOWN = 20  # failed seeds listed in the text report (JSON lists all)


def seeds_parser() -> OneLineParser:
    parser = OneLineParser(
        prog="gatelab seeds",
        description="Train many seeds with the same settings; print the fraction that solved the gate.",
        epilog="--seed is the first seed when --first-seed is not given.")
    parser.add_argument("--count", default="1000", metavar="COUNT",
                        help=f"number of networks (seeds), 1 to {COUNT_MAX} (default 1000)")
    parser.add_argument("--first-seed", dest="first_seed", default=None, metavar="FIRST_SEED",
                        help=f"the first seed; the others follow it, up to {SEED_MAX} (default 0, "
                             "or the preset's seed)")
    parser.add_argument("--preset", choices=sorted(PRESETS),
                        help="the article's run: its settings, its seed the first (other flags change them)")
    add_training_flags(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    return parser


def _seed_range(parser, args):
    if args.first_seed is not None and args.seed is not None:
        parser.error("--seed and --first-seed: give only one (--first-seed is the first of the seeds)")
    default = str(PRESETS[args.preset]["seed"]) if args.preset else "0"
    first = args.first_seed if args.first_seed is not None else (args.seed or default)
    try:
        return check_seeds(args.count, first)
    except ConfigError as error:
        flag = "--count" if error.parameter == "count" else (
            "--first-seed" if args.first_seed is not None else "--seed")
        parser.error(f"{flag}: {error}")


def run_seeds(argv) -> int:
    parser = seeds_parser()
    args = parser.parse_args(argv)
    count, first_seed = _seed_range(parser, args)
    args.seed = None  # the seed range replaces the single seed
    try:
        config = config_from_args(args, preset_config(args.preset) if args.preset else None)
    except ConfigError as error:
        parser.error(str(error))
    started = time.perf_counter()
    progress = ProgressLine("gatelab seeds", config.steps)
    with StopOnCtrlC() as stop:
        result = run_ensemble(config, count, first_seed, on_progress=progress.show,
                              should_stop=stop)
    progress.close()
    seconds = time.perf_counter() - started
    if stop.requested and (result is None or result.cancelled):
        done = 0 if result is None else result.steps_done
        print(f"gatelab seeds: stopped by Ctrl+C after {done:,} of {config.steps:,} steps; "
              "no report (the seeds did not finish)", file=sys.stderr)
        return INTERRUPTED
    if args.json:
        print(json.dumps(json_report(result), allow_nan=False))
    else:
        print(text_report(result, seconds))
    return 0


def _finite_or_none(value):
    value = float(value)
    return value if math.isfinite(value) else None


def settings_text(config) -> str:
    layers = "2-layer (no hidden nodes)" if config.is_two_layer else f"{config.hidden_nodes} hidden nodes"
    gate = config.gate.upper() if config.gate != "custom" else "custom gate " + ",".join(
        f"{t:g}" for t in config.targets)
    if config.is_function:
        gate = (f"function {config.function} on a {config.grid} x {config.grid} grid, within "
                f"{config.tolerance:g}")
    text = (f"{gate}, {layers}, alpha {config.alpha:g}, {config.steps} steps, {config.mode}, "
            f"{config.activation}, {config.loss} loss, {config.init} init, {config.update_order} order")
    if config.optimizer != "sgd":
        text += f", {config.optimizer}"
    if config.target_loss is not None:
        text += f", target loss {config.target_loss:g}"
    return text


def text_report(result, seconds: float | None = None) -> str:
    summary = summarize(result)
    low, high = summary.interval
    first, last = int(result.seeds[0]), int(result.seeds[-1])
    lines = [
        f"{settings_text(result.config)}; seeds {first}-{last} ({result.count} networks)",
        f"solved: {summary.solved_count} of {summary.count} = {100 * summary.fraction:.1f} % "
        f"(95 % confidence interval {100 * low:.1f}-{100 * high:.1f} %)",
    ]
    if summary.loss_quantiles:
        parts = ", ".join(f"{int(100 * q)} % {v:.4g}" for q, v in summary.loss_quantiles.items())
        lines.append(f"final loss quantiles: {parts}")
    if summary.diverged_count:
        lines.append(f"diverged: {summary.diverged_count} (kept at their last finite weights)")
    failed = [str(s) for s in summary.failed_seeds[:FAILED_SHOWN].tolist()]
    if failed:
        more = len(summary.failed_seeds) - len(failed)
        tail = f", ... ({more} more; --json lists all)" if more else ""
        lines.append(f"failed seeds ({len(summary.failed_seeds)}): {', '.join(failed)}{tail}")
        kinds = ", ".join(f"{_kind_text(kind, result.config)}: {n}"
                          for kind, n in failure_kinds(result).items())
        lines.append(f"why they failed: {kinds}")
    else:
        lines.append("failed seeds: none")
    if seconds is not None:
        lines.append(f"time: {seconds:.2f} s")
    return "\n".join(lines)


def _kind_text(kind: str, config) -> str:
    """'stuck', or 'not within ±0.05' (a bare 'not within 8' read as a tolerance of 8)."""
    if kind == "not_within":
        return f"not within ±{config.tolerance:g}"
    return kind.replace("_", " ")


def json_report(result) -> dict:
    summary = summarize(result)
    config = result.config.to_dict()
    del config["seed"]
    return {
        "config": config,
        "first_seed": int(result.seeds[0]),
        "count": result.count,
        "solved": summary.solved_count,
        "fraction_solved": summary.fraction,
        "ci95": list(summary.interval),
        "diverged": summary.diverged_count,
        "final_loss_quantiles": {f"{q:g}": v for q, v in summary.loss_quantiles.items()},
        "final_loss_histogram": {"edges": summary.histogram_edges.tolist(),
                                 "counts": summary.histogram_counts.tolist()},
        "loss_curve": {"steps": result.curve_steps.tolist(), "quantiles": list(QUANTILES),
                       "values": [[_finite_or_none(v) for v in row] for row in result.curve]},
        "failed_seeds": summary.failed_seeds.tolist(),
        "failure_kinds": failure_kinds(result),  # why they failed (core.views.diagnosis)
    } | _tolerance_field(result.config)


def _tolerance_field(config) -> dict:
    """A function's tolerance at the top, as train and study --json have it (its config has it
    only when not the usual one)."""
    return {"tolerance": config.tolerance} if config.is_function else {}
