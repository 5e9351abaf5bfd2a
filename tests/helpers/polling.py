"""Waiting for a condition outside Qt's event loop (another process's state): poll it, with a
"did not hang" bound, never a fixed sleep hoping it happened."""

import time
from pathlib import Path

HANG_BOUND_S = 30.0


def poll_until(condition, timeout_s: float = HANG_BOUND_S, what: str = "the condition") -> None:
    """Returns once condition() is true; fails naming `what` if it is not within timeout_s."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {timeout_s:g} s"
        time.sleep(0.01)  # the other process's own pace between looks


def cpu_ticks(pid: int) -> int | None:
    """The process's user + system CPU time so far, in clock ticks (Linux /proc); None if gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])
