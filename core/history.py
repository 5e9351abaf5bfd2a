"""Compact records of one loss value per step."""

import numpy as np


class LossHistory:
    """Values in a buffer that doubles when full (amortised O(1) appends).

    float64 by default (the command line prints exact values); the window keeps
    float32, half the memory for a 10^7-step run.
    """

    def __init__(self, values=(), dtype=np.float64):
        values = np.asarray(values, dtype=float).ravel()
        self.dtype = np.dtype(dtype)
        self._buffer = np.zeros(max(1024, values.size), dtype=self.dtype)
        self._size = 0
        self.extend(values)

    def __len__(self) -> int:
        return self._size

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=float).ravel()
        needed = self._size + values.size
        if needed > self._buffer.size:
            # np.zeros pages are only resident once written, so the spare half costs little.
            grown = np.zeros(max(needed, 2 * self._buffer.size), dtype=self.dtype)
            grown[: self._size] = self._buffer[: self._size]
            self._buffer = grown
        self._buffer[self._size : needed] = values
        self._size = needed

    def values(self) -> np.ndarray:
        """A read-only view of the recorded values (no copy)."""
        view = self._buffer[: self._size]
        view.flags.writeable = False
        return view

    def truncate(self, size: int) -> None:
        self._size = min(self._size, size)


class RecentHistory(LossHistory):
    """Only the most recent `capacity` values (at least), for exact look-ups near the end
    of a long run; `dropped` counts the older values let go."""

    def __init__(self, capacity: int, dtype=np.float32):
        self.capacity = capacity
        self.dropped = 0
        super().__init__((), dtype)

    def extend(self, values) -> None:
        super().extend(values)
        excess = self._size - self.capacity
        if excess > self.capacity:  # trim rarely, so the copy is amortised
            self._buffer[: self.capacity] = self._buffer[excess : self._size]
            self._size = self.capacity
            self.dropped += excess

    def clear(self) -> None:
        self._size = 0
        self.dropped = 0
