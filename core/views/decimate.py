"""Drawing long loss curves cheaply: a running min/max envelope of a growing series.

A plot cannot show more points than it has pixels, and handing it 10^7 points
every frame costs time proportional to the run. The envelope keeps at most
`max_buckets` (min, max) pairs; each new value is folded in once, and when the
buckets run out, neighbours merge and each bucket covers twice as many steps.
Drawing the min and max of every bucket keeps every spike visible.
"""

import numpy as np


class MinMaxEnvelope:
    def __init__(self, max_buckets: int = 4096):
        if max_buckets < 2 or max_buckets % 2:
            raise ValueError("max_buckets must be an even number >= 2")
        self.max_buckets = max_buckets
        self.clear()

    def clear(self) -> None:
        self.bucket_size = 1
        self._mins = np.empty(self.max_buckets)
        self._maxs = np.empty(self.max_buckets)
        self._full = 0  # completed buckets
        self._partial = 0  # values in the bucket being filled
        self._pmin = np.nan
        self._pmax = np.nan
        self.count = 0

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=float).ravel()
        self.count += values.size
        while values.size:
            room = self.bucket_size - self._partial
            head, values = values[:room], values[room:]
            self._pmin = np.fmin(self._pmin, np.fmin.reduce(head)) if self._partial else np.fmin.reduce(head)
            self._pmax = np.fmax(self._pmax, np.fmax.reduce(head)) if self._partial else np.fmax.reduce(head)
            self._partial += head.size
            if self._partial == self.bucket_size:
                self._close_bucket()
            whole = min(values.size // self.bucket_size, self.max_buckets - self._full)
            if whole:
                block = values[: whole * self.bucket_size].reshape(whole, self.bucket_size)
                self._mins[self._full : self._full + whole] = np.fmin.reduce(block, axis=1)
                self._maxs[self._full : self._full + whole] = np.fmax.reduce(block, axis=1)
                self._full += whole
                values = values[whole * self.bucket_size :]
                if self._full == self.max_buckets:
                    self._merge()

    def _close_bucket(self) -> None:
        self._mins[self._full] = self._pmin
        self._maxs[self._full] = self._pmax
        self._full += 1
        self._partial = 0
        if self._full == self.max_buckets:
            self._merge()

    def _merge(self) -> None:
        half = self.max_buckets // 2
        self._mins[:half] = np.fmin(self._mins[0::2], self._mins[1::2])
        self._maxs[:half] = np.fmax(self._maxs[0::2], self._maxs[1::2])
        self._full = half
        self.bucket_size *= 2

    def bucket_at(self, step: float, first_step: int = 1):
        """(first step, last step, min, max) of the bucket holding `step`, or None."""
        index = int((step - first_step) // self.bucket_size)
        if step < first_step or index > self._full or (index == self._full and not self._partial):
            return None
        start = first_step + index * self.bucket_size
        if index == self._full:
            return start, start + self._partial - 1, float(self._pmin), float(self._pmax)
        return start, start + self.bucket_size - 1, float(self._mins[index]), float(self._maxs[index])

    def xy(self, first_step: int = 1):
        """Points to draw: (step, loss), two per bucket (min then max) once buckets hold > 1 step."""
        mins = np.append(self._mins[: self._full], [self._pmin] if self._partial else [])
        maxs = np.append(self._maxs[: self._full], [self._pmax] if self._partial else [])
        widths = np.full(mins.size, self.bucket_size)
        if self._partial:
            widths[-1] = self._partial
        centres = first_step + np.arange(mins.size) * self.bucket_size + (widths - 1) / 2
        if self.bucket_size == 1:
            return centres, mins
        return np.repeat(centres, 2), np.column_stack([mins, maxs]).ravel()


def decimate_slice(values: np.ndarray, first_step: int, max_points: int):
    """Min/max pairs of a slice of a series, for a zoomed-in view (O(len(values)))."""
    values = np.asarray(values, dtype=float)
    size = values.size
    if size <= max_points:
        return first_step + np.arange(size, dtype=float), values
    per = -(-size // (max_points // 2))
    whole = size // per
    block = values[: whole * per].reshape(whole, per)
    centres = first_step + np.arange(whole) * per + (per - 1) / 2
    mins, maxs = np.fmin.reduce(block, axis=1), np.fmax.reduce(block, axis=1)
    return np.repeat(centres, 2), np.column_stack([mins, maxs]).ravel()
