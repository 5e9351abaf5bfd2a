"""Measures how the GateLab window holds up while it trains at full speed.

Run by hand (the window is real; Xvfb gives it software OpenGL):

    xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" python bench/gui_responsiveness.py

Without DISPLAY (and without xvfb-run) it starts its own Xvfb through pyvirtualdisplay.

What it does, in one process unless said otherwise:
  1. Start to first frame: spawns a fresh Python that imports the app, builds the window,
     shows it and reports the first time the 3D view's frame reached the screen (the GL
     window's first frameSwapped after a paintGL; the rest of the window may still be
     drawing); timed from just before the spawn. Median of a few runs.
  2. Headless core: core.training.trainer.Trainer(config).advance(Trainer.CHUNK) in a loop, timed
     in four slices.
  3. The window trains the same config (XOR, 2 hidden, alpha 0.5, steps 10**8 so it never
     finishes) at full speed; after a warm-up it measures, for a fixed duration:
       - event-loop latency: a 10 ms single-shot timer re-armed on every tick; a tick's
         lateness is how long after its due time it fired (median, 99th percentile, max);
       - snapshots shown per second (window.snapshot_shown) and their age on arrival
         (from the worker making it, just before its emit, to the end of the views' update);
       - surface redraws per second: calls of the 3D view's paintGL (41 x 41 grid);
       - training throughput in the window: steps per second from the snapshots' step.
  4. The headless core again (the figure used is the median of all eight slices).

Goals (issue 3): 99th-percentile latency < 50 ms; >= 30 surface redraws/s under Xvfb's
software OpenGL; window throughput >= 70 % of the headless core. Start to first frame is
reported only. Exit code 0 when every goal is met.

`--views all` floats every dock (network diagram, hidden node maps, step-by-step math,
gradient check with its automatic check every 500 steps) so all views draw while training;
the default measures the window as it opens (the network diagram tab in front).
`--hidden N` trains N hidden nodes instead of 2 (the headless figure uses the same N).
Top-level imports are standard-library only so the first-frame child pays the app's own
import cost and nothing of this script's.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROBE_INTERVAL_MS = 10
LATENCY_GOAL_MS = 50.0
REDRAW_GOAL = 30.0
THROUGHPUT_GOAL = 0.70
STEPS = 10**8
FIRST_FRAME_TIMEOUT_S = 60
CHILD_FLAG = "--first-frame-child"


def bench_config(hidden_nodes: int = 2):
    from core.model.config import TrainConfig

    return TrainConfig(gate="xor", hidden_nodes=hidden_nodes, alpha=0.5, steps=STEPS, seed=0)


# --------------------------------------------------------------------------------------
# first frame (child process)
# --------------------------------------------------------------------------------------
def first_frame_child() -> int:
    """Runs in a fresh interpreter: the app's own start path, then the first GL frame."""
    marks = {"python_ready": time.monotonic()}
    from core.model.config import TrainConfig
    from gui.shell.app import make_application

    app = make_application()
    marks["application"] = time.monotonic()

    from gui.shell.main_window import MainWindow

    config = TrainConfig(steps=STEPS)
    window = MainWindow(config)
    window.unsaved.ask = lambda _labels, _action: "discard"  # no question on close
    app.aboutToQuit.connect(window.controller.shutdown)
    marks["window_built"] = time.monotonic()
    result = {"opengl": window.output_view.is_3d, "marks": marks}
    if not window.output_view.is_3d:  # the 2D fallback: time its first paint instead
        result["note"] = "no OpenGL: timed the first window frame"
    from PySide6.QtCore import QTimer

    if window.output_view.is_3d:
        glview = window.output_view.view.glview
        counts = install_paint_counter(glview)

        def on_swapped():  # the GL window's first swap of a painted frame
            if counts["paint"] and "first_frame" not in marks:
                marks["first_frame"] = time.monotonic()
                app.quit()

        glview.frameSwapped.connect(on_swapped)
    else:
        def after_paint():
            marks.setdefault("first_frame", time.monotonic())
            app.quit()

        QTimer.singleShot(0, after_paint)

    QTimer.singleShot(FIRST_FRAME_TIMEOUT_S * 1000, app.quit)
    window.show()
    marks["shown"] = time.monotonic()
    app.exec()
    window.close()
    print("FIRST_FRAME " + json.dumps(result), flush=True)
    return 0 if "first_frame" in marks else 1


