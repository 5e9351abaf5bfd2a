"""Measures two runs training at once in compare mode against the headless core.

Run by hand (the window is real; Xvfb gives it software OpenGL):

    xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" python bench/compare_training.py

The main window trains XOR (2 hidden, 10^8 planned steps) at full speed; Tools > Compare the
run with > the other update order opens the compare window, which trains that run at the same
time in its own thread and engine process. After a warm-up, each run's steps a second over the
measured seconds (from the trainers' steps) are put against the headless core: the same
config's `Trainer.advance(Trainer.CHUNK)` in a loop in this process, median of 4 slices before
and 4 after. A 10 ms re-armed timer reports the window's event-loop lateness meanwhile.

Goal (issue 13): each run keeps >= 60 % of the headless throughput. Exit code 0 when met.
"""

import argparse
import os
import statistics
import sys
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
    parser.add_argument("--duration", type=float, default=6.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=2.0)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        from pyvirtualdisplay import Display

        Display(visible=False, size=(1600, 1000), extra_args=["+extension", "GLX"]).start()
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer

    from core.model.config import TrainConfig
    from gui.shell.app import make_application

    config = TrainConfig(steps=10**8, seed=0)
    before = [headless_rate(config, 0.5) for _ in range(4)]
    app = make_application()
    from gui.shell.main_window import MainWindow

    window = MainWindow(config)
    window.files.ask_discard = lambda: 0x00800000  # Discard, at the end
    window.resize(1500, 950)
    window.show()
    window.controller.set_speed(0.0)
    window.start_training()
    _wait(app, window.session.is_running, 30)
    _wait(app, lambda: False, args.warmup)
    alone0, alone_start = window.session.trainer.step, time.perf_counter()
    _wait(app, lambda: False, args.duration / 2)
    alone = (window.session.trainer.step - alone0) / (time.perf_counter() - alone_start)
    window._compare_with("order")
    compare = window.compare_window
    left, right = compare._runs
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
    clock.start()
    due[0] = 10
    timer.start()
    steps0, start = (left.step, right.step), time.perf_counter()
    _wait(app, lambda: False, args.duration)
    spent = time.perf_counter() - start
    steps1 = (left.step, right.step)
    both_trained = window.session.is_running() and compare.is_training()
    timer.stop()
    compare.close()
    window.close()
    after = [headless_rate(config, 0.5) for _ in range(4)]
    headless = statistics.median(before + after)
    ok = both_trained
    print(f"headless core: {headless:,.0f} steps/s (median of 8 slices of 0.5 s)")
    print(f"the main window training alone first: {alone:,.0f} steps/s = "
          f"{alone / headless:.2f} x headless")
    for name, a, b in (("shown run (main window)", steps0[0], steps1[0]),
                       ("run to compare with (compare window)", steps0[1], steps1[1])):
        rate = (b - a) / spent
        ratio = rate / headless
        ok = ok and ratio >= GOAL_RATIO
        print(f"{name}: {rate:,.0f} steps/s = {ratio:.2f} x headless (goal >= {GOAL_RATIO:.2f})")
    late.sort()
    if late:
        print(f"event-loop lateness: median {statistics.median(late):.1f} ms, "
              f"p99 {late[int(len(late) * 0.99) - 1]:.1f} ms over {len(late)} ticks")
    print(f"both training throughout: {both_trained}; goal met: {ok}")
    return 0 if ok else 1


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
