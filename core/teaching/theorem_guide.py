"""The theorem guide: the universal approximation theorem the article cites, in five sections,
each a function run to load and the view to look at (the window's Help > The theorem, step by
step; its words are the window's, translated there).

What the theorem promises (some network with enough hidden nodes comes as close as we like to
any continuous function on the square) and what it does not (exactness, discontinuous
functions, that training finds that network). Every section spells out all its settings, so
it shows the same run whatever the window's defaults are; the numbers its text quotes are in
`quotes`, and tests hold each one to the run (tests/core/teaching/test_theorem_guide.py).
"""

from dataclasses import dataclass

from core.model.config import FUNCTION, TrainConfig

# What a section brings forward (the window maps these to its views): the 3D view with the
# target's wireframe, the same view showing the error, "How the sum builds it", the study.
OUTPUT, ERROR, SUM, STUDY = "output", "error", "sum", "study"


@dataclass(frozen=True)
class Quote:
    """A number the section's text quotes, as it shows it (2 decimals)."""

    measure: str  # a core.views.function_fit.Fit field (max_error, at, check_max_error, ...),
    # or the study's "median" or "high" (90 %) largest error over its seeds at `nodes`
    value: float | tuple
    seed: int | None = None  # another seed of the section's settings; None: its own
    nodes: int | None = None  # the study's: this many hidden nodes


@dataclass(frozen=True)
class TheoremSection:
    key: str
    function: str  # a preset of core.model.target_function
    grid: int
    hidden_nodes: int
    optimizer: str
    alpha: float
    loss: str
    steps: int
    seed: int
    show: str  # OUTPUT, ERROR, SUM or STUDY
    train: bool  # train the whole run at once (to see its end); else the learner presses Train
    quotes: tuple = ()  # Quotes
    study: tuple | None = None  # (fewest, most hidden nodes, seeds) the study opens with

    def config(self, seed: int | None = None) -> TrainConfig:
        """The section's run (or the same settings from another seed): every setting that
        matters given, the rest the article's (online, sigmoid, uniform, textbook order)."""
        return TrainConfig(gate=FUNCTION, function=self.function, grid=self.grid,
                           hidden_nodes=self.hidden_nodes, optimizer=self.optimizer, alpha=self.alpha,
                           loss=self.loss, steps=self.steps, seed=self.seed if seed is None else seed,
                           mode="online", activation="sigmoid", init="uniform",
                           update_order="textbook", target_loss=None)

    def quote(self, measure: str, seed: int | None = None, nodes: int | None = None) -> Quote:
        return next(q for q in self.quotes if (q.measure, q.seed, q.nodes) == (measure, seed, nodes))


SECTIONS = (
    # The bump takes shape from a sheet near 1; its top, a peak the sigmoids must build, comes last.
    TheoremSection("promise", "bump", 11, 8, "sgd", 0.5, "cross-entropy", 2000, 0, OUTPUT, False,
                   (Quote("max_error", 0.10), Quote("at", (0.5, 0.5)))),
    # Two soft steps along the diagonal, one added and one taken away: the ridge between them.
    TheoremSection("sum", "ridge", 11, 2, "sgd", 0.5, "squared", 2000, 0, SUM, True,
                   (Quote("max_error", 0.03),)),
    # A 6 x 6 grid has no sample at the bump's top (0.5, 0.5): met at the samples, missed there.
    TheoremSection("approximation", "bump", 6, 8, "sgd", 0.5, "cross-entropy", 2000, 0, ERROR, True,
                   (Quote("max_error", 0.09), Quote("check_max_error", 0.24), Quote("check_at", (0.5, 0.5)))),
    # The jump: every sample met, the jump between two of them rounded off.
    TheoremSection("continuous", "step", 11, 8, "sgd", 0.5, "cross-entropy", 2000, 0, OUTPUT, True,
                   (Quote("max_error", 0.01), Quote("check_max_error", 0.41))),
    # Seed 2 never forms the ripple's middle; seed 5, same settings, comes far closer.
    TheoremSection("found", "ripple", 11, 12, "sgd", 0.5, "cross-entropy", 2000, 2, STUDY, True,
                   (Quote("max_error", 0.68), Quote("at", (0.5, 0.5)), Quote("max_error", 0.20, seed=5),
                    Quote("median", 0.70, nodes=2), Quote("median", 0.44, nodes=12),
                    Quote("high", 0.65, nodes=12)),
                   study=(2, 12, 10)),
)


def section(key: str) -> TheoremSection:
    """The section named `key`; KeyError if there is none."""
    for candidate in SECTIONS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)

