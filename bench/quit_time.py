"""Time from asking GateLab to quit to the process being gone (goal: < 0.5 s).

    xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" python bench/quit_time.py [--runs 8] [--busy 3]

Each run starts tests/gui/quit_midrun.py (the window as the app builds it, ended with the app's
leave_now), trains or not, asks to quit and times until the process has exited (waitpid, not
pipe EOF). The cases: idle (never trained), close and quit (the window's run training), and
compare-close and compare-quit (a compare window trains a second run beside it). --busy N
keeps N spinning processes on the machine meanwhile, the case in which Mesa's lowest-priority
shader-cache thread used to hold the exit for seconds.
As a baseline in the same run it times a bare Qt window's exit (QApplication + QWidget).
This is where the 0.5 s goal is checked: tests/gui/test_app_process.py only checks that the
process exits cleanly, within a "did not hang" bound, because CI machines are busy.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_S = 0.5
# (how, DELAY_MS): as tests/gui/test_app_process.py runs them
CASES = [("idle", "1200"), ("close", "1200"), ("quit", "1200"), ("compare-close", "1500"),
         ("compare-quit", "1500")]
BARE_QT = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([]); w = QWidget(); w.show()
def ask():
    print("quit-at", time.monotonic(), flush=True); w.close()
QTimer.singleShot(800, ask)
app.exec()
"""


def time_exit(command, mid_run: bool | None = None) -> float:
    """Seconds from "quit-at" to the process having exited; mid_run: it must (not) have been
    training when asked, as quit_midrun.py prints."""
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, text=True)
        process.wait(120)
        ended = time.monotonic()
        out.seek(0)
        text = out.read()
    line = next((x for x in text.splitlines() if x.startswith("quit-at")), None)
    if process.returncode != 0 or line is None or (
            mid_run is not None and f"running={mid_run}" not in line):
        raise SystemExit(f"run failed ({process.returncode}):\n{text}")
    return ended - float(line.split()[1])


def summary(times) -> str:
    return (f"median {statistics.median(times):.3f} s, max {max(times):.3f} s "
            f"({' '.join(f'{t:.2f}' for t in sorted(times))})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--busy", type=int, default=0, help="spinning processes meanwhile")
    args = parser.parse_args()
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.busy)]
    try:
        bare = [time_exit([sys.executable, "-c", BARE_QT]) for _ in range(args.runs)]
        results = {how: [time_exit([sys.executable, "tests/gui/quit_midrun.py", how, delay],
                                   mid_run=how != "idle")
                         for _ in range(args.runs)] for how, delay in CASES}
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()
    print(f"busy processes: {args.busy}; runs: {args.runs}; goal < {GOAL_S} s")
    print(f"bare Qt window (baseline): {summary(bare)}")
    worst = 0.0
    for how, times in results.items():
        ratio = statistics.median(times) / statistics.median(bare)
        print(f"GateLab {how:13s}: {summary(times)}; {ratio:.1f}x the bare window")
        worst = max(worst, max(times))
    return 0 if worst < GOAL_S else 1


if __name__ == "__main__":
    sys.exit(main())
