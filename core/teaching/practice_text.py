"""Practice's words in English and Japanese, for the command line and the worksheet (the window
has the same sentences through Qt's translations). A wrong answer's verdict holds no number of
the right value; only `shown` (show me) gives it.
"""

from core.model.gates import ROWS
from core.model.layout import ARTICLE, GATELAB, state_layout
from core.teaching.practice import RIGHT_RELATIVE, Exercise, Quantity, Verdict
from core.teaching.practice_numbers import ROW, SLIPS
from core.teaching.row_math import format_number

LANGUAGES = ("en", "ja")
NOTATIONS = (GATELAB, ARTICLE)

_EN = {
    "right_relative": "Right: {symbol} = {value} (your answer is within 0.5 % of it).",
    "right_absolute": "Right: {symbol} = {value} (your answer is within 0.005 of it).",
    "order_old": "the output weight from before its update. In the article's order the output "
                 "weights are updated first, and the hidden deltas use the new ones.",
    "order_new": "the output weight after its update. In the textbook order the hidden deltas use "
                 "the output weights from before the update.",
    "half_dropped": "the ½ left out. L = ½ (yp − yt)², so ∂L/∂yp = yp − yt, not 2 (yp − yt).",
    "half_kept": "the ½ kept in the slope. Differentiating ½ (yp − yt)² brings down the 2, which "
                 "cancels the ½: ∂L/∂yp = yp − yt.",
    "sign": "the sign of the error flipped. The error is yp − yt (the prediction minus the target), "
            "not yt − yp.",
    "slope_value": "the activation's value f(u) where its slope f′(u) belongs (for the sigmoid, "
                   "f′(u) = f(u) (1 − f(u))).",
    "bias": "the bias input left out. Its 1, times its weight, belongs in the sum too.",
    "row": "the numbers of row [{x1}, {x2}]; this exercise is row [{y1}, {y2}].",
    "slip": "Not quite. Your number is what you get with {what}",
    "or": " Or with ",
    "none": "Not right, and none of the usual slips gives your number. Type h for a hint, or look at "
            "the formula again.",
    "not_number": "Please type a number (h: hint, s: show me, q: quit).",
    "hint": "Hint: {symbol} = {formula} = {numbers}",
    "shown": "{symbol} = {formula} = {numbers} = {value}",
    "prompt": "{k}/{n}  {symbol} = ? ",
    "score": "Score: {right} of {total} right at the first try.",
    "intro": "Compute each number in turn (h: hint, s: show me, q: quit).",
    "exercise": "{model}, {gate} gate, {loss} loss, α = {alpha}, "
                "{order} update order, {optimizer}.",
    "row_line": "Row [{x1}, {x2}]: inputs {inputs}; target yt = {yt}.",
    "weights": "Weights before the update:",
    "state": "The optimizer's state before the update:",
    "two_layer": "2-layer model", "three_layer": "3-layer model, {h} {activation} hidden nodes",
    "new": " (new)",
    "textbook": "textbook", "article": "the article's",
    "sgd": "gradient descent", "momentum": "momentum 0.9", "adam": "Adam",
    "squared": "squared", "cross-entropy": "cross-entropy",
    "sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU",
}
_JA = {
    "right_relative": "正解です: {symbol} = {value}（入力した値は正しい値の0.5 %以内）",
    "right_absolute": "正解です: {symbol} = {value}（入力した値と正しい値の差は0.005以内）",
    "order_old": "出力層の重みを更新前の値で使った場合の値です。"
                 "記事のコードの順では出力層の重みを先に更新し、隠れ層のδには更新後の値を使います。",
    "order_new": "出力層の重みを更新後の値で使った場合の値です。教科書の順では、隠れ層のδには更新前の"
                 "出力層の重みを使います。",
    "half_dropped": "½を落とした場合の値です。L = ½ (yp − yt)² なので ∂L/∂yp = yp − yt で、"
                    "2 (yp − yt) ではありません。",
    "half_kept": "傾きに½を残した場合の値です。½ (yp − yt)² を微分すると指数の2が前に出て½と打ち消し合い、"
                 "∂L/∂yp = yp − yt になります。",
    "sign": "誤差の符号を逆にした場合の値です。誤差は yp − yt（予測値から真の値を引いたもの）で、"
            "yt − yp ではありません。",
    "slope_value": "活性化関数の傾き f′(u) の代わりに値 f(u) を使った場合の値です（シグモイドなら "
                   "f′(u) = f(u) (1 − f(u))）。",
    "bias": "バイアス入力を落とした場合の値です。1 とその重みの積も和に入ります。",
    "row": "行 [{x1}, {x2}] の数値で計算した場合の値です。この問題は行 [{y1}, {y2}] です。",
    "slip": "惜しい。あなたの答えは、{what}",
    "or": " または、",
    "none": "違います。よくある間違いのどれとも一致しません。"
            "h でヒントを見るか、式をもう一度確かめてください。",
    "not_number": "数値を入力してください（h: ヒント、s: 答えを見る、q: 終了）。",
    "hint": "ヒント: {symbol} = {formula} = {numbers}",
    "shown": "{symbol} = {formula} = {numbers} = {value}",
    "prompt": "{k}/{n}  {symbol} = ? ",
    "score": "得点: {total}問中{right}問を一度で正解",
    "intro": "順に各値を計算してください（h: ヒント、s: 答えを見る、q: 終了）。",
    "exercise": "{model}、{gate}ゲート、損失 {loss}、学習率 α = {alpha}、{order}、{optimizer}",
    "row_line": "行 [{x1}, {x2}]: 入力 {inputs}、真の値 yt = {yt}",
    "weights": "更新前の重み:",
    "state": "更新前の最適化手法の状態:",
    "two_layer": "2層モデル", "three_layer": "3層モデル（隠れ層は{activation}のノード {h} 個）",
    "new": "（更新後）",
    "textbook": "教科書の順序", "article": "記事のコードの順序",
    "sgd": "勾配降下法", "momentum": "モーメンタム 0.9", "adam": "Adam",
    "squared": "二乗誤差", "cross-entropy": "交差エントロピー",
    "sigmoid": "シグモイド", "tanh": "tanh", "relu": "ReLU",
}
WORDS = {"en": _EN, "ja": _JA}