def measure_first_frame(runs: int) -> dict:
    """Spawns the child `runs` times; seconds from before each spawn to its first frame."""
    totals, last = [], None
    for _ in range(runs):
        start = time.monotonic()
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), CHILD_FLAG],
                              cwd=ROOT, capture_output=True, text=True,
                              timeout=FIRST_FRAME_TIMEOUT_S + 30)
        line = next((text for text in proc.stdout.splitlines() if text.startswith("FIRST_FRAME ")),
                    None)
        if line is None:
            return {"error": f"child exited {proc.returncode}: {proc.stderr.strip()[-500:]}"}
        result = json.loads(line.split(" ", 1)[1])
        marks = result["marks"]
        if "first_frame" not in marks:
            return {"error": "no frame within the timeout"}
        totals.append(marks["first_frame"] - start)
        last = {name: value - start for name, value in marks.items()}
    return {"seconds": totals, "median": statistics.median(totals), "breakdown": last}


# --------------------------------------------------------------------------------------
# headless core
# --------------------------------------------------------------------------------------
def headless_rates(seconds: float, slices: int = 4, hidden_nodes: int = 2) -> list[float]:
    """Steps per second of the core alone, in `slices` timings of seconds/slices each."""
    from core.training.trainer import Trainer

    trainer = Trainer(bench_config(hidden_nodes))
    trainer.advance(Trainer.CHUNK)  # compiles the kernel
    rates = []
    for _ in range(slices):
        start, first = time.perf_counter(), trainer.step
        while time.perf_counter() - start < seconds / slices:
            trainer.advance(Trainer.CHUNK)
        rates.append((trainer.step - first) / (time.perf_counter() - start))
    return rates


