"""Practice, checked from the outside: what the learner reads is enough to get each number right,
and a wrong answer is told a slip only when that slip gives it (the review of #29)."""

import re

from core.cli.practice_cli import trained_exercise
from core.model.config import TrainConfig
from core.teaching.practice_text import weight_list


def _written(text: str) -> dict:
    """name -> value, from "name = value, ..." as practice writes it (no ×10 form here)."""
    return {name: float(value.replace("−", "-"))
            for name, value in re.findall(r"(\S+) = ([^,]+)", text)}


def test_sums_worked_from_the_weights_as_written_are_right():
    # weights of 10 and more: 4 significant digits lost 0.005 a weight, so -1.01 worked from the
    # weights as written was marked wrong (the value is -1.019)
    config = TrainConfig(gate="and", hidden_nodes=3, alpha=2.0, optimizer="adam", seed=1, steps=50)
    exercise = trained_exercise(config, 50, 2)
    x1, x2 = 0.0, 1.0  # row 2 is [0, 1]
    w = _written(weight_list(exercise))
    assert max(abs(v) for v in w.values()) > 10
    for j in range(3):
        by_hand = x1 * w[f"w(1)1{j + 1}"] + x2 * w[f"w(1)2{j + 1}"] + w[f"w(1)3{j + 1}"]
        index = next(k for k, q in enumerate(exercise.quantities) if q.key == f"u{j}")
        assert exercise.check(index, by_hand).right, (j, by_hand, exercise.quantities[index].value)
