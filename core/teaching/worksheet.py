"""A worksheet for a class: N generated exercises, then the answer key, as Markdown.

The same seed gives the same sheet (core.teaching.exercises.sheet_seeds), so a class can share
one; the key's numbers are the exercises' own values (row_math, the one step definition),
written as the app writes them. The window prints the same Markdown to PDF.
"""

from core.model.layout import GATELAB
from core.teaching.exercises import generated_exercise, sheet_seeds
from core.teaching.practice_text import exercise_lines, formula, symbol
from core.teaching.row_math import format_number

_WORDS = {
    "en": {
        "title": "GateLab practice worksheet (seed {seed})",
        "notation": {"gatelab": "GateLab's symbols (from 1, bias last)",
                     "article": "the article's symbols (from 0)"},
        "how": "Work out one online training step for one row of the truth table, each number in "
               "turn. An answer within 0.5 % of the value, or within 0.005 of it, counts as right. "
               "Notation: {notation}.",
        "exercise": "Exercise {k}",
        "key": "Answer key",
        "columns": "| # | quantity | formula, with the numbers | value |",
    },
    "ja": {
        "title": "GateLab 練習問題（シード {seed}）",
        "notation": {"gatelab": "GateLabの記号（1から数え、バイアスは最後）",
                     "article": "記事の記号（0から数える）"},
        "how": "真理値表の1行について、オンライン学習の1ステップを順に計算してください。"
               "正しい値の0.5 %以内、または差が0.005以内なら正解とします。記号: {notation}",
        "exercise": "問題 {k}",
        "key": "解答",
        "columns": "| 番号 | 量 | 式（数値を代入） | 値 |",
    },
}


def worksheet_exercises(seed: int, count: int, hidden_nodes: int | None = None) -> list:
    """The sheet's exercises, each generated from a seed drawn from the sheet's."""
    if count < 1:
        raise ValueError(f"a worksheet needs at least 1 exercise, not {count}")
    return [generated_exercise(s, hidden_nodes) for s in sheet_seeds(seed, count)]


def worksheet_markdown(seed: int, count: int, lang: str = "en", notation: str = GATELAB,
                       hidden_nodes: int | None = None) -> str:
    words = _WORDS[lang]
    exercises = worksheet_exercises(seed, count, hidden_nodes)
    lines = [f"# {words['title'].format(seed=seed)}", "",
             words["how"].format(notation=words["notation"][notation]), ""]
    for k, exercise in enumerate(exercises, 1):
        lines += [f"## {words['exercise'].format(k=k)}", ""]
        lines += [f"{line}  " for line in exercise_lines(exercise, lang, notation)] + [""]
        lines += [f"{n}. {symbol(q, lang, notation)} = ______" for n, q in enumerate(exercise.quantities, 1)]
        lines.append("")
    lines += ["---", "", f"# {words['key']}", ""]
    for k, exercise in enumerate(exercises, 1):
        lines += [f"## {words['exercise'].format(k=k)}", "", words["columns"], "|---|---|---|---|"]
        lines += [answer_row(n, q, lang, notation) for n, q in enumerate(exercise.quantities, 1)]
        lines.append("")
    return "\n".join(lines)


def answer_row(number: int, quantity, lang: str = "en", notation: str = GATELAB) -> str:
    return (f"| {number} | {symbol(quantity, lang, notation)} | {formula(quantity, lang, notation)} = "
            f"{quantity.asked.numbers} | {format_number(quantity.value)} |")
