"""A growable, compact record of one loss value per step."""

import numpy as np


class LossHistory:
    """float64 values in a buffer that doubles when full (amortised O(1) appends)."""

    def __init__(self, values=()):
        values = np.asarray(values, dtype=float).ravel()
        self._buffer = np.zeros(max(1024, values.size), dtype=float)
        self._size = 0
        self.extend(values)

    def __len__(self) -> int:
        return self._size

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=float).ravel()
        needed = self._size + values.size
        if needed > self._buffer.size:
            grown = np.zeros(max(needed, 2 * self._buffer.size), dtype=float)
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
