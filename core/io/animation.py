"""An animation of a recorded run: which steps become frames, how long each shows, how far the
3D view turns, and the state of each frame.

Pure NumPy: gui/files/animation_writer.py draws the frames and writes the GIF, for the window's
File > Export > Animation and for `gatelab animate`. Bad choices raise AnimationError with a
one-line message that both show as they are.
"""

import math
import re
from dataclasses import dataclass

import numpy as np

from core.training.trainer import Trainer
from core.views.snapshot import LossRecord, make_snapshot

SURFACE, LOSS, BOTH = "surface", "loss", "both"
VIEWS = (SURFACE, LOSS, BOTH)
FRAMES_MIN, FRAMES_MAX = 2, 1000
SIZE_MIN, SIZE_MAX = 160, 3840  # pixels each way
# Every frame is kept until the file is written, and Pillow copies each as it writes: about
# 3.5 bytes a pixel at the peak (673 MB resident for 90 frames of 1920 x 1080, measured in
# docs/animation.md). Past this, fewer frames or a smaller size.
PIXELS_MAX = 200_000_000
# GIF counts in hundredths of a second, and most viewers show anything faster than 2 of them
# at 10: 20 ms (50 frames a second) is the fastest that plays as asked.
DELAY_MIN_MS, DELAY_MAX_MS = 20, 10_000
HOLD_MS = 1500  # the last frame stays this long before the loop starts again: the result
TURN_DEGREES = 90.0  # asked to turn, the 3D view turns a quarter of the way round


class AnimationError(ValueError):
    """A choice no animation can be made with; str() is one line for the user, `kind` says which
    choice ("view", "frames", "size", "steps", "seconds", "delay", "pixels") and `values` its
    numbers, for a message in the user's language."""

    def __init__(self, message: str, kind: str = "", values: tuple = ()):
        super().__init__(message)
        self.kind, self.values = kind, values


@dataclass(frozen=True)
class AnimationPlan:
    first: int  # the first step drawn (the run record's first)
    last: int  # the last step drawn (the step shown)
    frames: int  # frames asked for; fewer if the run has fewer steps (frame_steps)
    width: int
    height: int
    view: str  # SURFACE, LOSS or BOTH
    delay_ms: float  # how long each frame shows, on average (GIF rounds each to 10 ms)
    turn: bool = False  # the 3D view turns as it learns; otherwise it keeps the user's camera

    def frame_steps(self) -> np.ndarray:
        """The step of each frame: evenly spread from first to last, both included, each step
        at most once."""
        return np.unique(np.round(np.linspace(self.first, self.last, self.frames)).astype(np.int64))

    def delays_ms(self) -> list[int]:
        """How long each frame shows, in the hundredths of a second GIF counts: delay_ms on
        average, rounded so the frames add up to the length asked for (33.3 ms a frame plays
        as 30, 30, 40, ...); the last one at least HOLD_MS."""
        count = len(self.frame_steps())
        edges = [10 * math.floor(k * self.delay_ms / 10 + 0.5) for k in range(count + 1)]
        delays = [b - a for a, b in zip(edges, edges[1:])]
        return delays[:-1] + [max(delays[-1], HOLD_MS)]

    def azimuth(self, index: int, seen: float) -> float:
        """The 3D camera's azimuth for frame `index`: `seen` (the user's) throughout, or, when
        turning, TURN_DEGREES round to end on `seen`: the last frame, held longest, shows the
        result from where the user looked at it."""
        if not self.turn:
            return seen
        count = len(self.frame_steps())
        return seen - TURN_DEGREES * (1.0 - index / max(1, count - 1))

    def pixels(self) -> int:
        return self.width * self.height * len(self.frame_steps())


def plan_animation(first: int, last: int, frames: int, size: tuple[int, int], view: str,
                   seconds: float | None = None, turn: bool = False) -> AnimationPlan:
    """The plan for frames `first` .. `last`; `seconds`: the whole animation's length (None:
    about 10 frames a second); `turn`: the 3D view turns as it learns. AnimationError says
    what is wrong."""
    if view not in VIEWS:
        raise AnimationError(f"the view is one of {', '.join(VIEWS)}, not {view!r}", "view")
    if isinstance(frames, bool) or not isinstance(frames, (int, np.integer)) or \
            not FRAMES_MIN <= frames <= FRAMES_MAX:
        raise AnimationError(f"the number of frames is from {FRAMES_MIN} to {FRAMES_MAX}, "
                             f"not {frames}", "frames")
    width, height = size
    if not (SIZE_MIN <= width <= SIZE_MAX and SIZE_MIN <= height <= SIZE_MAX):
        raise AnimationError(f"the size is from {SIZE_MIN} to {SIZE_MAX} pixels each way, "
                             f"not {width} x {height}", "size")
    if not 0 <= first < last:
        raise AnimationError(f"an animation needs at least two steps to show (from step "
                             f"{first:,} to {last:,}): train the run further first", "steps")
    plan = AnimationPlan(int(first), int(last), int(frames), int(width), int(height), view, 100.0,
                         bool(turn))
    count = len(plan.frame_steps())  # fewer than asked when the run has fewer steps
    if seconds is not None:
        if not np.isfinite(seconds) or seconds <= 0:
            raise AnimationError(f"the length is a positive number of seconds, not {seconds}",
                                 "seconds", (seconds,))
        delay = seconds * 1000 / count  # checked as it is: delays_ms() rounds without drift
        if not DELAY_MIN_MS <= delay <= DELAY_MAX_MS:
            shown = f"{delay:.1f}".rstrip("0").rstrip(".") + " ms" if delay < 10 * DELAY_MAX_MS \
                else "too long"
            raise AnimationError(
                f"{count} frames in {seconds:g} s is {shown} a frame; a frame shows for "
                f"{DELAY_MIN_MS} ms to {DELAY_MAX_MS / 1000:g} s", "delay", (count, seconds))
        plan = AnimationPlan(plan.first, plan.last, plan.frames, plan.width, plan.height, view,
                             float(delay), plan.turn)
    if plan.pixels() > PIXELS_MAX:
        raise AnimationError(
            f"{count} frames of {width} x {height} are too many pixels to keep "
            f"(at most {PIXELS_MAX // 1_000_000:,} million): choose fewer frames or a smaller size",
            "pixels", (count, width, height, PIXELS_MAX // 1_000_000))
    return plan


def parse_size(text: str) -> tuple[int, int]:
    """'800x600' (or 800X600, 800 x 600) as (800, 600); AnimationError otherwise."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*", text)
    if match is None:
        raise AnimationError(f"the size is WIDTHxHEIGHT in pixels, like 800x600, not {text!r}")
    return int(match.group(1)), int(match.group(2))


def frame_snapshots(trainer: Trainer, plan: AnimationPlan):
    """Yields the Snapshot of each frame: the run at that step, its loss curve up to the
    plan's last step with the frame's step marked (a past step, as the timeline shows it)."""
    losses = LossRecord(trainer.history, min(plan.last, len(trainer.history)))
    for step in plan.frame_steps().tolist():
        state = trainer.state_at(step)
        yield make_snapshot(state.config, state.weights, step, losses, run=trainer.run_id,
                            live_step=plan.last, path=trainer.path)
