"""A long run in the window: resident memory at start and end, and the loss plot afterwards.

    xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" python bench/long_run.py [--steps N]

Trains N steps (default 10^7) at full speed with every view live, then prints the growth
of the window process's resident size (goal: under 50 MB at 10^7 steps) and how long the
loss plot takes to redraw the whole run and to answer a hover afterwards.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GOAL_MB = 50


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10**7)
    args = parser.parse_args()


    from core.model.config import TrainConfig
    from gui.shell.app import make_application

    app = make_application()
    from gui.shell.main_window import MainWindow

    window = MainWindow(TrainConfig(steps=args.steps))
    window.unsaved.ask = lambda _labels, _action: "discard"  # no question on close
    window.show()
    settle(app, 0.5)
    start_mb, started = resident_mb(), time.monotonic()
    window.controller.set_speed(0.0)
    window.start_training()
    while window.state() != "finished" or window.controller.is_running():
        app.processEvents()
        time.sleep(0.002)
    seconds = time.monotonic() - started
    settle(app, 0.3)
    end_mb = resident_mb()
    plot = window.loss_plot
    redraw_ms = timed(plot.flush)
    view = plot._item.getViewBox()
    hover_ms = timed(lambda: plot._on_mouse_moved(view.mapViewToScene(view.viewRect().center())))
    growth = end_mb - start_mb
    print(f"steps {args.steps:,} in {seconds:.1f} s ({args.steps / seconds:,.0f} steps/s, views live)")
    print(f"resident size: start {start_mb:.0f} MB, end {end_mb:.0f} MB, growth {growth:.1f} MB "
          f"(goal < {GOAL_MB} MB at 10^7 steps): {'PASS' if growth < GOAL_MB else 'FAIL'}")
    print(f"loss plot afterwards: full redraw {redraw_ms:.1f} ms, hover read-out {hover_ms:.1f} ms "
          f"({plot.step_count():,} steps, {plot.history().size:,} held exactly)")
    window.close()
    return 0 if growth < GOAL_MB else 1


def settle(app, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    sys.exit(main())
