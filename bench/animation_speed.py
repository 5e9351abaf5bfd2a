"""Measures File > Export > Animation (gui/files/animation_writer.py): 100 frames at 800 x 600.

    xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" python bench/animation_speed.py [--frames N]

For each view (the 3D surface turning, the loss curve, both side by side) of a 3000-step XOR
run: the whole animation from the first frame drawn to the GIF written, split into drawing the
frames and turning them into 8-bit colour plus writing. Against the goal (issue 16: <= 20 s for
100 frames at 800 x 600 under Xvfb's software OpenGL) and, as the baseline measured in the same
run, the same frames turned into colour with Pillow's median cut (its default for RGB) rather
than the fast octree GateLab uses. Exit code 0 when every view meets the goal.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GOAL_S = 20.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=100)
    args = parser.parse_args()

    from gui.shell.app import make_application

    _app = make_application()  # kept: the views need their QApplication
    from PIL import Image

    from core.io.animation import VIEWS, frame_snapshots, plan_animation
    from core.model.config import TrainConfig
    from core.training.trainer import Trainer
    from gui.common.messages import slide_caption
    from gui.files import animation_writer
    from gui.files.animation_writer import AnimationWriter
    from gui.views.animation_stage import AnimationStage

    run = Trainer(TrainConfig(steps=3000, seed=0))
    run.run()
    stage = AnimationStage()
    stage.resize(640, 320)
    stage.show()  # the writer waits until it is on screen
    print(f"3D view: {'OpenGL' if stage.is_3d else 'the 2D map (no OpenGL: ' + stage.output.reason + ')'}")

    drawn = []  # the frames as drawn, for the quantization baseline
    original_palette = animation_writer._palette_frame
    spent = {"palette": 0.0}

    def timed_palette(image):
        drawn.append(image.copy())
        started = time.perf_counter()
        frame = original_palette(image)
        spent["palette"] += time.perf_counter() - started
        return frame

    animation_writer._palette_frame = timed_palette
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        for view in VIEWS:
            drawn.clear()
            spent["palette"] = 0.0
            plan = plan_animation(0, run.step, args.frames, (800, 600), view)
            path = str(Path(folder) / f"{view}.gif")
            writer = AnimationWriter(stage, plan, frame_snapshots(run, plan), path, slide_caption,
                                     "● target   ○ prediction")
            started = time.perf_counter()
            error = writer.run_to_end()
            total = time.perf_counter() - started
            if error:
                print(f"{view}: failed: {error}")
                return 1
            size_kb = Path(path).stat().st_size / 1024
            median_cut = _median_cut_ms(drawn[:: max(1, len(drawn) // 10)], Image)
            octree = 1000 * spent["palette"] / len(drawn)
            met = total <= GOAL_S * args.frames / 100
            ok = ok and met
            print(f"{view:8s}: {writer.total} frames in {total:5.2f} s ({total / GOAL_S:.2f} of the "
                  f"goal, {'met' if met else 'NOT met'}); colour {octree:5.1f} ms a frame "
                  f"(median cut {median_cut:5.1f} ms: {median_cut / octree:.1f}x); {size_kb:,.0f} KB")
    return 0 if ok else 1


def _median_cut_ms(images, Image) -> float:
    times = []
    for image in images:
        from PySide6.QtGui import QImage

        rgb = image.convertToFormat(QImage.Format.Format_RGB888)
        data = bytes(rgb.constBits())[:rgb.bytesPerLine() * rgb.height()]
        picture = Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB",
                                   rgb.bytesPerLine(), 1)
        started = time.perf_counter()
        picture.quantize(255, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
