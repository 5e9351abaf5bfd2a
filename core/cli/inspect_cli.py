"""`gatelab inspect FILE`: check an experiment file and say what it holds, without a window.

Exit 0 with a summary, or with --json the run in exactly the shape `gatelab train --json`
prints; --step N gives the run as it was at step N, rebuilt from its run record (for N before
the saved step, the same JSON as `train --steps N --json` with the same settings, bit for bit).
Exit 2 with one line when the file is refused (the reason the window's Open gives) or the step
is out of reach (before the record's start, or in a part of the file's record that does not
replay). Opening checks the record's newest segments as the window does; --check checks them
all. Ctrl+C stops with one line and exit 130.
"""

import sys

from core.cli.cli_args import OneLineParser, StopOnCtrlC, print_json_result
from core.cli.train_cli import INTERRUPTED
from core.io import session_file
from core.io.experiment import ExperimentError, ReadCancelled, record_reproduces, restore_trainer
from core.io.report import REASONS_JA, function_lines, text_report
from core.model.gates import ROWS
from core.training.run_record import OPEN_CHECK_COST
from core.training.states import COMPLETED
from core.training.trainer import Outcome, Trainer
from core.views.number_format import format_input, format_prediction, format_target


def inspect_parser() -> OneLineParser:
    parser = OneLineParser(prog="gatelab inspect",
                           description="Check a .gatelab.json experiment and summarise it.")
    parser.add_argument("file", help="the experiment file")
    parser.add_argument("--json", action="store_true",
                        help="print the run as 'gatelab train --json' does")
    parser.add_argument("--step", type=int, metavar="N",
                        help="the run as it was after N steps (default: the saved step)")
    parser.add_argument("--run", type=int, metavar="K",
                        help="in a session file, run K (from 1; default: the run it shows)")
    parser.add_argument("--lang", choices=("en", "ja"), default="en",
                        help="language of the summary or the table")
    parser.add_argument("--check", action="store_true",
                        help="check every segment of the run record now (opening checks the "
                             "newest; the others are checked when one of their steps is shown)")
    return parser


def experiment_of(path, run: int | None, should_stop=None):
    """The experiment of an experiment file, or run K (from 1) of a session file."""
    return _read(path, run, should_stop)[0]


def _read(path, run: int | None, should_stop=None):
    """(the experiment, what the file's notes say about it)."""
    session = session_file.read(path, should_stop)
    if run is None:
        run = session.current + 1
    elif not 1 <= run <= len(session.runs):
        raise ValueError(f"run {run} is not in this file (it holds {len(session.runs)} "
                         f"run{'s' if len(session.runs) != 1 else ''})")
    return session.runs[run - 1].experiment, session.notes


def trainer_at(path, step: int | None, run: int | None = None, should_stop=None,
               check_all: bool = False) -> Trainer:
    """The file's run at `step` (None: as saved), as a trainer whose JSON is train's;
    ExperimentError if the file is refused, ValueError if the step or run is out of reach."""
    return _trainer_at(path, step, run, should_stop, check_all)[0]


def _trainer_at(path, step, run, should_stop, check_all) -> tuple:
    """(trainer_at's trainer, the step the file's run was saved at)."""
    experiment = experiment_of(path, run, should_stop)
    trainer = restore_trainer(experiment, should_stop, None if check_all else OPEN_CHECK_COST)
    if step is None or step == experiment.step:
        return trainer, experiment.step
    if not 0 <= step < experiment.step:
        raise ValueError(f"step {step} is not in this run (it has steps 0 to {experiment.step:,})")
    record = trainer.record
    if step < record.start_step:
        if record.dropped_note:
            raise ValueError(f"step {step:,} cannot be shown: {record.dropped_note}")
        raise ValueError(f"step {step} is before this file's run record, which starts at step "
                         f"{record.start_step:,} (a file saved before format 2)")
    state = record.state_at(step)  # checks the step's segment first: ValueError if it fails
    # As if trained for exactly `step` steps (a run needs at least one: step 0 keeps its plan).
    config = state.config.with_changes(steps=step) if step else state.config
    past = Trainer.restored(config, state.weights, step, experiment.loss_history[:step],
                            initial_weights=experiment.initial_weights,
                            outcome=Outcome(COMPLETED, f"completed {step} steps") if step else None,
                            optimizer_state=state.optimizer_state)
    return past, experiment.step


