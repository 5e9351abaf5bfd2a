"""What the Runs panel lists: one line per run of the session, named from its settings."""

from dataclasses import dataclass

# Okabe and Ito's colour-blind-safe palette, for loss curves laid over the current run's.
OVERLAY_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442")


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


def run_name(config) -> str:
    """A name a student can tell runs apart by: "XOR, 2 hidden, alpha 0.5, seed 0, textbook"."""
    model = "2-layer" if config.hidden_nodes == 0 else f"{config.hidden_nodes} hidden"
    parts = [config.gate.upper(), model, f"alpha {config.alpha:g}", f"seed {config.seed}",
             config.update_order]
    extras = [value for value, default in ((config.mode, "online"), (config.activation, "sigmoid"),
                                           (config.loss, "squared"), (config.init, "uniform"))
              if value != default]
    return ", ".join(parts + extras)


def overlay_colour(index: int) -> str:
    return OVERLAY_COLOURS[index % len(OVERLAY_COLOURS)]
