"""Times the core Trainer against a baseline in the article's own style.

Run by hand: `python bench/core_speed.py`. XOR, online (per-row) updates, alpha 0.5,
2000 steps, uniform initial weights, at H = 2 and H = 16 hidden nodes; median of 7 runs.
Goal (issue 2): the core at least 5x faster than the baseline at H = 2, faster at H = 16.

The baseline is written the way the article writes its 3-layer network: NumPy arrays
indexed element by element in Python loops, a NumPy sigmoid on scalars. It uses textbook
backprop (hidden delta from the output weights before their update), like the core's
default, and it is checked to end at the same weights as the core from the same start, so
the two do the same work.
"""

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.model.config import TrainConfig  # noqa: E402
from core.training.trainer import Trainer, initial_weights  # noqa: E402

STEPS = 2000
ALPHA = 0.5
REPEATS = 7
SEED = 0
GOALS = {2: 5.0, 16: 1.0}  # H: the ratio baseline / core must reach (>= at H=2, > at H=16)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def article_style_train(hidden, output, targets, alpha=ALPHA, steps=STEPS):
    """The article's loops: x with a trailing bias 1, w1 (3 x H), w2 (H hidden + bias)."""
    nodes = hidden.shape[1]
    data = [[0, 0], [1, 0], [0, 1], [1, 1]]
    x = np.insert(data, 2, 1, axis=1)
    yt = list(targets)
    w1 = hidden.copy()
    w2 = output.copy()
    u = np.zeros(nodes)
    h = np.ones(nodes + 1)  # the last node is the bias node, always 1
    delta_hidden = np.zeros(nodes)
    loss = np.zeros(steps)
    for step in range(steps):
        for k in range(4):
            for j in range(nodes):
                u[j] = 0.0
                for i in range(3):
                    u[j] += x[k][i] * w1[i][j]
                h[j] = sigmoid(u[j])
            v = 0.0
            for j in range(nodes + 1):
                v += h[j] * w2[j]
            y = sigmoid(v)
            loss[step] += ((y - yt[k]) ** 2) / 2
            delta_output = (y - yt[k]) * y * (1 - y)
            for j in range(nodes):
                delta_hidden[j] = delta_output * w2[j] * h[j] * (1 - h[j])
            for j in range(nodes + 1):
                w2[j] -= alpha * delta_output * h[j]
            for j in range(nodes):
                for i in range(3):
                    w1[i][j] -= alpha * delta_hidden[j] * x[k][i]
    return w1, w2, loss


def core_train(config):
    trainer = Trainer(config)
    trainer.run()
    return trainer


def median_ms(function, *args):
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def same_result(config):
    """Max |difference| of the final weights (and step losses) of baseline and core."""
    start = initial_weights(config)
    w1, w2, loss = article_style_train(start.hidden, start.output, config.targets)
    trainer = core_train(config)
    weights = trainer.weights
    weight_diff = max(np.abs(w1 - weights.hidden).max(), np.abs(w2 - weights.output).max())
    loss_diff = np.abs(loss - trainer.history.values()).max()
    return float(weight_diff), float(loss_diff)


def main() -> int:
    print(f"GateLab core speed: XOR, online, alpha {ALPHA}, {STEPS} steps, uniform init (seed {SEED}), "
          f"median of {REPEATS} runs")
    print(f"{'H':>3} {'baseline ms':>12} {'core ms':>9} {'ratio':>8} {'core updates/s':>15}  goal     result")
    ok = True
    for nodes, goal in GOALS.items():
        config = TrainConfig(gate="xor", hidden_nodes=nodes, alpha=ALPHA, steps=STEPS, seed=SEED)
        weight_diff, loss_diff = same_result(config)  # also warms up the core's compiled kernel
        fair = weight_diff <= 1e-9 and loss_diff <= 1e-9
        start = initial_weights(config)
        baseline = median_ms(article_style_train, start.hidden, start.output, config.targets)
        core = median_ms(core_train, config)
        ratio = baseline / core
        met = ratio >= goal if nodes == 2 else ratio > goal
        ok = ok and met and fair
        goal_text = f">= {goal:g}x" if nodes == 2 else f"> {goal:g}x"
        rate = 4 * STEPS / (core / 1000)
        print(f"{nodes:>3} {baseline:>12.1f} {core:>9.2f} {ratio:>7.1f}x {rate:>15.2e}  "
              f"{goal_text:<7}  {'PASS' if met else 'FAIL'}")
        print(f"    same final weights as the core: max |diff| {weight_diff:.1e} "
              f"(step losses {loss_diff:.1e}) -> {'OK' if fair else 'MISMATCH (unfair comparison)'}")
    print("overall:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
