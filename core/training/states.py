"""One vocabulary for what a run is doing and how it ended.

A run's *state* is what the window shows (idle, training, paused, ...). When a run ends, its
*end* says why, as a name stored in experiment files and JSON results ("completed",
"diverged", "target_loss", "stopped") and as a small integer code (`End`) where arrays or
generated kernels carry it: the per-row kernels return one, the many-seeds ensemble keeps one
per seed, the training process sends one back. The names and the codes are defined here only.
"""

from enum import IntEnum

# What a run is doing, as shown to the user.
IDLE, TRAINING, PAUSED, FINISHED, DIVERGED, FAILED, STOPPED = (
    "idle", "training", "paused", "finished", "diverged", "failed", "stopped")

# How a run ended: the names files and JSON results store. A diverged or stopped run's end
# has the same name as its state.
COMPLETED, TARGET_LOSS = "completed", "target_loss"
END_NAMES = (COMPLETED, DIVERGED, TARGET_LOSS, STOPPED)


class End(IntEnum):
    """How a run (or one seed of many) ended, as a code; NONE: it has not ended."""

    NONE = 0
    COMPLETED = 1
    DIVERGED = 2
    TARGET_LOSS = 3
    STOPPED = 4

    @property
    def name_stored(self) -> str:
        """The end's name in files and JSON ("" for NONE)."""
        return "" if self is End.NONE else END_NAMES[self - 1]


def state_after(end_name: str) -> str:
    """The state a run shows once it has ended this way."""
    return {COMPLETED: FINISHED, TARGET_LOSS: FINISHED, DIVERGED: DIVERGED, STOPPED: STOPPED}[end_name]
