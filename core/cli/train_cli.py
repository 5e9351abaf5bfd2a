"""`gatelab train`: train headless and print the article's table, or --json; --save keeps the run.

Ctrl+C stops the training between chunks of steps: one line on standard error says where,
--save keeps what was trained, and the exit status is 130. On a terminal, a run that takes
more than a second shows a progress line on standard error (never on standard output).
"""

import errno
import os
import sys

from core.cli.cli_args import (
    OneLineParser,
    ProgressLine,
    StopOnCtrlC,
    add_training_flags,
    config_from_args,
    print_json_result,
)
from core.model.config import ConfigError
from core.model.presets import PRESETS, preset_config
from core.training.states import STOPPED

INTERRUPTED = 130  # the shell's status for a process ended by Ctrl+C


def train_parser() -> OneLineParser:
    parser = OneLineParser(prog="gatelab train", description="Train headless and print the result.")
    parser.add_argument("--preset", choices=sorted(PRESETS),
                        help="the article's run: its settings, seed included (other flags change them)")
    add_training_flags(parser)
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the table")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument("--save", metavar="PATH",
                        help="also save the run as an experiment file (open it in the window, or "
                             "'gatelab inspect PATH'); Ctrl+C saves what was trained")
    return parser


def run_train(argv, explainer=None) -> int:
    """explainer(lang): a function giving a diagnosis in that language, or None (the window's
    translations: main.py passes them in; the core keeps English only)."""
    from core.io.report import text_report
    from core.training.trainer import Trainer

    parser = train_parser()
    args = parser.parse_args(argv)
    try:
        config = config_from_args(args, preset_config(args.preset) if args.preset else None)
    except ConfigError as error:
        parser.error(str(error))
    if args.save:
        problem = save_problem(args.save)
        if problem:  # before training, not after it
            print(f"gatelab train: could not save {args.save}: {problem}", file=sys.stderr)
            return 1
    trainer = Trainer(config)
    progress = ProgressLine("gatelab train", config.steps)
    with StopOnCtrlC() as stop:
        trainer.run(on_progress=lambda t, _: progress.show(t.step), should_stop=stop)
    progress.close()
    interrupted = stop.requested and trainer.outcome is not None and \
        trainer.outcome.reason == STOPPED
    if args.save:
        from core.io.experiment import ExperimentError, save

        try:
            save(args.save, trainer)
        except (OSError, ExperimentError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            print(f"gatelab train: could not save {args.save}: {reason}", file=sys.stderr)
            return 1
    if interrupted:
        kept = f"; saved them to {args.save}" if args.save else ""
        print(f"gatelab train: stopped by Ctrl+C after {trainer.step:,} of {config.steps:,} "
              f"steps{kept}", file=sys.stderr)
        return INTERRUPTED
    if args.json:
        return print_json_result(trainer, "gatelab train")
    explain = explainer(args.lang) if explainer is not None and args.lang != "en" else None
    print(text_report(trainer, args.lang, explain))
    return 0


def save_problem(path) -> str | None:
    """Why a file could not be saved at `path` (None: it likely can): a missing or read-only
    folder, a read-only file, a folder in its place."""
    from core.io.experiment import check_writable

    path = os.path.realpath(os.fspath(path))
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        return f"{os.strerror(errno.ENOENT)}: {folder!r}"
    if os.path.isdir(path):
        return f"{os.strerror(errno.EISDIR)}: {path!r}"
    try:
        check_writable(path)
    except PermissionError as error:
        return error.strerror
    if not os.access(folder, os.W_OK):
        return f"{os.strerror(errno.EACCES)}: {folder!r}"
    return None
