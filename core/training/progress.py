"""What a saved file of a run would hold, in a form cheap to compare: has the run changed since?

A session may hold many runs, and only some are in a file. The window remembers each run's mark
when it was saved, opened or made from its settings (a new run's state can be made again from
its settings, so it has nothing to lose); a run whose mark differs now has unsaved progress.
"""


def progress_mark(trainer, name: str | None = None) -> tuple:
    """Everything of the run a file keeps and a user could lose: its settings, where it got to,
    its weights and optimizer state (a hand edit changes only those), how it ended, and the
    name given to it."""
    outcome = trainer.outcome.reason if trainer.outcome is not None else None
    return (trainer.config, trainer.step, len(trainer.history), trainer.flat_state(),
            outcome, name or None)


def is_fresh(trainer) -> bool:
    """A run at its seed's initial weights that never trained: its settings make it again."""
    return (trainer.step == 0 and trainer.branched_from is None
            and tuple(trainer.flat_weights()) == tuple(float(w) for w in trainer.initial_weights.flat()))
