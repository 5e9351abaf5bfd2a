"""Compact records of one loss value per step."""

import numpy as np

# The loss trend a diagnosis reads (core.views.diagnosis): the mean loss of the last window of
# steps against the window before it.
FEW_STEPS = 100  # fewer steps than this: too early to read a trend (a start on a plateau is normal)
TREND_WINDOW = 0.1  # each window: this share of the steps run (at least FEW_STEPS / 2)
TREND_WINDOW_MAX = 5000  # ... and at most this many steps (a snapshot reads two windows)


def trend_window(steps: int) -> int:
    """The steps in each of the two recent windows whose mean losses are compared."""
    window = min(max(FEW_STEPS // 2, int(steps * TREND_WINDOW)), TREND_WINDOW_MAX)
    return min(window, steps // 2)


def clipped_to(dtype, values) -> np.ndarray:
    """`values` as `dtype`, finite ones beyond its range held at its largest (no overflow)."""
    values = np.asarray(values, dtype=float)
    dtype = np.dtype(dtype)
    if dtype == np.float64 or not values.size:
        return values.astype(dtype)
    limit = float(np.finfo(dtype).max)
    with np.errstate(invalid="ignore"):
        return np.clip(values, -limit, limit).astype(dtype)  # NaN stays NaN


class LossHistory:
    """Values stored in fixed-size chunks.

    float64 by default (the command line prints exact values); the window keeps
    float32, half the memory for a 10^7-step run. Chunks, rather than one buffer
    that doubles, because each doubling copy leaves the old buffer's pages to the
    allocator: measured 11 MB more resident memory after 10^7 steps.

    A finite loss beyond float32's range (a run about to diverge reaches 1e38-1e308) is kept
    exactly on the side: values() shows it at float32's largest, exact_values() as it was.
    """

    CHUNK = 1 << 20

    def __init__(self, values=(), dtype=np.float64):
        self.dtype = np.dtype(dtype)
        self._chunks: list[np.ndarray] = []
        self._size = 0
        self._joined = None  # values() of several chunks, kept until the next change
        self._beyond: dict[int, float] = {}  # index -> exact value too large for the dtype
        self.extend(values)

    def __len__(self) -> int:
        return self._size

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=float).ravel()
        self._joined = None
        if self.dtype != np.float64 and values.size:
            with np.errstate(invalid="ignore"):
                beyond = np.flatnonzero(np.abs(values) > np.finfo(self.dtype).max)
            for k in beyond:
                self._beyond[self._size + int(k)] = float(values[k])
            values = clipped_to(self.dtype, values)
        while values.size:
            used = self._size - (len(self._chunks) - 1) * self.CHUNK if self._chunks else self.CHUNK
            if used == self.CHUNK:
                self._chunks.append(np.empty(self.CHUNK, dtype=self.dtype))
                used = 0
            take = min(self.CHUNK - used, values.size)
            self._chunks[-1][used : used + take] = values[:take]
            self._size += take
            values = values[take:]

    def exact_values(self) -> np.ndarray:
        """The values as float64, with the ones too large for the dtype as they were."""
        values = np.array(self.values(), dtype=float)
        for index, value in self._beyond.items():
            values[index] = value
        return values

    def exact_segment(self, start: int, stop: int) -> np.ndarray:
        """exact_values()[start:stop] without joining the chunks (a file is written a piece at
        a time: a 10^7-step history is not copied whole)."""
        values = np.array(self.segment(start, stop), dtype=float)
        for index, value in self._beyond.items():
            if start <= index < stop:
                values[index - start] = value
        return values

    def values(self) -> np.ndarray:
        """The recorded values, read-only (a view when they fit one chunk, else a joined copy)."""
        if len(self._chunks) <= 1:
            view = (self._chunks[0][: self._size] if self._chunks
                    else np.zeros(0, dtype=self.dtype))
        else:
            if self._joined is None or self._joined.size != self._size:
                self._joined = np.concatenate(self._chunks)[: self._size]
            view = self._joined.view()
        view.flags.writeable = False
        return view

    def segment(self, start: int, stop: int) -> np.ndarray:
        """A copy of values()[start:stop], read straight from the chunks.

        Safe to call from another thread while this one only appends (the training worker):
        values below a size that was read before are written once and never move."""
        stop = min(stop, self._size)
        start = max(0, min(start, stop))
        out = np.empty(stop - start, dtype=self.dtype)
        done, index = 0, start
        while index < stop:
            chunk, offset = divmod(index, self.CHUNK)
            take = min(self.CHUNK - offset, stop - index)
            out[done : done + take] = self._chunks[chunk][offset : offset + take]
            done += take
            index += take
        return out

    def truncate(self, size: int) -> None:
        size = max(0, min(self._size, size))
        self._chunks = self._chunks[: -(-size // self.CHUNK)] if size else []
        self._size = size
        self._joined = None
        self._beyond = {k: v for k, v in self._beyond.items() if k < size}


class RecentHistory:
    """Only the most recent `capacity` values (at least), for exact look-ups near the end
    of a long run; `dropped` counts the older values let go."""

    def __init__(self, capacity: int, dtype=np.float32):
        self.capacity = capacity
        self.dropped = 0
        self._buffer = np.zeros(2 * capacity, dtype=dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def extend(self, values) -> None:
        values = clipped_to(self._buffer.dtype, np.asarray(values, dtype=float).ravel())
        if values.size >= self.capacity:  # only the last `capacity` can stay
            self.dropped += self._size + values.size - self.capacity
            self._buffer[: self.capacity] = values[-self.capacity :]
            self._size = self.capacity
            return
        if self._size + values.size > self._buffer.size:  # slide the newest part to the front
            keep = self.capacity - values.size
            self.dropped += self._size - keep
            self._buffer[:keep] = self._buffer[self._size - keep : self._size]
            self._size = keep
        self._buffer[self._size : self._size + values.size] = values
        self._size += values.size

    def values(self) -> np.ndarray:
        view = self._buffer[: self._size]
        view.flags.writeable = False
        return view

    def truncate(self, size: int) -> None:
        self._size = max(0, min(self._size, size))

    def clear(self) -> None:
        self._size = 0
        self.dropped = 0


class WeightPath:
    """Where the weights have been: (step, weights) at steps spread over the run, for the
    trails the hidden-space view draws. Points come at most every `spacing` steps (from the
    ends of the trainer's advances, which the window makes about 50 times a second); past
    POINTS_MAX, every other one is dropped and the spacing doubles, so a run of any length
    keeps a few hundred points spread over all of it. A picture of the path, not a record:
    the exact state of any step is the run record's (core.training.run_record). The training
    thread adds while the window reads: the points are one list, replaced whole when thinned."""

    POINTS_MAX = 256

    def __init__(self):
        self._points: list[tuple[int, tuple]] = []
        self._spacing = 1

    def add(self, step: int, flat) -> None:
        points = self._points
        if points and step - points[-1][0] < self._spacing:
            return  # too close to the last point (or a step already passed: an edit, say)
        points.append((int(step), tuple(flat)))
        if len(points) > self.POINTS_MAX:
            self._points = points[::2]
            self._spacing *= 2

    def up_to(self, step: int) -> tuple[np.ndarray, np.ndarray]:
        """(steps, flat weights) of the points at or before `step` (a copy: K and K x P)."""
        points = [p for p in self._points if p[0] <= step]
        steps = np.array([p[0] for p in points], dtype=np.int64)
        if not points:  # none yet at that step (a run opened at a later step, say)
            return steps, np.zeros((0, 0))
        return steps, np.array([p[1] for p in points], dtype=float)

    def copy_up_to(self, step: int) -> "WeightPath":
        path = WeightPath()
        path._points = [p for p in self._points if p[0] <= step]
        path._spacing = self._spacing
        return path
