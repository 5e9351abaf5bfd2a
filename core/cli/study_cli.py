"""`gatelab study`: how many hidden nodes? Trains many seeds for each number of hidden nodes and
prints each one's largest error over the rows at the end (10/50/90 % over the seeds) and how
many seeds got within the tolerance (issue #28; core.training.hidden_study).

Ctrl+C stops with one line on standard error (exit 130, no report).
"""

import json
import sys

from core.cli.cli_args import OneLineParser, ProgressLine, StopOnCtrlC, add_training_flags, config_from_args
from core.cli.train_cli import INTERRUPTED
from core.model.config import ConfigError
from core.model.target_function import TOLERANCE
from core.training.ensemble import QUANTILES, check_seeds
from core.training.hidden_study import node_range, study


def study_parser() -> OneLineParser:
    parser = OneLineParser(prog="gatelab study",
                           description="Train many seeds for each number of hidden nodes; print how "
                                       "the largest error falls as nodes are added.")
    parser.add_argument("--nodes", default="1-16", metavar="NODES",
                        help="hidden node counts: a range such as 1-16 (default) or a list such as 1,2,4,8")
    parser.add_argument("--count", default="20", metavar="COUNT",
                        help="seeds per count of nodes (default 20)")
    add_training_flags(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    return parser


def run_study(argv) -> int:
    parser = study_parser()
    args = parser.parse_args(argv)
    if getattr(args, "hidden_nodes", None) is not None:  # the study sets it, count by count
        parser.error("--hidden: the study trains each count of --nodes; give those instead")
    try:
        nodes = node_range(args.nodes)
    except ConfigError as error:
        parser.error(f"--nodes: {error}")
    try:
        count, first_seed = check_seeds(args.count, args.seed or 0)
    except ConfigError as error:
        parser.error(f"{'--count' if error.parameter == 'count' else '--seed'}: {error}")
    args.seed = None
    try:
        config = config_from_args(args)
    except ConfigError as error:
        parser.error(str(error))
    tolerance = TOLERANCE if config.tolerance is None else config.tolerance  # a gate has none
    progress = ProgressLine("gatelab study", len(nodes))
    with StopOnCtrlC() as stop:
        rows = study(config, nodes, count, first_seed, should_stop=stop, on_progress=progress.show)
    progress.close()
    if rows is None:
        print("gatelab study: stopped by Ctrl+C; no report (the study did not finish)", file=sys.stderr)
        return INTERRUPTED
    if args.json:
        report = [{"hidden_nodes": r.hidden_nodes, "within": r.within,
                   "max_error_quantiles": {str(q): _finite(v) for q, v in zip(QUANTILES, r.quantiles)},
                   "max_errors": [_finite(v) for v in r.max_errors]} for r in rows]
        print(json.dumps({"config": config.to_dict(), "count": count, "first_seed": first_seed,
                          "tolerance": tolerance, "rows": report}, allow_nan=False))
        return 0
    print(f"largest error over the rows after {config.steps:,} steps, {count} seeds each "
          f"(10 % / 50 % / 90 % of the seeds); within {tolerance:g}: how many seeds")
    for r in rows:
        low, mid, high = r.quantiles
        print(f"hidden nodes {r.hidden_nodes:2d}: {low:.3f} / {mid:.3f} / {high:.3f}   within: "
              f"{r.within} of {count}")
    return 0


def _finite(value):
    value = float(value)
    return value if value != float("inf") else None
