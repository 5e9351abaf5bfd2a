"""Measures two runs training at once in compare mode against the headless core.

Run by hand (the window is real; Xvfb gives it software OpenGL):

    xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" python bench/compare_training.py

The main window trains XOR (2 hidden, 10^8 planned steps) at full speed; Tools > Compare the
run with > the other update order opens the compare window, which trains that run at the same
time in its own thread and engine process. Each run's steps a second (from the trainers' steps)
are put against the headless core: the same config's `Trainer.advance(Trainer.CHUNK)` in a loop
in this process.

On a shared 2-core machine the headless speed itself moves by +-15 % from second to second,
so the two are measured in pairs, side by side in time: both runs paused, a headless slice
(--slice seconds), both training again, a warm-up, then both measured (--measure seconds); the
ratio of each pair, over --pairs pairs, and their median. Meanwhile a 10 ms re-armed timer
reports the window's event-loop lateness, and /proc how much of a core the GUI thread and each
engine used (on Linux).

Goal (issue 13): each run keeps >= 60 % of the headless throughput (the median of the pairs).
Exit code 0 when met.
"""

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GOAL_RATIO = 0.60


def headless_rate(config, seconds: float) -> float:
    from core.training.trainer import Trainer

    trainer = Trainer(config, history_dtype="float32")
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        done += len(trainer.advance(Trainer.CHUNK))
    return done / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5, help="headless/compare pairs")
    parser.add_argument("--measure", type=float, default=2.0, help="seconds both runs train")
    parser.add_argument("--slice", type=float, default=1.0, help="seconds of each headless slice")
    parser.add_argument("--warmup", type=float, default=1.0)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        from pyvirtualdisplay import Display

        Display(visible=False, size=(1600, 1000), extra_args=["+extension", "GLX"]).start()
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer

    from core.model.config import TrainConfig
    from gui.shell.app import make_application

    config = TrainConfig(steps=10**8, seed=0)
    app = make_application()
    from gui.shell.main_window import MainWindow

    window = MainWindow(config)
    window.unsaved.ask = lambda _labels, _action: "discard"  # no question on close
    window.resize(1500, 950)
    window.show()
    window.controller.set_speed(0.0)
    window.start_training()
    _wait(app, window.session.is_running, 30)
    _wait(app, lambda: False, args.warmup)
    window.compare.compare_with("order")
    compare = window.compare.window
    left, right = compare.model.runs
    controllers = (window.session.controller, compare.model._controllers[1])
    _wait(app, lambda: left.step > 0 and right.step > 0, 30)
    _wait(app, lambda: False, args.warmup)
    late, due = [], [0.0]
    clock = QElapsedTimer()
    timer = QTimer(timerType=Qt.TimerType.PreciseTimer, singleShot=True, interval=10)

    def tick():
        late.append(clock.elapsed() - due[0])
        due[0] = clock.elapsed() + 10
        timer.start()

    timer.timeout.connect(tick)
    # Who used the 2 cores while both trained: the GUI thread, the window's other threads and
    # each engine.
    engines = [c._engine._process.pid for c in controllers]
    gui_thread = threading.get_native_id()
    used, spent_all, both_trained = None, 0.0, True
    ratios, headless_all, rates_all = ([], []), [], ([], [])
    for _ in range(args.pairs):
        for controller in controllers:
            controller.pause(True)
        _wait(app, lambda: False, 0.3)  # the engines finish the advances in flight
        headless = headless_rate(config, args.slice)
        headless_all.append(headless)
        for controller in controllers:
            controller.pause(False)
        _wait(app, lambda: False, args.warmup)
        cpu0 = _cpu_seconds(gui_thread, engines)
        clock.start()
        due[0] = 10
        timer.start()
        steps0, start = (left.step, right.step), time.perf_counter()
        _wait(app, lambda: False, args.measure)
        spent = time.perf_counter() - start
        steps1 = (left.step, right.step)
        timer.stop()
        cpu1 = _cpu_seconds(gui_thread, engines)
        if cpu0 and cpu1:
            pair = [b - a for a, b in zip(cpu0, cpu1)]
            used = pair if used is None else [u + p for u, p in zip(used, pair)]
        spent_all += spent
        both_trained = both_trained and window.session.is_running() and compare.is_training()
        for k in (0, 1):
            rate = (steps1[k] - steps0[k]) / spent
            rates_all[k].append(rate)
            ratios[k].append(rate / headless)
    compare.close()
    window.close()
    ok = both_trained
    print(f"headless core: {statistics.median(headless_all):,.0f} steps/s, median of "
          f"{len(headless_all)} slices of {args.slice} s "
          f"({min(headless_all):,.0f}-{max(headless_all):,.0f})")
    for k, name in enumerate(("shown run (main window)", "run to compare with (compare window)")):
        ratio = statistics.median(ratios[k])
        ok = ok and ratio >= GOAL_RATIO
        print(f"{name}: {statistics.median(rates_all[k]):,.0f} steps/s; against the headless "
              f"slice beside it, median {ratio:.2f} x (pairs: "
              f"{', '.join(f'{r:.2f}' for r in ratios[k])}; goal >= {GOAL_RATIO:.2f})")
    if used is not None:
        share = [u / spent_all for u in used]
        print(f"share of a core: GUI thread {share[0]:.2f}, the window's other threads "
              f"{share[1] - share[0]:.2f}, engines {share[2]:.2f} and {share[3]:.2f}")
    late.sort()
    if late:
        print(f"event-loop lateness: median {statistics.median(late):.1f} ms, "
              f"p99 {late[int(len(late) * 0.99) - 1]:.1f} ms over {len(late)} ticks")
    print(f"both training throughout: {both_trained}; goal met: {ok}")
    return 0 if ok else 1


def _cpu_seconds(gui_thread: int, engines) -> tuple | None:
    """CPU seconds so far (Linux /proc): the GUI thread, this whole process, each engine."""
    def ticks(path):
        fields = Path(path).read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    try:
        return (ticks(f"/proc/self/task/{gui_thread}/stat"), ticks("/proc/self/stat"),
                *(ticks(f"/proc/{pid}/stat") for pid in engines))
    except OSError:
        return None


def _wait(app, condition, timeout_s) -> bool:
    """The event loop runs as in the app (a processEvents loop would add its own load)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, deadline = QEventLoop(), time.monotonic() + timeout_s
    check = QTimer(interval=10)
    check.timeout.connect(lambda: (condition() or time.monotonic() >= deadline) and loop.quit())
    check.start()
    if not condition():
        loop.exec()
    check.stop()
    return condition()


if __name__ == "__main__":
    sys.exit(main())
