"""What the Runs panel lists: one line per run of the session, named from its settings."""

from dataclasses import dataclass

# Okabe and Ito's colour-blind-safe palette, for loss curves laid over the current run's,
# without its two blues: the shown run's curve is blue, and "run 2" in sky blue beside it was
# hard to tell apart.
OVERLAY_COLOURS = ("#E69F00", "#009E73", "#CC79A7", "#D55E00", "#000000", "#F0E442")


@dataclass(frozen=True)
class RunInfo:
    run_id: int
    name: str
    steps: int  # steps done
    final_loss: float  # the loss now, at its last step
    solved: bool
    origin: str  # "" or where it branched off, e.g. "from run 2 at step 700"
    current: bool  # the run the window shows
    number: int = 0  # its number in the session (1 for the first run)


def overlay_colour(index: int) -> str:
    return OVERLAY_COLOURS[index % len(OVERLAY_COLOURS)]
