"""`gatelab practice`: work one row update by hand in the terminal, or write a worksheet.

It asks for each number in turn and reads the answers from standard input (h: hint, s: show
me, q: quit); the verdicts are the window's. At the end of input it prints the score.
`--worksheet N --out FILE.md` writes N generated exercises with an answer key instead.
"""

import sys

from core.cli.cli_args import OneLineParser, add_training_flags, config_from_args
from core.model.config import ConfigError
from core.model.layout import ARTICLE, GATELAB
from core.teaching.exercises import (
    ARTICLE_RUNS,
    GENERATED,
    KINDS,
    RUN,
    article_exercise,
    generated_exercise,
    run_exercise,
)
from core.teaching.practice_session import HINT, NOT_NUMBER, QUIT, RIGHT, SHOWN, PracticeSession
from core.teaching.practice_text import WORDS, exercise_lines, hint_text, shown_text, symbol, verdict_text

WORKSHEET_MAX = 200


def practice_parser() -> OneLineParser:
    parser = OneLineParser(prog="gatelab practice",
                           description="Compute one training step yourself; each answer is checked.")
    parser.add_argument("--kind", choices=KINDS, default=GENERATED,
                        help="the article's AND or XOR run (its first update), a run trained --step "
                             "steps with the training flags, or round numbers from --seed (default)")
    parser.add_argument("--row", type=int, choices=range(4), metavar="ROW",
                        help="truth-table row 0-3: (0,0),(1,0),(0,1),(1,1) (generated: from the seed)")
    parser.add_argument("--step", type=int, default=0, help="--kind run: steps trained before the update")
    parser.add_argument("--notation", choices=(GATELAB, ARTICLE), default=GATELAB,
                        help="symbols: GateLab's (from 1, bias last) or the article's (from 0)")
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="language of the text")
    parser.add_argument("--worksheet", type=int, metavar="N",
                        help=f"write N (1-{WORKSHEET_MAX}) generated exercises and an answer key to --out")
    parser.add_argument("--out", metavar="FILE.md", help="the worksheet's Markdown file")
    add_training_flags(parser)
    return parser


def run_practice(argv, stdin=None, stdout=None) -> int:
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    parser = practice_parser()
    args = parser.parse_args(argv)
    if args.worksheet is not None:
        return _worksheet(parser, args)
    try:
        exercise = _exercise(args)
    except (ConfigError, ValueError) as error:
        parser.error(str(error))
    ask(exercise, stdin, stdout, args.lang, args.notation)
    return 0


def _exercise(args):
    row = args.row
    if args.kind in ARTICLE_RUNS:
        return article_exercise(args.kind, row or 0)
    if args.kind == RUN:
        return trained_exercise(config_from_args(args), args.step, row or 0)
    seed = int(args.seed) if args.seed is not None else 0
    hidden = int(args.hidden_nodes) if args.hidden_nodes is not None else None
    return generated_exercise(seed, hidden, row)


def ask(exercise, stdin, stdout, lang="en", notation=GATELAB) -> int:
    """Asks every quantity in turn; returns how many were right at the first try."""
    words = WORDS[lang]

    def say(text):
        print(text, file=stdout, flush=True)

    for line in exercise_lines(exercise, lang, notation) + [words["intro"]]:
        say(line)
    session = PracticeSession(exercise)
    while not session.finished:
        quantity = session.current
        stdout.write(words["prompt"].format(k=session.index + 1, n=session.total,
                                            symbol=symbol(quantity, lang, notation)))
        stdout.flush()
        try:
            line = stdin.readline()
        except KeyboardInterrupt:  # Ctrl+C at the prompt ends the exercise with its score
            line = ""
        reply = session.respond(line if line else "q")
        if not line or reply.kind == QUIT:
            say("")
            break
        if reply.kind == HINT:
            say(hint_text(quantity, lang, notation))
        elif reply.kind == SHOWN:
            say(shown_text(quantity, lang, notation))
        elif reply.kind == NOT_NUMBER:
            say(words["not_number"])
        else:
            say(verdict_text(exercise, quantity, reply.verdict, lang, notation))
            if reply.kind == RIGHT:
                say("  " + shown_text(quantity, lang, notation))
    say(words["score"].format(right=session.first_try_right, total=session.total))
    return session.first_try_right


def trained_exercise(config, step: int, row: int = 0):
    """The run of `config` trained `step` steps, then the update on `row`."""
    from core.training.trainer import Trainer

    if not 0 <= step <= config.steps:
        raise ValueError(f"--step must be 0..{config.steps}, not {step}")
    trainer = Trainer(config)
    trainer.advance(step)
    if trainer.step < step:
        raise ValueError(f"the run stopped after {trainer.step} steps ({trainer.outcome.reason})")
    return run_exercise(config, trainer.weights, row, trainer.optimizer_state(), step)


def _worksheet(parser, args) -> int:
    from core.teaching.worksheet import worksheet_markdown

    if not 1 <= args.worksheet <= WORKSHEET_MAX:
        parser.error(f"--worksheet: between 1 and {WORKSHEET_MAX}, not {args.worksheet}")
    if not args.out or not args.out.lower().endswith(".md"):
        parser.error("--worksheet needs --out FILE.md (the window writes PDF: File > Practice worksheet)")
    try:
        seed = int(args.seed) if args.seed is not None else 0
        hidden = int(args.hidden_nodes) if args.hidden_nodes is not None else None
        text = worksheet_markdown(seed, args.worksheet, args.lang, args.notation, hidden)
        with open(args.out, "w", encoding="utf-8") as stream:
            stream.write(text)
    except ValueError as error:
        parser.error(str(error))
    except OSError as error:
        print(f"gatelab practice: could not write {args.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0
