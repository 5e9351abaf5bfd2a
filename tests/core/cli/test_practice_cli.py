"""`gatelab practice`: a whole exercise answered through standard input, every slip on the way,
and the worksheet's answer key against what the app computes."""

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli.practice_cli import run_practice, trained_exercise
from core.model.config import TrainConfig
from core.teaching.exercises import article_exercise, generated_exercise, sheet_seeds
from core.teaching.practice_numbers import ROW, SLIPS
from core.teaching.practice_text import WORDS
from core.teaching.row_math import format_number, row_math
from core.teaching.worksheet import worksheet_markdown

ROOT = Path(__file__).resolve().parents[3]


def _practice(argv, lines):
    out = io.StringIO()
    code = run_practice(argv, io.StringIO("".join(f"{line}\n" for line in lines)), out)
    return code, out.getvalue()


def _slip_words(kind, lang):
    """The slip's sentence up to its first placeholder (a row's names its rows after it)."""
    return WORDS[lang][kind].split("{")[0]


def _drive(argv, exercise, lang):
    """Answers every quantity with each of its slips, then right; checks each verdict names the
    slip; returns the kinds of slip gone through."""
    lines, expected = [], []
    for quantity in exercise.quantities:
        for slip, value in quantity.slips:
            lines.append(repr(value))
            expected.append(_slip_words(slip.kind, lang))
        lines.append(repr(quantity.value))
    code, out = _practice(argv + ["--lang", lang], lines)
    assert code == 0
    verdicts = [line for line in out.splitlines() if "? " in line]
    assert len(verdicts) == len(lines)  # one prompt per answer
    wrong = iter(v for v in verdicts if WORDS[lang]["slip"].split("{")[0] in v)
    for words in expected:
        assert words in next(wrong)
    clean = sum(not q.slips for q in exercise.quantities)
    assert WORDS[lang]["score"].format(right=clean, total=len(exercise.quantities)) in out
    return {slip.kind for q in exercise.quantities for slip, _ in q.slips}


@pytest.mark.parametrize("kind, lang, notation", [("article-and", "en", "gatelab"),
                                                  ("article-xor", "ja", "article")])
def test_every_slip_of_a_whole_exercise_is_named(kind, lang, notation):
    _drive(["--kind", kind, "--row", "1", "--notation", notation], article_exercise(kind, 1), lang)


def test_the_command_line_goes_through_every_kind_of_slip():
    """The squared loss has the ½ slips; the other update order shows with cross-entropy and α 4."""
    kinds = _drive(["--kind", "article-and", "--row", "1"], article_exercise("article-and", 1), "en")
    for order in ("article", "textbook"):
        argv = ["--kind", "run", "--gate", "xor", "--seed", "3", "--loss", "cross-entropy", "--alpha", "4",
                "--update-order", order, "--row", "2"]
        config = TrainConfig(gate="xor", seed=3, loss="cross-entropy", alpha=4, update_order=order)
        kinds |= _drive(argv, trained_exercise(config, 0, 2), "en")
    assert kinds == set(SLIPS)


def test_a_wrong_row_names_both_rows():
    exercise = article_exercise("article-and", 1)
    u = exercise.quantities[0]
    value = next(v for slip, v in u.slips if slip.kind == ROW and slip.row == 3)
    _, out = _practice(["--kind", "article-and", "--row", "1"], [repr(value), "q"])
    assert "the numbers of row [1, 1]; this exercise is row [1, 0]" in out


def test_hint_show_and_bad_input():
    exercise = generated_exercise(11)
    first = exercise.quantities[0]
    code, out = _practice(["--seed", "11"], ["h", "twelve", "s", "q"])
    assert code == 0
    assert f"Hint: {first.asked.symbol['gatelab']} = {first.asked.formula['gatelab']} = " in out
    assert WORDS["en"]["not_number"] in out
    assert f"= {format_number(first.value)}\n" in out  # shown once asked
    assert f"Score: 0 of {len(exercise.quantities)}" in out


def test_all_right_at_the_first_try_scores_everything():
    exercise = generated_exercise(5, hidden_nodes=2)
    _, out = _practice(["--seed", "5", "--hidden", "2"], [repr(q.value) for q in exercise.quantities])
    total = len(exercise.quantities)
    assert f"Score: {total} of {total} right at the first try." in out


def test_a_run_at_a_step():
    _, out = _practice(["--kind", "run", "--gate", "or", "--hidden", "3", "--step", "40", "--row", "2",
                        "--optimizer", "adam"], [])
    assert "OR gate" in out and "Adam" in out and "m[w(1)11] = " in out
    assert "t = 160" in out  # 4 row updates a step


@pytest.mark.parametrize("argv", [["--kind", "run", "--alpha", "-1"], ["--seed", "x"],
                                  ["--kind", "run", "--step", "99999"], ["--hidden", "9"],
                                  ["--kind", "run", "--mode", "batch"],
                                  ["--worksheet", "0", "--out", "a.md"],
                                  ["--worksheet", "2", "--out", "a.pdf"]])
def test_bad_options_are_refused_in_one_line(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        _practice(argv, [])
    assert stop.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_the_command_line_reads_standard_input():
    """As a user runs it, in a subprocess: answers piped in, verdicts out."""
    exercise = generated_exercise(2)
    answers = "".join(f"{q.value!r}\n" for q in exercise.quantities[:3]) + "-123\n"
    result = subprocess.run([sys.executable, "main.py", "practice", "--seed", "2"], cwd=ROOT, input=answers,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Right: ") == 3
    assert WORDS["en"]["none"] in result.stdout
    assert f"Score: 3 of {len(exercise.quantities)}" in result.stdout


# -- worksheet ------------------------------------------------------------------------------------
def _key_values(text):
    """Per exercise, the answer key's values (the last column of each table row)."""
    key = text.split("\n---\n", 1)[1]
    return [re.findall(r"^\| \d+ \| .* \| (\S+) \|$", part, re.M) for part in key.split("\n## ")[1:]]


@pytest.mark.parametrize("lang, notation", [("en", "gatelab"), ("ja", "article")])
def test_worksheet_answer_key_is_what_the_app_computes(lang, notation, tmp_path):
    out = tmp_path / "sheet.md"
    code, _ = _practice(["--worksheet", "3", "--seed", "9", "--lang", lang, "--notation", notation,
                         "--out", str(out)], [])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    keys = _key_values(text)
    assert len(keys) == 3
    for seed, values in zip(sheet_seeds(9, 3), keys, strict=True):
        exercise = generated_exercise(seed)
        m = row_math(exercise.config, exercise.math.before, exercise.math.row)
        assert values == [format_number(q.value) for q in exercise.quantities]
        assert values[0] == format_number(m.v if m.hidden_nodes == 0 else m.u[0])
        last = m.after.flat()[-1] if m.hidden_nodes == 0 else m.after.hidden[2, -1]
        assert values[-1] == format_number(last)
    assert text == worksheet_markdown(9, 3, lang, notation)  # the same seed, the same sheet
    assert text != worksheet_markdown(10, 3, lang, notation)


def test_ctrl_c_at_the_prompt_ends_with_the_score():
    class Interrupted:
        def readline(self):
            raise KeyboardInterrupt

    out = io.StringIO()
    assert run_practice(["--seed", "4"], Interrupted(), out) == 0
    assert out.getvalue().rstrip().endswith("right at the first try.")