def words_of(lang) -> dict:
    """A language's words: "en", "ja", or a dict with the same keys (the window's, translated
    by Qt)."""
    return lang if isinstance(lang, dict) else WORDS[lang]


def symbol(quantity: Quantity, lang: str = "en", notation: str = GATELAB) -> str:
    """The quantity's symbol; an updated weight's "(new)" in the language."""
    return _worded(quantity.asked.symbol[notation], lang)


def formula(quantity: Quantity, lang: str = "en", notation: str = GATELAB) -> str:
    return _worded(quantity.asked.formula[notation], lang)


def _worded(text: str, lang: str) -> str:
    return text.replace(_EN["new"], words_of(lang)["new"])


def _row(row: int) -> tuple[int, int]:
    return tuple(int(v) for v in ROWS[row])


def verdict_text(exercise: Exercise, quantity: Quantity, verdict: Verdict, lang: str = "en",
                 notation: str = GATELAB) -> str:
    """What the learner is told about an answer: a right one with the value, a wrong one with
    the slips it matches (or none), never with the right value."""
    words = words_of(lang)
    if verdict.right:
        key = "right_relative" if verdict.tolerance == RIGHT_RELATIVE else "right_absolute"
        return words[key].format(symbol=symbol(quantity, lang, notation), value=format_number(quantity.value))
    if not verdict.slips:
        return words["none"]
    y1, y2 = _row(exercise.math.row)
    parts = []
    for slip in sorted(verdict.slips, key=lambda s: (SLIPS.index(s.kind), s.row or 0)):
        if slip.kind == ROW:
            x1, x2 = _row(slip.row)
            parts.append(words[ROW].format(x1=x1, x2=x2, y1=y1, y2=y2))
        else:
            parts.append(words[slip.kind])
    return words["slip"].format(what=words["or"].join(parts))


def hint_text(quantity: Quantity, lang: str = "en", notation: str = GATELAB) -> str:
    """The formula with the numbers put in, not yet worked out."""
    return words_of(lang)["hint"].format(symbol=symbol(quantity, lang, notation),
                                      formula=formula(quantity, lang, notation),
                                      numbers=quantity.asked.numbers)


def shown_text(quantity: Quantity, lang: str = "en", notation: str = GATELAB) -> str:
    return words_of(lang)["shown"].format(symbol=symbol(quantity, lang, notation),
                                       formula=formula(quantity, lang, notation),
                                       numbers=quantity.asked.numbers, value=format_number(quantity.value))


def exercise_lines(exercise: Exercise, lang: str = "en", notation: str = GATELAB) -> list[str]:
    """The exercise as given to the learner: the model and options, the row, the weights (and
    the optimizer's state)."""
    words, m, config = words_of(lang), exercise.math, exercise.config
    model = words["two_layer"] if m.hidden_nodes == 0 else \
        words["three_layer"].format(h=m.hidden_nodes, activation=words[m.activation])
    x1, x2 = _row(m.row)
    inputs = f"x1 = {x1}, x2 = {x2}, 1" if notation == GATELAB else f"x0 = {x1}, x1 = {x2}, x2 = 1"
    lines = [words["exercise"].format(model=model, gate=config.gate.upper(), loss=words[m.loss],
                                      alpha=format_number(m.alpha),
                                      order=words["article" if m.article_order else "textbook"],
                                      optimizer=words[m.optimizer]),
             words["row_line"].format(x1=x1, x2=x2, inputs=inputs, yt=format_number(m.yt)),
             words["weights"] + " " + weight_list(exercise, notation)]
    if m.optimizer != "sgd":
        lines.append(words["state"] + " " + state_list(exercise, notation))
    return lines


def weight_list(exercise: Exercise, notation: str = GATELAB) -> str:
    places = state_layout(exercise.math.hidden_nodes).weights.weights
    flat = exercise.math.before.flat()
    return ", ".join(f"{getattr(p, notation)} = {format_number(flat[p.index])}" for p in places)


def state_list(exercise: Exercise, notation: str = GATELAB) -> str:
    m = exercise.math
    where = state_layout(m.hidden_nodes, m.optimizer)
    items = []
    for slot in where.slots:
        values = m.slot_before(slot.name)
        items += [f"{where.slot_name(slot, k, notation)} = {format_number(v)}" for k, v in enumerate(values)]
    if m.t is not None:
        items.append(f"t = {format_number(m.t - 1.0)}")
    return ", ".join(items)