def summary(path, run: int | None = None, should_stop=None, check_all: bool = False) -> dict:
    """What the file holds; ExperimentError if it is refused."""
    experiment, notes = _read(path, run, should_stop)
    trainer = restore_trainer(experiment, should_stop, None if check_all else OPEN_CHECK_COST)
    config = experiment.config
    history = experiment.loss_history
    kept = record_reproduces(experiment)
    record = trainer.record
    return {
        "file": str(path),
        "config": config.to_dict(),
        "step": experiment.step,
        "outcome": None if experiment.outcome is None else {
            "reason": experiment.outcome.reason, "message": experiment.outcome.message},
        "loss": trainer.final_loss(),  # at the weights after the last step
        "last_step_loss": float(history[-1]) if history.size else None,  # L[step] of the last
        "predictions": [float(p) for p in trainer.predictions()],
        # A function's fit in words (its grid has up to 441 rows), as train's table gives it.
        "fit": function_lines(trainer, "en") if config.function is not None else [],
        "fit_ja": function_lines(trainer, "ja") if config.function is not None else [],
        "solved": trainer.solved(),
        "initial_matches_seed": experiment.initial_matches_seed,
        "record": {
            "kept": kept,  # False: a version 1 file, or a record that did not replay
            "first_step": record.start_step,  # every step from it can be shown
            "changes": len(record.changes),
            "checkpoints": record.checkpoint_count(),
            "dropped": record.dropped_note,  # why the steps before first_step are not
            "unchecked": record.unchecked(),  # segments checked only when shown
        },
        "history_rounded": experiment.history_rounded,
        "notes": notes,
    }


def text_summary(info: dict, lang: str = "en") -> str:
    if lang == "ja":
        return _text_summary_ja(info)
    c = info["config"]
    model = "2-layer" if c["hidden_nodes"] == 0 else f"{c['hidden_nodes']} hidden nodes"
    ending = info["outcome"]["message"] if info["outcome"] else "not ended: it can train on"
    record = info["record"]
    if record["kept"]:
        past = (f"run record: every step from {record['first_step']:,} can be shown "
                f"({_count(record['changes'], 'change')}, "
                f"{_count(record['checkpoints'], 'checkpoint')})")
        if record["dropped"]:
            past += f"; {record['dropped']}"
        if record["unchecked"]:
            past += (f"; {_count(record['unchecked'], 'older segment')} not checked yet (each "
                     "is checked before one of its steps is shown; --check checks them now)")
    else:
        past = (f"no run record kept (a file from before format 2, or one whose record did not "
                f"replay): steps from {record['first_step']:,} on can be shown")
    lines = [
        f"{info['file']}: {_learnt(c)}, {model}, alpha {c['alpha']:g}, "
        f"{c['steps']:,} steps, seed {c['seed']}",
        f"  {c['mode']}, {c['activation']}, {c['loss']} loss, {c['init']} init, "
        f"{c['update_order']} update order" + (f", {c['optimizer']}" if "optimizer" in c else ""),
        f"  step {info['step']:,} of {c['steps']:,}: {ending}",
        f"  loss now {info['loss']:.6g}"
        + ("" if info["last_step_loss"] is None else
           f"; the last step's loss L[step] {info['last_step_loss']:.6g}"),
    ]
    if "targets" in c:  # a gate's rows; a function's grid is summed up by its errors
        for row, prediction, target in zip(ROWS, info["predictions"], c["targets"]):
            lines.append(f"  input {format_input(row)}: predicted {format_prediction(prediction)}, "
                         f"target {format_target(target)}")
    else:
        lines += [f"  {line}" for line in info["fit"]]
    lines.append(f"  solved: {'yes' if info['solved'] else 'no'}")
    lines.append(f"  {past}")
    if info["history_rounded"]:
        lines.append("  its loss history was rounded to float32 (7 digits) to fit the file")
    if not info["initial_matches_seed"]:
        lines.append(f"  its initial weights differ from seed {c['seed']}'s")
    lines += [f"  note: {note}" for note in info["notes"]]
    return "\n".join(lines)


# The option names as the window's Japanese boxes show them.
_OPTIONS_JA = {"online": "オンライン", "batch": "バッチ", "sigmoid": "シグモイド", "tanh": "tanh",
               "relu": "ReLU", "squared": "二乗誤差", "cross-entropy": "交差エントロピー",
               "uniform": "一様乱数", "xavier": "Xavier", "textbook": "教科書の順序",
               "article": "記事のコードの順序", "sgd": "勾配降下法", "momentum": "モーメンタム",
               "adam": "Adam"}


