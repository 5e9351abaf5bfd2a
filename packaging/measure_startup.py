"""Launch-to-first-frame time of GateLab, frozen bundle and source side by side.

    xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" \
        python packaging/measure_startup.py [--bundle dist/gatelab/gatelab] [--runs 5]

Starts the app (a plain window, no flags) and grabs the screen every few milliseconds
until the 3D view's first frame is on it: the four red target markers, which only the
GL view draws, cover at least MARKER_PIXELS pixels. Prints one line per variant with the
median and the spread, then the `train --json` run time (no window) of each.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from PySide6.QtGui import QGuiApplication

ROOT = Path(__file__).resolve().parent.parent
MARKER_PIXELS = 300  # the markers cover ~600 px; the legend's red dot ~60
TIMEOUT_S = 60


def red_marker_pixels(screen) -> int:
    image = screen.grabWindow(0, 0, 0, 1000, 900).toImage()  # the window opens at the top left
    image = image.convertToFormat(image.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(image.height(), -1)
    rgb = rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).astype(np.int16)
    return int(((rgb[..., 0] > 200) & (rgb[..., 1] < 120) & (rgb[..., 2] < 150)).sum())


def time_to_first_frame(command, screen) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - start < TIMEOUT_S:
            if red_marker_pixels(screen) >= MARKER_PIXELS:
                return time.perf_counter() - start
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {process.returncode}")
            time.sleep(0.01)
        raise TimeoutError(f"no frame from {command} in {TIMEOUT_S} s")
    finally:
        process.terminate()
        process.wait()
        while red_marker_pixels(screen) >= MARKER_PIXELS:  # the window is gone before the next run
            time.sleep(0.01)


def time_command(command) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def summary(name, seconds) -> str:
    return (f"{name:<28} median {statistics.median(seconds) * 1000:6.0f} ms   "
            f"min {min(seconds) * 1000:6.0f}   max {max(seconds) * 1000:6.0f}   (n={len(seconds)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "gatelab" / "gatelab"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.pop("QT_QPA_PLATFORM", None)
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - screen grabs need it
    screen = QGuiApplication.primaryScreen()
    variants = {"frozen": [args.bundle], "source": [sys.executable, str(ROOT / "main.py")]}
    first_frame = {name: [] for name in variants}
    train = {name: [] for name in variants}
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        for name, command in variants.items():
            first_frame[name].append(time_to_first_frame(command, screen))
            train[name].append(time_command(command + ["train", "--json", "--steps", "300", "--seed", "5"]))
    for name in variants:
        print(summary(f"{name}: launch -> first frame", first_frame[name]))
    for name in variants:
        print(summary(f"{name}: train --json (300)", train[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
