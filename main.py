"""GateLab: watch a neural network learn a logic gate.

    python main.py                 the window (article's 3-layer XOR defaults)
    python main.py train [flags]   headless training, the article's table or --json
    python main.py inspect FILE    check an experiment file and summarise it (exit 2: refused)
    python main.py practice        compute a training step yourself, checked answer by answer
    python main.py animate FILE --out RUN.gif   the saved run as an animated GIF
    python main.py study --function bump   how the error falls with more hidden nodes
    python main.py --help          every flag
"""

import multiprocessing
import sys

from core.cli.cli_args import OneLineParser, add_training_flags, config_from_args
from core.model.config import ConfigError


def gui_parser() -> OneLineParser:
    parser = OneLineParser(prog="gatelab", description="GateLab window; flags preset its controls.",
                           epilog="Subcommands: 'gatelab train --help' for headless training, "
                                  "'gatelab inspect FILE' to check an experiment file, "
                                  "'gatelab animate FILE --out RUN.gif' for an animation.")
    add_training_flags(parser)
    parser.add_argument("--autostart", action="store_true", help="start training at launch")
    parser.add_argument("--fresh", action="store_true",
                        help="start with the article's settings and speed, not the last ones "
                             "(which stay stored: a classroom machine)")
    parser.add_argument("--self-test", action="store_true",
                        help="build the window, train briefly, render, print a JSON status, exit")
    parser.add_argument("--screenshot", metavar="PATH", help="with --self-test: save the window here")
    return parser


def run_train(argv) -> int:
    from core.cli.train_cli import run_train as train  # Ctrl+C, progress and --save live there

    return train(argv, explainer=diagnosis_in)


def diagnosis_in(language: str):
    """The window's translated diagnosis for the command line (Qt's translator needs only
    QtCore, no display); None where Qt is not installed: the table goes without it."""
    try:
        from PySide6.QtCore import QCoreApplication

        from gui.common.i18n import install_translators
        from gui.common.messages import diagnosis_text
    except ImportError:
        return None

    app = QCoreApplication.instance() or QCoreApplication([])
    translators = install_translators(app, language)

    def explain(diagnosis, _kept=translators) -> str:  # _kept: the translators stay alive
        return diagnosis_text(diagnosis)
    return explain


def run_gui(argv) -> int:
    parser = gui_parser()
    args = parser.parse_args(argv)
    try:
        config = config_from_args(args)
    except ConfigError as error:
        parser.error(str(error))
    from core.cli.cli_args import FLAG_FIELDS
    from gui.shell.app import run_app

    if not any(getattr(args, name) is not None for name in FLAG_FIELDS.values()):
        config = None  # no training flags: the window reopens with the last-used settings

    return run_app(config, autostart=args.autostart, self_test=args.self_test,
                   screenshot=args.screenshot, fresh=args.fresh)


def main(argv=None) -> int:
    multiprocessing.freeze_support()  # the training engine's process, in a frozen build
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "train":
        return run_train(argv[1:])
    if argv and argv[0] == "inspect":
        from core.cli.inspect_cli import run_inspect
        return run_inspect(argv[1:], explainer=diagnosis_in)
    if argv and argv[0] == "animate":
        from gui.shell.animate_command import run_animate
        return run_animate(argv[1:])
    if argv and argv[0] == "practice":
        from core.cli.practice_cli import run_practice
        return run_practice(argv[1:])
    if argv and argv[0] == "seeds":
        from core.cli.seeds_cli import run_seeds
        return run_seeds(argv[1:])
    if argv and argv[0] == "study":
        from core.cli.study_cli import run_study
        return run_study(argv[1:])
    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