def _text_summary_ja(info: dict) -> str:
    """text_summary in Japanese: the same facts; the file's own notes stay as written."""
    c = info["config"]
    o = _OPTIONS_JA
    model = "2層モデル" if c["hidden_nodes"] == 0 else f"隠れ層のノード {c['hidden_nodes']} 個"
    outcome = info["outcome"]
    ending = (REASONS_JA.get(outcome["reason"], outcome["reason"]) if outcome
              else "終わっていません（続けて学習できます）")
    if outcome and outcome["reason"] == "diverged":  # the step it diverged at, as the table says
        ending += f"（ステップ {info['step'] + 1:,}）"
    record = info["record"]
    if record["kept"]:
        past = (f"学習の記録: ステップ {record['first_step']:,} 以降のどのステップも表示できます"
                f"（変更 {record['changes']:,} 回、チェックポイント {record['checkpoints']:,} 個）")
        if record["dropped"]:
            past += f"。英語のメモ: {record['dropped']}"
        if record["unchecked"]:
            past += (f"。古い区間 {record['unchecked']:,} 個は未確認です（そのステップを表示する前に"
                     "確認します。--check で今すべて確認します）")
    else:
        past = (f"学習の記録がありません（形式 2 より前のファイルか、記録が再現できなかったファイル）。"
                f"ステップ {record['first_step']:,} 以降を表示できます")
    lines = [
        f"{info['file']}: {_learnt(c)}、{model}、学習率 α {c['alpha']:g}、"
        f"{c['steps']:,} ステップ、シード {c['seed']}",
        f"  {o[c['mode']]}、{o[c['activation']]}、{o[c['loss']]}、初期値 {o[c['init']]}、"
        f"更新順 {o[c['update_order']]}" + (f"、{o[c['optimizer']]}" if "optimizer" in c else ""),
        f"  ステップ {info['step']:,} / {c['steps']:,}: {ending}",
        f"  現在の損失 {info['loss']:.6g}"
        + ("" if info["last_step_loss"] is None else
           f"。最後のステップの損失 L[step] {info['last_step_loss']:.6g}"),
    ]
    if "targets" in c:
        for row, prediction, target in zip(ROWS, info["predictions"], c["targets"]):
            lines.append(f"  入力: {format_input(row)}, 予測値: {format_prediction(prediction)}, "
                         f"真の値: {format_target(target)}")
    else:
        lines += [f"  {line}" for line in info["fit_ja"]]
    lines.append(f"  解けたか: {'はい' if info['solved'] else 'いいえ'}")
    lines.append(f"  {past}")
    if info["history_rounded"]:
        lines.append("  損失の履歴は、ファイルに収めるため float32（7桁）に丸めてあります")
    if not info["initial_matches_seed"]:
        lines.append(f"  初期の重みがシード {c['seed']} のものと違います")
    lines += [f"  メモ: {note}" for note in info["notes"]]
    return "\n".join(lines)


def _learnt(c: dict) -> str:
    """What the run learns: its gate, or its function (f = bump)."""
    return f"f = {c['function']}" if c.get("function") else c["gate"].upper()


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def run_inspect(argv, explainer=None) -> int:
    """explainer(lang): the window's translated diagnosis (as for train), or None."""
    args = inspect_parser().parse_args(argv)
    try:
        with StopOnCtrlC() as stop:
            if args.json or args.step is not None:
                trainer, saved = _trainer_at(args.file, args.step, args.run, stop, args.check)
            else:
                info = summary(args.file, args.run, stop, args.check)
            if stop.requested:
                raise ReadCancelled()
    except ReadCancelled:
        print(f"gatelab inspect: stopped by Ctrl+C while reading {args.file}", file=sys.stderr)
        return INTERRUPTED
    except ExperimentError as error:
        print(f"gatelab inspect: refused {args.file}: {error}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"gatelab inspect: {error}", file=sys.stderr)
        return 2
    if args.json:
        return print_json_result(trainer, "gatelab inspect")
    if args.step is not None:
        # The JSON is train's for that many steps; the text says this is a past step.
        past = None
        if args.step < saved:
            past = (f"過去のステップです。この学習はステップ {saved:,} まで進みました" if args.lang == "ja"
                    else f"a past step: the run went on to step {saved:,}")
        explain = explainer(args.lang) if explainer is not None and args.lang != "en" else None
        print(text_report(trainer, args.lang, explain, ending=past))
    else:
        print(text_summary(info, args.lang))
    return 0
