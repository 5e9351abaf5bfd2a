"""AnimationWriter: draws a recorded run frame by frame on its own AnimationStage and writes an
animated GIF (File > Export > Animation, and `gatelab animate`).

One frame per event-loop pass, so the window stays responsive and Cancel is answered between
frames. Each frame is turned into 8-bit colour as soon as it is drawn (Pillow), and the file is
written only at the end, through QSaveFile: a cancelled or failed animation leaves no partial
file and an earlier file intact. Why GIF only, and its size cost, in docs/animation.md.
"""

import io
import time

from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QImage

from core.io.animation import BOTH, LOSS, SURFACE, AnimationPlan
from gui.files import exports

LOSS_PLOT_VIEWS = {LOSS, BOTH}  # the views with the loss plot in them

# 255 colours chosen per frame (octree: 3-6x faster than median cut at 800 x 600, measured in
# bench/animation_speed.py) and no dithering: the surface's smooth colours stay smooth.
COLOURS = 255


WAIT_MS = 200  # between looks at a hidden (minimised) stage: OpenGL draws only when it shows
PAUSE_AFTER_S = 0.5  # not shown for this long: say so (a new window takes ~0.2 s to show)
RUN_WAIT_S = 10  # the command line gives up on a stage that never shows


class AnimationWriter(QObject):
    progress = Signal(int, int)  # frames drawn, frames in all
    finished = Signal(str)  # "" when the file is written, else why not (cancelled: "")
    waiting = Signal(bool)  # True: paused until the stage is shown again

    def __init__(self, stage, plan: AnimationPlan, snapshots, path: str, caption_of,
                 legend=(), parent=None):
        """stage: an AnimationStage, shown; snapshots: an iterator of the plan's frame
        snapshots (core.io.animation.frame_snapshots); caption_of(snapshot): the caption
        under a frame ("" for none); legend: the key right-aligned in the caption band (a view's
        marker_key(), gui.files.exports)."""
        super().__init__(parent)
        self._stage, self._plan, self._snapshots = stage, plan, snapshots
        self._path, self._caption_of, self._legend = path, caption_of, legend
        self._steps = plan.frame_steps()
        self._frames: list = []
        self._camera = stage.camera()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next_frame)
        self.cancelled = False
        self.error = ""
        self.written_bytes = 0
        self.seconds = 0.0
        self._started = 0.0
        self._busy = False
        self._finishing = False
        self._paused = False
        self._hidden_since = None  # since when the stage could not draw

    @property
    def path(self) -> str:
        return self._path

    @property
    def total(self) -> int:
        return len(self._steps)

    @property
    def done(self) -> int:
        return len(self._frames)

    def start(self) -> None:
        self._started = time.perf_counter()
        self._timer.start()

    def cancel(self) -> None:
        """Stops between frames; nothing is written."""
        if self.is_running():
            self._timer.stop()
            self._finishing = False
            self.cancelled = True
            self._frames.clear()
            self._release()
            self.finished.emit("")

    def is_running(self) -> bool:
        return self._timer.isActive() or self._finishing

    def run_to_end(self) -> str:
        """Makes the whole animation now (the command line); "" or the error."""
        self.start()
        while self._timer.isActive() or self._finishing:
            QCoreApplication.processEvents()
            self._next_frame()
            if self._hidden_since is not None:
                if time.monotonic() - self._hidden_since > RUN_WAIT_S:
                    self._fail(QCoreApplication.translate(
                        "Animation", "The window the frames are drawn in is not shown."))
                time.sleep(0.02)  # the window system's turn to show it
        return self.error

    # -- frames --------------------------------------------------------------------
    def _next_frame(self) -> None:
        # Drawing a plot processes events, which may fire the timer again: one frame at a time.
        if not self._timer.isActive() or self._busy:
            return
        self._busy = True
        try:
            self._one_frame()
        finally:
            self._busy = False

    def _one_frame(self) -> None:
        if not self._stage.can_draw():  # hidden (minimised, say), or not on screen yet: wait
            now = time.monotonic()
            self._hidden_since = self._hidden_since or now
            self._timer.setInterval(WAIT_MS)
            if not self._paused and now - self._hidden_since >= PAUSE_AFTER_S:
                self._paused = True
                self.waiting.emit(True)
            return
        self._hidden_since = None
        self._timer.setInterval(0)
        if self._paused:
            self._paused = False
            self.waiting.emit(False)
        try:
            snapshot = next(self._snapshots)
        except StopIteration:
            self._finish()
            return
        except Exception as error:  # noqa: BLE001 - a damaged record: say so, stop cleanly
            self._fail(QCoreApplication.translate(
                "Animation", "Step {0:,} could not be rebuilt: {1}").format(
                int(self._steps[len(self._frames)]), error))
            return
        try:
            frame = _palette_frame(self._draw(snapshot))
        except Exception as error:  # noqa: BLE001 - a GL or paint failure is reported
            if not self.cancelled:
                self._fail(QCoreApplication.translate(
                    "Animation", "Frame {0} could not be drawn: {1}").format(len(self._frames) + 1, error))
            return
        if self.cancelled or not self._timer.isActive():  # Cancel came while it was drawn
            return
        self._frames.append(frame)
        self.progress.emit(len(self._frames), self.total)
        if len(self._frames) == self.total:
            self._timer.stop()
            self._finishing = True
            QTimer.singleShot(0, self._finish)  # after the progress shows "writing"

    def _draw(self, snapshot) -> QImage:
        stage, plan = self._stage, self._plan
        stage.update_from(snapshot)
        if self._camera is not None:
            stage.set_camera(azimuth=plan.azimuth(len(self._frames), self._camera["azimuth"]))
        views = {SURFACE: [stage.output], LOSS: [stage.loss_plot],
                 BOTH: [stage.output, stage.loss_plot]}[plan.view]
        legend = self._legend if plan.view != LOSS else ()
        size, caption = QSize(plan.width, plan.height), self._caption_of(snapshot)
        if not self._frames and LOSS_PLOT_VIEWS & {plan.view}:
            # The loss plot's axes learn their tick labels' size as they are first drawn: the
            # first frame had "step" printed over the "1000" tick. A first drawing, thrown away.
            exports.slide_image(views, size, caption, legend)
        image = exports.slide_image(views, size, caption, legend)
        if image is None or image.isNull():
            raise RuntimeError("the view drew nothing (is it hidden?)")
        return image

    def _finish(self) -> None:
        if self.cancelled:
            return
        self._timer.stop()
        self._finishing = False
        frames, self._frames = self._frames, []
        if self._camera is not None:
            self._stage.set_camera(azimuth=self._camera["azimuth"])
        self._release()
        try:
            data = _gif_bytes(frames, self._plan.delays_ms()[:len(frames)])
        except Exception as error:  # noqa: BLE001 - whatever Pillow raises, the window hears of it
            self._fail(QCoreApplication.translate("Animation", "The GIF could not be made: {0}")
                       .format(error))
            return
        self.error = exports.save_bytes(self._path, data) or ""
        self.written_bytes = 0 if self.error else len(data)
        self.seconds = time.perf_counter() - self._started
        self.finished.emit(self.error)

    def _fail(self, message: str) -> None:
        self._timer.stop()
        self._finishing = False
        self._frames.clear()
        self._release()
        self.error = message
        self.finished.emit(message)

    def _release(self) -> None:
        """Lets go of the run: the frames' generator holds its trainer."""
        close = getattr(self._snapshots, "close", None)
        if close is not None:
            close()
        self._snapshots = iter(())


def _palette_frame(image: QImage):
    """The frame as a Pillow palette image (at most COLOURS colours)."""
    from PIL import Image  # only here: the window starts without Pillow

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())[:rgb.bytesPerLine() * rgb.height()]
    picture = Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB",
                               rgb.bytesPerLine(), 1)
    return picture.quantize(COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


def _gif_bytes(frames: list, delays_ms: list[int]) -> bytes:
    """The frames as one looping GIF."""
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:],
                   duration=delays_ms, loop=0, optimize=False, disposal=1)
    return buffer.getvalue()
