"""TheoremGuideView: the universal approximation theorem the article cites, in five sections
(core.teaching.theorem_guide): what it promises and what it does not, each with a run to load
and a line on what to look at. The numbers quoted are the section's own (`quotes`), which tests
hold to its run."""

from core.model.target_function import CHECK_GRID
from core.teaching.theorem_guide import SECTIONS, section
from gui.common.messages import sentences
from gui.views.guide_view import GuideView


class TheoremGuideView(GuideView):
    def __init__(self, flat: bool = False, parent=None):
        """flat: the output is a 2D map (no OpenGL), and the lines on what to look at say so."""
        super().__init__(parent)
        self._flat = flat
        self._lay_out(self.tr("The article motivates the hidden layer with the universal approximation "
                              "theorem. Each part below says one thing it promises or does not, and "
                              "Set up loads a run that shows it."),
                      self.tr("Load this section's run and show the view to look at"),
                      [entry.key for entry in SECTIONS], self.texts)

    def texts(self, key: str) -> tuple[str, str, str]:
        """(title, what the section is about, what to look at), with its run's numbers."""
        entry = section(key)
        if key == "promise":
            x1, x2 = _quoted(entry, "at")
            return (
                self.tr("The promise: as close as you like"),
                self.tr("With enough hidden nodes, some network comes as close as we like to any "
                        "continuous function on the square. Here {0} hidden nodes learn the bump "
                        "from its samples on a grid of {1} x {1}. {6} After {2:,} steps the largest "
                        "error over the samples is {3}, at the top of the hill ({4}, {5}), the last "
                        "part to come.").format(
                    entry.hidden_nodes, entry.grid, entry.steps, _quoted(entry, "max_error"), x1, x2,
                    self.tr("The map starts bright all over: the output is near 1 everywhere. "
                            "Press Train: the edges darken and the hill takes shape in the middle.")
                    if self._flat else
                    self.tr("The surface starts as a flat sheet near 1. Press Train: it settles "
                            "onto the red wireframe, the target, and the hill takes shape.")),
                self.tr("the map of the output: press Train and watch its colours take the hill's "
                        "shape; each small dot is a sample, in its target's colour.") if self._flat else
                self.tr("the 3D view: press Train and watch the surface settle onto the red "
                        "wireframe."))
        if key == "sum":
            return (
                self.tr("How the sum builds it: soft steps"),
                self.tr("Each hidden node's output is a soft step over the square: near 0 on one "
                        "side of a line, near 1 on the other. The output node adds them up, each "
                        "times its weight, and takes the sigmoid of the sum. The ridge needs only "
                        "{0} nodes: both nodes' lines run along the diagonal, one step is added and the "
                        "other taken away, and the ridge is what is left between them (largest "
                        "error {1}). A bump needs steps from more sides.").format(
                    entry.hidden_nodes, _quoted(entry, "max_error")),
                self.tr("“How the sum builds it”: each node's share, their sum, and the sigmoid "
                        "of it."))
        if key == "approximation":
            x1, x2 = _quoted(entry, "check_at")
            return (
                self.tr("Approximation, not exactness"),
                self.tr("The theorem promises closeness, never an exact match, and training only "
                        "sees the samples. On a {0} x {0} grid no sample lies on the top of the "
                        "bump. At the samples the largest error is {1}; on the {2} x {2} check "
                        "grid between them it is {3}, at ({4}, {5}): the top, which the network "
                        "never saw.").format(entry.grid, _quoted(entry, "max_error"), CHECK_GRID,
                                             _quoted(entry, "check_max_error"), x1, x2),
                self.tr("the map showing the error |yp − f|: the lighter patch in the middle is the "
                        "error between the samples.") if self._flat else
                self.tr("the 3D view showing the error |yp − f|: the peak in the middle is the "
                        "error between the samples."))
        if key == "continuous":
            return (
                self.tr("Continuous functions only"),
                self.tr("The step preset jumps from 0.1 to 0.9 at x1 = 0.53: it is not "
                        "continuous, so the theorem promises nothing for it. The samples can "
                        "still be met: the largest error over them is {0}. But a sum of smooth "
                        "steps is smooth: between the samples on either side of the jump the "
                        "network rounds it off, and there its error is {1}.").format(
                    _quoted(entry, "max_error"), _quoted(entry, "check_max_error")),
                self.tr("the map: its colours change gradually where the samples' dots jump from "
                        "dark to bright.") if self._flat else
                self.tr("the 3D view: the surface slopes where the red wireframe jumps."))
        fewest, most, seeds = entry.study
        x1, x2 = _quoted(entry, "at")
        other = next(q.seed for q in entry.quotes if q.seed is not None)  # a seed that comes closer
        stuck = self.tr(
            "The theorem says a good network exists, not that training finds it. Here "
            "{0} hidden nodes learn the ripple from seed {1}, and get stuck: from step "
            "1,000 on the loss barely moves, and the largest error is {2}, in the middle "
            "({3}, {4}), where the peak at the rings' centre never forms. Seed {5}, with the same "
            "settings, ends at {6}. Trained far longer, a stuck run may still escape; "
            "nothing says when.").format(
            entry.hidden_nodes, entry.seed, _quoted(entry, "max_error"), x1, x2, other,
            _quoted(entry, "max_error", seed=other))
        study = self.tr(
            "The study beside it trains seeds 0 to {0} for {1} to {2} hidden nodes (press "
            "Run): the median error falls from {3} to {4}, but at {2} nodes the band still "
            "reaches {5}: some seeds stay stuck.").format(
            seeds - 1, fewest, most, _quoted(entry, "median", nodes=fewest),
            _quoted(entry, "median", nodes=most), _quoted(entry, "high", nodes=most))
        return (
            self.tr("A good network exists; training may not find it"),
            sentences(stuck, study),
            self.tr("the study's plot: the median line falls, the band stays wide."))


def _quoted(entry, measure: str, seed: int | None = None, nodes: int | None = None):
    """A quoted number as the text shows it (2 decimals), or a point's coordinates."""
    value = entry.quote(measure, seed, nodes).value
    return tuple(f"{v:g}" for v in value) if isinstance(value, tuple) else f"{value:.2f}"