# --------------------------------------------------------------------------------------
# the window
# --------------------------------------------------------------------------------------
def run_event_loop(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def percentile(values, q):
    import numpy as np

    return float(np.percentile(np.asarray(values, dtype=float), q)) if len(values) else float("nan")


class LatencyProbe:
    """A 10 ms single-shot timer re-armed on each tick; records how late each tick fired."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self.lateness_ms: list[float] = []
        self._due = 0.0
        self.recording = False

    def start(self):
        self._arm()

    def stop(self):
        self._timer.stop()

    def _arm(self):
        self._due = time.perf_counter() + PROBE_INTERVAL_MS / 1000
        self._timer.start(PROBE_INTERVAL_MS)

    def _tick(self):
        if self.recording:
            self.lateness_ms.append(max(0.0, (time.perf_counter() - self._due) * 1000))
        self._arm()


def install_paint_counter(glview) -> dict:
    """Counts paintGL calls of this one GL view by wrapping the class's Python override.

    Call it before the widget is first shown: PySide looks the override up once and
    keeps it, so a wrapper installed later is never called (measured: 0 paints).
    """
    mixin = next(c for c in type(glview).__mro__ if "paintGL" in vars(c))
    original = vars(mixin)["paintGL"]
    counts = {"paint": 0, "swap": 0, "paint_seconds": 0.0, "restore": None}

    def paintGL(self, *args, **kwargs):
        if self is not glview:
            return original(self, *args, **kwargs)
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            counts["paint"] += 1
            counts["paint_seconds"] += time.perf_counter() - started

    mixin.paintGL = paintGL
    counts["restore"] = lambda: setattr(mixin, "paintGL", original)

    def swapped():
        counts["swap"] += 1

    glview.frameSwapped.connect(swapped)
    return counts


def measure_window(duration: float, warmup: float, all_views: bool = False,
                   hidden_nodes: int = 2) -> dict:
    from PySide6.QtWidgets import QApplication

    from core.training import states
    from gui.run import training_worker
    from gui.shell.main_window import MainWindow

    app = QApplication.instance()
    window = MainWindow(bench_config(hidden_nodes))
    window.unsaved.ask = lambda _labels, _action: "discard"  # no question on close
    out = {"opengl": window.output_view.is_3d, "gl_info": window.output_view.reason}
    counts = None
    if window.output_view.is_3d:  # before show(): PySide caches the override once it is used
        counts = install_paint_counter(window.output_view.view.glview)
    window.show()
    if all_views:
        window.gradient_check.set_auto(True)
        for index, key in enumerate(("network", "hidden", "math", "gradient")):
            dock = window.docks[key]
            dock.setFloating(True)
            dock.show()
            dock.setGeometry(40 + 380 * index, 560, 370, 420)
    run_event_loop(1.0)  # exposed and first frame painted
    app.processEvents()

    probe = LatencyProbe()
    probe.start()
    probe.recording = True
    run_event_loop(1.0)
    probe.recording = False
    out["idle_latency_ms"] = (statistics.median(probe.lateness_ms) if probe.lateness_ms else 0.0,
                              percentile(probe.lateness_ms, 99))
    probe.lateness_ms = []

    state = {"recording": False, "snapshots": [], "ages": [], "emitted": {}, "states": set()}

    # Snapshots are stamped as the worker makes them, just before it emits them: a slot on
    # the worker's signal ran after the window had sometimes already shown the snapshot, and
    # a later snapshot at the same id() then read that stale stamp (ages of 0.2-2 s).
    make_snapshot = training_worker.make_snapshot

    def stamped_snapshot(*args, **kwargs):  # runs in the worker thread
        snapshot = make_snapshot(*args, **kwargs)
        state["emitted"][id(snapshot)] = (time.perf_counter(), snapshot.step)
        return snapshot

    training_worker.make_snapshot = stamped_snapshot
    try:
        def on_shown(snapshot):
            emitted, step = state["emitted"].pop(id(snapshot), (None, None))
            if step != snapshot.step:  # not the snapshot that was stamped at this id
                emitted = None
            if state["recording"]:
                now = time.perf_counter()
                state["snapshots"].append((now, snapshot.step))
                state["states"].add(snapshot.state)
                if emitted is not None:
                    state["ages"].append((now - emitted) * 1000)

        window.snapshot_shown.connect(on_shown)
        window.controller.set_speed(0.0)
        window.start_training()
        run_event_loop(warmup)

        paints0 = counts["paint"] if counts else 0
        swaps0 = counts["swap"] if counts else 0
        paint_s0 = counts["paint_seconds"] if counts else 0.0
        state["recording"] = True
        probe.recording = True
        started = time.perf_counter()
        run_event_loop(duration)
        elapsed = time.perf_counter() - started
        probe.recording = False
        state["recording"] = False
        probe.stop()

        out["state"] = window.state()
        out["states_seen"] = sorted(state["states"])
        out["latency_ms"] = probe.lateness_ms
        snaps = state["snapshots"]
        out["snapshots_per_s"] = len(snaps) / elapsed
        out["snapshot_age_ms"] = (statistics.median(state["ages"]) if state["ages"] else float("nan"),
                                  percentile(state["ages"], 99))
        if len(snaps) >= 2:
            (t0, s0), (t1, s1) = snaps[0], snaps[-1]
            out["window_rate"] = (s1 - s0) / (t1 - t0) if t1 > t0 else 0.0
        else:
            out["window_rate"] = 0.0
        if counts:
            paints = counts["paint"] - paints0
            out["redraws_per_s"] = paints / elapsed
            out["swaps_per_s"] = (counts["swap"] - swaps0) / elapsed
            out["paint_ms"] = 1000 * (counts["paint_seconds"] - paint_s0) / max(1, paints)
        else:
            out["redraws_per_s"] = out["swaps_per_s"] = 0.0
            out["paint_ms"] = float("nan")
        out["training_ok"] = states.TRAINING in state["states"] and window.state() == states.TRAINING

        window.close()  # stops the worker thread (controller.shutdown)
        deadline = time.monotonic() + 3.0
        while window.controller.is_running() and time.monotonic() < deadline:
            run_event_loop(0.05)  # the thread's finished signal is delivered by the event loop
        if counts:
            counts["restore"]()
    finally:  # a failed run must not leave the worker stamping
        training_worker.make_snapshot = make_snapshot
    window.deleteLater()
    run_event_loop(0.2)
    return out


# --------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------
def ensure_display():
    """Starts a private Xvfb when there is no display and no xvfb-run; returns it or None."""
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return None
    try:
        from pyvirtualdisplay import Display
    except ImportError:
        sys.exit("no DISPLAY: run under xvfb-run or install pyvirtualdisplay (pytest-xvfb)")
    display = Display(backend="xvfb", visible=False, size=(1600, 1000), color_depth=24,
                      extra_args=["+extension", "GLX", "+render"])
    display.start()
    return display


def parse_args(argv):
    parser = argparse.ArgumentParser(description="GateLab window responsiveness while training.")
    parser.add_argument("--duration", type=float, default=5.0, help="measured seconds (default 5)")
    parser.add_argument("--warmup", type=float, default=1.0,
                        help="seconds of training before measuring (default 1)")
    parser.add_argument("--headless-seconds", type=float, default=2.0,
                        help="seconds for each headless timing, before and after (default 2)")
    parser.add_argument("--first-frame-runs", type=int, default=3,
                        help="start-to-first-frame runs, median reported (default 3)")
    parser.add_argument("--hidden", type=int, default=2,
                        help="hidden nodes of the trained network (default 2, as the goals assume)")
    parser.add_argument("--views", choices=("default", "all"), default="default",
                        help="'all': every dock floated and visible while training")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [CHILD_FLAG]:
        return first_frame_child()
    args = parse_args(argv)
    display = ensure_display()
    try:
        return run(args)
    finally:
        if display is not None:
            display.stop()


def run(args) -> int:
    first = measure_first_frame(args.first_frame_runs) if args.first_frame_runs > 0 else {}

    from gui.shell.app import make_application

    app = make_application()
    load = os.getloadavg()[0]
    before = headless_rates(args.headless_seconds, hidden_nodes=args.hidden)
    gui = measure_window(args.duration, args.warmup, args.views == "all", args.hidden)
    after = headless_rates(args.headless_seconds, hidden_nodes=args.hidden)
    headless = statistics.median(before + after)
    headless_before, headless_after = statistics.median(before), statistics.median(after)
    del app

    latency = gui["latency_ms"]
    p50, p99 = statistics.median(latency) if latency else float("nan"), percentile(latency, 99)
    ratio = gui["window_rate"] / headless if headless else 0.0
    redraw_per_snapshot = gui["redraws_per_s"] / gui["snapshots_per_s"] if gui["snapshots_per_s"] else 0
    checks = {
        "latency": p99 < LATENCY_GOAL_MS,
        "redraws": gui["redraws_per_s"] >= REDRAW_GOAL,
        "throughput": ratio >= THROUGHPUT_GOAL,
        "training": gui["training_ok"],
    }

    def verdict(ok):
        return "PASS" if ok else "FAIL"

    print(f"GateLab GUI responsiveness: XOR, {args.hidden} hidden, alpha 0.5, steps 10^8, full speed, "
          f"{args.duration:g} s measured after {args.warmup:g} s warm-up")
    print(f"Qt platform {os_platform()}; 3D view: {'yes' if gui['opengl'] else 'NO (2D fallback)'}; "
          f"{gui['gl_info']}")
    cpus = os.cpu_count() or 1
    print(f"{cpus} CPUs, load average {load:.2f} at start"
          + ("  -- WARNING: the machine is busy, figures are unreliable" if load > cpus * 0.5 else ""))
    print("views: " + ("every dock open (diagram, node maps, math, gradient check every 500 steps)"
                       if args.views == "all" else "as the window opens"))
    rows = [
        ("event-loop latency p99 (10 ms probe)", f"{p99:.1f} ms", f"< {LATENCY_GOAL_MS:g} ms",
         verdict(checks["latency"])),
        ("event-loop latency median", f"{p50:.1f} ms", "", ""),
        ("event-loop latency max", f"{max(latency) if latency else float('nan'):.1f} ms", "", ""),
        ("  (idle, before training: median/p99)",
         f"{gui['idle_latency_ms'][0]:.1f}/{gui['idle_latency_ms'][1]:.1f} ms", "", ""),
        ("snapshots shown per second", f"{gui['snapshots_per_s']:.1f}", "(<= 50)", ""),
        ("snapshot age when shown: median/p99",
         f"{gui['snapshot_age_ms'][0]:.1f}/{gui['snapshot_age_ms'][1]:.1f} ms", "", ""),
        ("surface redraws per second (paintGL, 41x41)", f"{gui['redraws_per_s']:.1f}",
         f">= {REDRAW_GOAL:g}", verdict(checks["redraws"])),
        ("  frames swapped per second", f"{gui['swaps_per_s']:.1f}", "", ""),
        ("  mean paintGL time", f"{gui['paint_ms']:.1f} ms", "", ""),
        ("  redraws per snapshot", f"{redraw_per_snapshot:.2f}", "", ""),
        ("training in the window", f"{gui['window_rate']:,.0f} steps/s", "", ""),
        ("headless core, same process (median)", f"{headless:,.0f} steps/s",
         f"(before {headless_before:,.0f}, after {headless_after:,.0f})", ""),
        ("throughput window / headless", f"{100 * ratio:.1f} %", f">= {100 * THROUGHPUT_GOAL:g} %",
         verdict(checks["throughput"])),
        ("run state during measurement", gui["state"], "training", verdict(checks["training"])),
    ]
    if "median" in first:
        b = first["breakdown"]
        rows.append(("start to first painted frame (median)", f"{first['median'] * 1000:.0f} ms",
                     "reported", ""))
        rows.append(("  runs", ", ".join(f"{s * 1000:.0f}" for s in first["seconds"]) + " ms", "", ""))
        rows.append(("  last run: python/app/window/shown",
                     "/".join(f"{b[k] * 1000:.0f}" for k in ("python_ready", "application",
                                                              "window_built", "shown")) + " ms",
                     "", ""))
    elif "error" in first:
        rows.append(("start to first painted frame", "error", first["error"][:60], ""))
    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'value':>22}  {'goal':<24} result")
    for name, value, goal, result in rows:
        print(f"{name:<{width}}  {value:>22}  {goal:<24} {result}")
    ok = all(checks.values())
    print("overall:", verdict(ok))
    if args.json:
        print(json.dumps({
            "latency_ms": {"median": p50, "p99": p99, "max": max(latency) if latency else None},
            "idle_latency_ms": gui["idle_latency_ms"], "snapshots_per_s": gui["snapshots_per_s"],
            "snapshot_age_ms": gui["snapshot_age_ms"], "redraws_per_s": gui["redraws_per_s"],
            "swaps_per_s": gui["swaps_per_s"], "paint_ms": gui["paint_ms"],
            "window_steps_per_s": gui["window_rate"], "headless_steps_per_s": headless,
            "throughput_ratio": ratio, "first_frame_s": first.get("median"),
            "checks": checks, "ok": ok,
        }))
    return 0 if ok else 1


def os_platform() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName()


if __name__ == "__main__":
    sys.exit(main())
